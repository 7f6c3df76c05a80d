//! Measuring behaviour change in an organisation (issue 17): a programme
//! turns core values into about ten desired behaviours, tied to values and
//! KPIs; rounds (0-meting, 1-meting, ...) ask respondent groups how often
//! they see each behaviour; the results show per behaviour the mean, the
//! spread and the change since the 0-meting with its uncertainty, next to
//! the KPI figures, and never a figure of a group too small to be
//! anonymous.
//!
//! Who may do what: the organisation's members read programmes and the
//! results of closed rounds; the programme's owner, the organisation's
//! beheerders and administrators set it up and run rounds; a respondent
//! needs only their one-time link (or a group's public link) and never an
//! account.
//!
//! This module holds access and the programme's set-up; `rounds.rs` runs
//! rounds and takes answers; `results.rs` computes what may be shown.

pub(crate) mod demo;
mod generate;
mod results;
mod rounds;

pub use results::{BehaviourResult, Cell, ChangeView, KpiSeries, OpenAnswers, ResultsView};
pub(crate) use rounds::JOBS;
pub use rounds::{AnswerForm, GroupRate, KpiValue, Questionnaire, RoundView};

use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::measurement::{
    BehaviourInput, DEFAULT_THRESHOLD, KpiDirection, KpiInput, MIN_THRESHOLD, ProgrammeInput,
    RoundState,
};
use vooruit_domain::organisation::OrgRole;
use vooruit_store::Conn;
pub use vooruit_store::measurement::Part;
use vooruit_store::measurement::{KpiRow, ProgrammeRow};
use vooruit_store::organisations::OrganisationRow;

use crate::accounts::User;
use crate::{AppError, AppResult};

crate::service!(
    /// Behaviour measurement: `app.measurement()`.
    Measurement,
    measurement
);

/// A programme in the organisation's list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProgrammeSummary {
    pub id: String,
    pub name: String,
    pub owner: Option<String>,
    pub created_at: i64,
}

/// The organisation's programmes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProgrammeList {
    pub org_slug: String,
    pub org_name: String,
    pub programmes: Vec<ProgrammeSummary>,
    /// The viewer may start a programme (beheerders and administrators).
    pub can_create: bool,
}

/// A value, behaviour or group.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartView {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KpiView {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub direction: KpiDirection,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BehaviourView {
    pub id: String,
    pub statement: String,
    /// Names of the values it serves.
    pub values: Vec<String>,
    /// Names of the KPIs it serves.
    pub kpis: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundSummary {
    pub number: i64,
    pub opens_on: String,
    pub closes_on: String,
    pub state: RoundState,
    pub invited: i64,
    pub answered: i64,
}

/// A member who can be made the programme's owner.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Candidate {
    pub id: String,
    pub name: String,
}

/// A programme with its parts and rounds.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProgrammeView {
    pub id: String,
    pub org_slug: String,
    pub org_name: String,
    pub name: String,
    pub description: String,
    pub owner_id: Option<String>,
    pub owner: Option<String>,
    pub threshold: i64,
    pub values: Vec<PartView>,
    pub kpis: Vec<KpiView>,
    pub behaviours: Vec<BehaviourView>,
    pub groups: Vec<PartView>,
    pub rounds: Vec<RoundSummary>,
    /// The viewer may set it up and run rounds.
    pub can_manage: bool,
    /// Parts can still be removed: no round has opened yet (removing a
    /// behaviour later would break the comparison between rounds).
    pub can_remove: bool,
    /// For managers: members who may become the owner.
    pub candidates: Vec<Candidate>,
}

impl ProgrammeView {
    pub fn url(&self) -> String {
        format!("/organisaties/{}/metingen/{}", self.org_slug, self.id)
    }
}

impl From<KpiRow> for KpiView {
    fn from(k: KpiRow) -> Self {
        KpiView {
            id: k.id,
            name: k.name,
            unit: k.unit,
            direction: k.direction,
            source: k.source,
        }
    }
}

/// The programme's behaviours with the names of the values and KPIs they
/// serve: the programme page and the results show them alike.
pub(crate) async fn named_behaviours(
    conn: &mut Conn,
    programme_id: &str,
) -> AppResult<Vec<BehaviourView>> {
    let values = conn.measurement().parts(Part::Value, programme_id).await?;
    let kpis = conn.measurement().kpis(programme_id).await?;
    let links = conn.measurement().links(programme_id).await?;
    Ok(conn
        .measurement()
        .parts(Part::Behaviour, programme_id)
        .await?
        .into_iter()
        .map(|b| {
            let mine: Vec<_> = links.iter().filter(|l| l.behaviour_id == b.id).collect();
            BehaviourView {
                values: values
                    .iter()
                    .filter(|v| mine.iter().any(|l| l.value_id.as_ref() == Some(&v.id)))
                    .map(|v| v.name.clone())
                    .collect(),
                kpis: kpis
                    .iter()
                    .filter(|k| mine.iter().any(|l| l.kpi_id.as_ref() == Some(&k.id)))
                    .map(|k| k.name.clone())
                    .collect(),
                id: b.id,
                statement: b.name,
            }
        })
        .collect())
}

/// Who is asking, about one programme.
pub(crate) struct Access {
    pub org: OrganisationRow,
    pub programme: ProgrammeRow,
    pub manage: bool,
}

/// The organisation and the viewer's role in it: members and
/// administrators get in, others are refused.
async fn org_access(
    conn: &mut Conn,
    user: &User,
    slug: &str,
) -> AppResult<(OrganisationRow, Option<OrgRole>)> {
    let org = conn
        .organisations()
        .by_slug(slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let role = conn.organisations().role_of(&org.id, &user.id).await?;
    if role.is_none() && !user.is_admin() {
        return Err(AppError::Forbidden);
    }
    Ok((org, role))
}

pub(crate) async fn access(
    conn: &mut Conn,
    user: &User,
    slug: &str,
    id: &str,
) -> AppResult<Access> {
    let (org, role) = org_access(conn, user, slug).await?;
    let programme = conn
        .measurement()
        .programme(&org.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let manage = user.is_admin()
        || role == Some(OrgRole::Beheerder)
        || programme.owner_id.as_deref() == Some(user.id.as_str());
    Ok(Access {
        org,
        programme,
        manage,
    })
}

/// As `access`, for changes: only those who manage the programme.
pub(crate) async fn manage_access(
    conn: &mut Conn,
    user: &User,
    slug: &str,
    id: &str,
) -> AppResult<Access> {
    let a = access(conn, user, slug, id).await?;
    if !a.manage {
        return Err(AppError::Forbidden);
    }
    Ok(a)
}

/// Whether any round of the programme has opened.
async fn has_started(conn: &mut Conn, programme_id: &str) -> AppResult<bool> {
    Ok(conn
        .measurement()
        .rounds(programme_id)
        .await?
        .iter()
        .any(|r| r.state != RoundState::Concept))
}

/// The settings form of a programme.
#[derive(Debug, Clone, Default)]
pub struct SettingsInput {
    pub name: String,
    pub description: String,
    pub owner: String,
    pub threshold: String,
}

impl Measurement<'_> {
    /// The organisation's programmes (its members and administrators).
    pub async fn list(&self, user: &User, slug: &str) -> AppResult<ProgrammeList> {
        let mut conn = self.read().await?;
        let (org, role) = org_access(&mut conn, user, slug).await?;
        let programmes = conn
            .measurement()
            .programmes_of(&org.id)
            .await?
            .into_iter()
            .map(|p| ProgrammeSummary {
                id: p.id,
                name: p.name,
                owner: p.owner_name,
                created_at: p.created_at,
            })
            .collect();
        Ok(ProgrammeList {
            org_slug: org.slug,
            org_name: org.name,
            programmes,
            can_create: user.is_admin() || role == Some(OrgRole::Beheerder),
        })
    }

    /// Starts a programme (beheerders and administrators); the creator
    /// is its owner. Returns its id.
    pub async fn create(
        &self,
        user: &User,
        slug: &str,
        mut input: ProgrammeInput,
    ) -> AppResult<String> {
        input.name = input.name.trim().to_string();
        input.description = input.description.trim().to_string();
        let mut tx = self.begin("measurement.create").await?;
        let (org, role) = org_access(&mut tx, user, slug).await?;
        if !user.is_admin() && role != Some(OrgRole::Beheerder) {
            return Err(AppError::Forbidden);
        }
        input.validate()?;
        let id = tx
            .measurement()
            .insert_programme(
                &org.id,
                &input.name,
                &input.description,
                &user.id,
                i64::from(DEFAULT_THRESHOLD),
            )
            .await?;
        self.commit(tx).await?;
        Ok(id)
    }

    /// A programme with its parts and rounds (members).
    pub async fn view(&self, user: &User, slug: &str, id: &str) -> AppResult<ProgrammeView> {
        let mut conn = self.read().await?;
        let a = access(&mut conn, user, slug, id).await?;
        let p = &a.programme;
        let values = conn.measurement().parts(Part::Value, &p.id).await?;
        let kpis = conn.measurement().kpis(&p.id).await?;
        let behaviours = named_behaviours(&mut conn, &p.id).await?;
        let groups = conn.measurement().parts(Part::Group, &p.id).await?;
        let mut rounds = vec![];
        for r in conn.measurement().rounds(&p.id).await? {
            let taking_part = conn.measurement().participation(&r.id).await?;
            rounds.push(RoundSummary {
                number: r.number,
                opens_on: r.opens_on,
                closes_on: r.closes_on,
                state: r.state,
                invited: taking_part.iter().map(|t| t.invited).sum(),
                answered: taking_part.iter().map(|t| t.answered).sum(),
            });
        }
        let candidates = if a.manage {
            conn.organisations()
                .members(&a.org.id)
                .await?
                .into_iter()
                .map(|m| Candidate {
                    id: m.user_id,
                    name: m.name,
                })
                .collect()
        } else {
            vec![]
        };
        let can_remove = a.manage && rounds.iter().all(|r| r.state == RoundState::Concept);
        Ok(ProgrammeView {
            id: p.id.clone(),
            org_slug: a.org.slug.clone(),
            org_name: a.org.name.clone(),
            name: p.name.clone(),
            description: p.description.clone(),
            owner_id: p.owner_id.clone(),
            owner: p.owner_name.clone(),
            threshold: p.threshold,
            values: values
                .into_iter()
                .map(|v| PartView {
                    id: v.id,
                    name: v.name,
                })
                .collect(),
            kpis: kpis.into_iter().map(KpiView::from).collect(),
            behaviours,
            groups: groups
                .into_iter()
                .map(|g| PartView {
                    id: g.id,
                    name: g.name,
                })
                .collect(),
            rounds,
            can_manage: a.manage,
            can_remove,
            candidates,
        })
    }

    /// Name, description, owner (a member of the organisation) and the
    /// threshold (never below the minimum, and not changed once a round
    /// has opened: earlier figures were shown under the old one).
    pub async fn settings(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        input: SettingsInput,
    ) -> AppResult<()> {
        let mut tx = self.begin("measurement.settings").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        let programme = ProgrammeInput {
            name: input.name.trim().to_string(),
            description: input.description.trim().to_string(),
        };
        let mut errors = programme.validate().err().unwrap_or_default();
        let threshold = match input.threshold.trim().parse::<i64>() {
            Ok(t) if t >= i64::from(MIN_THRESHOLD) && t <= 50 => Some(t),
            _ => {
                errors.add("threshold", "error-measurement-threshold");
                None
            }
        };
        let owner_ok = tx
            .organisations()
            .role_of(&a.org.id, input.owner.trim())
            .await?
            .is_some();
        if !owner_ok {
            errors.add("owner", "error-unknown-choice");
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let threshold = threshold.unwrap_or(a.programme.threshold);
        if threshold != a.programme.threshold && has_started(&mut tx, &a.programme.id).await? {
            return Err(AppError::field(
                "threshold",
                "error-measurement-threshold-fixed",
            ));
        }
        tx.measurement()
            .update_programme(
                &a.programme.id,
                &programme.name,
                &programme.description,
                input.owner.trim(),
                threshold,
            )
            .await?;
        self.commit(tx).await
    }

    /// Adds a core value or a respondent group.
    pub async fn add_part(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        part: Part,
        name: &str,
    ) -> AppResult<()> {
        let name = name.trim();
        let field = if part == Part::Group {
            "group_name"
        } else {
            "value_name"
        };
        let mut errors = vooruit_domain::FieldErrors::new();
        errors.text(field, name, true, 160);
        let mut tx = self.begin("measurement.add_part").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        errors.into_result()?;
        tx.measurement()
            .add_part(part, &a.programme.id, name)
            .await?;
        self.commit(tx).await
    }

    pub async fn add_kpi(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        input: KpiInput,
    ) -> AppResult<()> {
        let input = KpiInput {
            name: input.name.trim().to_string(),
            unit: input.unit.trim().to_string(),
            direction: input.direction.trim().to_string(),
            source: input.source.trim().to_string(),
        };
        let mut tx = self.begin("measurement.add_kpi").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        input.validate()?;
        let direction = KpiDirection::parse(&input.direction).unwrap_or(KpiDirection::Hoger);
        tx.measurement()
            .add_kpi(
                &a.programme.id,
                &input.name,
                &input.unit,
                direction,
                &input.source,
            )
            .await?;
        self.commit(tx).await
    }

    /// A desired behaviour, tied to the chosen values and KPIs of this
    /// programme.
    pub async fn add_behaviour(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        input: BehaviourInput,
    ) -> AppResult<()> {
        let statement = input.statement.trim().to_string();
        let mut tx = self.begin("measurement.add_behaviour").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        BehaviourInput {
            statement: statement.clone(),
            ..Default::default()
        }
        .validate()?;
        let values = tx.measurement().parts(Part::Value, &a.programme.id).await?;
        let kpis = tx.measurement().kpis(&a.programme.id).await?;
        let behaviour = tx
            .measurement()
            .add_part(Part::Behaviour, &a.programme.id, &statement)
            .await?;
        for v in values.iter().filter(|v| input.values.contains(&v.id)) {
            tx.measurement().link(&behaviour, Some(&v.id), None).await?;
        }
        for k in kpis.iter().filter(|k| input.kpis.contains(&k.id)) {
            tx.measurement().link(&behaviour, None, Some(&k.id)).await?;
        }
        self.commit(tx).await
    }

    /// Removes a value, KPI, behaviour or group, while no round has opened.
    pub async fn remove_part(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        part: Part,
        part_id: &str,
    ) -> AppResult<()> {
        let mut tx = self.begin("measurement.remove_part").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        if has_started(&mut tx, &a.programme.id).await? {
            return Err(AppError::Conflict("error-measurement-started"));
        }
        if !tx
            .measurement()
            .remove_part(part, &a.programme.id, part_id)
            .await?
        {
            return Err(AppError::NotFound);
        }
        self.commit(tx).await
    }
}
