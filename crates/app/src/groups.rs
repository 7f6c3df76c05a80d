//! Learning groups: a member creates one (and becomes its facilitator),
//! invites people by e-mail (a link that works 14 days, for that address
//! only; someone without an account makes one through it), facilitators
//! remove members and hand over their role, members leave. A group may
//! belong to an organisation its creator is in, or span several.
//!
//! Everything in a group is seen by its members only: not by other
//! members, not by editors, not in search, the API's public parts or
//! feeds. Administrators see that a group exists, its name and its number
//! of members, and can remove it (on a complaint); they never see inside.

use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::group::{GroupInput, GroupRole, MeetingInput, invite_addresses};
use vooruit_domain::lang::Lang;
use vooruit_domain::slug::slugify;
use vooruit_store::Conn;
use vooruit_store::groups::{GroupRow, MeetingRow};

use crate::accounts::{Session, User, check_new_account, hash_password};
use crate::events::ics_text;
use crate::mail::{self, Mail, texts};
use crate::page::{PAGE_SIZE, Page, offset};
use crate::tokens::{hash_token, new_token};
use crate::{AppError, AppResult};

crate::service!(
    /// Learning groups and their members: `app.groups()`.
    Groups,
    groups
);

/// An invitation link works this long.
const INVITATION_DAYS: i64 = 14;

/// A group as administrators see it: nothing of what is inside.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroupSummary {
    pub id: String,
    pub name: String,
    pub members: i64,
}

/// A member of a group as the other members see them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroupMember {
    pub user_id: String,
    pub name: String,
    /// Only for the group's facilitators.
    pub email: Option<String>,
    pub role: GroupRole,
}

/// An invitation not yet used (for facilitators).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroupInvitation {
    pub email: String,
    pub expires_at: i64,
}

/// A group as its members see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroupView {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// The organisation it belongs to: its name.
    pub organisation: Option<String>,
    pub members: Vec<GroupMember>,
    pub invitations: Vec<GroupInvitation>,
    /// The meetings that have not ended, soonest first.
    pub meetings: Vec<Meeting>,
    pub my_role: GroupRole,
    /// The member has a private calendar address for the group.
    pub calendar_link: bool,
}

/// A meeting of the group.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Meeting {
    pub id: String,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub online_url: String,
    /// What is on the agenda (Markdown).
    pub agenda: String,
}

impl From<MeetingRow> for Meeting {
    fn from(m: MeetingRow) -> Self {
        Meeting {
            id: m.id,
            title: m.title,
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            place: m.place,
            online_url: m.online_url,
            agenda: m.agenda,
        }
    }
}

impl GroupView {
    pub fn is_facilitator(&self) -> bool {
        self.my_role == GroupRole::Begeleider
    }
}

/// A group someone is in.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MyGroup {
    pub slug: String,
    pub name: String,
    pub role: GroupRole,
    pub members: i64,
}

/// What the invitation page shows.
#[derive(Debug, Clone, Serialize)]
pub struct GroupInvitationView {
    pub group: String,
    pub email: String,
    /// Not used and not expired.
    pub open: bool,
    /// The address has an account (then the person logs in instead of
    /// making one).
    pub has_account: bool,
}

/// The group and the role of who asks; 404 for someone outside it, so
/// nobody learns which groups exist (administrators included: they use
/// the list of groups).
pub(crate) async fn member_access(
    conn: &mut Conn,
    user: &User,
    slug: &str,
) -> AppResult<(GroupRow, GroupRole)> {
    let group = conn
        .groups()
        .by_slug(slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let role = conn
        .groups()
        .role_of(&group.id, &user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((group, role))
}

/// As `member_access`, for what only facilitators may do.
pub(crate) async fn facilitator_access(
    conn: &mut Conn,
    user: &User,
    slug: &str,
) -> AppResult<GroupRow> {
    let (group, role) = member_access(conn, user, slug).await?;
    if role != GroupRole::Begeleider {
        return Err(AppError::Forbidden);
    }
    Ok(group)
}

/// Refuses to let the last facilitator go (leave, be removed or step
/// down): someone must always be able to lead the group. 404 when the
/// person is not a member.
async fn keep_a_facilitator(conn: &mut Conn, group_id: &str, user_id: &str) -> AppResult<()> {
    let current = conn
        .groups()
        .role_of(group_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if current == GroupRole::Begeleider && conn.groups().count_facilitators(group_id).await? <= 1 {
        return Err(AppError::Conflict("error-last-facilitator"));
    }
    Ok(())
}

impl Groups<'_> {
    /// Creates a group; its creator is its facilitator. Returns its slug.
    pub async fn create(&self, user: &User, mut input: GroupInput) -> AppResult<String> {
        input.normalise();
        input.validate()?;
        let mut tx = self.begin("groups.create").await?;
        let organisation_id = if input.organisation.is_empty() {
            None
        } else {
            // Only an organisation the creator is in.
            let org = tx
                .organisations()
                .by_slug(&input.organisation)
                .await?
                .ok_or_else(|| AppError::field("organisation", "error-unknown-choice"))?;
            if tx
                .organisations()
                .role_of(&org.id, &user.id)
                .await?
                .is_none()
            {
                return Err(AppError::field("organisation", "error-unknown-choice"));
            }
            Some(org.id)
        };
        let base = slugify(&input.name);
        for n in 1..50 {
            let slug = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if let Some(id) = tx
                .groups()
                .insert(
                    &slug,
                    &input.name,
                    &input.description,
                    organisation_id.as_deref(),
                )
                .await?
            {
                tx.groups()
                    .set_member(&id, &user.id, GroupRole::Begeleider)
                    .await?;
                self.commit(tx).await?;
                return Ok(slug);
            }
        }
        Err(AppError::Conflict("error-changed-meanwhile"))
    }

    /// Changes the name and description (facilitators).
    pub async fn update(&self, user: &User, slug: &str, mut input: GroupInput) -> AppResult<()> {
        let mut tx = self.begin("groups.update").await?;
        let group = facilitator_access(&mut tx, user, slug).await?;
        input.normalise();
        input.validate()?;
        tx.groups()
            .update(&group.id, &input.name, &input.description)
            .await?;
        self.commit(tx).await
    }

    /// One group, for its members.
    pub async fn get(&self, user: &User, slug: &str) -> AppResult<GroupView> {
        let mut conn = self.read().await?;
        let (group, role) = member_access(&mut conn, user, slug).await?;
        let facilitator = role == GroupRole::Begeleider;
        let members = conn
            .groups()
            .members(&group.id)
            .await?
            .into_iter()
            .map(|m| GroupMember {
                user_id: m.user_id,
                name: m.name,
                email: facilitator.then_some(m.email),
                role: m.role,
            })
            .collect();
        let invitations = if facilitator {
            conn.groups()
                .open_invitations(&group.id)
                .await?
                .into_iter()
                .map(|i| GroupInvitation {
                    email: i.email,
                    expires_at: i.expires_at,
                })
                .collect()
        } else {
            vec![]
        };
        let now = conn.now();
        let meetings = conn
            .groups()
            .meetings(&group.id, now)
            .await?
            .into_iter()
            .map(Meeting::from)
            .collect();
        let calendar_link = conn.groups().has_calendar_link(&group.id, &user.id).await?;
        Ok(GroupView {
            calendar_link,
            meetings,
            slug: group.slug,
            name: group.name,
            description: group.description,
            organisation: group.organisation_name,
            members,
            invitations,
            my_role: role,
        })
    }

    /// The groups someone is in.
    pub async fn mine(&self, user: &User) -> AppResult<Vec<MyGroup>> {
        Ok(self
            .read()
            .await?
            .groups()
            .memberships(&user.id)
            .await?
            .into_iter()
            .map(|m| MyGroup {
                slug: m.slug,
                name: m.name,
                role: m.role,
                members: m.members,
            })
            .collect())
    }

    /// Invites people by e-mail, several at once (facilitators). Each gets
    /// a link that works for their address only. Returns how many.
    pub async fn invite(
        &self,
        by: &User,
        slug: &str,
        addresses: &str,
        lang: Lang,
    ) -> AppResult<usize> {
        let mut tx = self.begin("groups.invite").await?;
        // Who may invite is checked before what they typed.
        let group = facilitator_access(&mut tx, by, slug).await?;
        let emails = invite_addresses(addresses).map_err(|key| AppError::field("emails", key))?;
        let expires = tx.now() + INVITATION_DAYS * 24 * 3600 * 1000;
        for email in &emails {
            let token = new_token();
            tx.groups()
                .insert_invitation(&hash_token(&token), &group.id, email, &by.id, expires)
                .await?;
            let link = self.config.url(&format!("/groep-uitnodiging/{token}"));
            let (subject, text) = texts::group_invitation(lang, &group.name, &by.name, &link);
            mail::queue(&mut tx, Mail::text(email, subject, text)).await?;
        }
        self.commit(tx).await?;
        Ok(emails.len())
    }

    /// What an invitation link is for.
    pub async fn invitation(&self, token: &str) -> AppResult<GroupInvitationView> {
        let mut conn = self.read().await?;
        let inv = conn
            .groups()
            .invitation(&hash_token(token))
            .await?
            .ok_or(AppError::NotFound)?;
        let group = conn
            .groups()
            .by_id(&inv.group_id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(GroupInvitationView {
            group: group.name,
            open: inv.accepted_at.is_none() && inv.expires_at > conn.now(),
            has_account: conn.accounts().user_by_email(&inv.email).await?.is_some(),
            email: inv.email,
        })
    }

    /// The invitation behind a token, if it can still be used.
    async fn open_invitation(
        &self,
        tx: &mut Conn,
        token: &str,
    ) -> AppResult<vooruit_store::groups::GroupInvitationRow> {
        let inv = tx
            .groups()
            .invitation(&hash_token(token))
            .await?
            .ok_or(AppError::NotFound)?;
        if inv.accepted_at.is_some() || inv.expires_at <= tx.now() {
            return Err(AppError::Conflict("error-link-expired"));
        }
        Ok(inv)
    }

    /// Joins the group of `inv` (keeping a facilitator's role) and uses up
    /// the invitation. Returns the group's slug.
    async fn join(
        &self,
        tx: &mut Conn,
        inv: &vooruit_store::groups::GroupInvitationRow,
        user_id: &str,
    ) -> AppResult<String> {
        if tx.groups().role_of(&inv.group_id, user_id).await?.is_none() {
            tx.groups()
                .set_member(&inv.group_id, user_id, GroupRole::Lid)
                .await?;
        }
        if !tx.groups().accept_invitation(&inv.token_hash).await? {
            return Err(AppError::Conflict("error-link-expired"));
        }
        let group = tx
            .groups()
            .by_id(&inv.group_id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(group.slug)
    }

    /// Accepts an invitation: the signed-in person, whose address must be
    /// the invited one, joins as a member. Returns the group's slug.
    pub async fn accept(&self, user: &User, token: &str) -> AppResult<String> {
        let mut tx = self.begin("groups.accept").await?;
        let inv = self.open_invitation(&mut tx, token).await?;
        if !inv.email.eq_ignore_ascii_case(&user.email) {
            return Err(AppError::Conflict("error-invitation-other-address"));
        }
        let slug = self.join(&mut tx, &inv, &user.id).await?;
        self.commit(tx).await?;
        Ok(slug)
    }

    /// Someone without an account accepts: an account for the invited
    /// address (proven by the link that reached it) is made, signed in,
    /// and joins. Returns the session and the group's slug.
    pub async fn register_and_accept(
        &self,
        token: &str,
        name: &str,
        password: &str,
    ) -> AppResult<(Session, String)> {
        // An unknown or used link says so before the form is looked at.
        let mut conn = self.read().await?;
        self.open_invitation(&mut conn, token).await?;
        drop(conn);
        check_new_account(name, password)?;
        // Hashing takes a while on purpose: not inside the transaction.
        let hash = hash_password(password).await?;
        let mut tx = self.begin("groups.register_and_accept").await?;
        let inv = self.open_invitation(&mut tx, token).await?;
        let session = self
            .accounts()
            .register_verified(&mut tx, name, &inv.email, &hash)
            .await?;
        let slug = self.join(&mut tx, &inv, &session.user.id).await?;
        self.commit(tx).await?;
        Ok((session, slug))
    }

    /// Makes a member facilitator or member (facilitators). Handing over:
    /// make someone facilitator, then step down. The last facilitator
    /// cannot step down.
    pub async fn set_role(
        &self,
        by: &User,
        slug: &str,
        user_id: &str,
        role: &str,
    ) -> AppResult<()> {
        let role = GroupRole::parse(role)
            .ok_or_else(|| AppError::field("role", "error-unknown-choice"))?;
        let mut tx = self.begin("groups.set_role").await?;
        let group = facilitator_access(&mut tx, by, slug).await?;
        if role == GroupRole::Begeleider {
            if tx.groups().role_of(&group.id, user_id).await?.is_none() {
                return Err(AppError::NotFound);
            }
        } else {
            keep_a_facilitator(&mut tx, &group.id, user_id).await?;
        }
        tx.groups().set_member(&group.id, user_id, role).await?;
        self.commit(tx).await
    }

    /// Removes a member (facilitators), or lets a member leave (`user_id`
    /// is their own). Never the last facilitator.
    pub async fn remove(&self, by: &User, slug: &str, user_id: &str) -> AppResult<()> {
        let mut tx = self.begin("groups.remove").await?;
        let (group, role) = member_access(&mut tx, by, slug).await?;
        let leaving = by.id == user_id;
        if !leaving && role != GroupRole::Begeleider {
            return Err(AppError::Forbidden);
        }
        keep_a_facilitator(&mut tx, &group.id, user_id).await?;
        tx.groups().remove_member(&group.id, user_id).await?;
        self.commit(tx).await
    }

    /// Plans a meeting of the group (facilitators).
    pub async fn add_meeting(&self, by: &User, slug: &str, input: MeetingInput) -> AppResult<()> {
        let mut tx = self.begin("groups.add_meeting").await?;
        let group = facilitator_access(&mut tx, by, slug).await?;
        input.validate()?;
        tx.groups().insert_meeting(&group.id, &input).await?;
        self.commit(tx).await
    }

    /// Takes a meeting off (facilitators).
    pub async fn remove_meeting(&self, by: &User, slug: &str, id: &str) -> AppResult<()> {
        let mut tx = self.begin("groups.remove_meeting").await?;
        let group = facilitator_access(&mut tx, by, slug).await?;
        if !tx.groups().delete_meeting(&group.id, id).await? {
            return Err(AppError::NotFound);
        }
        self.commit(tx).await
    }

    /// The group's coming meetings as an iCalendar file (members only).
    pub async fn ics(&self, user: &User, slug: &str) -> AppResult<String> {
        let mut conn = self.read().await?;
        let (group, _) = member_access(&mut conn, user, slug).await?;
        self.calendar(&mut conn, &group).await
    }

    /// Makes a new private calendar address for a member (the old one
    /// stops working). Returns the full address; only its hash is kept,
    /// so it is shown once.
    pub async fn new_calendar_link(&self, user: &User, slug: &str) -> AppResult<String> {
        let mut tx = self.begin("groups.new_calendar_link").await?;
        let (group, _) = member_access(&mut tx, user, slug).await?;
        let token = new_token();
        tx.groups()
            .set_calendar_link(&group.id, &user.id, &hash_token(&token))
            .await?;
        self.commit(tx).await?;
        Ok(self.config.url(&format!("/groep-agenda/{token}.ics")))
    }

    /// The meetings behind a private calendar address, while its member is
    /// still in the group; 404 otherwise.
    pub async fn ics_by_link(&self, token: &str) -> AppResult<String> {
        let mut conn = self.read().await?;
        let (group_id, user_id) = conn
            .groups()
            .calendar_link(&hash_token(token))
            .await?
            .ok_or(AppError::NotFound)?;
        if conn.groups().role_of(&group_id, &user_id).await?.is_none() {
            return Err(AppError::NotFound);
        }
        let group = conn
            .groups()
            .by_id(&group_id)
            .await?
            .ok_or(AppError::NotFound)?;
        self.calendar(&mut conn, &group).await
    }

    async fn calendar(&self, conn: &mut Conn, group: &GroupRow) -> AppResult<String> {
        let now = conn.now();
        let meetings = conn.groups().meetings(&group.id, now).await?;
        let base = &self.config.base_url;
        let host = base.split("://").nth(1).unwrap_or("vooruit");
        let utc = |ms: i64| chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default();
        let mut cal = icalendar::Calendar::new();
        cal.name(&group.name);
        for m in &meetings {
            use icalendar::{Component, EventLike};
            let mut ev = icalendar::Event::new();
            ev.uid(&format!("{}@{host}", m.id))
                .summary(&ics_text(&m.title))
                .description(&ics_text(&crate::markdown::plain_excerpt(&m.agenda, 2000)))
                .starts(utc(m.starts_at))
                .ends(utc(m.ends_at))
                .timestamp(utc(m.updated_at))
                .url(&format!("{base}/groepen/{}", group.slug))
                .location(&ics_text(if m.place.is_empty() {
                    &m.online_url
                } else {
                    &m.place
                }));
            cal.push(ev.done());
        }
        Ok(cal.done().to_string())
    }

    /// Every group's name and number of members (administrators).
    pub async fn list(&self, admin: &User, page: i64) -> AppResult<Page<GroupSummary>> {
        admin.require_admin()?;
        let (page, offset) = offset(page, PAGE_SIZE);
        let (rows, total) = self.read().await?.groups().list(PAGE_SIZE, offset).await?;
        let items = rows
            .into_iter()
            .map(|g| GroupSummary {
                id: g.id,
                name: g.name,
                members: g.members,
            })
            .collect();
        Ok(Page::new(items, total, page, PAGE_SIZE))
    }

    /// Removes a group with everything in it (administrators, on a
    /// complaint).
    pub async fn delete(&self, admin: &User, id: &str) -> AppResult<()> {
        admin.require_admin()?;
        let mut tx = self.begin("groups.delete").await?;
        if !tx.groups().delete(id).await? {
            return Err(AppError::NotFound);
        }
        self.commit(tx).await
    }
}
