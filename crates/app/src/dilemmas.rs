//! Dilemma sessions of a learning group: the facilitator describes a
//! situation from practice and its perspectives; each member chooses a
//! position and gives a reason, hidden from everyone else until the
//! facilitator reveals all positions at once, with or without names as set
//! when the session was opened; the group records what it would do and a
//! follow-up date, on which the facilitator is asked by mail what the
//! choice led to. The group's dilemmas form its library; a decided one can
//! be offered to the editors as a case, through the same safe-sharing step
//! as any story.
//!
//! "Zonder namen" is a property of what is stored: such a position has no
//! author and no time, and the list of who chose is kept sorted on the
//! dilemma's row (it says who chose, never what or when). So nobody, not
//! the member either, can find out or change which position is whose.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_domain::dilemma::{
    DilemmaInput, DilemmaNames, DilemmaPhase, OutcomeInput, PositionInput,
};
use vooruit_domain::group::GroupRole;
use vooruit_domain::lang::Lang;
use vooruit_domain::story::{StoryContent, StoryKind};
use vooruit_store::Conn;
use vooruit_store::dilemmas::DilemmaRow;
use vooruit_store::groups::GroupRow;

use crate::accounts::User;
use crate::groups::{facilitator_access, member_access};
use crate::mail::{self, Mail, texts};
use crate::{AppError, AppResult};

crate::service!(
    /// Dilemma sessions of learning groups: `app.dilemmas()`.
    Dilemmas,
    dilemmas
);

/// A dilemma in the group's library.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DilemmaSummary {
    pub id: String,
    pub title: String,
    pub phase: DilemmaPhase,
    pub names: DilemmaNames,
    /// What the group would do (empty until decided).
    pub outcome: String,
    /// What the choice led to (empty until the follow-up).
    pub follow_up: String,
    pub created_at: i64,
}

impl From<DilemmaRow> for DilemmaSummary {
    fn from(d: DilemmaRow) -> Self {
        DilemmaSummary {
            id: d.id,
            title: d.title,
            phase: d.phase,
            names: d.names,
            outcome: d.outcome,
            follow_up: d.follow_up,
            created_at: d.created_at,
        }
    }
}

/// The group's library of dilemmas.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Library {
    pub group_name: String,
    /// The viewer leads the group (may open sessions).
    pub facilitator: bool,
    pub dilemmas: Vec<DilemmaSummary>,
}

/// A position as shown after the reveal.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PositionView {
    pub reason: String,
    /// The member's name in a session "met namen"; never otherwise.
    pub author: Option<String>,
}

/// A perspective with, after the reveal, the positions taken on it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PerspectiveView {
    pub id: String,
    pub label: String,
    /// How many chose it: None before the reveal.
    pub count: Option<i64>,
    /// Empty before the reveal.
    pub positions: Vec<PositionView>,
}

/// The viewer's own position, where that is known (sessions "met namen").
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MyPosition {
    pub perspective: String,
    pub reason: String,
}

/// A dilemma as one member sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DilemmaView {
    pub id: String,
    pub group_slug: String,
    pub group_name: String,
    pub title: String,
    pub situation: String,
    pub names: DilemmaNames,
    pub phase: DilemmaPhase,
    pub created_at: i64,
    /// Counts every change: a live page reloads when it moves.
    pub version: i64,
    pub facilitator: bool,
    pub perspectives: Vec<PerspectiveView>,
    /// Positions given so far, and members in the group.
    pub given: i64,
    pub members: i64,
    /// The viewer has given a position.
    pub chosen: bool,
    pub mine: Option<MyPosition>,
    pub outcome: String,
    /// `YYYY-MM-DD`.
    pub follow_up_on: Option<String>,
    pub follow_up: String,
}

impl DilemmaView {
    pub fn revealed(&self) -> bool {
        self.phase != DilemmaPhase::Kiezen
    }

    pub fn url(&self) -> String {
        format!("/groepen/{}/dilemmas/{}", self.group_slug, self.id)
    }

    pub fn named(&self) -> bool {
        self.names == DilemmaNames::MetNamen
    }
}

/// The dilemma and the group, for a member; 404 for anyone else.
async fn dilemma_access(
    conn: &mut Conn,
    user: &User,
    slug: &str,
    id: &str,
) -> AppResult<(GroupRow, GroupRole, DilemmaRow)> {
    let (group, role) = member_access(conn, user, slug).await?;
    let d = conn
        .dilemmas()
        .get(&group.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((group, role, d))
}

/// The dilemma for a facilitator, locked for a change: the version moved
/// and the row read again after that, so it is what the change before
/// this one left.
async fn locked(
    conn: &mut Conn,
    user: &User,
    slug: &str,
    id: &str,
) -> AppResult<(GroupRow, DilemmaRow)> {
    let group = facilitator_access(conn, user, slug).await?;
    let d = lock(conn, &group, id).await?;
    Ok((group, d))
}

async fn lock(conn: &mut Conn, group: &GroupRow, id: &str) -> AppResult<DilemmaRow> {
    conn.dilemmas().bump(id).await?;
    conn.dilemmas()
        .get(&group.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The kind of job that asks the facilitator about the follow-up.
const FOLLOW_UP: &str = "dilemma-follow-up";

pub(crate) const JOBS: &[crate::jobs::JobKind] = &[crate::jobs::JobKind {
    name: FOLLOW_UP,
    run: |app, payload| Box::pin(ask_follow_up(app, payload)),
    forget_payload: false,
}];

/// What a follow-up job carries: the dilemma, the date it was planned for
/// (a changed date makes the old job do nothing) and the language.
#[derive(Serialize, Deserialize)]
struct FollowUpJob {
    dilemma: String,
    follow_up_on: String,
    lang: Lang,
}

impl Dilemmas<'_> {
    /// Opens a dilemma session (facilitators). Returns its id.
    pub async fn open(
        &self,
        user: &User,
        slug: &str,
        mut input: DilemmaInput,
    ) -> AppResult<String> {
        let mut tx = self.begin("dilemmas.open").await?;
        let group = facilitator_access(&mut tx, user, slug).await?;
        input.normalise();
        input.validate()?;
        let id = tx
            .dilemmas()
            .insert(
                &group.id,
                &input.title,
                &input.situation,
                input.names,
                &input.perspectives,
                &user.id,
            )
            .await?;
        self.commit(tx).await?;
        Ok(id)
    }

    /// The group's library of dilemmas, newest first (members); `q`
    /// keeps those whose title, situation or outcome holds every word.
    pub async fn library(&self, user: &User, slug: &str, q: &str) -> AppResult<Library> {
        let mut conn = self.read().await?;
        let (group, role) = member_access(&mut conn, user, slug).await?;
        let words: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
        let mut out = vec![];
        for d in conn.dilemmas().of_group(&group.id).await? {
            let text =
                format!("{} {} {} {}", d.title, d.situation, d.outcome, d.follow_up).to_lowercase();
            if words.iter().all(|w| text.contains(w.as_str())) {
                out.push(DilemmaSummary::from(d));
            }
        }
        Ok(Library {
            group_name: group.name,
            facilitator: role == GroupRole::Begeleider,
            dilemmas: out,
        })
    }

    /// A dilemma as `user` may see it: before the reveal only how many
    /// chose and, "met namen", their own position; afterwards everything,
    /// names only "met namen".
    pub async fn view(&self, user: &User, slug: &str, id: &str) -> AppResult<DilemmaView> {
        let mut conn = self.read().await?;
        let (group, role, d) = dilemma_access(&mut conn, user, slug, id).await?;
        let revealed = d.phase != DilemmaPhase::Kiezen;
        let named = d.names == DilemmaNames::MetNamen;
        let positions = conn.dilemmas().positions(&d.id).await?;
        let given = positions.len() as i64;
        let mine = positions
            .iter()
            .find(|p| named && p.author_id.as_deref() == Some(user.id.as_str()))
            .map(|p| MyPosition {
                perspective: p.perspective_id.clone(),
                reason: p.reason.clone(),
            });
        let chosen = mine.is_some() || d.has_chosen(&user.id);
        // Before the reveal the positions never leave this function.
        let perspectives = conn
            .dilemmas()
            .perspectives(&d.id)
            .await?
            .into_iter()
            .map(|p| {
                let on: Vec<PositionView> = if revealed {
                    positions
                        .iter()
                        .filter(|x| x.perspective_id == p.id)
                        .map(|x| PositionView {
                            reason: x.reason.clone(),
                            author: if named { x.author_name.clone() } else { None },
                        })
                        .collect()
                } else {
                    vec![]
                };
                PerspectiveView {
                    count: revealed.then_some(on.len() as i64),
                    positions: on,
                    id: p.id,
                    label: p.label,
                }
            })
            .collect();
        let members = conn.groups().members(&group.id).await?.len() as i64;
        Ok(DilemmaView {
            id: d.id,
            group_slug: group.slug,
            group_name: group.name,
            title: d.title,
            situation: d.situation,
            names: d.names,
            phase: d.phase,
            created_at: d.created_at,
            version: d.version,
            facilitator: role == GroupRole::Begeleider,
            perspectives,
            given,
            members,
            chosen,
            mine,
            outcome: d.outcome,
            follow_up_on: d.follow_up_on,
            follow_up: d.follow_up,
        })
    }

    /// Only the version, for live pages (members).
    pub async fn version(&self, user: &User, slug: &str, id: &str) -> AppResult<i64> {
        let mut conn = self.read().await?;
        let (_, _, d) = dilemma_access(&mut conn, user, slug, id).await?;
        Ok(d.version)
    }

    /// The version again, without the membership check: a live stream
    /// checked that once when it opened, and polls this cheaply.
    pub async fn current_version(&self, id: &str) -> AppResult<Option<i64>> {
        Ok(self.read().await?.dilemmas().version(id).await?)
    }

    /// Gives the member's position (members, before the reveal). "Met
    /// namen" it may be changed until the reveal; "zonder namen" it is
    /// stored without the member and cannot be changed: a second one is
    /// refused (409).
    pub async fn choose(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        mut input: PositionInput,
    ) -> AppResult<()> {
        let mut tx = self.begin("dilemmas.choose").await?;
        let (group, _) = member_access(&mut tx, user, slug).await?;
        let d = lock(&mut tx, &group, id).await?;
        if !d.phase.accepts_positions() {
            return Err(AppError::Conflict("error-dilemma-closed"));
        }
        input.reason = input.reason.trim().to_string();
        input.perspective = input.perspective.trim().to_string();
        input.validate()?;
        if !tx
            .dilemmas()
            .perspectives(&d.id)
            .await?
            .iter()
            .any(|p| p.id == input.perspective)
        {
            return Err(AppError::field("perspective", "error-unknown-choice"));
        }
        match d.names {
            DilemmaNames::MetNamen => {
                tx.dilemmas()
                    .put_named(&d.id, &input.perspective, &input.reason, &user.id)
                    .await?
            }
            DilemmaNames::ZonderNamen => {
                if d.has_chosen(&user.id) {
                    return Err(AppError::Conflict("error-dilemma-chosen"));
                }
                tx.dilemmas()
                    .put_unnamed(&d, &input.perspective, &input.reason, &user.id)
                    .await?
            }
        }
        self.commit(tx).await
    }

    /// Takes back a position "met namen" (its author, before the reveal).
    pub async fn withdraw(&self, user: &User, slug: &str, id: &str) -> AppResult<()> {
        let mut tx = self.begin("dilemmas.withdraw").await?;
        let (group, _) = member_access(&mut tx, user, slug).await?;
        let d = lock(&mut tx, &group, id).await?;
        if !d.phase.accepts_positions() {
            return Err(AppError::Conflict("error-dilemma-closed"));
        }
        if !tx.dilemmas().withdraw_named(&d.id, &user.id).await? {
            return Err(AppError::NotFound);
        }
        self.commit(tx).await
    }

    /// Shows every position to the group at once (facilitators).
    pub async fn reveal(&self, user: &User, slug: &str, id: &str) -> AppResult<()> {
        let mut tx = self.begin("dilemmas.reveal").await?;
        let (_, d) = locked(&mut tx, user, slug, id).await?;
        let to = d.phase.reveal()?;
        if !tx.dilemmas().set_phase(&d.id, d.phase, to).await? {
            return Err(AppError::Conflict("error-changed-meanwhile"));
        }
        self.commit(tx).await
    }

    /// Records what the group would do, and when to look back on it
    /// (facilitators, after the reveal; again to correct it). On that day
    /// the facilitator is asked by mail, in `lang`, what it led to.
    pub async fn decide(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        mut input: OutcomeInput,
        lang: Lang,
    ) -> AppResult<()> {
        let mut tx = self.begin("dilemmas.decide").await?;
        let (_, d) = locked(&mut tx, user, slug, id).await?;
        let to = d.phase.decide()?;
        input.outcome = input.outcome.trim().to_string();
        input.follow_up_on = input.follow_up_on.trim().to_string();
        let now = tx.now();
        input.validate(&crate::dates::iso_date(now))?;
        tx.dilemmas()
            .decide(&d.id, to, &input.outcome, &input.follow_up_on, &user.id)
            .await?;
        if let Some(at) = crate::dates::day_ms(&input.follow_up_on) {
            let job = FollowUpJob {
                dilemma: d.id.clone(),
                follow_up_on: input.follow_up_on.clone(),
                lang,
            };
            let payload =
                serde_json::to_string(&job).map_err(|e| AppError::Internal(e.to_string()))?;
            tx.jobs().enqueue_at(FOLLOW_UP, &payload, at).await?;
        }
        self.commit(tx).await
    }

    /// Writes down what the choice led to (facilitators, once decided).
    pub async fn follow_up(&self, user: &User, slug: &str, id: &str, text: &str) -> AppResult<()> {
        let mut tx = self.begin("dilemmas.follow_up").await?;
        let (_, d) = locked(&mut tx, user, slug, id).await?;
        if d.phase != DilemmaPhase::Besloten {
            return Err(AppError::Conflict("error-dilemma-not-decided"));
        }
        let text = text.trim();
        let mut e = vooruit_domain::FieldErrors::new();
        e.text("follow_up", text, true, 4000);
        e.into_result()?;
        tx.dilemmas().set_follow_up(&d.id, text).await?;
        self.commit(tx).await
    }

    /// Takes a dilemma out of the library, positions and all
    /// (facilitators).
    pub async fn remove(&self, user: &User, slug: &str, id: &str) -> AppResult<()> {
        let mut tx = self.begin("dilemmas.remove").await?;
        let group = facilitator_access(&mut tx, user, slug).await?;
        if !tx.dilemmas().delete(&group.id, id).await? {
            return Err(AppError::NotFound);
        }
        self.commit(tx).await
    }

    /// A case for the editors, drafted from a decided dilemma: the
    /// situation, the perspectives with how the group divided (numbers,
    /// never names or reasons), the outcome and what it led to. It is only
    /// a draft: the facilitator goes through the safe-sharing step (the
    /// anonymisation checklist and consent) and sends it like any story.
    pub async fn case_draft(&self, user: &User, slug: &str, id: &str) -> AppResult<StoryContent> {
        let mut conn = self.read().await?;
        let group = facilitator_access(&mut conn, user, slug).await?;
        let d = conn
            .dilemmas()
            .get(&group.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if d.phase != DilemmaPhase::Besloten {
            return Err(AppError::Conflict("error-dilemma-not-decided"));
        }
        let positions = conn.dilemmas().positions(&d.id).await?;
        let split: Vec<String> = conn
            .dilemmas()
            .perspectives(&d.id)
            .await?
            .iter()
            .map(|p| {
                let n = positions
                    .iter()
                    .filter(|x| x.perspective_id == p.id)
                    .count();
                format!("- {}: {n}", p.label)
            })
            .collect();
        Ok(StoryContent {
            kind: StoryKind::Case.as_str().to_string(),
            title: d.title,
            summary: String::new(),
            context: d.situation,
            aim: String::new(),
            approach: split.join("\n"),
            what_differed: d.outcome,
            lessons: vec![],
            tips: String::new(),
            do_differently: d.follow_up,
            themes: vec![],
            sectors: vec![],
            region: String::new(),
        })
    }
}

/// The follow-up job: mails the facilitator who recorded the outcome, if
/// the date still stands and they are still in the group.
async fn ask_follow_up(app: &crate::App, payload: &str) -> Result<(), String> {
    let job: FollowUpJob =
        serde_json::from_str(payload).map_err(|e| format!("follow-up payload: {e}"))?;
    let sent = async {
        let mut tx = app.begin("dilemmas.ask_follow_up").await?;
        let Some(d) = tx.dilemmas().by_id(&job.dilemma).await? else {
            return Ok(());
        };
        if d.follow_up_on.as_deref() != Some(job.follow_up_on.as_str()) {
            return Ok(());
        }
        let Some(by) = &d.decided_by else {
            return Ok(());
        };
        let Some(group) = tx.groups().by_id(&d.group_id).await? else {
            return Ok(());
        };
        if tx.groups().role_of(&group.id, by).await?.is_none() {
            return Ok(());
        }
        let Some(to) = tx.accounts().user_by_id(by).await? else {
            return Ok(());
        };
        let link = app
            .config
            .url(&format!("/groepen/{}/dilemmas/{}", group.slug, d.id));
        let (subject, text) =
            texts::dilemma_follow_up(job.lang, &group.name, &d.title, &d.outcome, &link);
        mail::queue(&mut tx, Mail::text(&to.email, subject, text)).await?;
        app.commit(tx).await
    };
    sent.await.map_err(|e: AppError| e.to_string())
}
