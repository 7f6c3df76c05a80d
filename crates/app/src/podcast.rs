//! The podcast: editors keep the series (what apps show about it) and add
//! episodes with their audio; an episode is published only with a
//! transcript. Only a published episode has a page, audio, a transcript
//! and chapters to fetch, and a place in the feed.
//!
//! An episode's audio is checked (decoded whole, its duration counted)
//! before it is stored, then stored as publications' PDFs are: pending
//! first, the row and the end of its pending state in one transaction.

use vooruit_domain::podcast::{
    COVER_MAX, COVER_MIN, Chapter, Episode, EpisodeInput, Series, SeriesCover, SeriesInput,
    transcript_text,
};
use vooruit_domain::slug::slugify;
use vooruit_store::podcast::{StoredAudio, StoredSeriesCover};

use crate::accounts::User;
use crate::audio::CheckedAudio;
use crate::images::CheckedImage;
use crate::storage::TempUpload;
use crate::{AppError, AppResult, Page};

crate::service!(
    /// The podcast (series and episodes): `app.podcast()`.
    Podcast,
    podcast
);

/// The site shows the series' picture this large (twice, for sharp screens).
pub const WEB_COVER: (u32, u32) = (600, 600);

/// Episodes in the feed: all of a network's podcast for years to come.
pub const FEED_MAX: i64 = 1000;

/// A published episode as readers and the API see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct EpisodeView {
    pub slug: String,
    /// Stays the same for good: podcast apps know the episode by it.
    pub guid: String,
    pub title: String,
    /// Show notes, Markdown.
    pub notes: String,
    pub guests: Vec<String>,
    pub season: Option<i32>,
    pub number: Option<i32>,
    /// `full`, `trailer` or `bonus`.
    pub kind: String,
    /// The day it came out (`YYYY-MM-DD`).
    pub date: String,
    /// Whole seconds, read from the audio.
    pub duration: u32,
    pub chapters: Vec<Chapter>,
    /// Where the audio is (ranges allowed).
    pub audio_url: String,
    /// `audio/mpeg` or `audio/mp4`.
    pub audio_type: String,
    /// Bytes.
    pub audio_size: i64,
    pub transcript_url: String,
    /// `text/vtt` or `text/plain`.
    pub transcript_type: String,
}

impl EpisodeView {
    fn of(e: Episode, base_url: &str) -> EpisodeView {
        let urls = EpisodeUrls::of(&e, base_url);
        EpisodeView {
            duration: e.duration_secs(),
            chapters: e.chapter_list(),
            audio_url: urls.audio,
            audio_type: e.audio_format.mime().to_string(),
            audio_size: e.audio_size,
            transcript_url: urls.transcript,
            transcript_type: e.transcript_format().mime().to_string(),
            kind: e.kind.as_str().to_string(),
            slug: e.slug,
            guid: e.guid,
            title: e.title,
            notes: e.notes,
            guests: e.guests,
            season: e.season,
            number: e.number,
            date: e.date,
        }
    }
}

/// Where an episode's files are.
pub struct EpisodeUrls {
    pub page: String,
    pub audio: String,
    pub transcript: String,
    pub chapters: String,
}

impl EpisodeUrls {
    pub fn of(e: &Episode, base_url: &str) -> EpisodeUrls {
        let page = format!("{base_url}/podcast/{}", e.slug);
        EpisodeUrls {
            audio: format!("{page}/audio.{}", e.audio_format.as_str()),
            transcript: format!("{page}/transcript.{}", e.transcript_format().as_str()),
            chapters: format!("{page}/hoofdstukken.json"),
            page,
        }
    }
}

/// What the index holds of an episode: its title, notes, guests and
/// every word of its transcript.
pub(crate) fn search_doc(e: &Episode) -> vooruit_search::Doc {
    let summary = crate::markdown::plain_excerpt(&e.notes, 300);
    vooruit_search::Doc {
        doc_type: vooruit_search::ContentType::Episode,
        id: e.id.clone(),
        slug: e.slug.clone(),
        title: e.title.clone(),
        body: format!(
            "{summary}\n{}\n{}",
            e.guests.join(", "),
            transcript_text(&e.transcript)
        ),
        summary,
        kind: String::new(),
        themes: Vec::new(),
        sectors: Vec::new(),
        region: String::new(),
        year: e.date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0),
        published_at: e.published_at.unwrap_or(e.updated_at),
        author_name: None,
        organisation: None,
    }
}

impl Podcast<'_> {
    /// The series, for everyone.
    pub async fn series(&self) -> AppResult<Series> {
        Ok(self.read().await?.podcast().series().await?)
    }

    /// Checks a picture for the series: JPEG or PNG, square, 1400 to 3000
    /// pixels a side (what Apple Podcasts takes). Errors are for `cover`.
    pub async fn check_cover(&self, upload: &TempUpload) -> AppResult<CheckedImage> {
        let checked = crate::images::check(
            upload.path(),
            self.config.image_limit_bytes,
            WEB_COVER,
            "cover",
        )
        .await?;
        let fits = |side: u32| (COVER_MIN..=COVER_MAX).contains(&side);
        if checked.ext == "webp" || checked.width != checked.height || !fits(checked.width) {
            return Err(AppError::field("cover", "error-podcast-cover"));
        }
        Ok(checked)
    }

    /// Changes the series and, with a checked picture, its picture
    /// (editors). A picture needs a description.
    pub async fn save_series(
        &self,
        editor: &User,
        input: SeriesInput,
        cover: Option<(&TempUpload, CheckedImage)>,
    ) -> AppResult<()> {
        editor.require_editor()?;
        self.store_series(input, cover).await
    }

    /// Stores the series (the use case of `save_series`, and the demo's).
    pub(crate) async fn store_series(
        &self,
        input: SeriesInput,
        cover: Option<(&TempUpload, CheckedImage)>,
    ) -> AppResult<()> {
        let mut errors = input.validate().err().unwrap_or_default();
        let has_cover = cover.is_some() || self.series().await?.cover.is_some();
        if has_cover && input.cover_alt.trim().is_empty() {
            errors.add("cover_alt", "error-alt-required");
        }
        if !errors.is_empty() {
            return Err(errors.into());
        }
        let Some((original, checked)) = cover else {
            let mut tx = self.begin("podcast.save_series").await?;
            tx.podcast().update_series(&input, None).await?;
            return self.commit(tx).await;
        };
        let id = vooruit_store::new_id();
        let key = format!("podcast/{id}.{}", checked.ext);
        let web_key = format!("podcast/{id}-klein.jpg");
        let mut tx = self.begin("podcast.cover").await?;
        tx.pending_files().add(&key).await?;
        tx.pending_files().add(&web_key).await?;
        self.commit(tx).await?;
        self.storage.put_file(&key, original.path()).await?;
        self.storage
            .put_bytes(&web_key, checked.web.jpeg.clone())
            .await?;
        let mut tx = self.begin("podcast.save_series").await?;
        let stored = StoredSeriesCover {
            key: &key,
            ext: checked.ext,
            size: i32::try_from(checked.width).unwrap_or(i32::MAX),
            web_key: &web_key,
            web_size: i32::try_from(checked.web.width).unwrap_or(i32::MAX),
        };
        let old = tx.podcast().update_series(&input, Some(stored)).await?;
        self.commit(tx).await?;
        self.remove_files(&old).await
    }

    /// Removes files that no row refers to any more (they are pending).
    async fn remove_files(&self, keys: &[String]) -> AppResult<()> {
        for key in keys {
            self.storage.delete(key).await?;
        }
        let mut tx = self.begin("podcast.remove_files").await?;
        for key in keys {
            tx.pending_files().forget(key).await?;
        }
        self.commit(tx).await
    }

    /// The series' picture: where storage keeps it as uploaded (what apps
    /// show) and its web version. The web layer streams them.
    pub async fn cover(&self) -> AppResult<SeriesCover> {
        self.series().await?.cover.ok_or(AppError::NotFound)
    }

    /// Checks an uploaded episode (see `audio::check`).
    pub async fn check_audio(&self, upload: &TempUpload) -> AppResult<CheckedAudio> {
        crate::audio::check(upload.path(), self.config.audio_limit_bytes).await
    }

    /// A new draft from checked audio (editors); returns its id.
    pub async fn create(
        &self,
        editor: &User,
        input: EpisodeInput,
        upload: &TempUpload,
        audio: CheckedAudio,
    ) -> AppResult<String> {
        editor.require_editor()?;
        self.add(input, upload, audio).await
    }

    /// Stores a new draft (the use case of `create`, and the demo's).
    pub(crate) async fn add(
        &self,
        input: EpisodeInput,
        upload: &TempUpload,
        audio: CheckedAudio,
    ) -> AppResult<String> {
        let seconds = u32::try_from(audio.duration_ms / 1000).unwrap_or(u32::MAX);
        input.validate(&self.today(), Some(seconds))?;
        let id = vooruit_store::new_id();
        let key = format!("podcast/{id}.{}", audio.format.as_str());
        let mut tx = self.begin("podcast.create").await?;
        tx.pending_files().add(&key).await?;
        self.commit(tx).await?;
        self.storage.put_file(&key, upload.path()).await?;
        let stored = async {
            let base = slugify(&input.title);
            let mut tx = self.begin("podcast.store").await?;
            let slug = tx.podcast().free_slug(&base).await?;
            let file = StoredAudio {
                key: &key,
                size: i64::try_from(audio.size).unwrap_or(i64::MAX),
                format: audio.format,
                duration_ms: audio.duration_ms,
            };
            let guid = uuid::Uuid::new_v4().to_string();
            tx.podcast().insert(&id, &slug, &guid, &input, file).await?;
            self.commit(tx).await?;
            AppResult::Ok(id.clone())
        }
        .await;
        if stored.is_err() {
            // The row is not there: the audio goes too (or the sweeper takes it).
            let _ = self.storage.delete(&key).await;
        }
        stored
    }

    /// Every episode (editors).
    pub async fn all(&self, editor: &User) -> AppResult<Vec<Episode>> {
        editor.require_editor()?;
        Ok(self.read().await?.podcast().all().await?)
    }

    /// One episode by id (editors).
    pub async fn for_editor(&self, editor: &User, id: &str) -> AppResult<Episode> {
        editor.require_editor()?;
        self.read()
            .await?
            .podcast()
            .by_id(id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Changes what is said about an episode (editors). A published one
    /// keeps its transcript: it cannot be emptied.
    pub async fn update(&self, editor: &User, id: &str, input: EpisodeInput) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("podcast.update").await?;
        let before = tx.podcast().by_id(id).await?.ok_or(AppError::NotFound)?;
        let mut errors = input
            .validate(&self.today(), Some(before.duration_secs()))
            .err()
            .unwrap_or_default();
        if before.status.is_published() && input.transcript.trim().is_empty() {
            errors.add("transcript", "error-transcript-required");
        }
        if !errors.is_empty() {
            return Err(errors.into());
        }
        tx.podcast().update(id, &input).await?;
        self.commit(tx).await
    }

    /// Publishes a draft or a withdrawn episode that has a transcript (editors).
    pub async fn publish(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("podcast.publish").await?;
        let e = tx.podcast().by_id(id).await?.ok_or(AppError::NotFound)?;
        let next = e.status.publish()?;
        if e.transcript.trim().is_empty() {
            return Err(AppError::field("transcript", "error-transcript-required"));
        }
        tx.podcast().set_status(id, next).await?;
        self.commit(tx).await
    }

    /// Withdraws a published episode: its page, audio and feed item are gone (editors).
    pub async fn withdraw(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("podcast.withdraw").await?;
        let e = tx.podcast().by_id(id).await?.ok_or(AppError::NotFound)?;
        let next = e.status.withdraw()?;
        tx.podcast().set_status(id, next).await?;
        self.commit(tx).await
    }

    /// Removes an episode and its audio for good (editors).
    pub async fn remove(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("podcast.remove").await?;
        let key = tx.podcast().delete(id).await?.ok_or(AppError::NotFound)?;
        self.commit(tx).await?;
        self.remove_files(&[key]).await
    }

    /// A published episode, for everyone.
    pub async fn published(&self, slug: &str) -> AppResult<Episode> {
        self.read()
            .await?
            .podcast()
            .by_slug(slug)
            .await?
            .filter(|e| e.status.is_published())
            .ok_or(AppError::NotFound)
    }

    /// A published episode for the API.
    pub async fn view(&self, slug: &str) -> AppResult<EpisodeView> {
        Ok(EpisodeView::of(
            self.published(slug).await?,
            &self.config.base_url,
        ))
    }

    /// The published episodes, newest first, a page at a time.
    pub async fn list(&self, page: i64, per_page: i64) -> AppResult<Page<Episode>> {
        let mut conn = self.read().await?;
        let total = conn.podcast().count_published().await?;
        let items = conn
            .podcast()
            .published(per_page, (page.max(1) - 1) * per_page)
            .await?;
        Ok(Page::new(items, total, page, per_page))
    }

    /// The published episodes for the API, a page at a time.
    pub async fn list_views(&self, page: i64, per_page: i64) -> AppResult<Page<EpisodeView>> {
        let page = self.list(page, per_page).await?;
        let base = &self.config.base_url;
        Ok(Page::new(
            page.items
                .into_iter()
                .map(|e| EpisodeView::of(e, base))
                .collect(),
            page.total,
            page.page,
            page.per_page,
        ))
    }

    /// The last `n` published, newest first (the feed, newsletters).
    pub async fn newest(&self, n: i64) -> AppResult<Vec<Episode>> {
        Ok(self.read().await?.podcast().published(n, 0).await?)
    }

    /// Every published episode's slug and last change, for the sitemap.
    pub async fn sitemap(&self) -> AppResult<Vec<(String, i64)>> {
        let all = self.newest(FEED_MAX).await?;
        Ok(all.into_iter().map(|e| (e.slug, e.updated_at)).collect())
    }

    /// Today in the network's time zone (`YYYY-MM-DD`): the latest day an
    /// episode can be dated.
    pub fn today(&self) -> String {
        crate::dates::iso_date(self.now())
    }
}
