//! Organisations (a gemeente, a zorgaanbieder, ...) and the roles people
//! have in them. Several features build on them: behaviour measurement, the
//! fund, groups, single sign-on.

use serde::Deserialize;

use crate::FieldErrors;

crate::string_enum!(
    /// What kind of organisation it is.
    pub enum OrgKind {
        Gemeente = "gemeente",
        Zorgaanbieder = "zorgaanbieder",
        Welzijnsorganisatie = "welzijnsorganisatie",
        Onderwijs = "onderwijs",
        Overheid = "overheid",
        Netwerk = "netwerk",
        Anders = "anders",
    }
);

crate::string_enum!(
    /// A person's role in one organisation (beside their site-wide role).
    pub enum OrgRole {
        /// A member: sees the organisation and its other members.
        Lid = "lid",
        /// An organisation admin: also invites and removes people.
        Beheerder = "beheerder",
    }
);

/// What an administrator fills in for an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct OrgInput {
    pub name: String,
    pub kind: String,
    /// E-mail domains (`gemeente-voorbeeld.nl`): people with a verified
    /// address there may join on their own.
    #[serde(default)]
    pub domains: Vec<String>,
}

pub const MAX_DOMAINS: usize = 10;

/// A domain as it is compared: lower case, no `@`, no spaces around.
pub fn normalise_domain(d: &str) -> String {
    d.trim().trim_start_matches('@').to_lowercase()
}

/// `gemeente-voorbeeld.nl`: letters, digits, dashes and dots, with a dot,
/// no empty labels.
pub fn is_domain(d: &str) -> bool {
    d.len() <= 253
        && d.contains('.')
        && d.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// The domain of an e-mail address, lower case.
pub fn email_domain(email: &str) -> Option<String> {
    email
        .rsplit_once('@')
        .map(|(_, d)| normalise_domain(d))
        .filter(|d| !d.is_empty())
}

impl OrgInput {
    /// Trims the name, normalises the domains and drops empty and doubled ones.
    pub fn normalise(&mut self) {
        self.name = self.name.trim().to_string();
        let mut domains: Vec<String> = self
            .domains
            .iter()
            .flat_map(|d| d.split([',', '\n', ' ', ';']))
            .map(normalise_domain)
            .filter(|d| !d.is_empty())
            .collect();
        domains.dedup();
        let mut seen = Vec::new();
        domains.retain(|d| {
            let new = !seen.contains(d);
            seen.push(d.clone());
            new
        });
        self.domains = domains;
    }

    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("name", &self.name, true, 120);
        if self.name.trim().chars().count() == 1 {
            e.add("name", "error-too-short");
        }
        if OrgKind::parse(&self.kind).is_none() {
            e.add("kind", "error-unknown-choice");
        }
        if self.domains.len() > MAX_DOMAINS {
            e.add("domains", "error-too-many-domains");
        } else if !self.domains.iter().all(|d| is_domain(d)) {
            e.add("domains", "error-domain");
        }
        e.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_roles_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::parse(k.as_str()), Some(*k));
        }
        for r in OrgRole::ALL {
            assert_eq!(OrgRole::parse(r.as_str()), Some(*r));
        }
        assert_eq!(OrgKind::parse("bank"), None);
        assert!(OrgRole::Beheerder > OrgRole::Lid);
    }

    #[test]
    fn domains_are_normalised_and_checked() {
        let mut input = OrgInput {
            name: "  Gemeente Voorbeeld ".into(),
            kind: "gemeente".into(),
            domains: vec![
                "@Voorbeeld.NL, wijkteam.voorbeeld.nl".into(),
                "voorbeeld.nl".into(),
            ],
        };
        input.normalise();
        assert_eq!(input.name, "Gemeente Voorbeeld");
        assert_eq!(input.domains, vec!["voorbeeld.nl", "wijkteam.voorbeeld.nl"]);
        assert!(input.validate().is_ok());
        input.domains = vec!["geen domein".into()];
        assert_eq!(
            input.validate().expect_err("invalid").get("domains"),
            Some("error-domain")
        );
        input.domains = vec!["-x.nl".into()];
        assert!(input.validate().is_err());
        input.domains = vec![];
        input.kind = "bank".into();
        assert_eq!(
            input.validate().expect_err("invalid").get("kind"),
            Some("error-unknown-choice")
        );
    }

    #[test]
    fn the_domain_of_an_address() {
        assert_eq!(
            email_domain("An@Voorbeeld.NL").as_deref(),
            Some("voorbeeld.nl")
        );
        assert_eq!(email_domain("geen-adres"), None);
    }
}
