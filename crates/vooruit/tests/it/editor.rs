//! The editors' workflow through the HTML pages: queue, edit with
//! revisions, question to the teller, publish, reject.

use crate::common::{EDITOR_EMAIL, EDITOR_PASSWORD, Server, share_story, story_id};

#[tokio::test]
async fn editor_asks_the_teller_edits_and_publishes() {
    let s = Server::start().await;
    let teller = s.client();
    let title = "Inloop op school bleef leeg";
    let status_path = share_story(
        &teller,
        title,
        "Sanne Bakker",
        "Wijkteam Oost",
        "sanne@wijkteam.test",
        false,
        true,
    )
    .await;

    let editor = s.client();
    assert_eq!(
        editor.get("/redactie").await.location.as_deref(),
        Some("/inloggen?terug=%2Fredactie"),
        "visitors go to login"
    );
    let login = editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    assert_eq!(login.status, 303, "{}", login.body);
    let queue = editor.get("/redactie").await;
    assert_eq!(queue.status, 200);
    assert!(queue.body.contains(title));
    let id = story_id(&editor, title).await;
    let path = format!("/redactie/verhalen/{id}");
    let page = editor.get(&path).await;
    assert!(
        page.body.contains("sanne@wijkteam.test"),
        "editors see the contact address"
    );
    assert!(page.body.contains("Sanne Bakker"));
    let revisions_before = page.texts(".vo-revisions li").len();

    // Ask a question: the teller gets a mail and sees it on the status page.
    let q = editor
        .post_form(
            &format!("{path}/vraag"),
            &page.csrf(),
            &[("question", "Hoeveel jongeren kwamen er wel?")],
        )
        .await;
    assert_eq!(q.status, 303);
    let mail = s.mail("sanne@wijkteam.test", "vraag").await;
    assert!(mail.text.contains("Hoeveel jongeren kwamen er wel?"));
    assert!(mail.link(&s.base).ends_with(&status_path));
    let status = teller.get(&status_path).await;
    assert!(status.body.contains("Vraag aan jou"));
    assert!(status.body.contains("Hoeveel jongeren kwamen er wel?"));
    // While the question is open the story cannot be published.
    let early = editor
        .post_form(&format!("{path}/publiceren"), &page.csrf(), &[])
        .await;
    assert_eq!(early.status, 409);
    // The teller answers; the story goes back to the editors.
    teller
        .post_form(
            &status_path,
            &status.csrf(),
            &[("body", "Drie in twee maanden.")],
        )
        .await;
    assert!(
        teller
            .get(&status_path)
            .await
            .body
            .contains("Bij de redactie")
    );

    // Edit: an invalid edit keeps the text; a valid one adds a revision.
    let bad = editor
        .post_form(
            &path,
            &page.csrf(),
            &[
                ("kind", "falend-vooruit"),
                ("title", ""),
                ("context", "Nieuwe context"),
                ("themes", "werven"),
                ("lessons", "Een les"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.input_value("context").as_deref(),
        Some("Nieuwe context")
    );
    let good = editor
        .post_form(
            &path,
            &page.csrf(),
            &[
                ("kind", "falend-vooruit"),
                ("title", title),
                ("summary", "Een inloop voor jongeren met schulden trok bijna niemand."),
                ("context", "Een wijkteam opende een inloop op school. Er kwamen drie jongeren in twee maanden."),
                ("lessons", "Vraag jongeren zelf waar ze hulp zoeken"),
                ("themes", "innovatie"),
                ("sectors", "gemeente"),
            ],
        )
        .await;
    assert_eq!(good.status, 303, "{}", good.body);
    let edited = editor.get(&path).await;
    assert_eq!(
        edited.texts(".vo-revisions li").len(),
        revisions_before + 1,
        "revision kept"
    );

    // Publish: public, mailed, and only what the teller allowed is shown.
    let publish = editor
        .post_form(&format!("{path}/publiceren"), &edited.csrf(), &[])
        .await;
    assert_eq!(publish.status, 303);
    s.mail("sanne@wijkteam.test", "online").await;
    let list = teller.get("/api/v1/stories").await.json();
    let item = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["title"] == title)
        .expect("published")
        .clone();
    let slug = item["slug"].as_str().expect("slug");
    let public = teller.get(&format!("/verhalen/{slug}")).await;
    assert_eq!(public.status, 200);
    assert!(
        public
            .body
            .contains("Er kwamen drie jongeren in twee maanden."),
        "edited text is public"
    );
    assert!(
        public.body.contains("Wijkteam Oost"),
        "organisation shown: teller allowed it"
    );
    assert!(teller.get(&status_path).await.body.contains("Gepubliceerd"));

    // Archive takes it offline again.
    let arch = editor
        .post_form(&format!("{path}/archiveren"), &edited.csrf(), &[])
        .await;
    assert_eq!(arch.status, 303);
    assert_eq!(teller.get(&format!("/verhalen/{slug}")).await.status, 404);
}

#[tokio::test]
async fn editor_rejects_with_a_reason_the_teller_can_read() {
    let s = Server::start().await;
    let teller = s.client();
    let title = "Een verhaal dat niet past";
    let status_path = share_story(&teller, title, "", "", "jan@test.nl", false, false).await;
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let id = story_id(&editor, title).await;
    let page = editor.get(&format!("/redactie/verhalen/{id}")).await;
    let no_reason = editor
        .post_form(
            &format!("/redactie/verhalen/{id}/afwijzen"),
            &page.csrf(),
            &[("reason", "")],
        )
        .await;
    assert_eq!(no_reason.status, 422);
    assert!(no_reason.body.contains("Vul dit veld in."));
    let res = editor
        .post_form(
            &format!("/redactie/verhalen/{id}/afwijzen"),
            &page.csrf(),
            &[("reason", "Dit verhaal gaat niet over zorg of welzijn.")],
        )
        .await;
    assert_eq!(res.status, 303);
    let mail = s.mail("jan@test.nl", "Over je verhaal").await;
    assert!(
        mail.text
            .contains("Dit verhaal gaat niet over zorg of welzijn.")
    );
    let status = teller.get(&status_path).await;
    assert!(status.body.contains("Niet geplaatst"));
    assert!(
        status
            .body
            .contains("Dit verhaal gaat niet over zorg of welzijn.")
    );
    // A rejected story cannot be published.
    let publish = editor
        .post_form(
            &format!("/redactie/verhalen/{id}/publiceren"),
            &page.csrf(),
            &[],
        )
        .await;
    assert_eq!(publish.status, 409);
    assert!(publish.body.contains("Dit kan niet in de huidige status"));
}

#[tokio::test]
async fn members_cannot_use_the_redactie() {
    let s = Server::start().await;
    s.add_user("lid@test.nl", "Lid", "member", "een lang leden wachtwoord");
    let c = s.client();
    c.login("lid@test.nl", "een lang leden wachtwoord").await;
    assert_eq!(c.get("/redactie").await.status, 403);
    assert_eq!(c.get("/api/v1/editor/submissions").await.status, 403);
}

#[tokio::test]
async fn the_teller_can_still_write_to_the_editors_once_the_story_is_online() {
    let s = Server::start().await;
    let teller = s.client();
    let title = "Een verhaal dat online komt";
    let status_path = share_story(&teller, title, "", "", "online@test.nl", false, false).await;
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let id = story_id(&editor, title).await;
    let page = editor.get(&format!("/redactie/verhalen/{id}")).await;
    assert_eq!(
        editor
            .post_form(
                &format!("/redactie/verhalen/{id}/publiceren"),
                &page.csrf(),
                &[]
            )
            .await
            .status,
        303
    );
    let status = teller.get(&status_path).await;
    assert!(status.body.contains("Gepubliceerd"));
    let r = teller
        .post_form(
            &status_path,
            &status.csrf(),
            &[("body", "Willen jullie mijn verhaal offline halen?")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert!(
        editor
            .get(&format!("/redactie/verhalen/{id}"))
            .await
            .body
            .contains("Willen jullie mijn verhaal offline halen?")
    );
}
