//! Agenda: the kinds of meetings, the rules for a valid event and where a
//! new registration lands (a place, or the waiting list).

use serde::{Deserialize, Serialize};

use crate::state::IllegalTransition;
use crate::taxonomy::{Choices, Vocabulary};
use crate::validation::{FieldErrors, ValidationResult, is_plausible_email};

crate::string_enum!(
    /// The kinds of meeting on the agenda.
    pub enum EventKind {
        Training = "training",
        Bijeenkomst = "bijeenkomst",
        Inspiratielab = "inspiratielab",
        Congres = "congres",
        Webinar = "webinar",
    }
);

crate::string_enum!(
    /// Whether an event goes ahead.
    pub enum EventStatus {
        Planned = "gepland",
        Cancelled = "geannuleerd",
    }
);

impl EventStatus {
    /// An event is cancelled once; a cancelled event stays cancelled.
    pub fn cancel(self) -> Result<EventStatus, IllegalTransition> {
        match self {
            EventStatus::Planned => Ok(EventStatus::Cancelled),
            EventStatus::Cancelled => Err(IllegalTransition {
                what: "event",
                from: self.as_str(),
                action: "cancel",
            }),
        }
    }

    /// Only a planned event can be changed or registered for.
    pub fn is_planned(self) -> bool {
        self == EventStatus::Planned
    }
}

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
    /// Checks an event; `choices` says which taxonomy values it may have.
    pub fn validate(&self, choices: &Choices) -> ValidationResult {
        let mut e = FieldErrors::new();
        if EventKind::parse(&self.kind).is_none() {
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
        choices.check_one(&mut e, "region", Vocabulary::Region, &self.region);
        if !(1..=100_000).contains(&self.capacity) {
            e.add("capacity", "error-capacity");
        }
        choices.check(&mut e, "themes", Vocabulary::Theme, &self.themes);
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

crate::string_enum!(
    /// Whether registering is possible now (computed, not stored).
    pub enum RegistrationState {
        Open = "open",
        NotYet = "nog_niet",
        Closed = "gesloten",
    }
);

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

crate::string_enum!(
    /// Where a registration stands.
    pub enum RegistrationStatus {
        /// Has a place.
        Bevestigd = "bevestigd",
        /// Waits for a place to come free.
        Wachtlijst = "wachtlijst",
        /// Cancelled by the person (or the event was cancelled).
        Afgemeld = "afgemeld",
    }
);

impl RegistrationStatus {
    fn illegal(self, action: &'static str) -> IllegalTransition {
        IllegalTransition {
            what: "registration",
            from: self.as_str(),
            action,
        }
    }

    /// The first on the waiting list gets a place that came free.
    pub fn promote(self) -> Result<RegistrationStatus, IllegalTransition> {
        match self {
            RegistrationStatus::Wachtlijst => Ok(RegistrationStatus::Bevestigd),
            other => Err(other.illegal("promote")),
        }
    }

    /// Cancelling, with a place or from the waiting list.
    pub fn cancel(self) -> Result<RegistrationStatus, IllegalTransition> {
        match self {
            RegistrationStatus::Bevestigd | RegistrationStatus::Wachtlijst => {
                Ok(RegistrationStatus::Afgemeld)
            }
            other => Err(other.illegal("cancel")),
        }
    }

    /// Only someone with a place is checked in at the door.
    pub fn can_check_in(self) -> bool {
        self == RegistrationStatus::Bevestigd
    }

    /// Still coming (or hoping to): mails about the event go to them.
    pub fn is_active(self) -> bool {
        self != RegistrationStatus::Afgemeld
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
        .validate(&crate::taxonomy::sample().for_new())
        .expect_err("invalid");
        assert_eq!(e.get("ends_at"), Some("error-end-before-start"));
        assert_eq!(e.get("capacity"), Some("error-capacity"));
        assert_eq!(e.get("online_url"), Some("error-https-link"));
    }

    #[test]
    fn registrations_and_events_move_only_as_allowed() {
        use RegistrationStatus as R;
        assert_eq!(R::Wachtlijst.promote(), Ok(R::Bevestigd));
        assert!(R::Bevestigd.promote().is_err());
        assert!(R::Afgemeld.promote().is_err());
        assert_eq!(R::Bevestigd.cancel(), Ok(R::Afgemeld));
        assert_eq!(R::Wachtlijst.cancel(), Ok(R::Afgemeld));
        assert!(R::Afgemeld.cancel().is_err());
        assert!(R::Bevestigd.can_check_in() && !R::Wachtlijst.can_check_in());
        assert_eq!(EventStatus::Planned.cancel(), Ok(EventStatus::Cancelled));
        let twice = EventStatus::Cancelled.cancel().expect_err("once");
        assert_eq!((twice.what, twice.from), ("event", "geannuleerd"));
    }
}
