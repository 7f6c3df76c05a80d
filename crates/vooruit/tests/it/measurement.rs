//! Issue 17, measuring behaviour change: a programme set up through the
//! pages, a 0-meting and a 1-meting answered through one-time links from
//! the mails, and results that show only what cannot reveal a small group
//! (also not by subtracting the shown groups from the total). Every
//! answer and link is checked in the database as well: no time, no token,
//! no address left once the round closes.

use std::collections::HashMap;

use crate::common::{Client, MEMBER_PASSWORD, Page, Server, logged_in, post_from, user_id};

const ORG: &str = "/organisaties/gemeente-noordveen";

/// Gemeente Noordveen with Bea (its beheerder, who will own the
/// programme) and Mo (a member); Kees belongs to no organisation.
async fn noordveen(s: &Server) -> (Client, Client, Client) {
    s.add_user("beheer@test.nl", "Ada Admin", "admin", MEMBER_PASSWORD);
    for (email, name) in [
        ("bea@noordveen.nl", "Bea Beheer"),
        ("mo@noordveen.nl", "Mo Medewerker"),
        ("kees@elders.nl", "Kees Kader"),
    ] {
        s.add_user(email, name, "member", MEMBER_PASSWORD);
    }
    let admin = logged_in(s, "beheer@test.nl").await;
    let made = post_from(
        &admin,
        "/beheer/organisaties",
        "/beheer/organisaties",
        &[
            ("name", "Gemeente Noordveen"),
            ("kind", "gemeente"),
            ("domains", "noordveen.nl"),
        ],
    )
    .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let bea = logged_in(s, "bea@noordveen.nl").await;
    let mo = logged_in(s, "mo@noordveen.nl").await;
    for c in [&bea, &mo] {
        let joined = post_from(
            c,
            "/mijn/organisaties",
            "/mijn/organisaties/gemeente-noordveen/aansluiten",
            &[],
        )
        .await;
        assert_eq!(joined.status, 303, "{}", joined.body);
    }
    let bea_id = user_id(s, "bea@noordveen.nl").await;
    let role = post_from(
        &admin,
        ORG,
        &format!("{ORG}/leden/{bea_id}/rol"),
        &[("role", "beheerder")],
    )
    .await;
    assert_eq!(role.status, 303, "{}", role.body);
    let kees = logged_in(s, "kees@elders.nl").await;
    (bea, mo, kees)
}

fn id_from(location: &str) -> String {
    location
        .split(['?', '#'])
        .next()
        .expect("path")
        .rsplit('/')
        .next()
        .expect("id")
        .to_string()
}

/// `YYYY-MM-DD`, `days` from today (UTC; the server counts days in
/// Amsterdam, a day of margin either side is enough).
fn day(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// The values of the named `<input>` or `<option>`s whose text is `label`.
fn option_value(page: &Page, label: &str) -> String {
    let html = page.html();
    let sel = scraper::Selector::parse("option, input[type=checkbox]").expect("selector");
    for el in html.select(&sel) {
        let text: String = el.text().collect();
        if text.trim() == label {
            return el.value().attr("value").expect("value").to_string();
        }
        if let Some(id) = el.value().attr("id") {
            let for_label =
                scraper::Selector::parse(&format!("label[for=\"{id}\"]")).expect("label");
            if html
                .select(&for_label)
                .any(|l| l.text().collect::<String>().trim() == label)
            {
                return el.value().attr("value").expect("value").to_string();
            }
        }
    }
    panic!("no option {label:?} in {}", page.body)
}

/// The programme: two values, a KPI, two behaviours and three groups.
/// Returns its URL and the behaviour ids (in order).
async fn programme(bea: &Client) -> (String, Vec<String>) {
    let list = format!("{ORG}/metingen");
    let made = post_from(
        bea,
        &list,
        &list,
        &[
            ("name", "Samen klantgericht"),
            (
                "description",
                "Minder regels, meer vragen wat iemand nodig heeft.",
            ),
        ],
    )
    .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let url = format!(
        "{list}/{}",
        id_from(made.location.as_deref().expect("to it"))
    );
    for value in ["Betrouwbaar", "Nieuwsgierig"] {
        let r = post_from(
            bea,
            &url,
            &format!("{url}/waarden"),
            &[("value_name", value)],
        )
        .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let r = post_from(
        bea,
        &url,
        &format!("{url}/kpis"),
        &[
            ("kpi_name", "Klanttevredenheid"),
            ("unit", "rapportcijfer"),
            ("direction", "hoger"),
            ("source", "Klantpanel"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = bea.get(&url).await;
    let value = option_value(&page, "Nieuwsgierig");
    let kpi = option_value(&page, "Klanttevredenheid");
    for statement in [
        "Ik vraag eerst wat iemand nodig heeft",
        "Ik spreek een collega aan als afspraken niet worden nagekomen",
    ] {
        let r = post_from(
            bea,
            &url,
            &format!("{url}/gedrag"),
            &[("statement", statement), ("values", &value), ("kpis", &kpi)],
        )
        .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    for group in ["Team Noord", "Team Zuid", "Team Klein"] {
        let r = post_from(
            bea,
            &url,
            &format!("{url}/groepen"),
            &[("group_name", group)],
        )
        .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let page = bea.get(&url).await;
    assert!(
        page.body.contains("Kernwaarden: Nieuwsgierig"),
        "{}",
        page.body
    );
    let html = page.html();
    let sel = scraper::Selector::parse("input[name=soort][value=gedrag]").expect("sel");
    let behaviours = html
        .select(&sel)
        .map(|input| {
            let form = input
                .parent()
                .and_then(scraper::ElementRef::wrap)
                .expect("form");
            let action = form.value().attr("action").expect("action");
            action.rsplit('/').nth(1).expect("id").to_string()
        })
        .collect::<Vec<_>>();
    assert_eq!(behaviours.len(), 2);
    (url, behaviours)
}

/// A new round, open at once, with these addresses per group name.
async fn open_round(bea: &Client, url: &str, groups: &[(&str, Vec<String>)]) -> String {
    let made = post_from(
        bea,
        url,
        &format!("{url}/rondes"),
        &[
            ("opens_on", &day(-1)),
            ("closes_on", &day(7)),
            ("questions", "Wat helpt jou hierbij?"),
        ],
    )
    .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let round = format!(
        "{url}/rondes/{}",
        id_from(made.location.as_deref().expect("to it"))
    );
    let page = bea.get(&round).await;
    for (group, emails) in groups {
        let g = option_value(&page, group);
        let r = bea
            .post_form(
                &format!("{round}/deelnemers"),
                &page.csrf(),
                &[("group", &g), ("emails", &emails.join("\n"))],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let opened = bea
        .post_form(&format!("{round}/openen"), &page.csrf(), &[])
        .await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    round
}

/// Each address's link, from the outbox (the newest mail per address).
async fn links(s: &Server, emails: &[String], subject: &str) -> HashMap<String, String> {
    let mut found = HashMap::new();
    for e in emails {
        let mail = s.mail(e, subject).await;
        found.insert(e.clone(), mail.link(&s.url("/meting/")));
    }
    found
}

/// Answers through a link: scores per behaviour (0: cannot say).
async fn answer(link: &str, behaviours: &[String], scores: &[&str], example: &str) -> Page {
    let c = Client::new("");
    let form = c.get(link).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let mut fields: Vec<(String, String)> = behaviours
        .iter()
        .zip(scores)
        .map(|(b, s)| (format!("score-{b}"), s.to_string()))
        .collect();
    fields.push((format!("example-{}", behaviours[0]), example.to_string()));
    fields.push(("open-0".to_string(), "Tijd om door te vragen.".to_string()));
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    c.post_form(link, &form.csrf(), &refs).await
}

fn emails(prefix: &str, n: usize) -> Vec<String> {
    (1..=n)
        .map(|i| format!("{prefix}{i}@noordveen.nl"))
        .collect()
}

async fn count(s: &Server, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(&s.sql().await)
        .await
        .expect(sql)
}

#[tokio::test]
async fn rounds_answered_anonymously_show_only_what_reveals_no_small_group() {
    // Without the demo: the counts below are this test's alone.
    let s = Server::start_with(&[]).await;
    let (bea, mo, kees) = noordveen(&s).await;
    let (url, behaviours) = programme(&bea).await;

    // Members see the programme; someone of no organisation does not; a
    // member cannot change it.
    assert_eq!(mo.get(&url).await.status, 200);
    assert_eq!(kees.get(&url).await.status, 403);
    let refused = post_from(
        &mo,
        &url,
        &format!("{url}/groepen"),
        &[("group_name", "Stiekem")],
    )
    .await;
    assert_eq!(refused.status, 403);

    // Round 0: Noord 6, Zuid 5, Klein 2 addresses. A bad address refuses
    // the list with what was typed kept.
    let made = post_from(
        &bea,
        &url,
        &format!("{url}/rondes"),
        &[("opens_on", &day(-1)), ("closes_on", "gisteren")],
    )
    .await;
    assert_eq!(made.status, 422);
    let (noord, zuid, klein) = (emails("noord", 6), emails("zuid", 5), emails("klein", 2));
    let round0 = open_round(
        &bea,
        &url,
        &[
            ("Team Noord", noord.clone()),
            ("Team Zuid", zuid.clone()),
            ("Team Klein", klein.clone()),
        ],
    )
    .await;
    let page = bea.get(&round0).await;
    let g = option_value(&page, "Team Noord");
    let bad = bea
        .post_form(
            &format!("{round0}/deelnemers"),
            &page.csrf(),
            &[("group", &g), ("emails", "nieuw@noordveen.nl\ngeen adres")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("geen adres"), "typed text kept");
    assert!(page.body.contains("0 van 13 beantwoord"), "{}", page.body);

    let all: Vec<String> = [noord.clone(), zuid.clone(), klein.clone()].concat();
    let links0 = links(&s, &all, "Jouw mening over Samen klantgericht").await;

    // While the round is open there are no results.
    assert_eq!(bea.get(&format!("{round0}/resultaten")).await.status, 409);

    // An answer without a choice is refused and keeps the example; the
    // link still works afterwards.
    let first = &links0[&noord[0]];
    let incomplete = answer(first, &behaviours, &["2"], "Bij de balie vroeg ik door.").await;
    assert_eq!(incomplete.status, 422);
    assert!(incomplete.body.contains("Bij de balie vroeg ik door."));
    // Noord answers low, Zuid in the middle, Klein high.
    for (i, e) in noord.iter().enumerate() {
        let scores = if i % 2 == 0 { ["1", "2"] } else { ["2", "1"] };
        let r = answer(&links0[e], &behaviours, &scores, "Voorbeeld uit Noord").await;
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(r.location.as_deref(), Some("/meting/bedankt"));
    }
    for (i, e) in zuid.iter().enumerate() {
        let scores = [["3", "3"], ["2", "4"], ["4", "2"], ["3", "0"], ["3", "3"]][i];
        let r = answer(&links0[e], &behaviours, &scores, "").await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    for e in &klein {
        let r = answer(&links0[e], &behaviours, &["5", "5"], "Voorbeeld uit Klein").await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    // A link works once: it no longer opens, and posting to it again
    // (a form kept open in another tab) is refused.
    let used = s.client();
    let again = used.get(&links0[&noord[1]]).await;
    assert_eq!(again.status, 409, "{}", again.body);
    assert!(again.body.contains("al gebruikt"));
    let csrf_page = used.get("/inloggen").await;
    let posted = used
        .post_form(
            &links0[&noord[1]],
            &csrf_page.csrf(),
            &[(&format!("score-{}", behaviours[0]), "5")],
        )
        .await;
    assert_eq!(posted.status, 409, "{}", posted.body);

    // What is stored links no answer to a person: the invitees table has
    // only "used", the held answers have no time and no token column.
    assert_eq!(count(&s, "SELECT COUNT(*) FROM measurement_used").await, 13);
    let held_columns: Vec<String> = if s.db.is_postgres() {
        sqlx::query_scalar(
            "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'measurement_holding'",
        )
        .fetch_all(&s.sql().await)
        .await
        .expect("columns")
    } else {
        sqlx::query_scalar("SELECT name FROM pragma_table_info('measurement_holding')")
            .fetch_all(&s.sql().await)
            .await
            .expect("columns")
    };
    let mut held_columns = held_columns;
    held_columns.sort();
    assert_eq!(held_columns, ["answer", "group_id", "id", "round_id"]);
    // The row with the address is not touched by answering: "used" is a
    // mark that only the server secret ties to a link.
    let marks: Vec<String> = sqlx::query_scalar("SELECT mark FROM measurement_used")
        .fetch_all(&s.sql().await)
        .await
        .expect("marks");
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM measurement_invitees")
        .fetch_all(&s.sql().await)
        .await
        .expect("invitees");
    assert_eq!(ids.len(), 13);
    assert!(
        marks
            .iter()
            .all(|m| !ids.iter().any(|i| m.contains(i.as_str())))
    );
    let round_page = mo.get(&round0).await;
    assert!(
        round_page.body.contains("13 van 13 beantwoord"),
        "{}",
        round_page.body
    );

    // Once sent, the mails with the links are gone from the queue.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while count(
        &s,
        "SELECT COUNT(*) FROM jobs WHERE kind = 'mail-private' AND payload <> ''",
    )
    .await
        > 0
    {
        assert!(
            std::time::Instant::now() < deadline,
            "private mails keep their payload"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(
        count(&s, "SELECT COUNT(*) FROM jobs WHERE kind = 'mail-private'").await,
        13
    );

    // Closing counts everything and deletes the addresses.
    let closed = post_from(&bea, &round0, &format!("{round0}/sluiten"), &[]).await;
    assert_eq!(closed.status, 303, "{}", closed.body);
    assert_eq!(
        count(&s, "SELECT COUNT(*) FROM measurement_invitees").await,
        0
    );
    assert_eq!(
        count(&s, "SELECT COUNT(*) FROM measurement_holding").await,
        0
    );
    // 13 respondents x 2 behaviours, less one "cannot say".
    assert_eq!(
        count(
            &s,
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM measurement_counts"
        )
        .await,
        25
    );
    let used_again = Client::new("").get(&links0[&zuid[0]]).await;
    assert_eq!(
        used_again.status, 404,
        "a link of a closed round opens nothing"
    );

    // Klein (2 answers) shows no figure, and neither does the total: the
    // total minus Noord and Zuid would be Klein.
    let results = mo.get(&format!("{round0}/resultaten")).await;
    assert_eq!(results.status, 200, "{}", results.body);
    let rows = results.texts("table.vo-figure-table tbody tr");
    let row = |group: &str| {
        rows.iter()
            .filter(|r| r.trim_start().starts_with(group))
            .cloned()
            .collect::<Vec<_>>()
    };
    let (klein_rows, everyone) = (row("Team Klein"), row("Iedereen"));
    assert_eq!((klein_rows.len(), everyone.len()), (2, 2), "{rows:?}");
    assert!(
        klein_rows
            .iter()
            .all(|r| r.contains("Te weinig antwoorden"))
    );
    assert!(everyone[0].contains("Te weinig antwoorden"), "{everyone:?}");
    // On the second behaviour Zuid has 4 answers (one could not say):
    // Zuid and Klein are hidden, but together they are 6, so the total
    // reveals no group smaller than the threshold and is shown.
    assert!(row("Team Zuid")[1].contains("Te weinig antwoorden"));
    assert!(!everyone[1].contains("Te weinig"), "{everyone:?}");
    // Noord: 1,2,1,2,1,2 on the first behaviour: mean 1,5.
    assert!(
        row("Team Noord")[0].contains("1,5"),
        "{:?}",
        row("Team Noord")
    );
    assert!(
        !results.body.contains("Voorbeeld uit Klein"),
        "examples only with a shown total"
    );
    let svg = results.html();
    let titles = scraper::Selector::parse("svg[role=img] title").expect("sel");
    assert_eq!(
        svg.select(&titles).count(),
        2,
        "a titled chart per behaviour"
    );
    let csv =
        String::from_utf8(mo.get_bytes(&format!("{round0}/resultaten.csv")).await).expect("utf-8");
    assert!(
        csv.contains("Team Noord") && csv.contains("Team Zuid"),
        "{csv}"
    );
    assert!(
        !csv.contains("Team Klein") && !csv.contains("0,alle,Ik vraag eerst"),
        "{csv}"
    );

    // KPI figures per round; a bad figure keeps what was typed.
    let round_page = bea.get(&round0).await;
    let kpi_field = round_page
        .html()
        .select(&scraper::Selector::parse("input[name^=kpi-]").expect("sel"))
        .next()
        .expect("kpi field")
        .value()
        .attr("name")
        .expect("name")
        .to_string();
    let bad = bea
        .post_form(
            &format!("{round0}/kpis"),
            &round_page.csrf(),
            &[(&kpi_field, "zeven")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.input_value(&kpi_field).as_deref(), Some("zeven"));
    let ok = bea
        .post_form(
            &format!("{round0}/kpis"),
            &round_page.csrf(),
            &[(&kpi_field, "6,8")],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);

    // Round 1: Noord answers high now, Zuid the same; Klein takes no
    // part, so the total may show (nothing small to subtract to).
    let (noord1, zuid1) = (emails("noord-een", 6), emails("zuid-een", 5));
    let round1 = open_round(
        &bea,
        &url,
        &[("Team Noord", noord1.clone()), ("Team Zuid", zuid1.clone())],
    )
    .await;
    assert!(round1.ends_with("/rondes/1"), "{round1}");
    let all1: Vec<String> = [noord1.clone(), zuid1.clone()].concat();
    let links1 = links(&s, &all1, "Jouw mening").await;
    for (i, e) in noord1.iter().enumerate() {
        let scores = if i % 2 == 0 { ["4", "5"] } else { ["5", "4"] };
        assert_eq!(
            answer(&links1[e], &behaviours, &scores, "Voorbeeld na de aanpak")
                .await
                .status,
            303
        );
    }
    for (i, e) in zuid1.iter().enumerate() {
        let scores = [["3", "3"], ["4", "2"], ["2", "4"], ["3", "3"], ["3", "0"]][i];
        assert_eq!(
            answer(&links1[e], &behaviours, &scores, "").await.status,
            303
        );
    }
    let closed = post_from(&bea, &round1, &format!("{round1}/sluiten"), &[]).await;
    assert_eq!(closed.status, 303);
    let results = mo.get(&format!("{round1}/resultaten")).await;
    assert_eq!(results.status, 200);
    let rows = results.texts("table.vo-figure-table tbody tr");
    let first_of = |group: &str| {
        rows.iter()
            .find(|r| r.trim_start().starts_with(group))
            .cloned()
            .unwrap_or_else(|| panic!("{group} in {rows:?}"))
    };
    // Noord: 1,5 -> 4,5: a change whose interval excludes zero.
    let noord_row = first_of("Team Noord");
    assert!(
        noord_row.contains("+3,0") && noord_row.contains("Vooruit"),
        "{noord_row}"
    );
    // Zuid: 3,0 -> 3,0: no clear difference, not called progress.
    let zuid_row = first_of("Team Zuid");
    assert!(zuid_row.contains("Geen duidelijk verschil"), "{zuid_row}");
    // The total shows now, without a 0-meting figure (that one was hidden).
    let total = first_of("Iedereen");
    assert!(!total.contains("Te weinig"), "{total}");
    assert!(results.body.contains("Voorbeeld na de aanpak"));
    assert!(results.body.contains("Tijd om door te vragen."));
    assert!(
        results.body.contains(">6,8<"),
        "KPI of the 0-meting beside the results"
    );

    // The story draft opens the story form, filled in.
    let draft = bea.get(&format!("{round1}/verhaal")).await;
    assert_eq!(draft.status, 200);
    assert_eq!(
        draft.input_value("title").as_deref(),
        Some("Samen klantgericht")
    );
    assert_eq!(mo.get(&format!("{round1}/verhaal")).await.status, 403);
}

#[tokio::test]
async fn two_hundred_respondents_at_once_and_each_link_works_once() {
    // Without the demo: the counts below are this test's alone.
    let s = Server::start_with(&[]).await;
    let (bea, _, _) = noordveen(&s).await;
    let (url, behaviours) = programme(&bea).await;
    let many = emails("drukte", 200);
    let round = open_round(&bea, &url, &[("Team Noord", many.clone())]).await;
    let links = links(&s, &many, "Jouw mening").await;
    // Each link is sent twice at the same moment, from its own browser.
    let mut tasks = vec![];
    for link in links.values() {
        let c = Client::new("");
        let form = c.get(link).await;
        assert_eq!(form.status, 200);
        let csrf = form.csrf();
        for _ in 0..2 {
            let (c, link, csrf, b) = (c.clone(), link.clone(), csrf.clone(), behaviours.clone());
            tasks.push(tokio::spawn(async move {
                c.post_form(
                    &link,
                    &csrf,
                    &[
                        (&format!("score-{}", b[0]), "4"),
                        (&format!("score-{}", b[1]), "3"),
                    ],
                )
                .await
                .status
            }));
        }
    }
    let mut statuses: HashMap<u16, usize> = HashMap::new();
    for t in tasks {
        *statuses.entry(t.await.expect("task")).or_default() += 1;
    }
    assert_eq!(statuses.get(&303), Some(&200), "{statuses:?}");
    assert_eq!(statuses.get(&409), Some(&200), "{statuses:?}");
    let closed = post_from(&bea, &round, &format!("{round}/sluiten"), &[]).await;
    assert_eq!(closed.status, 303);
    assert_eq!(
        count(
            &s,
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM measurement_counts"
        )
        .await,
        400
    );
    assert_eq!(
        count(&s, "SELECT answered FROM measurement_participation").await,
        200
    );
    let results = bea.get(&format!("{round}/resultaten")).await;
    assert!(results.body.contains("200 antwoorden"), "{}", results.body);
}

async fn housekeeping(s: &Server) {
    let r = s
        .client()
        .post_json("/api/test/housekeeping", &serde_json::json!({}))
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
}

#[tokio::test]
async fn answers_move_in_batches_public_links_answer_once_per_browser_and_rounds_close_by_date() {
    let s = Server::start_with_env(&[], &[("VOORUIT_MODE", "test")]).await;
    let (bea, _, _) = noordveen(&s).await;
    let (url, behaviours) = programme(&bea).await;
    let noord = emails("batch", 7);
    let round = open_round(&bea, &url, &[("Team Noord", noord.clone())]).await;
    let links = links(&s, &noord, "Jouw mening").await;

    // Four answers wait: fewer than the threshold, so housekeeping leaves
    // them where they are.
    for e in &noord[..4] {
        let r = answer(&links[e], &behaviours, &["4", "3"], "Een voorbeeld").await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    housekeeping(&s).await;
    assert_eq!(
        count(&s, "SELECT COUNT(*) FROM measurement_holding").await,
        4
    );
    assert_eq!(
        count(&s, "SELECT COUNT(*) FROM measurement_counts").await,
        0
    );
    // The fifth makes a batch: all five move, as counts, the examples
    // with a day and no time.
    let r = answer(
        &links[&noord[4]],
        &behaviours,
        &["5", "3"],
        "Nog een voorbeeld",
    )
    .await;
    assert_eq!(r.status, 303);
    housekeeping(&s).await;
    assert_eq!(
        count(&s, "SELECT COUNT(*) FROM measurement_holding").await,
        0
    );
    assert_eq!(
        count(
            &s,
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM measurement_counts"
        )
        .await,
        10
    );
    let days: Vec<String> = sqlx::query_scalar("SELECT day FROM measurement_texts")
        .fetch_all(&s.sql().await)
        .await
        .expect("texts");
    // Five examples and five answers to the open question.
    assert_eq!(days.len(), 10);
    assert!(
        days.iter().all(|d| d.len() == 10),
        "a day, not a time: {days:?}"
    );

    // A public link for Team Zuid: once per browser.
    let page = bea.get(&round).await;
    let zuid = option_value(&page, "Team Zuid");
    let on = bea
        .post_form(
            &format!("{round}/publieke-link"),
            &page.csrf(),
            &[("group", &zuid), ("aan", "ja")],
        )
        .await;
    assert_eq!(on.status, 303, "{}", on.body);
    let page = bea.get(&round).await;
    let public = page
        .texts("code.vo-link-code")
        .into_iter()
        .next()
        .expect("the public link is shown to the owner");
    assert!(public.starts_with(&s.url("/meting/groep/")), "{public}");
    let browser = s.client();
    let form = browser.get(&public).await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(
        form.body
            .contains("één keer antwoorden vanuit deze browser")
    );
    let fields = [
        (format!("score-{}", behaviours[0]), "2".to_string()),
        (format!("score-{}", behaviours[1]), "0".to_string()),
    ];
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let first = browser.post_form(&public, &form.csrf(), &refs).await;
    assert_eq!(first.status, 303, "{}", first.body);
    let again = browser.get(&public).await;
    assert_eq!(again.status, 409, "the same browser answers once");
    let other = s.client();
    let form = other.get(&public).await;
    let second = other.post_form(&public, &form.csrf(), &refs).await;
    assert_eq!(second.status, 303, "another browser may answer");
    let answered: i64 = sqlx::query_scalar(
        "SELECT answered FROM measurement_participation p JOIN measurement_groups g ON g.id = p.group_id WHERE g.name = 'Team Zuid'",
    )
    .fetch_one(&s.sql().await)
    .await
    .expect("participation");
    assert_eq!(answered, 2);

    // After its last day the round closes by itself: the rest of the
    // held answers are counted and the addresses go.
    let moved = s
        .client()
        .post_json(
            "/api/test/clock",
            &serde_json::json!({"seconds": 9 * 24 * 3600}),
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    housekeeping(&s).await;
    let state: String = sqlx::query_scalar("SELECT state FROM measurement_rounds")
        .fetch_one(&s.sql().await)
        .await
        .expect("round");
    assert_eq!(state, "gesloten");
    assert_eq!(
        count(&s, "SELECT COUNT(*) FROM measurement_holding").await,
        0
    );
    assert_eq!(
        count(&s, "SELECT COUNT(*) FROM measurement_invitees").await,
        0
    );
    assert_eq!(
        count(
            &s,
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM measurement_counts"
        )
        .await,
        12,
        "five from the links with two scores each, two from the public link with one each"
    );
    // Team Zuid has 2 answers: no figure; on the first behaviour the total
    // hides too, since it minus Noord would be Zuid.
    let results = bea.get(&format!("{round}/resultaten")).await;
    assert_eq!(results.status, 200);
    let rows = results.texts("table.vo-figure-table tbody tr");
    let of = |group: &str| -> Vec<&String> {
        rows.iter()
            .filter(|r| r.trim_start().starts_with(group))
            .collect()
    };
    let (zuid, everyone) = (of("Team Zuid"), of("Iedereen"));
    assert_eq!((zuid.len(), everyone.len()), (2, 2), "{rows:?}");
    assert!(zuid.iter().all(|r| r.contains("Te weinig")), "{rows:?}");
    assert!(everyone[0].contains("Te weinig"), "{rows:?}");
    // On the second behaviour both public answers said "weet ik niet":
    // nothing of Zuid is hidden in the total, so it shows.
    assert!(!everyone[1].contains("Te weinig"), "{rows:?}");
    assert!(
        rows.iter()
            .any(|r| r.trim_start().starts_with("Team Noord") && r.contains("4,2")),
        "{rows:?}"
    );
}
