//! One round (`.../metingen/{id}/rondes/{number}`): dates, state and the
//! response per group while it runs; for those who manage it, the forms
//! to invite addresses, turn a group's public link on or off, open,
//! close, remind and enter the KPI figures.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use vooruit_app::AppError;
use vooruit_app::measurement::RoundView;
use vooruit_domain::FieldErrors;
use vooruit_domain::measurement::RoundState;

use super::{NOTICES, programme, signed_in};
use crate::AppState;
use crate::context::Ctx;
use crate::form::FormData;
use crate::pages::{NoticeQuery, PageResult, see_other, with_status};
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get(programme!("/rondes/{number}"), show)
        .post(programme!("/rondes/{number}/deelnemers"), invite)
        .post(programme!("/rondes/{number}/publieke-link"), public_link)
        .post(programme!("/rondes/{number}/openen"), open)
        .post(programme!("/rondes/{number}/sluiten"), close)
        .post(programme!("/rondes/{number}/herinneren"), remind)
        .post(programme!("/rondes/{number}/kpis"), kpis)
}

/// A round's number from the path; anything else is not a round.
pub(crate) fn number(n: &str) -> Result<i64, AppError> {
    n.parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
        .ok_or(AppError::NotFound)
}

#[derive(Template, WebTemplate)]
#[template(path = "measurement/round.html")]
struct RoundTemplate {
    l: Ctx,
    r: RoundView,
    notice: String,
    errors: FieldErrors,
    /// The invitation form as typed.
    emails: String,
    group: String,
    /// The KPI figures as typed (kpi id, figure).
    figures: Vec<(String, String)>,
}

impl RoundTemplate {
    fn figure(&self, kpi: &str) -> String {
        self.figures
            .iter()
            .find(|(id, _)| id == kpi)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    fn is_concept(&self) -> bool {
        self.r.state == RoundState::Concept
    }

    fn is_open(&self) -> bool {
        self.r.state == RoundState::Open
    }

    fn is_closed(&self) -> bool {
        self.r.state == RoundState::Gesloten
    }
}

type Key = (String, String, String);

async fn page(l: Ctx, s: &AppState, (slug, id, n): &Key) -> Result<RoundTemplate, AppError> {
    let user = signed_in(&l)?;
    let r = s
        .app
        .measurement()
        .round(&user, slug, id, number(n)?)
        .await?;
    let figures = r
        .kpis
        .iter()
        .map(|k| {
            (
                k.kpi.id.clone(),
                k.value.map(|v| v.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    Ok(RoundTemplate {
        l,
        r,
        notice: String::new(),
        errors: FieldErrors::new(),
        emails: String::new(),
        group: String::new(),
        figures,
    })
}

async fn show(
    l: Ctx,
    State(s): State<AppState>,
    Path(key): Path<Key>,
    Query(q): Query<NoticeQuery>,
) -> PageResult {
    let mut p = page(l, &s, &key).await?;
    p.notice = q.key("measurement-notice-", &NOTICES);
    Ok(p.into_response())
}

fn back((slug, id, n): &Key, notice: &str) -> axum::response::Response {
    see_other(&format!(
        "/organisaties/{slug}/metingen/{id}/rondes/{n}?melding={notice}"
    ))
}

async fn invite(
    l: Ctx,
    State(s): State<AppState>,
    Path(key): Path<Key>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let (emails, group) = (form.get("emails"), form.get("group"));
    let (slug, id, n) = &key;
    match s
        .app
        .measurement()
        .invite(&user, slug, id, number(n)?, &group, &emails, l.lang)
        .await
    {
        Ok(_) => Ok(back(&key, "uitgenodigd")),
        Err(AppError::Validation(errors)) => {
            let mut p = page(l, &s, &key).await?;
            p.errors = errors;
            p.emails = emails;
            p.group = group;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        Err(e) => Err(e.into()),
    }
}

async fn public_link(
    l: Ctx,
    State(s): State<AppState>,
    Path(key): Path<Key>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let on = form.get("aan") == "ja";
    let (slug, id, n) = &key;
    s.app
        .measurement()
        .public_link(&user, slug, id, number(n)?, &form.get("group"), on)
        .await?;
    Ok(back(&key, if on { "link" } else { "geen-link" }))
}

async fn open(l: Ctx, State(s): State<AppState>, Path(key): Path<Key>) -> PageResult {
    let user = signed_in(&l)?;
    let (slug, id, n) = &key;
    s.app
        .measurement()
        .open_now(&user, slug, id, number(n)?, l.lang)
        .await?;
    Ok(back(&key, "geopend"))
}

async fn close(l: Ctx, State(s): State<AppState>, Path(key): Path<Key>) -> PageResult {
    let user = signed_in(&l)?;
    let (slug, id, n) = &key;
    s.app
        .measurement()
        .close_now(&user, slug, id, number(n)?)
        .await?;
    Ok(back(&key, "afgesloten"))
}

async fn remind(l: Ctx, State(s): State<AppState>, Path(key): Path<Key>) -> PageResult {
    let user = signed_in(&l)?;
    let (slug, id, n) = &key;
    s.app
        .measurement()
        .remind(&user, slug, id, number(n)?, l.lang)
        .await?;
    Ok(back(&key, "herinnerd"))
}

async fn kpis(
    l: Ctx,
    State(s): State<AppState>,
    Path(key): Path<Key>,
    form: FormData,
) -> PageResult {
    let user = signed_in(&l)?;
    let figures: Vec<(String, String)> = form
        .0
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("kpi-").map(|id| (id.to_string(), v.clone())))
        .collect();
    let (slug, id, n) = &key;
    match s
        .app
        .measurement()
        .set_kpis(&user, slug, id, number(n)?, &figures)
        .await
    {
        Ok(()) => Ok(back(&key, "kpis")),
        Err(AppError::Validation(errors)) => {
            let mut p = page(l, &s, &key).await?;
            p.errors = errors;
            p.figures = figures;
            Ok(with_status(StatusCode::UNPROCESSABLE_ENTITY, p))
        }
        Err(e) => Err(e.into()),
    }
}
