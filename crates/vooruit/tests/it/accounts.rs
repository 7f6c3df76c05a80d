//! Accounts: register with e-mail verification, log in and out, reset a
//! password, and a member's own stories.

use crate::common::{Server, as_refs, share_story, story_fields};

#[tokio::test]
async fn register_verify_login_logout() {
    let s = Server::start().await;
    let c = s.client();
    let form = c.get("/registreren").await;
    let bad = c
        .post_form(
            "/registreren",
            &form.csrf(),
            &[
                ("name", "Ali"),
                ("email", "ali@test.nl"),
                ("password", "kort"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("minstens 10 tekens"));
    assert_eq!(bad.input_value("name").as_deref(), Some("Ali"), "name kept");
    assert_eq!(
        bad.input_value("email").as_deref(),
        Some("ali@test.nl"),
        "email kept"
    );
    let ok = c
        .post_form(
            "/registreren",
            &form.csrf(),
            &[
                ("name", "Ali"),
                ("email", "Ali@Test.nl"),
                ("password", "mijn lange wachtwoord"),
            ],
        )
        .await;
    assert_eq!(ok.status, 200);
    assert!(ok.body.contains("Kijk in je mailbox"));

    // Before verifying, logging in is refused with a clear message.
    let early = c.login("ali@test.nl", "mijn lange wachtwoord").await;
    assert_eq!(early.status, 422);
    assert!(early.body.contains("Bevestig eerst je e-mailadres"));

    let mail = s.mail("ali@test.nl", "Bevestig").await;
    let link = mail.link(&s.base);
    let verified = c.get(&link).await;
    assert_eq!(verified.status, 200);
    assert!(verified.body.contains("bevestigd"));
    assert_eq!(c.get(&link).await.status, 409, "a link works once");

    let login = c.login("ali@test.nl", "mijn lange wachtwoord").await;
    assert_eq!(login.status, 303);
    let home = c.get("/").await;
    assert!(home.body.contains("Uitloggen"));
    let me = c.get("/api/v1/session").await.json();
    assert_eq!(me["role"], "lid");

    // Registering the same address again reveals nothing on screen: the
    // owner gets a mail instead.
    // (With the token of the signed-in session: the one from before the
    // login no longer counts.)
    let again = c
        .post_form(
            "/registreren",
            &home.csrf(),
            &[
                ("name", "Iemand"),
                ("email", "ali@test.nl"),
                ("password", "een ander wachtwoord"),
            ],
        )
        .await;
    assert_eq!(again.status, 200);
    assert!(again.body.contains("Kijk in je mailbox"));
    s.mail("ali@test.nl", "al een account").await;

    let logout = c.post_form("/uitloggen", &home.csrf(), &[]).await;
    assert_eq!(logout.status, 303);
    assert_eq!(
        c.get("/api/v1/session").await.status,
        401,
        "session ended on the server"
    );
}

#[tokio::test]
async fn password_reset_sets_a_new_password_and_ends_sessions() {
    let s = Server::start().await;
    s.add_user("bo@test.nl", "Bo", "member", "het oude wachtwoord");
    let other_device = s.client();
    assert_eq!(
        other_device
            .login("bo@test.nl", "het oude wachtwoord")
            .await
            .status,
        303
    );

    let c = s.client();
    let form = c.get("/wachtwoord-vergeten").await;
    let unknown = c
        .post_form(
            "/wachtwoord-vergeten",
            &form.csrf(),
            &[("email", "onbekend@test.nl")],
        )
        .await;
    let known = c
        .post_form(
            "/wachtwoord-vergeten",
            &form.csrf(),
            &[("email", "bo@test.nl")],
        )
        .await;
    assert_eq!(unknown.status, 200);
    assert_eq!(known.status, 200);
    assert_eq!(
        unknown.texts("main"),
        known.texts("main"),
        "same answer, whether the account exists or not"
    );

    let mail = s.mail("bo@test.nl", "wachtwoord").await;
    let link = mail.link(&s.base);
    let path = link.trim_start_matches(&s.base).to_string();
    let page = c.get(&path).await;
    assert_eq!(page.status, 200);
    let short = c
        .post_form(&path, &page.csrf(), &[("password", "kort")])
        .await;
    assert_eq!(short.status, 422);
    let done = c
        .post_form(
            &path,
            &page.csrf(),
            &[("password", "het nieuwe wachtwoord")],
        )
        .await;
    assert_eq!(done.status, 200);
    assert!(done.body.contains("Je wachtwoord is veranderd"));
    assert_eq!(c.get(&path).await.status, 409, "the link is used up");

    assert_eq!(
        other_device.get("/api/v1/session").await.status,
        401,
        "other sessions ended"
    );
    assert_eq!(
        c.login("bo@test.nl", "het oude wachtwoord").await.status,
        422
    );
    assert_eq!(
        c.login("bo@test.nl", "het nieuwe wachtwoord").await.status,
        303
    );
}

#[tokio::test]
async fn members_see_and_edit_their_own_stories() {
    let s = Server::start().await;
    s.add_user("mo@test.nl", "Mo", "member", "mo zijn wachtwoord");
    s.add_user("kim@test.nl", "Kim", "member", "kim haar wachtwoord");
    let mo = s.client();
    mo.login("mo@test.nl", "mo zijn wachtwoord").await;
    share_story(
        &mo,
        "Het verhaal van Mo",
        "Mo",
        "",
        "mo@test.nl",
        true,
        false,
    )
    .await;
    let mine = mo.get("/mijn/verhalen").await;
    assert_eq!(mine.status, 200);
    assert!(mine.body.contains("Het verhaal van Mo"));
    let href = mine
        .html()
        .select(&scraper::Selector::parse("table a").expect("sel"))
        .next()
        .and_then(|a| a.value().attr("href").map(str::to_string))
        .expect("edit link");
    let edit = mo.get(&href).await;
    assert_eq!(edit.status, 200);
    assert_eq!(
        edit.input_value("title").as_deref(),
        Some("Het verhaal van Mo")
    );
    let mut fields = story_fields("Het verhaal van Mo, aangepast");
    fields.retain(|(k, _)| *k != "context");
    fields.push(("context", "Een betere beschrijving van de situatie.".into()));
    let saved = mo.post_form(&href, &edit.csrf(), &as_refs(&fields)).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert!(
        mo.get("/mijn/verhalen")
            .await
            .body
            .contains("Het verhaal van Mo, aangepast")
    );

    // Someone else cannot open it; a visitor is sent to log in.
    let kim = s.client();
    kim.login("kim@test.nl", "kim haar wachtwoord").await;
    assert_eq!(kim.get(&href).await.status, 404);
    assert!(
        !kim.get("/mijn/verhalen")
            .await
            .body
            .contains("Het verhaal van Mo")
    );
    assert_eq!(s.client().get(&href).await.status, 303);
}

#[tokio::test]
async fn cli_user_add_refuses_bad_input() {
    let s = Server::start().await;
    let out = std::process::Command::new(crate::common::bin())
        .env("VOORUIT_DATA_DIR", s.data_dir())
        .env("VOORUIT_DATABASE_URL", &s.db.url)
        .args([
            "user",
            "add",
            "--email",
            "x@test.nl",
            "--name",
            "X",
            "--role",
            "koning",
            "--password-stdin",
        ])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown role"));
}

#[tokio::test]
async fn administrators_give_roles() {
    let s = Server::start().await;
    s.add_user("baas@test.nl", "Baas", "admin", "wachtwoord van de baas");
    s.add_user(
        "nieuw@test.nl",
        "Nieuwe Redacteur",
        "member",
        "wachtwoord van nieuw",
    );
    let member = s.client();
    member.login("nieuw@test.nl", "wachtwoord van nieuw").await;
    assert_eq!(member.get("/redactie").await.status, 403);
    assert_eq!(member.get("/beheer/gebruikers").await.status, 403);

    let admin = s.client();
    admin.login("baas@test.nl", "wachtwoord van de baas").await;
    let page = admin.get("/beheer/gebruikers").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Nieuwe Redacteur"));
    let html = page.html();
    let form_sel = scraper::Selector::parse("form.vo-inline-form[action^=\"/beheer/gebruikers/\"]")
        .expect("sel");
    let action = html
        .select(&form_sel)
        .find(|f| f.inner_html().contains("Nieuwe Redacteur"))
        .and_then(|f| f.value().attr("action").map(str::to_string))
        .expect("role form of the new user");
    let saved = admin
        .post_form(&action, &page.csrf(), &[("role", "redacteur")])
        .await;
    assert_eq!(saved.status, 303);
    // The old session lost its rights with its role; after logging in again
    // the new editor can open the redactie.
    assert_eq!(member.get("/api/v1/session").await.status, 401);
    member.login("nieuw@test.nl", "wachtwoord van nieuw").await;
    assert_eq!(member.get("/redactie").await.status, 200);

    let bad = admin
        .post_form(&action, &page.csrf(), &[("role", "keizer")])
        .await;
    assert_eq!(bad.status, 422);
    let editor = s.client();
    editor
        .login(crate::common::EDITOR_EMAIL, crate::common::EDITOR_PASSWORD)
        .await;
    assert_eq!(editor.get("/beheer/gebruikers").await.status, 403);
}
