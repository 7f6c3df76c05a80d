//! Werkwijzers for editors (`/redactie/werkwijzers`): one form to write a
//! guide and its steps (a row per step, three empty rows to add more; a
//! step without text is left out; each step may get a picture), publish,
//! withdraw, remove. The form takes files, so it is multipart; it works
//! without JavaScript.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::guides::NewImage;
use vooruit_domain::FieldErrors;
use vooruit_domain::guide::{Guide, GuideInput, MAX_STEPS, StepInput};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{NoticeQuery, PageResult, see_other, with_status};
use crate::routes::Routes;
use crate::upload::{self, Upload};

pub fn routes() -> Routes {
    Routes::new()
        .get("/redactie/werkwijzers", list)
        .get("/redactie/werkwijzers/nieuw", new)
        .post_upload("/redactie/werkwijzers/nieuw", create)
        .get("/redactie/werkwijzers/{id}", edit)
        .post_upload("/redactie/werkwijzers/{id}", save)
        .post("/redactie/werkwijzers/{id}/publiceren", publish)
        .post("/redactie/werkwijzers/{id}/intrekken", withdraw)
        .post("/redactie/werkwijzers/{id}/verwijderen", remove)
}

/// The messages after a change (`?melding=`), each a translation key.
const NOTICES: [&str; 5] = [
    "toegevoegd",
    "opgeslagen",
    "online",
    "offline",
    "verwijderd",
];

/// Empty rows under the steps, to add steps without JavaScript.
const EMPTY_ROWS: usize = 3;

fn notice(q: &NoticeQuery) -> String {
    q.key("guide-notice-", &NOTICES)
}

fn input_of(form: &FormData) -> GuideInput {
    let mut steps: Vec<StepInput> = (0..MAX_STEPS)
        .map(|i| StepInput {
            text: form.get(&format!("step-{i}-text")),
            alt: form.get(&format!("step-{i}-alt")),
            no_image: !form.get(&format!("step-{i}-no-image")).is_empty(),
        })
        .collect();
    // Rows past the last one with anything in it are not steps.
    while steps
        .last()
        .is_some_and(|s| s.text.trim().is_empty() && s.alt.trim().is_empty())
    {
        steps.pop();
    }
    GuideInput {
        title: form.get("title"),
        goal: form.get("goal"),
        audience: form.get("audience"),
        duration: form.get("duration"),
        materials: form.get("materials"),
        steps,
        related: form.get("related"),
    }
}

fn as_input(g: &Guide, base: &str) -> GuideInput {
    GuideInput {
        title: g.title.clone(),
        goal: g.goal.clone(),
        audience: g.audience.clone(),
        duration: g.duration.clone(),
        materials: g.materials.clone(),
        steps: g
            .steps
            .iter()
            .map(|s| StepInput {
                text: s.text.clone(),
                alt: s.image.as_ref().map(|i| i.alt.clone()).unwrap_or_default(),
                no_image: false,
            })
            .collect(),
        related: g
            .related
            .iter()
            .map(|slug| format!("{base}/verhalen/{slug}"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The file fields of the form: one picture per step row.
fn image_fields() -> Vec<String> {
    (0..MAX_STEPS).map(|i| format!("step-{i}-image")).collect()
}

/// Reads the form and checks its pictures; a picture that is refused comes
/// back as the error of its row.
async fn read_form(
    l: &Ctx,
    s: &AppState,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(Upload, GuideInput, FieldErrors), crate::HtmlError> {
    let multipart = multipart.map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let names = image_fields();
    let limit = s.app.config.image_limit_bytes;
    let limits: Vec<(&str, u64)> = names.iter().map(|n| (n.as_str(), limit)).collect();
    let upload = upload::read(l, &s.app.storage, multipart, &limits).await?;
    let input = input_of(&upload.fields);
    let mut errors = FieldErrors::new();
    for name in &names {
        if upload.too_large(name) {
            errors.add(name.clone(), "error-image-too-large");
        }
    }
    Ok((upload, input, errors))
}

/// The checked pictures of the form, by row; refusals go into `errors`.
async fn checked_images<'u>(
    s: &AppState,
    upload: &'u Upload,
    errors: &mut FieldErrors,
) -> Result<Vec<NewImage<'u>>, crate::HtmlError> {
    let mut images = Vec::new();
    for (i, name) in image_fields().iter().enumerate() {
        let Some(file) = upload.file(name) else {
            continue;
        };
        match s.app.guides().check_image(file).await {
            Ok(checked) => images.push((i, file, checked)),
            Err(AppError::Validation(e)) => {
                for err in e.0 {
                    errors.add(name.clone(), err.key);
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(images)
}

#[derive(Template, WebTemplate)]
#[template(path = "guides/editor_list.html")]
struct ListTemplate {
    l: Ctx,
    guides: Vec<Guide>,
    notice: String,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<NoticeQuery>) -> PageResult {
    let user = l.editor()?;
    let guides = s.app.guides().all(&user).await?;
    Ok(ListTemplate {
        l,
        guides,
        notice: notice(&q),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "guides/editor_form.html")]
struct FormTemplate {
    l: Ctx,
    /// None for a new guide.
    guide: Option<Guide>,
    input: GuideInput,
    /// The step rows to show: the steps and a few empty ones.
    rows: Vec<StepInput>,
    errors: FieldErrors,
    notice: String,
}

impl FormTemplate {
    fn new(l: Ctx, guide: Option<Guide>, input: GuideInput, errors: FieldErrors) -> FormTemplate {
        let mut rows = input.steps.clone();
        let n = (rows.len() + EMPTY_ROWS).min(MAX_STEPS);
        rows.resize(n, StepInput::default());
        FormTemplate {
            l,
            guide,
            input,
            rows,
            errors,
            notice: String::new(),
        }
    }

    /// The action of the form.
    fn action(&self) -> String {
        match &self.guide {
            Some(g) => format!("/redactie/werkwijzers/{}", g.id),
            None => "/redactie/werkwijzers/nieuw".to_string(),
        }
    }

    /// Whether row `i` has a stored picture.
    fn has_image(&self, i: &usize) -> bool {
        self.guide
            .as_ref()
            .and_then(|g| g.steps.get(*i))
            .is_some_and(|s| s.image.is_some())
    }

    fn field(&self, i: &usize, name: &str) -> String {
        format!("step-{i}-{name}")
    }
}

async fn new(l: Ctx) -> PageResult {
    l.editor()?;
    Ok(FormTemplate::new(l, None, GuideInput::default(), FieldErrors::new()).into_response())
}

/// Refused: the form again with what was typed (pictures must be chosen
/// again: browsers never fill in a file field).
fn refused(
    l: Ctx,
    guide: Option<Guide>,
    input: GuideInput,
    mut errors: FieldErrors,
    had: &[usize],
) -> PageResult {
    for i in had {
        let field = format!("step-{i}-image");
        if errors.get(&field).is_none() {
            errors.add(field, "error-file-again");
        }
    }
    Ok(with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        FormTemplate::new(l, guide, input, errors),
    ))
}

async fn create(
    l: Ctx,
    State(s): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let user = l.editor()?;
    let (upload, input, mut errors) = read_form(&l, &s, multipart).await?;
    let images = checked_images(&s, &upload, &mut errors).await?;
    let had: Vec<usize> = images.iter().map(|(i, _, _)| *i).collect();
    if !errors.is_empty() {
        return refused(l, None, input, errors, &had);
    }
    match s.app.guides().create(&user, input.clone(), images).await {
        Ok(id) => Ok(see_other(&format!(
            "/redactie/werkwijzers/{id}?melding=toegevoegd"
        ))),
        Err(AppError::Validation(errors)) => refused(l, None, input, errors, &had),
        Err(e) => Err(e.into()),
    }
}

async fn edit(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let user = l.editor()?;
    let guide = s.app.guides().for_editor(&user, &id).await?;
    let input = as_input(&guide, &s.app.config.base_url);
    let mut page = FormTemplate::new(l, Some(guide), input, FieldErrors::new());
    page.notice = notice(&q);
    Ok(page.into_response())
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let user = l.editor()?;
    let guide = s.app.guides().for_editor(&user, &id).await?;
    let (upload, input, mut errors) = read_form(&l, &s, multipart).await?;
    let images = checked_images(&s, &upload, &mut errors).await?;
    let had: Vec<usize> = images.iter().map(|(i, _, _)| *i).collect();
    if !errors.is_empty() {
        return refused(l, Some(guide), input, errors, &had);
    }
    match s
        .app
        .guides()
        .update(&user, &id, input.clone(), images)
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/redactie/werkwijzers/{id}?melding=opgeslagen"
        ))),
        Err(AppError::Validation(errors)) => refused(l, Some(guide), input, errors, &had),
        Err(e) => Err(e.into()),
    }
}

async fn publish(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.guides().publish(&user, &id).await?;
    Ok(see_other(&format!(
        "/redactie/werkwijzers/{id}?melding=online"
    )))
}

async fn withdraw(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.guides().withdraw(&user, &id).await?;
    Ok(see_other(&format!(
        "/redactie/werkwijzers/{id}?melding=offline"
    )))
}

async fn remove(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.guides().remove(&user, &id).await?;
    Ok(see_other("/redactie/werkwijzers?melding=verwijderd"))
}
