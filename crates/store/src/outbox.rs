//! The search outbox: a row per story change, written in the transaction of
//! the change, read by every node's indexer.

use sqlx::FromRow;

use crate::stories::{STORY_COLUMNS, StoryRow};
use crate::{Db, Result, now_ms};

#[derive(Debug, Clone, FromRow)]
pub struct OutboxRow {
    pub seq: i64,
    pub story_id: String,
    pub created_at: i64,
}

pub(crate) async fn record(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    story_id: &str,
) -> Result<()> {
    sqlx::query("INSERT INTO search_outbox (story_id, created_at) VALUES ($1, $2)")
        .bind(story_id)
        .bind(now_ms())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Db {
    pub async fn outbox_after(&self, seq: i64, limit: i64) -> Result<Vec<OutboxRow>> {
        Ok(sqlx::query_as::<_, OutboxRow>(
            "SELECT seq, story_id, created_at FROM search_outbox WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(seq)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    pub async fn outbox_max_seq(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(seq) FROM search_outbox")
                .fetch_one(self.pool())
                .await?
                .unwrap_or(0),
        )
    }

    /// Stories by id, in one query (the indexer's batch).
    pub async fn stories_by_ids(&self, ids: &[String]) -> Result<Vec<StoryRow>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE id IN ({})",
            placeholders.join(", ")
        );
        let mut q = sqlx::query_as::<_, StoryRow>(&sql);
        for id in ids {
            q = q.bind(id);
        }
        Ok(q.fetch_all(self.pool()).await?)
    }

    /// Published stories in id order after `after_id`: a full rebuild walks
    /// them batch by batch without holding them all in memory.
    pub async fn published_after(&self, after_id: &str, limit: i64) -> Result<Vec<StoryRow>> {
        Ok(sqlx::query_as::<_, StoryRow>(&format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE status = 'gepubliceerd' AND id > $1 ORDER BY id LIMIT $2"
        ))
        .bind(after_id)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }
}
