//! Newsletter editions: what an edition holds, the rules for a valid one and
//! the steps from concept to sent.

use serde::{Deserialize, Serialize};

use crate::state::IllegalTransition;
use crate::taxonomy::{Choices, Vocabulary};
use crate::validation::{FieldErrors, ValidationResult};

/// At most this many items in one edition; a longer mail is not read.
pub const MAX_ITEMS: usize = 20;

/// One item in an edition: a story, an event, a publication or any link,
/// with a short text the editor may rewrite.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionItem {
    /// `verhaal`, `agenda`, `publicatie` or `link`.
    pub kind: String,
    pub title: String,
    /// A path on this site (`/verhalen/...`) or a full https:// link.
    pub url: String,
    #[serde(default)]
    pub text: String,
}

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
    /// Checks an edition; `choices` says which themes it may have.
    pub fn validate(&self, choices: &Choices) -> ValidationResult {
        let mut e = FieldErrors::new();
        e.text("subject", &self.subject, true, 150);
        e.text("intro", &self.intro, false, 6000);
        choices.check(&mut e, "themes", Vocabulary::Theme, &self.themes);
        if self.items.len() > MAX_ITEMS {
            e.add("items", "error-too-many-items");
        }
        for (i, item) in self.items.iter().enumerate() {
            if ItemKind::parse(&item.kind).is_none() {
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

crate::string_enum!(
    /// Where an edition is.
    pub enum EditionStatus {
        /// Being written; may change.
        Concept = "concept",
        /// The send has started; the text is fixed.
        Verzenden = "verzenden",
        /// Every subscriber has had it; it is in the archive.
        Verzonden = "verzonden",
    }
);

crate::string_enum!(
    /// Where the mail of one edition to one subscriber is.
    pub enum DeliveryStatus {
        /// Not yet handed to the mail server.
        Wacht = "wacht",
        /// Handed over; the answer is not recorded yet (after a crash it is
        /// sent again with the same Message-ID).
        Bezig = "bezig",
        Verstuurd = "verstuurd",
        /// The subscriber left during the send.
        Overgeslagen = "overgeslagen",
        /// The mail server refused the address.
        Mislukt = "mislukt",
    }
);

crate::string_enum!(
    /// What an item in an edition points to.
    pub enum ItemKind {
        Verhaal = "verhaal",
        Agenda = "agenda",
        Publicatie = "publicatie",
        Aflevering = "aflevering",
        Werkwijzer = "werkwijzer",
        Magazinenummer = "magazinenummer",
        Link = "link",
    }
);

impl DeliveryStatus {
    /// Still to do: waiting, or handed over before a crash.
    pub fn is_open(self) -> bool {
        matches!(self, DeliveryStatus::Wacht | DeliveryStatus::Bezig)
    }

    /// Handing the mail to the server (again, after a crash).
    pub fn hand_over(self) -> Result<DeliveryStatus, IllegalTransition> {
        self.leaving_open(DeliveryStatus::Bezig, "hand_over")
    }

    /// Recording what happened: sent, skipped or refused.
    pub fn finish(self, outcome: DeliveryStatus) -> Result<DeliveryStatus, IllegalTransition> {
        if outcome.is_open() {
            return Err(self.illegal("finish"));
        }
        self.leaving_open(outcome, "finish")
    }

    fn leaving_open(
        self,
        to: DeliveryStatus,
        action: &'static str,
    ) -> Result<DeliveryStatus, IllegalTransition> {
        if self.is_open() {
            Ok(to)
        } else {
            Err(self.illegal(action))
        }
    }

    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition {
            what: "delivery",
            from: self.as_str(),
            action,
        }
    }
}

impl EditionStatus {
    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition {
            what: "edition",
            from: self.as_str(),
            action,
        }
    }

    /// Starting the send fixes a concept.
    pub fn start_send(self) -> Result<EditionStatus, IllegalTransition> {
        match self {
            EditionStatus::Concept => Ok(EditionStatus::Verzenden),
            other => Err(other.illegal("start_send")),
        }
    }

    /// The last delivery done: the edition is sent.
    pub fn finish(self) -> Result<EditionStatus, IllegalTransition> {
        match self {
            EditionStatus::Verzenden => Ok(EditionStatus::Verzonden),
            other => Err(other.illegal("finish")),
        }
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
        assert!(input.validate(&crate::taxonomy::sample().for_new()).is_ok());
        for bad in [
            "javascript:alert(1)",
            "//evil.test/x",
            "http://x.nl",
            "/a b",
        ] {
            input.items = vec![item(bad)];
            let errors = input
                .validate(&crate::taxonomy::sample().for_new())
                .expect_err("invalid");
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
        let errors = input
            .validate(&crate::taxonomy::sample().for_new())
            .expect_err("invalid");
        assert_eq!(errors.get("subject"), Some("error-required"));
        assert_eq!(errors.get("items"), Some("error-too-many-items"));
        assert_eq!(errors.get("themes"), Some("error-unknown-choice"));
    }

    #[test]
    fn editions_and_deliveries_move_only_forward() {
        use DeliveryStatus as D;
        use EditionStatus as E;
        assert_eq!(E::Concept.start_send(), Ok(E::Verzenden));
        assert!(E::Verzenden.start_send().is_err());
        assert_eq!(E::Verzenden.finish(), Ok(E::Verzonden));
        assert!(E::Concept.finish().is_err());
        assert_eq!(D::Wacht.hand_over(), Ok(D::Bezig));
        assert_eq!(D::Bezig.hand_over(), Ok(D::Bezig), "again after a crash");
        assert_eq!(D::Bezig.finish(D::Verstuurd), Ok(D::Verstuurd));
        assert!(D::Verstuurd.hand_over().is_err(), "never twice");
        assert!(D::Bezig.finish(D::Wacht).is_err());
    }
}
