use axum::Json;
use axum::extract::{Query, State};
use vooruit_search::SearchResults;

use crate::AppState;
use crate::api::{ApiResult, api_err};
use crate::context::Ctx;
use crate::pages::search::SearchParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search))
}

/// Full-text search over published stories (Dutch stemming, a typo allowed
/// in longer words, "phrases" in quotes), with facet counts and, when
/// nothing is found, a spelling suggestion.
#[utoipa::path(get, path = "/api/v1/search", tag = "stories",
    params(
        ("q" = Option<String>, Query, description = "Words; \"quoted phrases\"; empty for all stories, newest first"),
        ("kind" = Option<String>, Query, description = "Filter: kind"),
        ("theme" = Option<String>, Query, description = "Filter: theme"),
        ("sector" = Option<String>, Query, description = "Filter: sector"),
        ("region" = Option<String>, Query, description = "Filter: region"),
        ("year" = Option<String>, Query, description = "Filter: year of publication"),
        ("page" = Option<i64>, Query, description = "Page number, from 1 (10 hits a page)"),
    ),
    responses((status = 200, description = "`hits` (slug, title, summary, kind, themes, published_at, snippet_html), `total`, `facets` (kind, theme, sector, region, year: value and count), `suggestion`, `without_filters`")))]
pub async fn search(
    l: Ctx,
    State(s): State<AppState>,
    Query(p): Query<SearchParams>,
) -> ApiResult<Json<SearchResults>> {
    Ok(Json(
        s.app
            .search()
            .run(&p.request(crate::pages::search::PER_PAGE))
            .map_err(api_err(&l))?,
    ))
}
