//! The podcast for editors (`/redactie/podcast`): the series (what apps
//! show, with its picture) and the episodes: upload with the audio,
//! change, publish (only with a transcript), withdraw, remove.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_domain::FieldErrors;
use vooruit_domain::podcast::{CATEGORIES, Episode, EpisodeInput, Series, SeriesInput};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{NoticeQuery, PageResult, one_error, see_other, with_status};
use crate::routes::Routes;
use crate::upload;

pub fn routes() -> Routes {
    Routes::new()
        .get("/redactie/podcast", list)
        .post_upload("/redactie/podcast", save_series)
        .get("/redactie/podcast/nieuw", new)
        .post_upload("/redactie/podcast/nieuw", create)
        .get("/redactie/podcast/{id}", edit)
        .post("/redactie/podcast/{id}", save)
        .post("/redactie/podcast/{id}/publiceren", publish)
        .post("/redactie/podcast/{id}/intrekken", withdraw)
        .post("/redactie/podcast/{id}/verwijderen", remove)
}

/// The messages after a change (`?melding=`), each a translation key.
const NOTICES: [&str; 6] = [
    "serie",
    "toegevoegd",
    "opgeslagen",
    "online",
    "offline",
    "verwijderd",
];

fn notice(q: &NoticeQuery) -> String {
    q.key("podcast-notice-", &NOTICES)
}

fn series_input_of(form: &FormData) -> SeriesInput {
    SeriesInput {
        title: form.get("title"),
        description: form.get("description"),
        author: form.get("author"),
        owner_name: form.get("owner_name"),
        owner_email: form.get("owner_email"),
        category: form.get("category"),
        language: form.get("language"),
        explicit: !form.get("explicit").is_empty(),
        kind: form.get("kind"),
        cover_alt: form.get("cover_alt"),
    }
}

fn series_as_input(s: &Series) -> SeriesInput {
    SeriesInput {
        title: s.title.clone(),
        description: s.description.clone(),
        author: s.author.clone(),
        owner_name: s.owner_name.clone(),
        owner_email: s.owner_email.clone(),
        category: s.category.clone(),
        language: s.language.clone(),
        explicit: s.explicit,
        kind: s.kind.as_str().to_string(),
        cover_alt: s.cover.as_ref().map(|c| c.alt.clone()).unwrap_or_default(),
    }
}

fn input_of(form: &FormData) -> EpisodeInput {
    EpisodeInput {
        title: form.get("title"),
        notes: form.get("notes"),
        guests: form.get("guests"),
        season: form.get("season"),
        number: form.get("number"),
        kind: form.get("kind"),
        date: form.get("date"),
        chapters: form.get("chapters"),
        transcript: form.get("transcript"),
    }
}

fn as_input(e: &Episode) -> EpisodeInput {
    EpisodeInput {
        title: e.title.clone(),
        notes: e.notes.clone(),
        guests: e.guests.join(", "),
        season: e.season.map(|n| n.to_string()).unwrap_or_default(),
        number: e.number.map(|n| n.to_string()).unwrap_or_default(),
        kind: e.kind.as_str().to_string(),
        date: e.date.clone(),
        chapters: e.chapters.clone(),
        transcript: e.transcript.clone(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "podcast/editor_list.html")]
struct ListTemplate {
    l: Ctx,
    series: Series,
    input: SeriesInput,
    categories: [&'static str; 6],
    episodes: Vec<Episode>,
    errors: FieldErrors,
    notice: String,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<NoticeQuery>) -> PageResult {
    let user = l.editor()?;
    let episodes = s.app.podcast().all(&user).await?;
    let series = s.app.podcast().series().await?;
    Ok(ListTemplate {
        input: series_as_input(&series),
        series,
        categories: CATEGORIES,
        episodes,
        errors: FieldErrors::new(),
        notice: notice(&q),
        l,
    }
    .into_response())
}

/// The series form, with its picture: on any problem the page comes back
/// with what was typed.
async fn save_series(
    l: Ctx,
    State(s): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let user = l.editor()?;
    let multipart = multipart.map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let podcast = s.app.podcast();
    let limits = [("cover", s.app.config.image_limit_bytes)];
    let upload = upload::read(&l, &s.app.storage, multipart, &limits).await?;
    let input = series_input_of(&upload.fields);
    if upload.too_large("cover") {
        return series_refused(
            l,
            &s,
            &user,
            input,
            one_error("cover", "error-image-too-large"),
        )
        .await;
    }
    let cover = match upload.file("cover") {
        None => None,
        Some(picture) => match podcast.check_cover(picture).await {
            Ok(checked) => Some((picture, checked)),
            Err(AppError::Validation(errors)) => {
                return series_refused(l, &s, &user, input, errors).await;
            }
            Err(e) => return Err(e.into()),
        },
    };
    let had_cover = cover.is_some();
    match podcast.save_series(&user, input.clone(), cover).await {
        Ok(()) => Ok(see_other("/redactie/podcast?melding=serie")),
        Err(AppError::Validation(mut errors)) => {
            if had_cover {
                errors.add("cover", "error-file-again");
            }
            series_refused(l, &s, &user, input, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The series form again, with what was typed and what is wrong.
async fn series_refused(
    l: Ctx,
    s: &AppState,
    user: &vooruit_app::accounts::User,
    input: SeriesInput,
    errors: FieldErrors,
) -> PageResult {
    let episodes = s.app.podcast().all(user).await?;
    let series = s.app.podcast().series().await?;
    Ok(with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        ListTemplate {
            l,
            series,
            input,
            categories: CATEGORIES,
            episodes,
            errors,
            notice: String::new(),
        },
    ))
}

#[derive(Template, WebTemplate)]
#[template(path = "podcast/editor_new.html")]
struct NewTemplate {
    l: Ctx,
    input: EpisodeInput,
    errors: FieldErrors,
    limit_mb: u64,
}

async fn new(l: Ctx, State(s): State<AppState>) -> PageResult {
    l.editor()?;
    Ok(NewTemplate {
        l,
        input: EpisodeInput {
            date: s.app.podcast().today(),
            kind: "full".into(),
            ..Default::default()
        },
        errors: FieldErrors::new(),
        limit_mb: s.app.config.audio_limit_bytes / 1_000_000,
    }
    .into_response())
}

/// The upload: the audio is checked, then stored with the row; on any
/// problem the form comes back with what was typed (the audio must be
/// chosen again: browsers never fill in a file field).
async fn create(
    l: Ctx,
    State(s): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let user = l.editor()?;
    let multipart = multipart.map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let podcast = s.app.podcast();
    let limit = s.app.config.audio_limit_bytes;
    let upload = upload::read(&l, &s.app.storage, multipart, &[("audio", limit)]).await?;
    let input = input_of(&upload.fields);
    let refused = |l: Ctx, input: EpisodeInput, errors: FieldErrors| {
        Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            NewTemplate {
                l,
                input,
                errors,
                limit_mb: limit / 1_000_000,
            },
        ))
    };
    let file = match (upload.file("audio"), upload.too_large("audio")) {
        (_, true) => return refused(l, input, one_error("audio", "error-audio-too-large")),
        (None, false) => return refused(l, input, one_error("audio", "error-audio-required")),
        (Some(file), false) => file,
    };
    let checked = match podcast.check_audio(file).await {
        Ok(audio) => audio,
        Err(AppError::Validation(errors)) => return refused(l, input, errors),
        Err(e) => return Err(e.into()),
    };
    match podcast.create(&user, input.clone(), file, checked).await {
        Ok(id) => Ok(see_other(&format!(
            "/redactie/podcast/{id}?melding=toegevoegd"
        ))),
        Err(AppError::Validation(mut errors)) => {
            errors.add("audio", "error-file-again");
            refused(l, input, errors)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "podcast/editor_edit.html")]
struct EditTemplate {
    l: Ctx,
    episode: Episode,
    minutes: String,
    input: EpisodeInput,
    errors: FieldErrors,
    notice: String,
}

impl EditTemplate {
    fn new(l: Ctx, episode: Episode, input: EpisodeInput, errors: FieldErrors) -> EditTemplate {
        EditTemplate {
            minutes: super::minutes(&l, &episode),
            l,
            episode,
            input,
            errors,
            notice: String::new(),
        }
    }
}

async fn edit(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let user = l.editor()?;
    let episode = s.app.podcast().for_editor(&user, &id).await?;
    let input = as_input(&episode);
    let mut page = EditTemplate::new(l, episode, input, FieldErrors::new());
    page.notice = notice(&q);
    Ok(page.into_response())
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = l.editor()?;
    let input = input_of(&form);
    match s.app.podcast().update(&user, &id, input.clone()).await {
        Ok(()) => Ok(see_other(&format!(
            "/redactie/podcast/{id}?melding=opgeslagen"
        ))),
        Err(AppError::Validation(errors)) => {
            let episode = s.app.podcast().for_editor(&user, &id).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditTemplate::new(l, episode, input, errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// Publishes; without a transcript the page says so next to its field.
async fn publish(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    match s.app.podcast().publish(&user, &id).await {
        Ok(()) => Ok(see_other(&format!("/redactie/podcast/{id}?melding=online"))),
        Err(AppError::Validation(errors)) => {
            let episode = s.app.podcast().for_editor(&user, &id).await?;
            let input = as_input(&episode);
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditTemplate::new(l, episode, input, errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn withdraw(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.podcast().withdraw(&user, &id).await?;
    Ok(see_other(&format!(
        "/redactie/podcast/{id}?melding=offline"
    )))
}

async fn remove(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.podcast().remove(&user, &id).await?;
    Ok(see_other("/redactie/podcast?melding=verwijderd"))
}
