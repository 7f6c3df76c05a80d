//! The HTTP layer of Vooruit: one router with the HTML pages, the JSON API,
//! the feeds and the static files. Handlers are thin: they extract, call one
//! `vooruit_app::App` function and render HTML or JSON.

mod api;
mod assets;
mod context;
mod error;
mod form;
pub mod i18n;
mod metrics;
mod middleware;
pub mod page_files;
mod pages;
pub use pages::open_data::Licence as OpenDataLicence;
mod routes;
mod upload;

use std::sync::Arc;

use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use vooruit_app::App;

use crate::routes::Routes;

pub use context::Ctx;
pub use error::{ApiError, HtmlError};
pub use pages::search::request_of as search_request;
pub use routes::Route;

/// Largest request body accepted: a long story fits many times over.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Web settings that the use cases do not need.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Take the client address from X-Forwarded-For (only behind a proxy you run).
    pub trust_proxy: bool,
    /// An organisation's own design tokens, served after the default theme.
    pub theme_css: Option<String>,
    /// Add an `X-Vooruit-Queries` header with the number of database round
    /// trips of each request (VOORUIT_DEBUG_QUERIES=1; for tests and tuning).
    pub debug_queries: bool,
    /// /metrics answers only with this bearer token; None: /metrics is off.
    pub metrics_token: Option<String>,
    /// The licence of the open-data downloads (`/open-data`).
    pub open_data_licence: OpenDataLicence,
    /// `Contact:` lines of /.well-known/security.txt (mailto: or https:
    /// URIs); none: the file is not served.
    pub security_contacts: Vec<String>,
}

/// The state of every handler and middleware: one reference count, cloned
/// by each layer of every request (see `App`).
#[derive(Clone)]
pub struct AppState(Arc<StateParts>);

impl std::ops::Deref for AppState {
    type Target = StateParts;
    fn deref(&self) -> &StateParts {
        &self.0
    }
}

pub struct StateParts {
    pub app: App,
    pub web: Arc<WebConfig>,
    pub metrics: Arc<metrics::Metrics>,
    /// The API's OpenAPI document, built with its routes, as JSON.
    pub openapi: Arc<String>,
    /// The methods of every path, for 404 and 405 before anything else.
    pub methods: Arc<routes::Methods>,
    /// Story pages rendered when they changed, for visitors not signed in.
    pub pages: Arc<page_files::PageFiles>,
}

/// Health, metrics and static files: no language, session or CSRF check.
fn plain_routes() -> Routes {
    Routes::new()
        .get("/healthz", pages::health::healthz)
        .get("/metrics", metrics::metrics)
        .merge(assets::routes())
}

/// Pages and the API: every feature's routes, registered in one place each
/// (`pages::routes`, `api::v1::routes`).
fn dynamic_routes() -> Routes {
    pages::routes().merge(api::routes()).api(api::v1::routes())
}

/// Every route of the site, method and path, as the router has them.
pub fn route_table() -> Vec<Route> {
    let mut table = plain_routes().table();
    table.extend(dynamic_routes().table());
    table.sort();
    table
}

/// The whole site. Stored story pages are read from `pages` (and written
/// there after every change: the router registers that with `app`).
pub fn router(app: App, web: WebConfig, pages: Arc<page_files::PageFiles>) -> Router {
    app.on_pages_changed(pages.hook());
    let (dynamic, table, openapi) = dynamic_routes().into_parts();
    let (plain, _, _) = plain_routes().into_parts();
    let state = AppState(Arc::new(StateParts {
        app,
        web: Arc::new(web),
        metrics: Arc::new(metrics::Metrics::default()),
        openapi: Arc::new(api::v1::problems::to_json(&openapi)),
        methods: Arc::new(routes::Methods::new(&table)),
        pages,
    }));
    // Only the request context is a layer of the routes themselves (the
    // plain routes go without). Every other layer wraps the router once:
    // `Router::layer` wraps each route in each layer, and each layer's box
    // is cloned for every request (a tenth of the CPU of a stored page).
    let dynamic = dynamic
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::context,
        ));
    let routes = plain.merge(dynamic).with_state(state.clone());
    let x_request_id = axum::http::HeaderName::from_static("x-request-id");
    let site = tower::ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(
            x_request_id.clone(),
            middleware::RequestIds,
        ))
        .layer(PropagateRequestIdLayer::new(x_request_id))
        .layer(CatchPanicLayer::custom(middleware::panic_response))
        .layer(axum::middleware::from_fn_with_state(
            state,
            middleware::front,
        ))
        .layer(TraceLayer::new_for_http())
        .layer(CompressionLayer::new().compress_when(compressible()))
        .layer(axum::middleware::from_fn(middleware::limits))
        .service(routes);
    Router::new().fallback_service(site)
}

/// What is compressed on the fly: not files that are compressed already
/// or served in ranges (PDFs, audio, video, images).
fn compressible() -> impl tower_http::compression::Predicate {
    use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
    DefaultPredicate::new()
        .and(NotForContentType::const_new("application/pdf"))
        .and(NotForContentType::const_new("audio/"))
        .and(NotForContentType::const_new("video/"))
}
