//! The router's own list of routes. Every route is registered through
//! `Routes` (pages, feeds, files) or through the API's `OpenApiRouter`
//! (whose OpenAPI document lists method and path), so the list cannot fall
//! behind the router: `vooruit routes` prints it, and the authorization
//! test reads it and fails on any route without a row.

use axum::Router;
use axum::handler::Handler;
use axum::routing::MethodRouter;
use utoipa::openapi::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

/// One method on one path, as the router knows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Route {
    pub method: &'static str,
    pub path: String,
}

#[derive(Default)]
pub struct Routes {
    router: Router<AppState>,
    table: Vec<Route>,
    openapi: Option<OpenApi>,
}

macro_rules! method {
    ($name:ident, $method:literal, $route:path) => {
        pub fn $name<H, T>(self, path: &'static str, handler: H) -> Routes
        where
            H: Handler<T, AppState>,
            T: 'static,
        {
            self.add($method, path, $route(handler))
        }
    };
}

impl Routes {
    pub fn new() -> Routes {
        Routes::default()
    }

    method!(get, "GET", axum::routing::get);
    method!(post, "POST", axum::routing::post);

    /// A POST that takes a file (`upload::is_upload_path`): no limit on the
    /// body for its extractor; the handler keeps to its own.
    pub fn post_upload<H, T>(self, path: &'static str, handler: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let mr = axum::routing::post(handler).layer(axum::extract::DefaultBodyLimit::disable());
        self.add("POST", path, mr)
    }

    /// Adds a method router for one method on one path (axum merges the
    /// methods of a path registered more than once).
    fn add(
        mut self,
        method: &'static str,
        path: &'static str,
        mr: MethodRouter<AppState>,
    ) -> Routes {
        self.router = self.router.route(path, mr);
        self.table.push(Route {
            method,
            path: path.to_string(),
        });
        self
    }

    pub fn merge(mut self, other: Routes) -> Routes {
        self.router = self.router.merge(other.router);
        self.table.extend(other.table);
        if other.openapi.is_some() {
            self.openapi = other.openapi;
        }
        self
    }

    /// Adds the JSON API; its routes come from its OpenAPI document, which
    /// the same `#[utoipa::path]` attributes built.
    pub fn api(mut self, api: OpenApiRouter<AppState>) -> Routes {
        let (router, doc) = api.split_for_parts();
        for (path, item) in &doc.paths.paths {
            let methods = [
                ("GET", item.get.is_some()),
                ("POST", item.post.is_some()),
                ("PUT", item.put.is_some()),
                ("DELETE", item.delete.is_some()),
                ("PATCH", item.patch.is_some()),
            ];
            for (method, present) in methods {
                if present {
                    self.table.push(Route {
                        method,
                        path: path.clone(),
                    });
                }
            }
        }
        self.router = self.router.merge(router);
        self.openapi = Some(doc);
        self
    }

    pub fn table(&self) -> Vec<Route> {
        let mut t = self.table.clone();
        t.sort();
        t.dedup();
        t
    }

    pub(crate) fn into_parts(self) -> (Router<AppState>, Vec<Route>, OpenApi) {
        let table = self.table();
        (
            self.router,
            table,
            self.openapi.unwrap_or_else(|| {
                OpenApi::new(
                    utoipa::openapi::Info::default(),
                    utoipa::openapi::Paths::new(),
                )
            }),
        )
    }
}

/// Which methods each path of the table answers, to tell "no such page"
/// (404) from "not with this method" (405 with `Allow`) before anything
/// else looks at a request.
pub struct Methods(matchit::Router<Vec<&'static str>>);

/// What the table says of a request.
pub enum Match {
    /// No route has this path.
    NoPath,
    /// The path exists, but not with this method: these are allowed.
    NotAllowed(String),
    Allowed,
}

impl Methods {
    pub fn new(table: &[Route]) -> Methods {
        let mut by_path: std::collections::BTreeMap<&str, Vec<&'static str>> = Default::default();
        for r in table {
            by_path.entry(r.path.as_str()).or_default().push(r.method);
        }
        let mut router = matchit::Router::new();
        for (path, mut methods) in by_path {
            // axum answers HEAD wherever it answers GET.
            if methods.contains(&"GET") {
                methods.push("HEAD");
            }
            methods.sort_unstable();
            if let Err(e) = router.insert(path, methods) {
                tracing::error!(path, error = %e, "route table");
            }
        }
        Methods(router)
    }

    pub fn check(&self, method: &str, path: &str) -> Match {
        match self.0.at(path) {
            Err(_) => Match::NoPath,
            Ok(m) if m.value.contains(&method) => Match::Allowed,
            Ok(m) => Match::NotAllowed(m.value.join(", ")),
        }
    }
}
