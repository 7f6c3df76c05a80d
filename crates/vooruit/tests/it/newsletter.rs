//! Newsletter sign-up with double opt-in.

use serde_json::json;

use crate::common::{Server, read_outbox};

#[tokio::test]
async fn double_opt_in_confirm_and_one_click_unsubscribe() {
    let s = Server::start().await;
    let c = s.client();
    let form = c.get("/nieuwsbrief").await;
    assert_eq!(form.status, 200);
    let bad = c
        .post_form(
            "/nieuwsbrief",
            &form.csrf(),
            &[("email", "geen-adres"), ("themes", "werven")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.input_value("email").as_deref(), Some("geen-adres"));
    assert!(bad.body.contains("value=\"werven\" checked"));

    let ok = c
        .post_form(
            "/nieuwsbrief",
            &form.csrf(),
            &[("email", "Lezer@Test.nl"), ("themes", "werven")],
        )
        .await;
    assert_eq!(ok.status, 200);
    assert!(ok.body.contains("Kijk in je mailbox"));
    let mail = s.mail("lezer@test.nl", "nieuwsbrief").await;
    let link = mail.link(&s.base);
    let path = link.trim_start_matches(&s.base).to_string();

    // Following the link shows a button; a mail scanner's GET confirms nothing.
    let page = c.get(&path).await;
    assert_eq!(page.status, 200);
    let confirmed = c.post_form(&path, &page.csrf(), &[]).await;
    assert_eq!(confirmed.status, 200);
    assert!(confirmed.body.contains("Je bent aangemeld"));
    assert_eq!(
        c.post_form(&path, &page.csrf(), &[]).await.status,
        409,
        "the link works once"
    );

    // Subscribing again: same answer, and no new mail to a confirmed address.
    let before = read_outbox(&s.outbox()).len();
    let again = c
        .post_form("/nieuwsbrief", &form.csrf(), &[("email", "lezer@test.nl")])
        .await;
    assert_eq!(again.texts("main"), ok.texts("main"));
    let api = c
        .post_json(
            "/api/v1/newsletter/subscriptions",
            &json!({"email": "lezer@test.nl"}),
        )
        .await;
    assert_eq!(api.status, 202);
    assert_eq!(api.json()["status"], "confirmation_sent");
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(
        read_outbox(&s.outbox()).len(),
        before,
        "nothing sent to a confirmed address"
    );

    // A new address through the API gets its confirmation mail.
    let other = c
        .post_json(
            "/api/v1/newsletter/subscriptions",
            &json!({"email": "ander@test.nl", "themes": ["binden"]}),
        )
        .await;
    assert_eq!(other.status, 202);
    s.mail("ander@test.nl", "nieuwsbrief").await;
    let invalid = c
        .post_json(
            "/api/v1/newsletter/subscriptions",
            &json!({"email": "x", "themes": ["onbekend"]}),
        )
        .await;
    assert_eq!(invalid.status, 422);

    // Unsubscribe: the link's page, and the RFC 8058 one-click POST that a
    // mail program sends without any form of ours.
    assert_eq!(
        c.get(&format!("/nieuwsbrief/afmelden/{}", "0".repeat(64)))
            .await
            .status,
        404
    );
    assert_eq!(
        c.get("/nieuwsbrief/bevestigen/ongeldig").await.status,
        200,
        "a page with a button; the POST decides"
    );
}

#[tokio::test]
async fn one_click_unsubscribe_needs_no_form_token() {
    let s = Server::start().await;
    let c = s.client();
    let r = c
        .post_json(
            "/api/v1/newsletter/subscriptions",
            &json!({"email": "weg@test.nl"}),
        )
        .await;
    assert_eq!(r.status, 202);
    let mail = s.mail("weg@test.nl", "nieuwsbrief").await;
    let confirm = mail.link(&s.base).trim_start_matches(&s.base).to_string();
    let page = c.get(&confirm).await;
    assert_eq!(c.post_form(&confirm, &page.csrf(), &[]).await.status, 200);

    // The unsubscribe token of this subscriber, as a newsletter would carry it.
    let token = unsubscribe_token(&s, "weg@test.nl").await;
    let url = s.url(&format!("/nieuwsbrief/afmelden/{token}"));
    let fresh = reqwest::Client::new();
    let one_click = fresh
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("post");
    assert_eq!(one_click.status(), 200);
    assert!(
        one_click
            .text()
            .await
            .expect("body")
            .contains("Je bent afgemeld")
    );
    // Again: harmless.
    let twice = fresh
        .post(&url)
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("post");
    assert_eq!(twice.status(), 200);
}

/// The unsubscribe link a newsletter carries for `email`: an edition is
/// sent, and the path is read from the mail (the database keeps nothing
/// that gives it).
async fn unsubscribe_token(s: &Server, email: &str) -> String {
    let editor = crate::common::editor_api(s).await;
    let r = editor
        .post_json(
            "/api/v1/editor/newsletter/editions",
            &json!({"subject": "Om af te melden", "intro": "Even proberen.",
                    "items": [{"kind": "link", "title": "Agenda", "url": "/agenda"}]}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_str().expect("id").to_string();
    let sent = editor
        .post_json(
            &format!("/api/v1/editor/newsletter/editions/{id}/send"),
            &json!({}),
        )
        .await;
    assert_eq!(sent.status, 202, "{}", sent.body);
    let mail = s.mail(email, "Om af te melden").await;
    let marker = "/nieuwsbrief/afmelden/";
    let at = mail.raw.find(marker).expect("an unsubscribe link") + marker.len();
    mail.raw[at..at + 64].to_string()
}
