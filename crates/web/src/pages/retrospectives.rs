//! The terugblik of a learning group (`/groepen/{slug}/terugblikken/{id}`):
//! cards under the four questions, hidden until the facilitator reveals
//! them, stacking, votes and actions; an export as Markdown and a print
//! view. Every step is a plain form, so the page works without
//! JavaScript on a phone in the meeting room.

use std::borrow::Borrow;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::accounts::User;
use vooruit_app::retrospectives::{RetroView, StackView};
use vooruit_domain::FieldErrors;
use vooruit_domain::retrospective::{
    ActionInput, CardInput, Question, RetroInput, RetroSubject, VOTES_RANGE,
};

use super::live::LiveQuery;
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{NoticeQuery, PageResult, see_other, with_status};
use crate::routes::Routes;

/// A path under one terugblik.
macro_rules! retro {
    ($rest:literal) => {
        concat!("/groepen/{slug}/terugblikken/{id}", $rest)
    };
}

pub fn routes() -> Routes {
    Routes::new()
        .post("/groepen/{slug}/terugblikken", open)
        .get(retro!(""), show)
        .post(retro!("/kaarten"), add_card)
        .post(retro!("/kaarten/{card}/verwijderen"), remove_card)
        .post(retro!("/kaarten/{card}/stapel"), stack)
        .post(retro!("/kaarten/{card}/stem"), vote)
        .post(retro!("/kaarten/{card}/stem-terug"), unvote)
        .post(retro!("/onthullen"), reveal)
        .post(retro!("/afronden"), close)
        .post(retro!("/acties"), add_action)
        .post(retro!("/acties/{action}/verwijderen"), remove_action)
        .post("/groepen/{slug}/acties/{action}/klaar", action_done)
        .get(retro!("/terugblik.md"), export)
        .get(retro!("/afdrukken"), print)
        .get(retro!("/live"), live)
}

fn signed_in(l: &Ctx) -> Result<User, AppError> {
    l.user.clone().ok_or(AppError::Unauthorized)
}

/// The messages after a change (`?melding=`), each a translation key.
/// (Not the phase words themselves: those are states.)
const NOTICES: [&str; 10] = [
    "geopend",
    "kaart",
    "kaart-anoniem",
    "kaart-weg",
    "onthuld",
    "gestapeld",
    "gestemd",
    "actie",
    "actie-weg",
    "klaar",
];

/// The card form as typed: which question's form, the text, anonymous.
#[derive(Clone)]
struct CardForm {
    question: Question,
    text: String,
    anonymous: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "retrospectives/show.html")]
struct ShowTemplate {
    l: Ctx,
    retro: RetroView,
    notice: String,
    errors: FieldErrors,
    card: Option<CardForm>,
    action: ActionInput,
}

impl ShowTemplate {
    /// What the card form of `q` shows: what was typed there, if it was
    /// this one that was refused.
    fn typed(&self, q: impl Borrow<Question>) -> (&str, bool) {
        match &self.card {
            Some(c) if c.question == *q.borrow() => (&c.text, c.anonymous),
            _ => ("", false),
        }
    }

    /// The error of the card form of `q`.
    fn card_error(&self, q: impl Borrow<Question>) -> Option<String> {
        match &self.card {
            Some(c) if c.question == *q.borrow() => self.l.err(&self.errors, "text"),
            _ => None,
        }
    }

    /// The other stacks of the same question, to lay a card on.
    fn targets(&self, q: impl Borrow<Question>, card: impl AsRef<str>) -> Vec<&StackView> {
        let q = *q.borrow();
        self.retro
            .questions
            .iter()
            .filter(|v| v.question == q)
            .flat_map(|v| v.stacks.iter())
            .filter(|s| s.lead.id != card.as_ref())
            .collect()
    }
}

async fn page(l: Ctx, s: &AppState, slug: &str, id: &str) -> Result<ShowTemplate, AppError> {
    let user = signed_in(&l)?;
    let retro = s.app.retrospectives().view(&user, slug, id).await?;
    Ok(ShowTemplate {
        l,
        retro,
        notice: String::new(),
        errors: FieldErrors::new(),
        card: None,
        action: ActionInput::default(),
    })
}

async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let mut p = page(l, &s, &slug, &id).await?;
    p.notice = q.key("retro-notice-", &NOTICES);
    Ok(p.into_response())
}

fn back(slug: &str, id: &str, notice: &str) -> axum::response::Response {
    see_other(&format!(
        "/groepen/{slug}/terugblikken/{id}?melding={notice}"
    ))
}

/// Opens a terugblik from the group page; a refused form comes back there
/// with what was typed.
async fn open(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = RetroInput {
        title: form.get("retro_title"),
        subject: RetroSubject::parse(&form.get("subject")).unwrap_or(RetroSubject::Bijeenkomst),
        votes_per_member: form.get("votes_per_member").trim().parse().unwrap_or(0),
    };
    match s
        .app
        .retrospectives()
        .open(&user, &slug, input.clone())
        .await
    {
        Ok(id) => Ok(back(&slug, &id, "geopend")),
        Err(AppError::Validation(errors)) => {
            // The group page names this form's fields retro_*.
            let renamed = errors.renamed(|f| format!("retro_{f}"));
            super::groups::refused(l, &s, &user, &slug, renamed, |p| p.retro_input = input).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn add_card(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let question = Question::parse(&form.get("question"))
        .ok_or(AppError::BadRequest("error-unknown-choice"))?;
    let card = CardForm {
        question,
        text: form.get("text"),
        anonymous: form.checked("anonymous"),
    };
    let input = CardInput {
        question,
        text: card.text.clone(),
        anonymous: card.anonymous,
    };
    match s
        .app
        .retrospectives()
        .add_card(&user, &slug, &id, input)
        .await
    {
        Ok(()) => Ok(back(
            &slug,
            &id,
            if card.anonymous {
                "kaart-anoniem"
            } else {
                "kaart"
            },
        )),
        Err(AppError::Validation(errors)) => {
            let mut p = page(l, &s, &slug, &id).await?;
            p.errors = errors;
            p.card = Some(card);
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove_card(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, card)): Path<(String, String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app
        .retrospectives()
        .remove_card(&user, &slug, &id, &card)
        .await?;
    Ok(back(&slug, &id, "kaart-weg"))
}

async fn stack(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, card)): Path<(String, String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app
        .retrospectives()
        .stack(&user, &slug, &id, &card, form.get("onto").trim())
        .await?;
    Ok(back(&slug, &id, "gestapeld"))
}

async fn vote(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, card)): Path<(String, String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app
        .retrospectives()
        .vote(&user, &slug, &id, &card)
        .await?;
    Ok(back(&slug, &id, "gestemd"))
}

async fn unvote(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, card)): Path<(String, String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app
        .retrospectives()
        .unvote(&user, &slug, &id, &card)
        .await?;
    Ok(back(&slug, &id, "gestemd"))
}

async fn reveal(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app.retrospectives().reveal(&user, &slug, &id).await?;
    Ok(back(&slug, &id, "onthuld"))
}

async fn close(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app.retrospectives().close(&user, &slug, &id).await?;
    Ok(back(&slug, &id, "klaar"))
}

async fn add_action(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = ActionInput {
        text: form.get("action_text"),
        owner: form.get("owner"),
        due_on: form.get("due_on"),
    };
    match s
        .app
        .retrospectives()
        .add_action(&user, &slug, &id, input.clone(), l.lang)
        .await
    {
        Ok(()) => Ok(back(&slug, &id, "actie")),
        Err(AppError::Validation(errors)) => {
            let mut p = page(l, &s, &slug, &id).await?;
            let renamed = errors.renamed(|f| {
                if f == "text" {
                    "action_text".to_string()
                } else {
                    f.to_string()
                }
            });
            p.errors = renamed;
            p.action = input;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove_action(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, action)): Path<(String, String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app
        .retrospectives()
        .remove_action(&user, &slug, &id, &action)
        .await?;
    Ok(back(&slug, &id, "actie-weg"))
}

/// Marks an action done or open again; back to the terugblik the form was
/// on (`terug`, one of the group's), else the action's own.
async fn action_done(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, action)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let done = form.get("done") != "nee";
    let own = s
        .app
        .retrospectives()
        .set_action_done(&user, &slug, &action, done)
        .await?;
    let terug = form.get("terug");
    let to = if !terug.is_empty() && terug.chars().all(|c| c.is_ascii_hexdigit()) {
        terug
    } else {
        own
    };
    Ok(back(&slug, &to, "actie"))
}

#[derive(Template)]
#[template(path = "retrospectives/export.md", escape = "none")]
struct ExportTemplate {
    l: Ctx,
    retro: RetroView,
}

impl ExportTemplate {
    /// A member's text as one Markdown line: line breaks become spaces
    /// and characters Markdown would read as markup are escaped, so a card
    /// cannot break the document's structure.
    fn md(&self, text: impl AsRef<str>) -> String {
        let mut out = String::new();
        for c in text.as_ref().chars() {
            match c {
                '\r' | '\n' => out.push(' '),
                '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
        out
    }
}

/// The terugblik as Markdown, as the member sees it (before the reveal:
/// their own cards only).
async fn export(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    let retro = s.app.retrospectives().view(&user, &slug, &id).await?;
    let body = ExportTemplate { l, retro }
        .render()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/markdown; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"terugblik.md\"",
            ),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        body,
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "retrospectives/print.html")]
struct PrintTemplate {
    l: Ctx,
    retro: RetroView,
}

async fn print(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    let retro = s.app.retrospectives().view(&user, &slug, &id).await?;
    Ok(PrintTemplate { l, retro }.into_response())
}

/// The choices for the votes each member gets, for the group page.
pub fn vote_choices() -> Vec<i64> {
    VOTES_RANGE.collect()
}

/// Live changes of a terugblik (see `pages::live`).
async fn live(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<LiveQuery>,
    headers: axum::http::HeaderMap,
) -> PageResult {
    let user = signed_in(&l)?;
    let now = s.app.retrospectives().version(&user, &slug, &id).await?;
    let app = s.app.clone();
    Ok(super::live::changes(
        super::live::known(&headers, &q, now),
        move || {
            let (app, id) = (app.clone(), id.clone());
            async move { app.retrospectives().current_version(&id).await }
        },
    ))
}
