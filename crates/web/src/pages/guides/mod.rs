//! Werkwijzers for readers: the list (`/werkwijzers`) and a page per
//! guide with its steps in order, their pictures and the stories of teams
//! that used it. The page prints well on its own (the print part of the
//! stylesheet: no navigation, a step never split over two pages, links
//! written out).

mod editor;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_domain::guide::Guide;

use crate::AppState;
use crate::context::Ctx;
use crate::pages::{PageResult, Pager};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/werkwijzers", list)
        .get("/werkwijzers/{slug}", show)
        .get("/werkwijzers/{slug}/{image}", image)
        .merge(editor::routes())
}

const PER_PAGE: i64 = 20;

#[derive(serde::Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    page: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "guides/list.html")]
struct ListTemplate {
    l: Ctx,
    guides: Vec<Guide>,
    pager: Pager,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<ListQuery>) -> PageResult {
    let (page, _) = vooruit_app::page::offset(q.page.parse().unwrap_or(1), PER_PAGE);
    let page = s.app.guides().list(page, PER_PAGE).await?;
    let pager = Pager::new(&page, "/werkwijzers".into());
    Ok(ListTemplate {
        l,
        guides: page.items,
        pager,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "guides/show.html")]
struct ShowTemplate {
    l: Ctx,
    g: Guide,
    /// Each step's text as HTML.
    steps_html: Vec<String>,
    related: Vec<(String, String)>,
    /// The site's address, so printed links are whole.
    base: String,
}

async fn show(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let g = s.app.guides().published(&slug).await?;
    let related = s.app.guides().related(&g).await?;
    let steps_html = g
        .steps
        .iter()
        .map(|st| vooruit_app::markdown::render(&st.text))
        .collect();
    Ok(ShowTemplate {
        l,
        steps_html,
        related,
        base: s.app.config.base_url.clone(),
        g,
    }
    .into_response())
}

/// A step's picture: `stap-<n>.jpg`, n from 1.
async fn image(
    State(s): State<AppState>,
    Path((slug, image)): Path<(String, String)>,
) -> PageResult {
    let n: usize = image
        .strip_prefix("stap-")
        .and_then(|r| r.strip_suffix(".jpg"))
        .and_then(|n| n.parse().ok())
        .ok_or(AppError::NotFound)?;
    let jpeg = s.app.guides().image(&slug, n).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        jpeg,
    )
        .into_response())
}
