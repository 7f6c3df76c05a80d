//! Demo content for `vooruit serve --demo`: stories written for Vooruit (see
//! `demo/stories.json`) and an editor account to try the redactie with.

use serde::Deserialize;
use vooruit_domain::account::Role;
use vooruit_domain::group::GroupRole;
use vooruit_domain::lang::Lang;
use vooruit_domain::organisation::{OrgKind, OrgRole};
use vooruit_domain::slug::slugify;
use vooruit_domain::story::{StoryContent, StoryStatus, Teller};
use vooruit_store::stories::NewStory;

use crate::{App, AppError, AppResult};

pub const DEMO_EDITOR_EMAIL: &str = "redactie@vooruit.test";
pub const DEMO_EDITOR_PASSWORD: &str = "vooruit-demo-redactie";
pub const DEMO_ADMIN_EMAIL: &str = "beheer@vooruit.test";
pub const DEMO_ADMIN_PASSWORD: &str = "vooruit-demo-beheer";

#[derive(Deserialize)]
struct DemoStory {
    #[serde(flatten)]
    content: StoryContent,
    teller_name: String,
    teller_org: String,
    show_name: bool,
    show_org: bool,
    days_ago: i64,
}

const STORIES: &str = include_str!("../demo/stories.json");
const EVENTS: &str = include_str!("../demo/events.json");
const PODCAST: &str = include_str!("../demo/podcast.json");
const VIDEOS: &str = include_str!("../demo/videos.json");
const GUIDES: &str = include_str!("../demo/guides.json");
const MAGAZINE: &str = include_str!("../demo/magazine.json");
const PUBLICATIONS: &str = include_str!("../demo/publications.json");
/// More stories, for a fuller site and for judging search (the relevance
/// yardstick in the test suite ranks over the demo stories plus these).
const LIBRARY: &str = include_str!("../demo/library.json");

#[derive(Deserialize)]
struct DemoEvent {
    kind: String,
    title: String,
    description: String,
    days_from_now: i64,
    start_hour: u32,
    hours: i64,
    location: String,
    online_url: String,
    region: String,
    organiser: String,
    capacity: i64,
    #[serde(default)]
    themes: Vec<String>,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    report: String,
}

impl App {
    /// Fills an empty database with the demo stories and the demo editor.
    /// Does nothing when there are stories already, so it is safe on every start.
    pub async fn load_demo(&self) -> AppResult<bool> {
        if self.read().await?.stories().count().await? > 0 {
            return Ok(false);
        }
        self.insert_demo_stories(STORIES, "demo.stories").await?;
        self.load_demo_events().await?;
        self.load_demo_publications().await?;
        self.load_demo_podcast().await?;
        self.load_demo_videos().await?;
        self.load_demo_guides().await?;
        self.load_demo_magazine().await?;
        self.load_demo_edition().await?;
        self.accounts()
            .add_user(
                DEMO_EDITOR_EMAIL,
                "Demo-redacteur",
                Role::Editor,
                DEMO_EDITOR_PASSWORD,
            )
            .await?;
        self.accounts()
            .add_user(
                DEMO_ADMIN_EMAIL,
                "Demo-beheerder",
                Role::Admin,
                DEMO_ADMIN_PASSWORD,
            )
            .await?;
        self.load_demo_organisation().await?;
        Ok(true)
    }

    /// Adds the story library (`demo/library.json`) to the demo stories:
    /// `vooruit demo --library`. Stories already there (by slug) are left
    /// alone, so running it twice adds nothing. Returns how many it added.
    pub async fn load_library(&self) -> AppResult<usize> {
        self.insert_demo_stories(LIBRARY, "demo.library").await
    }

    /// Inserts published stories from a JSON list in the demo format,
    /// skipping slugs that exist.
    async fn insert_demo_stories(&self, json: &str, use_case: &'static str) -> AppResult<usize> {
        let stories: Vec<DemoStory> = serde_json::from_str(json)
            .map_err(|e| AppError::Internal(format!("{use_case}: {e}")))?;
        let mut tx = self.begin(use_case).await?;
        let now = tx.now();
        let mut added = 0;
        for s in stories {
            let mut content = s.content;
            content.normalise();
            let slug = slugify(&content.title);
            if tx.stories().published(&slug).await?.is_some() {
                continue;
            }
            let teller = Teller {
                name: s.teller_name,
                organisation: s.teller_org,
                show_name: s.show_name,
                show_organisation: s.show_org,
                contact_email: String::new(),
            };
            tx.stories()
                .insert(NewStory {
                    slug: &slug,
                    status: StoryStatus::Gepubliceerd,
                    content: &content,
                    teller: &teller,
                    no_client_info: true,
                    lang: Lang::Nl,
                    author_id: None,
                    status_token: None,
                    published_at: Some(now - s.days_ago * 24 * 3600 * 1000),
                })
                .await?;
            added += 1;
        }
        self.commit(tx).await?;
        Ok(added)
    }

    /// A municipality with its domain, the demo editor as its beheerder and
    /// two colleagues (accounts nobody can log in to: their passwords are
    /// random), so the organisation pages have something to show.
    async fn load_demo_organisation(&self) -> AppResult<()> {
        let mut members = vec![];
        for (email, name) in [
            ("sanne.dewit@voorbeeldstad.nl", "Sanne de Wit"),
            ("karim.benali@voorbeeldstad.nl", "Karim Benali"),
        ] {
            let password = crate::tokens::new_token();
            self.accounts()
                .add_user(email, name, Role::Member, &password)
                .await?;
            members.push(email);
        }
        let mut tx = self.begin("demo.organisation").await?;
        let id = tx
            .organisations()
            .insert(
                "gemeente-voorbeeldstad",
                "Gemeente Voorbeeldstad",
                OrgKind::Gemeente,
            )
            .await?
            .ok_or_else(|| AppError::Internal("demo organisation exists".into()))?;
        tx.organisations()
            .set_domains(&id, &["voorbeeldstad.nl".to_string()])
            .await?;
        for (email, role) in [(DEMO_EDITOR_EMAIL, OrgRole::Beheerder)]
            .into_iter()
            .chain(members.into_iter().map(|e| (e, OrgRole::Lid)))
        {
            let user = tx
                .accounts()
                .user_by_email(email)
                .await?
                .ok_or_else(|| AppError::Internal(format!("demo user {email}")))?;
            tx.organisations().set_member(&id, &user.id, role).await?;
        }
        // A learning group of the organisation: the demo editor leads it,
        // the two colleagues are in it.
        let group = tx
            .groups()
            .insert(
                "leerkring-wijkteams",
                "Leerkring wijkteams",
                "Elke maand praten de wijkteams samen na over een lastige casus: wat liep goed, wat pakken we anders aan, en wie kan daarbij helpen?",
                Some(&id),
            )
            .await?
            .ok_or_else(|| AppError::Internal("demo group exists".into()))?;
        for (email, role) in [
            (DEMO_EDITOR_EMAIL, GroupRole::Begeleider),
            ("sanne.dewit@voorbeeldstad.nl", GroupRole::Lid),
            ("karim.benali@voorbeeldstad.nl", GroupRole::Lid),
        ] {
            let user = tx
                .accounts()
                .user_by_email(email)
                .await?
                .ok_or_else(|| AppError::Internal(format!("demo user {email}")))?;
            tx.groups().set_member(&group, &user.id, role).await?;
        }
        // Its next meeting, in ten days from two to four in the afternoon.
        let day = 24 * 3600 * 1000;
        let starts = (tx.now() / day + 10) * day + 13 * 3600 * 1000;
        tx.groups()
            .insert_meeting(
                &group,
                &vooruit_domain::group::MeetingInput {
                    title: "Terugblik op het najaar".into(),
                    starts_at: starts,
                    ends_at: starts + 2 * 3600 * 1000,
                    place: "Stadskantoor Voorbeeldstad, zaal 2".into(),
                    online_url: String::new(),
                    agenda: "1. Wat liep er goed in de wijk?\n2. Wat doen we de volgende keer anders?\n3. Wat is daarvoor nodig?\n4. Wie kan wie daarbij helpen?".into(),
                },
            )
            .await?;
        self.load_demo_retrospective(&mut tx, &group).await?;
        self.load_demo_dilemmas(&mut tx, &group).await?;
        self.load_demo_experiments(&mut tx, &group).await?;
        let owner = tx
            .accounts()
            .user_by_email(DEMO_EDITOR_EMAIL)
            .await?
            .ok_or_else(|| AppError::Internal("demo editor".into()))?;
        crate::measurement::demo::load(&mut tx, &self.config.secret, &id, &owner.id).await?;
        self.commit(tx).await
    }

    /// A terugblik of the demo group in discussion: cards of the members
    /// (one anonymous), votes, and an action with an owner.
    async fn load_demo_retrospective(
        &self,
        tx: &mut vooruit_store::Conn,
        group: &str,
    ) -> AppResult<()> {
        use vooruit_domain::retrospective::{Question, RetroPhase, RetroSubject};
        let mut ids = vec![];
        for email in [
            DEMO_EDITOR_EMAIL,
            "sanne.dewit@voorbeeldstad.nl",
            "karim.benali@voorbeeldstad.nl",
        ] {
            let user = tx
                .accounts()
                .user_by_email(email)
                .await?
                .ok_or_else(|| AppError::Internal(format!("demo user {email}")))?;
            ids.push(user.id);
        }
        let retro = tx
            .retrospectives()
            .insert(
                group,
                "De wijkavond in oktober",
                RetroSubject::Bijeenkomst,
                3,
                &ids[0],
            )
            .await?;
        let cards = [
            (
                Question::Goed,
                "Bewoners vertelden zelf wat ze nodig hadden, zonder dat wij het invulden.",
                Some(1),
            ),
            (
                Question::Goed,
                "De tolk was er vanaf het begin: daardoor deden ook nieuwe buren mee.",
                Some(2),
            ),
            (
                Question::Beter,
                "We praatten te lang over de regels en te kort over wat mensen meemaken.",
                None,
            ),
            (
                Question::Beter,
                "De uitnodiging kwam pas een week van tevoren.",
                Some(0),
            ),
            (
                Question::Nodig,
                "Een vaste contactpersoon per straat, ook na de avond.",
                Some(1),
            ),
            (
                Question::Benutten,
                "Karim kent de moskee en het buurthuis: laat hem de volgende avond mee voorbereiden.",
                Some(1),
            ),
        ];
        let mut card_ids = vec![];
        for (question, body, author) in cards {
            let author = author.map(|i: usize| ids[i].as_str());
            card_ids.push(
                tx.retrospectives()
                    .insert_card(&retro, question, body, author)
                    .await?,
            );
        }
        tx.retrospectives()
            .set_phase(&retro, RetroPhase::Schrijven, RetroPhase::Bespreken)
            .await?;
        for (voter, card) in [(0, 2), (1, 2), (2, 2), (1, 4), (2, 4), (0, 0)] {
            tx.retrospectives()
                .take_vote(&retro, &ids[voter], 3)
                .await?;
            tx.retrospectives()
                .add_vote(&card_ids[card], &ids[voter])
                .await?;
        }
        let due = crate::dates::iso_date(tx.now() + 14 * 24 * 3600 * 1000);
        tx.retrospectives()
            .insert_action(
                &retro,
                "Op de volgende avond eerst een kwartier laten vertellen, daarna pas over regels praten.",
                &ids[2],
                &due,
            )
            .await?;
        Ok(())
    }

    /// The demo group's members: the editor (facilitator), Sanne, Karim.
    async fn demo_group_members(&self, tx: &mut vooruit_store::Conn) -> AppResult<Vec<String>> {
        let mut ids = vec![];
        for email in [
            DEMO_EDITOR_EMAIL,
            "sanne.dewit@voorbeeldstad.nl",
            "karim.benali@voorbeeldstad.nl",
        ] {
            let user = tx
                .accounts()
                .user_by_email(email)
                .await?
                .ok_or_else(|| AppError::Internal(format!("demo user {email}")))?;
            ids.push(user.id);
        }
        Ok(ids)
    }

    /// Two dilemmas: one decided without names, one still open with names.
    async fn load_demo_dilemmas(&self, tx: &mut vooruit_store::Conn, group: &str) -> AppResult<()> {
        use vooruit_domain::dilemma::{DilemmaNames, DilemmaPhase};
        let ids = self.demo_group_members(tx).await?;
        let gift = tx
            .dilemmas()
            .insert(
                group,
                "Een cadeaubon na het laatste gesprek",
                "Na een traject van een jaar geeft een oudere bewoner een cadeaubon van vijftig euro. Hij is er trots op dat hij iets terug kan doen en zegt dat hij beledigd is als we hem weigeren. Onze regel zegt: geen geschenken boven de tien euro.",
                DilemmaNames::ZonderNamen,
                &[
                    "Aannemen: het gebaar telt".to_string(),
                    "Beleefd weigeren: regel is regel".to_string(),
                    "Aannemen en melden bij de leiding".to_string(),
                ],
                &ids[0],
            )
            .await?;
        let sides = tx.dilemmas().perspectives(&gift).await?;
        for (member, side, reason) in [
            (
                0,
                2,
                "Zo doen we recht aan de man en blijven we open naar de organisatie.",
            ),
            (
                1,
                0,
                "Weigeren kost meer dan de bon waard is: het vertrouwen van een jaar.",
            ),
            (
                2,
                2,
                "Melden maakt het bespreekbaar, ook voor collega's die twijfelen.",
            ),
        ] {
            let row = tx
                .dilemmas()
                .by_id(&gift)
                .await?
                .ok_or_else(|| AppError::Internal("demo dilemma".into()))?;
            tx.dilemmas()
                .put_unnamed(&row, &sides[side].id, reason, &ids[member])
                .await?;
        }
        tx.dilemmas()
            .set_phase(&gift, DilemmaPhase::Kiezen, DilemmaPhase::Bespreken)
            .await?;
        let follow_up = crate::dates::iso_date(tx.now() + 30 * 24 * 3600 * 1000);
        tx.dilemmas()
            .decide(
                &gift,
                DilemmaPhase::Besloten,
                "We nemen de bon aan, bedanken hem hartelijk en melden het bij de teamleider. De bon gaat naar het koffiefonds van het buurthuis, en dat vertellen we hem ook.",
                &follow_up,
                &ids[0],
            )
            .await?;
        let call = tx
            .dilemmas()
            .insert(
                group,
                "Een buurvrouw belt over het gezin naast haar",
                "Een buurvrouw belt bezorgd: de kinderen naast haar zijn vaak tot laat buiten. Het gezin staat bij ons bekend, maar heeft niet om hulp gevraagd. Gaan we langs?",
                DilemmaNames::MetNamen,
                &[
                    "De privacy van het gezin gaat voor".to_string(),
                    "De zorg om de kinderen gaat voor".to_string(),
                ],
                &ids[0],
            )
            .await?;
        let sides = tx.dilemmas().perspectives(&call).await?;
        tx.dilemmas()
            .put_named(
                &call,
                &sides[1].id,
                "Even aanbellen is geen inbreuk; wegkijken kan later veel meer kosten.",
                &ids[1],
            )
            .await?;
        Ok(())
    }

    /// Experiments on every step: an idea, one running, a standard and a
    /// stopped one.
    async fn load_demo_experiments(
        &self,
        tx: &mut vooruit_store::Conn,
        group: &str,
    ) -> AppResult<()> {
        use vooruit_domain::experiment::ExperimentPhase;
        let ids = self.demo_group_members(tx).await?;
        let day = 24 * 3600 * 1000;
        let today = crate::dates::iso_date(tx.now());
        let idea = tx
            .experiments()
            .insert(
                group,
                "Spreekuur in de bibliotheek",
                "Op het stadskantoor komen vooral mensen die de weg al kennen. In de bibliotheek zitten elke ochtend bewoners die we nu missen. Een wekelijks spreekuur daar, zonder afspraak.",
                &ids[1],
            )
            .await?;
        for member in [1, 2] {
            tx.experiments().support(&idea, &ids[member], true).await?;
        }
        let plans = [
            (
                "Een vaste contactpersoon per straat",
                "Na de wijkavond wisten bewoners niet bij wie ze terecht konden. Elke straat krijgt een vaste contactpersoon uit het team.",
                "Als elke straat een vast gezicht heeft, melden bewoners zich eerder, voordat problemen groot worden.",
                "Per maand: hoeveel meldingen komen binnen in de eerste week dat iets speelt.",
                2,
                None,
            ),
            (
                "Een tolk vanaf het begin van de avond",
                "De tolk kwam vaak pas als iemand erom vroeg. Dan was het eerste halfuur al voorbij.",
                "Als de tolk er vanaf het begin is, doen meer nieuwe buren mee aan het gesprek.",
                "Het aantal bewoners dat op de avond zelf iets inbrengt, naast het aantal aanwezigen.",
                0,
                Some((
                    true,
                    "Vier avonden met tolk: twee keer zo veel nieuwe buren namen het woord. Het kost een uur extra voorbereiding, dat is het waard.",
                    "Een tolk alleen op verzoek",
                )),
            ),
            (
                "Een digitaal inloopformulier",
                "Bewoners vullen vooraf online in waarvoor ze komen, zodat we ons kunnen voorbereiden.",
                "Als we vooraf weten waarvoor iemand komt, duurt een inloopgesprek korter.",
                "De gemiddelde duur van een inloopgesprek, vier weken lang.",
                1,
                Some((
                    false,
                    "Bijna niemand vulde het formulier in, en wie het deed, schreef iets anders dan waar het gesprek over ging. De gesprekken werden niet korter. Voorbereiden helpt pas als mensen ons al kennen.",
                    "",
                )),
            ),
        ];
        for (title, description, hypothesis, measure, owner, verdict) in plans {
            let id = tx
                .experiments()
                .insert(group, title, description, &ids[1])
                .await?;
            let ends = crate::dates::iso_date(tx.now() + 21 * day);
            tx.experiments()
                .start(&id, hypothesis, measure, &today, &ends, &ids[owner])
                .await?;
            tx.experiments()
                .add_note(
                    &id,
                    &ids[owner],
                    "Eerste week gedraaid. Bewoners reageren nieuwsgierig; we houden de telling bij.",
                )
                .await?;
            if let Some((adopted, evaluation, replaces)) = verdict {
                let to = ExperimentPhase::Loopt
                    .evaluate(adopted)
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                tx.experiments()
                    .evaluate(&id, to, evaluation, replaces)
                    .await?;
            }
        }
        Ok(())
    }

    /// Events around today, in Dutch time, and one that has passed.
    async fn load_demo_events(&self) -> AppResult<()> {
        use chrono::TimeZone;
        let events: Vec<DemoEvent> = serde_json::from_str(EVENTS)
            .map_err(|e| AppError::Internal(format!("demo events: {e}")))?;
        let today = chrono::DateTime::from_timestamp_millis(self.now())
            .unwrap_or_default()
            .with_timezone(&chrono_tz::Europe::Amsterdam)
            .date_naive();
        let taxonomy = self.taxonomy().current().await?;
        let mut tx = self.begin("demo.events").await?;
        for e in events {
            let day = today + chrono::Duration::days(e.days_from_now);
            let starts_at = day
                .and_hms_opt(e.start_hour, 0, 0)
                .and_then(|t| {
                    chrono_tz::Europe::Amsterdam
                        .from_local_datetime(&t)
                        .earliest()
                })
                .map(|t| t.timestamp_millis())
                .ok_or_else(|| AppError::Internal("demo event time".into()))?;
            let input = vooruit_domain::event::EventInput {
                kind: e.kind,
                title: e.title,
                description: e.description,
                starts_at,
                ends_at: starts_at + e.hours * 3600 * 1000,
                location: e.location,
                online_url: e.online_url,
                region: e.region,
                organiser: e.organiser,
                capacity: e.capacity,
                themes: e.themes,
                questions: e.questions,
                registration_opens_at: None,
                registration_closes_at: None,
                report: e.report,
            };
            input.validate(&taxonomy.for_new())?;
            tx.events().insert(&slugify(&input.title), &input).await?;
        }
        self.commit(tx).await
    }

    /// One sent edition, so the archive is not empty. Sent before anyone
    /// subscribed, so it reaches nobody.
    async fn load_demo_edition(&self) -> AppResult<()> {
        let items = self.editions().suggested_items(Lang::Nl).await?;
        let input = vooruit_domain::edition::EditionInput {
            subject: "Nieuwsbrief Vooruit: welkom".into(),
            intro: "Welkom bij de eerste nieuwsbrief van Vooruit. Elke maand lees je hier nieuwe verhalen van collega's, over wat lukte en wat niet, en zie je welke bijeenkomsten eraan komen.\n\nHeb je zelf iets geprobeerd? [Deel je verhaal](/verhaal-delen).".into(),
            items,
            themes: vec![],
        };
        input.validate(&self.taxonomy().current().await?.for_new())?;
        let id = self.editions().store(&input, "demo").await?;
        let mut tx = self.begin("demo.edition").await?;
        tx.editions()
            .start_sending(&id, "welkom-bij-vooruit", &[])
            .await?;
        tx.editions().finish_sending(&id).await?;
        self.commit(tx).await
    }

    /// Published publications, their PDFs made from their text.
    async fn load_demo_publications(&self) -> AppResult<()> {
        #[derive(serde::Deserialize)]
        struct DemoPublication {
            title: String,
            publisher: String,
            year_ago: i32,
            themes: Vec<String>,
            sectors: Vec<String>,
            summary: String,
            pages: Vec<String>,
        }
        let all: Vec<DemoPublication> = serde_json::from_str(PUBLICATIONS)
            .map_err(|e| AppError::Internal(format!("demo publications: {e}")))?;
        let this_year = chrono::DateTime::from_timestamp_millis(self.now())
            .map_or(2026, |t| chrono::Datelike::year(&t));
        for p in all {
            let mut upload = self.storage.temp_file().await?;
            upload
                .write(&crate::pdf::from_text(&p.title, &p.pages))
                .await?;
            upload.finish().await?;
            let checked = self.publications().check_pdf(&upload).await?;
            let input = vooruit_domain::publication::PublicationInput {
                title: p.title,
                publisher: p.publisher,
                year: (this_year - p.year_ago).to_string(),
                summary: p.summary,
                themes: p.themes,
                sectors: p.sectors,
                cover_alt: String::new(),
            };
            let slug = self
                .publications()
                .add(input, &upload, checked, None)
                .await?;
            let mut tx = self.begin("demo.publications").await?;
            let id = tx
                .publications()
                .by_slug(&slug)
                .await?
                .map(|p| p.id)
                .ok_or(AppError::NotFound)?;
            tx.publications()
                .set_status(
                    &id,
                    vooruit_domain::publication::PublicationStatus::Published,
                )
                .await?;
            self.commit(tx).await?;
        }
        Ok(())
    }

    /// The podcast: its series with a drawn picture, and published
    /// episodes whose audio is silence as long as their transcript (we
    /// make no recordings; `audio::silent_mp3`).
    async fn load_demo_podcast(&self) -> AppResult<()> {
        #[derive(serde::Deserialize)]
        struct DemoPodcast {
            series: vooruit_domain::podcast::SeriesInput,
            episodes: Vec<DemoEpisode>,
        }
        #[derive(serde::Deserialize)]
        struct DemoEpisode {
            title: String,
            notes: String,
            guests: String,
            season: Option<i32>,
            number: Option<i32>,
            #[serde(default)]
            kind: Option<String>,
            days_ago: i64,
            seconds: u32,
            chapters: String,
            transcript: String,
        }
        let demo: DemoPodcast = serde_json::from_str(PODCAST)
            .map_err(|e| AppError::Internal(format!("demo podcast: {e}")))?;
        let mut picture = self.storage.temp_file().await?;
        picture.write(&demo_cover()?).await?;
        picture.finish().await?;
        let checked = self.podcast().check_cover(&picture).await?;
        let series = vooruit_domain::podcast::SeriesInput {
            kind: "episodic".into(),
            ..demo.series
        };
        self.podcast()
            .store_series(series, Some((&picture, checked)))
            .await?;
        for e in demo.episodes {
            let mut upload = self.storage.temp_file().await?;
            upload.write(&crate::audio::silent_mp3(e.seconds)).await?;
            upload.finish().await?;
            let audio = self.podcast().check_audio(&upload).await?;
            let day = crate::dates::iso_date(self.now() - e.days_ago * 24 * 3600 * 1000);
            let input = vooruit_domain::podcast::EpisodeInput {
                title: e.title,
                notes: e.notes,
                guests: e.guests,
                season: e.season.map(|n| n.to_string()).unwrap_or_default(),
                number: e.number.map(|n| n.to_string()).unwrap_or_default(),
                kind: e.kind.unwrap_or_else(|| "full".into()),
                date: day,
                chapters: e.chapters,
                transcript: e.transcript,
            };
            let id = self.podcast().add(input, &upload, audio).await?;
            let mut tx = self.begin("demo.podcast").await?;
            tx.podcast()
                .set_status(
                    &id,
                    vooruit_domain::publication::PublicationStatus::Published,
                )
                .await?;
            self.commit(tx).await?;
        }
        Ok(())
    }
}

impl App {
    /// Published werkwijzers (text steps, linked to demo stories).
    async fn load_demo_guides(&self) -> AppResult<()> {
        #[derive(serde::Deserialize)]
        struct DemoGuide {
            title: String,
            goal: String,
            audience: String,
            duration: String,
            materials: String,
            steps: Vec<vooruit_domain::guide::StepInput>,
            related: String,
        }
        let all: Vec<DemoGuide> = serde_json::from_str(GUIDES)
            .map_err(|e| AppError::Internal(format!("demo guides: {e}")))?;
        for g in all {
            let input = vooruit_domain::guide::GuideInput {
                title: g.title,
                goal: g.goal,
                audience: g.audience,
                duration: g.duration,
                materials: g.materials,
                steps: g.steps,
                related: g.related,
            };
            let id = vooruit_store::new_id();
            self.guides().store(&id, None, input, Vec::new()).await?;
            let mut tx = self.begin("demo.guides").await?;
            tx.guides()
                .set_status(
                    &id,
                    vooruit_domain::publication::PublicationStatus::Published,
                )
                .await?;
            self.commit(tx).await?;
        }
        Ok(())
    }

    /// A published magazine issue whose articles are demo stories, with a
    /// drawn PDF of the "printed" issue.
    async fn load_demo_magazine(&self) -> AppResult<()> {
        #[derive(serde::Deserialize)]
        struct DemoSection {
            title: String,
            /// Titles of demo stories.
            stories: Vec<String>,
        }
        #[derive(serde::Deserialize)]
        struct DemoIssue {
            name: String,
            number: i32,
            days_ago: i64,
            theme: String,
            foreword: String,
            colophon: String,
            sections: Vec<DemoSection>,
            pages: Vec<String>,
        }
        let d: DemoIssue = serde_json::from_str(MAGAZINE)
            .map_err(|e| AppError::Internal(format!("demo magazine: {e}")))?;
        let mut articles = Vec::new();
        {
            let mut conn = self.read().await?;
            for (n, section) in d.sections.iter().enumerate() {
                for title in &section.stories {
                    let row = conn
                        .stories()
                        .published(&slugify(title))
                        .await?
                        .ok_or_else(|| AppError::Internal(format!("demo magazine: {title}")))?;
                    articles.push(vooruit_domain::magazine::ArticleInput {
                        story_id: row.id,
                        section: (n + 1).to_string(),
                        order: String::new(),
                        ready: false,
                    });
                }
            }
        }
        let date = crate::dates::iso_date(self.now() - d.days_ago * 24 * 3600 * 1000);
        let input = vooruit_domain::magazine::IssueInput {
            name: d.name.clone(),
            number: d.number.to_string(),
            date,
            theme: d.theme,
            foreword: d.foreword,
            colophon: d.colophon,
            sections: d.sections.into_iter().map(|s| s.title).collect(),
            articles,
            no_pdf: false,
        };
        let mut upload = self.storage.temp_file().await?;
        let title = format!("{} {}", d.name, d.number);
        upload
            .write(&crate::pdf::from_text(&title, &d.pages))
            .await?;
        upload.finish().await?;
        let checked = self.magazine().check_pdf(&upload).await?;
        let id = vooruit_store::new_id();
        self.magazine()
            .store(&id, None, input, Some((&upload, checked)))
            .await?;
        let mut tx = self.begin("demo.magazine").await?;
        tx.magazine()
            .set_status(
                &id,
                vooruit_domain::publication::PublicationStatus::Published,
            )
            .await?;
        self.commit(tx).await
    }

    /// Published videos on a platform (we make no recordings; the
    /// platform's id is made up, so loading it shows the platform's
    /// "unavailable" notice).
    async fn load_demo_videos(&self) -> AppResult<()> {
        let all: Vec<vooruit_domain::video::VideoInput> = serde_json::from_str(VIDEOS)
            .map_err(|e| AppError::Internal(format!("demo videos: {e}")))?;
        for input in all {
            let id = self.videos().add(input, None, None).await?;
            let mut tx = self.begin("demo.videos").await?;
            tx.videos()
                .set_status(
                    &id,
                    vooruit_domain::publication::PublicationStatus::Published,
                )
                .await?;
            self.commit(tx).await?;
        }
        Ok(())
    }
}

/// The demo podcast's picture: a dark blue square with a light circle,
/// as large as podcast apps ask (PNG).
fn demo_cover() -> AppResult<Vec<u8>> {
    let side = vooruit_domain::podcast::COVER_MIN;
    let centre = side as f32 / 2.0;
    let img = image::RgbImage::from_fn(side, side, |x, y| {
        let d = ((x as f32 - centre).powi(2) + (y as f32 - centre).powi(2)).sqrt();
        if d < side as f32 * 0.3 {
            image::Rgb([232, 238, 246])
        } else {
            image::Rgb([21, 66, 115])
        }
    });
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(png.into_inner())
}
