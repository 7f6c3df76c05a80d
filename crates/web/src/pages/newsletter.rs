//! The newsletter: sign up (double opt-in), confirm, unsubscribe.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::newsletter::SubscriberView;
use vooruit_app::{AppError, Page};
use vooruit_domain::FieldErrors;
use vooruit_domain::newsletter::SubscriberStatus;

use super::{MessageTemplate, PageResult, Pager, with_status};
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/redactie/nieuwsbrief/abonnees", subscribers)
        .get("/nieuwsbrief", form)
        .post("/nieuwsbrief", subscribe)
        .get("/nieuwsbrief/bevestigen/{token}", confirm_page)
        .post("/nieuwsbrief/bevestigen/{token}", confirm)
        .get("/nieuwsbrief/afmelden/{token}", unsubscribe_page)
        .post("/nieuwsbrief/afmelden/{token}", unsubscribe)
}

/// Unsubscribe links are their own authority (RFC 8058: mail programs post
/// `List-Unsubscribe=One-Click` without a form of ours), so the CSRF check
/// skips this path.
pub const ONE_CLICK_PREFIX: &str = "/nieuwsbrief/afmelden/";

#[derive(Template, WebTemplate)]
#[template(path = "newsletter/form.html")]
struct FormTemplate {
    l: Ctx,
    email: String,
    themes: Vec<String>,
    errors: FieldErrors,
}

async fn form(l: Ctx) -> FormTemplate {
    FormTemplate {
        l,
        email: String::new(),
        themes: vec![],
        errors: FieldErrors::new(),
    }
}

async fn subscribe(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let (email, themes) = (form.get("email"), form.all("themes"));
    match s.app.newsletter().subscribe(&email, &themes, l.lang).await {
        Ok(()) => Ok(
            MessageTemplate::ok(l, "newsletter-check-title", "newsletter-check-text")
                .into_response(),
        ),
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            FormTemplate {
                l,
                email,
                themes,
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "newsletter/button.html")]
struct ButtonTemplate {
    l: Ctx,
    title_key: &'static str,
    text_key: &'static str,
    button_key: &'static str,
    action: String,
}

async fn confirm_page(l: Ctx, Path(token): Path<String>) -> ButtonTemplate {
    ButtonTemplate {
        l,
        title_key: "newsletter-confirm-title",
        text_key: "newsletter-confirm-text",
        button_key: "newsletter-confirm-button",
        action: format!("/nieuwsbrief/bevestigen/{token}"),
    }
}

async fn confirm(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    s.app.newsletter().confirm(&token).await?;
    Ok(
        MessageTemplate::ok(l, "newsletter-confirmed-title", "newsletter-confirmed-text")
            .into_response(),
    )
}

async fn unsubscribe_page(
    l: Ctx,
    State(s): State<AppState>,
    Path(token): Path<String>,
) -> PageResult {
    if !s.app.newsletter().unsubscribe_link_valid(&token).await? {
        return Err(AppError::NotFound.into());
    }
    Ok(ButtonTemplate {
        l,
        title_key: "newsletter-unsubscribe-title",
        text_key: "newsletter-unsubscribe-text",
        button_key: "newsletter-unsubscribe-button",
        action: format!("{ONE_CLICK_PREFIX}{token}"),
    }
    .into_response())
}

async fn unsubscribe(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    s.app.newsletter().unsubscribe(&token).await?;
    Ok(MessageTemplate::ok(
        l,
        "newsletter-unsubscribed-title",
        "newsletter-unsubscribed-text",
    )
    .into_response())
}

#[derive(Deserialize)]
struct SubscriberQuery {
    #[serde(default)]
    page: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    q: String,
}

impl SubscriberQuery {
    fn page(&self) -> i64 {
        self.page.parse().unwrap_or(1)
    }
}

// --- the subscriber list (editors) ---

#[derive(Template, WebTemplate)]
#[template(path = "newsletter/subscribers.html")]
struct SubscribersTemplate {
    l: Ctx,
    page: Page<SubscriberView>,
    pager: Pager,
    status: SubscriberStatus,
    q: String,
}

impl SubscribersTemplate {
    fn statuses(&self) -> &'static [SubscriberStatus] {
        SubscriberStatus::ALL
    }
}

async fn subscribers(
    l: Ctx,
    State(s): State<AppState>,
    Query(q): Query<SubscriberQuery>,
) -> PageResult {
    let user = l.editor()?;
    // Unknown or missing: the confirmed subscribers, as a stale link expects.
    let status = SubscriberStatus::parse(&q.status).unwrap_or(SubscriberStatus::Confirmed);
    let page = s
        .app
        .newsletter()
        .subscribers(&user, status, &q.q, q.page())
        .await?;
    let base = format!(
        "/redactie/nieuwsbrief/abonnees?status={}&q={}",
        status,
        url::form_urlencoded::byte_serialize(q.q.trim().as_bytes()).collect::<String>()
    );
    let pager = Pager::new(&page, base);
    Ok(SubscribersTemplate {
        l,
        page,
        pager,
        status,
        q: q.q.trim().to_string(),
    }
    .into_response())
}
