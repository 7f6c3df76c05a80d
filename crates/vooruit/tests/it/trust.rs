//! Findings of the security probe (issue 20), each tested through the
//! running server: return paths that leave the site or break a header,
//! reset links that outlive a new password, a flood of registration mails,
//! markup in feeds, line breaks in calendar files, and a client choosing
//! its own address behind the proxy.

use serde_json::json;

use crate::common::{
    EDITOR_EMAIL, EDITOR_PASSWORD, Server, as_refs, read_outbox, story_fields, story_id,
};

const PASSWORD: &str = "een lang genoeg wachtwoord";

#[tokio::test]
async fn a_return_path_never_leaves_the_site_and_bad_characters_never_give_500() {
    let s = Server::start().await;
    let c = s.client();
    // Browsers drop tabs and line breaks and read a backslash as a slash:
    // each of these would lead to evil.example, or break the header.
    for bad in [
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%0D/evil.example",
        "/%5Cevil.example",
        "%2F%5Cevil.example",
        "/%0D%0ASet-Cookie:%20x=1",
        "/%00",
        "https://evil.example/",
    ] {
        let r = c.get(&format!("/taal/en?terug={bad}")).await;
        assert_eq!(r.status, 303, "{bad}: {}", r.body);
        assert_eq!(r.location.as_deref(), Some("/"), "{bad}");
    }
    let r = c.get("/taal/nl?terug=%2Fverhalen%3Fthema%3Dwerven").await;
    assert_eq!(r.location.as_deref(), Some("/verhalen?thema=werven"));

    // The login form's hidden field: the same rules, and the login works
    // (a session and its cookie, not a session row without a cookie).
    s.add_user("lotte@test.nl", "Lotte", "member", PASSWORD);
    for bad in [
        "/\t/evil.example",
        "\n/verhalen",
        "/verhalen\r\nSet-Cookie: a=b",
        "/\0",
    ] {
        let c = s.client();
        let csrf = c.get("/inloggen").await.csrf();
        let r = c
            .post_form(
                "/inloggen",
                &csrf,
                &[
                    ("email", "lotte@test.nl"),
                    ("password", PASSWORD),
                    ("terug", bad),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{bad:?}: {}", r.body);
        assert_eq!(r.location.as_deref(), Some("/"), "{bad:?}");
        assert_eq!(
            c.get("/api/v1/session").await.status,
            200,
            "{bad:?}: signed in"
        );
    }
}

#[tokio::test]
async fn a_new_password_ends_every_other_reset_link() {
    let s = Server::start().await;
    s.add_user("rosa@test.nl", "Rosa", "member", PASSWORD);
    let c = s.client();
    for _ in 0..2 {
        let csrf = c.get("/wachtwoord-vergeten").await.csrf();
        let r = c
            .post_form("/wachtwoord-vergeten", &csrf, &[("email", "rosa@test.nl")])
            .await;
        assert_eq!(r.status, 200);
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let links = loop {
        let links: Vec<String> = read_outbox(&s.outbox())
            .into_iter()
            .filter(|m| m.to.contains("rosa@test.nl") && m.subject.contains("wachtwoord"))
            .map(|m| m.link(&s.base).trim_start_matches(&s.base).to_string())
            .collect();
        if links.len() == 2 || std::time::Instant::now() > deadline {
            break links;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert_eq!(links.len(), 2, "two reset mails");
    assert_ne!(links[0], links[1]);
    // Both work until one is used.
    for l in &links {
        assert_eq!(c.get(l).await.status, 200, "{l}");
    }
    let page = c.get(&links[1]).await;
    let r = c
        .post_form(
            &links[1],
            &page.csrf(),
            &[("password", "het nieuwe wachtwoord")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    // The older link is dead now: it cannot set the password again.
    assert_eq!(c.get(&links[0]).await.status, 409);
    let r = c
        .post_form(
            &links[0],
            &page.csrf(),
            &[("password", "wachtwoord van een ander")],
        )
        .await;
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(
        c.login("rosa@test.nl", "het nieuwe wachtwoord")
            .await
            .status,
        303
    );
}

#[tokio::test]
async fn registering_a_known_address_ten_times_sends_one_mail() {
    // Without the limit on tries per address (tested below), so that the
    // ten all get through to the mail.
    let s = Server::start_with(&["--registration-address-limit", "0"]).await;
    s.add_user("nina@test.nl", "Nina", "member", PASSWORD);
    let c = s.client();
    let csrf = c.get("/registreren").await.csrf();
    for i in 0..10 {
        let r = c
            .post_form(
                "/registreren",
                &csrf,
                &[
                    ("name", "Iemand"),
                    ("email", "nina@test.nl"),
                    ("password", &format!("een ander wachtwoord {i}")),
                ],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(
            r.body.contains("Kijk in je mailbox"),
            "the same answer each time"
        );
    }
    s.mail("nina@test.nl", "al een account").await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let sent = read_outbox(&s.outbox())
        .into_iter()
        .filter(|m| m.to.contains("nina@test.nl"))
        .count();
    assert_eq!(sent, 1, "one mail, not ten");
}

#[tokio::test]
async fn a_feed_carries_a_summary_as_text_never_as_markup() {
    let s = Server::start().await;
    let c = s.client();
    let title = "Markup in een samenvatting";
    let form = c.get("/verhaal-delen").await;
    let mut fields = story_fields(title);
    fields.push((
        "summary",
        "<b>Vet</b> & <script>alert(1)</script><img src=x onerror=alert(2)>".into(),
    ));
    fields.extend([
        ("step", "2".into()),
        ("go", "send".into()),
        ("contact_email", "markup@test.nl".into()),
        ("no_client_info", "ja".into()),
        ("consent", "ja".into()),
    ]);
    let r = c
        .post_form("/verhaal-delen", &form.csrf(), &as_refs(&fields))
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let id = story_id(&editor, title).await;
    let r = editor
        .post_json(&format!("/api/v1/editor/stories/{id}/publish"), &json!({}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);

    let feed = c.get("/verhalen/feed.xml").await;
    assert_eq!(feed.status, 200);
    let channel = rss::Channel::read_from(feed.body.as_bytes()).expect("a valid feed");
    let item = channel
        .items()
        .iter()
        .find(|i| i.title() == Some(title))
        .expect("the story in the feed");
    let description = item.description().expect("description");
    // What a feed reader renders as HTML: escaped text, no tag at all.
    assert!(!description.contains('<'), "{description}");
    assert!(description.contains("&lt;script&gt;"), "{description}");
    assert!(description.contains("&amp;"), "{description}");
}

#[tokio::test]
async fn a_line_break_in_an_event_cannot_end_a_line_of_the_calendar_file() {
    let s = Server::start().await;
    let editor = s.client();
    editor.login(EDITOR_EMAIL, EDITOR_PASSWORD).await;
    let r = editor
        .post_json(
            "/api/v1/editor/events",
            &json!({"kind": "bijeenkomst", "title": "Leren\rvan elkaar; samen, echt",
                    "starts_at": "2031-03-10T14:00:00+01:00", "ends_at": "2031-03-10T16:00:00+01:00",
                    "location": "Zaal 1\rX-INJECTED:ja\r\nZaal 2", "capacity": 10}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let slug = r.json()["slug"].as_str().expect("slug").to_string();
    let ics = s
        .client()
        .get(&format!("/agenda/{slug}/afspraak.ics"))
        .await;
    assert_eq!(ics.status, 200, "{}", ics.body);
    // Every line ends in CRLF; no CR stands on its own.
    let bare_cr = ics
        .body
        .char_indices()
        .any(|(i, ch)| ch == '\r' && !ics.body[i + 1..].starts_with('\n'));
    assert!(!bare_cr, "{:?}", ics.body);
    assert!(!ics.body.contains("\nX-INJECTED"), "{}", ics.body);
    let cal: icalendar::Calendar = ics.body.parse().expect("parses");
    let event = cal
        .components
        .iter()
        .find_map(|c| c.as_event())
        .expect("an event");
    use icalendar::Component;
    assert_eq!(event.get_summary(), Some("Leren\nvan elkaar; samen, echt"));
    assert_eq!(
        icalendar::EventLike::get_location(event),
        Some("Zaal 1\nX-INJECTED:ja\nZaal 2")
    );
}

#[tokio::test]
async fn behind_the_proxy_the_client_cannot_choose_its_own_address() {
    let s = Server::start_with(&["--trust-proxy", "--submission-limit", "2"]).await;
    let send = |n: usize, forwarded: String| {
        let c = s.client();
        async move {
            let body = json!({"kind": "case", "title": format!("Verhaal via de proxy {n}"),
                "context": "Tekst", "lessons": ["Les"], "themes": ["vakmanschap"],
                "contact_email": "proxy@test.nl", "no_client_info": true, "consent": true});
            let r = c
                .http
                .post(c.abs("/api/v1/submissions"))
                .header("x-forwarded-for", forwarded)
                .json(&body)
                .send()
                .await
                .expect("request");
            r.status().as_u16()
        }
    };
    // The client writes a different address first each time; the proxy
    // adds the real one last. The limit of two holds.
    let mut statuses = vec![];
    for n in 0..3 {
        statuses.push(send(n, format!("10.0.0.{n}, 198.51.100.7")).await);
    }
    assert_eq!(statuses, vec![201, 201, 429]);
    // Another real client is counted on its own.
    assert_eq!(send(9, "10.0.0.1, 198.51.100.8".into()).await, 201);
}

#[tokio::test]
async fn registration_is_limited_per_address_and_per_ip_without_telling_which_addresses_exist() {
    let s = Server::start_with(&[
        "--registration-limit",
        "4",
        "--registration-address-limit",
        "2",
    ])
    .await;
    s.add_user("bestaat@test.nl", "Bestaat", "member", PASSWORD);
    let c = s.client();
    let csrf = c.get("/registreren").await.csrf();
    let register = |email: &'static str| {
        let (c, csrf) = (&c, csrf.clone());
        async move {
            c.post_form(
                "/registreren",
                &csrf,
                &[
                    ("name", "Proberen"),
                    ("email", email),
                    ("password", "een lang genoeg wachtwoord"),
                ],
            )
            .await
        }
    };
    // Per address: two tries, for an address with an account exactly as
    // for one without.
    for email in ["bestaat@test.nl", "nieuw@test.nl"] {
        for _ in 0..2 {
            assert_eq!(register(email).await.status, 200, "{email}");
        }
        let r = register(email).await;
        assert_eq!(r.status, 422, "{email}");
        assert!(r.body.contains("te veel aanmeldingen"), "{}", r.body);
        assert_eq!(r.input_value("name").as_deref(), Some("Proberen"), "kept");
    }
    // Per IP address: four tries in all were allowed (two per address
    // above), so a third address is refused too.
    let r = register("derde@test.nl").await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("te veel aanmeldingen"));
    // A form with a mistake does not use up a try.
    let other = s.client();
    let csrf = other.get("/registreren").await.csrf();
    let r = other
        .post_form(
            "/registreren",
            &csrf,
            &[
                ("name", "Kort"),
                ("email", "kort@test.nl"),
                ("password", "kort"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("minstens 10 tekens"), "{}", r.body);
}

/// Finding 10: an address the mailer cannot send to (a double dot) used to
/// pass the form's check and leave a mail job retrying. Now the form says
/// so, keeps what was typed, and nothing is queued; the same on the API.
#[tokio::test]
async fn an_address_the_mailer_cannot_use_is_refused_at_the_door() {
    let s = Server::start().await;
    let c = s.client();
    let pool = s.sql().await;
    let jobs = || async {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs")
            .fetch_one(&pool)
            .await
            .expect("count jobs");
        n
    };
    let before = jobs().await;
    let csrf = c.get("/registreren").await.csrf();
    let r = c
        .post_form(
            "/registreren",
            &csrf,
            &[
                ("name", "Anne de Vries"),
                ("email", "anne..devries@gemeente.nl"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Vul een geldig e-mailadres in"));
    assert!(
        r.body.contains("anne..devries@gemeente.nl"),
        "what was typed stays"
    );
    assert!(r.body.contains("Anne de Vries"));
    let sub = c
        .post_json(
            "/api/v1/newsletter/subscriptions",
            &json!({"email": "nieuws@-gemeente.nl"}),
        )
        .await;
    assert_eq!(sub.status, 422, "{}", sub.body);
    assert_eq!(jobs().await, before, "no mail was queued");
}

/// The `vooruit_csrf` cookie a response sets, if any.
fn csrf_cookie(page: &crate::common::Page) -> Option<String> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("vooruit_csrf="))
        .map(|v| v.split(';').next().unwrap_or("").to_string())
}

/// Finding 12: the form token was the cookie's value (double submit), the
/// same before and after login. Now it is derived from the session once
/// signed in (with the server secret), and signing in sets a new cookie.
#[tokio::test]
async fn the_form_token_belongs_to_the_session_and_changes_at_login() {
    let s = Server::start().await;
    let c = s.client();
    let first = c.get("/inloggen").await;
    let cookie = csrf_cookie(&first).expect("a first visit gets the cookie");
    let before_login = first.csrf();
    assert_ne!(
        before_login, cookie,
        "the cookie alone does not give the token"
    );
    // The cookie's value in the form is refused.
    let forged = c
        .post_form(
            "/inloggen",
            &cookie,
            &[("email", EDITOR_EMAIL), ("password", EDITOR_PASSWORD)],
        )
        .await;
    assert_eq!(forged.status, 400, "{}", forged.body);

    let login = c
        .post_form(
            "/inloggen",
            &before_login,
            &[("email", EDITOR_EMAIL), ("password", EDITOR_PASSWORD)],
        )
        .await;
    assert_eq!(login.status, 303, "{}", login.body);
    let rotated = csrf_cookie(&login).expect("login sets a new visitor cookie");
    assert_ne!(rotated, cookie);
    let after_login = c.get("/").await.csrf();
    assert_ne!(after_login, before_login, "a new token after login");
    // A token from before the login no longer works.
    let stale = c.post_form("/uitloggen", &before_login, &[]).await;
    assert_eq!(stale.status, 400, "{}", stale.body);

    // A second session of the same person has its own token, and one
    // session's token does not work in the other.
    let other = s.client();
    assert_eq!(other.login(EDITOR_EMAIL, EDITOR_PASSWORD).await.status, 303);
    let other_token = other.get("/").await.csrf();
    assert_ne!(other_token, after_login);
    assert_eq!(
        other
            .post_form("/uitloggen", &after_login, &[])
            .await
            .status,
        400
    );

    // The right token works, and signing out changes it again.
    let out = c.post_form("/uitloggen", &after_login, &[]).await;
    assert_eq!(out.status, 303, "{}", out.body);
    assert!(
        csrf_cookie(&out).is_some(),
        "logout sets a new visitor cookie"
    );
    assert_ne!(c.get("/inloggen").await.csrf(), before_login);
}

/// Finding 9: an unknown filter value was logged in full at WARN (5 KB
/// lines, NUL bytes included). Unknown values from a URL are not warnings,
/// and nothing a request sends makes a long log line.
#[tokio::test]
async fn unknown_filter_values_do_not_flood_the_log() {
    let s = Server::start().await;
    let c = s.client();
    let junk = format!("{}%00%0Anep", "x".repeat(5000));
    for path in [
        format!("/zoeken?q=wijk&type={junk}"),
        format!("/zoeken?q=wijk&kind={junk}"),
        "/zoeken?q=wijk&type=onbekend&kind=ook-niet".to_string(),
        format!("/verhalen?soort={junk}"),
        format!("/agenda?soort={junk}"),
    ] {
        let page = c.get(&path).await;
        assert!(
            page.status < 500 && page.status != 0,
            "{path}: {}",
            page.status
        );
    }
    // The search page shows the value as typed, clipped.
    let shown = c.get("/zoeken?q=wijk&type=onbekend").await;
    assert!(shown.body.contains("onbekend"));
    let log = s.log();
    assert!(!log.contains("missing translation"), "{log}");
    assert!(!log.contains(
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    ));
    for line in log.lines() {
        assert!(line.len() < 1000, "a long log line: {}", &line[..200]);
    }
}

/// Finding 11: cancel links (and status and unsubscribe links, made the
/// same way) were stored as mailed, also in the mail queue for good. Now a
/// link is derived from the record's id with the server secret: the
/// database holds nothing that opens it, a re-sent mail carries the same
/// link, sent mails' payloads are emptied after a day, and links mailed
/// before the upgrade keep working (their stored tokens are hashed once).
#[tokio::test]
async fn links_in_mails_are_not_kept_in_the_database() {
    let mut s = Server::start().await;
    let editor = crate::common::editor_api(&s).await;
    let event = |starts: &str, ends: &str| {
        json!({"kind": "bijeenkomst", "title": "Leren van tegenslag", "description": "Een middag samen.",
               "starts_at": starts, "ends_at": ends, "location": "Buurthuis", "region": "utrecht",
               "organiser": "Leernetwerk", "capacity": 10})
    };
    let r = editor
        .post_json(
            "/api/v1/editor/events",
            &event("2030-03-10T14:00:00+01:00", "2030-03-10T17:00:00+01:00"),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let slug = r.json()["slug"].as_str().expect("slug").to_string();
    let reg = s
        .client()
        .post_json(
            &format!("/api/v1/events/{slug}/registrations"),
            &json!({"name": "Lotte", "email": "lotte@test.nl"}),
        )
        .await;
    assert_eq!(reg.status, 201, "{}", reg.body);
    let link = reg.json()["cancel_url"].as_str().expect("url").to_string();
    let token = link.rsplit('/').next().expect("token").to_string();
    assert_eq!(token.len(), 64);
    s.mail("lotte@test.nl", "Leren van tegenslag").await;

    let pool = s.sql().await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT cancel_token FROM registrations")
        .fetch_all(&pool)
        .await
        .expect("tokens");
    assert_eq!(stored.len(), 1);
    assert!(!stored.contains(&token), "the link is not stored");

    // A change to the event mails the same link again.
    let moved = editor
        .put_json(
            &format!("/api/v1/editor/events/{slug}"),
            &event("2030-03-11T14:00:00+01:00", "2030-03-11T17:00:00+01:00"),
        )
        .await;
    assert_eq!(moved.status, 204, "{}", moved.body);
    let changed = s.mail("lotte@test.nl", "Gewijzigd").await;
    assert!(
        changed.text.contains(&token),
        "the same link in the new mail: {token}\n{}",
        changed.text
    );

    // The queue forgets sent mails' addresses and links after a day.
    let pattern = format!("%{token}%");
    let in_queue = |pool: sqlx::AnyPool| {
        let pattern = pattern.clone();
        async move {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE payload LIKE $1")
                .bind(pattern)
                .fetch_one(&pool)
                .await
                .expect("count");
            n
        }
    };
    assert!(
        in_queue(pool.clone()).await >= 2,
        "both mails are in the queue now"
    );
    sqlx::query(
        "UPDATE jobs SET done_at = done_at - 2 * 24 * 3600 * 1000 WHERE done_at IS NOT NULL",
    )
    .execute(&pool)
    .await
    .expect("age the jobs");
    // Links mailed by the release before: a stored, unhashed token.
    let legacy = "c0ffee".repeat(10) + "beef";
    sqlx::query("UPDATE registrations SET cancel_token = $1")
        .bind(&legacy)
        .execute(&pool)
        .await
        .expect("as an older release stored it");
    sqlx::query("DELETE FROM data_conversions")
        .execute(&pool)
        .await
        .expect("before the upgrade");
    pool.close().await;
    // Housekeeping runs at start (and every ten minutes); so does the
    // one-time hashing.
    s.kill_hard();
    s.launch();
    let pool = s.sql().await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while in_queue(pool.clone()).await > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "payloads were not emptied"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let stored: String = sqlx::query_scalar("SELECT cancel_token FROM registrations")
        .fetch_one(&pool)
        .await
        .expect("token");
    assert_ne!(stored, legacy, "the old token is hashed");
    // Both the derived link and the old one still open the registration.
    let c = s.client();
    for t in [&token, &legacy] {
        let page = c.get(&format!("/agenda/afmelden/{t}")).await;
        assert_eq!(page.status, 200, "{t}");
        assert!(page.body.contains("Leren van tegenslag"));
    }
    // A link for another purpose, or with one character changed, does not.
    let mut wrong = token.clone();
    wrong.replace_range(63.., if token.ends_with('0') { "1" } else { "0" });
    assert_eq!(
        c.get(&format!("/agenda/afmelden/{wrong}")).await.status,
        404
    );
}
