//! Counting attempts per bucket (an account, an IP address) in a time window.
//! Kept in the database, so every app node sees the same counts.

use crate::{Conn, Result};

/// Attempts per bucket: `conn.throttle()`.
pub struct Throttle<'c>(&'c mut Conn);

impl Conn {
    pub fn throttle(&mut self) -> Throttle<'_> {
        Throttle(self)
    }
}

impl Throttle<'_> {
    /// Records one attempt in `bucket`.
    pub async fn hit(&mut self, bucket: &str) -> Result<()> {
        sqlx::query("INSERT INTO throttle_events (bucket, at) VALUES ($1, $2)")
            .bind(bucket)
            .bind(self.0.now())
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Attempts in `bucket` during the last `window_ms` milliseconds.
    pub async fn count(&mut self, bucket: &str, window_ms: i64) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM throttle_events WHERE bucket = $1 AND at > $2",
        )
        .bind(bucket)
        .bind(self.0.now() - window_ms)
        .fetch_one(&mut *self.0)
        .await?)
    }

    /// Forgets the attempts in a bucket (after a successful login).
    pub async fn clear(&mut self, bucket: &str) -> Result<()> {
        sqlx::query("DELETE FROM throttle_events WHERE bucket = $1")
            .bind(bucket)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    pub async fn prune(&mut self, older_than_ms: i64) -> Result<()> {
        sqlx::query("DELETE FROM throttle_events WHERE at < $1")
            .bind(self.0.now() - older_than_ms)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }
}
