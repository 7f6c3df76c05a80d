//! The request context every page and API call gets: language, signed-in
//! user, CSRF token, path and client address. Built once per request by
//! `middleware::context` and read by handlers and templates.

use std::borrow::Borrow;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use vooruit_app::accounts::User;
use vooruit_domain::FieldErrors;
use vooruit_domain::story::{StoryKind, StoryStatus};
use vooruit_domain::taxonomy::{Taxonomy, Vocabulary};

use crate::i18n::{self, Lang};

#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub user: Option<User>,
    /// Put in every form as the hidden `csrf` field.
    pub csrf: String,
    /// Path and query of this request, for the language switch and redirects.
    pub path: String,
    pub ip: String,
    /// Themes, sectors and regions as they are now, with their labels.
    pub taxonomy: Arc<Taxonomy>,
}

impl Ctx {
    /// The context of a visitor who is not signed in, for rendering a page
    /// outside a request (stored copies of story pages).
    pub fn anonymous(lang: Lang, path: String, taxonomy: Arc<Taxonomy>) -> Ctx {
        Ctx {
            lang,
            user: None,
            csrf: String::new(),
            path,
            ip: String::new(),
            taxonomy,
        }
    }
}

/// Slugs a form or filter already holds: one (a region, a filter) or a list
/// (themes). Retired values among them are still shown, so that saving
/// keeps them and a filter shows what it filters on.
pub trait Slugs {
    fn slugs(&self) -> Vec<&str>;
}

impl Slugs for str {
    fn slugs(&self) -> Vec<&str> {
        vec![self]
    }
}

impl Slugs for String {
    fn slugs(&self) -> Vec<&str> {
        vec![self.as_str()]
    }
}

impl Slugs for Vec<String> {
    fn slugs(&self) -> Vec<&str> {
        self.iter().map(String::as_str).collect()
    }
}

impl<T: Slugs + ?Sized> Slugs for &T {
    fn slugs(&self) -> Vec<&str> {
        (**self).slugs()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = crate::HtmlError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Ctx>().cloned().ok_or_else(|| {
            crate::HtmlError(vooruit_app::AppError::Internal("no request context".into()))
        })
    }
}

/// Helpers called from the templates.
impl Ctx {
    /// Signed-in editors only: visitors are sent to the login page, members
    /// get 403.
    pub fn editor(&self) -> Result<User, vooruit_app::AppError> {
        let user = self
            .user
            .clone()
            .ok_or(vooruit_app::AppError::Unauthorized)?;
        if user.can_edit_stories() {
            Ok(user)
        } else {
            Err(vooruit_app::AppError::Forbidden)
        }
    }

    // Askama passes template values sometimes by value, sometimes by
    // reference; the generic parameters accept both.

    pub fn t(&self, key: impl AsRef<str>) -> String {
        i18n::translate(self.lang, key.as_ref(), None)
    }

    /// A translation with one variable.
    pub fn t1(&self, key: impl AsRef<str>, name: impl AsRef<str>, value: impl ToString) -> String {
        let mut args = fluent_bundle::FluentArgs::new();
        let value = value.to_string();
        // Numbers go in as numbers, so plural and [0] variants can match.
        match value.parse::<i64>() {
            Ok(n) => args.set(name.as_ref().to_string(), n),
            Err(_) => args.set(name.as_ref().to_string(), value),
        }
        i18n::translate(self.lang, key.as_ref(), Some(&args))
    }

    /// A translation with two variables (numbers as numbers, as in `t1`).
    pub fn t2(
        &self,
        key: impl AsRef<str>,
        n1: impl AsRef<str>,
        v1: impl ToString,
        n2: impl AsRef<str>,
        v2: impl ToString,
    ) -> String {
        let mut args = fluent_bundle::FluentArgs::new();
        for (name, value) in [(n1.as_ref(), v1.to_string()), (n2.as_ref(), v2.to_string())] {
            match value.parse::<i64>() {
                Ok(n) => args.set(name.to_string(), n),
                Err(_) => args.set(name.to_string(), value),
            }
        }
        i18n::translate(self.lang, key.as_ref(), Some(&args))
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn date(&self, ms: impl Borrow<i64>) -> String {
        i18n::format_date(self.lang, *ms.borrow())
    }

    pub fn datetime(&self, ms: impl Borrow<i64>) -> String {
        i18n::format_datetime(self.lang, *ms.borrow())
    }

    /// A day kept as `YYYY-MM-DD`, as readers say it.
    pub fn day(&self, day: impl AsRef<str>) -> String {
        vooruit_app::dates::day_ms(day.as_ref())
            .map(|ms| self.date(ms))
            .unwrap_or_else(|| day.as_ref().to_string())
    }

    pub fn iso(&self, ms: impl Borrow<i64>) -> String {
        i18n::iso_date(*ms.borrow())
    }

    pub fn kind(&self, kind: impl AsRef<str>) -> String {
        self.t(format!("kind-{}", kind.as_ref()))
    }

    /// The name of a content type (`verhaal`, `publicatie`, ...).
    pub fn content_type(&self, doc_type: impl AsRef<str>) -> String {
        self.t(format!("type-{}", doc_type.as_ref()))
    }

    /// `prefix` + `rest`, to build a translation key in a template.
    pub fn prefixed(&self, prefix: impl AsRef<str>, rest: impl AsRef<str>) -> String {
        format!("{}{}", prefix.as_ref(), rest.as_ref())
    }

    pub fn kind_hint(&self, kind: impl AsRef<str>) -> String {
        self.t(format!("kind-{}-hint", kind.as_ref()))
    }

    fn label(&self, v: Vocabulary, slug: &str) -> String {
        self.taxonomy.label(v, slug, self.lang).to_string()
    }

    pub fn theme(&self, theme: impl AsRef<str>) -> String {
        self.label(Vocabulary::Theme, theme.as_ref())
    }

    pub fn theme_intro(&self, theme: impl AsRef<str>) -> String {
        self.taxonomy
            .get(Vocabulary::Theme, theme.as_ref())
            .map(|t| t.intro(self.lang).to_string())
            .unwrap_or_default()
    }

    pub fn sector(&self, sector: impl AsRef<str>) -> String {
        self.label(Vocabulary::Sector, sector.as_ref())
    }

    pub fn region(&self, region: impl AsRef<str>) -> String {
        self.label(Vocabulary::Region, region.as_ref())
    }

    /// The label of a value of any list (search facets name their list).
    pub fn term(&self, v: Vocabulary, slug: impl AsRef<str>) -> String {
        self.label(v, slug.as_ref())
    }

    pub fn status(&self, status: impl Borrow<StoryStatus>) -> String {
        self.t(format!("status-{}", status.borrow().as_str()))
    }

    pub fn section(&self, key: impl AsRef<str>) -> String {
        self.t(format!("section-{}", key.as_ref()))
    }

    /// The translated error message of a field, if it has one.
    pub fn err(&self, errors: impl Borrow<FieldErrors>, field: impl AsRef<str>) -> Option<String> {
        errors.borrow().get(field.as_ref()).map(|k| self.t(k))
    }

    /// All errors of a form, for the summary at its top: (field, message).
    pub fn all_errors(&self, errors: impl Borrow<FieldErrors>) -> Vec<(String, String)> {
        errors
            .borrow()
            .0
            .iter()
            .map(|e| (e.field.clone(), self.t(e.key)))
            .collect()
    }

    /// Whether `list` holds `value` (checked boxes, selected options).
    pub fn has(&self, list: impl AsRef<[String]>, value: impl AsRef<str>) -> bool {
        list.as_ref().iter().any(|v| v == value.as_ref())
    }

    /// The offered values of a list, in order, and the retired ones of
    /// `kept` where they were.
    fn options(&self, v: Vocabulary, kept: &[&str]) -> Vec<String> {
        self.taxonomy
            .terms(v)
            .filter(|t| t.is_offered() || kept.contains(&t.slug.as_str()))
            .map(|t| t.slug.clone())
            .collect()
    }

    /// The themes on offer (lists and overviews).
    pub fn themes(&self) -> Vec<String> {
        self.options(Vocabulary::Theme, &[])
    }

    /// The themes a form or filter offers, with the ones it already holds.
    pub fn themes_with(&self, kept: impl Slugs) -> Vec<String> {
        self.options(Vocabulary::Theme, &kept.slugs())
    }

    pub fn sectors_with(&self, kept: impl Slugs) -> Vec<String> {
        self.options(Vocabulary::Sector, &kept.slugs())
    }

    pub fn regions_with(&self, kept: impl Slugs) -> Vec<String> {
        self.options(Vocabulary::Region, &kept.slugs())
    }

    pub fn kinds(&self) -> Vec<&'static str> {
        StoryKind::ALL.iter().map(|k| k.as_str()).collect()
    }

    pub fn asset(&self, name: impl AsRef<str>) -> String {
        format!("/static/{}/{}", crate::assets::ASSET_VERSION, name.as_ref())
    }

    pub fn is_admin(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.role == vooruit_domain::account::Role::Admin)
    }

    pub fn is_editor(&self) -> bool {
        self.user.as_ref().is_some_and(User::can_edit_stories)
    }

    /// The link of the language switch: this page in the other language.
    pub fn switch_href(&self) -> String {
        format!(
            "/taal/{}?terug={}",
            self.lang.other().code(),
            percent_encoding::utf8_percent_encode(&self.path, percent_encoding::NON_ALPHANUMERIC)
        )
    }

    pub fn other_lang_name(&self) -> String {
        self.t("lang-switch")
    }

    pub fn other_lang_code(&self) -> &'static str {
        self.lang.other().code()
    }

    /// True when `prefix` is the current section, for aria-current in the nav.
    pub fn current(&self, prefix: &str) -> bool {
        let path = self.path.split('?').next().unwrap_or("");
        if prefix == "/" {
            path == "/"
        } else {
            path.starts_with(prefix)
        }
    }
}
