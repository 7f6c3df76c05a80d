//! Publications for readers: the list (`/publicaties`), a page per
//! publication and its file (`/publicaties/{slug}/bestand`), streamed from
//! storage with byte ranges, never compressed on the fly and never whole
//! in memory. Drafts and withdrawn publications are not found.

mod editor;

use askama::Template;
use askama_web::WebTemplate;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use vooruit_domain::publication::Publication;

use crate::AppState;
use crate::context::Ctx;
use crate::pages::{PageResult, Pager};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/publicaties", list)
        .get("/publicaties/{slug}", show)
        .get("/publicaties/{slug}/bestand", file)
        .get("/publicaties/{slug}/omslag.jpg", cover)
        .merge(editor::routes())
}

const PER_PAGE: i64 = 20;

#[derive(serde::Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    page: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "publications/list.html")]
struct ListTemplate {
    l: Ctx,
    publications: Vec<Publication>,
    pager: Pager,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<PageQuery>) -> PageResult {
    let (page, _) = vooruit_app::page::offset(q.page.parse().unwrap_or(1), PER_PAGE);
    let page = s.app.publications().list(page, PER_PAGE).await?;
    let pager = Pager::new(&page, "/publicaties".into());
    Ok(ListTemplate {
        l,
        publications: page.items,
        pager,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "publications/show.html")]
struct ShowTemplate {
    l: Ctx,
    paragraphs: Vec<String>,
    size: String,
    p: Publication,
}

async fn show(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let p = s.app.publications().published(&slug).await?;
    let paragraphs = p
        .summary
        .split("\n\n")
        .map(|para| para.trim().to_string())
        .filter(|para| !para.is_empty())
        .collect();
    Ok(ShowTemplate {
        size: file_size(&l, p.file_size),
        paragraphs,
        l,
        p,
    }
    .into_response())
}

/// A file size as readers say it: "340 kB", "2,4 MB".
pub fn file_size(l: &Ctx, bytes: i64) -> String {
    let kb = bytes as f64 / 1000.0;
    if kb < 1000.0 {
        format!("{} kB", kb.ceil() as i64)
    } else {
        let mb = format!("{:.1}", kb / 1000.0);
        let mb = if l.lang_code() == "nl" {
            mb.replace('.', ",")
        } else {
            mb
        };
        format!("{mb} MB")
    }
}

/// The cover's web version (a small JPEG, read whole).
async fn cover(State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let jpeg = s.app.publications().cover(&slug).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        jpeg,
    )
        .into_response())
}

/// The PDF, whole or the range asked for (one range; a list of ranges gets
/// the whole file, which HTTP allows).
async fn file(
    State(s): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> PageResult {
    let p = s.app.publications().published(&slug).await?;
    let size = s.app.storage.size(&p.file_key).await?;
    let etag = format!("\"{}-{}\"", p.id, size);
    let asked = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .filter(|_| if_range_holds(&headers, &etag));
    let range = match asked.map(|r| parse_range(r, size)) {
        None | Some(Range::Ignored) => None,
        Some(Range::Unsatisfiable) => {
            let mut res = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            res.headers_mut().insert(
                header::CONTENT_RANGE,
                header_value(&format!("bytes */{size}")),
            );
            return Ok(res);
        }
        Some(Range::Bytes(r)) => Some(r),
    };
    let stream = s.app.storage.read(&p.file_key, range.clone()).await?;
    let mut res = Response::new(Body::from_stream(stream));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    h.insert(header::ETAG, header_value(&etag));
    h.insert(
        header::CONTENT_DISPOSITION,
        header_value(&format!("attachment; filename=\"{}\"", p.download_name())),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    match range {
        Some(r) => {
            h.insert(
                header::CONTENT_LENGTH,
                header_value(&(r.end - r.start).to_string()),
            );
            h.insert(
                header::CONTENT_RANGE,
                header_value(&format!("bytes {}-{}/{size}", r.start, r.end - 1)),
            );
            *res.status_mut() = StatusCode::PARTIAL_CONTENT;
        }
        None => {
            h.insert(header::CONTENT_LENGTH, header_value(&size.to_string()));
        }
    }
    Ok(res)
}

fn header_value(s: &str) -> HeaderValue {
    HeaderValue::from_str(s).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// `If-Range` with another version's tag: the whole file instead of a range.
fn if_range_holds(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get(header::IF_RANGE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v == etag)
}

#[derive(Debug, PartialEq, Eq)]
enum Range {
    /// Bytes `start..end` of the file.
    Bytes(std::ops::Range<u64>),
    /// Not a range we serve (another unit, several ranges): the whole file.
    Ignored,
    /// A range past the end of the file.
    Unsatisfiable,
}

/// One `bytes=` range: `a-b`, `a-` or `-n` (the last n bytes).
fn parse_range(value: &str, size: u64) -> Range {
    let Some(spec) = value.trim().strip_prefix("bytes=") else {
        return Range::Ignored;
    };
    if spec.contains(',') {
        return Range::Ignored;
    }
    let Some((from, to)) = spec.trim().split_once('-') else {
        return Range::Ignored;
    };
    let (from, to) = (from.trim(), to.trim());
    let parsed = match (from.is_empty(), to.is_empty()) {
        (true, true) => return Range::Ignored,
        (true, false) => to
            .parse::<u64>()
            .ok()
            .map(|n| (size.saturating_sub(n), size)),
        (false, _) => from.parse::<u64>().ok().and_then(|start| {
            if to.is_empty() {
                Some((start, size))
            } else {
                to.parse::<u64>()
                    .ok()
                    .filter(|&end| end >= start)
                    .map(|end| (start, (end + 1).min(size)))
            }
        }),
    };
    match parsed {
        None => Range::Ignored,
        Some((start, end)) if start >= size || start >= end => Range::Unsatisfiable,
        Some((start, end)) => Range::Bytes(start..end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_as_http_has_them() {
        assert_eq!(parse_range("bytes=0-99", 1000), Range::Bytes(0..100));
        assert_eq!(parse_range("bytes=900-", 1000), Range::Bytes(900..1000));
        assert_eq!(parse_range("bytes=-100", 1000), Range::Bytes(900..1000));
        assert_eq!(parse_range("bytes=990-2000", 1000), Range::Bytes(990..1000));
        assert_eq!(parse_range("bytes=1000-", 1000), Range::Unsatisfiable);
        assert_eq!(parse_range("bytes=0-1,5-9", 1000), Range::Ignored);
        assert_eq!(parse_range("items=0-1", 1000), Range::Ignored);
        assert_eq!(parse_range("bytes=9-1", 1000), Range::Ignored);
        assert_eq!(parse_range("bytes=-", 1000), Range::Ignored);
    }
}
