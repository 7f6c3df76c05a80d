//! Newsletter editions: what an edition holds, the rules for a valid one and
//! the steps from concept to sent.

use serde::{Deserialize, Serialize};

use crate::taxonomy::is_theme;
use crate::validation::{FieldErrors, ValidationResult};

/// At most this many items in one edition; a longer mail is not read.
pub const MAX_ITEMS: usize = 20;

/// One item in an edition: a story, an event or any link, with a short text
/// the editor may rewrite.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionItem {
    /// `verhaal`, `agenda` or `link`.
    pub kind: String,
    pub title: String,
    /// A path on this site (`/verhalen/...`) or a full https:// link.
    pub url: String,
    #[serde(default)]
    pub text: String,
}

pub const ITEM_KINDS: &[&str] = &["verhaal", "agenda", "link"];

/// A new or changed edition as editors enter it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionInput {
    pub subject: String,
    /// Markdown, shown above the items.
    pub intro: String,
    pub items: Vec<EditionItem>,
    /// When not empty, only subscribers who chose one of these themes (or
    /// no themes at all) get the edition.
    #[serde(default)]
    pub themes: Vec<String>,
}

impl EditionInput {
    pub fn validate(&self) -> ValidationResult {
        let mut e = FieldErrors::new();
        e.text("subject", &self.subject, true, 150);
        e.text("intro", &self.intro, false, 6000);
        if !self.themes.iter().all(|t| is_theme(t)) {
            e.add("themes", "error-unknown-choice");
        }
        if self.items.len() > MAX_ITEMS {
            e.add("items", "error-too-many-items");
        }
        for (i, item) in self.items.iter().enumerate() {
            if !ITEM_KINDS.contains(&item.kind.as_str()) {
                e.add(format!("item-{i}-kind"), "error-unknown-choice");
            }
            e.text(&format!("item-{i}-title"), &item.title, true, 200);
            e.text(&format!("item-{i}-text"), &item.text, false, 1000);
            if !is_link(&item.url) {
                e.add(format!("item-{i}-url"), "error-item-link");
            }
        }
        e.into_result()
    }
}

/// A path on this site or an https link; nothing else ends up in a mail.
fn is_link(url: &str) -> bool {
    let url = url.trim();
    let local = url.starts_with('/') && !url.starts_with("//");
    (local || url.starts_with("https://")) && !url.contains(char::is_whitespace)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditionStatus {
    /// Being written; may change.
    Concept,
    /// The send has started; the text is fixed.
    Verzenden,
    /// Every subscriber has had it; it is in the archive.
    Verzonden,
}

impl EditionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EditionStatus::Concept => "concept",
            EditionStatus::Verzenden => "verzenden",
            EditionStatus::Verzonden => "verzonden",
        }
    }

    pub fn parse(s: &str) -> Option<EditionStatus> {
        [Self::Concept, Self::Verzenden, Self::Verzonden]
            .into_iter()
            .find(|st| st.as_str() == s)
    }

    /// Only a concept can be changed or sent.
    pub fn editable(self) -> bool {
        self == EditionStatus::Concept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(url: &str) -> EditionItem {
        EditionItem {
            kind: "link".into(),
            title: "Titel".into(),
            url: url.into(),
            text: String::new(),
        }
    }

    #[test]
    fn links_are_local_paths_or_https() {
        let mut input = EditionInput {
            subject: "Nieuws".into(),
            intro: String::new(),
            items: vec![item("/verhalen/a"), item("https://example.org/x")],
            themes: vec![],
        };
        assert!(input.validate().is_ok());
        for bad in [
            "javascript:alert(1)",
            "//evil.test/x",
            "http://x.nl",
            "/a b",
        ] {
            input.items = vec![item(bad)];
            let errors = input.validate().expect_err("invalid");
            assert_eq!(errors.get("item-0-url"), Some("error-item-link"), "{bad}");
        }
    }

    #[test]
    fn subject_is_required_and_items_limited() {
        let input = EditionInput {
            subject: " ".into(),
            intro: String::new(),
            items: vec![item("/a"); MAX_ITEMS + 1],
            themes: vec!["geen-thema".into()],
        };
        let errors = input.validate().expect_err("invalid");
        assert_eq!(errors.get("subject"), Some("error-required"));
        assert_eq!(errors.get("items"), Some("error-too-many-items"));
        assert_eq!(errors.get("themes"), Some("error-unknown-choice"));
    }
}
