use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_app::Page;
use vooruit_app::editions::{EditionView, SendProgress};
use vooruit_domain::edition::{EditionInput, EditionItem, ItemKind};

use super::problems::{Conflict, Forbidden, Invalid, NotFound, Unauthorized};
use crate::AppState;
use crate::api::{
    ApiQuery, ApiResult, PageParams, api_err, page_number, parse_json, require_editor,
};
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

/// The archive: sent editions, newest first.
#[utoipa::path(get, path = "/api/v1/newsletter/editions", tag = "newsletter",
    params(PageParams),
    responses((status = 200, body = Page<EditionView>)))]
pub async fn archive(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<PageParams>,
) -> ApiResult<Json<Page<EditionView>>> {
    let page = page_number(&l, q.page)?;
    Ok(Json(
        s.app.editions().archive(page).await.map_err(api_err(&l))?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct ItemInput {
    kind: ItemKind,
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    title: String,
    /// A path on this site (/verhalen/...) or an https:// link.
    #[schema(max_length = 500)]
    url: String,
    #[serde(default)]
    text: String,
}

#[derive(Deserialize, ToSchema)]
pub struct EditionCreate {
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    subject: String,
    /// Markdown.
    #[serde(default)]
    intro: String,
    /// Without items, the newest stories and next events are filled in.
    #[serde(default)]
    #[schema(max_items = 20)]
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
                    kind: i.kind.as_str().to_string(),
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

/// Creates a concept edition (editors). `Location` is the edition.
#[utoipa::path(post, path = "/api/v1/editor/newsletter/editions", tag = "newsletter",
    request_body = EditionCreate, security(("session" = [])),
    responses((status = 201, body = EditionCreated, headers(("Location" = String, description = "The edition"))),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 422, response = Invalid)))]
pub async fn create(l: Ctx, State(s): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let user = require_editor(&l)?;
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
    Ok((
        StatusCode::CREATED,
        [(
            header::LOCATION,
            format!("/api/v1/editor/newsletter/editions/{id}"),
        )],
        Json(EditionCreated { id }),
    )
        .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct EditionWithProgress {
    edition: EditionView,
    progress: SendProgress,
}

/// An edition with the progress of its send (editors).
#[utoipa::path(get, path = "/api/v1/editor/newsletter/editions/{id}", tag = "newsletter",
    params(("id" = String, Path, description = "The edition's id")), security(("session" = [])),
    responses((status = 200, body = EditionWithProgress),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<EditionWithProgress>> {
    let user = require_editor(&l)?;
    let (edition, progress) = s
        .app
        .editions()
        .get(&user, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(Json(EditionWithProgress { edition, progress }))
}

/// Sends the edition to the signed-in editor only, marked [Test].
#[utoipa::path(post, path = "/api/v1/editor/newsletter/editions/{id}/test", tag = "newsletter",
    params(("id" = String, Path, description = "The edition's id")), security(("session" = [])),
    responses((status = 202),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn test(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let user = require_editor(&l)?;
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
    params(("id" = String, Path, description = "The edition's id")), security(("session" = [])),
    responses((status = 202, body = SendStarted),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict)))]
pub async fn send(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<(StatusCode, Json<SendStarted>)> {
    let user = require_editor(&l)?;
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
    request_body = EditionCreate, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict),
              (status = 422, response = Invalid)))]
pub async fn update(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_editor(&l)?;
    let e: EditionCreate = parse_json(&l, &body)?;
    s.app
        .editions()
        .save(&user, &id, &e.input())
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}
