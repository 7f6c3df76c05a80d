//! The newsletter sign-up with double opt-in. Subscribing twice is harmless,
//! and the answer never tells whether an address is already subscribed.

use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::FieldErrors;
use vooruit_domain::lang::Lang;
use vooruit_domain::newsletter::SubscriberStatus;
use vooruit_domain::taxonomy::{Vocabulary, split_list};
use vooruit_domain::validation::is_plausible_email;
use vooruit_store::newsletter::SubscriberListRow;

use crate::accounts::User;
use crate::mail::{self, Mail, texts};
use crate::page::{Page, offset};
use crate::tokens::{
    LinkKey, NEWSLETTER_UNSUBSCRIBE, hash_token, link_key, new_token, unused_stored_token,
};
use crate::{AppError, AppResult};

/// The confirmation link works this long.
const CONFIRM_HOURS: i64 = 48;
/// Sign-up mails to one address per hour, so the form cannot be used to
/// flood someone's mailbox.
const SIGNUPS_PER_HOUR: i64 = 3;

crate::service!(
    /// The newsletter sign-up and the subscriber list: `app.newsletter()`.
    Newsletter,
    newsletter
);

const SUBSCRIBERS_PER_PAGE: i64 = 50;

/// Subscribers for the editors' list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SubscriberView {
    pub email: String,
    pub themes: Vec<String>,
    pub lang: Lang,
    pub status: SubscriberStatus,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
}

impl From<SubscriberListRow> for SubscriberView {
    fn from(r: SubscriberListRow) -> Self {
        SubscriberView {
            email: r.email,
            themes: split_list(&r.themes),
            lang: r.lang,
            status: r.status,
            created_at: r.created_at,
            confirmed_at: r.confirmed_at,
        }
    }
}

impl Newsletter<'_> {
    /// Signs an address up: a confirmation mail goes out, nothing else is
    /// sent before the link in it is followed. An address that is already
    /// confirmed gets no mail at all; the answer is the same either way.
    pub async fn subscribe(&self, email: &str, themes: &[String], lang: Lang) -> AppResult<()> {
        let email = email.trim().to_lowercase();
        let mut e = FieldErrors::new();
        if !is_plausible_email(&email) {
            e.add("email", "error-email");
        }
        self.taxonomy().current().await?.for_new().check(
            &mut e,
            "themes",
            Vocabulary::Theme,
            themes,
        );
        e.into_result()?;
        let bucket = format!("newsletter:{email}");
        let mut tx = self.begin("newsletter.subscribe").await?;
        if tx.throttle().count(&bucket, 3600 * 1000).await? >= SIGNUPS_PER_HOUR {
            // Silently the same answer: a limit message would tell that the
            // address was used before.
            return Ok(());
        }
        tx.throttle().hit(&bucket).await?;
        let token = new_token();
        let expires = tx.now() + CONFIRM_HOURS * 3600 * 1000;
        let pending = tx
            .newsletter()
            .upsert_pending(
                &email,
                &themes.join(","),
                lang,
                &hash_token(&token),
                expires,
                &unused_stored_token(),
            )
            .await?;
        if pending {
            let link = self.config.url(&format!("/nieuwsbrief/bevestigen/{token}"));
            let (subject, text) = texts::newsletter_confirm(lang, &link);
            mail::queue(&mut tx, Mail::text(&email, subject, text)).await?;
        }
        self.commit(tx).await
    }

    /// Confirms a subscription from the link in the mail.
    pub async fn confirm(&self, token: &str) -> AppResult<()> {
        let mut tx = self.begin("newsletter.confirm").await?;
        if !tx.newsletter().confirm(&hash_token(token)).await? {
            return Err(AppError::Conflict("error-link-expired"));
        }
        self.commit(tx).await
    }

    /// Whether an unsubscribe link belongs to a subscriber (to show the page).
    pub async fn unsubscribe_link_valid(&self, token: &str) -> AppResult<bool> {
        let mut conn = self.read().await?;
        Ok(self.by_unsubscribe_link(&mut conn, token).await?.is_some())
    }

    /// Ends a subscription. Works again on an ended one, so a second click
    /// (or a mail program's one-click request) is harmless.
    pub async fn unsubscribe(&self, token: &str) -> AppResult<()> {
        let mut tx = self.begin("newsletter.unsubscribe").await?;
        let Some(subscriber) = self.by_unsubscribe_link(&mut tx, token).await? else {
            return Err(AppError::NotFound);
        };
        tx.newsletter().unsubscribe(&subscriber.id).await?;
        self.commit(tx).await
    }

    /// The subscriber an unsubscribe link names.
    async fn by_unsubscribe_link(
        &self,
        conn: &mut vooruit_store::Conn,
        token: &str,
    ) -> AppResult<Option<vooruit_store::newsletter::SubscriberRow>> {
        Ok(
            match link_key(&self.config.secret, NEWSLETTER_UNSUBSCRIBE, token) {
                Some(LinkKey::Id(id)) => conn.newsletter().by_id(&id).await?,
                Some(LinkKey::Stored(hash)) => {
                    conn.newsletter().by_unsubscribe_token(&hash).await?
                }
                None => None,
            },
        )
    }

    pub async fn confirmed_count(&self) -> AppResult<i64> {
        Ok(self
            .read()
            .await?
            .newsletter()
            .count(SubscriberStatus::Confirmed)
            .await?)
    }

    /// Subscribers by status, optionally searched by part of the address.
    pub async fn subscribers(
        &self,
        user: &User,
        status: SubscriberStatus,
        query: &str,
        page: i64,
    ) -> AppResult<Page<SubscriberView>> {
        user.require_editor()?;
        let (page, offset) = offset(page, SUBSCRIBERS_PER_PAGE);
        let (rows, total) = self
            .read()
            .await?
            .newsletter()
            .list(status, query.trim(), SUBSCRIBERS_PER_PAGE, offset)
            .await?;
        Ok(Page::new(
            rows.into_iter().map(SubscriberView::from).collect(),
            total,
            page,
            SUBSCRIBERS_PER_PAGE,
        ))
    }
}
