//! Videos for editors (`/redactie/video`): upload a video with its poster
//! and captions, or give the link of one on YouTube or Vimeo; change,
//! publish (only with a transcript), withdraw, remove.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_domain::FieldErrors;
use vooruit_domain::video::{Video, VideoInput};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{NoticeQuery, PageResult, one_error, see_other, with_status};
use crate::routes::Routes;
use crate::upload;

pub fn routes() -> Routes {
    Routes::new()
        .get("/redactie/video", list)
        .get("/redactie/video/nieuw", new)
        .post_upload("/redactie/video/nieuw", create)
        .get("/redactie/video/{id}", edit)
        .post("/redactie/video/{id}", save)
        .post("/redactie/video/{id}/publiceren", publish)
        .post("/redactie/video/{id}/intrekken", withdraw)
        .post("/redactie/video/{id}/verwijderen", remove)
}

/// The messages after a change (`?melding=`), each a translation key.
const NOTICES: [&str; 5] = [
    "toegevoegd",
    "opgeslagen",
    "online",
    "offline",
    "verwijderd",
];

fn notice(q: &NoticeQuery) -> String {
    q.key("video-notice-", &NOTICES)
}

fn input_of(form: &FormData) -> VideoInput {
    VideoInput {
        title: form.get("title"),
        description: form.get("description"),
        transcript: form.get("transcript"),
        embed_url: form.get("embed_url"),
        captions_nl: form.get("captions_nl"),
        captions_en: form.get("captions_en"),
    }
}

fn as_input(v: &Video) -> VideoInput {
    VideoInput {
        title: v.title.clone(),
        description: v.description.clone(),
        transcript: v.transcript.clone(),
        embed_url: v
            .platform()
            .map(|(p, id)| p.watch_url(id))
            .unwrap_or_default(),
        captions_nl: v.captions_nl.clone(),
        captions_en: v.captions_en.clone(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "videos/editor_list.html")]
struct ListTemplate {
    l: Ctx,
    videos: Vec<Video>,
    notice: String,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<NoticeQuery>) -> PageResult {
    let user = l.editor()?;
    let videos = s.app.videos().all(&user).await?;
    Ok(ListTemplate {
        l,
        videos,
        notice: notice(&q),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "videos/editor_new.html")]
struct NewTemplate {
    l: Ctx,
    input: VideoInput,
    errors: FieldErrors,
    limit_mb: u64,
}

async fn new(l: Ctx, State(s): State<AppState>) -> PageResult {
    l.editor()?;
    Ok(NewTemplate {
        l,
        input: VideoInput::default(),
        errors: FieldErrors::new(),
        limit_mb: s.app.config.video_limit_bytes / 1_000_000,
    }
    .into_response())
}

/// The upload: a file with its poster, or a platform's link. On any
/// problem the form comes back with what was typed (files must be chosen
/// again: browsers never fill in a file field).
async fn create(
    l: Ctx,
    State(s): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let user = l.editor()?;
    let multipart = multipart.map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let videos = s.app.videos();
    let limit = s.app.config.video_limit_bytes;
    let limits = [("file", limit), ("poster", s.app.config.image_limit_bytes)];
    let upload = upload::read(&l, &s.app.storage, multipart, &limits).await?;
    let input = input_of(&upload.fields);
    let refused = |l: Ctx, input: VideoInput, errors: FieldErrors| {
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
    if upload.too_large("file") {
        return refused(l, input, one_error("file", "error-video-too-large"));
    }
    if upload.too_large("poster") {
        return refused(l, input, one_error("poster", "error-image-too-large"));
    }
    let file = match upload.file("file") {
        None => None,
        Some(f) => match videos.check_file(f).await {
            Ok(checked) => Some((f, checked)),
            Err(AppError::Validation(errors)) => return refused(l, input, errors),
            Err(e) => return Err(e.into()),
        },
    };
    let poster = match upload.file("poster") {
        None => None,
        Some(p) => match videos.check_poster(p).await {
            Ok(checked) => Some((p, checked)),
            Err(AppError::Validation(mut errors)) => {
                if file.is_some() {
                    errors.add("file", "error-file-again");
                }
                return refused(l, input, errors);
            }
            Err(e) => return Err(e.into()),
        },
    };
    let had = (file.is_some(), poster.is_some());
    match videos.create(&user, input.clone(), file, poster).await {
        Ok(id) => Ok(see_other(&format!(
            "/redactie/video/{id}?melding=toegevoegd"
        ))),
        Err(AppError::Validation(mut errors)) => {
            if had.0 {
                errors.add("file", "error-file-again");
            }
            if had.1 {
                errors.add("poster", "error-file-again");
            }
            refused(l, input, errors)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "videos/editor_edit.html")]
struct EditTemplate {
    l: Ctx,
    video: Video,
    input: VideoInput,
    errors: FieldErrors,
    notice: String,
}

async fn edit(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let user = l.editor()?;
    let video = s.app.videos().for_editor(&user, &id).await?;
    Ok(EditTemplate {
        input: as_input(&video),
        video,
        errors: FieldErrors::new(),
        notice: notice(&q),
        l,
    }
    .into_response())
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = l.editor()?;
    let input = input_of(&form);
    match s.app.videos().update(&user, &id, input.clone()).await {
        Ok(()) => Ok(see_other(&format!(
            "/redactie/video/{id}?melding=opgeslagen"
        ))),
        Err(AppError::Validation(errors)) => {
            let video = s.app.videos().for_editor(&user, &id).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditTemplate {
                    l,
                    video,
                    input,
                    errors,
                    notice: String::new(),
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// Publishes; without a transcript the page says so next to its field.
async fn publish(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    match s.app.videos().publish(&user, &id).await {
        Ok(()) => Ok(see_other(&format!("/redactie/video/{id}?melding=online"))),
        Err(AppError::Validation(errors)) => {
            let video = s.app.videos().for_editor(&user, &id).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditTemplate {
                    input: as_input(&video),
                    video,
                    errors,
                    notice: String::new(),
                    l,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn withdraw(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.videos().withdraw(&user, &id).await?;
    Ok(see_other(&format!("/redactie/video/{id}?melding=offline")))
}

async fn remove(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.videos().remove(&user, &id).await?;
    Ok(see_other("/redactie/video?melding=verwijderd"))
}
