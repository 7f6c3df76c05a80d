//! The redactie: the queue of shared stories and the work on one story.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::AppError;
use vooruit_app::Page;
use vooruit_app::accounts::User;
use vooruit_app::stories::{EditorStory, QueueItem};
use vooruit_domain::FieldErrors;
use vooruit_domain::story::{MessageAuthor, StoryContent, StoryStatus};

use super::share::lesson_slots;
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{PageResult, Pager, see_other, with_status};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/redactie", queue)
        .get("/redactie/verhalen/{id}", story)
        .post("/redactie/verhalen/{id}", save)
        .post("/redactie/verhalen/{id}/vraag", ask)
        .post("/redactie/verhalen/{id}/publiceren", publish)
        .post("/redactie/verhalen/{id}/afwijzen", reject)
        .post("/redactie/verhalen/{id}/archiveren", archive)
}

const TABS: [(&str, Option<StoryStatus>); 4] = [
    ("queue", None),
    (
        StoryStatus::Gepubliceerd.as_str(),
        Some(StoryStatus::Gepubliceerd),
    ),
    (
        StoryStatus::Gearchiveerd.as_str(),
        Some(StoryStatus::Gearchiveerd),
    ),
    (
        StoryStatus::Afgewezen.as_str(),
        Some(StoryStatus::Afgewezen),
    ),
];

#[derive(Deserialize)]
struct QueueQuery {
    tab: Option<String>,
    page: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "stories/editor_queue.html")]
struct QueueTemplate {
    l: Ctx,
    tab: &'static str,
    tabs: Vec<(&'static str, String)>,
    stories: Page<QueueItem>,
    pager: Pager,
}

async fn queue(l: Ctx, State(s): State<AppState>, Query(q): Query<QueueQuery>) -> PageResult {
    let user = l.editor()?;
    let page = q.page.as_deref().and_then(|p| p.parse().ok()).unwrap_or(1);
    let (tab, status) = TABS
        .iter()
        .find(|(k, _)| Some(*k) == q.tab.as_deref())
        .copied()
        .unwrap_or(TABS[0]);
    let stories = match status {
        None => s.app.stories().editor_queue(&user, page).await?,
        Some(status) => s.app.stories().editor_list(&user, status, page).await?,
    };
    Ok(QueueTemplate {
        pager: Pager::new(&stories, format!("/redactie?tab={tab}")),
        tabs: TABS
            .iter()
            .map(|(k, _)| (*k, format!("/redactie?tab={k}")))
            .collect(),
        l,
        tab,
        stories,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "stories/editor_story.html")]
struct StoryTemplate {
    l: Ctx,
    story: EditorStory,
    content: StoryContent,
    lesson_slots: Vec<String>,
    errors: FieldErrors,
    show_summary: bool,
    can_publish: bool,
    notice: String,
    question: String,
    reason: String,
}

impl StoryTemplate {
    fn new(l: Ctx, story: EditorStory) -> Self {
        let status = story.status;
        StoryTemplate {
            l,
            content: story.content.clone(),
            lesson_slots: lesson_slots(&story.content),
            story,
            errors: FieldErrors::new(),
            show_summary: true,
            can_publish: matches!(
                status,
                StoryStatus::Ingediend | StoryStatus::InRedactie | StoryStatus::Gearchiveerd
            ),
            notice: String::new(),
            question: String::new(),
            reason: String::new(),
        }
    }
}

#[derive(Deserialize)]
struct NoticeQuery {
    melding: Option<String>,
}

const NOTICES: [&str; 5] = ["saved", "asked", "published", "rejected", "archived"];

async fn story(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let user = l.editor()?;
    let story = s.app.stories().editor_story(&user, &id).await?;
    let mut page = StoryTemplate::new(l, story);
    if let Some(n) = q.melding.as_deref().filter(|n| NOTICES.contains(n)) {
        page.notice = format!("editor-notice-{n}");
    }
    Ok(page.into_response())
}

fn done(id: &str, notice: &str) -> PageResult {
    Ok(see_other(&format!(
        "/redactie/verhalen/{id}?melding={notice}"
    )))
}

/// Shows the story again with the errors of a form, keeping what was typed.
async fn invalid(
    l: Ctx,
    s: &AppState,
    user: &User,
    id: &str,
    errors: FieldErrors,
    fill: impl FnOnce(&mut StoryTemplate),
) -> PageResult {
    let story = s.app.stories().editor_story(user, id).await?;
    let mut page = StoryTemplate::new(l, story);
    page.errors = errors;
    fill(&mut page);
    Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page))
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = l.editor()?;
    let content = form.story_content();
    match s
        .app
        .stories()
        .editor_save(&user, &id, content.clone())
        .await
    {
        Ok(()) => done(&id, "saved"),
        Err(AppError::Validation(errors)) => {
            invalid(l, &s, &user, &id, errors, |p| {
                p.lesson_slots = lesson_slots(&content);
                p.content = content;
            })
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn ask(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = l.editor()?;
    let question = form.get("question");
    match s.app.stories().ask_teller(&user, &id, &question).await {
        Ok(()) => done(&id, "asked"),
        Err(AppError::Validation(errors)) => {
            invalid(l, &s, &user, &id, errors, |p| p.question = question).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn publish(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.stories().publish(&user, &id).await?;
    done(&id, "published")
}

async fn reject(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = l.editor()?;
    let reason = form.get("reason");
    match s.app.stories().reject(&user, &id, &reason).await {
        Ok(()) => done(&id, "rejected"),
        Err(AppError::Validation(errors)) => {
            invalid(l, &s, &user, &id, errors, |p| p.reason = reason).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn archive(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.stories().archive(&user, &id).await?;
    done(&id, "archived")
}
