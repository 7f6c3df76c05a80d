//! The agenda: editors plan events; visitors register without an account,
//! get a place or a spot on the waiting list, a confirmation mail with an
//! `.ics` file and a personal link to cancel. A cancellation gives the
//! place to the first on the waiting list, who is mailed.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, EventLike, EventStatus};
use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::event::{
    EventInput, RegistrationState, registration_state, validate_registration,
};
use vooruit_domain::slug::slugify;
use vooruit_domain::taxonomy::split_list;
pub use vooruit_store::events::EventFilter;
use vooruit_store::events::{EventRow, EventUpdate, NewRegistration, RegistrationRow};
use vooruit_store::now_ms;

use crate::accounts::User;
use crate::mail::{Attachment, Mail};
use crate::markdown::render;
use crate::stories::Page;
use crate::tokens::new_token;
use crate::{App, AppError, AppResult};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventView {
    pub id: String,
    pub slug: String,
    pub kind: String,
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
}

impl EventView {
    fn from_row(r: &EventRow) -> EventView {
        let cancelled = r.status == "geannuleerd";
        EventView {
            id: r.id.clone(),
            slug: r.slug.clone(),
            kind: r.kind.clone(),
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
            registration: registration_now(r),
            report_html: render(&r.report),
            report: r.report.clone(),
            description: r.description.clone(),
        }
    }

    /// The event as the edit form starts from.
    pub fn input(&self) -> EventInput {
        EventInput {
            kind: self.kind.clone(),
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

    pub fn past(&self) -> bool {
        self.ends_at < now_ms()
    }
}

fn questions(r: &EventRow) -> Vec<String> {
    serde_json::from_str(&r.questions).unwrap_or_default()
}

/// Whether registering is possible now.
fn registration_now(r: &EventRow) -> RegistrationState {
    registration_state(
        now_ms(),
        r.registration_opens_at,
        r.registration_closes_at,
        r.ends_at,
        r.status == "geannuleerd",
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
    pub status: String,
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
    pub status: String,
    pub created_at: i64,
    pub answers: Vec<String>,
}

fn utc(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
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
            .summary(&e.title)
            .description(&crate::markdown::plain_excerpt(&e.description, 2000))
            .starts(utc(e.starts_at))
            .ends(utc(e.ends_at))
            .sequence(u32::try_from(e.sequence).unwrap_or(0))
            .timestamp(utc(e.updated_at))
            .url(&format!("{base_url}/agenda/{}", e.slug))
            .status(if e.status == "geannuleerd" {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
        let place = if e.location.is_empty() {
            &e.online_url
        } else {
            &e.location
        };
        ev.location(place);
        cal.push(ev.done());
    }
    cal.done().to_string()
}

const EVENTS_PER_PAGE: i64 = 20;

impl App {
    pub async fn create_event(&self, user: &User, input: EventInput) -> AppResult<String> {
        Self::require_editor(user)?;
        input.validate()?;
        let base = slugify(&input.title);
        for n in 1..50 {
            let slug = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            match self.db.insert_event(&slug, &input).await {
                Ok(_) => return Ok(slug),
                Err(e) if e.is_unique_violation() => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(AppError::Conflict("error-changed-meanwhile"))
    }

    /// Upcoming events, soonest first (or past ones, latest first), with
    /// the agenda's filters, 20 per page.
    pub async fn events(
        &self,
        upcoming: bool,
        filter: &EventFilter,
        page: i64,
    ) -> AppResult<Page<EventView>> {
        let page = page.clamp(1, 10_000);
        let now = now_ms();
        let total = self.db.count_events(upcoming, now, filter).await?;
        let rows = self
            .db
            .events(
                upcoming,
                now,
                filter,
                EVENTS_PER_PAGE,
                (page - 1) * EVENTS_PER_PAGE,
            )
            .await?;
        Ok(Page::new(
            rows.iter().map(EventView::from_row).collect(),
            total,
            page,
            EVENTS_PER_PAGE,
        ))
    }

    pub async fn event(&self, slug: &str) -> AppResult<EventView> {
        let row = self
            .db
            .event_by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(EventView::from_row(&row))
    }

    /// One event as a calendar file.
    pub async fn event_ics(&self, slug: &str) -> AppResult<String> {
        let row = self
            .db
            .event_by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
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
        let rows = self
            .db
            .events(true, now_ms() - 90 * 24 * 3600 * 1000, &filter, 1000, 0)
            .await?;
        Ok(ics(&rows, &self.config.base_url))
    }

    /// Registers a visitor. Mails a confirmation with the event as `.ics`
    /// and the personal cancel link.
    pub async fn register_for_event(
        &self,
        event_id: &str,
        form: RegistrationForm<'_>,
        lang: &str,
    ) -> AppResult<Registered> {
        let RegistrationForm {
            name,
            email,
            organisation,
            note,
            answers,
        } = form;
        let (name, email) = (name.trim(), email.trim().to_lowercase());
        let event = self
            .db
            .event_by_id(event_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let answers: Vec<String> = (0..questions(&event).len())
            .map(|i| {
                answers
                    .get(i)
                    .map(|a| a.trim().to_string())
                    .unwrap_or_default()
            })
            .collect();
        validate_registration(name, &email, &answers)?;
        if let Some(refusal) = registration_now(&event).refusal() {
            return Err(AppError::Conflict(refusal));
        }
        let answers_json =
            serde_json::to_string(&answers).map_err(|e| AppError::Internal(e.to_string()))?;
        let token = new_token();
        let lang = if lang == "en" { "en" } else { "nl" };
        let status = self
            .db
            .register(
                event_id,
                NewRegistration {
                    name,
                    email: &email,
                    organisation: organisation.trim(),
                    note: note.trim(),
                    lang,
                    cancel_token: &token,
                    answers: &answers_json,
                },
            )
            .await?
            .ok_or(AppError::NotFound)?;
        let cancel_url = self.config.url(&format!("/agenda/afmelden/{token}"));
        let (subject, text) =
            crate::mail::texts::registered(lang, &event.title, status, &cancel_url);
        self.queue_mail(Mail {
            to: email,
            subject,
            text,
            attachments: vec![self.ics_attachment(&event)],
            ..Default::default()
        })
        .await?;
        Ok(Registered {
            status: status.as_str().into(),
            cancel_url,
        })
    }

    pub async fn registration(&self, token: &str) -> AppResult<(RegistrationRow, EventView)> {
        let reg = self
            .db
            .registration_by_token(token)
            .await?
            .ok_or(AppError::NotFound)?;
        let event = self
            .db
            .event_by_id(&reg.event_id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((reg, EventView::from_row(&event)))
    }

    /// Cancels with the personal link; the first on the waiting list moves
    /// up and is mailed.
    pub async fn cancel_registration(&self, token: &str) -> AppResult<()> {
        let (_, event) = self.registration(token).await?;
        if let Some(promoted) = self.db.cancel_registration(token).await? {
            let cancel_url = self
                .config
                .url(&format!("/agenda/afmelden/{}", promoted.cancel_token));
            let (subject, text) =
                crate::mail::texts::moved_up(&promoted.lang, &event.title, &cancel_url);
            self.queue_mail(Mail {
                to: promoted.email,
                subject,
                text,
                ..Default::default()
            })
            .await?;
        }
        Ok(())
    }

    /// Changes an event. Calendars take the change (the sequence goes up);
    /// when the time or place changed, everyone registered gets a mail with
    /// the new appointment; more places move people up from the waiting list.
    pub async fn update_event(&self, user: &User, slug: &str, input: EventInput) -> AppResult<()> {
        Self::require_editor(user)?;
        input.validate()?;
        let before = self
            .db
            .event_by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let promoted = match self.db.update_event(&before.id, &input).await? {
            EventUpdate::Saved(promoted) => promoted,
            EventUpdate::CapacityBelow(_) => {
                let mut e = vooruit_domain::FieldErrors::new();
                e.add("capacity", "error-capacity-below-registrations");
                return Err(AppError::Validation(e));
            }
            EventUpdate::Gone => return Err(AppError::Conflict("error-event-closed")),
        };
        let after = self
            .db
            .event_by_id(&before.id)
            .await?
            .ok_or(AppError::NotFound)?;
        let moved = before.starts_at != after.starts_at
            || before.ends_at != after.ends_at
            || before.location != after.location
            || before.online_url != after.online_url;
        let promoted_ids: Vec<&str> = promoted.iter().map(|r| r.id.as_str()).collect();
        for r in &promoted {
            let cancel_url = self
                .config
                .url(&format!("/agenda/afmelden/{}", r.cancel_token));
            let (subject, text) = crate::mail::texts::moved_up(&r.lang, &after.title, &cancel_url);
            self.queue_mail(Mail {
                to: r.email.clone(),
                subject,
                text,
                attachments: vec![self.ics_attachment(&after)],
                ..Default::default()
            })
            .await?;
        }
        if moved {
            for r in self.db.registrations(&after.id).await? {
                if r.status == "afgemeld" || promoted_ids.contains(&r.id.as_str()) {
                    continue;
                }
                let cancel_url = self
                    .config
                    .url(&format!("/agenda/afmelden/{}", r.cancel_token));
                let (subject, text) =
                    crate::mail::texts::event_changed(&r.lang, &after.title, &cancel_url);
                self.queue_mail(Mail {
                    to: r.email,
                    subject,
                    text,
                    attachments: vec![self.ics_attachment(&after)],
                    ..Default::default()
                })
                .await?;
            }
        }
        Ok(())
    }

    fn ics_attachment(&self, event: &EventRow) -> Attachment {
        Attachment {
            filename: "afspraak.ics".into(),
            content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
            body: ics(std::slice::from_ref(event), &self.config.base_url),
        }
    }

    /// Cancels an event: subscribed calendars show it as cancelled, and
    /// everyone with a place or on the waiting list gets a mail.
    pub async fn cancel_event(&self, user: &User, slug: &str) -> AppResult<()> {
        Self::require_editor(user)?;
        let event = self
            .db
            .event_by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        if !self.db.cancel_event(&event.id).await? {
            return Err(AppError::Conflict("error-event-closed"));
        }
        for r in self.db.registrations(&event.id).await? {
            if r.status == "afgemeld" {
                continue;
            }
            let (subject, text) = crate::mail::texts::event_cancelled(&r.lang, &event.title);
            self.queue_mail(Mail {
                to: r.email,
                subject,
                text,
                ..Default::default()
            })
            .await?;
        }
        Ok(())
    }

    /// Mails a message from the editors to everyone with a place.
    pub async fn message_registrants(
        &self,
        user: &User,
        slug: &str,
        subject: &str,
        body: &str,
    ) -> AppResult<usize> {
        Self::require_editor(user)?;
        let mut e = vooruit_domain::FieldErrors::new();
        e.text("subject", subject, true, 200);
        e.text("body", body, true, 8000);
        e.into_result()?;
        let event = self
            .db
            .event_by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut n = 0;
        for r in self.db.registrations(&event.id).await? {
            if r.status != "bevestigd" {
                continue;
            }
            self.queue_mail(Mail {
                to: r.email,
                subject: format!("{} – {}", subject.trim(), event.title),
                text: body.trim().to_string(),
                ..Default::default()
            })
            .await?;
            n += 1;
        }
        Ok(n)
    }

    /// Checks someone in at the door (attendance), or undoes it.
    pub async fn check_in(
        &self,
        user: &User,
        slug: &str,
        registration_id: &str,
        present: bool,
    ) -> AppResult<()> {
        Self::require_editor(user)?;
        let event = self
            .db
            .event_by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        if self
            .db
            .set_checked_in(&event.id, registration_id, present)
            .await?
        {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The registrations as CSV (for a list at the door or a spreadsheet).
    /// Cells that a spreadsheet would run as a formula are made plain text.
    pub async fn registrations_csv(&self, user: &User, slug: &str) -> AppResult<String> {
        let (event, regs) = self.event_registrations(user, slug).await?;
        fn cell(s: &str) -> String {
            let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{s}")
            } else {
                s.to_string()
            };
            format!("\"{}\"", s.replace('"', "\"\""))
        }
        let mut out =
            String::from("naam,e-mail,organisatie,opmerking,status,aangemeld_op,aanwezig");
        for q in &event.questions {
            out.push(',');
            out.push_str(&cell(q));
        }
        out.push_str("\r\n");
        for r in regs {
            let at = DateTime::from_timestamp_millis(r.created_at)
                .map(|d| d.to_rfc3339())
                .unwrap_or_default();
            out.push_str(
                &[
                    cell(&r.name),
                    cell(&r.email),
                    cell(&r.organisation),
                    cell(&r.note),
                    cell(&r.status),
                    cell(&at),
                    cell(if r.checked_in { "ja" } else { "" }),
                ]
                .into_iter()
                .chain(
                    (0..event.questions.len())
                        .map(|i| cell(r.answers.get(i).map_or("", String::as_str))),
                )
                .collect::<Vec<_>>()
                .join(","),
            );
            out.push_str("\r\n");
        }
        Ok(out)
    }

    pub async fn event_registrations(
        &self,
        user: &User,
        slug: &str,
    ) -> AppResult<(EventView, Vec<RegistrationView>)> {
        if !user.can_edit_stories() {
            return Err(AppError::Forbidden);
        }
        let event = self
            .db
            .event_by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let regs = self
            .db
            .registrations(&event.id)
            .await?
            .into_iter()
            .map(|r| RegistrationView {
                id: r.id,
                checked_in: r.checked_in_at.is_some(),
                name: r.name,
                email: r.email,
                organisation: r.organisation,
                note: r.note,
                status: r.status,
                created_at: r.created_at,
                answers: serde_json::from_str(&r.answers).unwrap_or_default(),
            })
            .collect();
        Ok((EventView::from_row(&event), regs))
    }
}
