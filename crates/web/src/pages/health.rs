use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::AppState;

/// Below this much free space in the data dir a node reports itself
/// unhealthy: the next story, search commit or mail file would fail, even
/// if SQLite can still reuse room in its log for the one-row probe.
const MIN_FREE_BYTES: u64 = 1 << 20;

/// 200 when the database takes a write and the data dir has room, 503
/// when not (database down, disk full, write lock lost): load balancers and
/// monitoring take a node out of service on 503 and put it back once
/// writes work again.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let room = free_bytes(&state.app.config.data_dir).is_none_or(|b| b >= MIN_FREE_BYTES);
    if !room {
        (StatusCode::SERVICE_UNAVAILABLE, "data dir full")
    } else if state.app.db.takes_writes().await {
        (StatusCode::OK, "ok")
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "database cannot take writes",
        )
    }
}

/// Free bytes for an unprivileged writer on the data dir's file system
/// (None when it cannot be asked, for example a data dir not made yet).
fn free_bytes(dir: &std::path::Path) -> Option<u64> {
    let s = rustix::fs::statvfs(dir).ok()?;
    Some(s.f_bavail.saturating_mul(s.f_frsize))
}
