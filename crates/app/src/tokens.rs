//! Secrets handed to people (session cookies, links in mails).

use sha2::{Digest, Sha256};

use crate::secret::Secret;

/// 256 random bits as hex: unguessable, safe in a URL.
pub fn new_token() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}

/// What the database keeps of a session id or account token.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// What a link in a mail names: `<record id><first half of an HMAC over
/// it>`, 64 hex characters. The server can make the same link again from
/// the id (a re-sent mail carries the same link), while the database holds
/// nothing that opens it: a copy of the database, or of a backup, opens no
/// registration, subscription or story.
pub(crate) fn link_token(secret: &Secret, purpose: &str, id: &str) -> String {
    format!("{id}{}", &secret.mac(purpose, id)[..32])
}

/// How to find the record a link token names.
pub(crate) enum LinkKey {
    /// A token this server derived: the record's id.
    Id(String),
    /// Any other 64-hex token: a link mailed before links were derived,
    /// found by its hash (the stored tokens were hashed on upgrade).
    Stored(String),
}

/// None for anything that cannot be a token at all.
pub(crate) fn link_key(secret: &Secret, purpose: &str, token: &str) -> Option<LinkKey> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let (id, mac) = token.split_at(32);
    let expected = secret.mac(purpose, id);
    let same = mac
        .bytes()
        .zip(expected[..32].bytes())
        .fold(0u8, |d, (a, b)| d | (a ^ b))
        == 0;
    Some(if same {
        LinkKey::Id(id.to_string())
    } else {
        LinkKey::Stored(hash_token(token))
    })
}

/// What a new record keeps in its old token column (which is NOT NULL and
/// UNIQUE): the hash of a random value that is never handed out.
pub(crate) fn unused_stored_token() -> String {
    hash_token(&new_token())
}

/// The purposes of link tokens: a token for one never works for another.
pub(crate) const STORY_STATUS: &str = "story-status";
pub(crate) const REGISTRATION_CANCEL: &str = "registration-cancel";
pub(crate) const NEWSLETTER_UNSUBSCRIBE: &str = "newsletter-unsubscribe";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_names_its_record_only_for_its_purpose() {
        let dir = std::env::temp_dir().join(format!(
            "vooruit-link-{}",
            hex::encode(rand::random::<[u8; 4]>())
        ));
        std::fs::create_dir_all(&dir).expect("dir");
        let secret = Secret::load(None, &dir).expect("secret");
        let id = "0123456789abcdef0123456789abcdef";
        let token = link_token(&secret, STORY_STATUS, id);
        assert!(matches!(link_key(&secret, STORY_STATUS, &token), Some(LinkKey::Id(i)) if i == id));
        assert!(matches!(
            link_key(&secret, REGISTRATION_CANCEL, &token),
            Some(LinkKey::Stored(_))
        ));
        assert!(link_key(&secret, STORY_STATUS, "kort").is_none());
        std::fs::remove_dir_all(&dir).expect("clean");
    }
}
