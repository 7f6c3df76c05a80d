//! Pictures. An upload is a picture only when it is one: JPEG, PNG or WebP
//! by its first bytes, then decoded in full within limits (never by its
//! name or the browser's word). The web shows a resized JPEG of it, with
//! its width and height, so pages do not jump while it loads; the
//! original is kept as uploaded.

use std::io::BufReader;
use std::path::Path;

use image::{DynamicImage, ImageFormat, ImageReader, Limits};

use crate::{AppError, AppResult};

/// Pictures decoded on this node at once: a large one takes a few hundred
/// MB while it is decoded.
static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// No side longer than this is decoded (a 48-megapixel photo is 8000).
const MAX_SIDE: u32 = 12_000;
/// Memory one decode may take.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;
/// The web version of a cover fits in this box (twice the size it is
/// shown at, for sharp screens).
pub const COVER_BOX: (u32, u32) = (480, 680);
const JPEG_QUALITY: u8 = 82;

/// The resized version the web shows.
#[derive(Debug, Clone)]
pub struct WebImage {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// A picture that was checked: what it is and its web version.
#[derive(Debug, Clone)]
pub struct CheckedImage {
    /// The file name extension of the original (`jpg`, `png`, `webp`).
    pub ext: &'static str,
    pub width: u32,
    pub height: u32,
    pub web: WebImage,
}

/// Checks the picture at `path` (at most `limit` bytes) and makes its web
/// version within `fit`. Errors are for the form field `field`.
pub async fn check(
    path: &Path,
    limit: u64,
    fit: (u32, u32),
    field: &'static str,
) -> AppResult<CheckedImage> {
    let _turn = DECODING
        .acquire()
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || check_now(&path, limit, fit, field))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
}

fn check_now(
    path: &Path,
    limit: u64,
    fit: (u32, u32),
    field: &'static str,
) -> AppResult<CheckedImage> {
    use std::io::Read;
    let refuse = |key: &'static str| AppError::field(field, key);
    let size = std::fs::metadata(path)
        .map_err(|e| AppError::Internal(e.to_string()))?
        .len();
    if size > limit {
        return Err(refuse("error-file-too-large"));
    }
    let mut file = std::fs::File::open(path).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut head = [0u8; 32];
    let n = file
        .read(&mut head)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let (format, ext) = match image::guess_format(&head[..n]) {
        Ok(ImageFormat::Jpeg) => (ImageFormat::Jpeg, "jpg"),
        Ok(ImageFormat::Png) => (ImageFormat::Png, "png"),
        Ok(ImageFormat::WebP) => (ImageFormat::WebP, "webp"),
        _ => return Err(refuse("error-file-not-image")),
    };
    let file = std::fs::File::open(path).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut reader = ImageReader::with_format(BufReader::new(file), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let picture = reader
        .decode()
        .map_err(|_| refuse("error-file-not-image"))?;
    let (width, height) = (picture.width(), picture.height());
    if width == 0 || height == 0 {
        return Err(refuse("error-file-not-image"));
    }
    Ok(CheckedImage {
        ext,
        width,
        height,
        web: web_version(&picture, fit)?,
    })
}

/// The picture within `fit` (never made larger), as a JPEG.
pub fn web_version(picture: &DynamicImage, fit: (u32, u32)) -> AppResult<WebImage> {
    let smaller;
    let shown = if picture.width() > fit.0 || picture.height() > fit.1 {
        smaller = picture.resize(fit.0, fit.1, image::imageops::FilterType::Triangle);
        &smaller
    } else {
        picture
    };
    let rgb = shown.to_rgb8();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(WebImage {
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// The first page of the PDF at `pdf`, drawn by `pdftoppm` (poppler-utils)
/// and made a web version; None when the program is not set or not
/// installed, or fails (the page then shows a generic cover).
pub async fn pdf_cover(pdftoppm: Option<&str>, pdf: &Path, out_dir: &Path) -> Option<WebImage> {
    let program = pdftoppm?;
    let prefix = out_dir.join(format!("cover-{}", hex::encode(rand::random::<[u8; 8]>())));
    let png = prefix.with_extension("png");
    let run = tokio::process::Command::new(program)
        .args(["-f", "1", "-l", "1", "-singlefile", "-png", "-scale-to"])
        .arg((COVER_BOX.1).to_string())
        .arg(pdf)
        .arg(&prefix)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .status();
    let drawn = match tokio::time::timeout(std::time::Duration::from_secs(30), run).await {
        Ok(Ok(status)) if status.success() => true,
        Ok(Ok(status)) => {
            tracing::warn!(%status, "pdftoppm could not draw a cover");
            false
        }
        Ok(Err(e)) => {
            tracing::debug!(error = %e, program, "no pdftoppm: generic covers");
            false
        }
        Err(_) => {
            tracing::warn!("pdftoppm took too long; generic cover");
            false
        }
    };
    let cover = if drawn {
        // A drawing of a page is an ordinary PNG; checked like any picture.
        check(&png, u64::MAX, COVER_BOX, "file")
            .await
            .ok()
            .map(|c| c.web)
    } else {
        None
    };
    let _ = tokio::fs::remove_file(&png).await;
    cover
}
