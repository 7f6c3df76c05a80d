//! Sharing a story (with or without an account) and following it with the
//! private status link.

use vooruit_domain::lang::Lang;
use vooruit_domain::slug::slugify;
use vooruit_domain::story::{MessageAuthor, StoryAction, StoryStatus, Submission};
use vooruit_store::Conn;
use vooruit_store::stories::{NewStory, StoryRow};

use super::{
    Message, SUBMISSION_LIMIT_KEY, Stories, Submitted, TellerView, status_path, validated_message,
};
use crate::accounts::User;
use crate::mail::{self, Mail, texts};
use crate::tokens::{LinkKey, STORY_STATUS, link_key, unused_stored_token};
use crate::{AppError, AppResult};

/// The story behind a status link: one this server derived (its id), or
/// one mailed before links were derived (the hash of its token). Only a
/// shared story has a status link (the column is set for those only).
async fn by_token(
    secret: &crate::secret::Secret,
    conn: &mut Conn,
    token: &str,
) -> AppResult<StoryRow> {
    let found = match link_key(secret, STORY_STATUS, token) {
        Some(LinkKey::Id(id)) => conn.stories().by_id(&id).await?,
        Some(LinkKey::Stored(hash)) => conn.stories().by_status_token(&hash).await?,
        None => None,
    };
    found
        .filter(|row| row.status_token.is_some())
        .ok_or(AppError::NotFound)
}

pub(super) async fn messages(conn: &mut Conn, story_id: &str) -> AppResult<Vec<Message>> {
    Ok(conn
        .stories()
        .messages(story_id)
        .await?
        .into_iter()
        .map(|m| Message {
            author: m.author,
            body: m.body,
            created_at: m.created_at,
        })
        .collect())
}

impl Stories<'_> {
    /// Stores a shared story as `ingediend` and mails the teller the private
    /// status link. A signed-in member becomes its author and can edit it.
    /// Without an account, one IP address may send `submissions_per_hour`
    /// stories an hour; past that the form says so (next to the send
    /// button) and keeps everything typed.
    pub async fn submit(
        &self,
        mut submission: Submission,
        author: Option<&User>,
        lang: Lang,
        ip: &str,
    ) -> AppResult<Submitted> {
        if let Some(user) = author
            && submission.teller.contact_email.trim().is_empty()
        {
            submission.teller.contact_email = user.email.clone();
        }
        submission.normalise();
        submission.validate(&*self.taxonomy().current().await?)?;
        let bucket = format!("submit:ip:{ip}");
        let limit = self.config.submissions_per_hour;
        let limited = author.is_none() && limit > 0;
        let mut tx = self.begin("stories.submit").await?;
        if limited && tx.throttle().count(&bucket, 3600 * 1000).await? >= limit {
            return Err(AppError::field("send", SUBMISSION_LIMIT_KEY));
        }
        let stored = unused_stored_token();
        let (id, _slug) = tx
            .stories()
            .insert(NewStory {
                slug: &slugify(&submission.content.title),
                status: StoryStatus::Concept.apply(StoryAction::Submit)?,
                content: &submission.content,
                teller: &submission.teller,
                no_client_info: submission.no_client_info,
                lang,
                author_id: author.map(|u| u.id.as_str()),
                status_token: Some(&stored),
                published_at: None,
            })
            .await?;
        if limited {
            tx.throttle().hit(&bucket).await?;
        }
        let status_path = status_path(&self.config.secret, &id);
        let status_url = self.config.url(&status_path);
        let (subject, text) = texts::story_received(lang, &submission.content.title, &status_url);
        let to = submission.teller.contact_email.clone();
        mail::queue(&mut tx, Mail::text(&to, subject, text)).await?;
        self.commit(tx).await?;
        Ok(Submitted {
            id,
            status_url,
            status_path,
        })
    }

    pub async fn teller_view(&self, token: &str) -> AppResult<TellerView> {
        let mut conn = self.read().await?;
        let row = by_token(&self.config.secret, &mut conn, token).await?;
        Ok(TellerView {
            title: row.title.clone(),
            status: row.status,
            slug: row.slug.clone(),
            reject_reason: row.reject_reason.clone(),
            submitted_at: row.submitted_at.unwrap_or(row.created_at),
            messages: messages(&mut conn, &row.id).await?,
            content: row.content(),
        })
    }

    /// The teller answers (or adds a remark). An open question is then
    /// answered and the story goes back to the editors.
    pub async fn teller_reply(&self, token: &str, body: &str) -> AppResult<()> {
        let body = validated_message("body", body)?;
        let mut tx = self.begin("stories.teller_reply").await?;
        let row = by_token(&self.config.secret, &mut tx, token).await?;
        let status = row.status;
        if !status.teller_can_write() {
            return Err(AppError::Conflict("error-story-closed"));
        }
        tx.stories()
            .add_message(&row.id, MessageAuthor::Teller, &body)
            .await?;
        if status == StoryStatus::VraagAanVerteller {
            super::step(&mut tx, &row, StoryAction::TellerAnswers, None).await?;
        }
        self.commit(tx).await
    }
}
