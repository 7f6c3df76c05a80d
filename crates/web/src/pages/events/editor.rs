//! The agenda for editors: plan and change events, see and export the
//! registrations, write to everyone registered, check people in, cancel.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::events::{EventFilter, EventView, RegistrationView};
use vooruit_domain::FieldErrors;
use vooruit_domain::event::{EventInput, EventKind, MAX_QUESTIONS};

use super::parse_local;
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{PageResult, see_other, with_status};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/redactie/agenda", editor_list)
        .post("/redactie/agenda", create)
        .get("/redactie/agenda/{slug}", editor_event)
        .get("/redactie/agenda/{slug}/bewerken", edit_page)
        .post("/redactie/agenda/{slug}/bewerken", save)
        .get("/redactie/agenda/{slug}/aanmeldingen.csv", editor_csv)
        .post("/redactie/agenda/{slug}/aanwezig/{id}", editor_check_in)
        .post("/redactie/agenda/{slug}/bericht", editor_message)
        .post("/redactie/agenda/{slug}/annuleren", editor_cancel)
}

#[derive(Template, WebTemplate)]
#[template(path = "events/editor_list.html")]
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
    pub themes: Vec<String>,
    /// Always `MAX_QUESTIONS` slots; empty ones are left out.
    pub questions: Vec<String>,
    pub opens: String,
    pub closes: String,
    pub report: String,
}

/// Unix ms as a `datetime-local` value in Europe/Amsterdam.
fn local(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|d| {
            d.with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

impl EventForm {
    fn new_event() -> EventForm {
        EventForm {
            capacity: "30".into(),
            questions: vec![String::new(); MAX_QUESTIONS],
            ..Default::default()
        }
    }

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
            themes: f.all("themes"),
            // Filled questions first, so error numbers match the rows.
            questions: {
                let mut q: Vec<String> = (0..MAX_QUESTIONS)
                    .map(|i| f.get(&format!("question-{i}")))
                    .filter(|q| !q.trim().is_empty())
                    .collect();
                q.resize(MAX_QUESTIONS, String::new());
                q
            },
            opens: f.get("opens"),
            closes: f.get("closes"),
            report: f.get("report"),
        }
    }

    fn from_event(e: &EventView) -> EventForm {
        let i = e.input();
        let mut questions = i.questions.clone();
        questions.resize(MAX_QUESTIONS, String::new());
        EventForm {
            kind: i.kind,
            title: i.title,
            description: i.description,
            starts: local(i.starts_at),
            ends: local(i.ends_at),
            location: i.location,
            online_url: i.online_url,
            region: i.region,
            organiser: i.organiser,
            capacity: i.capacity.to_string(),
            themes: i.themes,
            questions,
            opens: i.registration_opens_at.map(local).unwrap_or_default(),
            closes: i.registration_closes_at.map(local).unwrap_or_default(),
            report: i.report,
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
            themes: self.themes.clone(),
            questions: self
                .questions
                .iter()
                .map(|q| q.trim().to_string())
                .filter(|q| !q.is_empty())
                .collect(),
            registration_opens_at: parse_local(&self.opens),
            registration_closes_at: parse_local(&self.closes),
            report: self.report.clone(),
        }
    }

    pub fn kinds(&self) -> Vec<&'static str> {
        EventKind::values()
    }

    pub fn question_field(&self, i: &usize) -> String {
        format!("question-{i}")
    }
}

async fn upcoming(s: &AppState) -> Result<Vec<EventView>, AppError> {
    Ok(s.app
        .events()
        .list(true, &EventFilter::default(), 1)
        .await?
        .items)
}

async fn editor_list(l: Ctx, State(s): State<AppState>) -> PageResult {
    l.editor()?;
    Ok(EditorListTemplate {
        l,
        upcoming: upcoming(&s).await?,
        input: EventForm::new_event(),
        errors: FieldErrors::new(),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "events/editor_edit.html")]
struct EditTemplate {
    l: Ctx,
    event: EventView,
    input: EventForm,
    errors: FieldErrors,
}

async fn edit_page(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    l.editor()?;
    let event = s.app.events().get(&slug).await?;
    let input = EventForm::from_event(&event);
    Ok(EditTemplate {
        l,
        event,
        input,
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
    let user = l.editor()?;
    let input = EventForm::from_form(&form);
    match s.app.events().update(&user, &slug, input.input()).await {
        Ok(()) => Ok(see_other(&format!(
            "/redactie/agenda/{slug}?melding=gewijzigd"
        ))),
        Err(AppError::Validation(errors)) => {
            let event = s.app.events().get(&slug).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditTemplate {
                    l,
                    event,
                    input,
                    errors,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn create(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let user = l.editor()?;
    let input = EventForm::from_form(&form);
    match s.app.events().create(&user, input.input()).await {
        Ok(created) => Ok(see_other(&format!("/redactie/agenda/{}", created.slug))),
        Err(AppError::Validation(errors)) => {
            let upcoming = upcoming(&s).await?;
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
#[template(path = "events/editor_show.html")]
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
    let (event, registrations) = s.app.events().registrations(&user, &slug).await?;
    let notice = match q.melding.as_deref() {
        Some("bericht") => "editor-agenda-message-sent",
        Some("afgelast") => "editor-agenda-cancelled",
        Some("gewijzigd") => "editor-agenda-changed",
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
    let csv = s.app.events().registrations_csv(&user, &slug).await?;
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
        .events()
        .message_registrants(&user, &slug, &subject, &body)
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/redactie/agenda/{slug}?melding=bericht"
        ))),
        Err(AppError::Validation(errors)) => {
            let (event, registrations) = s.app.events().registrations(&user, &slug).await?;
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
        .events()
        .check_in(&user, &slug, &id, form.get("aanwezig") == "ja")
        .await?;
    Ok(see_other(&format!("/redactie/agenda/{slug}#r-{id}")))
}

async fn editor_cancel(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.events().cancel(&user, &slug).await?;
    Ok(see_other(&format!(
        "/redactie/agenda/{slug}?melding=afgelast"
    )))
}
