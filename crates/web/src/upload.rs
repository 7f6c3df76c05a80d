//! Forms with a file (`multipart/form-data`). The middleware lets these
//! through only on `UPLOAD_PATHS`, without reading them: the CSRF token is
//! checked here, and it must come before the file (our forms put it
//! first), so a forged upload is refused before a byte of its file is
//! written. The file streams to a temporary file (`TempUpload`), never
//! into memory; the other fields are small and kept as a `FormData`.

use axum::extract::Multipart;
use vooruit_app::AppError;
use vooruit_app::storage::{Storage, TempUpload};

use crate::context::Ctx;
use crate::form::FormData;

/// The paths that take `multipart/form-data` (POST only). They are exempt
/// from the site's 1 MiB body limit and 30 s timeout; each has its own
/// limit per kind of file.
pub const UPLOAD_PATHS: [&str; 6] = [
    "/redactie/publicaties/nieuw",
    "/redactie/podcast",
    "/redactie/podcast/nieuw",
    "/redactie/video/nieuw",
    "/redactie/werkwijzers/nieuw",
    "/redactie/magazine/nieuw",
];

/// Upload forms whose path has an id in it: a guide's edit form (its steps
/// may get pictures) and a magazine issue's (its PDF).
const UPLOAD_PREFIXES: [&str; 2] = ["/redactie/werkwijzers/", "/redactie/magazine/"];

/// Whether a POST to `path` is an upload form (see `UPLOAD_PATHS`).
pub fn is_upload_path(path: &str) -> bool {
    UPLOAD_PATHS.contains(&path)
        || UPLOAD_PREFIXES.iter().any(|p| {
            path.strip_prefix(p)
                .is_some_and(|id| !id.is_empty() && !id.contains('/'))
        })
}

/// All text fields of an upload form together may be this large.
const TEXT_LIMIT: usize = 512 * 1024;

/// A file past its limit is read on (and thrown away) up to this many
/// times the limit, so the browser gets the form back with the message
/// instead of a broken connection; beyond, the connection is closed.
const DRAIN_FACTOR: u64 = 2;

pub struct Upload {
    pub fields: FormData,
    /// The files that were sent within their limits, by field.
    files: Vec<(String, TempUpload)>,
    /// The fields whose file was larger than its limit (and not kept).
    too_large: Vec<String>,
}

impl Upload {
    /// The file sent in `field`, if one was (and within its limit).
    pub fn file(&self, field: &str) -> Option<&TempUpload> {
        self.files.iter().find(|(f, _)| f == field).map(|(_, t)| t)
    }

    /// Whether the file sent in `field` was over its limit.
    pub fn too_large(&self, field: &str) -> bool {
        self.too_large.iter().any(|f| f == field)
    }
}

/// Reads an upload form whose file fields are `files`, each with the most
/// bytes it may have: (field, limit).
pub async fn read(
    l: &Ctx,
    storage: &Storage,
    mut multipart: Multipart,
    files: &[(&str, u64)],
) -> Result<Upload, AppError> {
    let bad = |_| AppError::BadRequest("error-bad-form");
    let first = multipart.next_field().await.map_err(bad)?;
    let csrf = match first {
        Some(f) if f.name() == Some("csrf") => f.text().await.map_err(bad)?,
        _ => String::new(),
    };
    if csrf.is_empty() || csrf != l.csrf {
        return Err(AppError::BadRequest("error-csrf"));
    }
    let mut upload = Upload {
        fields: FormData(Vec::new()),
        files: Vec::new(),
        too_large: Vec::new(),
    };
    let mut text_size = 0;
    while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_string();
        let limit = files.iter().find(|(f, _)| *f == name).map(|(_, l)| *l);
        if let Some(limit) = limit {
            if upload.file(&name).is_some() || upload.too_large(&name) {
                return Err(AppError::BadRequest("error-bad-form"));
            }
            let mut temp = storage.temp_file().await?;
            let mut size: u64 = 0;
            let mut kept = true;
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                size += chunk.len() as u64;
                if size > limit * DRAIN_FACTOR {
                    return Err(AppError::BadRequest("error-file-too-large"));
                }
                if size > limit {
                    kept = false;
                } else {
                    temp.write(&chunk).await?;
                }
            }
            if !kept {
                upload.too_large.push(name);
            } else if size > 0 {
                temp.finish().await?;
                upload.files.push((name, temp));
            }
        } else {
            let value = field.text().await.map_err(bad)?;
            text_size += value.len();
            if text_size > TEXT_LIMIT {
                return Err(AppError::BadRequest("error-bad-form"));
            }
            upload.fields.0.push((name, value));
        }
    }
    Ok(upload)
}
