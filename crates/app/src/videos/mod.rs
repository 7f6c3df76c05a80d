//! Videos: editors upload a video (with Dutch captions and a poster) or
//! name one on YouTube or Vimeo, publish it once it has a transcript, and
//! can withdraw it. Only a published video has a page and a file.
//!
//! An uploaded video is checked (its container read, a video track found)
//! and stored as publications' PDFs are: pending first, the row and the
//! end of its pending state in one transaction.

pub mod check;

use vooruit_domain::publication::PublicationStatus;
use vooruit_domain::slug::slugify;
use vooruit_domain::video::{Video, VideoInput, VideoSource};
use vooruit_store::videos::StoredVideo;

use crate::accounts::User;
use crate::images::CheckedImage;
use crate::storage::TempUpload;
use crate::{AppError, AppResult, Page};
use check::CheckedVideo;

crate::service!(
    /// Videos (uploaded or on a platform): `app.videos()`.
    Videos,
    videos
);

/// The poster's web version fits in this box.
pub const POSTER_BOX: (u32, u32) = (1280, 720);

const SITEMAP_MAX: i64 = 40_000;

/// A published video as readers and the API see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct VideoView {
    pub slug: String,
    pub title: String,
    /// Markdown.
    pub description: String,
    /// Everything said and shown, as text.
    pub transcript: String,
    /// `file` (uploaded) or the platform: `youtube`, `vimeo`.
    pub source: String,
    /// The file (ranges allowed), or the video's page on the platform.
    pub url: String,
    /// `video/mp4` or `video/webm`; empty for a platform's video.
    pub file_type: String,
    /// Seconds; 0 when not known (a platform's video).
    pub duration: i64,
    /// The captions (WebVTT) per language, for an uploaded video.
    pub captions: Vec<CaptionsView>,
    /// The poster (JPEG), for an uploaded video.
    pub poster_url: Option<String>,
    /// When it was first published (RFC 3339).
    pub published_at: String,
}

/// Captions in one language.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CaptionsView {
    /// `nl` or `en`.
    pub language: String,
    pub url: String,
}

impl VideoView {
    fn of(v: Video, base_url: &str) -> VideoView {
        let page = format!("{base_url}/video/{}", v.slug);
        let languages = [("nl", &v.captions_nl), ("en", &v.captions_en)];
        let (source, url, file_type, duration, poster_url) = match &v.source {
            VideoSource::File {
                format,
                duration_ms,
                ..
            } => (
                "file".to_string(),
                format!("{page}/bestand.{}", format.as_str()),
                format.mime().to_string(),
                duration_ms / 1000,
                Some(format!("{page}/poster.jpg")),
            ),
            VideoSource::Embed { platform, id } => (
                platform.as_str().to_string(),
                platform.watch_url(id),
                String::new(),
                0,
                None,
            ),
        };
        let captions = if v.is_file() {
            languages
                .iter()
                .filter(|(_, text)| !text.is_empty())
                .map(|(lang, _)| CaptionsView {
                    language: lang.to_string(),
                    url: format!("{page}/ondertitels.{lang}.vtt"),
                })
                .collect()
        } else {
            Vec::new()
        };
        VideoView {
            published_at: crate::dates::rfc3339(v.published_at.unwrap_or(v.created_at)),
            slug: v.slug,
            title: v.title,
            description: v.description,
            transcript: v.transcript,
            source,
            url,
            file_type,
            duration,
            captions,
            poster_url,
        }
    }
}

/// What the index holds of a video: its title, description and transcript.
pub(crate) fn search_doc(v: &Video) -> vooruit_search::Doc {
    let summary = crate::markdown::plain_excerpt(&v.description, 300);
    vooruit_search::Doc {
        doc_type: vooruit_search::ContentType::Video,
        id: v.id.clone(),
        slug: v.slug.clone(),
        title: v.title.clone(),
        body: format!("{summary}\n{}", v.transcript),
        summary,
        kind: String::new(),
        themes: Vec::new(),
        sectors: Vec::new(),
        region: String::new(),
        year: crate::dates::year_of(v.published_at.unwrap_or(v.created_at)),
        published_at: v.published_at.unwrap_or(v.updated_at),
        author_name: None,
        organisation: None,
    }
}

/// An upload with what was checked of it.
pub type Checked<'a, T> = Option<(&'a TempUpload, T)>;

impl Videos<'_> {
    /// Checks an uploaded video (see `check::check`).
    pub async fn check_file(&self, upload: &TempUpload) -> AppResult<CheckedVideo> {
        check::check(upload.path(), self.config.video_limit_bytes).await
    }

    /// Checks a poster picture (see `images::check`).
    pub async fn check_poster(&self, upload: &TempUpload) -> AppResult<CheckedImage> {
        crate::images::check(
            upload.path(),
            self.config.image_limit_bytes,
            POSTER_BOX,
            "poster",
        )
        .await
    }

    /// A new draft (editors): an uploaded video with its poster, or, with
    /// neither, one on the platform its link names. Returns its id.
    pub async fn create(
        &self,
        editor: &User,
        input: VideoInput,
        file: Checked<'_, CheckedVideo>,
        poster: Checked<'_, CheckedImage>,
    ) -> AppResult<String> {
        editor.require_editor()?;
        self.add(input, file, poster).await
    }

    /// Stores a new draft (the use case of `create`, and the demo's).
    pub(crate) async fn add(
        &self,
        input: VideoInput,
        file: Checked<'_, CheckedVideo>,
        poster: Checked<'_, CheckedImage>,
    ) -> AppResult<String> {
        let mut errors = input.validate(file.is_some()).err().unwrap_or_default();
        if file.is_some() && poster.is_none() {
            errors.add("poster", "error-poster-required");
        }
        if !errors.is_empty() {
            return Err(errors.into());
        }
        let id = vooruit_store::new_id();
        let mut keys: Vec<String> = Vec::new();
        let stored = match (&file, &poster) {
            (Some((upload, video)), Some((_, picture))) => {
                let key = format!("videos/{id}.{}", video.format.as_str());
                let poster_key = format!("videos/{id}-poster.jpg");
                let mut tx = self.begin("videos.create").await?;
                tx.pending_files().add(&key).await?;
                tx.pending_files().add(&poster_key).await?;
                self.commit(tx).await?;
                keys = vec![key.clone(), poster_key.clone()];
                self.storage.put_file(&key, upload.path()).await?;
                self.storage
                    .put_bytes(&poster_key, picture.web.jpeg.clone())
                    .await?;
                Some((key, poster_key, video.clone(), picture.web.clone()))
            }
            _ => None,
        };
        let result = async {
            let base = slugify(&input.title);
            let mut tx = self.begin("videos.store").await?;
            let slug = tx.videos().free_slug(&base).await?;
            let file = stored
                .as_ref()
                .map(|(key, poster_key, v, web)| StoredVideo {
                    key,
                    size: i64::try_from(v.size).unwrap_or(i64::MAX),
                    format: v.format,
                    duration_ms: v.duration_ms,
                    poster_key,
                    poster_width: i32::try_from(web.width).unwrap_or(i32::MAX),
                    poster_height: i32::try_from(web.height).unwrap_or(i32::MAX),
                });
            tx.videos().insert(&id, &slug, &input, file).await?;
            self.commit(tx).await?;
            AppResult::Ok(id.clone())
        }
        .await;
        if result.is_err() {
            // The row is not there: the files go too (or the sweeper takes them).
            for key in &keys {
                let _ = self.storage.delete(key).await;
            }
        }
        result
    }

    /// Every video (editors).
    pub async fn all(&self, editor: &User) -> AppResult<Vec<Video>> {
        editor.require_editor()?;
        Ok(self.read().await?.videos().all().await?)
    }

    /// One video by id (editors).
    pub async fn for_editor(&self, editor: &User, id: &str) -> AppResult<Video> {
        editor.require_editor()?;
        self.read()
            .await?
            .videos()
            .by_id(id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Changes what is said about a video (editors). A published one keeps
    /// its transcript.
    pub async fn update(&self, editor: &User, id: &str, input: VideoInput) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("videos.update").await?;
        let before = tx.videos().by_id(id).await?.ok_or(AppError::NotFound)?;
        let mut errors = input.validate(before.is_file()).err().unwrap_or_default();
        if before.status.is_published() && input.transcript.trim().is_empty() {
            errors.add("transcript", "error-video-transcript-required");
        }
        if !errors.is_empty() {
            return Err(errors.into());
        }
        tx.videos().update(id, &input).await?;
        self.commit(tx).await
    }

    /// Publishes a draft or a withdrawn video that has a transcript (editors).
    pub async fn publish(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("videos.publish").await?;
        let v = tx.videos().by_id(id).await?.ok_or(AppError::NotFound)?;
        let next = v.status.publish()?;
        if v.transcript.trim().is_empty() {
            return Err(AppError::field(
                "transcript",
                "error-video-transcript-required",
            ));
        }
        tx.videos().set_status(id, next).await?;
        self.commit(tx).await
    }

    /// Withdraws a published video: its page and file are gone (editors).
    pub async fn withdraw(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("videos.withdraw").await?;
        let v = tx.videos().by_id(id).await?.ok_or(AppError::NotFound)?;
        let next = v.status.withdraw()?;
        tx.videos().set_status(id, next).await?;
        self.commit(tx).await
    }

    /// Removes a video and its files for good (editors).
    pub async fn remove(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("videos.remove").await?;
        let keys = tx.videos().delete(id).await?.ok_or(AppError::NotFound)?;
        self.commit(tx).await?;
        for key in &keys {
            self.storage.delete(key).await?;
        }
        let mut tx = self.begin("videos.remove").await?;
        for key in &keys {
            tx.pending_files().forget(key).await?;
        }
        self.commit(tx).await
    }

    /// A published video, for everyone.
    pub async fn published(&self, slug: &str) -> AppResult<Video> {
        self.read()
            .await?
            .videos()
            .by_slug(slug)
            .await?
            .filter(|v| v.status == PublicationStatus::Published)
            .ok_or(AppError::NotFound)
    }

    /// The poster (JPEG) of a published uploaded video.
    pub async fn poster(&self, slug: &str) -> AppResult<bytes::Bytes> {
        match self.published(slug).await?.source {
            VideoSource::File { poster_key, .. } => self.storage.get_bytes(&poster_key).await,
            VideoSource::Embed { .. } => Err(AppError::NotFound),
        }
    }

    /// A published video for the API.
    pub async fn view(&self, slug: &str) -> AppResult<VideoView> {
        Ok(VideoView::of(
            self.published(slug).await?,
            &self.config.base_url,
        ))
    }

    /// The published videos, a page at a time.
    pub async fn list(&self, page: i64, per_page: i64) -> AppResult<Page<Video>> {
        let mut conn = self.read().await?;
        let total = conn.videos().count_published().await?;
        let items = conn
            .videos()
            .published(per_page, (page.max(1) - 1) * per_page)
            .await?;
        Ok(Page::new(items, total, page, per_page))
    }

    /// The published videos for the API, a page at a time.
    pub async fn list_views(&self, page: i64, per_page: i64) -> AppResult<Page<VideoView>> {
        let page = self.list(page, per_page).await?;
        let base = &self.config.base_url;
        Ok(Page::new(
            page.items
                .into_iter()
                .map(|v| VideoView::of(v, base))
                .collect(),
            page.total,
            page.page,
            page.per_page,
        ))
    }

    /// The last `n` published, newest first (the feed).
    pub async fn newest(&self, n: i64) -> AppResult<Vec<Video>> {
        Ok(self.read().await?.videos().published(n, 0).await?)
    }

    /// Every published video's slug and last change, for the sitemap.
    pub async fn sitemap(&self) -> AppResult<Vec<(String, i64)>> {
        let all = self.newest(SITEMAP_MAX).await?;
        Ok(all.into_iter().map(|v| (v.slug, v.updated_at)).collect())
    }
}
