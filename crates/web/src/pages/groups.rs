//! Learning groups: members see their groups and make new ones
//! (`/groepen`); a group's page is for its members only
//! (`/groepen/{slug}`: members, and for facilitators inviting, roles,
//! removing); an invitation link (`/groep-uitnodiging/{token}`) lets the
//! invited person join, making an account on the spot when they have none;
//! administrators see names and numbers of members only
//! (`/beheer/groepen`) and remove a group on a complaint.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;
use vooruit_app::accounts::User;
use vooruit_app::groups::{GroupInvitationView, GroupSummary, GroupView, MyGroup};
use vooruit_app::organisations::Membership;
use vooruit_app::retrospectives::RetroSummary;
use vooruit_app::{AppError, Page};
use vooruit_domain::FieldErrors;
use vooruit_domain::group::{GroupInput, GroupRole, MeetingInput};
use vooruit_domain::retrospective::{RetroInput, RetroSubject};

use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::middleware::SESSION_COOKIE;
use crate::pages::{NoticeQuery, PageResult, Pager, see_other, with_status};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/groepen", mine)
        .post("/groepen", create)
        .get("/groepen/{slug}", show)
        .post("/groepen/{slug}", save)
        .post("/groepen/{slug}/uitnodigen", invite)
        .post("/groepen/{slug}/bijeenkomsten", add_meeting)
        .post(
            "/groepen/{slug}/bijeenkomsten/{id}/verwijderen",
            remove_meeting,
        )
        .get("/groepen/{slug}/agenda.ics", ics)
        .post("/groepen/{slug}/agendalink", calendar_link)
        .get("/groep-agenda/{token}", calendar_by_link)
        .post("/groepen/{slug}/leden/{user_id}/rol", set_role)
        .post("/groepen/{slug}/leden/{user_id}/verwijderen", remove)
        .get("/groep-uitnodiging/{token}", invitation)
        .post("/groep-uitnodiging/{token}", accept)
        .get("/beheer/groepen", admin_list)
        .post("/beheer/groepen/{id}/verwijderen", admin_remove)
}

fn signed_in(l: &Ctx) -> Result<User, AppError> {
    l.user.clone().ok_or(AppError::Unauthorized)
}

/// The messages after a change (`?melding=`), each a translation key.
const NOTICES: [&str; 9] = [
    "ingepland",
    "afgezegd",
    "aangemaakt",
    "opgeslagen",
    "uitgenodigd",
    "rol",
    "verwijderd",
    "welkom",
    "verlaten",
];

fn input_of(form: &FormData) -> GroupInput {
    GroupInput {
        name: form.get("name"),
        description: form.get("description"),
        organisation: form.get("organisation"),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/mine.html")]
struct MineTemplate {
    l: Ctx,
    groups: Vec<MyGroup>,
    /// The organisations a new group may belong to.
    organisations: Vec<Membership>,
    input: GroupInput,
    errors: FieldErrors,
    notice: String,
}

async fn mine_page(
    l: Ctx,
    s: &AppState,
    input: GroupInput,
    errors: FieldErrors,
) -> Result<MineTemplate, AppError> {
    let user = signed_in(&l)?;
    Ok(MineTemplate {
        groups: s.app.groups().mine(&user).await?,
        organisations: s.app.organisations().mine(&user).await?,
        l,
        input,
        errors,
        notice: String::new(),
    })
}

async fn mine(l: Ctx, State(s): State<AppState>, Query(q): Query<NoticeQuery>) -> PageResult {
    let mut page = mine_page(l, &s, GroupInput::default(), FieldErrors::new()).await?;
    page.notice = q.key("group-notice-", &NOTICES);
    Ok(page.into_response())
}

async fn create(l: Ctx, State(s): State<AppState>, form: FormData) -> PageResult {
    let user = signed_in(&l)?;
    let input = input_of(&form);
    match s.app.groups().create(&user, input.clone()).await {
        Ok(slug) => Ok(see_other(&format!("/groepen/{slug}?melding=aangemaakt"))),
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            mine_page(l, &s, input, errors).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/show.html")]
pub(super) struct ShowTemplate {
    l: Ctx,
    group: GroupView,
    notice: String,
    errors: FieldErrors,
    /// What was typed in the invitation and edit forms.
    emails: String,
    input: GroupInput,
    /// The meeting form as typed (`datetime-local` values).
    meeting: MeetingForm,
    roles: &'static [GroupRole],
    me: String,
    /// The group's terugblikken, newest first, and the form to open one.
    retros: Vec<RetroSummary>,
    pub(super) retro_input: RetroInput,
    subjects: &'static [RetroSubject],
    vote_choices: Vec<i64>,
    /// A private calendar address just made: shown once.
    calendar_url: Option<String>,
}

/// The meeting form as typed.
#[derive(Default, Clone)]
struct MeetingForm {
    title: String,
    starts: String,
    ends: String,
    place: String,
    online_url: String,
    agenda: String,
}

impl MeetingForm {
    fn from_form(form: &FormData) -> MeetingForm {
        MeetingForm {
            title: form.get("title"),
            starts: form.get("starts_at"),
            ends: form.get("ends_at"),
            place: form.get("place"),
            online_url: form.get("online_url"),
            agenda: form.get("agenda"),
        }
    }

    fn input(&self) -> MeetingInput {
        let at = |v: &str| super::events::parse_local(v).unwrap_or(0);
        MeetingInput {
            title: self.title.clone(),
            starts_at: at(&self.starts),
            ends_at: at(&self.ends),
            place: self.place.clone(),
            online_url: self.online_url.clone(),
            agenda: self.agenda.clone(),
        }
    }
}

impl ShowTemplate {
    /// A meeting's agenda as HTML.
    fn agenda_html(&self, markdown: &str) -> String {
        vooruit_app::markdown::render(markdown)
    }

    fn new(l: Ctx, group: GroupView, me: String, retros: Vec<RetroSummary>) -> ShowTemplate {
        let input = GroupInput {
            name: group.name.clone(),
            description: group.description.clone(),
            organisation: String::new(),
        };
        ShowTemplate {
            l,
            group,
            notice: String::new(),
            errors: FieldErrors::new(),
            emails: String::new(),
            input,
            meeting: MeetingForm::default(),
            roles: GroupRole::ALL,
            me,
            retros,
            retro_input: RetroInput::default(),
            subjects: RetroSubject::ALL,
            vote_choices: super::retrospectives::vote_choices(),
            calendar_url: None,
        }
    }
}

/// The group's page as `user` sees it: the one place that gathers it.
async fn group_page(
    l: Ctx,
    s: &AppState,
    user: &User,
    slug: &str,
) -> Result<ShowTemplate, AppError> {
    let group = s.app.groups().get(user, slug).await?;
    let retros = s.app.retrospectives().of_group(user, slug).await?;
    Ok(ShowTemplate::new(l, group, user.id.clone(), retros))
}

async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let user = signed_in(&l)?;
    let mut page = group_page(l, &s, &user, &slug).await?;
    page.notice = q.key("group-notice-", &NOTICES);
    Ok(page.into_response())
}

/// The group's page again with `errors` and what was typed.
pub(super) async fn refused(
    l: Ctx,
    s: &AppState,
    user: &User,
    slug: &str,
    errors: FieldErrors,
    fill: impl FnOnce(&mut ShowTemplate),
) -> PageResult {
    let mut page = group_page(l, s, user, slug).await?;
    page.errors = errors;
    fill(&mut page);
    Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, page))
}

async fn save(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let input = input_of(&form);
    match s.app.groups().update(&user, &slug, input.clone()).await {
        Ok(()) => Ok(see_other(&format!("/groepen/{slug}?melding=opgeslagen"))),
        Err(AppError::Validation(errors)) => {
            refused(l, &s, &user, &slug, errors, |p| p.input = input).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn invite(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let emails = form.get("emails");
    match s.app.groups().invite(&user, &slug, &emails, l.lang).await {
        Ok(_) => Ok(see_other(&format!("/groepen/{slug}?melding=uitgenodigd"))),
        Err(AppError::Validation(errors)) => {
            refused(l, &s, &user, &slug, errors, |p| p.emails = emails).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn add_meeting(
    l: Ctx,
    State(s): State<AppState>,
    Path(slug): Path<String>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let meeting = MeetingForm::from_form(&form);
    match s
        .app
        .groups()
        .add_meeting(&user, &slug, meeting.input())
        .await
    {
        Ok(()) => Ok(see_other(&format!("/groepen/{slug}?melding=ingepland"))),
        Err(AppError::Validation(errors)) => {
            refused(l, &s, &user, &slug, errors, |p| p.meeting = meeting).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove_meeting(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app.groups().remove_meeting(&user, &slug, &id).await?;
    Ok(see_other(&format!("/groepen/{slug}?melding=afgezegd")))
}

/// The group's coming meetings for a calendar program (members only: it
/// is downloaded with the member's session).
async fn ics(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let user = signed_in(&l)?;
    let body = s.app.groups().ics(&user, &slug).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"groep.ics\"",
            ),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        body,
    )
        .into_response())
}

/// Makes a new private calendar address and shows it on the group page,
/// once (only its hash is kept).
async fn calendar_link(l: Ctx, State(s): State<AppState>, Path(slug): Path<String>) -> PageResult {
    let user = signed_in(&l)?;
    let url = s.app.groups().new_calendar_link(&user, &slug).await?;
    let mut page = group_page(l, &s, &user, &slug).await?;
    page.calendar_url = Some(url);
    Ok(page.into_response())
}

/// A calendar program fetching the meetings with the private address
/// (`<token>.ics`): no session, the address is the key.
async fn calendar_by_link(State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    let token = token.strip_suffix(".ics").unwrap_or(&token);
    let body = s.app.groups().ics_by_link(token).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        body,
    )
        .into_response())
}

async fn set_role(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, user_id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app
        .groups()
        .set_role(&user, &slug, &user_id, &form.get("role"))
        .await?;
    Ok(see_other(&format!("/groepen/{slug}?melding=rol")))
}

async fn remove(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, user_id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in(&l)?;
    s.app.groups().remove(&user, &slug, &user_id).await?;
    if user.id == user_id {
        Ok(see_other("/groepen?melding=verlaten"))
    } else {
        Ok(see_other(&format!("/groepen/{slug}?melding=verwijderd")))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/invitation.html")]
struct InvitationTemplate {
    l: Ctx,
    token: String,
    invitation: GroupInvitationView,
    /// Signed in with the invited address.
    same_address: bool,
    /// The name typed in the account form.
    typed_name: String,
    errors: FieldErrors,
}

async fn invitation_page(
    l: Ctx,
    s: &AppState,
    token: String,
    name: String,
    errors: FieldErrors,
) -> Result<InvitationTemplate, AppError> {
    let invitation = s.app.groups().invitation(&token).await?;
    Ok(InvitationTemplate {
        same_address: l
            .user
            .as_ref()
            .is_some_and(|u| u.email.eq_ignore_ascii_case(&invitation.email)),
        l,
        token,
        invitation,
        typed_name: name,
        errors,
    })
}

/// Open to everyone with the link: the token is the proof.
async fn invitation(l: Ctx, State(s): State<AppState>, Path(token): Path<String>) -> PageResult {
    Ok(
        invitation_page(l, &s, token, String::new(), FieldErrors::new())
            .await?
            .into_response(),
    )
}

/// Signed in: joins. Not signed in: makes the account (name and password
/// from the form, the invited address) and joins, signed in at once.
async fn accept(
    l: Ctx,
    State(s): State<AppState>,
    Path(token): Path<String>,
    form: FormData,
) -> PageResult {
    if let Some(user) = &l.user {
        let slug = s.app.groups().accept(user, &token).await?;
        return Ok(see_other(&format!("/groepen/{slug}?melding=welkom")));
    }
    let name = form.get("name");
    match s
        .app
        .groups()
        .register_and_accept(&token, &name, &form.get("password"))
        .await
    {
        Ok((session, slug)) => {
            let cookie = crate::middleware::set_cookie(
                SESSION_COOKIE,
                &session.token,
                Some(session.max_age_secs),
                s.app.config.is_https(),
            );
            Ok((
                StatusCode::SEE_OTHER,
                [(header::LOCATION, format!("/groepen/{slug}?melding=welkom"))],
                [(header::SET_COOKIE, cookie)],
            )
                .into_response())
        }
        Err(AppError::Validation(errors)) => Ok(with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            invitation_page(l, &s, token, name, errors).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct ListQuery {
    page: Option<String>,
    melding: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/admin_list.html")]
struct AdminListTemplate {
    l: Ctx,
    groups: Page<GroupSummary>,
    pager: Pager,
    removed: bool,
}

async fn admin_list(l: Ctx, State(s): State<AppState>, Query(q): Query<ListQuery>) -> PageResult {
    let admin = signed_in(&l)?;
    let page = q.page.as_deref().and_then(|p| p.parse().ok()).unwrap_or(1);
    let groups = s.app.groups().list(&admin, page).await?;
    Ok(AdminListTemplate {
        pager: Pager::new(&groups, "/beheer/groepen".into()),
        l,
        groups,
        removed: q.melding.as_deref() == Some("verwijderd"),
    }
    .into_response())
}

async fn admin_remove(l: Ctx, State(s): State<AppState>, Path(id): Path<String>) -> PageResult {
    let admin = signed_in(&l)?;
    s.app.groups().delete(&admin, &id).await?;
    Ok(see_other("/beheer/groepen?melding=verwijderd"))
}
