//! Sharing a story without an account, in two steps (the story, then making
//! it safe: anonymisation, consent, contact address), and the teller's
//! private status page.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::AppError;
use vooruit_app::stories::{Section, TellerView, sections};
use vooruit_domain::FieldErrors;
use vooruit_domain::story::{MAX_LESSONS, MessageAuthor, StoryContent, Submission, Teller};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{PageResult, see_other, with_status};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/verhaal-delen", form)
        .post("/verhaal-delen", submit)
        .get("/verhaal-status/{token}", status)
        .post("/verhaal-status/{token}", reply)
}

/// Fields of step 2, carried as hidden fields through step 1 and back.
const STEP2_FIELDS: [&str; 7] = [
    "name",
    "organisation",
    "show_name",
    "show_organisation",
    "contact_email",
    "no_client_info",
    "consent",
];
/// Fields of step 1, carried as hidden fields through step 2.
const STEP1_FIELDS: [&str; 13] = [
    "kind",
    "title",
    "summary",
    "context",
    "aim",
    "approach",
    "what_differed",
    "lessons",
    "tips",
    "do_differently",
    "themes",
    "sectors",
    "region",
];

fn carried(form: &FormData, fields: &[&str]) -> Vec<(String, String)> {
    form.0
        .iter()
        .filter(|(k, v)| fields.contains(&k.as_str()) && !v.is_empty())
        .cloned()
        .collect()
}

/// The lesson inputs: what was typed, plus empty ones to add more (at least 5).
pub fn lesson_slots(content: &StoryContent) -> Vec<String> {
    let mut slots: Vec<String> = content.lessons.clone();
    let want = (slots.len() + 2).clamp(5, MAX_LESSONS);
    while slots.len() < want {
        slots.push(String::new());
    }
    slots
}

#[derive(Template, WebTemplate)]
#[template(path = "stories/share_form.html")]
struct FormTemplate {
    l: Ctx,
    content: StoryContent,
    lesson_slots: Vec<String>,
    errors: FieldErrors,
    carried: Vec<(String, String)>,
    show_summary: bool,
}

impl FormTemplate {
    fn new(
        l: Ctx,
        content: StoryContent,
        errors: FieldErrors,
        carried: Vec<(String, String)>,
    ) -> Self {
        FormTemplate {
            l,
            lesson_slots: lesson_slots(&content),
            content,
            errors,
            carried,
            show_summary: false,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "stories/share_check.html")]
struct CheckTemplate {
    l: Ctx,
    content: StoryContent,
    preview: Vec<Section>,
    teller: Teller,
    no_client_info: bool,
    consent: bool,
    errors: FieldErrors,
    carried: Vec<(String, String)>,
}

impl CheckTemplate {
    fn new(l: Ctx, sub: Submission, errors: FieldErrors, carried: Vec<(String, String)>) -> Self {
        CheckTemplate {
            l,
            preview: sections(&sub.content),
            content: sub.content,
            teller: sub.teller,
            no_client_info: sub.no_client_info,
            consent: sub.consent,
            errors,
            carried,
        }
    }
}

/// The story form filled in from something the member's group did (an
/// experiment, a dilemma): the rest of the way (the safe-sharing step,
/// consent, the editors' queue) is that of every story.
pub(crate) fn prefilled(l: Ctx, mut content: StoryContent) -> impl IntoResponse {
    content.normalise();
    FormTemplate::new(l, content, FieldErrors::new(), vec![])
}

async fn form(l: Ctx) -> FormTemplate {
    FormTemplate::new(l, StoryContent::default(), FieldErrors::new(), vec![])
}

const CONTENT_FIELDS: [&str; 10] = [
    "kind",
    "title",
    "summary",
    "context",
    "aim",
    "approach",
    "what_differed",
    "lessons",
    "tips",
    "do_differently",
];

async fn submit(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let mut sub = form.submission();
    let step2_carry = carried(&form, &STEP2_FIELDS);
    let step1_carry = carried(&form, &STEP1_FIELDS);
    match (form.get("step").as_str(), form.get("go").as_str()) {
        ("2", "back") => {
            sub.normalise();
            Ok(FormTemplate::new(l, sub.content, FieldErrors::new(), step2_carry).into_response())
        }
        ("2", _) => {
            let lang = l.lang;
            match s
                .app
                .stories()
                .submit(sub.clone(), l.user.as_ref(), lang, &l.ip)
                .await
            {
                Ok(done) => Ok(see_other(&format!("{}?nieuw=1", done.status_path))),
                Err(AppError::Validation(errors)) => {
                    sub.normalise();
                    let content_error = errors
                        .0
                        .iter()
                        .any(|e| CONTENT_FIELDS.contains(&e.field.as_str()) || e.field == "themes");
                    if content_error {
                        Ok(with_status(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            FormTemplate::new(l, sub.content, errors, step2_carry),
                        ))
                    } else {
                        Ok(with_status(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            CheckTemplate::new(l, sub, errors, step1_carry),
                        ))
                    }
                }
                Err(e) => Err(e.into()),
            }
        }
        _ => {
            sub.normalise();
            let mut errors = FieldErrors::new();
            sub.content
                .validate_into(&mut errors, &l.taxonomy.for_new());
            if errors.is_empty() {
                if l.user.is_some() && sub.teller.contact_email.is_empty() {
                    sub.teller.contact_email =
                        l.user.as_ref().map(|u| u.email.clone()).unwrap_or_default();
                }
                Ok(CheckTemplate::new(l, sub, errors, step1_carry).into_response())
            } else {
                Ok(with_status(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    FormTemplate::new(l, sub.content, errors, step2_carry),
                ))
            }
        }
    }
}

#[derive(Deserialize, Default)]
struct StatusQuery {
    nieuw: Option<String>,
    opgeslagen: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "stories/share_status.html")]
struct StatusTemplate {
    l: Ctx,
    token: String,
    view: TellerView,
    status_explainer: String,
    saved: bool,
    new: bool,
    status_url: String,
    body: String,
    errors: FieldErrors,
}

impl StatusTemplate {
    fn new(l: Ctx, s: &AppState, token: String, view: TellerView) -> Self {
        StatusTemplate {
            status_explainer: format!("status-explain-{}", view.status.as_str()),
            status_url: s.app.config.url(&format!("/verhaal-status/{token}")),
            l,
            token,
            view,
            saved: false,
            new: false,
            body: String::new(),
            errors: FieldErrors::new(),
        }
    }
}

async fn status(
    l: Ctx,
    State(s): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<StatusQuery>,
) -> PageResult {
    let view = s.app.stories().teller_view(&token).await?;
    let mut page = StatusTemplate::new(l, &s, token, view);
    page.saved = q.opgeslagen.is_some();
    page.new = q.nieuw.is_some();
    Ok(page.into_response())
}

async fn reply(
    l: Ctx,
    State(s): State<AppState>,
    Path(token): Path<String>,
    form: FormData,
) -> PageResult {
    let body = form.get("body");
    match s.app.stories().teller_reply(&token, &body).await {
        Ok(()) => Ok(see_other(&format!("/verhaal-status/{token}?opgeslagen=1"))),
        Err(AppError::Validation(errors)) => {
            let view = s.app.stories().teller_view(&token).await?;
            let mut page = StatusTemplate::new(l, &s, token, view);
            page.body = body;
            page.errors = errors;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page))
        }
        Err(e) => Err(e.into()),
    }
}
