//! Live pages (a terugblik, a dilemma session): server-sent events that
//! say only *that* something changed. One `changed` event, with the new
//! version as its id, as soon as the version moves; then the stream ends
//! and the browser reconnects at once (sending that id back as
//! Last-Event-ID). The events carry no content at all: the page fetches
//! itself again, as this member may see it, so what is hidden from a
//! member never travels to their browser.

use std::future::Future;

use axum::http::{HeaderMap, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use vooruit_app::AppResult;

/// How often a live stream asks the database for the version. Polling the
/// database (not a signal inside this process) is what lets a change made
/// on one node reach viewers on every node.
const POLL: std::time::Duration = std::time::Duration::from_millis(700);
/// A stream without news ends after this long; the browser reconnects by
/// itself, and membership is checked again.
const FOR: std::time::Duration = std::time::Duration::from_secs(20 * 60);

#[derive(serde::Deserialize)]
pub struct LiveQuery {
    /// The version the page was drawn at: a change between drawing and
    /// connecting is not missed.
    sinds: Option<String>,
}

/// The version the browser knows: Last-Event-ID after a reconnect, else
/// the one the page was drawn at, else `now`.
pub fn known(headers: &HeaderMap, q: &LiveQuery, now: i64) -> i64 {
    let seen = |v: Option<&str>| v.and_then(|v| v.trim().parse::<i64>().ok());
    seen(headers.get("last-event-id").and_then(|v| v.to_str().ok()))
        .or(seen(q.sinds.as_deref()))
        .unwrap_or(now)
}

/// The stream: `version` is asked every [`POLL`] until it differs from
/// `known`. The caller checked, once, that the viewer may see the page.
pub fn changes<F, Fut>(known: i64, version: F) -> Response
where
    F: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = AppResult<Option<i64>>> + Send,
{
    let change = async move {
        let until = tokio::time::Instant::now() + FOR;
        while tokio::time::Instant::now() < until {
            match version().await {
                Ok(Some(v)) if v != known => {
                    return Some(Ok::<_, std::convert::Infallible>(
                        Event::default()
                            .event("changed")
                            .id(v.to_string())
                            .data(v.to_string())
                            .retry(std::time::Duration::from_millis(500)),
                    ));
                }
                Ok(Some(_)) => tokio::time::sleep(POLL).await,
                // Gone (the group was removed) or the database failed: the
                // stream ends, the browser tries again later.
                _ => return None,
            }
        }
        None
    };
    let events = futures_util::StreamExt::filter_map(futures_util::stream::once(change), |e| {
        std::future::ready(e)
    });
    (
        [(header::CACHE_CONTROL, "no-store")],
        Sse::new(events).keep_alive(KeepAlive::default()),
    )
        .into_response()
}
