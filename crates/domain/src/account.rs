//! Roles and account rules.

use serde::{Deserialize, Serialize};

/// What a signed-in person may do. Visitors have no account and no role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Member,
    Editor,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "member" => Some(Role::Member),
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Editors and administrators run the redactie.
    pub fn can_edit_stories(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }
}

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
        for r in [Role::Member, Role::Editor, Role::Admin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
        assert!(!Role::Member.can_edit_stories());
        assert!(Role::Editor.can_edit_stories());
        assert!(Role::Admin > Role::Editor);
    }
}
