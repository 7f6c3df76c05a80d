//! Stories: share one (with or without an account), follow it with the
//! private status link, and the editors' work: review, edit, ask, publish,
//! reject, archive. Public reads only ever see published stories, and only
//! the name and organisation the teller chose to show.

use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::FieldErrors;
use vooruit_domain::slug::slugify;
use vooruit_domain::story::{StoryAction, StoryContent, StoryStatus, Submission};
pub use vooruit_store::stories::StoryFilter;
use vooruit_store::stories::{NewStory, StoryRow};

use crate::accounts::User;
use crate::mail::{Mail, texts};
use crate::markdown::{plain_excerpt, render};
use crate::tokens::new_token;
use crate::{App, AppError, AppResult};

pub const PAGE_SIZE: i64 = 20;
const MAX_MESSAGE: usize = 4000;

/// One page of a list, with what is needed to draw the pager.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub pages: i64,
}

impl<T> Page<T> {
    pub(crate) fn new(items: Vec<T>, total: i64, page: i64, per_page: i64) -> Page<T> {
        Page {
            items,
            total,
            page,
            per_page,
            pages: ((total + per_page - 1) / per_page).max(1),
        }
    }
}

/// Page numbers start at 1; nonsense becomes 1.
fn offset(page: i64, per_page: i64) -> (i64, i64) {
    let page = page.clamp(1, 100_000);
    (page, (page - 1) * per_page)
}

/// A published story as lists show it. Contains nothing the teller hid.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StorySummary {
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub summary: String,
    pub themes: Vec<String>,
    pub sectors: Vec<String>,
    pub region: String,
    pub published_at: i64,
    pub author_name: Option<String>,
    pub organisation: Option<String>,
}

impl StorySummary {
    fn from_hit(h: vooruit_search::Hit) -> StorySummary {
        StorySummary {
            slug: h.slug,
            title: h.title,
            kind: h.kind,
            summary: h.summary,
            themes: h.themes,
            sectors: h.sectors,
            region: h.region,
            published_at: h.published_at,
            author_name: h.author_name,
            organisation: h.organisation,
        }
    }

    fn from_row(row: &StoryRow) -> StorySummary {
        let content = row.content();
        let teller = row.teller();
        StorySummary {
            slug: row.slug.clone(),
            summary: if content.summary.is_empty() {
                plain_excerpt(&content.context, 220)
            } else {
                content.summary.clone()
            },
            title: content.title,
            kind: content.kind,
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
    #[schema(value_type = Vec<Object>)]
    pub related: Vec<vooruit_search::Hit>,
}

/// The parts in reading order; empty parts are left out.
pub fn sections(c: &StoryContent) -> Vec<Section> {
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
    .map(|(key, md)| Section {
        key,
        markdown: md.clone(),
        html: render(md),
    })
    .collect()
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
    pub author: String,
    pub body: String,
    pub created_at: i64,
}

/// A story in the editors' queue.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueueItem {
    pub id: String,
    pub title: String,
    pub kind: String,
    #[schema(value_type = String, example = "ingediend")]
    pub status: StoryStatus,
    pub submitted_at: i64,
    pub updated_at: i64,
}

/// Everything an editor sees of one story, the hidden identity included.
#[derive(Debug, Clone, Serialize)]
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
}

#[derive(Debug, Clone, Serialize)]
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

fn status_path(token: &str) -> String {
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
        kind: row.kind.clone(),
        status: row.status()?,
        submitted_at: row.submitted_at.unwrap_or(row.created_at),
        updated_at: row.updated_at,
    })
}

/// The message when one address sent too many stories in an hour.
pub const SUBMISSION_LIMIT_KEY: &str = "error-too-many-submissions";

impl App {
    // --- public reading ---

    /// The public list, served from the search index: counting and filtering
    /// 100,000 rows in SQL is slow, the index does it in a millisecond.
    pub async fn published_stories(
        &self,
        filter: &StoryFilter,
        page: i64,
    ) -> AppResult<Page<StorySummary>> {
        let (page, _) = offset(page, PAGE_SIZE);
        let results = self.search(&vooruit_search::SearchRequest {
            kind: filter.kind.clone(),
            theme: filter.theme.clone(),
            sector: filter.sector.clone(),
            region: filter.region.clone(),
            page: page as usize,
            per_page: PAGE_SIZE as usize,
            skip_facets: true,
            ..Default::default()
        })?;
        let items = results
            .hits
            .into_iter()
            .map(StorySummary::from_hit)
            .collect();
        Ok(Page::new(items, results.total as i64, page, PAGE_SIZE))
    }

    pub async fn published_story(&self, slug: &str) -> AppResult<PublishedStory> {
        let generation = self.search_generation();
        if let Some(g) = generation
            && let Some(story) = self
                .story_cache
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .get(g, slug)
        {
            return Ok(story);
        }
        let row = self
            .db
            .published_story(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let content = row.content();
        let related = self
            .related(&row.id, &content.themes, 4)
            .unwrap_or_else(|e| {
                tracing::warn!(error = %e, "related stories failed");
                vec![]
            });
        let story = PublishedStory {
            summary: StorySummary::from_row(&row),
            sections: sections(&content),
            lessons: content.lessons,
            related,
        };
        if let Some(g) = generation {
            self.story_cache
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .put(g, slug.to_string(), story.clone());
        }
        Ok(story)
    }

    /// Published story URLs for the sitemap: one page of `per_page` and the
    /// number of pages.
    pub async fn sitemap_slugs(
        &self,
        page: i64,
        per_page: i64,
    ) -> AppResult<(Vec<(String, i64)>, i64)> {
        let total = self.db.count_published().await?;
        let pages = (total + per_page - 1) / per_page;
        let slugs = self
            .db
            .published_slugs(per_page, (page.max(1) - 1) * per_page)
            .await?;
        Ok((slugs, pages))
    }

    // --- sharing and following a story ---

    /// Stores a shared story as `ingediend` and mails the teller the private
    /// status link. A signed-in member becomes its author and can edit it.
    /// Takes a story in. Without an account, one IP address may send
    /// `submissions_per_hour` stories an hour; past that the form says so
    /// (next to the send button) and keeps everything typed.
    pub async fn submit_story(
        &self,
        mut submission: Submission,
        author: Option<&User>,
        lang: &str,
        ip: &str,
    ) -> AppResult<Submitted> {
        if let Some(user) = author
            && submission.teller.contact_email.trim().is_empty()
        {
            submission.teller.contact_email = user.email.clone();
        }
        submission.normalise();
        submission.validate()?;
        let bucket = format!("submit:ip:{ip}");
        let limit = self.config.submissions_per_hour;
        let limited = author.is_none() && limit > 0;
        if limited && self.db.throttle_count(&bucket, 3600 * 1000).await? >= limit {
            return Err(AppError::field("send", SUBMISSION_LIMIT_KEY));
        }
        let token = new_token();
        let lang = if lang == "en" { "en" } else { "nl" };
        let (id, _slug) = self
            .db
            .insert_story(NewStory {
                slug: &slugify(&submission.content.title),
                status: StoryStatus::Concept.apply(StoryAction::Submit)?,
                content: &submission.content,
                teller: &submission.teller,
                no_client_info: submission.no_client_info,
                lang,
                author_id: author.map(|u| u.id.as_str()),
                status_token: Some(&token),
                published_at: None,
            })
            .await?;
        if limited {
            self.db.throttle_hit(&bucket).await?;
        }
        let status_path = status_path(&token);
        let status_url = self.config.url(&status_path);
        let (subject, text) = texts::story_received(lang, &submission.content.title, &status_url);
        self.queue_mail(Mail {
            to: submission.teller.contact_email.clone(),
            subject,
            text,
            ..Default::default()
        })
        .await?;
        Ok(Submitted {
            id,
            status_url,
            status_path,
        })
    }

    async fn story_by_token(&self, token: &str) -> AppResult<StoryRow> {
        // Tokens are 64 hex characters; anything else cannot match.
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(AppError::NotFound);
        }
        self.db
            .story_by_status_token(token)
            .await?
            .ok_or(AppError::NotFound)
    }

    async fn messages(&self, story_id: &str) -> AppResult<Vec<Message>> {
        Ok(self
            .db
            .story_messages(story_id)
            .await?
            .into_iter()
            .map(|m| Message {
                author: m.author,
                body: m.body,
                created_at: m.created_at,
            })
            .collect())
    }

    pub async fn teller_view(&self, token: &str) -> AppResult<TellerView> {
        let row = self.story_by_token(token).await?;
        Ok(TellerView {
            title: row.title.clone(),
            status: row.status()?,
            slug: row.slug.clone(),
            reject_reason: row.reject_reason.clone(),
            submitted_at: row.submitted_at.unwrap_or(row.created_at),
            messages: self.messages(&row.id).await?,
            content: row.content(),
        })
    }

    /// The teller answers (or adds a remark). An open question is then
    /// answered and the story goes back to the editors.
    pub async fn teller_reply(&self, token: &str, body: &str) -> AppResult<()> {
        let row = self.story_by_token(token).await?;
        let status = row.status()?;
        if !status.teller_can_write() {
            return Err(AppError::Conflict("error-story-closed"));
        }
        let body = validated_message("body", body)?;
        self.db.add_story_message(&row.id, "teller", &body).await?;
        if status == StoryStatus::VraagAanVerteller {
            let next = status.apply(StoryAction::TellerAnswers)?;
            self.db
                .set_story_status(&row.id, status, next, None)
                .await?;
        }
        Ok(())
    }

    // --- members ---

    pub async fn my_stories(&self, user: &User) -> AppResult<Vec<QueueItem>> {
        self.db
            .stories_by_author(&user.id)
            .await?
            .iter()
            .map(queue_item)
            .collect()
    }

    /// A member's own story, while it may still be changed by its teller.
    pub async fn member_story(
        &self,
        user: &User,
        id: &str,
    ) -> AppResult<(StoryContent, StoryStatus)> {
        let row = self.db.story_by_id(id).await?.ok_or(AppError::NotFound)?;
        if row.author_id.as_deref() != Some(user.id.as_str()) {
            return Err(AppError::NotFound);
        }
        Ok((row.content(), row.status()?))
    }

    pub async fn member_save(
        &self,
        user: &User,
        id: &str,
        mut content: StoryContent,
    ) -> AppResult<()> {
        let (_, status) = self.member_story(user, id).await?;
        if !status.editable_by_teller() {
            return Err(AppError::Conflict("error-story-locked"));
        }
        content.normalise();
        let mut e = FieldErrors::new();
        content.validate_into(&mut e);
        e.into_result()?;
        Ok(self
            .db
            .update_story_content(id, &content, Some(&user.id))
            .await?)
    }

    // --- editors ---

    /// Editors and administrators only.
    pub(crate) fn require_editor(user: &User) -> AppResult<()> {
        if user.can_edit_stories() {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub async fn editor_queue(&self, user: &User, page: i64) -> AppResult<Page<QueueItem>> {
        Self::require_editor(user)?;
        let (page, offset) = offset(page, PAGE_SIZE);
        let (rows, total) = self.db.editor_queue(PAGE_SIZE, offset).await?;
        let items = rows.iter().map(queue_item).collect::<AppResult<Vec<_>>>()?;
        Ok(Page::new(items, total, page, PAGE_SIZE))
    }

    pub async fn editor_list(
        &self,
        user: &User,
        status: StoryStatus,
        page: i64,
    ) -> AppResult<Page<QueueItem>> {
        Self::require_editor(user)?;
        let (page, offset) = offset(page, PAGE_SIZE);
        let (rows, total) = self
            .db
            .stories_with_status(status, PAGE_SIZE, offset)
            .await?;
        let items = rows.iter().map(queue_item).collect::<AppResult<Vec<_>>>()?;
        Ok(Page::new(items, total, page, PAGE_SIZE))
    }

    async fn editor_row(&self, user: &User, id: &str) -> AppResult<StoryRow> {
        Self::require_editor(user)?;
        self.db.story_by_id(id).await?.ok_or(AppError::NotFound)
    }

    pub async fn editor_story(&self, user: &User, id: &str) -> AppResult<EditorStory> {
        let row = self.editor_row(user, id).await?;
        let content = row.content();
        let revisions = self
            .db
            .story_revisions(&row.id)
            .await?
            .into_iter()
            .map(|r| Revision {
                title: serde_json::from_str::<StoryContent>(&r.content)
                    .map(|c| c.title)
                    .unwrap_or_default(),
                id: r.id,
                editor_name: r.editor_name,
                created_at: r.created_at,
            })
            .collect();
        Ok(EditorStory {
            id: row.id.clone(),
            slug: row.slug.clone(),
            status: row.status()?,
            preview: sections(&content),
            content,
            teller: row.teller(),
            member_author: row.author_id.is_some(),
            reject_reason: row.reject_reason.clone(),
            submitted_at: row.submitted_at,
            published_at: row.published_at,
            messages: self.messages(&row.id).await?,
            revisions,
        })
    }

    /// Moves a story one step, refusing moves the workflow does not allow and
    /// moves that lost a race with another editor.
    async fn step(
        &self,
        row: &StoryRow,
        action: StoryAction,
        reason: Option<&str>,
    ) -> AppResult<StoryStatus> {
        let from = row.status()?;
        let to = from.apply(action)?;
        if !self.db.set_story_status(&row.id, from, to, reason).await? {
            return Err(AppError::Conflict("error-changed-meanwhile"));
        }
        self.reindex_soon(&row.id).await;
        Ok(to)
    }

    /// Saves an editor's changes as a new revision. A story that was only
    /// submitted is now "in redactie".
    pub async fn editor_save(
        &self,
        user: &User,
        id: &str,
        mut content: StoryContent,
    ) -> AppResult<()> {
        let row = self.editor_row(user, id).await?;
        if row.status()? == StoryStatus::Afgewezen {
            return Err(AppError::Conflict("error-story-closed"));
        }
        content.normalise();
        let mut e = FieldErrors::new();
        content.validate_into(&mut e);
        e.into_result()?;
        self.db
            .update_story_content(&row.id, &content, Some(&user.id))
            .await?;
        self.reindex_soon(&row.id).await;
        if row.status()? == StoryStatus::Ingediend {
            self.step(&row, StoryAction::StartReview, None).await?;
        }
        Ok(())
    }

    /// The teller's private link. The token is kept with the story (it only
    /// opens that one story) so that every mail can repeat the same link.
    fn status_link(&self, row: &StoryRow) -> Option<String> {
        row.status_token
            .as_deref()
            .map(|t| self.config.url(&status_path(t)))
    }

    /// Updates this node's index for a changed story right away. The change
    /// is committed already and the outbox has it, so a failure here is only
    /// logged: the tailer retries.
    async fn reindex_soon(&self, id: &str) {
        if let Err(e) = self.index_now(&[id.to_string()]).await {
            tracing::warn!(error = %e, story = id, "indexing a changed story failed; the tailer will retry");
        }
    }

    /// Mails the teller (subject, text), if the story has a contact address
    /// (demo stories have none).
    async fn mail_teller(
        &self,
        row: &StoryRow,
        (subject, text): (String, String),
    ) -> AppResult<()> {
        if row.contact_email.is_empty() {
            return Ok(());
        }
        self.queue_mail(Mail {
            to: row.contact_email.clone(),
            subject,
            text,
            ..Default::default()
        })
        .await
    }

    pub async fn ask_teller(&self, user: &User, id: &str, question: &str) -> AppResult<()> {
        let row = self.editor_row(user, id).await?;
        let question = validated_message("question", question)?;
        self.step(&row, StoryAction::AskTeller, None).await?;
        self.db
            .add_story_message(&row.id, "editor", &question)
            .await?;
        if let Some(link) = self.status_link(&row) {
            let mail = texts::question(&row.lang, &row.title, &question, &link);
            self.mail_teller(&row, mail).await?;
        }
        Ok(())
    }

    /// Publishes a story. A story still waiting in the queue is taken into
    /// review first, so the workflow is always followed step by step.
    pub async fn publish(&self, user: &User, id: &str) -> AppResult<String> {
        let mut row = self.editor_row(user, id).await?;
        if row.status()? == StoryStatus::Ingediend {
            self.step(&row, StoryAction::StartReview, None).await?;
            row.status = StoryStatus::InRedactie.as_str().to_string();
        }
        self.step(&row, StoryAction::Publish, None).await?;
        let public_url = self.config.url(&format!("/verhalen/{}", row.slug));
        let mail = texts::published(&row.lang, &row.title, &public_url);
        self.mail_teller(&row, mail).await?;
        Ok(row.slug)
    }

    pub async fn reject(&self, user: &User, id: &str, reason: &str) -> AppResult<()> {
        let row = self.editor_row(user, id).await?;
        let reason = validated_message("reason", reason)?;
        self.step(&row, StoryAction::Reject, Some(&reason)).await?;
        if let Some(link) = self.status_link(&row) {
            let mail = texts::rejected(&row.lang, &row.title, &reason, &link);
            self.mail_teller(&row, mail).await?;
        }
        Ok(())
    }

    pub async fn archive(&self, user: &User, id: &str) -> AppResult<()> {
        let row = self.editor_row(user, id).await?;
        self.step(&row, StoryAction::Archive, None).await?;
        Ok(())
    }
}
