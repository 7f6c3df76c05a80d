//! Learning groups, their members and invitations.

use sqlx::FromRow;
use vooruit_domain::group::{GroupRole, MeetingInput};

use crate::memberships::MemberTable;
use crate::{Conn, Result, new_id};

const MEMBERS: MemberTable = MemberTable {
    table: "learning_group_members",
    key: "group_id",
};

#[derive(Debug, Clone, FromRow)]
pub struct GroupRow {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub description: String,
    /// The organisation it belongs to: (slug, name).
    pub organisation_slug: Option<String>,
    pub organisation_name: Option<String>,
    pub created_at: i64,
    pub members: i64,
}

const COLUMNS: &str = "g.id, g.slug, g.name, g.description, o.slug AS organisation_slug, \
    o.name AS organisation_name, g.created_at, \
    (SELECT COUNT(*) FROM learning_group_members m WHERE m.group_id = g.id) AS members";

const FROM: &str = "learning_groups g LEFT JOIN organisations o ON o.id = g.organisation_id";

/// One member of a group, with their account.
#[derive(Debug, Clone, FromRow)]
pub struct GroupMemberRow {
    pub user_id: String,
    pub name: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: GroupRole,
}

/// A group someone is in, with their role there.
#[derive(Debug, Clone, FromRow)]
pub struct GroupMembershipRow {
    pub slug: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub role: GroupRole,
    pub members: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct GroupInvitationRow {
    pub token_hash: String,
    pub group_id: String,
    pub email: String,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
}

/// A meeting of a group.
#[derive(Debug, Clone, FromRow)]
pub struct MeetingRow {
    pub id: String,
    pub group_id: String,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub online_url: String,
    pub agenda: String,
    pub updated_at: i64,
}

/// Groups: `conn.groups()`.
pub struct Groups<'c>(&'c mut Conn);

impl Conn {
    pub fn groups(&mut self) -> Groups<'_> {
        Groups(self)
    }
}

impl Groups<'_> {
    /// Removes invitations accepted or expired before `before`
    /// (retention): the address they were sent to goes with them.
    pub async fn forget_invitations(&mut self, before: i64) -> Result<u64> {
        let done = sqlx::query(
            "DELETE FROM learning_group_invitations WHERE COALESCE(accepted_at, expires_at) < $1",
        )
        .bind(before)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected())
    }

    /// Stores a new group; None when the slug is taken.
    pub async fn insert(
        &mut self,
        slug: &str,
        name: &str,
        description: &str,
        organisation_id: Option<&str>,
    ) -> Result<Option<String>> {
        let id = new_id();
        let now = self.0.now();
        let done = sqlx::query(
            "INSERT INTO learning_groups \
             (id, slug, name, description, organisation_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (slug) DO NOTHING",
        )
        .bind(&id)
        .bind(slug)
        .bind(name)
        .bind(description)
        .bind(organisation_id)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok((done.rows_affected() == 1).then_some(id))
    }

    pub async fn update(&mut self, id: &str, name: &str, description: &str) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "UPDATE learning_groups SET name = $1, description = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(name)
        .bind(description)
        .bind(now)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    pub async fn by_slug(&mut self, slug: &str) -> Result<Option<GroupRow>> {
        Ok(sqlx::query_as::<_, GroupRow>(&format!(
            "SELECT {COLUMNS} FROM {FROM} WHERE g.slug = $1"
        ))
        .bind(slug)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    pub async fn by_id(&mut self, id: &str) -> Result<Option<GroupRow>> {
        Ok(
            sqlx::query_as::<_, GroupRow>(&format!("SELECT {COLUMNS} FROM {FROM} WHERE g.id = $1"))
                .bind(id)
                .fetch_optional(&mut *self.0)
                .await?,
        )
    }

    /// One page of groups by name, and how many there are (administrators
    /// see only this: names and numbers of members).
    pub async fn list(&mut self, limit: i64, offset: i64) -> Result<(Vec<GroupRow>, i64)> {
        let rows = sqlx::query_as::<_, GroupRow>(&format!(
            "SELECT {COLUMNS} FROM {FROM} ORDER BY g.name, g.id LIMIT $1 OFFSET $2"
        ))
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *self.0)
        .await?;
        let total = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM learning_groups")
            .fetch_one(&mut *self.0)
            .await?;
        Ok((rows, total))
    }

    /// Removes a group with its members and invitations.
    pub async fn delete(&mut self, id: &str) -> Result<bool> {
        for sql in [
            "DELETE FROM learning_group_meetings WHERE group_id = $1",
            "DELETE FROM learning_group_invitations WHERE group_id = $1",
            "DELETE FROM learning_group_members WHERE group_id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *self.0).await?;
        }
        let done = sqlx::query("DELETE FROM learning_groups WHERE id = $1")
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn members(&mut self, group_id: &str) -> Result<Vec<GroupMemberRow>> {
        Ok(sqlx::query_as::<_, GroupMemberRow>(
            "SELECT m.user_id, u.name, u.email, m.role \
             FROM learning_group_members m JOIN users u ON u.id = m.user_id \
             WHERE m.group_id = $1 ORDER BY u.name, u.email LIMIT 2000",
        )
        .bind(group_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// The role of a user in a group, if they are a member.
    pub async fn role_of(&mut self, group_id: &str, user_id: &str) -> Result<Option<GroupRole>> {
        let role = MEMBERS.role_of(self.0, group_id, user_id).await?;
        Ok(role.map(GroupRole::try_from).transpose()?)
    }

    /// Adds a member or changes their role.
    pub async fn set_member(
        &mut self,
        group_id: &str,
        user_id: &str,
        role: GroupRole,
    ) -> Result<()> {
        MEMBERS
            .set_member(self.0, group_id, user_id, role.as_str())
            .await
    }

    /// Removes a member; false when they were not one.
    pub async fn remove_member(&mut self, group_id: &str, user_id: &str) -> Result<bool> {
        MEMBERS.remove_member(self.0, group_id, user_id).await
    }

    pub async fn count_facilitators(&mut self, group_id: &str) -> Result<i64> {
        MEMBERS
            .count_with_role(self.0, group_id, GroupRole::Begeleider.as_str())
            .await
    }

    /// The groups a user is in, by name.
    pub async fn memberships(&mut self, user_id: &str) -> Result<Vec<GroupMembershipRow>> {
        Ok(sqlx::query_as::<_, GroupMembershipRow>(
            "SELECT g.slug, g.name, m.role, \
             (SELECT COUNT(*) FROM learning_group_members n WHERE n.group_id = g.id) AS members \
             FROM learning_group_members m JOIN learning_groups g ON g.id = m.group_id \
             WHERE m.user_id = $1 ORDER BY g.name",
        )
        .bind(user_id)
        .fetch_all(&mut *self.0)
        .await?)
    }

    pub async fn insert_invitation(
        &mut self,
        token_hash: &str,
        group_id: &str,
        email: &str,
        invited_by: &str,
        expires_at: i64,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO learning_group_invitations \
             (token_hash, group_id, email, invited_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_hash)
        .bind(group_id)
        .bind(email)
        .bind(invited_by)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    pub async fn invitation(&mut self, token_hash: &str) -> Result<Option<GroupInvitationRow>> {
        Ok(sqlx::query_as::<_, GroupInvitationRow>(
            "SELECT token_hash, group_id, email, expires_at, accepted_at \
             FROM learning_group_invitations WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Marks an invitation used; false when it was used already.
    pub async fn accept_invitation(&mut self, token_hash: &str) -> Result<bool> {
        let now = self.0.now();
        let done = sqlx::query(
            "UPDATE learning_group_invitations SET accepted_at = $1 \
             WHERE token_hash = $2 AND accepted_at IS NULL",
        )
        .bind(now)
        .bind(token_hash)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Invitations not yet accepted and not expired, for the group page.
    pub async fn open_invitations(&mut self, group_id: &str) -> Result<Vec<GroupInvitationRow>> {
        let now = self.0.now();
        Ok(sqlx::query_as::<_, GroupInvitationRow>(
            "SELECT token_hash, group_id, email, expires_at, accepted_at \
             FROM learning_group_invitations \
             WHERE group_id = $1 AND accepted_at IS NULL AND expires_at > $2 \
             ORDER BY created_at DESC LIMIT 500",
        )
        .bind(group_id)
        .bind(now)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// A new meeting of a group; returns its id.
    pub async fn insert_meeting(&mut self, group_id: &str, m: &MeetingInput) -> Result<String> {
        let id = new_id();
        let now = self.0.now();
        sqlx::query(
            "INSERT INTO learning_group_meetings \
             (id, group_id, title, starts_at, ends_at, place, online_url, agenda, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
        )
        .bind(&id)
        .bind(group_id)
        .bind(m.title.trim())
        .bind(m.starts_at)
        .bind(m.ends_at)
        .bind(m.place.trim())
        .bind(m.online_url.trim())
        .bind(m.agenda.trim())
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(id)
    }

    /// Removes a meeting of this group; false when it has none by this id.
    pub async fn delete_meeting(&mut self, group_id: &str, id: &str) -> Result<bool> {
        let done =
            sqlx::query("DELETE FROM learning_group_meetings WHERE group_id = $1 AND id = $2")
                .bind(group_id)
                .bind(id)
                .execute(&mut *self.0)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The group's meetings that have not ended before `since`, soonest
    /// first.
    pub async fn meetings(&mut self, group_id: &str, since: i64) -> Result<Vec<MeetingRow>> {
        Ok(sqlx::query_as::<_, MeetingRow>(
            "SELECT id, group_id, title, starts_at, ends_at, place, online_url, agenda, updated_at \
             FROM learning_group_meetings WHERE group_id = $1 AND ends_at >= $2 \
             ORDER BY starts_at, id LIMIT 200",
        )
        .bind(group_id)
        .bind(since)
        .fetch_all(&mut *self.0)
        .await?)
    }

    /// Gives a member a new private calendar address (its hash), replacing
    /// the one they had for this group.
    pub async fn set_calendar_link(
        &mut self,
        group_id: &str,
        user_id: &str,
        token_hash: &str,
    ) -> Result<()> {
        let now = self.0.now();
        sqlx::query(
            "DELETE FROM learning_group_calendar_links WHERE group_id = $1 AND user_id = $2",
        )
        .bind(group_id)
        .bind(user_id)
        .execute(&mut *self.0)
        .await?;
        sqlx::query(
            "INSERT INTO learning_group_calendar_links (token_hash, group_id, user_id, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(group_id)
        .bind(user_id)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    /// Whose calendar address this is: (group id, user id).
    pub async fn calendar_link(&mut self, token_hash: &str) -> Result<Option<(String, String)>> {
        Ok(sqlx::query_as::<_, (String, String)>(
            "SELECT group_id, user_id FROM learning_group_calendar_links WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    /// Whether the member has a calendar address for the group.
    pub async fn has_calendar_link(&mut self, group_id: &str, user_id: &str) -> Result<bool> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM learning_group_calendar_links WHERE group_id = $1 AND user_id = $2",
        )
        .bind(group_id)
        .bind(user_id)
        .fetch_one(&mut *self.0)
        .await?
            > 0)
    }
}
