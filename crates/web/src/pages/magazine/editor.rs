//! The magazine for editors (`/redactie/magazine`): one form for an issue
//! (name, number, date, theme, foreword, colophon, the printed PDF, the
//! sections and the table of contents: a row per article with its story,
//! section, place and whether it is ready; empty rows to add more), a small
//! form to write a new article for it, and publish, withdraw, remove. The
//! issue form takes a file, so it is multipart; all of it works without
//! JavaScript.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::magazine::{Candidate, EditorIssue, NewArticle};
use vooruit_app::publications::CheckedPdf;
use vooruit_app::storage::TempUpload;
use vooruit_domain::FieldErrors;
use vooruit_domain::magazine::{
    ArticleInput, ArticleState, Issue, IssueInput, MAX_ARTICLES, MAX_SECTIONS,
};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{NoticeQuery, PageResult, see_other, with_status};
use crate::routes::Routes;
use crate::upload::{self, Upload};

pub fn routes() -> Routes {
    Routes::new()
        .get("/redactie/magazine", list)
        .get("/redactie/magazine/nieuw", new)
        .post_upload("/redactie/magazine/nieuw", create)
        .get("/redactie/magazine/{id}", edit)
        .post_upload("/redactie/magazine/{id}", save)
        .post("/redactie/magazine/{id}/artikel", new_article)
        .post("/redactie/magazine/{id}/publiceren", publish)
        .post("/redactie/magazine/{id}/intrekken", withdraw)
        .post("/redactie/magazine/{id}/verwijderen", remove)
}

/// The messages after a change (`?melding=`), each a translation key.
const NOTICES: [&str; 5] = [
    "toegevoegd",
    "opgeslagen",
    "online",
    "offline",
    "verwijderd",
];

/// Empty rows under the sections and the articles, to add without
/// JavaScript.
const EMPTY_SECTIONS: usize = 2;
const EMPTY_ARTICLES: usize = 3;

fn notice(q: &NoticeQuery) -> String {
    q.key("magazine-notice-", &NOTICES)
}

fn input_of(form: &FormData) -> IssueInput {
    let mut sections: Vec<String> = (0..MAX_SECTIONS)
        .map(|i| form.get(&format!("section-{i}-title")))
        .collect();
    while sections.last().is_some_and(|s| s.trim().is_empty()) {
        sections.pop();
    }
    let articles = (0..MAX_ARTICLES + EMPTY_ARTICLES)
        .map(|i| ArticleInput {
            story_id: form.get(&format!("article-{i}-story")),
            section: form.get(&format!("article-{i}-section")),
            order: form.get(&format!("article-{i}-order")),
            ready: !form.get(&format!("article-{i}-ready")).is_empty(),
        })
        .collect();
    IssueInput {
        name: form.get("name"),
        number: form.get("number"),
        date: form.get("date"),
        theme: form.get("theme"),
        foreword: form.get("foreword"),
        colophon: form.get("colophon"),
        sections,
        articles,
        no_pdf: !form.get("no-pdf").is_empty(),
    }
}

fn as_input(i: &Issue) -> IssueInput {
    IssueInput {
        name: i.name.clone(),
        number: i.number.to_string(),
        date: i.date.clone(),
        theme: i.theme.clone(),
        foreword: i.foreword.clone(),
        colophon: i.colophon.clone(),
        sections: i.sections.clone(),
        articles: i
            .articles
            .iter()
            .enumerate()
            .map(|(n, a)| ArticleInput {
                story_id: a.story_id.clone(),
                section: (a.section + 1).to_string(),
                order: (n + 1).to_string(),
                ready: a.ready,
            })
            .collect(),
        no_pdf: false,
    }
}

/// Reads the form and checks its PDF; a refused PDF comes back as the
/// error of `file`.
async fn read_form(
    l: &Ctx,
    s: &AppState,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(Upload, IssueInput, FieldErrors), crate::HtmlError> {
    let multipart = multipart.map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let limits = [("file", s.app.config.pdf_limit_bytes)];
    let upload = upload::read(l, &s.app.storage, multipart, &limits).await?;
    let input = input_of(&upload.fields);
    let mut errors = FieldErrors::new();
    if upload.too_large("file") {
        errors.add("file", "error-file-too-large");
    }
    Ok((upload, input, errors))
}

/// The form's PDF, checked; a refusal goes into `errors`.
async fn checked_pdf<'u>(
    s: &AppState,
    upload: &'u Upload,
    errors: &mut FieldErrors,
) -> Result<Option<(&'u TempUpload, CheckedPdf)>, crate::HtmlError> {
    let Some(file) = upload.file("file") else {
        return Ok(None);
    };
    match s.app.magazine().check_pdf(file).await {
        Ok(checked) => Ok(Some((file, checked))),
        Err(AppError::Validation(e)) => {
            for err in e.0 {
                errors.add("file", err.key);
            }
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "magazine/editor_list.html")]
struct ListTemplate {
    l: Ctx,
    issues: Vec<Issue>,
    notice: String,
}

async fn list(l: Ctx, State(s): State<AppState>, Query(q): Query<NoticeQuery>) -> PageResult {
    let user = l.editor()?;
    let issues = s.app.magazine().all(&user).await?;
    Ok(ListTemplate {
        l,
        issues,
        notice: notice(&q),
    }
    .into_response())
}

/// A story that can be chosen for an article row: its id and how it is
/// shown (title and state).
struct StoryOption {
    id: String,
    title: String,
    status: vooruit_domain::story::StoryStatus,
}

#[derive(Template, WebTemplate)]
#[template(path = "magazine/editor_form.html")]
struct FormTemplate {
    l: Ctx,
    /// None for a new issue.
    issue: Option<EditorIssue>,
    input: IssueInput,
    /// The section rows to show: the sections and a few empty ones.
    section_rows: Vec<String>,
    /// The article rows to show: the articles and a few empty ones.
    article_rows: Vec<ArticleInput>,
    options: Vec<StoryOption>,
    new_article: NewArticle,
    errors: FieldErrors,
    notice: String,
}

impl FormTemplate {
    fn new(
        l: Ctx,
        issue: Option<EditorIssue>,
        candidates: Vec<Candidate>,
        input: IssueInput,
        errors: FieldErrors,
    ) -> FormTemplate {
        let mut section_rows = input.sections.clone();
        let n = (section_rows.len() + EMPTY_SECTIONS).min(MAX_SECTIONS);
        section_rows.resize(n, String::new());
        let mut article_rows: Vec<ArticleInput> = input
            .articles
            .iter()
            .filter(|a| !a.story_id.trim().is_empty())
            .cloned()
            .collect();
        let n = (article_rows.len() + EMPTY_ARTICLES).min(MAX_ARTICLES);
        article_rows.resize(n, ArticleInput::default());
        // The issue's own articles first (whatever their state), then the
        // stories that can be added.
        let mut options: Vec<StoryOption> = issue
            .iter()
            .flat_map(|i| i.articles.iter())
            .map(|a| StoryOption {
                id: a.story_id.clone(),
                title: a.title.clone(),
                status: a.status,
            })
            .collect();
        for c in candidates {
            if !options.iter().any(|o| o.id == c.id) {
                options.push(StoryOption {
                    id: c.id,
                    title: c.title,
                    status: c.status,
                });
            }
        }
        FormTemplate {
            l,
            issue,
            input,
            section_rows,
            article_rows,
            options,
            new_article: NewArticle::default(),
            errors,
            notice: String::new(),
        }
    }

    /// The action of the form.
    fn action(&self) -> String {
        match &self.issue {
            Some(i) => format!("/redactie/magazine/{}", i.issue.id),
            None => "/redactie/magazine/nieuw".to_string(),
        }
    }

    fn field(&self, i: &usize, name: &str) -> String {
        format!("article-{i}-{name}")
    }

    fn section_field(&self, i: &usize) -> String {
        format!("section-{i}-title")
    }

    /// The section choices of an article row: (row number, title) for
    /// every section row; a row without a title yet is named by its
    /// number, so sections and articles can be typed in one go.
    fn section_choices(&self) -> Vec<(String, String)> {
        self.section_rows
            .iter()
            .enumerate()
            .map(|(n, t)| {
                let label = if t.trim().is_empty() {
                    self.l.t1("magazine-section-row", "number", n + 1)
                } else {
                    t.clone()
                };
                ((n + 1).to_string(), label)
            })
            .collect()
    }

    /// Where the story of an article row is, seen from the issue, when it
    /// is one of the issue's articles.
    fn state_of(&self, story_id: &str) -> Option<ArticleState> {
        self.issue
            .as_ref()?
            .articles
            .iter()
            .find(|a| a.story_id == story_id)
            .map(|a| a.state)
    }

    /// The stored title of section `n` (from 0).
    fn section_title(&self, n: &usize) -> &str {
        self.issue
            .as_ref()
            .and_then(|i| i.issue.sections.get(*n))
            .map_or("", String::as_str)
    }

    fn has_pdf(&self) -> bool {
        self.issue.as_ref().is_some_and(|i| i.issue.pdf.is_some())
    }
}

async fn new(l: Ctx, State(s): State<AppState>) -> PageResult {
    let user = l.editor()?;
    let candidates = s.app.magazine().candidates(&user).await?;
    let input = IssueInput {
        sections: vec![String::new()],
        ..Default::default()
    };
    Ok(FormTemplate::new(l, None, candidates, input, FieldErrors::new()).into_response())
}

/// Refused: the form again with what was typed (a PDF must be chosen
/// again: browsers never fill in a file field).
fn refused(
    l: Ctx,
    issue: Option<EditorIssue>,
    candidates: Vec<Candidate>,
    input: IssueInput,
    mut errors: FieldErrors,
    had_pdf: bool,
) -> PageResult {
    if had_pdf && errors.get("file").is_none() {
        errors.add("file", "error-file-again");
    }
    Ok(with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        FormTemplate::new(l, issue, candidates, input, errors),
    ))
}

async fn create(
    l: Ctx,
    State(s): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let user = l.editor()?;
    let (upload, input, mut errors) = read_form(&l, &s, multipart).await?;
    let pdf = checked_pdf(&s, &upload, &mut errors).await?;
    let had_pdf = pdf.is_some();
    let candidates = s.app.magazine().candidates(&user).await?;
    if !errors.is_empty() {
        return refused(l, None, candidates, input, errors, had_pdf);
    }
    match s.app.magazine().create(&user, input.clone(), pdf).await {
        Ok(id) => Ok(see_other(&format!(
            "/redactie/magazine/{id}?melding=toegevoegd"
        ))),
        Err(AppError::Validation(errors)) => refused(l, None, candidates, input, errors, had_pdf),
        Err(e) => Err(e.into()),
    }
}

async fn edit(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let user = l.editor()?;
    let mut issue = s.app.magazine().for_editor(&user, &id).await?;
    let input = as_input(&issue.issue);
    let candidates = std::mem::take(&mut issue.candidates);
    let mut page = FormTemplate::new(l, Some(issue), candidates, input, FieldErrors::new());
    page.notice = notice(&q);
    Ok(page.into_response())
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let user = l.editor()?;
    let mut issue = s.app.magazine().for_editor(&user, &id).await?;
    let candidates = std::mem::take(&mut issue.candidates);
    let (upload, input, mut errors) = read_form(&l, &s, multipart).await?;
    let pdf = checked_pdf(&s, &upload, &mut errors).await?;
    let had_pdf = pdf.is_some();
    if !errors.is_empty() {
        return refused(l, Some(issue), candidates, input, errors, had_pdf);
    }
    match s
        .app
        .magazine()
        .update(&user, &id, input.clone(), pdf)
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/redactie/magazine/{id}?melding=opgeslagen"
        ))),
        Err(AppError::Validation(errors)) => {
            refused(l, Some(issue), candidates, input, errors, had_pdf)
        }
        Err(e) => Err(e.into()),
    }
}

/// The issue's page again with `errors` (and what was typed in the new
/// article form).
async fn page_with_errors(
    l: Ctx,
    s: &AppState,
    id: &str,
    errors: FieldErrors,
    new_article: NewArticle,
) -> PageResult {
    let user = l.editor()?;
    let mut issue = s.app.magazine().for_editor(&user, id).await?;
    let input = as_input(&issue.issue);
    let candidates = std::mem::take(&mut issue.candidates);
    let mut page = FormTemplate::new(l, Some(issue), candidates, input, errors);
    page.new_article = new_article;
    Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page))
}

async fn new_article(
    l: Ctx,
    State(s): State<AppState>,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = l.editor()?;
    let article = NewArticle {
        title: form.get("new-title"),
        kind: form.get("new-kind"),
        writer: form.get("new-writer"),
        section: form.get("new-section"),
    };
    match s
        .app
        .magazine()
        .new_article(&user, &id, article.clone())
        .await
    {
        Ok(story_id) => Ok(see_other(&format!("/redactie/verhalen/{story_id}"))),
        Err(AppError::Validation(errors)) => page_with_errors(l, &s, &id, errors, article).await,
        Err(e) => Err(e.into()),
    }
}

async fn publish(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    match s.app.magazine().publish(&user, &id).await {
        Ok(()) => Ok(see_other(&format!(
            "/redactie/magazine/{id}?melding=online"
        ))),
        Err(AppError::Validation(errors)) => {
            page_with_errors(l, &s, &id, errors, NewArticle::default()).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn withdraw(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.magazine().withdraw(&user, &id).await?;
    Ok(see_other(&format!(
        "/redactie/magazine/{id}?melding=offline"
    )))
}

async fn remove(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let user = l.editor()?;
    s.app.magazine().remove(&user, &id).await?;
    Ok(see_other("/redactie/magazine?melding=verwijderd"))
}
