//! Registering for an event without an account, and cancelling with the
//! personal link. Each is one transaction with its mails: the confirmation
//! (with the event as `.ics`), or the mail to whoever moves up from the
//! waiting list.

use vooruit_domain::event::validate_registration;
use vooruit_domain::lang::Lang;
use vooruit_store::events::{NewRegistration, RegistrationRow};

use super::{
    EventView, Events, Registered, RegistrationForm, cancel_url, ics_attachment, questions,
    registration_by_link, registration_now,
};
use crate::mail::{self, Mail, texts};
use crate::tokens::unused_stored_token;
use crate::{AppError, AppResult};

impl Events<'_> {
    /// Registers a visitor for the event with this slug: a place, or the
    /// waiting list when it is full.
    pub async fn register(
        &self,
        slug: &str,
        form: RegistrationForm<'_>,
        lang: Lang,
    ) -> AppResult<Registered> {
        let RegistrationForm {
            name,
            email,
            organisation,
            note,
            answers,
        } = form;
        let (name, email) = (name.trim(), email.trim().to_lowercase());
        let mut tx = self.begin("events.register").await?;
        let event = tx.events().by_slug(slug).await?.ok_or(AppError::NotFound)?;
        let answers: Vec<String> = (0..questions(&event).len())
            .map(|i| {
                answers
                    .get(i)
                    .map(|a| a.trim().to_string())
                    .unwrap_or_default()
            })
            .collect();
        validate_registration(name, &email, &answers)?;
        if let Some(refusal) = registration_now(&event, tx.now()).refusal() {
            return Err(AppError::Conflict(refusal));
        }
        let answers_json =
            serde_json::to_string(&answers).map_err(|e| AppError::Internal(e.to_string()))?;
        let stored = unused_stored_token();
        let (id, status) = tx
            .events()
            .register(
                &event.id,
                NewRegistration {
                    name,
                    email: &email,
                    organisation: organisation.trim(),
                    note: note.trim(),
                    lang,
                    cancel_token: &stored,
                    answers: &answers_json,
                },
            )
            .await?
            .ok_or(AppError::NotFound)?;
        let cancel_url = cancel_url(self, &id);
        let (subject, text) = texts::registered(lang, &event.title, status, &cancel_url);
        let mut confirmation = Mail::text(&email, subject, text);
        confirmation.attachments = vec![ics_attachment(&event, &self.config.base_url)];
        mail::queue(&mut tx, confirmation).await?;
        self.commit(tx).await?;
        Ok(Registered { status, cancel_url })
    }

    /// A registration and its event, from the personal link.
    pub async fn registration(&self, token: &str) -> AppResult<(RegistrationRow, EventView)> {
        let mut conn = self.read().await?;
        let reg = registration_by_link(self, &mut conn, token).await?;
        let event = conn
            .events()
            .by_id(&reg.event_id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((reg, EventView::from_row(&event, conn.now())))
    }

    /// Cancels with the personal link; the first on the waiting list moves
    /// up and is mailed.
    pub async fn cancel_registration(&self, token: &str) -> AppResult<()> {
        let mut tx = self.begin("events.cancel_registration").await?;
        let reg = registration_by_link(self, &mut tx, token).await?;
        let event = tx
            .events()
            .by_id(&reg.event_id)
            .await?
            .ok_or(AppError::NotFound)?;
        cancel_and_move_up(self, &mut tx, &reg.id, &event.title).await?;
        self.commit(tx).await
    }
}

/// Cancels a registration in the caller's transaction; whoever gets the
/// freed place from the waiting list is mailed, with their own cancel link.
pub(crate) async fn cancel_and_move_up(
    app: &crate::App,
    tx: &mut vooruit_store::Conn,
    registration_id: &str,
    event_title: &str,
) -> AppResult<()> {
    if let Some(promoted) = tx.events().cancel_registration(registration_id).await? {
        let link = cancel_url(app, &promoted.id);
        let (subject, text) = texts::moved_up(promoted.lang, event_title, &link);
        mail::queue(tx, Mail::text(&promoted.email, subject, text)).await?;
    }
    Ok(())
}
