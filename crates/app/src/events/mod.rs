//! The agenda: editors plan events; visitors register without an account,
//! get a place or a spot on the waiting list, a confirmation mail with an
//! `.ics` file and a personal link to cancel. A cancellation gives the
//! place to the first on the waiting list, who is mailed.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, EventLike, EventStatus};
use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::event::{
    EventInput, EventKind, RegistrationState, RegistrationStatus, registration_state,
};
use vooruit_domain::taxonomy::split_list;
pub use vooruit_store::events::EventFilter;
use vooruit_store::events::EventRow;

use crate::mail::Attachment;
use crate::markdown::render;
use crate::page::Page;
use crate::{AppError, AppResult};

mod editing;
pub(crate) mod registrations;

/// More events than a network holds in years; a sitemap file holds 50,000.
const SITEMAP_MAX: i64 = 40_000;

/// What the index holds of an event: found by its words, its themes and
/// region, dated by when it starts. Cancelled events are not indexed.
pub(crate) fn search_doc(r: &EventRow) -> vooruit_search::Doc {
    use chrono::{Datelike, TimeZone};
    let year = chrono_tz::Europe::Amsterdam
        .timestamp_millis_opt(r.starts_at)
        .single()
        .map_or(1970, |d| d.year());
    let mut body = crate::markdown::plain_excerpt(&r.description, usize::MAX);
    body.push('\n');
    body.push_str(&crate::markdown::plain_excerpt(&r.report, usize::MAX));
    vooruit_search::Doc {
        doc_type: vooruit_search::ContentType::Event,
        id: r.id.clone(),
        slug: r.slug.clone(),
        title: r.title.clone(),
        summary: crate::markdown::plain_excerpt(&r.description, 220),
        body,
        kind: String::new(),
        themes: split_list(&r.themes),
        sectors: Vec::new(),
        region: r.region.clone(),
        year,
        published_at: r.starts_at,
        author_name: None,
        organisation: (!r.organiser.is_empty()).then(|| r.organiser.clone()),
    }
}

pub use editing::CreatedEvent;

crate::service!(
    /// The agenda: events and registrations: `app.events()`.
    Events,
    events
);

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventView {
    pub id: String,
    pub slug: String,
    pub kind: EventKind,
    pub title: String,
    pub description_html: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub location: String,
    pub online_url: String,
    pub region: String,
    pub organiser: String,
    pub capacity: i64,
    pub places_left: i64,
    pub cancelled: bool,
    pub themes: Vec<String>,
    pub questions: Vec<String>,
    pub registration_opens_at: Option<i64>,
    pub registration_closes_at: Option<i64>,
    /// `open`, `not_yet` or `closed`.
    #[schema(value_type = String)]
    pub registration: RegistrationState,
    /// The report (verslag), Markdown as written and as HTML.
    pub report: String,
    pub report_html: String,
    /// The description as written, for the edit form.
    #[serde(skip)]
    pub description: String,
    /// Whether the event has ended.
    pub past: bool,
}

impl EventView {
    fn from_row(r: &EventRow, now: i64) -> EventView {
        let cancelled = !r.status.is_planned();
        EventView {
            id: r.id.clone(),
            slug: r.slug.clone(),
            kind: r.kind,
            title: r.title.clone(),
            description_html: render(&r.description),
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            location: r.location.clone(),
            online_url: r.online_url.clone(),
            region: r.region.clone(),
            organiser: r.organiser.clone(),
            capacity: r.capacity,
            places_left: (r.capacity - r.confirmed).max(0),
            cancelled,
            themes: split_list(&r.themes),
            questions: questions(r),
            registration_opens_at: r.registration_opens_at,
            registration_closes_at: r.registration_closes_at,
            registration: registration_now(r, now),
            report_html: render(&r.report),
            report: r.report.clone(),
            description: r.description.clone(),
            past: r.ends_at < now,
        }
    }

    /// The event as the edit form starts from.
    pub fn input(&self) -> EventInput {
        EventInput {
            kind: self.kind.as_str().to_string(),
            title: self.title.clone(),
            description: self.description.clone(),
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            location: self.location.clone(),
            online_url: self.online_url.clone(),
            region: self.region.clone(),
            organiser: self.organiser.clone(),
            capacity: self.capacity,
            themes: self.themes.clone(),
            questions: self.questions.clone(),
            registration_opens_at: self.registration_opens_at,
            registration_closes_at: self.registration_closes_at,
            report: self.report.clone(),
        }
    }
}

fn questions(r: &EventRow) -> Vec<String> {
    serde_json::from_str(&r.questions).unwrap_or_default()
}

/// Whether registering is possible at `now`.
fn registration_now(r: &EventRow, now: i64) -> RegistrationState {
    registration_state(
        now,
        r.registration_opens_at,
        r.registration_closes_at,
        r.ends_at,
        !r.status.is_planned(),
    )
}

/// What someone fills in to register.
pub struct RegistrationForm<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub organisation: &'a str,
    pub note: &'a str,
    /// One per question of the event.
    pub answers: &'a [String],
}

/// The outcome of a registration, for the page and the API.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Registered {
    /// `bevestigd` (a place) or `wachtlijst` (waiting list).
    pub status: RegistrationStatus,
    pub cancel_url: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistrationView {
    pub id: String,
    pub checked_in: bool,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub note: String,
    pub status: RegistrationStatus,
    pub created_at: i64,
    pub answers: Vec<String>,
}

const EVENTS_PER_PAGE: i64 = 20;

fn utc(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// Text for an iCalendar property: line breaks of any kind become `\n`
/// (which the icalendar crate escapes, with commas, semicolons and
/// backslashes, as RFC 5545 asks) and other control characters go, so a
/// bare CR in a title cannot end a line of the file.
pub(crate) fn ics_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// An iCalendar file with these events. UIDs are stable per event and the
/// sequence grows with every change, so calendars update in place.
pub fn ics(events: &[EventRow], base_url: &str) -> String {
    let host = base_url.split("://").nth(1).unwrap_or("vooruit");
    let mut cal = Calendar::new();
    cal.name("Vooruit agenda");
    for e in events {
        let mut ev = icalendar::Event::new();
        ev.uid(&format!("{}@{host}", e.id))
            .summary(&ics_text(&e.title))
            .description(&ics_text(&crate::markdown::plain_excerpt(
                &e.description,
                2000,
            )))
            .starts(utc(e.starts_at))
            .ends(utc(e.ends_at))
            .sequence(u32::try_from(e.sequence).unwrap_or(0))
            .timestamp(utc(e.updated_at))
            .url(&format!("{base_url}/agenda/{}", e.slug))
            .status(if !e.status.is_planned() {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
        let place = if e.location.is_empty() {
            &e.online_url
        } else {
            &e.location
        };
        ev.location(&ics_text(place));
        cal.push(ev.done());
    }
    cal.done().to_string()
}

fn ics_attachment(event: &EventRow, base_url: &str) -> Attachment {
    Attachment {
        filename: "afspraak.ics".into(),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
        body: ics(std::slice::from_ref(event), base_url),
    }
}

/// The personal cancel link of a registration.
/// The personal cancel link of a registration (the same in every mail).
fn cancel_url(app: &crate::App, registration_id: &str) -> String {
    let token = crate::tokens::link_token(
        &app.config.secret,
        crate::tokens::REGISTRATION_CANCEL,
        registration_id,
    );
    app.config.url(&format!("/agenda/afmelden/{token}"))
}

/// The registration a cancel link names.
async fn registration_by_link(
    app: &crate::App,
    conn: &mut vooruit_store::Conn,
    token: &str,
) -> crate::AppResult<vooruit_store::events::RegistrationRow> {
    use crate::tokens::{LinkKey, REGISTRATION_CANCEL, link_key};
    let found = match link_key(&app.config.secret, REGISTRATION_CANCEL, token) {
        Some(LinkKey::Id(id)) => conn.events().registration_by_id(&id).await?,
        Some(LinkKey::Stored(hash)) => conn.events().registration_by_token(&hash).await?,
        None => None,
    };
    found.ok_or(crate::AppError::NotFound)
}

impl Events<'_> {
    /// Upcoming events, soonest first (or past ones, latest first), with
    /// the agenda's filters, 20 per page.
    pub async fn list(
        &self,
        upcoming: bool,
        filter: &EventFilter,
        page: i64,
    ) -> AppResult<Page<EventView>> {
        let page = page.clamp(1, 10_000);
        let now = self.now();
        let mut conn = self.read().await?;
        let total = conn.events().count(upcoming, now, filter).await?;
        let rows = conn
            .events()
            .list(
                upcoming,
                now,
                filter,
                EVENTS_PER_PAGE,
                (page - 1) * EVENTS_PER_PAGE,
            )
            .await?;
        Ok(Page::new(
            rows.iter().map(|r| EventView::from_row(r, now)).collect(),
            total,
            page,
            EVENTS_PER_PAGE,
        ))
    }

    async fn row(&self, slug: &str) -> AppResult<EventRow> {
        self.read()
            .await?
            .events()
            .by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Every planned event's slug and last change, for the sitemap (past
    /// ones too: their report stays worth finding). Cancelled ones are left
    /// out, as they are of search.
    pub async fn sitemap(&self) -> AppResult<Vec<(String, i64)>> {
        let rows = self
            .read()
            .await?
            .events()
            .planned_after("", SITEMAP_MAX)
            .await?;
        Ok(rows.into_iter().map(|r| (r.slug, r.updated_at)).collect())
    }

    pub async fn get(&self, slug: &str) -> AppResult<EventView> {
        Ok(EventView::from_row(&self.row(slug).await?, self.now()))
    }

    /// One event as a calendar file.
    pub async fn ics(&self, slug: &str) -> AppResult<String> {
        let row = self.row(slug).await?;
        Ok(ics(std::slice::from_ref(&row), &self.config.base_url))
    }

    /// The subscribable feed: events from 90 days ago on, optionally of one
    /// kind and one region ("" for all). Cancelled events stay in it, marked
    /// cancelled, so subscribed calendars remove them.
    pub async fn agenda_ics(&self, kind: &str, region: &str) -> AppResult<String> {
        let filter = EventFilter {
            kind: kind.to_string(),
            region: region.to_string(),
            theme: String::new(),
        };
        let from = self.now() - 90 * 24 * 3600 * 1000;
        let rows = self
            .read()
            .await?
            .events()
            .list(true, from, &filter, 1000, 0)
            .await?;
        Ok(ics(&rows, &self.config.base_url))
    }
}
