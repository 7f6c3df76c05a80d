//! Organisations in the API: your own, one organisation with its members,
//! inviting and removing members (its beheerders), and the
//! administrators' list and create.

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
use vooruit_app::organisations::{Membership, OrganisationSummary, OrganisationView};
use vooruit_domain::organisation::{OrgInput, OrgKind, OrgRole};

use super::problems::{Conflict, Forbidden, Invalid, NotFound, Unauthorized};
use crate::AppState;
use crate::api::{
    ApiQuery, ApiResult, PageParams, api_err, page_number, parse_json, require_admin, require_user,
};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(mine))
        .routes(routes!(show))
        .routes(routes!(invite))
        .routes(routes!(remove))
        .routes(routes!(admin_list, admin_create))
}

/// The organisations you belong to, in the list shape (one page).
#[derive(Serialize, ToSchema)]
pub struct MembershipList {
    items: Vec<Membership>,
    total: i64,
    page: i64,
    per_page: i64,
    pages: i64,
}

/// The organisations you belong to, with your role there.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    security(("session" = [])),
    responses((status = 200, body = MembershipList), (status = 401, response = Unauthorized)))]
pub async fn mine(l: Ctx, State(s): State<AppState>) -> ApiResult<Json<MembershipList>> {
    let user = require_user(&l)?;
    let items = s
        .app
        .organisations()
        .mine(&user)
        .await
        .map_err(api_err(&l))?;
    let total = items.len() as i64;
    Ok(Json(MembershipList {
        items,
        total,
        page: 1,
        per_page: total.max(1),
        pages: 1,
    }))
}

/// One organisation with its members, for its members and administrators.
/// E-mail addresses and open invitations only for its beheerders.
#[utoipa::path(get, path = "/api/v1/organisations/{slug}", tag = "organisations",
    params(("slug" = String, Path, description = "The organisation's slug")),
    security(("session" = [])),
    responses((status = 200, body = OrganisationView),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound)))]
pub async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<OrganisationView>> {
    let user = require_user(&l)?;
    let org = s
        .app
        .organisations()
        .get(&user, &slug)
        .await
        .map_err(api_err(&l))?;
    Ok(Json(org))
}

#[derive(Deserialize, ToSchema)]
pub struct InvitationInput {
    #[schema(
        max_length = 254,
        pattern = r"^\s*[^@\s]+@[^@\s.][^@\s]*\.[^@\s]*[^@\s.]\s*$"
    )]
    email: String,
    #[serde(default = "default_role")]
    role: OrgRole,
}

fn default_role() -> OrgRole {
    OrgRole::Lid
}

/// Invites someone by e-mail (the organisation's beheerders and
/// administrators). The mailed link works 14 days, for that address only.
#[utoipa::path(post, path = "/api/v1/organisations/{slug}/invitations", tag = "organisations",
    params(("slug" = String, Path, description = "The organisation's slug")),
    request_body = InvitationInput, security(("session" = [])),
    responses((status = 202, description = "The invitation is mailed"),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 404, response = NotFound), (status = 422, response = Invalid)))]
pub async fn invite(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let user = require_user(&l)?;
    let input: InvitationInput = parse_json(&l, &body)?;
    s.app
        .organisations()
        .invite(&user, &slug, &input.email, input.role.as_str(), l.lang)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::ACCEPTED)
}

/// Removes a member (beheerders and administrators), or leaves (your own
/// user id). The last beheerder cannot be removed (409).
#[utoipa::path(delete, path = "/api/v1/organisations/{slug}/members/{user_id}", tag = "organisations",
    params(("slug" = String, Path, description = "The organisation's slug"),
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
        .organisations()
        .remove(&user, &slug, &user_id)
        .await
        .map_err(api_err(&l))?;
    Ok(StatusCode::NO_CONTENT)
}

/// All organisations (administrators).
#[utoipa::path(get, path = "/api/v1/admin/organisations", tag = "organisations",
    params(PageParams), security(("session" = [])),
    responses((status = 200, body = Page<OrganisationSummary>),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden)))]
pub async fn admin_list(
    l: Ctx,
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<PageParams>,
) -> ApiResult<Json<Page<OrganisationSummary>>> {
    let user = require_admin(&l)?;
    let page = page_number(&l, q.page)?;
    Ok(Json(
        s.app
            .organisations()
            .list(&user, page)
            .await
            .map_err(api_err(&l))?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct OrganisationCreate {
    #[schema(min_length = 2, max_length = 120, pattern = r"\S\s*\S")]
    name: String,
    kind: OrgKind,
    /// E-mail domains (`gemeente-voorbeeld.nl`) whose verified addresses
    /// may join on their own; each belongs to one organisation.
    #[serde(default)]
    #[schema(max_items = 10, inline)]
    domains: Vec<Domain>,
}

/// An e-mail domain.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Domain(String);

impl utoipa::PartialSchema for Domain {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .max_length(Some(253))
            .pattern(Some(
                r"^\s*@?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\s*$",
            ))
            .into()
    }
}

impl ToSchema for Domain {}

#[derive(Serialize, ToSchema)]
pub struct OrganisationCreated {
    slug: String,
}

/// Creates an organisation (administrators).
#[utoipa::path(post, path = "/api/v1/admin/organisations", tag = "organisations",
    request_body = OrganisationCreate, security(("session" = [])),
    responses((status = 201, body = OrganisationCreated, headers(("Location" = String, description = "The organisation in the API"))),
              (status = 401, response = Unauthorized), (status = 403, response = Forbidden),
              (status = 422, response = Invalid)))]
pub async fn admin_create(l: Ctx, State(s): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let user = require_admin(&l)?;
    let input: OrganisationCreate = parse_json(&l, &body)?;
    let slug = s
        .app
        .organisations()
        .create(
            &user,
            OrgInput {
                name: input.name,
                kind: input.kind.as_str().to_string(),
                domains: input.domains.into_iter().map(|d| d.0).collect(),
            },
        )
        .await
        .map_err(api_err(&l))?;
    let location = format!("/api/v1/organisations/{slug}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(OrganisationCreated { slug }),
    )
        .into_response())
}
