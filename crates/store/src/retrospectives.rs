//! Terugblikken of learning groups: cards, votes and actions. An anonymous
//! card is stored without its author and without a time; nothing written
//! when it is added (not the terugblik's row either: only its version
//! counter moves) tells who or when.

use sqlx::FromRow;
use vooruit_domain::retrospective::{Question, RetroPhase, RetroSubject};

use crate::db::flag;
use crate::{Conn, Result, new_id};

#[derive(Debug, Clone, FromRow)]
pub struct RetroRow {
    pub id: String,
    pub group_id: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub subject: RetroSubject,
    #[sqlx(try_from = "String")]
    pub phase: RetroPhase,
    pub votes_per_member: i64,
    pub version: i64,
    pub created_at: i64,
    pub revealed_at: Option<i64>,
    pub closed_at: Option<i64>,
}

const RETRO: &str = "id, group_id, title, subject, phase, votes_per_member, version, \
    created_at, revealed_at, closed_at";

#[derive(Debug, Clone, FromRow)]
pub struct CardRow {
    pub id: String,
    #[sqlx(try_from = "String")]
    pub question: Question,
    pub body: String,
    /// 0 or 1 (a flag as both databases store it).
    anonymous: i64,
    pub author_id: Option<String>,
    /// The author's name, for a named card.
    pub author_name: Option<String>,
    pub stack_on: Option<String>,
    /// Votes on this card, from everyone.
    pub votes: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct ActionRow {
    pub id: String,
    pub retro_id: String,
    pub body: String,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    pub owner_email: Option<String>,
    pub due_on: String,
    pub done_at: Option<i64>,
}

const ACTION: &str = "a.id, a.retro_id, a.body, a.owner_id, u.name AS owner_name, \
    u.email AS owner_email, a.due_on, a.done_at";

impl CardRow {
    pub fn anonymous(&self) -> bool {
        self.anonymous != 0
    }
}

/// Terugblikken: `conn.retrospectives()`.
pub struct Retrospectives<'c>(&'c mut Conn);

impl Conn {
    pub fn retrospectives(&mut self) -> Retrospectives<'_> {
        Retrospectives(self)
    }
}

impl Retrospectives<'_> {
    pub async fn insert(
        &mut self,
        group_id: &str,
        title: &str,
        subject: RetroSubject,
        votes_per_member: i64,
        created_by: &str,
    ) -> Result<String> {
        let id = new_id();
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO retrospectives \
             (id, group_id, title, subject, phase, votes_per_member, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(group_id)
        .bind(title)
        .bind(subject.as_str())
        .bind(RetroPhase::Schrijven.as_str())
        .bind(votes_per_member)
        .bind(created_by)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(id)
    }

    /// A terugblik of this group.
    pub async fn get(&mut self, group_id: &str, id: &str) -> Result<Option<RetroRow>> {
        Ok(sqlx::query_as::<_, RetroRow>(&format!(
            "SELECT {RETRO} FROM retrospectives WHERE group_id = $1 AND id = $2"
        ))
        .bind(group_id)
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<RetroRow>> {
        Ok(sqlx::query_as::<_, RetroRow>(&format!(
            "SELECT {RETRO} FROM retrospectives WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Only the version: what live viewers poll.
    pub async fn version(&mut self, id: &str) -> Result<Option<i64>> {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT version FROM retrospectives WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *self.0)
                .await?,
        )
    }

    /// The group's terugblikken, newest first.
    pub async fn of_group(&mut self, group_id: &str) -> Result<Vec<RetroRow>> {
        Ok(sqlx::query_as::<_, RetroRow>(&format!(
            "SELECT {RETRO} FROM retrospectives WHERE group_id = $1 \
             ORDER BY created_at DESC, id LIMIT 200"
        ))
        .bind(group_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// The terugblik of the group opened just before this one.
    pub async fn previous(&mut self, r: &RetroRow) -> Result<Option<RetroRow>> {
        Ok(sqlx::query_as::<_, RetroRow>(&format!(
            "SELECT {RETRO} FROM retrospectives WHERE group_id = $1 AND id <> $2 \
             AND (created_at < $3 OR (created_at = $3 AND id < $2)) \
             ORDER BY created_at DESC, id DESC LIMIT 1"
        ))
        .bind(&r.group_id)
        .bind(&r.id)
        .bind(r.created_at)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Marks a change for the group's terugblikken opened after `after`
    /// (they show the open actions of the ones before).
    pub async fn bump_later(&mut self, group_id: &str, after: i64) -> Result<()> {
        sqlx::query(
            "UPDATE retrospectives SET version = version + 1 WHERE group_id = $1 AND created_at > $2",
        )
        .bind(group_id)
        .bind(after)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Marks a change for live viewers (every write of a use case calls
    /// this once).
    pub async fn bump(&mut self, id: &str) -> Result<()> {
        sqlx::query("UPDATE retrospectives SET version = version + 1 WHERE id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Moves to `to` from `from`; false when someone else moved it first.
    pub async fn set_phase(&mut self, id: &str, from: RetroPhase, to: RetroPhase) -> Result<bool> {
        let now = self.0.now();
        let column = match to {
            RetroPhase::Bespreken => "revealed_at",
            RetroPhase::Afgerond => "closed_at",
            RetroPhase::Schrijven => return Ok(false),
        };
        let done = sqlx::query(&format!(
            "UPDATE retrospectives SET phase = $1, {column} = $2, version = version + 1 \
             WHERE id = $3 AND phase = $4"
        ))
        .bind(to.as_str())
        .bind(now)
        .bind(id)
        .bind(from.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn count_cards(&mut self, retro_id: &str) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM retrospective_cards WHERE retro_id = $1",
        )
        .bind(retro_id)
        .fetch_one(&mut *self.0)
        .await?)
    }

    /// A new card. `author` is None for an anonymous card: then no column
    /// holds who wrote it.
    pub async fn insert_card(
        &mut self,
        retro_id: &str,
        question: Question,
        body: &str,
        author: Option<&str>,
    ) -> Result<String> {
        let id = new_id();
        sqlx::query(
            "INSERT INTO retrospective_cards (id, retro_id, question, body, anonymous, author_id) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(retro_id)
        .bind(question.as_str())
        .bind(body)
        .bind(flag(author.is_none()))
        .bind(author)
        .execute(&mut *self.0)
        .await?;
        Ok(id)
    }

    /// The cards with their votes. (The use case decides who sees which:
    /// before the reveal a member sees only their own named cards.)
    pub async fn cards(&mut self, retro_id: &str) -> Result<Vec<CardRow>> {
        Ok(sqlx::query_as::<_, CardRow>(
            "SELECT c.id, c.question, c.body, CAST(c.anonymous AS BIGINT) AS anonymous, c.author_id, \
             u.name AS author_name, c.stack_on, \
             COALESCE((SELECT SUM(v.votes) FROM retrospective_votes v WHERE v.card_id = c.id), 0) AS votes \
             FROM retrospective_cards c LEFT JOIN users u ON u.id = c.author_id \
             WHERE c.retro_id = $1 ORDER BY c.id LIMIT 1000",
        )
        .bind(retro_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn card(&mut self, retro_id: &str, id: &str) -> Result<Option<CardRow>> {
        Ok(sqlx::query_as::<_, CardRow>(
            "SELECT c.id, c.question, c.body, CAST(c.anonymous AS BIGINT) AS anonymous, c.author_id, \
             NULL AS author_name, c.stack_on, 0 AS votes \
             FROM retrospective_cards c WHERE c.retro_id = $1 AND c.id = $2",
        )
        .bind(retro_id)
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Removes a card; cards lying on it become loose again.
    pub async fn delete_card(&mut self, retro_id: &str, id: &str) -> Result<bool> {
        sqlx::query(
            "UPDATE retrospective_cards SET stack_on = NULL WHERE retro_id = $1 AND stack_on = $2",
        )
        .bind(retro_id)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        // The votes on it go back to whoever gave them.
        sqlx::query(
            "UPDATE retrospective_voters SET used = used - COALESCE((SELECT v.votes \
             FROM retrospective_votes v WHERE v.card_id = $2 \
             AND v.user_id = retrospective_voters.user_id), 0) WHERE retro_id = $1",
        )
        .bind(retro_id)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        sqlx::query("DELETE FROM retrospective_votes WHERE card_id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        let done = sqlx::query("DELETE FROM retrospective_cards WHERE retro_id = $1 AND id = $2")
            .bind(retro_id)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Lays `id` (and whatever lay on it) on `onto`, or loose when None.
    pub async fn stack(&mut self, retro_id: &str, id: &str, onto: Option<&str>) -> Result<()> {
        if let Some(onto) = onto {
            sqlx::query(
                "UPDATE retrospective_cards SET stack_on = $1 WHERE retro_id = $2 AND stack_on = $3",
            )
            .bind(onto)
            .bind(retro_id)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        }
        sqlx::query("UPDATE retrospective_cards SET stack_on = $1 WHERE retro_id = $2 AND id = $3")
            .bind(onto)
            .bind(retro_id)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Takes one of the member's votes, if they have one left; false when
    /// all are used. The single UPDATE with its condition is what keeps
    /// two votes at once from both taking the last one.
    pub async fn take_vote(&mut self, retro_id: &str, user_id: &str, limit: i64) -> Result<bool> {
        sqlx::query(
            "INSERT INTO retrospective_voters (retro_id, user_id, used) VALUES ($1, $2, 0) \
             ON CONFLICT (retro_id, user_id) DO NOTHING",
        )
        .bind(retro_id)
        .bind(user_id)
        .execute(&mut *self.0)
        .await?;
        let done = sqlx::query(
            "UPDATE retrospective_voters SET used = used + 1 \
             WHERE retro_id = $1 AND user_id = $2 AND used < $3",
        )
        .bind(retro_id)
        .bind(user_id)
        .bind(limit)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn add_vote(&mut self, card_id: &str, user_id: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO retrospective_votes (card_id, user_id, votes) VALUES ($1, $2, 1) \
             ON CONFLICT (card_id, user_id) DO UPDATE SET votes = retrospective_votes.votes + 1",
        )
        .bind(card_id)
        .bind(user_id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Takes back one of the member's votes on a card; false when they
    /// had none there.
    pub async fn withdraw_vote(
        &mut self,
        retro_id: &str,
        card_id: &str,
        user_id: &str,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE retrospective_votes SET votes = votes - 1 \
             WHERE card_id = $1 AND user_id = $2 AND votes > 0",
        )
        .bind(card_id)
        .bind(user_id)
        .execute(&mut *self.0)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM retrospective_votes WHERE card_id = $1 AND votes <= 0")
            .bind(card_id)
            .execute(&mut *self.0)
            .await?;
        sqlx::query(
            "UPDATE retrospective_voters SET used = used - 1 \
             WHERE retro_id = $1 AND user_id = $2 AND used > 0",
        )
        .bind(retro_id)
        .bind(user_id)
        .execute(&mut *self.0)
        .await?;
        Ok(true)
    }

    /// How many votes the member used, and where: (card, votes).
    pub async fn my_votes(&mut self, retro_id: &str, user_id: &str) -> Result<Vec<(String, i64)>> {
        Ok(sqlx::query_as::<_, (String, i64)>(
            "SELECT v.card_id, CAST(v.votes AS BIGINT) FROM retrospective_votes v \
             JOIN retrospective_cards c ON c.id = v.card_id \
             WHERE c.retro_id = $1 AND v.user_id = $2",
        )
        .bind(retro_id)
        .bind(user_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn insert_action(
        &mut self,
        retro_id: &str,
        body: &str,
        owner_id: &str,
        due_on: &str,
    ) -> Result<String> {
        let id = new_id();
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO retrospective_actions (id, retro_id, body, owner_id, due_on, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(retro_id)
        .bind(body)
        .bind(owner_id)
        .bind(due_on)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(id)
    }

    pub async fn actions(&mut self, retro_id: &str) -> Result<Vec<ActionRow>> {
        Ok(sqlx::query_as::<_, ActionRow>(&format!(
            "SELECT {ACTION} FROM retrospective_actions a LEFT JOIN users u ON u.id = a.owner_id \
             WHERE a.retro_id = $1 ORDER BY a.due_on, a.created_at, a.id LIMIT 500"
        ))
        .bind(retro_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn action(&mut self, id: &str) -> Result<Option<ActionRow>> {
        Ok(sqlx::query_as::<_, ActionRow>(&format!(
            "SELECT {ACTION} FROM retrospective_actions a LEFT JOIN users u ON u.id = a.owner_id \
             WHERE a.id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Marks an action done (or open again).
    pub async fn set_action_done(&mut self, id: &str, done: bool) -> Result<()> {
        let at = done.then(|| self.0.now());
        sqlx::query("UPDATE retrospective_actions SET done_at = $1 WHERE id = $2")
            .bind(at)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    pub async fn delete_action(&mut self, retro_id: &str, id: &str) -> Result<bool> {
        let done = sqlx::query("DELETE FROM retrospective_actions WHERE retro_id = $1 AND id = $2")
            .bind(retro_id)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
