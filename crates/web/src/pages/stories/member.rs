//! A member's own stories: the list, and editing while the teller may.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::AppError;
use vooruit_app::accounts::User;
use vooruit_app::stories::QueueItem;
use vooruit_domain::FieldErrors;
use vooruit_domain::story::{StoryContent, StoryStatus};

use super::share::lesson_slots;
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{PageResult, see_other, with_status};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/mijn/verhalen", list)
        .get("/mijn/verhalen/{id}", edit_form)
        .post("/mijn/verhalen/{id}", save)
}

fn signed_in(l: &Ctx) -> Result<User, AppError> {
    l.user.clone().ok_or(AppError::Unauthorized)
}

#[derive(Template, WebTemplate)]
#[template(path = "stories/member_list.html")]
struct ListTemplate {
    l: Ctx,
    stories: Vec<QueueItem>,
    saved: bool,
}

#[derive(Deserialize)]
struct SavedQuery {
    opgeslagen: Option<String>,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<SavedQuery>) -> PageResult {
    let user = signed_in(&l)?;
    let stories = s.app.stories().mine(&user).await?;
    Ok(ListTemplate {
        l,
        stories,
        saved: q.opgeslagen.is_some(),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "stories/member_edit.html")]
struct EditTemplate {
    l: Ctx,
    id: String,
    status: StoryStatus,
    content: StoryContent,
    lesson_slots: Vec<String>,
    errors: FieldErrors,
    show_summary: bool,
}

async fn edit_form(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = signed_in(&l)?;
    let (content, status) = s.app.stories().member_story(&user, &id).await?;
    Ok(EditTemplate {
        l,
        id,
        status,
        lesson_slots: lesson_slots(&content),
        content,
        errors: FieldErrors::new(),
        show_summary: false,
    }
    .into_response())
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let content = form.story_content();
    match s
        .app
        .stories()
        .member_save(&user, &id, content.clone())
        .await
    {
        Ok(()) => Ok(see_other("/mijn/verhalen?opgeslagen=1")),
        Err(AppError::Validation(errors)) => {
            let (_, status) = s.app.stories().member_story(&user, &id).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditTemplate {
                    l,
                    id,
                    status,
                    lesson_slots: lesson_slots(&content),
                    content,
                    errors,
                    show_summary: false,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}
