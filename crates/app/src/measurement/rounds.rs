//! Rounds: created as a concept, opened on their first day (or at once by
//! the owner), when every invitee gets a one-time link by mail; a
//! reminder to those who have not answered two days before the last day
//! (or when the owner asks); closed after the last day, when the
//! remaining held answers are counted and the addresses deleted.
//!
//! Anonymity: answering marks the link used and holds the answer in one
//! transaction; nothing ties the two (no token, no time, a random id).
//! Held answers move into the counts in shuffled batches of at least the
//! threshold (housekeeping), the rest when the round closes. The mails
//! go through a queue that forgets them once sent.

use std::collections::HashMap;

use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_domain::FieldErrors;
use vooruit_domain::lang::Lang;
use vooruit_domain::measurement::{Answer, RoundInput, RoundState, SCALE};
use vooruit_store::Conn;
use vooruit_store::measurement::{Part, ProgrammeRow, RoundRow};

use super::{KpiView, Measurement, PartView, access, manage_access};
use crate::accounts::User;
use crate::mail::{self, Mail, texts};
use crate::tokens::{LinkKey, link_key, link_token, new_token};
use crate::{App, AppError, AppResult};

/// What a respondent's link is derived for (`tokens::link_token`).
const RESPONDENT_LINK: &str = "measurement-respondent";
/// What the mark "this link was used" is derived for: apart from the
/// invitee row, so the answer's transaction never touches the address.
pub(super) const USED_MARK: &str = "measurement-used";
/// The job that reminds those who have not answered.
const REMIND: &str = "measurement-remind";
/// Reminders go this many days before the last day.
const REMIND_DAYS_BEFORE: i64 = 2;
const DAY_MS: i64 = 24 * 3600 * 1000;
/// At most this many addresses in one go.
const MAX_INVITEES: usize = 2000;

pub(crate) const JOBS: &[crate::jobs::JobKind] = &[crate::jobs::JobKind {
    name: REMIND,
    run: |app, payload| Box::pin(remind_job(app, payload)),
    forget_payload: false,
}];

#[derive(Serialize, Deserialize)]
struct RemindJob {
    round: String,
    lang: Lang,
}

/// A group's response in a round.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroupRate {
    pub group_id: String,
    pub name: String,
    pub invited: i64,
    pub answered: i64,
    /// Answered of invited, in whole percents (none without invitees).
    pub percent: Option<i64>,
    /// The group's public link, for those who manage the programme.
    pub public_link: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KpiValue {
    pub kpi: KpiView,
    pub value: Option<f64>,
}

/// A round as its programme's members see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundView {
    pub programme_id: String,
    pub programme_name: String,
    pub org_slug: String,
    pub org_name: String,
    pub number: i64,
    pub opens_on: String,
    pub closes_on: String,
    pub state: RoundState,
    pub questions: Vec<String>,
    /// Per group, for those who manage the programme (empty for others).
    pub groups: Vec<GroupRate>,
    pub invited: i64,
    pub answered: i64,
    pub kpis: Vec<KpiValue>,
    pub behaviours: usize,
    pub threshold: i64,
    pub can_manage: bool,
}

impl RoundView {
    pub fn url(&self) -> String {
        format!(
            "/organisaties/{}/metingen/{}/rondes/{}",
            self.org_slug, self.programme_id, self.number
        )
    }
}

/// What a respondent sees.
#[derive(Debug, Clone, Serialize)]
pub struct Questionnaire {
    pub organisation: String,
    pub programme: String,
    pub description: String,
    pub group: String,
    pub number: i64,
    pub closes_on: String,
    pub behaviours: Vec<PartView>,
    pub questions: Vec<String>,
}

/// A respondent's form as sent: per behaviour (id, chosen score as typed,
/// example), and the open answers in order.
#[derive(Debug, Clone, Default)]
pub struct AnswerForm {
    pub scores: Vec<(String, String, String)>,
    pub open: Vec<String>,
}

impl AnswerForm {
    pub fn score(&self, behaviour: &str) -> &str {
        self.scores
            .iter()
            .find(|(b, _, _)| b == behaviour)
            .map(|(_, s, _)| s.as_str())
            .unwrap_or("")
    }

    pub fn example(&self, behaviour: &str) -> &str {
        self.scores
            .iter()
            .find(|(b, _, _)| b == behaviour)
            .map(|(_, _, e)| e.as_str())
            .unwrap_or("")
    }

    pub fn open_answer(&self, i: usize) -> &str {
        self.open.get(i).map(String::as_str).unwrap_or("")
    }

    /// Checked against the round's behaviours and questions: a choice per
    /// behaviour (a score, or "0": cannot say), texts within bounds.
    fn checked(&self, behaviours: &[String], questions: usize) -> AppResult<Answer> {
        let mut errors = FieldErrors::new();
        let mut scores = vec![];
        for b in behaviours {
            let score = match self.score(b).trim() {
                "0" => None,
                s => match s.parse::<u8>() {
                    Ok(n) if SCALE.contains(&n) => Some(n),
                    _ => {
                        errors.add(format!("score-{b}"), "error-measurement-score");
                        None
                    }
                },
            };
            let example = self.example(b).trim().to_string();
            if example.chars().count() > 1000 {
                errors.add(format!("example-{b}"), "error-too-long");
            }
            scores.push((b.clone(), score, example));
        }
        let open: Vec<String> = (0..questions)
            .map(|i| self.open_answer(i).trim().to_string())
            .collect();
        for (i, text) in open.iter().enumerate() {
            if text.chars().count() > 2000 {
                errors.add(format!("open-{i}"), "error-too-long");
            }
        }
        errors.into_result()?;
        Ok(Answer { scores, open })
    }
}

fn questions_of(r: &RoundRow) -> Vec<String> {
    r.questions
        .lines()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_string)
        .collect()
}

fn today(conn: &Conn) -> String {
    crate::dates::iso_date(conn.now())
}

async fn round_of(conn: &mut Conn, programme_id: &str, number: i64) -> AppResult<RoundRow> {
    conn.measurement()
        .round(programme_id, number)
        .await?
        .ok_or(AppError::NotFound)
}

impl Measurement<'_> {
    /// A new round in concept (one round at a time). Returns its number.
    pub async fn new_round(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        input: RoundInput,
    ) -> AppResult<i64> {
        let mut tx = self.begin("measurement.new_round").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        input.validate(&today(&tx))?;
        let rounds = tx.measurement().rounds(&a.programme.id).await?;
        if rounds.iter().any(|r| r.state != RoundState::Gesloten) {
            return Err(AppError::Conflict("error-measurement-round-running"));
        }
        let number = tx
            .measurement()
            .insert_round(
                &a.programme.id,
                input.opens_on.trim(),
                input.closes_on.trim(),
                &input.question_list().join("\n"),
            )
            .await?;
        self.commit(tx).await?;
        Ok(number)
    }

    /// One round: its groups with their response, the KPI figures.
    pub async fn round(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        number: i64,
    ) -> AppResult<RoundView> {
        let mut conn = self.read().await?;
        let a = access(&mut conn, user, slug, id).await?;
        let r = round_of(&mut conn, &a.programme.id, number).await?;
        let taking_part = conn.measurement().participation(&r.id).await?;
        let groups: Vec<GroupRate> = conn
            .measurement()
            .parts(Part::Group, &a.programme.id)
            .await?
            .into_iter()
            .map(|g| {
                let t = taking_part.iter().find(|t| t.group_id == g.id);
                let (invited, answered) = t.map(|t| (t.invited, t.answered)).unwrap_or((0, 0));
                GroupRate {
                    percent: (invited > 0).then(|| answered * 100 / invited),
                    public_link: t
                        .and_then(|t| t.public_token.as_ref())
                        .filter(|_| a.manage)
                        .map(|token| self.config.url(&format!("/meting/groep/{token}"))),
                    group_id: g.id,
                    name: g.name,
                    invited,
                    answered,
                }
            })
            .collect();
        let values = conn.measurement().kpi_values(&a.programme.id).await?;
        let kpis = conn
            .measurement()
            .kpis(&a.programme.id)
            .await?
            .into_iter()
            .map(|k| KpiValue {
                value: values
                    .iter()
                    .find(|v| v.round_id == r.id && v.kpi_id == k.id)
                    .map(|v| v.value),
                kpi: KpiView::from(k),
            })
            .collect();
        let behaviours = conn
            .measurement()
            .parts(Part::Behaviour, &a.programme.id)
            .await?
            .len();
        let (invited, answered) = (
            groups.iter().map(|g| g.invited).sum(),
            groups.iter().map(|g| g.answered).sum(),
        );
        // Per group only for those who run it: live counts of a small team
        // would tell its members when a colleague answered.
        let groups = if a.manage { groups } else { vec![] };
        Ok(RoundView {
            programme_id: a.programme.id.clone(),
            programme_name: a.programme.name.clone(),
            org_slug: a.org.slug,
            org_name: a.org.name,
            number: r.number,
            questions: questions_of(&r),
            opens_on: r.opens_on,
            closes_on: r.closes_on,
            state: r.state,
            invited,
            answered,
            groups,
            kpis,
            behaviours,
            threshold: a.programme.threshold,
            can_manage: a.manage,
        })
    }

    /// Adds addresses (one per line, or separated by commas or spaces) to
    /// a group in a round that has not closed. In an open round they get
    /// their link at once. Returns how many were new.
    #[allow(clippy::too_many_arguments)]
    pub async fn invite(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        number: i64,
        group_id: &str,
        emails: &str,
        lang: Lang,
    ) -> AppResult<usize> {
        let list: Vec<String> = emails
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .map(|e| e.trim().to_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        let mut tx = self.begin("measurement.invite").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        if list.is_empty() {
            return Err(AppError::field("emails", "error-required"));
        }
        if list.len() > MAX_INVITEES {
            return Err(AppError::field("emails", "error-measurement-too-many"));
        }
        if list
            .iter()
            .any(|e| !vooruit_domain::validation::is_plausible_email(e))
        {
            return Err(AppError::field("emails", "error-measurement-emails"));
        }
        let r = round_of(&mut tx, &a.programme.id, number).await?;
        if !tx.measurement().lock_round(&r.id, true).await? {
            return Err(AppError::Conflict("error-measurement-closed"));
        }
        let groups = tx.measurement().parts(Part::Group, &a.programme.id).await?;
        if !groups.iter().any(|g| g.id == group_id) {
            return Err(AppError::field("group", "error-unknown-choice"));
        }
        let mut added = 0;
        for email in &list {
            if let Some(invitee) = tx.measurement().add_invitee(&r.id, group_id, email).await? {
                added += 1;
                if r.state == RoundState::Open {
                    self.send_link(&mut tx, &a, &r, &invitee, email, lang, false)
                        .await?;
                }
            }
        }
        self.commit(tx).await?;
        Ok(added)
    }

    /// Turns a group's public link on (a new one) or off.
    pub async fn public_link(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        number: i64,
        group_id: &str,
        on: bool,
    ) -> AppResult<()> {
        let mut tx = self.begin("measurement.public_link").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        let r = round_of(&mut tx, &a.programme.id, number).await?;
        if r.state == RoundState::Gesloten {
            return Err(AppError::Conflict("error-measurement-closed"));
        }
        let groups = tx.measurement().parts(Part::Group, &a.programme.id).await?;
        if !groups.iter().any(|g| g.id == group_id) {
            return Err(AppError::field("group", "error-unknown-choice"));
        }
        let token = on.then(new_token);
        tx.measurement()
            .set_public_token(&r.id, group_id, token.as_deref())
            .await?;
        self.commit(tx).await
    }

    /// Opens a concept round now: the links go out.
    pub async fn open_now(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        number: i64,
        lang: Lang,
    ) -> AppResult<()> {
        let mut tx = self.begin("measurement.open").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        let r = round_of(&mut tx, &a.programme.id, number).await?;
        if tx
            .measurement()
            .parts(Part::Behaviour, &a.programme.id)
            .await?
            .is_empty()
        {
            return Err(AppError::Conflict("error-measurement-no-behaviours"));
        }
        self.open_round(&mut tx, &a, &r, lang).await?;
        self.commit(tx).await
    }

    /// Closes an open round now: no more answers; the results show.
    pub async fn close_now(&self, user: &User, slug: &str, id: &str, number: i64) -> AppResult<()> {
        let mut tx = self.begin("measurement.close").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        let r = round_of(&mut tx, &a.programme.id, number).await?;
        close_round(&mut tx, &a.programme.id, &r).await?;
        self.commit(tx).await
    }

    /// Mails everyone in an open round who has not answered yet their
    /// link again. Returns how many.
    pub async fn remind(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        number: i64,
        lang: Lang,
    ) -> AppResult<usize> {
        let mut tx = self.begin("measurement.remind").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        let r = round_of(&mut tx, &a.programme.id, number).await?;
        if r.state != RoundState::Open {
            return Err(AppError::Conflict("error-measurement-not-open"));
        }
        let sent = self.send_reminders(&mut tx, &a, &r, lang).await?;
        self.commit(tx).await?;
        Ok(sent)
    }

    /// The KPI figures of a round: (kpi id, figure as typed, empty for
    /// none). A comma counts as the decimal sign.
    pub async fn set_kpis(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        number: i64,
        figures: &[(String, String)],
    ) -> AppResult<()> {
        let mut tx = self.begin("measurement.set_kpis").await?;
        let a = manage_access(&mut tx, user, slug, id).await?;
        let r = round_of(&mut tx, &a.programme.id, number).await?;
        let kpis = tx.measurement().kpis(&a.programme.id).await?;
        let mut errors = FieldErrors::new();
        let mut parsed = vec![];
        for k in &kpis {
            let typed = figures
                .iter()
                .find(|(id, _)| *id == k.id)
                .map(|(_, v)| v.trim().replace(',', "."))
                .unwrap_or_default();
            if typed.is_empty() {
                parsed.push((k.id.clone(), None));
                continue;
            }
            match typed.parse::<f64>() {
                Ok(v) if v.is_finite() => parsed.push((k.id.clone(), Some(v))),
                _ => errors.add(format!("kpi-{}", k.id), "error-measurement-number"),
            }
        }
        errors.into_result()?;
        for (kpi, value) in parsed {
            tx.measurement().set_kpi_value(&r.id, &kpi, value).await?;
        }
        self.commit(tx).await
    }

    /// The questionnaire behind a one-time link.
    pub async fn questionnaire(&self, token: &str) -> AppResult<Questionnaire> {
        let mut conn = self.read().await?;
        let (invitee_group, r, p) = self.respondent(&mut conn, token).await?;
        questionnaire(&mut conn, &r, &p, &invitee_group).await
    }

    /// Takes an answer through a one-time link: the link is marked used
    /// and the answer held, in one transaction; a link works once.
    pub async fn answer(&self, token: &str, form: &AnswerForm) -> AppResult<()> {
        let id = self.invitee_of(token)?;
        let mut tx = self.begin("measurement.answer").await?;
        let invitee = tx
            .measurement()
            .invitee(&id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !tx
            .measurement()
            .lock_round(&invitee.round_id, false)
            .await?
        {
            return Err(AppError::Conflict("error-measurement-not-open"));
        }
        let (r, p) = round_and_programme(&mut tx, &invitee.round_id).await?;
        let answer = checked(&mut tx, &r, &p, form).await?;
        let mark = self.config.secret.mac(USED_MARK, &invitee.id);
        if !tx.measurement().mark_used(&r.id, &mark).await? {
            return Err(AppError::Conflict("error-measurement-used"));
        }
        hold(&mut tx, &r, &invitee.group_id, &answer).await?;
        self.commit(tx).await
    }

    /// The questionnaire behind a group's public link.
    pub async fn public_questionnaire(&self, token: &str) -> AppResult<Questionnaire> {
        let mut conn = self.read().await?;
        let (round_id, group_id) = conn
            .measurement()
            .by_public_token(token)
            .await?
            .ok_or(AppError::NotFound)?;
        let (r, p) = round_and_programme(&mut conn, &round_id).await?;
        if r.state != RoundState::Open {
            return Err(AppError::Conflict("error-measurement-not-open"));
        }
        questionnaire(&mut conn, &r, &p, &group_id).await
    }

    /// Takes an answer through a public link (one per browser is the
    /// page's business: a cookie).
    pub async fn public_answer(&self, token: &str, form: &AnswerForm) -> AppResult<()> {
        let mut tx = self.begin("measurement.public_answer").await?;
        let (round_id, group_id) = tx
            .measurement()
            .by_public_token(token)
            .await?
            .ok_or(AppError::NotFound)?;
        if !tx.measurement().lock_round(&round_id, false).await? {
            return Err(AppError::Conflict("error-measurement-not-open"));
        }
        let (r, p) = round_and_programme(&mut tx, &round_id).await?;
        let answer = checked(&mut tx, &r, &p, form).await?;
        hold(&mut tx, &r, &group_id, &answer).await?;
        self.commit(tx).await
    }

    fn invitee_of(&self, token: &str) -> AppResult<String> {
        match link_key(&self.config.secret, RESPONDENT_LINK, token) {
            Some(LinkKey::Id(id)) => Ok(id),
            _ => Err(AppError::NotFound),
        }
    }

    /// The group, round and programme of a one-time link that may still
    /// answer.
    async fn respondent(
        &self,
        conn: &mut Conn,
        token: &str,
    ) -> AppResult<(String, RoundRow, ProgrammeRow)> {
        let id = self.invitee_of(token)?;
        let invitee = conn
            .measurement()
            .invitee(&id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (r, p) = round_and_programme(conn, &invitee.round_id).await?;
        if r.state != RoundState::Open {
            return Err(AppError::Conflict("error-measurement-not-open"));
        }
        let mark = self.config.secret.mac(USED_MARK, &invitee.id);
        if conn.measurement().is_used(&r.id, &mark).await? {
            return Err(AppError::Conflict("error-measurement-used"));
        }
        Ok((invitee.group_id, r, p))
    }

    async fn open_round(
        &self,
        tx: &mut Conn,
        a: &super::Access,
        r: &RoundRow,
        lang: Lang,
    ) -> AppResult<()> {
        let to = r.state.open()?;
        if !tx.measurement().set_state(&r.id, r.state, to).await? {
            return Err(AppError::Conflict("error-changed-meanwhile"));
        }
        for invitee in tx.measurement().invitees(&r.id).await? {
            if let Some(email) = &invitee.email {
                self.send_link(tx, a, r, &invitee.id, email, lang, false)
                    .await?;
            }
        }
        if let Some(last) = crate::dates::day_ms(&r.closes_on) {
            let at = last - REMIND_DAYS_BEFORE * DAY_MS;
            if at > tx.now() {
                let payload = serde_json::to_string(&RemindJob {
                    round: r.id.clone(),
                    lang,
                })
                .map_err(|e| AppError::Internal(e.to_string()))?;
                tx.jobs().enqueue_at(REMIND, &payload, at).await?;
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn send_link(
        &self,
        tx: &mut Conn,
        a: &super::Access,
        r: &RoundRow,
        invitee: &str,
        email: &str,
        lang: Lang,
        reminder: bool,
    ) -> AppResult<()> {
        let token = link_token(&self.config.secret, RESPONDENT_LINK, invitee);
        let link = self.config.url(&format!("/meting/{token}"));
        let until = crate::dates::day_ms(&r.closes_on)
            .map(|ms| crate::dates::format_date(lang, ms))
            .unwrap_or_else(|| r.closes_on.clone());
        let (subject, text) = texts::measurement_invitation(
            lang,
            &a.org.name,
            &a.programme.name,
            &until,
            &link,
            reminder,
        );
        mail::queue_private(tx, Mail::text(email, subject, text)).await
    }

    async fn send_reminders(
        &self,
        tx: &mut Conn,
        a: &super::Access,
        r: &RoundRow,
        lang: Lang,
    ) -> AppResult<usize> {
        let used: std::collections::HashSet<String> = tx
            .measurement()
            .used_marks(&r.id)
            .await?
            .into_iter()
            .collect();
        let waiting = tx.measurement().invitees(&r.id).await?;
        let mut sent = 0;
        for invitee in waiting
            .iter()
            .filter(|i| !used.contains(&self.config.secret.mac(USED_MARK, &i.id)))
        {
            if let Some(email) = &invitee.email {
                self.send_link(tx, a, r, &invitee.id, email, lang, true)
                    .await?;
                sent += 1;
            }
        }
        Ok(sent)
    }
}

async fn round_and_programme(
    conn: &mut Conn,
    round_id: &str,
) -> AppResult<(RoundRow, ProgrammeRow)> {
    let r = conn
        .measurement()
        .round_by_id(round_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let p = conn
        .measurement()
        .programme_by_id(&r.programme_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((r, p))
}

async fn questionnaire(
    conn: &mut Conn,
    r: &RoundRow,
    p: &ProgrammeRow,
    group_id: &str,
) -> AppResult<Questionnaire> {
    let organisation = conn
        .organisations()
        .by_id(&p.organisation_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let group = conn
        .measurement()
        .parts(Part::Group, &p.id)
        .await?
        .into_iter()
        .find(|g| g.id == group_id)
        .map(|g| g.name)
        .unwrap_or_default();
    let behaviours = conn
        .measurement()
        .parts(Part::Behaviour, &p.id)
        .await?
        .into_iter()
        .map(|b| PartView {
            id: b.id,
            name: b.name,
        })
        .collect();
    Ok(Questionnaire {
        organisation,
        programme: p.name.clone(),
        description: p.description.clone(),
        group,
        number: r.number,
        closes_on: r.closes_on.clone(),
        behaviours,
        questions: questions_of(r),
    })
}

/// The form checked against an open round's behaviours and questions.
async fn checked(
    tx: &mut Conn,
    r: &RoundRow,
    p: &ProgrammeRow,
    form: &AnswerForm,
) -> AppResult<Answer> {
    if r.state != RoundState::Open {
        return Err(AppError::Conflict("error-measurement-not-open"));
    }
    let behaviours: Vec<String> = tx
        .measurement()
        .parts(Part::Behaviour, &p.id)
        .await?
        .into_iter()
        .map(|b| b.id)
        .collect();
    form.checked(&behaviours, questions_of(r).len())
}

async fn hold(tx: &mut Conn, r: &RoundRow, group_id: &str, answer: &Answer) -> AppResult<()> {
    let json = serde_json::to_string(answer).map_err(|e| AppError::Internal(e.to_string()))?;
    tx.measurement().hold(&r.id, group_id, &json).await?;
    Ok(())
}

/// Closes the round: the held answers are counted, the addresses go.
pub(super) async fn close_round(tx: &mut Conn, programme_id: &str, r: &RoundRow) -> AppResult<()> {
    let to = r.state.close()?;
    if !tx.measurement().set_state(&r.id, r.state, to).await? {
        return Err(AppError::Conflict("error-changed-meanwhile"));
    }
    move_held(tx, programme_id, &r.id).await?;
    tx.measurement().forget_invitees(&r.id).await?;
    Ok(())
}

/// Moves every held answer of the round into the counts, in a shuffled
/// order: scores are added up per group, behaviour and score; examples
/// and open answers are written one by one in that shuffled order, each
/// with today's date and nothing else.
async fn move_held(tx: &mut Conn, programme_id: &str, round_id: &str) -> AppResult<usize> {
    let mut held = tx.measurement().held(round_id).await?;
    // Taken first: if another node moved some of them meanwhile, this
    // transaction counts nothing (it is rolled back).
    let ids: Vec<String> = held.iter().map(|h| h.id.clone()).collect();
    if tx.measurement().release(&ids).await? != ids.len() as u64 {
        return Err(AppError::Conflict("error-changed-meanwhile"));
    }
    held.shuffle(&mut rand::thread_rng());
    let behaviours: Vec<String> = tx
        .measurement()
        .parts(Part::Behaviour, programme_id)
        .await?
        .into_iter()
        .map(|b| b.id)
        .collect();
    let day = today(tx);
    let mut counts: HashMap<(String, String, u8), i64> = HashMap::new();
    let mut texts = vec![];
    for h in &held {
        let Ok(answer) = serde_json::from_str::<Answer>(&h.answer) else {
            tracing::error!("a held measurement answer could not be read");
            continue;
        };
        for (behaviour, score, example) in answer.scores {
            // A behaviour removed meanwhile has nowhere to go.
            if !behaviours.contains(&behaviour) {
                continue;
            }
            if let Some(score) = score {
                *counts
                    .entry((h.group_id.clone(), behaviour.clone(), score))
                    .or_default() += 1;
            }
            if !example.is_empty() {
                texts.push((Some(behaviour), None, example));
            }
        }
        for (i, text) in answer.open.into_iter().enumerate() {
            if !text.is_empty() {
                texts.push((None, Some(i as i64), text));
            }
        }
    }
    let mut keys: Vec<_> = counts.into_iter().collect();
    keys.sort();
    for ((group, behaviour, score), n) in keys {
        tx.measurement()
            .add_count(round_id, &group, &behaviour, i64::from(score), n)
            .await?;
    }
    texts.shuffle(&mut rand::thread_rng());
    for (behaviour, question, body) in texts {
        tx.measurement()
            .add_text(round_id, behaviour.as_deref(), question, &body, &day)
            .await?;
    }
    Ok(held.len())
}

impl App {
    /// Opens rounds whose first day has come, closes those whose last day
    /// has passed, and moves held answers of rounds with at least the
    /// threshold waiting: part of housekeeping (`App::housekeep`).
    pub async fn measurement_housekeeping(&self) -> AppResult<()> {
        let due = {
            let mut conn = self.read().await?;
            let today = today(&conn);
            conn.measurement().rounds_due(&today).await?
        };
        for r in due {
            let mut tx = self.begin("measurement.housekeeping").await?;
            let (r, p) = round_and_programme(&mut tx, &r.id).await?;
            let today = today(&tx);
            let Some(org) = tx.organisations().by_id(&p.organisation_id).await? else {
                continue;
            };
            let a = super::Access {
                org,
                programme: p,
                manage: true,
            };
            let questions = tx
                .measurement()
                .parts(Part::Behaviour, &a.programme.id)
                .await?;
            match r.state {
                // Without behaviours there is nothing to ask: it waits.
                RoundState::Concept if questions.is_empty() => continue,
                RoundState::Concept if r.opens_on.as_str() <= today.as_str() => {
                    self.measurement()
                        .open_round(&mut tx, &a, &r, Lang::Nl)
                        .await?;
                }
                RoundState::Open if r.closes_on.as_str() < today.as_str() => {
                    close_round(&mut tx, &a.programme.id, &r).await?;
                }
                _ => continue,
            }
            self.commit(tx).await?;
        }
        let ready = self.read().await?.measurement().rounds_holding().await?;
        for round_id in ready {
            let mut tx = self.begin("measurement.move_held").await?;
            let (r, p) = round_and_programme(&mut tx, &round_id).await?;
            let waiting = tx.measurement().held_count(&r.id).await?;
            // Checked again inside the transaction: a batch is never
            // smaller than the threshold while the round is open.
            if r.state == RoundState::Open && waiting < p.threshold {
                continue;
            }
            move_held(&mut tx, &p.id, &r.id).await?;
            self.commit(tx).await?;
        }
        Ok(())
    }
}

/// The reminder two days before the last day: to everyone who has not
/// answered, if the round is still open.
async fn remind_job(app: &App, payload: &str) -> Result<(), String> {
    let job: RemindJob =
        serde_json::from_str(payload).map_err(|e| format!("remind payload: {e}"))?;
    let sent = async {
        let mut tx = app.begin("measurement.remind_job").await?;
        let Some(r) = tx.measurement().round_by_id(&job.round).await? else {
            return Ok(());
        };
        if r.state != RoundState::Open {
            return Ok(());
        }
        let (r, p) = round_and_programme(&mut tx, &r.id).await?;
        let Some(org) = tx.organisations().by_id(&p.organisation_id).await? else {
            return Ok(());
        };
        let a = super::Access {
            org,
            programme: p,
            manage: true,
        };
        app.measurement()
            .send_reminders(&mut tx, &a, &r, job.lang)
            .await?;
        app.commit(tx).await
    };
    sent.await.map_err(|e: AppError| e.to_string())
}
