//! The editors' agenda work: plan, change and cancel events, write to
//! everyone registered, check people in, export the list. Every change is
//! one transaction with all the mails it causes, so a crash halfway never
//! leaves some people told and others not.

use chrono::DateTime;
use vooruit_domain::FieldErrors;
use vooruit_domain::event::{EventInput, RegistrationStatus};
use vooruit_domain::slug::slugify;
use vooruit_domain::taxonomy::{Vocabulary, split_list};
use vooruit_store::events::{EventRow, EventUpdate};

use super::{EventView, Events, RegistrationView, cancel_url, ics_attachment};
use crate::accounts::User;
use crate::mail::{self, Mail, texts};
use crate::{AppError, AppResult};

/// The answer of creating an event: what the rest of the API takes.
#[derive(Debug, Clone)]
pub struct CreatedEvent {
    pub id: String,
    pub slug: String,
}

impl Events<'_> {
    pub async fn create(&self, user: &User, input: EventInput) -> AppResult<CreatedEvent> {
        user.require_editor()?;
        input.validate(&self.taxonomy().current().await?.for_new())?;
        let base = slugify(&input.title);
        let mut tx = self.begin("events.create").await?;
        for n in 1..50 {
            let slug = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if let Some(id) = tx.events().insert(&slug, &input).await? {
                self.commit(tx).await?;
                return Ok(CreatedEvent { id, slug });
            }
        }
        Err(AppError::Conflict("error-changed-meanwhile"))
    }

    /// Changes an event. Calendars take the change (the sequence goes up);
    /// when the time or place changed, everyone registered gets a mail with
    /// the new appointment; more places move people up from the waiting list.
    pub async fn update(&self, user: &User, slug: &str, input: EventInput) -> AppResult<()> {
        user.require_editor()?;
        let taxonomy = self.taxonomy().current().await?;
        let mut tx = self.begin("events.update").await?;
        let before = tx.events().by_slug(slug).await?.ok_or(AppError::NotFound)?;
        // Themes and the region it had may stay, even when retired since.
        let themes = split_list(&before.themes);
        let kept = themes
            .iter()
            .map(|t| (Vocabulary::Theme, t.as_str()))
            .chain([(Vocabulary::Region, before.region.as_str())]);
        input.validate(&taxonomy.choices(kept))?;
        let promoted = match tx.events().update(&before.id, &input).await? {
            EventUpdate::Saved(promoted) => promoted,
            EventUpdate::CapacityBelow(_) => {
                let mut e = FieldErrors::new();
                e.add("capacity", "error-capacity-below-registrations");
                return Err(AppError::Validation(e));
            }
            EventUpdate::Gone => return Err(AppError::Conflict("error-event-closed")),
        };
        let after = tx
            .events()
            .by_id(&before.id)
            .await?
            .ok_or(AppError::NotFound)?;
        let moved = before.starts_at != after.starts_at
            || before.ends_at != after.ends_at
            || before.location != after.location
            || before.online_url != after.online_url;
        let base_url = &self.config.base_url;
        for r in &promoted {
            let link = cancel_url(self, &r.id);
            let (subject, text) = texts::moved_up(r.lang, &after.title, &link);
            let mut m = Mail::text(&r.email, subject, text);
            m.attachments = vec![ics_attachment(&after, base_url)];
            mail::queue(&mut tx, m).await?;
        }
        if moved {
            let promoted_ids: Vec<&str> = promoted.iter().map(|r| r.id.as_str()).collect();
            for r in tx.events().registrations(&after.id).await? {
                if !r.status.is_active() || promoted_ids.contains(&r.id.as_str()) {
                    continue;
                }
                let link = cancel_url(self, &r.id);
                let (subject, text) = texts::event_changed(r.lang, &after.title, &link);
                let mut m = Mail::text(&r.email, subject, text);
                m.attachments = vec![ics_attachment(&after, base_url)];
                mail::queue(&mut tx, m).await?;
            }
        }
        self.commit(tx).await
    }

    /// Cancels an event: subscribed calendars show it as cancelled, and
    /// everyone with a place or on the waiting list gets a mail.
    pub async fn cancel(&self, user: &User, slug: &str) -> AppResult<()> {
        user.require_editor()?;
        let mut tx = self.begin("events.cancel").await?;
        let event = editor_event(&mut tx, slug).await?;
        let cancelled = event
            .status
            .cancel()
            .map_err(|_| AppError::Conflict("error-event-closed"))?;
        if !tx
            .events()
            .set_status(&event.id, event.status, cancelled)
            .await?
        {
            return Err(AppError::Conflict("error-changed-meanwhile"));
        }
        for r in tx.events().registrations(&event.id).await? {
            if !r.status.is_active() {
                continue;
            }
            let (subject, text) = texts::event_cancelled(r.lang, &event.title);
            mail::queue(&mut tx, Mail::text(&r.email, subject, text)).await?;
        }
        self.commit(tx).await
    }

    /// Mails a message from the editors to everyone with a place; returns
    /// how many. All of them are queued in one transaction.
    pub async fn message_registrants(
        &self,
        user: &User,
        slug: &str,
        subject: &str,
        body: &str,
    ) -> AppResult<usize> {
        user.require_editor()?;
        let mut e = FieldErrors::new();
        e.text("subject", subject, true, 200);
        e.text("body", body, true, 8000);
        e.into_result()?;
        let mut tx = self.begin("events.message_registrants").await?;
        let event = editor_event(&mut tx, slug).await?;
        let subject = format!("{} – {}", subject.trim(), event.title);
        let mut n = 0;
        for r in tx.events().registrations(&event.id).await? {
            if r.status != RegistrationStatus::Bevestigd {
                continue;
            }
            let m = Mail::text(&r.email, subject.clone(), body.trim().to_string());
            mail::queue(&mut tx, m).await?;
            n += 1;
        }
        self.commit(tx).await?;
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
        user.require_editor()?;
        let mut tx = self.begin("events.check_in").await?;
        let event = editor_event(&mut tx, slug).await?;
        if !tx
            .events()
            .set_checked_in(&event.id, registration_id, present)
            .await?
        {
            return Err(AppError::NotFound);
        }
        self.commit(tx).await
    }

    /// The registrations as CSV (for a list at the door or a spreadsheet).
    /// Cells that a spreadsheet would run as a formula are made plain text.
    pub async fn registrations_csv(&self, user: &User, slug: &str) -> AppResult<String> {
        let (event, regs) = self.registrations(user, slug).await?;
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
                    cell(r.status.as_str()),
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

    /// An event with everyone registered, for the editors.
    pub async fn registrations(
        &self,
        user: &User,
        slug: &str,
    ) -> AppResult<(EventView, Vec<RegistrationView>)> {
        user.require_editor()?;
        let mut conn = self.read().await?;
        let event = editor_event(&mut conn, slug).await?;
        let regs = conn
            .events()
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
        Ok((EventView::from_row(&event, conn.now()), regs))
    }
}

async fn editor_event(conn: &mut vooruit_store::Conn, slug: &str) -> AppResult<EventRow> {
    conn.events().by_slug(slug).await?.ok_or(AppError::NotFound)
}
