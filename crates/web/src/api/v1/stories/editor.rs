use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_app::stories::{EditorStory, QueueItem};

use vooruit_domain::story::StoryStatus;

use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_user};
use crate::context::Ctx;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(queue))
        .routes(routes!(story))
        .routes(routes!(publish))
        .routes(routes!(reject))
        .routes(routes!(ask))
}

#[derive(Serialize, ToSchema)]
pub struct Queue {
    items: Vec<QueueItem>,
    total: i64,
    page: i64,
    pages: i64,
}

#[derive(Deserialize)]
pub struct PageQuery {
    /// Kept as text so a malformed number means page 1, not an error.
    page: Option<String>,
}

/// Stories waiting for the editors (ingediend, in redactie, vraag aan verteller).
#[utoipa::path(get, path = "/api/v1/editor/submissions", tag = "editor",
    params(("page" = Option<i64>, Query, description = "Page number, from 1")),
    responses((status = 200, body = Queue), (status = 401, body = crate::api::v1::Problem, content_type = "application/problem+json"), (status = 403, body = crate::api::v1::Problem, content_type = "application/problem+json")))]
pub async fn queue(
    l: Ctx,
    State(s): State<AppState>,
    Query(q): Query<PageQuery>,
) -> ApiResult<Json<Queue>> {
    let user = require_user(&l)?;
    let page = s
        .app
        .stories()
        .editor_queue(&user, q.page.and_then(|p| p.parse().ok()).unwrap_or(1))
        .await
        .map_err(api_err(&l))?;
    Ok(Json(Queue {
        items: page.items,
        total: page.total,
        page: page.page,
        pages: page.pages,
    }))
}

/// One story as the editors see it, the teller's contact details included.
#[utoipa::path(get, path = "/api/v1/editor/stories/{id}", tag = "editor",
    params(("id" = String, Path, description = "The story's id")),
    responses((status = 200, description = "The story with teller, messages and revisions"), (status = 404, body = crate::api::v1::Problem, content_type = "application/problem+json")))]
pub async fn story(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<EditorStory>> {
    let user = require_user(&l)?;
    Ok(Json(
        s.app
            .stories()
            .editor_story(&user, &id)
            .await
            .map_err(api_err(&l))?,
    ))
}

#[derive(Serialize)]
pub struct Moved {
    status: StoryStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// Publishes a story (a submitted story is taken into review first).
#[utoipa::path(post, path = "/api/v1/editor/stories/{id}/publish", tag = "editor",
    params(("id" = String, Path, description = "The story's id")),
    responses((status = 200, description = "Published"), (status = 409, body = crate::api::v1::Problem, content_type = "application/problem+json")))]
pub async fn publish(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<Moved>> {
    let user = require_user(&l)?;
    let slug = s
        .app
        .stories()
        .publish(&user, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(Json(Moved {
        status: StoryStatus::Gepubliceerd,
        url: Some(s.app.config.url(&format!("/verhalen/{slug}"))),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ReasonInput {
    /// Shown to the teller.
    reason: String,
}

/// Rejects a story with a reason for the teller.
#[utoipa::path(post, path = "/api/v1/editor/stories/{id}/reject", tag = "editor",
    params(("id" = String, Path, description = "The story's id")),
    request_body = ReasonInput,
    responses((status = 200, description = "Rejected"), (status = 409, body = crate::api::v1::Problem, content_type = "application/problem+json"), (status = 422, body = crate::api::v1::Problem, content_type = "application/problem+json")))]
pub async fn reject(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Moved>> {
    let user = require_user(&l)?;
    let input: ReasonInput = parse_json(&l, &body)?;
    s.app
        .stories()
        .reject(&user, &id, &input.reason)
        .await
        .map_err(api_err(&l))?;
    Ok(Json(Moved {
        status: StoryStatus::Afgewezen,
        url: None,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct QuestionInput {
    question: String,
}

/// Asks the teller a question; they get it by mail and on their status page.
#[utoipa::path(post, path = "/api/v1/editor/stories/{id}/questions", tag = "editor",
    params(("id" = String, Path, description = "The story's id")),
    request_body = QuestionInput,
    responses((status = 201, description = "Question sent"), (status = 409, body = crate::api::v1::Problem, content_type = "application/problem+json")))]
pub async fn ask(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Moved>)> {
    let user = require_user(&l)?;
    let input: QuestionInput = parse_json(&l, &body)?;
    s.app
        .stories()
        .ask_teller(&user, &id, &input.question)
        .await
        .map_err(api_err(&l))?;
    Ok((
        StatusCode::CREATED,
        Json(Moved {
            status: StoryStatus::VraagAanVerteller,
            url: None,
        }),
    ))
}
