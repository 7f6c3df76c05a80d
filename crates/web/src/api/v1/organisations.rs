//! Organisations in the API: your own, one organisation with its members,
//! inviting and removing members (its beheerders), and the
//! administrators' list and create.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use vooruit_app::organisations::{Membership, OrganisationSummary, OrganisationView};
use vooruit_domain::organisation::{OrgInput, OrgRole};

use super::Problem;
use crate::AppState;
use crate::api::{ApiResult, api_err, parse_json, require_user};
use crate::context::Ctx;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(mine))
        .routes(routes!(show))
        .routes(routes!(invite))
        .routes(routes!(remove))
        .routes(routes!(admin_list, admin_create))
}

#[derive(Serialize, ToSchema)]
pub struct MembershipList {
    items: Vec<Membership>,
}

/// The organisations you belong to, with your role there.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    responses((status = 200, body = MembershipList),
              (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn mine(l: Ctx, State(s): State<AppState>) -> ApiResult<Json<MembershipList>> {
    let user = require_user(&l)?;
    let items = s
        .app
        .organisations()
        .mine(&user)
        .await
        .map_err(api_err(&l))?;
    Ok(Json(MembershipList { items }))
}

/// One organisation with its members, for its members and administrators.
/// E-mail addresses and open invitations only for its beheerders.
#[utoipa::path(get, path = "/api/v1/organisations/{slug}", tag = "organisations",
    params(("slug" = String, Path, description = "The organisation's slug")),
    responses((status = 200, body = OrganisationView),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
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
    request_body = InvitationInput,
    responses((status = 202, description = "The invitation is mailed"),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
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
    responses((status = 204),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json"),
              (status = 409, body = Problem, content_type = "application/problem+json")))]
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

#[derive(Serialize, ToSchema)]
pub struct OrganisationList {
    items: Vec<OrganisationSummary>,
    total: i64,
    page: i64,
    pages: i64,
}

#[derive(Deserialize)]
pub struct PageParams {
    page: Option<i64>,
}

/// All organisations (administrators).
#[utoipa::path(get, path = "/api/v1/admin/organisations", tag = "organisations",
    params(("page" = Option<i64>, Query, description = "Page, from 1")),
    responses((status = 200, body = OrganisationList),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn admin_list(
    l: Ctx,
    State(s): State<AppState>,
    Query(q): Query<PageParams>,
) -> ApiResult<Json<OrganisationList>> {
    let user = require_user(&l)?;
    let page = s
        .app
        .organisations()
        .list(&user, q.page.unwrap_or(1))
        .await
        .map_err(api_err(&l))?;
    Ok(Json(OrganisationList {
        total: page.total,
        page: page.page,
        pages: page.pages,
        items: page.items,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct OrganisationCreate {
    name: String,
    /// gemeente, zorgaanbieder, welzijnsorganisatie, onderwijs, overheid,
    /// netwerk or anders
    kind: String,
    /// E-mail domains whose verified addresses may join on their own.
    #[serde(default)]
    domains: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationCreated {
    slug: String,
}

/// Creates an organisation (administrators).
#[utoipa::path(post, path = "/api/v1/admin/organisations", tag = "organisations",
    request_body = OrganisationCreate,
    responses((status = 201, body = OrganisationCreated, headers(("Location" = String, description = "The organisation in the API"))),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn admin_create(l: Ctx, State(s): State<AppState>, body: Bytes) -> ApiResult<Response> {
    let user = require_user(&l)?;
    let input: OrganisationCreate = parse_json(&l, &body)?;
    let slug = s
        .app
        .organisations()
        .create(
            &user,
            OrgInput {
                name: input.name,
                kind: input.kind,
                domains: input.domains,
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
