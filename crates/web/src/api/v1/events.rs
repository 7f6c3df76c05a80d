use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_app::events::{EventFilter, EventView, Registered, RegistrationForm};
use vooruit_domain::event::EventInput;

use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_user};
use crate::context::Ctx;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(register))
        .routes(routes!(cancel))
        .routes(routes!(create))
        .routes(routes!(update))
        .routes(routes!(registrations))
        .routes(routes!(check_in))
        .routes(routes!(message))
        .routes(routes!(cancel_event))
}

#[derive(Serialize, ToSchema)]
pub struct EventList {
    items: Vec<EventView>,
    total: i64,
    page: i64,
    pages: i64,
}

#[derive(Deserialize, Default)]
pub struct ListParams {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    theme: String,
    #[serde(default)]
    page: Option<i64>,
    /// `true` for past events, latest first.
    #[serde(default)]
    past: bool,
}

/// Upcoming events, soonest first (or past ones with `past=true`), 20 per
/// page, optionally of one kind, region and theme.
#[utoipa::path(get, path = "/api/v1/events", tag = "agenda",
    params(("kind" = Option<String>, Query, description = "training, bijeenkomst, inspiratielab, congres or webinar"),
           ("region" = Option<String>, Query, description = "A region slug"),
           ("theme" = Option<String>, Query, description = "A theme slug"),
           ("page" = Option<i64>, Query, description = "Page, from 1"),
           ("past" = Option<bool>, Query, description = "Past events instead of coming ones")),
    responses((status = 200, body = EventList)))]
pub async fn list(
    l: Ctx,
    State(s): State<AppState>,
    Query(q): Query<ListParams>,
) -> ApiResult<Json<EventList>> {
    let filter = EventFilter {
        kind: q.kind,
        region: q.region,
        theme: q.theme,
    };
    let page = s
        .app
        .events()
        .list(!q.past, &filter, q.page.unwrap_or(1))
        .await
        .map_err(api_err(&l))?;
    Ok(Json(EventList {
        total: page.total,
        page: page.page,
        pages: page.pages,
        items: page.items,
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
    /// One answer per question of the event (see `questions`), in order.
    #[serde(default)]
    answers: Vec<String>,
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
        .events()
        .register(
            &id,
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
        .events()
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
    #[serde(default)]
    themes: Vec<String>,
    /// Questions every registrant answers.
    #[serde(default)]
    questions: Vec<String>,
    /// RFC 3339; registration opens then (default: now).
    #[serde(default)]
    registration_opens_at: Option<String>,
    /// RFC 3339; registration closes then (default: when the event ends).
    #[serde(default)]
    registration_closes_at: Option<String>,
    /// The report (verslag), Markdown, for after the event.
    #[serde(default)]
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
            kind: self.kind,
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
    /// What `POST /api/v1/events/{id}/registrations` takes.
    id: String,
    /// What the editor calls under `/api/v1/editor/events/{slug}` take.
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
    let input = e.input();
    let created = s
        .app
        .events()
        .create(&user, input)
        .await
        .map_err(api_err(&l))?;
    let url = s.app.config.url(&format!("/agenda/{}", created.slug));
    Ok((
        StatusCode::CREATED,
        Json(EventCreated {
            id: created.id,
            slug: created.slug,
            url,
        }),
    ))
}

/// Changes an event (editors). Subscribed calendars take the change; when
/// time or place changed, everyone registered gets a mail with the new
/// appointment; more places move people up from the waiting list.
#[utoipa::path(put, path = "/api/v1/editor/events/{slug}", tag = "agenda",
    params(("slug" = String, Path, description = "The event's slug")),
    request_body = EventCreate,
    responses((status = 204), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn update(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let e: EventCreate = parse_json(&l, &body)?;
    s.app
        .events()
        .update(&user, &slug, e.input())
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationList {
    event: EventView,
    /// Everyone, in the order they registered: `bevestigd`, `wachtlijst`
    /// or `afgemeld`.
    items: Vec<vooruit_app::events::RegistrationView>,
}

/// The registrations and the waiting list of an event (editors).
#[utoipa::path(get, path = "/api/v1/editor/events/{slug}/registrations", tag = "agenda",
    params(("slug" = String, Path, description = "The event's slug")),
    responses((status = 200, body = RegistrationList), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn registrations(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<RegistrationList>> {
    let user = require_user(&l)?;
    let (event, items) = s
        .app
        .events()
        .registrations(&user, &slug)
        .await
        .map_err(api_err(&l))?;
    Ok(Json(RegistrationList { event, items }))
}

#[derive(Deserialize, ToSchema)]
pub struct CheckIn {
    /// false undoes a check-in.
    present: bool,
}

/// Checks someone with a place in at the door, or undoes it (editors).
#[utoipa::path(post, path = "/api/v1/editor/events/{slug}/registrations/{id}/check-in", tag = "agenda",
    params(("slug" = String, Path, description = "The event's slug"), ("id" = String, Path, description = "The registration's id")),
    request_body = CheckIn,
    responses((status = 204), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn check_in(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
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
    subject: String,
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
    request_body = MessageInput,
    responses((status = 202, body = MessageSent), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn message(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<MessageSent>)> {
    let user = require_user(&l)?;
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
    params(("slug" = String, Path, description = "The event's slug")),
    responses((status = 204), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn cancel_event(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .events()
        .cancel(&user, &slug)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}
