//! Synonym groups: each group's members, one per line, and a version that
//! every change raises (nodes compare it to know when to read them again).

use sqlx::FromRow;
use vooruit_domain::synonym::SynonymGroup;

use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
struct GroupRow {
    id: String,
    members: String,
    updated_at: i64,
}

impl From<GroupRow> for SynonymGroup {
    fn from(r: GroupRow) -> SynonymGroup {
        SynonymGroup {
            id: r.id,
            members: r.members.lines().map(str::to_string).collect(),
            updated_at: r.updated_at,
        }
    }
}

/// Synonym groups: `conn.synonyms()`.
pub struct SynonymQueries<'c>(&'c mut Conn);

impl Conn {
    pub fn synonyms(&mut self) -> SynonymQueries<'_> {
        SynonymQueries(self)
    }
}

impl SynonymQueries<'_> {
    /// Every group (a few hundred at most), by their first member.
    pub async fn all(&mut self) -> Result<Vec<SynonymGroup>> {
        let rows = sqlx::query_as::<_, GroupRow>(
            "SELECT id, members, updated_at FROM synonym_groups ORDER BY LOWER(members), id",
        )
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows.into_iter().map(SynonymGroup::from).collect())
    }

    /// Raised by every change; read by every node's indexer.
    pub async fn version(&mut self) -> Result<i64> {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT version FROM synonyms_version WHERE one_row = 1")
                .fetch_one(&mut *self.0)
                .await?,
        )
    }

    async fn raise_version(&mut self) -> Result<()> {
        sqlx::query("UPDATE synonyms_version SET version = version + 1 WHERE one_row = 1")
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    pub async fn insert(&mut self, id: &str, members: &[String]) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO synonym_groups (id, members, created_at, updated_at) \
             VALUES ($1, $2, $3, $3)",
        )
        .bind(id)
        .bind(members.join("\n"))
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        self.raise_version().await
    }

    /// False when there is no such group.
    pub async fn update(&mut self, id: &str, members: &[String]) -> Result<bool> {
        let now = self.0.now();
        let done =
            sqlx::query("UPDATE synonym_groups SET members = $1, updated_at = $2 WHERE id = $3")
                .bind(members.join("\n"))
                .bind(now)
                .bind(id)
                .execute(&mut *self.0)
                .await?;
        self.raise_version().await?;
        Ok(done.rows_affected() == 1)
    }

    /// False when there is no such group.
    pub async fn delete(&mut self, id: &str) -> Result<bool> {
        let done = sqlx::query("DELETE FROM synonym_groups WHERE id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        self.raise_version().await?;
        Ok(done.rows_affected() == 1)
    }
}
