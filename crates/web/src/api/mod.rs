//! The JSON API under `/api/v1`, described as OpenAPI at `/api/openapi.json`.
//! It calls the same `App` functions as the HTML pages.

pub mod v1;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use serde::de::DeserializeOwned;
use vooruit_app::AppError;

use crate::context::Ctx;
use crate::routes::Routes;
use crate::{ApiError, AppState};

mod test_clock;

/// What the API serves beside `/api/v1`: its description, and the test
/// clock (which answers 404 unless the server runs in test mode).
pub fn routes() -> Routes {
    Routes::new()
        .get("/api/openapi.json", openapi)
        .post("/api/test/clock", test_clock::advance)
}

async fn openapi(State(s): State<AppState>) -> Json<utoipa::openapi::OpenApi> {
    Json((*s.openapi).clone())
}

pub type ApiResult<T> = Result<T, ApiError>;

/// Wraps an app error with the caller's language for the problem document.
pub fn api_err(l: &Ctx) -> impl Fn(AppError) -> ApiError + '_ {
    move |error| ApiError {
        error,
        lang: l.lang,
    }
}

/// Parses a JSON body; malformed JSON is a 400 problem, not a crash.
pub fn parse_json<T: DeserializeOwned>(l: &Ctx, body: &Bytes) -> ApiResult<T> {
    serde_json::from_slice(body).map_err(|_| ApiError {
        error: AppError::BadRequest("error-bad-json"),
        lang: l.lang,
    })
}

/// The signed-in user, or 401.
pub fn require_user(l: &Ctx) -> ApiResult<vooruit_app::accounts::User> {
    l.user.clone().ok_or(ApiError {
        error: AppError::Unauthorized,
        lang: l.lang,
    })
}
