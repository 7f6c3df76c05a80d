//! The HTML pages, one module per feature.

mod accounts;
mod dilemmas;
mod editions;
mod events;
mod experiments;
mod feeds;
pub(crate) mod files;
mod groups;
mod guides;
pub mod health;
mod home;
mod live;
mod magazine;
mod measurement;
pub(crate) mod newsletter;
pub(crate) mod open_data;
mod organisations;
mod personal_data;
mod podcast;
mod privacy_register;
mod publications;
mod retrospectives;
pub(crate) mod search;
mod site;
pub(crate) mod stories;
mod synonyms;
mod taxonomy;
mod videos;

use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::HtmlError;
use crate::context::Ctx;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .merge(home::routes())
        .merge(site::routes())
        .merge(stories::routes())
        .merge(accounts::routes())
        .merge(organisations::routes())
        .merge(retrospectives::routes())
        .merge(dilemmas::routes())
        .merge(experiments::routes())
        .merge(measurement::routes())
        .merge(taxonomy::routes())
        .merge(synonyms::routes())
        .merge(publications::routes())
        .merge(podcast::routes())
        .merge(videos::routes())
        .merge(groups::routes())
        .merge(guides::routes())
        .merge(magazine::routes())
        .merge(search::routes())
        .merge(feeds::routes())
        .merge(open_data::routes())
        .merge(personal_data::routes())
        .merge(privacy_register::routes())
        .merge(newsletter::routes())
        .merge(events::routes())
        .merge(editions::routes())
}

pub type PageResult = Result<Response, HtmlError>;

/// The message after an editor's change (`?melding=`), shown once on the
/// page it redirects to.
#[derive(serde::Deserialize)]
pub struct NoticeQuery {
    melding: Option<String>,
}

impl NoticeQuery {
    /// The translation key `<prefix><melding>` when the message is one of
    /// `known`, else empty (a made-up `melding` shows nothing).
    pub fn key(&self, prefix: &str, known: &[&str]) -> String {
        self.melding
            .as_deref()
            .filter(|n| known.contains(n))
            .map(|n| format!("{prefix}{n}"))
            .unwrap_or_default()
    }
}

/// One problem with one field, for a form that is refused before its use
/// case runs (a file too large, none chosen).
pub fn one_error(field: &str, key: &'static str) -> vooruit_domain::FieldErrors {
    let mut e = vooruit_domain::FieldErrors::new();
    e.add(field, key);
    e
}

/// Renders a template with a status other than 200 (e.g. 422 for a form
/// with errors, which still shows the form with what was typed).
pub fn with_status(status: StatusCode, page: impl IntoResponse) -> Response {
    (status, page).into_response()
}

/// Redirect after a successful POST, so reload does not post again.
pub fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// Only local paths are followed after login or a language switch, so a
/// link cannot send people to another site. Browsers drop tabs and line
/// breaks from a URL before reading it (`/<TAB>/evil.example` becomes
/// `//evil.example`) and read a backslash as a slash, so any control
/// character or backslash refuses the path; so does one that would not
/// fit in a header.
pub fn safe_back(path: &str) -> String {
    let local = path.starts_with('/')
        && !path.starts_with("//")
        && !path.chars().any(|c| c == '\\' || c.is_control())
        && path.len() <= 2000;
    if local {
        path.to_string()
    } else {
        "/".to_string()
    }
}

/// The pager under a list: `base` is the list URL with its filters.
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub base: String,
}

impl Pager {
    pub fn new<T>(page: &vooruit_app::Page<T>, base: String) -> Pager {
        Pager {
            page: page.page,
            pages: page.pages,
            base,
        }
    }

    pub fn href(&self, n: impl std::borrow::Borrow<i64>) -> String {
        let sep = if self.base.contains('?') { '&' } else { '?' };
        format!("{}{}page={}", self.base, sep, n.borrow())
    }
}

/// A short message page (done, check your mailbox, ...).
#[derive(Template, WebTemplate)]
#[template(path = "message.html")]
pub struct MessageTemplate {
    pub l: Ctx,
    pub tone: &'static str,
    pub title_key: &'static str,
    pub text_key: &'static str,
    pub link_href: &'static str,
    pub link_key: &'static str,
}

impl MessageTemplate {
    pub fn ok(l: Ctx, title_key: &'static str, text_key: &'static str) -> Self {
        MessageTemplate {
            l,
            tone: "ok",
            title_key,
            text_key,
            link_href: "",
            link_key: "",
        }
    }

    pub fn with_link(mut self, href: &'static str, key: &'static str) -> Self {
        self.link_href = href;
        self.link_key = key;
        self
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
struct ErrorTemplate {
    l: Ctx,
    title: String,
    message: String,
}

/// The full error page, in the visitor's language, with the site's menu.
pub fn error_page(l: Ctx, status: StatusCode, key: &str) -> Response {
    let title = l.t(format!("status-title-{}", status.as_u16()));
    let title = if title.starts_with("status-title-") {
        l.t("status-title-other")
    } else {
        title
    };
    let message = l.t(key);
    with_status(status, ErrorTemplate { l, title, message })
}

pub async fn not_found() -> HtmlError {
    HtmlError(vooruit_app::AppError::NotFound)
}
