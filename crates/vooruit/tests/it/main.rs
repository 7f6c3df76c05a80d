//! End-to-end tests: each test starts the real `vooruit` binary on a free
//! loopback port, with its own data directory and its own database (SQLite,
//! or a fresh PostgreSQL database when VOORUIT_TEST_POSTGRES_URL is set), and
//! talks to it over HTTP like a browser or API client would.

mod common;

mod accounts;
mod agenda;
mod api;
mod authorization;
mod backup;
mod content_types;
mod crash;
mod dilemmas;
mod durability;
mod editions;
mod editor;
mod erasure;
mod experiments;
mod groups;
mod guides;
mod magazine;
mod mail;
mod measurement;
mod newsletter;
mod open_data;
mod organisations;
mod page_files;
mod pages;
mod podcast;
mod privacy;
mod publications;
mod relevance;
mod retrospectives;
mod search;
mod security;
mod share;
mod sso;
mod taxonomy;
mod trust;
mod videos;
