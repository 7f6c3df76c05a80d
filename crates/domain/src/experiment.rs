//! Experiments of a learning group, "van topidee naar standaard": members
//! propose ideas and support them; an idea becomes an experiment with a
//! hypothesis, what will be measured, a period and an owner; progress
//! notes come in during the period; at the end the evaluation adopts it as
//! a standard of the group (with what it replaced) or stops it.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::FieldErrors;
use crate::state::IllegalTransition;

crate::string_enum!(
    /// Where an experiment is.
    pub enum ExperimentPhase {
        /// On the idea board, gathering support.
        Idee = "idee",
        /// Being tried, in its period.
        Loopt = "loopt",
        /// Adopted: one of the group's standards.
        Standaard = "standaard",
        /// Stopped after the evaluation.
        Gestopt = "gestopt",
    }
);

impl ExperimentPhase {
    /// The idea is tried.
    pub fn start(self) -> Result<ExperimentPhase, IllegalTransition> {
        match self {
            ExperimentPhase::Idee => Ok(ExperimentPhase::Loopt),
            _ => Err(self.illegal("start")),
        }
    }

    /// The evaluation: adopted as standard, or stopped.
    pub fn evaluate(self, adopted: bool) -> Result<ExperimentPhase, IllegalTransition> {
        match (self, adopted) {
            (ExperimentPhase::Loopt, true) => Ok(ExperimentPhase::Standaard),
            (ExperimentPhase::Loopt, false) => Ok(ExperimentPhase::Gestopt),
            _ => Err(self.illegal("evaluate")),
        }
    }

    /// Support is given to ideas only.
    pub fn accepts_support(self) -> bool {
        self == ExperimentPhase::Idee
    }

    /// Progress notes belong to the period.
    pub fn accepts_notes(self) -> bool {
        self == ExperimentPhase::Loopt
    }

    /// Evaluated: what was learned can be shared as a story.
    pub fn ended(self) -> bool {
        matches!(self, ExperimentPhase::Standaard | ExperimentPhase::Gestopt)
    }

    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition {
            what: "experiment",
            from: self.as_str(),
            action,
        }
    }
}

/// An idea as a member proposes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct IdeaInput {
    pub title: String,
    /// What the idea is, and which problem it answers.
    pub description: String,
}

impl IdeaInput {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("title", &self.title, true, 160);
        e.text("description", &self.description, true, 4000);
        e.into_result()
    }
}

/// What turns an idea into an experiment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct StartInput {
    /// "If we do X, then Y", in the group's words.
    pub hypothesis: String,
    /// What will be measured, and how.
    pub measure: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `YYYY-MM-DD`: on this day the owner is asked to evaluate.
    pub ends_on: String,
    /// The member who sees to it.
    pub owner: String,
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

impl StartInput {
    /// `today` is `YYYY-MM-DD` in Amsterdam: the period may have begun,
    /// but it must end after today.
    pub fn validate(&self, today: &str) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("hypothesis", &self.hypothesis, true, 2000);
        e.text("measure", &self.measure, true, 2000);
        if self.owner.trim().is_empty() {
            e.add("owner", "error-required");
        }
        let start = day(&self.starts_on);
        if start.is_none() {
            e.add("starts_on", "error-day");
        }
        match (start, day(&self.ends_on)) {
            (_, None) => e.add("ends_on", "error-day"),
            (Some(s), Some(end)) if end <= s => e.add("ends_on", "error-end-before-start"),
            (_, Some(end)) if end.format("%Y-%m-%d").to_string().as_str() <= today => {
                e.add("ends_on", "error-date-ahead")
            }
            _ => {}
        }
        e.into_result()
    }
}

/// The evaluation at the end of the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct EvaluationInput {
    /// Adopted as standard (true) or stopped.
    pub adopted: bool,
    /// What the measurements showed and what the group concluded.
    pub evaluation: String,
    /// For a standard: the way of working it replaces.
    #[serde(default)]
    pub replaces: String,
}

impl EvaluationInput {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("evaluation", &self.evaluation, true, 4000);
        e.text("replaces", &self.replaces, false, 300);
        e.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_idea_is_tried_then_adopted_or_stopped() {
        let p = ExperimentPhase::Idee;
        assert!(p.accepts_support() && !p.accepts_notes() && !p.ended());
        assert!(p.evaluate(true).is_err());
        let p = p.start().expect("start");
        assert!(p.accepts_notes() && !p.accepts_support() && p.start().is_err());
        assert_eq!(p.evaluate(true), Ok(ExperimentPhase::Standaard));
        let stopped = p.evaluate(false).expect("stop");
        assert_eq!(stopped, ExperimentPhase::Gestopt);
        assert!(stopped.ended() && stopped.evaluate(true).is_err() && stopped.start().is_err());
    }

    #[test]
    fn a_period_ends_after_it_starts_and_after_today() {
        let s = StartInput {
            hypothesis: "Als we 's ochtends kort afstemmen, lopen minder zaken vast.".into(),
            measure: "Het aantal zaken dat langer dan twee weken stilligt.".into(),
            starts_on: "2027-01-04".into(),
            ends_on: "2027-03-01".into(),
            owner: "u1".into(),
        };
        assert!(s.validate("2027-01-10").is_ok(), "begun already is fine");
        assert_eq!(
            s.validate("2027-03-01").expect_err("ended").get("ends_on"),
            Some("error-date-ahead")
        );
        let backwards = StartInput {
            ends_on: "2027-01-01".into(),
            ..s.clone()
        };
        assert_eq!(
            backwards
                .validate("2026-12-01")
                .expect_err("backwards")
                .get("ends_on"),
            Some("error-end-before-start")
        );
        let blank = StartInput::default();
        let e = blank.validate("2026-12-01").expect_err("blank");
        for f in ["hypothesis", "measure", "owner", "starts_on", "ends_on"] {
            assert!(e.get(f).is_some(), "{f}");
        }
    }
}
