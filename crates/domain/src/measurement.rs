//! Measuring behaviour change (issue 17): the figures of a round's answers
//! on a 5-point scale, the change between two rounds with its uncertainty,
//! and which figures may be shown without revealing a small group.
//!
//! Honest figures: a change is only called progress (or decline) when its
//! 95% interval (Welch, for two independent groups of respondents with
//! unequal variances) does not include zero; a group with fewer answers
//! than the threshold gets no figure, and neither does the total when the
//! groups shown would let someone subtract their way to a smaller group.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};

use crate::FieldErrors;
use crate::state::IllegalTransition;

/// The lowest threshold a network may set: below it, answers of two or
/// three colleagues could be told apart.
pub const MIN_THRESHOLD: u32 = 3;
/// The threshold unless a network sets another.
pub const DEFAULT_THRESHOLD: u32 = 5;
/// The points of the scale ("hoe vaak zie je dit gedrag in je team?":
/// nooit, soms, regelmatig, vaak, altijd).
pub const SCALE: std::ops::RangeInclusive<u8> = 1..=5;

/// The figures of one behaviour in one round (one group or all).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub n: u32,
    pub mean: f64,
    /// Sample standard deviation (n - 1); 0 for a single answer.
    pub sd: f64,
    /// How many answered 1, 2, 3, 4 and 5.
    pub distribution: [u32; 5],
}

/// The figures of these answers; None when there are none. Answers
/// outside the scale are not counted.
pub fn summarise(answers: &[u8]) -> Option<Summary> {
    let mut distribution = [0u32; 5];
    for a in answers.iter().filter(|a| SCALE.contains(a)) {
        distribution[usize::from(a - 1)] += 1;
    }
    from_distribution(distribution)
}

/// The figures of answers counted per point of the scale (how the
/// results are stored); None when there are none.
pub fn from_distribution(distribution: [u32; 5]) -> Option<Summary> {
    let n: u32 = distribution.iter().sum();
    if n == 0 {
        return None;
    }
    let sum: f64 = distribution
        .iter()
        .zip(1..)
        .map(|(count, point)| f64::from(*count) * f64::from(point))
        .sum();
    let mean = sum / f64::from(n);
    let squares: f64 = distribution
        .iter()
        .zip(1..)
        .map(|(count, point)| f64::from(*count) * (f64::from(point) - mean).powi(2))
        .sum();
    let sd = if n > 1 {
        (squares / f64::from(n - 1)).sqrt()
    } else {
        0.0
    };
    Some(Summary {
        n,
        mean,
        sd,
        distribution,
    })
}

/// The change of a mean from one round to a later one, with its 95%
/// interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub difference: f64,
    pub low: f64,
    pub high: f64,
}

/// What a change may be called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The whole interval is above zero.
    Progress,
    /// The whole interval is below zero.
    Decline,
    /// The interval includes zero: no change can be claimed.
    Unclear,
}

impl Change {
    pub fn verdict(&self) -> Verdict {
        if self.low > 0.0 {
            Verdict::Progress
        } else if self.high < 0.0 {
            Verdict::Decline
        } else {
            Verdict::Unclear
        }
    }
}

/// Welch's 95% interval for `after.mean - before.mean` (two independent
/// groups of respondents, variances not assumed equal). None when either
/// round has fewer than two answers: then there is no spread to go by.
pub fn welch(before: &Summary, after: &Summary) -> Option<Change> {
    if before.n < 2 || after.n < 2 {
        return None;
    }
    let difference = after.mean - before.mean;
    let (v0, v1) = (
        before.sd.powi(2) / f64::from(before.n),
        after.sd.powi(2) / f64::from(after.n),
    );
    let se = (v0 + v1).sqrt();
    if se == 0.0 {
        // Everyone gave the same answer in both rounds.
        return Some(Change {
            difference,
            low: difference,
            high: difference,
        });
    }
    let df = (v0 + v1).powi(2)
        / (v0.powi(2) / f64::from(before.n - 1) + v1.powi(2) / f64::from(after.n - 1));
    let t = StudentsT::new(0.0, 1.0, df).ok()?.inverse_cdf(0.975);
    Some(Change {
        difference,
        low: difference - t * se,
        high: difference + t * se,
    })
}

/// Which figures may be shown: per group (in the order given) and the
/// total over all answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disclosure {
    pub groups: Vec<bool>,
    pub total: bool,
}

/// A group's figure is shown when it has at least `threshold` answers.
/// The total is shown when it has at least `threshold` answers and the
/// answers of the groups not shown add up to none or to at least the
/// threshold: otherwise the total minus the groups shown would give the
/// figure of a group too small to show. (`threshold` below the minimum
/// counts as the minimum.)
pub fn disclosure(answers_per_group: &[u32], threshold: u32) -> Disclosure {
    let threshold = threshold.max(MIN_THRESHOLD);
    let groups: Vec<bool> = answers_per_group.iter().map(|n| *n >= threshold).collect();
    let total: u32 = answers_per_group.iter().sum();
    let hidden: u32 = answers_per_group
        .iter()
        .zip(&groups)
        .filter(|(_, shown)| !**shown)
        .map(|(n, _)| *n)
        .sum();
    Disclosure {
        groups,
        total: total >= threshold && (hidden == 0 || hidden >= threshold),
    }
}

crate::string_enum!(
    /// Where a round is: being prepared, taking answers, or closed (only
    /// then are its results shown).
    pub enum RoundState {
        Concept = "concept",
        Open = "open",
        Gesloten = "gesloten",
    }
);

impl RoundState {
    /// Invitations go out and answers come in.
    pub fn open(self) -> Result<RoundState, IllegalTransition> {
        match self {
            RoundState::Concept => Ok(RoundState::Open),
            _ => Err(self.illegal("open")),
        }
    }

    /// No more answers; the results can be read.
    pub fn close(self) -> Result<RoundState, IllegalTransition> {
        match self {
            RoundState::Open => Ok(RoundState::Gesloten),
            _ => Err(self.illegal("close")),
        }
    }

    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition {
            what: "measurement round",
            from: self.as_str(),
            action,
        }
    }
}

crate::string_enum!(
    /// Which way a KPI should go.
    pub enum KpiDirection {
        Hoger = "hoger",
        Lager = "lager",
    }
);

/// A new programme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ProgrammeInput {
    pub name: String,
    pub description: String,
}

impl ProgrammeInput {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("name", &self.name, true, 160);
        e.text("description", &self.description, false, 4000);
        e.into_result()
    }
}

/// A KPI of the programme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct KpiInput {
    pub name: String,
    /// "%", "cijfer 1-10", ...
    pub unit: String,
    /// `hoger` or `lager`.
    pub direction: String,
    /// Where the figure comes from ("klanttevredenheidsonderzoek").
    pub source: String,
}

impl KpiInput {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("kpi_name", &self.name, true, 160);
        e.text("unit", &self.unit, false, 40);
        e.text("source", &self.source, false, 400);
        if KpiDirection::parse(&self.direction).is_none() {
            e.add("direction", "error-unknown-choice");
        }
        e.into_result()
    }
}

/// A desired behaviour: a short statement, tied to values and KPIs (ids).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct BehaviourInput {
    pub statement: String,
    #[serde(default)]
    pub values: Vec<String>,
    #[serde(default)]
    pub kpis: Vec<String>,
}

impl BehaviourInput {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("statement", &self.statement, true, 300);
        e.into_result()
    }
}

/// A new round.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct RoundInput {
    /// `YYYY-MM-DD`: the day invitations go out.
    pub opens_on: String,
    /// `YYYY-MM-DD`: the last day answers are taken.
    pub closes_on: String,
    /// Open questions, one per line.
    #[serde(default)]
    pub questions: String,
}

/// At most this many open questions in a round.
pub const MAX_QUESTIONS: usize = 5;

impl RoundInput {
    /// The open questions, one per non-empty line.
    pub fn question_list(&self) -> Vec<String> {
        self.questions
            .lines()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// `today` is `YYYY-MM-DD` in Amsterdam: the round must close after
    /// it opens, and not in the past.
    pub fn validate(&self, today: &str) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        let day = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let opens = day(&self.opens_on);
        if opens.is_none() {
            e.add("opens_on", "error-day");
        }
        match (opens, day(&self.closes_on)) {
            (_, None) => e.add("closes_on", "error-day"),
            (Some(o), Some(c)) if c < o => e.add("closes_on", "error-end-before-start"),
            (_, Some(c)) if day(today).is_some_and(|t| c < t) => {
                e.add("closes_on", "error-date-ahead")
            }
            _ => {}
        }
        let questions = self.question_list();
        if questions.len() > MAX_QUESTIONS {
            e.add("questions", "error-measurement-questions");
        }
        if questions.iter().any(|q| q.chars().count() > 300) {
            e.add("questions", "error-too-long");
        }
        e.into_result()
    }
}

/// One respondent's answer: a score (or none: "kan ik niet zeggen") and
/// maybe an example per behaviour, and the answers to open questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// (behaviour id, score 1..=5 or None, example).
    pub scores: Vec<(String, Option<u8>, String)>,
    pub open: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_counts_the_scale_only() {
        let s = summarise(&[1, 2, 3, 4, 5, 5, 9, 0]).expect("answers");
        assert_eq!(s.n, 6);
        assert_eq!(s.distribution, [1, 1, 1, 1, 2]);
        assert!((s.mean - 20.0 / 6.0).abs() < 1e-12);
        // Sample variance of 1,2,3,4,5,5: 2.666..
        assert!((s.sd - (8.0f64 / 3.0).sqrt()).abs() < 1e-12);
        assert_eq!(summarise(&[0, 6]), None);
        assert_eq!(summarise(&[4]).expect("one").sd, 0.0);
    }

    #[test]
    fn welch_matches_the_textbook() {
        // 1,1,2,2,3 and 3,4,4,5,5: means 1.8 and 4.2, variances 0.7.
        let before = summarise(&[1, 1, 2, 2, 3]).expect("before");
        let after = summarise(&[3, 4, 4, 5, 5]).expect("after");
        let c = welch(&before, &after).expect("change");
        assert!((c.difference - 2.4).abs() < 1e-12);
        // se = sqrt(0.7/5 + 0.7/5) = 0.52915; df = 8; t(0.975, 8) = 2.306004.
        let half = 2.306_004 * (0.28f64).sqrt();
        assert!((c.low - (2.4 - half)).abs() < 1e-5, "{c:?}");
        assert!((c.high - (2.4 + half)).abs() < 1e-5, "{c:?}");
        assert_eq!(c.verdict(), Verdict::Progress);
    }

    #[test]
    fn a_change_within_the_noise_is_not_progress() {
        let before = summarise(&[2, 3, 4, 3, 2, 4]).expect("before");
        let after = summarise(&[3, 4, 2, 4, 3, 3]).expect("after");
        let c = welch(&before, &after).expect("change");
        assert!(c.difference > 0.0);
        assert!(c.low < 0.0 && c.high > 0.0);
        assert_eq!(c.verdict(), Verdict::Unclear);
        let worse = welch(&after, &summarise(&[1, 1, 2, 1, 2, 1]).expect("x")).expect("c");
        assert_eq!(worse.verdict(), Verdict::Decline);
        assert_eq!(welch(&summarise(&[3]).expect("one"), &after), None);
    }

    #[test]
    fn small_groups_and_what_subtracting_would_reveal_stay_hidden() {
        // All groups large enough: everything shown.
        assert_eq!(
            disclosure(&[8, 6, 5], 5),
            Disclosure {
                groups: vec![true, true, true],
                total: true
            }
        );
        // One group of 2: its figure hidden, and so is the total, since
        // total minus the two shown groups would be exactly that group.
        assert_eq!(
            disclosure(&[8, 6, 2], 5),
            Disclosure {
                groups: vec![true, true, false],
                total: false
            }
        );
        // Two small groups together reach the threshold: the total may
        // show; subtracting reveals only their combined 6 answers.
        assert_eq!(
            disclosure(&[8, 3, 3], 5),
            Disclosure {
                groups: vec![true, false, false],
                total: true
            }
        );
        // Too few answers at all.
        assert!(!disclosure(&[2, 1], 5).total);
        // A threshold below the minimum counts as the minimum.
        assert_eq!(disclosure(&[2], 1).groups, vec![false]);
    }
}
