//! Newsletter subscribers (double opt-in).

use sqlx::FromRow;
use vooruit_domain::lang::Lang;
use vooruit_domain::newsletter::SubscriberStatus;

use crate::db::lits;
use crate::{Conn, Result, new_id};

/// The statuses from which `transition` is allowed, for `status IN (...)`.
fn allowed_from(
    transition: fn(
        SubscriberStatus,
    ) -> std::result::Result<SubscriberStatus, vooruit_domain::IllegalTransition>,
) -> String {
    let from: Vec<SubscriberStatus> = SubscriberStatus::ALL
        .iter()
        .copied()
        .filter(|s| transition(*s).is_ok())
        .collect();
    lits(&from)
}

#[derive(Debug, Clone, FromRow)]
pub struct SubscriberRow {
    pub id: String,
    pub email: String,
    pub themes: String,
    #[sqlx(try_from = "String")]
    pub lang: Lang,
    #[sqlx(try_from = "String")]
    pub status: SubscriberStatus,
    pub unsubscribe_token: String,
}

/// A subscriber as the editors see them.
#[derive(Debug, Clone, FromRow)]
pub struct SubscriberListRow {
    pub email: String,
    pub themes: String,
    #[sqlx(try_from = "String")]
    pub lang: Lang,
    #[sqlx(try_from = "String")]
    pub status: SubscriberStatus,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
}

const COLUMNS: &str = "id, email, themes, lang, status, unsubscribe_token";

/// Newsletter subscribers: `conn.newsletter()`.
pub struct Newsletter<'c>(&'c mut Conn);

impl Conn {
    pub fn newsletter(&mut self) -> Newsletter<'_> {
        Newsletter(self)
    }
}

impl Newsletter<'_> {
    pub async fn by_email(&mut self, email: &str) -> Result<Option<SubscriberRow>> {
        Ok(sqlx::query_as::<_, SubscriberRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_subscribers WHERE email = $1"
        ))
        .bind(email)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Adds a pending subscriber, or makes an existing pending or
    /// unsubscribed one pending again with a new confirmation token. A
    /// confirmed subscriber is left as is (returns false).
    pub async fn upsert_pending(
        &mut self,
        email: &str,
        themes: &str,
        lang: Lang,
        confirm_token_hash: &str,
        expires_at: i64,
        unsubscribe_token: &str,
    ) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(&format!(
            "INSERT INTO newsletter_subscribers \
             (id, email, themes, lang, status, confirm_token_hash, confirm_expires_at, unsubscribe_token, created_at) \
             VALUES ($1, $2, $3, $4, $9, $5, $6, $7, $8) \
             ON CONFLICT (email) DO UPDATE SET themes = $3, lang = $4, status = $9, \
             confirm_token_hash = $5, confirm_expires_at = $6 \
             WHERE newsletter_subscribers.status IN ({})",
            allowed_from(SubscriberStatus::sign_up)
        ))
        .bind(new_id())
        .bind(email)
        .bind(themes)
        .bind(lang.as_str())
        .bind(confirm_token_hash)
        .bind(expires_at)
        .bind(unsubscribe_token)
        .bind(now)
        .bind(SubscriberStatus::Pending.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Confirms the subscriber with this token if it has not expired.
    pub async fn confirm(&mut self, confirm_token_hash: &str) -> Result<bool> {
        let now = self.0.now();
        let from = SubscriberStatus::Pending;
        let done = sqlx::query(
            "UPDATE newsletter_subscribers SET status = $3, confirmed_at = $1, \
             confirm_token_hash = NULL, confirm_expires_at = NULL \
             WHERE confirm_token_hash = $2 AND status = $4 AND confirm_expires_at > $1",
        )
        .bind(now)
        .bind(confirm_token_hash)
        .bind(from.confirm()?.as_str())
        .bind(from.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Removes sign-ups that were never confirmed, made before `before`
    /// (retention); someone who once got editions keeps their row.
    pub async fn drop_unconfirmed(&mut self, before: i64) -> Result<u64> {
        let done = sqlx::query(
            "DELETE FROM newsletter_subscribers WHERE status = $1 AND created_at < $2 \
             AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d.subscriber_id = newsletter_subscribers.id)",
        )
        .bind(SubscriberStatus::Pending.as_str())
        .bind(before)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected())
    }

    /// Removes subscribers who unsubscribed before `before` (retention),
    /// with the record of which editions went to them; each edition keeps
    /// its number of recipients.
    pub async fn forget_unsubscribed(&mut self, before: i64) -> Result<u64> {
        let gone =
            "SELECT id FROM newsletter_subscribers WHERE status = $1 AND unsubscribed_at < $2";
        sqlx::query(&format!(
            "DELETE FROM newsletter_deliveries WHERE subscriber_id IN ({gone})"
        ))
        .bind(SubscriberStatus::Unsubscribed.as_str())
        .bind(before)
        .execute(&mut *self.0)
        .await?;
        let done = sqlx::query(&format!(
            "DELETE FROM newsletter_subscribers WHERE id IN ({gone})"
        ))
        .bind(SubscriberStatus::Unsubscribed.as_str())
        .bind(before)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected())
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<SubscriberRow>> {
        Ok(sqlx::query_as::<_, SubscriberRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_subscribers WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// By the hash of an unsubscribe link mailed before links were derived.
    pub async fn by_unsubscribe_token(&mut self, token: &str) -> Result<Option<SubscriberRow>> {
        Ok(sqlx::query_as::<_, SubscriberRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_subscribers WHERE unsubscribe_token = $1"
        ))
        .bind(token)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn unsubscribe(&mut self, id: &str) -> Result<bool> {
        let done = sqlx::query(&format!(
            "UPDATE newsletter_subscribers SET status = $3, unsubscribed_at = $1 \
             WHERE id = $2 AND status IN ({})",
            allowed_from(SubscriberStatus::unsubscribe)
        ))
        .bind(self.0.now())
        .bind(id)
        .bind(SubscriberStatus::Unsubscribed.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn count(&mut self, status: SubscriberStatus) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM newsletter_subscribers WHERE status = $1",
        )
        .bind(status.as_str())
        .fetch_one(&mut *self.0)
        .await?)
    }

    /// Subscribers for the editors: by status, optionally matching part of
    /// the address, in address order.
    pub async fn list(
        &mut self,
        status: SubscriberStatus,
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
        .bind(status.as_str())
        .bind(&pattern)
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *self.0)
        .await?;
        let total = if contains.is_empty() {
            self.count(status).await?
        } else {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM newsletter_subscribers WHERE status = $1 AND email LIKE $2 ESCAPE '\\'",
            )
            .bind(status.as_str())
            .bind(&pattern)
            .fetch_one(&mut *self.0)
            .await?
        };
        Ok((rows, total))
    }

    /// Adds confirmed subscribers in bulk (demo data and benchmarks).
    pub async fn insert_confirmed(&mut self, emails: &[String]) -> Result<()> {
        let now = self.0.now();
        for email in emails {
            sqlx::query(
                "INSERT INTO newsletter_subscribers (id, email, themes, lang, status, unsubscribe_token, created_at, confirmed_at) \
                 VALUES ($1, $2, '', $5, $6, $3, $4, $4) ON CONFLICT (email) DO NOTHING",
            )
            .bind(new_id())
            .bind(email)
            .bind(format!("{}{}", new_id(), new_id()))
            .bind(now)
            .bind(Lang::Nl.as_str())
            .bind(SubscriberStatus::Confirmed.as_str())
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }
}
