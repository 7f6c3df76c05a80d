//! Field-level validation results. Messages are translation keys, so the web
//! layer can show them in the reader's language next to the right field.

use serde::Serialize;

/// One problem with one field: `field` is the form/JSON name, `key` is the
/// translation key of the message that tells the user what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub key: &'static str,
}

/// All problems found in one submitted form, in the order of the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

pub type ValidationResult = Result<(), FieldErrors>;

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, key: &'static str) {
        self.0.push(FieldError {
            field: field.into(),
            key,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message key for `field`, if that field has a problem.
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.key)
    }

    /// The same errors under other field names, for a form that names its
    /// fields differently from the use case (two forms on one page).
    pub fn renamed(self, name: impl Fn(&str) -> String) -> FieldErrors {
        FieldErrors(
            self.0
                .into_iter()
                .map(|e| FieldError {
                    field: name(&e.field),
                    key: e.key,
                })
                .collect(),
        )
    }

    pub fn into_result(self) -> ValidationResult {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }

    /// Checks a required text field with a maximum length in characters.
    pub fn text(&mut self, field: &str, value: &str, required: bool, max: usize) {
        let trimmed = value.trim();
        if required && trimmed.is_empty() {
            self.add(field, "error-required");
        } else if trimmed.chars().count() > max {
            self.add(field, "error-too-long");
        }
    }
}

/// An e-mail address the mailer can send to: exactly the parse the mailer
/// does on a recipient (lettre's `Mailbox`), as a bare address, with a dot
/// in the domain. An address that passed here used to fail only in the
/// mail job, which then retried for days. Deliverability is proven by the
/// verification mail, not here.
pub fn is_plausible_email(email: &str) -> bool {
    let email = email.trim();
    if email.chars().count() > 254 || email.chars().any(char::is_whitespace) {
        return false;
    }
    match email.parse::<lettre::message::Mailbox>() {
        Ok(m) => m.name.is_none() && m.email.to_string() == email && m.email.domain().contains('.'),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_check_accepts_normal_and_refuses_broken_addresses() {
        assert!(is_plausible_email("an.de.vries@gemeente.nl"));
        assert!(!is_plausible_email("an.de.vries"));
        assert!(!is_plausible_email("an @gemeente.nl"));
        assert!(!is_plausible_email("@gemeente.nl"));
        assert!(!is_plausible_email("an@gemeente"));
        assert!(!is_plausible_email("an@@gemeente.nl"));
        // Refused by the mailer, so refused here (the plain check let them in).
        for bad in [
            "an..de@gemeente.nl",
            "an.@gemeente.nl",
            "an@-gemeente.nl",
            "an@gemeente..nl",
            "an(b)@gemeente.nl",
            "an@[10.0.0.1]",
            "Eva <eva@gemeente.nl>",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
        assert!(is_plausible_email("josé.müller@gemeente.nl"));
        assert!(is_plausible_email("an+nieuwsbrief@wijk-team.nl"));
    }

    #[test]
    fn text_check_reports_required_and_length() {
        let mut e = FieldErrors::new();
        e.text("title", "  ", true, 10);
        e.text("tips", "", false, 10);
        e.text("context", "elf tekens!", true, 10);
        assert_eq!(e.get("title"), Some("error-required"));
        assert_eq!(e.get("tips"), None);
        assert_eq!(e.get("context"), Some("error-too-long"));
    }
}
