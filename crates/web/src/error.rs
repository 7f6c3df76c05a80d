//! Rendering `AppError` for people (an HTML page in their language) and for
//! programs (an RFC 9457 problem document with a translated `detail`).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use vooruit_app::AppError;

use crate::i18n::{Lang, translate};

/// The HTTP status and message key of an error.
pub fn status_and_key(e: &AppError) -> (StatusCode, &'static str) {
    match e {
        AppError::NotFound => (StatusCode::NOT_FOUND, "error-not-found"),
        AppError::Validation(_) => (StatusCode::UNPROCESSABLE_ENTITY, "error-validation"),
        AppError::Unauthorized => (StatusCode::UNAUTHORIZED, "error-login-required"),
        AppError::Forbidden => (StatusCode::FORBIDDEN, "error-forbidden"),
        AppError::Conflict(key) => (StatusCode::CONFLICT, key),
        AppError::BadRequest(key) => (StatusCode::BAD_REQUEST, key),
        AppError::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "error-method-not-allowed"),
        AppError::TooManyRequests => (StatusCode::TOO_MANY_REQUESTS, "error-too-many"),
        AppError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "error-internal"),
    }
}

fn log(e: &AppError) {
    if let AppError::Internal(detail) = e {
        tracing::error!(%detail, "internal error");
    }
}

/// An error on an HTML page. It leaves only a marker in the response; the
/// context middleware renders the full error page around it, with the
/// visitor's language and menu.
#[derive(Debug)]
pub struct HtmlError(pub AppError);

/// Attached to an error response for the page renderer.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage {
    pub key: &'static str,
}

impl From<AppError> for HtmlError {
    fn from(e: AppError) -> Self {
        HtmlError(e)
    }
}

impl IntoResponse for HtmlError {
    fn into_response(self) -> Response {
        log(&self.0);
        let (status, key) = status_and_key(&self.0);
        let mut res = status.into_response();
        res.extensions_mut().insert(ErrorPage { key });
        res
    }
}

/// An error of the JSON API.
#[derive(Debug)]
pub struct ApiError {
    pub error: AppError,
    pub lang: Lang,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        log(&self.error);
        problem(&self.error, self.lang)
    }
}

/// An RFC 9457 problem document; validation errors list every field with its
/// translated message.
pub fn problem(e: &AppError, lang: Lang) -> Response {
    let (status, key) = status_and_key(e);
    let mut body = json!({
        "type": format!("urn:vooruit:problem:{}", key.trim_start_matches("error-")),
        "title": status.canonical_reason().unwrap_or("Error"),
        "status": status.as_u16(),
        "detail": translate(lang, key, None),
    });
    if let AppError::Validation(errors) = e {
        body["errors"] = errors
            .0
            .iter()
            .map(|fe| json!({"field": fe.field, "detail": translate(lang, fe.key, None)}))
            .collect();
    }
    let mut res = (status, Json(body)).into_response();
    res.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/problem+json"),
    );
    res
}
