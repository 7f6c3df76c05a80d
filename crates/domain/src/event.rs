//! Agenda: the kinds of meetings, the rules for a valid event and where a
//! new registration lands (a place, or the waiting list).

use serde::{Deserialize, Serialize};

use crate::taxonomy::{is_region, is_theme};
use crate::validation::{FieldErrors, ValidationResult, is_plausible_email};

pub const EVENT_KINDS: &[&str] = &[
    "training",
    "bijeenkomst",
    "inspiratielab",
    "congres",
    "webinar",
];

/// A new or changed event as editors enter it. Times are unix ms (UTC).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventInput {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub location: String,
    pub online_url: String,
    pub region: String,
    pub organiser: String,
    pub capacity: i64,
    #[serde(default)]
    pub themes: Vec<String>,
    /// Questions every registrant answers (dietary needs, organisation...).
    #[serde(default)]
    pub questions: Vec<String>,
    /// Registration opens and closes at these times; without them it is
    /// open until the event ends.
    #[serde(default)]
    pub registration_opens_at: Option<i64>,
    #[serde(default)]
    pub registration_closes_at: Option<i64>,
    /// The report (verslag) written afterwards, Markdown.
    #[serde(default)]
    pub report: String,
}

/// At most this many questions for registrants.
pub const MAX_QUESTIONS: usize = 5;

impl EventInput {
    pub fn validate(&self) -> ValidationResult {
        let mut e = FieldErrors::new();
        if !EVENT_KINDS.contains(&self.kind.as_str()) {
            e.add("kind", "error-unknown-choice");
        }
        e.text("title", &self.title, true, 160);
        e.text("description", &self.description, false, 8000);
        if self.starts_at <= 0 {
            e.add("starts_at", "error-date");
        }
        if self.ends_at <= self.starts_at {
            e.add("ends_at", "error-end-before-start");
        }
        if self.location.trim().is_empty() && self.online_url.trim().is_empty() {
            e.add("location", "error-place-or-link");
        }
        if !self.online_url.trim().is_empty() && !self.online_url.trim().starts_with("https://") {
            e.add("online_url", "error-https-link");
        }
        if !self.region.is_empty() && !is_region(&self.region) {
            e.add("region", "error-unknown-choice");
        }
        if !(1..=100_000).contains(&self.capacity) {
            e.add("capacity", "error-capacity");
        }
        if !self.themes.iter().all(|t| is_theme(t)) {
            e.add("themes", "error-unknown-choice");
        }
        if self.questions.len() > MAX_QUESTIONS {
            e.add("questions", "error-too-many-questions");
        }
        for (i, q) in self.questions.iter().enumerate() {
            e.text(&format!("question-{i}"), q, true, 200);
        }
        if let (Some(opens), Some(closes)) =
            (self.registration_opens_at, self.registration_closes_at)
            && closes <= opens
        {
            e.add("registration_closes_at", "error-end-before-start");
        }
        e.text("report", &self.report, false, 20_000);
        e.into_result()
    }
}

/// Whether registering is possible at `now`: not before the window opens,
/// not after it closes, never after the event ended or when cancelled.
pub fn registration_state(
    now: i64,
    opens_at: Option<i64>,
    closes_at: Option<i64>,
    ends_at: i64,
    cancelled: bool,
) -> RegistrationState {
    if cancelled || now > ends_at || closes_at.is_some_and(|c| now >= c) {
        RegistrationState::Closed
    } else if opens_at.is_some_and(|o| now < o) {
        RegistrationState::NotYet
    } else {
        RegistrationState::Open
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationState {
    Open,
    NotYet,
    Closed,
}

impl RegistrationState {
    /// The message for someone who tries anyway.
    pub fn refusal(self) -> Option<&'static str> {
        match self {
            RegistrationState::Open => None,
            RegistrationState::NotYet => Some("error-registration-not-yet"),
            RegistrationState::Closed => Some("error-event-closed"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    Bevestigd,
    Wachtlijst,
    Afgemeld,
}

impl RegistrationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationStatus::Bevestigd => "bevestigd",
            RegistrationStatus::Wachtlijst => "wachtlijst",
            RegistrationStatus::Afgemeld => "afgemeld",
        }
    }

    pub fn parse(s: &str) -> Option<RegistrationStatus> {
        [Self::Bevestigd, Self::Wachtlijst, Self::Afgemeld]
            .into_iter()
            .find(|r| r.as_str() == s)
    }

    /// Where a new registration lands, given the places already taken.
    pub fn for_new(confirmed: i64, capacity: i64) -> RegistrationStatus {
        if confirmed < capacity {
            RegistrationStatus::Bevestigd
        } else {
            RegistrationStatus::Wachtlijst
        }
    }
}

/// A registration: a name, an address, and an answer to every question of
/// the event (`answers` has one entry per question).
pub fn validate_registration(name: &str, email: &str, answers: &[String]) -> ValidationResult {
    let mut e = FieldErrors::new();
    e.text("name", name, true, 120);
    if !is_plausible_email(email) {
        e.add("email", "error-email");
    }
    for (i, a) in answers.iter().enumerate() {
        e.text(&format!("answer-{i}"), a, true, 500);
    }
    e.into_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_then_waiting_list() {
        assert_eq!(
            RegistrationStatus::for_new(0, 2),
            RegistrationStatus::Bevestigd
        );
        assert_eq!(
            RegistrationStatus::for_new(1, 2),
            RegistrationStatus::Bevestigd
        );
        assert_eq!(
            RegistrationStatus::for_new(2, 2),
            RegistrationStatus::Wachtlijst
        );
    }

    #[test]
    fn registration_window() {
        use RegistrationState::*;
        assert_eq!(registration_state(5, None, None, 10, false), Open);
        assert_eq!(registration_state(5, Some(6), None, 10, false), NotYet);
        assert_eq!(registration_state(7, Some(6), Some(8), 10, false), Open);
        assert_eq!(registration_state(8, Some(6), Some(8), 10, false), Closed);
        assert_eq!(registration_state(11, None, None, 10, false), Closed);
        assert_eq!(registration_state(5, None, None, 10, true), Closed);
    }

    #[test]
    fn event_needs_a_place_an_order_and_a_capacity() {
        let e = EventInput {
            kind: "webinar".into(),
            title: "Leren van falen".into(),
            starts_at: 2000,
            ends_at: 1000,
            capacity: 0,
            online_url: "http://niet-veilig".into(),
            ..Default::default()
        }
        .validate()
        .expect_err("invalid");
        assert_eq!(e.get("ends_at"), Some("error-end-before-start"));
        assert_eq!(e.get("capacity"), Some("error-capacity"));
        assert_eq!(e.get("online_url"), Some("error-https-link"));
    }
}
