//! The terugblik (retrospective) of a learning group, on the four
//! questions of collegial learning. Members write cards under each
//! question, anonymously if they choose; the cards stay hidden until the
//! facilitator reveals them; the group lays cards that belong together on
//! one stack, votes, and records actions with an owner and a due date.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::FieldErrors;
use crate::state::IllegalTransition;

crate::string_enum!(
    /// The four questions, in the order the group answers them.
    pub enum Question {
        /// Wat ging goed?
        Goed = "goed",
        /// Wat kunnen we de volgende keer beter doen?
        Beter = "beter",
        /// Wat hebben we daarvoor nodig?
        Nodig = "nodig",
        /// Hoe kunnen we elkaar daarbij beter benutten?
        Benutten = "benutten",
    }
);

crate::string_enum!(
    /// Where a terugblik is.
    pub enum RetroPhase {
        /// Members write cards; each sees only their own named cards.
        Schrijven = "schrijven",
        /// The cards are shown to all: stacking, voting, actions.
        Bespreken = "bespreken",
        /// Done: read only, actions go on.
        Afgerond = "afgerond",
    }
);

crate::string_enum!(
    /// What a terugblik looks back on.
    pub enum RetroSubject {
        Bijeenkomst = "bijeenkomst",
        Project = "project",
        Periode = "periode",
    }
);

impl RetroPhase {
    /// The facilitator shows every card.
    pub fn reveal(self) -> Result<RetroPhase, IllegalTransition> {
        match self {
            RetroPhase::Schrijven => Ok(RetroPhase::Bespreken),
            _ => Err(self.illegal("reveal")),
        }
    }

    /// The facilitator closes the terugblik.
    pub fn close(self) -> Result<RetroPhase, IllegalTransition> {
        match self {
            RetroPhase::Bespreken => Ok(RetroPhase::Afgerond),
            _ => Err(self.illegal("close")),
        }
    }

    /// Cards can be written only before the reveal: afterwards a new card
    /// would show at once, with the moment it came.
    pub fn accepts_cards(self) -> bool {
        self == RetroPhase::Schrijven
    }

    /// Stacking, votes and actions belong to the discussion.
    pub fn in_discussion(self) -> bool {
        self == RetroPhase::Bespreken
    }

    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition {
            what: "retrospective",
            from: self.as_str(),
            action,
        }
    }
}

/// At most this many cards in one terugblik (a guard against a runaway
/// script; a real session has a few dozen).
pub const MAX_CARDS: i64 = 400;
/// Votes each member may give: the facilitator chooses between these.
pub const VOTES_RANGE: std::ops::RangeInclusive<i64> = 1..=10;

/// What the facilitator fills in to open a terugblik.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RetroInput {
    pub title: String,
    pub subject: RetroSubject,
    #[serde(default = "default_votes")]
    pub votes_per_member: i64,
}

fn default_votes() -> i64 {
    3
}

impl Default for RetroInput {
    fn default() -> Self {
        RetroInput {
            title: String::new(),
            subject: RetroSubject::Bijeenkomst,
            votes_per_member: default_votes(),
        }
    }
}

impl RetroInput {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("title", &self.title, true, 160);
        if !VOTES_RANGE.contains(&self.votes_per_member) {
            e.add("votes_per_member", "error-votes-range");
        }
        e.into_result()
    }
}

/// A card as a member writes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CardInput {
    pub question: Question,
    pub text: String,
    /// Then the author is not stored with the card.
    #[serde(default)]
    pub anonymous: bool,
}

impl CardInput {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("text", &self.text, true, 500);
        e.into_result()
    }
}

/// An action the group agrees on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ActionInput {
    pub text: String,
    /// The member who sees to it.
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

impl ActionInput {
    /// `today` is `YYYY-MM-DD` in Amsterdam: a due date in the past is
    /// refused (an action is about what comes).
    pub fn validate(&self, today: &str) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("text", &self.text, true, 300);
        if self.owner.trim().is_empty() {
            e.add("owner", "error-required");
        }
        match NaiveDate::parse_from_str(self.due_on.trim(), "%Y-%m-%d") {
            Err(_) => e.add("due_on", "error-day"),
            Ok(d) if d.format("%Y-%m-%d").to_string().as_str() < today => {
                e.add("due_on", "error-date-past")
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
    fn a_terugblik_is_revealed_then_closed_never_back() {
        let p = RetroPhase::Schrijven;
        assert!(p.accepts_cards() && !p.in_discussion());
        let p = p.reveal().expect("reveal");
        assert!(!p.accepts_cards() && p.in_discussion());
        assert!(p.reveal().is_err());
        let p = p.close().expect("close");
        assert!(p.close().is_err() && p.reveal().is_err());
        assert!(RetroPhase::Schrijven.close().is_err());
    }

    #[test]
    fn inputs_say_what_is_wrong() {
        let mut r = RetroInput {
            title: " ".into(),
            votes_per_member: 0,
            ..RetroInput::default()
        };
        let e = r.validate().expect_err("refused");
        assert_eq!(e.get("title"), Some("error-required"));
        assert_eq!(e.get("votes_per_member"), Some("error-votes-range"));
        r.title = "Na de wijkavond".into();
        r.votes_per_member = 3;
        assert!(r.validate().is_ok());

        let a = ActionInput {
            text: "Draaiboek delen".into(),
            owner: "u1".into(),
            due_on: "2026-12-01".into(),
        };
        assert!(a.validate("2026-11-30").is_ok());
        assert!(a.validate("2026-12-01").is_ok());
        assert_eq!(
            a.validate("2026-12-02").expect_err("refused").get("due_on"),
            Some("error-date-past")
        );
        let bad = ActionInput {
            due_on: "1 december".into(),
            ..a
        };
        assert_eq!(
            bad.validate("2026-11-30")
                .expect_err("refused")
                .get("due_on"),
            Some("error-day")
        );
    }
}
