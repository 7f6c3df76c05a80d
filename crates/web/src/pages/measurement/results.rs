//! The results of a closed round (`.../rondes/{number}/resultaten`): per
//! behaviour a chart and the same figures in a table, the KPIs per round,
//! the examples and open answers; printable as it is (the print style
//! drops the site's menus); the shown figures as CSV; and a story draft
//! for the editors, through the story form and its safe-sharing step.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use vooruit_app::measurement::{Cell, ResultsView};
use vooruit_domain::lang::Lang;

use super::chart::{Bar, bars};
use super::rounds::number;
use super::{programme, signed_in};
use crate::AppState;
use crate::context::Ctx;
use crate::pages::PageResult;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get(programme!("/rondes/{number}/resultaten"), show)
        .get(programme!("/rondes/{number}/resultaten.csv"), csv_export)
        .get(programme!("/rondes/{number}/verhaal"), story)
}

type Key = (String, String, String);

#[derive(Template, WebTemplate)]
#[template(path = "measurement/results.html")]
struct ResultsTemplate {
    l: Ctx,
    r: ResultsView,
    /// One chart per behaviour, in order.
    charts: Vec<String>,
}

impl ResultsTemplate {
    /// A figure with one decimal, in the page's language.
    fn num(&self, v: &f64) -> String {
        decimal(self.l.lang, *v, false)
    }

    /// A change, with its sign.
    fn signed(&self, v: &f64) -> String {
        decimal(self.l.lang, *v, true)
    }

    fn chart(&self, i: &usize) -> &str {
        self.charts.get(*i).map(String::as_str).unwrap_or("")
    }

    /// A KPI figure as entered, in the page's language.
    fn kpi(&self, v: &f64) -> String {
        let s = v.to_string();
        match self.l.lang {
            Lang::Nl => s.replace('.', ","),
            _ => s,
        }
    }

    fn cell_label(&self, c: &Cell) -> String {
        c.group
            .clone()
            .unwrap_or_else(|| self.l.t("measurement-everyone"))
    }
}

fn decimal(lang: Lang, v: f64, sign: bool) -> String {
    let s = if sign {
        format!("{v:+.1}")
    } else {
        format!("{v:.1}")
    };
    match lang {
        Lang::Nl => s.replace('.', ","),
        _ => s,
    }
}

async fn show(l: Ctx, State(s): State<AppState>, Path((slug, id, n)): Path<Key>) -> PageResult {
    let user = signed_in(&l)?;
    let r = s
        .app
        .measurement()
        .results(&user, &slug, &id, number(&n)?)
        .await?;
    let charts = r
        .behaviours
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let mut list: Vec<Bar> = b
                .groups
                .iter()
                .map(|c| Bar {
                    label: c.group.clone().unwrap_or_default(),
                    mean: c.figure.as_ref().map(|f| f.mean),
                    baseline: c.baseline,
                    total: false,
                })
                .collect();
            list.push(Bar {
                label: l.t("measurement-everyone"),
                mean: b.overall.figure.as_ref().map(|f| f.mean),
                baseline: b.overall.baseline,
                total: true,
            });
            bars(
                &format!("grafiek-{}", i + 1),
                &b.statement,
                &l.t(if r.compared {
                    "measurement-chart-desc-compared"
                } else {
                    "measurement-chart-desc"
                }),
                &list,
                &l.t("measurement-too-few"),
                l.lang == Lang::Nl,
            )
        })
        .collect();
    Ok(ResultsTemplate { l, r, charts }.into_response())
}

/// The shown figures, one row per behaviour and group (and "all"); a
/// hidden figure is left out, never written as empty.
async fn csv_export(
    l: Ctx,
    State(s): State<AppState>,
    Path((slug, id, n)): Path<Key>,
) -> PageResult {
    let user = signed_in(&l)?;
    let r = s
        .app
        .measurement()
        .results(&user, &slug, &id, number(&n)?)
        .await?;
    let mut w = csv::Writer::from_writer(vec![]);
    let header_row = [
        "ronde",
        "groep",
        "gedrag",
        "n",
        "gemiddelde",
        "sd",
        "nooit",
        "soms",
        "regelmatig",
        "vaak",
        "altijd",
        "nulmeting",
        "verschil",
        "laag_95",
        "hoog_95",
        "oordeel",
    ];
    let mut rows = vec![];
    for b in &r.behaviours {
        for c in b.groups.iter().chain(std::iter::once(&b.overall)) {
            let Some(f) = &c.figure else { continue };
            let opt = |v: Option<f64>| v.map(|v| format!("{v:.3}")).unwrap_or_default();
            let mut row = vec![
                r.number.to_string(),
                plain_text(&c.group.clone().unwrap_or_else(|| "alle".to_string())),
                plain_text(&b.statement),
                f.n.to_string(),
                format!("{:.3}", f.mean),
                format!("{:.3}", f.sd),
            ];
            row.extend(f.distribution.iter().map(|d| d.to_string()));
            row.push(opt(c.baseline));
            row.push(opt(c.change.as_ref().map(|x| x.difference)));
            row.push(opt(c.change.as_ref().map(|x| x.low)));
            row.push(opt(c.change.as_ref().map(|x| x.high)));
            row.push(
                c.change
                    .as_ref()
                    .map(|x| x.verdict.to_string())
                    .unwrap_or_default(),
            );
            rows.push(row);
        }
    }
    let written = w
        .write_record(header_row)
        .and_then(|_| rows.iter().try_for_each(|row| w.write_record(row)));
    let body = written
        .map_err(|e| vooruit_app::AppError::Internal(format!("csv: {e}")))
        .and_then(|_| {
            w.into_inner()
                .map_err(|e| vooruit_app::AppError::Internal(format!("csv: {e}")))
        })?;
    let name = format!(
        "attachment; filename=\"meting-{}-ronde-{}.csv\"",
        r.programme_id, r.number
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, name),
        ],
        body,
    )
        .into_response())
}

/// A text cell that a spreadsheet will not run as a formula.
fn plain_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The story form, filled in from the results.
async fn story(l: Ctx, State(s): State<AppState>, Path((slug, id, n)): Path<Key>) -> PageResult {
    let user = signed_in(&l)?;
    let content = s
        .app
        .measurement()
        .story_draft(&user, &slug, &id, number(&n)?)
        .await?;
    Ok(crate::pages::stories::share::prefilled(l, content).into_response())
}
