//! The test clock: in test mode (`VOORUIT_MODE=test`) a test moves the
//! server's one clock forward, so "three months later" takes no waiting,
//! and asks for a round of housekeeping at that time instead of waiting
//! ten minutes for it. In production the clock is the system clock and
//! both answer 404.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use vooruit_app::AppError;

use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json};
use crate::context::Ctx;

#[derive(Deserialize)]
pub struct Advance {
    /// Seconds to move forward (never back).
    seconds: i64,
}

#[derive(Serialize)]
pub struct Now {
    /// The clock's time afterwards, unix milliseconds.
    now: i64,
}

pub async fn advance(l: Ctx, State(s): State<AppState>, body: Bytes) -> ApiResult<Json<Now>> {
    if !s.app.db.clock().is_movable() {
        return Err(api_err(&l)(AppError::NotFound));
    }
    let input: Advance = parse_json(&l, &body)?;
    let now = s
        .app
        .db
        .clock()
        .advance(input.seconds.saturating_mul(1000))
        .ok_or_else(|| api_err(&l)(AppError::NotFound))?;
    Ok(Json(Now { now }))
}

/// One round of housekeeping now (test mode only).
pub async fn housekeeping(l: Ctx, State(s): State<AppState>) -> ApiResult<axum::http::StatusCode> {
    if !s.app.db.clock().is_movable() {
        return Err(api_err(&l)(AppError::NotFound));
    }
    s.app.housekeep().await.map_err(api_err(&l))?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
