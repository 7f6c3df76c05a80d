//! Publications: reports and other PDFs a network puts out, with what a
//! reader needs to decide to open one (publisher, year, summary, pages).
//! A publication is a draft until an editor publishes it; a published one
//! can be withdrawn (its page and file are gone) and published again.

use serde::{Deserialize, Serialize};

use crate::state::IllegalTransition;
use crate::taxonomy::{Choices, Vocabulary};
use crate::validation::{FieldErrors, ValidationResult};

crate::string_enum!(
    /// Where a publication is in its life.
    pub enum PublicationStatus {
        Draft = "concept",
        Published = "gepubliceerd",
        Withdrawn = "ingetrokken",
    }
);

impl PublicationStatus {
    /// A draft or a withdrawn publication can be published.
    pub fn publish(self) -> Result<PublicationStatus, IllegalTransition> {
        match self {
            PublicationStatus::Draft | PublicationStatus::Withdrawn => {
                Ok(PublicationStatus::Published)
            }
            PublicationStatus::Published => Err(self.illegal("publish")),
        }
    }

    /// Only a published publication can be withdrawn.
    pub fn withdraw(self) -> Result<PublicationStatus, IllegalTransition> {
        match self {
            PublicationStatus::Published => Ok(PublicationStatus::Withdrawn),
            _ => Err(self.illegal("withdraw")),
        }
    }

    pub fn is_published(self) -> bool {
        self == PublicationStatus::Published
    }

    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition {
            what: "publication",
            from: self.as_str(),
            action,
        }
    }
}

/// A publication as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Publication {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub publisher: String,
    pub year: i32,
    pub summary: String,
    pub themes: Vec<String>,
    pub sectors: Vec<String>,
    pub status: PublicationStatus,
    /// The PDF: where storage keeps it, its size and page count, and the
    /// name it is downloaded as (made from the title, never the upload's).
    pub file_key: String,
    pub file_size: i64,
    pub page_count: i32,
    /// The cover: a picture the editor uploaded or the first page drawn;
    /// None shows a generic cover.
    pub cover: Option<Cover>,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

/// The web version of a cover, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cover {
    pub key: String,
    pub width: i32,
    pub height: i32,
    /// What the picture shows, for who cannot see it; empty for a drawing
    /// of the first page (the title next to it says it all).
    pub alt: String,
    /// An editor's picture (its alt text is required), not a drawing.
    pub uploaded: bool,
}

impl Publication {
    /// The name the file is saved as: the slug, which is plain ASCII.
    pub fn download_name(&self) -> String {
        format!("{}.pdf", self.slug)
    }
}

/// What an editor enters about a publication (the file comes separately).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationInput {
    pub title: String,
    pub publisher: String,
    /// As typed; checked to be a year.
    pub year: String,
    pub summary: String,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub sectors: Vec<String>,
    /// The text alternative of an uploaded cover picture (required with one).
    #[serde(default)]
    pub cover_alt: String,
}

/// The first year a publication can be from, and how far ahead of this
/// year one can be dated (a report announced for next year).
const FIRST_YEAR: i32 = 1900;
const YEARS_AHEAD: i32 = 1;

impl PublicationInput {
    /// Checks the fields; `this_year` bounds the year.
    pub fn validate(&self, choices: &Choices, this_year: i32) -> ValidationResult {
        let mut e = FieldErrors::new();
        e.text("title", &self.title, true, 200);
        e.text("publisher", &self.publisher, true, 200);
        match self.year() {
            Some(y) if (FIRST_YEAR..=this_year + YEARS_AHEAD).contains(&y) => {}
            _ => e.add("year", "error-year"),
        }
        e.text("summary", &self.summary, true, 3000);
        choices.check(&mut e, "themes", Vocabulary::Theme, &self.themes);
        choices.check(&mut e, "sectors", Vocabulary::Sector, &self.sectors);
        e.text("cover_alt", &self.cover_alt, false, 300);
        e.into_result()
    }

    pub fn year(&self) -> Option<i32> {
        self.year.trim().parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publication_is_published_withdrawn_and_published_again() {
        let s = PublicationStatus::Draft.publish().expect("draft");
        assert_eq!(s, PublicationStatus::Published);
        assert!(s.publish().is_err());
        let s = s.withdraw().expect("published");
        assert_eq!(s, PublicationStatus::Withdrawn);
        assert!(s.withdraw().is_err());
        assert!(PublicationStatus::Draft.withdraw().is_err());
        assert_eq!(
            s.publish().expect("withdrawn"),
            PublicationStatus::Published
        );
    }

    #[test]
    fn the_year_must_be_a_year_and_not_far_ahead() {
        let taxonomy = crate::taxonomy::Taxonomy::new(Vec::new());
        let choices = taxonomy.for_new();
        let input = |year: &str| PublicationInput {
            title: "Rapport".into(),
            publisher: "Netwerk".into(),
            year: year.into(),
            summary: "Wat we leerden.".into(),
            ..Default::default()
        };
        assert!(input("2026").validate(&choices, 2026).is_ok());
        assert!(input("2027").validate(&choices, 2026).is_ok());
        for bad in ["2028", "1899", "twintig", ""] {
            let errors = input(bad).validate(&choices, 2026).expect_err("bad year");
            assert_eq!(errors.get("year"), Some("error-year"), "{bad}");
        }
    }
}
