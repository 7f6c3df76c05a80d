//! A durable queue of background work (mail, newsletter sends). A job is claimed with a lease: a node that dies mid-job lets the
//! lease run out and another node (or the restarted one) takes it over.

use sqlx::FromRow;

use crate::{Conn, Result, new_id};

#[derive(Debug, Clone, FromRow)]
pub struct JobRow {
    pub id: String,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
}

/// The jobs queue: `conn.jobs()`.
pub struct Jobs<'c>(&'c mut Conn);

impl Conn {
    pub fn jobs(&mut self) -> Jobs<'_> {
        Jobs(self)
    }
}

impl Jobs<'_> {
    /// Queues a job to run as soon as a worker is free. Inside a
    /// transaction, the job exists only if the use case commits.
    pub async fn enqueue(&mut self, kind: &'static str, payload: &str) -> Result<String> {
        let now = self.0.now();
        self.enqueue_at(kind, payload, now).await
    }

    /// Queues a job that runs from `run_after` on (reminders, follow-ups).
    pub async fn enqueue_at(
        &mut self,
        kind: &'static str,
        payload: &str,
        run_after: i64,
    ) -> Result<String> {
        let id = new_id();
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO jobs (id, kind, payload, run_after, attempts, created_at) \
             VALUES ($1, $2, $3, $4, 0, $5)",
        )
        .bind(&id)
        .bind(kind)
        .bind(payload)
        .bind(run_after)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        self.0.queued_job(kind);
        Ok(id)
    }

    /// Claims the oldest due job of this kind for `lease_ms`, or returns
    /// None. Two nodes racing for the same job: only one UPDATE matches.
    pub async fn claim(&mut self, kind: &str, lease_ms: i64) -> Result<Option<JobRow>> {
        let now = self.0.now();
        let candidate = sqlx::query_scalar::<_, String>(
            "SELECT id FROM jobs WHERE kind = $2 AND done_at IS NULL AND run_after <= $1 \
             AND (locked_until IS NULL OR locked_until < $1) ORDER BY run_after LIMIT 1",
        )
        .bind(now)
        .bind(kind)
        .fetch_optional(&mut *self.0)
        .await?;
        let Some(id) = candidate else {
            return Ok(None);
        };
        Ok(sqlx::query_as::<_, JobRow>(
            "UPDATE jobs SET locked_until = $1, attempts = attempts + 1 \
             WHERE id = $2 AND done_at IS NULL AND (locked_until IS NULL OR locked_until < $3) \
             RETURNING id, kind, payload, attempts",
        )
        .bind(now + lease_ms)
        .bind(&id)
        .bind(now)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Keeps a claimed job ours while it runs (a long newsletter send).
    pub async fn extend_lease(&mut self, id: &str, lease_ms: i64) -> Result<()> {
        sqlx::query("UPDATE jobs SET locked_until = $1 WHERE id = $2 AND done_at IS NULL")
            .bind(self.0.now() + lease_ms)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Marks a job done; with `forget`, its payload is emptied at once.
    pub async fn finish(&mut self, id: &str, forget: bool) -> Result<()> {
        sqlx::query(
            "UPDATE jobs SET done_at = $1, locked_until = NULL, \
             payload = CASE WHEN $2 = 1 THEN '' ELSE payload END WHERE id = $3",
        )
        .bind(self.0.now())
        .bind(i64::from(forget))
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Puts a failed job back for a later try, or gives up on it (marks it
    /// done with the error) when `give_up` is true.
    pub async fn fail(
        &mut self,
        id: &str,
        error: &str,
        retry_in_ms: i64,
        give_up: bool,
        forget: bool,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "UPDATE jobs SET locked_until = NULL, last_error = $1, run_after = $2, done_at = $3, \
             payload = CASE WHEN $4 = 1 THEN '' ELSE payload END WHERE id = $5",
        )
        .bind(error)
        .bind(now + retry_in_ms)
        .bind(give_up.then_some(now))
        .bind(i64::from(forget))
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Empties the payloads of jobs finished before `before`: a sent mail's
    /// payload holds its address and its links, which nobody needs once it
    /// went out. Returns how many were emptied.
    pub async fn prune_payloads(&mut self, before: i64) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE jobs SET payload = '' WHERE done_at IS NOT NULL AND done_at < $1 AND payload <> ''",
        )
        .bind(before)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected())
    }

    pub async fn pending(&mut self) -> Result<i64> {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL")
                .fetch_one(&mut *self.0)
                .await?,
        )
    }
}
