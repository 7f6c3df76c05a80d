//! The dilemma session of a learning group: the facilitator describes a
//! situation from practice and two or more perspectives on it; every member
//! chooses a position and gives a reason, hidden from the others until the
//! facilitator shows all positions at once (with or without names, as set
//! beforehand); the group records what it would do and when to look back.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::FieldErrors;
use crate::state::IllegalTransition;

crate::string_enum!(
    /// Where a dilemma session is.
    pub enum DilemmaPhase {
        /// Members choose; each sees only their own position.
        Kiezen = "kiezen",
        /// All positions are shown; the group talks and decides.
        Bespreken = "bespreken",
        /// The outcome is recorded; the follow-up comes on its date.
        Besloten = "besloten",
    }
);

crate::string_enum!(
    /// How positions are shown once revealed. Chosen when the session is
    /// opened and never changed: members choose knowing it.
    pub enum DilemmaNames {
        /// With the member's name.
        MetNamen = "met-namen",
        /// Without: then the author of a position is not stored at all.
        ZonderNamen = "zonder-namen",
    }
);

impl DilemmaPhase {
    /// The facilitator shows every position.
    pub fn reveal(self) -> Result<DilemmaPhase, IllegalTransition> {
        match self {
            DilemmaPhase::Kiezen => Ok(DilemmaPhase::Bespreken),
            _ => Err(self.illegal("reveal")),
        }
    }

    /// The group records (or, later, corrects) its outcome.
    pub fn decide(self) -> Result<DilemmaPhase, IllegalTransition> {
        match self {
            DilemmaPhase::Bespreken | DilemmaPhase::Besloten => Ok(DilemmaPhase::Besloten),
            _ => Err(self.illegal("decide")),
        }
    }

    /// Positions are given only before the reveal: afterwards a new one
    /// would show at once, and with it who just gave it.
    pub fn accepts_positions(self) -> bool {
        self == DilemmaPhase::Kiezen
    }

    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition {
            what: "dilemma",
            from: self.as_str(),
            action,
        }
    }
}

/// How many perspectives a dilemma has.
pub const PERSPECTIVES: std::ops::RangeInclusive<usize> = 2..=6;

/// What the facilitator fills in to open a dilemma session.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DilemmaInput {
    pub title: String,
    /// The situation from practice, anonymised.
    pub situation: String,
    /// The perspectives, in the order shown; empty lines are left out.
    pub perspectives: Vec<String>,
    pub names: DilemmaNames,
}

impl Default for DilemmaInput {
    fn default() -> Self {
        DilemmaInput {
            title: String::new(),
            situation: String::new(),
            perspectives: vec![],
            names: DilemmaNames::ZonderNamen,
        }
    }
}

impl DilemmaInput {
    /// Trims every part and leaves out empty perspectives.
    pub fn normalise(&mut self) {
        self.title = self.title.trim().to_string();
        self.situation = self.situation.trim().to_string();
        self.perspectives = self
            .perspectives
            .iter()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
    }

    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("title", &self.title, true, 160);
        e.text("situation", &self.situation, true, 4000);
        if !PERSPECTIVES.contains(&self.perspectives.len()) {
            e.add("perspectives", "error-dilemma-perspectives");
        } else if self.perspectives.iter().any(|p| p.chars().count() > 120) {
            e.add("perspectives", "error-too-long");
        } else {
            let mut seen: Vec<String> =
                self.perspectives.iter().map(|p| p.to_lowercase()).collect();
            seen.sort();
            seen.dedup();
            if seen.len() != self.perspectives.len() {
                e.add("perspectives", "error-dilemma-perspective-twice");
            }
        }
        e.into_result()
    }
}

/// A member's position: a perspective and the reason for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct PositionInput {
    /// The perspective's id.
    pub perspective: String,
    pub reason: String,
}

impl PositionInput {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if self.perspective.trim().is_empty() {
            e.add("perspective", "error-required");
        }
        e.text("reason", &self.reason, true, 1000);
        e.into_result()
    }
}

/// What the group decided, and when to look back on it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct OutcomeInput {
    /// What we would do, and why.
    pub outcome: String,
    /// `YYYY-MM-DD`: the facilitator is asked then what the choice led to.
    pub follow_up_on: String,
}

impl OutcomeInput {
    /// `today` is `YYYY-MM-DD` in Amsterdam: the follow-up lies ahead.
    pub fn validate(&self, today: &str) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("outcome", &self.outcome, true, 4000);
        match NaiveDate::parse_from_str(self.follow_up_on.trim(), "%Y-%m-%d") {
            Err(_) => e.add("follow_up_on", "error-day"),
            Ok(d) if d.format("%Y-%m-%d").to_string().as_str() <= today => {
                e.add("follow_up_on", "error-date-ahead")
            }
            Ok(_) => {}
        }
        e.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dilemma_is_revealed_then_decided_never_back() {
        let p = DilemmaPhase::Kiezen;
        assert!(p.accepts_positions());
        assert!(p.decide().is_err());
        let p = p.reveal().expect("reveal");
        assert!(!p.accepts_positions() && p.reveal().is_err());
        let p = p.decide().expect("decide");
        assert_eq!(p.decide(), Ok(DilemmaPhase::Besloten));
        assert!(p.reveal().is_err() && !p.accepts_positions());
    }

    #[test]
    fn a_dilemma_needs_two_to_six_different_perspectives() {
        let mut d = DilemmaInput {
            title: " Huisbezoek na vijven ".into(),
            situation: "Een gezin vraagt om een bezoek buiten werktijd.".into(),
            perspectives: vec!["Menselijkheid".into(), " ".into()],
            names: DilemmaNames::ZonderNamen,
        };
        d.normalise();
        assert_eq!(d.title, "Huisbezoek na vijven");
        assert_eq!(
            d.validate().expect_err("one").get("perspectives"),
            Some("error-dilemma-perspectives")
        );
        d.perspectives.push("menselijkheid".into());
        assert_eq!(
            d.validate().expect_err("twice").get("perspectives"),
            Some("error-dilemma-perspective-twice")
        );
        d.perspectives[1] = "Wet- en regelgeving".into();
        assert!(d.validate().is_ok());
        d.perspectives = (0..7).map(|i| format!("Kant {i}")).collect();
        assert!(d.validate().is_err());
    }

    #[test]
    fn the_follow_up_lies_ahead() {
        let o = OutcomeInput {
            outcome: "We gaan, met een collega erbij.".into(),
            follow_up_on: "2027-03-01".into(),
        };
        assert!(o.validate("2027-02-28").is_ok());
        assert_eq!(
            o.validate("2027-03-01")
                .expect_err("today")
                .get("follow_up_on"),
            Some("error-date-ahead")
        );
        let bad = OutcomeInput {
            follow_up_on: "maart".into(),
            ..o
        };
        assert_eq!(
            bad.validate("2027-01-01")
                .expect_err("no date")
                .get("follow_up_on"),
            Some("error-day")
        );
    }
}
