//! Changing stories: members edit their own while the teller may, editors
//! review, edit, ask, publish, reject and take offline. Every use case is
//! one transaction, its mail to the teller included.

use vooruit_domain::FieldErrors;
use vooruit_domain::story::{MessageAuthor, StoryAction, StoryContent, StoryStatus};
use vooruit_domain::taxonomy::Taxonomy;
use vooruit_store::Conn;
use vooruit_store::stories::StoryRow;

use super::sharing::messages;
use super::{
    EditorStory, QueueItem, Revision, Stories, queue_item, sections, status_path, step,
    validated_message,
};
use crate::accounts::User;
use crate::mail::{self, Mail, texts};
use crate::page::{PAGE_SIZE, Page, offset};
use crate::{AppError, AppResult};

/// The story an editor works on.
async fn editor_row(conn: &mut Conn, user: &User, id: &str) -> AppResult<StoryRow> {
    user.require_editor()?;
    conn.stories().by_id(id).await?.ok_or(AppError::NotFound)
}

/// A member's own story; someone else's is "not found".
async fn own_row(conn: &mut Conn, user: &User, id: &str) -> AppResult<StoryRow> {
    let row = conn.stories().by_id(id).await?.ok_or(AppError::NotFound)?;
    if row.author_id.as_deref() != Some(user.id.as_str()) {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

/// The content checked; taxonomy values it had before may stay even when
/// they are retired since.
fn validated(
    mut content: StoryContent,
    taxonomy: &Taxonomy,
    before: &StoryContent,
) -> AppResult<StoryContent> {
    content.normalise();
    let mut e = FieldErrors::new();
    content.validate_into(&mut e, &taxonomy.choices(before.tagged()));
    e.into_result()?;
    Ok(content)
}

impl Stories<'_> {
    // --- members ---

    pub async fn mine(&self, user: &User) -> AppResult<Vec<QueueItem>> {
        self.read()
            .await?
            .stories()
            .by_author(&user.id)
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
        let row = own_row(&mut self.read().await?, user, id).await?;
        Ok((row.content(), row.status))
    }

    pub async fn member_save(&self, user: &User, id: &str, content: StoryContent) -> AppResult<()> {
        let taxonomy = self.taxonomy().current().await?;
        let mut tx = self.begin("stories.member_save").await?;
        let row = own_row(&mut tx, user, id).await?;
        let content = validated(content, &taxonomy, &row.content())?;
        if !row.status.editable_by_teller() {
            return Err(AppError::Conflict("error-story-locked"));
        }
        tx.stories()
            .update_content(id, &content, Some(&user.id))
            .await?;
        self.commit(tx).await
    }

    // --- editors ---

    pub async fn editor_queue(&self, user: &User, page: i64) -> AppResult<Page<QueueItem>> {
        user.require_editor()?;
        let (page, offset) = offset(page, PAGE_SIZE);
        let (rows, total) = self
            .read()
            .await?
            .stories()
            .editor_queue(PAGE_SIZE, offset)
            .await?;
        let items = rows.iter().map(queue_item).collect::<AppResult<Vec<_>>>()?;
        Ok(Page::new(items, total, page, PAGE_SIZE))
    }

    pub async fn editor_list(
        &self,
        user: &User,
        status: StoryStatus,
        page: i64,
    ) -> AppResult<Page<QueueItem>> {
        user.require_editor()?;
        let (page, offset) = offset(page, PAGE_SIZE);
        let (rows, total) = self
            .read()
            .await?
            .stories()
            .with_status(status, PAGE_SIZE, offset)
            .await?;
        let items = rows.iter().map(queue_item).collect::<AppResult<Vec<_>>>()?;
        Ok(Page::new(items, total, page, PAGE_SIZE))
    }

    pub async fn editor_story(&self, user: &User, id: &str) -> AppResult<EditorStory> {
        let mut conn = self.read().await?;
        let row = editor_row(&mut conn, user, id).await?;
        let content = row.content();
        let revisions = conn
            .stories()
            .revisions(&row.id)
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
            status: row.status,
            preview: sections(&content),
            content,
            teller: row.teller(),
            member_author: row.author_id.is_some(),
            reject_reason: row.reject_reason.clone(),
            submitted_at: row.submitted_at,
            published_at: row.published_at,
            messages: messages(&mut conn, &row.id).await?,
            revisions,
            issue: article_of(&mut conn, &row.id).await?,
        })
    }

    /// Saves an editor's changes as a new revision. A story that was only
    /// submitted is now "in redactie".
    pub async fn editor_save(&self, user: &User, id: &str, content: StoryContent) -> AppResult<()> {
        user.require_editor()?;
        let taxonomy = self.taxonomy().current().await?;
        let mut tx = self.begin("stories.editor_save").await?;
        let row = editor_row(&mut tx, user, id).await?;
        let content = validated(content, &taxonomy, &row.content())?;
        let status = row.status;
        if status == StoryStatus::Afgewezen {
            return Err(AppError::Conflict("error-story-closed"));
        }
        tx.stories()
            .update_content(&row.id, &content, Some(&user.id))
            .await?;
        if status == StoryStatus::Ingediend {
            step(&mut tx, &row, StoryAction::StartReview, None).await?;
        }
        self.commit(tx).await
    }

    /// The teller's private link, for a shared story: derived from its id,
    /// so every mail repeats the same link.
    fn status_link(&self, row: &StoryRow) -> Option<String> {
        row.status_token
            .as_ref()
            .map(|_| self.config.url(&status_path(&self.config.secret, &row.id)))
    }

    pub async fn ask_teller(&self, user: &User, id: &str, question: &str) -> AppResult<()> {
        user.require_editor()?;
        let question = validated_message("question", question)?;
        let mut tx = self.begin("stories.ask_teller").await?;
        let row = editor_row(&mut tx, user, id).await?;
        step(&mut tx, &row, StoryAction::AskTeller, None).await?;
        tx.stories()
            .add_message(&row.id, MessageAuthor::Editors, &question)
            .await?;
        if let Some(link) = self.status_link(&row) {
            let mail = texts::question(row.lang, &row.title, &question, &link);
            mail_teller(&mut tx, &row, mail).await?;
        }
        self.commit(tx).await
    }

    /// Publishes a story. A story still waiting in the queue is taken into
    /// review first, so the workflow is always followed step by step.
    pub async fn publish(&self, user: &User, id: &str) -> AppResult<String> {
        let mut tx = self.begin("stories.publish").await?;
        let mut row = editor_row(&mut tx, user, id).await?;
        if row.status == StoryStatus::Ingediend {
            let next = step(&mut tx, &row, StoryAction::StartReview, None).await?;
            row.status = next;
        }
        self.publish_row(&mut tx, &row).await?;
        self.commit(tx).await?;
        Ok(row.slug)
    }

    /// Publishes a story that is in review, in the caller's transaction,
    /// and tells its teller (publishing a story, or a magazine issue).
    pub(crate) async fn publish_row(&self, tx: &mut Conn, row: &StoryRow) -> AppResult<()> {
        step(tx, row, StoryAction::Publish, None).await?;
        let public_url = self.config.url(&format!("/verhalen/{}", row.slug));
        let mail = texts::published(row.lang, &row.title, &public_url);
        mail_teller(tx, row, mail).await
    }

    pub async fn reject(&self, user: &User, id: &str, reason: &str) -> AppResult<()> {
        user.require_editor()?;
        let reason = validated_message("reason", reason)?;
        let mut tx = self.begin("stories.reject").await?;
        let row = editor_row(&mut tx, user, id).await?;
        step(&mut tx, &row, StoryAction::Reject, Some(&reason)).await?;
        if let Some(link) = self.status_link(&row) {
            let mail = texts::rejected(row.lang, &row.title, &reason, &link);
            mail_teller(&mut tx, &row, mail).await?;
        }
        self.commit(tx).await
    }

    pub async fn archive(&self, user: &User, id: &str) -> AppResult<()> {
        let mut tx = self.begin("stories.archive").await?;
        let row = editor_row(&mut tx, user, id).await?;
        step(&mut tx, &row, StoryAction::Archive, None).await?;
        self.commit(tx).await
    }
}

/// The issue a story is an article of, if any.
async fn article_of(conn: &mut Conn, story_id: &str) -> AppResult<Option<super::ArticleOf>> {
    let Some((_, issue_id)) = conn
        .magazine()
        .issues_of(&[story_id.to_string()])
        .await?
        .pop()
    else {
        return Ok(None);
    };
    let Some(issue) = conn.magazine().by_id(&issue_id).await? else {
        return Ok(None);
    };
    let ready = issue
        .articles
        .iter()
        .any(|a| a.story_id == story_id && a.ready);
    Ok(Some(super::ArticleOf {
        id: issue.id,
        name: issue.name,
        number: issue.number,
        ready,
    }))
}

/// Mails the teller (subject, text), if the story has a contact address
/// (demo stories have none).
async fn mail_teller(
    tx: &mut Conn,
    row: &StoryRow,
    (subject, text): (String, String),
) -> AppResult<()> {
    if row.contact_email.is_empty() {
        return Ok(());
    }
    mail::queue(tx, Mail::text(&row.contact_email, subject, text)).await
}
