//! Agenda: the kinds of meetings, the rules for a valid event and where a
//! new registration lands (a place, or the waiting list).

use serde::{Deserialize, Serialize};

use crate::taxonomy::is_region;
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
}

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
        e.into_result()
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

pub fn validate_registration(name: &str, email: &str) -> ValidationResult {
    let mut e = FieldErrors::new();
    e.text("name", name, true, 120);
    if !is_plausible_email(email) {
        e.add("email", "error-email");
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
