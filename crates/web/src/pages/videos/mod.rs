//! Videos for viewers: the list (`/video`) and a page per video. An
//! uploaded video plays in the browser's own player with its captions
//! (`<track>`) and poster; its file is streamed with byte ranges. A video
//! on YouTube or Vimeo shows a placeholder that names the platform and
//! links to it: nothing is fetched from the platform and no cookie is set
//! until the visitor asks to load it (`?laden=1`, a plain link, so it
//! works without JavaScript). Only that answer allows the platform's
//! player in its Content-Security-Policy (`frame-src`). Every video page
//! has the transcript.

mod editor;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_domain::video::{Video, VideoSource};

use crate::AppState;
use crate::context::Ctx;
use crate::pages::{PageResult, Pager, files};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/video", list)
        .get("/video/{slug}", show)
        .get("/video/{slug}/bestand.mp4", file)
        .get("/video/{slug}/bestand.webm", file)
        .get("/video/{slug}/poster.jpg", poster)
        .get("/video/{slug}/ondertitels.nl.vtt", captions)
        .get("/video/{slug}/ondertitels.en.vtt", captions)
        .merge(editor::routes())
}

const PER_PAGE: i64 = 20;

#[derive(serde::Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    page: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "videos/list.html")]
struct ListTemplate {
    l: Ctx,
    videos: Vec<Video>,
    pager: Pager,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<ListQuery>) -> PageResult {
    let (page, _) = vooruit_app::page::offset(q.page.parse().unwrap_or(1), PER_PAGE);
    let page = s.app.videos().list(page, PER_PAGE).await?;
    let pager = Pager::new(&page, "/video".into());
    Ok(ListTemplate {
        l,
        videos: page.items,
        pager,
    }
    .into_response())
}

#[derive(serde::Deserialize, Default)]
struct ShowQuery {
    /// Set by the placeholder's link: load the platform's player.
    #[serde(default)]
    laden: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "videos/show.html")]
struct ShowTemplate {
    l: Ctx,
    v: Video,
    description_html: String,
    transcript: Vec<String>,
    /// The platform's player, when the visitor asked for it.
    player: Option<String>,
    /// The platform's name and the video's page there (embeds).
    platform: Option<(&'static str, String)>,
    file_url: String,
    file_type: &'static str,
}

async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<ShowQuery>,
) -> PageResult {
    let v = s.app.videos().published(&slug).await?;
    let load = q.laden == "1";
    let (player, platform, frame) = match v.platform() {
        Some((p, id)) => (
            load.then(|| p.player_url(id)),
            Some((p.name(), p.watch_url(id))),
            load.then(|| p.frame_origin()),
        ),
        None => (None, None, None),
    };
    let (file_url, file_type) = match &v.source {
        VideoSource::File { format, .. } => (
            format!("/video/{}/bestand.{}", v.slug, format.as_str()),
            format.mime(),
        ),
        VideoSource::Embed { .. } => (String::new(), ""),
    };
    let transcript = v
        .transcript
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut res = ShowTemplate {
        description_html: vooruit_app::markdown::render(&v.description),
        transcript,
        player,
        platform,
        file_url,
        file_type,
        l,
        v,
    }
    .into_response();
    if let Some(origin) = frame {
        let csp = crate::middleware::csp_with_frame(origin);
        if let Ok(value) = HeaderValue::from_str(&csp) {
            res.headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    Ok(res)
}

/// The uploaded video, streamed with byte ranges (players seek with them).
async fn file(
    State(s): State<AppState>,
    Path(slug): Path<String>,
    uri: axum::http::Uri,
    headers: HeaderMap,
) -> PageResult {
    let v = s.app.videos().published(&slug).await?;
    let VideoSource::File { key, format, .. } = &v.source else {
        return Err(AppError::NotFound.into());
    };
    if !uri.path().ends_with(format.as_str()) {
        return Err(AppError::NotFound.into());
    }
    let stored = files::Stored {
        key,
        version: &v.id,
        mime: format.mime(),
        download_as: None,
    };
    files::serve(&s, stored, &headers).await
}

async fn poster(State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let jpeg = s.app.videos().poster(&slug).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        jpeg,
    )
        .into_response())
}

/// The captions in one language (WebVTT), for the player's `<track>`.
async fn captions(
    State(s): State<AppState>,
    Path(slug): Path<String>,
    uri: axum::http::Uri,
) -> PageResult {
    let v = s.app.videos().published(&slug).await?;
    let text = if uri.path().ends_with(".en.vtt") {
        v.captions_en
    } else {
        v.captions_nl
    };
    if text.is_empty() {
        return Err(AppError::NotFound.into());
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/vtt; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        text,
    )
        .into_response())
}
