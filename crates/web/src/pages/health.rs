use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::AppState;

/// 200 when the database answers, 503 when it does not: load balancers and
/// monitoring take a node out of service on 503.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    if state.app.db.ping().await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
