//! Links in mails (a teller's story status, cancelling a registration,
//! leaving the newsletter) used to be random tokens stored as mailed. They
//! are derived from the server secret now (app `tokens.rs`); this turns
//! the tokens already stored into their hashes, once per database, so old
//! links keep working while the database no longer holds what opens them.

use crate::{Db, Result};

/// Each table with such a token, and its column.
const STORED: [(&str, &str); 3] = [
    ("stories", "status_token"),
    ("registrations", "cancel_token"),
    ("newsletter_subscribers", "unsubscribe_token"),
];

const CONVERSION: &str = "hash-link-tokens";

impl Db {
    /// Replaces every stored link token by `hash(token)`, once: the first
    /// node to start after the upgrade does it, in one transaction with the
    /// mark that it was done. True when this call did it.
    pub async fn hash_stored_link_tokens(&self, hash: fn(&str) -> String) -> Result<bool> {
        let mut tx = self.begin("link_tokens.hash_stored").await?;
        let now = tx.now();
        let claimed = sqlx::query(
            "INSERT INTO data_conversions (name, done_at) VALUES ($1, $2) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(CONVERSION)
        .bind(now)
        .execute(&mut tx)
        .await?
        .rows_affected()
            == 1;
        if !claimed {
            return Ok(false);
        }
        for (table, column) in STORED {
            let rows: Vec<(String, String)> = sqlx::query_as(&format!(
                "SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"
            ))
            .fetch_all(&mut tx)
            .await?;
            for (id, token) in rows {
                sqlx::query(&format!("UPDATE {table} SET {column} = $1 WHERE id = $2"))
                    .bind(hash(&token))
                    .bind(&id)
                    .execute(&mut tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    }
}
