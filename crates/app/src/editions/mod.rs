//! Newsletter editions: editors compose one from suggested stories and
//! events, preview it, send a test to themselves and send it to every
//! confirmed subscriber. Sent editions form the archive on the website.

mod render;
mod send;

use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::content_type::ContentType;
use vooruit_domain::edition::{EditionInput, EditionItem, EditionStatus};
use vooruit_domain::lang::Lang;
use vooruit_domain::slug::slugify;
use vooruit_domain::taxonomy::{Vocabulary, split_list};
use vooruit_store::editions::{DeliveryCounts, EditionFields, EditionRow};

use crate::accounts::User;
use crate::events::EventFilter;
use crate::mail;
use crate::markdown::{plain_excerpt, render};
use crate::page::{Page, offset};
use crate::stories::StoryFilter;
use crate::{AppError, AppResult};

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
    pub status: EditionStatus,
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
        self.status.editable()
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

crate::service!(
    /// Newsletter editions: compose, preview, test, send, archive:
    /// `app.editions()`.
    Editions,
    editions
);

/// The kind of job that sends an edition to its recipients.
pub const KIND: &str = "newsletter";

pub(crate) const JOBS: &[crate::jobs::JobKind] = &[crate::jobs::JobKind {
    name: KIND,
    run: |app, edition_id| Box::pin(app.editions().send_job(edition_id)),
    forget_payload: false,
}];

/// How new a publication or episode must be to be suggested for an edition: about
/// the time between two monthly editions.
const RECENT_MS: i64 = 45 * 24 * 60 * 60 * 1000;

impl Editions<'_> {
    /// Items to start an edition with: the newest published stories, the
    /// publications, podcast episodes, werkwijzers and magazine issue of the
    /// last weeks and the next events. The editor keeps, rewrites or removes them.
    pub async fn suggested_items(&self, lang: Lang) -> AppResult<Vec<EditionItem>> {
        let mut items = Vec::new();
        if let Ok(stories) = self
            .stories()
            .published_list(&StoryFilter::default(), 1)
            .await
        {
            for s in stories.items.into_iter().take(4) {
                items.push(EditionItem {
                    kind: "verhaal".into(),
                    title: s.title,
                    url: ContentType::Story.path(&s.slug),
                    text: plain_excerpt(&s.summary, 240),
                });
            }
        }
        // Publications that came out since the last edition, about.
        let recent = self.now() - RECENT_MS;
        for p in self
            .publications()
            .newest(3)
            .await?
            .into_iter()
            .filter(|p| p.published_at.is_some_and(|at| at >= recent))
            .take(3)
        {
            items.push(EditionItem {
                kind: "publicatie".into(),
                url: ContentType::Publication.path(&p.slug),
                text: plain_excerpt(&p.summary, 240),
                title: p.title,
            });
        }
        for e in self
            .podcast()
            .newest(3)
            .await?
            .into_iter()
            .filter(|e| e.published_at.is_some_and(|at| at >= recent))
            .take(2)
        {
            items.push(EditionItem {
                kind: "aflevering".into(),
                url: ContentType::Episode.path(&e.slug),
                text: plain_excerpt(&e.notes, 240),
                title: e.title,
            });
        }
        for g in self
            .guides()
            .newest(2)
            .await?
            .into_iter()
            .filter(|g| g.published_at.is_some_and(|at| at >= recent))
        {
            items.push(EditionItem {
                kind: "werkwijzer".into(),
                url: ContentType::Guide.path(&g.slug),
                text: plain_excerpt(&g.goal, 240),
                title: g.title,
            });
        }
        for i in self
            .magazine()
            .newest(1)
            .await?
            .into_iter()
            .filter(|i| i.published_at.is_some_and(|at| at >= recent))
        {
            let number = match lang {
                Lang::En => "issue",
                _ => "nummer",
            };
            items.push(EditionItem {
                kind: "magazinenummer".into(),
                url: ContentType::Issue.path(&i.slug),
                text: if i.theme.is_empty() {
                    plain_excerpt(&i.foreword, 240)
                } else {
                    i.theme.clone()
                },
                title: format!("{} {number} {}", i.name, i.number),
            });
        }
        let upcoming = self.events().list(true, &EventFilter::default(), 1).await?;
        for e in upcoming.items.into_iter().take(3) {
            items.push(EditionItem {
                kind: "agenda".into(),
                url: ContentType::Event.path(&e.slug),
                text: crate::dates::format_datetime(lang, e.starts_at),
                title: e.title,
            });
        }
        Ok(items)
    }

    /// A new concept with suggested items; returns its id.
    pub async fn new_concept(&self, user: &User, lang: Lang) -> AppResult<String> {
        user.require_editor()?;
        let month = crate::dates::format_month(lang, self.now());
        let subject = if lang == Lang::En {
            format!("Vooruit newsletter, {month}")
        } else {
            format!("Nieuwsbrief Vooruit, {month}")
        };
        let input = EditionInput {
            subject,
            intro: String::new(),
            items: self.suggested_items(lang).await?,
            themes: vec![],
        };
        self.store(&input, &user.id).await
    }

    /// Creates an edition from complete input (the API).
    pub async fn create(&self, user: &User, input: &EditionInput) -> AppResult<String> {
        user.require_editor()?;
        input.validate(&self.taxonomy().current().await?.for_new())?;
        self.store(input, &user.id).await
    }

    /// Saves a new concept edition as given (also the demo's).
    pub(crate) async fn store(&self, input: &EditionInput, created_by: &str) -> AppResult<String> {
        let (items, themes) = (items_json(&input.items)?, input.themes.join(","));
        let mut tx = self.begin("editions.create").await?;
        let id = tx
            .editions()
            .insert(&fields(input, &items, &themes), created_by)
            .await?;
        self.commit(tx).await?;
        Ok(id)
    }

    pub async fn save(&self, user: &User, id: &str, input: &EditionInput) -> AppResult<()> {
        user.require_editor()?;
        let taxonomy = self.taxonomy().current().await?;
        let (items, themes) = (items_json(&input.items)?, input.themes.join(","));
        let mut tx = self.begin("editions.save").await?;
        // Themes it had may stay, even when retired since.
        let before = match tx.editions().by_id(id).await? {
            Some(row) => split_list(&row.themes),
            None => vec![],
        };
        let kept = before.iter().map(|t| (Vocabulary::Theme, t.as_str()));
        input.validate(&taxonomy.choices(kept))?;
        if tx
            .editions()
            .update(id, &fields(input, &items, &themes))
            .await?
        {
            return self.commit(tx).await;
        }
        if tx.editions().by_id(id).await?.is_none() {
            Err(AppError::NotFound)
        } else {
            Err(AppError::Conflict("error-edition-sent"))
        }
    }

    /// One edition with how far its send has come.
    pub async fn get(&self, user: &User, id: &str) -> AppResult<(EditionView, SendProgress)> {
        user.require_editor()?;
        let mut conn = self.read().await?;
        let row = conn.editions().by_id(id).await?.ok_or(AppError::NotFound)?;
        let progress = if row.status == EditionStatus::Concept {
            SendProgress::default()
        } else {
            conn.editions().delivery_counts(id).await?.into()
        };
        Ok((EditionView::from_row(row)?, progress))
    }

    /// Every edition for the editors, newest first.
    pub async fn list(&self, user: &User) -> AppResult<Vec<EditionView>> {
        user.require_editor()?;
        self.read()
            .await?
            .editions()
            .list(100)
            .await?
            .into_iter()
            .map(EditionView::from_row)
            .collect()
    }

    /// The mail as a subscriber would get it, for the preview.
    pub async fn preview(&self, user: &User, id: &str, lang: Lang) -> AppResult<RenderedEdition> {
        let (edition, _) = self.get(user, id).await?;
        self.render_edition(&edition, lang, &self.config.url("/nieuwsbrief"))
    }

    /// Sends the edition to the editor alone, marked as a test.
    pub async fn send_test(&self, user: &User, id: &str, lang: Lang) -> AppResult<()> {
        let (edition, _) = self.get(user, id).await?;
        let rendered = self.render_edition(&edition, lang, &self.config.url("/nieuwsbrief"))?;
        let mut m = rendered.into_mail(&user.email);
        m.subject = format!("[Test] {}", m.subject);
        let mut tx = self.begin("editions.send_test").await?;
        mail::queue(&mut tx, m).await?;
        self.commit(tx).await
    }

    /// Starts the send to every confirmed subscriber (off the request path):
    /// the recipients are fixed and the send job queued in one transaction.
    /// Returns the number of recipients. A second call does nothing.
    pub async fn start_send(&self, user: &User, id: &str) -> AppResult<i64> {
        let (edition, _) = self.get(user, id).await?;
        if !edition.editable() {
            return Err(AppError::Conflict("error-edition-sent"));
        }
        let date = chrono::DateTime::from_timestamp_millis(self.now())
            .unwrap_or_default()
            .format("%Y-%m-%d");
        let slug = format!("{date}-{}", slugify(&edition.subject));
        let mut tx = self.begin("editions.start_send").await?;
        let Some(recipients) = tx
            .editions()
            .start_sending(id, &slug, &edition.themes)
            .await?
        else {
            return Err(AppError::Conflict("error-edition-sent"));
        };
        tx.jobs().enqueue(KIND, id).await?;
        self.commit(tx).await?;
        Ok(recipients)
    }

    /// The archive: sent editions, newest first.
    pub async fn archive(&self, page: i64) -> AppResult<Page<EditionView>> {
        let (page, offset) = offset(page, ARCHIVE_PER_PAGE);
        let mut conn = self.read().await?;
        let total = conn.editions().count_sent().await?;
        let rows = conn.editions().sent(ARCHIVE_PER_PAGE, offset).await?;
        let items = rows
            .into_iter()
            .map(EditionView::from_row)
            .collect::<AppResult<Vec<_>>>()?;
        Ok(Page::new(items, total, page, ARCHIVE_PER_PAGE))
    }

    pub async fn archived(&self, slug: &str) -> AppResult<EditionView> {
        let row = self
            .read()
            .await?
            .editions()
            .sent_by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        EditionView::from_row(row)
    }
}
