//! Settings from, in order of strength: command-line flags, `VOORUIT_*`
//! environment variables (clap reads both), and an optional `vooruit.toml`.

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

/// What `vooruit.toml` may contain; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub addr: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub base_url: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub trust_proxy: Option<bool>,
    pub theme_css: Option<PathBuf>,
    pub log_format: Option<String>,
    pub newsletter_rate: Option<u32>,
    pub submission_limit: Option<i64>,
    pub registration_limit: Option<i64>,
    pub registration_address_limit: Option<i64>,
    pub pdf_limit_mb: Option<u64>,
    pub image_limit_mb: Option<u64>,
    pub audio_limit_mb: Option<u64>,
    pub video_limit_mb: Option<u64>,
    pub pdftoppm: Option<String>,
    pub storage_url: Option<String>,
    pub secret: Option<String>,
    pub metrics_token: Option<String>,
    pub open_data_licence: Option<String>,
    pub security_contacts: Option<Vec<String>>,
}

impl FileConfig {
    /// Reads the file if it exists; a file with errors stops the start with
    /// a message that names the problem.
    pub fn load(path: &Path) -> anyhow::Result<FileConfig> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                toml::from_str(&text).with_context(|| format!("reading {}", path.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(FileConfig::default()),
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }
}

/// The SQLite default lives in the data directory.
pub fn default_database_url(data_dir: &Path) -> String {
    format!("sqlite://{}", data_dir.join("vooruit.db").display())
}
