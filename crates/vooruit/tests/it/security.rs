//! What must never happen: identities leaking, scripts reaching a page,
//! forged forms, unlimited password guessing, missing security headers.

use serde_json::json;

use crate::common::{Client, EDITOR_EMAIL, EDITOR_PASSWORD, Server, share_story, story_id};

async fn publish(editor: &Client, title: &str) -> String {
    let id = story_id(editor, title).await;
    let res = editor
        .post_json(&format!("/api/v1/editor/stories/{id}/publish"), &json!({}))
        .await;
    assert_eq!(res.status, 200, "{}", res.body);
    res.json()["url"]
        .as_str()
        .expect("url")
        .rsplit('/')
        .next()
        .expect("slug")
        .to_string()
}

#[tokio::test]
async fn hidden_name_and_contact_address_never_appear_in_public() {
    let s = Server::start().await;
    let c = s.client();
    let title = "Roosteren zonder planner liep vast";
    share_story(
        &c,
        title,
        "Geheime Naam",
        "Geheime Zorggroep",
        "verborgen@adres.test",
        false,
        false,
    )
    .await;
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let slug = publish(&editor, title).await;

    let visitor = s.client();
    let story = visitor.get(&format!("/verhalen/{slug}")).await;
    assert_eq!(story.status, 200);
    assert!(story.body.contains("anoniem"), "shown as anonymous");
    for path in [
        "/".to_string(),
        "/verhalen".into(),
        format!("/verhalen/{slug}"),
        "/themas/innovatie".into(),
        "/api/v1/stories".into(),
        format!("/api/v1/stories/{slug}"),
        "/api/v1/stories?theme=innovatie".into(),
    ] {
        let body = visitor.get(&path).await.body;
        assert!(body.contains(title), "{path} shows the story");
        for secret in ["Geheime Naam", "Geheime Zorggroep", "verborgen@adres.test"] {
            assert!(!body.contains(secret), "{secret} leaked on {path}");
        }
    }
}

#[tokio::test]
async fn script_and_javascript_links_never_reach_a_page() {
    let s = Server::start().await;
    let c = s.client();
    let title = "Een verhaal met <script>alert('titel')</script> erin";
    let res = c
        .post_json(
            "/api/v1/submissions",
            &json!({
                "kind": "column",
                "title": title,
                "context": "Tekst <script>alert('x')</script> en <img src=x onerror=alert(1)> en [klik](javascript:alert(2)) en <a href=\"javascript:alert(3)\" onclick=\"steal()\">link</a>.",
                "lessons": ["<script>alert('les')</script>Een les"],
                "themes": ["lerend-werken"],
                "contact_email": "schrijver@test.nl",
                "no_client_info": true,
                "consent": true
            }),
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let slug = publish(&editor, title).await;
    let page = c.get(&format!("/verhalen/{slug}")).await;
    assert_eq!(page.status, 200);
    let html = page.html();
    let all = scraper::Selector::parse("*").expect("selector");
    for el in html.select(&all) {
        assert_ne!(
            el.value().name(),
            "script",
            "a script element reached the page"
        );
        for (name, value) in el.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "event handler {name} reached the page"
            );
            assert!(
                !value.trim_start().to_lowercase().starts_with("javascript:"),
                "javascript: link reached the page"
            );
        }
    }
    assert!(
        page.texts("h1")[0].contains("<script>alert"),
        "the title is shown as text, not dropped: {:?}",
        page.texts("h1")
    );
    let csp = page.headers["content-security-policy"]
        .to_str()
        .expect("csp");
    assert!(!csp.contains("unsafe-inline"));
}

#[tokio::test]
async fn forms_need_the_csrf_token_and_the_api_needs_json_and_a_session() {
    let s = Server::start().await;
    let c = s.client();
    c.get("/inloggen").await;
    // A form post without the token (as a foreign site would send it).
    let forged = c
        .post_form(
            "/inloggen",
            "",
            &[("email", EDITOR_EMAIL), ("password", EDITOR_PASSWORD)],
        )
        .await;
    assert_eq!(forged.status, 400);
    assert!(forged.body.contains("Dit formulier is verlopen"));
    let wrong = c
        .post_form(
            "/inloggen",
            &"0".repeat(64),
            &[("email", EDITOR_EMAIL), ("password", EDITOR_PASSWORD)],
        )
        .await;
    assert_eq!(wrong.status, 400);
    assert!(
        c.get("/api/v1/session").await.status == 401,
        "not logged in"
    );

    // The API refuses form-encoded posts (a cross-site form could send those).
    let form_api = c
        .http
        .post(s.url("/api/v1/session"))
        .form(&[("email", EDITOR_EMAIL), ("password", EDITOR_PASSWORD)])
        .send()
        .await
        .expect("post");
    assert_eq!(form_api.status(), 400);
    assert_eq!(
        form_api.headers()["content-type"],
        "application/problem+json"
    );

    // Editor calls without a session: 401 problem.
    let anon = c
        .post_json("/api/v1/editor/stories/abc/publish", &json!({}))
        .await;
    assert_eq!(anon.status, 401);
    assert_eq!(anon.headers["content-type"], "application/problem+json");
    assert!(
        anon.json()["detail"]
            .as_str()
            .expect("detail")
            .contains("Log in")
    );

    // Malformed JSON and invalid fields: translated problems with field errors.
    let bad = c
        .http
        .post(s.url("/api/v1/submissions"))
        .header("content-type", "application/json")
        .body("{nope")
        .send()
        .await
        .expect("post");
    assert_eq!(bad.status(), 400);
    let invalid = c
        .http
        .post(s.url("/api/v1/submissions"))
        .header("accept-language", "en")
        .json(&json!({"kind": "case", "title": "", "context": "", "lessons": [], "themes": [], "contact_email": "nee", "no_client_info": false, "consent": false}))
        .send()
        .await
        .expect("post");
    assert_eq!(invalid.status(), 422);
    let problem: serde_json::Value = invalid.json().await.expect("json");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().expect("field"))
        .collect();
    for f in [
        "title",
        "context",
        "lessons",
        "themes",
        "contact_email",
        "no_client_info",
        "consent",
    ] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
    assert!(
        problem["errors"][0]["detail"]
            .as_str()
            .expect("detail")
            .starts_with("Please fill in"),
        "English detail: {problem}"
    );
}

#[tokio::test]
async fn login_is_throttled_per_account() {
    let s = Server::start().await;
    let c = s.client();
    for _ in 0..5 {
        let r = c
            .post_json(
                "/api/v1/session",
                &json!({"email": EDITOR_EMAIL, "password": "fout wachtwoord"}),
            )
            .await;
        assert_eq!(r.status, 422);
    }
    // Even the right password is refused now, with a clear message.
    let r = c
        .post_json(
            "/api/v1/session",
            &json!({"email": EDITOR_EMAIL, "password": EDITOR_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, 429);
    assert!(
        r.json()["detail"]
            .as_str()
            .expect("detail")
            .contains("Te veel pogingen")
    );
    let form = c.get("/inloggen").await;
    let html = c
        .post_form(
            "/inloggen",
            &form.csrf(),
            &[("email", EDITOR_EMAIL), ("password", EDITOR_PASSWORD)],
        )
        .await;
    assert_eq!(html.status, 429);
    assert!(html.body.contains("Te veel pogingen"));
    // Another account is not affected.
    s.add_user(
        "ander@test.nl",
        "Ander",
        "member",
        "nog een lang wachtwoord",
    );
    let other = c
        .post_json(
            "/api/v1/session",
            &json!({"email": "ander@test.nl", "password": "nog een lang wachtwoord"}),
        )
        .await;
    assert_eq!(other.status, 200);
}

#[tokio::test]
async fn password_reset_requests_are_throttled() {
    let s = Server::start().await;
    let c = s.client();
    let form = c.get("/wachtwoord-vergeten").await;
    for _ in 0..3 {
        let r = c
            .post_form(
                "/wachtwoord-vergeten",
                &form.csrf(),
                &[("email", EDITOR_EMAIL)],
            )
            .await;
        assert_eq!(r.status, 200);
    }
    let r = c
        .post_form(
            "/wachtwoord-vergeten",
            &form.csrf(),
            &[("email", EDITOR_EMAIL)],
        )
        .await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn security_headers_on_every_response_and_limits() {
    let s = Server::start().await;
    let c = s.client();
    for path in [
        "/",
        "/verhalen",
        "/api/v1/stories",
        "/bestaat-niet",
        "/healthz",
    ] {
        let p = c.get(path).await;
        let csp = p.headers["content-security-policy"].to_str().expect("csp");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(p.headers["x-content-type-options"], "nosniff", "{path}");
        assert!(p.headers.contains_key("referrer-policy"), "{path}");
        assert!(
            !p.headers.contains_key("strict-transport-security"),
            "no HSTS over plain http"
        );
    }
    // A body over the limit gets 413, as soon as the length is announced
    // (raw HTTP: a client that keeps writing would see the connection close).
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = s.base.trim_start_matches("http://").to_string();
    let mut tcp = tokio::net::TcpStream::connect(&addr)
        .await
        .expect("connect");
    tcp.write_all(
        format!("POST /api/v1/submissions HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{{", 2 * 1024 * 1024).as_bytes(),
    )
    .await
    .expect("write");
    let mut buf = vec![0u8; 64];
    let n = tcp.read(&mut buf).await.expect("read");
    let head = String::from_utf8_lossy(&buf[..n]).to_string();
    assert!(head.starts_with("HTTP/1.1 413"), "{head}");
}

#[tokio::test]
async fn hsts_when_the_site_is_https() {
    let s = Server::start_with(&["--base-url", "https://vooruit.example"]).await;
    let p = s.client().get("/").await;
    assert!(
        p.headers["strict-transport-security"]
            .to_str()
            .expect("hsts")
            .contains("max-age=")
    );
    // Cookies are Secure then.
    let cookie = p.headers["set-cookie"].to_str().expect("cookie");
    assert!(cookie.contains("Secure"));
}

#[tokio::test]
async fn login_is_throttled_per_ip_address() {
    let s = Server::start().await;
    let c = s.client();
    // Guessing across many accounts from one address.
    for i in 0..30 {
        let r = c
            .post_json(
                "/api/v1/session",
                &json!({"email": format!("gok{i}@test.nl"), "password": "fout wachtwoord"}),
            )
            .await;
        assert_eq!(r.status, 422);
    }
    let r = c
        .post_json(
            "/api/v1/session",
            &json!({"email": EDITOR_EMAIL, "password": EDITOR_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn bad_input_never_crashes_the_server() {
    let s = Server::start().await;
    let c = s.client();
    let form = c.get("/verhaal-delen").await;
    let csrf = form.csrf();
    let long = "é".repeat(20_000);
    let weird = "\u{0}\u{202e}<>&\"'";
    for fields in [
        vec![
            ("step", "1"),
            ("kind", weird),
            ("title", long.as_str()),
            ("themes", "bestaat-niet"),
        ],
        vec![
            ("step", "2"),
            ("go", "send"),
            ("title", weird),
            ("lessons", long.as_str()),
        ],
        vec![("step", "9"), ("region", "mars")],
    ] {
        let r = c.post_form("/verhaal-delen", &csrf, &fields).await;
        assert!(
            r.status == 422 || r.status == 200,
            "{}: {}",
            r.status,
            r.body
        );
    }
    // Invalid percent-encoding and binary junk in a form body.
    let junk = c
        .http
        .post(s.url("/verhaal-delen"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}&title=%ZZ%&\u{ff}\u{fe}=%00"))
        .send()
        .await
        .expect("post");
    assert!(junk.status().as_u16() < 500);
    // JSON of the wrong shape.
    for body in [
        json!([]),
        json!({"kind": 5}),
        json!({"lessons": "geen lijst"}),
        json!(null),
    ] {
        let r = c.post_json("/api/v1/submissions", &body).await;
        assert_eq!(r.status, 400, "{body}");
    }
    for path in [
        "/verhalen?page=-5",
        "/verhalen?page=99999999999999999999",
        "/api/v1/stories?page=0",
        "/redactie/verhalen/%00",
        "/verhalen/%E2%80%AE",
    ] {
        assert!(c.get(path).await.status < 500, "{path}");
    }
    assert_eq!(c.get("/healthz").await.status, 200, "still alive");
}
