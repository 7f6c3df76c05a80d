//! Experiments in the API, for members of the group (404 for anyone
//! else): the same steps as the pages, from idea to standard.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_app::experiments::{Board, ExperimentView};
use vooruit_domain::experiment::{EvaluationInput, IdeaInput, StartInput};
use vooruit_domain::story::StoryContent;

use super::problems::{Conflict, Forbidden, Invalid, NotFound, Unauthorized};
use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_user};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(board, propose))
        .routes(routes!(show, remove))
        .routes(routes!(support, unsupport))
        .routes(routes!(start))
        .routes(routes!(add_note))
        .routes(routes!(evaluate))
        .routes(routes!(story_draft))
}

/// The group's board: ideas (most support first), running experiments,
/// standards and stopped experiments.
#[utoipa::path(get, path = "/api/v1/groups/{slug}/experiments", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug")),
    security(("session" = [])),
    responses((status = 200, body = Board),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound)))]
pub async fn board(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<Board>> {
    let user = require_user(&l)?;
    Ok(Json(
        s.app
            .experiments()
            .board(&user, &slug)
            .await
            .map_err(api_err(&l))?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct IdeaCreate {
    #[schema(min_length = 1, max_length = 160, pattern = r"\S")]
    title: String,
    #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
    description: String,
}

#[derive(Serialize, ToSchema)]
pub struct IdeaCreated {
    id: String,
}

/// Puts an idea on the board (members).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/experiments", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug")),
    request_body = IdeaCreate, security(("session" = [])),
    responses((status = 201, body = IdeaCreated, headers(("Location" = String, description = "The idea in the API"))),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound),
              (status = 422, response = Invalid)))]
pub async fn propose(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let user = require_user(&l)?;
    let input: IdeaCreate = parse_json(&l, &body)?;
    let id = s
        .app
        .experiments()
        .propose(
            &user,
            &slug,
            IdeaInput {
                title: input.title,
                description: input.description,
            },
        )
        .await
        .map_err(api_err(&l))?;
    let location = format!("/api/v1/groups/{slug}/experiments/{id}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(IdeaCreated { id }),
    )
        .into_response())
}

/// One idea or experiment.
#[utoipa::path(get, path = "/api/v1/groups/{slug}/experiments/{id}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The experiment's id")),
    security(("session" = [])),
    responses((status = 200, body = ExperimentView),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<Json<ExperimentView>> {
    let user = require_user(&l)?;
    Ok(Json(
        s.app
            .experiments()
            .view(&user, &slug, &id)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// Takes an idea off the board (its proposer or a begeleider), or any
/// experiment (begeleiders).
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/experiments/{id}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The experiment's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn remove(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .experiments()
        .remove(&user, &slug, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Supports the idea (once per member; again changes nothing).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/experiments/{id}/support", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The experiment's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound),
              (status = 409, response = Conflict)))]
pub async fn support(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .experiments()
        .support(&user, &slug, &id, true)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes your support back.
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/experiments/{id}/support", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The experiment's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound),
              (status = 409, response = Conflict)))]
pub async fn unsupport(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .experiments()
        .support(&user, &slug, &id, false)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct StartCreate {
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    hypothesis: String,
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    measure: String,
    #[schema(format = Date)]
    starts_on: String,
    /// After today and after `starts_on`; the owner is asked to evaluate
    /// on this day.
    #[schema(format = Date)]
    ends_on: String,
    /// The member who leads it (a user id of the group).
    #[schema(min_length = 1, max_length = 64)]
    owner: String,
}

/// Turns the idea into an experiment (its proposer or a begeleider).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/experiments/{id}/start", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The experiment's id")),
    request_body = StartCreate, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn start(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: StartCreate = parse_json(&l, &body)?;
    s.app
        .experiments()
        .start(
            &user,
            &slug,
            &id,
            StartInput {
                hypothesis: input.hypothesis,
                measure: input.measure,
                starts_on: input.starts_on,
                ends_on: input.ends_on,
                owner: input.owner,
            },
            l.lang,
        )
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct NoteCreate {
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    text: String,
}

/// Adds a progress note (members, while the experiment runs).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/experiments/{id}/notes", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The experiment's id")),
    request_body = NoteCreate, security(("session" = [])),
    responses((status = 201, description = "Added"),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound),
              (status = 409, response = Conflict), (status = 422, response = Invalid)))]
pub async fn add_note(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: NoteCreate = parse_json(&l, &body)?;
    s.app
        .experiments()
        .add_note(&user, &slug, &id, &input.text)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::CREATED)
}

#[derive(Deserialize, ToSchema)]
pub struct EvaluationCreate {
    /// Adopted as the group's standard (true) or stopped.
    adopted: bool,
    #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
    evaluation: String,
    /// For a standard: the way of working it replaces.
    #[serde(default)]
    #[schema(max_length = 300)]
    replaces: String,
}

/// Records the evaluation (its owner or a begeleider, while it runs).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/experiments/{id}/evaluation", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The experiment's id")),
    request_body = EvaluationCreate, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn evaluate(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: EvaluationCreate = parse_json(&l, &body)?;
    s.app
        .experiments()
        .evaluate(
            &user,
            &slug,
            &id,
            EvaluationInput {
                adopted: input.adopted,
                evaluation: input.evaluation,
                replaces: input.replaces,
            },
        )
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// "Share what you learned": a story drafted from an evaluated experiment
/// (its owner or a begeleider): Falend Vooruit when stopped, Koploper when
/// adopted. Check it, then share it with `POST /api/v1/submissions`.
#[utoipa::path(get, path = "/api/v1/groups/{slug}/experiments/{id}/story-draft", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The experiment's id")),
    security(("session" = [])),
    responses((status = 200, body = StoryContent),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict)))]
pub async fn story_draft(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<Json<StoryContent>> {
    let user = require_user(&l)?;
    Ok(Json(
        s.app
            .experiments()
            .story_draft(&user, &slug, &id)
            .await
            .map_err(api_err(&l))?,
    ))
}
