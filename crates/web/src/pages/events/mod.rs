//! The agenda: the list, an event page with registration, calendar files,
//! cancelling with the personal link, and the editors' pages.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::TimeZone;
use vooruit_app::AppError;
use vooruit_app::Page;
use vooruit_app::events::{EventFilter, EventView, RegistrationForm};
use vooruit_domain::FieldErrors;
use vooruit_domain::event::{EventKind, RegistrationState, RegistrationStatus};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{MessageTemplate, PageResult, Pager, with_status};
use crate::routes::Routes;

mod editor;

pub fn routes() -> Routes {
    Routes::new()
        .merge(editor::routes())
        .get("/agenda", list)
        .get("/agenda.ics", feed)
        .get("/agenda/{slug}", show)
        .get("/agenda/{slug}/afspraak.ics", one_ics)
        .post("/agenda/{slug}/aanmelden", register)
        .get("/agenda/afmelden/{token}", cancel_page)
        .post("/agenda/afmelden/{token}", cancel)
}

/// `datetime-local` input, read in Europe/Amsterdam, as unix ms.
pub fn parse_local(value: &str) -> Option<i64> {
    let naive = chrono::NaiveDateTime::parse_from_str(value.trim(), "%Y-%m-%dT%H:%M").ok()?;
    chrono_tz::Europe::Amsterdam
        .from_local_datetime(&naive)
        .earliest()
        .map(|d| d.timestamp_millis())
}

fn calendar(body: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "events/list.html")]
struct ListTemplate {
    l: Ctx,
    upcoming: Page<EventView>,
    pager: Pager,
    past: Vec<EventView>,
    kind: String,
    region: String,
    theme: String,
}

impl ListTemplate {
    fn kinds(&self) -> Vec<&'static str> {
        EventKind::values()
    }

    /// The calendar feed with the filters of this page.
    fn feed_href(&self) -> String {
        let q = query(&[("kind", &self.kind), ("region", &self.region)]);
        if q.is_empty() {
            "/agenda.ics".into()
        } else {
            format!("/agenda.ics?{q}")
        }
    }
}

/// `a=1&b=2` of the pairs with a value.
fn query(pairs: &[(&str, &str)]) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if !v.is_empty() {
            q.append_pair(k, v);
        }
    }
    q.finish()
}

#[derive(serde::Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    theme: String,
    #[serde(default)]
    page: String,
}

impl ListQuery {
    fn filter(&self) -> EventFilter {
        EventFilter {
            kind: self.kind.clone(),
            region: self.region.clone(),
            theme: self.theme.clone(),
        }
    }
}

async fn list(
    l: Ctx,
    State(s): State<AppState>,
    axum::extract::Query(q): axum::extract::Query<ListQuery>,
) -> PageResult {
    let filter = q.filter();
    let upcoming = s
        .app
        .events()
        .list(true, &filter, q.page.parse().unwrap_or(1))
        .await?;
    let past = s.app.events().list(false, &filter, 1).await?.items;
    let base = query(&[
        ("kind", &q.kind),
        ("region", &q.region),
        ("theme", &q.theme),
    ]);
    let pager = Pager::new(&upcoming, format!("/agenda?{base}"));
    Ok(ListTemplate {
        l,
        upcoming,
        pager,
        past: past.into_iter().take(10).collect(),
        kind: q.kind,
        region: q.region,
        theme: q.theme,
    }
    .into_response())
}

/// `/agenda.ics`, or one kind and/or region: `/agenda.ics?kind=training&region=utrecht`.
async fn feed(
    State(s): State<AppState>,
    axum::extract::Query(q): axum::extract::Query<ListQuery>,
) -> PageResult {
    Ok(calendar(
        s.app.events().agenda_ics(&q.kind, &q.region).await?,
        "vooruit-agenda.ics",
    ))
}

async fn one_ics(State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    Ok(calendar(s.app.events().ics(&slug).await?, "afspraak.ics"))
}

#[derive(Template, WebTemplate)]
#[template(path = "events/show.html")]
struct ShowTemplate {
    l: Ctx,
    event: EventView,
    /// Not `name`: that is the name of a parameter of the form macros.
    your_name: String,
    email: String,
    organisation: String,
    note: String,
    answers: Vec<String>,
    errors: FieldErrors,
}

impl ShowTemplate {
    fn answer(&self, i: &usize) -> &str {
        self.answers.get(*i).map_or("", String::as_str)
    }

    fn answer_field(&self, i: &usize) -> String {
        format!("answer-{i}")
    }
}

async fn show(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let event = s.app.events().get(&slug).await?;
    Ok(ShowTemplate {
        l,
        event,
        your_name: String::new(),
        email: String::new(),
        organisation: String::new(),
        note: String::new(),
        answers: vec![],
        errors: FieldErrors::new(),
    }
    .into_response())
}

async fn register(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let event = s.app.events().get(&slug).await?;
    let (name, email, organisation, note) = (
        form.get("name"),
        form.get("email"),
        form.get("organisation"),
        form.get("note"),
    );
    let answers: Vec<String> = (0..event.questions.len())
        .map(|i| form.get(&format!("answer-{i}")))
        .collect();
    match s
        .app
        .events()
        .register(
            &slug,
            RegistrationForm {
                name: &name,
                email: &email,
                organisation: &organisation,
                note: &note,
                answers: &answers,
            },
            l.lang,
        )
        .await
    {
        Ok(done) => {
            let (title, text) = if done.status == RegistrationStatus::Wachtlijst {
                ("event-waiting-title", "event-waiting-text")
            } else {
                ("event-registered-title", "event-registered-text")
            };
            Ok(MessageTemplate::ok(l, title, text).into_response())
        }
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            ShowTemplate {
                l,
                event,
                your_name: name,
                email,
                organisation,
                note,
                answers,
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "events/cancel.html")]
struct CancelTemplate {
    l: Ctx,
    event: EventView,
    status: RegistrationStatus,
    action: String,
}

async fn cancel_page(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    let (reg, event) = s.app.events().registration(&token).await?;
    Ok(CancelTemplate {
        l,
        event,
        status: reg.status,
        action: format!("/agenda/afmelden/{token}"),
    }
    .into_response())
}

async fn cancel(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    s.app.events().cancel_registration(&token).await?;
    Ok(MessageTemplate::ok(l, "event-cancelled-title", "event-cancelled-text").into_response())
}
