//! Stories: share one (with or without an account), follow it with the
//! private status link, and the editors' work: review, edit, ask, publish,
//! reject, archive. Public reads only ever see published stories, and only
//! the name and organisation the teller chose to show.

use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::FieldErrors;
use vooruit_domain::story::{MessageAuthor, StoryAction, StoryContent, StoryKind, StoryStatus};
pub use vooruit_store::stories::StoryFilter;
use vooruit_store::stories::StoryRow;

use crate::markdown::{plain_excerpt, render};
use crate::page::{PAGE_SIZE, Page, offset};
use crate::{AppError, AppResult};

mod editing;
mod open_data;
pub(crate) mod pages;
mod sharing;

pub use open_data::{OPEN_STORY_FIELDS, OpenStory};
pub use pages::{ChangedPage, PagesHook, RELATED, RelatedStory};

crate::service!(
    /// Stories: reading, sharing, and the editors' workflow: `app.stories()`.
    Stories,
    stories
);

const MAX_MESSAGE: usize = 4000;

/// A published story as lists show it. Contains nothing the teller hid.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StorySummary {
    pub slug: String,
    pub title: String,
    pub kind: StoryKind,
    pub summary: String,
    pub themes: Vec<String>,
    pub sectors: Vec<String>,
    pub region: String,
    pub published_at: i64,
    pub author_name: Option<String>,
    pub organisation: Option<String>,
}

impl StorySummary {
    /// A hit from the index; None (logged) if its kind is not a story kind,
    /// which only an index built by another version could hold.
    fn from_hit(h: vooruit_search::Hit) -> Option<StorySummary> {
        let Some(kind) = StoryKind::parse(&h.kind) else {
            tracing::warn!(kind = %h.kind, slug = %h.slug, "story kind in the index is unknown; run vooruit reindex");
            return None;
        };
        Some(StorySummary {
            slug: h.slug,
            title: h.title,
            kind,
            summary: h.summary,
            themes: h.themes,
            sectors: h.sectors,
            region: h.region,
            published_at: h.published_at,
            author_name: h.author_name,
            organisation: h.organisation,
        })
    }

    /// A row as lists show it; `summary` when it was worked out already.
    pub(crate) fn from_row(row: &StoryRow, summary: Option<String>) -> StorySummary {
        let content = row.content();
        let teller = row.teller();
        StorySummary {
            slug: row.slug.clone(),
            summary: summary.unwrap_or_else(|| summary_line(&content)),
            title: content.title,
            kind: row.kind,
            themes: content.themes,
            sectors: content.sectors,
            region: content.region,
            published_at: row.published_at.unwrap_or(row.updated_at),
            author_name: teller.public_name().map(str::to_string),
            organisation: teller.public_organisation().map(str::to_string),
        }
    }
}

/// One part of a story: its Markdown and the sanitised HTML made from it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Section {
    pub key: &'static str,
    pub markdown: String,
    pub html: String,
}

/// A published story with its structured parts.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublishedStory {
    #[serde(flatten)]
    pub summary: StorySummary,
    pub sections: Vec<Section>,
    pub lessons: Vec<String>,
    /// Similar published stories (text and themes), never this one.
    pub related: Vec<RelatedStory>,
    /// The published magazine issue it appeared in, if any.
    pub magazine: Option<crate::magazine::IssueLink>,
}

/// The non-empty parts in reading order, with their keys.
fn parts(c: &StoryContent) -> Vec<(&'static str, &String)> {
    [
        ("context", &c.context),
        ("aim", &c.aim),
        ("approach", &c.approach),
        ("what_differed", &c.what_differed),
        ("tips", &c.tips),
        ("do_differently", &c.do_differently),
    ]
    .into_iter()
    .filter(|(_, md)| !md.trim().is_empty())
    .collect()
}

/// The parts in reading order with their HTML; empty parts are left out.
pub fn sections(c: &StoryContent) -> Vec<Section> {
    parts(c)
        .into_iter()
        .map(|(key, md)| Section {
            key,
            markdown: md.clone(),
            html: render(md),
        })
        .collect()
}

/// The line under a story's title: its summary, or the start of its
/// context when the teller wrote none.
fn summary_line(content: &StoryContent) -> String {
    if content.summary.is_empty() {
        plain_excerpt(&content.context, 220)
    } else {
        content.summary.clone()
    }
}

/// What the teller sees behind the private status link.
#[derive(Debug, Clone, Serialize)]
pub struct TellerView {
    pub title: String,
    pub status: StoryStatus,
    pub slug: String,
    pub reject_reason: String,
    pub submitted_at: i64,
    pub messages: Vec<Message>,
    pub content: StoryContent,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Message {
    pub author: MessageAuthor,
    pub body: String,
    pub created_at: i64,
}

/// A story in the editors' queue.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueueItem {
    pub id: String,
    pub title: String,
    pub kind: StoryKind,
    pub status: StoryStatus,
    pub submitted_at: i64,
    pub updated_at: i64,
}

/// Everything an editor sees of one story, the hidden identity included.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EditorStory {
    pub id: String,
    pub slug: String,
    pub status: StoryStatus,
    pub content: StoryContent,
    pub teller: vooruit_domain::story::Teller,
    pub member_author: bool,
    pub reject_reason: String,
    pub submitted_at: Option<i64>,
    pub published_at: Option<i64>,
    pub messages: Vec<Message>,
    pub revisions: Vec<Revision>,
    /// The text rendered as the public will see it.
    pub preview: Vec<Section>,
    /// The magazine issue it is an article of, if any.
    pub issue: Option<ArticleOf>,
}

/// The magazine issue a story is an article of, for its editors.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArticleOf {
    /// The issue's id (its editors' page is `/redactie/magazine/{id}`).
    pub id: String,
    pub name: String,
    pub number: i32,
    /// Marked ready for the issue.
    pub ready: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Revision {
    pub id: String,
    pub editor_name: Option<String>,
    pub created_at: i64,
    pub title: String,
}

/// What the teller gets back after sharing.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Submitted {
    pub id: String,
    pub status_url: String,
    pub status_path: String,
}

/// The teller's private status link of a story (the same in every mail).
fn status_path(secret: &crate::secret::Secret, story_id: &str) -> String {
    let token = crate::tokens::link_token(secret, crate::tokens::STORY_STATUS, story_id);
    format!("/verhaal-status/{token}")
}

fn validated_message(field: &str, body: &str) -> AppResult<String> {
    let mut e = FieldErrors::new();
    e.text(field, body, true, MAX_MESSAGE);
    e.into_result()?;
    Ok(body.trim().to_string())
}

fn queue_item(row: &StoryRow) -> AppResult<QueueItem> {
    Ok(QueueItem {
        id: row.id.clone(),
        title: row.title.clone(),
        kind: row.kind,
        status: row.status,
        submitted_at: row.submitted_at.unwrap_or(row.created_at),
        updated_at: row.updated_at,
    })
}

/// The message when one address sent too many stories in an hour.
pub const SUBMISSION_LIMIT_KEY: &str = "error-too-many-submissions";

impl Stories<'_> {
    /// The public list, served from the search index: counting and filtering
    /// 100,000 rows in SQL is slow, the index does it in a millisecond.
    pub async fn published_list(
        &self,
        filter: &StoryFilter,
        page: i64,
    ) -> AppResult<Page<StorySummary>> {
        let (page, _) = offset(page, PAGE_SIZE);
        let results = self
            .search()
            .run(&vooruit_search::SearchRequest {
                // The index holds every type; this list is of stories.
                doc_type: vooruit_search::ContentType::Story.as_str().into(),
                kind: filter.kind.clone(),
                theme: filter.theme.clone(),
                sector: filter.sector.clone(),
                region: filter.region.clone(),
                page: page as usize,
                per_page: PAGE_SIZE as usize,
                skip_facets: true,
                ..Default::default()
            })
            .await?;
        let items = results
            .hits
            .into_iter()
            .filter_map(StorySummary::from_hit)
            .collect();
        Ok(Page::new(items, results.total as i64, page, PAGE_SIZE))
    }

    /// Published story URLs for the sitemap: one page of `per_page` and the
    /// number of pages.
    pub async fn sitemap_slugs(
        &self,
        page: i64,
        per_page: i64,
    ) -> AppResult<(Vec<(String, i64)>, i64)> {
        let mut conn = self.read().await?;
        let total = conn.stories().count_published().await?;
        let pages = (total + per_page - 1) / per_page;
        let slugs = conn
            .stories()
            .published_slugs(per_page, (page.max(1) - 1) * per_page)
            .await?;
        Ok((slugs, pages))
    }

    /// How many stories are online (for the CLI's summary).
    pub async fn count_published(&self) -> AppResult<i64> {
        Ok(self.read().await?.stories().count_published().await?)
    }
}

/// Moves a story one step in the use case's transaction, refusing moves
/// the workflow does not allow and moves that lost a race with another
/// editor.
async fn step(
    tx: &mut vooruit_store::Conn,
    row: &StoryRow,
    action: StoryAction,
    reason: Option<&str>,
) -> AppResult<StoryStatus> {
    let from = row.status;
    let to = from.apply(action)?;
    if !tx.stories().set_status(&row.id, from, to, reason).await? {
        return Err(AppError::Conflict("error-changed-meanwhile"));
    }
    Ok(to)
}
