//! The agenda in the API: events, registering and cancelling, and the
//! editors' work (plan, change, registrations, check-in, message, cancel).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_app::Page;
use vooruit_app::events::{EventFilter, EventView, Registered, RegistrationForm, RegistrationView};
use vooruit_domain::event::{EventInput, EventKind};

use super::problems::{Conflict, Forbidden, Invalid, NotFound, Unauthorized};
use crate::AppState;
use crate::api::{ApiQuery, ApiResult, api_err, page_number, parse_json, require_editor};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(show))
        .routes(routes!(register))
        .routes(routes!(cancel))
        .routes(routes!(create))
        .routes(routes!(update))
        .routes(routes!(registrations))
        .routes(routes!(check_in))
        .routes(routes!(message))
        .routes(routes!(cancel_event))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    kind: Option<EventKind>,
    /// A region (see `GET /api/v1/taxonomy`).
    region: Option<String>,
    /// A theme (see `GET /api/v1/taxonomy`).
    theme: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 100000)]
    page: Option<i64>,
    /// `true` for past events, latest first.
    past: Option<bool>,
}

/// Upcoming events, soonest first (or past ones with `past=true`), 20 per
/// page, optionally of one kind, region and theme.
#[utoipa::path(get, path = "/api/v1/events", tag = "agenda",
    params(ListParams),
    responses((status = 200, body = Page<EventView>)))]
pub async fn list(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> ApiResult<Json<Page<EventView>>> {
    let filter = EventFilter {
        kind: q.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
        region: q.region.unwrap_or_default(),
        theme: q.theme.unwrap_or_default(),
    };
    let page = page_number(&l, q.page)?;
    Ok(Json(
        s.app
            .events()
            .list(!q.past.unwrap_or(false), &filter, page)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// One event, with places left and whether registering is open.
#[utoipa::path(get, path = "/api/v1/events/{slug}", tag = "agenda",
    params(("slug" = String, Path, description = "The event's slug")),
    responses((status = 200, body = EventView), (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<EventView>> {
    Ok(Json(s.app.events().get(&slug).await.map_err(api_err(&l))?))
}

#[derive(Deserialize, ToSchema)]
pub struct RegistrationInput {
    #[schema(min_length = 1, max_length = 120, pattern = r"\S")]
    name: String,
    #[schema(
        max_length = 254,
        pattern = r"^\s*[^@\s]+@[^@\s.][^@\s]*\.[^@\s]*[^@\s.]\s*$"
    )]
    email: String,
    #[serde(default)]
    organisation: String,
    /// Dietary or accessibility needs, questions.
    #[serde(default)]
    note: String,
    /// One answer per question of the event (see `questions`), in order.
    #[serde(default)]
    answers: Vec<String>,
}

/// Registers for an event without an account. The answer says whether the
/// person got a place (`bevestigd`) or is on the waiting list
/// (`wachtlijst`); `Location` is the registration, which the personal cancel
/// token removes.
#[utoipa::path(post, path = "/api/v1/events/{slug}/registrations", tag = "agenda",
    params(("slug" = String, Path, description = "The event's slug")),
    request_body = RegistrationInput,
    responses((status = 201, body = Registered, headers(("Location" = String, description = "The registration (DELETE cancels it)"))),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn register(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: RegistrationInput = parse_json(&l, &body)?;
    let done = s
        .app
        .events()
        .register(
            &slug,
            RegistrationForm {
                name: &input.name,
                email: &input.email,
                organisation: &input.organisation,
                note: &input.note,
                answers: &input.answers,
            },
            l.lang,
        )
        .await
        .map_err(api_err(&l))?;
    let token = done.cancel_url.rsplit('/').next().unwrap_or_default();
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/registrations/{token}"))],
        Json(done),
    )
        .into_response())
}

/// Cancels a registration with the token from the personal link; the first
/// on the waiting list moves up.
#[utoipa::path(delete, path = "/api/v1/registrations/{token}", tag = "agenda",
    params(("token" = String, Path, description = "The token of the personal cancel link")),
    responses((status = 204), (status = 404, response = NotFound)))]
pub async fn cancel(
    l: Ctx,
    State(s): State<AppState>,
    Path(token): Path<String>,
) -> ApiResult<StatusCode> {
    s.app
        .events()
        .cancel_registration(&token)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// An event as editors plan it. Times are RFC 3339
/// (`2026-12-10T14:00:00+01:00`); it needs a place or an https link.
#[derive(Deserialize, ToSchema)]
pub struct EventCreate {
    kind: EventKind,
    #[schema(min_length = 1, max_length = 160, pattern = r"\S")]
    title: String,
    /// Markdown.
    #[serde(default)]
    #[schema(max_length = 8000)]
    description: String,
    #[schema(format = DateTime)]
    starts_at: String,
    /// After `starts_at`.
    #[schema(format = DateTime)]
    ends_at: String,
    #[serde(default)]
    location: String,
    /// An https link, for online events.
    #[serde(default)]
    online_url: String,
    /// A region (see `GET /api/v1/taxonomy`).
    #[serde(default)]
    region: String,
    #[serde(default)]
    organiser: String,
    #[schema(minimum = 1, maximum = 100000)]
    #[serde(deserialize_with = "crate::api::integer")]
    capacity: i64,
    /// Themes (see `GET /api/v1/taxonomy`).
    #[serde(default)]
    themes: Vec<String>,
    /// Up to five questions every registrant answers.
    #[serde(default)]
    #[schema(max_items = 5)]
    questions: Vec<String>,
    /// Registration opens then (default: now).
    #[serde(default)]
    #[schema(format = DateTime)]
    registration_opens_at: Option<String>,
    /// Registration closes then (default: when the event ends).
    #[serde(default)]
    #[schema(format = DateTime)]
    registration_closes_at: Option<String>,
    /// The report (verslag), Markdown, for after the event.
    #[serde(default)]
    #[schema(max_length = 20000)]
    report: String,
}

impl EventCreate {
    fn input(self) -> EventInput {
        let time = |s: &str| {
            chrono::DateTime::parse_from_rfc3339(s)
                .map(|d| d.timestamp_millis())
                .unwrap_or(0)
        };
        EventInput {
            starts_at: time(&self.starts_at),
            ends_at: time(&self.ends_at),
            registration_opens_at: self.registration_opens_at.as_deref().map(time),
            registration_closes_at: self.registration_closes_at.as_deref().map(time),
            kind: self.kind.as_str().to_string(),
            title: self.title,
            description: self.description,
            location: self.location,
            online_url: self.online_url,
            region: self.region,
            organiser: self.organiser,
            capacity: self.capacity,
            themes: self.themes,
            questions: self.questions,
            report: self.report,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EventCreated {
    id: String,
    /// What `GET /api/v1/events/{slug}`, registering and the editors' calls
    /// take.
    slug: String,
    /// The public page.
    url: String,
}

/// Creates an event (editors). `Location` is the event in the API.
#[utoipa::path(post, path = "/api/v1/editor/events", tag = "agenda",
    request_body = EventCreate, security(("session" = [])),
    responses((status = 201, body = EventCreated, headers(("Location" = String, description = "The event"))),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 422, response = Invalid)))]
pub async fn create(l: Ctx, State(s): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let user = require_editor(&l)?;
    let e: EventCreate = parse_json(&l, &body)?;
    let created = s
        .app
        .events()
        .create(&user, e.input())
        .await
        .map_err(api_err(&l))?;
    let url = s.app.config.url(&format!("/agenda/{}", created.slug));
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/events/{}", created.slug))],
        Json(EventCreated {
            id: created.id,
            slug: created.slug,
            url,
        }),
    )
        .into_response())
}

/// Changes an event (editors). Subscribed calendars take the change; when
/// time or place changed, everyone registered gets a mail with the new
/// appointment; more places move people up from the waiting list.
#[utoipa::path(put, path = "/api/v1/editor/events/{slug}", tag = "agenda",
    params(("slug" = String, Path, description = "The event's slug")),
    request_body = EventCreate, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn update(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_editor(&l)?;
    let e: EventCreate = parse_json(&l, &body)?;
    s.app
        .events()
        .update(&user, &slug, e.input())
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Everyone registered for an event, in the list shape (one page).
#[derive(Serialize, ToSchema)]
pub struct RegistrationList {
    event: EventView,
    /// Everyone, in the order they registered.
    items: Vec<RegistrationView>,
    total: i64,
    page: i64,
    per_page: i64,
    pages: i64,
}

/// The registrations and the waiting list of an event (editors).
#[utoipa::path(get, path = "/api/v1/editor/events/{slug}/registrations", tag = "agenda",
    params(("slug" = String, Path, description = "The event's slug")), security(("session" = [])),
    responses((status = 200, body = RegistrationList),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn registrations(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<RegistrationList>> {
    let user = require_editor(&l)?;
    let (event, items) = s
        .app
        .events()
        .registrations(&user, &slug)
        .await
        .map_err(api_err(&l))?;
    let total = items.len() as i64;
    Ok(Json(RegistrationList {
        event,
        items,
        total,
        page: 1,
        per_page: total.max(1),
        pages: 1,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct CheckIn {
    /// false undoes a check-in.
    present: bool,
}

/// Checks someone with a place in at the door, or undoes it (editors).
#[utoipa::path(post, path = "/api/v1/editor/events/{slug}/registrations/{id}/check-in", tag = "agenda",
    params(("slug" = String, Path, description = "The event's slug"), ("id" = String, Path, description = "The registration's id")),
    request_body = CheckIn, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn check_in(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_editor(&l)?;
    let input: CheckIn = parse_json(&l, &body)?;
    s.app
        .events()
        .check_in(&user, &slug, &id, input.present)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct MessageInput {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    subject: String,
    #[schema(min_length = 1, max_length = 8000, pattern = r"\S")]
    body: String,
}

#[derive(Serialize, ToSchema)]
pub struct MessageSent {
    /// How many people with a place were mailed.
    recipients: usize,
}

/// Mails a message to everyone with a place (editors).
#[utoipa::path(post, path = "/api/v1/editor/events/{slug}/messages", tag = "agenda",
    params(("slug" = String, Path, description = "The event's slug")),
    request_body = MessageInput, security(("session" = [])),
    responses((status = 202, body = MessageSent),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 422, response = Invalid)))]
pub async fn message(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<MessageSent>)> {
    let user = require_editor(&l)?;
    let input: MessageInput = parse_json(&l, &body)?;
    let recipients = s
        .app
        .events()
        .message_registrants(&user, &slug, &input.subject, &input.body)
        .await
        .map_err(api_err(&l))?;
    Ok((StatusCode::ACCEPTED, Json(MessageSent { recipients })))
}

/// Cancels the event (editors): calendars show it as cancelled and everyone
/// registered is mailed.
#[utoipa::path(post, path = "/api/v1/editor/events/{slug}/cancel", tag = "agenda",
    params(("slug" = String, Path, description = "The event's slug")), security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict)))]
pub async fn cancel_event(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<StatusCode> {
    let user = require_editor(&l)?;
    s.app
        .events()
        .cancel(&user, &slug)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}
