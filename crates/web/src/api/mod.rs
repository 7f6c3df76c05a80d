//! The JSON API under `/api/v1`, described as OpenAPI at `/api/openapi.json`.
//! It calls the same `App` functions as the HTML pages.

pub mod v1;

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
        .post("/api/test/housekeeping", test_clock::housekeeping)
}

async fn openapi(State(s): State<AppState>) -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        (*s.openapi).clone(),
    )
        .into_response()
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

/// Query parameters for the API: a value that does not fit (a word where a
/// number belongs, an unknown enum value) is a 400 problem document like
/// every other error, not axum's plain-text answer.
pub struct ApiQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        let lang = parts
            .extensions
            .get::<Ctx>()
            .map_or(crate::i18n::Lang::Nl, |c| c.lang);
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|q| ApiQuery(q.0))
            .map_err(|_| ApiError {
                error: AppError::BadRequest("error-bad-query"),
                lang,
            })
    }
}

/// An integer in a JSON body, also when it is written as `12.0`: JSON Schema
/// counts that as an integer, so a client may send it.
pub fn integer<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let n = <serde_json::Number as serde::Deserialize>::deserialize(d)?;
    if let Some(i) = n.as_i64() {
        return Ok(i);
    }
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Ok(f as i64),
        _ => Err(serde::de::Error::custom("not an integer")),
    }
}

/// Page numbers run from 1 to 100,000; past that a client is told so.
/// The page of a list (`?page=`), shared by every paged list.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 100000)]
    pub page: Option<i64>,
}

pub fn page_number(l: &Ctx, page: Option<i64>) -> ApiResult<i64> {
    match page {
        None => Ok(1),
        Some(p) if (1..=vooruit_app::page::MAX_PAGE).contains(&p) => Ok(p),
        Some(_) => Err(ApiError {
            error: AppError::BadRequest("error-bad-query"),
            lang: l.lang,
        }),
    }
}

/// The signed-in user, or 401.
pub fn require_user(l: &Ctx) -> ApiResult<vooruit_app::accounts::User> {
    l.user.clone().ok_or(ApiError {
        error: AppError::Unauthorized,
        lang: l.lang,
    })
}

/// A signed-in editor (or administrator): 401 without a session, 403 for
/// other roles, before the body is even read.
pub fn require_editor(l: &Ctx) -> ApiResult<vooruit_app::accounts::User> {
    let user = require_user(l)?;
    user.require_editor().map_err(api_err(l))?;
    Ok(user)
}

/// A signed-in administrator: 401 without a session, 403 for other roles.
pub fn require_admin(l: &Ctx) -> ApiResult<vooruit_app::accounts::User> {
    let user = require_user(l)?;
    user.require_admin().map_err(api_err(l))?;
    Ok(user)
}
