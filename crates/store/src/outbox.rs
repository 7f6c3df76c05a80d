//! The search outbox: a row per change to published content (a story, a
//! publication, an event), written in the transaction of the change, read
//! by every node's indexer.

use sqlx::FromRow;
use vooruit_domain::content_type::ContentType;

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct OutboxRow {
    pub seq: i64,
    #[sqlx(try_from = "String")]
    pub doc_type: ContentType,
    pub doc_id: String,
    pub created_at: i64,
}

/// Notes changed content for every node's index, in the use case's
/// transaction.
pub(crate) async fn record(conn: &mut Conn, doc_type: ContentType, id: &str) -> Result<()> {
    let now = conn.now();
    sqlx::query("INSERT INTO search_outbox (doc_type, doc_id, created_at) VALUES ($1, $2, $3)")
        .bind(doc_type.as_str())
        .bind(id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    conn.changed(doc_type, id);
    Ok(())
}

/// The search outbox: `conn.outbox()`.
pub struct Outbox<'c>(&'c mut Conn);

impl Conn {
    pub fn outbox(&mut self) -> Outbox<'_> {
        Outbox(self)
    }
}

impl Outbox<'_> {
    pub async fn after(&mut self, seq: i64, limit: i64) -> Result<Vec<OutboxRow>> {
        Ok(sqlx::query_as::<_, OutboxRow>(
            "SELECT seq, doc_type, doc_id, created_at FROM search_outbox WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(seq)
        .bind(limit)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn max_seq(&mut self) -> Result<i64> {
        Ok(
            sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(seq) FROM search_outbox")
                .fetch_one(&mut *self.0)
                .await?
                .unwrap_or(0),
        )
    }
}
