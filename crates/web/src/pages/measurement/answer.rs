//! The questionnaire (`/meting/{token}`): a respondent's one-time link
//! from the mail, or a group's public link (`/meting/groep/{token}`, one
//! answer per browser through a cookie; weaker, and the page says so).
//! No account, no name: per behaviour a choice on the 5-point scale (or
//! "cannot say") and maybe an example, then the round's open questions.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::measurement::{AnswerForm, Questionnaire};
use vooruit_domain::FieldErrors;

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{MessageTemplate, PageResult, see_other, with_status};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/meting/bedankt", thanks)
        .get("/meting/{token}", show)
        .post("/meting/{token}", answer)
        .get("/meting/groep/{token}", show_public)
        .post("/meting/groep/{token}", answer_public)
}

/// The points of the scale, as the form offers them ("0": cannot say).
const CHOICES: [&str; 6] = ["1", "2", "3", "4", "5", "0"];

#[derive(Template, WebTemplate)]
#[template(path = "measurement/questionnaire.html")]
struct QuestionnaireTemplate {
    l: Ctx,
    q: Questionnaire,
    action: String,
    public: bool,
    form: AnswerForm,
    errors: FieldErrors,
    choices: [&'static str; 6],
}

impl QuestionnaireTemplate {
    fn open_name(&self, i: &usize) -> String {
        format!("open-{i}")
    }

    fn open_value(&self, i: &usize) -> &str {
        self.form.open_answer(*i)
    }
}

fn page(l: Ctx, q: Questionnaire, action: String, public: bool) -> QuestionnaireTemplate {
    QuestionnaireTemplate {
        l,
        q,
        action,
        public,
        form: AnswerForm::default(),
        errors: FieldErrors::new(),
        choices: CHOICES,
    }
}

/// The form as sent: per behaviour of the questionnaire its choice and
/// example, and the open answers.
fn typed(form: &FormData, q: &Questionnaire) -> AnswerForm {
    AnswerForm {
        scores: q
            .behaviours
            .iter()
            .map(|b| {
                (
                    b.id.clone(),
                    form.get(&format!("score-{}", b.id)),
                    form.get(&format!("example-{}", b.id)),
                )
            })
            .collect(),
        open: (0..q.questions.len())
            .map(|i| form.get(&format!("open-{i}")))
            .collect(),
    }
}

async fn thanks(l: Ctx) -> impl IntoResponse {
    MessageTemplate::ok(l, "measurement-thanks-title", "measurement-thanks-text")
}

async fn show(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    let q = s.app.measurement().questionnaire(&token).await?;
    Ok(page(l, q, format!("/meting/{token}"), false).into_response())
}

async fn answer(
    l: Ctx,
    State(s): State<AppState>,
    Path(token): Path<String>,
    form: FormData,
) -> PageResult {
    let q = s.app.measurement().questionnaire(&token).await?;
    let sent = typed(&form, &q);
    match s.app.measurement().answer(&token, &sent).await {
        Ok(()) => Ok(see_other("/meting/bedankt")),
        Err(AppError::Validation(errors)) => {
            let mut p = page(l, q, format!("/meting/{token}"), false);
            p.form = sent;
            p.errors = errors;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        Err(e) => Err(e.into()),
    }
}

/// The cookie that says this browser answered through this public link.
fn answered_cookie(token: &str) -> String {
    let short: String = token
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(16)
        .collect();
    format!("vo_meting_{short}")
}

fn answered_here(headers: &HeaderMap, token: &str) -> bool {
    crate::middleware::cookie(headers, &answered_cookie(token)).is_some()
}

async fn show_public(
    l: Ctx,
    State(s): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> PageResult {
    let q = s.app.measurement().public_questionnaire(&token).await?;
    if answered_here(&headers, &token) {
        return Err(AppError::Conflict("error-measurement-answered-here").into());
    }
    Ok(page(l, q, format!("/meting/groep/{token}"), true).into_response())
}

async fn answer_public(
    l: Ctx,
    State(s): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: FormData,
) -> PageResult {
    let q = s.app.measurement().public_questionnaire(&token).await?;
    if answered_here(&headers, &token) {
        return Err(AppError::Conflict("error-measurement-answered-here").into());
    }
    let sent = typed(&form, &q);
    match s.app.measurement().public_answer(&token, &sent).await {
        Ok(()) => {
            let cookie = crate::middleware::set_cookie(
                &answered_cookie(&token),
                "1",
                Some(180 * 24 * 3600),
                s.app.config.is_https(),
            );
            Ok((
                StatusCode::SEE_OTHER,
                [(header::LOCATION, "/meting/bedankt".to_string())],
                [(header::SET_COOKIE, cookie)],
            )
                .into_response())
        }
        Err(AppError::Validation(errors)) => {
            let mut p = page(l, q, format!("/meting/groep/{token}"), true);
            p.form = sent;
            p.errors = errors;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        Err(e) => Err(e.into()),
    }
}
