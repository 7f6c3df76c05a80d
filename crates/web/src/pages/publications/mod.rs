//! Publications for readers: the list (`/publicaties`), a page per
//! publication and its file (`/publicaties/{slug}/bestand`), streamed from
//! storage with byte ranges, never compressed on the fly and never whole
//! in memory. Drafts and withdrawn publications are not found.

mod editor;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use vooruit_domain::publication::Publication;

use crate::AppState;
use crate::context::Ctx;
use crate::pages::{PageResult, Pager, files};
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

/// The PDF, streamed with byte ranges (see `files::serve`), saved under a
/// name made from its slug.
async fn file(
    State(s): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> PageResult {
    let p = s.app.publications().published(&slug).await?;
    let stored = files::Stored {
        key: &p.file_key,
        version: &p.id,
        mime: "application/pdf",
        download_as: Some(p.download_name()),
    };
    files::serve(&s, stored, &headers).await
}
