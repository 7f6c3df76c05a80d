//! Experiments of a learning group (`/groepen/{slug}/experimenten`): the
//! board with ideas, running experiments, the group's standards and the
//! stopped ones; one idea or experiment with its support, plan, progress
//! notes and evaluation; and "share what you learned" (the story form,
//! filled in, with its safe-sharing step). Plain forms throughout.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::accounts::User;
use vooruit_app::experiments::{Board, ExperimentView};
use vooruit_domain::FieldErrors;
use vooruit_domain::experiment::{EvaluationInput, IdeaInput, StartInput};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{NoticeQuery, PageResult, see_other, with_status};
use crate::routes::Routes;

/// A path under one experiment.
macro_rules! experiment {
    ($rest:literal) => {
        concat!("/groepen/{slug}/experimenten/{id}", $rest)
    };
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/groepen/{slug}/experimenten", board)
        .post("/groepen/{slug}/experimenten", propose)
        .get(experiment!(""), show)
        .post(experiment!("/steun"), support)
        .post(experiment!("/steun-terug"), unsupport)
        .post(experiment!("/starten"), start)
        .post(experiment!("/notities"), add_note)
        .post(experiment!("/evaluatie"), evaluate)
        .post(experiment!("/verwijderen"), remove)
        .get(experiment!("/delen"), share)
}

fn signed_in(l: &Ctx) -> Result<User, AppError> {
    l.user.clone().ok_or(AppError::Unauthorized)
}

/// The messages after a change (`?melding=`), each a translation key.
/// (Not the phase words themselves: those are states.)
const NOTICES: [&str; 7] = [
    "voorgesteld",
    "gesteund",
    "steun-terug",
    "gestart",
    "notitie",
    "geevalueerd",
    "weg",
];

#[derive(Template, WebTemplate)]
#[template(path = "experiments/board.html")]
struct BoardTemplate {
    l: Ctx,
    slug: String,
    board: Board,
    notice: String,
    errors: FieldErrors,
    idea: IdeaInput,
}

async fn board_page(l: Ctx, s: &AppState, slug: &str) -> Result<BoardTemplate, AppError> {
    let user = signed_in(&l)?;
    let board = s.app.experiments().board(&user, slug).await?;
    Ok(BoardTemplate {
        l,
        slug: slug.to_string(),
        board,
        notice: String::new(),
        errors: FieldErrors::new(),
        idea: IdeaInput::default(),
    })
}

async fn board(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let mut p = board_page(l, &s, &slug).await?;
    p.notice = q.key("experiment-notice-", &NOTICES);
    Ok(p.into_response())
}

async fn propose(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = IdeaInput {
        title: form.get("title"),
        description: form.get("description"),
    };
    match s
        .app
        .experiments()
        .propose(&user, &slug, input.clone())
        .await
    {
        Ok(id) => Ok(back(&slug, &id, "voorgesteld")),
        Err(AppError::Validation(errors)) => {
            let mut p = board_page(l, &s, &slug).await?;
            p.errors = errors;
            p.idea = input;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "experiments/show.html")]
struct ShowTemplate {
    l: Ctx,
    e: ExperimentView,
    notice: String,
    errors: FieldErrors,
    plan: StartInput,
    note: String,
    verdict: EvaluationInput,
    /// Which verdict the evaluation form marks: none until chosen.
    verdict_chosen: Option<bool>,
}

async fn page(l: Ctx, s: &AppState, slug: &str, id: &str) -> Result<ShowTemplate, AppError> {
    let user = signed_in(&l)?;
    let e = s.app.experiments().view(&user, slug, id).await?;
    Ok(ShowTemplate {
        l,
        e,
        notice: String::new(),
        errors: FieldErrors::new(),
        plan: StartInput::default(),
        note: String::new(),
        verdict: EvaluationInput::default(),
        verdict_chosen: None,
    })
}

async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let mut p = page(l, &s, &slug, &id).await?;
    p.notice = q.key("experiment-notice-", &NOTICES);
    Ok(p.into_response())
}

fn back(slug: &str, id: &str, notice: &str) -> axum::response::Response {
    see_other(&format!(
        "/groepen/{slug}/experimenten/{id}?melding={notice}"
    ))
}

async fn refused(
    l: Ctx,
    s: &AppState,
    slug: &str,
    id: &str,
    errors: FieldErrors,
    keep: impl FnOnce(&mut ShowTemplate),
) -> PageResult {
    let mut p = page(l, s, slug, id).await?;
    p.errors = errors;
    keep(&mut p);
    Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
}

async fn support(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app.experiments().support(&user, &slug, &id, true).await?;
    Ok(back(&slug, &id, "gesteund"))
}

async fn unsupport(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app
        .experiments()
        .support(&user, &slug, &id, false)
        .await?;
    Ok(back(&slug, &id, "steun-terug"))
}

async fn start(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = StartInput {
        hypothesis: form.get("hypothesis"),
        measure: form.get("measure"),
        starts_on: form.get("starts_on"),
        ends_on: form.get("ends_on"),
        owner: form.get("owner"),
    };
    match s
        .app
        .experiments()
        .start(&user, &slug, &id, input.clone(), l.lang)
        .await
    {
        Ok(()) => Ok(back(&slug, &id, "gestart")),
        Err(AppError::Validation(errors)) => {
            refused(l, &s, &slug, &id, errors, |p| p.plan = input).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn add_note(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let text = form.get("note");
    match s.app.experiments().add_note(&user, &slug, &id, &text).await {
        Ok(()) => Ok(back(&slug, &id, "notitie")),
        Err(AppError::Validation(errors)) => {
            refused(l, &s, &slug, &id, errors, |p| p.note = text).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn evaluate(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let chosen = match form.get("verdict").as_str() {
        "ja" => Some(true),
        "nee" => Some(false),
        _ => None,
    };
    let input = EvaluationInput {
        adopted: chosen.unwrap_or(false),
        evaluation: form.get("evaluation"),
        replaces: form.get("replaces"),
    };
    // A verdict is a choice the form cannot default: without one the
    // use case is not asked at all.
    let result = if chosen.is_none() {
        let mut errors = FieldErrors::new();
        errors.add("verdict", "error-experiment-verdict");
        if input.evaluation.trim().is_empty() {
            errors.add("evaluation", "error-required");
        }
        Err(AppError::Validation(errors))
    } else {
        s.app
            .experiments()
            .evaluate(&user, &slug, &id, input.clone())
            .await
    };
    match result {
        Ok(()) => Ok(back(&slug, &id, "geevalueerd")),
        Err(AppError::Validation(errors)) => {
            refused(l, &s, &slug, &id, errors, |p| {
                p.verdict = input;
                p.verdict_chosen = chosen;
            })
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app.experiments().remove(&user, &slug, &id).await?;
    Ok(see_other(&format!(
        "/groepen/{slug}/experimenten?melding=weg"
    )))
}

/// "Share what you learned": the story form filled in from the experiment.
async fn share(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    let content = s.app.experiments().story_draft(&user, &slug, &id).await?;
    Ok(super::stories::share::prefilled(l, content).into_response())
}
