//! Newsletter editions: the editors compose, preview, test and send; every
//! visitor reads the archive.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::editions::{EditionView, SendProgress};
use vooruit_domain::FieldErrors;
use vooruit_domain::edition::{EditionInput, EditionItem, EditionStatus, MAX_ITEMS};

use super::{PageResult, Pager, see_other, with_status};
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/nieuwsbrief/archief", archive)
        .get("/nieuwsbrief/archief/{slug}", archived)
        .get("/redactie/nieuwsbrief", editor_list)
        .post("/redactie/nieuwsbrief", create)
        .get("/redactie/nieuwsbrief/{id}", edit)
        .post("/redactie/nieuwsbrief/{id}", save)
        .get("/redactie/nieuwsbrief/{id}/voorbeeld", preview)
        .get("/redactie/nieuwsbrief/{id}/voorbeeld.txt", preview_text)
        .post("/redactie/nieuwsbrief/{id}/test", send_test)
        .post("/redactie/nieuwsbrief/{id}/versturen", send)
}

#[derive(serde::Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    page: String,
    #[serde(default)]
    melding: String,
}

impl PageQuery {
    fn page(&self) -> i64 {
        self.page.parse().unwrap_or(1)
    }
}

// --- the archive ---

#[derive(Template, WebTemplate)]
#[template(path = "editions/archive.html")]
struct ArchiveTemplate {
    l: Ctx,
    editions: Vec<EditionView>,
    pager: Pager,
}

async fn archive(l: Ctx, State(s): State<AppState>, Query(q): Query<PageQuery>) -> PageResult {
    let page = s.app.editions().archive(q.page()).await?;
    let pager = Pager::new(&page, "/nieuwsbrief/archief".into());
    Ok(ArchiveTemplate {
        l,
        editions: page.items,
        pager,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "editions/show.html")]
struct ShowTemplate {
    l: Ctx,
    edition: EditionView,
}

async fn archived(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let edition = s.app.editions().archived(&slug).await?;
    Ok(ShowTemplate { l, edition }.into_response())
}

// --- the editors' pages ---

#[derive(Template, WebTemplate)]
#[template(path = "editions/editor_list.html")]
struct EditorListTemplate {
    l: Ctx,
    editions: Vec<EditionView>,
    confirmed: i64,
}

async fn editor_list(l: Ctx, State(s): State<AppState>) -> PageResult {
    let user = l.editor()?;
    let editions = s.app.editions().list(&user).await?;
    let confirmed = s.app.newsletter().confirmed_count().await?;
    Ok(EditorListTemplate {
        l,
        editions,
        confirmed,
    }
    .into_response())
}

async fn create(l: Ctx, State(s): State<AppState>) -> PageResult {
    let user = l.editor()?;
    let id = s.app.editions().new_concept(&user, l.lang).await?;
    Ok(see_other(&format!("/redactie/nieuwsbrief/{id}")))
}

#[derive(Template, WebTemplate)]
#[template(path = "editions/edit.html")]
struct EditTemplate {
    l: Ctx,
    edition: EditionView,
    input: EditionInput,
    progress: SendProgress,
    confirmed: i64,
    errors: FieldErrors,
    notice: &'static str,
}

impl EditTemplate {
    /// The rows of the form: the items, then empty rows to add new ones.
    fn rows(&self) -> Vec<EditionItem> {
        let mut rows = self.input.items.clone();
        let free = MAX_ITEMS.saturating_sub(rows.len()).min(2);
        rows.extend((0..free).map(|_| EditionItem {
            kind: "link".into(),
            ..Default::default()
        }));
        rows
    }

    fn field(&self, i: &usize, part: &str) -> String {
        format!("item-{i}-{part}")
    }
}

/// Reads the edit form. Rows without title and link are left out, as are
/// rows marked "remove".
fn read_input(form: &FormData) -> EditionInput {
    let mut items = Vec::new();
    for i in 0..(MAX_ITEMS + 2) {
        let get = |part: &str| form.get(&format!("item-{i}-{part}"));
        let (title, url) = (
            get("title").trim().to_string(),
            get("url").trim().to_string(),
        );
        if form.checked(&format!("item-{i}-remove")) || (title.is_empty() && url.is_empty()) {
            continue;
        }
        let kind = get("kind");
        items.push(EditionItem {
            kind: if kind.is_empty() { "link".into() } else { kind },
            title,
            url,
            text: get("text").trim().to_string(),
        });
    }
    EditionInput {
        subject: form.get("subject"),
        intro: form.get("intro"),
        items,
        themes: form.all("themes"),
    }
}

async fn edit_page(
    l: Ctx,
    s: &AppState,
    id: &str,
    input: Option<EditionInput>,
    errors: FieldErrors,
    notice: &'static str,
) -> PageResult {
    let user = l.editor()?;
    let (edition, progress) = s.app.editions().get(&user, id).await?;
    let confirmed = s.app.newsletter().confirmed_count().await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let input = input.unwrap_or_else(|| EditionInput {
        subject: edition.subject.clone(),
        intro: edition.intro.clone(),
        items: edition.items.clone(),
        themes: edition.themes.clone(),
    });
    Ok(with_status(
        status,
        EditTemplate {
            l,
            edition,
            input,
            progress,
            confirmed,
            errors,
            notice,
        },
    ))
}

async fn edit(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> PageResult {
    let notice = match q.melding.as_str() {
        "opgeslagen" => "edition-saved",
        "test" => "edition-test-sent",
        "gestart" => "edition-sending",
        _ => "",
    };
    edit_page(l, &s, &id, None, FieldErrors::new(), notice).await
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = l.editor()?;
    let input = read_input(&form);
    match s.app.editions().save(&user, &id, &input).await {
        Ok(()) if form.get("next") == "voorbeeld" => {
            Ok(see_other(&format!("/redactie/nieuwsbrief/{id}/voorbeeld")))
        }
        Ok(()) => Ok(see_other(&format!(
            "/redactie/nieuwsbrief/{id}?melding=opgeslagen"
        ))),
        Err(AppError::Validation(errors)) => edit_page(l, &s, &id, Some(input), errors, "").await,
        Err(e) => Err(e.into()),
    }
}

/// The mail as subscribers see it. Its own strict policy: inline styles (as
/// in every mail), no script, no outside content but https images.
async fn preview(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    let rendered = s.app.editions().preview(&user, &id, l.lang).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; \
                 base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            ),
        ],
        rendered.html,
    )
        .into_response())
}

async fn preview_text(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    let rendered = s.app.editions().preview(&user, &id, l.lang).await?;
    Ok((
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        rendered.text,
    )
        .into_response())
}

async fn send_test(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.editions().send_test(&user, &id, l.lang).await?;
    Ok(see_other(&format!(
        "/redactie/nieuwsbrief/{id}?melding=test"
    )))
}

async fn send(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = l.editor()?;
    if !form.checked("checked") {
        let mut errors = FieldErrors::new();
        errors.add("checked", "error-edition-confirm");
        return edit_page(l, &s, &id, None, errors, "").await;
    }
    s.app.editions().start_send(&user, &id).await?;
    Ok(see_other(&format!(
        "/redactie/nieuwsbrief/{id}?melding=gestart"
    )))
}
