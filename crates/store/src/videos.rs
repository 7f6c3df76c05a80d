//! Videos. An uploaded video's file and poster are recorded as pending
//! before their upload and stop being pending in the transaction that
//! stores the row (as publications' files do).

use sqlx::FromRow;
use vooruit_domain::content_type::ContentType;
use vooruit_domain::publication::PublicationStatus;
use vooruit_domain::video::{Platform, Video, VideoFormat, VideoInput, VideoSource, parse_embed};

use crate::db::lit;
use crate::publishable::Publishable;
use crate::{Conn, Result};

const TABLE: Publishable = Publishable {
    table: "videos",
    doc: ContentType::Video,
};
#[derive(Debug, Clone, FromRow)]
struct VideoRow {
    id: String,
    slug: String,
    title: String,
    description: String,
    transcript: String,
    captions_nl: String,
    captions_en: String,
    #[sqlx(try_from = "String")]
    status: PublicationStatus,
    file_key: String,
    file_size: i64,
    file_format: String,
    duration_ms: i64,
    poster_key: String,
    poster_width: i32,
    poster_height: i32,
    platform: String,
    platform_id: String,
    created_at: i64,
    updated_at: i64,
    published_at: Option<i64>,
}

impl From<VideoRow> for Video {
    fn from(r: VideoRow) -> Video {
        let source = match Platform::parse(&r.platform) {
            Some(platform) => VideoSource::Embed {
                platform,
                id: r.platform_id,
            },
            None => VideoSource::File {
                key: r.file_key,
                size: r.file_size,
                format: VideoFormat::parse(&r.file_format).unwrap_or(VideoFormat::Mp4),
                duration_ms: r.duration_ms,
                poster_key: r.poster_key,
                poster_width: r.poster_width,
                poster_height: r.poster_height,
            },
        };
        Video {
            id: r.id,
            slug: r.slug,
            title: r.title,
            description: r.description,
            transcript: r.transcript,
            captions_nl: r.captions_nl,
            captions_en: r.captions_en,
            source,
            status: r.status,
            created_at: r.created_at,
            updated_at: r.updated_at,
            published_at: r.published_at,
        }
    }
}

const COLUMNS: &str = "id, slug, title, description, transcript, captions_nl, captions_en, \
    status, file_key, file_size, file_format, duration_ms, poster_key, poster_width, \
    poster_height, platform, platform_id, created_at, updated_at, published_at";

/// The stored file of a new uploaded video.
pub struct StoredVideo<'a> {
    pub key: &'a str,
    pub size: i64,
    pub format: VideoFormat,
    pub duration_ms: i64,
    pub poster_key: &'a str,
    pub poster_width: i32,
    pub poster_height: i32,
}

/// Videos: `conn.videos()`.
pub struct VideoQueries<'c>(&'c mut Conn);

impl Conn {
    pub fn videos(&mut self) -> VideoQueries<'_> {
        VideoQueries(self)
    }
}

impl VideoQueries<'_> {
    /// Every video, newest first (editors).
    pub async fn all(&mut self) -> Result<Vec<Video>> {
        let sql = format!("SELECT {COLUMNS} FROM videos ORDER BY created_at DESC, id");
        let rows = sqlx::query_as::<_, VideoRow>(&sql)
            .fetch_all(&mut *self.0)
            .await?;
        Ok(rows.into_iter().map(Video::from).collect())
    }

    /// The published ones, last published first.
    pub async fn published(&mut self, limit: i64, offset: i64) -> Result<Vec<Video>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM videos WHERE status = {} \
             ORDER BY published_at DESC, id LIMIT $1 OFFSET $2",
            lit(PublicationStatus::Published)
        );
        let rows = sqlx::query_as::<_, VideoRow>(&sql)
            .bind(limit)
            .bind(offset)
            .fetch_all(&mut *self.0)
            .await?;
        Ok(rows.into_iter().map(Video::from).collect())
    }

    pub async fn count_published(&mut self) -> Result<i64> {
        TABLE.count_published(self.0).await
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<Video>> {
        self.one("id", id).await
    }

    pub async fn by_slug(&mut self, slug: &str) -> Result<Option<Video>> {
        self.one("slug", slug).await
    }

    async fn one(&mut self, column: &str, value: &str) -> Result<Option<Video>> {
        let sql = format!("SELECT {COLUMNS} FROM videos WHERE {column} = $1");
        let row = sqlx::query_as::<_, VideoRow>(&sql)
            .bind(value)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(row.map(Video::from))
    }

    /// These videos (any status), for the index.
    pub async fn by_ids(&mut self, ids: &[String]) -> Result<Vec<Video>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM videos WHERE id IN ({})",
            crate::db::in_list(ids.len())
        );
        let mut q = sqlx::query_as::<_, VideoRow>(&sql);
        for id in ids {
            q = q.bind(id);
        }
        let rows = q.fetch_all(&mut *self.0).await?;
        Ok(rows.into_iter().map(Video::from).collect())
    }

    /// `base`, or `base-2`, `base-3` ... the first no row has.
    pub async fn free_slug(&mut self, base: &str) -> Result<String> {
        TABLE.free_slug(self.0, base).await
    }

    /// A new draft: with its stored file (no longer pending), or shown
    /// from the platform its link names.
    pub async fn insert(
        &mut self,
        id: &str,
        slug: &str,
        input: &VideoInput,
        file: Option<StoredVideo<'_>>,
    ) -> Result<()> {
        let now = self.0.now();
        let (platform, platform_id) = match (&file, parse_embed(&input.embed_url)) {
            (None, Some((p, id))) => (p.as_str(), id),
            _ => ("", String::new()),
        };
        sqlx::query(
            "INSERT INTO videos (id, slug, title, description, transcript, captions_nl, \
             captions_en, status, file_key, file_size, file_format, duration_ms, poster_key, \
             poster_width, poster_height, platform, platform_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
             $18, $18)",
        )
        .bind(id)
        .bind(slug)
        .bind(input.title.trim())
        .bind(input.description.trim())
        .bind(input.transcript.trim())
        .bind(input.captions_nl.trim())
        .bind(input.captions_en.trim())
        .bind(PublicationStatus::Draft.as_str())
        .bind(file.as_ref().map_or("", |f| f.key))
        .bind(file.as_ref().map_or(0, |f| f.size))
        .bind(file.as_ref().map_or("", |f| f.format.as_str()))
        .bind(file.as_ref().map_or(0, |f| f.duration_ms))
        .bind(file.as_ref().map_or("", |f| f.poster_key))
        .bind(file.as_ref().map_or(0, |f| f.poster_width))
        .bind(file.as_ref().map_or(0, |f| f.poster_height))
        .bind(platform)
        .bind(platform_id)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        if let Some(f) = &file {
            for key in [f.key, f.poster_key] {
                self.0.pending_files().forget(key).await?;
            }
        }
        Ok(())
    }

    /// Changes what is said about a video and its captions; for one on a
    /// platform, also its link.
    pub async fn update(&mut self, id: &str, input: &VideoInput) -> Result<()> {
        let now = self.0.now();
        let (platform, platform_id) = parse_embed(&input.embed_url)
            .map(|(p, id)| (p.as_str(), id))
            .unwrap_or_default();
        sqlx::query(
            "UPDATE videos SET title = $1, description = $2, transcript = $3, captions_nl = $4, \
             captions_en = $5, updated_at = $6, \
             platform = CASE WHEN platform = '' THEN '' ELSE $7 END, \
             platform_id = CASE WHEN platform = '' THEN '' ELSE $8 END WHERE id = $9",
        )
        .bind(input.title.trim())
        .bind(input.description.trim())
        .bind(input.transcript.trim())
        .bind(input.captions_nl.trim())
        .bind(input.captions_en.trim())
        .bind(now)
        .bind(platform)
        .bind(platform_id)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        crate::outbox::record(self.0, ContentType::Video, id).await
    }

    /// Moves to `status` (see `Publishable::set_status`).
    pub async fn set_status(&mut self, id: &str, status: PublicationStatus) -> Result<()> {
        TABLE.set_status(self.0, id, status).await
    }

    /// Removes the row; its files become pending (the caller removes them
    /// after the commit, or the sweeper does). Returns their keys.
    pub async fn delete(&mut self, id: &str) -> Result<Option<Vec<String>>> {
        let Some(v) = self.by_id(id).await? else {
            return Ok(None);
        };
        sqlx::query("DELETE FROM videos WHERE id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        let keys = match v.source {
            VideoSource::File {
                key, poster_key, ..
            } => vec![key, poster_key],
            VideoSource::Embed { .. } => vec![],
        };
        for key in &keys {
            self.0.pending_files().add(key).await?;
        }
        crate::outbox::record(self.0, ContentType::Video, id).await?;
        Ok(Some(keys))
    }
}
