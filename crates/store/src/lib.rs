//! The database of Vooruit. One connection type for both backends: the SQL is
//! written once in the subset SQLite and PostgreSQL both accept (`$1`
//! placeholders, `RETURNING`, `ON CONFLICT`), and run through sqlx's `Any`
//! driver, so no query exists twice.
//!
//! A use case opens one `Conn` (`Db::read` or `Db::begin`) and reaches each
//! feature's queries through it: `conn.stories().by_id(..)`,
//! `tx.jobs().enqueue(..)`. A feature adds its own module with an
//! `impl Conn { fn feature() }`; nothing central lists its queries.

pub mod accounts;
mod clock;
mod conn;
mod db;
pub mod dilemmas;
pub mod editions;
pub mod events;
pub mod experiments;
pub mod groups;
pub mod guides;
pub mod jobs;
mod link_tokens;
pub mod magazine;
pub mod measurement;
mod memberships;
pub mod newsletter;
pub mod organisations;
pub mod outbox;
pub mod personal_data;
pub mod podcast;
pub mod publications;
mod publishable;
pub mod retrospectives;
pub mod sso;
pub mod stories;
pub mod story_pages;
pub mod synonyms;
pub mod taxonomy;
pub mod throttle;
pub mod videos;

pub use clock::Clock;
pub use conn::{Conn, Effects, FaultPoint};
pub use db::{Db, DbKind, StoreError, count_queries, migrator, new_id};

pub type Result<T> = std::result::Result<T, StoreError>;
