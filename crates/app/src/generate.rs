//! Synthetic stories for large test databases (`vooruit demo --stories N`):
//! realistic Dutch sentences from building blocks, so search, facets and
//! pages can be measured at the size of a national network. Reproducible:
//! the same N gives the same stories.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use vooruit_domain::lang::Lang;
use vooruit_domain::story::{StoryContent, StoryKind, StoryStatus, Teller};
use vooruit_domain::taxonomy::{Taxonomy, Vocabulary};
use vooruit_store::stories::NewStory;

use crate::{App, AppResult};

const ORGANISATIONS: &[&str] = &[
    "Een zorggroep in de regio",
    "Een kleine welzijnsorganisatie",
    "Het wijkteam van een middelgrote gemeente",
    "Een thuiszorgorganisatie met twaalf teams",
    "Een ziekenhuis in een krimpregio",
    "Een jeugdzorgaanbieder met drie locaties",
    "Een ggz-instelling in de stad",
    "De afdeling werk en inkomen van een gemeente",
    "Een verpleeghuis met vier afdelingen",
    "Een kinderopvangorganisatie",
];
const PLANS: &[&str] = &[
    "een wervingscampagne op sociale media",
    "een app om diensten te ruilen",
    "een buddyprogramma voor nieuwe collega's",
    "zelfroosteren in het team",
    "een open dag voor zij-instromers",
    "maandelijkse intervisie",
    "een leerwerktraject met het mbo",
    "een inloopspreekuur in de bibliotheek",
    "een schoonmaakrobot op de afdeling",
    "een vast aanspreekpunt voor schulden",
    "een cursus voor leidinggevenden",
    "een digitaal dossier voor cliënten",
    "een terugkomdag voor oud-medewerkers",
    "een vast team voor de nachtdienst",
];
const GOALS: &[&str] = &[
    "meer nieuwe medewerkers vinden",
    "het verloop in het eerste jaar verlagen",
    "de werkdruk verminderen",
    "cliënten sneller helpen",
    "meer tijd voor de cliënt overhouden",
    "collega's meer van elkaar laten leren",
    "minder administratie",
    "jongeren eerder bereiken",
];
const TWISTS: &[&str] = &[
    "Medewerkers begrepen niet waarom het nodig was.",
    "Er kwamen veel reacties, maar bijna geen sollicitaties.",
    "Na drie maanden deed bijna niemand nog mee.",
    "De planning kostte meer tijd dan ze opleverde.",
    "Het budget was op voordat het project goed liep.",
    "Leidinggevenden hadden er te weinig tijd voor.",
    "Het werkte alleen op de locatie waar het bedacht was.",
    "Cliënten vonden het juist prettig, collega's niet.",
];
const LESSONS: &[&str] = &[
    "Vraag eerst de mensen om wie het gaat wat zij nodig hebben.",
    "Begin klein en meet vanaf de eerste dag.",
    "Rol niet uit, maar rol in: laat teams zelf kiezen hoe ze starten.",
    "Maak één persoon eigenaar van het project.",
    "Plan tijd om samen terug te kijken.",
    "Deel ook wat niet lukt, dan leren anderen mee.",
    "Betrek de ondernemingsraad vanaf het begin.",
    "Houd het simpel: minder regels, meer vertrouwen.",
];
const NAMES: &[&str] = &[
    "Sanne", "Mohamed", "Anouk", "Kees", "Fatima", "Joris", "Ilse", "Yusuf", "Marleen", "Dennis",
];

fn pick<'a>(rng: &mut StdRng, list: &'a [&'a str]) -> &'a str {
    list.choose(rng).copied().unwrap_or_default()
}

/// The values new stories may get, per list.
struct Offered<'a> {
    themes: Vec<&'a str>,
    sectors: Vec<&'a str>,
    regions: Vec<&'a str>,
}

impl<'a> Offered<'a> {
    fn new(t: &'a Taxonomy) -> Self {
        let slugs = |v| t.offered(v).map(|t| t.slug.as_str()).collect();
        Offered {
            themes: slugs(Vocabulary::Theme),
            sectors: slugs(Vocabulary::Sector),
            regions: slugs(Vocabulary::Region),
        }
    }
}

/// Story number `i` of a generated set.
fn story(rng: &mut StdRng, tax: &Offered, i: usize, now: i64) -> (StoryContent, Teller, i64) {
    let kind = StoryKind::ALL[rng.gen_range(0..StoryKind::ALL.len())];
    let org = pick(rng, ORGANISATIONS);
    let plan = pick(rng, PLANS);
    let goal = pick(rng, GOALS);
    let twist = pick(rng, TWISTS);
    let title = match kind {
        StoryKind::FalendVooruit => format!("Waarom {plan} niet werkte ({i})"),
        StoryKind::Koploper => format!("Zo werkt {plan} wel ({i})"),
        StoryKind::Interview => format!("In gesprek over {plan} ({i})"),
        StoryKind::Case => format!("Casus: {plan} ({i})"),
        StoryKind::Column => format!("Column: wat {plan} ons leerde ({i})"),
    };
    let n_themes = rng.gen_range(1..=3);
    let mut themes: Vec<String> = tax
        .themes
        .choose_multiple(rng, n_themes)
        .map(|t| t.to_string())
        .collect();
    themes.sort();
    let sector = pick(rng, &tax.sectors).to_string();
    let n_lessons = rng.gen_range(2..=4);
    let lessons = LESSONS
        .choose_multiple(rng, n_lessons)
        .map(|l| l.to_string())
        .collect();
    let content = StoryContent {
        kind: kind.as_str().to_string(),
        title,
        summary: String::new(),
        context: format!(
            "{org} wilde {goal}. Het team koos voor {plan}. De aanleiding was een teamdag waarop veel collega's zeiden dat het anders moest."
        ),
        aim: format!("We wilden {goal}, voor de cliënten en voor de eigen medewerkers."),
        approach: format!(
            "We begonnen met {plan} op één locatie. Een kleine werkgroep maakte een plan en sprak elke twee weken af."
        ),
        what_differed: format!(
            "{twist} Ook bleek de samenwerking met andere afdelingen lastiger dan gedacht."
        ),
        lessons,
        tips: "Zoek collega's die enthousiast zijn en geef ze tijd. Vier kleine successen.".into(),
        do_differently:
            "We zouden eerder met de mensen op de werkvloer praten en minder tegelijk willen."
                .into(),
        themes,
        sectors: vec![sector],
        region: pick(rng, &tax.regions).to_string(),
    };
    let teller = Teller {
        name: pick(rng, NAMES).to_string(),
        organisation: org.to_string(),
        show_name: rng.gen_bool(0.5),
        show_organisation: false,
        contact_email: String::new(),
    };
    let days_ago = rng.gen_range(0..(6 * 365));
    (content, teller, now - days_ago * 24 * 3600 * 1000)
}

impl App {
    /// Adds `n` generated, published stories, a thousand per transaction.
    pub async fn generate_stories(&self, n: usize) -> AppResult<()> {
        let mut rng = StdRng::seed_from_u64(n as u64);
        let now = self.now();
        let taxonomy = self.taxonomy().current().await?;
        let offered = Offered::new(&taxonomy);
        let mut done = 0;
        while done < n {
            let batch: Vec<(StoryContent, Teller, i64, String)> = (done..(done + 1000).min(n))
                .map(|i| {
                    let (c, t, at) = story(&mut rng, &offered, i, now);
                    let slug = format!("{}-{i}", vooruit_domain::slug::slugify(&c.title));
                    (c, t, at, slug)
                })
                .collect();
            let stories: Vec<NewStory<'_>> = batch
                .iter()
                .map(|(c, t, at, slug)| NewStory {
                    slug,
                    status: StoryStatus::Gepubliceerd,
                    content: c,
                    teller: t,
                    no_client_info: true,
                    lang: Lang::Nl,
                    author_id: None,
                    status_token: None,
                    published_at: Some(*at),
                })
                .collect();
            let mut tx = self.begin("demo.generate_stories").await?;
            tx.stories().insert_many(&stories).await?;
            // Committed without indexing each: `vooruit reindex` follows.
            tx.commit().await?;
            done += batch.len();
            tracing::info!(done, of = n, "generated stories");
        }
        Ok(())
    }
}

impl App {
    /// Adds `n` confirmed newsletter subscribers (`lezer-{i}@voorbeeld.test`),
    /// for measuring a send at scale.
    pub async fn generate_subscribers(&self, n: usize) -> AppResult<()> {
        let mut done = 0;
        while done < n {
            let emails: Vec<String> = (done..(done + 2000).min(n))
                .map(|i| format!("lezer-{i}@voorbeeld.test"))
                .collect();
            let mut tx = self.begin("demo.generate_subscribers").await?;
            tx.newsletter().insert_confirmed(&emails).await?;
            self.commit(tx).await?;
            done += emails.len();
            tracing::info!(done, of = n, "generated subscribers");
        }
        Ok(())
    }
}
