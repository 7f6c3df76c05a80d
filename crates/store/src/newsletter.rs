//! Newsletter subscribers (double opt-in).

use sqlx::FromRow;

use crate::{Db, Result, new_id, now_ms};

#[derive(Debug, Clone, FromRow)]
pub struct SubscriberRow {
    pub id: String,
    pub email: String,
    pub themes: String,
    pub lang: String,
    pub status: String,
    pub unsubscribe_token: String,
}

const COLUMNS: &str = "id, email, themes, lang, status, unsubscribe_token";

impl Db {
    pub async fn subscriber_by_email(&self, email: &str) -> Result<Option<SubscriberRow>> {
        Ok(sqlx::query_as::<_, SubscriberRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_subscribers WHERE email = $1"
        ))
        .bind(email)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Adds a pending subscriber, or makes an existing pending or
    /// unsubscribed one pending again with a new confirmation token. A
    /// confirmed subscriber is left as is (returns false).
    pub async fn upsert_pending_subscriber(
        &self,
        email: &str,
        themes: &str,
        lang: &str,
        confirm_token_hash: &str,
        expires_at: i64,
        unsubscribe_token: &str,
    ) -> Result<bool> {
        let now = now_ms();
        let done = sqlx::query(
            "INSERT INTO newsletter_subscribers \
             (id, email, themes, lang, status, confirm_token_hash, confirm_expires_at, unsubscribe_token, created_at) \
             VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8) \
             ON CONFLICT (email) DO UPDATE SET themes = $3, lang = $4, status = 'pending', \
             confirm_token_hash = $5, confirm_expires_at = $6 \
             WHERE newsletter_subscribers.status <> 'confirmed'",
        )
        .bind(new_id())
        .bind(email)
        .bind(themes)
        .bind(lang)
        .bind(confirm_token_hash)
        .bind(expires_at)
        .bind(unsubscribe_token)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Confirms the subscriber with this token if it has not expired.
    pub async fn confirm_subscriber(&self, confirm_token_hash: &str) -> Result<bool> {
        let now = now_ms();
        let done = sqlx::query(
            "UPDATE newsletter_subscribers SET status = 'confirmed', confirmed_at = $1, \
             confirm_token_hash = NULL, confirm_expires_at = NULL \
             WHERE confirm_token_hash = $2 AND status = 'pending' AND confirm_expires_at > $1",
        )
        .bind(now)
        .bind(confirm_token_hash)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn subscriber_by_unsubscribe_token(
        &self,
        token: &str,
    ) -> Result<Option<SubscriberRow>> {
        Ok(sqlx::query_as::<_, SubscriberRow>(&format!(
            "SELECT {COLUMNS} FROM newsletter_subscribers WHERE unsubscribe_token = $1"
        ))
        .bind(token)
        .fetch_optional(self.pool())
        .await?)
    }

    pub async fn unsubscribe(&self, token: &str) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE newsletter_subscribers SET status = 'unsubscribed', unsubscribed_at = $1 \
             WHERE unsubscribe_token = $2 AND status <> 'unsubscribed'",
        )
        .bind(now_ms())
        .bind(token)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn count_subscribers(&self, status: &str) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM newsletter_subscribers WHERE status = $1",
        )
        .bind(status)
        .fetch_one(self.pool())
        .await?)
    }
}
