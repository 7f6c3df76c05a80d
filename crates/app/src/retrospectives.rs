//! The terugblik of a learning group, on the four questions: the
//! facilitator opens one (for a meeting, a project or a period); members
//! write cards, anonymously if they choose; the cards stay hidden until the
//! facilitator reveals them; the facilitator lays cards that belong
//! together on one stack; members vote (a set number of votes each); the
//! group records actions with an owner and a due date, and the owner gets
//! a reminder two days before. The next terugblik opens with the open
//! actions of the one before.
//!
//! Anonymity is a property of what is stored: an anonymous card has no
//! author and no time, and nothing else written with it (a log line, a
//! throttle row, the terugblik's row) names or dates it. So nobody, not
//! its author either, can find out or change whose card it is.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_domain::group::GroupRole;
use vooruit_domain::lang::Lang;
use vooruit_domain::retrospective::{
    ActionInput, CardInput, MAX_CARDS, Question, RetroInput, RetroPhase, RetroSubject,
};
use vooruit_store::Conn;
use vooruit_store::groups::GroupRow;
use vooruit_store::retrospectives::{ActionRow, CardRow, RetroRow};

use crate::accounts::User;
use crate::groups::{facilitator_access, member_access};
use crate::mail::{self, Mail, texts};
use crate::{AppError, AppResult};

crate::service!(
    /// Terugblikken of learning groups: `app.retrospectives()`.
    Retrospectives,
    retrospectives
);

/// A terugblik in the group's list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RetroSummary {
    pub id: String,
    pub title: String,
    pub subject: RetroSubject,
    pub phase: RetroPhase,
    pub created_at: i64,
}

impl From<RetroRow> for RetroSummary {
    fn from(r: RetroRow) -> Self {
        RetroSummary {
            id: r.id,
            title: r.title,
            subject: r.subject,
            phase: r.phase,
            created_at: r.created_at,
        }
    }
}

/// A card as a member sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CardView {
    pub id: String,
    pub text: String,
    /// The author's name; None for an anonymous card.
    pub author: Option<String>,
    pub anonymous: bool,
    /// A named card of the viewer (they may take it back while cards are
    /// written).
    pub mine: bool,
    pub votes: i64,
    /// The viewer's own votes on it.
    pub my_votes: i64,
}

/// A card with the cards laid on it; its votes are the stack's.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StackView {
    pub lead: CardView,
    pub under: Vec<CardView>,
    pub votes: i64,
}

/// One of the four questions with its stacks, most votes first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuestionView {
    pub question: Question,
    pub stacks: Vec<StackView>,
    /// How many cards the question has in all (before the reveal the
    /// viewer sees only their own, and this number).
    pub count: i64,
}

/// An agreed action.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActionView {
    pub id: String,
    pub text: String,
    pub owner_id: Option<String>,
    /// The owner's name (None when their account is gone).
    pub owner: Option<String>,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    pub done: bool,
    /// The viewer is its owner.
    pub mine: bool,
}

/// The terugblik before this one, with its actions still open.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PreviousView {
    pub id: String,
    pub title: String,
    pub open_actions: Vec<ActionView>,
}

/// A member of the group, for choosing an action's owner.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Participant {
    pub user_id: String,
    pub name: String,
}

/// A terugblik as one member sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RetroView {
    pub id: String,
    pub group_slug: String,
    pub group_name: String,
    pub title: String,
    pub subject: RetroSubject,
    pub phase: RetroPhase,
    pub created_at: i64,
    /// Counts every change: a live page reloads when it moves.
    pub version: i64,
    pub votes_per_member: i64,
    pub votes_left: i64,
    pub facilitator: bool,
    pub questions: Vec<QuestionView>,
    pub actions: Vec<ActionView>,
    pub previous: Option<PreviousView>,
    pub participants: Vec<Participant>,
}

impl RetroView {
    pub fn revealed(&self) -> bool {
        self.phase != RetroPhase::Schrijven
    }

    pub fn url(&self) -> String {
        format!("/groepen/{}/terugblikken/{}", self.group_slug, self.id)
    }
}

/// The terugblik and the group, for a member; 404 for anyone else.
async fn retro_access(
    conn: &mut Conn,
    user: &User,
    slug: &str,
    id: &str,
) -> AppResult<(GroupRow, GroupRole, RetroRow)> {
    let (group, role) = member_access(conn, user, slug).await?;
    let retro = conn
        .retrospectives()
        .get(&group.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((group, role, retro))
}

fn action_view(a: ActionRow, me: &str) -> ActionView {
    ActionView {
        mine: a.owner_id.as_deref() == Some(me),
        id: a.id,
        text: a.body,
        owner_id: a.owner_id,
        owner: a.owner_name,
        due_on: a.due_on,
        done: a.done_at.is_some(),
    }
}

/// Lays the cards out per question: stacks with their lead card, most
/// votes first (cards as stored are in a random order: their ids).
fn lay_out(
    cards: Vec<CardRow>,
    counts: &[(Question, i64)],
    me: &str,
    mine: &[(String, i64)],
) -> Vec<QuestionView> {
    let view = |c: &CardRow| CardView {
        id: c.id.clone(),
        text: c.body.clone(),
        author: if c.anonymous() {
            None
        } else {
            c.author_name.clone()
        },
        anonymous: c.anonymous(),
        mine: !c.anonymous() && c.author_id.as_deref() == Some(me),
        votes: c.votes,
        my_votes: mine
            .iter()
            .find(|(id, _)| *id == c.id)
            .map_or(0, |(_, n)| *n),
    };
    Question::ALL
        .iter()
        .map(|&question| {
            let of_q: Vec<&CardRow> = cards.iter().filter(|c| c.question == question).collect();
            let mut stacks: Vec<StackView> = of_q
                .iter()
                .filter(|c| {
                    c.stack_on
                        .as_ref()
                        .is_none_or(|on| !of_q.iter().any(|o| &o.id == on))
                })
                .map(|lead| {
                    let under: Vec<CardView> = of_q
                        .iter()
                        .filter(|c| c.stack_on.as_deref() == Some(&lead.id))
                        .map(|c| view(c))
                        .collect();
                    let votes = lead.votes + under.iter().map(|c| c.votes).sum::<i64>();
                    StackView {
                        lead: view(lead),
                        under,
                        votes,
                    }
                })
                .collect();
            stacks.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.lead.id.cmp(&b.lead.id)));
            QuestionView {
                question,
                stacks,
                count: counts
                    .iter()
                    .find(|(q, _)| *q == question)
                    .map_or(0, |(_, n)| *n),
            }
        })
        .collect()
}

/// The moment a reminder goes out: six in the morning (Amsterdam), two
/// days before the due date.
fn reminder_at(due_on: &str) -> Option<i64> {
    let due = chrono::NaiveDate::parse_from_str(due_on, "%Y-%m-%d").ok()?;
    let day = due.checked_sub_days(chrono::Days::new(2))?;
    crate::dates::day_ms(&day.format("%Y-%m-%d").to_string())
}

/// The kind of job that reminds an action's owner.
const REMINDER: &str = "retro-reminder";

pub(crate) const JOBS: &[crate::jobs::JobKind] = &[crate::jobs::JobKind {
    name: REMINDER,
    run: |app, payload| Box::pin(remind(app, payload)),
    forget_payload: false,
}];

/// What a reminder job carries: the action, the due date it was planned
/// for (a changed date makes the old job do nothing) and the language.
#[derive(Serialize, Deserialize)]
struct ReminderJob {
    action: String,
    due_on: String,
    lang: Lang,
}

impl Retrospectives<'_> {
    /// Opens a terugblik (facilitators). Returns its id.
    pub async fn open(&self, user: &User, slug: &str, mut input: RetroInput) -> AppResult<String> {
        let mut tx = self.begin("retrospectives.open").await?;
        let group = facilitator_access(&mut tx, user, slug).await?;
        input.title = input.title.trim().to_string();
        input.validate()?;
        let id = tx
            .retrospectives()
            .insert(
                &group.id,
                &input.title,
                input.subject,
                input.votes_per_member,
                &user.id,
            )
            .await?;
        self.commit(tx).await?;
        Ok(id)
    }

    /// The group's terugblikken, newest first (members).
    pub async fn of_group(&self, user: &User, slug: &str) -> AppResult<Vec<RetroSummary>> {
        let mut conn = self.read().await?;
        let (group, _) = member_access(&mut conn, user, slug).await?;
        Ok(conn
            .retrospectives()
            .of_group(&group.id)
            .await?
            .into_iter()
            .map(RetroSummary::from)
            .collect())
    }

    /// A terugblik as `user` may see it: before the reveal only their own
    /// named cards (and how many there are), afterwards all of them.
    pub async fn view(&self, user: &User, slug: &str, id: &str) -> AppResult<RetroView> {
        let mut conn = self.read().await?;
        let (group, role, retro) = retro_access(&mut conn, user, slug, id).await?;
        let revealed = retro.phase != RetroPhase::Schrijven;
        let all = conn.retrospectives().cards(&retro.id).await?;
        let counts: Vec<(Question, i64)> = Question::ALL
            .iter()
            .map(|&q| (q, all.iter().filter(|c| c.question == q).count() as i64))
            .collect();
        // Before the reveal the others' cards never leave this function.
        let cards = if revealed {
            all
        } else {
            all.into_iter()
                .filter(|c| !c.anonymous() && c.author_id.as_deref() == Some(user.id.as_str()))
                .collect()
        };
        let mine = conn.retrospectives().my_votes(&retro.id, &user.id).await?;
        let used: i64 = mine.iter().map(|(_, n)| n).sum();
        let actions = conn
            .retrospectives()
            .actions(&retro.id)
            .await?
            .into_iter()
            .map(|a| action_view(a, &user.id))
            .collect();
        let previous = match conn.retrospectives().previous(&retro).await? {
            Some(p) => Some(PreviousView {
                open_actions: conn
                    .retrospectives()
                    .actions(&p.id)
                    .await?
                    .into_iter()
                    .filter(|a| a.done_at.is_none())
                    .map(|a| action_view(a, &user.id))
                    .collect(),
                id: p.id,
                title: p.title,
            }),
            None => None,
        };
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
        Ok(RetroView {
            questions: lay_out(cards, &counts, &user.id, &mine),
            id: retro.id,
            group_slug: group.slug,
            group_name: group.name,
            title: retro.title,
            subject: retro.subject,
            phase: retro.phase,
            created_at: retro.created_at,
            version: retro.version,
            votes_per_member: retro.votes_per_member,
            votes_left: (retro.votes_per_member - used).max(0),
            facilitator: role == GroupRole::Begeleider,
            actions,
            previous,
            participants,
        })
    }

    /// Only the version, for live pages (members).
    pub async fn version(&self, user: &User, slug: &str, id: &str) -> AppResult<i64> {
        let mut conn = self.read().await?;
        let (_, _, retro) = retro_access(&mut conn, user, slug, id).await?;
        Ok(retro.version)
    }

    /// The version again, without the membership check: a live stream
    /// checked that once when it opened, and polls this cheaply.
    pub async fn current_version(&self, id: &str) -> AppResult<Option<i64>> {
        Ok(self.read().await?.retrospectives().version(id).await?)
    }

    /// Adds a card (members, while cards are written). An anonymous card is
    /// stored without its author.
    pub async fn add_card(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        mut input: CardInput,
    ) -> AppResult<()> {
        let mut tx = self.begin("retrospectives.add_card").await?;
        let (_, _, retro) = retro_access(&mut tx, user, slug, id).await?;
        if !retro.phase.accepts_cards() {
            return Err(AppError::Conflict("error-retro-cards-closed"));
        }
        input.text = input.text.trim().to_string();
        input.validate()?;
        if tx.retrospectives().count_cards(&retro.id).await? >= MAX_CARDS {
            return Err(AppError::Conflict("error-retro-full"));
        }
        let author = (!input.anonymous).then_some(user.id.as_str());
        tx.retrospectives()
            .insert_card(&retro.id, input.question, &input.text, author)
            .await?;
        tx.retrospectives().bump(&retro.id).await?;
        self.commit(tx).await
    }

    /// Takes a card away: its author while cards are written (a named card:
    /// an anonymous one has no author to ask), the facilitator afterwards.
    pub async fn remove_card(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        card: &str,
    ) -> AppResult<()> {
        let mut tx = self.begin("retrospectives.remove_card").await?;
        let (_, role, retro) = retro_access(&mut tx, user, slug, id).await?;
        let found = tx
            .retrospectives()
            .card(&retro.id, card)
            .await?
            .ok_or(AppError::NotFound)?;
        let allowed = match retro.phase {
            RetroPhase::Schrijven => found.author_id.as_deref() == Some(user.id.as_str()),
            RetroPhase::Bespreken => role == GroupRole::Begeleider,
            RetroPhase::Afgerond => false,
        };
        if !allowed {
            // Before the reveal, someone else's card does not exist for them.
            return Err(if retro.phase == RetroPhase::Schrijven {
                AppError::NotFound
            } else {
                AppError::Forbidden
            });
        }
        tx.retrospectives().delete_card(&retro.id, card).await?;
        tx.retrospectives().bump(&retro.id).await?;
        self.commit(tx).await
    }

    /// Shows every card to the group (facilitators).
    pub async fn reveal(&self, user: &User, slug: &str, id: &str) -> AppResult<()> {
        self.move_phase(user, slug, id, "retrospectives.reveal", RetroPhase::reveal)
            .await
    }

    /// Closes the terugblik: read only from now on (facilitators).
    pub async fn close(&self, user: &User, slug: &str, id: &str) -> AppResult<()> {
        self.move_phase(user, slug, id, "retrospectives.close", RetroPhase::close)
            .await
    }

    async fn move_phase(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        use_case: &'static str,
        step: fn(RetroPhase) -> Result<RetroPhase, vooruit_domain::IllegalTransition>,
    ) -> AppResult<()> {
        let mut tx = self.begin(use_case).await?;
        let group = facilitator_access(&mut tx, user, slug).await?;
        let retro = tx
            .retrospectives()
            .get(&group.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let to = step(retro.phase)?;
        if !tx
            .retrospectives()
            .set_phase(&retro.id, retro.phase, to)
            .await?
        {
            return Err(AppError::Conflict("error-changed-meanwhile"));
        }
        self.commit(tx).await
    }

    /// Lays a card on another of the same question, or loose again when
    /// `onto` is empty (facilitators, during the discussion).
    pub async fn stack(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        card: &str,
        onto: &str,
    ) -> AppResult<()> {
        let mut tx = self.begin("retrospectives.stack").await?;
        let group = facilitator_access(&mut tx, user, slug).await?;
        let retro = tx
            .retrospectives()
            .get(&group.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !retro.phase.in_discussion() {
            return Err(AppError::Conflict("error-retro-not-discussing"));
        }
        let moving = tx
            .retrospectives()
            .card(&retro.id, card)
            .await?
            .ok_or(AppError::NotFound)?;
        let onto = if onto.is_empty() {
            None
        } else {
            let target = tx
                .retrospectives()
                .card(&retro.id, onto)
                .await?
                .filter(|t| t.question == moving.question && t.id != moving.id)
                .ok_or_else(|| AppError::field("onto", "error-unknown-choice"))?;
            // On a stack: on its lead card (one level only).
            let lead = target.stack_on.unwrap_or(target.id);
            if lead == moving.id {
                return Err(AppError::field("onto", "error-unknown-choice"));
            }
            Some(lead)
        };
        tx.retrospectives()
            .stack(&retro.id, &moving.id, onto.as_deref())
            .await?;
        tx.retrospectives().bump(&retro.id).await?;
        self.commit(tx).await
    }

    /// Gives one vote to a card (members, during the discussion), if they
    /// have one left.
    pub async fn vote(&self, user: &User, slug: &str, id: &str, card: &str) -> AppResult<()> {
        let mut tx = self.begin("retrospectives.vote").await?;
        let (_, _, retro) = retro_access(&mut tx, user, slug, id).await?;
        if !retro.phase.in_discussion() {
            return Err(AppError::Conflict("error-retro-not-discussing"));
        }
        if tx.retrospectives().card(&retro.id, card).await?.is_none() {
            return Err(AppError::NotFound);
        }
        if !tx
            .retrospectives()
            .take_vote(&retro.id, &user.id, retro.votes_per_member)
            .await?
        {
            return Err(AppError::Conflict("error-retro-no-votes-left"));
        }
        tx.retrospectives().add_vote(card, &user.id).await?;
        tx.retrospectives().bump(&retro.id).await?;
        self.commit(tx).await
    }

    /// Takes back one of the member's votes on a card.
    pub async fn unvote(&self, user: &User, slug: &str, id: &str, card: &str) -> AppResult<()> {
        let mut tx = self.begin("retrospectives.unvote").await?;
        let (_, _, retro) = retro_access(&mut tx, user, slug, id).await?;
        if !retro.phase.in_discussion() {
            return Err(AppError::Conflict("error-retro-not-discussing"));
        }
        if !tx
            .retrospectives()
            .withdraw_vote(&retro.id, card, &user.id)
            .await?
        {
            return Err(AppError::NotFound);
        }
        tx.retrospectives().bump(&retro.id).await?;
        self.commit(tx).await
    }

    /// Records an action with an owner from the group and a due date
    /// (facilitators, during the discussion). The owner is reminded two
    /// days before the date, in `lang`.
    pub async fn add_action(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        mut input: ActionInput,
        lang: Lang,
    ) -> AppResult<()> {
        let mut tx = self.begin("retrospectives.add_action").await?;
        let group = facilitator_access(&mut tx, user, slug).await?;
        let retro = tx
            .retrospectives()
            .get(&group.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !retro.phase.in_discussion() {
            return Err(AppError::Conflict("error-retro-not-discussing"));
        }
        input.text = input.text.trim().to_string();
        input.due_on = input.due_on.trim().to_string();
        let now = tx.now();
        input.validate(&crate::dates::iso_date(now))?;
        if tx
            .groups()
            .role_of(&group.id, &input.owner)
            .await?
            .is_none()
        {
            return Err(AppError::field("owner", "error-unknown-choice"));
        }
        let action = tx
            .retrospectives()
            .insert_action(&retro.id, &input.text, &input.owner, &input.due_on)
            .await?;
        // A reminder whose moment has passed (due within two days) is not
        // sent: the owner just agreed to it in the room.
        if let Some(at) = reminder_at(&input.due_on).filter(|at| *at > now) {
            let job = ReminderJob {
                action,
                due_on: input.due_on.clone(),
                lang,
            };
            let payload =
                serde_json::to_string(&job).map_err(|e| AppError::Internal(e.to_string()))?;
            tx.jobs().enqueue_at(REMINDER, &payload, at).await?;
        }
        tx.retrospectives().bump(&retro.id).await?;
        self.commit(tx).await
    }

    /// Marks an action of one of the group's terugblikken done or open
    /// again (its owner or a facilitator). Returns the id of its terugblik.
    pub async fn set_action_done(
        &self,
        user: &User,
        slug: &str,
        action: &str,
        done: bool,
    ) -> AppResult<String> {
        let mut tx = self.begin("retrospectives.set_action_done").await?;
        let (group, role) = member_access(&mut tx, user, slug).await?;
        let found = tx
            .retrospectives()
            .action(action)
            .await?
            .ok_or(AppError::NotFound)?;
        let retro = tx
            .retrospectives()
            .get(&group.id, &found.retro_id)
            .await?
            .ok_or(AppError::NotFound)?;
        if role != GroupRole::Begeleider && found.owner_id.as_deref() != Some(user.id.as_str()) {
            return Err(AppError::Forbidden);
        }
        tx.retrospectives().set_action_done(&found.id, done).await?;
        tx.retrospectives().bump(&retro.id).await?;
        // The next terugblik shows the open actions of this one: it moves too.
        tx.retrospectives()
            .bump_later(&group.id, retro.created_at)
            .await?;
        self.commit(tx).await?;
        Ok(retro.id)
    }

    /// Takes an action off (facilitators).
    pub async fn remove_action(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        action: &str,
    ) -> AppResult<()> {
        let mut tx = self.begin("retrospectives.remove_action").await?;
        let group = facilitator_access(&mut tx, user, slug).await?;
        let retro = tx
            .retrospectives()
            .get(&group.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !tx.retrospectives().delete_action(&retro.id, action).await? {
            return Err(AppError::NotFound);
        }
        tx.retrospectives().bump(&retro.id).await?;
        self.commit(tx).await
    }
}

/// The reminder job: mails the owner of an action still open, still
/// due on the planned date, and still in the group.
async fn remind(app: &crate::App, payload: &str) -> Result<(), String> {
    let job: ReminderJob =
        serde_json::from_str(payload).map_err(|e| format!("reminder payload: {e}"))?;
    let sent = async {
        let mut tx = app.begin("retrospectives.remind").await?;
        let Some(action) = tx.retrospectives().action(&job.action).await? else {
            return Ok(());
        };
        let (Some(owner_id), Some(email), None) =
            (&action.owner_id, &action.owner_email, action.done_at)
        else {
            return Ok(());
        };
        if action.due_on != job.due_on {
            return Ok(());
        }
        let Some(retro) = tx.retrospectives().by_id(&action.retro_id).await? else {
            return Ok(());
        };
        let Some(group) = tx.groups().by_id(&retro.group_id).await? else {
            return Ok(());
        };
        if tx.groups().role_of(&group.id, owner_id).await?.is_none() {
            return Ok(());
        }
        let link = app.config.url(&format!(
            "/groepen/{}/terugblikken/{}",
            group.slug, retro.id
        ));
        let due = crate::dates::day_ms(&action.due_on)
            .map(|ms| crate::dates::format_date(job.lang, ms))
            .unwrap_or(action.due_on.clone());
        let (subject, text) =
            texts::action_reminder(job.lang, &group.name, &action.body, &due, &link);
        mail::queue(&mut tx, Mail::text(email, subject, text)).await?;
        app.commit(tx).await
    };
    sent.await.map_err(|e: AppError| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reminder_goes_two_days_before_in_the_morning() {
        let at = reminder_at("2026-12-10").expect("date");
        assert_eq!(crate::dates::iso_date(at), "2026-12-08");
        assert!(reminder_at("10 december").is_none());
    }
}
