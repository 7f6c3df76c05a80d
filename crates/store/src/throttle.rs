//! Counting attempts per bucket (an account, an IP address) in a time window.
//! Kept in the database, so every app node sees the same counts.

use crate::{Db, Result, now_ms};

impl Db {
    /// Records one attempt in `bucket`.
    pub async fn throttle_hit(&self, bucket: &str) -> Result<()> {
        sqlx::query("INSERT INTO throttle_events (bucket, at) VALUES ($1, $2)")
            .bind(bucket)
            .bind(now_ms())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Attempts in `bucket` during the last `window_ms` milliseconds.
    pub async fn throttle_count(&self, bucket: &str, window_ms: i64) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM throttle_events WHERE bucket = $1 AND at > $2",
        )
        .bind(bucket)
        .bind(now_ms() - window_ms)
        .fetch_one(self.pool())
        .await?)
    }

    /// Forgets the attempts in a bucket (after a successful login).
    pub async fn throttle_clear(&self, bucket: &str) -> Result<()> {
        sqlx::query("DELETE FROM throttle_events WHERE bucket = $1")
            .bind(bucket)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn throttle_prune(&self, older_than_ms: i64) -> Result<()> {
        sqlx::query("DELETE FROM throttle_events WHERE at < $1")
            .bind(now_ms() - older_than_ms)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
