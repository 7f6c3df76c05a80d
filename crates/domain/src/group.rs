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
