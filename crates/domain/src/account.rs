//! Roles and account rules.

crate::string_enum!(
    /// What a signed-in person may do. Visitors have no account and no role.
    pub enum Role {
        Member = "lid",
        Editor = "redacteur",
        Admin = "beheerder",
    }
);

impl Role {
    /// Editors and administrators run the redactie.
    pub fn can_edit_stories(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }

    /// A role as an operator types it on the command line: the stored
    /// Dutch word, or the English one.
    pub fn from_input(s: &str) -> Option<Role> {
        Role::parse(s).or(match s {
            "member" => Some(Role::Member),
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        })
    }
}

crate::string_enum!(
    /// What a one-time account link is for.
    pub enum TokenPurpose {
        /// Confirming the e-mail address of a new account.
        Verify = "bevestigen",
        /// Setting a new password.
        Reset = "herstellen",
    }
);

/// Minimum password length: long enough to resist guessing, short enough to
/// allow a pass phrase people remember (NCSC advice favours length).
pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 200;

pub fn check_password(errors: &mut crate::FieldErrors, field: &str, password: &str) {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        errors.add(field, "error-password-short");
    } else if n > MAX_PASSWORD_CHARS {
        errors.add(field, "error-too-long");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_rank() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(*r));
        }
        assert_eq!(Role::parse("root"), None);
        assert_eq!(Role::from_input("editor"), Some(Role::Editor));
        assert_eq!(Role::from_input("beheerder"), Some(Role::Admin));
        assert!(!Role::Member.can_edit_stories());
        assert!(Role::Editor.can_edit_stories());
        assert!(Role::Admin > Role::Editor);
    }
}
