//! The editors' work on stories: the queue, one story, publish, reject,
//! ask the teller.

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
use vooruit_app::stories::{EditorStory, QueueItem};
use vooruit_domain::story::StoryStatus;

use crate::AppState;
use crate::api::v1::problems::{Conflict, Forbidden, Invalid, NotFound, Unauthorized};
use crate::api::{
    ApiQuery, ApiResult, PageParams, api_err, page_number, parse_json, require_editor,
};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(queue))
        .routes(routes!(story))
        .routes(routes!(publish))
        .routes(routes!(reject))
        .routes(routes!(ask))
}

/// Stories waiting for the editors (ingediend, in redactie, vraag aan
/// verteller), oldest first, 20 a page.
#[utoipa::path(get, path = "/api/v1/editor/submissions", tag = "editor",
    params(PageParams), security(("session" = [])),
    responses((status = 200, body = Page<QueueItem>),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden)))]
pub async fn queue(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<PageParams>,
) -> ApiResult<Json<Page<QueueItem>>> {
    let user = require_editor(&l)?;
    let page = page_number(&l, q.page)?;
    Ok(Json(
        s.app
            .stories()
            .editor_queue(&user, page)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// One story as the editors see it, the teller's contact details included.
#[utoipa::path(get, path = "/api/v1/editor/stories/{id}", tag = "editor",
    params(("id" = String, Path, description = "The story's id")), security(("session" = [])),
    responses((status = 200, body = EditorStory),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn story(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<EditorStory>> {
    let user = require_editor(&l)?;
    Ok(Json(
        s.app
            .stories()
            .editor_story(&user, &id)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// Where a story went.
#[derive(Serialize, ToSchema)]
pub struct Moved {
    status: StoryStatus,
    /// The public page, once published.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// Publishes a story (a submitted story is taken into review first).
#[utoipa::path(post, path = "/api/v1/editor/stories/{id}/publish", tag = "editor",
    params(("id" = String, Path, description = "The story's id")), security(("session" = [])),
    responses((status = 200, body = Moved),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict)))]
pub async fn publish(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<Moved>> {
    let user = require_editor(&l)?;
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
    #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
    reason: String,
}

/// Rejects a story with a reason for the teller.
#[utoipa::path(post, path = "/api/v1/editor/stories/{id}/reject", tag = "editor",
    params(("id" = String, Path, description = "The story's id")), security(("session" = [])),
    request_body = ReasonInput,
    responses((status = 200, body = Moved),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn reject(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Moved>> {
    let user = require_editor(&l)?;
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
    #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
    question: String,
}

/// Asks the teller a question; they get it by mail and on their status
/// page. `Location` is the story in the editors' API.
#[utoipa::path(post, path = "/api/v1/editor/stories/{id}/questions", tag = "editor",
    params(("id" = String, Path, description = "The story's id")), security(("session" = [])),
    request_body = QuestionInput,
    responses((status = 201, body = Moved, headers(("Location" = String, description = "The story"))),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn ask(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let user = require_editor(&l)?;
    let input: QuestionInput = parse_json(&l, &body)?;
    s.app
        .stories()
        .ask_teller(&user, &id, &input.question)
        .await
        .map_err(api_err(&l))?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/editor/stories/{id}"))],
        Json(Moved {
            status: StoryStatus::VraagAanVerteller,
            url: None,
        }),
    )
        .into_response())
}
