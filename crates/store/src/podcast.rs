//! The podcast: its one series row and its episodes. Like publications,
//! an episode's audio is recorded as pending before its upload and stops
//! being pending in the transaction that stores the row.

use sqlx::FromRow;
use vooruit_domain::content_type::ContentType;
use vooruit_domain::podcast::{
    AudioFormat, Episode, EpisodeInput, EpisodeKind, Series, SeriesCover, SeriesInput, SeriesKind,
    split_guests,
};
use vooruit_domain::publication::PublicationStatus;

use crate::db::{flag, lit};
use crate::publishable::Publishable;
use crate::{Conn, Result};

const SERIES_ID: &str = "podcast";

const TABLE: Publishable = Publishable {
    table: "episodes",
    doc: ContentType::Episode,
};
#[derive(Debug, Clone, FromRow)]
struct SeriesRow {
    title: String,
    description: String,
    author: String,
    owner_name: String,
    owner_email: String,
    category: String,
    language: String,
    explicit: i64,
    #[sqlx(try_from = "String")]
    kind: SeriesKind,
    cover_key: String,
    cover_ext: String,
    cover_size: i32,
    web_cover_key: String,
    web_cover_size: i32,
    cover_alt: String,
    updated_at: i64,
}

impl From<SeriesRow> for Series {
    fn from(r: SeriesRow) -> Series {
        Series {
            title: r.title,
            description: r.description,
            author: r.author,
            owner_name: r.owner_name,
            owner_email: r.owner_email,
            category: r.category,
            language: r.language,
            explicit: r.explicit != 0,
            kind: r.kind,
            cover: (!r.cover_key.is_empty()).then_some(SeriesCover {
                original_key: r.cover_key,
                ext: r.cover_ext,
                size: r.cover_size,
                web_key: r.web_cover_key,
                web_size: r.web_cover_size,
                alt: r.cover_alt,
            }),
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Clone, FromRow)]
struct EpisodeRow {
    id: String,
    slug: String,
    guid: String,
    title: String,
    notes: String,
    guests: String,
    season: Option<i32>,
    number: Option<i32>,
    #[sqlx(try_from = "String")]
    kind: EpisodeKind,
    release_date: String,
    chapters: String,
    transcript: String,
    #[sqlx(try_from = "String")]
    status: PublicationStatus,
    audio_key: String,
    audio_size: i64,
    #[sqlx(try_from = "String")]
    audio_format: AudioFormat,
    duration_ms: i64,
    created_at: i64,
    updated_at: i64,
    published_at: Option<i64>,
}

impl From<EpisodeRow> for Episode {
    fn from(r: EpisodeRow) -> Episode {
        Episode {
            id: r.id,
            slug: r.slug,
            guid: r.guid,
            title: r.title,
            notes: r.notes,
            guests: split_guests(&r.guests),
            season: r.season,
            number: r.number,
            kind: r.kind,
            date: r.release_date,
            chapters: r.chapters,
            transcript: r.transcript,
            status: r.status,
            audio_key: r.audio_key,
            audio_size: r.audio_size,
            audio_format: r.audio_format,
            duration_ms: r.duration_ms,
            created_at: r.created_at,
            updated_at: r.updated_at,
            published_at: r.published_at,
        }
    }
}

const COLUMNS: &str = "id, slug, guid, title, notes, guests, season, number, kind, release_date, \
    chapters, transcript, status, audio_key, audio_size, audio_format, duration_ms, created_at, \
    updated_at, published_at";

/// The stored audio of a new episode.
pub struct StoredAudio<'a> {
    pub key: &'a str,
    pub size: i64,
    pub format: AudioFormat,
    pub duration_ms: i64,
}

/// A new series picture, stored.
pub struct StoredSeriesCover<'a> {
    pub key: &'a str,
    pub ext: &'a str,
    pub size: i32,
    pub web_key: &'a str,
    pub web_size: i32,
}

/// The podcast: `conn.podcast()`.
pub struct PodcastQueries<'c>(&'c mut Conn);

impl Conn {
    pub fn podcast(&mut self) -> PodcastQueries<'_> {
        PodcastQueries(self)
    }
}

impl PodcastQueries<'_> {
    pub async fn series(&mut self) -> Result<Series> {
        let row = sqlx::query_as::<_, SeriesRow>(
            "SELECT title, description, author, owner_name, owner_email, category, language, \
             explicit, kind, cover_key, cover_ext, cover_size, web_cover_key, web_cover_size, \
             cover_alt, updated_at FROM podcast_series WHERE id = $1",
        )
        .bind(SERIES_ID)
        .fetch_one(&mut *self.0)
        .await?;
        Ok(row.into())
    }

    /// Changes what is said about the series; with `cover`, its picture
    /// too (it is no longer pending). Returns the keys of a picture it
    /// replaced, now pending (the caller removes them after the commit).
    pub async fn update_series(
        &mut self,
        input: &SeriesInput,
        cover: Option<StoredSeriesCover<'_>>,
    ) -> Result<Vec<String>> {
        let now = self.0.now();
        let before = self.series().await?;
        sqlx::query(
            "UPDATE podcast_series SET title = $1, description = $2, author = $3, \
             owner_name = $4, owner_email = $5, category = $6, language = $7, explicit = $8, \
             kind = $9, cover_alt = $10, updated_at = $11 WHERE id = $12",
        )
        .bind(input.title.trim())
        .bind(input.description.trim())
        .bind(input.author.trim())
        .bind(input.owner_name.trim())
        .bind(input.owner_email.trim())
        .bind(&input.category)
        .bind(&input.language)
        .bind(flag(input.explicit))
        .bind(&input.kind)
        .bind(input.cover_alt.trim())
        .bind(now)
        .bind(SERIES_ID)
        .execute(&mut *self.0)
        .await?;
        let Some(c) = cover else {
            return Ok(Vec::new());
        };
        sqlx::query(
            "UPDATE podcast_series SET cover_key = $1, cover_ext = $2, cover_size = $3, \
             web_cover_key = $4, web_cover_size = $5 WHERE id = $6",
        )
        .bind(c.key)
        .bind(c.ext)
        .bind(c.size)
        .bind(c.web_key)
        .bind(c.web_size)
        .bind(SERIES_ID)
        .execute(&mut *self.0)
        .await?;
        for key in [c.key, c.web_key] {
            self.0.pending_files().forget(key).await?;
        }
        let old: Vec<String> = before
            .cover
            .map(|c| vec![c.original_key, c.web_key])
            .unwrap_or_default();
        for key in &old {
            self.0.pending_files().add(key).await?;
        }
        Ok(old)
    }

    /// Every episode, newest first (editors).
    pub async fn all(&mut self) -> Result<Vec<Episode>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM episodes ORDER BY release_date DESC, created_at DESC, id"
        );
        let rows = sqlx::query_as::<_, EpisodeRow>(&sql)
            .fetch_all(&mut *self.0)
            .await?;
        Ok(rows.into_iter().map(Episode::from).collect())
    }

    /// The published ones, newest first.
    pub async fn published(&mut self, limit: i64, offset: i64) -> Result<Vec<Episode>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM episodes WHERE status = {} \
             ORDER BY release_date DESC, published_at DESC, id LIMIT $1 OFFSET $2",
            lit(PublicationStatus::Published)
        );
        let rows = sqlx::query_as::<_, EpisodeRow>(&sql)
            .bind(limit)
            .bind(offset)
            .fetch_all(&mut *self.0)
            .await?;
        Ok(rows.into_iter().map(Episode::from).collect())
    }

    pub async fn count_published(&mut self) -> Result<i64> {
        TABLE.count_published(self.0).await
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<Episode>> {
        self.one("id", id).await
    }

    pub async fn by_slug(&mut self, slug: &str) -> Result<Option<Episode>> {
        self.one("slug", slug).await
    }

    async fn one(&mut self, column: &str, value: &str) -> Result<Option<Episode>> {
        let sql = format!("SELECT {COLUMNS} FROM episodes WHERE {column} = $1");
        let row = sqlx::query_as::<_, EpisodeRow>(&sql)
            .bind(value)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(row.map(Episode::from))
    }

    /// These episodes (any status), for the index.
    pub async fn by_ids(&mut self, ids: &[String]) -> Result<Vec<Episode>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM episodes WHERE id IN ({})",
            crate::db::in_list(ids.len())
        );
        let mut q = sqlx::query_as::<_, EpisodeRow>(&sql);
        for id in ids {
            q = q.bind(id);
        }
        let rows = q.fetch_all(&mut *self.0).await?;
        Ok(rows.into_iter().map(Episode::from).collect())
    }

    /// `base`, or `base-2`, `base-3` ... the first no row has.
    pub async fn free_slug(&mut self, base: &str) -> Result<String> {
        TABLE.free_slug(self.0, base).await
    }

    /// A new draft with its stored audio; the audio is no longer pending.
    pub async fn insert(
        &mut self,
        id: &str,
        slug: &str,
        guid: &str,
        input: &EpisodeInput,
        audio: StoredAudio<'_>,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO episodes (id, slug, guid, title, notes, guests, season, number, kind, \
             release_date, chapters, transcript, status, audio_key, audio_size, audio_format, \
             duration_ms, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
             $18, $18)",
        )
        .bind(id)
        .bind(slug)
        .bind(guid)
        .bind(input.title.trim())
        .bind(input.notes.trim())
        .bind(input.guest_list().join(", "))
        .bind(input.season())
        .bind(input.number())
        .bind(&input.kind)
        .bind(input.date.trim())
        .bind(input.chapters.trim())
        .bind(input.transcript.trim())
        .bind(PublicationStatus::Draft.as_str())
        .bind(audio.key)
        .bind(audio.size)
        .bind(audio.format.as_str())
        .bind(audio.duration_ms)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        self.0.pending_files().forget(audio.key).await
    }

    /// Changes what is said about an episode (not its audio or slug).
    pub async fn update(&mut self, id: &str, input: &EpisodeInput) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "UPDATE episodes SET title = $1, notes = $2, guests = $3, season = $4, number = $5, \
             kind = $6, release_date = $7, chapters = $8, transcript = $9, updated_at = $10 \
             WHERE id = $11",
        )
        .bind(input.title.trim())
        .bind(input.notes.trim())
        .bind(input.guest_list().join(", "))
        .bind(input.season())
        .bind(input.number())
        .bind(&input.kind)
        .bind(input.date.trim())
        .bind(input.chapters.trim())
        .bind(input.transcript.trim())
        .bind(now)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        crate::outbox::record(self.0, ContentType::Episode, id).await
    }

    /// Moves to `status` (see `Publishable::set_status`).
    pub async fn set_status(&mut self, id: &str, status: PublicationStatus) -> Result<()> {
        TABLE.set_status(self.0, id, status).await
    }

    /// Removes the row; its audio becomes pending (the caller removes it
    /// from storage after the commit, or the sweeper does). Returns its key.
    pub async fn delete(&mut self, id: &str) -> Result<Option<String>> {
        let Some(e) = self.by_id(id).await? else {
            return Ok(None);
        };
        sqlx::query("DELETE FROM episodes WHERE id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        self.0.pending_files().add(&e.audio_key).await?;
        crate::outbox::record(self.0, ContentType::Episode, id).await?;
        Ok(Some(e.audio_key))
    }
}
