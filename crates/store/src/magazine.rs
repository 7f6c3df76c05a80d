//! Magazine issues and where their articles (stories) stand in them. The
//! article rows are written whole on every change (an issue has at most
//! forty); the stories themselves are the stories' queries' business.

use sqlx::FromRow;
use vooruit_domain::content_type::ContentType;
use vooruit_domain::magazine::{ArticleRef, Issue, IssueInput, IssuePdf};
use vooruit_domain::publication::PublicationStatus;
use vooruit_domain::story::StoryStatus;

use crate::db::lit;
use crate::publishable::Publishable;
use crate::{Conn, Result};

const TABLE: Publishable = Publishable {
    table: "magazine_issues",
    doc: ContentType::Issue,
};
#[derive(Debug, Clone, FromRow)]
struct IssueRow {
    id: String,
    slug: String,
    name: String,
    number: i64,
    issue_date: String,
    theme: String,
    foreword: String,
    colophon: String,
    sections: String,
    pdf_key: String,
    pdf_size: i64,
    pdf_pages: i64,
    #[sqlx(try_from = "String")]
    status: PublicationStatus,
    created_at: i64,
    updated_at: i64,
    published_at: Option<i64>,
}

#[derive(Debug, Clone, FromRow)]
struct ArticleRow {
    issue_id: String,
    story_id: String,
    section: i64,
    ready: i64,
}

impl IssueRow {
    fn with_articles(self, articles: &[ArticleRow]) -> Issue {
        Issue {
            articles: articles
                .iter()
                .filter(|a| a.issue_id == self.id)
                .map(|a| ArticleRef {
                    story_id: a.story_id.clone(),
                    section: usize::try_from(a.section).unwrap_or(0),
                    ready: a.ready != 0,
                })
                .collect(),
            sections: self
                .sections
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            pdf: (!self.pdf_key.is_empty()).then(|| IssuePdf {
                key: self.pdf_key.clone(),
                size: self.pdf_size,
                pages: i32::try_from(self.pdf_pages).unwrap_or(i32::MAX),
            }),
            id: self.id,
            slug: self.slug,
            name: self.name,
            number: i32::try_from(self.number).unwrap_or(i32::MAX),
            date: self.issue_date,
            theme: self.theme,
            foreword: self.foreword,
            colophon: self.colophon,
            status: self.status,
            created_at: self.created_at,
            updated_at: self.updated_at,
            published_at: self.published_at,
        }
    }
}

const COLUMNS: &str = "id, slug, name, number, issue_date, theme, foreword, colophon, sections, \
    pdf_key, pdf_size, pdf_pages, status, created_at, updated_at, published_at";

/// A published issue an article belongs to, for the link back.
#[derive(Debug, Clone, FromRow)]
pub struct IssueLink {
    pub slug: String,
    pub name: String,
    pub number: i64,
}

/// A story an editor can put in an issue.
#[derive(Debug, Clone, FromRow)]
pub struct Candidate {
    pub id: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub status: StoryStatus,
}

/// Issues: `conn.magazine()`.
pub struct MagazineQueries<'c>(&'c mut Conn);

impl Conn {
    pub fn magazine(&mut self) -> MagazineQueries<'_> {
        MagazineQueries(self)
    }
}

impl MagazineQueries<'_> {
    /// Issues with their articles, for `sql` (which selects `COLUMNS`).
    async fn load(&mut self, sql: &str, binds: &[&str], ints: &[i64]) -> Result<Vec<Issue>> {
        let mut q = sqlx::query_as::<_, IssueRow>(sql);
        for b in binds {
            q = q.bind(*b);
        }
        for i in ints {
            q = q.bind(*i);
        }
        let rows = q.fetch_all(&mut *self.0).await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let articles_sql = format!(
            "SELECT issue_id, story_id, section, ready FROM magazine_articles \
             WHERE issue_id IN ({}) ORDER BY issue_id, position",
            crate::db::in_list(rows.len())
        );
        let mut q = sqlx::query_as::<_, ArticleRow>(&articles_sql);
        for r in &rows {
            q = q.bind(&r.id);
        }
        let articles = q.fetch_all(&mut *self.0).await?;
        Ok(rows
            .into_iter()
            .map(|r| r.with_articles(&articles))
            .collect())
    }

    /// Every issue, highest number first (editors).
    pub async fn all(&mut self) -> Result<Vec<Issue>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM magazine_issues ORDER BY issue_date DESC, number DESC, id"
        );
        self.load(&sql, &[], &[]).await
    }

    /// The published ones, newest issue first.
    pub async fn published(&mut self, limit: i64, offset: i64) -> Result<Vec<Issue>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM magazine_issues WHERE status = {} \
             ORDER BY issue_date DESC, number DESC, id LIMIT $1 OFFSET $2",
            lit(PublicationStatus::Published)
        );
        self.load(&sql, &[], &[limit, offset]).await
    }

    pub async fn count_published(&mut self) -> Result<i64> {
        TABLE.count_published(self.0).await
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<Issue>> {
        let sql = format!("SELECT {COLUMNS} FROM magazine_issues WHERE id = $1");
        Ok(self.load(&sql, &[id], &[]).await?.pop())
    }

    pub async fn by_slug(&mut self, slug: &str) -> Result<Option<Issue>> {
        let sql = format!("SELECT {COLUMNS} FROM magazine_issues WHERE slug = $1");
        Ok(self.load(&sql, &[slug], &[]).await?.pop())
    }

    /// These issues (any status), for the index.
    pub async fn by_ids(&mut self, ids: &[String]) -> Result<Vec<Issue>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM magazine_issues WHERE id IN ({})",
            crate::db::in_list(ids.len())
        );
        let binds: Vec<&str> = ids.iter().map(String::as_str).collect();
        self.load(&sql, &binds, &[]).await
    }

    /// `base`, or `base-2`, `base-3` ... the first no row has.
    pub async fn free_slug(&mut self, base: &str) -> Result<String> {
        TABLE.free_slug(self.0, base).await
    }

    /// Whether another issue of this magazine has this number.
    pub async fn number_taken(&mut self, name: &str, number: i32, except: &str) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM magazine_issues WHERE name = $1 AND number = $2 AND id <> $3",
        )
        .bind(name)
        .bind(i64::from(number))
        .bind(except)
        .fetch_one(&mut *self.0)
        .await?;
        Ok(n > 0)
    }

    /// The issue (id) each of these stories is in, if any.
    pub async fn issues_of(&mut self, story_ids: &[String]) -> Result<Vec<(String, String)>> {
        if story_ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT story_id, issue_id FROM magazine_articles WHERE story_id IN ({})",
            crate::db::in_list(story_ids.len())
        );
        let mut q = sqlx::query_as::<_, (String, String)>(&sql);
        for id in story_ids {
            q = q.bind(id);
        }
        Ok(q.fetch_all(&mut *self.0).await?)
    }

    /// The stories an editor can choose for this issue: those in no other
    /// issue that are being edited or online, last changed first.
    pub async fn candidates(&mut self, issue_id: &str, limit: i64) -> Result<Vec<Candidate>> {
        let statuses = crate::db::lits(&[
            StoryStatus::Ingediend,
            StoryStatus::InRedactie,
            StoryStatus::VraagAanVerteller,
            StoryStatus::Gepubliceerd,
        ]);
        let sql = format!(
            "SELECT s.id, s.title, s.status FROM stories s \
             LEFT JOIN magazine_articles a ON a.story_id = s.id \
             WHERE (a.story_id IS NULL OR a.issue_id = $1) AND s.status IN ({statuses}) \
             ORDER BY s.updated_at DESC, s.id LIMIT $2"
        );
        Ok(sqlx::query_as::<_, Candidate>(&sql)
            .bind(issue_id)
            .bind(limit)
            .fetch_all(&mut *self.0)
            .await?)
    }

    /// The published issue a story is in, for the link on its page.
    pub async fn published_issue_of(&mut self, story_id: &str) -> Result<Option<IssueLink>> {
        let sql = format!(
            "SELECT i.slug, i.name, i.number FROM magazine_articles a \
             JOIN magazine_issues i ON i.id = a.issue_id \
             WHERE a.story_id = $1 AND i.status = {}",
            lit(PublicationStatus::Published)
        );
        Ok(sqlx::query_as::<_, IssueLink>(&sql)
            .bind(story_id)
            .fetch_optional(&mut *self.0)
            .await?)
    }

    /// A new draft with its articles.
    pub async fn insert(
        &mut self,
        id: &str,
        slug: &str,
        input: &IssueInput,
        pdf: Option<&IssuePdf>,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO magazine_issues (id, slug, name, number, issue_date, theme, foreword, \
             colophon, sections, pdf_key, pdf_size, pdf_pages, status, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)",
        )
        .bind(id)
        .bind(slug)
        .bind(input.name.trim())
        .bind(i64::from(input.number().unwrap_or(1)))
        .bind(input.date.trim())
        .bind(input.theme.trim())
        .bind(input.foreword.trim())
        .bind(input.colophon.trim())
        .bind(input.section_titles().join("\n"))
        .bind(pdf.map_or("", |p| p.key.as_str()))
        .bind(pdf.map_or(0, |p| p.size))
        .bind(pdf.map_or(0, |p| i64::from(p.pages)))
        .bind(PublicationStatus::Draft.as_str())
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        self.write_articles(id, &input.article_refs()).await
    }

    /// Changes an issue and its articles; `pdf` is what it has from now on.
    pub async fn update(
        &mut self,
        id: &str,
        input: &IssueInput,
        pdf: Option<&IssuePdf>,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "UPDATE magazine_issues SET name = $1, number = $2, issue_date = $3, theme = $4, \
             foreword = $5, colophon = $6, sections = $7, pdf_key = $8, pdf_size = $9, \
             pdf_pages = $10, updated_at = $11 WHERE id = $12",
        )
        .bind(input.name.trim())
        .bind(i64::from(input.number().unwrap_or(1)))
        .bind(input.date.trim())
        .bind(input.theme.trim())
        .bind(input.foreword.trim())
        .bind(input.colophon.trim())
        .bind(input.section_titles().join("\n"))
        .bind(pdf.map_or("", |p| p.key.as_str()))
        .bind(pdf.map_or(0, |p| p.size))
        .bind(pdf.map_or(0, |p| i64::from(p.pages)))
        .bind(now)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        // Stories that leave the issue lose their link back.
        self.touch_articles(id).await?;
        sqlx::query("DELETE FROM magazine_articles WHERE issue_id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        self.write_articles(id, &input.article_refs()).await?;
        self.touch_articles(id).await?;
        crate::outbox::record(self.0, ContentType::Issue, id).await
    }

    /// Marks the issue's stories changed, so their pages (which link to
    /// the issue when it is published) are rendered again.
    async fn touch_articles(&mut self, id: &str) -> Result<()> {
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT story_id FROM magazine_articles WHERE issue_id = $1")
                .bind(id)
                .fetch_all(&mut *self.0)
                .await?;
        for story in &ids {
            crate::outbox::record(self.0, ContentType::Story, story).await?;
        }
        Ok(())
    }

    /// Adds one article at the end of a section (a new story written for
    /// the issue).
    pub async fn add_article(&mut self, id: &str, story_id: &str, section: usize) -> Result<()> {
        sqlx::query(
            "INSERT INTO magazine_articles (story_id, issue_id, section, position, ready) \
             SELECT $1, $2, $3, COALESCE(MAX(position), -1) + 1, 0 \
             FROM magazine_articles WHERE issue_id = $2",
        )
        .bind(story_id)
        .bind(id)
        .bind(i64::try_from(section).unwrap_or(0))
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn write_articles(&mut self, id: &str, articles: &[ArticleRef]) -> Result<()> {
        for (n, a) in articles.iter().enumerate() {
            sqlx::query(
                "INSERT INTO magazine_articles (story_id, issue_id, section, position, ready) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&a.story_id)
            .bind(id)
            .bind(i64::try_from(a.section).unwrap_or(0))
            .bind(i64::try_from(n).unwrap_or(i64::MAX))
            .bind(i64::from(a.ready))
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }

    /// Moves to `status` (see `Publishable::set_status`).
    pub async fn set_status(&mut self, id: &str, status: PublicationStatus) -> Result<()> {
        self.touch_articles(id).await?;
        TABLE.set_status(self.0, id, status).await
    }

    /// Removes the issue (its stories stay); its PDF becomes pending (the
    /// caller removes it after the commit, or the sweeper does).
    pub async fn delete(&mut self, id: &str) -> Result<Option<Issue>> {
        let Some(issue) = self.by_id(id).await? else {
            return Ok(None);
        };
        self.touch_articles(id).await?;
        sqlx::query("DELETE FROM magazine_articles WHERE issue_id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        sqlx::query("DELETE FROM magazine_issues WHERE id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        if let Some(pdf) = &issue.pdf {
            self.0.pending_files().add(&pdf.key).await?;
        }
        crate::outbox::record(self.0, ContentType::Issue, id).await?;
        Ok(Some(issue))
    }
}
