//! Dilemma sessions of learning groups: the dilemma, its perspectives and
//! the members' positions. A position in a session "zonder namen" is
//! stored without its author and without a time; who has chosen is a
//! sorted list on the dilemma's row, which tells neither order nor match.

use sqlx::FromRow;
use vooruit_domain::dilemma::{DilemmaNames, DilemmaPhase};

use crate::{Conn, Result, new_id};

#[derive(Debug, Clone, FromRow)]
pub struct DilemmaRow {
    pub id: String,
    pub group_id: String,
    pub title: String,
    pub situation: String,
    #[sqlx(try_from = "String")]
    pub names: DilemmaNames,
    #[sqlx(try_from = "String")]
    pub phase: DilemmaPhase,
    pub version: i64,
    pub chosen_by: String,
    pub outcome: String,
    pub follow_up_on: Option<String>,
    pub follow_up: String,
    pub decided_by: Option<String>,
    pub created_at: i64,
    pub revealed_at: Option<i64>,
    pub decided_at: Option<i64>,
    pub followed_up_at: Option<i64>,
}

const DILEMMA: &str = "id, group_id, title, situation, names, phase, version, chosen_by, \
    outcome, follow_up_on, follow_up, decided_by, created_at, revealed_at, decided_at, \
    followed_up_at";

impl DilemmaRow {
    /// Whether this member has given a position in a session without
    /// names (the only place that is kept).
    pub fn has_chosen(&self, user_id: &str) -> bool {
        self.chosen_by.split(',').any(|u| u == user_id)
    }
}

#[derive(Debug, Clone, FromRow)]
pub struct PerspectiveRow {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, FromRow)]
pub struct PositionRow {
    pub id: String,
    pub perspective_id: String,
    pub reason: String,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
}

/// Dilemma sessions: `conn.dilemmas()`.
pub struct Dilemmas<'c>(&'c mut Conn);

impl Conn {
    pub fn dilemmas(&mut self) -> Dilemmas<'_> {
        Dilemmas(self)
    }
}

impl Dilemmas<'_> {
    pub async fn insert(
        &mut self,
        group_id: &str,
        title: &str,
        situation: &str,
        names: DilemmaNames,
        perspectives: &[String],
        created_by: &str,
    ) -> Result<String> {
        let id = new_id();
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO dilemmas (id, group_id, title, situation, names, phase, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(group_id)
        .bind(title)
        .bind(situation)
        .bind(names.as_str())
        .bind(DilemmaPhase::Kiezen.as_str())
        .bind(created_by)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        for (n, label) in perspectives.iter().enumerate() {
            sqlx::query(
                "INSERT INTO dilemma_perspectives (id, dilemma_id, position, label) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(new_id())
            .bind(&id)
            .bind(n as i64)
            .bind(label)
            .execute(&mut *self.0)
            .await?;
        }
        Ok(id)
    }

    /// A dilemma of this group.
    pub async fn get(&mut self, group_id: &str, id: &str) -> Result<Option<DilemmaRow>> {
        Ok(sqlx::query_as::<_, DilemmaRow>(&format!(
            "SELECT {DILEMMA} FROM dilemmas WHERE group_id = $1 AND id = $2"
        ))
        .bind(group_id)
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<DilemmaRow>> {
        Ok(sqlx::query_as::<_, DilemmaRow>(&format!(
            "SELECT {DILEMMA} FROM dilemmas WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Only the version: what live viewers poll.
    pub async fn version(&mut self, id: &str) -> Result<Option<i64>> {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT version FROM dilemmas WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *self.0)
                .await?,
        )
    }

    /// The group's dilemmas, newest first: its library.
    pub async fn of_group(&mut self, group_id: &str) -> Result<Vec<DilemmaRow>> {
        Ok(sqlx::query_as::<_, DilemmaRow>(&format!(
            "SELECT {DILEMMA} FROM dilemmas WHERE group_id = $1 \
             ORDER BY created_at DESC, id LIMIT 500"
        ))
        .bind(group_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn perspectives(&mut self, dilemma_id: &str) -> Result<Vec<PerspectiveRow>> {
        Ok(sqlx::query_as::<_, PerspectiveRow>(
            "SELECT id, label FROM dilemma_perspectives WHERE dilemma_id = $1 \
             ORDER BY position",
        )
        .bind(dilemma_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// Moves the version on, and with it takes the row's lock: every use
    /// case that changes a dilemma calls this first, so changes to one
    /// dilemma happen one after the other (on PostgreSQL, what is read
    /// after it is what the one before committed).
    pub async fn bump(&mut self, id: &str) -> Result<()> {
        sqlx::query("UPDATE dilemmas SET version = version + 1 WHERE id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Moves to `to` from `from`; false when someone else moved it first.
    pub async fn set_phase(
        &mut self,
        id: &str,
        from: DilemmaPhase,
        to: DilemmaPhase,
    ) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(
            "UPDATE dilemmas SET phase = $1, revealed_at = $2, version = version + 1 \
             WHERE id = $3 AND phase = $4",
        )
        .bind(to.as_str())
        .bind(now)
        .bind(id)
        .bind(from.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The positions with the names of their authors (where stored), in
    /// the order of their random ids.
    pub async fn positions(&mut self, dilemma_id: &str) -> Result<Vec<PositionRow>> {
        Ok(sqlx::query_as::<_, PositionRow>(
            "SELECT p.id, p.perspective_id, p.reason, p.author_id, u.name AS author_name \
             FROM dilemma_positions p LEFT JOIN users u ON u.id = p.author_id \
             WHERE p.dilemma_id = $1 ORDER BY p.id LIMIT 2000",
        )
        .bind(dilemma_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn count_positions(&mut self, dilemma_id: &str) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM dilemma_positions WHERE dilemma_id = $1",
        )
        .bind(dilemma_id)
        .fetch_one(&mut *self.0)
        .await?)
    }

    /// A position "met namen": a new one, or the member's changed one.
    pub async fn put_named(
        &mut self,
        dilemma_id: &str,
        perspective_id: &str,
        reason: &str,
        author_id: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO dilemma_positions (id, dilemma_id, perspective_id, reason, author_id) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (dilemma_id, author_id) \
             DO UPDATE SET perspective_id = excluded.perspective_id, reason = excluded.reason",
        )
        .bind(new_id())
        .bind(dilemma_id)
        .bind(perspective_id)
        .bind(reason)
        .bind(author_id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// A position "zonder namen": the position without its author, and
    /// the member added to the sorted list of who chose. The caller holds
    /// the dilemma's lock ([`Dilemmas::bump`]) and has checked the member
    /// is not on the list yet.
    pub async fn put_unnamed(
        &mut self,
        d: &DilemmaRow,
        perspective_id: &str,
        reason: &str,
        user_id: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO dilemma_positions (id, dilemma_id, perspective_id, reason, author_id) \
             VALUES ($1, $2, $3, $4, NULL)",
        )
        .bind(new_id())
        .bind(&d.id)
        .bind(perspective_id)
        .bind(reason)
        .execute(&mut *self.0)
        .await?;
        let mut chosen: Vec<&str> = d.chosen_by.split(',').filter(|u| !u.is_empty()).collect();
        chosen.push(user_id);
        chosen.sort_unstable();
        sqlx::query("UPDATE dilemmas SET chosen_by = $1 WHERE id = $2")
            .bind(chosen.join(","))
            .bind(&d.id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Takes back a position "met namen" (its author, before the reveal).
    pub async fn withdraw_named(&mut self, dilemma_id: &str, author_id: &str) -> Result<bool> {
        let done =
            sqlx::query("DELETE FROM dilemma_positions WHERE dilemma_id = $1 AND author_id = $2")
                .bind(dilemma_id)
                .bind(author_id)
                .execute(&mut *self.0)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records the outcome and the follow-up date; the phase becomes
    /// `to` (besloten).
    pub async fn decide(
        &mut self,
        id: &str,
        to: DilemmaPhase,
        outcome: &str,
        follow_up_on: &str,
        decided_by: &str,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "UPDATE dilemmas SET phase = $1, outcome = $2, follow_up_on = $3, decided_by = $4, \
             decided_at = $5 WHERE id = $6",
        )
        .bind(to.as_str())
        .bind(outcome)
        .bind(follow_up_on)
        .bind(decided_by)
        .bind(now)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// What the choice led to, written at (or after) the follow-up.
    pub async fn set_follow_up(&mut self, id: &str, text: &str) -> Result<()> {
        let now = self.0.now();
        sqlx::query("UPDATE dilemmas SET follow_up = $1, followed_up_at = $2 WHERE id = $3")
            .bind(text)
            .bind(now)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    pub async fn delete(&mut self, group_id: &str, id: &str) -> Result<bool> {
        let done = sqlx::query("DELETE FROM dilemmas WHERE group_id = $1 AND id = $2")
            .bind(group_id)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
