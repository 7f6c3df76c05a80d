//! Everything stored about one person, table by table: the AVG (GDPR)
//! right of access (`/mijn/gegevens`). Each entry names a table and the
//! rows that are this person's. Secret columns (token and password hashes)
//! are left out; they open nothing and tell nothing. The integration test
//! `it/privacy.rs` checks that every column holding a user id or an
//! e-mail address is either exported here or excluded with a reason.

use serde_json::{Map, Value};
use sqlx::{Column, Row};

use crate::{Conn, Result};

/// (table, which rows: a condition on `$1` = user id, `$2` = e-mail).
pub const TABLES: [(&str, &str); 25] = [
    ("users", "id = $1 OR email = $2"),
    ("sessions", "user_id = $1"),
    ("user_identities", "user_id = $1"),
    ("organisation_members", "user_id = $1"),
    ("organisation_invitations", "email = $2 OR invited_by = $1"),
    (
        "stories",
        "author_id = $1 OR (contact_email = $2 AND $2 <> '')",
    ),
    (
        "story_messages",
        "story_id IN (SELECT id FROM stories WHERE author_id = $1 OR (contact_email = $2 AND $2 <> ''))",
    ),
    ("registrations", "email = $2 AND $2 <> ''"),
    ("newsletter_subscribers", "email = $2 AND $2 <> ''"),
    ("newsletter_editions", "created_by = $1"),
    ("learning_group_members", "user_id = $1"),
    (
        "learning_group_invitations",
        "email = $2 OR invited_by = $1",
    ),
    ("learning_group_calendar_links", "user_id = $1"),
    ("retrospectives", "created_by = $1"),
    ("retrospective_cards", "author_id = $1"),
    ("retrospective_votes", "user_id = $1"),
    ("retrospective_voters", "user_id = $1"),
    ("retrospective_actions", "owner_id = $1"),
    (
        "dilemmas",
        "created_by = $1 OR decided_by = $1 OR chosen_by LIKE '%' || $1 || '%'",
    ),
    ("dilemma_positions", "author_id = $1"),
    (
        "experiments",
        "proposed_by = $1 OR owner_id = $1 OR id IN (SELECT experiment_id FROM experiment_supports WHERE user_id = $1)",
    ),
    ("experiment_supports", "user_id = $1"),
    ("experiment_notes", "author_id = $1"),
    ("measurement_programmes", "owner_id = $1"),
    ("measurement_invitees", "email = $2 AND $2 <> ''"),
];

/// What a statement of `ERASE` is given as `$1`.
#[derive(Clone, Copy)]
enum Who {
    Id,
    Email,
}

/// How a deleted account's rows go, table by table, once its stories and
/// registrations are dealt with (`app::privacy`): what is only theirs is
/// deleted; what they gave to a group (a card, a note, a decision) stays
/// without their name. Explicit, not left to the foreign keys, so the list
/// is the place to read it.
const ERASE: [(&str, Who); 32] = [
    ("DELETE FROM sessions WHERE user_id = $1", Who::Id),
    // A respondent's address goes; their answer never named them.
    (
        "DELETE FROM measurement_invitees WHERE email = $1",
        Who::Email,
    ),
    (
        "UPDATE measurement_programmes SET owner_id = NULL WHERE owner_id = $1",
        Who::Id,
    ),
    ("DELETE FROM user_identities WHERE user_id = $1", Who::Id),
    ("DELETE FROM account_tokens WHERE user_id = $1", Who::Id),
    (
        "DELETE FROM organisation_members WHERE user_id = $1",
        Who::Id,
    ),
    (
        "DELETE FROM organisation_invitations WHERE email = $1",
        Who::Email,
    ),
    (
        "UPDATE organisation_invitations SET invited_by = NULL WHERE invited_by = $1",
        Who::Id,
    ),
    // Which editions were sent to them goes first: it names their
    // subscription, and the foreign key would refuse the delete.
    (
        "DELETE FROM newsletter_deliveries WHERE subscriber_id IN (SELECT id FROM newsletter_subscribers WHERE email = $1)",
        Who::Email,
    ),
    (
        "DELETE FROM newsletter_subscribers WHERE email = $1",
        Who::Email,
    ),
    // Counted failed logins and reset requests carry the address.
    (
        "DELETE FROM throttle_events WHERE bucket LIKE '%:' || $1",
        Who::Email,
    ),
    (
        "UPDATE newsletter_editions SET created_by = '' WHERE created_by = $1",
        Who::Id,
    ),
    (
        "UPDATE story_revisions SET editor_id = NULL WHERE editor_id = $1",
        Who::Id,
    ),
    (
        "DELETE FROM learning_group_members WHERE user_id = $1",
        Who::Id,
    ),
    (
        "DELETE FROM learning_group_invitations WHERE email = $1",
        Who::Email,
    ),
    (
        "UPDATE learning_group_invitations SET invited_by = NULL WHERE invited_by = $1",
        Who::Id,
    ),
    (
        "DELETE FROM learning_group_calendar_links WHERE user_id = $1",
        Who::Id,
    ),
    (
        "UPDATE retrospectives SET created_by = NULL WHERE created_by = $1",
        Who::Id,
    ),
    (
        "UPDATE retrospective_cards SET author_id = NULL WHERE author_id = $1",
        Who::Id,
    ),
    (
        "DELETE FROM retrospective_votes WHERE user_id = $1",
        Who::Id,
    ),
    (
        "DELETE FROM retrospective_voters WHERE user_id = $1",
        Who::Id,
    ),
    (
        "UPDATE retrospective_actions SET owner_id = NULL WHERE owner_id = $1",
        Who::Id,
    ),
    (
        "UPDATE dilemmas SET created_by = NULL WHERE created_by = $1",
        Who::Id,
    ),
    (
        "UPDATE dilemmas SET decided_by = NULL WHERE decided_by = $1",
        Who::Id,
    ),
    (
        "UPDATE dilemma_positions SET author_id = NULL WHERE author_id = $1",
        Who::Id,
    ),
    (
        "UPDATE experiments SET proposed_by = NULL WHERE proposed_by = $1",
        Who::Id,
    ),
    (
        "UPDATE experiments SET owner_id = NULL WHERE owner_id = $1",
        Who::Id,
    ),
    (
        "DELETE FROM experiment_supports WHERE user_id = $1",
        Who::Id,
    ),
    (
        "UPDATE experiment_notes SET author_id = NULL WHERE author_id = $1",
        Who::Id,
    ),
    // Stories and registrations were handled before; these catch a row
    // that arrived in between.
    (
        "UPDATE stories SET author_id = NULL WHERE author_id = $1",
        Who::Id,
    ),
    (
        "UPDATE registrations SET name = '', email = '', organisation = '', note = '', answers = '[]' WHERE email = $1",
        Who::Email,
    ),
    ("DELETE FROM users WHERE id = $1", Who::Id),
];

/// Columns never exported, by part of their name.
const SECRET: [&str; 3] = ["hash", "token", "password"];

/// One table's part of the export.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TableData {
    pub table: &'static str,
    /// The columns each row carries (secret ones left out), also when
    /// there are no rows: what is kept in this table about anyone.
    pub columns: Vec<String>,
    pub rows: Vec<Map<String, Value>>,
}

impl Conn {
    /// The person's rows in every table of `TABLES`. `email` is their
    /// address ('' when unknown: never matches an empty column).
    pub async fn personal_data(&mut self, user_id: &str, email: &str) -> Result<Vec<TableData>> {
        let mut out = Vec::with_capacity(TABLES.len());
        for (table, condition) in TABLES {
            let columns = self.columns_of(table).await?;
            // Both parameters are always bound, so each query names both
            // (PostgreSQL refuses a parameter that a query does not use).
            let sql = format!(
                "SELECT {} FROM {table} WHERE ({condition}) AND $1 = $1 AND $2 = $2",
                columns.join(", ")
            );
            let rows = sqlx::query(&sql)
                .bind(user_id)
                .bind(email)
                .fetch_all(&mut *self)
                .await?;
            let rows = rows
                .iter()
                .map(|row| {
                    row.columns()
                        .iter()
                        .map(|c| (c.name().to_string(), value(row, c.ordinal())))
                        .collect()
                })
                .collect();
            out.push(TableData {
                table,
                columns,
                rows,
            });
        }
        Ok(out)
    }

    /// Deletes an account and everything that names its holder, in the
    /// caller's transaction (see `ERASE`). `email` is their address.
    pub async fn erase_person(&mut self, user_id: &str, email: &str) -> Result<()> {
        // Dilemmas keep who was chosen as a comma-separated list.
        let chosen: Vec<(String, String)> =
            sqlx::query_as("SELECT id, chosen_by FROM dilemmas WHERE chosen_by LIKE $1")
                .bind(format!("%{user_id}%"))
                .fetch_all(&mut *self)
                .await?;
        for (id, list) in chosen {
            let rest: Vec<&str> = list
                .split(',')
                .filter(|u| !u.is_empty() && *u != user_id)
                .collect();
            sqlx::query("UPDATE dilemmas SET chosen_by = $1 WHERE id = $2")
                .bind(rest.join(","))
                .bind(&id)
                .execute(&mut *self)
                .await?;
        }
        for (sql, who) in ERASE {
            let value = match who {
                Who::Id => user_id,
                Who::Email => email,
            };
            // An empty address names nobody.
            if value.is_empty() {
                continue;
            }
            sqlx::query(sql).bind(value).execute(&mut *self).await?;
        }
        Ok(())
    }

    /// A table's columns, without the secret ones, in schema order.
    async fn columns_of(&mut self, table: &str) -> Result<Vec<String>> {
        let described =
            sqlx::Executor::describe(&mut *self, &format!("SELECT * FROM {table}")).await?;
        Ok(described
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .filter(|n| !SECRET.iter().any(|s| n.contains(s)))
            .collect())
    }
}

/// A column's value as JSON, whatever its type.
fn value(row: &sqlx::any::AnyRow, i: usize) -> Value {
    if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    if let Ok(v) = row.try_get::<Option<String>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    if let Ok(v) = row.try_get::<Option<bool>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    Value::Null
}
