//! Synonyms in the API (editors): groups of words and phrases that mean the
//! same to a reader; `/api/v1/search` finds the stories with any member of
//! a group as soon as it is saved.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_app::Page;
use vooruit_domain::synonym::SynonymGroup;

use super::problems::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_editor};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(show, change, remove))
}

/// Every group (one page), by their first member.
#[utoipa::path(get, path = "/api/v1/editor/synonyms", tag = "synonyms",
    security(("session" = [])),
    responses((status = 200, body = Page<SynonymGroup>),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden)))]
pub async fn list(l: Ctx, State(s): State<AppState>) -> ApiResult<Json<Page<SynonymGroup>>> {
    let user = require_editor(&l)?;
    let items = s.app.synonyms().list(&user).await.map_err(api_err(&l))?;
    let total = items.len() as i64;
    Ok(Json(Page::new(items, total, 1, total.max(1))))
}

/// The words and phrases of a group.
#[derive(Deserialize, ToSchema)]
pub struct SynonymInput {
    /// Two to twenty words or phrases (up to 5 words, 60 characters each)
    /// that mean the same; each may be in one group only. Case and spaces
    /// do not count: `GGZ` and `ggz` are one member.
    #[schema(schema_with = members_schema)]
    members: Vec<String>,
}

/// The list of members with what each member must be: a schema attribute
/// cannot reach into the items of a list.
fn members_schema() -> utoipa::openapi::Array {
    use utoipa::openapi::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(60))
                .pattern(Some(r"\w")),
        )
        .min_items(Some(2))
        .max_items(Some(20))
        .build()
}

/// Adds a group; searches use it at once.
#[utoipa::path(post, path = "/api/v1/editor/synonyms", tag = "synonyms",
    request_body = SynonymInput, security(("session" = [])),
    responses((status = 201, body = SynonymGroup, headers(("Location" = String, description = "The group in the API"))),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 422, response = Invalid)))]
pub async fn create(l: Ctx, State(s): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let user = require_editor(&l)?;
    let input: SynonymInput = parse_json(&l, &body)?;
    let synonyms = s.app.synonyms();
    let id = synonyms
        .add(&user, &input.members)
        .await
        .map_err(api_err(&l))?;
    let group = synonyms.group(&user, &id).await.map_err(api_err(&l))?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/editor/synonyms/{id}"))],
        Json(group),
    )
        .into_response())
}

/// One group.
#[utoipa::path(get, path = "/api/v1/editor/synonyms/{id}", tag = "synonyms",
    params(("id" = String, Path, description = "The group's id")),
    security(("session" = [])),
    responses((status = 200, body = SynonymGroup),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<SynonymGroup>> {
    let user = require_editor(&l)?;
    Ok(Json(
        s.app
            .synonyms()
            .group(&user, &id)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// Replaces the members of a group; searches use them at once.
#[utoipa::path(put, path = "/api/v1/editor/synonyms/{id}", tag = "synonyms",
    params(("id" = String, Path, description = "The group's id")),
    request_body = SynonymInput, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 422, response = Invalid)))]
pub async fn change(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_editor(&l)?;
    let input: SynonymInput = parse_json(&l, &body)?;
    s.app
        .synonyms()
        .change(&user, &id, &input.members)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a group.
#[utoipa::path(delete, path = "/api/v1/editor/synonyms/{id}", tag = "synonyms",
    params(("id" = String, Path, description = "The group's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn remove(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let user = require_editor(&l)?;
    s.app
        .synonyms()
        .remove(&user, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}
