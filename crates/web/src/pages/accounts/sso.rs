//! Logging in through one's organisation (OpenID Connect, app `sso.rs`):
//! the login page's second form, the way back from the provider, and the
//! administrators' form for an organisation's provider.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::AppError;
use vooruit_app::sso::{SsoInput, SsoSettings, Started};
use vooruit_domain::FieldErrors;
use vooruit_domain::organisation::OrgRole;

use super::LoginTemplate;
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::middleware::{cookie, set_cookie};
use crate::pages::{PageResult, safe_back, see_other, with_status};
use crate::routes::Routes;

/// Holds the state of a login on its way through the provider, so only
/// the browser that left can come back with it.
const STATE_COOKIE: &str = "vooruit_sso";

pub fn routes() -> Routes {
    Routes::new()
        .post("/inloggen/sso", by_email)
        .get("/inloggen/organisatie/{slug}", by_organisation)
        .get("/inloggen/sso/terug", back_from_provider)
        .get("/beheer/organisaties/{slug}/sso", settings)
        .post("/beheer/organisaties/{slug}/sso", save)
}

/// Off to the provider, with the state in a cookie for ten minutes.
fn to_provider(s: &AppState, started: Started) -> axum::response::Response {
    let state = set_cookie(
        STATE_COOKIE,
        &started.state,
        Some(600),
        s.app.config.is_https(),
    );
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, started.url)],
        [(header::SET_COOKIE, state)],
    )
        .into_response()
}

async fn by_email(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let sso_email = form.get("sso_email");
    let back = safe_back(&form.get("terug"));
    match s.app.sso().start_for_email(&sso_email, &back).await {
        Ok(started) => Ok(to_provider(&s, started)),
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            LoginTemplate {
                l,
                email: String::new(),
                sso_email,
                back,
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct StartQuery {
    terug: Option<String>,
    /// The address, for the provider to fill in.
    adres: Option<String>,
}

async fn by_organisation(
    State(s): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<StartQuery>,
) -> PageResult {
    let back = safe_back(q.terug.as_deref().unwrap_or("/"));
    let started = s
        .app
        .sso()
        .start_for_organisation(&slug, q.adres.as_deref(), &back)
        .await?;
    Ok(to_provider(&s, started))
}

#[derive(Deserialize)]
struct ProviderAnswer {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

async fn back_from_provider(
    State(s): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<ProviderAnswer>,
) -> PageResult {
    if let Some(error) = &q.error {
        tracing::info!(error = %error.chars().take(100).collect::<String>(), "single sign-on: the provider refused");
        return Err(AppError::BadRequest("error-sso-refused").into());
    }
    let (Some(code), Some(state)) = (q.code, q.state) else {
        return Err(AppError::BadRequest("error-sso-state").into());
    };
    let from_browser = cookie(&headers, STATE_COOKIE);
    let (session, back) = s
        .app
        .sso()
        .finish(&code, &state, from_browser.as_deref())
        .await?;
    let forget_state = set_cookie(STATE_COOKIE, "", Some(0), s.app.config.is_https());
    Ok(super::signed_in(&s, &session, back, Some(forget_state)))
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/sso.html")]
struct SettingsTemplate {
    l: Ctx,
    slug: String,
    input: SsoSettings,
    redirect_uri: String,
    saved: bool,
    errors: FieldErrors,
}

impl SettingsTemplate {
    fn roles(&self) -> &'static [OrgRole] {
        OrgRole::ALL
    }
}

#[derive(Deserialize)]
struct SavedQuery {
    opgeslagen: Option<String>,
}

async fn settings(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<SavedQuery>,
) -> PageResult {
    let admin = l.user.clone().ok_or(AppError::Unauthorized)?;
    let input = s.app.sso().settings(&admin, &slug).await?;
    Ok(SettingsTemplate {
        redirect_uri: s.app.sso().redirect_uri(),
        l,
        slug,
        input,
        saved: q.opgeslagen.is_some(),
        errors: FieldErrors::new(),
    }
    .into_response())
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let admin = l.user.clone().ok_or(AppError::Unauthorized)?;
    let input = SsoInput {
        issuer: form.get("issuer"),
        client_id: form.get("client_id"),
        client_secret: form.get("client_secret"),
        default_role: form.get("default_role"),
        enabled: form.get("enabled") == "ja",
    };
    match s.app.sso().configure(&admin, &slug, &input).await {
        Ok(()) => Ok(see_other(&format!(
            "/beheer/organisaties/{slug}/sso?opgeslagen=1"
        ))),
        Err(AppError::Validation(errors)) => {
            let stored = s.app.sso().settings(&admin, &slug).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                SettingsTemplate {
                    redirect_uri: s.app.sso().redirect_uri(),
                    l,
                    slug,
                    input: SsoSettings {
                        issuer: input.issuer,
                        client_id: input.client_id,
                        has_secret: stored.has_secret,
                        default_role: input.default_role,
                        enabled: input.enabled,
                    },
                    saved: false,
                    errors,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}
