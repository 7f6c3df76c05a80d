//! `/zoeken`: full-text search with facets, snippets and suggestions.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_search::{FacetCount, SearchRequest, SearchResults};

use super::PageResult;
use crate::AppState;
use crate::context::Ctx;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new().get("/zoeken", search)
}

pub const PER_PAGE: usize = 10;

/// The search a `/zoeken` query string asks for, read as the page reads it
/// (`vooruit bench search --paths` runs the HTTP bench's searches in process).
pub fn request_of(query_string: &str) -> SearchRequest {
    format!("/zoeken?{query_string}")
        .parse::<axum::http::Uri>()
        .ok()
        .and_then(|uri| Query::<SearchParams>::try_from_uri(&uri).ok())
        .map(|Query(params)| params)
        .unwrap_or_default()
        .request(PER_PAGE)
}

/// The query string of a search. Everything is text, so no input can be
/// refused; unknown values simply match nothing.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
    /// A content type (`verhaal`, `publicatie`, ...).
    #[serde(default, rename = "type")]
    pub doc_type: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub sector: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub page: String,
}

impl SearchParams {
    pub fn request(&self, per_page: usize) -> SearchRequest {
        let clip = |s: &str| s.chars().take(200).collect::<String>();
        SearchRequest {
            q: clip(&self.q),
            doc_type: clip(&self.doc_type),
            kind: clip(&self.kind),
            theme: clip(&self.theme),
            sector: clip(&self.sector),
            region: clip(&self.region),
            year: clip(&self.year),
            page: self.page.parse().unwrap_or(1).max(1),
            per_page,
            skip_facets: false,
        }
    }

    fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("q", self.q.as_str()),
            ("type", self.doc_type.as_str()),
            ("kind", self.kind.as_str()),
            ("theme", self.theme.as_str()),
            ("sector", self.sector.as_str()),
            ("region", self.region.as_str()),
            ("year", self.year.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect()
    }

    fn href_of(pairs: &[(&str, &str)]) -> String {
        let qs = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        if qs.is_empty() {
            "/zoeken".into()
        } else {
            format!("/zoeken?{qs}")
        }
    }

    /// This search with `key` set to `value`, or with `key` removed when it
    /// already has that value (facet links toggle), back on page 1.
    pub fn toggle(&self, key: impl AsRef<str>, value: impl AsRef<str>) -> String {
        let (key, value) = (key.as_ref(), value.as_ref());
        let mut pairs: Vec<(&str, &str)> = self
            .pairs()
            .into_iter()
            .filter(|(k, _)| *k != key)
            .collect();
        if self.get(key) != value {
            pairs.push((key, value));
        }
        Self::href_of(&pairs)
    }

    pub fn is_active(&self, key: impl AsRef<str>, value: impl AsRef<str>) -> bool {
        self.get(key.as_ref()) == value.as_ref()
    }

    pub fn get(&self, key: &str) -> &str {
        match key {
            "q" => &self.q,
            "type" => &self.doc_type,
            "kind" => &self.kind,
            "theme" => &self.theme,
            "sector" => &self.sector,
            "region" => &self.region,
            "year" => &self.year,
            _ => "",
        }
    }

    /// The active filters, for the "remove" chips: (key, value, href without it).
    pub fn active_filters(&self) -> Vec<(&'static str, String, String)> {
        self.pairs()
            .into_iter()
            .filter(|(k, _)| *k != "q")
            .map(|(k, v)| (k, v.to_string(), self.toggle(k, v)))
            .collect()
    }

    pub fn without_filters(&self) -> String {
        Self::href_of(&[("q", self.q.as_str())])
    }

    pub fn with_query(&self, q: impl AsRef<str>) -> String {
        let mut pairs: Vec<(&str, &str)> = self
            .pairs()
            .into_iter()
            .filter(|(k, _)| *k != "q")
            .collect();
        pairs.push(("q", q.as_ref()));
        Self::href_of(&pairs)
    }

    pub fn page_href(&self, page: impl std::borrow::Borrow<i64>) -> String {
        let page = page.borrow().to_string();
        let mut pairs = self.pairs();
        pairs.push(("page", page.as_str()));
        Self::href_of(&pairs)
    }
}

/// One facet group on the page: its key, heading key and values.
pub struct FacetGroup {
    pub key: &'static str,
    pub values: Vec<FacetCount>,
}

#[derive(Template, WebTemplate)]
#[template(path = "search/results.html")]
struct SearchTemplate {
    l: Ctx,
    params: SearchParams,
    results: SearchResults,
    groups: Vec<FacetGroup>,
    page: i64,
    pages: i64,
}

impl SearchTemplate {
    /// The label of a facet value in the reader's language.
    fn facet_label(&self, key: &str, value: &str) -> String {
        match key {
            // A value typed into the address bar is shown as typed (and
            // clipped), not looked up as a translation that does not exist.
            "type" | "kind" if !crate::i18n::has_key(self.l.lang, &format!("{key}-{value}")) => {
                value.chars().take(60).collect()
            }
            "type" => self.l.content_type(value),
            "kind" => self.l.kind(value),
            "theme" => self.l.theme(value),
            "sector" => self.l.sector(value),
            "region" => self.l.region(value),
            _ => value.to_string(),
        }
    }
}

async fn search(
    l: Ctx,
    State(s): State<AppState>,
    Query(params): Query<SearchParams>,
) -> PageResult {
    let req = params.request(PER_PAGE);
    let results = s.app.search().run(&req).await?;
    let f = results.facets.clone();
    let groups = vec![
        FacetGroup {
            key: "type",
            values: f.doc_type,
        },
        FacetGroup {
            key: "kind",
            values: f.kind,
        },
        FacetGroup {
            key: "theme",
            values: f.theme,
        },
        FacetGroup {
            key: "sector",
            values: f.sector,
        },
        FacetGroup {
            key: "region",
            values: f.region,
        },
        FacetGroup {
            key: "year",
            values: f.year,
        },
    ];
    let pages = results.total.div_ceil(PER_PAGE).max(1) as i64;
    Ok(SearchTemplate {
        l,
        page: req.page as i64,
        pages,
        params,
        results,
        groups,
    }
    .into_response())
}
