//! Synonyms for editors (`/redactie/synoniemen`): groups of words and
//! phrases that mean the same to a reader. A search for one finds the
//! stories with any of them, on every node within a second, without a
//! reindex.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::AppError;
use vooruit_app::accounts::User;
use vooruit_domain::FieldErrors;
use vooruit_domain::synonym::SynonymGroup;

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{PageResult, see_other, with_status};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/redactie/synoniemen", list)
        .post("/redactie/synoniemen", add)
        .get("/redactie/synoniemen/{id}", edit)
        .post("/redactie/synoniemen/{id}", save)
        .post("/redactie/synoniemen/{id}/verwijderen", remove)
}

fn editor(l: &Ctx) -> Result<User, AppError> {
    let user = l.user.clone().ok_or(AppError::Unauthorized)?;
    user.require_editor()?;
    Ok(user)
}

/// The messages after a change (`?melding=`), each a translation key.
const NOTICES: [&str; 3] = ["toegevoegd", "opgeslagen", "verwijderd"];

#[derive(Deserialize)]
struct NoticeQuery {
    melding: Option<String>,
}

/// The members as the form's text box shows them.
fn as_typed(members: &[String]) -> String {
    members.join(", ")
}

#[derive(Template, WebTemplate)]
#[template(path = "synonyms/list.html")]
struct ListTemplate {
    l: Ctx,
    groups: Vec<SynonymGroup>,
    notice: String,
    /// What was typed in the add form.
    members: String,
    errors: FieldErrors,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<NoticeQuery>) -> PageResult {
    let user = editor(&l)?;
    let groups = s.app.synonyms().list(&user).await?;
    let notice = q
        .melding
        .as_deref()
        .filter(|n| NOTICES.contains(n))
        .map(|n| format!("syn-notice-{n}"))
        .unwrap_or_default();
    Ok(ListTemplate {
        l,
        groups,
        notice,
        members: String::new(),
        errors: FieldErrors::new(),
    }
    .into_response())
}

async fn add(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let user = editor(&l)?;
    let members = form.get("members");
    match s
        .app
        .synonyms()
        .add(&user, std::slice::from_ref(&members))
        .await
    {
        Ok(id) => Ok(see_other(&format!(
            "/redactie/synoniemen?melding=toegevoegd#groep-{id}"
        ))),
        Err(AppError::Validation(errors)) => {
            let groups = s.app.synonyms().list(&user).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                ListTemplate {
                    l,
                    groups,
                    notice: String::new(),
                    members,
                    errors,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "synonyms/edit.html")]
struct EditTemplate {
    l: Ctx,
    group: SynonymGroup,
    members: String,
    errors: FieldErrors,
}

async fn edit(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = editor(&l)?;
    let group = s.app.synonyms().group(&user, &id).await?;
    Ok(EditTemplate {
        l,
        members: as_typed(&group.members),
        group,
        errors: FieldErrors::new(),
    }
    .into_response())
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = editor(&l)?;
    let members = form.get("members");
    match s
        .app
        .synonyms()
        .change(&user, &id, std::slice::from_ref(&members))
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/redactie/synoniemen?melding=opgeslagen#groep-{id}"
        ))),
        Err(AppError::Validation(errors)) => {
            let group = s.app.synonyms().group(&user, &id).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditTemplate {
                    l,
                    group,
                    members,
                    errors,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = editor(&l)?;
    s.app.synonyms().remove(&user, &id).await?;
    Ok(see_other("/redactie/synoniemen?melding=verwijderd"))
}
