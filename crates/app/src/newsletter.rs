//! The newsletter sign-up with double opt-in. Subscribing twice is harmless,
//! and the answer never tells whether an address is already subscribed.

use vooruit_domain::FieldErrors;
use vooruit_domain::taxonomy::is_theme;
use vooruit_domain::validation::is_plausible_email;
use vooruit_store::now_ms;

use crate::mail::{Mail, texts};
use crate::tokens::{hash_token, new_token};
use crate::{App, AppError, AppResult};

/// The confirmation link works this long.
const CONFIRM_HOURS: i64 = 48;
/// Sign-up mails to one address per hour, so the form cannot be used to
/// flood someone's mailbox.
const SIGNUPS_PER_HOUR: i64 = 3;

impl App {
    /// Signs an address up: a confirmation mail goes out, nothing else is
    /// sent before the link in it is followed. An address that is already
    /// confirmed gets no mail at all; the answer is the same either way.
    pub async fn subscribe(&self, email: &str, themes: &[String], lang: &str) -> AppResult<()> {
        let email = email.trim().to_lowercase();
        let mut e = FieldErrors::new();
        if !is_plausible_email(&email) {
            e.add("email", "error-email");
        }
        if !themes.iter().all(|t| is_theme(t)) {
            e.add("themes", "error-unknown-choice");
        }
        e.into_result()?;
        let bucket = format!("newsletter:{email}");
        if self.db.throttle_count(&bucket, 3600 * 1000).await? >= SIGNUPS_PER_HOUR {
            // Silently the same answer: a limit message would tell that the
            // address was used before.
            return Ok(());
        }
        self.db.throttle_hit(&bucket).await?;
        let token = new_token();
        let lang = if lang == "en" { "en" } else { "nl" };
        let pending = self
            .db
            .upsert_pending_subscriber(
                &email,
                &themes.join(","),
                lang,
                &hash_token(&token),
                now_ms() + CONFIRM_HOURS * 3600 * 1000,
                &new_token(),
            )
            .await?;
        if pending {
            let link = self.config.url(&format!("/nieuwsbrief/bevestigen/{token}"));
            let (subject, text) = texts::newsletter_confirm(lang, &link);
            self.queue_mail(Mail {
                to: email,
                subject,
                text,
                ..Default::default()
            })
            .await?;
        }
        Ok(())
    }

    /// Confirms a subscription from the link in the mail.
    pub async fn confirm_subscription(&self, token: &str) -> AppResult<()> {
        if self.db.confirm_subscriber(&hash_token(token)).await? {
            Ok(())
        } else {
            Err(AppError::Conflict("error-link-expired"))
        }
    }

    /// Whether an unsubscribe link belongs to a subscriber (to show the page).
    pub async fn unsubscribe_link_valid(&self, token: &str) -> AppResult<bool> {
        Ok(self
            .db
            .subscriber_by_unsubscribe_token(token)
            .await?
            .is_some())
    }

    /// Ends a subscription. Works again on an ended one, so a second click
    /// (or a mail program's one-click request) is harmless.
    pub async fn unsubscribe(&self, token: &str) -> AppResult<()> {
        if self
            .db
            .subscriber_by_unsubscribe_token(token)
            .await?
            .is_none()
        {
            return Err(AppError::NotFound);
        }
        self.db.unsubscribe(token).await?;
        Ok(())
    }
}
