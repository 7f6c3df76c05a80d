mod accounts;
mod editions;
mod editor;
mod events;
mod newsletter;
mod search;
mod stories;

use axum::Json;
use axum::Router;
use axum::routing::{get, post};
use utoipa::OpenApi;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/v1/stories", get(stories::list))
        .route("/api/v1/stories/{slug}", get(stories::show))
        .route("/api/v1/search", get(search::search))
        .route(
            "/api/v1/newsletter/subscriptions",
            post(newsletter::subscribe),
        )
        .route("/api/v1/submissions", post(stories::submit))
        .route("/api/v1/events", get(events::list))
        .route("/api/v1/events/{id}/registrations", post(events::register))
        .route(
            "/api/v1/registrations/{token}",
            axum::routing::delete(events::cancel),
        )
        .route("/api/v1/editor/events", post(events::create))
        .route(
            "/api/v1/editor/events/{slug}",
            axum::routing::put(events::update),
        )
        .route(
            "/api/v1/editor/events/{slug}/registrations",
            get(events::registrations),
        )
        .route(
            "/api/v1/editor/events/{slug}/registrations/{id}/check-in",
            post(events::check_in),
        )
        .route(
            "/api/v1/editor/events/{slug}/messages",
            post(events::message),
        )
        .route(
            "/api/v1/editor/events/{slug}/cancel",
            post(events::cancel_event),
        )
        .route(
            "/api/v1/editor/newsletter/subscribers",
            get(editions::subscribers),
        )
        .route("/api/v1/newsletter/editions", get(editions::archive))
        .route("/api/v1/editor/newsletter/editions", post(editions::create))
        .route(
            "/api/v1/editor/newsletter/editions/{id}",
            get(editions::show).put(editions::update),
        )
        .route(
            "/api/v1/newsletter/confirmations/{token}",
            post(newsletter::confirm),
        )
        .route(
            "/api/v1/newsletter/subscriptions/{token}",
            axum::routing::delete(newsletter::unsubscribe),
        )
        .route(
            "/api/v1/editor/newsletter/editions/{id}/test",
            post(editions::test),
        )
        .route(
            "/api/v1/editor/newsletter/editions/{id}/send",
            post(editions::send),
        )
        .route(
            "/api/v1/session",
            post(accounts::login)
                .delete(accounts::logout)
                .get(accounts::me),
        )
        .route("/api/v1/editor/submissions", get(editor::queue))
        .route("/api/v1/editor/stories/{id}", get(editor::story))
        .route("/api/v1/editor/stories/{id}/publish", post(editor::publish))
        .route("/api/v1/editor/stories/{id}/reject", post(editor::reject))
        .route("/api/v1/editor/stories/{id}/questions", post(editor::ask))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Vooruit API",
        description = "Stories of a learning network: read published stories, share a story without an account, and the editors' workflow. Errors are RFC 9457 problem documents with a translated `detail` (Accept-Language: nl or en). Calls that change state need `Content-Type: application/json`; editor calls need the session cookie from POST /api/v1/session."
    ),
    paths(
        stories::list,
        stories::show,
        stories::submit,
        search::search,
        newsletter::subscribe,
        newsletter::confirm,
        newsletter::unsubscribe,
        events::list,
        events::register,
        events::cancel,
        events::create,
        events::update,
        events::registrations,
        events::check_in,
        events::message,
        events::cancel_event,
        editions::archive,
        editions::create,
        editions::show,
        editions::update,
        editions::test,
        editions::send,
        editions::subscribers,
        accounts::login,
        accounts::logout,
        accounts::me,
        editor::queue,
        editor::story,
        editor::publish,
        editor::reject,
        editor::ask,
    ),
    components(schemas(
        vooruit_app::stories::StorySummary,
        vooruit_app::stories::PublishedStory,
        vooruit_app::stories::Section,
        vooruit_app::stories::QueueItem,
        stories::SubmissionInput,
        stories::StoryList,
        stories::SubmissionCreated,
        accounts::LoginInput,
        accounts::SessionUser,
        editor::Queue,
        editor::ReasonInput,
        editor::QuestionInput,
        newsletter::SubscriptionInput,
        events::EventList,
        events::RegistrationInput,
        events::EventCreate,
        events::EventCreated,
        vooruit_app::events::EventView,
        vooruit_app::events::Registered,
        newsletter::SubscriptionAccepted,
        editions::EditionList,
        editions::SubscriberList,
        events::RegistrationList,
        events::CheckIn,
        events::MessageInput,
        events::MessageSent,
        vooruit_app::events::RegistrationView,
        editions::ItemInput,
        editions::EditionCreate,
        editions::EditionCreated,
        editions::EditionStatus,
        editions::SendStarted,
        vooruit_app::editions::EditionView,
        vooruit_app::editions::SendProgress,
        Problem,
    ))
)]
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

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
