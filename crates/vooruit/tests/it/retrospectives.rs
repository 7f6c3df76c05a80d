//! The terugblik on the four questions: the facilitator opens one, members
//! write cards (anonymously if they choose: then nothing stored names or
//! dates them), the cards stay hidden until the reveal, the group stacks,
//! votes and records actions; the owner is reminded two days before the
//! due date; the next terugblik opens with the open actions of the last;
//! export as Markdown and print. Fifty members at once lose nothing.

use serde_json::json;

use crate::common::{
    Client, MEMBER_PASSWORD, Server, api_login, columns, fill_group, group_with, logged_in,
    post_from, read_events, read_outbox, row_counts, user_id,
};

/// Opens a terugblik on the group page; returns its path.
async fn open(facilitator: &Client, group: &str, title: &str, votes: &str) -> String {
    let r = post_from(
        facilitator,
        group,
        &format!("{group}/terugblikken"),
        &[
            ("retro_title", title),
            ("subject", "bijeenkomst"),
            ("votes_per_member", votes),
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

async fn card(c: &Client, retro: &str, question: &str, text: &str, anonymous: bool) -> u16 {
    let mut fields = vec![("question", question), ("text", text)];
    if anonymous {
        fields.push(("anonymous", "ja"));
    }
    post_from(c, retro, &format!("{retro}/kaarten"), &fields)
        .await
        .status
}

async fn card_id(s: &Server, text: &str) -> String {
    sqlx::query_scalar::<_, String>("SELECT id FROM retrospective_cards WHERE body = $1")
        .bind(text)
        .fetch_one(&s.sql().await)
        .await
        .expect("card")
}

#[tokio::test]
async fn a_terugblik_from_hidden_cards_to_actions_and_the_next_one() {
    // Test mode: the clock moves to the reminder's morning.
    let s = Server::start_with_env(&[], &[("VOORUIT_MODE", "test")]).await;
    for (email, name, role) in [
        ("fien@wijkteam.nl", "Fien Faciliteert", "member"),
        ("lars@wijkteam.nl", "Lars Lid", "member"),
        ("nina@wijkteam.nl", "Nina Naast", "member"),
        ("olga@elders.nl", "Olga Buiten", "member"),
        ("bea@vooruit.test", "Bea Beheer", "admin"),
    ] {
        s.add_user(email, name, role, MEMBER_PASSWORD);
    }
    let fien = logged_in(&s, "fien@wijkteam.nl").await;
    let group = group_with(
        &s,
        &fien,
        "Wijkteam Oost",
        &["lars@wijkteam.nl", "nina@wijkteam.nl"],
    )
    .await;
    let lars = logged_in(&s, "lars@wijkteam.nl").await;
    let nina = logged_in(&s, "nina@wijkteam.nl").await;

    // Opening: a member cannot; an empty title is refused, typed kept.
    let r = post_from(
        &lars,
        &group,
        &format!("{group}/terugblikken"),
        &[("retro_title", "Van Lars")],
    )
    .await;
    assert_eq!(r.status, 403);
    let r = post_from(
        &fien,
        &group,
        &format!("{group}/terugblikken"),
        &[("retro_title", " "), ("votes_per_member", "2")],
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Vul dit veld in."), "{}", r.body);
    let retro = open(&fien, &group, "De wijkavond van november", "2").await;
    let listed = fien.get(&group).await;
    assert!(listed.body.contains("De wijkavond van november"));

    // Cards while writing.
    assert_eq!(
        card(&lars, &retro, "goed", "De buurtbewoners kwamen echt", false).await,
        303
    );
    let before = row_counts(&s).await;
    assert_eq!(
        card(
            &lars,
            &retro,
            "beter",
            "Niemand durfde de wethouder tegen te spreken",
            true
        )
        .await,
        303
    );
    let after = row_counts(&s).await;
    assert_eq!(
        card(&nina, &retro, "goed", "Het eten was op tijd", false).await,
        303
    );
    assert_eq!(
        card(&nina, &retro, "goed", "Goede sfeer aan tafel", false).await,
        303
    );
    assert_eq!(
        card(&lars, &retro, "nodig", "x".repeat(501).as_str(), false).await,
        422
    );
    let refused = lars
        .post_form(
            &format!("{retro}/kaarten"),
            &lars.get(&retro).await.csrf(),
            &[("question", "nodig"), ("text", "")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("aria-invalid"), "{}", refused.body);

    // The anonymous card: one new row in one table, no author, no time.
    let added: Vec<_> = after
        .iter()
        .zip(&before)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, b)| (a.0.clone(), a.1 - b.1))
        .collect();
    assert_eq!(
        added,
        vec![("retrospective_cards".to_string(), 1)],
        "rows the anonymous card wrote"
    );
    assert_eq!(
        columns(&s, "retrospective_cards").await,
        [
            "id",
            "retro_id",
            "question",
            "body",
            "anonymous",
            "author_id",
            "stack_on"
        ],
        "a card has no time column (and no other link to its author)"
    );
    let (author, anonymous): (Option<String>, i64) = sqlx::query_as(
        "SELECT author_id, CAST(anonymous AS BIGINT) FROM retrospective_cards WHERE body = $1",
    )
    .bind("Niemand durfde de wethouder tegen te spreken")
    .fetch_one(&s.sql().await)
    .await
    .expect("card row");
    assert_eq!((author, anonymous), (None, 1));
    let lars_id = user_id(&s, "lars@wijkteam.nl").await;
    let named: Option<String> =
        sqlx::query_scalar("SELECT author_id FROM retrospective_cards WHERE body = $1")
            .bind("De buurtbewoners kwamen echt")
            .fetch_one(&s.sql().await)
            .await
            .expect("named card");
    assert_eq!(named.as_deref(), Some(lars_id.as_str()));

    // Hidden until the reveal: not for the others, not for the
    // facilitator, and the author does not see his anonymous card either.
    for (who, c) in [("nina", &nina), ("fien", &fien)] {
        let p = c.get(&retro).await;
        assert_eq!(p.status, 200);
        assert!(
            !p.body.contains("De buurtbewoners kwamen echt"),
            "{who} sees a hidden card"
        );
        assert!(!p.body.contains("wethouder"), "{who} sees a hidden card");
        assert!(p.body.contains("kaarten geschreven"), "{}", p.body);
        let md = c.get(&format!("{retro}/terugblik.md")).await;
        assert!(!md.body.contains("wethouder") && !md.body.contains("buurtbewoners"));
    }
    let own = lars.get(&retro).await;
    assert!(own.body.contains("De buurtbewoners kwamen echt"));
    assert!(
        !own.body.contains("wethouder"),
        "an anonymous card is nobody's, the author's neither"
    );
    assert!(
        own.body.contains("niet meer veranderen"),
        "the page says so"
    );

    // Outsiders do not learn it exists.
    let olga = logged_in(&s, "olga@elders.nl").await;
    let bea = logged_in(&s, "bea@vooruit.test").await;
    for c in [&olga, &bea] {
        assert_eq!(c.get(&retro).await.status, 404);
        assert_eq!(c.get(&format!("{retro}/terugblik.md")).await.status, 404);
    }

    // The reveal: facilitators only; then no new cards.
    assert_eq!(
        post_from(&lars, &retro, &format!("{retro}/onthullen"), &[])
            .await
            .status,
        403
    );
    assert_eq!(
        post_from(&fien, &retro, &format!("{retro}/onthullen"), &[])
            .await
            .status,
        303
    );
    assert_eq!(card(&nina, &retro, "goed", "Te laat", false).await, 409);
    let shown = nina.get(&retro).await;
    assert!(shown.body.contains("De buurtbewoners kwamen echt") && shown.body.contains("Lars Lid"));
    assert!(
        shown
            .body
            .contains("Niemand durfde de wethouder tegen te spreken")
    );
    let cards = shown.texts(".vo-retro-card");
    let anon = cards
        .iter()
        .find(|t| t.contains("wethouder"))
        .expect("anonymous card shown");
    assert!(anon.contains("Anoniem") && !anon.contains("Lars"), "{anon}");

    // Votes: two each; a third is refused; one taken back and given again.
    let food = card_id(&s, "Het eten was op tijd").await;
    let mood = card_id(&s, "Goede sfeer aan tafel").await;
    let vote = |c: &Client, id: &str| {
        let (c, url) = (c.clone(), format!("{retro}/kaarten/{id}/stem"));
        let retro = retro.clone();
        async move { post_from(&c, &retro, &url, &[]).await }
    };
    assert_eq!(vote(&lars, &food).await.status, 303);
    assert_eq!(vote(&lars, &food).await.status, 303);
    let third = vote(&lars, &mood).await;
    assert_eq!(third.status, 409);
    assert!(
        third.body.contains("al je stemmen gebruikt"),
        "{}",
        third.body
    );
    assert_eq!(
        post_from(
            &lars,
            &retro,
            &format!("{retro}/kaarten/{food}/stem-terug"),
            &[]
        )
        .await
        .status,
        303
    );
    assert_eq!(vote(&lars, &mood).await.status, 303);
    assert_eq!(vote(&nina, &mood).await.status, 303);
    // Stacking: "good mood" laid on "food": the stack has all three votes.
    assert_eq!(
        post_from(
            &lars,
            &retro,
            &format!("{retro}/kaarten/{mood}/stapel"),
            &[("onto", &food)]
        )
        .await
        .status,
        403
    );
    assert_eq!(
        post_from(
            &fien,
            &retro,
            &format!("{retro}/kaarten/{mood}/stapel"),
            &[("onto", &food)]
        )
        .await
        .status,
        303
    );
    let stacked = nina.get(&retro).await;
    let food_card = stacked
        .texts(".vo-retro-card")
        .into_iter()
        .find(|t| t.contains("Het eten was op tijd"))
        .expect("stack");
    assert!(
        food_card.contains("Goede sfeer aan tafel") && food_card.contains("3 stemmen"),
        "{food_card}"
    );

    // Actions: refused input comes back; the owner is a member.
    let today = chrono::Utc::now().date_naive();
    let due = (today + chrono::Days::new(10))
        .format("%Y-%m-%d")
        .to_string();
    let r = post_from(
        &fien,
        &retro,
        &format!("{retro}/acties"),
        &[
            ("action_text", "Wethouder uitnodigen voor een gesprek"),
            ("owner", &lars_id),
            ("due_on", "volgende week"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    assert_eq!(
        r.input_value("action_text").as_deref(),
        Some("Wethouder uitnodigen voor een gesprek")
    );
    let r = post_from(
        &fien,
        &retro,
        &format!("{retro}/acties"),
        &[
            ("action_text", "Wethouder uitnodigen voor een gesprek"),
            ("owner", &user_id(&s, "olga@elders.nl").await),
            ("due_on", &due),
        ],
    )
    .await;
    assert_eq!(r.status, 422, "an owner from outside the group is refused");
    for (text, owner) in [
        ("Wethouder uitnodigen voor een gesprek", lars_id.clone()),
        (
            "Zaal vastleggen voor maart",
            user_id(&s, "nina@wijkteam.nl").await,
        ),
    ] {
        let r = post_from(
            &fien,
            &retro,
            &format!("{retro}/acties"),
            &[("action_text", text), ("owner", &owner), ("due_on", &due)],
        )
        .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    // Nina finishes hers at once.
    let page = nina.get(&retro).await;
    let nina_action: String =
        sqlx::query_scalar("SELECT id FROM retrospective_actions WHERE body = $1")
            .bind("Zaal vastleggen voor maart")
            .fetch_one(&s.sql().await)
            .await
            .expect("action");
    let r = nina
        .post_form(
            &format!("{group}/acties/{nina_action}/klaar"),
            &page.csrf(),
            &[("terug", "")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    // Lars cannot tick off Nina's action.
    let r = post_from(
        &lars,
        &retro,
        &format!("{group}/acties/{nina_action}/klaar"),
        &[],
    )
    .await;
    assert_eq!(r.status, 403);

    // Export and print, as the group sees it now.
    let md = nina.get(&format!("{retro}/terugblik.md")).await;
    assert_eq!(md.status, 200);
    assert!(
        md.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/markdown"))
    );
    assert!(md.body.contains("## Wat ging goed?"), "{}", md.body);
    assert!(
        md.body.contains("De buurtbewoners kwamen echt (Lars Lid"),
        "{}",
        md.body
    );
    assert!(
        md.body
            .contains("Niemand durfde de wethouder tegen te spreken (Anoniem"),
        "{}",
        md.body
    );
    assert!(
        md.body
            .contains("- [ ] Wethouder uitnodigen voor een gesprek · Lars Lid"),
        "{}",
        md.body
    );
    assert!(
        md.body.contains("- [x] Zaal vastleggen voor maart"),
        "{}",
        md.body
    );
    let print = nina.get(&format!("{retro}/afdrukken")).await;
    assert_eq!(print.status, 200);
    assert!(print.body.contains("Wethouder uitnodigen voor een gesprek"));

    // Close: no more votes.
    assert_eq!(
        post_from(&fien, &retro, &format!("{retro}/afronden"), &[])
            .await
            .status,
        303
    );
    assert_eq!(vote(&nina, &food).await.status, 409);

    // No reminder yet: the due date is ten days away.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert!(
        !read_outbox(&s.outbox())
            .iter()
            .any(|m| m.subject.contains("Herinnering")),
        "a reminder went out early"
    );
    // Eight days on, at six in the morning two days before the due date,
    // Lars is reminded; Nina's finished action sends nothing.
    let r = fien
        .post_json("/api/test/clock", &json!({"seconds": 9 * 24 * 3600}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let reminder = s.mail("lars@wijkteam.nl", "Herinnering").await;
    assert!(
        reminder
            .text
            .contains("Wethouder uitnodigen voor een gesprek"),
        "{}",
        reminder.text
    );
    assert!(reminder.text.contains(&retro), "{}", reminder.text);
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert!(
        !read_outbox(&s.outbox())
            .iter()
            .any(|m| m.to.contains("nina@wijkteam.nl") && m.subject.contains("Herinnering")),
        "no reminder for an action already done"
    );

    // The next terugblik opens with last time's open actions.
    let next = open(&fien, &group, "De wijkavond van december", "3").await;
    let p = lars.get(&next).await;
    assert!(
        p.body
            .contains("Wat is er van de acties van de vorige keer geworden?"),
        "{}",
        p.body
    );
    assert!(p.body.contains("Wethouder uitnodigen voor een gesprek"));
    assert!(
        !p.body.contains("Zaal vastleggen voor maart"),
        "a finished action is not asked after"
    );
    let lars_action: String =
        sqlx::query_scalar("SELECT id FROM retrospective_actions WHERE body = $1")
            .bind("Wethouder uitnodigen voor een gesprek")
            .fetch_one(&s.sql().await)
            .await
            .expect("action");
    let next_id = next.rsplit('/').next().expect("id");
    let r = lars
        .post_form(
            &format!("{group}/acties/{lars_action}/klaar"),
            &p.csrf(),
            &[("terug", next_id)],
        )
        .await;
    assert_eq!(r.status, 303);
    assert!(
        r.location.as_deref().unwrap_or("").starts_with(&next),
        "{:?}",
        r.location
    );
    let p = lars.get(&next).await;
    assert!(!p.body.contains("Wethouder uitnodigen voor een gesprek"));
}

#[tokio::test]
async fn fifty_members_at_once_lose_no_card_and_count_no_vote_twice() {
    let s = Server::start_with(&[]).await;
    s.add_user("gea@netwerk.nl", "Gea Groot", "member", MEMBER_PASSWORD);
    s.add_user("lid0@netwerk.nl", "Lid Nul", "member", MEMBER_PASSWORD);
    let gea = logged_in(&s, "gea@netwerk.nl").await;
    let group = group_with(&s, &gea, "Netwerk van vijftig", &["lid0@netwerk.nl"]).await;
    let retro = open(&gea, &group, "Het eerste jaar", "2").await;
    let members = fill_group(&s, &group, "lid0@netwerk.nl", 50).await;
    let pool = s.sql().await;

    // Everyone writes a card at the same moment (every other anonymously).
    let mut tasks = vec![];
    for (i, c) in members.iter().cloned().enumerate() {
        let retro = retro.clone();
        tasks.push(tokio::spawn(async move {
            card(&c, &retro, "goed", &format!("Kaart nummer {i}"), i % 2 == 0).await
        }));
    }
    for t in tasks {
        assert_eq!(t.await.expect("task"), 303);
    }
    assert_eq!(
        post_from(&gea, &retro, &format!("{retro}/onthullen"), &[])
            .await
            .status,
        303
    );
    let shown = members[7].get(&retro).await;
    for i in 0..50 {
        assert!(
            shown.body.contains(&format!("Kaart nummer {i}<")),
            "card {i} lost"
        );
    }

    // Everyone votes three times at once on the same card: two count.
    let target = card_id(&s, "Kaart nummer 3").await;
    let mut tasks = vec![];
    for c in &members {
        for _ in 0..3 {
            let (c, retro, url) = (
                c.clone(),
                retro.clone(),
                format!("{retro}/kaarten/{target}/stem"),
            );
            tasks.push(tokio::spawn(async move {
                post_from(&c, &retro, &url, &[]).await.status
            }));
        }
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.expect("task") {
            303 => ok += 1,
            409 => {}
            other => panic!("a vote got {other}"),
        }
    }
    assert_eq!(ok, 100, "two votes each were taken");
    let total: i64 = sqlx::query_scalar(
        "SELECT CAST(SUM(votes) AS BIGINT) FROM retrospective_votes WHERE card_id = $1",
    )
    .bind(&target)
    .fetch_one(&pool)
    .await
    .expect("sum");
    assert_eq!(total, 100);
    let over: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM retrospective_voters WHERE used <> 2")
        .fetch_one(&pool)
        .await
        .expect("voters");
    assert_eq!(over, 0, "every member used exactly two votes");
    let page = members[0].get(&retro).await;
    let stack = page
        .texts(".vo-retro-card")
        .into_iter()
        .find(|t| t.contains("Kaart nummer 3"))
        .expect("card");
    assert!(stack.contains("100 stemmen"), "{stack}");
}

#[tokio::test]
async fn a_change_on_one_node_reaches_live_viewers_on_another_without_content() {
    let s = Server::start_with(&[]).await;
    s.add_user("gijs@team.nl", "Gijs Begeleider", "member", MEMBER_PASSWORD);
    s.add_user("lot@team.nl", "Lot Lid", "member", MEMBER_PASSWORD);
    s.add_user("olga@elders.nl", "Olga Buiten", "member", MEMBER_PASSWORD);
    let gijs = logged_in(&s, "gijs@team.nl").await;
    let group = group_with(&s, &gijs, "Team Live", &["lot@team.nl"]).await;
    let retro = open(&gijs, &group, "Live in de kamer", "3").await;

    // Lot watches on the second node; Gijs writes on the first.
    let other = s.second_node();
    let lot = logged_in(&other, "lot@team.nl").await;
    let page = lot.get(&retro).await;
    assert!(
        page.body.contains("live.js") && page.body.contains("data-live="),
        "{}",
        page.body
    );
    let version = page
        .html()
        .select(&scraper::Selector::parse("#terugblik-bord").expect("selector"))
        .next()
        .and_then(|e| e.value().attr("data-version").map(str::to_string))
        .expect("version on the page");
    let stream = lot.stream(&format!("{retro}/live?sinds={version}")).await;
    assert_eq!(stream.status(), 200);
    assert!(
        stream
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"))
    );
    let reading = tokio::spawn(read_events(stream, "event: changed", 10));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        card(&gijs, &retro, "goed", "Geheime kaart van Gijs", false).await,
        303
    );
    let events = reading.await.expect("reader");
    assert!(
        events.contains("event: changed"),
        "no event on the other node: {events:?}"
    );
    assert!(
        !events.contains("Geheime kaart"),
        "the stream carries no card"
    );
    // Lot's page, drawn again, still does not show the hidden card.
    assert!(
        !lot.get(&retro)
            .await
            .body
            .contains("Geheime kaart van Gijs")
    );

    // Having seen that version (Last-Event-ID), a new stream waits for the
    // next change: the reveal.
    let seen: i64 = version.parse::<i64>().expect("number") + 1;
    let stream = lot.stream(&format!("{retro}/live?sinds={seen}")).await;
    let reading = tokio::spawn(read_events(stream, "event: changed", 10));
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert!(!reading.is_finished(), "no event before a change");
    assert_eq!(
        post_from(&gijs, &retro, &format!("{retro}/onthullen"), &[])
            .await
            .status,
        303
    );
    let events = reading.await.expect("reader");
    assert!(events.contains(&format!("id: {}", seen + 1)), "{events:?}");
    assert!(
        lot.get(&retro)
            .await
            .body
            .contains("Geheime kaart van Gijs")
    );

    // Outside the group: nothing to listen to.
    let olga = logged_in(&other, "olga@elders.nl").await;
    assert_eq!(olga.get(&format!("{retro}/live")).await.status, 404);
}

#[tokio::test]
async fn the_api_runs_a_terugblik_and_never_names_an_anonymous_card() {
    let s = Server::start_with(&[]).await;
    s.add_user("ria@team.nl", "Ria Regie", "member", MEMBER_PASSWORD);
    s.add_user("sem@team.nl", "Sem Schrijver", "member", MEMBER_PASSWORD);
    let ria = api_login(&s, "ria@team.nl").await;
    let r = ria
        .post_json("/api/v1/groups", &json!({"name": "Team API"}))
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json()["slug"], "team-api");
    let r = ria
        .post_json(
            "/api/v1/groups/team-api/invitations",
            &json!({"emails": ["sem@team.nl"]}),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    let base = s.url("");
    let link = s.mail("sem@team.nl", "Team API").await.link(&base);
    let path = link.trim_start_matches(&base).to_string();
    let sem_page = logged_in(&s, "sem@team.nl").await;
    assert_eq!(post_from(&sem_page, &path, &path, &[]).await.status, 303);
    let sem = api_login(&s, "sem@team.nl").await;
    let mine = sem.get("/api/v1/groups").await.json();
    assert_eq!(mine["items"][0]["slug"], "team-api");
    assert_eq!(mine["items"][0]["role"], "lid");

    // A member cannot open one; the begeleider can.
    let body = json!({"title": "Sprint 12", "subject": "project", "votes_per_member": 1});
    let r = sem
        .post_json("/api/v1/groups/team-api/retrospectives", &body)
        .await;
    assert_eq!(r.status, 403);
    let r = ria
        .post_json("/api/v1/groups/team-api/retrospectives", &body)
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_str().expect("id").to_string();
    let retro = format!("/api/v1/groups/team-api/retrospectives/{id}");

    let r = sem
        .post_json(
            &format!("{retro}/cards"),
            &json!({"question": "beter", "text": "De planning was te krap", "anonymous": true}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let r = sem
        .post_json(
            &format!("{retro}/cards"),
            &json!({"question": "goed", "text": ""}),
        )
        .await;
    assert_eq!(r.status, 422);
    // Hidden: Ria sees a count, not the card; Sem does not see it either.
    for c in [&ria, &sem] {
        let view = c.get(&retro).await;
        assert_eq!(view.status, 200);
        assert!(!view.body.contains("planning"), "{}", view.body);
        assert_eq!(view.json()["questions"][1]["count"], 1);
    }
    assert_eq!(
        sem.post_json(&format!("{retro}/reveal"), &json!({}))
            .await
            .status,
        403
    );
    assert_eq!(
        ria.post_json(&format!("{retro}/reveal"), &json!({}))
            .await
            .status,
        204
    );
    let view = ria.get(&retro).await;
    let card = &view.json()["questions"][1]["stacks"][0]["lead"];
    assert_eq!(card["text"], "De planning was te krap");
    assert_eq!(card["anonymous"], true);
    assert!(card["author"].is_null());
    let sem_id = user_id(&s, "sem@team.nl").await;
    assert!(
        !card.to_string().contains(&sem_id) && !card.to_string().contains("Sem"),
        "{card}"
    );
    // Not even for its author.
    let own = sem.get(&retro).await.json();
    assert_eq!(own["questions"][1]["stacks"][0]["lead"]["mine"], false);
    let card_id = card["id"].as_str().expect("card id").to_string();

    // One vote each: the second is refused.
    let vote = format!("{retro}/cards/{card_id}/votes");
    assert_eq!(sem.post_json(&vote, &json!({})).await.status, 204);
    assert_eq!(sem.post_json(&vote, &json!({})).await.status, 409);
    let view = sem.get(&retro).await.json();
    assert_eq!(view["votes_left"], 0);
    assert_eq!(view["questions"][1]["stacks"][0]["votes"], 1);

    // An action for Sem, ticked off by Sem.
    let due = (chrono::Utc::now().date_naive() + chrono::Days::new(20))
        .format("%Y-%m-%d")
        .to_string();
    let r = ria
        .post_json(
            &format!("{retro}/actions"),
            &json!({"text": "Planning met een week ruimte", "owner": sem_id, "due_on": due}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let action = ria.get(&retro).await.json()["actions"][0]["id"]
        .as_str()
        .expect("action")
        .to_string();
    let r = sem
        .put_json(
            &format!("/api/v1/groups/team-api/actions/{action}"),
            &json!({"done": true}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    assert_eq!(ria.get(&retro).await.json()["actions"][0]["done"], true);

    // Outsiders: not found.
    s.add_user("uit@elders.nl", "Uit Elders", "member", MEMBER_PASSWORD);
    let outsider = api_login(&s, "uit@elders.nl").await;
    assert_eq!(outsider.get(&retro).await.status, 404);
    assert_eq!(outsider.get("/api/v1/groups/team-api").await.status, 404);
}
