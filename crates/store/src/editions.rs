//! Newsletter editions and their deliveries.

use sqlx::FromRow;
use vooruit_domain::edition::{DeliveryStatus, EditionStatus};
use vooruit_domain::lang::Lang;
use vooruit_domain::newsletter::SubscriberStatus;

use crate::db::{lit, lits};
use crate::{Conn, Result, new_id};

/// Deliveries still to do.
fn open_deliveries() -> String {
    lits(&[DeliveryStatus::Wacht, DeliveryStatus::Bezig])
}

#[derive(Debug, Clone, FromRow)]
pub struct EditionRow {
    pub id: String,
    pub slug: Option<String>,
    pub subject: String,
    pub intro: String,
    /// JSON array of `vooruit_domain::edition::EditionItem`.
    pub items: String,
    pub themes: String,
    #[sqlx(try_from = "String")]
    pub status: EditionStatus,
    pub recipients: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent_at: Option<i64>,
}

const COLUMNS: &str =
    "id, slug, subject, intro, items, themes, status, recipients, created_at, updated_at, sent_at";

/// What editors write in an edition; `items` is JSON, `themes` a
/// comma-separated list.
pub struct EditionFields<'a> {
    pub subject: &'a str,
    pub intro: &'a str,
    pub items: &'a str,
    pub themes: &'a str,
}

/// One subscriber still to be mailed for an edition.
#[derive(Debug, Clone, FromRow)]
pub struct DeliveryRow {
    pub subscriber_id: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub lang: Lang,
    /// The subscriber's status now: someone who unsubscribed during the send
    /// is skipped.
    #[sqlx(try_from = "String")]
    pub subscriber_status: SubscriberStatus,
    /// `bezig` when an earlier run handed it to SMTP and stopped before it
    /// could record the answer.
    #[sqlx(try_from = "String")]
    pub status: DeliveryStatus,
}

/// How far a send has come.
#[derive(Debug, Clone, Default, FromRow)]
pub struct DeliveryCounts {
    pub waiting: i64,
    pub sent: i64,
    pub skipped: i64,
    pub failed: i64,
}

/// Newsletter editions and their deliveries: `conn.editions()`.
pub struct Editions<'c>(&'c mut Conn);

impl Conn {
    pub fn editions(&mut self) -> Editions<'_> {
        Editions(self)
    }
}

impl Editions<'_> {
    pub async fn insert(&mut self, e: &EditionFields<'_>, created_by: &str) -> Result<String> {
        let id = new_id();
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO newsletter_editions (id, subject, intro, items, themes, status, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $8, $6, $7, $7)",
        )
        .bind(&id)
        .bind(e.subject)
        .bind(e.intro)
        .bind(e.items)
        .bind(e.themes)
        .bind(created_by)
        .bind(now)
        .bind(EditionStatus::Concept.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(id)
    }

    /// Changes a concept; false when the edition is no longer a concept.
    pub async fn update(&mut self, id: &str, e: &EditionFields<'_>) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE newsletter_editions SET subject = $1, intro = $2, items = $3, themes = $6, updated_at = $4 \
             WHERE id = $5 AND status = $7",
        )
        .bind(e.subject)
        .bind(e.intro)
        .bind(e.items)
        .bind(self.0.now())
        .bind(id)
        .bind(e.themes)
        .bind(EditionStatus::Concept.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<EditionRow>> {
        Ok(sqlx::query_as::<_, EditionRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_editions WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn sent_by_slug(&mut self, slug: &str) -> Result<Option<EditionRow>> {
        Ok(sqlx::query_as::<_, EditionRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_editions WHERE slug = $1 AND status = {}",
            lit(EditionStatus::Verzonden)
        ))
        .bind(slug)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// All editions for the editors, newest first.
    pub async fn list(&mut self, limit: i64) -> Result<Vec<EditionRow>> {
        Ok(sqlx::query_as::<_, EditionRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_editions ORDER BY created_at DESC LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// The archive: sent editions, newest first.
    pub async fn sent(&mut self, limit: i64, offset: i64) -> Result<Vec<EditionRow>> {
        Ok(sqlx::query_as::<_, EditionRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_editions WHERE status = {} \
             ORDER BY sent_at DESC LIMIT $1 OFFSET $2",
            lit(EditionStatus::Verzonden)
        ))
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn count_sent(&mut self) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(&format!(
            "SELECT COUNT(*) FROM newsletter_editions WHERE status = {}",
            lit(EditionStatus::Verzonden)
        ))
        .fetch_one(&mut *self.0)
        .await?)
    }

    /// Fixes a concept for sending: in one transaction the edition gets its
    /// archive slug and one delivery row per confirmed subscriber. Returns the
    /// number of recipients, or None when the edition was not a concept (a
    /// second click on "send" does nothing).
    pub async fn start_sending(
        &mut self,
        id: &str,
        slug: &str,
        edition_themes: &[String],
    ) -> Result<Option<i64>> {
        let now = self.0.now();
        let slug = self.free_slug(slug).await?;
        let from = EditionStatus::Concept;
        let done = sqlx::query(
            "UPDATE newsletter_editions SET status = $4, slug = $1, send_started_at = $2, updated_at = $2 \
             WHERE id = $3 AND status = $5",
        )
        .bind(&slug)
        .bind(now)
        .bind(id)
        .bind(from.start_send()?.as_str())
        .bind(from.as_str())
        .execute(&mut *self.0)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(None);
        }
        // Subscribers who chose no themes get every edition; others get an
        // edition meant for some themes when they chose one of them.
        let themes: Vec<&str> = edition_themes.iter().map(String::as_str).collect();
        let mut sql = String::from(
            "INSERT INTO newsletter_deliveries (edition_id, subscriber_id, status) \
             SELECT $1, id, $2 FROM newsletter_subscribers WHERE status = $3",
        );
        if !themes.is_empty() {
            sql.push_str(" AND (themes = ''");
            for n in 0..themes.len() {
                sql.push_str(&format!(" OR (',' || themes || ',') LIKE ${}", n + 4));
            }
            sql.push(')');
        }
        let mut insert = sqlx::query(&sql)
            .bind(id)
            .bind(DeliveryStatus::Wacht.as_str())
            .bind(SubscriberStatus::Confirmed.as_str());
        for t in &themes {
            insert = insert.bind(format!("%,{t},%"));
        }
        let inserted = insert.execute(&mut *self.0).await?.rows_affected() as i64;
        sqlx::query("UPDATE newsletter_editions SET recipients = $1 WHERE id = $2")
            .bind(inserted)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(Some(inserted))
    }

    /// `base`, or `base-2`, `base-3`, ... when that archive address is taken.
    async fn free_slug(&mut self, base: &str) -> Result<String> {
        let taken: Vec<String> = sqlx::query_scalar(
            "SELECT slug FROM newsletter_editions WHERE slug = $1 OR slug LIKE $2",
        )
        .bind(base)
        .bind(format!("{base}-%"))
        .fetch_all(&mut *self.0)
        .await?;
        Ok((1..)
            .map(|n| {
                if n == 1 {
                    base.to_string()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|s| !taken.contains(s))
            .unwrap_or_else(|| base.to_string()))
    }

    /// The next subscribers to mail: first any left `bezig` by a run that
    /// stopped, then the waiting ones, in a fixed order.
    pub async fn next_deliveries(
        &mut self,
        edition_id: &str,
        limit: i64,
    ) -> Result<Vec<DeliveryRow>> {
        let sql = "SELECT d.subscriber_id, s.email, s.lang, \
                   s.status AS subscriber_status, d.status \
                   FROM newsletter_deliveries d JOIN newsletter_subscribers s ON s.id = d.subscriber_id \
                   WHERE d.edition_id = $1 AND d.status = $2 ORDER BY d.subscriber_id LIMIT $3";
        let mut rows = sqlx::query_as::<_, DeliveryRow>(sql)
            .bind(edition_id)
            .bind(DeliveryStatus::Bezig.as_str())
            .bind(limit)
            .fetch_all(&mut *self.0)
            .await?;
        if rows.is_empty() {
            rows = sqlx::query_as::<_, DeliveryRow>(sql)
                .bind(edition_id)
                .bind(DeliveryStatus::Wacht.as_str())
                .bind(limit)
                .fetch_all(&mut *self.0)
                .await?;
        }
        Ok(rows)
    }

    /// Records the outcome of the previous delivery and marks the next one
    /// as handed to SMTP, in one commit. A crash after the SMTP server took a
    /// mail but before this commit leaves that one row `bezig`; it is sent
    /// again with the same Message-ID, so mail programs show it once.
    pub async fn delivery_step(
        &mut self,
        edition_id: &str,
        previous: Option<(&str, DeliveryStatus, Option<&str>)>,
        next: Option<&str>,
    ) -> Result<()> {
        let now = self.0.now();
        if let Some((subscriber_id, outcome, error)) = previous {
            // Only an open delivery gets an outcome, and only a final one.
            let done = DeliveryStatus::Bezig.finish(outcome)?;
            sqlx::query(&format!(
                "UPDATE newsletter_deliveries SET status = $1, error = $2, done_at = $3 \
                 WHERE edition_id = $4 AND subscriber_id = $5 AND status IN ({})",
                open_deliveries()
            ))
            .bind(done.as_str())
            .bind(error)
            .bind(now)
            .bind(edition_id)
            .bind(subscriber_id)
            .execute(&mut *self.0)
            .await?;
        }
        if let Some(subscriber_id) = next {
            sqlx::query(&format!(
                "UPDATE newsletter_deliveries SET status = $3, attempts = attempts + 1 \
                 WHERE edition_id = $1 AND subscriber_id = $2 AND status IN ({})",
                open_deliveries()
            ))
            .bind(edition_id)
            .bind(subscriber_id)
            .bind(DeliveryStatus::Wacht.hand_over()?.as_str())
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }

    pub async fn delivery_counts(&mut self, edition_id: &str) -> Result<DeliveryCounts> {
        Ok(sqlx::query_as::<_, DeliveryCounts>(&format!(
            "SELECT \
             COALESCE(SUM(CASE WHEN status IN ({}) THEN 1 ELSE 0 END), 0) AS waiting, \
             COALESCE(SUM(CASE WHEN status = {} THEN 1 ELSE 0 END), 0) AS sent, \
             COALESCE(SUM(CASE WHEN status = {} THEN 1 ELSE 0 END), 0) AS skipped, \
             COALESCE(SUM(CASE WHEN status = {} THEN 1 ELSE 0 END), 0) AS failed \
             FROM newsletter_deliveries WHERE edition_id = $1",
            open_deliveries(),
            lit(DeliveryStatus::Verstuurd),
            lit(DeliveryStatus::Overgeslagen),
            lit(DeliveryStatus::Mislukt),
        ))
        .bind(edition_id)
        .fetch_one(&mut *self.0)
        .await?)
    }

    /// Marks the edition sent when no delivery is left; true if it did.
    pub async fn finish_sending(&mut self, edition_id: &str) -> Result<bool> {
        let now = self.0.now();
        let from = EditionStatus::Verzenden;
        let done = sqlx::query(&format!(
            "UPDATE newsletter_editions SET status = $3, sent_at = $1, updated_at = $1 \
             WHERE id = $2 AND status = $4 AND NOT EXISTS \
             (SELECT 1 FROM newsletter_deliveries d WHERE d.edition_id = $2 AND d.status IN ({}))",
            open_deliveries()
        ))
        .bind(now)
        .bind(edition_id)
        .bind(from.finish()?.as_str())
        .bind(from.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
