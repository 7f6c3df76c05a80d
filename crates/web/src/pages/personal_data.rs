//! `/mijn/gegevens`: everything stored about the signed-in member, as a
//! page and as JSON (the AVG right of access).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::accounts::User;
use vooruit_app::privacy::TableData;

use super::PageResult;
use crate::AppState;
use crate::context::Ctx;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/mijn/gegevens", page)
        .get("/mijn/gegevens.json", json)
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
