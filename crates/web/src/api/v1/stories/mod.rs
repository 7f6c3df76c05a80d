use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use vooruit_app::Page;
use vooruit_app::stories::{PublishedStory, StoryFilter, StorySummary};
use vooruit_domain::story::StoryKind;
use vooruit_domain::story::StoryStatus;
use vooruit_domain::story::{StoryContent, Submission, Teller};

use super::problems::{Invalid, NotFound, TooManyRequests};
use crate::AppState;
use crate::api::{ApiQuery, ApiResult, api_err, page_number, parse_json};
use crate::context::Ctx;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

mod editor;
use vooruit_app::AppError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(show))
        .routes(routes!(submit))
        .merge(editor::routes())
}

/// Filters of the story list; an unknown theme, sector or region simply
/// finds nothing.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 100000)]
    page: Option<i64>,
    kind: Option<StoryKind>,
    /// A theme (see `GET /api/v1/taxonomy`), e.g. `werven`.
    theme: Option<String>,
    /// A sector (see `GET /api/v1/taxonomy`), e.g. `ouderenzorg`.
    sector: Option<String>,
    /// A region (see `GET /api/v1/taxonomy`), e.g. `utrecht`.
    region: Option<String>,
}

/// Published stories, newest first, filtered by kind, theme, sector and
/// region, 20 a page.
#[utoipa::path(get, path = "/api/v1/stories", tag = "stories",
    params(ListParams),
    responses((status = 200, body = Page<StorySummary>)))]
pub async fn list(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<ListParams>,
) -> ApiResult<Json<Page<StorySummary>>> {
    let filter = StoryFilter {
        kind: q.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
        theme: q.theme.unwrap_or_default(),
        sector: q.sector.unwrap_or_default(),
        region: q.region.unwrap_or_default(),
    };
    let page = page_number(&l, q.page)?;
    Ok(Json(
        s.app
            .stories()
            .published_list(&filter, page)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// One published story with its sections (Markdown and sanitised HTML).
#[utoipa::path(get, path = "/api/v1/stories/{slug}", tag = "stories",
    params(("slug" = String, Path, description = "The story's slug")),
    responses((status = 200, body = PublishedStory), (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Response> {
    // Visitors who are not signed in mostly get the copy stored when the
    // story last changed (crate::page_files), before this runs.
    Ok(Json(
        s.app
            .stories()
            .published(&slug)
            .await
            .map_err(api_err(&l))?,
    )
    .into_response())
}

/// A story shared through the API, with the same rules as the form.
/// Texts are Markdown. Themes, sectors and the region come from
/// `GET /api/v1/taxonomy`.
#[derive(Deserialize, ToSchema)]
pub struct SubmissionInput {
    kind: StoryKind,
    #[schema(min_length = 1, max_length = 160, pattern = r"\S")]
    title: String,
    #[serde(default)]
    #[schema(max_length = 600)]
    summary: String,
    #[schema(min_length = 1, max_length = 8000, pattern = r"\S")]
    context: String,
    #[serde(default)]
    #[schema(max_length = 8000)]
    aim: String,
    #[serde(default)]
    #[schema(max_length = 8000)]
    approach: String,
    #[serde(default)]
    #[schema(max_length = 8000)]
    what_differed: String,
    /// One to ten lessons.
    #[schema(min_items = 1, max_items = 10, inline)]
    lessons: Vec<Lesson>,
    #[serde(default)]
    #[schema(max_length = 8000)]
    tips: String,
    #[serde(default)]
    #[schema(max_length = 8000)]
    do_differently: String,
    /// One or more themes.
    #[schema(min_items = 1)]
    themes: Vec<String>,
    #[serde(default)]
    sectors: Vec<String>,
    #[serde(default)]
    region: String,
    /// Required when `show_name` is true.
    #[serde(default)]
    #[schema(max_length = 120)]
    name: String,
    /// Required when `show_organisation` is true.
    #[serde(default)]
    #[schema(max_length = 120)]
    organisation: String,
    #[serde(default)]
    show_name: bool,
    #[serde(default)]
    show_organisation: bool,
    /// Seen by the editors only.
    #[schema(
        max_length = 254,
        pattern = r"^\s*[^@\s]+@[^@\s.][^@\s]*\.[^@\s]*[^@\s.]\s*$"
    )]
    contact_email: String,
    /// The text holds nothing that identifies a client.
    no_client_info: Yes,
    /// The editors may edit and publish the story.
    consent: Yes,
}

/// A confirmation that must be given: only `true` is accepted (`false`
/// gets a 422 that names the field).
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Yes(bool);

impl utoipa::PartialSchema for Yes {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Boolean)
            .enum_values(Some([true]))
            .into()
    }
}

impl ToSchema for Yes {}

/// One lesson, a line of text.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Lesson(String);

impl utoipa::PartialSchema for Lesson {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        crate::api::v1::problems::text(1, 600).into()
    }
}

impl ToSchema for Lesson {}

impl From<SubmissionInput> for Submission {
    fn from(i: SubmissionInput) -> Submission {
        Submission {
            content: StoryContent {
                kind: i.kind.as_str().to_string(),
                title: i.title,
                summary: i.summary,
                context: i.context,
                aim: i.aim,
                approach: i.approach,
                what_differed: i.what_differed,
                lessons: i.lessons.into_iter().map(|l| l.0).collect(),
                tips: i.tips,
                do_differently: i.do_differently,
                themes: i.themes,
                sectors: i.sectors,
                region: i.region,
            },
            teller: Teller {
                name: i.name,
                organisation: i.organisation,
                show_name: i.show_name,
                show_organisation: i.show_organisation,
                contact_email: i.contact_email,
            },
            no_client_info: i.no_client_info.0,
            consent: i.consent.0,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SubmissionCreated {
    /// The story's id (the editors' API takes it).
    id: String,
    /// The teller's private page to follow the story and answer questions.
    status_url: String,
    status: StoryStatus,
}

/// Shares a story without an account. It waits for the editors; the teller
/// gets the status link in the answer (also as `Location`) and by mail.
/// Without an account, one address may share 30 stories an hour (429).
#[utoipa::path(post, path = "/api/v1/submissions", tag = "stories",
    request_body = SubmissionInput,
    responses((status = 201, body = SubmissionCreated, headers(("Location" = String, description = "The teller's private status page"))),
              (status = 422, response = Invalid), (status = 429, response = TooManyRequests)))]
pub async fn submit(l: Ctx, State(s): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let input: SubmissionInput = parse_json(&l, &body)?;
    let done = s
        .app
        .stories()
        .submit(input.into(), l.user.as_ref(), l.lang, &l.ip)
        .await
        .map_err(|e| match e {
            // Past the hourly limit an API client gets the usual 429.
            AppError::Validation(ref f)
                if f.get("send") == Some(vooruit_app::stories::SUBMISSION_LIMIT_KEY) =>
            {
                AppError::TooManyRequests
            }
            e => e,
        })
        .map_err(api_err(&l))?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, done.status_path)],
        Json(SubmissionCreated {
            id: done.id,
            status_url: done.status_url,
            status: StoryStatus::Ingediend,
        }),
    )
        .into_response())
}
