//! What the tables of published things share (publications, podcast
//! episodes, videos, werkwijzers, magazine issues): a unique slug, and a
//! status of draft, published or withdrawn whose first publication is
//! remembered and whose every change goes to the search outbox. Each
//! feature's queries call these with their own table.

use vooruit_domain::content_type::ContentType;
use vooruit_domain::publication::PublicationStatus;

use crate::db::lit;
use crate::{Conn, Result};

/// A table of published things and the type of content its rows are.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Publishable {
    pub table: &'static str,
    pub doc: ContentType,
}

impl Publishable {
    /// `base`, or `base-2`, `base-3` ... the first that no row has.
    pub(crate) async fn free_slug(self, conn: &mut Conn, base: &str) -> Result<String> {
        let sql = format!("SELECT COUNT(*) FROM {} WHERE slug = $1", self.table);
        let mut slug = base.to_string();
        let mut n = 1;
        loop {
            let taken: i64 = sqlx::query_scalar(&sql)
                .bind(&slug)
                .fetch_one(&mut *conn)
                .await?;
            if taken == 0 {
                return Ok(slug);
            }
            n += 1;
            slug = format!("{base}-{n}");
        }
    }

    /// How many rows are published.
    pub(crate) async fn count_published(self, conn: &mut Conn) -> Result<i64> {
        let sql = format!(
            "SELECT COUNT(*) FROM {} WHERE status = {}",
            self.table,
            lit(PublicationStatus::Published)
        );
        Ok(sqlx::query_scalar::<_, i64>(&sql)
            .fetch_one(&mut *conn)
            .await?)
    }

    /// Moves a row to `status`; publishing sets the publication time the
    /// first time. The change goes to the search outbox.
    pub(crate) async fn set_status(
        self,
        conn: &mut Conn,
        id: &str,
        status: PublicationStatus,
    ) -> Result<()> {
        let now = conn.now();
        let sql = format!(
            "UPDATE {} SET status = $1, updated_at = $2, \
             published_at = CASE WHEN $1 = $3 AND published_at IS NULL THEN $2 ELSE published_at END \
             WHERE id = $4",
            self.table
        );
        sqlx::query(&sql)
            .bind(status.as_str())
            .bind(now)
            .bind(PublicationStatus::Published.as_str())
            .bind(id)
            .execute(&mut *conn)
            .await?;
        crate::outbox::record(conn, self.doc, id).await
    }
}
