//! Learning groups: a team in an organisation, or a group across
//! organisations ("HR-professionals regio Utrecht"), that learns together
//! with its own tools. Everything in a group is for its members only.

use serde::Deserialize;

use crate::FieldErrors;
use crate::validation::is_plausible_email;

crate::string_enum!(
    /// A person's role in one group.
    pub enum GroupRole {
        /// A member: takes part and sees the group.
        Lid = "lid",
        /// A facilitator: also invites and removes people and leads the
        /// group's sessions.
        Begeleider = "begeleider",
    }
);

/// At most this many addresses in one invitation.
pub const MAX_INVITES: usize = 20;

/// What someone fills in for a group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct GroupInput {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The slug of an organisation the creator belongs to; empty for a
    /// group across organisations.
    #[serde(default)]
    pub organisation: String,
}

impl GroupInput {
    pub fn normalise(&mut self) {
        self.name = self.name.trim().to_string();
        self.description = self.description.trim().to_string();
        self.organisation = self.organisation.trim().to_string();
    }

    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("name", &self.name, true, 120);
        if self.name.chars().count() == 1 {
            e.add("name", "error-too-short");
        }
        e.text("description", &self.description, false, 1000);
        e.into_result()
    }
}

/// The addresses of an invitation: one per line (or separated by commas,
/// semicolons or spaces), lower case, each once. `Err` names the field's
/// error: none, too many, or one that is not an address.
pub fn invite_addresses(text: &str) -> Result<Vec<String>, &'static str> {
    let mut out: Vec<String> = Vec::new();
    for a in text.split([',', ';', '\n', ' ', '\t', '\r']) {
        let a = a.trim().to_lowercase();
        if a.is_empty() || out.contains(&a) {
            continue;
        }
        if !is_plausible_email(&a) {
            return Err("error-invite-address");
        }
        out.push(a);
    }
    match out.len() {
        0 => Err("error-email"),
        n if n > MAX_INVITES => Err("error-too-many-invites"),
        _ => Ok(out),
    }
}

/// A meeting of the group, as a facilitator enters it. Times are unix ms
/// (the form's local times, read in Europe/Amsterdam; 0 when missing).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct MeetingInput {
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    /// Where, in the building or town.
    #[serde(default)]
    pub place: String,
    /// Or a link to meet online.
    #[serde(default)]
    pub online_url: String,
    /// What is on the agenda (Markdown).
    #[serde(default)]
    pub agenda: String,
}

impl MeetingInput {
    /// The same rules as the public agenda's: a title, a start, an end
    /// after it, a place or an https link.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("title", &self.title, true, 160);
        if self.starts_at <= 0 {
            e.add("starts_at", "error-date");
        }
        if self.ends_at <= self.starts_at {
            e.add("ends_at", "error-end-before-start");
        }
        e.text("place", &self.place, false, 200);
        if self.place.trim().is_empty() && self.online_url.trim().is_empty() {
            e.add("place", "error-place-or-link");
        }
        if !self.online_url.trim().is_empty() && !self.online_url.trim().starts_with("https://") {
            e.add("online_url", "error-https-link");
        }
        e.text("agenda", &self.agenda, false, 5000);
        e.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_split_normalised_and_checked() {
        assert_eq!(
            invite_addresses("An@Voorbeeld.nl,\nbo@example.org  an@voorbeeld.nl"),
            Ok(vec!["an@voorbeeld.nl".to_string(), "bo@example.org".into()])
        );
        assert_eq!(invite_addresses(" \n"), Err("error-email"));
        assert_eq!(
            invite_addresses("an@voorbeeld.nl geen-adres"),
            Err("error-invite-address")
        );
        let many: Vec<String> = (0..21).map(|i| format!("p{i}@example.org")).collect();
        assert_eq!(
            invite_addresses(&many.join("\n")),
            Err("error-too-many-invites")
        );
    }

    #[test]
    fn a_meeting_needs_a_time_and_a_place() {
        let m = MeetingInput {
            title: "Terugblik voorjaar".into(),
            starts_at: 1_000,
            ends_at: 2_000,
            online_url: "https://meet.example.org/x".into(),
            ..Default::default()
        };
        assert!(m.validate().is_ok());
        let bad = MeetingInput {
            ends_at: 500,
            online_url: "http://meet.example.org/x".into(),
            ..m.clone()
        };
        let e = bad.validate().expect_err("bad");
        assert_eq!(e.get("ends_at"), Some("error-end-before-start"));
        assert_eq!(e.get("online_url"), Some("error-https-link"));
        let nowhere = MeetingInput {
            online_url: String::new(),
            ..m
        };
        assert_eq!(
            nowhere.validate().expect_err("nowhere").get("place"),
            Some("error-place-or-link")
        );
    }

    #[test]
    fn a_group_needs_a_name() {
        let mut g = GroupInput {
            name: "  Leerkring HR regio Utrecht ".into(),
            ..Default::default()
        };
        g.normalise();
        assert_eq!(g.name, "Leerkring HR regio Utrecht");
        assert!(g.validate().is_ok());
        g.name = "x".into();
        assert_eq!(
            g.validate().expect_err("short").get("name"),
            Some("error-too-short")
        );
        assert!(GroupRole::Begeleider > GroupRole::Lid);
    }
}
