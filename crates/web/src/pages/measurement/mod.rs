//! Behaviour measurement (`/organisaties/{slug}/metingen`): the
//! organisation's programmes; one programme with its values, KPIs,
//! behaviours, groups and rounds (set up by its owner); a round with its
//! response per group (`rounds.rs`); the results of a closed round with
//! charts, a data table, CSV and a story draft (`results.rs`); and the
//! questionnaire behind a respondent's link (`answer.rs`). Plain forms,
//! charts drawn on the server (`chart.rs`).

mod answer;
mod chart;
mod results;
mod rounds;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::accounts::User;
use vooruit_app::measurement::{Part, ProgrammeList, ProgrammeView, SettingsInput};
use vooruit_domain::FieldErrors;
use vooruit_domain::measurement::{
    BehaviourInput, KpiDirection, KpiInput, ProgrammeInput, RoundInput,
};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{NoticeQuery, PageResult, see_other, with_status};
use crate::routes::Routes;

/// A path under one programme.
macro_rules! programme {
    ($rest:literal) => {
        concat!("/organisaties/{slug}/metingen/{id}", $rest)
    };
}
pub(crate) use programme;

pub fn routes() -> Routes {
    Routes::new()
        .get("/organisaties/{slug}/metingen", list)
        .post("/organisaties/{slug}/metingen", create)
        .get(programme!(""), show)
        .post(programme!("/instellingen"), settings)
        .post(programme!("/waarden"), add_value)
        .post(programme!("/kpis"), add_kpi)
        .post(programme!("/gedrag"), add_behaviour)
        .post(programme!("/groepen"), add_group)
        .post(programme!("/onderdelen/{part}/verwijderen"), remove_part)
        .post(programme!("/rondes"), new_round)
        .merge(rounds::routes())
        .merge(results::routes())
        .merge(answer::routes())
}

pub(crate) fn signed_in(l: &Ctx) -> Result<User, AppError> {
    l.user.clone().ok_or(AppError::Unauthorized)
}

/// The messages after a change (`?melding=`), each a translation key.
pub(crate) const NOTICES: [&str; 12] = [
    "aangemaakt",
    "opgeslagen",
    "toegevoegd",
    "verwijderd",
    "ronde",
    "uitgenodigd",
    "link",
    "geopend",
    "afgesloten",
    "herinnerd",
    "kpis",
    "geen-link",
];

#[derive(Template, WebTemplate)]
#[template(path = "measurement/list.html")]
struct ListTemplate {
    l: Ctx,
    list: ProgrammeList,
    notice: String,
    errors: FieldErrors,
    input: ProgrammeInput,
}

async fn list_page(l: Ctx, s: &AppState, slug: &str) -> Result<ListTemplate, AppError> {
    let user = signed_in(&l)?;
    let list = s.app.measurement().list(&user, slug).await?;
    Ok(ListTemplate {
        l,
        list,
        notice: String::new(),
        errors: FieldErrors::new(),
        input: ProgrammeInput::default(),
    })
}

async fn list(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let mut p = list_page(l, &s, &slug).await?;
    p.notice = q.key("measurement-notice-", &NOTICES);
    Ok(p.into_response())
}

async fn create(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = ProgrammeInput {
        name: form.get("name"),
        description: form.get("description"),
    };
    match s
        .app
        .measurement()
        .create(&user, &slug, input.clone())
        .await
    {
        Ok(id) => Ok(see_other(&format!(
            "/organisaties/{slug}/metingen/{id}?melding=aangemaakt"
        ))),
        Err(AppError::Validation(errors)) => {
            let mut p = list_page(l, &s, &slug).await?;
            p.errors = errors;
            p.input = input;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        Err(e) => Err(e.into()),
    }
}

/// What the programme page's forms keep after a refusal.
#[derive(Default)]
struct Typed {
    settings: Option<SettingsInput>,
    value: String,
    group: String,
    kpi: KpiInput,
    behaviour: BehaviourInput,
    round: RoundInput,
}

#[derive(Template, WebTemplate)]
#[template(path = "measurement/programme.html")]
struct ProgrammeTemplate {
    l: Ctx,
    p: ProgrammeView,
    notice: String,
    errors: FieldErrors,
    settings: SettingsInput,
    typed: Typed,
    directions: &'static [KpiDirection],
}

async fn programme_page(
    l: Ctx,
    s: &AppState,
    slug: &str,
    id: &str,
    typed: Typed,
) -> Result<ProgrammeTemplate, AppError> {
    let user = signed_in(&l)?;
    let p = s.app.measurement().view(&user, slug, id).await?;
    let settings = typed.settings.clone().unwrap_or_else(|| SettingsInput {
        name: p.name.clone(),
        description: p.description.clone(),
        owner: p.owner_id.clone().unwrap_or_default(),
        threshold: p.threshold.to_string(),
    });
    Ok(ProgrammeTemplate {
        l,
        p,
        notice: String::new(),
        errors: FieldErrors::new(),
        settings,
        typed,
        directions: KpiDirection::ALL,
    })
}

async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let mut p = programme_page(l, &s, &slug, &id, Typed::default()).await?;
    p.notice = q.key("measurement-notice-", &NOTICES);
    Ok(p.into_response())
}

fn back(slug: &str, id: &str, notice: &str, anchor: &str) -> axum::response::Response {
    see_other(&format!(
        "/organisaties/{slug}/metingen/{id}?melding={notice}#{anchor}"
    ))
}

/// The result of a change on the programme page: back to it with a
/// message, or the page again with the errors and what was typed.
async fn answered(
    result: Result<(), AppError>,
    l: Ctx,
    s: &AppState,
    (slug, id): (&str, &str),
    (notice, anchor): (&str, &str),
    typed: Typed,
) -> PageResult {
    match result {
        Ok(()) => Ok(back(slug, id, notice, anchor)),
        Err(AppError::Validation(errors)) => {
            let mut p = programme_page(l, s, slug, id, typed).await?;
            p.errors = errors;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        Err(e) => Err(e.into()),
    }
}

async fn settings(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = SettingsInput {
        name: form.get("name"),
        description: form.get("description"),
        owner: form.get("owner"),
        threshold: form.get("threshold"),
    };
    let result = s
        .app
        .measurement()
        .settings(&user, &slug, &id, input.clone())
        .await;
    let typed = Typed {
        settings: Some(input),
        ..Default::default()
    };
    answered(
        result,
        l,
        &s,
        (&slug, &id),
        ("opgeslagen", "instellingen"),
        typed,
    )
    .await
}

async fn add_value(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let name = form.get("value_name");
    let result = s
        .app
        .measurement()
        .add_part(&user, &slug, &id, Part::Value, &name)
        .await;
    let typed = Typed {
        value: name,
        ..Default::default()
    };
    answered(
        result,
        l,
        &s,
        (&slug, &id),
        ("toegevoegd", "waarden"),
        typed,
    )
    .await
}

async fn add_group(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let name = form.get("group_name");
    let result = s
        .app
        .measurement()
        .add_part(&user, &slug, &id, Part::Group, &name)
        .await;
    let typed = Typed {
        group: name,
        ..Default::default()
    };
    answered(
        result,
        l,
        &s,
        (&slug, &id),
        ("toegevoegd", "groepen"),
        typed,
    )
    .await
}

async fn add_kpi(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = KpiInput {
        name: form.get("kpi_name"),
        unit: form.get("unit"),
        direction: form.get("direction"),
        source: form.get("source"),
    };
    let result = s
        .app
        .measurement()
        .add_kpi(&user, &slug, &id, input.clone())
        .await;
    let typed = Typed {
        kpi: input,
        ..Default::default()
    };
    answered(result, l, &s, (&slug, &id), ("toegevoegd", "kpis"), typed).await
}

async fn add_behaviour(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = BehaviourInput {
        statement: form.get("statement"),
        values: form.all("values"),
        kpis: form.all("kpis"),
    };
    let result = s
        .app
        .measurement()
        .add_behaviour(&user, &slug, &id, input.clone())
        .await;
    let typed = Typed {
        behaviour: input,
        ..Default::default()
    };
    answered(result, l, &s, (&slug, &id), ("toegevoegd", "gedrag"), typed).await
}

async fn remove_part(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, part_id)): Path<(String, String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let (part, anchor) = match form.get("soort").as_str() {
        "waarde" => (Part::Value, "waarden"),
        "kpi" => (Part::Kpi, "kpis"),
        "gedrag" => (Part::Behaviour, "gedrag"),
        "groep" => (Part::Group, "groepen"),
        _ => return Err(AppError::BadRequest("error-bad-form").into()),
    };
    s.app
        .measurement()
        .remove_part(&user, &slug, &id, part, &part_id)
        .await?;
    Ok(back(&slug, &id, "verwijderd", anchor))
}

async fn new_round(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = RoundInput {
        opens_on: form.get("opens_on"),
        closes_on: form.get("closes_on"),
        questions: form.get("questions"),
    };
    match s
        .app
        .measurement()
        .new_round(&user, &slug, &id, input.clone())
        .await
    {
        Ok(number) => Ok(see_other(&format!(
            "/organisaties/{slug}/metingen/{id}/rondes/{number}?melding=ronde"
        ))),
        Err(e) => {
            let typed = Typed {
                round: input,
                ..Default::default()
            };
            answered(Err(e), l, &s, (&slug, &id), ("", "rondes"), typed).await
        }
    }
}
