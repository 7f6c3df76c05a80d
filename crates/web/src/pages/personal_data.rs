//! The AVG rights on the site. `/mijn/gegevens`: everything stored about
//! the signed-in member, as a page and as JSON (access).
//! `/mijn/account/verwijderen`: the member deletes their account, and
//! `/beheer/gebruikers/{id}/verwijderen`: an administrator does it for
//! them (erasure).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::accounts::User;
use vooruit_app::privacy::TableData;
use vooruit_domain::FieldErrors;

use super::{MessageTemplate, PageResult, see_other, with_status};
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::middleware::{SESSION_COOKIE, set_cookie};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/mijn/gegevens", page)
        .get("/mijn/gegevens.json", json)
        .get("/mijn/account/verwijderen", delete_own_form)
        .post("/mijn/account/verwijderen", delete_own)
        .get("/account/verwijderd", deleted)
        .get("/beheer/gebruikers/{id}/verwijderen", delete_for_form)
        .post("/beheer/gebruikers/{id}/verwijderen", delete_for)
}

fn signed_in(l: &Ctx) -> Result<User, AppError> {
    l.user.clone().ok_or(AppError::Unauthorized)
}

#[derive(Template, WebTemplate)]
#[template(path = "personal_data.html")]
struct PersonalDataPage {
    l: Ctx,
    tables: Vec<TableData>,
}

impl PersonalDataPage {
    /// A table's name for people; the table's own name if there is none.
    fn label(&self, table: &str) -> String {
        let key = format!("my-data-{table}");
        if crate::i18n::has_key(self.l.lang, &key) {
            self.l.t(key)
        } else {
            table.to_string()
        }
    }

    fn shown(value: &serde_json::Value) -> String {
        match value {
            serde_json::Value::Null => "—".into(),
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
}

async fn page(l: Ctx, State(s): State<AppState>) -> PageResult {
    let user = signed_in(&l)?;
    let tables = s.app.personal_data(&user).await?;
    Ok(PersonalDataPage { l, tables }.into_response())
}

async fn json(l: Ctx, State(s): State<AppState>) -> PageResult {
    let user = signed_in(&l)?;
    let tables = s.app.personal_data(&user).await?;
    let body = serde_json::json!({
        "exported_at": vooruit_app::dates::rfc3339(s.app.db.clock().now_ms()),
        "tables": tables,
    });
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"mijn-gegevens.json\"",
            ),
        ],
        body.to_string(),
    )
        .into_response())
}

/// The form that deletes an account: the member's own (password) or, for
/// an administrator, someone else's (`target`; their address typed).
#[derive(Template, WebTemplate)]
#[template(path = "personal_data_delete.html")]
struct DeleteTemplate {
    l: Ctx,
    target: Option<User>,
    /// False for an account that only logs in through its organisation:
    /// it confirms with its address.
    has_password: bool,
    stories: String,
    confirm: String,
    errors: FieldErrors,
}

impl DeleteTemplate {
    fn action(&self) -> String {
        match &self.target {
            Some(t) => format!("/beheer/gebruikers/{}/verwijderen", t.id),
            None => "/mijn/account/verwijderen".into(),
        }
    }
}

async fn delete_own_form(l: Ctx, State(s): State<AppState>) -> PageResult {
    let user = signed_in(&l)?;
    Ok(DeleteTemplate {
        has_password: s.app.has_password(&user).await?,
        l,
        target: None,
        stories: String::new(),
        confirm: String::new(),
        errors: FieldErrors::new(),
    }
    .into_response())
}

async fn delete_own(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let user = signed_in(&l)?;
    let stories = form.get("stories");
    match s
        .app
        .delete_own_account(&user, &form.get("password"), &stories, l.lang)
        .await
    {
        // The session is gone with the account; the cookie goes too.
        Ok(()) => Ok((
            StatusCode::SEE_OTHER,
            [(header::LOCATION, "/account/verwijderd")],
            [(
                header::SET_COOKIE,
                set_cookie(SESSION_COOKIE, "", Some(0), s.app.config.is_https()),
            )],
        )
            .into_response()),
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            DeleteTemplate {
                has_password: s.app.has_password(&user).await?,
                l,
                target: None,
                stories,
                confirm: String::new(),
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

async fn deleted(l: Ctx) -> PageResult {
    Ok(
        MessageTemplate::ok(l, "account-deleted-title", "account-deleted-text")
            .with_link("/", "nav-home")
            .into_response(),
    )
}

async fn delete_for_form(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let admin = signed_in(&l)?;
    let target = s.app.account_to_delete(&admin, &id).await?;
    Ok(DeleteTemplate {
        has_password: true,
        l,
        target: Some(target),
        stories: String::new(),
        confirm: String::new(),
        errors: FieldErrors::new(),
    }
    .into_response())
}

async fn delete_for(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let admin = signed_in(&l)?;
    let (stories, confirm) = (form.get("stories"), form.get("confirm"));
    match s
        .app
        .delete_account_for(&admin, &id, &confirm, &stories, l.lang)
        .await
    {
        Ok(()) => Ok(see_other("/beheer/gebruikers?verwijderd=1")),
        Err(AppError::Validation(errors)) => {
            let target = s.app.account_to_delete(&admin, &id).await?;
            Ok(with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                DeleteTemplate {
                    has_password: true,
                    l,
                    target: Some(target),
                    stories,
                    confirm,
                    errors,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}
