use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_domain::content_type::ContentType;
use vooruit_domain::story::StoryKind;
use vooruit_search::{Facets, Hit, SearchRequest};

use crate::AppState;
use crate::api::{ApiQuery, ApiResult, api_err, page_number};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words; "quoted phrases"; empty for everything, newest first. Only
    /// the first 200 characters count.
    q: Option<String>,
    /// Only this type of content.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    doc_type: Option<ContentType>,
    /// Only stories of this kind.
    kind: Option<StoryKind>,
    /// A theme (see `GET /api/v1/taxonomy`).
    theme: Option<String>,
    /// A sector (see `GET /api/v1/taxonomy`).
    sector: Option<String>,
    /// A region (see `GET /api/v1/taxonomy`).
    region: Option<String>,
    /// The year of publication (of an event: the year it takes place).
    year: Option<i32>,
    /// Page number, from 1 (10 results a page).
    #[param(minimum = 1, maximum = 100000)]
    page: Option<i64>,
}

/// One page of search results, in the list shape every list has, with the
/// counts per facet value and, when nothing is found, a spelling suggestion.
#[derive(Serialize, ToSchema)]
pub struct SearchPage {
    items: Vec<Hit>,
    total: i64,
    page: i64,
    per_page: i64,
    pages: i64,
    facets: Facets,
    /// A corrected spelling of the query, when it found nothing.
    suggestion: Option<String>,
    /// How many results the same words find without the filters, when the
    /// filters left nothing.
    without_filters: Option<i64>,
    /// True when no item has all the words of `q`: the items then have
    /// at least half of them (small words such as "de" and "van" do not
    /// count).
    most_words: bool,
    /// Words that mean the same as words of `q` (synonyms that editors
    /// manage), searched as well.
    also_searched: Vec<String>,
}

/// Full-text search over everything published: stories, publications
/// (with the text of their PDF) and events (Dutch stemming, a typo allowed
/// in longer words, "phrases" in quotes), with the type of each item,
/// facet counts (the type among them) and, when nothing is found, a
/// spelling suggestion.
#[utoipa::path(get, path = "/api/v1/search", tag = "search",
    params(SearchParams),
    responses((status = 200, body = SearchPage)))]
pub async fn search(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> ApiResult<Json<SearchPage>> {
    let page = page_number(&l, p.page)?;
    let per_page = crate::pages::search::PER_PAGE;
    let text = |v: Option<String>| v.unwrap_or_default().chars().take(200).collect();
    let results = s
        .app
        .search()
        .run(&SearchRequest {
            q: text(p.q),
            doc_type: p
                .doc_type
                .map(|t| t.as_str().to_string())
                .unwrap_or_default(),
            kind: p.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
            theme: text(p.theme),
            sector: text(p.sector),
            region: text(p.region),
            year: p.year.map(|y| y.to_string()).unwrap_or_default(),
            page: page as usize,
            per_page,
            skip_facets: false,
        })
        .await
        .map_err(api_err(&l))?;
    let total = results.total as i64;
    let per_page = per_page as i64;
    Ok(Json(SearchPage {
        items: results.hits,
        total,
        page,
        per_page,
        pages: ((total + per_page - 1) / per_page).max(1),
        facets: results.facets,
        suggestion: results.suggestion,
        without_filters: results.without_filters.map(|n| n as i64),
        most_words: results.most_words,
        also_searched: results.also_searched,
    }))
}
