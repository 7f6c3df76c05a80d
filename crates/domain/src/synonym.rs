//! Synonyms that editors manage (`/redactie/synoniemen`): groups of words
//! and phrases that mean the same to a reader, such as `ggz` and
//! `geestelijke gezondheidszorg`. A search for one member also finds the
//! stories that use another.

use serde::{Deserialize, Serialize};

use crate::FieldErrors;

/// At most this many members in a group: a longer list is a theme, not a
/// synonym, and makes every search for one of them slow and vague.
pub const MAX_MEMBERS: usize = 20;
/// At most this many characters in a member.
pub const MAX_MEMBER_CHARS: usize = 60;
/// At most this many words in a member.
pub const MAX_MEMBER_WORDS: usize = 5;

/// One group of words and phrases that mean the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SynonymGroup {
    pub id: String,
    /// Two or more words or phrases, as the editor wrote them.
    pub members: Vec<String>,
    /// When it was last changed (unix ms).
    pub updated_at: i64,
}

/// What an editor typed, made into members: split on commas and new lines,
/// spaces tidied, and a member that is already there (in any case) left
/// out.
pub fn split_members(typed: &str) -> Vec<String> {
    let mut members: Vec<String> = Vec::new();
    for part in typed.split([',', '\n', ';']) {
        let member = part.split_whitespace().collect::<Vec<_>>().join(" ");
        if !member.is_empty() && !members.iter().any(|m| same(m, &member)) {
            members.push(member);
        }
    }
    members
}

/// Whether two members are the same word or phrase, whatever the case.
pub fn same(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

/// How members are compared: lower case, single spaces.
pub fn key(member: &str) -> String {
    member
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Checks the members of a group (errors on the field `members`).
pub fn validate_members(members: &[String]) -> Result<(), FieldErrors> {
    let mut e = FieldErrors::new();
    let field = "members";
    if members.len() < 2 {
        e.add(field, "error-synonym-too-few");
    } else if members.len() > MAX_MEMBERS {
        e.add(field, "error-synonym-too-many");
    } else if members.iter().any(|m| {
        m.chars().count() > MAX_MEMBER_CHARS || m.split_whitespace().count() > MAX_MEMBER_WORDS
    }) {
        e.add(field, "error-synonym-too-long");
    } else if members
        .iter()
        .any(|m| m.contains('"') || !m.chars().any(char::is_alphanumeric))
    {
        e.add(field, "error-synonym-not-a-word");
    }
    e.into_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_members_are_split_tidied_and_kept_once() {
        assert_eq!(
            split_members("ggz,  Geestelijke   gezondheidszorg\nGGZ;\n , "),
            ["ggz", "Geestelijke gezondheidszorg"]
        );
    }

    #[test]
    fn a_group_needs_two_to_twenty_short_words_or_phrases() {
        let m = |s: &str| split_members(s);
        assert!(validate_members(&m("wmo, wet maatschappelijke ondersteuning")).is_ok());
        let key = |s: &str| validate_members(&m(s)).expect_err("refused").get("members");
        assert_eq!(key("ggz"), Some("error-synonym-too-few"));
        assert_eq!(key("ggz, GGZ"), Some("error-synonym-too-few"));
        let many: Vec<String> = (0..21).map(|i| format!("woord{i}")).collect();
        assert_eq!(
            validate_members(&many).expect_err("refused").get("members"),
            Some("error-synonym-too-many")
        );
        assert_eq!(
            key("zorg, een twee drie vier vijf zes"),
            Some("error-synonym-too-long")
        );
        assert_eq!(key("zorg, \"hulp\""), Some("error-synonym-not-a-word"));
        assert_eq!(key("zorg, --"), Some("error-synonym-not-a-word"));
    }
}
