//! Browsing the public site: pages, languages, lists, filters, errors.

use crate::common::Server;

#[tokio::test]
async fn public_pages_answer_in_dutch_with_one_h1_and_a_title() {
    let s = Server::start().await;
    let c = s.client();
    let list = c.get("/api/v1/stories").await.json();
    let slug = list["items"][0]["slug"]
        .as_str()
        .expect("a demo story")
        .to_string();
    for path in [
        "/".to_string(),
        "/verhalen".into(),
        format!("/verhalen/{slug}"),
        "/themas".into(),
        "/themas/werven".into(),
        "/over".into(),
        "/toegankelijkheid".into(),
        "/privacy".into(),
        "/verhaal-delen".into(),
        "/inloggen".into(),
        "/registreren".into(),
        "/wachtwoord-vergeten".into(),
        "/nieuwsbrief".into(),
        "/agenda".into(),
        "/zoeken?q=zorg".into(),
    ] {
        let p = c.get(&path).await;
        assert_eq!(p.status, 200, "{path}");
        assert!(p.body.contains("<html lang=\"nl\">"), "{path} has lang=nl");
        assert_eq!(p.texts("h1").len(), 1, "{path} has exactly one h1");
        assert!(!p.texts("title")[0].is_empty(), "{path} has a title");
        assert!(
            p.body.contains("href=\"#inhoud\""),
            "{path} has a skip link"
        );
        // No untranslated keys leak into the page.
        assert!(
            !p.body.contains(">error-") && !p.body.contains(">field-"),
            "{path} shows a raw key"
        );
        // Every visible form control has a label.
        let html = p.html();
        let controls = scraper::Selector::parse("input:not([type=hidden]), select, textarea")
            .expect("selector");
        for control in html.select(&controls) {
            let id = control
                .value()
                .attr("id")
                .unwrap_or_else(|| panic!("{path}: control without id"));
            let label =
                scraper::Selector::parse(&format!("label[for=\"{id}\"]")).expect("selector");
            assert!(
                html.select(&label).next().is_some(),
                "{path}: #{id} has no label"
            );
        }
    }
}

#[tokio::test]
async fn english_via_switch_and_accept_language() {
    let s = Server::start().await;
    let c = s.client();
    let nl = c.get("/verhalen").await;
    assert!(nl.body.contains("Alle verhalen"));
    let switch = c.get("/taal/en?terug=%2Fverhalen").await;
    assert_eq!(switch.status, 303);
    assert_eq!(switch.location.as_deref(), Some("/verhalen"));
    let en = c.get("/verhalen").await;
    assert!(en.body.contains("<html lang=\"en\">"));
    assert!(en.body.contains("All stories"), "English list title");
    assert!(en.body.contains(">Nederlands<"), "switch back offered");
    c.get("/taal/nl?terug=%2F").await;
    assert!(c.get("/verhalen").await.body.contains("Alle verhalen"));

    // A foreign site cannot use the switch to redirect elsewhere.
    let evil = c.get("/taal/en?terug=%2F%2Fevil.example").await;
    assert_eq!(evil.location.as_deref(), Some("/"));

    // A fresh visitor whose browser prefers English gets English.
    let fresh = reqwest::Client::new()
        .get(s.url("/"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .expect("get");
    assert!(
        fresh
            .text()
            .await
            .expect("body")
            .contains("<html lang=\"en\">")
    );
}

#[tokio::test]
async fn story_list_filters_and_paginates() {
    let s = Server::start().await;
    let c = s.client();
    let all = c.get("/api/v1/stories").await.json();
    let total = all["total"].as_i64().expect("total");
    assert!(total >= 10, "demo has stories");
    let koplopers = c.get("/api/v1/stories?kind=koploper").await.json();
    let items = koplopers["items"].as_array().expect("items");
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["kind"] == "koploper"));
    assert!(koplopers["total"].as_i64() < Some(total));

    let werven = c.get("/api/v1/stories?theme=werven").await.json();
    assert!(werven["items"].as_array().expect("items").iter().all(|i| {
        i["themes"]
            .as_array()
            .expect("themes")
            .iter()
            .any(|t| t == "werven")
    }));

    let html = c.get("/verhalen?kind=koploper").await;
    assert_eq!(html.status, 200);
    assert_eq!(html.texts(".vo-card").len(), items.len());
    // An unknown filter value is ignored rather than an error.
    assert_eq!(
        c.get("/verhalen?kind=bestaat-niet&page=abc").await.status,
        200
    );
    // Page 2 of a short list is empty but fine; the pager shows when needed.
    let p2 = c.get("/api/v1/stories?page=2").await.json();
    assert_eq!(p2["page"], 2);
    assert_eq!(p2["per_page"], 20);
    // Newest first.
    let dates: Vec<i64> = all["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["published_at"].as_i64().expect("date"))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
}

#[tokio::test]
async fn story_page_shows_sections_and_unknown_pages_get_a_friendly_404() {
    let s = Server::start().await;
    let c = s.client();
    let list = c.get("/api/v1/stories?kind=falend-vooruit").await.json();
    let slug = list["items"][0]["slug"].as_str().expect("slug");
    let page = c.get(&format!("/verhalen/{slug}")).await;
    assert_eq!(page.status, 200);
    let headings = page.texts("h2");
    assert!(headings.iter().any(|h| h == "De situatie"), "{headings:?}");
    assert!(
        headings.iter().any(|h| h == "Wat we leerden"),
        "{headings:?}"
    );

    let missing = c.get("/verhalen/bestaat-echt-niet").await;
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Pagina niet gevonden"));
    assert!(missing.body.contains("<html lang=\"nl\">"));
    let nowhere = c.get("/helemaal/niets/hier").await;
    assert_eq!(nowhere.status, 404);
    assert!(nowhere.body.contains("Naar de homepagina"));
}

#[tokio::test]
async fn health_and_metrics() {
    // /metrics is off unless a token is set (issue 20, finding 12).
    let plain = Server::start_with(&[]).await;
    assert_eq!(plain.client().get("/metrics").await.status, 404);
    drop(plain);
    let s = Server::start_with(&["--demo", "--metrics-token", "meten-is-weten-0123456789"]).await;
    let c = s.client();
    assert_eq!(c.get("/healthz").await.status, 200);
    c.get("/verhalen").await;
    assert_eq!(c.get("/metrics").await.status, 401, "without the token");
    let scrape = |token: &'static str| {
        let url = format!("{}/metrics", s.base);
        async move {
            let r = reqwest::Client::new()
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .expect("GET /metrics");
            let status = r.status().as_u16();
            (status, r.text().await.expect("body"))
        }
    };
    assert_eq!(
        scrape("meten-is-weten-0123456788").await.0,
        401,
        "a wrong token"
    );
    let (status, body) = scrape("meten-is-weten-0123456789").await;
    assert_eq!(status, 200);
    let m = crate::common::Page {
        status,
        body,
        location: None,
        headers: Default::default(),
    };
    assert!(
        m.body
            .contains("vooruit_http_requests_total{class=\"2xx\"}")
    );
    assert!(
        m.body
            .contains("vooruit_http_request_duration_seconds_bucket")
    );
    if s.db.is_postgres() {
        // Take the database away: the node must report itself unhealthy.
        s.db.drop_now().await;
        // (The answer is kept for a second: wait for a new probe.)
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        assert_eq!(c.get("/healthz").await.status, 503);
    }
}

/// RFC 9116: /.well-known/security.txt from the setting, with an expiry
/// less than a year ahead; no setting, no file.
#[tokio::test]
async fn security_txt_says_where_to_report_a_vulnerability() {
    let plain = Server::start_with(&[]).await;
    assert_eq!(
        plain.client().get("/.well-known/security.txt").await.status,
        404
    );
    drop(plain);
    let s = Server::start_with(&[
        "--security-contact",
        "mailto:security@gemeente.example",
        "--security-contact",
        "https://gemeente.example/kwetsbaarheid-melden",
    ])
    .await;
    let page = s.client().get("/.well-known/security.txt").await;
    assert_eq!(page.status, 200);
    assert!(
        page.headers["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/plain")
    );
    let fields: Vec<(&str, &str)> = page
        .body
        .lines()
        .filter_map(|l| l.split_once(": "))
        .collect();
    let values = |name: &str| -> Vec<&str> {
        fields
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| *v)
            .collect()
    };
    assert_eq!(
        values("Contact"),
        [
            "mailto:security@gemeente.example",
            "https://gemeente.example/kwetsbaarheid-melden"
        ]
    );
    let expires = chrono::DateTime::parse_from_rfc3339(values("Expires")[0]).expect("RFC 3339");
    let ahead = expires.signed_duration_since(chrono::Utc::now());
    assert!(
        ahead > chrono::Duration::days(30) && ahead < chrono::Duration::days(365),
        "{ahead}"
    );
    assert_eq!(
        values("Canonical"),
        [format!("{}/.well-known/security.txt", s.base).as_str()]
    );
    assert_eq!(values("Preferred-Languages"), ["nl, en"]);
    // A contact that is not an address stops the start, with a message.
    let refused = s
        .try_cli(&[
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--security-contact",
            "bel ons",
        ])
        .expect_err("refused");
    assert!(refused.contains("mailto: or https:"), "{refused}");
}
