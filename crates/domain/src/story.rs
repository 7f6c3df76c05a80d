//! Stories: their kinds, their workflow and the rules for a valid submission.

use serde::{Deserialize, Serialize};

use crate::state::IllegalTransition;
use crate::taxonomy::{Choices, Taxonomy, Vocabulary};
use crate::validation::{FieldErrors, ValidationResult, is_plausible_email};

crate::string_enum!(
    /// The kinds of story a learning network publishes.
    pub enum StoryKind {
        FalendVooruit = "falend-vooruit",
        Koploper = "koploper",
        Interview = "interview",
        Case = "case",
        Column = "column",
    }
);

crate::string_enum!(
    /// Where a story is in its life. Stored as the `as_str` value.
    pub enum StoryStatus {
        Concept = "concept",
        Ingediend = "ingediend",
        InRedactie = "in_redactie",
        VraagAanVerteller = "vraag_aan_verteller",
        Gepubliceerd = "gepubliceerd",
        Gearchiveerd = "gearchiveerd",
        Afgewezen = "afgewezen",
    }
);

crate::string_enum!(
    /// Who wrote a message about a story.
    pub enum MessageAuthor {
        Teller = "verteller",
        Editors = "redactie",
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryAction {
    Submit,
    StartReview,
    AskTeller,
    TellerAnswers,
    Publish,
    Archive,
    Reject,
}

impl StoryAction {
    pub fn name(self) -> &'static str {
        match self {
            StoryAction::Submit => "submit",
            StoryAction::StartReview => "start_review",
            StoryAction::AskTeller => "ask_teller",
            StoryAction::TellerAnswers => "teller_answers",
            StoryAction::Publish => "publish",
            StoryAction::Archive => "archive",
            StoryAction::Reject => "reject",
        }
    }
}

impl StoryStatus {
    /// The one place that decides which moves a story can make:
    /// concept → ingediend → in redactie ⇄ vraag aan verteller → gepubliceerd
    /// → gearchiveerd, and afgewezen from any state before publication.
    pub fn apply(self, action: StoryAction) -> Result<StoryStatus, IllegalTransition> {
        use StoryAction as A;
        use StoryStatus as S;
        let next = match (self, action) {
            (S::Concept, A::Submit) => S::Ingediend,
            (S::Ingediend, A::StartReview) => S::InRedactie,
            (S::Ingediend | S::InRedactie, A::AskTeller) => S::VraagAanVerteller,
            (S::VraagAanVerteller, A::TellerAnswers) => S::InRedactie,
            (S::InRedactie, A::Publish) => S::Gepubliceerd,
            // An archived story can be put back online by an editor.
            (S::Gearchiveerd, A::Publish) => S::Gepubliceerd,
            (S::Gepubliceerd, A::Archive) => S::Gearchiveerd,
            (S::Ingediend | S::InRedactie | S::VraagAanVerteller, A::Reject) => S::Afgewezen,
            (from, action) => {
                return Err(IllegalTransition {
                    what: "story",
                    from: from.as_str(),
                    action: action.name(),
                });
            }
        };
        Ok(next)
    }

    /// The states of the editors' queue.
    pub fn in_editor_queue_all() -> Vec<StoryStatus> {
        StoryStatus::ALL
            .iter()
            .copied()
            .filter(|s| s.in_editor_queue())
            .collect()
    }

    /// Stories an editor still has to handle.
    pub fn in_editor_queue(self) -> bool {
        matches!(
            self,
            StoryStatus::Ingediend | StoryStatus::InRedactie | StoryStatus::VraagAanVerteller
        )
    }

    /// The teller can still write to the editors: while the story is being
    /// handled, and once it is online (to ask for a change or to withdraw it).
    pub fn teller_can_write(self) -> bool {
        self.in_editor_queue() || self == StoryStatus::Gepubliceerd
    }

    /// The teller (or the member who wrote it) may still change the text.
    pub fn editable_by_teller(self) -> bool {
        matches!(
            self,
            StoryStatus::Concept | StoryStatus::Ingediend | StoryStatus::VraagAanVerteller
        )
    }

    pub fn is_public(self) -> bool {
        self == StoryStatus::Gepubliceerd
    }
}

/// Limits on the length of each part, in characters.
pub const MAX_TITLE: usize = 160;
pub const MAX_SECTION: usize = 8_000;
pub const MAX_LESSON: usize = 600;
pub const MAX_LESSONS: usize = 10;
pub const MAX_NAME: usize = 120;

/// The text of a story: what the teller writes and the editors refine.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StoryContent {
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub context: String,
    pub aim: String,
    pub approach: String,
    pub what_differed: String,
    pub lessons: Vec<String>,
    pub tips: String,
    pub do_differently: String,
    pub themes: Vec<String>,
    pub sectors: Vec<String>,
    pub region: String,
}

impl StoryContent {
    /// Removes empty lessons and surrounding spaces, so what is stored is
    /// what is shown.
    pub fn normalise(&mut self) {
        for s in [
            &mut self.kind,
            &mut self.title,
            &mut self.summary,
            &mut self.context,
            &mut self.aim,
            &mut self.approach,
            &mut self.what_differed,
            &mut self.tips,
            &mut self.do_differently,
            &mut self.region,
        ] {
            *s = s.trim().to_string();
        }
        self.lessons = self
            .lessons
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        self.themes.sort();
        self.themes.dedup();
        self.sectors.sort();
        self.sectors.dedup();
    }

    /// Its taxonomy values, which stay allowed when they are retired.
    pub fn tagged(&self) -> Vec<(Vocabulary, &str)> {
        let themes = self.themes.iter().map(|t| (Vocabulary::Theme, t.as_str()));
        let sectors = self
            .sectors
            .iter()
            .map(|t| (Vocabulary::Sector, t.as_str()));
        themes
            .chain(sectors)
            .chain(std::iter::once((Vocabulary::Region, self.region.as_str())))
            .collect()
    }

    /// Checks the content; `choices` says which taxonomy values it may have.
    pub fn validate_into(&self, e: &mut FieldErrors, choices: &Choices) {
        if StoryKind::parse(&self.kind).is_none() {
            e.add("kind", "error-choose-kind");
        }
        e.text("title", &self.title, true, MAX_TITLE);
        e.text("summary", &self.summary, false, 600);
        e.text("context", &self.context, true, MAX_SECTION);
        e.text("aim", &self.aim, false, MAX_SECTION);
        e.text("approach", &self.approach, false, MAX_SECTION);
        e.text("what_differed", &self.what_differed, false, MAX_SECTION);
        e.text("tips", &self.tips, false, MAX_SECTION);
        e.text("do_differently", &self.do_differently, false, MAX_SECTION);
        if self.lessons.is_empty() {
            e.add("lessons", "error-one-lesson");
        } else if self.lessons.len() > MAX_LESSONS
            || self.lessons.iter().any(|l| l.chars().count() > MAX_LESSON)
        {
            e.add("lessons", "error-too-long");
        }
        if self.themes.is_empty() {
            e.add("themes", "error-choose-theme");
        } else {
            choices.check(e, "themes", Vocabulary::Theme, &self.themes);
        }
        choices.check(e, "sectors", Vocabulary::Sector, &self.sectors);
        choices.check_one(e, "region", Vocabulary::Region, &self.region);
    }
}

/// Who tells the story and what of that may be shown. Only the editors ever
/// see the contact address; name and organisation are public only when the
/// teller ticked the box for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Teller {
    pub name: String,
    pub organisation: String,
    pub show_name: bool,
    pub show_organisation: bool,
    pub contact_email: String,
}

impl Teller {
    pub fn public_name(&self) -> Option<&str> {
        (self.show_name && !self.name.is_empty()).then_some(self.name.as_str())
    }

    pub fn public_organisation(&self) -> Option<&str> {
        (self.show_organisation && !self.organisation.is_empty())
            .then_some(self.organisation.as_str())
    }
}

/// A story as shared through the form or the API, before it is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Submission {
    pub content: StoryContent,
    pub teller: Teller,
    /// The teller confirmed there is nothing in the text that identifies a client.
    pub no_client_info: bool,
    /// The teller agreed that the editors may edit and publish the story.
    pub consent: bool,
}

impl Submission {
    pub fn normalise(&mut self) {
        self.content.normalise();
        self.teller.name = self.teller.name.trim().to_string();
        self.teller.organisation = self.teller.organisation.trim().to_string();
        self.teller.contact_email = self.teller.contact_email.trim().to_string();
    }

    /// Checks a new story: its taxonomy values must all be offered.
    pub fn validate(&self, taxonomy: &Taxonomy) -> ValidationResult {
        let mut e = FieldErrors::new();
        self.content.validate_into(&mut e, &taxonomy.for_new());
        e.text("name", &self.teller.name, self.teller.show_name, MAX_NAME);
        e.text(
            "organisation",
            &self.teller.organisation,
            self.teller.show_organisation,
            MAX_NAME,
        );
        if !is_plausible_email(&self.teller.contact_email) {
            e.add("contact_email", "error-email");
        }
        if !self.no_client_info {
            e.add("no_client_info", "error-confirm-no-client-info");
        }
        if !self.consent {
            e.add("consent", "error-consent");
        }
        e.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> Submission {
        Submission {
            content: StoryContent {
                kind: "falend-vooruit".into(),
                title: "Een app die niemand gebruikte".into(),
                context: "We wilden de planning makkelijker maken.".into(),
                lessons: vec!["Vraag het de mensen zelf".into(), "  ".into()],
                themes: vec!["werkdruk".into()],
                ..Default::default()
            },
            teller: Teller {
                contact_email: "teller@example.nl".into(),
                ..Default::default()
            },
            no_client_info: true,
            consent: true,
        }
    }

    #[test]
    fn workflow_allows_the_documented_path() {
        use StoryAction as A;
        let mut s = StoryStatus::Concept;
        for a in [
            A::Submit,
            A::StartReview,
            A::AskTeller,
            A::TellerAnswers,
            A::Publish,
            A::Archive,
            A::Publish,
        ] {
            s = s.apply(a).expect("legal move");
        }
        assert_eq!(s, StoryStatus::Gepubliceerd);
    }

    #[test]
    fn workflow_refuses_illegal_moves() {
        use StoryAction as A;
        use StoryStatus as S;
        assert!(S::Concept.apply(A::Publish).is_err());
        assert!(S::Ingediend.apply(A::Publish).is_err());
        assert!(S::Gepubliceerd.apply(A::Reject).is_err());
        assert!(S::Afgewezen.apply(A::Publish).is_err());
        assert!(S::Afgewezen.apply(A::StartReview).is_err());
        assert!(S::VraagAanVerteller.apply(A::Publish).is_err());
        assert!(S::InRedactie.apply(A::TellerAnswers).is_err());
        assert_eq!(S::Ingediend.apply(A::Reject).expect("reject"), S::Afgewezen);
    }

    #[test]
    fn status_and_kind_round_trip() {
        for s in StoryStatus::ALL {
            assert_eq!(StoryStatus::parse(s.as_str()), Some(*s));
        }
        for k in StoryKind::ALL {
            assert_eq!(StoryKind::parse(k.as_str()), Some(*k));
        }
    }

    #[test]
    fn submission_validation_finds_each_missing_part() {
        let mut s = valid();
        s.normalise();
        assert_eq!(s.content.lessons.len(), 1);
        assert!(s.validate(&crate::taxonomy::sample()).is_ok());

        let empty = Submission::default();
        let e = empty
            .validate(&crate::taxonomy::sample())
            .expect_err("empty is invalid");
        for field in [
            "kind",
            "title",
            "context",
            "lessons",
            "themes",
            "contact_email",
            "no_client_info",
            "consent",
        ] {
            assert!(e.get(field).is_some(), "{field} should be reported");
        }
    }

    #[test]
    fn showing_a_name_requires_a_name() {
        let mut s = valid();
        s.teller.show_name = true;
        assert_eq!(
            s.validate(&crate::taxonomy::sample())
                .expect_err("name needed")
                .get("name"),
            Some("error-required")
        );
    }

    #[test]
    fn hidden_identity_is_not_public() {
        let t = Teller {
            name: "Fatima".into(),
            organisation: "Zorggroep".into(),
            show_name: false,
            show_organisation: true,
            contact_email: "f@example.nl".into(),
        };
        assert_eq!(t.public_name(), None);
        assert_eq!(t.public_organisation(), Some("Zorggroep"));
    }
}
