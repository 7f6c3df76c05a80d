//! The database of Vooruit. One connection type for both backends: the SQL is
//! written once in the subset SQLite and PostgreSQL both accept (`$1`
//! placeholders, `RETURNING`, `ON CONFLICT`), and run through sqlx's `Any`
//! driver, so no query exists twice.

pub mod accounts;
mod db;
pub mod editions;
pub mod events;
pub mod jobs;
pub mod newsletter;
pub mod outbox;
pub mod stories;
pub mod throttle;

pub use db::{Db, DbKind, StoreError, count_queries, new_id, now_ms};

pub type Result<T> = std::result::Result<T, StoreError>;
