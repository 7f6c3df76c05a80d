//! Organisations: administrators create and change them
//! (`/beheer/organisaties`); members see their organisation and its
//! beheerders invite and remove people (`/organisaties/{slug}`); anyone
//! signed in sees their own (`/mijn/organisaties`), joins the one of their
//! e-mail domain, and accepts an invitation (`/uitnodiging/{token}`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::accounts::User;
use vooruit_app::organisations::{
    InvitationView, Membership, OrganisationSummary, OrganisationView,
};
use vooruit_app::{AppError, Page};
use vooruit_domain::FieldErrors;
use vooruit_domain::organisation::{OrgInput, OrgKind, OrgRole};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{PageResult, Pager, see_other, with_status};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/beheer/organisaties", admin_list)
        .post("/beheer/organisaties", admin_create)
        .get("/beheer/organisaties/{slug}", admin_edit)
        .post("/beheer/organisaties/{slug}", admin_save)
        .get("/organisaties/{slug}", show)
        .post("/organisaties/{slug}/uitnodigen", invite)
        .post("/organisaties/{slug}/leden/{user_id}/rol", set_role)
        .post("/organisaties/{slug}/leden/{user_id}/verwijderen", remove)
        .get("/uitnodiging/{token}", invitation)
        .post("/uitnodiging/{token}", accept)
        .get("/mijn/organisaties", mine)
        .post("/mijn/organisaties/{slug}/aansluiten", join)
}

fn signed_in(l: &Ctx) -> Result<User, AppError> {
    l.user.clone().ok_or(AppError::Unauthorized)
}

fn kinds() -> Vec<&'static str> {
    OrgKind::ALL.iter().map(|k| k.as_str()).collect()
}

fn roles() -> &'static [OrgRole] {
    OrgRole::ALL
}

/// The organisation form as typed: domains one per line.
struct OrgForm {
    name: String,
    kind: String,
    domains: String,
}

impl OrgForm {
    fn empty() -> OrgForm {
        OrgForm {
            name: String::new(),
            kind: OrgKind::Gemeente.as_str().into(),
            domains: String::new(),
        }
    }

    fn from_form(form: &FormData) -> OrgForm {
        OrgForm {
            name: form.get("name"),
            kind: form.get("kind"),
            domains: form.get("domains"),
        }
    }

    fn from_input(input: OrgInput) -> OrgForm {
        OrgForm {
            name: input.name,
            kind: input.kind,
            domains: input.domains.join("\n"),
        }
    }

    fn input(&self) -> OrgInput {
        OrgInput {
            name: self.name.clone(),
            kind: self.kind.clone(),
            domains: vec![self.domains.clone()],
        }
    }
}

#[derive(Deserialize)]
struct ListQuery {
    page: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/admin_list.html")]
struct AdminListTemplate {
    l: Ctx,
    orgs: Page<OrganisationSummary>,
    pager: Pager,
    input: OrgForm,
    kinds: Vec<&'static str>,
    errors: FieldErrors,
}

async fn admin_list_page(
    l: Ctx,
    s: &AppState,
    page: i64,
    input: OrgForm,
    errors: FieldErrors,
) -> Result<AdminListTemplate, AppError> {
    let admin = signed_in(&l)?;
    let orgs = s.app.organisations().list(&admin, page).await?;
    Ok(AdminListTemplate {
        pager: Pager::new(&orgs, "/beheer/organisaties".into()),
        l,
        orgs,
        input,
        kinds: kinds(),
        errors,
    })
}

async fn admin_list(l: Ctx, State(s): State<AppState>, Query(q): Query<ListQuery>) -> PageResult {
    let page = q.page.as_deref().and_then(|p| p.parse().ok()).unwrap_or(1);
    Ok(
        admin_list_page(l, &s, page, OrgForm::empty(), FieldErrors::new())
            .await?
            .into_response(),
    )
}

async fn admin_create(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let admin = signed_in(&l)?;
    let input = OrgForm::from_form(&form);
    match s.app.organisations().create(&admin, input.input()).await {
        Ok(slug) => Ok(see_other(&format!(
            "/organisaties/{slug}?melding=aangemaakt"
        ))),
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            admin_list_page(l, &s, 1, input, errors).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/admin_edit.html")]
struct AdminEditTemplate {
    l: Ctx,
    slug: String,
    input: OrgForm,
    kinds: Vec<&'static str>,
    errors: FieldErrors,
}

async fn admin_edit(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let admin = signed_in(&l)?;
    let input = s.app.organisations().input(&admin, &slug).await?;
    Ok(AdminEditTemplate {
        l,
        slug,
        input: OrgForm::from_input(input),
        kinds: kinds(),
        errors: FieldErrors::new(),
    }
    .into_response())
}

async fn admin_save(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let admin = signed_in(&l)?;
    let input = OrgForm::from_form(&form);
    match s
        .app
        .organisations()
        .update(&admin, &slug, input.input())
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/organisaties/{slug}?melding=opgeslagen"
        ))),
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            AdminEditTemplate {
                l,
                slug,
                input,
                kinds: kinds(),
                errors,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct NoticeQuery {
    melding: Option<String>,
}

const NOTICES: [&str; 7] = [
    "aangemaakt",
    "opgeslagen",
    "uitgenodigd",
    "rol",
    "verwijderd",
    "welkom",
    "verlaten",
];

fn notice(q: &NoticeQuery) -> String {
    q.melding
        .as_deref()
        .filter(|n| NOTICES.contains(n))
        .map(|n| format!("org-notice-{n}"))
        .unwrap_or_default()
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/show.html")]
struct ShowTemplate {
    l: Ctx,
    org: OrganisationView,
    notice: String,
    errors: FieldErrors,
    invite_email: String,
    invite_role: String,
    roles: &'static [OrgRole],
    me: String,
}

impl ShowTemplate {
    fn new(l: Ctx, org: OrganisationView, me: String) -> ShowTemplate {
        ShowTemplate {
            l,
            org,
            notice: String::new(),
            errors: FieldErrors::new(),
            invite_email: String::new(),
            invite_role: OrgRole::Lid.as_str().into(),
            roles: roles(),
            me,
        }
    }
}

async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let user = signed_in(&l)?;
    let org = s.app.organisations().get(&user, &slug).await?;
    let mut page = ShowTemplate::new(l, org, user.id);
    page.notice = notice(&q);
    Ok(page.into_response())
}

async fn invite(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let (email, role) = (form.get("email"), form.get("role"));
    match s
        .app
        .organisations()
        .invite(&user, &slug, &email, &role, l.lang)
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/organisaties/{slug}?melding=uitgenodigd"
        ))),
        Err(AppError::Validation(errors)) => {
            let org = s.app.organisations().get(&user, &slug).await?;
            let mut page = ShowTemplate::new(l, org, user.id);
            page.errors = errors;
            page.invite_email = email;
            page.invite_role = role;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page))
        }
        Err(e) => Err(e.into()),
    }
}

async fn set_role(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, user_id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app
        .organisations()
        .set_role(&user, &slug, &user_id, &form.get("role"))
        .await?;
    Ok(see_other(&format!("/organisaties/{slug}?melding=rol")))
}

async fn remove(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, user_id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app.organisations().remove(&user, &slug, &user_id).await?;
    if user.id == user_id {
        Ok(see_other("/mijn/organisaties?melding=verlaten"))
    } else {
        Ok(see_other(&format!(
            "/organisaties/{slug}?melding=verwijderd"
        )))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/invitation.html")]
struct InvitationTemplate {
    l: Ctx,
    token: String,
    invitation: InvitationView,
    /// The signed-in address is the invited one.
    same_address: bool,
}

async fn invitation(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    let user = signed_in(&l)?;
    let invitation = s.app.organisations().invitation(&token).await?;
    Ok(InvitationTemplate {
        same_address: invitation.email.eq_ignore_ascii_case(&user.email),
        l,
        token,
        invitation,
    }
    .into_response())
}

async fn accept(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    let user = signed_in(&l)?;
    let slug = s.app.organisations().accept(&user, &token).await?;
    Ok(see_other(&format!("/organisaties/{slug}?melding=welkom")))
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/mine.html")]
struct MineTemplate {
    l: Ctx,
    memberships: Vec<Membership>,
    joinable: Option<OrganisationSummary>,
    notice: String,
}

async fn mine(l: Ctx, State(s): State<AppState>, Query(q): Query<NoticeQuery>) -> PageResult {
    let user = signed_in(&l)?;
    let memberships = s.app.organisations().mine(&user).await?;
    let joinable = s.app.organisations().joinable(&user).await?;
    Ok(MineTemplate {
        l,
        memberships,
        joinable,
        notice: notice(&q),
    }
    .into_response())
}

async fn join(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let user = signed_in(&l)?;
    s.app.organisations().join(&user, &slug).await?;
    Ok(see_other(&format!("/organisaties/{slug}?melding=welkom")))
}
