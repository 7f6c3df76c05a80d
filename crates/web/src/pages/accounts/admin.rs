//! Beheer: administrators manage accounts and their roles.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::AppError;
use vooruit_app::Page;
use vooruit_app::accounts::{Account, User};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{PageResult, Pager, see_other};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/beheer/gebruikers", users)
        .post("/beheer/gebruikers/{id}/rol", set_role)
}

fn signed_in(l: &Ctx) -> Result<User, AppError> {
    l.user.clone().ok_or(AppError::Unauthorized)
}

#[derive(Deserialize)]
struct UsersQuery {
    page: Option<String>,
    opgeslagen: Option<String>,
    verwijderd: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/admin_users.html")]
struct UsersTemplate {
    l: Ctx,
    accounts: Page<Account>,
    pager: Pager,
    saved: bool,
    deleted: bool,
    me: String,
}

impl UsersTemplate {
    fn roles(&self) -> &'static [vooruit_domain::account::Role] {
        vooruit_domain::account::Role::ALL
    }
}

async fn users(l: Ctx, State(s): State<AppState>, Query(q): Query<UsersQuery>) -> PageResult {
    let admin = signed_in(&l)?;
    let page = q.page.as_deref().and_then(|p| p.parse().ok()).unwrap_or(1);
    let accounts = s.app.accounts().list(&admin, page).await?;
    Ok(UsersTemplate {
        pager: Pager::new(&accounts, "/beheer/gebruikers".into()),
        l,
        accounts,
        saved: q.opgeslagen.is_some(),
        deleted: q.verwijderd.is_some(),
        me: admin.id,
    }
    .into_response())
}

async fn set_role(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let admin = signed_in(&l)?;
    s.app
        .accounts()
        .set_role(&admin, &id, &form.get("role"))
        .await?;
    Ok(see_other("/beheer/gebruikers?opgeslagen=1"))
}
