//! Single sign-on: each organisation's OpenID Connect provider, the logins
//! on their way through it, and which account is which person at which
//! provider.

use sqlx::FromRow;
use vooruit_domain::organisation::OrgRole;

use crate::db::flag;
use crate::{Conn, Result};

#[derive(Debug, Clone, FromRow)]
pub struct SsoRow {
    pub organisation_id: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret_sealed: String,
    #[sqlx(try_from = "String")]
    pub default_role: OrgRole,
    pub enabled: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct LoginRow {
    pub organisation_id: String,
    pub nonce: String,
    pub verifier: String,
    pub back: String,
    pub created_at: i64,
}

const SSO_COLUMNS: &str =
    "organisation_id, issuer, client_id, client_secret_sealed, default_role, enabled, updated_at";

/// Single sign-on: `conn.sso()`.
pub struct Sso<'c>(&'c mut Conn);

impl Conn {
    pub fn sso(&mut self) -> Sso<'_> {
        Sso(self)
    }
}

impl Sso<'_> {
    pub async fn of(&mut self, organisation_id: &str) -> Result<Option<SsoRow>> {
        Ok(sqlx::query_as::<_, SsoRow>(&format!(
            "SELECT {SSO_COLUMNS} FROM organisation_sso WHERE organisation_id = $1"
        ))
        .bind(organisation_id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Sets (or replaces) an organisation's provider.
    pub async fn save(
        &mut self,
        organisation_id: &str,
        issuer: &str,
        client_id: &str,
        client_secret_sealed: &str,
        default_role: OrgRole,
        enabled: bool,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query("DELETE FROM organisation_sso WHERE organisation_id = $1")
            .bind(organisation_id)
            .execute(&mut *self.0)
            .await?;
        sqlx::query(
            "INSERT INTO organisation_sso (organisation_id, issuer, client_id, client_secret_sealed, \
             default_role, enabled, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(organisation_id)
        .bind(issuer)
        .bind(client_id)
        .bind(client_secret_sealed)
        .bind(default_role.as_str())
        .bind(flag(enabled))
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Notes a login that went to the provider.
    pub async fn start_login(
        &mut self,
        state_hash: &str,
        organisation_id: &str,
        nonce: &str,
        verifier: &str,
        back: &str,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO sso_logins (state_hash, organisation_id, nonce, verifier, back, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(state_hash)
        .bind(organisation_id)
        .bind(nonce)
        .bind(verifier)
        .bind(back)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// The login with this state, removed: a state works once, also when
    /// two requests bring it back at the same time (only one deletes it).
    pub async fn take_login(&mut self, state_hash: &str) -> Result<Option<LoginRow>> {
        let row = sqlx::query_as::<_, LoginRow>(
            "SELECT organisation_id, nonce, verifier, back, created_at FROM sso_logins WHERE state_hash = $1",
        )
        .bind(state_hash)
        .fetch_optional(&mut *self.0)
        .await?;
        let gone = sqlx::query("DELETE FROM sso_logins WHERE state_hash = $1")
            .bind(state_hash)
            .execute(&mut *self.0)
            .await?;
        Ok(row.filter(|_| gone.rows_affected() == 1))
    }

    /// Forgets logins started before `before` that never came back.
    pub async fn prune_logins(&mut self, before: i64) -> Result<()> {
        sqlx::query("DELETE FROM sso_logins WHERE created_at < $1")
            .bind(before)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    /// The account of this person at this provider, if linked.
    pub async fn identity(&mut self, issuer: &str, subject: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar::<_, String>(
            "SELECT user_id FROM user_identities WHERE issuer = $1 AND subject = $2",
        )
        .bind(issuer)
        .bind(subject)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Links an account to a person at a provider, or notes a new login.
    pub async fn link(
        &mut self,
        issuer: &str,
        subject: &str,
        user_id: &str,
        organisation_id: &str,
    ) -> Result<()> {
        let now = self.0.now();
        let updated = sqlx::query(
            "UPDATE user_identities SET last_login_at = $1 WHERE issuer = $2 AND subject = $3",
        )
        .bind(now)
        .bind(issuer)
        .bind(subject)
        .execute(&mut *self.0)
        .await?;
        if updated.rows_affected() == 0 {
            sqlx::query(
                "INSERT INTO user_identities (issuer, subject, user_id, organisation_id, created_at, last_login_at) \
                 VALUES ($1, $2, $3, $4, $5, $5)",
            )
            .bind(issuer)
            .bind(subject)
            .bind(user_id)
            .bind(organisation_id)
            .bind(now)
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }
}
