//! Publications, and the files being put into storage (`pending_files`):
//! a file's key is recorded before its upload and forgotten in the same
//! transaction that stores the row referring to it, so what a crash leaves
//! behind is known and swept.

use sqlx::FromRow;
use vooruit_domain::content_type::ContentType;
use vooruit_domain::publication::{Cover, Publication, PublicationInput, PublicationStatus};
use vooruit_domain::taxonomy::split_list;

use crate::db::lit;
use crate::publishable::Publishable;
use crate::{Conn, Result};

const TABLE: Publishable = Publishable {
    table: "publications",
    doc: ContentType::Publication,
};
#[derive(Debug, Clone, FromRow)]
struct PublicationRow {
    id: String,
    slug: String,
    title: String,
    publisher: String,
    year: i32,
    summary: String,
    themes: String,
    sectors: String,
    #[sqlx(try_from = "String")]
    status: PublicationStatus,
    file_key: String,
    file_size: i64,
    page_count: i32,
    cover_key: String,
    cover_width: i32,
    cover_height: i32,
    cover_alt: String,
    original_cover_key: String,
    created_at: i64,
    updated_at: i64,
    published_at: Option<i64>,
}

impl From<PublicationRow> for Publication {
    fn from(r: PublicationRow) -> Publication {
        Publication {
            id: r.id,
            slug: r.slug,
            title: r.title,
            publisher: r.publisher,
            year: r.year,
            summary: r.summary,
            themes: split_list(&r.themes),
            sectors: split_list(&r.sectors),
            status: r.status,
            file_key: r.file_key,
            file_size: r.file_size,
            page_count: r.page_count,
            cover: (!r.cover_key.is_empty()).then_some(Cover {
                key: r.cover_key,
                width: r.cover_width,
                height: r.cover_height,
                alt: r.cover_alt,
                uploaded: !r.original_cover_key.is_empty(),
            }),
            created_at: r.created_at,
            updated_at: r.updated_at,
            published_at: r.published_at,
        }
    }
}

const COLUMNS: &str = "id, slug, title, publisher, year, summary, themes, sectors, status, \
    file_key, file_size, page_count, cover_key, cover_width, cover_height, cover_alt, \
    original_cover_key, created_at, updated_at, published_at";

/// The stored file of a new publication.
pub struct StoredPdf<'a> {
    pub key: &'a str,
    pub size: i64,
    pub pages: i32,
    /// The text of the PDF, for search.
    pub text: &'a str,
    pub cover: Option<StoredCover<'a>>,
}

/// The stored cover of a new publication.
pub struct StoredCover<'a> {
    pub key: &'a str,
    pub width: i32,
    pub height: i32,
    pub alt: &'a str,
    /// The picture as uploaded; empty for a drawing of the first page.
    pub original_key: &'a str,
}

/// Publications: `conn.publications()`.
pub struct PublicationQueries<'c>(&'c mut Conn);

impl Conn {
    pub fn publications(&mut self) -> PublicationQueries<'_> {
        PublicationQueries(self)
    }
}

impl PublicationQueries<'_> {
    /// Every publication, newest first (editors).
    pub async fn all(&mut self) -> Result<Vec<Publication>> {
        let sql = format!("SELECT {COLUMNS} FROM publications ORDER BY created_at DESC, id");
        let rows = sqlx::query_as::<_, PublicationRow>(&sql)
            .fetch_all(&mut *self.0)
            .await?;
        Ok(rows.into_iter().map(Publication::from).collect())
    }

    /// The published ones, newest year first, then last published.
    pub async fn published(&mut self, limit: i64, offset: i64) -> Result<Vec<Publication>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM publications WHERE status = {} \
             ORDER BY year DESC, published_at DESC, id LIMIT $1 OFFSET $2",
            lit(PublicationStatus::Published)
        );
        let rows = sqlx::query_as::<_, PublicationRow>(&sql)
            .bind(limit)
            .bind(offset)
            .fetch_all(&mut *self.0)
            .await?;
        Ok(rows.into_iter().map(Publication::from).collect())
    }

    /// The last published, newest first (feeds, newsletter suggestions).
    pub async fn newest(&mut self, limit: i64) -> Result<Vec<Publication>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM publications WHERE status = {} \
             ORDER BY published_at DESC, id LIMIT $1",
            lit(PublicationStatus::Published)
        );
        let rows = sqlx::query_as::<_, PublicationRow>(&sql)
            .bind(limit)
            .fetch_all(&mut *self.0)
            .await?;
        Ok(rows.into_iter().map(Publication::from).collect())
    }

    pub async fn count_published(&mut self) -> Result<i64> {
        TABLE.count_published(self.0).await
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<Publication>> {
        self.one("id", id).await
    }

    pub async fn by_slug(&mut self, slug: &str) -> Result<Option<Publication>> {
        self.one("slug", slug).await
    }

    async fn one(&mut self, column: &str, value: &str) -> Result<Option<Publication>> {
        let sql = format!("SELECT {COLUMNS} FROM publications WHERE {column} = $1");
        let row = sqlx::query_as::<_, PublicationRow>(&sql)
            .bind(value)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(row.map(Publication::from))
    }

    /// The text of the publication's PDF, as read at upload.
    pub async fn text(&mut self, id: &str) -> Result<String> {
        Ok(
            sqlx::query_scalar::<_, String>("SELECT text FROM publications WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *self.0)
                .await?
                .unwrap_or_default(),
        )
    }

    /// These publications (any status), for the index.
    pub async fn by_ids(&mut self, ids: &[String]) -> Result<Vec<Publication>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM publications WHERE id IN ({})",
            crate::db::in_list(ids.len())
        );
        let mut q = sqlx::query_as::<_, PublicationRow>(&sql);
        for id in ids {
            q = q.bind(id);
        }
        let rows = q.fetch_all(&mut *self.0).await?;
        Ok(rows.into_iter().map(Publication::from).collect())
    }

    /// `base`, or `base-2`, `base-3` ... the first no row has.
    pub async fn free_slug(&mut self, base: &str) -> Result<String> {
        TABLE.free_slug(self.0, base).await
    }

    /// A new draft with its stored file; the file is no longer pending.
    pub async fn insert(
        &mut self,
        id: &str,
        slug: &str,
        input: &PublicationInput,
        year: i32,
        file: StoredPdf<'_>,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO publications (id, slug, title, publisher, year, summary, themes, sectors, \
             status, file_key, file_size, page_count, text, cover_key, cover_width, cover_height, \
             cover_alt, original_cover_key, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
             $19, $19)",
        )
        .bind(id)
        .bind(slug)
        .bind(input.title.trim())
        .bind(input.publisher.trim())
        .bind(year)
        .bind(input.summary.trim())
        .bind(input.themes.join(","))
        .bind(input.sectors.join(","))
        .bind(PublicationStatus::Draft.as_str())
        .bind(file.key)
        .bind(file.size)
        .bind(file.pages)
        .bind(file.text)
        .bind(file.cover.as_ref().map_or("", |c| c.key))
        .bind(file.cover.as_ref().map_or(0, |c| c.width))
        .bind(file.cover.as_ref().map_or(0, |c| c.height))
        .bind(file.cover.as_ref().map_or("", |c| c.alt.trim()))
        .bind(file.cover.as_ref().map_or("", |c| c.original_key))
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        self.0.pending_files().forget(file.key).await?;
        if let Some(c) = &file.cover {
            for key in [c.key, c.original_key] {
                self.0.pending_files().forget(key).await?;
            }
        }
        Ok(())
    }

    /// Changes what is said about a publication (not its file or slug).
    pub async fn update(&mut self, id: &str, input: &PublicationInput, year: i32) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "UPDATE publications SET title = $1, publisher = $2, year = $3, summary = $4, \
             themes = $5, sectors = $6, updated_at = $7, \
             cover_alt = CASE WHEN original_cover_key = '' THEN cover_alt ELSE $9 END WHERE id = $8",
        )
        .bind(input.title.trim())
        .bind(input.publisher.trim())
        .bind(year)
        .bind(input.summary.trim())
        .bind(input.themes.join(","))
        .bind(input.sectors.join(","))
        .bind(now)
        .bind(id)
        .bind(input.cover_alt.trim())
        .execute(&mut *self.0)
        .await?;
        crate::outbox::record(self.0, ContentType::Publication, id).await
    }

    /// Moves to `status` (see `Publishable::set_status`).
    pub async fn set_status(&mut self, id: &str, status: PublicationStatus) -> Result<()> {
        TABLE.set_status(self.0, id, status).await
    }

    /// Removes the row; its files (the PDF, the cover) become pending (the
    /// caller removes them from storage after the commit, or the sweeper
    /// does). Returns their keys.
    pub async fn delete(&mut self, id: &str) -> Result<Option<Vec<String>>> {
        let Some(p) = self.by_id(id).await? else {
            return Ok(None);
        };
        let original = if p.cover.as_ref().is_some_and(|c| c.uploaded) {
            sqlx::query_scalar("SELECT original_cover_key FROM publications WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *self.0)
                .await?
        } else {
            String::new()
        };
        sqlx::query("DELETE FROM publications WHERE id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        let mut keys = vec![p.file_key];
        keys.extend(p.cover.map(|c| c.key));
        keys.push(original);
        keys.retain(|k| !k.is_empty());
        for key in &keys {
            self.0.pending_files().add(key).await?;
        }
        crate::outbox::record(self.0, ContentType::Publication, id).await?;
        Ok(Some(keys))
    }
}

/// Files on their way into (or out of) storage: `conn.pending_files()`.
pub struct PendingFiles<'c>(&'c mut Conn);

impl Conn {
    pub fn pending_files(&mut self) -> PendingFiles<'_> {
        PendingFiles(self)
    }
}

impl PendingFiles<'_> {
    pub async fn add(&mut self, key: &str) -> Result<()> {
        let now = self.0.now();
        sqlx::query("INSERT INTO pending_files (file_key, created_at) VALUES ($1, $2)")
            .bind(key)
            .bind(now)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    pub async fn forget(&mut self, key: &str) -> Result<()> {
        sqlx::query("DELETE FROM pending_files WHERE file_key = $1")
            .bind(key)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Keys pending since before `before` (unix ms).
    pub async fn older_than(&mut self, before: i64) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar::<_, String>(
            "SELECT file_key FROM pending_files WHERE created_at < $1 ORDER BY file_key",
        )
        .bind(before)
        .fetch_all(&mut *self.0)
        .await?)
    }
}
