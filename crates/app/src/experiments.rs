//! Experiments of a learning group, "van topidee naar standaard": members
//! propose ideas and support them (one support each); the facilitator or
//! the idea's proposer turns an idea into an experiment with a hypothesis,
//! what will be measured, a period and an owner; members add progress
//! notes during the period; on its last day the owner is asked by mail to
//! evaluate; the owner or the facilitator adopts it as one of the group's
//! standards (with what it replaced) or stops it. An evaluated experiment
//! offers "share what you learned": the story form filled in, as a Falend
//! Vooruit story when stopped and a Koploper when adopted, through the same
//! safe-sharing step and editors' queue as any story.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_domain::experiment::{EvaluationInput, ExperimentPhase, IdeaInput, StartInput};
use vooruit_domain::group::GroupRole;
use vooruit_domain::lang::Lang;
use vooruit_domain::story::{StoryContent, StoryKind};
use vooruit_store::Conn;
use vooruit_store::experiments::ExperimentRow;
use vooruit_store::groups::GroupRow;

use crate::accounts::User;
use crate::groups::member_access;
use crate::mail::{self, Mail, texts};
use crate::retrospectives::Participant;
use crate::{AppError, AppResult};

crate::service!(
    /// Experiments of learning groups: `app.experiments()`.
    Experiments,
    experiments
);

/// An idea or experiment on the group's board.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ExperimentSummary {
    pub id: String,
    pub title: String,
    pub phase: ExperimentPhase,
    /// Members supporting it (as an idea).
    pub supports: i64,
    /// The viewer supports it.
    pub supported: bool,
    pub owner: Option<String>,
    /// `YYYY-MM-DD`, once started.
    pub ends_on: Option<String>,
    /// For a standard: what it replaced.
    pub replaces: String,
    pub evaluated_at: Option<i64>,
    pub created_at: i64,
}

/// The group's board: ideas (most support first), running experiments,
/// its standards and the stopped experiments.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Board {
    pub group_name: String,
    pub facilitator: bool,
    pub ideas: Vec<ExperimentSummary>,
    pub running: Vec<ExperimentSummary>,
    pub standards: Vec<ExperimentSummary>,
    pub stopped: Vec<ExperimentSummary>,
}

/// A progress note.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NoteView {
    pub author: Option<String>,
    pub text: String,
    pub created_at: i64,
}

/// One idea or experiment as a member sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ExperimentView {
    pub id: String,
    pub group_slug: String,
    pub group_name: String,
    pub title: String,
    pub description: String,
    pub phase: ExperimentPhase,
    pub proposer: Option<String>,
    pub created_at: i64,
    pub supports: i64,
    pub supported: bool,
    pub hypothesis: String,
    pub measure: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub owner_id: Option<String>,
    pub owner: Option<String>,
    pub notes: Vec<NoteView>,
    pub evaluation: String,
    pub replaces: String,
    pub evaluated_at: Option<i64>,
    /// The viewer may turn the idea into an experiment (the facilitator or
    /// the proposer) or take it off the board.
    pub can_start: bool,
    /// The viewer may evaluate it and share what was learned (the owner or
    /// the facilitator).
    pub can_evaluate: bool,
    pub facilitator: bool,
    /// The group's members, to choose an owner from.
    pub participants: Vec<Participant>,
}

impl ExperimentView {
    pub fn url(&self) -> String {
        format!("/groepen/{}/experimenten/{}", self.group_slug, self.id)
    }
}

fn summary(e: ExperimentRow, supported: &[String]) -> ExperimentSummary {
    ExperimentSummary {
        supported: supported.contains(&e.id),
        id: e.id,
        title: e.title,
        phase: e.phase,
        supports: e.supports,
        owner: e.owner_name,
        ends_on: e.ends_on,
        replaces: e.replaces,
        evaluated_at: e.evaluated_at,
        created_at: e.created_at,
    }
}

async fn experiment_access(
    conn: &mut Conn,
    user: &User,
    slug: &str,
    id: &str,
) -> AppResult<(GroupRow, GroupRole, ExperimentRow)> {
    let (group, role) = member_access(conn, user, slug).await?;
    let e = conn
        .experiments()
        .get(&group.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((group, role, e))
}

fn may_start(role: GroupRole, e: &ExperimentRow, user: &User) -> bool {
    role == GroupRole::Begeleider || e.proposed_by.as_deref() == Some(user.id.as_str())
}

fn may_evaluate(role: GroupRole, e: &ExperimentRow, user: &User) -> bool {
    role == GroupRole::Begeleider || e.owner_id.as_deref() == Some(user.id.as_str())
}

/// The kind of job that asks the owner to evaluate.
const EVALUATE: &str = "experiment-evaluate";

pub(crate) const JOBS: &[crate::jobs::JobKind] = &[crate::jobs::JobKind {
    name: EVALUATE,
    run: |app, payload| Box::pin(ask_evaluation(app, payload)),
    forget_payload: false,
}];

#[derive(Serialize, Deserialize)]
struct EvaluateJob {
    experiment: String,
    ends_on: String,
    lang: Lang,
}

impl Experiments<'_> {
    /// Puts an idea on the group's board (members). Returns its id.
    pub async fn propose(
        &self,
        user: &User,
        slug: &str,
        mut input: IdeaInput,
    ) -> AppResult<String> {
        let mut tx = self.begin("experiments.propose").await?;
        let (group, _) = member_access(&mut tx, user, slug).await?;
        input.title = input.title.trim().to_string();
        input.description = input.description.trim().to_string();
        input.validate()?;
        let id = tx
            .experiments()
            .insert(&group.id, &input.title, &input.description, &user.id)
            .await?;
        self.commit(tx).await?;
        Ok(id)
    }

    /// The group's board (members).
    pub async fn board(&self, user: &User, slug: &str) -> AppResult<Board> {
        let mut conn = self.read().await?;
        let (group, role) = member_access(&mut conn, user, slug).await?;
        let supported = conn.experiments().supported_by(&group.id, &user.id).await?;
        let mut board = Board {
            group_name: group.name.clone(),
            facilitator: role == GroupRole::Begeleider,
            ideas: vec![],
            running: vec![],
            standards: vec![],
            stopped: vec![],
        };
        for e in conn.experiments().of_group(&group.id).await? {
            let column = match e.phase {
                ExperimentPhase::Idee => &mut board.ideas,
                ExperimentPhase::Loopt => &mut board.running,
                ExperimentPhase::Standaard => &mut board.standards,
                ExperimentPhase::Gestopt => &mut board.stopped,
            };
            column.push(summary(e, &supported));
        }
        // Running ones by their end; the others newest decision first.
        board.running.sort_by(|a, b| a.ends_on.cmp(&b.ends_on));
        for list in [&mut board.standards, &mut board.stopped] {
            list.sort_by_key(|e| std::cmp::Reverse(e.evaluated_at));
        }
        Ok(board)
    }

    /// One idea or experiment (members).
    pub async fn view(&self, user: &User, slug: &str, id: &str) -> AppResult<ExperimentView> {
        let mut conn = self.read().await?;
        let (group, role, e) = experiment_access(&mut conn, user, slug, id).await?;
        let supported = conn.experiments().supported_by(&group.id, &user.id).await?;
        let notes = conn
            .experiments()
            .notes(&e.id)
            .await?
            .into_iter()
            .map(|n| NoteView {
                author: n.author_name,
                text: n.body,
                created_at: n.created_at,
            })
            .collect();
        let participants = conn
            .groups()
            .members(&group.id)
            .await?
            .into_iter()
            .map(|m| Participant {
                user_id: m.user_id,
                name: m.name,
            })
            .collect();
        Ok(ExperimentView {
            can_start: may_start(role, &e, user) && e.phase == ExperimentPhase::Idee,
            can_evaluate: may_evaluate(role, &e, user),
            facilitator: role == GroupRole::Begeleider,
            supported: supported.contains(&e.id),
            id: e.id,
            group_slug: group.slug,
            group_name: group.name,
            title: e.title,
            description: e.description,
            phase: e.phase,
            proposer: e.proposer_name,
            created_at: e.created_at,
            supports: e.supports,
            hypothesis: e.hypothesis,
            measure: e.measure,
            starts_on: e.starts_on,
            ends_on: e.ends_on,
            owner_id: e.owner_id,
            owner: e.owner_name,
            notes,
            evaluation: e.evaluation,
            replaces: e.replaces,
            evaluated_at: e.evaluated_at,
            participants,
        })
    }

    /// Supports an idea, or (`on` false) takes the support back (members).
    /// Supporting twice counts once.
    pub async fn support(&self, user: &User, slug: &str, id: &str, on: bool) -> AppResult<()> {
        let mut tx = self.begin("experiments.support").await?;
        let (_, _, e) = experiment_access(&mut tx, user, slug, id).await?;
        if !e.phase.accepts_support() {
            return Err(AppError::Conflict("error-experiment-not-idea"));
        }
        tx.experiments().support(&e.id, &user.id, on).await?;
        self.commit(tx).await
    }

    /// Turns the idea into an experiment (the facilitator or the proposer).
    /// On the period's last day the owner is asked by mail, in `lang`, to
    /// evaluate.
    pub async fn start(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        mut input: StartInput,
        lang: Lang,
    ) -> AppResult<()> {
        let mut tx = self.begin("experiments.start").await?;
        let (group, role, e) = experiment_access(&mut tx, user, slug, id).await?;
        if !may_start(role, &e, user) {
            return Err(AppError::Forbidden);
        }
        e.phase.start()?;
        for s in [
            &mut input.hypothesis,
            &mut input.measure,
            &mut input.starts_on,
            &mut input.ends_on,
            &mut input.owner,
        ] {
            *s = s.trim().to_string();
        }
        input.validate(&crate::dates::iso_date(tx.now()))?;
        if tx
            .groups()
            .role_of(&group.id, &input.owner)
            .await?
            .is_none()
        {
            return Err(AppError::field("owner", "error-unknown-choice"));
        }
        if !tx
            .experiments()
            .start(
                &e.id,
                &input.hypothesis,
                &input.measure,
                &input.starts_on,
                &input.ends_on,
                &input.owner,
            )
            .await?
        {
            return Err(AppError::Conflict("error-changed-meanwhile"));
        }
        if let Some(at) = crate::dates::day_ms(&input.ends_on) {
            let job = EvaluateJob {
                experiment: e.id.clone(),
                ends_on: input.ends_on.clone(),
                lang,
            };
            let payload =
                serde_json::to_string(&job).map_err(|e| AppError::Internal(e.to_string()))?;
            tx.jobs().enqueue_at(EVALUATE, &payload, at).await?;
        }
        self.commit(tx).await
    }

    /// Adds a progress note (members, while it runs).
    pub async fn add_note(&self, user: &User, slug: &str, id: &str, text: &str) -> AppResult<()> {
        let mut tx = self.begin("experiments.add_note").await?;
        let (_, _, e) = experiment_access(&mut tx, user, slug, id).await?;
        if !e.phase.accepts_notes() {
            return Err(AppError::Conflict("error-experiment-not-running"));
        }
        let text = text.trim();
        let mut errors = vooruit_domain::FieldErrors::new();
        errors.text("note", text, true, 2000);
        errors.into_result()?;
        tx.experiments().add_note(&e.id, &user.id, text).await?;
        self.commit(tx).await
    }

    /// The evaluation: adopted as a standard of the group, or stopped (the
    /// owner or the facilitator, while it runs).
    pub async fn evaluate(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        mut input: EvaluationInput,
    ) -> AppResult<()> {
        let mut tx = self.begin("experiments.evaluate").await?;
        let (_, role, e) = experiment_access(&mut tx, user, slug, id).await?;
        if !may_evaluate(role, &e, user) {
            return Err(AppError::Forbidden);
        }
        let to = e.phase.evaluate(input.adopted)?;
        input.evaluation = input.evaluation.trim().to_string();
        input.replaces = if input.adopted {
            input.replaces.trim().to_string()
        } else {
            String::new()
        };
        input.validate()?;
        if !tx
            .experiments()
            .evaluate(&e.id, to, &input.evaluation, &input.replaces)
            .await?
        {
            return Err(AppError::Conflict("error-changed-meanwhile"));
        }
        self.commit(tx).await
    }

    /// Takes an idea off the board (the facilitator or its proposer), or
    /// any experiment (the facilitator).
    pub async fn remove(&self, user: &User, slug: &str, id: &str) -> AppResult<()> {
        let mut tx = self.begin("experiments.remove").await?;
        let (group, role, e) = experiment_access(&mut tx, user, slug, id).await?;
        let allowed = role == GroupRole::Begeleider
            || (e.phase == ExperimentPhase::Idee && may_start(role, &e, user));
        if !allowed {
            return Err(AppError::Forbidden);
        }
        tx.experiments().delete(&group.id, &e.id).await?;
        self.commit(tx).await
    }

    /// "Share what you learned": a story drafted from an evaluated
    /// experiment (the owner or the facilitator): Falend Vooruit when it
    /// was stopped, Koploper when adopted. Only a draft: the story form's
    /// safe-sharing step (the anonymisation checklist and consent) comes
    /// next, as for any story.
    pub async fn story_draft(&self, user: &User, slug: &str, id: &str) -> AppResult<StoryContent> {
        let mut conn = self.read().await?;
        let (_, role, e) = experiment_access(&mut conn, user, slug, id).await?;
        if !may_evaluate(role, &e, user) {
            return Err(AppError::Forbidden);
        }
        if !e.phase.ended() {
            return Err(AppError::Conflict("error-experiment-not-ended"));
        }
        let notes = conn.experiments().notes(&e.id).await?;
        let kind = if e.phase == ExperimentPhase::Standaard {
            StoryKind::Koploper
        } else {
            StoryKind::FalendVooruit
        };
        let mut approach = e.measure.clone();
        if let (Some(from), Some(to)) = (&e.starts_on, &e.ends_on) {
            approach.push_str(&format!("\n\n{from} – {to}"));
        }
        for n in &notes {
            approach.push_str(&format!(
                "\n\n{}: {}",
                crate::dates::iso_date(n.created_at),
                n.body
            ));
        }
        let mut what_differed = e.evaluation.clone();
        if !e.replaces.is_empty() {
            what_differed.push_str(&format!("\n\n{}", e.replaces));
        }
        Ok(StoryContent {
            kind: kind.as_str().to_string(),
            title: e.title,
            summary: String::new(),
            context: e.description,
            aim: e.hypothesis,
            approach,
            what_differed,
            lessons: vec![],
            tips: String::new(),
            do_differently: String::new(),
            themes: vec![],
            sectors: vec![],
            region: String::new(),
        })
    }
}

/// The evaluation job: mails the owner of an experiment still running,
/// still ending on the planned day, and still in the group.
async fn ask_evaluation(app: &crate::App, payload: &str) -> Result<(), String> {
    let job: EvaluateJob =
        serde_json::from_str(payload).map_err(|e| format!("evaluation payload: {e}"))?;
    let sent = async {
        let mut tx = app.begin("experiments.ask_evaluation").await?;
        let Some(e) = tx.experiments().by_id(&job.experiment).await? else {
            return Ok(());
        };
        let (Some(owner), Some(email)) = (&e.owner_id, &e.owner_email) else {
            return Ok(());
        };
        if e.phase != ExperimentPhase::Loopt || e.ends_on.as_deref() != Some(&job.ends_on) {
            return Ok(());
        }
        let Some(group) = tx.groups().by_id(&e.group_id).await? else {
            return Ok(());
        };
        if tx.groups().role_of(&group.id, owner).await?.is_none() {
            return Ok(());
        }
        let link = app
            .config
            .url(&format!("/groepen/{}/experimenten/{}", group.slug, e.id));
        let (subject, text) = texts::experiment_evaluate(job.lang, &group.name, &e.title, &link);
        mail::queue(&mut tx, Mail::text(email, subject, text)).await?;
        app.commit(tx).await
    };
    sent.await.map_err(|e: AppError| e.to_string())
}
