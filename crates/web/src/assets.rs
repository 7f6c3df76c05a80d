//! Static files, embedded in the binary. Their URLs carry a version, so they
//! can be cached for a year.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::routes::Routes;

const CSS: &str = include_str!("../static/vooruit.css");
const LIVE_JS: &str = include_str!("../static/live.js");
const FAVICON: &str = include_str!("../static/favicon.svg");

/// Changes with every release, so browsers fetch the new files.
pub const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");

const CACHE: &str = "public, max-age=31536000, immutable";

pub fn routes() -> Routes {
    Routes::new()
        .get("/static/{version}/vooruit.css", css)
        .get("/static/{version}/thema.css", theme_css)
        .get("/static/{version}/live.js", live_js)
        .get("/favicon.svg", favicon)
}

async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        CSS,
    )
        .into_response()
}

/// The little script that makes a terugblik live (pages work without it).
async fn live_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        LIVE_JS,
    )
        .into_response()
}

/// The organisation's own design tokens (VOORUIT_THEME_CSS), or nothing.
async fn theme_css(State(state): State<AppState>) -> Response {
    let body = state.web.theme_css.clone().unwrap_or_default();
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response()
}

async fn favicon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        FAVICON,
    )
        .into_response()
}
