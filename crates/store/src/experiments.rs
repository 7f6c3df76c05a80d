//! Experiments of learning groups: ideas with their supporters, the
//! experiment's plan, progress notes and the evaluation.

use sqlx::FromRow;
use vooruit_domain::experiment::ExperimentPhase;

use crate::{Conn, Result, new_id};

#[derive(Debug, Clone, FromRow)]
pub struct ExperimentRow {
    pub id: String,
    pub group_id: String,
    pub title: String,
    pub description: String,
    #[sqlx(try_from = "String")]
    pub phase: ExperimentPhase,
    pub proposed_by: Option<String>,
    pub proposer_name: Option<String>,
    pub created_at: i64,
    pub hypothesis: String,
    pub measure: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
    pub owner_email: Option<String>,
    pub evaluation: String,
    pub replaces: String,
    pub evaluated_at: Option<i64>,
    /// How many members support the idea.
    pub supports: i64,
}

const EXPERIMENT: &str = "e.id, e.group_id, e.title, e.description, e.phase, e.proposed_by, \
    p.name AS proposer_name, e.created_at, e.hypothesis, e.measure, e.starts_on, e.ends_on, \
    e.owner_id, o.name AS owner_name, o.email AS owner_email, e.evaluation, e.replaces, \
    e.evaluated_at, \
    (SELECT COUNT(*) FROM experiment_supports s WHERE s.experiment_id = e.id) AS supports \
    FROM experiments e LEFT JOIN users p ON p.id = e.proposed_by \
    LEFT JOIN users o ON o.id = e.owner_id";

#[derive(Debug, Clone, FromRow)]
pub struct NoteRow {
    pub id: String,
    pub author_name: Option<String>,
    pub body: String,
    pub created_at: i64,
}

/// Experiments: `conn.experiments()`.
pub struct Experiments<'c>(&'c mut Conn);

impl Conn {
    pub fn experiments(&mut self) -> Experiments<'_> {
        Experiments(self)
    }
}

impl Experiments<'_> {
    /// A new idea on the board.
    pub async fn insert(
        &mut self,
        group_id: &str,
        title: &str,
        description: &str,
        proposed_by: &str,
    ) -> Result<String> {
        let id = new_id();
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO experiments (id, group_id, title, description, phase, proposed_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(group_id)
        .bind(title)
        .bind(description)
        .bind(ExperimentPhase::Idee.as_str())
        .bind(proposed_by)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(id)
    }

    /// An experiment (or idea) of this group.
    pub async fn get(&mut self, group_id: &str, id: &str) -> Result<Option<ExperimentRow>> {
        Ok(sqlx::query_as::<_, ExperimentRow>(&format!(
            "SELECT {EXPERIMENT} WHERE e.group_id = $1 AND e.id = $2"
        ))
        .bind(group_id)
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<ExperimentRow>> {
        Ok(
            sqlx::query_as::<_, ExperimentRow>(&format!("SELECT {EXPERIMENT} WHERE e.id = $1"))
                .bind(id)
                .fetch_optional(&mut *self.0)
                .await?,
        )
    }

    /// All of the group's: ideas by support, the rest newest first (the
    /// caller sorts them into the board's columns).
    pub async fn of_group(&mut self, group_id: &str) -> Result<Vec<ExperimentRow>> {
        Ok(sqlx::query_as::<_, ExperimentRow>(&format!(
            "SELECT {EXPERIMENT} WHERE e.group_id = $1 \
             ORDER BY supports DESC, e.created_at DESC, e.id LIMIT 1000"
        ))
        .bind(group_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// The ideas this member supports, among `group_id`'s.
    pub async fn supported_by(&mut self, group_id: &str, user_id: &str) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar::<_, String>(
            "SELECT s.experiment_id FROM experiment_supports s \
             JOIN experiments e ON e.id = s.experiment_id \
             WHERE e.group_id = $1 AND s.user_id = $2",
        )
        .bind(group_id)
        .bind(user_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// Adds (or with `on` false, takes back) a member's support; false
    /// when nothing changed.
    pub async fn support(&mut self, id: &str, user_id: &str, on: bool) -> Result<bool> {
        let done = if on {
            sqlx::query(
                "INSERT INTO experiment_supports (experiment_id, user_id) VALUES ($1, $2) \
                 ON CONFLICT (experiment_id, user_id) DO NOTHING",
            )
            .bind(id)
            .bind(user_id)
            .execute(&mut *self.0)
            .await?
        } else {
            sqlx::query("DELETE FROM experiment_supports WHERE experiment_id = $1 AND user_id = $2")
                .bind(id)
                .bind(user_id)
                .execute(&mut *self.0)
                .await?
        };
        Ok(done.rows_affected() == 1)
    }

    /// Starts the experiment, if it is still an idea; false when someone
    /// else started it first.
    pub async fn start(
        &mut self,
        id: &str,
        hypothesis: &str,
        measure: &str,
        starts_on: &str,
        ends_on: &str,
        owner_id: &str,
    ) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(
            "UPDATE experiments SET phase = $1, hypothesis = $2, measure = $3, starts_on = $4, \
             ends_on = $5, owner_id = $6, started_at = $7 WHERE id = $8 AND phase = $9",
        )
        .bind(ExperimentPhase::Loopt.as_str())
        .bind(hypothesis)
        .bind(measure)
        .bind(starts_on)
        .bind(ends_on)
        .bind(owner_id)
        .bind(now)
        .bind(id)
        .bind(ExperimentPhase::Idee.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records the evaluation and moves to `to`, if it is still running.
    pub async fn evaluate(
        &mut self,
        id: &str,
        to: ExperimentPhase,
        evaluation: &str,
        replaces: &str,
    ) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(
            "UPDATE experiments SET phase = $1, evaluation = $2, replaces = $3, evaluated_at = $4 \
             WHERE id = $5 AND phase = $6",
        )
        .bind(to.as_str())
        .bind(evaluation)
        .bind(replaces)
        .bind(now)
        .bind(id)
        .bind(ExperimentPhase::Loopt.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn add_note(&mut self, id: &str, author_id: &str, body: &str) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO experiment_notes (id, experiment_id, author_id, body, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(id)
        .bind(author_id)
        .bind(body)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// The progress notes, oldest first.
    pub async fn notes(&mut self, id: &str) -> Result<Vec<NoteRow>> {
        Ok(sqlx::query_as::<_, NoteRow>(
            "SELECT n.id, u.name AS author_name, n.body, n.created_at \
             FROM experiment_notes n LEFT JOIN users u ON u.id = n.author_id \
             WHERE n.experiment_id = $1 ORDER BY n.created_at, n.id LIMIT 1000",
        )
        .bind(id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn delete(&mut self, group_id: &str, id: &str) -> Result<bool> {
        let done = sqlx::query("DELETE FROM experiments WHERE group_id = $1 AND id = $2")
            .bind(group_id)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
