use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_app::events::{EventView, Registered};
use vooruit_domain::event::EventInput;

use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_user};
use crate::context::Ctx;

#[derive(Serialize, ToSchema)]
pub struct EventList {
    items: Vec<EventView>,
}

/// Upcoming events, soonest first.
#[utoipa::path(get, path = "/api/v1/events", tag = "agenda", responses((status = 200, body = EventList)))]
pub async fn list(l: Ctx, State(s): State<AppState>) -> ApiResult<Json<EventList>> {
    Ok(Json(EventList {
        items: s.app.events(true, 1).await.map_err(api_err(&l))?,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct RegistrationInput {
    name: String,
    email: String,
    #[serde(default)]
    organisation: String,
    /// Dietary or accessibility needs, questions.
    #[serde(default)]
    note: String,
}

/// Registers for an event without an account. The answer says whether the
/// person got a place (`bevestigd`) or is on the waiting list (`wachtlijst`).
#[utoipa::path(post, path = "/api/v1/events/{id}/registrations", tag = "agenda",
    params(("id" = String, Path, description = "The event's id")),
    request_body = RegistrationInput,
    responses((status = 201, body = Registered), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn register(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Registered>)> {
    let input: RegistrationInput = parse_json(&l, &body)?;
    let done = s
        .app
        .register_for_event(
            &id,
            &input.name,
            &input.email,
            &input.organisation,
            &input.note,
            l.lang.code(),
        )
        .await
        .map_err(api_err(&l))?;
    Ok((StatusCode::CREATED, Json(done)))
}

/// Cancels a registration with the token from the personal link; the first
/// on the waiting list moves up.
#[utoipa::path(delete, path = "/api/v1/registrations/{token}", tag = "agenda",
    params(("token" = String, Path, description = "The token of the personal cancel link")),
    responses((status = 204), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn cancel(
    l: Ctx,
    State(s): State<AppState>,
    Path(token): Path<String>,
) -> ApiResult<StatusCode> {
    s.app
        .cancel_registration(&token)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct EventCreate {
    /// training, bijeenkomst, inspiratielab, congres or webinar
    kind: String,
    title: String,
    #[serde(default)]
    description: String,
    /// RFC 3339, e.g. 2026-12-10T14:00:00+01:00
    starts_at: String,
    ends_at: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    online_url: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    organiser: String,
    capacity: i64,
}

#[derive(Serialize, ToSchema)]
pub struct EventCreated {
    slug: String,
    url: String,
}

/// Creates an event (editors).
#[utoipa::path(post, path = "/api/v1/editor/events", tag = "agenda",
    request_body = EventCreate,
    responses((status = 201, body = EventCreated), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn create(
    l: Ctx,
    State(s): State<AppState>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<EventCreated>)> {
    let user = require_user(&l)?;
    let e: EventCreate = parse_json(&l, &body)?;
    let time = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .map(|d| d.timestamp_millis())
            .unwrap_or(0)
    };
    let input = EventInput {
        kind: e.kind,
        title: e.title,
        description: e.description,
        starts_at: time(&e.starts_at),
        ends_at: time(&e.ends_at),
        location: e.location,
        online_url: e.online_url,
        region: e.region,
        organiser: e.organiser,
        capacity: e.capacity,
    };
    let slug = s
        .app
        .create_event(&user, input)
        .await
        .map_err(api_err(&l))?;
    let url = s.app.config.url(&format!("/agenda/{slug}"));
    Ok((StatusCode::CREATED, Json(EventCreated { slug, url })))
}
