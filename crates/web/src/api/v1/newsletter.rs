use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use vooruit_app::Page;
use vooruit_app::newsletter::SubscriberView;

use vooruit_domain::newsletter::SubscriberStatus;

use super::problems::{Conflict, Forbidden, Invalid, NotFound, Unauthorized};
use crate::AppState;
use crate::api::{ApiQuery, ApiResult, api_err, page_number, parse_json, require_editor};
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
    #[schema(
        max_length = 254,
        pattern = r"^\s*[^@\s]+@[^@\s.][^@\s]*\.[^@\s]*[^@\s.]\s*$"
    )]
    email: String,
    /// Themes to hear about (see `GET /api/v1/taxonomy`); empty for all.
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
    responses((status = 202, body = SubscriptionAccepted), (status = 422, response = Invalid)))]
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
    responses((status = 204), (status = 409, response = Conflict)))]
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
    responses((status = 204), (status = 404, response = NotFound)))]
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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubscriberParams {
    /// `bevestigd` when left out.
    status: Option<SubscriberStatus>,
    /// Part of the e-mail address.
    q: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 100000)]
    page: Option<i64>,
}

/// Subscribers by status, optionally matching part of the address, 50 per
/// page (editors).
#[utoipa::path(get, path = "/api/v1/editor/newsletter/subscribers", tag = "newsletter",
    params(SubscriberParams), security(("session" = [])),
    responses((status = 200, body = Page<SubscriberView>),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden)))]
pub async fn subscribers(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<SubscriberParams>,
) -> ApiResult<Json<Page<SubscriberView>>> {
    let user = require_editor(&l)?;
    let page = page_number(&l, q.page)?;
    Ok(Json(
        s.app
            .newsletter()
            .subscribers(
                &user,
                q.status.unwrap_or(SubscriberStatus::Confirmed),
                q.q.as_deref().unwrap_or(""),
                page,
            )
            .await
            .map_err(api_err(&l))?,
    ))
}
