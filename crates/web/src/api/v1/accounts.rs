use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use vooruit_domain::account::Role;

use super::problems::{Invalid, TooManyRequests, Unauthorized};
use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_user};
use crate::context::Ctx;
use crate::middleware::{SESSION_COOKIE, cookie, set_cookie};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(login, me, logout))
}

#[derive(Deserialize, ToSchema)]
pub struct LoginInput {
    email: String,
    password: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionUser {
    name: String,
    email: String,
    role: Role,
}

/// Logs in; the session is the `vooruit_session` cookie in the answer.
/// Failed attempts are limited per account and per IP address (429).
#[utoipa::path(post, path = "/api/v1/session", tag = "session",
    request_body = LoginInput,
    responses((status = 200, body = SessionUser, headers(("Set-Cookie" = String, description = "The session: vooruit_session"))),
              (status = 422, response = Invalid), (status = 429, response = TooManyRequests)))]
pub async fn login(l: Ctx, State(s): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let input: LoginInput = parse_json(&l, &body)?;
    let session = s
        .app
        .accounts()
        .login(&input.email, &input.password, &l.ip)
        .await
        .map_err(api_err(&l))?;
    let cookie = set_cookie(
        SESSION_COOKIE,
        &session.token,
        Some(session.max_age_secs),
        s.app.config.is_https(),
    );
    let user = SessionUser {
        name: session.user.name,
        email: session.user.email,
        role: session.user.role,
    };
    Ok(([(header::SET_COOKIE, cookie)], Json(user)).into_response())
}

/// The signed-in user.
#[utoipa::path(get, path = "/api/v1/session", tag = "session",
    security(("session" = [])),
    responses((status = 200, body = SessionUser), (status = 401, response = Unauthorized)))]
pub async fn me(l: Ctx) -> ApiResult<Json<SessionUser>> {
    let user = require_user(&l)?;
    Ok(Json(SessionUser {
        name: user.name,
        email: user.email,
        role: user.role,
    }))
}

/// Logs out: the session ends on the server, the cookie is cleared.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session", responses((status = 204)))]
pub async fn logout(l: Ctx, State(s): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        s.app.accounts().logout(&token).await.map_err(api_err(&l))?;
    }
    let cookie = set_cookie(SESSION_COOKIE, "", Some(0), s.app.config.is_https());
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}
