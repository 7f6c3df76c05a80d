//! The server secret: the key of every token the server can recompute
//! instead of storing (form tokens, links in mails). It lives in the data
//! dir (`secret.key`, made on first start) or in the setting
//! `VOORUIT_SECRET`, never in the database, so a copy of the database opens
//! nothing. Nodes that share a database must share the secret; the database
//! keeps only a fingerprint, so a node with another secret refuses to start.

use std::io::Write as _;
use std::path::Path;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The file in the data dir that holds the secret when no setting does.
pub const SECRET_FILE: &str = "secret.key";

#[derive(Clone)]
pub struct Secret([u8; 32]);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

impl Secret {
    /// From the setting (any text of at least 32 characters), else from
    /// `<data_dir>/secret.key`, made with 256 random bits when missing.
    pub fn load(setting: Option<&str>, data_dir: &Path) -> std::io::Result<Secret> {
        if let Some(text) = setting.filter(|t| !t.is_empty()) {
            if text.chars().count() < 32 {
                return Err(std::io::Error::other(
                    "VOORUIT_SECRET must be at least 32 characters (for example `openssl rand -hex 32`)",
                ));
            }
            return Ok(Secret::from_text(text));
        }
        let path = data_dir.join(SECRET_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) if text.trim().chars().count() >= 32 => Ok(Secret::from_text(text.trim())),
            Ok(_) => Err(std::io::Error::other(format!(
                "{} is shorter than 32 characters",
                path.display()
            ))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let text = hex::encode(rand::random::<[u8; 32]>());
                write_new(&path, &text)?;
                // Another process may have made it first: read what won.
                let text = std::fs::read_to_string(&path)?;
                Ok(Secret::from_text(text.trim()))
            }
            Err(e) => Err(e),
        }
    }

    fn from_text(text: &str) -> Secret {
        Secret(Sha256::digest(text.as_bytes()).into())
    }

    /// HMAC-SHA256 of `value` for one `purpose`, as 64 hex characters. The
    /// purpose keeps a token for one use from working for another.
    pub fn mac(&self, purpose: &str, value: &str) -> String {
        let mut m = Hmac::<Sha256>::new_from_slice(&self.0).expect("any key length");
        m.update(purpose.as_bytes());
        m.update(&[0]);
        m.update(value.as_bytes());
        hex::encode(m.finalize().into_bytes())
    }

    /// `text` encrypted and authenticated (ChaCha20-Poly1305) with a key
    /// derived from the secret for `purpose`, as hex: for a secret the
    /// database must keep (an SSO client secret) without a copy of the
    /// database giving it away.
    pub fn seal(&self, purpose: &str, text: &str) -> String {
        use chacha20poly1305::aead::{Aead, KeyInit};
        let cipher = chacha20poly1305::ChaCha20Poly1305::new(&self.key(purpose).into());
        let nonce: [u8; 12] = rand::random();
        let sealed = cipher
            .encrypt(&nonce.into(), text.as_bytes())
            .expect("encrypting in memory does not fail");
        format!("{}{}", hex::encode(nonce), hex::encode(sealed))
    }

    /// What `seal` sealed; None when it was sealed with another secret or
    /// purpose, or changed.
    pub fn open(&self, purpose: &str, sealed: &str) -> Option<String> {
        use chacha20poly1305::aead::{Aead, KeyInit};
        let bytes = hex::decode(sealed).ok()?;
        if bytes.len() < 12 {
            return None;
        }
        let (nonce, body) = bytes.split_at(12);
        let cipher = chacha20poly1305::ChaCha20Poly1305::new(&self.key(purpose).into());
        let nonce: [u8; 12] = nonce.try_into().ok()?;
        let plain = cipher.decrypt(&nonce.into(), body).ok()?;
        String::from_utf8(plain).ok()
    }

    fn key(&self, purpose: &str) -> [u8; 32] {
        let mut m = Hmac::<Sha256>::new_from_slice(&self.0).expect("any key length");
        m.update(b"seal\0");
        m.update(purpose.as_bytes());
        m.finalize().into_bytes().into()
    }

    /// What the database may keep to tell whether two nodes share a secret.
    pub fn fingerprint(&self) -> String {
        self.mac("fingerprint", "")
    }
}

/// Creates `path` with `text`, readable by its owner only; leaves an
/// existing file alone.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(mut f) => {
            f.write_all(text.as_bytes())?;
            f.sync_all()
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_secret_gives_the_same_token_and_purposes_differ() {
        let dir = std::env::temp_dir().join(format!(
            "vooruit-secret-{}",
            hex::encode(rand::random::<[u8; 4]>())
        ));
        std::fs::create_dir_all(&dir).expect("dir");
        let a = Secret::load(None, &dir).expect("made");
        let b = Secret::load(None, &dir).expect("read back");
        assert_eq!(a.mac("csrf", "x"), b.mac("csrf", "x"));
        assert_ne!(a.mac("csrf", "x"), a.mac("link", "x"));
        let other = Secret::load(Some(&"z".repeat(40)), &dir).expect("setting");
        assert_ne!(a.fingerprint(), other.fingerprint());
        assert!(Secret::load(Some("short"), &dir).is_err());
        let sealed = a.seal("sso", "geheim");
        assert!(!sealed.contains("geheim"));
        assert_eq!(b.open("sso", &sealed).as_deref(), Some("geheim"));
        assert_eq!(other.open("sso", &sealed), None, "another secret");
        assert_eq!(a.open("ander", &sealed), None, "another purpose");
        std::fs::remove_dir_all(&dir).expect("clean");
    }
}
