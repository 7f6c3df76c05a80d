use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use vooruit_app::stories::{PublishedStory, StorySummary};
use vooruit_domain::story::StoryStatus;
use vooruit_domain::story::{StoryContent, Submission, Teller};

use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json};
use crate::context::Ctx;
use crate::pages::stories::ListQuery;
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

/// One page of published stories.
#[derive(Serialize, ToSchema)]
pub struct StoryList {
    items: Vec<StorySummary>,
    total: i64,
    page: i64,
    per_page: i64,
    pages: i64,
}

/// Published stories, newest first, filtered by kind, theme, sector and region.
#[utoipa::path(get, path = "/api/v1/stories", tag = "stories",
    params(
        ("page" = Option<i64>, Query, description = "Page number, from 1"),
        ("kind" = Option<String>, Query, description = "falend-vooruit, koploper, interview, case or column"),
        ("theme" = Option<String>, Query, description = "A theme slug, e.g. werven"),
        ("sector" = Option<String>, Query, description = "A sector slug, e.g. ouderenzorg"),
        ("region" = Option<String>, Query, description = "A region slug, e.g. utrecht"),
    ),
    responses((status = 200, body = StoryList)))]
pub async fn list(
    l: Ctx,
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> ApiResult<Json<StoryList>> {
    let page = s
        .app
        .stories()
        .published_list(&q.filter(), q.page())
        .await
        .map_err(api_err(&l))?;
    Ok(Json(StoryList {
        items: page.items,
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        pages: page.pages,
    }))
}

/// One published story with its sections (Markdown and sanitised HTML).
#[utoipa::path(get, path = "/api/v1/stories/{slug}", tag = "stories",
    params(("slug" = String, Path, description = "The story's slug")),
    responses((status = 200, body = PublishedStory), (status = 404, body = crate::api::v1::Problem, content_type = "application/problem+json")))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<PublishedStory>> {
    Ok(Json(
        s.app
            .stories()
            .published(&slug)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// A story shared through the API, with the same rules as the form.
#[derive(Deserialize, ToSchema)]
pub struct SubmissionInput {
    /// falend-vooruit, koploper, interview, case or column
    kind: String,
    title: String,
    #[serde(default)]
    summary: String,
    /// Markdown
    context: String,
    #[serde(default)]
    aim: String,
    #[serde(default)]
    approach: String,
    #[serde(default)]
    what_differed: String,
    lessons: Vec<String>,
    #[serde(default)]
    tips: String,
    #[serde(default)]
    do_differently: String,
    themes: Vec<String>,
    #[serde(default)]
    sectors: Vec<String>,
    #[serde(default)]
    region: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    show_name: bool,
    #[serde(default)]
    show_organisation: bool,
    /// Seen by the editors only.
    contact_email: String,
    /// The text holds nothing that identifies a client.
    no_client_info: bool,
    /// The editors may edit and publish the story.
    consent: bool,
}

impl From<SubmissionInput> for Submission {
    fn from(i: SubmissionInput) -> Submission {
        Submission {
            content: StoryContent {
                kind: i.kind,
                title: i.title,
                summary: i.summary,
                context: i.context,
                aim: i.aim,
                approach: i.approach,
                what_differed: i.what_differed,
                lessons: i.lessons,
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
            no_client_info: i.no_client_info,
            consent: i.consent,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SubmissionCreated {
    /// The teller's private page to follow the story and answer questions.
    status_url: String,
    status: StoryStatus,
}

/// Shares a story without an account. It waits for the editors; the teller
/// gets the status link in the answer and by mail.
#[utoipa::path(post, path = "/api/v1/submissions", tag = "stories",
    request_body = SubmissionInput,
    responses((status = 201, body = SubmissionCreated), (status = 422, body = crate::api::v1::Problem, content_type = "application/problem+json")))]
pub async fn submit(
    l: Ctx,
    State(s): State<AppState>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<SubmissionCreated>)> {
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
        Json(SubmissionCreated {
            status_url: done.status_url,
            status: StoryStatus::Ingediend,
        }),
    ))
}
