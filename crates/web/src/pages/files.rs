//! Stored files for readers (a publication's PDF, an episode's audio):
//! streamed from storage, never whole in memory and never compressed on
//! the fly, with what players and download managers need: byte ranges
//! (`Range` → 206, open-ended and suffix ranges, 416 past the end),
//! `If-Range`, an `ETag` and `If-None-Match` → 304. `HEAD` is answered by
//! the same handler (axum drops the body).

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::pages::PageResult;

/// A stored file to serve.
pub struct Stored<'a> {
    pub key: &'a str,
    /// Changes when the file could have: the ETag is made of it and the size.
    pub version: &'a str,
    pub mime: &'static str,
    /// Saved under this name (`attachment`); None plays in the page.
    pub download_as: Option<String>,
}

/// The file, whole or the range asked for (one range; a list of ranges
/// gets the whole file, which HTTP allows).
pub async fn serve(s: &AppState, file: Stored<'_>, headers: &HeaderMap) -> PageResult {
    let size = s.app.storage.size(file.key).await?;
    let etag = format!("\"{}-{}\"", file.version, size);
    if none_match(headers, &etag) {
        let mut res = StatusCode::NOT_MODIFIED.into_response();
        res.headers_mut().insert(header::ETAG, header_value(&etag));
        return Ok(res);
    }
    let asked = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .filter(|_| if_range_holds(headers, &etag));
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
    let stream = s.app.storage.read(file.key, range.clone()).await?;
    let mut res = Response::new(Body::from_stream(stream));
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(file.mime));
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    h.insert(header::ETAG, header_value(&etag));
    if let Some(name) = &file.download_as {
        h.insert(
            header::CONTENT_DISPOSITION,
            header_value(&format!("attachment; filename=\"{name}\"")),
        );
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
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

/// `If-None-Match` naming this version (or `*`): the client has it.
fn none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == etag || t == "*")
        })
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
