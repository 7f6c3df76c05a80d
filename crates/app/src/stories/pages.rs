//! A published story's page, and what it needs computed when a story
//! changes rather than on every request: the HTML of its parts (Markdown
//! made safe, the costly step) and its related stories (a more-like-this
//! query on the index). Both are stored with the story, so a page is two
//! lookups by key whatever the number of stories, and no page waits for the
//! index.
//!
//! When a story changes, `derive_pages` (run by the node that made the
//! change right after its commit, and by every node's index tailer) stores
//! the new HTML and the related lists of the story, of the stories that list
//! it, and of its nearest neighbours (who may list it now). A page whose
//! stored HTML is older than its row is rendered on the request, so a lag
//! never shows old text.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_domain::story::{StoryContent, StoryKind};
use vooruit_store::stories::StoryRow;
use vooruit_store::story_pages::{PageRow, RelatedRow};

use super::{PublishedStory, Section, Stories, StorySummary, sections, summary_line};
use crate::search::{SearchState, blocking};
use crate::{App, AppError, AppResult};

/// Told which stories' pages changed; awaited before the change is
/// answered, so the node that made it never serves an old copy.
pub type PagesHook = Arc<
    dyn Fn(App, Vec<String>) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>
        + Send
        + Sync,
>;

/// Related stories on a page.
pub const RELATED: usize = 4;
/// How many of a changed story's nearest stories get their lists worked
/// out again (they may list it now).
const NEIGHBOURS: usize = 8;
/// At most this many lists are worked out again for one change.
const MAX_AFFECTED: usize = 64;

/// A story in another story's related list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RelatedStory {
    pub slug: String,
    pub title: String,
    pub kind: StoryKind,
}

impl From<RelatedRow> for RelatedStory {
    fn from(r: RelatedRow) -> Self {
        RelatedStory {
            slug: r.slug,
            title: r.title,
            kind: r.kind,
        }
    }
}

/// What is stored for a page: the summary line and the HTML of each part,
/// in the order of `sections`.
#[derive(Serialize, Deserialize)]
struct Stored {
    summary: String,
    html: Vec<String>,
}

/// The stored form of a story's page parts.
fn page_json(content: &StoryContent) -> String {
    let stored = Stored {
        summary: summary_line(content),
        html: sections(content).into_iter().map(|s| s.html).collect(),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// The story with its parts: from what was stored when it is current,
/// rendered now when it is not.
fn published_story(page: &PageRow, related: Vec<RelatedStory>) -> PublishedStory {
    let row = &page.story;
    let content = row.content();
    let stored: Option<Stored> = page
        .current_html()
        .and_then(|json| serde_json::from_str(json).ok());
    let summary = StorySummary::from_row(row, stored.as_ref().map(|s| s.summary.clone()));
    let parts = match stored {
        Some(s) => {
            let keys = section_keys(&content);
            if keys.len() == s.html.len() {
                keys.into_iter()
                    .zip(s.html)
                    .map(|((key, markdown), html)| Section {
                        key,
                        markdown,
                        html,
                    })
                    .collect()
            } else {
                sections(&content)
            }
        }
        None => sections(&content),
    };
    PublishedStory {
        summary,
        sections: parts,
        lessons: content.lessons,
        related,
        magazine: None,
    }
}

/// The non-empty parts' keys and Markdown, in reading order (as `sections`).
fn section_keys(c: &StoryContent) -> Vec<(&'static str, String)> {
    super::parts(c)
        .into_iter()
        .map(|(key, md)| (key, md.to_string()))
        .collect()
}

/// A story whose page changed: its page when it is published now, None
/// when it is not (its copies must go).
pub struct ChangedPage {
    pub slug: String,
    pub page: Option<PublishedStory>,
}

impl Stories<'_> {
    /// The pages of these stories as they are now (for keeping rendered
    /// copies): what is published, and the slugs of what is not.
    pub async fn pages_of(&self, ids: &[String]) -> AppResult<Vec<ChangedPage>> {
        let mut conn = self.read().await?;
        let rows = conn.story_pages().by_ids(ids).await?;
        let deleted = conn.stories().deleted_slugs(ids).await?;
        drop(conn);
        let mut out: Vec<ChangedPage> = deleted
            .into_iter()
            .map(|slug| ChangedPage { slug, page: None })
            .collect();
        for row in rows {
            let page = if row.story.status.is_public() {
                Some(self.page_of(&row).await?)
            } else {
                None
            };
            out.push(ChangedPage {
                slug: row.story.slug.clone(),
                page,
            });
        }
        Ok(out)
    }

    /// Published stories' pages in id order after `after_id`, with the id
    /// of the last one (for rendering them all, a batch at a time).
    pub async fn pages_after(
        &self,
        after_id: &str,
        limit: i64,
    ) -> AppResult<(Vec<PublishedStory>, Option<String>)> {
        let rows = self
            .read()
            .await?
            .story_pages()
            .published_after(after_id, limit)
            .await?;
        let last = rows.last().map(|r| r.story.id.clone());
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            out.push(self.page_of(row).await?);
        }
        Ok((out, last))
    }

    /// A published story's page: its row with the stored HTML, and its
    /// stored related stories (those still published).
    pub async fn published(&self, slug: &str) -> AppResult<PublishedStory> {
        let mut conn = self.read().await?;
        let page = conn
            .story_pages()
            .published(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        drop(conn);
        self.page_of(&page).await
    }

    /// The page of a published story's row, with its related stories.
    async fn page_of(&self, page: &PageRow) -> AppResult<PublishedStory> {
        let related = if page.related_at.is_some() {
            self.read()
                .await?
                .story_pages()
                .related(&page.story.id)
                .await?
                .into_iter()
                .map(RelatedStory::from)
                .collect()
        } else {
            // Not worked out yet (a story stored by an older version, until
            // the background pass reaches it): ask the index now.
            self.related_now(&page.story.id).await
        };
        let mut story = published_story(page, related);
        story.magazine = self.magazine().issue_of(&page.story.id).await?;
        Ok(story)
    }

    async fn related_now(&self, id: &str) -> Vec<RelatedStory> {
        let Some(state) = self.index() else {
            return vec![];
        };
        let id_owned = id.to_string();
        let ids = blocking(&state, move |s| Ok(s.index.similar(&id_owned, RELATED)?)).await;
        let ids = match ids {
            Ok(ids) => ids,
            Err(e) => {
                tracing::warn!(error = %e, "related stories failed");
                return vec![];
            }
        };
        let Ok(mut conn) = self.read().await else {
            return vec![];
        };
        let rows = conn.stories().by_ids(&ids).await.unwrap_or_default();
        ids.iter()
            .filter_map(|id| rows.iter().find(|r| &r.id == id))
            .filter(|r| r.status.is_public())
            .map(|r| RelatedStory {
                slug: r.slug.clone(),
                title: r.title.clone(),
                kind: r.kind,
            })
            .collect()
    }
}

/// The related lists to work out for these stories, on the index (a
/// blocking call: run it off the async threads).
fn lists(state: &SearchState, ids: &[String]) -> AppResult<Vec<(String, Vec<String>)>> {
    ids.iter()
        .map(|id| Ok((id.clone(), state.index.similar(id, RELATED)?)))
        .collect()
}

impl App {
    /// Stores what the pages of these changed stories show: the HTML of
    /// those published (when older than their row), and the related lists of
    /// them, of the stories that list them and of their nearest neighbours.
    /// `gone`: stories deleted, whose pages only have to go.
    pub(crate) async fn derive_pages(&self, rows: &[StoryRow], gone: &[String]) -> AppResult<()> {
        let Some(state) = self.index() else {
            return Ok(());
        };
        let mut changed: BTreeSet<String> = rows.iter().map(|r| r.id.clone()).collect();
        changed.extend(gone.iter().cloned());
        let derived = self.store_derived(state, rows, &mut changed).await;
        // Told even when storing failed: the copies of a withdrawn story must
        // go at once whatever else went wrong (the tailer retries the rest).
        self.pages_changed(changed.into_iter().collect()).await;
        derived
    }

    /// Stores the HTML and related lists; adds to `changed` every story
    /// whose page shows something new.
    async fn store_derived(
        &self,
        state: Arc<SearchState>,
        rows: &[StoryRow],
        changed: &mut BTreeSet<String>,
    ) -> AppResult<()> {
        let mut conn = self.read().await?;
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let versions = conn.story_pages().versions(&ids).await?;
        let html: Vec<(String, String, i64)> = rows
            .iter()
            .filter(|r| r.status.is_public())
            .filter(|r| {
                !versions
                    .iter()
                    .any(|(id, v)| id == &r.id && *v == Some(r.updated_at))
            })
            .map(|r| (r.id.clone(), page_json(&r.content()), r.updated_at))
            .collect();
        // The pages that list a changed story show its title (or must stop
        // showing it): all of them are rendered again, however many.
        let mut listing: BTreeSet<String> = BTreeSet::new();
        for row in rows {
            listing.extend(conn.story_pages().listing(&row.id).await?);
        }
        drop(conn);
        changed.extend(listing.iter().cloned());
        let published: Vec<String> = rows
            .iter()
            .filter(|r| r.status.is_public())
            .map(|r| r.id.clone())
            .collect();
        let listing_now = listing.clone();
        let lists = blocking(&state, move |state| -> AppResult<_> {
            // Whose related list is worked out again, most needed first:
            // the changed stories, their nearest (who may list them now),
            // then those that list them (a withdrawn one drops out on read).
            let mut order: Vec<String> = published.clone();
            for id in &published {
                order.extend(state.index.similar(id, NEIGHBOURS)?);
            }
            order.extend(listing_now);
            let mut seen = BTreeSet::new();
            order.retain(|id| seen.insert(id.clone()));
            order.truncate(MAX_AFFECTED);
            lists(state, &order)
        })
        .await?;
        let mut tx = self.begin("stories.derive_pages").await?;
        for (id, json, version) in &html {
            tx.story_pages().set_html(id, json, *version).await?;
        }
        for (id, related) in &lists {
            tx.story_pages().set_related(id, related).await?;
        }
        tx.commit().await?;
        changed.extend(lists.into_iter().map(|(id, _)| id));
        Ok(())
    }

    /// Sets what is told, after a change, which stories' pages changed (the
    /// web layer keeps rendered copies of them). Set once, by `serve`.
    pub fn on_pages_changed(&self, hook: PagesHook) {
        if self.pages_hook.set(hook).is_err() {
            tracing::warn!("a second pages hook was ignored");
        }
    }

    async fn pages_changed(&self, ids: Vec<String>) {
        if let Some(hook) = self.pages_hook.get() {
            hook(self.clone(), ids).await;
        }
    }

    /// Works out what was never worked out (stories stored by an older
    /// version, or generated), on both cores, a batch at a time. Returns how
    /// many stories it did. `serve` runs it in the background at start,
    /// `reindex` before it ends.
    pub async fn derive_missing(&self) -> AppResult<u64> {
        let Some(state) = self.index() else {
            return Ok(0);
        };
        let mut after = String::new();
        let mut done = 0u64;
        loop {
            let pages = self
                .read()
                .await?
                .story_pages()
                .missing(&after, 500)
                .await?;
            let Some(last) = pages.last() else { break };
            after = last.story.id.clone();
            let state = Arc::clone(&state);
            let derived = tokio::task::spawn_blocking(move || derive_batch(&state, pages))
                .await
                .map_err(|e| AppError::Internal(e.to_string()))??;
            let mut tx = self.begin("stories.derive_missing").await?;
            for d in &derived {
                if let Some((json, version)) = &d.html {
                    tx.story_pages().set_html(&d.id, json, *version).await?;
                }
                if let Some(related) = &d.related {
                    tx.story_pages().set_related(&d.id, related).await?;
                }
            }
            tx.commit().await?;
            done += derived.len() as u64;
        }
        if done > 0 {
            tracing::info!(stories = done, "story pages worked out");
        }
        Ok(done)
    }
}

struct Derived {
    id: String,
    html: Option<(String, i64)>,
    related: Option<Vec<String>>,
}

/// One batch of `derive_missing`, split over two threads.
fn derive_batch(state: &SearchState, pages: Vec<PageRow>) -> AppResult<Vec<Derived>> {
    let one = |p: &PageRow| -> AppResult<Derived> {
        let row = &p.story;
        Ok(Derived {
            id: row.id.clone(),
            html: p
                .current_html()
                .is_none()
                .then(|| (page_json(&row.content()), row.updated_at)),
            related: match p.related_at {
                Some(_) => None,
                None => Some(state.index.similar(&row.id, RELATED)?),
            },
        })
    };
    let (left, right) = pages.split_at(pages.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| left.iter().map(one).collect::<AppResult<Vec<_>>>());
        let mut mine = right.iter().map(one).collect::<AppResult<Vec<_>>>()?;
        let mut theirs = other
            .join()
            .map_err(|_| AppError::Internal("a thread working out pages panicked".into()))??;
        theirs.append(&mut mine);
        Ok(theirs)
    })
}
