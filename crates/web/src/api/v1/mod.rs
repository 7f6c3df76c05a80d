mod accounts;
mod editions;
mod events;
mod newsletter;
mod organisations;
mod search;
mod stories;

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

/// The whole API, each feature's routes with their OpenAPI description.
/// A feature adds one `.merge(...)` line.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(stories::routes())
        .merge(search::routes())
        .merge(events::routes())
        .merge(newsletter::routes())
        .merge(editions::routes())
        .merge(accounts::routes())
        .merge(organisations::routes())
}

#[derive(OpenApi)]
#[openapi(info(
    title = "Vooruit API",
    description = "Stories of a learning network: read published stories, share a story without an account, and the editors' workflow. Errors are RFC 9457 problem documents with a translated `detail` (Accept-Language: nl or en). Calls that change state need `Content-Type: application/json`; editor calls need the session cookie from POST /api/v1/session."
))]
pub struct ApiDoc;

/// An RFC 9457 problem document.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct Problem {
    #[schema(example = "urn:vooruit:problem:validation")]
    r#type: String,
    title: String,
    status: u16,
    /// What went wrong and what to do, in the caller's language.
    detail: String,
    /// Per field: `{"field": "...", "detail": "..."}` (validation errors only).
    errors: Option<Vec<serde_json::Value>>,
}
