use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::stories::StoryFilter;
use vooruit_app::stories::StorySummary;

use super::{PageResult, safe_back};
use crate::AppState;
use crate::context::Ctx;
use crate::i18n::Lang;
use crate::middleware::{LANG_COOKIE, set_cookie};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/", home)
        .get("/taal/{lang}", switch_language)
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
struct HomeTemplate {
    l: Ctx,
    latest: Vec<StorySummary>,
}

async fn home(l: Ctx, State(s): State<AppState>) -> PageResult {
    let page = s
        .app
        .stories()
        .published_list(&StoryFilter::default(), 1)
        .await?;
    let latest = page.items.into_iter().take(6).collect();
    Ok(HomeTemplate { l, latest }.into_response())
}

#[derive(Deserialize)]
struct Back {
    terug: Option<String>,
}

/// Sets the language cookie and returns to the page the visitor was on.
/// A plain link, so it works without JavaScript.
async fn switch_language(
    State(s): State<AppState>,
    Path(lang): Path<String>,
    Query(back): Query<Back>,
) -> impl IntoResponse {
    let lang = Lang::from_tag(&lang).unwrap_or(Lang::Nl);
    let back = safe_back(back.terug.as_deref().unwrap_or("/"));
    let cookie = set_cookie(
        LANG_COOKIE,
        lang.code(),
        Some(365 * 24 * 3600),
        s.app.config.is_https(),
    );
    (
        axum::http::StatusCode::SEE_OTHER,
        [(header::LOCATION, back)],
        [(header::SET_COOKIE, cookie)],
    )
}
