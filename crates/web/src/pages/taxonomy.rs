//! The taxonomy for administrators (`/beheer/taxonomie`): add a theme,
//! sector or region, change its names, move it up or down, stop offering
//! it or offer it again. Every change shows at once in the forms, filters
//! and search facets.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::AppError;
use vooruit_app::accounts::User;
use vooruit_app::taxonomy::{Move, TermChange};
use vooruit_domain::FieldErrors;
use vooruit_domain::taxonomy::{Term, TermInput, Vocabulary};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{PageResult, see_other, with_status};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/beheer/taxonomie", list)
        .post("/beheer/taxonomie", add)
        .get("/beheer/taxonomie/{vocabulary}/{slug}", edit)
        .post("/beheer/taxonomie/{vocabulary}/{slug}", save)
        // omhoog, omlaag, intrekken, terugzetten
        .post("/beheer/taxonomie/{vocabulary}/{slug}/{action}", step)
}

fn admin(l: &Ctx) -> Result<User, AppError> {
    let user = l.user.clone().ok_or(AppError::Unauthorized)?;
    user.require_admin()?;
    Ok(user)
}

/// A list named in the path; another word is not a page.
fn vocabulary(word: &str) -> Result<Vocabulary, AppError> {
    Vocabulary::parse(word).ok_or(AppError::NotFound)
}

/// The messages after a change (`?melding=`), each a translation key.
const NOTICES: [&str; 5] = [
    "toegevoegd",
    "opgeslagen",
    "verplaatst",
    "ingetrokken",
    "teruggezet",
];

#[derive(Deserialize)]
struct NoticeQuery {
    melding: Option<String>,
}

/// One list with its values, as the page shows it.
struct Section {
    vocabulary: Vocabulary,
    terms: Vec<Term>,
}

/// The add form as typed.
#[derive(Default)]
struct AddForm {
    vocabulary: String,
    input: TermInput,
}

impl AddForm {
    fn from_form(form: &FormData) -> AddForm {
        AddForm {
            vocabulary: form.get("vocabulary"),
            input: labels(form, form.get("slug")),
        }
    }
}

fn labels(form: &FormData, slug: String) -> TermInput {
    TermInput {
        slug,
        label_nl: form.get("label_nl"),
        label_en: form.get("label_en"),
        intro_nl: form.get("intro_nl"),
        intro_en: form.get("intro_en"),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "taxonomy/list.html")]
struct ListTemplate {
    l: Ctx,
    sections: Vec<Section>,
    notice: String,
    form: AddForm,
    vocabularies: &'static [Vocabulary],
    errors: FieldErrors,
}

fn list_page(l: Ctx, form: AddForm, errors: FieldErrors, notice: String) -> ListTemplate {
    let sections = Vocabulary::ALL
        .iter()
        .map(|v| Section {
            vocabulary: *v,
            terms: l.taxonomy.terms(*v).cloned().collect(),
        })
        .collect();
    ListTemplate {
        l,
        sections,
        notice,
        form,
        vocabularies: Vocabulary::ALL,
        errors,
    }
}

async fn list(l: Ctx, Query(q): Query<NoticeQuery>) -> PageResult {
    admin(&l)?;
    let notice = q
        .melding
        .as_deref()
        .filter(|n| NOTICES.contains(n))
        .map(|n| format!("tax-notice-{n}"))
        .unwrap_or_default();
    let form = AddForm {
        vocabulary: Vocabulary::Theme.as_str().into(),
        ..AddForm::default()
    };
    Ok(list_page(l, form, FieldErrors::new(), notice).into_response())
}

async fn add(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let user = admin(&l)?;
    let form = AddForm::from_form(&form);
    let result = match Vocabulary::parse(&form.vocabulary) {
        Some(v) => s
            .app
            .taxonomy()
            .add(&user, v, form.input.clone())
            .await
            .map(|slug| (v, slug)),
        None => Err(AppError::field("vocabulary", "error-unknown-choice")),
    };
    match result {
        Ok((v, slug)) => Ok(see_other(&format!(
            "/beheer/taxonomie?melding=toegevoegd#{v}-{slug}"
        ))),
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            list_page(l, form, errors, String::new()),
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "taxonomy/edit.html")]
struct EditTemplate {
    l: Ctx,
    term: Term,
    input: TermInput,
    errors: FieldErrors,
}

async fn edit(
    l: Ctx,
    State(s): State<AppState>,
    Path((v, slug)): Path<(String, String)>,
) -> PageResult {
    admin(&l)?;
    let term = s.app.taxonomy().term(vocabulary(&v)?, &slug).await?;
    let input = TermInput {
        slug: term.slug.clone(),
        label_nl: term.label_nl.clone(),
        label_en: term.label_en.clone(),
        intro_nl: term.intro_nl.clone(),
        intro_en: term.intro_en.clone(),
    };
    Ok(EditTemplate {
        l,
        term,
        input,
        errors: FieldErrors::new(),
    }
    .into_response())
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path((v, slug)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = admin(&l)?;
    let v = vocabulary(&v)?;
    let input = labels(&form, slug.clone());
    let change = TermChange {
        labels: Some(input.clone()),
        ..TermChange::default()
    };
    match s.app.taxonomy().change(&user, v, &slug, change).await {
        Ok(()) => Ok(see_other(&format!(
            "/beheer/taxonomie?melding=opgeslagen#{v}-{slug}"
        ))),
        Err(AppError::Validation(errors)) => {
            let term = s.app.taxonomy().term(v, &slug).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditTemplate {
                    l,
                    term,
                    input,
                    errors,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The buttons in the list, by the last word of their address.
fn button(action: &str) -> Option<(TermChange, &'static str)> {
    let (to, retired, notice) = match action {
        "omhoog" => (Some(Move::Up), None, "verplaatst"),
        "omlaag" => (Some(Move::Down), None, "verplaatst"),
        "intrekken" => (None, Some(true), "ingetrokken"),
        "terugzetten" => (None, Some(false), "teruggezet"),
        _ => return None,
    };
    let change = TermChange {
        to,
        retired,
        ..TermChange::default()
    };
    Some((change, notice))
}

/// One of the buttons in the list; back to the value's row afterwards.
async fn step(
    l: Ctx,
    State(s): State<AppState>,
    Path((v, slug, action)): Path<(String, String, String)>,
) -> PageResult {
    let user = admin(&l)?;
    let v = vocabulary(&v)?;
    let (change, notice) = button(&action).ok_or(AppError::NotFound)?;
    s.app.taxonomy().change(&user, v, &slug, change).await?;
    Ok(see_other(&format!(
        "/beheer/taxonomie?melding={notice}#{v}-{slug}"
    )))
}
