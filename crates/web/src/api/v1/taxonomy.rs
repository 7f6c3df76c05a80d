//! The taxonomy in the API: everyone reads the themes, sectors and regions
//! with their labels; administrators add and change them.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_app::Page;
use vooruit_app::taxonomy::{Move, TermChange};
use vooruit_domain::taxonomy::{Term, TermInput, Vocabulary};

use super::problems::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::AppState;
use crate::api::{ApiQuery, ApiResult, api_err, parse_json, require_admin};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(show))
        .routes(routes!(admin_create))
        .routes(routes!(admin_change))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only this list.
    vocabulary: Option<Vocabulary>,
}

/// Every theme, sector and region, each list in its order, in the list
/// shape (one page). Retired values are included (`retired_at` is set):
/// old content still has them, new content cannot choose them.
#[utoipa::path(get, path = "/api/v1/taxonomy", tag = "taxonomy", params(ListParams),
    responses((status = 200, body = Page<Term>)))]
pub async fn list(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> ApiResult<Json<Page<Term>>> {
    let taxonomy = s.app.taxonomy().current().await.map_err(api_err(&l))?;
    let items: Vec<Term> = taxonomy
        .all()
        .iter()
        .filter(|t| q.vocabulary.is_none_or(|v| t.vocabulary == v))
        .cloned()
        .collect();
    let total = items.len() as i64;
    Ok(Json(Page::new(items, total, 1, total.max(1))))
}

/// A vocabulary from the path; an unknown one is not found.
fn vocabulary(word: &str) -> Result<Vocabulary, vooruit_app::AppError> {
    Vocabulary::parse(word).ok_or(vooruit_app::AppError::NotFound)
}

/// One value.
#[utoipa::path(get, path = "/api/v1/taxonomy/{vocabulary}/{slug}", tag = "taxonomy",
    params(("vocabulary" = Vocabulary, Path, description = "The list"),
           ("slug" = String, Path, description = "The value's slug")),
    responses((status = 200, body = Term), (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path((v, slug)): Path<(String, String)>,
) -> ApiResult<Json<Term>> {
    let v = vocabulary(&v).map_err(api_err(&l))?;
    Ok(Json(
        s.app.taxonomy().term(v, &slug).await.map_err(api_err(&l))?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct TermCreate {
    vocabulary: Vocabulary,
    /// Stable, for URLs and content; left out, it is made from `label_nl`.
    #[schema(min_length = 2, max_length = 40, pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    slug: Option<String>,
    #[serde(flatten)]
    labels: Labels,
}

#[derive(Serialize, ToSchema)]
pub struct TermCreated {
    vocabulary: Vocabulary,
    slug: String,
}

/// Adds a value at the end of its list (administrators).
#[utoipa::path(post, path = "/api/v1/admin/taxonomy", tag = "taxonomy",
    request_body = TermCreate, security(("session" = [])),
    responses((status = 201, body = TermCreated, headers(("Location" = String, description = "The value in the API"))),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 422, response = Invalid)))]
pub async fn admin_create(l: Ctx, State(s): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let user = require_admin(&l)?;
    let input: TermCreate = parse_json(&l, &body)?;
    let v = input.vocabulary;
    let slug = s
        .app
        .taxonomy()
        .add(
            &user,
            v,
            input.labels.into_input(input.slug.unwrap_or_default()),
        )
        .await
        .map_err(api_err(&l))?;
    let location = format!("/api/v1/taxonomy/{v}/{slug}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(TermCreated {
            vocabulary: v,
            slug,
        }),
    )
        .into_response())
}

/// What changes; what is left out stays.
#[derive(Deserialize, ToSchema)]
pub struct TermUpdate {
    /// New labels and intros, all four together.
    labels: Option<Labels>,
    /// True retires the value, false offers it again.
    retired: Option<bool>,
    /// The new place in its list, from 1 (beyond the end: the end).
    #[schema(minimum = 1, maximum = 1000)]
    position: Option<i64>,
}

/// A value's names and short explanations, in both languages.
#[derive(Deserialize, ToSchema)]
pub struct Labels {
    #[schema(min_length = 1, max_length = 60, pattern = r"\S")]
    label_nl: String,
    #[schema(min_length = 1, max_length = 60, pattern = r"\S")]
    label_en: String,
    #[serde(default)]
    #[schema(max_length = 300)]
    intro_nl: String,
    #[serde(default)]
    #[schema(max_length = 300)]
    intro_en: String,
}

impl Labels {
    fn into_input(self, slug: String) -> TermInput {
        TermInput {
            slug,
            label_nl: self.label_nl,
            label_en: self.label_en,
            intro_nl: self.intro_nl,
            intro_en: self.intro_en,
        }
    }
}

/// Changes a value (administrators): its labels, whether it is retired,
/// its place. The slug never changes.
#[utoipa::path(put, path = "/api/v1/admin/taxonomy/{vocabulary}/{slug}", tag = "taxonomy",
    params(("vocabulary" = Vocabulary, Path, description = "The list"),
           ("slug" = String, Path, description = "The value's slug")),
    request_body = TermUpdate, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 422, response = Invalid)))]
pub async fn admin_change(
    l: Ctx,
    State(s): State<AppState>,
    Path((v, slug)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_admin(&l)?;
    let v = vocabulary(&v).map_err(api_err(&l))?;
    let input: TermUpdate = parse_json(&l, &body)?;
    if input.position.is_some_and(|p| !(1..=1000).contains(&p)) {
        return Err(api_err(&l)(vooruit_app::AppError::field(
            "position",
            "error-term-position",
        )));
    }
    let change = TermChange {
        labels: input.labels.map(|x| x.into_input(slug.clone())),
        retired: input.retired,
        to: input.position.map(|p| Move::To(p as usize)),
    };
    s.app
        .taxonomy()
        .change(&user, v, &slug, change)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}
