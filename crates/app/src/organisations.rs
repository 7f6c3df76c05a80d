//! Organisations (gemeente, zorgaanbieder, ...) and their members.
//! Administrators create them and set their e-mail domains; an
//! organisation's own admins (beheerders) invite and remove people; a
//! member with a verified address in one of the domains may join alone.
//! Who is in an organisation is seen only by its members and by
//! administrators; addresses only by its beheerders and administrators.

use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::FieldErrors;
use vooruit_domain::lang::Lang;
use vooruit_domain::organisation::{OrgInput, OrgKind, OrgRole, email_domain};
use vooruit_domain::slug::slugify;
use vooruit_domain::validation::is_plausible_email;
use vooruit_store::Conn;
use vooruit_store::organisations::{MembershipRow, OrganisationRow};

use crate::accounts::User;
use crate::mail::{self, Mail, texts};
use crate::page::{PAGE_SIZE, Page, offset};
use crate::tokens::{hash_token, new_token};
use crate::{AppError, AppResult};

crate::service!(
    /// Organisations and their members: `app.organisations()`.
    Organisations,
    organisations
);

/// An invitation link works this long.
const INVITATION_DAYS: i64 = 14;

/// An organisation in a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganisationSummary {
    pub slug: String,
    pub name: String,
    pub kind: OrgKind,
    pub members: i64,
}

impl From<OrganisationRow> for OrganisationSummary {
    fn from(r: OrganisationRow) -> Self {
        OrganisationSummary {
            slug: r.slug,
            name: r.name,
            kind: r.kind,
            members: r.members,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Member {
    pub user_id: String,
    pub name: String,
    /// Only for the organisation's beheerders and administrators.
    pub email: Option<String>,
    pub role: OrgRole,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Invitation {
    pub email: String,
    pub role: OrgRole,
    pub expires_at: i64,
}

/// An organisation as its members (and administrators) see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganisationView {
    pub slug: String,
    pub name: String,
    pub kind: OrgKind,
    pub domains: Vec<String>,
    pub members: Vec<Member>,
    /// Open invitations (for those who may manage members).
    pub invitations: Vec<Invitation>,
    /// The viewer's role here, if they are a member.
    pub my_role: Option<OrgRole>,
    /// Whether the viewer may invite and remove people.
    pub can_manage: bool,
}

/// An organisation someone belongs to.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Membership {
    pub slug: String,
    pub name: String,
    pub kind: OrgKind,
    pub role: OrgRole,
}

impl From<MembershipRow> for Membership {
    fn from(r: MembershipRow) -> Self {
        Membership {
            slug: r.slug,
            name: r.name,
            kind: r.kind,
            role: r.role,
        }
    }
}

/// What the invitation page shows.
#[derive(Debug, Clone, Serialize)]
pub struct InvitationView {
    pub organisation: String,
    pub email: String,
    pub role: OrgRole,
    /// Open: not used and not expired.
    pub open: bool,
}

/// Who is asking, in one organisation.
struct Access {
    org: OrganisationRow,
    role: Option<OrgRole>,
    admin: bool,
}

impl Access {
    fn can_see(&self) -> bool {
        self.admin || self.role.is_some()
    }

    fn can_manage(&self) -> bool {
        self.admin || self.role == Some(OrgRole::Beheerder)
    }
}

async fn access(conn: &mut Conn, user: &User, slug: &str) -> AppResult<Access> {
    let org = conn
        .organisations()
        .by_slug(slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let role = conn.organisations().role_of(&org.id, &user.id).await?;
    Ok(Access {
        org,
        role,
        admin: user.is_admin(),
    })
}

/// The organisation form, checked: its kind as the enum.
fn validated(mut input: OrgInput) -> AppResult<(OrgInput, OrgKind)> {
    input.normalise();
    input.validate()?;
    let kind = OrgKind::parse(&input.kind)
        .ok_or_else(|| AppError::field("kind", "error-unknown-choice"))?;
    Ok((input, kind))
}

/// Every domain must be free or already this organisation's.
async fn check_domains(conn: &mut Conn, own_id: Option<&str>, domains: &[String]) -> AppResult<()> {
    for d in domains {
        if let Some(owner) = conn.organisations().domain_owner(d).await?
            && Some(owner.as_str()) != own_id
        {
            return Err(AppError::field("domains", "error-domain-taken"));
        }
    }
    Ok(())
}

fn parse_role(role: &str) -> AppResult<OrgRole> {
    OrgRole::parse(role).ok_or_else(|| AppError::field("role", "error-unknown-choice"))
}

impl Organisations<'_> {
    /// All organisations, for administrators.
    pub async fn list(&self, admin: &User, page: i64) -> AppResult<Page<OrganisationSummary>> {
        admin.require_admin()?;
        let (page, offset) = offset(page, PAGE_SIZE);
        let (rows, total) = self
            .read()
            .await?
            .organisations()
            .list(PAGE_SIZE, offset)
            .await?;
        let items = rows.into_iter().map(OrganisationSummary::from).collect();
        Ok(Page::new(items, total, page, PAGE_SIZE))
    }

    /// Creates an organisation (administrators); returns its slug.
    pub async fn create(&self, admin: &User, input: OrgInput) -> AppResult<String> {
        admin.require_admin()?;
        let (input, kind) = validated(input)?;
        let mut tx = self.begin("organisations.create").await?;
        check_domains(&mut tx, None, &input.domains).await?;
        let base = slugify(&input.name);
        for n in 1..50 {
            let slug = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if let Some(id) = tx.organisations().insert(&slug, &input.name, kind).await? {
                tx.organisations().set_domains(&id, &input.domains).await?;
                self.commit(tx).await?;
                return Ok(slug);
            }
        }
        Err(AppError::Conflict("error-changed-meanwhile"))
    }

    /// The fields of an organisation as the edit form starts from them.
    pub async fn input(&self, admin: &User, slug: &str) -> AppResult<OrgInput> {
        admin.require_admin()?;
        let mut conn = self.read().await?;
        let org = conn
            .organisations()
            .by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(OrgInput {
            domains: conn.organisations().domains(&org.id).await?,
            name: org.name,
            kind: org.kind.as_str().to_string(),
        })
    }

    /// Changes name, kind and domains (administrators).
    pub async fn update(&self, admin: &User, slug: &str, input: OrgInput) -> AppResult<()> {
        admin.require_admin()?;
        let (input, kind) = validated(input)?;
        let mut tx = self.begin("organisations.update").await?;
        let org = tx
            .organisations()
            .by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        check_domains(&mut tx, Some(&org.id), &input.domains).await?;
        tx.organisations()
            .update(&org.id, &input.name, kind)
            .await?;
        tx.organisations()
            .set_domains(&org.id, &input.domains)
            .await?;
        self.commit(tx).await
    }

    /// One organisation, for its members and administrators.
    pub async fn get(&self, user: &User, slug: &str) -> AppResult<OrganisationView> {
        let mut conn = self.read().await?;
        let a = access(&mut conn, user, slug).await?;
        if !a.can_see() {
            return Err(AppError::Forbidden);
        }
        let manage = a.can_manage();
        let members = conn
            .organisations()
            .members(&a.org.id)
            .await?
            .into_iter()
            .map(|m| Member {
                user_id: m.user_id,
                name: m.name,
                email: manage.then_some(m.email),
                role: m.role,
            })
            .collect();
        let invitations = if manage {
            conn.organisations()
                .open_invitations(&a.org.id)
                .await?
                .into_iter()
                .map(|i| Invitation {
                    email: i.email,
                    role: i.role,
                    expires_at: i.expires_at,
                })
                .collect()
        } else {
            vec![]
        };
        Ok(OrganisationView {
            domains: conn.organisations().domains(&a.org.id).await?,
            slug: a.org.slug,
            name: a.org.name,
            kind: a.org.kind,
            members,
            invitations,
            my_role: a.role,
            can_manage: manage,
        })
    }

    /// Invites someone by e-mail (the organisation's beheerders and
    /// administrators). The link in the mail works for that address only.
    pub async fn invite(
        &self,
        by: &User,
        slug: &str,
        email: &str,
        role: &str,
        lang: Lang,
    ) -> AppResult<()> {
        let mut tx = self.begin("organisations.invite").await?;
        // Who may invite is checked before what they typed, so the answer
        // tells nothing to someone who may not.
        let a = access(&mut tx, by, slug).await?;
        if !a.can_manage() {
            return Err(AppError::Forbidden);
        }
        let email = email.trim().to_lowercase();
        let mut e = FieldErrors::new();
        if !is_plausible_email(&email) {
            e.add("email", "error-email");
        }
        let role = OrgRole::parse(role);
        if role.is_none() {
            e.add("role", "error-unknown-choice");
        }
        e.into_result()?;
        let role = role.unwrap_or(OrgRole::Lid);
        let token = new_token();
        let expires = tx.now() + INVITATION_DAYS * 24 * 3600 * 1000;
        tx.organisations()
            .insert_invitation(
                &hash_token(&token),
                &a.org.id,
                &email,
                role,
                &by.id,
                expires,
            )
            .await?;
        let link = self.config.url(&format!("/uitnodiging/{token}"));
        let (subject, text) = texts::organisation_invitation(lang, &a.org.name, &by.name, &link);
        mail::queue(&mut tx, Mail::text(&email, subject, text)).await?;
        self.commit(tx).await
    }

    /// What an invitation link is for.
    pub async fn invitation(&self, token: &str) -> AppResult<InvitationView> {
        let mut conn = self.read().await?;
        let inv = conn
            .organisations()
            .invitation(&hash_token(token))
            .await?
            .ok_or(AppError::NotFound)?;
        let (_, org) = slug_and_name(&mut conn, &inv.organisation_id).await?;
        Ok(InvitationView {
            organisation: org,
            open: inv.accepted_at.is_none() && inv.expires_at > conn.now(),
            email: inv.email,
            role: inv.role,
        })
    }

    /// Accepts an invitation: the signed-in person, whose address must be
    /// the invited one, joins with the role of the invitation. Returns the
    /// organisation's slug.
    pub async fn accept(&self, user: &User, token: &str) -> AppResult<String> {
        let mut tx = self.begin("organisations.accept").await?;
        let inv = tx
            .organisations()
            .invitation(&hash_token(token))
            .await?
            .ok_or(AppError::NotFound)?;
        if inv.accepted_at.is_some() || inv.expires_at <= tx.now() {
            return Err(AppError::Conflict("error-link-expired"));
        }
        if !inv.email.eq_ignore_ascii_case(&user.email) {
            return Err(AppError::Conflict("error-invitation-other-address"));
        }
        // Someone who is already a beheerder keeps that role.
        let current = tx
            .organisations()
            .role_of(&inv.organisation_id, &user.id)
            .await?;
        let role = current.map_or(inv.role, |c| c.max(inv.role));
        tx.organisations()
            .set_member(&inv.organisation_id, &user.id, role)
            .await?;
        tx.organisations()
            .accept_invitation(&inv.token_hash)
            .await?;
        let (slug, _) = slug_and_name(&mut tx, &inv.organisation_id).await?;
        self.commit(tx).await?;
        Ok(slug)
    }

    /// Changes a member's role (beheerders and administrators). The last
    /// beheerder cannot step down, so someone can always manage.
    pub async fn set_role(
        &self,
        by: &User,
        slug: &str,
        user_id: &str,
        role: &str,
    ) -> AppResult<()> {
        let role = parse_role(role)?;
        let mut tx = self.begin("organisations.set_role").await?;
        let a = access(&mut tx, by, slug).await?;
        if !a.can_manage() {
            return Err(AppError::Forbidden);
        }
        if role != OrgRole::Beheerder {
            keep_a_beheerder(&mut tx, &a.org.id, user_id).await?;
        } else if tx
            .organisations()
            .role_of(&a.org.id, user_id)
            .await?
            .is_none()
        {
            return Err(AppError::NotFound);
        }
        tx.organisations()
            .set_member(&a.org.id, user_id, role)
            .await?;
        self.commit(tx).await
    }

    /// Removes a member (beheerders and administrators), or lets a member
    /// leave (`user_id` is their own). Not the last beheerder.
    pub async fn remove(&self, by: &User, slug: &str, user_id: &str) -> AppResult<()> {
        let mut tx = self.begin("organisations.remove").await?;
        let a = access(&mut tx, by, slug).await?;
        let leaving = by.id == user_id && a.role.is_some();
        if !leaving && !a.can_manage() {
            return Err(AppError::Forbidden);
        }
        keep_a_beheerder(&mut tx, &a.org.id, user_id).await?;
        tx.organisations().remove_member(&a.org.id, user_id).await?;
        self.commit(tx).await
    }

    /// The organisations someone belongs to.
    pub async fn mine(&self, user: &User) -> AppResult<Vec<Membership>> {
        Ok(self
            .read()
            .await?
            .organisations()
            .memberships(&user.id)
            .await?
            .into_iter()
            .map(Membership::from)
            .collect())
    }

    /// The organisation the user's address belongs to by its domain, when
    /// they are not a member yet.
    pub async fn joinable(&self, user: &User) -> AppResult<Option<OrganisationSummary>> {
        let Some(domain) = email_domain(&user.email) else {
            return Ok(None);
        };
        let mut conn = self.read().await?;
        let Some(org) = conn.organisations().by_domain(&domain).await? else {
            return Ok(None);
        };
        if conn
            .organisations()
            .role_of(&org.id, &user.id)
            .await?
            .is_some()
        {
            return Ok(None);
        }
        Ok(Some(org.into()))
    }

    /// Joins the organisation of the user's own e-mail domain, as a member.
    /// (Only verified addresses can log in, so the domain is proven.)
    pub async fn join(&self, user: &User, slug: &str) -> AppResult<()> {
        let mut tx = self.begin("organisations.join").await?;
        let org = tx
            .organisations()
            .by_slug(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let domain = email_domain(&user.email).unwrap_or_default();
        if !tx.organisations().domains(&org.id).await?.contains(&domain) {
            return Err(AppError::Forbidden);
        }
        if tx
            .organisations()
            .role_of(&org.id, &user.id)
            .await?
            .is_none()
        {
            tx.organisations()
                .set_member(&org.id, &user.id, OrgRole::Lid)
                .await?;
        }
        self.commit(tx).await
    }
}

/// Refuses to let the last beheerder of an organisation go (leave, be
/// removed or step down), so someone can always manage it. 404 when the
/// person is not a member.
async fn keep_a_beheerder(conn: &mut Conn, organisation_id: &str, user_id: &str) -> AppResult<()> {
    let current = conn
        .organisations()
        .role_of(organisation_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if current == OrgRole::Beheerder
        && conn.organisations().count_admins(organisation_id).await? <= 1
    {
        return Err(AppError::Conflict("error-last-org-admin"));
    }
    Ok(())
}

/// (slug, name) of an organisation by id.
async fn slug_and_name(conn: &mut Conn, id: &str) -> AppResult<(String, String)> {
    conn.organisations()
        .slug_and_name(id)
        .await?
        .ok_or(AppError::NotFound)
}
