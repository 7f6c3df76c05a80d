//! Open data: every published story as one flat record, for the CSV and
//! JSON downloads and the DCAT-AP catalogue (web `pages/open_data.rs`).
//! Built from the published row the public page is built from, through
//! the same teller rules (`public_name`, `public_organisation`), so no
//! field a visitor cannot see gets in: never a contact address, never a
//! hidden name or organisation, never an unpublished story.

use serde::Serialize;

use super::{Stories, StorySummary, parts};
use crate::AppResult;

/// One published story, as the open-data files carry it. Texts are
/// Markdown, as written.
#[derive(Debug, Clone, Serialize)]
pub struct OpenStory {
    pub url: String,
    pub slug: String,
    pub title: String,
    pub kind: &'static str,
    pub summary: String,
    pub themes: Vec<String>,
    pub sectors: Vec<String>,
    pub region: String,
    /// YYYY-MM-DD.
    pub published: String,
    pub author_name: Option<String>,
    pub organisation: Option<String>,
    pub context: String,
    pub aim: String,
    pub approach: String,
    pub what_differed: String,
    pub lessons: Vec<String>,
    pub tips: String,
    pub do_differently: String,
}

/// The column names of the CSV file, in order (the JSON keys too).
pub const OPEN_STORY_FIELDS: [&str; 18] = [
    "url",
    "slug",
    "title",
    "kind",
    "summary",
    "themes",
    "sectors",
    "region",
    "published",
    "author_name",
    "organisation",
    "context",
    "aim",
    "approach",
    "what_differed",
    "lessons",
    "tips",
    "do_differently",
];

impl Stories<'_> {
    /// Published stories in id order after `after_id` (a batch at a time,
    /// so a download of any size streams), with the id of the last one.
    pub async fn open_data_after(
        &self,
        after_id: &str,
        limit: i64,
    ) -> AppResult<(Vec<OpenStory>, Option<String>)> {
        let rows = self
            .read()
            .await?
            .story_pages()
            .published_after(after_id, limit)
            .await?;
        let last = rows.last().map(|r| r.story.id.clone());
        let out = rows
            .iter()
            .map(|page| {
                let row = &page.story;
                let summary = StorySummary::from_row(row, None);
                let content = row.content();
                let part = |key: &str| {
                    parts(&content)
                        .into_iter()
                        .find(|(k, _)| *k == key)
                        .map(|(_, md)| md.trim().to_string())
                        .unwrap_or_default()
                };
                OpenStory {
                    url: self.config.url(&format!("/verhalen/{}", summary.slug)),
                    slug: summary.slug.clone(),
                    title: summary.title.clone(),
                    kind: summary.kind.as_str(),
                    summary: summary.summary.clone(),
                    themes: summary.themes.clone(),
                    sectors: summary.sectors.clone(),
                    region: summary.region.clone(),
                    published: crate::dates::iso_date(summary.published_at),
                    author_name: summary.author_name.clone(),
                    organisation: summary.organisation.clone(),
                    context: part("context"),
                    aim: part("aim"),
                    approach: part("approach"),
                    what_differed: part("what_differed"),
                    lessons: content.lessons.clone(),
                    tips: part("tips"),
                    do_differently: part("do_differently"),
                }
            })
            .collect();
        Ok((out, last))
    }

    /// When the newest story was published (None: none yet), for the
    /// catalogue's "modified".
    pub async fn last_published_at(&self) -> AppResult<Option<i64>> {
        Ok(self.read().await?.stories().last_published_at().await?)
    }
}
