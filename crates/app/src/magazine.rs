//! The magazine: editors make numbered issues (foreword, sections of
//! articles, colophon, optionally the printed PDF), write new articles for
//! them or take stories that are being edited or already online, mark
//! articles ready, and publish the issue: that publishes its ready
//! articles in the same transaction, and is refused while an article is
//! still in review; saving an issue that is online takes the articles
//! marked ready since online too. Readers get the issue as a table of
//! contents; each article's page links back to its issue.
//!
//! A new PDF is stored under a key recorded as pending first; the row that
//! refers to it and the end of its pending state are one transaction. A
//! PDF the issue no longer refers to becomes pending in that transaction
//! and is removed after it.

use vooruit_domain::FieldErrors;
use vooruit_domain::lang::Lang;
use vooruit_domain::magazine::{
    ArticleState, Issue, IssueInput, IssuePdf, PublishRefusal, publish_plan,
};
use vooruit_domain::slug::slugify;
use vooruit_domain::story::{StoryAction, StoryContent, StoryKind, StoryStatus, Teller};
use vooruit_store::Conn;
pub use vooruit_store::magazine::Candidate;
use vooruit_store::stories::{NewStory, StoryRow};

use crate::accounts::User;
use crate::publications::CheckedPdf;
use crate::storage::TempUpload;
use crate::stories::StorySummary;
use crate::{AppError, AppResult, Page};

crate::service!(
    /// The magazine: `app.magazine()`.
    Magazine,
    magazine
);

const SITEMAP_MAX: i64 = 40_000;
/// How many stories the editor's choice of articles offers.
const CANDIDATES: i64 = 300;

/// A published issue as readers and the API see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct IssueView {
    pub slug: String,
    /// The magazine's name.
    pub name: String,
    pub number: i32,
    /// The day on the cover (`YYYY-MM-DD`).
    pub date: String,
    pub theme: String,
    /// Markdown.
    pub foreword: String,
    /// The table of contents: sections with their published articles.
    pub sections: Vec<SectionView>,
    /// Markdown.
    pub colophon: String,
    /// The printed issue, when there is one.
    pub pdf: Option<PdfView>,
    pub url: String,
    /// When it was first published (RFC 3339).
    pub published_at: String,
}

/// A section of the table of contents.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct SectionView {
    pub title: String,
    pub articles: Vec<ArticleView>,
}

/// An article in the table of contents: a published story.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ArticleView {
    pub slug: String,
    pub title: String,
    pub kind: StoryKind,
    pub summary: String,
    /// The writer, when shown.
    pub author_name: Option<String>,
    pub url: String,
}

/// The printed issue.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PdfView {
    pub url: String,
    pub size: i64,
    pub pages: i32,
}

/// The issue a published article is in, for the link back.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct IssueLink {
    pub slug: String,
    pub name: String,
    pub number: i32,
    pub url: String,
}

/// An article as the editors see it in the issue.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EditorArticle {
    pub story_id: String,
    pub title: String,
    pub kind: StoryKind,
    pub status: StoryStatus,
    pub state: ArticleState,
    pub section: usize,
    pub ready: bool,
}

/// An issue with what the editors need around it.
#[derive(Debug, Clone)]
pub struct EditorIssue {
    pub issue: Issue,
    pub articles: Vec<EditorArticle>,
    /// Stories that can be chosen as articles.
    pub candidates: Vec<Candidate>,
}

/// A new article written for an issue: a story in review, written by the
/// editors (or someone they name), with the text still to come.
#[derive(Debug, Clone, Default)]
pub struct NewArticle {
    pub title: String,
    pub kind: String,
    /// Whose name is above it; empty for none.
    pub writer: String,
    /// The section's number, from 1.
    pub section: String,
}

/// What the index holds of an issue: its name and number, theme,
/// foreword, sections and colophon.
pub(crate) fn search_doc(i: &Issue) -> vooruit_search::Doc {
    vooruit_search::Doc {
        doc_type: vooruit_search::ContentType::Issue,
        id: i.id.clone(),
        slug: i.slug.clone(),
        title: format!("{} {}", i.name, i.number),
        summary: if i.theme.is_empty() {
            crate::markdown::plain_excerpt(&i.foreword, 220)
        } else {
            i.theme.clone()
        },
        body: format!(
            "{}\n{}\n{}\n{}",
            i.theme,
            i.foreword,
            i.sections.join("\n"),
            i.colophon
        ),
        kind: String::new(),
        themes: Vec::new(),
        sectors: Vec::new(),
        region: String::new(),
        year: crate::dates::year_of(i.published_at.unwrap_or(i.created_at)),
        published_at: i.published_at.unwrap_or(i.updated_at),
        author_name: None,
        organisation: None,
    }
}

/// The articles of an issue with their stories' states, in order.
async fn editor_articles(conn: &mut Conn, issue: &Issue) -> AppResult<Vec<EditorArticle>> {
    let ids: Vec<String> = issue.articles.iter().map(|a| a.story_id.clone()).collect();
    let rows = conn.stories().by_ids(&ids).await?;
    Ok(issue
        .articles
        .iter()
        .filter_map(|a| {
            let row = rows.iter().find(|r| r.id == a.story_id)?;
            Some(EditorArticle {
                story_id: row.id.clone(),
                title: row.title.clone(),
                kind: row.kind,
                status: row.status,
                state: ArticleState::of(row.status, a.ready),
                section: a.section,
                ready: a.ready,
            })
        })
        .collect())
}

impl Magazine<'_> {
    /// Checks the printed issue (see `publications::check_pdf`); errors are
    /// for `file`.
    pub async fn check_pdf(&self, upload: &TempUpload) -> AppResult<CheckedPdf> {
        self.publications().check_pdf(upload).await
    }

    /// A new draft issue (editors); returns its id.
    pub async fn create(
        &self,
        editor: &User,
        input: IssueInput,
        pdf: Option<(&TempUpload, CheckedPdf)>,
    ) -> AppResult<String> {
        editor.require_editor()?;
        let id = vooruit_store::new_id();
        self.store(&id, None, input, pdf).await?;
        Ok(id)
    }

    /// Changes an issue and its table of contents (editors).
    pub async fn update(
        &self,
        editor: &User,
        id: &str,
        input: IssueInput,
        pdf: Option<(&TempUpload, CheckedPdf)>,
    ) -> AppResult<()> {
        editor.require_editor()?;
        let before = self
            .read()
            .await?
            .magazine()
            .by_id(id)
            .await?
            .ok_or(AppError::NotFound)?;
        self.store(id, Some(before), input, pdf).await
    }

    /// Checks what the rows say about stories: each exists, is in no other
    /// issue, and is only marked ready when it is in review with its text
    /// complete. Errors go into `e`.
    async fn check_articles(
        &self,
        conn: &mut Conn,
        id: &str,
        input: &IssueInput,
        e: &mut FieldErrors,
    ) -> AppResult<()> {
        let ids: Vec<String> = input
            .articles
            .iter()
            .map(|a| a.story_id.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let rows = conn.stories().by_ids(&ids).await?;
        let elsewhere = conn.magazine().issues_of(&ids).await?;
        let taxonomy = self.taxonomy().current().await?;
        for (i, a) in input.articles.iter().enumerate() {
            let story_id = a.story_id.trim();
            if story_id.is_empty() {
                continue;
            }
            let field = |name: &str| format!("article-{i}-{name}");
            let Some(row) = rows.iter().find(|r| r.id == story_id) else {
                e.add(field("story"), "error-article-story");
                continue;
            };
            if elsewhere
                .iter()
                .any(|(s, issue)| s == story_id && issue != id)
            {
                e.add(field("story"), "error-article-other-issue");
            }
            if a.ready {
                match row.status {
                    StoryStatus::InRedactie => {
                        let content = row.content();
                        let mut missing = FieldErrors::new();
                        content.validate_into(&mut missing, &taxonomy.choices(content.tagged()));
                        if !missing.is_empty() {
                            e.add(field("ready"), "error-article-unfinished");
                        }
                    }
                    StoryStatus::Ingediend
                    | StoryStatus::VraagAanVerteller
                    | StoryStatus::Concept => e.add(field("ready"), "error-article-not-in-review"),
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// Stores a new or changed issue (the use case of `create` and
    /// `update`, and the demo's).
    pub(crate) async fn store(
        &self,
        id: &str,
        before: Option<Issue>,
        input: IssueInput,
        pdf: Option<(&TempUpload, CheckedPdf)>,
    ) -> AppResult<()> {
        let mut e = input.validate().err().unwrap_or_default();
        {
            let mut conn = self.read().await?;
            self.check_articles(&mut conn, id, &input, &mut e).await?;
            if let Some(number) = input.number()
                && conn
                    .magazine()
                    .number_taken(input.name.trim(), number, id)
                    .await?
            {
                e.add("number", "error-issue-number-taken");
            }
        }
        e.into_result()?;
        let old_pdf = before.as_ref().and_then(|i| i.pdf.clone());
        // A new PDF: pending, then stored.
        let new_pdf = match &pdf {
            Some((upload, checked)) => {
                let key = format!("magazine/{id}-{}.pdf", vooruit_store::new_id());
                let mut tx = self.begin("magazine.pdf").await?;
                tx.pending_files().add(&key).await?;
                self.commit(tx).await?;
                self.storage.put_file(&key, upload.path()).await?;
                Some(IssuePdf {
                    key,
                    size: i64::try_from(checked.size).unwrap_or(i64::MAX),
                    pages: i32::try_from(checked.pages).unwrap_or(i32::MAX),
                })
            }
            None => None,
        };
        let kept = match &new_pdf {
            Some(p) => Some(p.clone()),
            None if input.no_pdf => None,
            None => old_pdf.clone(),
        };
        let gone: Option<String> = old_pdf
            .map(|p| p.key)
            .filter(|k| kept.as_ref().is_none_or(|p| &p.key != k));
        let result = async {
            let mut tx = self.begin("magazine.store").await?;
            match &before {
                Some(_) => tx.magazine().update(id, &input, kept.as_ref()).await?,
                None => {
                    let base = slugify(&format!("{} {}", input.name, input.number.trim()));
                    let slug = tx.magazine().free_slug(&base).await?;
                    tx.magazine()
                        .insert(id, &slug, &input, kept.as_ref())
                        .await?;
                }
            }
            // An issue that is online takes its newly ready articles
            // online with the change.
            if before.as_ref().is_some_and(|i| i.status.is_published()) {
                self.publish_ready(&mut tx, &input).await?;
            }
            if let Some(p) = &new_pdf {
                tx.pending_files().forget(&p.key).await?;
            }
            if let Some(key) = &gone {
                tx.pending_files().add(key).await?;
            }
            self.commit(tx).await
        }
        .await;
        if result.is_err() {
            if let Some(p) = &new_pdf {
                let _ = self.storage.delete(&p.key).await;
            }
            return result;
        }
        if let Some(key) = gone {
            self.remove_file(&key).await?;
        }
        Ok(())
    }

    /// Publishes the articles of `input` that are ready (in review and
    /// marked), in the caller's transaction.
    async fn publish_ready(&self, tx: &mut Conn, input: &IssueInput) -> AppResult<()> {
        let ids: Vec<String> = input
            .article_refs()
            .into_iter()
            .filter(|a| a.ready)
            .map(|a| a.story_id)
            .collect();
        let rows = tx.stories().by_ids(&ids).await?;
        for row in rows
            .iter()
            .filter(|r| ArticleState::of(r.status, true) == ArticleState::Ready)
        {
            self.stories().publish_row(tx, row).await?;
        }
        Ok(())
    }

    /// Removes a file no row refers to any more (it is pending).
    async fn remove_file(&self, key: &str) -> AppResult<()> {
        self.storage.delete(key).await?;
        let mut tx = self.begin("magazine.remove_file").await?;
        tx.pending_files().forget(key).await?;
        self.commit(tx).await
    }

    /// Writes a new article for an issue: a story in review (the editors
    /// take it further on its own page), at the end of its section.
    /// Returns the story's id.
    pub async fn new_article(
        &self,
        editor: &User,
        issue_id: &str,
        article: NewArticle,
    ) -> AppResult<String> {
        editor.require_editor()?;
        let mut e = FieldErrors::new();
        e.text(
            "new-title",
            &article.title,
            true,
            vooruit_domain::story::MAX_TITLE,
        );
        e.text(
            "new-writer",
            &article.writer,
            false,
            vooruit_domain::story::MAX_NAME,
        );
        let Some(kind) = StoryKind::parse(&article.kind) else {
            e.add("new-kind", "error-choose-kind");
            return Err(e.into());
        };
        let mut tx = self.begin("magazine.new_article").await?;
        let issue = tx
            .magazine()
            .by_id(issue_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let section = article
            .section
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|n| *n < issue.sections.len());
        if section.is_none() {
            e.add("new-section", "error-article-section");
        }
        e.into_result()?;
        let content = StoryContent {
            kind: kind.as_str().to_string(),
            title: article.title.trim().to_string(),
            ..Default::default()
        };
        let writer = article.writer.trim();
        let teller = Teller {
            name: writer.to_string(),
            show_name: !writer.is_empty(),
            ..Default::default()
        };
        // The editors write it: it skips the queue, the workflow's steps
        // all the same.
        let status = StoryStatus::Concept
            .apply(StoryAction::Submit)?
            .apply(StoryAction::StartReview)?;
        let (story_id, _) = tx
            .stories()
            .insert(NewStory {
                slug: &slugify(&content.title),
                status,
                content: &content,
                teller: &teller,
                no_client_info: true,
                lang: Lang::Nl,
                author_id: Some(&editor.id),
                status_token: None,
                published_at: None,
            })
            .await?;
        tx.magazine()
            .add_article(issue_id, &story_id, section.unwrap_or(0))
            .await?;
        self.commit(tx).await?;
        Ok(story_id)
    }

    /// Every issue (editors).
    pub async fn all(&self, editor: &User) -> AppResult<Vec<Issue>> {
        editor.require_editor()?;
        Ok(self.read().await?.magazine().all().await?)
    }

    /// One issue by id with its articles' states and the stories that can
    /// be added (editors).
    pub async fn for_editor(&self, editor: &User, id: &str) -> AppResult<EditorIssue> {
        editor.require_editor()?;
        let mut conn = self.read().await?;
        let issue = conn.magazine().by_id(id).await?.ok_or(AppError::NotFound)?;
        let articles = editor_articles(&mut conn, &issue).await?;
        let candidates = conn.magazine().candidates(id, CANDIDATES).await?;
        Ok(EditorIssue {
            issue,
            articles,
            candidates,
        })
    }

    /// The stories that can be chosen for a new issue (editors).
    pub async fn candidates(&self, editor: &User) -> AppResult<Vec<Candidate>> {
        editor.require_editor()?;
        Ok(self
            .read()
            .await?
            .magazine()
            .candidates("", CANDIDATES)
            .await?)
    }

    /// Publishes an issue and, in the same transaction, its ready
    /// articles (their tellers are told as for any story). Refused while
    /// an article is in review (`publish`), without a foreword
    /// (`foreword`) or when nothing would be in it (`publish`).
    pub async fn publish(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("magazine.publish").await?;
        let issue = tx.magazine().by_id(id).await?.ok_or(AppError::NotFound)?;
        let next = issue.status.publish()?;
        let articles = editor_articles(&mut tx, &issue).await?;
        let states: Vec<(String, ArticleState)> = articles
            .iter()
            .map(|a| (a.story_id.clone(), a.state))
            .collect();
        let ready = publish_plan(&issue.foreword, &states).map_err(|r| match r {
            PublishRefusal::InReview(_) => AppError::field("publish", "error-issue-in-review"),
            PublishRefusal::Empty => AppError::field("publish", "error-issue-empty"),
            PublishRefusal::NoForeword => AppError::field("foreword", "error-foreword-required"),
        })?;
        let rows: Vec<StoryRow> = tx.stories().by_ids(&ready).await?;
        for row in &rows {
            self.stories().publish_row(&mut tx, row).await?;
        }
        tx.magazine().set_status(id, next).await?;
        self.commit(tx).await
    }

    /// Withdraws a published issue: its page is gone; its articles stay
    /// online as stories (editors).
    pub async fn withdraw(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("magazine.withdraw").await?;
        let issue = tx.magazine().by_id(id).await?.ok_or(AppError::NotFound)?;
        let next = issue.status.withdraw()?;
        tx.magazine().set_status(id, next).await?;
        self.commit(tx).await
    }

    /// Removes an issue and its PDF for good; its stories stay (editors).
    pub async fn remove(&self, editor: &User, id: &str) -> AppResult<()> {
        editor.require_editor()?;
        let mut tx = self.begin("magazine.remove").await?;
        let issue = tx.magazine().delete(id).await?.ok_or(AppError::NotFound)?;
        self.commit(tx).await?;
        match issue.pdf {
            Some(pdf) => self.remove_file(&pdf.key).await,
            None => Ok(()),
        }
    }

    /// A published issue, for everyone.
    pub async fn published(&self, slug: &str) -> AppResult<Issue> {
        self.read()
            .await?
            .magazine()
            .by_slug(slug)
            .await?
            .filter(|i| i.status.is_published())
            .ok_or(AppError::NotFound)
    }

    /// A published issue with its table of contents (published articles
    /// only), for the page and the API.
    pub async fn view(&self, slug: &str) -> AppResult<IssueView> {
        let issue = self.published(slug).await?;
        let ids: Vec<String> = issue.articles.iter().map(|a| a.story_id.clone()).collect();
        let rows = self.read().await?.stories().by_ids(&ids).await?;
        Ok(self.view_of(issue, &rows))
    }

    fn view_of(&self, issue: Issue, rows: &[StoryRow]) -> IssueView {
        let base = &self.config.base_url;
        let sections = issue
            .sections
            .iter()
            .enumerate()
            .map(|(n, title)| SectionView {
                title: title.clone(),
                articles: issue
                    .articles
                    .iter()
                    .filter(|a| a.section == n)
                    .filter_map(|a| rows.iter().find(|r| r.id == a.story_id))
                    .filter(|r| r.status.is_public())
                    .map(|r| {
                        let s = StorySummary::from_row(r, None);
                        ArticleView {
                            url: format!("{base}/verhalen/{}", s.slug),
                            slug: s.slug,
                            title: s.title,
                            kind: s.kind,
                            summary: s.summary,
                            author_name: s.author_name,
                        }
                    })
                    .collect(),
            })
            .filter(|s| !s.articles.is_empty())
            .collect();
        IssueView {
            url: format!("{base}/magazine/{}", issue.slug),
            pdf: issue.pdf.as_ref().map(|p| PdfView {
                url: format!("{base}/magazine/{}/pdf", issue.slug),
                size: p.size,
                pages: p.pages,
            }),
            published_at: crate::dates::rfc3339(issue.published_at.unwrap_or(issue.created_at)),
            sections,
            slug: issue.slug,
            name: issue.name,
            number: issue.number,
            date: issue.date,
            theme: issue.theme,
            foreword: issue.foreword,
            colophon: issue.colophon,
        }
    }

    /// The published issue a story is in, if any (its page links back).
    pub async fn issue_of(&self, story_id: &str) -> AppResult<Option<IssueLink>> {
        let link = self
            .read()
            .await?
            .magazine()
            .published_issue_of(story_id)
            .await?;
        Ok(link.map(|l| IssueLink {
            url: format!("{}/magazine/{}", self.config.base_url, l.slug),
            slug: l.slug,
            name: l.name,
            number: i32::try_from(l.number).unwrap_or(i32::MAX),
        }))
    }

    /// The published issues, newest first, a page at a time.
    pub async fn list(&self, page: i64, per_page: i64) -> AppResult<Page<Issue>> {
        let mut conn = self.read().await?;
        let total = conn.magazine().count_published().await?;
        let items = conn
            .magazine()
            .published(per_page, (page.max(1) - 1) * per_page)
            .await?;
        Ok(Page::new(items, total, page, per_page))
    }

    /// The published issues for the API, each with its table of contents.
    pub async fn list_views(&self, page: i64, per_page: i64) -> AppResult<Page<IssueView>> {
        let page = self.list(page, per_page).await?;
        let ids: Vec<String> = page
            .items
            .iter()
            .flat_map(|i| i.articles.iter().map(|a| a.story_id.clone()))
            .collect();
        let rows = self.read().await?.stories().by_ids(&ids).await?;
        Ok(Page::new(
            page.items
                .into_iter()
                .map(|i| self.view_of(i, &rows))
                .collect(),
            page.total,
            page.page,
            page.per_page,
        ))
    }

    /// The last `n` published, newest first (the feed).
    pub async fn newest(&self, n: i64) -> AppResult<Vec<Issue>> {
        Ok(self.read().await?.magazine().published(n, 0).await?)
    }

    /// Every published issue's slug and last change, for the sitemap.
    pub async fn sitemap(&self) -> AppResult<Vec<(String, i64)>> {
        let all = self.newest(SITEMAP_MAX).await?;
        Ok(all.into_iter().map(|i| (i.slug, i.updated_at)).collect())
    }
}
