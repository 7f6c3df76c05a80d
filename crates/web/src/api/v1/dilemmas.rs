//! Dilemma sessions in the API, for members of the group (404 for anyone
//! else): the same steps as the pages. Before the reveal no answer holds
//! anyone else's position; "zonder namen" no answer ever says whose a
//! position is: that is not stored.

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
use vooruit_app::dilemmas::{DilemmaSummary, DilemmaView};
use vooruit_domain::dilemma::{DilemmaInput, DilemmaNames, OutcomeInput, PositionInput};
use vooruit_domain::story::StoryContent;

use super::problems::{Conflict, Forbidden, Invalid, NotFound, Unauthorized};
use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_user};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, open))
        .routes(routes!(show, remove))
        .routes(routes!(choose, withdraw))
        .routes(routes!(reveal))
        .routes(routes!(decide))
        .routes(routes!(follow_up))
        .routes(routes!(case_draft))
}

/// The group's library of dilemmas, newest first.
#[utoipa::path(get, path = "/api/v1/groups/{slug}/dilemmas", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug")),
    security(("session" = [])),
    responses((status = 200, body = Page<DilemmaSummary>),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound)))]
pub async fn list(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<Page<DilemmaSummary>>> {
    let user = require_user(&l)?;
    let items = s
        .app
        .dilemmas()
        .library(&user, &slug, "")
        .await
        .map_err(api_err(&l))?
        .dilemmas;
    let total = items.len() as i64;
    Ok(Json(Page::new(items, total, 1, total.max(1))))
}

#[derive(Deserialize, ToSchema)]
pub struct DilemmaCreate {
    #[schema(min_length = 1, max_length = 160, pattern = r"\S")]
    title: String,
    /// The situation from practice, without names or recognisable details.
    #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
    situation: String,
    /// Two to six different perspectives.
    #[schema(min_items = 2, max_items = 6)]
    perspectives: Vec<Perspective>,
    /// How positions are shown at the reveal; never changes afterwards.
    names: DilemmaNames,
}

/// One perspective's label.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Perspective(String);

impl utoipa::PartialSchema for Perspective {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::api::v1::problems::text(1, 120).into()
    }
}

impl ToSchema for Perspective {}

#[derive(Serialize, ToSchema)]
pub struct DilemmaCreated {
    id: String,
}

/// Opens a dilemma session (begeleiders).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/dilemmas", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug")),
    request_body = DilemmaCreate, security(("session" = [])),
    responses((status = 201, body = DilemmaCreated, headers(("Location" = String, description = "The dilemma in the API"))),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 422, response = Invalid)))]
pub async fn open(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let user = require_user(&l)?;
    let input: DilemmaCreate = parse_json(&l, &body)?;
    let id = s
        .app
        .dilemmas()
        .open(
            &user,
            &slug,
            DilemmaInput {
                title: input.title,
                situation: input.situation,
                perspectives: input.perspectives.into_iter().map(|p| p.0).collect(),
                names: input.names,
            },
        )
        .await
        .map_err(api_err(&l))?;
    let location = format!("/api/v1/groups/{slug}/dilemmas/{id}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(DilemmaCreated { id }),
    )
        .into_response())
}

/// A dilemma as you may see it: before the reveal only how many chose and
/// (with names) your own position.
#[utoipa::path(get, path = "/api/v1/groups/{slug}/dilemmas/{id}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The dilemma's id")),
    security(("session" = [])),
    responses((status = 200, body = DilemmaView),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<Json<DilemmaView>> {
    let user = require_user(&l)?;
    Ok(Json(
        s.app
            .dilemmas()
            .view(&user, &slug, &id)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// Takes the dilemma and every position out of the library (begeleiders).
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/dilemmas/{id}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The dilemma's id")),
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
        .dilemmas()
        .remove(&user, &slug, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct PositionPut {
    /// The perspective's id.
    #[schema(min_length = 1)]
    perspective: String,
    #[schema(min_length = 1, max_length = 1000, pattern = r"\S")]
    reason: String,
}

/// Gives your position (before the reveal). With names you may change it
/// until the reveal; without names it is stored without you and a second
/// one is refused (409).
#[utoipa::path(put, path = "/api/v1/groups/{slug}/dilemmas/{id}/position", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The dilemma's id")),
    request_body = PositionPut, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound),
              (status = 409, response = Conflict), (status = 422, response = Invalid)))]
pub async fn choose(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: PositionPut = parse_json(&l, &body)?;
    s.app
        .dilemmas()
        .choose(
            &user,
            &slug,
            &id,
            PositionInput {
                perspective: input.perspective,
                reason: input.reason,
            },
        )
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes your position back (with names, before the reveal).
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/dilemmas/{id}/position", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The dilemma's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound),
              (status = 409, response = Conflict)))]
pub async fn withdraw(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .dilemmas()
        .withdraw(&user, &slug, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Shows every position to the group at once (begeleiders).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/dilemmas/{id}/reveal", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The dilemma's id")),
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
        .dilemmas()
        .reveal(&user, &slug, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct OutcomePut {
    /// What the group would do, and why.
    #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
    outcome: String,
    /// After today: you are asked by mail that day what it led to.
    #[schema(format = Date)]
    follow_up_on: String,
}

/// Records (or corrects) the outcome and the follow-up date (begeleiders,
/// after the reveal).
#[utoipa::path(put, path = "/api/v1/groups/{slug}/dilemmas/{id}/outcome", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The dilemma's id")),
    request_body = OutcomePut, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn decide(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: OutcomePut = parse_json(&l, &body)?;
    s.app
        .dilemmas()
        .decide(
            &user,
            &slug,
            &id,
            OutcomeInput {
                outcome: input.outcome,
                follow_up_on: input.follow_up_on,
            },
            l.lang,
        )
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct FollowUpPut {
    /// What the choice led to.
    #[schema(min_length = 1, max_length = 4000, pattern = r"\S")]
    text: String,
}

/// Writes down what the choice led to (begeleiders, once decided).
#[utoipa::path(put, path = "/api/v1/groups/{slug}/dilemmas/{id}/follow-up", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The dilemma's id")),
    request_body = FollowUpPut, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn follow_up(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: FollowUpPut = parse_json(&l, &body)?;
    s.app
        .dilemmas()
        .follow_up(&user, &slug, &id, &input.text)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// A case for the editors, drafted from a decided dilemma (begeleiders):
/// the situation, how the group divided (numbers only), the outcome and
/// what it led to. Check it, then share it with `POST /api/v1/submissions`
/// (which asks for the anonymisation check and consent).
#[utoipa::path(get, path = "/api/v1/groups/{slug}/dilemmas/{id}/case-draft", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The dilemma's id")),
    security(("session" = [])),
    responses((status = 200, body = StoryContent),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict)))]
pub async fn case_draft(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<Json<StoryContent>> {
    let user = require_user(&l)?;
    Ok(Json(
        s.app
            .dilemmas()
            .case_draft(&user, &slug, &id)
            .await
            .map_err(api_err(&l))?,
    ))
}
