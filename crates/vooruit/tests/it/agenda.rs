//! The agenda: events, registration with a waiting list that never
//! overbooks, cancelling with the personal link, calendar files.

use std::str::FromStr;

use serde_json::json;

use crate::common::{EDITOR_EMAIL, EDITOR_PASSWORD, Server, editor_api, parse_ics};

async fn create_event(s: &Server, title: &str, capacity: i64) -> (String, String) {
    let e = editor_api(s).await;
    let r = e
        .post_json(
            "/api/v1/editor/events",
            &json!({"kind": "bijeenkomst", "title": title, "description": "Samen leren van **mislukte** projecten.",
                    "starts_at": "2030-03-10T14:00:00+01:00", "ends_at": "2030-03-10T17:00:00+01:00",
                    "location": "Stadskantoor, Utrecht", "region": "utrecht", "organiser": "Leernetwerk Midden", "capacity": capacity}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let slug = r.json()["slug"].as_str().expect("slug").to_string();
    let list = s.client().get("/api/v1/events").await.json();
    let id = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["slug"] == slug.as_str())
        .expect("listed")["id"]
        .as_str()
        .expect("id")
        .to_string();
    (slug, id)
}

/// Places left of one event, from the public API.
async fn places_left(s: &Server, id: &str) -> i64 {
    let list = s.client().get("/api/v1/events").await.json();
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["id"] == id)
        .expect("listed")["places_left"]
        .as_i64()
        .expect("places_left")
}

#[tokio::test]
async fn editors_plan_and_visitors_register_with_a_calendar_file() {
    let s = Server::start().await;
    let e = s.client();
    e.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let form = e.get("/redactie/agenda").await;
    assert_eq!(form.status, 200);
    let bad = e
        .post_form(
            "/redactie/agenda",
            &form.csrf(),
            &[
                ("kind", "training"),
                ("title", "Training zonder tijd"),
                ("starts", "2030-01-01T10:00"),
                ("ends", "2030-01-01T09:00"),
                ("capacity", "0"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Het einde moet na het begin liggen."));
    assert!(bad.body.contains("Vul een plaats in of een link"));
    assert_eq!(
        bad.input_value("title").as_deref(),
        Some("Training zonder tijd")
    );
    let ok = e
        .post_form(
            "/redactie/agenda",
            &form.csrf(),
            &[
                ("kind", "training"),
                ("title", "Training terugblikken"),
                ("starts", "2030-01-01T10:00"),
                ("ends", "2030-01-01T12:00"),
                ("online_url", "https://meet.example/terugblik"),
                ("capacity", "12"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);

    let visitor = s.client();
    let agenda = visitor.get("/agenda").await;
    assert!(agenda.body.contains("Training terugblikken"));
    assert!(agenda.body.contains("Nog 12 plekken vrij"));
    let page = visitor.get("/agenda/training-terugblikken").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("1 januari 2030, 10:00"),
        "shown in Amsterdam time"
    );
    let invalid = visitor
        .post_form(
            "/agenda/training-terugblikken/aanmelden",
            &page.csrf(),
            &[("name", "Ria"), ("email", "fout")],
        )
        .await;
    assert_eq!(invalid.status, 422);
    assert_eq!(invalid.input_value("name").as_deref(), Some("Ria"));
    let done = visitor
        .post_form(
            "/agenda/training-terugblikken/aanmelden",
            &page.csrf(),
            &[
                ("name", "Ria de Boer"),
                ("email", "ria@test.nl"),
                ("note", "Vegetarisch"),
            ],
        )
        .await;
    assert_eq!(done.status, 200);
    assert!(done.body.contains("Je bent aangemeld"));
    let mail = s.mail("ria@test.nl", "aangemeld").await;
    assert!(mail.raw.contains("text/calendar"), "ics attached");
    assert!(mail.raw.contains("BEGIN:VCALENDAR") || mail.raw.contains("afspraak.ics"));
    assert!(mail.text.contains("/agenda/afmelden/"));

    // Editors see the registration with the note.
    let regs = e.get("/redactie/agenda/training-terugblikken").await;
    assert!(regs.body.contains("Ria de Boer") && regs.body.contains("Vegetarisch"));

    // The calendar files parse as iCalendar.
    for path in ["/agenda.ics", "/agenda/training-terugblikken/afspraak.ics"] {
        let body = visitor.get(path).await.body;
        let cal = icalendar::Calendar::from_str(&body).expect("valid iCalendar");
        let ev = cal
            .events()
            .find(|ev| icalendar::Component::get_summary(*ev) == Some("Training terugblikken"))
            .expect("the event");
        assert!(icalendar::Component::get_uid(ev).is_some());
        assert!(
            body.contains("DTSTART:20300101T090000Z"),
            "10:00 Amsterdam is 09:00 UTC: {body}"
        );
        assert!(body.contains("SEQUENCE:0"));
    }
}

#[tokio::test]
async fn concurrent_registrations_never_overbook_and_a_cancellation_moves_the_first_up() {
    let s = Server::start().await;
    let (slug, id) = create_event(&s, "Inspiratielab falend vooruit", 3).await;
    let http = reqwest::Client::new();
    let mut tasks = vec![];
    for i in 0..20 {
        let http = http.clone();
        let url = s.url(&format!("/api/v1/events/{slug}/registrations"));
        tasks.push(tokio::spawn(async move {
            let r = http
                .post(url)
                .json(&json!({"name": format!("Deelnemer {i}"), "email": format!("d{i}@test.nl")}))
                .send()
                .await
                .expect("post");
            assert_eq!(r.status(), 201);
            r.json::<serde_json::Value>().await.expect("json")
        }));
    }
    let mut results = vec![];
    for t in tasks {
        results.push(t.await.expect("task"));
    }
    let confirmed: Vec<&serde_json::Value> = results
        .iter()
        .filter(|r| r["status"] == "bevestigd")
        .collect();
    let waiting = results
        .iter()
        .filter(|r| r["status"] == "wachtlijst")
        .count();
    assert_eq!(confirmed.len(), 3, "exactly the capacity got a place");
    assert_eq!(waiting, 17);
    assert_eq!(places_left(&s, &id).await, 0);

    // One with a place cancels: the first on the waiting list moves up.
    let token = confirmed[0]["cancel_url"]
        .as_str()
        .expect("url")
        .rsplit('/')
        .next()
        .expect("token")
        .to_string();
    let page = s.client().get(&format!("/agenda/afmelden/{token}")).await;
    assert_eq!(page.status, 200);
    let del = http
        .delete(s.url(&format!("/api/v1/registrations/{token}")))
        .send()
        .await
        .expect("delete");
    assert_eq!(del.status(), 204);
    let moved = s.mail("@test.nl", "Er is een plek voor je").await;
    assert!(moved.text.contains("Inspiratielab falend vooruit"));
    assert_eq!(
        places_left(&s, &id).await,
        0,
        "the freed place was taken by the waiting list"
    );
    // Cancelling twice is harmless and frees nothing more.
    let again = http
        .delete(s.url(&format!("/api/v1/registrations/{token}")))
        .send()
        .await
        .expect("delete");
    assert_eq!(again.status(), 204);
}

#[tokio::test]
async fn editors_export_message_and_cancel_and_calendars_follow() {
    let s = Server::start().await;
    let (slug, _) = create_event(&s, "Regiobijeenkomst leren van fouten", 10).await;
    let http = reqwest::Client::new();
    for (name, email) in [
        ("=HYPERLINK(\"x\")", "formule@test.nl"),
        ("Joost", "joost@test.nl"),
    ] {
        let r = http
            .post(s.url(&format!("/api/v1/events/{slug}/registrations")))
            .json(&json!({"name": name, "email": email, "organisation": "Wijkteam \"Noord\""}))
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 201);
    }
    let e = s.client();
    e.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let csv = e
        .get(&format!("/redactie/agenda/{slug}/aanmeldingen.csv"))
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.headers["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/csv")
    );
    assert!(
        csv.body
            .contains("\"Joost\",\"joost@test.nl\",\"Wijkteam \"\"Noord\"\"\""),
        "{}",
        csv.body
    );
    assert!(
        csv.body.contains("\"'=HYPERLINK"),
        "formulas are neutralised: {}",
        csv.body
    );
    assert_eq!(
        s.client()
            .get(&format!("/redactie/agenda/{slug}/aanmeldingen.csv"))
            .await
            .status,
        303,
        "visitors go to login"
    );

    let page = e.get(&format!("/redactie/agenda/{slug}")).await;
    let empty = e
        .post_form(
            &format!("/redactie/agenda/{slug}/bericht"),
            &page.csrf(),
            &[("subject", ""), ("body", "")],
        )
        .await;
    assert_eq!(empty.status, 422);
    let sent = e
        .post_form(
            &format!("/redactie/agenda/{slug}/bericht"),
            &page.csrf(),
            &[
                ("subject", "Parkeren"),
                ("body", "Parkeren kan achter het gebouw."),
            ],
        )
        .await;
    assert_eq!(sent.status, 303);
    let mail = s.mail("joost@test.nl", "Parkeren").await;
    assert!(mail.text.contains("achter het gebouw"));

    let cancelled = e
        .post_form(
            &format!("/redactie/agenda/{slug}/annuleren"),
            &page.csrf(),
            &[],
        )
        .await;
    assert_eq!(cancelled.status, 303);
    s.mail("joost@test.nl", "Gaat niet door").await;
    let ics = s
        .client()
        .get(&format!("/agenda/{slug}/afspraak.ics"))
        .await
        .body;
    assert!(ics.contains("STATUS:CANCELLED"), "{ics}");
    assert!(ics.contains("SEQUENCE:1"), "{ics}");
    let late = http
        .post(s.url(&format!("/api/v1/events/{slug}/registrations")))
        .json(&json!({"name": "Te laat", "email": "laat@test.nl"}))
        .send()
        .await
        .expect("post");
    assert_eq!(late.status(), 409);
}

#[tokio::test]
async fn check_in_at_the_door_and_filter_the_agenda() {
    let s = Server::start().await;
    let (slug, _) = create_event(&s, "Training intervisie", 5).await;
    let http = reqwest::Client::new();
    let r = http
        .post(s.url(&format!("/api/v1/events/{slug}/registrations")))
        .json(&json!({"name": "Fleur", "email": "fleur@test.nl"}))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 201);
    let e = s.client();
    e.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let page = e.get(&format!("/redactie/agenda/{slug}")).await;
    let sel = scraper::Selector::parse("form[action*=\"/aanwezig/\"]").expect("sel");
    let action = page
        .html()
        .select(&sel)
        .next()
        .and_then(|f| f.value().attr("action").map(str::to_string))
        .expect("check-in form");
    let done = e
        .post_form(&action, &page.csrf(), &[("aanwezig", "ja")])
        .await;
    assert_eq!(done.status, 303);
    let csv = e
        .get(&format!("/redactie/agenda/{slug}/aanmeldingen.csv"))
        .await
        .body;
    assert!(
        csv.lines()
            .any(|l| l.contains("Fleur") && l.ends_with("\"ja\"")),
        "{csv}"
    );
    assert!(
        e.get(&format!("/redactie/agenda/{slug}"))
            .await
            .body
            .contains("Ongedaan maken")
    );

    // Filters: the event is a bijeenkomst in Utrecht.
    let c = s.client();
    assert!(
        c.get("/agenda?kind=bijeenkomst&region=utrecht")
            .await
            .body
            .contains("Training intervisie")
    );
    assert!(
        !c.get("/agenda?kind=webinar")
            .await
            .body
            .contains("Training intervisie")
    );
    assert!(
        !c.get("/agenda?region=limburg")
            .await
            .body
            .contains("Training intervisie")
    );
}

#[tokio::test]
async fn calendar_feeds_per_kind_and_region_parse_with_a_real_icalendar_parser() {
    let s = Server::start().await;
    let c = s.client();
    // The demo agenda: five coming events and one of twenty days ago.
    let all = parse_ics(&c.get("/agenda.ics").await.body);
    let all = all.as_array().expect("events");
    assert_eq!(all.len(), 6, "{all:?}");
    let training = all
        .iter()
        .find(|e| e["summary"] == "Training: een retrospectief leiden met je team")
        .expect("the demo training");
    assert!(
        training["start"]
            .as_str()
            .expect("start")
            .ends_with("T09:00"),
        "09:00 Dutch time: {training}"
    );
    let uids: std::collections::HashSet<_> = all.iter().map(|e| e["uid"].to_string()).collect();
    assert_eq!(uids.len(), all.len(), "every event its own UID");

    let utrecht = parse_ics(&c.get("/agenda.ics?region=utrecht").await.body);
    assert_eq!(utrecht.as_array().expect("events").len(), 1, "{utrecht}");
    assert_eq!(utrecht[0]["uid"], training["uid"]);
    let webinars = parse_ics(&c.get("/agenda.ics?kind=webinar").await.body);
    assert_eq!(webinars.as_array().expect("events").len(), 1);
    assert_eq!(
        webinars[0]["summary"],
        "Webinar: meten wat je wilt zien veranderen"
    );
    // The agenda page offers the feed with its filters.
    let page = c.get("/agenda?kind=webinar").await;
    assert!(page.body.contains("href=\"/agenda.ics?kind=webinar\""));

    // Cancelling changes the same UID, one sequence up.
    let e = s.client();
    e.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let slug = "training-een-retrospectief-leiden-met-je-team";
    let form = e.get(&format!("/redactie/agenda/{slug}")).await;
    assert_eq!(form.status, 200);
    e.post_form(
        &format!("/redactie/agenda/{slug}/annuleren"),
        &form.csrf(),
        &[],
    )
    .await;
    let after = parse_ics(&c.get("/agenda.ics?region=utrecht").await.body);
    assert_eq!(after[0]["uid"], training["uid"]);
    assert_eq!(after[0]["status"], "CANCELLED");
    assert_eq!(
        after[0]["sequence"],
        training["sequence"].as_i64().expect("seq") + 1
    );
}

/// The event as the API takes it, with some fields to change.
fn event_json(capacity: i64, extra: serde_json::Value) -> serde_json::Value {
    let mut e = json!({"kind": "training", "title": "Training werkdruk bespreken",
        "description": "Hoe bespreek je werkdruk in je team?",
        "starts_at": "2030-05-12T13:00:00+02:00", "ends_at": "2030-05-12T16:00:00+02:00",
        "location": "Zorgplein, Amersfoort", "region": "utrecht", "capacity": capacity,
        "themes": ["werkdruk"], "questions": ["Wat is je dieetwens?"]});
    for (k, v) in extra.as_object().expect("object") {
        e[k] = v.clone();
    }
    e
}

#[tokio::test]
async fn questions_themes_changes_and_the_registration_window() {
    let s = Server::start().await;
    let e = editor_api(&s).await;
    let r = e
        .post_json("/api/v1/editor/events", &event_json(2, json!({})))
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let slug = r.json()["slug"].as_str().expect("slug").to_string();
    let page = s.client().get(&format!("/agenda/{slug}")).await;
    assert!(page.body.contains("Wat is je dieetwens?"));
    let list = s.client().get("/api/v1/events?theme=werkdruk").await.json();
    assert!(
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["slug"] == slug.as_str()),
        "found by theme"
    );
    let other = s.client().get("/api/v1/events?theme=binden").await.json();
    assert!(
        other["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|i| i["slug"] != slug.as_str())
    );
    assert!(
        s.client()
            .get("/agenda?theme=werkdruk")
            .await
            .body
            .contains(&slug)
    );

    // The form asks the question; without an answer it says so and keeps
    // what was typed.
    let v = s.client();
    let form = v.get(&format!("/agenda/{slug}")).await;
    let bad = v
        .post_form(
            &format!("/agenda/{slug}/aanmelden"),
            &form.csrf(),
            &[
                ("name", "Anouk Smit"),
                ("email", "anouk@test.nl"),
                ("answer-0", ""),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.input_value("name").as_deref(), Some("Anouk Smit"));
    assert!(bad.body.contains("id=\"veld-answer-0-error\""));
    for (name, email, answer) in [
        ("Anouk Smit", "anouk@test.nl", "Vegetarisch"),
        ("Bram Kok", "bram@test.nl", "Geen"),
        ("Chris Baas", "chris@test.nl", "Glutenvrij"),
    ] {
        let r = v
            .post_json(
                &format!("/api/v1/events/{slug}/registrations"),
                &json!({"name": name, "email": email, "answers": [answer]}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let csv = e
        .get(&format!("/redactie/agenda/{slug}/aanmeldingen.csv"))
        .await
        .body;
    assert!(
        csv.lines()
            .next()
            .expect("header")
            .contains("Wat is je dieetwens?")
    );
    assert!(csv.contains("Glutenvrij"));

    // Fewer places than people with a place: refused, next to the field.
    let r = e
        .put_json(
            &format!("/api/v1/editor/events/{slug}"),
            &event_json(1, json!({})),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("capacity"));

    // More places and a new time: the waiting list moves up, everyone gets
    // the new appointment, and calendars see the same event, changed.
    let before = parse_ics(
        &s.client()
            .get(&format!("/agenda/{slug}/afspraak.ics"))
            .await
            .body,
    );
    let r = e
        .put_json(
            &format!("/api/v1/editor/events/{slug}"),
            &event_json(
                3,
                json!({"starts_at": "2030-05-12T14:00:00+02:00", "ends_at": "2030-05-12T17:00:00+02:00"}),
            ),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let moved_up = s.mail("chris@test.nl", "Er is een plek voor je").await;
    assert!(moved_up.raw.contains("text/calendar"));
    let changed = s.mail("anouk@test.nl", "Gewijzigd").await;
    assert!(changed.raw.contains("text/calendar"));
    let after = parse_ics(
        &s.client()
            .get(&format!("/agenda/{slug}/afspraak.ics"))
            .await
            .body,
    );
    assert_eq!(after[0]["uid"], before[0]["uid"]);
    assert_eq!(
        after[0]["sequence"],
        before[0]["sequence"].as_i64().expect("seq") + 1
    );
    assert_eq!(after[0]["start"], "2030-05-12T14:00");

    // The registration window.
    let r = e
        .put_json(
            &format!("/api/v1/editor/events/{slug}"),
            &event_json(
                3,
                json!({"registration_opens_at": "2030-01-01T09:00:00+01:00"}),
            ),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let early = v
        .post_json(
            &format!("/api/v1/events/{slug}/registrations"),
            &json!({"name": "Vroeg", "email": "vroeg@test.nl", "answers": ["Geen"]}),
        )
        .await;
    assert_eq!(early.status, 409);
    assert!(early.body.contains("nog niet"), "{}", early.body);
    assert!(
        v.get(&format!("/agenda/{slug}"))
            .await
            .body
            .contains("Aanmelden kan vanaf 1 januari 2030")
    );
    let r = e
        .put_json(
            &format!("/api/v1/editor/events/{slug}"),
            &event_json(
                3,
                json!({"registration_closes_at": "2020-01-01T09:00:00+01:00"}),
            ),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let late = v
        .post_json(
            &format!("/api/v1/events/{slug}/registrations"),
            &json!({"name": "Laat", "email": "laat@test.nl", "answers": ["Geen"]}),
        )
        .await;
    assert_eq!(late.status, 409);

    // The edit form in the redactie starts from the event as it is.
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let form = editor
        .get(&format!("/redactie/agenda/{slug}/bewerken"))
        .await;
    assert_eq!(form.status, 200);
    assert_eq!(
        form.input_value("title").as_deref(),
        Some("Training werkdruk bespreken")
    );
    // The last change put the start back at 13:00.
    assert_eq!(
        form.input_value("starts").as_deref(),
        Some("2030-05-12T13:00")
    );
    assert_eq!(
        form.input_value("question-0").as_deref(),
        Some("Wat is je dieetwens?")
    );
}

#[tokio::test]
async fn past_events_show_their_report_and_the_agenda_pages() {
    let s = Server::start().await;
    let c = s.client();
    let agenda = c.get("/agenda").await;
    assert!(
        agenda.body.contains("Lees het verslag"),
        "the demo's past event"
    );
    let past = c
        .get("/agenda/terugblik-samenwerken-tussen-wijkteam-en-huisarts")
        .await;
    assert!(past.body.contains("id=\"verslag\""));
    assert!(past.body.contains("Deze bijeenkomst is voorbij."));
    assert!(!past.body.contains("/aanmelden\""), "no registration form");

    // 5 demo events plus 16 new ones: 21, so a second page.
    let e = editor_api(&s).await;
    for n in 0..16 {
        let r = e
            .post_json(
                "/api/v1/editor/events",
                &event_json(
                    10,
                    json!({"title": format!("Reeks bijeenkomst {n}"), "questions": []}),
                ),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let first = c.get("/agenda").await;
    assert!(first.body.contains("rel=\"next\""));
    let second = c.get("/agenda?page=2").await;
    assert_eq!(second.status, 200);
    assert_eq!(second.texts(".vo-hit__title").len(), 1, "{}", second.body);
    let api = c.get("/api/v1/events?page=2").await.json();
    assert_eq!(api["total"], 21);
    assert_eq!(api["items"].as_array().expect("items").len(), 1);
}

#[tokio::test]
async fn editors_manage_registrations_through_the_api() {
    let s = Server::start().await;
    let (slug, _) = create_event(&s, "Leertafel via de API", 1).await;
    let v = s.client();
    for (name, email) in [("Ilse Vos", "ilse@test.nl"), ("Jan Bos", "jan@test.nl")] {
        let r = v
            .post_json(
                &format!("/api/v1/events/{slug}/registrations"),
                &json!({"name": name, "email": email}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let path = format!("/api/v1/editor/events/{slug}/registrations");
    assert_eq!(v.get(&path).await.status, 401, "not for visitors");
    let e = editor_api(&s).await;
    let list = e.get(&path).await.json();
    let items = list["items"].as_array().expect("items");
    assert_eq!(items[0]["status"], "bevestigd");
    assert_eq!(items[1]["status"], "wachtlijst");
    let reg = items[0]["id"].as_str().expect("id");
    let r = e
        .post_json(&format!("{path}/{reg}/check-in"), &json!({"present": true}))
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    assert_eq!(e.get(&path).await.json()["items"][0]["checked_in"], true);
    let r = e
        .post_json(
            &format!("/api/v1/editor/events/{slug}/messages"),
            &json!({"subject": "Route", "body": "Neem de achteringang."}),
        )
        .await;
    assert_eq!(r.status, 202);
    assert_eq!(r.json()["recipients"], 1, "only people with a place");
    s.mail("ilse@test.nl", "Route").await;
    let r = e
        .post_json(&format!("/api/v1/editor/events/{slug}/cancel"), &json!({}))
        .await;
    assert_eq!(r.status, 204);
    s.mail("jan@test.nl", "Gaat niet door").await;
    let subs = e.get("/api/v1/editor/newsletter/subscribers").await;
    assert_eq!(subs.status, 200);
    assert_eq!(subs.json()["total"], 0);
}
