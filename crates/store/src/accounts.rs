//! Users, their sessions and one-time account tokens (e-mail verification,
//! password reset). Session ids and tokens are stored only as hashes, so a
//! copy of the database cannot be used to log in.

use sqlx::FromRow;
use vooruit_domain::account::{Role, TokenPurpose};

use crate::{Conn, Result, new_id};

#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub email_verified_at: Option<i64>,
    pub created_at: i64,
}

const USER_COLUMNS: &str = "id, email, name, password_hash, role, email_verified_at, created_at";

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub verified: bool,
}

/// Users, their sessions and one-time account tokens: `conn.accounts()`.
pub struct Accounts<'c>(&'c mut Conn);

impl Conn {
    pub fn accounts(&mut self) -> Accounts<'_> {
        Accounts(self)
    }
}

impl Accounts<'_> {
    /// Creates a user; the e-mail address is stored in lower case. Fails with
    /// a unique violation when the address is taken.
    pub async fn create_user(&mut self, u: NewUser<'_>) -> Result<String> {
        let id = new_id();
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO users (id, email, name, password_hash, role, email_verified_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(u.email.to_lowercase())
        .bind(u.name)
        .bind(u.password_hash)
        .bind(u.role.as_str())
        .bind(u.verified.then_some(now))
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(id)
    }

    pub async fn user_by_email(&mut self, email: &str) -> Result<Option<UserRow>> {
        Ok(sqlx::query_as::<_, UserRow>(&format!(
            "SELECT {USER_COLUMNS} FROM users WHERE email = $1"
        ))
        .bind(email.to_lowercase())
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn user_by_id(&mut self, id: &str) -> Result<Option<UserRow>> {
        Ok(
            sqlx::query_as::<_, UserRow>(&format!(
                "SELECT {USER_COLUMNS} FROM users WHERE id = $1"
            ))
            .bind(id)
            .fetch_optional(&mut *self.0)
            .await?,
        )
    }

    /// One page of users, by name, and how many there are.
    pub async fn users(&mut self, limit: i64, offset: i64) -> Result<(Vec<UserRow>, i64)> {
        let rows = sqlx::query_as::<_, UserRow>(&format!(
            "SELECT {USER_COLUMNS} FROM users ORDER BY name, email LIMIT $1 OFFSET $2"
        ))
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *self.0)
        .await?;
        Ok((rows, self.count_users().await?))
    }

    /// How many accounts have this role.
    pub async fn count_with_role(&mut self, role: Role) -> Result<i64> {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM users WHERE role = $1")
                .bind(role.as_str())
                .fetch_one(&mut *self.0)
                .await?,
        )
    }

    pub async fn count_users(&mut self) -> Result<i64> {
        Ok(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM users")
            .fetch_one(&mut *self.0)
            .await?)
    }

    /// A new password; it also ends every reset link of the account still
    /// open, so an older mail cannot set the password again.
    pub async fn set_password_hash(&mut self, user_id: &str, hash: &str) -> Result<()> {
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(user_id)
            .execute(&mut *self.0)
            .await?;
        sqlx::query(
            "UPDATE account_tokens SET used_at = $1 \
             WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL",
        )
        .bind(self.0.now())
        .bind(user_id)
        .bind(TokenPurpose::Reset.as_str())
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    pub async fn set_user_role(&mut self, user_id: &str, role: Role) -> Result<()> {
        sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
            .bind(role.as_str())
            .bind(user_id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    pub async fn mark_email_verified(&mut self, user_id: &str) -> Result<()> {
        sqlx::query(
            "UPDATE users SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL",
        )
        .bind(self.0.now())
        .bind(user_id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    // --- sessions ---

    pub async fn create_session(
        &mut self,
        id_hash: &str,
        user_id: &str,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id_hash)
        .bind(user_id)
        .bind(self.0.now())
        .bind(expires_at)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// The user behind a live session, in one query.
    pub async fn session_user(&mut self, id_hash: &str) -> Result<Option<UserRow>> {
        Ok(sqlx::query_as::<_, UserRow>(
            "SELECT u.id, u.email, u.name, u.password_hash, u.role, u.email_verified_at, u.created_at \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.id_hash = $1 AND s.expires_at > $2",
        )
        .bind(id_hash)
        .bind(self.0.now())
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn delete_session(&mut self, id_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// Logs a user out everywhere, e.g. after a password reset.
    pub async fn delete_user_sessions(&mut self, user_id: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    // --- one-time tokens ---

    pub async fn create_account_token(
        &mut self,
        token_hash: &str,
        purpose: TokenPurpose,
        user_id: &str,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO account_tokens (token_hash, purpose, user_id, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(purpose.as_str())
        .bind(user_id)
        .bind(expires_at)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Uses a token once: returns its user when the token exists, has this
    /// purpose, is not expired and was not used before. The UPDATE makes the
    /// use atomic, so two clicks cannot both succeed.
    pub async fn use_account_token(
        &mut self,
        token_hash: &str,
        purpose: TokenPurpose,
    ) -> Result<Option<String>> {
        Ok(sqlx::query_scalar::<_, String>(
            "UPDATE account_tokens SET used_at = $1 \
             WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
             RETURNING user_id",
        )
        .bind(self.0.now())
        .bind(token_hash)
        .bind(purpose.as_str())
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Whether a token is still usable, without using it (to show the form).
    pub async fn account_token_valid(
        &mut self,
        token_hash: &str,
        purpose: TokenPurpose,
    ) -> Result<bool> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM account_tokens \
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(purpose.as_str())
        .bind(self.0.now())
        .fetch_one(&mut *self.0)
        .await?
            > 0)
    }

    /// Removes expired sessions and tokens; run now and then by the worker.
    pub async fn prune(&mut self) -> Result<()> {
        let now = self.0.now();
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(now)
            .execute(&mut *self.0)
            .await?;
        sqlx::query("DELETE FROM account_tokens WHERE expires_at < $1")
            .bind(now)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }
}
