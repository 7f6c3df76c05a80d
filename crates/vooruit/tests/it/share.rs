//! Sharing a story without an account, and following it with the status link.

use crate::common::{Server, as_refs, share_story, story_fields};

#[tokio::test]
async fn validation_errors_show_next_to_the_field_and_keep_what_was_typed() {
    let s = Server::start().await;
    let c = s.client();
    let form = c.get("/verhaal-delen").await;
    let csrf = form.csrf();
    // Step 1 without a title, context or lessons.
    let res = c
        .post_form(
            "/verhaal-delen",
            &csrf,
            &[
                ("step", "1"),
                ("kind", "falend-vooruit"),
                ("title", ""),
                ("approach", "Onze aanpak met <b>vet</b> & meer"),
                ("themes", "werven"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.body.contains("id=\"veld-title-error\""),
        "error next to the title"
    );
    assert!(res.body.contains("aria-invalid=\"true\""));
    assert!(res.body.contains("Vul dit veld in."));
    assert!(res.body.contains("Schrijf minstens één les op."));
    assert_eq!(
        res.input_value("approach").as_deref(),
        Some("Onze aanpak met <b>vet</b> & meer"),
        "typed text kept"
    );
    assert!(
        res.body.contains("value=\"werven\" checked"),
        "chosen theme kept"
    );
    assert!(
        res.body.contains("href=\"#veld-title\""),
        "error summary links to the field"
    );

    // Step 1 complete: step 2 asks about identity; skipping consent keeps it all.
    let fields = story_fields("Inloop op school bleef leeg");
    let mut step1 = as_refs(&fields);
    step1.push(("step", "1"));
    let check = c.post_form("/verhaal-delen", &csrf, &step1).await;
    assert_eq!(check.status, 200, "{}", check.body);
    assert!(check.body.contains("Maak je verhaal veilig"));
    let mut step2 = as_refs(&fields);
    step2.extend([
        ("step", "2"),
        ("go", "send"),
        ("name", "Sanne"),
        ("contact_email", "niet-goed"),
    ]);
    let again = c.post_form("/verhaal-delen", &csrf, &step2).await;
    assert_eq!(again.status, 422);
    assert!(again.body.contains("Vul een geldig e-mailadres in"));
    assert!(again.body.contains("Geef toestemming"));
    assert!(
        again
            .body
            .contains("Controleer je tekst en vink dit vakje aan")
    );
    assert_eq!(again.input_value("name").as_deref(), Some("Sanne"));
    assert_eq!(
        again.input_value("contact_email").as_deref(),
        Some("niet-goed")
    );
    assert_eq!(
        again.input_value("title").as_deref(),
        Some("Inloop op school bleef leeg"),
        "story carried along"
    );

    // Going back to step 1 keeps both the story and the step 2 answers.
    let mut back = as_refs(&fields);
    back.extend([("step", "2"), ("go", "back"), ("name", "Sanne")]);
    let back = c.post_form("/verhaal-delen", &csrf, &back).await;
    assert_eq!(back.status, 200);
    assert_eq!(
        back.input_value("title").as_deref(),
        Some("Inloop op school bleef leeg")
    );
    assert_eq!(back.input_value("name").as_deref(), Some("Sanne"));
}

#[tokio::test]
async fn a_shared_story_waits_for_the_editors_and_the_teller_gets_a_private_link() {
    let s = Server::start().await;
    let c = s.client();
    let status_path = share_story(
        &c,
        "Inloop op school bleef leeg",
        "Sanne Bakker",
        "Wijkteam Oost",
        "sanne@wijkteam.test",
        false,
        false,
    )
    .await;

    // Not public yet.
    let list = c.get("/api/v1/stories").await.body;
    assert!(!list.contains("Inloop op school bleef leeg"));

    let page = c.get(&format!("{status_path}?nieuw=1")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Bedankt voor je verhaal"));
    assert!(page.body.contains("Ingestuurd"));

    let mail = s.mail("sanne@wijkteam.test", "ontvangen").await;
    assert!(mail.raw.to_lowercase().contains("content-type: text/plain"));
    let link = mail.link(&s.base);
    assert!(
        link.ends_with(&status_path),
        "mail links to the status page: {link}"
    );

    // The teller can add a remark; it shows on the status page.
    let form = c.get(&status_path).await;
    let res = c
        .post_form(
            &status_path,
            &form.csrf(),
            &[("body", "Ik wil nog iets toevoegen.")],
        )
        .await;
    assert_eq!(res.status, 303);
    let after = c.get(res.location.as_deref().expect("redirect")).await;
    assert!(after.body.contains("Ik wil nog iets toevoegen."));
    let empty = c
        .post_form(&status_path, &form.csrf(), &[("body", "  ")])
        .await;
    assert_eq!(empty.status, 422);

    // A made-up link finds nothing.
    assert_eq!(
        c.get(&format!("/verhaal-status/{}", "a".repeat(64)))
            .await
            .status,
        404
    );
    assert_eq!(c.get("/verhaal-status/kort").await.status, 404);
}

#[tokio::test]
async fn anonymous_stories_per_address_are_limited_and_nothing_typed_is_lost() {
    let s = Server::start_with(&["--demo", "--submission-limit", "2"]).await;
    let c = s.client();
    share_story(&c, "Eerste verhaal", "", "", "een@test.nl", false, false).await;
    share_story(&c, "Tweede verhaal", "", "", "twee@test.nl", false, false).await;

    // The third from the same address: step 2 again, with the message next
    // to the send button and everything carried along.
    let form = c.get("/verhaal-delen").await;
    let mut fields = story_fields("Derde verhaal");
    fields.push(("step", "2".into()));
    fields.push(("go", "send".into()));
    fields.push(("contact_email", "drie@test.nl".into()));
    fields.push(("no_client_info", "ja".into()));
    fields.push(("consent", "ja".into()));
    let page = c
        .post_form("/verhaal-delen", &form.csrf(), &as_refs(&fields))
        .await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(page.body.contains("id=\"veld-send-error\""));
    assert!(
        page.body.contains("href=\"#veld-send\""),
        "the summary links to it"
    );
    assert_eq!(page.input_value("title").as_deref(), Some("Derde verhaal"));
    assert_eq!(
        page.input_value("contact_email").as_deref(),
        Some("drie@test.nl")
    );

    let api = c
        .post_json(
            "/api/v1/submissions",
            &serde_json::json!({"kind": "case", "title": "Via de API", "context": "Tekst",
                "lessons": ["Les"], "themes": ["vakmanschap"], "contact_email": "api@test.nl",
                "no_client_info": true, "consent": true}),
        )
        .await;
    assert_eq!(api.status, 429, "{}", api.body);

    // Editors are not counted: the limit is for anonymous sharing.
    let queue = crate::common::editor_api(&s).await;
    let r = queue.get("/api/v1/editor/submissions").await;
    assert_eq!(r.json()["items"].as_array().expect("items").len(), 2);
}
