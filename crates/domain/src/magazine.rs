//! The magazine: numbered issues with a foreword, sections of articles and
//! a colophon, and optionally the PDF of the printed issue. An article is a
//! story (an interview, a column, a case...) that goes through the stories'
//! editorial workflow, so it is also among the stories; the issue only says
//! where it stands in the table of contents and whether the editors marked
//! it ready. An issue lives as a publication does: draft, published,
//! withdrawn. Publishing it publishes its ready articles, and is refused
//! while one of its articles is still in review.

use serde::{Deserialize, Serialize};

use crate::podcast::is_day;
use crate::publication::PublicationStatus;
use crate::story::StoryStatus;
use crate::validation::{FieldErrors, ValidationResult};

/// At most this many sections (the form shows a row for each).
pub const MAX_SECTIONS: usize = 12;
/// At most this many articles in one issue.
pub const MAX_ARTICLES: usize = 40;

/// An issue as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub id: String,
    pub slug: String,
    /// The magazine's name ("Trots op je vak").
    pub name: String,
    pub number: i32,
    /// The day on the cover, `YYYY-MM-DD`.
    pub date: String,
    /// What this issue is about (optional).
    pub theme: String,
    /// Markdown.
    pub foreword: String,
    /// Markdown: who made it, with what, how to reach them.
    pub colophon: String,
    /// Section titles in order.
    pub sections: Vec<String>,
    /// The articles in the order of the table of contents.
    pub articles: Vec<ArticleRef>,
    pub pdf: Option<IssuePdf>,
    pub status: PublicationStatus,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

impl Issue {
    /// "Trots op je vak, nummer 3".
    pub fn label(&self, number_word: &str) -> String {
        format!("{} {number_word} {}", self.name, self.number)
    }
}

/// Where an article stands: its story, its section (index into
/// `sections`) and whether the editors marked it ready for the issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    pub story_id: String,
    pub section: usize,
    pub ready: bool,
}

/// The printed issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssuePdf {
    pub key: String,
    pub size: i64,
    pub pages: i32,
}

crate::string_enum!(
    /// Where an article is, seen from its issue: worked out from its
    /// story's state and the editors' mark.
    pub enum ArticleState {
        /// Not yet sent to the editors (or sent back as a concept).
        Concept = "concept",
        /// Being edited, or waiting for its writer.
        InReview = "in_redactie",
        /// Edited and marked ready: published with the issue.
        Ready = "klaar",
        Published = "gepubliceerd",
        /// Rejected or taken offline: left out of the issue.
        Dropped = "vervallen",
    }
);

impl ArticleState {
    pub fn of(status: StoryStatus, ready: bool) -> ArticleState {
        match status {
            StoryStatus::Concept => ArticleState::Concept,
            StoryStatus::InRedactie if ready => ArticleState::Ready,
            StoryStatus::Ingediend | StoryStatus::InRedactie | StoryStatus::VraagAanVerteller => {
                ArticleState::InReview
            }
            StoryStatus::Gepubliceerd => ArticleState::Published,
            StoryStatus::Gearchiveerd | StoryStatus::Afgewezen => ArticleState::Dropped,
        }
    }

    /// Shown in the published issue's table of contents.
    pub fn is_public(self) -> bool {
        self == ArticleState::Published
    }
}

/// Why an issue cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishRefusal {
    /// These articles (story ids) are still in review.
    InReview(Vec<String>),
    /// No article would be in the published issue.
    Empty,
    /// The foreword is empty.
    NoForeword,
}

/// Which stories publishing the issue publishes: the ready ones. Refused
/// while one is still in review, when nothing would be in it, or without
/// a foreword. `articles` are (story id, state) in order.
pub fn publish_plan(
    foreword: &str,
    articles: &[(String, ArticleState)],
) -> Result<Vec<String>, PublishRefusal> {
    let in_review: Vec<String> = articles
        .iter()
        .filter(|(_, s)| *s == ArticleState::InReview)
        .map(|(id, _)| id.clone())
        .collect();
    if !in_review.is_empty() {
        return Err(PublishRefusal::InReview(in_review));
    }
    if foreword.trim().is_empty() {
        return Err(PublishRefusal::NoForeword);
    }
    let ready: Vec<String> = articles
        .iter()
        .filter(|(_, s)| *s == ArticleState::Ready)
        .map(|(id, _)| id.clone())
        .collect();
    if ready.is_empty() && !articles.iter().any(|(_, s)| s.is_public()) {
        return Err(PublishRefusal::Empty);
    }
    Ok(ready)
}

/// What an editor enters about an issue (the PDF comes apart).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueInput {
    pub name: String,
    pub number: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub foreword: String,
    #[serde(default)]
    pub colophon: String,
    /// Section titles in order; an empty row is no section.
    #[serde(default)]
    pub sections: Vec<String>,
    /// Article rows; a row without a story is no article.
    #[serde(default)]
    pub articles: Vec<ArticleInput>,
    /// Remove the PDF the issue has.
    #[serde(default)]
    pub no_pdf: bool,
}

/// One article row of the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleInput {
    pub story_id: String,
    /// The section's number, from 1, as typed or chosen.
    pub section: String,
    /// Its place in the table of contents (a number); rows without one
    /// keep the order of the form.
    #[serde(default)]
    pub order: String,
    #[serde(default)]
    pub ready: bool,
}

impl IssueInput {
    pub fn number(&self) -> Option<i32> {
        self.number.trim().parse().ok().filter(|n| *n >= 1)
    }

    /// The sections as they will be stored: trimmed, empty rows left out.
    /// Articles refer to sections by their row, so `section_map` says
    /// which stored section a row becomes.
    pub fn section_titles(&self) -> Vec<String> {
        self.sections
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// Row number (from 1) → index among the stored sections.
    fn section_index(&self, row: &str) -> Option<usize> {
        let row: usize = row.trim().parse().ok()?;
        let title = self.sections.get(row.checked_sub(1)?)?;
        if title.trim().is_empty() {
            return None;
        }
        Some(
            self.sections[..row - 1]
                .iter()
                .filter(|s| !s.trim().is_empty())
                .count(),
        )
    }

    /// The articles as they will be stored, in table-of-contents order:
    /// by section, then by the order typed (rows without one after those
    /// with one), then by row. Rows that do not check out are left out
    /// (`validate` refuses them first).
    pub fn article_refs(&self) -> Vec<ArticleRef> {
        let mut rows: Vec<(usize, i64, usize, ArticleRef)> = self
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.story_id.trim().is_empty())
            .filter_map(|(row, a)| {
                let section = self.section_index(&a.section)?;
                let order = a.order.trim().parse::<i64>().unwrap_or(i64::MAX);
                Some((
                    section,
                    order,
                    row,
                    ArticleRef {
                        story_id: a.story_id.trim().to_string(),
                        section,
                        ready: a.ready,
                    },
                ))
            })
            .collect();
        rows.sort_by_key(|(section, order, row, _)| (*section, *order, *row));
        rows.into_iter().map(|(_, _, _, a)| a).collect()
    }

    /// Checks the fields. Story ids are checked against the stories by the
    /// caller; here only that each row is whole and no story is twice.
    pub fn validate(&self) -> ValidationResult {
        let mut e = FieldErrors::new();
        e.text("name", &self.name, true, 120);
        if self.number.trim().is_empty() {
            e.add("number", "error-required");
        } else if self.number().is_none_or(|n| n > 99_999) {
            e.add("number", "error-issue-number");
        }
        if self.date.trim().is_empty() {
            e.add("date", "error-required");
        } else if !is_day(self.date.trim()) {
            e.add("date", "error-day");
        }
        e.text("theme", &self.theme, false, 200);
        e.text("foreword", &self.foreword, false, 20_000);
        e.text("colophon", &self.colophon, false, 5_000);
        if self.sections.len() > MAX_SECTIONS {
            e.add("sections", "error-too-many-sections");
        }
        for (i, s) in self.sections.iter().enumerate() {
            e.text(&format!("section-{i}-title"), s, false, 120);
        }
        let mut seen: Vec<&str> = Vec::new();
        let mut count = 0;
        for (i, a) in self.articles.iter().enumerate() {
            let id = a.story_id.trim();
            if id.is_empty() {
                continue;
            }
            count += 1;
            if self.section_index(&a.section).is_none() {
                e.add(format!("article-{i}-section"), "error-article-section");
            }
            if !a.order.trim().is_empty() && a.order.trim().parse::<i64>().is_err() {
                e.add(format!("article-{i}-order"), "error-article-order");
            }
            if seen.contains(&id) {
                e.add(format!("article-{i}-story"), "error-article-twice");
            }
            seen.push(id);
        }
        if count > MAX_ARTICLES {
            e.add("articles", "error-too-many-articles");
        }
        e.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> IssueInput {
        IssueInput {
            name: "Trots op ons werk".into(),
            number: "3".into(),
            date: "2026-11-01".into(),
            sections: vec!["Interviews".into(), "".into(), "Columns".into()],
            articles: vec![
                ArticleInput {
                    story_id: "c".into(),
                    section: "3".into(),
                    ..Default::default()
                },
                ArticleInput {
                    story_id: "b".into(),
                    section: "1".into(),
                    order: "2".into(),
                    ready: true,
                },
                ArticleInput {
                    story_id: "a".into(),
                    section: "1".into(),
                    order: "1".into(),
                    ..Default::default()
                },
                ArticleInput::default(),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn articles_follow_sections_then_order() {
        let i = input();
        assert!(i.validate().is_ok());
        assert_eq!(i.section_titles(), ["Interviews", "Columns"]);
        let refs = i.article_refs();
        let ids: Vec<&str> = refs.iter().map(|a| a.story_id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(refs[2].section, 1);
        assert!(refs[1].ready);
    }

    #[test]
    fn rows_must_point_at_a_section_and_a_story_once() {
        let mut i = input();
        i.articles[0].section = "2".into();
        i.articles[2].story_id = "b".into();
        i.number = "nul".into();
        let e = i.validate().expect_err("bad rows");
        assert_eq!(e.get("article-0-section"), Some("error-article-section"));
        assert_eq!(e.get("article-2-story"), Some("error-article-twice"));
        assert_eq!(e.get("number"), Some("error-issue-number"));
    }

    #[test]
    fn an_issue_waits_for_articles_in_review() {
        use ArticleState as S;
        let arts = |states: &[S]| -> Vec<(String, S)> {
            states
                .iter()
                .enumerate()
                .map(|(i, s)| (i.to_string(), *s))
                .collect()
        };
        assert_eq!(
            publish_plan("Welkom", &arts(&[S::Ready, S::InReview, S::InReview])),
            Err(PublishRefusal::InReview(vec!["1".into(), "2".into()]))
        );
        assert_eq!(
            publish_plan("Welkom", &arts(&[S::Ready, S::Published, S::Concept])),
            Ok(vec!["0".into()])
        );
        assert_eq!(
            publish_plan("Welkom", &arts(&[S::Concept, S::Dropped])),
            Err(PublishRefusal::Empty)
        );
        assert_eq!(
            publish_plan(" ", &arts(&[S::Ready])),
            Err(PublishRefusal::NoForeword)
        );
        assert_eq!(
            ArticleState::of(StoryStatus::InRedactie, true),
            ArticleState::Ready
        );
        assert_eq!(
            ArticleState::of(StoryStatus::VraagAanVerteller, true),
            ArticleState::InReview
        );
    }
}
