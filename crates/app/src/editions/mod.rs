//! Newsletter editions: editors compose one from suggested stories and
//! events, preview it, send a test to themselves and send it to every
//! confirmed subscriber. Sent editions form the archive on the website.

mod render;
mod send;

use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::edition::{EditionInput, EditionItem, EditionStatus};
use vooruit_domain::slug::slugify;
use vooruit_domain::taxonomy::split_list;
use vooruit_store::editions::{DeliveryCounts, EditionFields, EditionRow, SubscriberListRow};
use vooruit_store::now_ms;

use crate::accounts::User;
use crate::markdown::{plain_excerpt, render};
use crate::stories::{Page, StoryFilter};
use crate::{App, AppError, AppResult};

pub use render::RenderedEdition;

/// An edition as pages and the API show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EditionView {
    pub id: String,
    /// Set once the send starts: the archive address is
    /// `/nieuwsbrief/archief/{slug}`.
    pub slug: Option<String>,
    pub subject: String,
    pub intro: String,
    pub intro_html: String,
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<EditionItem>,
    /// Only for subscribers of these themes (and those who chose none).
    pub themes: Vec<String>,
    /// `concept`, `verzenden` or `verzonden`.
    pub status: String,
    pub recipients: i64,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

impl EditionView {
    fn from_row(r: EditionRow) -> AppResult<EditionView> {
        let items = serde_json::from_str(&r.items)
            .map_err(|e| AppError::Internal(format!("edition items: {e}")))?;
        Ok(EditionView {
            intro_html: render(&r.intro),
            id: r.id,
            slug: r.slug,
            subject: r.subject,
            intro: r.intro,
            items,
            themes: split_list(&r.themes),
            status: r.status,
            recipients: r.recipients,
            created_at: r.created_at,
            sent_at: r.sent_at,
        })
    }

    pub fn editable(&self) -> bool {
        EditionStatus::parse(&self.status).is_some_and(EditionStatus::editable)
    }
}

/// How far a send has come, for the editors' page and the API.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct SendProgress {
    pub waiting: i64,
    pub sent: i64,
    pub skipped: i64,
    pub failed: i64,
}

impl From<DeliveryCounts> for SendProgress {
    fn from(c: DeliveryCounts) -> Self {
        SendProgress {
            waiting: c.waiting,
            sent: c.sent,
            skipped: c.skipped,
            failed: c.failed,
        }
    }
}

/// Subscribers for the editors' list.
#[derive(Debug, Clone, Serialize)]
pub struct SubscriberView {
    pub email: String,
    pub themes: Vec<String>,
    pub lang: String,
    pub status: String,
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

pub const SUBSCRIBER_STATUSES: &[&str] = &["confirmed", "pending", "unsubscribed"];
const SUBSCRIBERS_PER_PAGE: i64 = 50;
const ARCHIVE_PER_PAGE: i64 = 20;

fn items_json(items: &[EditionItem]) -> AppResult<String> {
    serde_json::to_string(items).map_err(|e| AppError::Internal(e.to_string()))
}

fn fields<'a>(input: &'a EditionInput, items: &'a str, themes: &'a str) -> EditionFields<'a> {
    EditionFields {
        subject: input.subject.trim(),
        intro: &input.intro,
        items,
        themes,
    }
}

impl App {
    /// Items to start an edition with: the newest published stories and the
    /// next events. The editor keeps, rewrites or removes them.
    pub async fn suggested_items(&self, lang: &str) -> AppResult<Vec<EditionItem>> {
        let mut items = Vec::new();
        if let Ok(stories) = self.published_stories(&StoryFilter::default(), 1).await {
            for s in stories.items.into_iter().take(4) {
                items.push(EditionItem {
                    kind: "verhaal".into(),
                    title: s.title,
                    url: format!("/verhalen/{}", s.slug),
                    text: plain_excerpt(&s.summary, 240),
                });
            }
        }
        let upcoming = self
            .events(true, &vooruit_store::events::EventFilter::default(), 1)
            .await?;
        for e in upcoming.items.into_iter().take(3) {
            items.push(EditionItem {
                kind: "agenda".into(),
                url: format!("/agenda/{}", e.slug),
                text: crate::dates::format_datetime(lang, e.starts_at),
                title: e.title,
            });
        }
        Ok(items)
    }

    /// A new concept with suggested items; returns its id.
    pub async fn new_edition(&self, user: &User, lang: &str) -> AppResult<String> {
        Self::require_editor(user)?;
        let month = crate::dates::format_month(lang, now_ms());
        let subject = if lang == "en" {
            format!("Vooruit newsletter, {month}")
        } else {
            format!("Nieuwsbrief Vooruit, {month}")
        };
        let items = items_json(&self.suggested_items(lang).await?)?;
        let fields = EditionFields {
            subject: &subject,
            intro: "",
            items: &items,
            themes: "",
        };
        Ok(self.db.insert_edition(&fields, &user.id).await?)
    }

    /// Creates an edition from complete input (the API).
    pub async fn create_edition(&self, user: &User, input: &EditionInput) -> AppResult<String> {
        Self::require_editor(user)?;
        input.validate()?;
        self.store_edition(input, &user.id).await
    }

    /// Saves a new concept edition as given (also the demo's).
    pub(crate) async fn store_edition(
        &self,
        input: &EditionInput,
        created_by: &str,
    ) -> AppResult<String> {
        let (items, themes) = (items_json(&input.items)?, input.themes.join(","));
        Ok(self
            .db
            .insert_edition(&fields(input, &items, &themes), created_by)
            .await?)
    }

    pub async fn save_edition(&self, user: &User, id: &str, input: &EditionInput) -> AppResult<()> {
        Self::require_editor(user)?;
        input.validate()?;
        let (items, themes) = (items_json(&input.items)?, input.themes.join(","));
        let saved = self
            .db
            .update_edition(id, &fields(input, &items, &themes))
            .await?;
        if saved {
            Ok(())
        } else if self.db.edition(id).await?.is_none() {
            Err(AppError::NotFound)
        } else {
            Err(AppError::Conflict("error-edition-sent"))
        }
    }

    pub async fn editor_edition(
        &self,
        user: &User,
        id: &str,
    ) -> AppResult<(EditionView, SendProgress)> {
        Self::require_editor(user)?;
        let row = self.db.edition(id).await?.ok_or(AppError::NotFound)?;
        let progress = if row.status == "concept" {
            SendProgress::default()
        } else {
            self.db.delivery_counts(id).await?.into()
        };
        Ok((EditionView::from_row(row)?, progress))
    }

    pub async fn editor_editions(&self, user: &User) -> AppResult<Vec<EditionView>> {
        Self::require_editor(user)?;
        self.db
            .editions(100)
            .await?
            .into_iter()
            .map(EditionView::from_row)
            .collect()
    }

    /// The mail as a subscriber would get it, for the preview.
    pub async fn preview_edition(
        &self,
        user: &User,
        id: &str,
        lang: &str,
    ) -> AppResult<RenderedEdition> {
        let (edition, _) = self.editor_edition(user, id).await?;
        self.render_edition(&edition, lang, &self.config.url("/nieuwsbrief"))
    }

    /// Sends the edition to the editor alone, marked as a test.
    pub async fn send_test_edition(&self, user: &User, id: &str, lang: &str) -> AppResult<()> {
        let (edition, _) = self.editor_edition(user, id).await?;
        let rendered = self.render_edition(&edition, lang, &self.config.url("/nieuwsbrief"))?;
        let mut mail = rendered.into_mail(&user.email);
        mail.subject = format!("[Test] {}", mail.subject);
        self.queue_mail(mail).await
    }

    /// Starts the send to every confirmed subscriber (off the request path).
    /// Returns the number of recipients. A second call does nothing.
    pub async fn start_edition_send(&self, user: &User, id: &str) -> AppResult<i64> {
        let (edition, _) = self.editor_edition(user, id).await?;
        if !edition.editable() {
            return Err(AppError::Conflict("error-edition-sent"));
        }
        let date = chrono::Utc::now().format("%Y-%m-%d");
        let base = format!("{date}-{}", slugify(&edition.subject));
        for n in 1..50 {
            let slug = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            match self.db.start_sending(id, &slug, &edition.themes).await {
                Ok(Some(recipients)) => {
                    self.db
                        .enqueue_job(crate::jobs::KIND_NEWSLETTER, id)
                        .await?;
                    self.wakeup(crate::jobs::KIND_NEWSLETTER).notify_one();
                    return Ok(recipients);
                }
                Ok(None) => return Err(AppError::Conflict("error-edition-sent")),
                Err(e) if e.is_unique_violation() => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(AppError::Conflict("error-changed-meanwhile"))
    }

    /// The archive: sent editions, newest first.
    pub async fn archived_editions(&self, page: i64) -> AppResult<Page<EditionView>> {
        let page = page.clamp(1, 10_000);
        let total = self.db.count_sent_editions().await?;
        let rows = self
            .db
            .sent_editions(ARCHIVE_PER_PAGE, (page - 1) * ARCHIVE_PER_PAGE)
            .await?;
        let items = rows
            .into_iter()
            .map(EditionView::from_row)
            .collect::<AppResult<Vec<_>>>()?;
        Ok(Page::new(items, total, page, ARCHIVE_PER_PAGE))
    }

    pub async fn archived_edition(&self, slug: &str) -> AppResult<EditionView> {
        let row = self
            .db
            .sent_edition_by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        EditionView::from_row(row)
    }

    pub async fn confirmed_subscribers(&self) -> AppResult<i64> {
        Ok(self.db.count_subscribers("confirmed").await?)
    }

    /// Subscribers by status, optionally searched by part of the address.
    pub async fn subscribers(
        &self,
        user: &User,
        status: &str,
        query: &str,
        page: i64,
    ) -> AppResult<Page<SubscriberView>> {
        Self::require_editor(user)?;
        let status = if SUBSCRIBER_STATUSES.contains(&status) {
            status
        } else {
            "confirmed"
        };
        let page = page.clamp(1, 100_000);
        let (rows, total) = self
            .db
            .subscribers(
                status,
                query.trim(),
                SUBSCRIBERS_PER_PAGE,
                (page - 1) * SUBSCRIBERS_PER_PAGE,
            )
            .await?;
        Ok(Page::new(
            rows.into_iter().map(SubscriberView::from).collect(),
            total,
            page,
            SUBSCRIBERS_PER_PAGE,
        ))
    }
}
