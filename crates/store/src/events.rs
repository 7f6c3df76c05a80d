//! Events and registrations. A registration takes a place or joins the
//! waiting list inside one transaction that first locks the event row, so
//! many people registering at once can never overbook it.

use std::sync::LazyLock;

use sqlx::FromRow;
use vooruit_domain::content_type::ContentType;
use vooruit_domain::event::{EventInput, EventKind, EventStatus, RegistrationStatus};
use vooruit_domain::lang::Lang;

use crate::db::lit;
use crate::{Conn, Result, new_id};

const CONFIRMED: RegistrationStatus = RegistrationStatus::Bevestigd;

#[derive(Debug, Clone, FromRow)]
pub struct EventRow {
    pub id: String,
    pub slug: String,
    #[sqlx(try_from = "String")]
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub location: String,
    pub online_url: String,
    pub region: String,
    pub organiser: String,
    pub capacity: i64,
    #[sqlx(try_from = "String")]
    pub status: EventStatus,
    pub sequence: i64,
    pub updated_at: i64,
    /// Comma-separated theme slugs.
    pub themes: String,
    /// JSON array of questions for registrants.
    pub questions: String,
    pub registration_opens_at: Option<i64>,
    pub registration_closes_at: Option<i64>,
    pub report: String,
    /// Places taken (filled by the list queries).
    pub confirmed: i64,
}

static EVENT_COLUMNS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "e.id, e.slug, e.kind, e.title, e.description, e.starts_at, e.ends_at, \
         e.location, e.online_url, e.region, e.organiser, e.capacity, e.status, e.sequence, e.updated_at, \
         e.themes, e.questions, e.registration_opens_at, e.registration_closes_at, e.report, \
         (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = {}) AS confirmed",
        lit(CONFIRMED)
    )
});

/// The agenda filters as SQL: `$2` kind, `$3` region, `$4` a LIKE pattern
/// for the theme ("%" for any).
const FILTER: &str = "($2 = '' OR e.kind = $2) AND ($3 = '' OR e.region = $3) \
    AND (',' || e.themes || ',') LIKE $4";

/// Coming events (not yet ended at `$1`), soonest first; or past ones,
/// latest first.
fn when(upcoming: bool) -> (&'static str, &'static str) {
    if upcoming {
        ("e.ends_at >= $1", "e.starts_at, e.id")
    } else {
        ("e.ends_at < $1", "e.starts_at DESC, e.id")
    }
}

impl EventFilter {
    /// The values for `$2`, `$3` and `$4` of `FILTER`.
    fn params(&self) -> (String, String, String) {
        let theme = if self.theme.is_empty() {
            "%".to_string()
        } else {
            format!("%,{},%", self.theme)
        };
        (self.kind.clone(), self.region.clone(), theme)
    }
}

#[derive(Debug, Clone, FromRow)]
pub struct RegistrationRow {
    pub id: String,
    pub event_id: String,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub note: String,
    #[sqlx(try_from = "String")]
    pub lang: Lang,
    #[sqlx(try_from = "String")]
    pub status: RegistrationStatus,
    pub cancel_token: String,
    pub created_at: i64,
    pub checked_in_at: Option<i64>,
    /// JSON array of answers, in the order of the event's questions.
    pub answers: String,
}

const REG_COLUMNS: &str = "id, event_id, name, email, organisation, note, lang, status, cancel_token, created_at, checked_in_at, answers";

pub struct NewRegistration<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub organisation: &'a str,
    pub note: &'a str,
    pub lang: Lang,
    pub cancel_token: &'a str,
    /// JSON array.
    pub answers: &'a str,
}

/// Filters of the agenda; "" means any.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub kind: String,
    pub region: String,
    pub theme: String,
}

/// What changing an event did.
pub enum EventUpdate {
    /// Saved; these people moved up from the waiting list.
    Saved(Vec<RegistrationRow>),
    /// Refused: more people have a place than the new capacity.
    CapacityBelow(i64),
    /// The event does not exist or was cancelled.
    Gone,
}

fn event_binds<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    e: &'q EventInput,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    q.bind(&e.kind)
        .bind(&e.title)
        .bind(&e.description)
        .bind(e.starts_at)
        .bind(e.ends_at)
        .bind(&e.location)
        .bind(&e.online_url)
        .bind(&e.region)
        .bind(&e.organiser)
        .bind(e.capacity)
        .bind(e.themes.join(","))
        .bind(serde_json::to_string(&e.questions).unwrap_or_else(|_| "[]".into()))
        .bind(e.registration_opens_at)
        .bind(e.registration_closes_at)
        .bind(&e.report)
}

/// Takes the event's row lock (PostgreSQL) or the write lock (SQLite) for
/// the rest of the transaction: registrations for one event queue up here.
async fn lock_event(conn: &mut Conn, event_id: &str) -> Result<bool> {
    let done = sqlx::query("UPDATE events SET capacity = capacity WHERE id = $1")
        .bind(event_id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives the first on the waiting list a place (inside a locked event).
async fn promote_first_waiting(conn: &mut Conn, event_id: &str) -> Result<Option<RegistrationRow>> {
    let waiting = RegistrationStatus::Wachtlijst;
    Ok(sqlx::query_as::<_, RegistrationRow>(&format!(
        "UPDATE registrations SET status = $2 WHERE id = ( \
         SELECT id FROM registrations WHERE event_id = $1 AND status = $3 \
         ORDER BY created_at, id LIMIT 1) RETURNING {REG_COLUMNS}"
    ))
    .bind(event_id)
    .bind(waiting.promote()?.as_str())
    .bind(waiting.as_str())
    .fetch_optional(&mut *conn)
    .await?)
}

async fn confirmed_count(conn: &mut Conn, event_id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = $2",
    )
    .bind(event_id)
    .bind(CONFIRMED.as_str())
    .fetch_one(&mut *conn)
    .await?)
}

/// Events and registrations: `conn.events()`.
pub struct Events<'c>(&'c mut Conn);

impl Conn {
    pub fn events(&mut self) -> Events<'_> {
        Events(self)
    }
}

impl Events<'_> {
    /// Stores a new event; None when the slug is taken.
    pub async fn insert(&mut self, slug: &str, e: &EventInput) -> Result<Option<String>> {
        let id = new_id();
        let q = sqlx::query(
            "INSERT INTO events (kind, title, description, starts_at, ends_at, location, online_url, \
             region, organiser, capacity, themes, questions, registration_opens_at, registration_closes_at, \
             report, id, slug, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) \
             ON CONFLICT (slug) DO NOTHING",
        );
        let inserted = event_binds(q, e)
            .bind(&id)
            .bind(slug)
            .bind(self.0.now())
            .execute(&mut *self.0)
            .await?
            .rows_affected();
        if inserted != 1 {
            return Ok(None);
        }
        crate::outbox::record(self.0, ContentType::Event, &id).await?;
        Ok(Some(id))
    }

    /// Changes an event. The sequence goes up, so subscribed calendars take
    /// the change. More places move people up from the waiting list, in
    /// order; fewer places than people who have one is refused.
    pub async fn update(&mut self, event_id: &str, e: &EventInput) -> Result<EventUpdate> {
        if !lock_event(self.0, event_id).await? {
            return Ok(EventUpdate::Gone);
        }
        let confirmed = confirmed_count(self.0, event_id).await?;
        if confirmed > e.capacity {
            return Ok(EventUpdate::CapacityBelow(confirmed));
        }
        let q = sqlx::query(
            "UPDATE events SET kind = $1, title = $2, description = $3, starts_at = $4, ends_at = $5, \
             location = $6, online_url = $7, region = $8, organiser = $9, capacity = $10, themes = $11, \
             questions = $12, registration_opens_at = $13, registration_closes_at = $14, report = $15, \
             sequence = sequence + 1, updated_at = $16 WHERE id = $17 AND status = $18",
        );
        let done = event_binds(q, e)
            .bind(self.0.now())
            .bind(event_id)
            .bind(EventStatus::Planned.as_str())
            .execute(&mut *self.0)
            .await?;
        if done.rows_affected() != 1 {
            return Ok(EventUpdate::Gone);
        }
        crate::outbox::record(self.0, ContentType::Event, event_id).await?;
        let mut promoted = Vec::new();
        for _ in confirmed..e.capacity {
            match promote_first_waiting(self.0, event_id).await? {
                Some(r) => promoted.push(r),
                None => break,
            }
        }
        Ok(EventUpdate::Saved(promoted))
    }

    /// Events from `from_ms` on (upcoming), soonest first; or before it
    /// (past), latest first; with the agenda's filters.
    pub async fn list(
        &mut self,
        upcoming: bool,
        from_ms: i64,
        filter: &EventFilter,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<EventRow>> {
        let (when, order) = when(upcoming);
        let sql = format!(
            "SELECT {} FROM events e WHERE {when} AND {FILTER} ORDER BY {order} LIMIT $5 OFFSET $6",
            *EVENT_COLUMNS
        );
        let (kind, region, theme) = filter.params();
        Ok(sqlx::query_as::<_, EventRow>(&sql)
            .bind(from_ms)
            .bind(kind)
            .bind(region)
            .bind(theme)
            .bind(limit)
            .bind(offset)
            .fetch_all(&mut *self.0)
            .await?)
    }

    pub async fn count(
        &mut self,
        upcoming: bool,
        from_ms: i64,
        filter: &EventFilter,
    ) -> Result<i64> {
        let (when, _) = when(upcoming);
        let sql = format!("SELECT COUNT(*) FROM events e WHERE {when} AND {FILTER}");
        let (kind, region, theme) = filter.params();
        Ok(sqlx::query_scalar::<_, i64>(&sql)
            .bind(from_ms)
            .bind(kind)
            .bind(region)
            .bind(theme)
            .fetch_one(&mut *self.0)
            .await?)
    }

    pub async fn by_slug(&mut self, slug: &str) -> Result<Option<EventRow>> {
        Ok(sqlx::query_as::<_, EventRow>(&format!(
            "SELECT {} FROM events e WHERE e.slug = $1",
            *EVENT_COLUMNS
        ))
        .bind(slug)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// These events, for the index.
    pub async fn by_ids(&mut self, ids: &[String]) -> Result<Vec<EventRow>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT {} FROM events e WHERE e.id IN ({})",
            *EVENT_COLUMNS,
            crate::db::in_list(ids.len())
        );
        let mut q = sqlx::query_as::<_, EventRow>(&sql);
        for id in ids {
            q = q.bind(id);
        }
        Ok(q.fetch_all(&mut *self.0).await?)
    }

    /// Planned events (past and coming) in id order after `after_id`, a
    /// batch at a time: what a full rebuild of the index takes in.
    pub async fn planned_after(&mut self, after_id: &str, limit: i64) -> Result<Vec<EventRow>> {
        Ok(sqlx::query_as::<_, EventRow>(&format!(
            "SELECT {} FROM events e WHERE e.status = {} AND e.id > $1 ORDER BY e.id LIMIT $2",
            *EVENT_COLUMNS,
            lit(EventStatus::Planned)
        ))
        .bind(after_id)
        .bind(limit)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<EventRow>> {
        Ok(sqlx::query_as::<_, EventRow>(&format!(
            "SELECT {} FROM events e WHERE e.id = $1",
            *EVENT_COLUMNS
        ))
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Registers someone: a place while there is one, else the waiting list.
    pub async fn register(
        &mut self,
        event_id: &str,
        r: NewRegistration<'_>,
    ) -> Result<Option<(String, RegistrationStatus)>> {
        if !lock_event(self.0, event_id).await? {
            return Ok(None);
        }
        let capacity = sqlx::query_scalar::<_, i64>("SELECT capacity FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(&mut *self.0)
            .await?;
        let status =
            RegistrationStatus::for_new(confirmed_count(self.0, event_id).await?, capacity);
        let id = new_id();
        sqlx::query(
            "INSERT INTO registrations (id, event_id, name, email, organisation, note, lang, status, cancel_token, created_at, answers) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&id)
        .bind(event_id)
        .bind(r.name)
        .bind(r.email)
        .bind(r.organisation)
        .bind(r.note)
        .bind(r.lang.as_str())
        .bind(status.as_str())
        .bind(r.cancel_token)
        .bind(self.0.now())
        .bind(r.answers)
        .execute(&mut *self.0)
        .await?;
        Ok(Some((id, status)))
    }

    /// Forgets who registered for events that ended before `before`
    /// (retention): name, address, organisation, note and answers go; the
    /// rows stay, so the numbers (places, attendance) do too.
    pub async fn forget_registrants(&mut self, before: i64) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE registrations SET name = '', email = '', organisation = '', note = '', answers = '[]' \
             WHERE email <> '' AND event_id IN (SELECT id FROM events WHERE ends_at < $1)",
        )
        .bind(before)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected())
    }

    /// The registrations made with an address for events that have not
    /// ended yet and are not cancelled: (registration id, event id).
    pub async fn upcoming_of(&mut self, email: &str) -> Result<Vec<(String, String)>> {
        Ok(sqlx::query_as(
            "SELECT r.id, r.event_id FROM registrations r JOIN events e ON e.id = r.event_id \
             WHERE r.email = $1 AND $1 <> '' AND e.ends_at >= $2",
        )
        .bind(email)
        .bind(self.0.now())
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// Forgets who made the registrations with an address (an account
    /// deleted); as `forget_registrants`, the rows and numbers stay.
    pub async fn forget_registrant(&mut self, email: &str) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE registrations SET name = '', email = '', organisation = '', note = '', answers = '[]' \
             WHERE email = $1 AND $1 <> ''",
        )
        .bind(email)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected())
    }

    /// By the hash of a cancel link mailed before links were derived.
    pub async fn registration_by_token(&mut self, token: &str) -> Result<Option<RegistrationRow>> {
        Ok(sqlx::query_as::<_, RegistrationRow>(&format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE cancel_token = $1"
        ))
        .bind(token)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn registration_by_id(&mut self, id: &str) -> Result<Option<RegistrationRow>> {
        Ok(sqlx::query_as::<_, RegistrationRow>(&format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Cancels a registration. When that frees a place, the first on the
    /// waiting list gets it; that registration is returned (to mail them).
    pub async fn cancel_registration(&mut self, id: &str) -> Result<Option<RegistrationRow>> {
        let Some(reg) = self.registration_by_id(id).await? else {
            return Ok(None);
        };
        // Cancelled already: nothing happens (a second click is harmless).
        let Ok(cancelled) = reg.status.cancel() else {
            return Ok(None);
        };
        lock_event(self.0, &reg.event_id).await?;
        let done = sqlx::query(
            "UPDATE registrations SET status = $1, cancelled_at = $2 \
             WHERE id = $3 AND status = $4",
        )
        .bind(cancelled.as_str())
        .bind(self.0.now())
        .bind(id)
        .bind(reg.status.as_str())
        .execute(&mut *self.0)
        .await?;
        let mut promoted = None;
        if done.rows_affected() == 1 {
            let capacity =
                sqlx::query_scalar::<_, i64>("SELECT capacity FROM events WHERE id = $1")
                    .bind(&reg.event_id)
                    .fetch_one(&mut *self.0)
                    .await?;
            if confirmed_count(self.0, &reg.event_id).await? < capacity {
                promoted = promote_first_waiting(self.0, &reg.event_id).await?;
            }
        }
        Ok(promoted)
    }

    /// Moves the event from `from` to `to` (cancelling it), only if it is
    /// still in `from`; the sequence goes up so calendars that subscribed
    /// show the change. Returns whether it moved.
    pub async fn set_status(
        &mut self,
        event_id: &str,
        from: EventStatus,
        to: EventStatus,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE events SET status = $1, sequence = sequence + 1, updated_at = $2 \
             WHERE id = $3 AND status = $4",
        )
        .bind(to.as_str())
        .bind(self.0.now())
        .bind(event_id)
        .bind(from.as_str())
        .execute(&mut *self.0)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        crate::outbox::record(self.0, ContentType::Event, event_id).await?;
        Ok(true)
    }

    /// Records that someone with a place arrived (or undoes it).
    pub async fn set_checked_in(
        &mut self,
        event_id: &str,
        registration_id: &str,
        present: bool,
    ) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(
            "UPDATE registrations SET checked_in_at = $1 WHERE id = $2 AND event_id = $3 AND status = $4",
        )
        .bind(present.then_some(now))
        .bind(registration_id)
        .bind(event_id)
        .bind(CONFIRMED.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn registrations(&mut self, event_id: &str) -> Result<Vec<RegistrationRow>> {
        Ok(sqlx::query_as::<_, RegistrationRow>(&format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE event_id = $1 ORDER BY created_at, id LIMIT 5000"
        ))
        .bind(event_id)
        .fetch_all(&mut *self.0)
        .await?)
    }
}
