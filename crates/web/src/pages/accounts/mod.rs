//! Log in and out, register, confirm an address, reset a password.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::AppError;
use vooruit_domain::FieldErrors;

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::middleware::{SESSION_COOKIE, cookie, set_cookie};
use crate::pages::{MessageTemplate, PageResult, safe_back, with_status};
use crate::routes::Routes;

mod admin;
pub(crate) mod sso;

pub fn routes() -> Routes {
    Routes::new()
        .merge(admin::routes())
        .merge(sso::routes())
        .get("/inloggen", login_form)
        .post("/inloggen", login)
        .post("/uitloggen", logout)
        .get("/registreren", register_form)
        .post("/registreren", register)
        .get("/account/bevestigen/{token}", verify)
        .get("/wachtwoord-vergeten", forgot_form)
        .post("/wachtwoord-vergeten", forgot)
        .get("/wachtwoord-herstellen/{token}", reset_form)
        .post("/wachtwoord-herstellen/{token}", reset)
}

/// The login page: with a password, or through one's organisation
/// (`sso_email`, see `pages/sso.rs`).
#[derive(Template, WebTemplate)]
#[template(path = "accounts/login.html")]
pub(crate) struct LoginTemplate {
    pub l: Ctx,
    pub email: String,
    pub sso_email: String,
    pub back: String,
    pub errors: FieldErrors,
}

#[derive(Deserialize)]
struct BackQuery {
    terug: Option<String>,
}

async fn login_form(l: Ctx, Query(q): Query<BackQuery>) -> LoginTemplate {
    LoginTemplate {
        l,
        email: String::new(),
        sso_email: String::new(),
        back: safe_back(q.terug.as_deref().unwrap_or("/")),
        errors: FieldErrors::new(),
    }
}

/// After a login (with a password or through one's organisation): the
/// session cookie, and on to `back`, or to the redactie for editors who
/// came from the home page. `also` is one more cookie to set.
pub(crate) fn signed_in(
    s: &AppState,
    session: &vooruit_app::accounts::Session,
    back: String,
    also: Option<axum::http::HeaderValue>,
) -> axum::response::Response {
    let cookie = set_cookie(
        SESSION_COOKIE,
        &session.token,
        Some(session.max_age_secs),
        s.app.config.is_https(),
    );
    let to = if back == "/" && session.user.can_edit_stories() {
        "/redactie".to_string()
    } else {
        back
    };
    // Appended: headers of the same name (an array would keep one).
    let cookies = std::iter::once(cookie)
        .chain(also)
        .map(|c| (header::SET_COOKIE, c));
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, to)],
        axum::response::AppendHeaders(cookies),
    )
        .into_response()
}

async fn login(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let email = form.get("email");
    let back = safe_back(&form.get("terug"));
    match s
        .app
        .accounts()
        .login(&email, &form.get("password"), &l.ip)
        .await
    {
        Ok(session) => Ok(signed_in(&s, &session, back, None)),
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            LoginTemplate {
                l,
                email,
                sso_email: String::new(),
                back,
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

async fn logout(State(s): State<AppState>, headers: axum::http::HeaderMap) -> PageResult {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        s.app.accounts().logout(&token).await?;
    }
    let cookie = set_cookie(SESSION_COOKIE, "", Some(0), s.app.config.is_https());
    Ok((
        StatusCode::SEE_OTHER,
        [(header::LOCATION, "/")],
        [(header::SET_COOKIE, cookie)],
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/register.html")]
struct RegisterTemplate {
    l: Ctx,
    your_name: String,
    email: String,
    errors: FieldErrors,
}

async fn register_form(l: Ctx) -> RegisterTemplate {
    RegisterTemplate {
        l,
        your_name: String::new(),
        email: String::new(),
        errors: FieldErrors::new(),
    }
}

async fn register(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let (name, email) = (form.get("name"), form.get("email"));
    match s
        .app
        .accounts()
        .register(&name, &email, &form.get("password"), l.lang, &l.ip)
        .await
    {
        Ok(()) => {
            Ok(MessageTemplate::ok(l, "register-done-title", "register-done-text").into_response())
        }
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            RegisterTemplate {
                l,
                your_name: name,
                email,
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

async fn verify(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    s.app.accounts().verify_email(&token).await?;
    Ok(MessageTemplate::ok(l, "verified-title", "verified-text")
        .with_link("/inloggen", "nav-login")
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/forgot.html")]
struct ForgotTemplate {
    l: Ctx,
    email: String,
    errors: FieldErrors,
}

async fn forgot_form(l: Ctx) -> ForgotTemplate {
    ForgotTemplate {
        l,
        email: String::new(),
        errors: FieldErrors::new(),
    }
}

async fn forgot(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let email = form.get("email");
    match s
        .app
        .accounts()
        .request_password_reset(&email, &l.ip, l.lang)
        .await
    {
        Ok(()) => {
            Ok(MessageTemplate::ok(l, "forgot-done-title", "forgot-done-text").into_response())
        }
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            ForgotTemplate { l, email, errors },
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/reset.html")]
struct ResetTemplate {
    l: Ctx,
    token: String,
    errors: FieldErrors,
}

async fn reset_form(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    if !s.app.accounts().reset_token_valid(&token).await? {
        return Err(AppError::Conflict("error-link-expired").into());
    }
    Ok(ResetTemplate {
        l,
        token,
        errors: FieldErrors::new(),
    }
    .into_response())
}

async fn reset(
    l: Ctx,
    State(s): State<AppState>,
    Path(token): Path<String>,
    form: FormData,
) -> PageResult {
    match s
        .app
        .accounts()
        .reset_password(&token, &form.get("password"))
        .await
    {
        Ok(()) => Ok(
            MessageTemplate::ok(l, "reset-done-title", "reset-done-text")
                .with_link("/inloggen", "nav-login")
                .into_response(),
        ),
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            ResetTemplate { l, token, errors },
        )),
        Err(e) => Err(e.into()),
    }
}
