//! Experiments, "van topidee naar standaard": a member proposes an idea,
//! others support it (once each); the proposer or the facilitator makes it
//! an experiment with a hypothesis, a measurement, a period and an owner;
//! members add progress notes; on the last day the owner is mailed (moved
//! clock); the owner stops it or adopts it as a standard (with what it
//! replaced); "share what you learned" fills in the story form (Falend
//! Vooruit or Koploper), which goes through the safe-sharing step into the
//! editors' queue.

use serde_json::json;

use crate::common::{
    Client, EDITOR_EMAIL, EDITOR_PASSWORD, MEMBER_PASSWORD, Page, Server, api_login, as_refs,
    day_from_now, group_with, logged_in, post_from, read_outbox, user_id,
};

fn id_of(location: &str) -> String {
    location
        .split('?')
        .next()
        .expect("path")
        .rsplit('/')
        .next()
        .expect("id")
        .to_string()
}

/// The value of a field on a page (an input's value, a textarea's text).
fn field(page: &Page, name: &str) -> String {
    page.html()
        .select(&scraper::Selector::parse(&format!("[name={name}]")).expect("selector"))
        .next()
        .map(|e| {
            e.value()
                .attr("value")
                .map(str::to_string)
                .unwrap_or_else(|| e.text().collect())
        })
        .unwrap_or_default()
}

/// Sends a filled-in story form through both steps as `c`; returns the
/// final answer.
async fn share_through_both_steps(c: &Client, form: &Page, kind: &str) -> Page {
    let mut fields: Vec<(&str, String)> = vec![("kind", kind.to_string())];
    for name in ["title", "context", "aim", "approach", "what_differed"] {
        fields.push((name, field(form, name)));
    }
    fields.push((
        "lessons",
        "Klein beginnen maakt het makkelijk om te stoppen.".into(),
    ));
    fields.push(("themes", "werven".into()));
    let step2 = post_from(c, "/verhaal-delen", "/verhaal-delen", &as_refs(&fields)).await;
    assert_eq!(step2.status, 200, "{}", step2.body);
    assert!(
        step2.body.contains("name=\"consent\""),
        "the safe-sharing step"
    );
    fields.extend([
        ("step", "2".into()),
        ("name", "Een lid".into()),
        ("no_client_info", "ja".into()),
        ("consent", "ja".into()),
    ]);
    post_from(c, "/verhaal-delen", "/verhaal-delen", &as_refs(&fields)).await
}

#[tokio::test]
async fn an_idea_becomes_an_experiment_is_stopped_and_shared_as_falend_vooruit() {
    // Test mode: the clock moves to the experiment's last day.
    let s = Server::start_with_env(&[], &[("VOORUIT_MODE", "test")]).await;
    s.add_user("rita@team.nl", "Rita Regie", "member", MEMBER_PASSWORD);
    s.add_user("sam@team.nl", "Sam Idee", "member", MEMBER_PASSWORD);
    s.add_user("tim@team.nl", "Tim Trekker", "member", MEMBER_PASSWORD);
    s.add_user("olga@elders.nl", "Olga Buiten", "member", MEMBER_PASSWORD);
    let rita = logged_in(&s, "rita@team.nl").await;
    let group = group_with(&s, &rita, "Team Proef", &["sam@team.nl", "tim@team.nl"]).await;
    let sam = logged_in(&s, "sam@team.nl").await;
    let tim = logged_in(&s, "tim@team.nl").await;
    let board = format!("{group}/experimenten");
    assert!(rita.get(&group).await.body.contains(&board));

    // Sam proposes an idea; a refused one keeps what was typed.
    let r = post_from(
        &sam,
        &board,
        &board,
        &[("title", ""), ("description", "Elke ochtend tien minuten.")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Elke ochtend tien minuten."));
    assert!(r.body.contains("aria-invalid"));
    let r = post_from(
        &sam,
        &board,
        &board,
        &[
            ("title", "Ochtendoverleg van tien minuten"),
            (
                "description",
                "Zaken liggen stil omdat niemand weet wie aan zet is. Elke ochtend tien minuten afstemmen.",
            ),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id = id_of(r.location.as_deref().expect("location"));
    let idea = format!("{board}/{id}");

    // Tim supports it twice at once: it counts once. He takes it back and
    // gives it again.
    let steun = format!("{idea}/steun");
    let (a, b) = tokio::join!(
        post_from(&tim, &idea, &steun, &[]),
        post_from(&tim, &idea, &steun, &[])
    );
    assert_eq!((a.status, b.status), (303, 303));
    assert!(tim.get(&idea).await.body.contains("1 lid steunt dit idee"));
    post_from(&tim, &idea, &format!("{idea}/steun-terug"), &[]).await;
    assert!(tim.get(&idea).await.body.contains("Nog niemand steunt"));
    post_from(&tim, &idea, &format!("{idea}/steun"), &[]).await;
    post_from(&rita, &idea, &format!("{idea}/steun"), &[]).await;
    let list = sam.get(&board).await;
    assert!(
        list.texts(".vo-card")
            .iter()
            .any(|c| c.contains("Ochtendoverleg") && c.contains("2 leden steunen")),
        "{}",
        list.body
    );
    // Outside the group there is nothing.
    let olga = logged_in(&s, "olga@elders.nl").await;
    assert_eq!(olga.get(&board).await.status, 404);
    assert_eq!(olga.get(&idea).await.status, 404);

    // Only the proposer or the facilitator makes it an experiment.
    let tim_id = user_id(&s, "tim@team.nl").await;
    let plan = |ends: String| {
        vec![
            (
                "hypothesis",
                "Als we elke ochtend afstemmen, liggen minder zaken stil.".to_string(),
            ),
            (
                "measure",
                "Elke vrijdag: zaken die langer dan twee weken stilliggen.".to_string(),
            ),
            ("starts_on", day_from_now(0)),
            ("ends_on", ends),
            ("owner", tim_id.clone()),
        ]
    };
    assert!(!tim.get(&idea).await.body.contains("/starten"));
    let r = post_from(
        &tim,
        &idea,
        &format!("{idea}/starten"),
        &as_refs(&plan(day_from_now(3))),
    )
    .await;
    assert_eq!(r.status, 403);
    let r = post_from(
        &sam,
        &idea,
        &format!("{idea}/starten"),
        &as_refs(&plan(day_from_now(-2))),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("Het einde moet na het begin liggen"),
        "{}",
        r.body
    );
    assert!(r.body.contains("liggen minder zaken stil"), "kept");
    let r = post_from(
        &sam,
        &idea,
        &format!("{idea}/starten"),
        &as_refs(&plan(day_from_now(3))),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        post_from(&sam, &idea, &format!("{idea}/steun"), &[])
            .await
            .status,
        409,
        "no support once it runs"
    );
    let page = sam.get(&idea).await;
    assert!(page.body.contains("Tim Trekker") && page.body.contains("Experiment loopt"));

    // Progress notes from members; an empty one is refused.
    assert_eq!(
        post_from(&sam, &idea, &format!("{idea}/notities"), &[("note", " ")])
            .await
            .status,
        422
    );
    for (c, text) in [
        (&sam, "Week 1: vier zaken stil, was zeven."),
        (&rita, "Week 2: het overleg loopt uit naar twintig minuten."),
    ] {
        let r = post_from(c, &idea, &format!("{idea}/notities"), &[("note", text)]).await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let notes = tim.get(&idea).await.texts(".vo-experiment-notes li");
    assert_eq!(notes.len(), 2);
    assert!(
        notes[0].contains("Week 1") && notes[0].contains("Sam Idee"),
        "{notes:?}"
    );

    // No mail before the last day; then Tim is asked to evaluate.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert!(
        !read_outbox(&s.outbox())
            .iter()
            .any(|m| m.subject.contains("evalueren")),
        "asked too early"
    );
    let r = rita
        .post_json("/api/test/clock", &json!({"seconds": 4 * 24 * 3600}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let mail = s.mail("tim@team.nl", "Tijd om te evalueren").await;
    assert!(
        mail.text.contains("Ochtendoverleg") && mail.text.contains(&idea),
        "{}",
        mail.text
    );

    // The evaluation: only the owner or the facilitator; a verdict must
    // be chosen, and what was typed stays.
    let eval = format!("{idea}/evaluatie");
    let r = post_from(
        &sam,
        &idea,
        &eval,
        &[("verdict", "nee"), ("evaluation", "x")],
    )
    .await;
    assert_eq!(r.status, 403);
    let r = post_from(
        &tim,
        &idea,
        &eval,
        &[("evaluation", "Het overleg kostte meer dan het opleverde.")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        r.body.contains("Kies of het de nieuwe standaard wordt"),
        "{}",
        r.body
    );
    assert!(r.body.contains("kostte meer dan het opleverde"));
    let r = post_from(
        &tim,
        &idea,
        &eval,
        &[
            ("verdict", "nee"),
            ("evaluation", "Het overleg kostte meer dan het opleverde."),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let list = sam.get(&board).await;
    let stopped_section = list
        .body
        .split("id=\"gestopte-experimenten\"")
        .nth(1)
        .expect("stopped");
    assert!(stopped_section.contains("Ochtendoverleg"), "{}", list.body);
    assert_eq!(
        post_from(
            &sam,
            &idea,
            &format!("{idea}/notities"),
            &[("note", "Te laat")]
        )
        .await
        .status,
        409
    );

    // Share what you learned: a Falend Vooruit draft, through the
    // safe-sharing step into the editors' queue.
    assert_eq!(sam.get(&format!("{idea}/delen")).await.status, 403);
    let form = tim.get(&format!("{idea}/delen")).await;
    assert_eq!(form.status, 200);
    let kind = form
        .html()
        .select(&scraper::Selector::parse("input[name=kind][checked]").expect("selector"))
        .next()
        .and_then(|e| e.value().attr("value").map(str::to_string));
    assert_eq!(kind.as_deref(), Some("falend-vooruit"));
    assert_eq!(field(&form, "title"), "Ochtendoverleg van tien minuten");
    assert!(field(&form, "aim").contains("liggen minder zaken stil"));
    assert!(field(&form, "approach").contains("Week 2: het overleg loopt uit"));
    assert!(field(&form, "what_differed").contains("kostte meer dan het opleverde"));
    let sent = share_through_both_steps(&tim, &form, "falend-vooruit").await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    assert!(
        editor
            .get("/redactie")
            .await
            .body
            .contains("Ochtendoverleg van tien minuten")
    );
}

#[tokio::test]
async fn the_api_adopts_an_experiment_as_a_standard_with_what_it_replaced() {
    let s = Server::start_with(&[]).await;
    s.add_user("uma@team.nl", "Uma Leiding", "member", MEMBER_PASSWORD);
    s.add_user("vik@team.nl", "Vik Vast", "member", MEMBER_PASSWORD);
    let uma = logged_in(&s, "uma@team.nl").await;
    group_with(&s, &uma, "Team Standaard", &["vik@team.nl"]).await;
    let uma = api_login(&s, "uma@team.nl").await;
    let vik = api_login(&s, "vik@team.nl").await;
    let base = "/api/v1/groups/team-standaard/experiments";
    let r = vik
        .post_json(
            base,
            &json!({"title": "Intake met twee", "description": "De intake doen we met z'n tweeën."}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let one = format!("{base}/{}", r.json()["id"].as_str().expect("id"));
    assert_eq!(
        uma.post_json(&format!("{one}/support"), &json!({}))
            .await
            .status,
        204
    );
    assert_eq!(
        vik.post_json(&format!("{one}/support"), &json!({}))
            .await
            .status,
        204
    );
    assert_eq!(vik.get(base).await.json()["ideas"][0]["supports"], 2);
    let vik_id = user_id(&s, "vik@team.nl").await;
    let r = uma
        .post_json(
            &format!("{one}/start"),
            &json!({"hypothesis": "Met twee missen we minder.", "measure": "Vervolgvragen na de intake.",
                    "starts_on": day_from_now(0), "ends_on": day_from_now(30), "owner": vik_id}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let r = vik
        .post_json(
            &format!("{one}/notes"),
            &json!({"text": "Minder vervolgvragen."}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    // Before the evaluation there is no story to draft.
    assert_eq!(vik.get(&format!("{one}/story-draft")).await.status, 409);
    let r = vik
        .post_json(
            &format!("{one}/evaluation"),
            &json!({"adopted": true, "evaluation": "Het werkt: de helft minder vervolgvragen.",
                    "replaces": "De intake door één consulent"}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let board = uma.get(base).await.json();
    assert_eq!(board["standards"][0]["title"], "Intake met twee");
    assert_eq!(
        board["standards"][0]["replaces"],
        "De intake door één consulent"
    );
    assert!(board["ideas"].as_array().expect("ideas").is_empty());
    let draft = vik.get(&format!("{one}/story-draft")).await;
    assert_eq!(draft.status, 200, "{}", draft.body);
    assert_eq!(draft.json()["kind"], "koploper");
    assert!(
        draft.json()["approach"]
            .as_str()
            .expect("approach")
            .contains("Minder vervolgvragen.")
    );
    // The page lists it among the standards, with what it replaced.
    let page = logged_in(&s, "uma@team.nl")
        .await
        .get("/groepen/team-standaard/experimenten")
        .await;
    let standards = page
        .body
        .split("id=\"standaarden\"")
        .nth(1)
        .expect("standards");
    assert!(
        standards.contains("Intake met twee")
            && standards.contains("vervangt: De intake door één consulent")
    );
}
