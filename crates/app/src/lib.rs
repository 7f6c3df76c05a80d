//! The use cases of Vooruit, shared by the HTML pages and the JSON API: a
//! handler extracts its input, calls one function here and renders the result.
//!
//! Each feature is a service reached from the `App`: `app.stories()`,
//! `app.events()`, `app.editions()`, ... (declared with `service!` in the
//! feature's own module). A use case that changes something runs in one
//! transaction (`App::begin` .. `App::commit`) that also holds the mails it
//! queues and the search-outbox rows it writes, so after a crash either all
//! of it happened or none of it did.

pub mod accounts;
pub mod audio;
pub mod dates;
pub mod demo;
pub mod dilemmas;
pub mod editions;
mod error;
pub mod events;
pub mod experiments;
mod generate;
pub mod groups;
pub mod guides;
pub mod images;
mod index_threads;
pub mod jobs;
pub mod magazine;
pub mod mail;
pub mod markdown;
pub mod measurement;
pub mod newsletter;
pub mod organisations;
pub mod page;
mod pdf;
pub mod podcast;
pub mod privacy;
pub mod publications;
pub mod retention;
pub mod retrospectives;
pub mod search;
pub mod secret;
pub mod sso;
pub mod storage;
pub mod stories;
pub mod synonyms;
pub mod taxonomy;
mod tokens;
pub mod videos;

use std::path::PathBuf;
use std::sync::Arc;

pub use error::{AppError, AppResult};
pub use page::Page;
pub use tokens::hash_token;
pub use vooruit_domain as domain;
use vooruit_store::Conn;
pub use vooruit_store::{Clock, Db, DbKind, FaultPoint, count_queries};

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
    /// Registrations per hour from one IP address, and for one e-mail
    /// address (0: no limit). Both count every attempt, whether the address
    /// has an account or not, so the limit tells nothing about accounts.
    pub registrations_per_hour: i64,
    pub registrations_per_address: i64,
    /// The largest PDF an editor may upload, in bytes.
    pub pdf_limit_bytes: u64,
    /// `s3://bucket/prefix` for an S3-compatible store; None keeps files
    /// under `<data_dir>/files`.
    pub storage_url: Option<String>,
    /// The largest picture an editor may upload, in bytes.
    pub image_limit_bytes: u64,
    /// The largest podcast episode (MP3 or M4A) an editor may upload, in bytes.
    pub audio_limit_bytes: u64,
    /// The largest video (MP4 or WebM) an editor may upload, in bytes.
    pub video_limit_bytes: u64,
    /// The program that draws a PDF's first page as its cover (`pdftoppm`
    /// from poppler-utils); None, or not installed: a generic cover.
    pub pdftoppm: Option<String>,
    /// The key of form tokens and of the links in mails (`secret.rs`).
    pub secret: secret::Secret,
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

/// Everything a use case needs, cheap to clone into each request: one
/// reference count, so the clones that every request and middleware layer
/// make do not bounce a dozen counters between cores.
#[derive(Clone)]
pub struct App(Arc<AppParts>);

/// What an `App` holds (reached through `Deref`: `app.db`, `app.config`).
pub struct AppParts {
    pub db: Db,
    pub config: Arc<Config>,
    mailer: mail::Mailer,
    /// One bell per kind of job: rung after a commit that queued work here,
    /// so the worker does not wait for its next poll.
    bells: jobs::Bells,
    /// This node's search index, once `open_search` ran (serve, reindex).
    index: std::sync::OnceLock<Arc<search::SearchState>>,
    /// Search results and list pages, valid for one index generation
    /// (every change to a story reaches every node's index, and so clears
    /// this cache).
    search_cache: std::sync::Mutex<search::GenerationCache<vooruit_search::SearchResults>>,
    /// The taxonomy every page needs, read again after a change.
    taxonomy_cache: taxonomy::TaxonomyCache,
    /// Told which stories' pages changed (see `on_pages_changed`).
    pages_hook: std::sync::OnceLock<stories::PagesHook>,
    /// Uploaded files (publications).
    pub storage: storage::Storage,
}

impl std::ops::Deref for App {
    type Target = AppParts;
    fn deref(&self) -> &AppParts {
        &self.0
    }
}

impl App {
    pub fn new(db: Db, config: Config) -> Result<App, AppError> {
        let mailer = mail::Mailer::new(&config)?;
        let storage = storage::Storage::open(&config.data_dir, config.storage_url.as_deref())?;
        Ok(App(Arc::new(AppParts {
            db,
            config: Arc::new(config),
            mailer,
            bells: jobs::Bells::new(),
            index: std::sync::OnceLock::new(),
            search_cache: Default::default(),
            taxonomy_cache: Default::default(),
            pages_hook: std::sync::OnceLock::new(),
            storage,
        })))
    }

    /// This node's search index, when it was opened.
    pub(crate) fn index(&self) -> Option<Arc<search::SearchState>> {
        self.index.get().cloned()
    }

    /// Now, in unix milliseconds, from the one clock (movable in tests).
    pub fn now(&self) -> i64 {
        self.db.clock().now_ms()
    }

    /// A connection for reads.
    pub(crate) async fn read(&self) -> AppResult<Conn> {
        Ok(self.db.read().await?)
    }

    /// Starts the transaction of one use case, named "feature.use_case".
    pub(crate) async fn begin(&self, use_case: &'static str) -> AppResult<Conn> {
        Ok(self.db.begin(use_case).await?)
    }

    /// Commits a use case, then does at once on this node what other nodes
    /// pick up by polling: wakes the workers of the jobs it queued and
    /// brings the index up to date for the content it changed. A failure
    /// there is only logged: the change is committed, and the poll retries.
    pub(crate) async fn commit(&self, tx: Conn) -> AppResult<()> {
        let effects = tx.commit().await?;
        for kind in effects.job_kinds {
            self.bells.ring(kind);
        }
        if !effects.changed.is_empty()
            && let Err(e) = self.index_now(&effects.changed).await
        {
            tracing::warn!(error = %e, "indexing changed content failed; the tailer will retry");
        }
        Ok(())
    }
}

/// Declares a feature's service: a borrowed view of the `App` that carries
/// the feature's use cases, reached as `app.<name>()`. Inside, `self.db`,
/// `self.config` and the shared helpers of `App` are at hand.
macro_rules! service {
    ($(#[$doc:meta])* $name:ident, $accessor:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $name<'a>(&'a $crate::App);

        impl $crate::App {
            pub fn $accessor(&self) -> $name<'_> {
                $name(self)
            }
        }

        impl std::ops::Deref for $name<'_> {
            type Target = $crate::App;
            fn deref(&self) -> &$crate::App {
                self.0
            }
        }
    };
}
pub(crate) use service;
