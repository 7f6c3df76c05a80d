mod accounts;
mod dilemmas;
mod editions;
mod episodes;
mod events;
mod experiments;
mod groups;
mod guides;
mod magazine;
mod newsletter;
mod organisations;
pub mod problems;
mod publications;
mod retrospectives;
mod search;
mod stories;
mod synonyms;
mod taxonomy;
mod videos;

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

/// The whole API, each feature's routes with their OpenAPI description.
/// A feature adds one `.merge(...)` line.
pub fn routes() -> OpenApiRouter<AppState> {
    let mut api = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(stories::routes())
        .merge(search::routes())
        .merge(events::routes())
        .merge(newsletter::routes())
        .merge(editions::routes())
        .merge(accounts::routes())
        .merge(organisations::routes())
        .merge(groups::routes())
        .merge(retrospectives::routes())
        .merge(dilemmas::routes())
        .merge(experiments::routes())
        .merge(taxonomy::routes())
        .merge(synonyms::routes())
        .merge(publications::routes())
        .merge(episodes::routes())
        .merge(videos::routes())
        .merge(guides::routes())
        .merge(magazine::routes());
    problems::complete(api.get_openapi_mut());
    api
}

/// The session cookie that `POST /api/v1/session` sets.
struct SessionCookie;

impl utoipa::Modify for SessionCookie {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme(
                "session",
                SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                    crate::middleware::SESSION_COOKIE,
                ))),
            );
    }
}

#[derive(OpenApi)]
#[openapi(
    modifiers(&SessionCookie),
    components(schemas(
        problems::Problem,
        problems::FieldProblem,
        vooruit_domain::newsletter::SubscriberStatus
    )),
    info(
    title = "Vooruit API",
    description = "Stories, publications, the podcast, videos, werkwijzers, the magazine and the agenda of a learning network, and the private learning groups with their terugblikken: read and search what is published, share a story without an account, and the editors' workflow. Errors are RFC 9457 problem documents with a translated `detail` (Accept-Language: nl or en). Calls that send a body send it as JSON (`Content-Type: application/json`); editor calls need the session cookie from POST /api/v1/session. Lists have one shape: `items`, `total`, `page`, `per_page`, `pages`. Themes, sectors and regions are words from `GET /api/v1/taxonomy`."
))]
pub struct ApiDoc;
