//! The magazine for readers: the issues (`/magazine`), newest first, and a
//! page per issue that reads like its table of contents: the foreword, the
//! sections with their articles (each a story, which links back here), the
//! colophon and the printed issue as a PDF (`/magazine/{slug}/pdf`,
//! streamed with byte ranges).

mod editor;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use vooruit_app::magazine::IssueView;
use vooruit_domain::magazine::Issue;

use crate::AppState;
use crate::context::Ctx;
use crate::pages::{PageResult, Pager, files};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/magazine", list)
        .get("/magazine/{slug}", show)
        .get("/magazine/{slug}/pdf", pdf)
        .merge(editor::routes())
}

const PER_PAGE: i64 = 20;

#[derive(serde::Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    page: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "magazine/list.html")]
struct ListTemplate {
    l: Ctx,
    issues: Vec<Issue>,
    pager: Pager,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<ListQuery>) -> PageResult {
    let (page, _) = vooruit_app::page::offset(q.page.parse().unwrap_or(1), PER_PAGE);
    let page = s.app.magazine().list(page, PER_PAGE).await?;
    let pager = Pager::new(&page, "/magazine".into());
    Ok(ListTemplate {
        l,
        issues: page.items,
        pager,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "magazine/show.html")]
struct ShowTemplate {
    l: Ctx,
    issue: IssueView,
    foreword_html: String,
    colophon_html: String,
}

impl ShowTemplate {
    fn pdf_size(&self) -> String {
        let bytes = self.issue.pdf.as_ref().map_or(0, |p| p.size);
        super::publications::file_size(&self.l, bytes)
    }
}

async fn show(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let issue = s.app.magazine().view(&slug).await?;
    Ok(ShowTemplate {
        l,
        foreword_html: vooruit_app::markdown::render(&issue.foreword),
        colophon_html: vooruit_app::markdown::render(&issue.colophon),
        issue,
    }
    .into_response())
}

/// The printed issue, streamed with byte ranges (see `files::serve`),
/// saved under a name made from its slug.
async fn pdf(
    State(s): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> PageResult {
    let issue = s.app.magazine().published(&slug).await?;
    let file = issue.pdf.ok_or(vooruit_app::AppError::NotFound)?;
    let stored = files::Stored {
        key: &file.key,
        version: &file.key,
        mime: "application/pdf",
        download_as: Some(format!("{}.pdf", issue.slug)),
    };
    files::serve(&s, stored, &headers).await
}
