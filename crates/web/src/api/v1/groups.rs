//! Learning groups in the API: your groups, one group (members only: 404
//! for anyone else), making one, inviting, roles, removing and leaving,
//! the group's meetings, and the administrators' list and removal (names
//! and numbers of members only).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_app::Page;
use vooruit_app::groups::{GroupSummary, GroupView, MyGroup};
use vooruit_domain::group::{GroupInput, GroupRole, MeetingInput};

use super::problems::{Conflict, Forbidden, Invalid, NotFound, Unauthorized};
use crate::AppState;
use crate::api::{
    ApiQuery, ApiResult, PageParams, api_err, page_number, parse_json, require_admin, require_user,
};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(mine, create))
        .routes(routes!(show))
        .routes(routes!(invite))
        .routes(routes!(set_role, remove))
        .routes(routes!(add_meeting))
        .routes(routes!(remove_meeting))
        .routes(routes!(admin_list))
        .routes(routes!(admin_remove))
}

/// The groups you are in.
#[utoipa::path(get, path = "/api/v1/groups", tag = "groups",
    security(("session" = [])),
    responses((status = 200, body = Page<MyGroup>), (status = 401, response = Unauthorized)))]
pub async fn mine(l: Ctx, State(s): State<AppState>) -> ApiResult<Json<Page<MyGroup>>> {
    let user = require_user(&l)?;
    let items = s.app.groups().mine(&user).await.map_err(api_err(&l))?;
    let total = items.len() as i64;
    Ok(Json(Page::new(items, total, 1, total.max(1))))
}

#[derive(Deserialize, ToSchema)]
pub struct GroupCreate {
    #[schema(min_length = 2, max_length = 120, pattern = r"\S\s*\S")]
    name: String,
    #[serde(default)]
    #[schema(max_length = 1000)]
    description: String,
    /// The slug of an organisation you are in; left out for a group
    /// across organisations.
    #[serde(default)]
    #[schema(max_length = 120)]
    organisation: String,
}

#[derive(Serialize, ToSchema)]
pub struct GroupCreated {
    slug: String,
}

/// Makes a group; you are its begeleider.
#[utoipa::path(post, path = "/api/v1/groups", tag = "groups",
    request_body = GroupCreate, security(("session" = [])),
    responses((status = 201, body = GroupCreated, headers(("Location" = String, description = "The group in the API"))),
              (status = 401, response = Unauthorized), (status = 422, response = Invalid)))]
pub async fn create(l: Ctx, State(s): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let user = require_user(&l)?;
    let input: GroupCreate = parse_json(&l, &body)?;
    let slug = s
        .app
        .groups()
        .create(
            &user,
            GroupInput {
                name: input.name,
                description: input.description,
                organisation: input.organisation,
            },
        )
        .await
        .map_err(api_err(&l))?;
    let location = format!("/api/v1/groups/{slug}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(GroupCreated { slug }),
    )
        .into_response())
}

/// One group, for its members: members (addresses and open invitations
/// for begeleiders only) and coming meetings.
#[utoipa::path(get, path = "/api/v1/groups/{slug}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug")),
    security(("session" = [])),
    responses((status = 200, body = GroupView),
              (status = 401, response = Unauthorized), (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<GroupView>> {
    let user = require_user(&l)?;
    Ok(Json(
        s.app
            .groups()
            .get(&user, &slug)
            .await
            .map_err(api_err(&l))?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct GroupInvitations {
    /// One address each; at most 20.
    #[schema(min_items = 1, max_items = 20, inline)]
    emails: Vec<Email>,
}

/// An e-mail address.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl utoipa::PartialSchema for Email {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .max_length(Some(254))
            // \u0085 is white space to the server, not to JSON Schema's \s.
            .pattern(Some(
                r"^[^@\s,;\u0085]+@[^@\s.,;\u0085][^@\s,;\u0085]*\.[^@\s,;\u0085]*[^@\s.,;\u0085]$",
            ))
            .into()
    }
}

impl ToSchema for Email {}

/// Invites people by e-mail (begeleiders): each gets a link that works 14
/// days, for their address only.
#[utoipa::path(post, path = "/api/v1/groups/{slug}/invitations", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug")),
    request_body = GroupInvitations, security(("session" = [])),
    responses((status = 202, description = "The invitations are mailed"),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 422, response = Invalid)))]
pub async fn invite(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: GroupInvitations = parse_json(&l, &body)?;
    let addresses: Vec<String> = input.emails.into_iter().map(|e| e.0).collect();
    s.app
        .groups()
        .invite(&user, &slug, &addresses.join("\n"), l.lang)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
pub struct RoleInput {
    role: GroupRole,
}

/// Makes a member begeleider or member (begeleiders). The last begeleider
/// cannot step down (409).
#[utoipa::path(put, path = "/api/v1/groups/{slug}/members/{user_id}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("user_id" = String, Path, description = "The member's user id")),
    request_body = RoleInput, security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict)))]
pub async fn set_role(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, user_id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: RoleInput = parse_json(&l, &body)?;
    s.app
        .groups()
        .set_role(&user, &slug, &user_id, input.role.as_str())
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a member (begeleiders), or leaves (your own user id). The last
/// begeleider cannot go (409).
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/members/{user_id}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("user_id" = String, Path, description = "The member's user id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 409, response = Conflict)))]
pub async fn remove(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, user_id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .groups()
        .remove(&user, &slug, &user_id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// A meeting of the group. Times are RFC 3339; it needs a place or an
/// https link.
#[derive(Deserialize, ToSchema)]
pub struct MeetingCreate {
    #[schema(min_length = 1, max_length = 160, pattern = r"\S")]
    title: String,
    #[schema(format = DateTime)]
    starts_at: String,
    /// After `starts_at`.
    #[schema(format = DateTime)]
    ends_at: String,
    #[serde(default)]
    #[schema(max_length = 200)]
    place: String,
    #[serde(default)]
    online_url: String,
    /// Markdown.
    #[serde(default)]
    #[schema(max_length = 5000)]
    agenda: String,
}

/// Plans a meeting of the group (begeleiders); only members see it.
#[utoipa::path(post, path = "/api/v1/groups/{slug}/meetings", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug")),
    request_body = MeetingCreate, security(("session" = [])),
    responses((status = 201, description = "Planned"),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 422, response = Invalid)))]
pub async fn add_meeting(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let m: MeetingCreate = parse_json(&l, &body)?;
    let time = |v: &str| {
        chrono::DateTime::parse_from_rfc3339(v)
            .map(|d| d.timestamp_millis())
            .unwrap_or(0)
    };
    let input = MeetingInput {
        starts_at: time(&m.starts_at),
        ends_at: time(&m.ends_at),
        title: m.title,
        place: m.place,
        online_url: m.online_url,
        agenda: m.agenda,
    };
    s.app
        .groups()
        .add_meeting(&user, &slug, input)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::CREATED)
}

/// Calls a meeting off (begeleiders).
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/meetings/{id}", tag = "groups",
    params(("slug" = String, Path, description = "The group's slug"),
           ("id" = String, Path, description = "The meeting's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn remove_meeting(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    s.app
        .groups()
        .remove_meeting(&user, &slug, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every group's name and number of members (administrators): nothing of
/// what is inside.
#[utoipa::path(get, path = "/api/v1/admin/groups", tag = "groups",
    params(PageParams), security(("session" = [])),
    responses((status = 200, body = Page<GroupSummary>),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden)))]
pub async fn admin_list(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<PageParams>,
) -> ApiResult<Json<Page<GroupSummary>>> {
    let user = require_admin(&l)?;
    let page = page_number(&l, q.page)?;
    Ok(Json(
        s.app
            .groups()
            .list(&user, page)
            .await
            .map_err(api_err(&l))?,
    ))
}

/// Removes a group with everything in it (administrators, on a complaint).
#[utoipa::path(delete, path = "/api/v1/admin/groups/{id}", tag = "groups",
    params(("id" = String, Path, description = "The group's id")),
    security(("session" = [])),
    responses((status = 204),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn admin_remove(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let user = require_admin(&l)?;
    s.app
        .groups()
        .delete(&user, &id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}
