//! The podcast for listeners: the series page with its episodes
//! (`/podcast`), a page per episode with a player, chapters and the whole
//! transcript, and what apps fetch: the feed (`feed.rs`), the audio (with
//! byte ranges, streamed), the transcript and the chapters (Podcasting 2.0
//! JSON). Drafts and withdrawn episodes are not found.

mod editor;
mod feed;

use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::podcast::EpisodeUrls;
use vooruit_domain::podcast::{Chapter, Episode, Series, TranscriptFormat, transcript_text};

use crate::AppState;
use crate::context::Ctx;
use crate::pages::{PageResult, Pager, files};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/podcast", list)
        .get("/podcast/omslag.jpg", cover)
        .get("/podcast/omslag.png", cover)
        .get("/podcast/omslag-klein.jpg", web_cover)
        .get("/podcast/{slug}", show)
        .get("/podcast/{slug}/audio.mp3", audio)
        .get("/podcast/{slug}/audio.m4a", audio)
        .get("/podcast/{slug}/transcript.vtt", transcript)
        .get("/podcast/{slug}/transcript.txt", transcript)
        .get("/podcast/{slug}/hoofdstukken.json", chapters)
        .merge(feed::routes())
        .merge(editor::routes())
}

const PER_PAGE: i64 = 20;

#[derive(serde::Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    page: String,
}

/// Minutes as readers say them ("42 minuten"), at least 1.
fn minutes(l: &Ctx, e: &Episode) -> String {
    l.t1(
        "podcast-minutes",
        "count",
        e.duration_secs().div_ceil(60).max(1),
    )
}

#[derive(Template, WebTemplate)]
#[template(path = "podcast/list.html")]
struct ListTemplate {
    l: Ctx,
    series: Series,
    episodes: Vec<(Episode, String)>,
    pager: Pager,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<PageQuery>) -> PageResult {
    let (page, _) = vooruit_app::page::offset(q.page.parse().unwrap_or(1), PER_PAGE);
    let podcast = s.app.podcast();
    let series = podcast.series().await?;
    let page = podcast.list(page, PER_PAGE).await?;
    let pager = Pager::new(&page, "/podcast".into());
    let episodes = page
        .items
        .into_iter()
        .map(|e| {
            let m = minutes(&l, &e);
            (e, m)
        })
        .collect();
    Ok(ListTemplate {
        l,
        series,
        episodes,
        pager,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "podcast/show.html")]
struct ShowTemplate {
    l: Ctx,
    e: Episode,
    series: Series,
    notes_html: String,
    chapters: Vec<Chapter>,
    /// The transcript's words, a paragraph per cue or per paragraph.
    transcript: Vec<String>,
    audio_url: String,
    transcript_url: String,
    minutes: String,
    size: String,
}

async fn show(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let podcast = s.app.podcast();
    let e = podcast.published(&slug).await?;
    let series = podcast.series().await?;
    let urls = EpisodeUrls::of(&e, "");
    let text = transcript_text(&e.transcript);
    let separator = match e.transcript_format() {
        TranscriptFormat::Vtt => "\n",
        TranscriptFormat::Text => "\n\n",
    };
    let transcript = text
        .split(separator)
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    Ok(ShowTemplate {
        notes_html: vooruit_app::markdown::render(&e.notes),
        chapters: e.chapter_list(),
        transcript,
        audio_url: urls.audio,
        transcript_url: urls.transcript,
        minutes: minutes(&l, &e),
        size: super::publications::file_size(&l, e.audio_size),
        series,
        l,
        e,
    }
    .into_response())
}

/// The episode's audio, streamed with byte ranges (players seek with them).
async fn audio(
    State(s): State<AppState>,
    Path(slug): Path<String>,
    uri: axum::http::Uri,
    headers: HeaderMap,
) -> PageResult {
    let e = s.app.podcast().published(&slug).await?;
    // Only the address the feed gives: `.mp3` for MP3, `.m4a` for M4A.
    if !uri.path().ends_with(e.audio_format.as_str()) {
        return Err(AppError::NotFound.into());
    }
    let stored = files::Stored {
        key: &e.audio_key,
        version: &e.id,
        mime: e.audio_format.mime(),
        download_as: None,
    };
    files::serve(&s, stored, &headers).await
}

/// The transcript as written: WebVTT or plain text.
async fn transcript(
    State(s): State<AppState>,
    Path(slug): Path<String>,
    uri: axum::http::Uri,
) -> PageResult {
    let e = s.app.podcast().published(&slug).await?;
    let format = e.transcript_format();
    if !uri.path().ends_with(format.as_str()) {
        return Err(AppError::NotFound.into());
    }
    let mime = match format {
        TranscriptFormat::Vtt => "text/vtt; charset=utf-8",
        TranscriptFormat::Text => "text/plain; charset=utf-8",
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        e.transcript,
    )
        .into_response())
}

/// The chapters in the Podcasting 2.0 JSON chapters format.
async fn chapters(State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let e = s.app.podcast().published(&slug).await?;
    let chapters: Vec<serde_json::Value> = e
        .chapter_list()
        .iter()
        .map(|c| serde_json::json!({ "startTime": c.start, "title": c.title }))
        .collect();
    let body = serde_json::json!({ "version": "1.2.0", "chapters": chapters });
    Ok((
        [(header::CONTENT_TYPE, "application/json+chapters")],
        Json(body),
    )
        .into_response())
}

/// The series' picture as uploaded (what apps show), under its own type,
/// streamed from storage (see `files::serve`).
async fn cover(State(s): State<AppState>, uri: axum::http::Uri, headers: HeaderMap) -> PageResult {
    let cover = s.app.podcast().cover().await?;
    if !uri.path().ends_with(&format!(".{}", cover.ext)) {
        return Err(AppError::NotFound.into());
    }
    let mime = if cover.ext == "png" {
        "image/png"
    } else {
        "image/jpeg"
    };
    let stored = files::Stored {
        key: &cover.original_key,
        version: &cover.original_key,
        mime,
        download_as: None,
    };
    files::serve(&s, stored, &headers).await
}

/// The series' picture for the site.
async fn web_cover(State(s): State<AppState>, headers: HeaderMap) -> PageResult {
    let cover = s.app.podcast().cover().await?;
    let stored = files::Stored {
        key: &cover.web_key,
        version: &cover.web_key,
        mime: "image/jpeg",
        download_as: None,
    };
    files::serve(&s, stored, &headers).await
}
