//! The demo organisation's measurement (`serve --demo`): a programme with
//! values, KPIs, eight behaviours and four teams; a closed 0-meting and a
//! closed 1-meting with answers (made up here, reproducible) that went
//! through the same holding and moving as real ones; and a 2-meting in
//! preparation, to try inviting and answering.

use vooruit_domain::measurement::{Answer, KpiDirection, RoundState};
use vooruit_store::Conn;
use vooruit_store::measurement::Part;

use crate::{AppError, AppResult};

const VALUES: [&str; 3] = ["Betrouwbaar", "Nieuwsgierig", "Samen"];

/// (name, unit, direction, source, figure in the 0-meting, in the 1-meting).
const KPIS: [(&str, &str, KpiDirection, &str, f64, f64); 3] = [
    (
        "Klanttevredenheid",
        "rapportcijfer",
        KpiDirection::Hoger,
        "Klantpanel, elk kwartaal",
        6.6,
        7.1,
    ),
    (
        "Medewerkertevredenheid",
        "rapportcijfer",
        KpiDirection::Hoger,
        "Medewerkersonderzoek",
        6.9,
        7.2,
    ),
    (
        "Doorlooptijd van een aanvraag",
        "dagen",
        KpiDirection::Lager,
        "Zaaksysteem, gemiddelde over het kwartaal",
        31.0,
        26.0,
    ),
];

/// (statement, value index, KPI index, how much it rose after round 0,
/// in tenths of a point).
const BEHAVIOURS: [(&str, usize, usize, i64); 8] = [
    (
        "Ik vraag eerst wat iemand nodig heeft, voordat ik een regeling noem.",
        1,
        0,
        9,
    ),
    ("Ik bel terug wanneer ik dat heb toegezegd.", 0, 0, 3),
    ("Ik leg uit waarom iets niet kan, en wat wel kan.", 0, 0, 6),
    (
        "Ik vraag een collega om mee te denken bij een lastige aanvraag.",
        2,
        2,
        8,
    ),
    (
        "Ik spreek een collega aan als een afspraak niet wordt nagekomen.",
        2,
        1,
        1,
    ),
    (
        "Ik deel wat ik leerde van een fout in het teamoverleg.",
        1,
        1,
        7,
    ),
    (
        "Ik wijk van de standaardbrief af als die niet past bij iemands situatie.",
        1,
        2,
        5,
    ),
    (
        "Ik maak een aanvraag af zonder dat de inwoner opnieuw moet beginnen.",
        0,
        2,
        4,
    ),
];

/// (team, answers in round 0, in round 1, its usual level in tenths).
const GROUPS: [(&str, u32, u32, i64); 4] = [
    ("Team Noord", 14, 13, 28),
    ("Team Zuid", 11, 12, 31),
    ("Team Centrum", 9, 8, 26),
    ("Team Jeugd", 0, 6, 33),
];

const EXAMPLES: [&str; 5] = [
    "Een moeder belde over schulden. Ik vroeg eerst hoe het thuis ging; toen bleek de huur het echte probleem.",
    "Mijn collega nam de aanvraag over toen ik ziek was, zonder dat de inwoner alles opnieuw moest vertellen.",
    "In het overleg vertelde Ruud dat hij een termijn had gemist. We hebben samen de werkwijze aangepast.",
    "Ik stuurde geen standaardbrief maar belde even. Dat scheelde twee bezwaren.",
    "We vroegen de wijkagent mee te denken over een gezin dat we allebei kenden.",
];

const OPEN_ANSWERS: [&str; 4] = [
    "Tijd in het rooster om een keer door te vragen.",
    "Een leidinggevende die zegt dat afwijken mag als je het uitlegt.",
    "Korte lijnen met de andere teams.",
    "Minder formulieren, meer gesprekken.",
];

/// A small reproducible generator (the demo must look the same on every
/// start): a linear congruential step.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A score around `level` tenths (1..=5), spread by about one point.
    fn score(&mut self, level: i64) -> u8 {
        let noise = (self.next() % 21) as i64 - 10;
        ((level + noise + 5) / 10).clamp(1, 5) as u8
    }
}

/// Loads it for the organisation, owned by `owner`.
pub(crate) async fn load(
    tx: &mut Conn,
    secret: &crate::secret::Secret,
    organisation: &str,
    owner: &str,
) -> AppResult<()> {
    let (day, now) = (24 * 3600 * 1000, tx.now());
    let at = |days: i64| crate::dates::iso_date(now + days * day);
    let m = tx
        .measurement()
        .insert_programme(
            organisation,
            "Samen klantgericht werken",
            "Wij willen dat inwoners merken dat we meedenken. Daarom hebben we onze kernwaarden vertaald naar gedrag dat je kunt zien, en meten we elk half jaar hoe vaak teams dat gedrag zien.",
            owner,
            5,
        )
        .await?;
    let mut values = vec![];
    for v in VALUES {
        values.push(tx.measurement().add_part(Part::Value, &m, v).await?);
    }
    let mut kpis = vec![];
    for (name, unit, direction, source, _, _) in KPIS {
        kpis.push(
            tx.measurement()
                .add_kpi(&m, name, unit, direction, source)
                .await?,
        );
    }
    let mut behaviours = vec![];
    for (statement, value, kpi, _) in BEHAVIOURS {
        let b = tx
            .measurement()
            .add_part(Part::Behaviour, &m, statement)
            .await?;
        tx.measurement()
            .link(&b, Some(&values[value]), None)
            .await?;
        tx.measurement().link(&b, None, Some(&kpis[kpi])).await?;
        behaviours.push(b);
    }
    let mut groups = vec![];
    for (name, _, _, _) in GROUPS {
        groups.push(tx.measurement().add_part(Part::Group, &m, name).await?);
    }
    let mut dice = Dice(2027);
    for (number, (opens, closes)) in [(-200, -186), (-20, -6)].into_iter().enumerate() {
        let (opens_on, closes_on) = (at(opens), at(closes));
        tx.measurement()
            .insert_round(
                &m,
                &opens_on,
                &closes_on,
                "Wat helpt jou om dit gedrag vaker te laten zien?",
            )
            .await?;
        let concept = tx
            .measurement()
            .round(&m, number as i64)
            .await?
            .ok_or_else(|| AppError::Internal("demo round".into()))?;
        tx.measurement()
            .set_state(&concept.id, RoundState::Concept, RoundState::Open)
            .await?;
        let round = tx
            .measurement()
            .round_by_id(&concept.id)
            .await?
            .ok_or_else(|| AppError::Internal("demo round".into()))?;
        for (g, (_, before, after, level)) in groups.iter().zip(GROUPS) {
            let answers = if number == 0 { before } else { after };
            for i in 0..answers {
                // Someone invited answered: the link marked used, then held.
                let invitee = tx
                    .measurement()
                    .add_invitee(&round.id, g, &format!("demo{i}.{g}@voorbeeldstad.nl"))
                    .await?
                    .ok_or_else(|| AppError::Internal("demo invitee".into()))?;
                let mark = secret.mac(super::rounds::USED_MARK, &invitee);
                tx.measurement().mark_used(&round.id, &mark).await?;
                let scores = behaviours
                    .iter()
                    .zip(BEHAVIOURS)
                    .map(|(b, (_, _, _, rise))| {
                        let level = level + if number == 1 { rise } else { 0 };
                        let example = if number == 1 && i == 0 && g == &groups[0] {
                            EXAMPLES[(dice.next() % 5) as usize].to_string()
                        } else {
                            String::new()
                        };
                        (b.clone(), Some(dice.score(level)), example)
                    })
                    .collect();
                let open = if i % 3 == 0 {
                    vec![OPEN_ANSWERS[(dice.next() % 4) as usize].to_string()]
                } else {
                    vec![String::new()]
                };
                let answer = serde_json::to_string(&Answer { scores, open })
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                tx.measurement().hold(&round.id, g, &answer).await?;
            }
        }
        for (k, (_, _, _, _, first, second)) in kpis.iter().zip(KPIS) {
            let v = if number == 0 { first } else { second };
            tx.measurement()
                .set_kpi_value(&round.id, k, Some(v))
                .await?;
        }
        super::rounds::close_round(tx, &m, &round).await?;
    }
    tx.measurement()
        .insert_round(&m, &at(60), &at(74), "")
        .await?;
    Ok(())
}
