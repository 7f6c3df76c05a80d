//! Issue 21, single sign-on: an organisation's staff log in with its own
//! OpenID Connect provider. The provider is real: npm's `oidc-provider`,
//! started here (`scripts/oidc/provider.mjs`, installed by
//! `scripts/oidc.sh`), with a switch that makes its next ID token wrong in
//! one way (audience, expiry, nonce, signature) to prove each is refused.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::json;

use crate::common::{Client, MEMBER_PASSWORD, Page, Server, logged_in, post_from};

const CLIENT_ID: &str = "vooruit-zuidhaven";
const CLIENT_SECRET: &str = "een geheim van de gemeente Zuidhaven";

/// The provider, as a child process; stopped when dropped.
struct Provider {
    child: Child,
    url: String,
}

impl Provider {
    fn start(redirect_uri: &str) -> Provider {
        let script = std::env::var("VOORUIT_TEST_OIDC_PROVIDER").expect(
            "VOORUIT_TEST_OIDC_PROVIDER is not set: run `. scripts/oidc.sh` first (scripts/test.sh does)",
        );
        let clients = json!([
            {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": [redirect_uri]},
            {"client_id": "een-andere-site", "client_secret": "iets anders", "redirect_uris": ["http://127.0.0.1:9/terug"]},
        ]);
        let mut child = Command::new("node")
            .arg(&script)
            .env("OIDC_CLIENTS", clients.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the OpenID provider (node)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the provider's first line");
        let url = line
            .trim()
            .strip_prefix("listening ")
            .unwrap_or_else(|| panic!("the provider said {line:?}"))
            .to_string();
        Provider { child, url }
    }

    /// Makes the next ID token wrong in the way `change` says.
    async fn spoil_next_token(&self, change: serde_json::Value) {
        let r = reqwest::Client::new()
            .post(format!("{}/test/next-id-token", self.url))
            .json(&change)
            .send()
            .await
            .expect("test switch");
        assert_eq!(r.status(), 204);
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Follows the provider's redirects (and its automatic login) until the
/// browser is sent back to us; returns that URL.
async fn through_provider(c: &Client, to_provider: &Page, base: &str) -> String {
    assert_eq!(to_provider.status, 303, "{}", to_provider.body);
    let mut url = to_provider.location.clone().expect("to the provider");
    for _ in 0..10 {
        if url.starts_with(base) {
            return url;
        }
        let page = c.get(&url).await;
        assert!(
            [302, 303].contains(&page.status),
            "{url}: {} {}",
            page.status,
            page.body
        );
        let next = page.location.expect("redirect");
        url = reqwest::Url::parse(&url)
            .and_then(|u| u.join(&next))
            .expect("url")
            .to_string();
    }
    panic!("still at the provider after 10 redirects: {url}");
}

/// Logs in through the login page's organisation form; returns the URL
/// the provider sent the browser back to, not yet opened.
async fn sso_login(s: &Server, c: &Client, email: &str) -> String {
    let start = post_from(c, "/inloggen", "/inloggen/sso", &[("sso_email", email)]).await;
    through_provider(c, &start, &s.url("")).await
}

/// An organisation with single sign-on: Gemeente Zuidhaven, domain
/// zuidhaven.nl, set up by an administrator through the pages. Returns
/// the provider.
async fn zuidhaven(s: &Server) -> Provider {
    s.add_user("beheer@test.nl", "Bea Beheer", "admin", MEMBER_PASSWORD);
    let admin = logged_in(s, "beheer@test.nl").await;
    let made = post_from(
        &admin,
        "/beheer/organisaties",
        "/beheer/organisaties",
        &[
            ("name", "Gemeente Zuidhaven"),
            ("kind", "gemeente"),
            ("domains", "zuidhaven.nl"),
        ],
    )
    .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let form = admin
        .get("/beheer/organisaties/gemeente-zuidhaven/sso")
        .await;
    assert_eq!(form.status, 200, "{}", form.body);
    let redirect_uri = s.url("/inloggen/sso/terug");
    assert!(
        form.body.contains(&redirect_uri),
        "the page says where to send people back"
    );
    let provider = Provider::start(&redirect_uri);

    let save = |issuer: String| {
        let admin = &admin;
        let csrf = form.csrf();
        async move {
            admin
                .post_form(
                    "/beheer/organisaties/gemeente-zuidhaven/sso",
                    &csrf,
                    &[
                        ("issuer", issuer.as_str()),
                        ("client_id", CLIENT_ID),
                        ("client_secret", CLIENT_SECRET),
                        ("default_role", "lid"),
                        ("enabled", "ja"),
                    ],
                )
                .await
        }
    };
    // Plain http elsewhere than this machine, and an address that is no
    // provider, are refused with what was typed kept.
    let http = save("http://login.zuidhaven.nl".into()).await;
    assert_eq!(http.status, 422);
    assert!(http.body.contains("https://"));
    let nothing = save(s.url("")).await;
    assert_eq!(nothing.status, 422);
    assert!(nothing.body.contains("geen OpenID Connect-inlogdienst"));
    assert_eq!(nothing.input_value("client_id").as_deref(), Some(CLIENT_ID));
    let saved = save(provider.url.clone()).await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    // The client secret is kept sealed, never as typed.
    let sealed: String = sqlx::query_scalar("SELECT client_secret_sealed FROM organisation_sso")
        .fetch_one(&s.sql().await)
        .await
        .expect("stored");
    assert!(!sealed.contains("geheim"), "{sealed}");
    provider
}

#[tokio::test]
async fn staff_log_in_through_their_organisations_provider() {
    let s = Server::start().await;
    let provider = zuidhaven(&s).await;
    let base = s.url("");

    // Someone who never had an account: the login page sends her to the
    // provider with PKCE, state and nonce, and she comes back logged in.
    let mira = s.client();
    let start = post_from(
        &mira,
        "/inloggen",
        "/inloggen/sso",
        &[("sso_email", "mira.jansen@zuidhaven.nl")],
    )
    .await;
    let to = start.location.clone().expect("to the provider");
    assert!(to.starts_with(&provider.url), "{to}");
    for part in [
        "code_challenge_method=S256",
        "code_challenge=",
        "state=",
        "nonce=",
        "login_hint=mira.jansen%40zuidhaven.nl",
    ] {
        assert!(to.contains(part), "{part} in {to}");
    }
    let back = through_provider(&mira, &start, &base).await;
    let done = mira.get(&back).await;
    assert_eq!(done.status, 303, "{}", done.body);
    let mine = mira.get("/mijn/organisaties").await;
    assert_eq!(mine.status, 200);
    assert!(mine.body.contains("Gemeente Zuidhaven"), "a member now");
    let data = mira.get("/mijn/gegevens.json").await.json();
    let users = data["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .find(|t| t["table"] == "users")
        .expect("users")
        .clone();
    assert_eq!(users["rows"][0]["email"], "mira.jansen@zuidhaven.nl");
    assert_eq!(users["rows"][0]["name"], "Mira Jansen");

    // The same way back a second time: the state works once.
    let again = s.client().get(&back).await;
    assert_eq!(again.status, 400);
    assert!(again.body.contains("niet (meer) geldig"));
    let replay = mira.get(&back).await;
    assert_eq!(replay.status, 400, "not even in her own browser");

    // A second login is the same account.
    let twice = s.client();
    let back = sso_login(&s, &twice, "mira.jansen@zuidhaven.nl").await;
    assert_eq!(twice.get(&back).await.status, 303);
    let pool = s.sql().await;
    let accounts: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = 'mira.jansen@zuidhaven.nl'")
            .fetch_one(&pool)
            .await
            .expect("count");
    assert_eq!(accounts, 1);

    // Someone with an account already (made with a password) is linked
    // to it by the address the provider vouches for.
    s.add_user(
        "kees@zuidhaven.nl",
        "Kees Bakker",
        "editor",
        MEMBER_PASSWORD,
    );
    let kees = s.client();
    let back = sso_login(&s, &kees, "kees@zuidhaven.nl").await;
    let done = kees.get(&back).await;
    assert_eq!(done.status, 303);
    assert_eq!(
        done.location.as_deref(),
        Some("/redactie"),
        "his own account, an editor"
    );
    let linked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM user_identities i JOIN users u ON u.id = i.user_id WHERE u.email = 'kees@zuidhaven.nl'",
    )
    .fetch_one(&pool)
    .await
    .expect("count");
    assert_eq!(linked, 1);

    // The way back in another browser than the one that left: refused.
    let left = s.client();
    let back = sso_login(&s, &left, "els@zuidhaven.nl").await;
    let other = s.client();
    assert_eq!(other.get(&back).await.status, 400);
    assert_eq!(
        other.get("/mijn/gegevens").await.status,
        303,
        "not logged in"
    );

    // An address outside the organisation's domains never gets in, even
    // when its provider vouches for it.
    let outsider = s.client();
    let start = outsider
        .get("/inloggen/organisatie/gemeente-zuidhaven?adres=iemand%40noordveen.nl")
        .await;
    let back = through_provider(&outsider, &start, &base).await;
    let refused = outsider.get(&back).await;
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("hoort niet bij deze organisatie"));

    // An address the provider has not verified: refused.
    let unverified = s.client();
    let back = sso_login(&s, &unverified, "unverified+jan@zuidhaven.nl").await;
    let refused = unverified.get(&back).await;
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("niet bevestigd"));

    // An address whose domain has no provider: told so, address kept.
    let none = post_from(
        &s.client(),
        "/inloggen",
        "/inloggen/sso",
        &[("sso_email", "piet@elders.nl")],
    )
    .await;
    assert_eq!(none.status, 422);
    assert_eq!(
        none.input_value("sso_email").as_deref(),
        Some("piet@elders.nl")
    );
}

#[tokio::test]
async fn a_wrong_id_token_logs_nobody_in() {
    let s = Server::start().await;
    let provider = zuidhaven(&s).await;
    let pool = s.sql().await;
    for (how, change) in [
        ("another audience", json!({"aud": "een-andere-site"})),
        ("expired", json!({"exp_offset": -300})),
        ("another nonce", json!({"nonce": "niet-de-onze"})),
        ("another issuer", json!({"iss": "https://login.elders.nl"})),
        ("signature broken", json!({"tamper": true})),
    ] {
        let c = s.client();
        let email = "wim@zuidhaven.nl";
        let start = post_from(&c, "/inloggen", "/inloggen/sso", &[("sso_email", email)]).await;
        provider.spoil_next_token(change).await;
        let back = through_provider(&c, &start, &s.url("")).await;
        let refused = c.get(&back).await;
        assert_eq!(refused.status, 400, "{how}: {}", refused.body);
        assert!(
            refused.body.contains("niet kunnen vertrouwen"),
            "{how}: {}",
            refused.body
        );
        assert_eq!(
            c.get("/mijn/gegevens").await.status,
            303,
            "{how}: not logged in"
        );
        let made: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(&pool)
            .await
            .expect("count");
        assert_eq!(made, 0, "{how}: no account made");
    }
    // With the provider behaving again, the same person gets in.
    let c = s.client();
    let back = sso_login(&s, &c, "wim@zuidhaven.nl").await;
    assert_eq!(c.get(&back).await.status, 303);
    assert_eq!(c.get("/mijn/gegevens").await.status, 200);
}
