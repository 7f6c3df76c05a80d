//! Events and registrations. A registration takes a place or joins the
//! waiting list inside one transaction that first locks the event row, so
//! many people registering at once can never overbook it.

use sqlx::FromRow;
use vooruit_domain::event::{EventInput, RegistrationStatus};

use crate::{Db, Result, new_id, now_ms};

#[derive(Debug, Clone, FromRow)]
pub struct EventRow {
    pub id: String,
    pub slug: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub location: String,
    pub online_url: String,
    pub region: String,
    pub organiser: String,
    pub capacity: i64,
    pub status: String,
    pub sequence: i64,
    pub updated_at: i64,
    /// Places taken (filled by the list queries).
    pub confirmed: i64,
}

const EVENT_COLUMNS: &str = "e.id, e.slug, e.kind, e.title, e.description, e.starts_at, e.ends_at, \
    e.location, e.online_url, e.region, e.organiser, e.capacity, e.status, e.sequence, e.updated_at, \
    (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'bevestigd') AS confirmed";

#[derive(Debug, Clone, FromRow)]
pub struct RegistrationRow {
    pub id: String,
    pub event_id: String,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub note: String,
    pub lang: String,
    pub status: String,
    pub cancel_token: String,
    pub created_at: i64,
    pub checked_in_at: Option<i64>,
}

const REG_COLUMNS: &str = "id, event_id, name, email, organisation, note, lang, status, cancel_token, created_at, checked_in_at";

pub struct NewRegistration<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub organisation: &'a str,
    pub note: &'a str,
    pub lang: &'a str,
    pub cancel_token: &'a str,
}

/// Takes the event's row lock (PostgreSQL) or the write lock (SQLite) for
/// the rest of the transaction: registrations for one event queue up here.
async fn lock_event(tx: &mut sqlx::Transaction<'_, sqlx::Any>, event_id: &str) -> Result<bool> {
    let done = sqlx::query("UPDATE events SET capacity = capacity WHERE id = $1")
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

async fn confirmed_count(tx: &mut sqlx::Transaction<'_, sqlx::Any>, event_id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'bevestigd'",
    )
    .bind(event_id)
    .fetch_one(&mut **tx)
    .await?)
}

impl Db {
    pub async fn insert_event(&self, slug: &str, e: &EventInput) -> Result<String> {
        let id = new_id();
        let now = now_ms();
        sqlx::query(
            "INSERT INTO events (id, slug, kind, title, description, starts_at, ends_at, location, online_url, \
             region, organiser, capacity, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
        )
        .bind(&id)
        .bind(slug)
        .bind(&e.kind)
        .bind(&e.title)
        .bind(&e.description)
        .bind(e.starts_at)
        .bind(e.ends_at)
        .bind(&e.location)
        .bind(&e.online_url)
        .bind(&e.region)
        .bind(&e.organiser)
        .bind(e.capacity)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(id)
    }

    /// Events from `from_ms` on (upcoming), soonest first; or before it
    /// (past), latest first.
    pub async fn events(
        &self,
        upcoming: bool,
        from_ms: i64,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<EventRow>> {
        let sql = if upcoming {
            format!(
                "SELECT {EVENT_COLUMNS} FROM events e WHERE e.ends_at >= $1 ORDER BY e.starts_at, e.id LIMIT $2 OFFSET $3"
            )
        } else {
            format!(
                "SELECT {EVENT_COLUMNS} FROM events e WHERE e.ends_at < $1 ORDER BY e.starts_at DESC, e.id LIMIT $2 OFFSET $3"
            )
        };
        Ok(sqlx::query_as::<_, EventRow>(&sql)
            .bind(from_ms)
            .bind(limit)
            .bind(offset)
            .fetch_all(self.pool())
            .await?)
    }

    pub async fn event_by_slug(&self, slug: &str) -> Result<Option<EventRow>> {
        Ok(sqlx::query_as::<_, EventRow>(&format!(
            "SELECT {EVENT_COLUMNS} FROM events e WHERE e.slug = $1"
        ))
        .bind(slug)
        .fetch_optional(self.pool())
        .await?)
    }

    pub async fn event_by_id(&self, id: &str) -> Result<Option<EventRow>> {
        Ok(sqlx::query_as::<_, EventRow>(&format!(
            "SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = $1"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Registers someone: a place while there is one, else the waiting list.
    pub async fn register(
        &self,
        event_id: &str,
        r: NewRegistration<'_>,
    ) -> Result<Option<RegistrationStatus>> {
        let mut tx = self.pool().begin().await?;
        if !lock_event(&mut tx, event_id).await? {
            return Ok(None);
        }
        let capacity = sqlx::query_scalar::<_, i64>("SELECT capacity FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(&mut *tx)
            .await?;
        let status =
            RegistrationStatus::for_new(confirmed_count(&mut tx, event_id).await?, capacity);
        sqlx::query(
            "INSERT INTO registrations (id, event_id, name, email, organisation, note, lang, status, cancel_token, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(new_id())
        .bind(event_id)
        .bind(r.name)
        .bind(r.email)
        .bind(r.organisation)
        .bind(r.note)
        .bind(r.lang)
        .bind(status.as_str())
        .bind(r.cancel_token)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(status))
    }

    pub async fn registration_by_token(&self, token: &str) -> Result<Option<RegistrationRow>> {
        Ok(sqlx::query_as::<_, RegistrationRow>(&format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE cancel_token = $1"
        ))
        .bind(token)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Cancels a registration. When that frees a place, the first on the
    /// waiting list gets it; that registration is returned (to mail them).
    pub async fn cancel_registration(&self, token: &str) -> Result<Option<RegistrationRow>> {
        let Some(reg) = self.registration_by_token(token).await? else {
            return Ok(None);
        };
        let mut tx = self.pool().begin().await?;
        lock_event(&mut tx, &reg.event_id).await?;
        let was = sqlx::query_scalar::<_, String>(
            "UPDATE registrations SET status = 'afgemeld', cancelled_at = $1 \
             WHERE cancel_token = $2 AND status <> 'afgemeld' RETURNING status",
        )
        .bind(now_ms())
        .bind(token)
        .fetch_optional(&mut *tx)
        .await?;
        let mut promoted = None;
        if was.is_some() {
            let capacity =
                sqlx::query_scalar::<_, i64>("SELECT capacity FROM events WHERE id = $1")
                    .bind(&reg.event_id)
                    .fetch_one(&mut *tx)
                    .await?;
            if confirmed_count(&mut tx, &reg.event_id).await? < capacity {
                promoted = sqlx::query_as::<_, RegistrationRow>(&format!(
                    "UPDATE registrations SET status = 'bevestigd' WHERE id = ( \
                     SELECT id FROM registrations WHERE event_id = $1 AND status = 'wachtlijst' \
                     ORDER BY created_at, id LIMIT 1) RETURNING {REG_COLUMNS}"
                ))
                .bind(&reg.event_id)
                .fetch_optional(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(promoted)
    }

    /// Cancels the event itself; the sequence goes up so calendars that
    /// subscribed show it as cancelled. Returns false when it was already.
    pub async fn cancel_event(&self, event_id: &str) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE events SET status = 'geannuleerd', sequence = sequence + 1, updated_at = $1 \
             WHERE id = $2 AND status <> 'geannuleerd'",
        )
        .bind(now_ms())
        .bind(event_id)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records that someone with a place arrived (or undoes it).
    pub async fn set_checked_in(
        &self,
        event_id: &str,
        registration_id: &str,
        present: bool,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE registrations SET checked_in_at = $1 WHERE id = $2 AND event_id = $3 AND status = 'bevestigd'",
        )
        .bind(present.then(now_ms))
        .bind(registration_id)
        .bind(event_id)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn registrations(&self, event_id: &str) -> Result<Vec<RegistrationRow>> {
        Ok(sqlx::query_as::<_, RegistrationRow>(&format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE event_id = $1 ORDER BY created_at, id LIMIT 5000"
        ))
        .bind(event_id)
        .fetch_all(self.pool())
        .await?)
    }
}
