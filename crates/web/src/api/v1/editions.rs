use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_app::editions::{EditionView, SendProgress};
use vooruit_domain::edition::{EditionInput, EditionItem};

use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_user};
use crate::context::Ctx;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(archive))
        .routes(routes!(create))
        .routes(routes!(show, update))
        .routes(routes!(test))
        .routes(routes!(send))
}

#[derive(Serialize, ToSchema)]
pub struct EditionList {
    items: Vec<EditionView>,
    total: i64,
    page: i64,
    pages: i64,
}

#[derive(Deserialize, Default)]
pub struct PageParam {
    #[serde(default)]
    page: Option<i64>,
}

/// The archive: sent editions, newest first.
#[utoipa::path(get, path = "/api/v1/newsletter/editions", tag = "newsletter",
    params(("page" = Option<i64>, Query, description = "Page, from 1")),
    responses((status = 200, body = EditionList)))]
pub async fn archive(
    l: Ctx,
    State(s): State<AppState>,
    Query(q): Query<PageParam>,
) -> ApiResult<Json<EditionList>> {
    let page = s
        .app
        .editions()
        .archive(q.page.unwrap_or(1))
        .await
        .map_err(api_err(&l))?;
    Ok(Json(EditionList {
        total: page.total,
        page: page.page,
        pages: page.pages,
        items: page.items,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ItemInput {
    /// verhaal, agenda or link
    kind: String,
    title: String,
    /// A path on this site (/verhalen/...) or an https:// link.
    url: String,
    #[serde(default)]
    text: String,
}

#[derive(Deserialize, ToSchema)]
pub struct EditionCreate {
    subject: String,
    /// Markdown.
    #[serde(default)]
    intro: String,
    /// Without items, the newest stories and next events are filled in.
    #[serde(default)]
    items: Vec<ItemInput>,
    /// Only for subscribers of these themes (and those who chose none).
    #[serde(default)]
    themes: Vec<String>,
}

impl EditionCreate {
    fn input(self) -> EditionInput {
        EditionInput {
            subject: self.subject,
            intro: self.intro,
            items: self
                .items
                .into_iter()
                .map(|i| EditionItem {
                    kind: i.kind,
                    title: i.title,
                    url: i.url,
                    text: i.text,
                })
                .collect(),
            themes: self.themes,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EditionCreated {
    id: String,
}

/// Creates a concept edition (editors).
#[utoipa::path(post, path = "/api/v1/editor/newsletter/editions", tag = "newsletter",
    request_body = EditionCreate,
    responses((status = 201, body = EditionCreated), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn create(
    l: Ctx,
    State(s): State<AppState>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<EditionCreated>)> {
    let user = require_user(&l)?;
    let e: EditionCreate = parse_json(&l, &body)?;
    let suggest = e.items.is_empty();
    let mut input = e.input();
    if suggest {
        input.items = s
            .app
            .editions()
            .suggested_items(l.lang)
            .await
            .map_err(api_err(&l))?;
    }
    let id = s
        .app
        .editions()
        .create(&user, &input)
        .await
        .map_err(api_err(&l))?;
    Ok((StatusCode::CREATED, Json(EditionCreated { id })))
}

#[derive(Serialize, ToSchema)]
pub struct EditionStatus {
    edition: EditionView,
    progress: SendProgress,
}

/// An edition with the progress of its send (editors).
#[utoipa::path(get, path = "/api/v1/editor/newsletter/editions/{id}", tag = "newsletter",
    params(("id" = String, Path, description = "The edition's id")),
    responses((status = 200, body = EditionStatus), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<EditionStatus>> {
    let user = require_user(&l)?;
    let (edition, progress) = s
        .app
        .editions()
        .get(&user, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(Json(EditionStatus { edition, progress }))
}

/// Sends the edition to the signed-in editor only, marked [Test].
#[utoipa::path(post, path = "/api/v1/editor/newsletter/editions/{id}/test", tag = "newsletter",
    params(("id" = String, Path, description = "The edition's id")),
    responses((status = 202), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn test(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .editions()
        .send_test(&user, &id, l.lang)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Serialize, ToSchema)]
pub struct SendStarted {
    recipients: i64,
}

/// Starts sending to every confirmed subscriber, in the background. A
/// second call answers 409.
#[utoipa::path(post, path = "/api/v1/editor/newsletter/editions/{id}/send", tag = "newsletter",
    params(("id" = String, Path, description = "The edition's id")),
    responses((status = 202, body = SendStarted), (status = 409, body = super::Problem, content_type = "application/problem+json")))]
pub async fn send(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<(StatusCode, Json<SendStarted>)> {
    let user = require_user(&l)?;
    let recipients = s
        .app
        .editions()
        .start_send(&user, &id)
        .await
        .map_err(api_err(&l))?;
    Ok((StatusCode::ACCEPTED, Json(SendStarted { recipients })))
}

/// Changes a concept edition (editors); 409 once sending has started.
#[utoipa::path(put, path = "/api/v1/editor/newsletter/editions/{id}", tag = "newsletter",
    params(("id" = String, Path, description = "The edition's id")),
    request_body = EditionCreate,
    responses((status = 204), (status = 409, body = super::Problem, content_type = "application/problem+json"), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn update(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let e: EditionCreate = parse_json(&l, &body)?;
    s.app
        .editions()
        .save(&user, &id, &e.input())
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}
