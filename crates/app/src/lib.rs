//! The use cases of Vooruit, shared by the HTML pages and the JSON API: a
//! handler extracts its input, calls one function here and renders the result.

pub mod accounts;
pub mod dates;
pub mod demo;
pub mod editions;
mod error;
pub mod events;
mod generate;
pub mod jobs;
pub mod mail;
pub mod markdown;
pub mod newsletter;
pub mod search;
pub mod stories;
mod tokens;

use std::path::PathBuf;
use std::sync::Arc;

pub use error::{AppError, AppResult};
use tokio::sync::Notify;
pub use vooruit_domain as domain;
pub use vooruit_store::{Db, DbKind, count_queries};

/// Settings the use cases need. Built once at start by the binary.
#[derive(Debug, Clone)]
pub struct Config {
    /// Public address of the site, without trailing slash, used in mails.
    pub base_url: String,
    /// Where the SQLite database, the mail outbox and (later) uploads live.
    pub data_dir: PathBuf,
    /// `smtp://user:pass@host:port` or `smtps://...`; None writes .eml files.
    pub smtp_url: Option<String>,
    /// The From: address of every mail.
    pub mail_from: String,
    /// Newsletter mails per second (0: as fast as the SMTP server allows).
    pub newsletter_per_second: u32,
    /// Stories one IP address may send per hour without an account
    /// (0: no limit). Signed-in members are not limited.
    pub submissions_per_hour: i64,
}

impl Config {
    /// Cookies get the Secure flag and responses HSTS when the site is https.
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}

/// Everything a use case needs, cheap to clone into each request.
#[derive(Clone)]
pub struct App {
    pub db: Db,
    pub config: Arc<Config>,
    mailer: Arc<mail::Mailer>,
    /// Wakes the mail and the newsletter worker when work is queued on this
    /// node (see `wakeup`).
    jobs_wakeup: Arc<(Notify, Notify)>,
    /// This node's search index, once `open_search` ran (serve, reindex).
    search: Option<Arc<search::SearchState>>,
    /// Published story pages, valid for one index generation (every change
    /// to a story reaches every node's index, and so clears this cache).
    story_cache: Arc<std::sync::Mutex<search::GenerationCache<stories::PublishedStory>>>,
    /// Search results and list pages, likewise.
    search_cache: Arc<std::sync::Mutex<search::GenerationCache<vooruit_search::SearchResults>>>,
}

impl App {
    pub fn new(db: Db, config: Config) -> Result<App, AppError> {
        let mailer = mail::Mailer::new(&config)?;
        Ok(App {
            db,
            config: Arc::new(config),
            mailer: Arc::new(mailer),
            jobs_wakeup: Arc::new((Notify::new(), Notify::new())),
            search: None,
            story_cache: Arc::default(),
            search_cache: Arc::default(),
        })
    }
}
