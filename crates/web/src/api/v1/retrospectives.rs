//! The terugblik in the API, for members of the group (404 for anyone
//! else): the same steps as the page. A card's answer never says who wrote
//! an anonymous card: that is not stored.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_app::Page;
use vooruit_app::retrospectives::{RetroSummary, RetroView};
use vooruit_domain::retrospective::{ActionInput, CardInput, Question, RetroInput, RetroSubject};

use super::problems::{Conflict, Forbidden, Invalid, NotFound, Unauthorized};
use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_user};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, open))
        .routes(routes!(show))
        .routes(routes!(add_card))
        .routes(routes!(remove_card))
        .routes(routes!(vote, unvote))
        .routes(routes!(stack))
        .routes(routes!(reveal))
        .routes(routes!(close))
        .routes(routes!(add_action))
        .routes(routes!(remove_action))
        .routes(routes!(action_done))
}

/// The group's terugblikken, newest first.
#[utoipa::path(get, path = "/api/v1/groups/{slug}/retrospectives", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug")),
    security(("session" = [])),
    responses((status = 200, body = Page<RetroSummary>),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound)))]
pub async fn list(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<Page<RetroSummary>>> {
    let user = require_user(&l)?;
    let items = s
        .app
        .retrospectives()
        .of_group(&user, &slug)
        .await
        .map_err(api_err(&l))?;
    let total = items.len() as i64;
    Ok(Json(Page::new(items, total, 1, total.max(1))))
}

#[derive(Deserialize, ToSchema)]
pub struct RetroCreate {
    #[schema(min_length = 1, max_length = 160, pattern = r"\S")]
    title: String,
    subject: RetroSubject,
    /// Votes each member may give.
    #[schema(minimum = 1, maximum = 10)]
    #[serde(deserialize_with = "crate::api::integer")]
    votes_per_member: i64,
}

#[derive(Serialize, ToSchema)]
pub struct RetroCreated {
    id: String,
}

/// Opens a terugblik (begeleiders).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/retrospectives", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug")),
    request_body = RetroCreate, security(("session" = [])),
    responses((status = 201, body = RetroCreated, headers(("Location" = String, description = "The terugblik in the API"))),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 422, response = Invalid)))]
pub async fn open(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let user = require_user(&l)?;
    let input: RetroCreate = parse_json(&l, &body)?;
    let id = s
        .app
        .retrospectives()
        .open(
            &user,
            &slug,
            RetroInput {
                title: input.title,
                subject: input.subject,
                votes_per_member: input.votes_per_member,
            },
        )
        .await
        .map_err(api_err(&l))?;
    let location = format!("/api/v1/groups/{slug}/retrospectives/{id}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(RetroCreated { id }),
    )
        .into_response())
}

/// A terugblik as you may see it: before the reveal only your own named
/// cards and how many there are per question.
#[utoipa::path(get, path = "/api/v1/groups/{slug}/retrospectives/{id}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The terugblik's id")),
    security(("session" = [])),
    responses((status = 200, body = RetroView),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<Json<RetroView>> {
    let user = require_user(&l)?;
    Ok(Json(
        s.app
            .retrospectives()
            .view(&user, &slug, &id)
            .await
            .map_err(api_err(&l))?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct CardCreate {
    question: Question,
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    text: String,
    /// Then your name is not stored with the card, and you cannot change
    /// or take it back.
    #[serde(default)]
    anonymous: bool,
}

/// Writes a card (members, while cards are written).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/retrospectives/{id}/cards", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The terugblik's id")),
    request_body = CardCreate, security(("session" = [])),
    responses((status = 201, description = "Added"),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound),
              (status = 409, response = Conflict), (status = 422, response = Invalid)))]
pub async fn add_card(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: CardCreate = parse_json(&l, &body)?;
    s.app
        .retrospectives()
        .add_card(
            &user,
            &slug,
            &id,
            CardInput {
                question: input.question,
                text: input.text,
                anonymous: input.anonymous,
            },
        )
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::CREATED)
}

/// Takes a card away: your own named card while cards are written, any
/// card for begeleiders during the discussion.
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/retrospectives/{id}/cards/{card}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The terugblik's id"),
           ("card" = String, Path, description = "The card's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn remove_card(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, card)): Path<(String, String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .retrospectives()
        .remove_card(&user, &slug, &id, &card)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Gives the card one of your votes (during the discussion); 409 when you
/// have none left.
#[utoipa::path(post, path = "/api/v1/groups/{slug}/retrospectives/{id}/cards/{card}/votes", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The terugblik's id"),
           ("card" = String, Path, description = "The card's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound),
              (status = 409, response = Conflict)))]
pub async fn vote(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, card)): Path<(String, String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .retrospectives()
        .vote(&user, &slug, &id, &card)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes one of your votes on the card back.
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/retrospectives/{id}/cards/{card}/votes", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The terugblik's id"),
           ("card" = String, Path, description = "The card's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound),
              (status = 409, response = Conflict)))]
pub async fn unvote(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, card)): Path<(String, String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .retrospectives()
        .unvote(&user, &slug, &id, &card)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct StackInput {
    /// The card to lay it on (same question); null to lay it loose.
    #[serde(default)]
    onto: Option<String>,
}

/// Lays a card on another, or loose again (begeleiders, during the
/// discussion).
#[utoipa::path(put, path = "/api/v1/groups/{slug}/retrospectives/{id}/cards/{card}/stack", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The terugblik's id"),
           ("card" = String, Path, description = "The card's id")),
    request_body = StackInput, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn stack(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, card)): Path<(String, String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: StackInput = parse_json(&l, &body)?;
    s.app
        .retrospectives()
        .stack(
            &user,
            &slug,
            &id,
            &card,
            input.onto.as_deref().unwrap_or(""),
        )
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Shows every card to the group (begeleiders).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/retrospectives/{id}/reveal", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The terugblik's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict)))]
pub async fn reveal(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .retrospectives()
        .reveal(&user, &slug, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Closes the terugblik (begeleiders).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/retrospectives/{id}/close", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The terugblik's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict)))]
pub async fn close(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .retrospectives()
        .close(&user, &slug, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct ActionCreate {
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    text: String,
    /// The user id of the member who takes it on.
    #[schema(min_length = 1, max_length = 64)]
    owner: String,
    #[schema(format = Date)]
    due_on: String,
}

/// Records an action (begeleiders, during the discussion); the owner is
/// reminded by mail two days before the due date.
#[utoipa::path(post, path = "/api/v1/groups/{slug}/retrospectives/{id}/actions", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The terugblik's id")),
    request_body = ActionCreate, security(("session" = [])),
    responses((status = 201, description = "Recorded"),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn add_action(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: ActionCreate = parse_json(&l, &body)?;
    s.app
        .retrospectives()
        .add_action(
            &user,
            &slug,
            &id,
            ActionInput {
                text: input.text,
                owner: input.owner,
                due_on: input.due_on,
            },
            l.lang,
        )
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::CREATED)
}

/// Takes an action off (begeleiders).
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/retrospectives/{id}/actions/{action}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The terugblik's id"),
           ("action" = String, Path, description = "The action's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn remove_action(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, action)): Path<(String, String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .retrospectives()
        .remove_action(&user, &slug, &id, &action)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct ActionDone {
    done: bool,
}

/// Marks an action of one of the group's terugblikken done or open again
/// (its owner or a begeleider).
#[utoipa::path(put, path = "/api/v1/groups/{slug}/actions/{action}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("action" = String, Path, description = "The action's id")),
    request_body = ActionDone, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn action_done(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, action)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: ActionDone = parse_json(&l, &body)?;
    s.app
        .retrospectives()
        .set_action_done(&user, &slug, &action, input.done)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}
