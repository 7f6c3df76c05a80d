//! What a published story's page needs besides its row, stored when the
//! story changes: its parts as HTML and its related stories. A story page
//! is then two lookups by key, whatever the number of stories.

use sqlx::FromRow;
use vooruit_domain::story::{StoryKind, StoryStatus};

use crate::db::lit;
use crate::stories::{STORY_COLUMNS, StoryRow};
use crate::{Conn, Result};

/// A published story with what was computed for its page.
#[derive(Debug, Clone, FromRow)]
pub struct PageRow {
    #[sqlx(flatten)]
    pub story: StoryRow,
    /// The parts as sanitized HTML (JSON), made from the content as it was
    /// at `page_version` (the row's `updated_at` then).
    pub page_html: Option<String>,
    pub page_version: Option<i64>,
    /// When the related stories were last worked out (None: never).
    pub related_at: Option<i64>,
}

impl PageRow {
    /// The stored HTML, when it was made from the content as it is now.
    pub fn current_html(&self) -> Option<&str> {
        self.page_html
            .as_deref()
            .filter(|_| self.page_version == Some(self.story.updated_at))
    }
}

/// A story in another story's related list.
#[derive(Debug, Clone, FromRow)]
pub struct RelatedRow {
    pub slug: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub kind: StoryKind,
}

/// Story pages: `conn.story_pages()`.
pub struct StoryPages<'c>(&'c mut Conn);

impl Conn {
    pub fn story_pages(&mut self) -> StoryPages<'_> {
        StoryPages(self)
    }
}

impl StoryPages<'_> {
    pub async fn published(&mut self, slug: &str) -> Result<Option<PageRow>> {
        Ok(sqlx::query_as::<_, PageRow>(&format!(
            "SELECT {STORY_COLUMNS}, page_html, page_version, related_at FROM stories \
             WHERE slug = $1 AND status = {}",
            lit(StoryStatus::Gepubliceerd)
        ))
        .bind(slug)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// These stories, whatever their status, with what was computed for
    /// their pages.
    pub async fn by_ids(&mut self, ids: &[String]) -> Result<Vec<PageRow>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT {STORY_COLUMNS}, page_html, page_version, related_at FROM stories \
             WHERE id IN ({})",
            crate::db::in_list(ids.len())
        );
        let mut q = sqlx::query_as::<_, PageRow>(&sql);
        for id in ids {
            q = q.bind(id);
        }
        Ok(q.fetch_all(&mut *self.0).await?)
    }

    /// Published stories in id order after `after_id`.
    pub async fn published_after(&mut self, after_id: &str, limit: i64) -> Result<Vec<PageRow>> {
        Ok(sqlx::query_as::<_, PageRow>(&format!(
            "SELECT {STORY_COLUMNS}, page_html, page_version, related_at FROM stories \
             WHERE status = {} AND id > $1 ORDER BY id LIMIT $2",
            lit(StoryStatus::Gepubliceerd)
        ))
        .bind(after_id)
        .bind(limit)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// The related stories of a story that are published now, in order.
    pub async fn related(&mut self, story_id: &str) -> Result<Vec<RelatedRow>> {
        Ok(sqlx::query_as::<_, RelatedRow>(&format!(
            "SELECT s.slug, s.title, s.kind FROM story_related r \
             JOIN stories s ON s.id = r.related_id \
             WHERE r.story_id = $1 AND s.status = {} ORDER BY r.position",
            lit(StoryStatus::Gepubliceerd)
        ))
        .bind(story_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// The stories whose related list holds this one.
    pub async fn listing(&mut self, related_id: &str) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar::<_, String>(
            "SELECT story_id FROM story_related WHERE related_id = $1",
        )
        .bind(related_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// For each id: the version its stored HTML was made from.
    pub async fn versions(&mut self, ids: &[String]) -> Result<Vec<(String, Option<i64>)>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT id, page_version FROM stories WHERE id IN ({})",
            crate::db::in_list(ids.len())
        );
        let mut q = sqlx::query_as::<_, (String, Option<i64>)>(&sql);
        for id in ids {
            q = q.bind(id);
        }
        Ok(q.fetch_all(&mut *self.0).await?)
    }

    /// Stores the HTML of a story's parts, made from the content at `version`.
    pub async fn set_html(&mut self, id: &str, html: &str, version: i64) -> Result<()> {
        sqlx::query("UPDATE stories SET page_html = $1, page_version = $2 WHERE id = $3")
            .bind(html)
            .bind(version)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Replaces a story's related list. Written place by place with an
    /// upsert: two nodes working out the same list at once wait for each
    /// other on PostgreSQL instead of one failing on the primary key.
    pub async fn set_related(&mut self, id: &str, related: &[String]) -> Result<()> {
        let now = self.0.now();
        sqlx::query("DELETE FROM story_related WHERE story_id = $1 AND position > $2")
            .bind(id)
            .bind(related.len() as i64)
            .execute(&mut *self.0)
            .await?;
        for (i, other) in related.iter().enumerate() {
            sqlx::query(
                "INSERT INTO story_related (story_id, position, related_id) VALUES ($1, $2, $3) \
                 ON CONFLICT (story_id, position) DO UPDATE SET related_id = excluded.related_id",
            )
            .bind(id)
            .bind(i as i64 + 1)
            .bind(other)
            .execute(&mut *self.0)
            .await?;
        }
        sqlx::query("UPDATE stories SET related_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Published stories whose page parts or related list were never
    /// computed or are older than the row, in id order after `after_id`.
    pub async fn missing(&mut self, after_id: &str, limit: i64) -> Result<Vec<PageRow>> {
        Ok(sqlx::query_as::<_, PageRow>(&format!(
            "SELECT {STORY_COLUMNS}, page_html, page_version, related_at FROM stories \
             WHERE status = {} AND id > $1 \
             AND (related_at IS NULL OR page_version IS NULL OR page_version <> updated_at) \
             ORDER BY id LIMIT $2",
            lit(StoryStatus::Gepubliceerd)
        ))
        .bind(after_id)
        .bind(limit)
        .fetch_all(&mut *self.0)
        .await?)
    }
}
