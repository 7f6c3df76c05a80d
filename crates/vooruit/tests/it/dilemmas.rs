//! Dilemma sessions: the facilitator describes a situation and its
//! perspectives; members choose a position with a reason, hidden from
//! everyone until the reveal (checked in the HTML, the API, the event
//! stream and the database); "zonder namen" nothing stored links a
//! position to its member; the group records an outcome, the facilitator
//! is mailed on the follow-up date (moved clock), writes what it led to,
//! finds it in the library and offers it to the editors as a case through
//! the story form's safe-sharing step. Fifty members at once lose nothing.

use serde_json::json;

use crate::common::{
    Client, EDITOR_EMAIL, EDITOR_PASSWORD, MEMBER_PASSWORD, Server, api_login, columns,
    day_from_now, fill_group, group_with, logged_in, post_from, read_events, read_outbox,
    row_counts, user_id,
};

/// Opens a dilemma from the library page; returns its path.
async fn open(c: &Client, group: &str, title: &str, perspectives: &str, names: &str) -> String {
    let library = format!("{group}/dilemmas");
    let r = post_from(
        c,
        &library,
        &library,
        &[
            ("title", title),
            (
                "situation",
                "Een moeder vraagt of we na vijf uur langskomen, omdat ze overdag werkt.",
            ),
            ("perspectives", perspectives),
            ("names", names),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    r.location
        .as_deref()
        .expect("location")
        .split('?')
        .next()
        .expect("path")
        .to_string()
}

/// The perspective ids on the position form, in order.
fn sides(c_page: &crate::common::Page) -> Vec<String> {
    c_page
        .html()
        .select(&scraper::Selector::parse("input[name=perspective]").expect("selector"))
        .filter_map(|e| e.value().attr("value").map(str::to_string))
        .collect()
}

async fn choose(c: &Client, dilemma: &str, side: &str, reason: &str) -> crate::common::Page {
    post_from(
        c,
        dilemma,
        &format!("{dilemma}/positie"),
        &[("perspective", side), ("reason", reason)],
    )
    .await
}

#[tokio::test]
async fn a_dilemma_without_names_from_hidden_positions_to_a_case_for_the_editors() {
    // Test mode: the clock moves to the follow-up date.
    let s = Server::start_with_env(&[], &[("VOORUIT_MODE", "test")]).await;
    s.add_user(
        "dirk@wijkteam.nl",
        "Dirk Begeleider",
        "member",
        MEMBER_PASSWORD,
    );
    s.add_user("eva@wijkteam.nl", "Eva Eerlijk", "member", MEMBER_PASSWORD);
    s.add_user("fons@wijkteam.nl", "Fons Fors", "member", MEMBER_PASSWORD);
    s.add_user("olga@elders.nl", "Olga Buiten", "member", MEMBER_PASSWORD);
    let dirk = logged_in(&s, "dirk@wijkteam.nl").await;
    let group = group_with(
        &s,
        &dirk,
        "Wijkteam Zuid",
        &["eva@wijkteam.nl", "fons@wijkteam.nl"],
    )
    .await;
    let eva = logged_in(&s, "eva@wijkteam.nl").await;
    let fons = logged_in(&s, "fons@wijkteam.nl").await;

    // The group page leads to the dilemmas; a member cannot open one.
    assert!(
        dirk.get(&group)
            .await
            .body
            .contains(&format!("{group}/dilemmas"))
    );
    let library = format!("{group}/dilemmas");
    assert!(!eva.get(&library).await.body.contains("name=\"situation\""));
    // A refused form keeps what was typed and says what is wrong.
    let r = post_from(
        &dirk,
        &library,
        &library,
        &[
            ("title", "Huisbezoek na vijven"),
            ("situation", "Een moeder werkt overdag."),
            ("perspectives", "Menselijkheid\n\n"),
            ("names", "zonder-namen"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Geef twee tot zes kanten"), "{}", r.body);
    assert!(r.body.contains("Een moeder werkt overdag."));
    let dilemma = open(
        &dirk,
        &group,
        "Huisbezoek na vijven",
        "Menselijkheid\nWet- en regelgeving",
        "zonder-namen",
    )
    .await;

    // Eva chooses. Only the dilemma's position table gains a row; nothing
    // else is written that could date or name it.
    let page = eva.get(&dilemma).await;
    let ids = sides(&page);
    assert_eq!(ids.len(), 2, "{}", page.body);
    let before = row_counts(&s).await;
    let r = choose(
        &eva,
        &dilemma,
        &ids[0],
        "Het gezin moet ons kunnen bereiken, ook na vijven.",
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let after = row_counts(&s).await;
    let grew: Vec<String> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b.1 != a.1)
        .map(|(b, a)| format!("{} {} -> {}", b.0, b.1, a.1))
        .collect();
    assert_eq!(
        grew,
        vec!["dilemma_positions 0 -> 1".to_string()],
        "{grew:?}"
    );
    // A second position from Eva is refused; she cannot see or change hers.
    assert_eq!(
        choose(&eva, &dilemma, &ids[1], "Toch niet").await.status,
        409
    );
    let mine = eva.get(&dilemma).await;
    assert!(mine.body.contains("Je hebt gekozen."), "{}", mine.body);
    assert!(
        !mine.body.contains("ook na vijven"),
        "not shown back to her"
    );
    assert!(!mine.body.contains("name=\"reason\""), "no form any more");
    let r = choose(
        &fons,
        &dilemma,
        &ids[1],
        "Regels beschermen ook de medewerker.",
    )
    .await;
    assert_eq!(r.status, 303);
    // A reason is required, and what was typed stays.
    let dirk_page = dirk.get(&dilemma).await;
    let r = choose(&dirk, &dilemma, &ids[0], " ").await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("aria-invalid"), "{}", r.body);
    assert_eq!(
        choose(&dirk, &dilemma, "geen-kant", "Iets").await.status,
        422
    );
    drop(dirk_page);

    // Hidden before the reveal: not in the pages, the API or the stream.
    for c in [&eva, &fons, &dirk] {
        let body = c.get(&dilemma).await.body;
        assert!(!body.contains("ook na vijven") && !body.contains("beschermen ook"));
        assert!(body.contains("2 van de 3 leden hebben gekozen"), "{body}");
    }
    let api_path = format!(
        "/api/v1/groups/wijkteam-zuid/dilemmas/{}",
        dilemma.rsplit('/').next().expect("id")
    );
    let r = fons.get(&api_path).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(!r.body.contains("ook na vijven") && !r.body.contains("beschermen ook"));
    assert_eq!(r.json()["given"], 2);
    assert_eq!(r.json()["chosen"], true);
    assert!(r.json()["mine"].is_null());
    assert!(r.json()["perspectives"][0]["count"].is_null());

    // The database: a position has no author and no time, and the list of
    // who chose is sorted (it holds no order).
    let cols = columns(&s, "dilemma_positions").await;
    assert_eq!(
        cols,
        ["id", "dilemma_id", "perspective_id", "reason", "author_id"],
        "no time column"
    );
    let pool = s.sql().await;
    let authors: Vec<Option<String>> =
        sqlx::query_scalar("SELECT author_id FROM dilemma_positions")
            .fetch_all(&pool)
            .await
            .expect("positions");
    assert_eq!(authors, vec![None, None]);
    let (eva_id, fons_id) = (
        user_id(&s, "eva@wijkteam.nl").await,
        user_id(&s, "fons@wijkteam.nl").await,
    );
    let rows: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT id, dilemma_id, perspective_id, reason FROM dilemma_positions")
            .fetch_all(&pool)
            .await
            .expect("rows");
    for row in &rows {
        let all = format!("{row:?}");
        assert!(!all.contains(&eva_id) && !all.contains(&fons_id), "{all}");
    }
    let chosen: String = sqlx::query_scalar("SELECT chosen_by FROM dilemmas")
        .fetch_one(&pool)
        .await
        .expect("chosen");
    let mut sorted = [eva_id.clone(), fons_id.clone()];
    sorted.sort();
    assert_eq!(chosen, sorted.join(","));

    // Outsiders see nothing; a member cannot reveal.
    let olga = logged_in(&s, "olga@elders.nl").await;
    assert_eq!(olga.get(&dilemma).await.status, 404);
    assert_eq!(olga.get(&library).await.status, 404);
    assert_eq!(
        post_from(&eva, &dilemma, &format!("{dilemma}/onthullen"), &[])
            .await
            .status,
        403
    );

    // The reveal: every reason, under its side, without names.
    let r = post_from(&dirk, &dilemma, &format!("{dilemma}/onthullen"), &[]).await;
    assert_eq!(r.status, 303);
    let shown = eva.get(&dilemma).await;
    let side_texts = shown.texts(".vo-dilemma-side");
    assert_eq!(side_texts.len(), 2);
    assert!(
        side_texts[0].contains("Menselijkheid")
            && side_texts[0].contains("1 keuze")
            && side_texts[0].contains("ook na vijven"),
        "{side_texts:?}"
    );
    assert!(side_texts[1].contains("beschermen ook"), "{side_texts:?}");
    // (Eva's own name is in the page header: she is signed in.)
    let board = shown.texts("[data-live]").concat();
    for name in ["Eva Eerlijk", "Fons Fors"] {
        assert!(!board.contains(name), "{name} is named");
    }
    assert!(!fons.get(&dilemma).await.body.contains("Eva Eerlijk"));
    let r = fons.get(&api_path).await;
    assert_eq!(r.json()["perspectives"][0]["count"], 1);
    assert!(r.json()["perspectives"][0]["positions"][0]["author"].is_null());
    // Too late to choose now.
    assert_eq!(
        choose(&dirk, &dilemma, &ids[0], "Te laat").await.status,
        409
    );

    // The outcome, with a follow-up date that must lie ahead.
    let outcome_url = format!("{dilemma}/uitkomst");
    let r = post_from(
        &dirk,
        &dilemma,
        &outcome_url,
        &[
            (
                "outcome",
                "We gaan, met z'n tweeën, en spreken een eindtijd af.",
            ),
            ("follow_up_on", &day_from_now(-1)),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Kies een dag na vandaag"), "{}", r.body);
    assert!(r.body.contains("spreken een eindtijd af"), "kept");
    let follow_up_on = day_from_now(3);
    let r = post_from(
        &dirk,
        &dilemma,
        &outcome_url,
        &[
            (
                "outcome",
                "We gaan, met z'n tweeën, en spreken een eindtijd af.",
            ),
            ("follow_up_on", &follow_up_on),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(
        eva.get(&dilemma)
            .await
            .body
            .contains("spreken een eindtijd af")
    );
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert!(
        !read_outbox(&s.outbox())
            .iter()
            .any(|m| m.subject.contains("opgeleverd")),
        "the follow-up went out early"
    );
    // Four days on, Dirk is asked what the choice led to.
    let r = dirk
        .post_json("/api/test/clock", &json!({"seconds": 5 * 24 * 3600}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let mail = s
        .mail("dirk@wijkteam.nl", "Wat heeft de keuze opgeleverd?")
        .await;
    assert!(mail.text.contains("Huisbezoek na vijven"), "{}", mail.text);
    assert!(mail.text.contains(&dilemma), "{}", mail.text);
    assert!(
        !read_outbox(&s.outbox())
            .iter()
            .any(|m| m.subject.contains("opgeleverd") && !m.to.contains("dirk@")),
        "only the facilitator is asked"
    );
    let r = post_from(
        &dirk,
        &dilemma,
        &format!("{dilemma}/vervolg"),
        &[(
            "follow_up",
            "Het gezin voelde zich gehoord; twee collega's samen gaf rust.",
        )],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);

    // The library finds it by a word of its outcome, not by another word.
    let found = eva.get(&format!("{library}?q=eindtijd")).await;
    assert!(
        found.body.contains("Huisbezoek na vijven"),
        "{}",
        found.body
    );
    assert!(found.body.contains("voelde zich gehoord"));
    let none = eva.get(&format!("{library}?q=zwembad")).await;
    assert!(!none.body.contains("Huisbezoek na vijven"));

    // Offered as a case: the story form, filled in with numbers, no names
    // or reasons; through the safe-sharing step into the editors' queue.
    assert_eq!(eva.get(&format!("{dilemma}/aanbieden")).await.status, 403);
    let form = dirk.get(&format!("{dilemma}/aanbieden")).await;
    assert_eq!(form.status, 200);
    let html = form.html();
    let checked = html
        .select(&scraper::Selector::parse("input[name=kind][checked]").expect("selector"))
        .next()
        .and_then(|e| e.value().attr("value").map(str::to_string));
    assert_eq!(checked.as_deref(), Some("case"));
    assert!(form.body.contains("value=\"Huisbezoek na vijven\""));
    assert!(form.body.contains("Menselijkheid: 1"), "{}", form.body);
    assert!(form.body.contains("spreken een eindtijd af"));
    assert!(!form.body.contains("ook na vijven") && !form.body.contains("Eva Eerlijk"));
    let field = |name: &str| -> String {
        html.select(&scraper::Selector::parse(&format!("[name={name}]")).expect("selector"))
            .next()
            .map(|e| {
                e.value()
                    .attr("value")
                    .map(str::to_string)
                    .unwrap_or_else(|| e.text().collect())
            })
            .unwrap_or_default()
    };
    let mut fields: Vec<(&str, String)> = vec![
        ("kind", "case".into()),
        ("title", field("title")),
        ("context", field("context")),
        ("approach", field("approach")),
        ("what_differed", field("what_differed")),
        ("do_differently", field("do_differently")),
        ("lessons", "Twee collega's samen geeft rust.".into()),
        ("themes", "werven".into()),
    ];
    let step2 = post_from(
        &dirk,
        "/verhaal-delen",
        "/verhaal-delen",
        &crate::common::as_refs(&fields),
    )
    .await;
    assert_eq!(step2.status, 200, "{}", step2.body);
    assert!(
        step2.body.contains("name=\"consent\""),
        "the safe-sharing step"
    );
    fields.extend([
        ("step", "2".into()),
        ("name", "Dirk".into()),
        ("no_client_info", "ja".into()),
        ("consent", "ja".into()),
    ]);
    let sent = post_from(
        &dirk,
        "/verhaal-delen",
        "/verhaal-delen",
        &crate::common::as_refs(&fields),
    )
    .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let queue = editor.get("/redactie").await;
    assert!(
        queue.body.contains("Huisbezoek na vijven"),
        "{}",
        queue.body
    );
}

#[tokio::test]
async fn with_names_a_member_sees_and_changes_their_own_position_until_the_reveal() {
    let s = Server::start_with(&[]).await;
    s.add_user("gert@team.nl", "Gert Gids", "member", MEMBER_PASSWORD);
    s.add_user("hana@team.nl", "Hana Helder", "member", MEMBER_PASSWORD);
    s.add_user("ivo@team.nl", "Ivo Inzet", "member", MEMBER_PASSWORD);
    let gert = logged_in(&s, "gert@team.nl").await;
    let group = group_with(&s, &gert, "Team Namen", &["hana@team.nl", "ivo@team.nl"]).await;
    let dilemma = open(
        &gert,
        &group,
        "Cadeau van een cliënt",
        "Vriendelijkheid\nRegels\nOverleggen met de leiding",
        "met-namen",
    )
    .await;
    let hana = logged_in(&s, "hana@team.nl").await;
    let ivo = logged_in(&s, "ivo@team.nl").await;
    let ids = sides(&hana.get(&dilemma).await);
    assert_eq!(ids.len(), 3);
    assert_eq!(
        choose(&hana, &dilemma, &ids[0], "Een bos bloemen weiger je niet.")
            .await
            .status,
        303
    );
    // She sees her own and changes it; Ivo sees neither.
    let page = hana.get(&dilemma).await;
    assert!(page.body.contains("Een bos bloemen weiger je niet."));
    assert_eq!(
        choose(&hana, &dilemma, &ids[2], "Ik vraag het eerst na.")
            .await
            .status,
        303
    );
    let page = hana.get(&dilemma).await;
    let checked = page
        .html()
        .select(&scraper::Selector::parse("input[name=perspective][checked]").expect("selector"))
        .next()
        .and_then(|e| e.value().attr("value").map(str::to_string));
    assert_eq!(checked.as_deref(), Some(ids[2].as_str()));
    let ivo_page = ivo.get(&dilemma).await;
    assert!(
        !ivo_page.body.contains("Ik vraag het eerst na.") && !ivo_page.body.contains("Hana Helder")
    );
    assert!(
        ivo_page.body.contains("1 van de 3 leden heeft gekozen"),
        "{}",
        ivo_page.body
    );
    let pool = s.sql().await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM dilemma_positions")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(n, 1, "a change replaces, never adds");
    // Ivo chooses and takes it back.
    assert_eq!(
        choose(&ivo, &dilemma, &ids[1], "Regels zijn regels.")
            .await
            .status,
        303
    );
    let r = post_from(
        &ivo,
        &dilemma,
        &format!("{dilemma}/positie/terugnemen"),
        &[],
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        choose(&ivo, &dilemma, &ids[1], "Regels zijn er voor ons allemaal.")
            .await
            .status,
        303
    );
    // The reveal names them.
    assert_eq!(
        post_from(&gert, &dilemma, &format!("{dilemma}/onthullen"), &[])
            .await
            .status,
        303
    );
    let shown = ivo.get(&dilemma).await.texts(".vo-dilemma-side");
    assert!(
        shown[2].contains("Ik vraag het eerst na.") && shown[2].contains("Hana Helder"),
        "{shown:?}"
    );
    assert!(
        shown[1].contains("Regels zijn er voor ons allemaal.") && shown[1].contains("Ivo Inzet")
    );
    assert!(shown[0].contains("Niemand koos deze kant"));
    assert!(
        !shown.concat().contains("Regels zijn regels."),
        "taken back"
    );
}

#[tokio::test]
async fn fifty_members_choose_at_once_and_each_counts_once() {
    let s = Server::start_with(&[]).await;
    s.add_user("jet@netwerk.nl", "Jet Groot", "member", MEMBER_PASSWORD);
    s.add_user("kies0@netwerk.nl", "Kies Nul", "member", MEMBER_PASSWORD);
    let jet = logged_in(&s, "jet@netwerk.nl").await;
    let group = group_with(&s, &jet, "Netwerk kiest", &["kies0@netwerk.nl"]).await;
    let members = fill_group(&s, &group, "kies0@netwerk.nl", 50).await;
    let dilemma = open(
        &jet,
        &group,
        "Wachtlijst of voorrang",
        "Wachtlijst\nVoorrang",
        "zonder-namen",
    )
    .await;
    let ids = sides(&members[0].get(&dilemma).await);
    // Everyone sends their position twice at the same moment.
    let mut tasks = vec![];
    for (i, c) in members.iter().enumerate() {
        for attempt in 0..2 {
            let (c, dilemma, side) = (c.clone(), dilemma.clone(), ids[i % 2].clone());
            tasks.push(tokio::spawn(async move {
                choose(&c, &dilemma, &side, &format!("Reden {i} poging {attempt}"))
                    .await
                    .status
            }));
        }
    }
    let (mut ok, mut refused) = (0, 0);
    for t in tasks {
        match t.await.expect("task") {
            303 => ok += 1,
            409 => refused += 1,
            other => panic!("a position got {other}"),
        }
    }
    assert_eq!((ok, refused), (50, 50), "one position each");
    let pool = s.sql().await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM dilemma_positions")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(n, 50);
    let chosen: String = sqlx::query_scalar("SELECT chosen_by FROM dilemmas")
        .fetch_one(&pool)
        .await
        .expect("chosen");
    let list: Vec<&str> = chosen.split(',').collect();
    let mut unique = list.clone();
    unique.dedup();
    assert_eq!((list.len(), unique.len()), (50, 50));
    assert!(list.windows(2).all(|w| w[0] < w[1]), "sorted");
    assert_eq!(
        post_from(&jet, &dilemma, &format!("{dilemma}/onthullen"), &[])
            .await
            .status,
        303
    );
    let shown = members[9].get(&dilemma).await.texts(".vo-dilemma-side");
    assert!(
        shown[0].contains("25 keuzes") && shown[1].contains("25 keuzes"),
        "{shown:?}"
    );
    for i in 0..50 {
        let side = &shown[i % 2];
        assert!(
            side.contains(&format!("Reden {i} poging 0"))
                ^ side.contains(&format!("Reden {i} poging 1")),
            "member {i}: exactly one of the two"
        );
    }
}

#[tokio::test]
async fn a_reveal_on_one_node_reaches_live_viewers_on_another_without_positions() {
    let s = Server::start_with(&[]).await;
    s.add_user("lex@team.nl", "Lex Leider", "member", MEMBER_PASSWORD);
    s.add_user("mo@team.nl", "Mo Mee", "member", MEMBER_PASSWORD);
    let lex = logged_in(&s, "lex@team.nl").await;
    let group = group_with(&s, &lex, "Team Live Dilemma", &["mo@team.nl"]).await;
    let dilemma = open(
        &lex,
        &group,
        "Bellen of mailen",
        "Bellen\nMailen",
        "zonder-namen",
    )
    .await;
    let other = s.second_node();
    let mo = logged_in(&other, "mo@team.nl").await;
    let page = mo.get(&dilemma).await;
    assert!(page.body.contains("live.js") && page.body.contains("data-live="));
    let version = page
        .html()
        .select(&scraper::Selector::parse("[data-live]").expect("selector"))
        .next()
        .and_then(|e| e.value().attr("data-version").map(str::to_string))
        .expect("version");
    let stream = mo.stream(&format!("{dilemma}/live?sinds={version}")).await;
    assert_eq!(stream.status(), 200);
    let reading = tokio::spawn(read_events(stream, "event: changed", 10));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let ids = sides(&lex.get(&dilemma).await);
    assert_eq!(
        choose(&lex, &dilemma, &ids[0], "Geheime reden van Lex")
            .await
            .status,
        303
    );
    let events = reading.await.expect("reader");
    assert!(events.contains("event: changed"), "{events:?}");
    assert!(!events.contains("Geheime reden"));
    assert!(
        !mo.get(&dilemma)
            .await
            .body
            .contains("Geheime reden van Lex")
    );
    // The reveal, made on the first node, reaches Mo's stream.
    let seen: i64 = events
        .lines()
        .find_map(|l| l.strip_prefix("id: "))
        .and_then(|v| v.trim().parse().ok())
        .expect("event id");
    let stream = mo.stream(&format!("{dilemma}/live?sinds={seen}")).await;
    let reading = tokio::spawn(read_events(stream, "event: changed", 10));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        post_from(&lex, &dilemma, &format!("{dilemma}/onthullen"), &[])
            .await
            .status,
        303
    );
    let events = reading.await.expect("reader");
    assert!(events.contains("event: changed"), "{events:?}");
    assert!(
        mo.get(&dilemma)
            .await
            .body
            .contains("Geheime reden van Lex")
    );
}

#[tokio::test]
async fn the_api_runs_a_dilemma_session() {
    let s = Server::start_with(&[]).await;
    s.add_user("nel@team.nl", "Nel Neutraal", "member", MEMBER_PASSWORD);
    s.add_user("piet@team.nl", "Piet Praktijk", "member", MEMBER_PASSWORD);
    let nel = logged_in(&s, "nel@team.nl").await;
    group_with(&s, &nel, "Team Api Dilemma", &["piet@team.nl"]).await;
    let nel = api_login(&s, "nel@team.nl").await;
    let piet = api_login(&s, "piet@team.nl").await;
    let base = "/api/v1/groups/team-api-dilemma/dilemmas";
    let r = nel
        .post_json(
            base,
            &json!({"title": "Regels of ruimte", "situation": "Een aanvraag is een dag te laat.",
                    "perspectives": ["Regels", "Ruimte"], "names": "met-namen"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_str().expect("id").to_string();
    let one = format!("{base}/{id}");
    let r = piet
        .post_json(base, &json!({"title": "Nee", "situation": "Nee", "perspectives": ["A", "B"], "names": "met-namen"}))
        .await;
    assert_eq!(r.status, 403);
    let view = piet.get(&one).await.json();
    let side = view["perspectives"][1]["id"]
        .as_str()
        .expect("side")
        .to_string();
    let r = piet
        .put_json(
            &format!("{one}/position"),
            &json!({"perspective": side, "reason": "Een dag is geen maand."}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let view = piet.get(&one).await.json();
    assert_eq!(view["mine"]["reason"], "Een dag is geen maand.");
    assert!(!nel.get(&one).await.body.contains("geen maand"));
    let r = nel.post_json(&format!("{one}/reveal"), &json!({})).await;
    assert_eq!(r.status, 204, "{}", r.body);
    let view = nel.get(&one).await.json();
    assert_eq!(
        view["perspectives"][1]["positions"][0]["author"],
        "Piet Praktijk"
    );
    let r = nel
        .put_json(
            &format!("{one}/outcome"),
            &json!({"outcome": "We geven ruimte, één keer.", "follow_up_on": day_from_now(30)}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let r = nel
        .put_json(
            &format!("{one}/follow-up"),
            &json!({"text": "Het ging goed."}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let draft = nel.get(&format!("{one}/case-draft")).await;
    assert_eq!(draft.status, 200, "{}", draft.body);
    assert_eq!(draft.json()["kind"], "case");
    assert!(
        draft.json()["approach"]
            .as_str()
            .expect("text")
            .contains("Ruimte: 1")
    );
    let list = piet.get(base).await.json();
    assert_eq!(list["items"][0]["outcome"], "We geven ruimte, één keer.");
}

#[tokio::test]
async fn the_demo_group_has_dilemmas_and_experiments_on_every_step() {
    let s = Server::start_with(&["--demo"]).await;
    let editor = s.client();
    let r = editor
        .login("redactie@vooruit.test", "vooruit-demo-redactie")
        .await;
    assert!(matches!(r.status, 200 | 303), "{}", r.body);
    let library = editor.get("/groepen/leerkring-wijkteams/dilemmas").await;
    assert_eq!(library.status, 200);
    let cards = library.texts(".vo-card");
    assert_eq!(cards.len(), 2, "{cards:?}");
    assert!(
        cards
            .iter()
            .any(|c| c.contains("cadeaubon") && c.contains("koffiefonds"))
    );
    let board = editor
        .get("/groepen/leerkring-wijkteams/experimenten")
        .await;
    for (anchor, title) in [
        ("id=\"ideeen\"", "Spreekuur in de bibliotheek"),
        ("id=\"lopend\"", "Een vaste contactpersoon per straat"),
        (
            "id=\"standaarden\"",
            "Een tolk vanaf het begin van de avond",
        ),
        (
            "id=\"gestopte-experimenten\"",
            "Een digitaal inloopformulier",
        ),
    ] {
        let section = board.body.split(anchor).nth(1).expect(anchor);
        let section = section.split("<h2").next().unwrap_or(section);
        assert!(section.contains(title), "{title} under {anchor}");
    }
    // The decided dilemma shows its three positions, without names.
    let href = library
        .html()
        .select(&scraper::Selector::parse(".vo-card a").expect("selector"))
        .find(|a| a.text().collect::<String>().contains("cadeaubon"))
        .and_then(|a| a.value().attr("href").map(str::to_string))
        .expect("link");
    let page = editor.get(&href).await;
    let sides = page.texts(".vo-dilemma-side");
    assert_eq!(sides.len(), 3);
    assert!(sides[2].contains("2 keuzes"), "{sides:?}");
    assert!(!sides.concat().contains("Sanne"), "without names");
}
