//! Publications: an editor uploads a PDF with what readers need to choose
//! it, publishes it, and can withdraw it. Only a published publication has
//! a page and a downloadable file.
//!
//! A new publication's file is checked before it is stored (it must be a
//! PDF that opens; its pages are counted from it), then stored under a key
//! of its own that is recorded as pending first: the row that refers to it
//! and the end of its pending state are one transaction. A crash between
//! the two leaves a pending key, which `sweep_files` removes.

use vooruit_domain::publication::{Publication, PublicationInput, PublicationStatus};
use vooruit_domain::slug::slugify;
use vooruit_domain::taxonomy::Vocabulary;
use vooruit_store::publications::{StoredCover, StoredPdf};

use crate::accounts::User;
use crate::images::{CheckedImage, WebImage};
use crate::storage::TempUpload;
use crate::{AppError, AppResult, Page};

crate::service!(
    /// Publications (PDF reports): `app.publications()`.
    Publications,
    publications
);

/// PDFs being opened on this node at once (see `check_pdf`).
static PDF_CHECKS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// How long a key may stay pending before the sweeper takes it for left
/// over by a crash (an upload of the largest PDF takes well under this).
pub const PENDING_FOR_MS: i64 = 60 * 60 * 1000;

const SITEMAP_MAX: i64 = 40_000;

/// A published publication as readers and the API see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PublicationView {
    pub slug: String,
    pub title: String,
    pub publisher: String,
    pub year: i32,
    pub summary: String,
    pub themes: Vec<String>,
    pub sectors: Vec<String>,
    pub page_count: i32,
    /// Bytes.
    pub file_size: i64,
    /// Where the PDF is downloaded (ranges allowed).
    pub file_url: String,
    /// The cover's web version (JPEG), when there is one.
    pub cover: Option<CoverView>,
    /// When it was first published (RFC 3339).
    pub published_at: String,
}

/// A cover as readers and the API see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CoverView {
    pub url: String,
    pub width: i32,
    pub height: i32,
    /// What it shows; empty when it is the first page of the PDF.
    pub alt: String,
}

impl PublicationView {
    fn of(p: Publication, base_url: &str) -> PublicationView {
        PublicationView {
            file_url: format!("{base_url}/publicaties/{}/bestand", p.slug),
            cover: p.cover.map(|c| CoverView {
                url: format!("{base_url}/publicaties/{}/omslag.jpg", p.slug),
                width: c.width,
                height: c.height,
                alt: c.alt,
            }),
            published_at: crate::dates::rfc3339(p.published_at.unwrap_or(p.created_at)),
            slug: p.slug,
            title: p.title,
            publisher: p.publisher,
            year: p.year,
            summary: p.summary,
            themes: p.themes,
            sectors: p.sectors,
            page_count: p.page_count,
            file_size: p.file_size,
        }
    }
}

/// A PDF that was checked: its size, number of pages and text.
#[derive(Debug, Clone)]
pub struct CheckedPdf {
    pub size: u64,
    pub pages: u32,
    /// What the pages say, for search (at most `TEXT_MAX` bytes).
    pub text: String,
}

/// How much of a PDF's text search takes in: the first 200 pages or so of
/// a report. More makes every hit's snippet slower and finds little more.
const TEXT_MAX: usize = 400_000;

/// What the index holds of a publication: its title, summary, publisher
/// and the text of its PDF; the year is the year it came out.
pub(crate) fn search_doc(p: &Publication, text: &str) -> vooruit_search::Doc {
    vooruit_search::Doc {
        doc_type: vooruit_search::ContentType::Publication,
        id: p.id.clone(),
        slug: p.slug.clone(),
        title: p.title.clone(),
        summary: p.summary.clone(),
        body: format!("{}\n{}\n{text}", p.summary, p.publisher),
        kind: String::new(),
        themes: p.themes.clone(),
        sectors: p.sectors.clone(),
        region: String::new(),
        year: p.year,
        published_at: p.published_at.unwrap_or(p.updated_at),
        author_name: None,
        organisation: Some(p.publisher.clone()),
    }
}

impl Publications<'_> {
    /// Checks an upload: a PDF (by its first bytes, then by opening it)
    /// no larger than the limit. Errors are for the `file` field.
    pub async fn check_pdf(&self, upload: &TempUpload) -> AppResult<CheckedPdf> {
        let path = upload.path().to_path_buf();
        let limit = self.config.pdf_limit_bytes;
        // Opening a PDF reads it into memory: one at a time keeps the
        // node's memory within one PDF limit, whatever the uploads.
        let _turn = PDF_CHECKS
            .acquire()
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        tokio::task::spawn_blocking(move || check_pdf(&path, limit))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
    }

    /// Checks an uploaded cover picture (see `images::check`).
    pub async fn check_cover(&self, upload: &TempUpload) -> AppResult<CheckedImage> {
        crate::images::check(
            upload.path(),
            self.config.image_limit_bytes,
            crate::images::COVER_BOX,
            "cover",
        )
        .await
    }

    /// A new draft from a checked upload and, when one was sent, a checked
    /// cover picture (editors); returns its slug.
    pub async fn create(
        &self,
        editor: &User,
        input: PublicationInput,
        upload: &TempUpload,
        pdf: CheckedPdf,
        cover: Option<(&TempUpload, CheckedImage)>,
    ) -> AppResult<String> {
        editor.require_editor()?;
        self.add(input, upload, pdf, cover).await
    }

    /// Stores a new draft (the use case of `create`, and the demo's).
    /// Without a cover picture, the first page is drawn as the cover when
    /// `pdftoppm` is there.
    pub(crate) async fn add(
        &self,
        input: PublicationInput,
        upload: &TempUpload,
        pdf: CheckedPdf,
        cover: Option<(&TempUpload, CheckedImage)>,
    ) -> AppResult<String> {
        let taxonomy = self.taxonomy().current().await?;
        let mut errors = input
            .validate(&taxonomy.for_new(), self.this_year())
            .err()
            .unwrap_or_default();
        if cover.is_some() && input.cover_alt.trim().is_empty() {
            errors.add("cover_alt", "error-alt-required");
        }
        if !errors.0.is_empty() {
            return Err(errors.into());
        }
        let year = input.year().unwrap_or_default();
        let id = vooruit_store::new_id();
        let key = format!("publications/{id}.pdf");
        let cover_key = format!("publications/{id}-omslag.jpg");
        let original_key = cover
            .as_ref()
            .map(|(_, c)| format!("publications/{id}-omslag-origineel.{}", c.ext))
            .unwrap_or_default();
        let web: Option<WebImage> = match &cover {
            Some((_, c)) => Some(c.web.clone()),
            None => {
                crate::images::pdf_cover(
                    self.config.pdftoppm.as_deref(),
                    upload.path(),
                    self.storage.uploads_dir(),
                )
                .await
            }
        };
        // Pending first, so a crash after a put is swept.
        let mut tx = self.begin("publications.create").await?;
        tx.pending_files().add(&key).await?;
        if web.is_some() {
            tx.pending_files().add(&cover_key).await?;
        }
        if !original_key.is_empty() {
            tx.pending_files().add(&original_key).await?;
        }
        self.commit(tx).await?;
        self.storage.put_file(&key, upload.path()).await?;
        if let Some(w) = &web {
            self.storage.put_bytes(&cover_key, w.jpeg.clone()).await?;
        }
        if let Some((original, _)) = &cover {
            self.storage
                .put_file(&original_key, original.path())
                .await?;
        }
        let stored = async {
            let base = slugify(&input.title);
            let mut tx = self.begin("publications.store").await?;
            let slug = tx.publications().free_slug(&base).await?;
            let file = StoredPdf {
                key: &key,
                size: i64::try_from(pdf.size).unwrap_or(i64::MAX),
                pages: i32::try_from(pdf.pages).unwrap_or(i32::MAX),
                text: &pdf.text,
                cover: web.as_ref().map(|w| StoredCover {
                    key: &cover_key,
                    width: i32::try_from(w.width).unwrap_or(i32::MAX),
                    height: i32::try_from(w.height).unwrap_or(i32::MAX),
                    alt: if cover.is_some() {
                        &input.cover_alt
                    } else {
                        ""
                    },
                    original_key: &original_key,
                }),
            };
            tx.publications()
                .insert(&id, &slug, &input, year, file)
                .await?;
            self.commit(tx).await?;
            AppResult::Ok(slug)
        }
        .await;
        if stored.is_err() {
            // The row is not there: the files go too (or the sweeper takes them).
            for k in [&key, &cover_key, &original_key] {
                if !k.is_empty() {
                    let _ = self.storage.delete(k).await;
                }
            }
        }
        stored
    }

    /// Every publication (editors).
    pub async fn all(&self, editor: &User) -> AppResult<Vec<Publication>> {
        editor.require_editor()?;
        Ok(self.read().await?.publications().all().await?)
    }

    /// One publication by id (editors).
    pub async fn for_editor(&self, editor: &User, id: &str) -> AppResult<Publication> {
        editor.require_editor()?;
        self.read()
            .await?
            .publications()
            .by_id(id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Changes what is said about a publication (editors).
    pub async fn update(&self, editor: &User, id: &str, input: PublicationInput) -> AppResult<()> {
        editor.require_editor()?;
        let taxonomy = self.taxonomy().current().await?;
        let mut tx = self.begin("publications.update").await?;
        let before = tx
            .publications()
            .by_id(id)
            .await?
            .ok_or(AppError::NotFound)?;
        // Values it had may stay, even when retired since.
        let kept = before
            .themes
            .iter()
            .map(|t| (Vocabulary::Theme, t.as_str()))
            .chain(
                before
                    .sectors
                    .iter()
                    .map(|s| (Vocabulary::Sector, s.as_str())),
            );
        let mut errors = input
            .validate(&taxonomy.choices(kept), self.this_year())
            .err()
            .unwrap_or_default();
        if before.cover.as_ref().is_some_and(|c| c.uploaded) && input.cover_alt.trim().is_empty() {
            errors.add("cover_alt", "error-alt-required");
        }
        if !errors.0.is_empty() {
            return Err(errors.into());
        }
        tx.publications()
            .update(id, &input, input.year().unwrap_or_default())
            .await?;
        self.commit(tx).await
    }

    /// Publishes a draft or a withdrawn publication (editors).
    pub async fn publish(&self, editor: &User, id: &str) -> AppResult<()> {
        self.move_to(
            editor,
            id,
            "publications.publish",
            PublicationStatus::publish,
        )
        .await
    }

    /// Withdraws a published publication: its page and file are gone (editors).
    pub async fn withdraw(&self, editor: &User, id: &str) -> AppResult<()> {
        self.move_to(
            editor,
            id,
            "publications.withdraw",
            PublicationStatus::withdraw,
        )
        .await
    }

    async fn move_to(
        &self,
        editor: &User,
        id: &str,
        use_case: &'static str,
        step: fn(PublicationStatus) -> Result<PublicationStatus, vooruit_domain::IllegalTransition>,
    ) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin(use_case).await?;
        let p = tx
            .publications()
            .by_id(id)
            .await?
            .ok_or(AppError::NotFound)?;
        let next = step(p.status)?;
        tx.publications().set_status(id, next).await?;
        self.commit(tx).await
    }

    /// Removes a publication and its file for good (editors).
    pub async fn remove(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("publications.remove").await?;
        let keys = tx
            .publications()
            .delete(id)
            .await?
            .ok_or(AppError::NotFound)?;
        self.commit(tx).await?;
        for key in &keys {
            self.storage.delete(key).await?;
        }
        let mut tx = self.begin("publications.remove").await?;
        for key in &keys {
            tx.pending_files().forget(key).await?;
        }
        self.commit(tx).await
    }

    /// A published publication, for everyone.
    pub async fn published(&self, slug: &str) -> AppResult<Publication> {
        self.read()
            .await?
            .publications()
            .by_slug(slug)
            .await?
            .filter(|p| p.status.is_published())
            .ok_or(AppError::NotFound)
    }

    /// The cover (JPEG) of a published publication.
    pub async fn cover(&self, slug: &str) -> AppResult<bytes::Bytes> {
        let p = self.published(slug).await?;
        let cover = p.cover.ok_or(AppError::NotFound)?;
        self.storage.get_bytes(&cover.key).await
    }

    /// A published publication for the API.
    pub async fn view(&self, slug: &str) -> AppResult<PublicationView> {
        Ok(PublicationView::of(
            self.published(slug).await?,
            &self.config.base_url,
        ))
    }

    /// The published publications for the API, a page at a time.
    pub async fn list_views(&self, page: i64, per_page: i64) -> AppResult<Page<PublicationView>> {
        let page = self.list(page, per_page).await?;
        let base = &self.config.base_url;
        Ok(Page::new(
            page.items
                .into_iter()
                .map(|p| PublicationView::of(p, base))
                .collect(),
            page.total,
            page.page,
            page.per_page,
        ))
    }

    /// The last `n` published, newest first (the feed, newsletters).
    pub async fn newest(&self, n: i64) -> AppResult<Vec<Publication>> {
        Ok(self.read().await?.publications().newest(n).await?)
    }

    /// The published publications, a page at a time.
    pub async fn list(&self, page: i64, per_page: i64) -> AppResult<Page<Publication>> {
        let mut conn = self.read().await?;
        let total = conn.publications().count_published().await?;
        let items = conn
            .publications()
            .published(per_page, (page.max(1) - 1) * per_page)
            .await?;
        Ok(Page::new(items, total, page, per_page))
    }

    /// Every published publication's slug and last change, for the sitemap
    /// (a network has hundreds, not the 50,000 a sitemap file may hold).
    pub async fn sitemap(&self) -> AppResult<Vec<(String, i64)>> {
        let all = self
            .read()
            .await?
            .publications()
            .published(SITEMAP_MAX, 0)
            .await?;
        Ok(all.into_iter().map(|p| (p.slug, p.updated_at)).collect())
    }

    /// Removes files whose upload never got a row (a crash between the two)
    /// and temporary uploads left by a crash, both at least `age_ms` old;
    /// returns how many.
    pub async fn sweep_files(&self, age_ms: i64) -> AppResult<usize> {
        let before = self.now() - age_ms;
        let keys = self
            .read()
            .await?
            .pending_files()
            .older_than(before)
            .await?;
        for key in &keys {
            self.storage.delete(key).await?;
            let mut tx = self.begin("publications.sweep").await?;
            tx.pending_files().forget(key).await?;
            self.commit(tx).await?;
        }
        let age = std::time::Duration::from_millis(age_ms.max(0) as u64);
        let temps = self.storage.sweep_uploads(age);
        let unfinished = self.storage.sweep_unfinished(age, self.now()).await?;
        Ok(keys.len() + temps + unfinished)
    }

    fn this_year(&self) -> i32 {
        crate::dates::year_of(self.now())
    }
}

/// What opens as a PDF with at least one page; read on a blocking thread.
fn check_pdf(path: &std::path::Path, limit: u64) -> AppResult<CheckedPdf> {
    use std::io::Read;
    let refuse = |key: &'static str| AppError::field("file", key);
    let size = std::fs::metadata(path)
        .map_err(|e| AppError::Internal(e.to_string()))?
        .len();
    if size == 0 {
        return Err(refuse("error-file-required"));
    }
    if size > limit {
        return Err(refuse("error-file-too-large"));
    }
    let mut head = [0u8; 5];
    let mut f = std::fs::File::open(path).map_err(|e| AppError::Internal(e.to_string()))?;
    if f.read_exact(&mut head).is_err() || &head != b"%PDF-" {
        return Err(refuse("error-file-not-pdf"));
    }
    let doc = lopdf::Document::load(path).map_err(|_| refuse("error-file-not-pdf"))?;
    let pages = doc.get_pages().len() as u32;
    if pages == 0 {
        return Err(refuse("error-file-not-pdf"));
    }
    Ok(CheckedPdf {
        size,
        pages,
        text: pdf_text(&doc, pages),
    })
}

/// The text of the pages in order, up to `TEXT_MAX` bytes. A page whose
/// text cannot be read (scanned, odd fonts) is left out: the publication is
/// still found by its title and summary.
fn pdf_text(doc: &lopdf::Document, pages: u32) -> String {
    let mut text = String::new();
    for page in 1..=pages {
        if let Ok(t) = doc.extract_text(&[page]) {
            text.push_str(t.trim());
            text.push('\n');
        }
        if text.len() >= TEXT_MAX {
            let mut end = TEXT_MAX;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
            break;
        }
    }
    text
}
