//! Organisations, their e-mail domains, members and invitations.

use sqlx::FromRow;
use vooruit_domain::organisation::{OrgKind, OrgRole};

use crate::memberships::MemberTable;
use crate::{Conn, Result, new_id};

const MEMBERS: MemberTable = MemberTable {
    table: "organisation_members",
    key: "organisation_id",
};

#[derive(Debug, Clone, FromRow)]
pub struct OrganisationRow {
    pub id: String,
    pub slug: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub kind: OrgKind,
    pub created_at: i64,
    /// Members (filled by the list queries).
    pub members: i64,
}

const COLUMNS: &str = "o.id, o.slug, o.name, o.kind, o.created_at, \
    (SELECT COUNT(*) FROM organisation_members m WHERE m.organisation_id = o.id) AS members";

/// One member of an organisation, with their account.
#[derive(Debug, Clone, FromRow)]
pub struct MemberRow {
    pub user_id: String,
    pub name: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: OrgRole,
    pub created_at: i64,
}

/// An organisation someone belongs to, with their role there.
#[derive(Debug, Clone, FromRow)]
pub struct MembershipRow {
    pub slug: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub kind: OrgKind,
    #[sqlx(try_from = "String")]
    pub role: OrgRole,
}

#[derive(Debug, Clone, FromRow)]
pub struct InvitationRow {
    pub token_hash: String,
    pub organisation_id: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: OrgRole,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
}

/// Organisations: `conn.organisations()`.
pub struct Organisations<'c>(&'c mut Conn);

impl Conn {
    pub fn organisations(&mut self) -> Organisations<'_> {
        Organisations(self)
    }
}

impl Organisations<'_> {
    /// Removes invitations accepted or expired before `before`
    /// (retention): the address they were sent to goes with them.
    pub async fn forget_invitations(&mut self, before: i64) -> Result<u64> {
        let done = sqlx::query(
            "DELETE FROM organisation_invitations WHERE COALESCE(accepted_at, expires_at) < $1",
        )
        .bind(before)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected())
    }

    /// Stores a new organisation; None when the slug is taken.
    pub async fn insert(
        &mut self,
        slug: &str,
        name: &str,
        kind: OrgKind,
    ) -> Result<Option<String>> {
        let id = new_id();
        let now = self.0.now();
        let done = sqlx::query(
            "INSERT INTO organisations (id, slug, name, kind, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (slug) DO NOTHING",
        )
        .bind(&id)
        .bind(slug)
        .bind(name)
        .bind(kind.as_str())
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok((done.rows_affected() == 1).then_some(id))
    }

    pub async fn update(&mut self, id: &str, name: &str, kind: OrgKind) -> Result<()> {
        let now = self.0.now();
        sqlx::query("UPDATE organisations SET name = $1, kind = $2, updated_at = $3 WHERE id = $4")
            .bind(name)
            .bind(kind.as_str())
            .bind(now)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<OrganisationRow>> {
        Ok(sqlx::query_as::<_, OrganisationRow>(&format!(
            "SELECT {COLUMNS} FROM organisations o WHERE o.id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn by_slug(&mut self, slug: &str) -> Result<Option<OrganisationRow>> {
        Ok(sqlx::query_as::<_, OrganisationRow>(&format!(
            "SELECT {COLUMNS} FROM organisations o WHERE o.slug = $1"
        ))
        .bind(slug)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn slug_and_name(&mut self, id: &str) -> Result<Option<(String, String)>> {
        Ok(sqlx::query_as::<_, (String, String)>(
            "SELECT slug, name FROM organisations WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// One page of organisations by name, and how many there are.
    pub async fn list(&mut self, limit: i64, offset: i64) -> Result<(Vec<OrganisationRow>, i64)> {
        let rows = sqlx::query_as::<_, OrganisationRow>(&format!(
            "SELECT {COLUMNS} FROM organisations o ORDER BY o.name, o.id LIMIT $1 OFFSET $2"
        ))
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *self.0)
        .await?;
        let total = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM organisations")
            .fetch_one(&mut *self.0)
            .await?;
        Ok((rows, total))
    }

    pub async fn domains(&mut self, organisation_id: &str) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar::<_, String>(
            "SELECT domain FROM organisation_domains WHERE organisation_id = $1 ORDER BY domain",
        )
        .bind(organisation_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// Which organisation holds this domain, if any.
    pub async fn domain_owner(&mut self, domain: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar::<_, String>(
            "SELECT organisation_id FROM organisation_domains WHERE domain = $1",
        )
        .bind(domain)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Replaces the organisation's domains.
    pub async fn set_domains(&mut self, organisation_id: &str, domains: &[String]) -> Result<()> {
        sqlx::query("DELETE FROM organisation_domains WHERE organisation_id = $1")
            .bind(organisation_id)
            .execute(&mut *self.0)
            .await?;
        for d in domains {
            sqlx::query(
                "INSERT INTO organisation_domains (domain, organisation_id) VALUES ($1, $2)",
            )
            .bind(d)
            .bind(organisation_id)
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }

    /// The organisation whose domain the address has, if any.
    pub async fn by_domain(&mut self, domain: &str) -> Result<Option<OrganisationRow>> {
        Ok(sqlx::query_as::<_, OrganisationRow>(&format!(
            "SELECT {COLUMNS} FROM organisations o \
             JOIN organisation_domains d ON d.organisation_id = o.id WHERE d.domain = $1"
        ))
        .bind(domain)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn members(&mut self, organisation_id: &str) -> Result<Vec<MemberRow>> {
        Ok(sqlx::query_as::<_, MemberRow>(
            "SELECT m.user_id, u.name, u.email, m.role, m.created_at \
             FROM organisation_members m JOIN users u ON u.id = m.user_id \
             WHERE m.organisation_id = $1 ORDER BY u.name, u.email LIMIT 5000",
        )
        .bind(organisation_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// The role of a user in an organisation, if they are a member.
    pub async fn role_of(
        &mut self,
        organisation_id: &str,
        user_id: &str,
    ) -> Result<Option<OrgRole>> {
        let role = MEMBERS.role_of(self.0, organisation_id, user_id).await?;
        Ok(role.map(OrgRole::try_from).transpose()?)
    }

    /// Adds a member or changes their role.
    pub async fn set_member(
        &mut self,
        organisation_id: &str,
        user_id: &str,
        role: OrgRole,
    ) -> Result<()> {
        MEMBERS
            .set_member(self.0, organisation_id, user_id, role.as_str())
            .await
    }

    /// Removes a member; false when they were not one.
    pub async fn remove_member(&mut self, organisation_id: &str, user_id: &str) -> Result<bool> {
        MEMBERS
            .remove_member(self.0, organisation_id, user_id)
            .await
    }

    pub async fn count_admins(&mut self, organisation_id: &str) -> Result<i64> {
        MEMBERS
            .count_with_role(self.0, organisation_id, OrgRole::Beheerder.as_str())
            .await
    }

    /// The organisations a user belongs to, by name.
    pub async fn memberships(&mut self, user_id: &str) -> Result<Vec<MembershipRow>> {
        Ok(sqlx::query_as::<_, MembershipRow>(
            "SELECT o.slug, o.name, o.kind, m.role FROM organisation_members m \
             JOIN organisations o ON o.id = m.organisation_id \
             WHERE m.user_id = $1 ORDER BY o.name",
        )
        .bind(user_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn insert_invitation(
        &mut self,
        token_hash: &str,
        organisation_id: &str,
        email: &str,
        role: OrgRole,
        invited_by: &str,
        expires_at: i64,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO organisation_invitations \
             (token_hash, organisation_id, email, role, invited_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(token_hash)
        .bind(organisation_id)
        .bind(email)
        .bind(role.as_str())
        .bind(invited_by)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    pub async fn invitation(&mut self, token_hash: &str) -> Result<Option<InvitationRow>> {
        Ok(sqlx::query_as::<_, InvitationRow>(
            "SELECT token_hash, organisation_id, email, role, expires_at, accepted_at \
             FROM organisation_invitations WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Marks an invitation used; false when it was used already.
    pub async fn accept_invitation(&mut self, token_hash: &str) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(
            "UPDATE organisation_invitations SET accepted_at = $1 \
             WHERE token_hash = $2 AND accepted_at IS NULL",
        )
        .bind(now)
        .bind(token_hash)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Invitations not yet accepted and not expired, for the members page.
    pub async fn open_invitations(&mut self, organisation_id: &str) -> Result<Vec<InvitationRow>> {
        let now = self.0.now();
        Ok(sqlx::query_as::<_, InvitationRow>(
            "SELECT token_hash, organisation_id, email, role, expires_at, accepted_at \
             FROM organisation_invitations \
             WHERE organisation_id = $1 AND accepted_at IS NULL AND expires_at > $2 \
             ORDER BY created_at DESC LIMIT 500",
        )
        .bind(organisation_id)
        .bind(now)
        .fetch_all(&mut *self.0)
        .await?)
    }
}
