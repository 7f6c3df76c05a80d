//! What organisations and learning groups share: people are members with
//! a role there. Each feature's queries call these with its own table
//! (`organisation_members` keyed by `organisation_id`, or
//! `learning_group_members` keyed by `group_id`) and its own role enum,
//! stored as its word.

use crate::{Conn, Result};

/// A table of members: its name and the column naming what they are in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MemberTable {
    pub table: &'static str,
    pub key: &'static str,
}

impl MemberTable {
    /// The role (as stored) of a user, if they are a member.
    pub(crate) async fn role_of(
        self,
        conn: &mut Conn,
        of: &str,
        user_id: &str,
    ) -> Result<Option<String>> {
        let sql = format!(
            "SELECT role FROM {} WHERE {} = $1 AND user_id = $2",
            self.table, self.key
        );
        Ok(sqlx::query_scalar::<_, String>(&sql)
            .bind(of)
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?)
    }

    /// Adds a member or changes their role.
    pub(crate) async fn set_member(
        self,
        conn: &mut Conn,
        of: &str,
        user_id: &str,
        role: &str,
    ) -> Result<()> {
        let now = conn.now();
        let sql = format!(
            "INSERT INTO {table} ({key}, user_id, role, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT ({key}, user_id) DO UPDATE SET role = $3",
            table = self.table,
            key = self.key
        );
        sqlx::query(&sql)
            .bind(of)
            .bind(user_id)
            .bind(role)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// Removes a member; false when they were not one.
    pub(crate) async fn remove_member(
        self,
        conn: &mut Conn,
        of: &str,
        user_id: &str,
    ) -> Result<bool> {
        let sql = format!(
            "DELETE FROM {} WHERE {} = $1 AND user_id = $2",
            self.table, self.key
        );
        let done = sqlx::query(&sql)
            .bind(of)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// How many members have this role.
    pub(crate) async fn count_with_role(
        self,
        conn: &mut Conn,
        of: &str,
        role: &str,
    ) -> Result<i64> {
        let sql = format!(
            "SELECT COUNT(*) FROM {} WHERE {} = $1 AND role = $2",
            self.table, self.key
        );
        Ok(sqlx::query_scalar::<_, i64>(&sql)
            .bind(of)
            .bind(role)
            .fetch_one(&mut *conn)
            .await?)
    }
}
