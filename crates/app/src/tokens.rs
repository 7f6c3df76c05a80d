//! Secrets handed to people (session cookies, links in mails).

use sha2::{Digest, Sha256};

/// 256 random bits as hex: unguessable, safe in a URL.
pub fn new_token() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}

/// What the database keeps of a session id or account token.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}
