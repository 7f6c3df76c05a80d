//! Newsletter editions and their deliveries.

use sqlx::FromRow;

use crate::{Db, Result, new_id, now_ms};

#[derive(Debug, Clone, FromRow)]
pub struct EditionRow {
    pub id: String,
    pub slug: Option<String>,
    pub subject: String,
    pub intro: String,
    /// JSON array of `vooruit_domain::edition::EditionItem`.
    pub items: String,
    pub themes: String,
    pub status: String,
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
    pub lang: String,
    pub unsubscribe_token: String,
    /// The subscriber's status now: someone who unsubscribed during the send
    /// is skipped.
    pub subscriber_status: String,
    /// `bezig` when an earlier run handed it to SMTP and stopped before it
    /// could record the answer.
    pub status: String,
}

/// How far a send has come.
#[derive(Debug, Clone, Default, FromRow)]
pub struct DeliveryCounts {
    pub waiting: i64,
    pub sent: i64,
    pub skipped: i64,
    pub failed: i64,
}

/// A subscriber as the editors see them.
#[derive(Debug, Clone, FromRow)]
pub struct SubscriberListRow {
    pub email: String,
    pub themes: String,
    pub lang: String,
    pub status: String,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
}

impl Db {
    pub async fn insert_edition(&self, e: &EditionFields<'_>, created_by: &str) -> Result<String> {
        let id = new_id();
        let now = now_ms();
        sqlx::query(
            "INSERT INTO newsletter_editions (id, subject, intro, items, themes, status, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 'concept', $6, $7, $7)",
        )
        .bind(&id)
        .bind(e.subject)
        .bind(e.intro)
        .bind(e.items)
        .bind(e.themes)
        .bind(created_by)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(id)
    }

    /// Changes a concept; false when the edition is no longer a concept.
    pub async fn update_edition(&self, id: &str, e: &EditionFields<'_>) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE newsletter_editions SET subject = $1, intro = $2, items = $3, themes = $6, updated_at = $4 \
             WHERE id = $5 AND status = 'concept'",
        )
        .bind(e.subject)
        .bind(e.intro)
        .bind(e.items)
        .bind(now_ms())
        .bind(id)
        .bind(e.themes)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn edition(&self, id: &str) -> Result<Option<EditionRow>> {
        Ok(sqlx::query_as::<_, EditionRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_editions WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await?)
    }

    pub async fn sent_edition_by_slug(&self, slug: &str) -> Result<Option<EditionRow>> {
        Ok(sqlx::query_as::<_, EditionRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_editions WHERE slug = $1 AND status = 'verzonden'"
        ))
        .bind(slug)
        .fetch_optional(self.pool())
        .await?)
    }

    /// All editions for the editors, newest first.
    pub async fn editions(&self, limit: i64) -> Result<Vec<EditionRow>> {
        Ok(sqlx::query_as::<_, EditionRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_editions ORDER BY created_at DESC LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// The archive: sent editions, newest first.
    pub async fn sent_editions(&self, limit: i64, offset: i64) -> Result<Vec<EditionRow>> {
        Ok(sqlx::query_as::<_, EditionRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_editions WHERE status = 'verzonden' \
             ORDER BY sent_at DESC LIMIT $1 OFFSET $2"
        ))
        .bind(limit)
        .bind(offset)
        .fetch_all(self.pool())
        .await?)
    }

    pub async fn count_sent_editions(&self) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM newsletter_editions WHERE status = 'verzonden'",
        )
        .fetch_one(self.pool())
        .await?)
    }

    /// Fixes a concept for sending: in one transaction the edition gets its
    /// archive slug and one delivery row per confirmed subscriber. Returns the
    /// number of recipients, or None when the edition was not a concept (a
    /// second click on "send" does nothing).
    pub async fn start_sending(
        &self,
        id: &str,
        slug: &str,
        edition_themes: &[String],
    ) -> Result<Option<i64>> {
        let now = now_ms();
        let mut tx = self.pool().begin().await?;
        let done = sqlx::query(
            "UPDATE newsletter_editions SET status = 'verzenden', slug = $1, send_started_at = $2, updated_at = $2 \
             WHERE id = $3 AND status = 'concept'",
        )
        .bind(slug)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(None);
        }
        // Subscribers who chose no themes get every edition; others get an
        // edition meant for some themes when they chose one of them.
        let themes: Vec<&str> = edition_themes.iter().map(String::as_str).collect();
        let mut sql = String::from(
            "INSERT INTO newsletter_deliveries (edition_id, subscriber_id, status) \
             SELECT $1, id, 'wacht' FROM newsletter_subscribers WHERE status = 'confirmed'",
        );
        if !themes.is_empty() {
            sql.push_str(" AND (themes = ''");
            for n in 0..themes.len() {
                sql.push_str(&format!(" OR (',' || themes || ',') LIKE ${}", n + 2));
            }
            sql.push(')');
        }
        let mut insert = sqlx::query(&sql).bind(id);
        for t in &themes {
            insert = insert.bind(format!("%,{t},%"));
        }
        let inserted = insert.execute(&mut *tx).await?.rows_affected() as i64;
        sqlx::query("UPDATE newsletter_editions SET recipients = $1 WHERE id = $2")
            .bind(inserted)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some(inserted))
    }

    /// The next subscribers to mail: first any left `bezig` by a run that
    /// stopped, then the waiting ones, in a fixed order.
    pub async fn next_deliveries(&self, edition_id: &str, limit: i64) -> Result<Vec<DeliveryRow>> {
        let sql = "SELECT d.subscriber_id, s.email, s.lang, s.unsubscribe_token, \
                   s.status AS subscriber_status, d.status \
                   FROM newsletter_deliveries d JOIN newsletter_subscribers s ON s.id = d.subscriber_id \
                   WHERE d.edition_id = $1 AND d.status = $2 ORDER BY d.subscriber_id LIMIT $3";
        let mut rows = sqlx::query_as::<_, DeliveryRow>(sql)
            .bind(edition_id)
            .bind("bezig")
            .bind(limit)
            .fetch_all(self.pool())
            .await?;
        if rows.is_empty() {
            rows = sqlx::query_as::<_, DeliveryRow>(sql)
                .bind(edition_id)
                .bind("wacht")
                .bind(limit)
                .fetch_all(self.pool())
                .await?;
        }
        Ok(rows)
    }

    /// Records the outcome of the previous delivery and marks the next one
    /// as handed to SMTP, in one commit. A crash after the SMTP server took a
    /// mail but before this commit leaves that one row `bezig`; it is sent
    /// again with the same Message-ID, so mail programs show it once.
    pub async fn delivery_step(
        &self,
        edition_id: &str,
        previous: Option<(&str, &str, Option<&str>)>,
        next: Option<&str>,
    ) -> Result<()> {
        let now = now_ms();
        let mut tx = self.pool().begin().await?;
        if let Some((subscriber_id, status, error)) = previous {
            sqlx::query(
                "UPDATE newsletter_deliveries SET status = $1, error = $2, done_at = $3 \
                 WHERE edition_id = $4 AND subscriber_id = $5",
            )
            .bind(status)
            .bind(error)
            .bind(now)
            .bind(edition_id)
            .bind(subscriber_id)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(subscriber_id) = next {
            sqlx::query(
                "UPDATE newsletter_deliveries SET status = 'bezig', attempts = attempts + 1 \
                 WHERE edition_id = $1 AND subscriber_id = $2",
            )
            .bind(edition_id)
            .bind(subscriber_id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn delivery_counts(&self, edition_id: &str) -> Result<DeliveryCounts> {
        Ok(sqlx::query_as::<_, DeliveryCounts>(
            "SELECT \
             COALESCE(SUM(CASE WHEN status IN ('wacht', 'bezig') THEN 1 ELSE 0 END), 0) AS waiting, \
             COALESCE(SUM(CASE WHEN status = 'verstuurd' THEN 1 ELSE 0 END), 0) AS sent, \
             COALESCE(SUM(CASE WHEN status = 'overgeslagen' THEN 1 ELSE 0 END), 0) AS skipped, \
             COALESCE(SUM(CASE WHEN status = 'mislukt' THEN 1 ELSE 0 END), 0) AS failed \
             FROM newsletter_deliveries WHERE edition_id = $1",
        )
        .bind(edition_id)
        .fetch_one(self.pool())
        .await?)
    }

    /// Marks the edition sent when no delivery is left; true if it did.
    pub async fn finish_sending(&self, edition_id: &str) -> Result<bool> {
        let now = now_ms();
        let done = sqlx::query(
            "UPDATE newsletter_editions SET status = 'verzonden', sent_at = $1, updated_at = $1 \
             WHERE id = $2 AND status = 'verzenden' AND NOT EXISTS \
             (SELECT 1 FROM newsletter_deliveries d WHERE d.edition_id = $2 AND d.status IN ('wacht', 'bezig'))",
        )
        .bind(now)
        .bind(edition_id)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Subscribers for the editors: by status, optionally matching part of
    /// the address, in address order.
    pub async fn subscribers(
        &self,
        status: &str,
        contains: &str,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<SubscriberListRow>, i64)> {
        let pattern = format!(
            "%{}%",
            contains
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let rows = sqlx::query_as::<_, SubscriberListRow>(
            "SELECT email, themes, lang, status, created_at, confirmed_at FROM newsletter_subscribers \
             WHERE status = $1 AND email LIKE $2 ESCAPE '\\' ORDER BY email LIMIT $3 OFFSET $4",
        )
        .bind(status)
        .bind(&pattern)
        .bind(limit)
        .bind(offset)
        .fetch_all(self.pool())
        .await?;
        let total = if contains.is_empty() {
            self.count_subscribers(status).await?
        } else {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM newsletter_subscribers WHERE status = $1 AND email LIKE $2 ESCAPE '\\'",
            )
            .bind(status)
            .bind(&pattern)
            .fetch_one(self.pool())
            .await?
        };
        Ok((rows, total))
    }

    /// Adds confirmed subscribers in bulk (demo data and benchmarks).
    pub async fn insert_confirmed_subscribers(&self, emails: &[String]) -> Result<()> {
        let now = now_ms();
        let mut tx = self.pool().begin().await?;
        for email in emails {
            sqlx::query(
                "INSERT INTO newsletter_subscribers (id, email, themes, lang, status, unsubscribe_token, created_at, confirmed_at) \
                 VALUES ($1, $2, '', 'nl', 'confirmed', $3, $4, $4) ON CONFLICT (email) DO NOTHING",
            )
            .bind(new_id())
            .bind(email)
            .bind(format!("{}{}", new_id(), new_id()))
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
