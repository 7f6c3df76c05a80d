//! The agenda: the list, an event page with registration, calendar files,
//! cancelling with the personal link, and the editors' pages.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::TimeZone;
use vooruit_app::AppError;
use vooruit_app::events::{EventView, RegistrationView};
use vooruit_domain::FieldErrors;
use vooruit_domain::event::{EVENT_KINDS, EventInput};

use super::{MessageTemplate, PageResult, see_other, with_status};
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/agenda", get(list))
        .route("/agenda.ics", get(feed))
        .route("/agenda/{slug}", get(show))
        .route("/agenda/{slug}/afspraak.ics", get(one_ics))
        .route("/agenda/{slug}/aanmelden", axum::routing::post(register))
        .route("/agenda/afmelden/{token}", get(cancel_page).post(cancel))
        .route("/redactie/agenda", get(editor_list).post(create))
        .route("/redactie/agenda/{slug}", get(editor_event))
        .route("/redactie/agenda/{slug}/aanmeldingen.csv", get(editor_csv))
        .route(
            "/redactie/agenda/{slug}/aanwezig/{id}",
            axum::routing::post(editor_check_in),
        )
        .route(
            "/redactie/agenda/{slug}/bericht",
            axum::routing::post(editor_message),
        )
        .route(
            "/redactie/agenda/{slug}/annuleren",
            axum::routing::post(editor_cancel),
        )
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
    upcoming: Vec<EventView>,
    past: Vec<EventView>,
    kind: String,
    region: String,
}

impl ListTemplate {
    fn kinds(&self) -> &'static [&'static str] {
        EVENT_KINDS
    }

    /// The calendar feed with the filters of this page.
    fn feed_href(&self) -> String {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        if !self.kind.is_empty() {
            q.append_pair("kind", &self.kind);
        }
        if !self.region.is_empty() {
            q.append_pair("region", &self.region);
        }
        let q = q.finish();
        if q.is_empty() {
            "/agenda.ics".into()
        } else {
            format!("/agenda.ics?{q}")
        }
    }
}

#[derive(serde::Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    region: String,
}

async fn list(
    l: Ctx,
    State(s): State<AppState>,
    axum::extract::Query(q): axum::extract::Query<ListQuery>,
) -> PageResult {
    let keep = |e: &EventView| {
        (q.kind.is_empty() || e.kind == q.kind) && (q.region.is_empty() || e.region == q.region)
    };
    let upcoming = s
        .app
        .events(true, 1)
        .await?
        .into_iter()
        .filter(keep)
        .collect();
    let past = s
        .app
        .events(false, 1)
        .await?
        .into_iter()
        .filter(keep)
        .take(10)
        .collect();
    Ok(ListTemplate {
        l,
        upcoming,
        past,
        kind: q.kind,
        region: q.region,
    }
    .into_response())
}

/// `/agenda.ics`, or one kind and/or region: `/agenda.ics?kind=training&region=utrecht`.
async fn feed(
    State(s): State<AppState>,
    axum::extract::Query(q): axum::extract::Query<ListQuery>,
) -> PageResult {
    Ok(calendar(
        s.app.agenda_ics(&q.kind, &q.region).await?,
        "vooruit-agenda.ics",
    ))
}

async fn one_ics(State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    Ok(calendar(s.app.event_ics(&slug).await?, "afspraak.ics"))
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
    errors: FieldErrors,
}

async fn show(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let event = s.app.event(&slug).await?;
    Ok(ShowTemplate {
        l,
        event,
        your_name: String::new(),
        email: String::new(),
        organisation: String::new(),
        note: String::new(),
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
    let event = s.app.event(&slug).await?;
    let (name, email, organisation, note) = (
        form.get("name"),
        form.get("email"),
        form.get("organisation"),
        form.get("note"),
    );
    match s
        .app
        .register_for_event(
            &event.id,
            &name,
            &email,
            &organisation,
            &note,
            l.lang.code(),
        )
        .await
    {
        Ok(done) => {
            let (title, text) = if done.status == "wachtlijst" {
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
    status: String,
    action: String,
}

async fn cancel_page(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    let (reg, event) = s.app.registration(&token).await?;
    Ok(CancelTemplate {
        l,
        event,
        status: reg.status,
        action: format!("/agenda/afmelden/{token}"),
    }
    .into_response())
}

async fn cancel(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    s.app.cancel_registration(&token).await?;
    Ok(MessageTemplate::ok(l, "event-cancelled-title", "event-cancelled-text").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "editor/events.html")]
struct EditorListTemplate {
    l: Ctx,
    upcoming: Vec<EventView>,
    input: EventForm,
    errors: FieldErrors,
}

/// The event form as typed, so it can be shown again with errors.
#[derive(Default)]
pub struct EventForm {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub starts: String,
    pub ends: String,
    pub location: String,
    pub online_url: String,
    pub region: String,
    pub organiser: String,
    pub capacity: String,
}

impl EventForm {
    fn from_form(f: &FormData) -> EventForm {
        EventForm {
            kind: f.get("kind"),
            title: f.get("title"),
            description: f.get("description"),
            starts: f.get("starts"),
            ends: f.get("ends"),
            location: f.get("location"),
            online_url: f.get("online_url"),
            region: f.get("region"),
            organiser: f.get("organiser"),
            capacity: f.get("capacity"),
        }
    }

    fn input(&self) -> EventInput {
        EventInput {
            kind: self.kind.clone(),
            title: self.title.trim().to_string(),
            description: self.description.clone(),
            starts_at: parse_local(&self.starts).unwrap_or(0),
            ends_at: parse_local(&self.ends).unwrap_or(0),
            location: self.location.trim().to_string(),
            online_url: self.online_url.trim().to_string(),
            region: self.region.clone(),
            organiser: self.organiser.trim().to_string(),
            capacity: self.capacity.trim().parse().unwrap_or(0),
        }
    }

    pub fn kinds(&self) -> &'static [&'static str] {
        EVENT_KINDS
    }
}

async fn editor_list(l: Ctx, State(s): State<AppState>) -> PageResult {
    l.editor()?;
    let upcoming = s.app.events(true, 1).await?;
    Ok(EditorListTemplate {
        l,
        upcoming,
        input: EventForm {
            capacity: "30".into(),
            ..Default::default()
        },
        errors: FieldErrors::new(),
    }
    .into_response())
}

async fn create(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let user = l.editor()?;
    let input = EventForm::from_form(&form);
    match s.app.create_event(&user, input.input()).await {
        Ok(slug) => Ok(see_other(&format!("/redactie/agenda/{slug}"))),
        Err(AppError::Validation(errors)) => {
            let upcoming = s.app.events(true, 1).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditorListTemplate {
                    l,
                    upcoming,
                    input,
                    errors,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "editor/event.html")]
struct EditorEventTemplate {
    l: Ctx,
    event: EventView,
    registrations: Vec<RegistrationView>,
    subject: String,
    body: String,
    errors: FieldErrors,
    notice: &'static str,
}

#[derive(serde::Deserialize)]
struct NoticeQuery {
    melding: Option<String>,
}

async fn editor_event(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    axum::extract::Query(q): axum::extract::Query<NoticeQuery>,
) -> PageResult {
    let user = l.editor()?;
    let (event, registrations) = s.app.event_registrations(&user, &slug).await?;
    let notice = match q.melding.as_deref() {
        Some("bericht") => "editor-agenda-message-sent",
        Some("geannuleerd") => "editor-agenda-cancelled",
        _ => "",
    };
    Ok(EditorEventTemplate {
        l,
        event,
        registrations,
        subject: String::new(),
        body: String::new(),
        errors: FieldErrors::new(),
        notice,
    }
    .into_response())
}

async fn editor_csv(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let user = l.editor()?;
    let csv = s.app.registrations_csv(&user, &slug).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"aanmeldingen-{slug}.csv\""),
            ),
        ],
        csv,
    )
        .into_response())
}

async fn editor_message(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let user = l.editor()?;
    let (subject, body) = (form.get("subject"), form.get("body"));
    match s
        .app
        .message_registrants(&user, &slug, &subject, &body)
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/redactie/agenda/{slug}?melding=bericht"
        ))),
        Err(AppError::Validation(errors)) => {
            let (event, registrations) = s.app.event_registrations(&user, &slug).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditorEventTemplate {
                    l,
                    event,
                    registrations,
                    subject,
                    body,
                    errors,
                    notice: "",
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn editor_check_in(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = l.editor()?;
    s.app
        .check_in(&user, &slug, &id, form.get("aanwezig") == "ja")
        .await?;
    Ok(see_other(&format!("/redactie/agenda/{slug}#r-{id}")))
}

async fn editor_cancel(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.cancel_event(&user, &slug).await?;
    Ok(see_other(&format!(
        "/redactie/agenda/{slug}?melding=geannuleerd"
    )))
}
