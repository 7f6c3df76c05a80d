//! Newsletter editions: compose, preview, test, send over real SMTP
//! (aiosmtpd), unsubscribe from the mail, the archive, and a send that is
//! killed halfway and resumes without double or missing mails.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::common::{Client, EDITOR_EMAIL, EDITOR_PASSWORD, Server, SmtpSink, editor_api};

/// Signs `email` up and confirms it through the link in the mail.
async fn confirmed_subscriber(s: &Server, sink: &SmtpSink, email: &str, themes: &[&str]) {
    let c = s.client();
    let r = c
        .post_json(
            "/api/v1/newsletter/subscriptions",
            &json!({"email": email, "themes": themes}),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    let link = sink.mail(email, "nieuwsbrief").await.link(&s.base);
    let path = link.trim_start_matches(&s.base).to_string();
    let page = c.get(&path).await;
    assert_eq!(c.post_form(&path, &page.csrf(), &[]).await.status, 200);
}

/// Polls the editor API until the edition is sent.
async fn wait_until_sent(editor: &Client, id: &str, secs: u64) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let r = editor
            .get(&format!("/api/v1/editor/newsletter/editions/{id}"))
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let v = r.json();
        if v["edition"]["status"] == "verzonden" {
            return v;
        }
        assert!(Instant::now() < deadline, "not sent within {secs} s: {v}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn header<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
    raw.lines()
        .find(|l| {
            l.len() > name.len()
                && l[..name.len()].eq_ignore_ascii_case(name)
                && l.as_bytes()[name.len()] == b':'
        })
        .map(|l| l[name.len() + 1..].trim())
}

#[tokio::test]
async fn compose_preview_test_send_unsubscribe_and_archive() {
    let sink = SmtpSink::start();
    let url = sink.url();
    let s = Server::start_with(&["--demo", "--smtp-url", &url, "--newsletter-rate", "0"]).await;
    confirmed_subscriber(&s, &sink, "alle@lezers.test", &[]).await;
    confirmed_subscriber(&s, &sink, "werven@lezers.test", &["werven"]).await;
    confirmed_subscriber(&s, &sink, "techniek@lezers.test", &["technologie"]).await;
    confirmed_subscriber(&s, &sink, "weiger@lezers.test", &[]).await;
    // This address's mailbox is gone by the time the newsletter goes out.
    sink.refuse("weiger@lezers.test");
    // Signed up but never confirmed: gets nothing.
    s.client()
        .post_json(
            "/api/v1/newsletter/subscriptions",
            &json!({"email": "onbevestigd@lezers.test"}),
        )
        .await;

    // Only editors.
    let visitor = s.client();
    assert_eq!(visitor.get("/redactie/nieuwsbrief").await.status, 303);
    let editor = s.client();
    assert_eq!(
        editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await.status,
        303
    );

    // A new edition comes with suggested stories from the demo content.
    let list = editor.get("/redactie/nieuwsbrief").await;
    assert_eq!(list.status, 200);
    let created = editor
        .post_form("/redactie/nieuwsbrief", &list.csrf(), &[])
        .await;
    assert_eq!(created.status, 303);
    let path = created.location.clone().expect("location");
    let id = path.rsplit('/').next().expect("id").to_string();
    let form = editor.get(&path).await;
    assert_eq!(form.status, 200);
    let first_title = form.input_value("item-0-title").expect("a suggested item");
    let first_url = form.input_value("item-0-url").expect("its link");
    assert!(first_url.starts_with("/verhalen/"), "{first_url}");

    // Errors are shown next to the field, and what was typed stays.
    let bad = editor
        .post_form(
            &path,
            &form.csrf(),
            &[
                ("subject", ""),
                ("intro", "Welkom, **lezers**."),
                ("item-0-kind", "verhaal"),
                ("item-0-title", &first_title),
                ("item-0-url", &first_url),
                ("item-1-title", "Gevaarlijk"),
                ("item-1-url", "javascript:alert(1)"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Vul dit veld in."), "{}", bad.body);
    assert!(bad.body.contains("Gebruik een pagina van deze site"));
    assert_eq!(
        bad.input_value("item-1-url").as_deref(),
        Some("javascript:alert(1)")
    );
    assert!(bad.body.contains("Welkom, **lezers**."));

    let saved = editor
        .post_form(
            &path,
            &form.csrf(),
            &[
                ("subject", "Nieuwsbrief van de test"),
                ("intro", "Welkom, **lezers**."),
                ("item-0-kind", "verhaal"),
                ("item-0-title", &first_title),
                ("item-0-url", &first_url),
                ("item-0-text", "Lees hoe het ging."),
                ("item-1-title", "Een link naar buiten"),
                ("item-1-url", "https://example.org/lezen"),
                ("themes", "werven"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    // The preview is the mail itself, under a policy that allows no script.
    let preview = editor.get(&format!("{path}/voorbeeld")).await;
    assert_eq!(preview.status, 200);
    assert!(preview.body.contains("<strong>lezers</strong>"));
    assert!(preview.body.contains("https://example.org/lezen"));
    let csp = preview.headers["content-security-policy"]
        .to_str()
        .expect("csp");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    let text = editor.get(&format!("{path}/voorbeeld.txt")).await;
    assert!(text.body.contains(&first_title));

    // A test to the editor only.
    let page = editor.get(&path).await;
    let r = editor
        .post_form(&format!("{path}/test"), &page.csrf(), &[])
        .await;
    assert_eq!(r.status, 303);
    let test = sink
        .mail(EDITOR_EMAIL, "[Test] Nieuwsbrief van de test")
        .await;
    assert!(test.text.contains(&first_title));

    // Sending needs the box ticked; then it goes in the background.
    let r = editor
        .post_form(&format!("{path}/versturen"), &page.csrf(), &[])
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Bekijk eerst het voorbeeld"));
    let r = editor
        .post_form(
            &format!("{path}/versturen"),
            &page.csrf(),
            &[("checked", "ja")],
        )
        .await;
    assert_eq!(r.status, 303);
    let api = editor_api(&s).await;
    let status = wait_until_sent(&api, &id, 30).await;
    // For "werven": everyone without themes, and the werven reader; the
    // technology reader and the unconfirmed address get nothing.
    assert_eq!(status["edition"]["recipients"], 3, "{status}");
    assert_eq!(status["progress"]["sent"], 2, "{status}");
    assert_eq!(status["progress"]["failed"], 1, "refused by the server");

    let mails: Vec<_> = sink
        .mails()
        .into_iter()
        .filter(|m| m.subject == "Nieuwsbrief van de test")
        .collect();
    let to: HashSet<_> = mails.iter().map(|m| m.to.clone()).collect();
    assert_eq!(
        to,
        HashSet::from(["alle@lezers.test".into(), "werven@lezers.test".into()])
    );
    assert_eq!(mails.len(), 2);
    let mail = mails
        .iter()
        .find(|m| m.to == "werven@lezers.test")
        .expect("mail");
    let unsubscribe = header(&mail.raw, "List-Unsubscribe").expect("List-Unsubscribe");
    assert!(
        unsubscribe.starts_with(&format!("<{}/nieuwsbrief/afmelden/", s.base)),
        "{unsubscribe}"
    );
    assert_eq!(
        header(&mail.raw, "List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(header(&mail.raw, "Message-ID").is_some_and(|v| v.contains(&id)));
    let parsed = mail_parser::MessageParser::default()
        .parse(mail.raw.as_bytes())
        .expect("parse");
    let html = parsed.body_html(0).expect("an HTML part");
    let plain = parsed.body_text(0).expect("a text part");
    assert!(html.contains(&format!("{}{first_url}", s.base)), "{html}");
    assert!(plain.contains(&format!("{}{first_url}", s.base)), "{plain}");
    let link = unsubscribe.trim_matches(['<', '>']);
    assert!(
        plain.contains(link),
        "the text part has the unsubscribe link"
    );
    assert!(
        html.contains(link),
        "the HTML part has the unsubscribe link"
    );

    // One click from the mail program (RFC 8058): a POST without our form.
    let one_click = reqwest::Client::new()
        .post(link)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("post");
    assert_eq!(one_click.status(), 200);
    let subs = editor
        .get("/redactie/nieuwsbrief/abonnees?status=afgemeld")
        .await;
    assert!(subs.body.contains("werven@lezers.test"), "{}", subs.body);
    let subs = editor
        .get("/redactie/nieuwsbrief/abonnees?status=bevestigd&q=techniek")
        .await;
    assert!(subs.body.contains("techniek@lezers.test"));
    assert!(!subs.body.contains("alle@lezers.test"));

    // A sent edition cannot change, and is in the archive for everyone.
    let again = editor
        .post_form(&path, &page.csrf(), &[("subject", "Anders"), ("intro", "")])
        .await;
    assert_eq!(again.status, 409);
    let archive = visitor.get("/nieuwsbrief/archief").await;
    assert!(archive.body.contains("Nieuwsbrief van de test"));
    let slug = status["edition"]["slug"].as_str().expect("slug");
    let page = visitor.get(&format!("/nieuwsbrief/archief/{slug}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<strong>lezers</strong>"));
    assert!(
        !page.body.contains("afmelden/"),
        "no one's unsubscribe link"
    );
    let api_archive = visitor.get("/api/v1/newsletter/editions").await;
    assert_eq!(api_archive.json()["items"][0]["slug"], slug);
    // The concept of another edition is not public.
    assert_eq!(
        visitor
            .get(&format!("/redactie/nieuwsbrief/{id}/voorbeeld"))
            .await
            .status,
        303
    );
}

#[tokio::test]
async fn a_send_killed_halfway_resumes_without_double_or_missing_mails() {
    const N: usize = 150;
    let sink = SmtpSink::start();
    let url = sink.url();
    let mut s = Server::start_with(&["--smtp-url", &url, "--newsletter-rate", "40"]).await;
    s.cli(&["demo", "--subscribers", &N.to_string()]);
    let editor = editor_api(&s).await;
    let r = editor
        .post_json(
            "/api/v1/editor/newsletter/editions",
            &json!({
                "subject": "Onderbroken nieuwsbrief",
                "intro": "Deze gaat halverwege mis.",
                "items": [{"kind": "link", "title": "Iets", "url": "/agenda"}]
            }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_str().expect("id").to_string();
    let r = editor
        .post_json(
            &format!("/api/v1/editor/newsletter/editions/{id}/send"),
            &json!({}),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    assert_eq!(r.json()["recipients"], N);
    let again = editor
        .post_json(
            &format!("/api/v1/editor/newsletter/editions/{id}/send"),
            &json!({}),
        )
        .await;
    assert_eq!(again.status, 409, "a second send does nothing");

    // Pull the plug a third of the way.
    sink.wait_for(N / 3, 30).await;
    s.kill_hard();
    let at_kill = sink.mails().len();
    assert!(at_kill < N, "the kill came too late to prove anything");

    s.launch();
    let editor = editor_api(&s).await;
    let status = wait_until_sent(&editor, &id, 90).await;
    assert_eq!(status["progress"]["sent"], N, "{status}");

    let mails = sink.mails();
    let mut ids_per_reader: HashMap<String, HashSet<String>> = HashMap::new();
    for m in &mails {
        let mid = header(&m.raw, "Message-ID")
            .expect("Message-ID")
            .to_string();
        ids_per_reader.entry(m.to.clone()).or_default().insert(mid);
    }
    assert_eq!(ids_per_reader.len(), N, "every subscriber got the mail");
    assert!(
        ids_per_reader.values().all(|ids| ids.len() == 1),
        "nobody got two different mails"
    );
    // At most the one mail in flight at the moment of the kill went out
    // twice, with the same Message-ID.
    assert!(
        mails.len() <= N + 1,
        "{} mails for {N} readers",
        mails.len()
    );
}

#[tokio::test]
async fn the_api_confirms_changes_a_concept_and_unsubscribes() {
    let s = Server::start().await;
    let c = s.client();
    let r = c
        .post_json(
            "/api/v1/newsletter/subscriptions",
            &json!({"email": "api@lezers.test"}),
        )
        .await;
    assert_eq!(r.status, 202);
    let link = s.mail("api@lezers.test", "nieuwsbrief").await.link(&s.base);
    let token = link.rsplit('/').next().expect("token");
    let r = c
        .post_json(
            &format!("/api/v1/newsletter/confirmations/{token}"),
            &json!({}),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let again = c
        .post_json(
            &format!("/api/v1/newsletter/confirmations/{token}"),
            &json!({}),
        )
        .await;
    assert_eq!(again.status, 409, "the link works once");

    let e = editor_api(&s).await;
    let r = e
        .post_json(
            "/api/v1/editor/newsletter/editions",
            &json!({"subject": "Eerste versie"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_str().expect("id").to_string();
    let shown = e
        .get(&format!("/api/v1/editor/newsletter/editions/{id}"))
        .await
        .json();
    assert!(
        !shown["edition"]["items"]
            .as_array()
            .expect("items")
            .is_empty(),
        "suggested items from the demo agenda"
    );
    let bad = e
        .put_json(
            &format!("/api/v1/editor/newsletter/editions/{id}"),
            &json!({"subject": "", "items": [{"kind": "link", "title": "x", "url": "ftp://x"}]}),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("item-0-url"), "{}", bad.body);
    let ok = e
        .put_json(
            &format!("/api/v1/editor/newsletter/editions/{id}"),
            &json!({"subject": "Tweede versie", "items": [{"kind": "link", "title": "Agenda", "url": "/agenda"}]}),
        )
        .await;
    assert_eq!(ok.status, 204, "{}", ok.body);
    let r = e
        .post_json(
            &format!("/api/v1/editor/newsletter/editions/{id}/send"),
            &json!({}),
        )
        .await;
    assert_eq!(r.status, 202);
    assert_eq!(r.json()["recipients"], 1);
    let mail = s.mail("api@lezers.test", "Tweede versie").await;
    assert!(mail.raw.contains("List-Unsubscribe-Post"));
    let late = e
        .put_json(
            &format!("/api/v1/editor/newsletter/editions/{id}"),
            &json!({"subject": "Te laat"}),
        )
        .await;
    assert_eq!(late.status, 409);

    let unsubscribe = mail.link(&format!("{}/nieuwsbrief/afmelden/", s.base));
    let token = unsubscribe.rsplit('/').next().expect("token");
    let http = reqwest::Client::new();
    for _ in 0..2 {
        let r = http
            .delete(s.url(&format!("/api/v1/newsletter/subscriptions/{token}")))
            .send()
            .await
            .expect("delete");
        assert_eq!(r.status(), 204, "harmless to repeat");
    }
    let subs = e
        .get("/api/v1/editor/newsletter/subscribers?status=afgemeld")
        .await
        .json();
    assert_eq!(subs["items"][0]["email"], "api@lezers.test");
}
