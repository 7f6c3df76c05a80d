//! Dilemma sessions of a learning group (`/groepen/{slug}/dilemmas`): the
//! group's library, opening a session, choosing a position (hidden until
//! the reveal), the reveal, the outcome with its follow-up date, what the
//! choice led to, and offering a decided dilemma to the editors as a case
//! (the story form, filled in, with its safe-sharing step). Every step is a
//! plain form, so the page works without JavaScript on a phone.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::accounts::User;
use vooruit_app::dilemmas::{DilemmaSummary, DilemmaView};
use vooruit_domain::FieldErrors;
use vooruit_domain::dilemma::{DilemmaInput, DilemmaNames, OutcomeInput, PositionInput};

use super::live::LiveQuery;
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{NoticeQuery, PageResult, see_other, with_status};
use crate::routes::Routes;

/// A path under one dilemma.
macro_rules! dilemma {
    ($rest:literal) => {
        concat!("/groepen/{slug}/dilemmas/{id}", $rest)
    };
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/groepen/{slug}/dilemmas", library)
        .post("/groepen/{slug}/dilemmas", open)
        .get(dilemma!(""), show)
        .post(dilemma!("/positie"), choose)
        .post(dilemma!("/positie/terugnemen"), withdraw)
        .post(dilemma!("/onthullen"), reveal)
        .post(dilemma!("/uitkomst"), decide)
        .post(dilemma!("/vervolg"), follow_up)
        .post(dilemma!("/verwijderen"), remove)
        .get(dilemma!("/aanbieden"), offer)
        .get(dilemma!("/live"), live)
}

fn signed_in(l: &Ctx) -> Result<User, AppError> {
    l.user.clone().ok_or(AppError::Unauthorized)
}

/// The messages after a change (`?melding=`), each a translation key.
/// (Not the phase words themselves: those are states.)
const NOTICES: [&str; 7] = [
    "geopend",
    "gekozen",
    "teruggenomen",
    "getoond",
    "uitkomst",
    "vervolg",
    "weg",
];

#[derive(Template, WebTemplate)]
#[template(path = "dilemmas/library.html")]
struct LibraryTemplate {
    l: Ctx,
    slug: String,
    group_name: String,
    facilitator: bool,
    dilemmas: Vec<DilemmaSummary>,
    q: String,
    notice: String,
    errors: FieldErrors,
    input: DilemmaInput,
    perspectives: String,
    names: &'static [DilemmaNames],
}

#[derive(serde::Deserialize, Default)]
struct LibraryQuery {
    #[serde(default)]
    q: String,
    melding: Option<String>,
}

async fn library_page(
    l: Ctx,
    s: &AppState,
    slug: &str,
    q: &str,
) -> Result<LibraryTemplate, AppError> {
    let user = signed_in(&l)?;
    let lib = s.app.dilemmas().library(&user, slug, q).await?;
    Ok(LibraryTemplate {
        l,
        slug: slug.to_string(),
        group_name: lib.group_name,
        facilitator: lib.facilitator,
        dilemmas: lib.dilemmas,
        q: q.trim().to_string(),
        notice: String::new(),
        errors: FieldErrors::new(),
        input: DilemmaInput::default(),
        perspectives: String::new(),
        names: DilemmaNames::ALL,
    })
}

async fn library(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<LibraryQuery>,
) -> PageResult {
    let mut p = library_page(l, &s, &slug, &q.q).await?;
    if q.melding.as_deref() == Some("weg") {
        p.notice = "dilemma-notice-weg".into();
    }
    Ok(p.into_response())
}

/// Opens a dilemma session; a refused form comes back with what was typed.
async fn open(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let perspectives = form.get("perspectives");
    let input = DilemmaInput {
        title: form.get("title"),
        situation: form.get("situation"),
        perspectives: perspectives.lines().map(str::to_string).collect(),
        names: DilemmaNames::parse(&form.get("names")).unwrap_or(DilemmaNames::ZonderNamen),
    };
    match s.app.dilemmas().open(&user, &slug, input.clone()).await {
        Ok(id) => Ok(back(&slug, &id, "geopend")),
        Err(AppError::Validation(errors)) => {
            let mut p = library_page(l, &s, &slug, "").await?;
            p.errors = errors;
            p.input = input;
            p.perspectives = perspectives;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "dilemmas/show.html")]
struct ShowTemplate {
    l: Ctx,
    d: DilemmaView,
    notice: String,
    errors: FieldErrors,
    position: PositionInput,
    outcome: OutcomeInput,
    follow_up: String,
}

impl ShowTemplate {
    /// Whether the position form marks this perspective: what was typed,
    /// else the member's own position.
    fn picked(&self, id: impl AsRef<str>) -> bool {
        let id = id.as_ref();
        if !self.position.perspective.is_empty() {
            return self.position.perspective == id;
        }
        self.d.mine.as_ref().is_some_and(|m| m.perspective == id)
    }
}

async fn page(l: Ctx, s: &AppState, slug: &str, id: &str) -> Result<ShowTemplate, AppError> {
    let user = signed_in(&l)?;
    let d = s.app.dilemmas().view(&user, slug, id).await?;
    let position = PositionInput {
        perspective: String::new(),
        reason: d
            .mine
            .as_ref()
            .map(|m| m.reason.clone())
            .unwrap_or_default(),
    };
    let outcome = OutcomeInput {
        outcome: d.outcome.clone(),
        follow_up_on: d.follow_up_on.clone().unwrap_or_default(),
    };
    Ok(ShowTemplate {
        l,
        follow_up: d.follow_up.clone(),
        d,
        notice: String::new(),
        errors: FieldErrors::new(),
        position,
        outcome,
    })
}

async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let mut p = page(l, &s, &slug, &id).await?;
    p.notice = q.key("dilemma-notice-", &NOTICES);
    Ok(p.into_response())
}

fn back(slug: &str, id: &str, notice: &str) -> axum::response::Response {
    see_other(&format!("/groepen/{slug}/dilemmas/{id}?melding={notice}"))
}

/// Shows the page again with the errors and what was typed.
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

async fn choose(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = PositionInput {
        perspective: form.get("perspective"),
        reason: form.get("reason"),
    };
    match s
        .app
        .dilemmas()
        .choose(&user, &slug, &id, input.clone())
        .await
    {
        Ok(()) => Ok(back(&slug, &id, "gekozen")),
        Err(AppError::Validation(errors)) => {
            refused(l, &s, &slug, &id, errors, |p| p.position = input).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn withdraw(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app.dilemmas().withdraw(&user, &slug, &id).await?;
    Ok(back(&slug, &id, "teruggenomen"))
}

async fn reveal(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app.dilemmas().reveal(&user, &slug, &id).await?;
    Ok(back(&slug, &id, "getoond"))
}

async fn decide(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = OutcomeInput {
        outcome: form.get("outcome"),
        follow_up_on: form.get("follow_up_on"),
    };
    match s
        .app
        .dilemmas()
        .decide(&user, &slug, &id, input.clone(), l.lang)
        .await
    {
        Ok(()) => Ok(back(&slug, &id, "uitkomst")),
        Err(AppError::Validation(errors)) => {
            refused(l, &s, &slug, &id, errors, |p| p.outcome = input).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn follow_up(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let text = form.get("follow_up");
    match s.app.dilemmas().follow_up(&user, &slug, &id, &text).await {
        Ok(()) => Ok(back(&slug, &id, "vervolg")),
        Err(AppError::Validation(errors)) => {
            refused(l, &s, &slug, &id, errors, |p| p.follow_up = text).await
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
    s.app.dilemmas().remove(&user, &slug, &id).await?;
    Ok(see_other(&format!("/groepen/{slug}/dilemmas?melding=weg")))
}

/// The story form, filled in from the dilemma as a case: from here the
/// facilitator checks the text, goes through the safe-sharing step and
/// sends it to the editors like any story.
async fn offer(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    let content = s.app.dilemmas().case_draft(&user, &slug, &id).await?;
    Ok(super::stories::share::prefilled(l, content).into_response())
}

/// Live changes of a dilemma session (see `pages::live`).
async fn live(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<LiveQuery>,
    headers: axum::http::HeaderMap,
) -> PageResult {
    let user = signed_in(&l)?;
    let now = s.app.dilemmas().version(&user, &slug, &id).await?;
    let app = s.app.clone();
    Ok(super::live::changes(
        super::live::known(&headers, &q, now),
        move || {
            let (app, id) = (app.clone(), id.clone());
            async move { app.dilemmas().current_version(&id).await }
        },
    ))
}
