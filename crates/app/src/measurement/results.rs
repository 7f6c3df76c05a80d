//! The results of a closed round: per behaviour the figures overall and
//! per group, the change since the 0-meting with its 95% interval, the
//! examples and open answers, next to the KPI figures of every round.
//!
//! What may be shown is decided here, once, for the page, the printable
//! report, the CSV and the story draft alike (`domain::measurement`): no
//! figure of a group under the threshold, no total that would let someone
//! subtract their way to one, and examples and open answers only when the
//! total may be shown (they are never tied to a group).

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;
use vooruit_domain::measurement::{Summary, Verdict, disclosure, from_distribution, welch};
use vooruit_domain::story::{StoryContent, StoryKind};
use vooruit_store::measurement::{CountRow, Part};

use super::{KpiView, Measurement, access};
use crate::accounts::User;
use crate::{AppError, AppResult};
use vooruit_domain::measurement::RoundState;

/// At most this many examples per behaviour on the page (three times
/// as many answers per open question).
const SHOWN_TEXTS: usize = 12;

/// The figures of one cell: a behaviour in one group (or all).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Figure {
    pub n: u32,
    pub mean: f64,
    pub sd: f64,
    /// Answers per point of the scale, 1 to 5.
    pub distribution: [u32; 5],
    /// The same in whole percents.
    pub percents: [u32; 5],
}

/// A change since the 0-meting.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChangeView {
    pub difference: f64,
    pub low: f64,
    pub high: f64,
    /// `vooruit`, `achteruit` or `onduidelijk` (the interval includes 0).
    pub verdict: &'static str,
}

/// A behaviour in one group, or overall (`group` None).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Cell {
    pub group: Option<String>,
    /// None: too few answers to show (or none at all).
    pub figure: Option<Figure>,
    /// The 0-meting's mean here, when it may be shown.
    pub baseline: Option<f64>,
    pub change: Option<ChangeView>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BehaviourResult {
    pub id: String,
    pub statement: String,
    pub values: Vec<String>,
    pub kpis: Vec<String>,
    pub overall: Cell,
    pub groups: Vec<Cell>,
    /// Examples respondents gave, when the total may be shown (at most
    /// `SHOWN_TEXTS`, a random sample).
    pub examples: Vec<String>,
    /// How many examples there are in all.
    pub examples_total: usize,
}

/// A KPI with its figure in each closed round (number, figure).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KpiSeries {
    pub kpi: KpiView,
    pub figures: Vec<(i64, Option<f64>)>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OpenAnswers {
    pub question: String,
    pub answers: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ResultsView {
    pub programme_id: String,
    pub programme_name: String,
    pub description: String,
    pub org_slug: String,
    pub org_name: String,
    pub number: i64,
    pub opens_on: String,
    pub closes_on: String,
    pub threshold: i64,
    /// The 0-meting is compared with (this is a later round and the
    /// 0-meting has closed).
    pub compared: bool,
    /// Respondents per group (name, answered) and in all.
    pub respondents: Vec<(String, i64)>,
    pub answered: i64,
    pub behaviours: Vec<BehaviourResult>,
    pub kpis: Vec<KpiSeries>,
    pub open_answers: Vec<OpenAnswers>,
    pub can_manage: bool,
}

impl ResultsView {
    pub fn url(&self) -> String {
        format!(
            "/organisaties/{}/metingen/{}/rondes/{}/resultaten",
            self.org_slug, self.programme_id, self.number
        )
    }
}

fn figure(s: &Summary) -> Figure {
    let mut percents = [0u32; 5];
    for (p, c) in percents.iter_mut().zip(s.distribution) {
        *p = ((f64::from(c) * 100.0 / f64::from(s.n)).round()) as u32;
    }
    Figure {
        n: s.n,
        mean: s.mean,
        sd: s.sd,
        distribution: s.distribution,
        percents,
    }
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Progress => "vooruit",
        Verdict::Decline => "achteruit",
        Verdict::Unclear => "onduidelijk",
    }
}

/// The distributions of one round: per (group, behaviour).
fn distributions(counts: &[CountRow], round_id: &str) -> HashMap<(String, String), [u32; 5]> {
    let mut d: HashMap<(String, String), [u32; 5]> = HashMap::new();
    for c in counts.iter().filter(|c| c.round_id == round_id) {
        if (1..=5).contains(&c.score) {
            let slot = d
                .entry((c.group_id.clone(), c.behaviour_id.clone()))
                .or_default();
            slot[(c.score - 1) as usize] += u32::try_from(c.n).unwrap_or(0);
        }
    }
    d
}

/// A behaviour's shown summaries in one round: per group (None when
/// hidden or empty) and overall.
fn shown(
    d: &HashMap<(String, String), [u32; 5]>,
    groups: &[String],
    behaviour: &str,
    threshold: u32,
) -> (Vec<Option<Summary>>, Option<Summary>) {
    let per_group: Vec<[u32; 5]> = groups
        .iter()
        .map(|g| {
            d.get(&(g.clone(), behaviour.to_string()))
                .copied()
                .unwrap_or_default()
        })
        .collect();
    let ns: Vec<u32> = per_group.iter().map(|x| x.iter().sum()).collect();
    let rule = disclosure(&ns, threshold);
    let mut total = [0u32; 5];
    for x in &per_group {
        for (t, c) in total.iter_mut().zip(x) {
            *t += c;
        }
    }
    let groups = per_group
        .into_iter()
        .zip(&rule.groups)
        .map(|(x, ok)| if *ok { from_distribution(x) } else { None })
        .collect();
    let overall = if rule.total {
        from_distribution(total)
    } else {
        None
    };
    (groups, overall)
}

fn cell(group: Option<String>, now: Option<&Summary>, before: Option<&Summary>) -> Cell {
    let change = match (before, now) {
        (Some(b), Some(n)) => welch(b, n).map(|c| ChangeView {
            difference: c.difference,
            low: c.low,
            high: c.high,
            verdict: verdict_word(c.verdict()),
        }),
        _ => None,
    };
    Cell {
        group,
        figure: now.map(figure),
        baseline: now.and(before).map(|b| b.mean),
        change,
    }
}

impl Measurement<'_> {
    /// The results of a closed round (the organisation's members).
    pub async fn results(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        number: i64,
    ) -> AppResult<ResultsView> {
        let mut conn = self.read().await?;
        let a = access(&mut conn, user, slug, id).await?;
        let p = &a.programme;
        let rounds = conn.measurement().rounds(&p.id).await?;
        let r = rounds
            .iter()
            .find(|r| r.number == number)
            .ok_or(AppError::NotFound)?;
        if r.state != RoundState::Gesloten {
            return Err(AppError::Conflict("error-measurement-results-closed"));
        }
        let baseline = rounds
            .iter()
            .find(|b| b.number == 0 && b.number != number && b.state == RoundState::Gesloten);
        let threshold = u32::try_from(p.threshold).unwrap_or(u32::MAX);
        let groups = conn.measurement().parts(Part::Group, &p.id).await?;
        let group_ids: Vec<String> = groups.iter().map(|g| g.id.clone()).collect();
        let counts = conn.measurement().counts(&p.id).await?;
        let now = distributions(&counts, &r.id);
        let before = baseline.map(|b| distributions(&counts, &b.id));
        let view = super::named_behaviours(&mut conn, &p.id).await?;
        let example_counts = conn.measurement().example_counts(&r.id).await?;
        let mut behaviours = vec![];
        for super::BehaviourView {
            id: b_id,
            statement,
            values,
            kpis,
        } in view
        {
            let (g_now, o_now) = shown(&now, &group_ids, &b_id, threshold);
            let (g_before, o_before) = match &before {
                Some(d) => shown(d, &group_ids, &b_id, threshold),
                None => (vec![None; group_ids.len()], None),
            };
            let (examples, examples_total) = if o_now.is_some() {
                let total = example_counts
                    .iter()
                    .find(|(b, _)| *b == b_id)
                    .map(|(_, n)| usize::try_from(*n).unwrap_or(0))
                    .unwrap_or(0);
                let shown = conn
                    .measurement()
                    .texts(&r.id, Some(&b_id), None, SHOWN_TEXTS as i64)
                    .await?;
                (shown, total)
            } else {
                (vec![], 0)
            };
            behaviours.push(BehaviourResult {
                overall: cell(None, o_now.as_ref(), o_before.as_ref()),
                groups: groups
                    .iter()
                    .zip(g_now.iter().zip(&g_before))
                    .map(|(g, (n, b))| cell(Some(g.name.clone()), n.as_ref(), b.as_ref()))
                    .collect(),
                id: b_id,
                statement,
                values,
                kpis,
                examples,
                examples_total,
            });
        }
        let taking_part = conn.measurement().participation(&r.id).await?;
        let respondents: Vec<(String, i64)> = groups
            .iter()
            .map(|g| {
                let n = taking_part
                    .iter()
                    .find(|t| t.group_id == g.id)
                    .map(|t| t.answered)
                    .unwrap_or(0);
                (g.name.clone(), n)
            })
            .collect();
        let answered = respondents.iter().map(|(_, n)| n).sum();
        let per_group: Vec<u32> = respondents
            .iter()
            .map(|(_, n)| u32::try_from(*n).unwrap_or(0))
            .collect();
        let mut open_answers = vec![];
        if disclosure(&per_group, threshold).total {
            let questions = r.questions.lines().map(str::trim).filter(|q| !q.is_empty());
            for (i, q) in questions.enumerate() {
                open_answers.push(OpenAnswers {
                    question: q.to_string(),
                    answers: conn
                        .measurement()
                        .texts(&r.id, None, Some(i as i64), SHOWN_TEXTS as i64 * 3)
                        .await?,
                });
            }
        }
        let values = conn.measurement().kpi_values(&p.id).await?;
        let closed: Vec<_> = rounds
            .iter()
            .filter(|x| x.state == RoundState::Gesloten)
            .collect();
        let kpis = conn
            .measurement()
            .kpis(&p.id)
            .await?
            .into_iter()
            .map(|k| KpiSeries {
                figures: closed
                    .iter()
                    .map(|x| {
                        (
                            x.number,
                            values
                                .iter()
                                .find(|v| v.round_id == x.id && v.kpi_id == k.id)
                                .map(|v| v.value),
                        )
                    })
                    .collect(),
                kpi: KpiView::from(k),
            })
            .collect();
        Ok(ResultsView {
            programme_id: p.id.clone(),
            programme_name: p.name.clone(),
            description: p.description.clone(),
            org_slug: a.org.slug.clone(),
            org_name: a.org.name.clone(),
            number: r.number,
            opens_on: r.opens_on.clone(),
            closes_on: r.closes_on.clone(),
            threshold: p.threshold,
            compared: baseline.is_some(),
            respondents,
            answered,
            behaviours,
            kpis,
            open_answers,
            can_manage: a.manage,
        })
    }

    /// A story draft from a closed round's results (those who manage the
    /// programme): what changed, in words, for the teller to finish and
    /// to pass through the same safe-sharing step as any story.
    pub async fn story_draft(
        &self,
        user: &User,
        slug: &str,
        id: &str,
        number: i64,
    ) -> AppResult<StoryContent> {
        let results = self.results(user, slug, id, number).await?;
        if !results.can_manage {
            return Err(AppError::Forbidden);
        }
        let mut changes = String::new();
        for b in &results.behaviours {
            let Some(f) = &b.overall.figure else {
                continue;
            };
            changes.push_str(&format!("- {}: {:.1}", b.statement, f.mean));
            if let (Some(base), Some(c)) = (b.overall.baseline, &b.overall.change) {
                let word = match c.verdict {
                    "vooruit" => "vooruit",
                    "achteruit" => "achteruit",
                    _ => "geen duidelijke verandering",
                };
                changes.push_str(&format!(" (0-meting {base:.1}, {word})"));
            }
            changes.push('\n');
        }
        let kpis: Vec<String> = results
            .kpis
            .iter()
            .map(|k| {
                let figures: Vec<String> = k
                    .figures
                    .iter()
                    .filter_map(|(n, v)| v.map(|v| format!("{n}-meting {v}")))
                    .collect();
                format!("- {}: {}", k.kpi.name, figures.join(", "))
            })
            .collect();
        Ok(StoryContent {
            kind: StoryKind::Koploper.as_str().to_string(),
            title: results.programme_name.clone(),
            summary: String::new(),
            context: results.description.clone(),
            aim: String::new(),
            approach: format!(
                "{}-meting, {} – {}, {} antwoorden.\n\n{}",
                results.number,
                results.opens_on,
                results.closes_on,
                results.answered,
                kpis.join("\n")
            ),
            what_differed: changes,
            lessons: vec![],
            tips: String::new(),
            do_differently: String::new(),
            themes: vec![],
            sectors: vec![],
            region: String::new(),
        })
    }
}
