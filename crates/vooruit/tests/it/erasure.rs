//! Issue 21, the AVG right to erasure: a member deletes their account, or
//! an administrator does it on their request. Afterwards no column that
//! holds a user id or an e-mail address names them (read from the live
//! schema, on SQLite and PostgreSQL), their published stories stay without
//! a name or are gone, as they chose, and their place at a meeting goes to
//! the waiting list.

use serde_json::json;

use crate::common::{
    Client, MEMBER_PASSWORD, Server, api_login, editor_api, group_with, logged_in, post_from,
    user_id,
};
use crate::privacy::personal_columns;

/// Shares a story with the member's own session, name shown; publishes it
/// when `publish`. Returns (story id, slug when published).
async fn her_story(
    s: &Server,
    member: &Client,
    title: &str,
    email: &str,
    publish: bool,
) -> (String, String) {
    let r = member
        .post_json(
            "/api/v1/submissions",
            &json!({"kind": "case", "title": title, "context": "Wat er in de wijk gebeurde.",
                    "lessons": ["Vraag het de bewoners zelf"], "themes": ["innovatie"],
                    "name": "Mira Jansen", "organisation": "Wijkteam Noord",
                    "show_name": true, "show_organisation": true,
                    "contact_email": email, "no_client_info": true, "consent": true}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    if !publish {
        let e = editor_api(s).await;
        return (crate::common::story_id(&e, title).await, String::new());
    }
    crate::common::publish_queued(s, title).await
}

/// A meeting with one place: returns its slug.
async fn meeting_with_one_place(s: &Server) -> String {
    let r = editor_api(s)
        .await
        .post_json(
            "/api/v1/editor/events",
            &json!({"kind": "bijeenkomst", "title": "Intervisie wijkteams", "description": "Samen leren.",
                    "starts_at": "2030-05-12T14:00:00+02:00", "ends_at": "2030-05-12T16:00:00+02:00",
                    "location": "Buurthuis De Linde", "region": "utrecht", "organiser": "Leernetwerk", "capacity": 1}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.json()["slug"].as_str().expect("slug").to_string()
}

async fn register(s: &Server, slug: &str, name: &str, email: &str) -> String {
    let r = s
        .client()
        .post_json(
            &format!("/api/v1/events/{slug}/registrations"),
            &json!({"name": name, "email": email, "organisation": "Wijkteam Noord"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.json()["status"].as_str().expect("status").to_string()
}

/// Every (table.column, rows) that still names the person by id or address.
async fn still_named(s: &Server, id: &str, email: &str) -> Vec<String> {
    let pool = s.sql().await;
    let mut columns = personal_columns(s).await;
    // Not caught by the name pattern, but naming a person all the same.
    columns.push(("story_revisions".into(), "editor_id".into()));
    columns.push(("throttle_events".into(), "bucket".into()));
    assert!(columns.len() > 20, "{columns:?}");
    let mut found = Vec::new();
    for (table, column) in columns {
        let sql = format!(
            "SELECT COUNT(*) FROM {table} WHERE {column} = $1 OR {column} = $2 \
             OR {column} LIKE '%' || $1 || '%'"
        );
        let n: i64 = sqlx::query_scalar(&sql)
            .bind(id)
            .bind(email)
            .fetch_one(&pool)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        if n > 0 {
            found.push(format!("{table}.{column}: {n}"));
        }
    }
    found
}

#[tokio::test]
async fn a_member_deletes_her_account_and_nothing_names_her_afterwards() {
    let s = Server::start().await;
    let email = "mira@test.nl";
    s.add_user(email, "Mira Jansen", "member", MEMBER_PASSWORD);
    s.add_user("fenna@test.nl", "Fenna de Vries", "member", MEMBER_PASSWORD);
    let mira_id = user_id(&s, email).await;

    // Her things: a published story and one still with the editors, a
    // place at a full meeting, the newsletter, a learning group.
    let api = api_login(&s, email).await;
    let (published_id, slug) = her_story(&s, &api, "Bewoners aan tafel", email, true).await;
    let (draft_id, _) = her_story(&s, &api, "Nog niet af", email, false).await;
    let meeting = meeting_with_one_place(&s).await;
    assert_eq!(
        register(&s, &meeting, "Mira Jansen", email).await,
        "bevestigd"
    );
    assert_eq!(
        register(&s, &meeting, "Bart Smit", "bart@test.nl").await,
        "wachtlijst"
    );
    let sub = s
        .client()
        .post_json("/api/v1/newsletter/subscriptions", &json!({"email": email}))
        .await;
    assert_eq!(sub.status, 202);
    // The demo edition "sent" to her, and a mistyped password counted.
    let pool = s.sql().await;
    sqlx::query(
        "INSERT INTO newsletter_deliveries (edition_id, subscriber_id, status) \
         SELECT (SELECT id FROM newsletter_editions ORDER BY id LIMIT 1), id, 'verstuurd' \
         FROM newsletter_subscribers WHERE email = $1",
    )
    .bind(email)
    .execute(&pool)
    .await
    .expect("a delivery");
    assert_ne!(
        s.client().login(email, "verkeerd wachtwoord").await.status,
        303
    );
    let fenna = logged_in(&s, "fenna@test.nl").await;
    group_with(&s, &fenna, "Wijkteam Noord leert", &[email]).await;
    let story_page = s.client().get(&format!("/verhalen/{slug}")).await;
    assert_eq!(story_page.status, 200);
    assert!(story_page.body.contains("Mira Jansen"), "name shown before");
    assert!(!still_named(&s, &mira_id, email).await.is_empty());
    let members_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM learning_group_members")
        .fetch_one(&pool)
        .await
        .expect("count");

    let mira = logged_in(&s, email).await;
    let data = mira.get("/mijn/gegevens").await;
    assert!(data.body.contains("/mijn/account/verwijderen"), "linked");
    let form = mira.get("/mijn/account/verwijderen").await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Je account verwijderen"));

    // No choice made, then a wrong password: refused, the choice kept,
    // nothing deleted.
    let none = mira
        .post_form(
            "/mijn/account/verwijderen",
            &form.csrf(),
            &[("password", MEMBER_PASSWORD)],
        )
        .await;
    assert_eq!(none.status, 422);
    assert!(
        none.body
            .contains("Kies wat er met je gepubliceerde verhalen")
    );
    let wrong = mira
        .post_form(
            "/mijn/account/verwijderen",
            &form.csrf(),
            &[("stories", "anoniem"), ("password", "niet mijn wachtwoord")],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("Dit wachtwoord klopt niet."));
    let kept = wrong.html();
    let checked = scraper::Selector::parse("input#stories-anoniem[checked]").expect("selector");
    assert_eq!(kept.select(&checked).count(), 1, "her choice is kept");
    assert_eq!(mira.get("/mijn/gegevens").await.status, 200, "still there");

    let done = mira
        .post_form(
            "/mijn/account/verwijderen",
            &form.csrf(),
            &[("stories", "anoniem"), ("password", MEMBER_PASSWORD)],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.location.as_deref(), Some("/account/verwijderd"));
    let bye = mira.get("/account/verwijderd").await;
    assert!(bye.body.contains("Je account is verwijderd"));

    // Signed out, and she cannot sign in again.
    assert_eq!(mira.get("/mijn/gegevens").await.status, 303);
    assert_ne!(s.client().login(email, MEMBER_PASSWORD).await.status, 303);

    // Her published story stays, without her name or organisation; the
    // one not published is gone.
    let after = s.client().get(&format!("/verhalen/{slug}")).await;
    assert_eq!(after.status, 200);
    assert!(after.body.contains("Bewoners aan tafel"));
    assert!(!after.body.contains("Mira Jansen"), "name gone");
    assert!(!after.body.contains("Wijkteam Noord"), "organisation gone");
    let api_story = s.client().get(&format!("/api/v1/stories/{slug}")).await;
    assert!(!api_story.body.contains("Mira"), "{}", api_story.body);
    let stories: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM stories WHERE id IN ($1, $2)")
        .bind(&published_id)
        .bind(&draft_id)
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(stories, 1, "the draft is deleted, the published one kept");

    // Her place went to the waiting list; the registration row stays for
    // the numbers, without her.
    let moved = s.mail("bart@test.nl", "Er is een plek voor je").await;
    assert!(moved.text.contains("/agenda/afmelden/"));
    let registrations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registrations")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(registrations, 2);

    // One last mail to her, and then nothing anywhere names her.
    let last = s.mail(email, "Je account is verwijderd").await;
    assert!(last.text.contains("zonder je naam"));
    assert_eq!(still_named(&s, &mira_id, email).await, Vec::<String>::new());
    let deliveries: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM newsletter_deliveries d WHERE NOT EXISTS \
         (SELECT 1 FROM newsletter_subscribers n WHERE n.id = d.subscriber_id)",
    )
    .fetch_one(&pool)
    .await
    .expect("count");
    assert_eq!(deliveries, 0);
    // The group goes on without her.
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM learning_group_members")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(members, members_before - 1, "Fenna's group goes on");
}

#[tokio::test]
async fn an_administrator_deletes_an_account_on_request() {
    let s = Server::start().await;
    s.add_user("beheer@test.nl", "Bea Beheer", "admin", MEMBER_PASSWORD);
    s.add_user("kees@test.nl", "Kees Bakker", "member", MEMBER_PASSWORD);
    let kees_id = user_id(&s, "kees@test.nl").await;
    let kees = api_login(&s, "kees@test.nl").await;
    let (_, slug) = her_story(&s, &kees, "Kees zijn buurtproject", "kees@test.nl", true).await;
    assert_eq!(
        s.client().get(&format!("/verhalen/{slug}")).await.status,
        200
    );

    let admin = logged_in(&s, "beheer@test.nl").await;
    let list = admin.get("/beheer/gebruikers").await;
    let path = format!("/beheer/gebruikers/{kees_id}/verwijderen");
    assert!(list.body.contains(&path), "a delete link per account");
    let form = admin.get(&path).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("kees@test.nl"));

    // The wrong address typed: refused, what was typed kept.
    let wrong = admin
        .post_form(
            &path,
            &form.csrf(),
            &[("stories", "intrekken"), ("confirm", "kees@elders.nl")],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("Dit is niet het e-mailadres"));
    assert_eq!(
        wrong.input_value("confirm").as_deref(),
        Some("kees@elders.nl")
    );

    let done = admin
        .post_form(
            &path,
            &form.csrf(),
            &[("stories", "intrekken"), ("confirm", "Kees@Test.nl ")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let list = admin.get("/beheer/gebruikers?verwijderd=1").await;
    assert!(list.body.contains("Het account is verwijderd."));
    assert!(!list.body.contains("kees@test.nl"));
    // He chose (through the administrator) to withdraw: the story is gone.
    assert_eq!(
        s.client().get(&format!("/verhalen/{slug}")).await.status,
        404
    );
    assert_eq!(
        still_named(&s, &kees_id, "kees@test.nl").await,
        Vec::<String>::new()
    );
    s.mail("kees@test.nl", "Je account is verwijderd").await;

    // The last administrator cannot delete herself: someone must be left
    // to run the site. (The demo content has an administrator too.)
    sqlx::query(
        "UPDATE users SET role = 'lid' WHERE role = 'beheerder' AND email <> 'beheer@test.nl'",
    )
    .execute(&s.sql().await)
    .await
    .expect("only one administrator left");
    let own = post_from(
        &admin,
        "/mijn/account/verwijderen",
        "/mijn/account/verwijderen",
        &[("stories", "anoniem"), ("password", MEMBER_PASSWORD)],
    )
    .await;
    assert_eq!(own.status, 409, "{}", own.body);
    assert!(own.body.contains("laatste beheerdersaccount"));
    assert_eq!(admin.get("/beheer/gebruikers").await.status, 200);
}
