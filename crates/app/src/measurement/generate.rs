//! Generated measurements for the bench (`vooruit bench measurement`):
//! an organisation with a programme of ten behaviours and eight teams,
//! and two closed rounds of `answers` answers each, every answer held and
//! moved like a real one. Made once per size; later runs reuse it.

use rand::Rng;
use vooruit_domain::measurement::{Answer, KpiDirection, RoundState};
use vooruit_domain::organisation::OrgKind;
use vooruit_store::measurement::Part;

use crate::accounts::User;
use crate::{App, AppError, AppResult};

const BEHAVIOURS: usize = 10;
const GROUPS: usize = 8;
/// Answers held per transaction while generating.
const BATCH: usize = 2000;

impl App {
    /// Returns (organisation slug, programme id) of the generated
    /// measurement with this many answers per round.
    pub async fn generate_measurement(
        &self,
        owner: &User,
        answers: usize,
    ) -> AppResult<(String, String)> {
        let slug = format!("bench-meting-{answers}");
        if let Some(org) = self.read().await?.organisations().by_slug(&slug).await?
            && let Some(p) = self
                .read()
                .await?
                .measurement()
                .programmes_of(&org.id)
                .await?
                .into_iter()
                .next()
        {
            return Ok((slug, p.id));
        }
        let mut tx = self.begin("measurement.generate").await?;
        let org = tx
            .organisations()
            .insert(&slug, &format!("Bench {answers}"), OrgKind::Gemeente)
            .await?
            .ok_or_else(|| AppError::Internal("bench organisation exists".into()))?;
        let p = tx
            .measurement()
            .insert_programme(&org, "Bench", "", &owner.id, 5)
            .await?;
        let mut behaviours = vec![];
        for i in 1..=BEHAVIOURS {
            let b = tx
                .measurement()
                .add_part(Part::Behaviour, &p, &format!("Gedrag {i}"))
                .await?;
            behaviours.push(b);
        }
        let mut groups = vec![];
        for i in 1..=GROUPS {
            groups.push(
                tx.measurement()
                    .add_part(Part::Group, &p, &format!("Team {i}"))
                    .await?,
            );
        }
        for k in ["Klanttevredenheid", "Medewerkertevredenheid"] {
            tx.measurement()
                .add_kpi(&p, k, "rapportcijfer", KpiDirection::Hoger, "")
                .await?;
        }
        self.commit(tx).await?;
        for (number, lift) in [(0, 0), (1, 1)] {
            let mut tx = self.begin("measurement.generate").await?;
            tx.measurement()
                .insert_round(&p, "2026-01-01", "2026-01-14", "Wat helpt?")
                .await?;
            let round = tx
                .measurement()
                .round(&p, number)
                .await?
                .ok_or_else(|| AppError::Internal("bench round".into()))?;
            tx.measurement()
                .set_state(&round.id, RoundState::Concept, RoundState::Open)
                .await?;
            for g in &groups {
                tx.measurement()
                    .set_public_token(&round.id, g, Some(&crate::tokens::new_token()))
                    .await?;
            }
            self.commit(tx).await?;
            let mut left = answers;
            while left > 0 {
                let n = left.min(BATCH);
                left -= n;
                let held: Vec<(String, String)> = {
                    let mut rng = rand::thread_rng();
                    (0..n)
                        .map(|i| {
                            let scores = behaviours
                                .iter()
                                .map(|b| {
                                    let s: u8 = (rng.gen_range(1..=4) + lift).min(5);
                                    let example = if rng.gen_ratio(1, 50) {
                                        format!("Voorbeeld {i} bij {b}")
                                    } else {
                                        String::new()
                                    };
                                    (b.clone(), Some(s), example)
                                })
                                .collect();
                            let answer = Answer {
                                scores,
                                open: vec![String::new()],
                            };
                            (
                                groups[rng.gen_range(0..GROUPS)].clone(),
                                serde_json::to_string(&answer).unwrap_or_default(),
                            )
                        })
                        .collect()
                };
                let mut tx = self.begin("measurement.generate").await?;
                for (group, answer) in &held {
                    tx.measurement().hold(&round.id, group, answer).await?;
                }
                self.commit(tx).await?;
            }
            let mut tx = self.begin("measurement.generate").await?;
            let open = tx
                .measurement()
                .round_by_id(&round.id)
                .await?
                .ok_or_else(|| AppError::Internal("bench round".into()))?;
            super::rounds::close_round(&mut tx, &p, &open).await?;
            self.commit(tx).await?;
        }
        Ok((slug, p))
    }
}
