//! Organisations: administrators create them with e-mail domains,
//! beheerders invite and remove people, members of the domain join on their
//! own, and nobody outside sees who is in one. Also the test clock, which
//! lets an invitation expire without waiting two weeks.

use serde_json::json;

use crate::common::{MEMBER_PASSWORD, Server, logged_in, post_from};

const PASSWORD: &str = MEMBER_PASSWORD;

#[tokio::test]
async fn organisations_with_domains_invitations_and_members() {
    let s = Server::start().await;
    s.add_user("beheer@vooruit.test", "Bea Beheer", "admin", PASSWORD);
    s.add_user("kees@elders.nl", "Kees Kader", "member", PASSWORD);
    s.add_user(
        "yara@gemeente-voorbeeld.nl",
        "Yara Yildiz",
        "member",
        PASSWORD,
    );
    s.add_user("zeno@zorggroep.nl", "Zeno Zorg", "member", PASSWORD);

    // The administrator creates an organisation; a bad domain is refused
    // next to the field and what was typed stays.
    let admin = logged_in(&s, "beheer@vooruit.test").await;
    let bad = post_from(
        &admin,
        "/beheer/organisaties",
        "/beheer/organisaties",
        &[
            ("name", "Gemeente Voorbeeld"),
            ("kind", "gemeente"),
            ("domains", "geen domein!"),
        ],
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("gemeente-voorbeeld.nl: letters"),
        "message next to the field"
    );
    assert_eq!(
        bad.input_value("name").as_deref(),
        Some("Gemeente Voorbeeld")
    );
    let made = post_from(
        &admin,
        "/beheer/organisaties",
        "/beheer/organisaties",
        &[
            ("name", "Gemeente Voorbeeld"),
            ("kind", "gemeente"),
            ("domains", "Gemeente-Voorbeeld.nl"),
        ],
    )
    .await;
    assert_eq!(made.status, 303, "{}", made.body);
    assert_eq!(
        made.location.as_deref(),
        Some("/organisaties/gemeente-voorbeeld?melding=aangemaakt")
    );
    let list = admin.get("/beheer/organisaties").await;
    assert!(list.body.contains("Gemeente Voorbeeld"));
    // A second organisation cannot claim the same domain.
    let clash = post_from(
        &admin,
        "/beheer/organisaties",
        "/beheer/organisaties",
        &[
            ("name", "Zorggroep Noord"),
            ("kind", "zorgaanbieder"),
            ("domains", "gemeente-voorbeeld.nl\nzorggroep.nl"),
        ],
    )
    .await;
    assert_eq!(clash.status, 422);
    assert!(clash.body.contains("hoort al bij een andere organisatie"));
    let other = post_from(
        &admin,
        "/beheer/organisaties",
        "/beheer/organisaties",
        &[
            ("name", "Zorggroep Noord"),
            ("kind", "zorgaanbieder"),
            ("domains", "zorggroep.nl"),
        ],
    )
    .await;
    assert_eq!(other.status, 303);

    // The administrator invites Kees as beheerder; the link works only for
    // his address, and only once.
    let invited = post_from(
        &admin,
        "/organisaties/gemeente-voorbeeld",
        "/organisaties/gemeente-voorbeeld/uitnodigen",
        &[("email", "Kees@Elders.nl"), ("role", "beheerder")],
    )
    .await;
    assert_eq!(invited.status, 303, "{}", invited.body);
    let mail = s.mail("kees@elders.nl", "Gemeente Voorbeeld").await;
    let link = mail.link(&s.url("/uitnodiging/"));
    let path = link.trim_start_matches(&s.base).to_string();
    // Not signed in: the link leads to the login page first.
    let anon = s.client().get(&path).await;
    assert_eq!(anon.status, 303);
    assert!(
        anon.location
            .as_deref()
            .unwrap_or("")
            .starts_with("/inloggen?terug=")
    );
    // Someone else cannot use it.
    let zeno = logged_in(&s, "zeno@zorggroep.nl").await;
    let wrong = zeno.get(&path).await;
    assert!(
        wrong
            .body
            .contains("Deze uitnodiging is voor kees@elders.nl"),
        "{}",
        wrong.body
    );
    let refused = zeno.post_form(&path, &wrong.csrf(), &[]).await;
    assert_eq!(refused.status, 409);
    let kees = logged_in(&s, "kees@elders.nl").await;
    let accepted = post_from(&kees, &path, &path, &[]).await;
    assert_eq!(accepted.status, 303, "{}", accepted.body);
    let again = kees.get(&path).await;
    assert!(again.body.contains("Deze link werkt niet meer"));

    // Yara's address is on the organisation's domain: she joins alone.
    let yara = logged_in(&s, "yara@gemeente-voorbeeld.nl").await;
    let mine = yara.get("/mijn/organisaties").await;
    assert!(
        mine.body
            .contains("Je e-mailadres hoort bij Gemeente Voorbeeld")
    );
    let joined = post_from(
        &yara,
        "/mijn/organisaties",
        "/mijn/organisaties/gemeente-voorbeeld/aansluiten",
        &[],
    )
    .await;
    assert_eq!(joined.status, 303);
    // Zeno's domain is not this organisation's.
    let not_his = post_from(
        &zeno,
        "/mijn/organisaties",
        "/mijn/organisaties/gemeente-voorbeeld/aansluiten",
        &[],
    )
    .await;
    assert_eq!(not_his.status, 403);

    // Members see each other; only the beheerder sees addresses.
    let as_kees = kees.get("/organisaties/gemeente-voorbeeld").await;
    assert!(
        as_kees.body.contains("Yara Yildiz") && as_kees.body.contains("yara@gemeente-voorbeeld.nl")
    );
    let as_yara = yara.get("/organisaties/gemeente-voorbeeld").await;
    assert_eq!(as_yara.status, 200);
    assert!(as_yara.body.contains("Kees Kader"));
    assert!(
        !as_yara.body.contains("kees@elders.nl"),
        "a member sees no addresses"
    );
    assert!(
        !as_yara.body.contains("/uitnodigen"),
        "a member cannot invite"
    );
    // Outside the organisation: nothing, also through the API.
    assert_eq!(
        zeno.get("/organisaties/gemeente-voorbeeld").await.status,
        403
    );
    assert_eq!(
        zeno.get("/api/v1/organisations/gemeente-voorbeeld")
            .await
            .status,
        403
    );
    let api = yara
        .get("/api/v1/organisations/gemeente-voorbeeld")
        .await
        .json();
    let members = api["members"].as_array().expect("members");
    assert_eq!(members.len(), 2);
    assert!(members.iter().all(|m| m["email"].is_null()), "{api}");
    let mine = yara.get("/api/v1/organisations").await.json();
    assert_eq!(mine["items"][0]["slug"], "gemeente-voorbeeld");
    assert_eq!(mine["items"][0]["role"], "lid");

    // A member cannot remove anyone; the beheerder can.
    let yara_id = members
        .iter()
        .find(|m| m["name"] == "Yara Yildiz")
        .expect("yara")["user_id"]
        .as_str()
        .expect("id")
        .to_string();
    let kees_id = members
        .iter()
        .find(|m| m["name"] == "Kees Kader")
        .expect("kees")["user_id"]
        .as_str()
        .expect("id")
        .to_string();
    let forbidden = post_from(
        &yara,
        "/organisaties/gemeente-voorbeeld",
        &format!("/organisaties/gemeente-voorbeeld/leden/{kees_id}/verwijderen"),
        &[],
    )
    .await;
    assert_eq!(forbidden.status, 403);
    // The last beheerder cannot leave.
    let last = post_from(
        &kees,
        "/organisaties/gemeente-voorbeeld",
        &format!("/organisaties/gemeente-voorbeeld/leden/{kees_id}/verwijderen"),
        &[],
    )
    .await;
    assert_eq!(last.status, 409);
    assert!(last.body.contains("laatste beheerder"));
    let removed = post_from(
        &kees,
        "/organisaties/gemeente-voorbeeld",
        &format!("/organisaties/gemeente-voorbeeld/leden/{yara_id}/verwijderen"),
        &[],
    )
    .await;
    assert_eq!(removed.status, 303);
    assert_eq!(
        yara.get("/organisaties/gemeente-voorbeeld").await.status,
        403
    );

    // The administrators' API.
    let list = admin.get("/api/v1/admin/organisations").await.json();
    // Two made here and the demo organisation.
    assert_eq!(list["total"], 3);
    assert_eq!(yara.get("/api/v1/admin/organisations").await.status, 403);
    let created = admin
        .post_json(
            "/api/v1/admin/organisations",
            &json!({"name": "Welzijn Oost", "kind": "welzijnsorganisatie", "domains": ["welzijnoost.nl"]}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(
        created.headers["location"],
        "/api/v1/organisations/welzijn-oost"
    );
}

#[tokio::test]
async fn the_test_clock_lets_invitations_and_sessions_expire() {
    let s = Server::start_with_env(&[], &[("VOORUIT_MODE", "test")]).await;
    s.add_user("beheer@vooruit.test", "Bea Beheer", "admin", PASSWORD);
    s.add_user("wim@elders.nl", "Wim Wachter", "member", PASSWORD);
    let admin = s.client();
    let r = admin
        .post_json(
            "/api/v1/session",
            &json!({"email": "beheer@vooruit.test", "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status, 200);
    let created = admin
        .post_json(
            "/api/v1/admin/organisations",
            &json!({"name": "Wijkteam Zuid", "kind": "gemeente"}),
        )
        .await;
    assert_eq!(created.status, 201);
    let r = admin
        .post_json(
            "/api/v1/organisations/wijkteam-zuid/invitations",
            &json!({"email": "wim@elders.nl"}),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    let link = s
        .mail("wim@elders.nl", "Wijkteam Zuid")
        .await
        .link(&s.url("/uitnodiging/"));
    let path = link.trim_start_matches(&s.base).to_string();

    // Fifteen days later the invitation has expired, and so has the
    // administrator's session (fourteen days).
    let moved = s
        .client()
        .post_json("/api/test/clock", &json!({"seconds": 15 * 24 * 3600}))
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(admin.get("/api/v1/session").await.status, 401);
    let wim = logged_in(&s, "wim@elders.nl").await;
    let page = wim.get(&path).await;
    assert!(
        page.body.contains("Deze link werkt niet meer"),
        "{}",
        page.body
    );
    let late = wim.post_form(&path, &page.csrf(), &[]).await;
    assert_eq!(late.status, 409);
}

#[tokio::test]
async fn test_settings_are_refused_in_production_mode() {
    let s = Server::start_with(&[]).await;
    // The clock cannot be moved.
    let r = s
        .client()
        .post_json("/api/test/clock", &json!({"seconds": 3600}))
        .await;
    assert_eq!(r.status, 404);
    // A fault point is refused outright.
    let out = std::process::Command::new(crate::common::bin())
        .args(["migrate"])
        .env("VOORUIT_DATA_DIR", s.data_dir())
        .env("VOORUIT_DATABASE_URL", &s.db.url)
        .env("VOORUIT_TEST_FAULT", "events.message_registrants:1")
        .env_remove("VOORUIT_MODE")
        .output()
        .expect("run vooruit");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("refused in production mode"),
        "{out:?}"
    );
}
