//! Stories, their revisions and the messages between editors and tellers.

use sqlx::FromRow;
use vooruit_domain::content_type::ContentType;
use vooruit_domain::lang::Lang;
use vooruit_domain::story::{MessageAuthor, StoryContent, StoryKind, StoryStatus, Teller};

use crate::db::{flag, lit, lits};
use crate::{Conn, Result, StoreError, new_id};

#[derive(Debug, Clone, FromRow)]
pub struct StoryRow {
    pub id: String,
    pub slug: String,
    #[sqlx(try_from = "String")]
    pub status: StoryStatus,
    #[sqlx(try_from = "String")]
    pub kind: StoryKind,
    pub title: String,
    pub summary: String,
    pub context: String,
    pub aim: String,
    pub approach: String,
    pub what_differed: String,
    pub lessons: String,
    pub tips: String,
    pub do_differently: String,
    pub themes: String,
    pub sectors: String,
    pub region: String,
    pub teller_name: String,
    pub teller_org: String,
    pub show_name: i64,
    pub show_org: i64,
    pub contact_email: String,
    #[sqlx(try_from = "String")]
    pub lang: Lang,
    pub author_id: Option<String>,
    pub status_token: Option<String>,
    pub reject_reason: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
    pub published_at: Option<i64>,
}

pub(crate) const STORY_COLUMNS: &str = "id, slug, status, kind, title, summary, context, aim, approach, \
    what_differed, lessons, tips, do_differently, themes, sectors, region, teller_name, teller_org, \
    show_name, show_org, contact_email, lang, author_id, status_token, reject_reason, created_at, updated_at, \
    submitted_at, published_at";

impl StoryRow {
    pub fn content(&self) -> StoryContent {
        StoryContent {
            kind: self.kind.as_str().to_string(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            context: self.context.clone(),
            aim: self.aim.clone(),
            approach: self.approach.clone(),
            what_differed: self.what_differed.clone(),
            lessons: serde_json::from_str(&self.lessons).unwrap_or_default(),
            tips: self.tips.clone(),
            do_differently: self.do_differently.clone(),
            themes: split_tags(&self.themes),
            sectors: split_tags(&self.sectors),
            region: self.region.clone(),
        }
    }

    pub fn teller(&self) -> Teller {
        Teller {
            name: self.teller_name.clone(),
            organisation: self.teller_org.clone(),
            show_name: self.show_name != 0,
            show_organisation: self.show_org != 0,
            contact_email: self.contact_email.clone(),
        }
    }
}

/// Tags are stored as `,a,b,` so that one LIKE finds a tag without false
/// matches on a longer tag that contains it.
fn join_tags(tags: &[String]) -> String {
    if tags.is_empty() {
        String::new()
    } else {
        format!(",{},", tags.join(","))
    }
}

fn split_tags(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn lessons_json(lessons: &[String]) -> String {
    serde_json::to_string(lessons).unwrap_or_else(|_| "[]".into())
}

pub struct NewStory<'a> {
    pub slug: &'a str,
    pub status: StoryStatus,
    pub content: &'a StoryContent,
    pub teller: &'a Teller,
    pub no_client_info: bool,
    pub lang: Lang,
    pub author_id: Option<&'a str>,
    pub status_token: Option<&'a str>,
    /// Set for demo content, which is published on creation.
    pub published_at: Option<i64>,
}

/// Filters of the public list; empty strings mean "any".
#[derive(Debug, Clone, Default)]
pub struct StoryFilter {
    pub kind: String,
    pub theme: String,
    pub sector: String,
    pub region: String,
}

#[derive(Debug, Clone, FromRow)]
pub struct RevisionRow {
    pub id: String,
    pub editor_name: Option<String>,
    pub created_at: i64,
    pub content: String,
}

#[derive(Debug, Clone, FromRow)]
pub struct MessageRow {
    pub id: String,
    #[sqlx(try_from = "String")]
    pub author: MessageAuthor,
    pub body: String,
    pub created_at: i64,
}

/// Stories, their revisions and messages: `conn.stories()`.
pub struct Stories<'c>(&'c mut Conn);

impl Conn {
    pub fn stories(&mut self) -> Stories<'_> {
        Stories(self)
    }
}

impl Stories<'_> {
    /// Stores a new story with its first revision. The slug gets a numeric
    /// suffix when it is taken.
    pub async fn insert(&mut self, s: NewStory<'_>) -> Result<(String, String)> {
        let id = new_id();
        for attempt in 1..=50 {
            let slug = if attempt == 1 {
                s.slug.to_string()
            } else {
                format!("{}-{attempt}", s.slug)
            };
            // ON CONFLICT instead of catching the error: a failed statement
            // would end the whole transaction on PostgreSQL.
            if insert_story(self.0, &id, &slug, &s).await? {
                return Ok((id, slug));
            }
        }
        Err(StoreError::Corrupt(format!("no free slug for {}", s.slug)))
    }

    /// Stores many stories (the generator for large test databases). Slugs
    /// must be unique already.
    pub async fn insert_many(&mut self, stories: &[NewStory<'_>]) -> Result<()> {
        for s in stories {
            insert_story(self.0, &new_id(), s.slug, s).await?;
        }
        Ok(())
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<StoryRow>> {
        Ok(sqlx::query_as::<_, StoryRow>(&format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn published(&mut self, slug: &str) -> Result<Option<StoryRow>> {
        Ok(sqlx::query_as::<_, StoryRow>(&format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE slug = $1 AND status = {}",
            lit(StoryStatus::Gepubliceerd)
        ))
        .bind(slug)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn by_status_token(&mut self, token_hash: &str) -> Result<Option<StoryRow>> {
        Ok(sqlx::query_as::<_, StoryRow>(&format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE status_token = $1"
        ))
        .bind(token_hash)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Stories waiting for the editors, oldest submission first.
    pub async fn editor_queue(&mut self, limit: i64, offset: i64) -> Result<(Vec<StoryRow>, i64)> {
        let queue = lits(&StoryStatus::in_editor_queue_all());
        let rows = sqlx::query_as::<_, StoryRow>(&format!(
            "SELECT {STORY_COLUMNS} FROM stories \
             WHERE status IN ({queue}) \
             ORDER BY submitted_at, id LIMIT $1 OFFSET $2"
        ))
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *self.0)
        .await?;
        let total = sqlx::query_scalar::<_, i64>(&format!(
            "SELECT COUNT(*) FROM stories WHERE status IN ({queue})"
        ))
        .fetch_one(&mut *self.0)
        .await?;
        Ok((rows, total))
    }

    /// Everything by one status, newest change first (editors' other tabs).
    pub async fn with_status(
        &mut self,
        status: StoryStatus,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<StoryRow>, i64)> {
        let rows = sqlx::query_as::<_, StoryRow>(&format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE status = $1 \
             ORDER BY updated_at DESC, id LIMIT $2 OFFSET $3"
        ))
        .bind(status.as_str())
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *self.0)
        .await?;
        let total = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM stories WHERE status = $1")
            .bind(status.as_str())
            .fetch_one(&mut *self.0)
            .await?;
        Ok((rows, total))
    }

    pub async fn by_author(&mut self, user_id: &str) -> Result<Vec<StoryRow>> {
        Ok(sqlx::query_as::<_, StoryRow>(&format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE author_id = $1 ORDER BY created_at DESC LIMIT 200"
        ))
        .bind(user_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// A person's stories: written with their account or sent with their
    /// address (`email` '' matches nothing). For deleting an account.
    pub async fn of_person(&mut self, user_id: &str, email: &str) -> Result<Vec<StoryRow>> {
        Ok(sqlx::query_as::<_, StoryRow>(&format!(
            "SELECT {STORY_COLUMNS} FROM stories \
             WHERE author_id = $1 OR (contact_email = $2 AND $2 <> '')"
        ))
        .bind(user_id)
        .bind(email)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// Takes everything that names the teller out of a story (name,
    /// organisation, contact address, account); the story itself stays.
    pub async fn anonymise(&mut self, id: &str) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "UPDATE stories SET teller_name = '', teller_org = '', show_name = 0, show_org = 0, \
             contact_email = '', author_id = NULL, updated_at = $1 WHERE id = $2",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        // The letters between teller and editors are theirs, not the story's.
        sqlx::query("DELETE FROM story_messages WHERE story_id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        crate::outbox::record(self.0, ContentType::Story, id).await
    }

    /// Removes a story with its revisions, messages and computed parts
    /// (they go with it: ON DELETE CASCADE); the index drops it too. Its
    /// id and address stay a day in `story_tombstones` so every node can
    /// remove the rendered copy of its page; the stories that listed it
    /// as related are marked changed, so their pages drop the link.
    pub async fn delete(&mut self, id: &str) -> Result<()> {
        let Some(slug) = sqlx::query_scalar::<_, String>("SELECT slug FROM stories WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *self.0)
            .await?
        else {
            return Ok(());
        };
        let listing = self.0.story_pages().listing(id).await?;
        sqlx::query("DELETE FROM stories WHERE id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        let now = self.0.now();
        sqlx::query("INSERT INTO story_tombstones (id, slug, deleted_at) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(&slug)
            .bind(now)
            .execute(&mut *self.0)
            .await?;
        crate::outbox::record(self.0, ContentType::Story, id).await?;
        for other in listing {
            crate::outbox::record(self.0, ContentType::Story, &other).await?;
        }
        Ok(())
    }

    /// The addresses of deleted stories among `ids` (see `delete`).
    pub async fn deleted_slugs(&mut self, ids: &[String]) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for id in ids {
            if let Some(slug) =
                sqlx::query_scalar::<_, String>("SELECT slug FROM story_tombstones WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *self.0)
                    .await?
            {
                out.push(slug);
            }
        }
        Ok(out)
    }

    /// Forgets the addresses of stories deleted before `before`.
    pub async fn prune_tombstones(&mut self, before: i64) -> Result<()> {
        sqlx::query("DELETE FROM story_tombstones WHERE deleted_at < $1")
            .bind(before)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Replaces the text of a story and keeps the new version as a revision.
    pub async fn update_content(
        &mut self,
        id: &str,
        content: &StoryContent,
        editor_id: Option<&str>,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "UPDATE stories SET kind = $1, title = $2, summary = $3, context = $4, aim = $5, \
             approach = $6, what_differed = $7, lessons = $8, tips = $9, do_differently = $10, \
             themes = $11, sectors = $12, region = $13, updated_at = $14 WHERE id = $15",
        )
        .bind(&content.kind)
        .bind(&content.title)
        .bind(&content.summary)
        .bind(&content.context)
        .bind(&content.aim)
        .bind(&content.approach)
        .bind(&content.what_differed)
        .bind(lessons_json(&content.lessons))
        .bind(&content.tips)
        .bind(&content.do_differently)
        .bind(join_tags(&content.themes))
        .bind(join_tags(&content.sectors))
        .bind(&content.region)
        .bind(now)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        insert_revision(self.0, id, editor_id, content, now).await?;
        crate::outbox::record(self.0, ContentType::Story, id).await
    }

    /// Moves a story from `from` to `to`, only if it is still in `from`
    /// (so two editors acting at once cannot both win). Returns whether it moved.
    pub async fn set_status(
        &mut self,
        id: &str,
        from: StoryStatus,
        to: StoryStatus,
        reject_reason: Option<&str>,
    ) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(
            "UPDATE stories SET status = $1, updated_at = $2, \
             published_at = CASE WHEN $6 = 1 THEN COALESCE(published_at, $2) ELSE published_at END, \
             submitted_at = CASE WHEN $7 = 1 THEN $2 ELSE submitted_at END, \
             reject_reason = COALESCE($3, reject_reason) \
             WHERE id = $4 AND status = $5",
        )
        .bind(to.as_str())
        .bind(now)
        .bind(reject_reason)
        .bind(id)
        .bind(from.as_str())
        .bind(flag(to == StoryStatus::Gepubliceerd))
        .bind(flag(to == StoryStatus::Ingediend))
        .execute(&mut *self.0)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        crate::outbox::record(self.0, ContentType::Story, id).await?;
        Ok(true)
    }

    pub async fn add_message(
        &mut self,
        story_id: &str,
        author: MessageAuthor,
        body: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO story_messages (id, story_id, author, body, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(story_id)
        .bind(author.as_str())
        .bind(body)
        .bind(self.0.now())
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    pub async fn messages(&mut self, story_id: &str) -> Result<Vec<MessageRow>> {
        Ok(sqlx::query_as::<_, MessageRow>(
            "SELECT id, author, body, created_at FROM story_messages \
             WHERE story_id = $1 ORDER BY created_at, id LIMIT 500",
        )
        .bind(story_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn revisions(&mut self, story_id: &str) -> Result<Vec<RevisionRow>> {
        Ok(sqlx::query_as::<_, RevisionRow>(
            "SELECT r.id, u.name AS editor_name, r.created_at, r.content \
             FROM story_revisions r LEFT JOIN users u ON u.id = r.editor_id \
             WHERE r.story_id = $1 ORDER BY r.created_at DESC, r.id LIMIT 200",
        )
        .bind(story_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// (slug, updated_at) of published stories, by slug: for the sitemap.
    pub async fn published_slugs(&mut self, limit: i64, offset: i64) -> Result<Vec<(String, i64)>> {
        Ok(sqlx::query_as::<_, (String, i64)>(
            &format!("SELECT slug, updated_at FROM stories WHERE status = {} ORDER BY slug LIMIT $1 OFFSET $2", lit(StoryStatus::Gepubliceerd)),
        )
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn count_published(&mut self) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>(&format!(
            "SELECT COUNT(*) FROM stories WHERE status = {}",
            lit(StoryStatus::Gepubliceerd)
        ))
        .fetch_one(&mut *self.0)
        .await?)
    }

    /// Removes tellers' contact addresses from stories published, archived
    /// or rejected before `before` (retention). Returns how many.
    pub async fn forget_contacts(&mut self, before: i64) -> Result<u64> {
        let done = sqlx::query(&format!(
            "UPDATE stories SET contact_email = '' WHERE contact_email <> '' AND \
             ((status = {} AND published_at < $1) OR (status IN ({}) AND updated_at < $1))",
            lit(StoryStatus::Gepubliceerd),
            lits(&[StoryStatus::Gearchiveerd, StoryStatus::Afgewezen])
        ))
        .bind(before)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected())
    }

    /// When the newest published story was published.
    pub async fn last_published_at(&mut self) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar::<_, Option<i64>>(&format!(
            "SELECT MAX(published_at) FROM stories WHERE status = {}",
            lit(StoryStatus::Gepubliceerd)
        ))
        .fetch_one(&mut *self.0)
        .await?)
    }

    /// The titles of those of these stories that are published, by slug,
    /// in one query: (slug, title), in no particular order.
    pub async fn published_titles(&mut self, slugs: &[String]) -> Result<Vec<(String, String)>> {
        if slugs.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT slug, title FROM stories WHERE status = {} AND slug IN ({})",
            lit(StoryStatus::Gepubliceerd),
            crate::db::in_list(slugs.len())
        );
        let mut q = sqlx::query_as::<_, (String, String)>(&sql);
        for slug in slugs {
            q = q.bind(slug);
        }
        Ok(q.fetch_all(&mut *self.0).await?)
    }

    /// Stories by id, in one query (the indexer's batch).
    pub async fn by_ids(&mut self, ids: &[String]) -> Result<Vec<StoryRow>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE id IN ({})",
            crate::db::in_list(ids.len())
        );
        let mut q = sqlx::query_as::<_, StoryRow>(&sql);
        for id in ids {
            q = q.bind(id);
        }
        Ok(q.fetch_all(&mut *self.0).await?)
    }

    /// Published stories in id order after `after_id`: a full rebuild walks
    /// them batch by batch without holding them all in memory.
    pub async fn published_after(&mut self, after_id: &str, limit: i64) -> Result<Vec<StoryRow>> {
        Ok(sqlx::query_as::<_, StoryRow>(&format!(
            "SELECT {STORY_COLUMNS} FROM stories WHERE status = {} AND id > $1 ORDER BY id LIMIT $2",
            lit(StoryStatus::Gepubliceerd)
        ))
        .bind(after_id)
        .bind(limit)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn count(&mut self) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM stories")
            .fetch_one(&mut *self.0)
            .await?)
    }
}

/// Inserts one story with its first revision and outbox row; false when
/// the slug is taken.
async fn insert_story(conn: &mut Conn, id: &str, slug: &str, s: &NewStory<'_>) -> Result<bool> {
    let now = conn.now();
    let c = s.content;
    let inserted = sqlx::query(&format!(
        "INSERT INTO stories (id, slug, status, kind, title, summary, context, aim, approach, \
         what_differed, lessons, tips, do_differently, themes, sectors, region, teller_name, \
         teller_org, show_name, show_org, contact_email, no_client_info, consent_at, lang, \
         author_id, status_token, created_at, updated_at, submitted_at, published_at) \
         VALUES ({}) ON CONFLICT (slug) DO NOTHING",
        (1..=30)
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .bind(id)
    .bind(slug)
    .bind(s.status.as_str())
    .bind(&c.kind)
    .bind(&c.title)
    .bind(&c.summary)
    .bind(&c.context)
    .bind(&c.aim)
    .bind(&c.approach)
    .bind(&c.what_differed)
    .bind(lessons_json(&c.lessons))
    .bind(&c.tips)
    .bind(&c.do_differently)
    .bind(join_tags(&c.themes))
    .bind(join_tags(&c.sectors))
    .bind(&c.region)
    .bind(&s.teller.name)
    .bind(&s.teller.organisation)
    .bind(flag(s.teller.show_name))
    .bind(flag(s.teller.show_organisation))
    .bind(&s.teller.contact_email)
    .bind(flag(s.no_client_info))
    .bind(now)
    .bind(s.lang.as_str())
    .bind(s.author_id)
    .bind(s.status_token)
    .bind(now)
    .bind(now)
    .bind((s.status != StoryStatus::Concept).then_some(now))
    .bind(s.published_at)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    if inserted {
        insert_revision(conn, id, None, c, now).await?;
        crate::outbox::record(conn, ContentType::Story, id).await?;
    }
    Ok(inserted)
}

async fn insert_revision(
    conn: &mut Conn,
    story_id: &str,
    editor_id: Option<&str>,
    content: &StoryContent,
    now: i64,
) -> Result<()> {
    let json = serde_json::to_string(content)
        .map_err(|e| StoreError::Corrupt(format!("revision json: {e}")))?;
    sqlx::query(
        "INSERT INTO story_revisions (id, story_id, editor_id, created_at, content) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(story_id)
    .bind(editor_id)
    .bind(now)
    .bind(json)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
