//! Publications in the API: the published ones, a page at a time, and one
//! by its slug. The file itself is at `file_url` (the site's download,
//! with byte ranges).

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_app::Page;
use vooruit_app::publications::PublicationView;

use super::problems::NotFound;
use crate::AppState;
use crate::api::{ApiQuery, ApiResult, api_err, page_number};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(show))
}

/// Publications per page of the list.
const PER_PAGE: i64 = 20;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 100000)]
    page: Option<i64>,
}

/// Published publications, newest year first, 20 per page.
#[utoipa::path(get, path = "/api/v1/publications", tag = "publications",
    params(ListParams),
    responses((status = 200, body = Page<PublicationView>)))]
pub async fn list(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> ApiResult<Json<Page<PublicationView>>> {
    let page = page_number(&l, q.page)?;
    Ok(Json(
        s.app
            .publications()
            .list_views(page, PER_PAGE)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// One published publication.
#[utoipa::path(get, path = "/api/v1/publications/{slug}", tag = "publications",
    params(("slug" = String, Path, description = "The publication's slug")),
    responses((status = 200, body = PublicationView), (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<PublicationView>> {
    Ok(Json(
        s.app
            .publications()
            .view(&slug)
            .await
            .map_err(api_err(&l))?,
    ))
}
