use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use vooruit_domain::newsletter::SubscriberStatus;

use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_user};
use crate::context::Ctx;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(subscribe))
        .routes(routes!(confirm))
        .routes(routes!(unsubscribe))
        .routes(routes!(subscribers))
}

#[derive(Deserialize, ToSchema)]
pub struct SubscriptionInput {
    email: String,
    /// Theme slugs to hear about; empty for all.
    #[serde(default)]
    themes: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SubscriptionAccepted {
    /// Always `confirmation_sent`: the answer does not tell whether the
    /// address was subscribed already.
    status: &'static str,
}

/// Signs an address up for the newsletter (double opt-in: a confirmation
/// mail goes out; nothing else is sent before it is confirmed).
#[utoipa::path(post, path = "/api/v1/newsletter/subscriptions", tag = "newsletter",
    request_body = SubscriptionInput,
    responses((status = 202, body = SubscriptionAccepted), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn subscribe(
    l: Ctx,
    State(s): State<AppState>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<SubscriptionAccepted>)> {
    let input: SubscriptionInput = parse_json(&l, &body)?;
    s.app
        .newsletter()
        .subscribe(&input.email, &input.themes, l.lang)
        .await
        .map_err(api_err(&l))?;
    Ok((
        StatusCode::ACCEPTED,
        Json(SubscriptionAccepted {
            status: "confirmation_sent",
        }),
    ))
}

/// Confirms a subscription with the token from the confirmation mail.
#[utoipa::path(post, path = "/api/v1/newsletter/confirmations/{token}", tag = "newsletter",
    params(("token" = String, Path, description = "The token from the confirmation link")),
    responses((status = 204), (status = 409, body = super::Problem, content_type = "application/problem+json")))]
pub async fn confirm(
    l: Ctx,
    State(s): State<AppState>,
    axum::extract::Path(token): axum::extract::Path<String>,
) -> ApiResult<StatusCode> {
    s.app
        .newsletter()
        .confirm(&token)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Ends a subscription with the token from the unsubscribe link. Harmless
/// to repeat.
#[utoipa::path(delete, path = "/api/v1/newsletter/subscriptions/{token}", tag = "newsletter",
    params(("token" = String, Path, description = "The token from the unsubscribe link")),
    responses((status = 204), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn unsubscribe(
    l: Ctx,
    State(s): State<AppState>,
    axum::extract::Path(token): axum::extract::Path<String>,
) -> ApiResult<StatusCode> {
    s.app
        .newsletter()
        .unsubscribe(&token)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct SubscriberList {
    #[schema(value_type = Vec<Object>)]
    items: Vec<vooruit_app::newsletter::SubscriberView>,
    total: i64,
    page: i64,
    pages: i64,
}

#[derive(Deserialize, Default)]
pub struct SubscriberParams {
    #[serde(default)]
    status: Option<SubscriberStatus>,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
}

/// Subscribers by status (`bevestigd`, the default, `onbevestigd` or
/// `afgemeld`), optionally matching part of the address, 50 per page
/// (editors).
#[utoipa::path(get, path = "/api/v1/editor/newsletter/subscribers", tag = "newsletter",
    params(("status" = Option<SubscriberStatus>, Query, description = "bevestigd (default), onbevestigd or afgemeld"),
           ("q" = Option<String>, Query, description = "Part of the e-mail address"),
           ("page" = Option<i64>, Query, description = "Page, from 1")),
    responses((status = 200, body = SubscriberList)))]
pub async fn subscribers(
    l: Ctx,
    State(s): State<AppState>,
    Query(q): Query<SubscriberParams>,
) -> ApiResult<Json<SubscriberList>> {
    let user = require_user(&l)?;
    let page = s
        .app
        .newsletter()
        .subscribers(
            &user,
            q.status.unwrap_or(SubscriberStatus::Confirmed),
            &q.q,
            q.page.unwrap_or(1),
        )
        .await
        .map_err(api_err(&l))?;
    Ok(Json(SubscriberList {
        total: page.total,
        page: page.page,
        pages: page.pages,
        items: page.items,
    }))
}
