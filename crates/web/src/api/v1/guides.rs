//! Werkwijzers (guides) in the API: the published ones, newest first, a
//! page at a time, and one by its slug with its steps and related
//! stories.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_app::Page;
use vooruit_app::guides::GuideView;

use super::problems::NotFound;
use crate::AppState;
use crate::api::{ApiQuery, ApiResult, api_err, page_number};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(show))
}

/// Guides per page of the list.
const PER_PAGE: i64 = 20;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 100000)]
    page: Option<i64>,
}

/// Published werkwijzers, newest first, 20 per page.
#[utoipa::path(get, path = "/api/v1/guides", tag = "guides",
    params(ListParams),
    responses((status = 200, body = Page<GuideView>)))]
pub async fn list(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> ApiResult<Json<Page<GuideView>>> {
    let page = page_number(&l, q.page)?;
    Ok(Json(
        s.app
            .guides()
            .list_views(page, PER_PAGE)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// One published werkwijzer, with its steps and related stories.
#[utoipa::path(get, path = "/api/v1/guides/{slug}", tag = "guides",
    params(("slug" = String, Path, description = "The guide's slug")),
    responses((status = 200, body = GuideView), (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<GuideView>> {
    Ok(Json(s.app.guides().view(&slug).await.map_err(api_err(&l))?))
}
