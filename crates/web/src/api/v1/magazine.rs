//! The magazine in the API: the published issues, newest first, a
//! page at a time, and one by its slug with its table of contents (the
//! published articles, each a story of `/api/v1/stories`).

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_app::Page;
use vooruit_app::magazine::IssueView;

use super::problems::NotFound;
use crate::AppState;
use crate::api::{ApiQuery, ApiResult, api_err, page_number};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(show))
}

/// Issues per page of the list.
const PER_PAGE: i64 = 20;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 100000)]
    page: Option<i64>,
}

/// Published magazine issues, newest first, 20 per page, each with its table of contents.
#[utoipa::path(get, path = "/api/v1/magazine", tag = "magazine",
    params(ListParams),
    responses((status = 200, body = Page<IssueView>)))]
pub async fn list(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> ApiResult<Json<Page<IssueView>>> {
    let page = page_number(&l, q.page)?;
    Ok(Json(
        s.app
            .magazine()
            .list_views(page, PER_PAGE)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// One published issue: foreword, table of contents (sections with their published articles), colophon and the PDF of the printed issue.
#[utoipa::path(get, path = "/api/v1/magazine/{slug}", tag = "magazine",
    params(("slug" = String, Path, description = "The issue's slug")),
    responses((status = 200, body = IssueView), (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<IssueView>> {
    Ok(Json(
        s.app.magazine().view(&slug).await.map_err(api_err(&l))?,
    ))
}
