//! Publications for editors (`/redactie/publicaties`): upload a PDF with
//! what readers need to know, change that, publish, withdraw, remove.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_domain::FieldErrors;
use vooruit_domain::publication::{Publication, PublicationInput};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{NoticeQuery, PageResult, one_error, see_other, with_status};
use crate::routes::Routes;
use crate::upload;

pub fn routes() -> Routes {
    Routes::new()
        .get("/redactie/publicaties", list)
        .get("/redactie/publicaties/nieuw", new)
        .post_upload("/redactie/publicaties/nieuw", create)
        .get("/redactie/publicaties/{id}", edit)
        .post("/redactie/publicaties/{id}", save)
        .post("/redactie/publicaties/{id}/publiceren", publish)
        .post("/redactie/publicaties/{id}/intrekken", withdraw)
        .post("/redactie/publicaties/{id}/verwijderen", remove)
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
    q.key("pub-notice-", &NOTICES)
}

fn input_of(form: &FormData) -> PublicationInput {
    PublicationInput {
        title: form.get("title"),
        publisher: form.get("publisher"),
        year: form.get("year"),
        summary: form.get("summary"),
        themes: form.all("themes"),
        sectors: form.all("sectors"),
        cover_alt: form.get("cover_alt"),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "publications/editor_list.html")]
struct ListTemplate {
    l: Ctx,
    publications: Vec<Publication>,
    notice: String,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<NoticeQuery>) -> PageResult {
    let user = l.editor()?;
    let publications = s.app.publications().all(&user).await?;
    Ok(ListTemplate {
        l,
        publications,
        notice: notice(&q),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "publications/editor_new.html")]
struct NewTemplate {
    l: Ctx,
    input: PublicationInput,
    errors: FieldErrors,
}

async fn new(l: Ctx, State(s): State<AppState>) -> PageResult {
    l.editor()?;
    let year = vooruit_app::dates::year_of(s.app.now()).to_string();
    Ok(NewTemplate {
        l,
        input: PublicationInput {
            year,
            ..Default::default()
        },
        errors: FieldErrors::new(),
    }
    .into_response())
}

/// The upload: the file is checked, then stored with the row; on any
/// problem the form comes back with what was typed (the file must be
/// chosen again: browsers never fill in a file field).
async fn create(
    l: Ctx,
    State(s): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let user = l.editor()?;
    let multipart = multipart.map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let publications = s.app.publications();
    let limits = [
        ("file", s.app.config.pdf_limit_bytes),
        ("cover", s.app.config.image_limit_bytes),
    ];
    let upload = upload::read(&l, &s.app.storage, multipart, &limits).await?;
    let input = input_of(&upload.fields);
    let refused = |l: Ctx, input: PublicationInput, errors: FieldErrors| {
        Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            NewTemplate { l, input, errors },
        ))
    };
    if upload.too_large("cover") {
        return refused(l, input, one_error("cover", "error-file-too-large"));
    }
    let file = match (upload.file("file"), upload.too_large("file")) {
        (_, true) => return refused(l, input, one_error("file", "error-file-too-large")),
        (None, false) => return refused(l, input, one_error("file", "error-file-required")),
        (Some(file), false) => file,
    };
    let checked = match publications.check_pdf(file).await {
        Ok(pdf) => pdf,
        Err(AppError::Validation(errors)) => return refused(l, input, errors),
        Err(e) => return Err(e.into()),
    };
    let cover = match upload.file("cover") {
        None => None,
        Some(picture) => match publications.check_cover(picture).await {
            Ok(checked) => Some((picture, checked)),
            Err(AppError::Validation(mut errors)) => {
                errors.add("file", "error-file-again");
                return refused(l, input, errors);
            }
            Err(e) => return Err(e.into()),
        },
    };
    let had_cover = cover.is_some();
    match publications
        .create(&user, input.clone(), file, checked, cover)
        .await
    {
        Ok(_) => Ok(see_other("/redactie/publicaties?melding=toegevoegd")),
        Err(AppError::Validation(mut errors)) => {
            errors.add("file", "error-file-again");
            if had_cover {
                errors.add("cover", "error-file-again");
            }
            refused(l, input, errors)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "publications/editor_edit.html")]
struct EditTemplate {
    l: Ctx,
    size: String,
    publication: Publication,
    input: PublicationInput,
    errors: FieldErrors,
    notice: String,
}

fn as_input(p: &Publication) -> PublicationInput {
    PublicationInput {
        title: p.title.clone(),
        publisher: p.publisher.clone(),
        year: p.year.to_string(),
        summary: p.summary.clone(),
        themes: p.themes.clone(),
        sectors: p.sectors.clone(),
        cover_alt: p.cover.as_ref().map(|c| c.alt.clone()).unwrap_or_default(),
    }
}

async fn edit(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let user = l.editor()?;
    let publication = s.app.publications().for_editor(&user, &id).await?;
    Ok(EditTemplate {
        size: super::file_size(&l, publication.file_size),
        input: as_input(&publication),
        publication,
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
    match s.app.publications().update(&user, &id, input.clone()).await {
        Ok(()) => Ok(see_other(&format!(
            "/redactie/publicaties/{id}?melding=opgeslagen"
        ))),
        Err(AppError::Validation(errors)) => {
            let publication = s.app.publications().for_editor(&user, &id).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditTemplate {
                    size: super::file_size(&l, publication.file_size),
                    publication,
                    input,
                    errors,
                    notice: String::new(),
                    l,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn publish(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.publications().publish(&user, &id).await?;
    Ok(see_other(&format!(
        "/redactie/publicaties/{id}?melding=online"
    )))
}

async fn withdraw(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.publications().withdraw(&user, &id).await?;
    Ok(see_other(&format!(
        "/redactie/publicaties/{id}?melding=offline"
    )))
}

async fn remove(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.publications().remove(&user, &id).await?;
    Ok(see_other("/redactie/publicaties?melding=verwijderd"))
}
