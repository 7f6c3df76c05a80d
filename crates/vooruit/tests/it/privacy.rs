//! Issue 21, the AVG: personal data is kept no longer than the periods
//! stated (app `retention.rs`, README, /privacy).

use serde_json::json;

use crate::common::{Server, editor_api};

const DAY_MS: i64 = 24 * 3600 * 1000;

async fn one_string(pool: &sqlx::AnyPool, sql: &str, id: &str) -> String {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[tokio::test]
async fn personal_data_is_removed_when_its_time_is_up() {
    let mut s = Server::start().await;
    let now = chrono::Utc::now().timestamp_millis();
    let pool = s.sql().await;

    // Two published stories whose tellers left an address: one published
    // 200 days ago (past the 180), one recently.
    let published: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM stories WHERE status = 'gepubliceerd' ORDER BY id LIMIT 2",
    )
    .fetch_all(&pool)
    .await
    .expect("stories");
    assert_eq!(published.len(), 2);
    for (n, id) in published.iter().enumerate() {
        sqlx::query("UPDATE stories SET contact_email = $1 WHERE id = $2")
            .bind(format!("verteller-{n}@test.nl"))
            .bind(id)
            .execute(&pool)
            .await
            .expect("an address");
    }
    let (old_story, new_story) = (&published[0], &published[1]);
    for (id, days) in [(old_story, 200), (new_story, 10)] {
        sqlx::query("UPDATE stories SET published_at = $1 WHERE id = $2")
            .bind(now - days * DAY_MS)
            .bind(id)
            .execute(&pool)
            .await
            .expect("age");
    }

    // Two events with a registration each: one ended 100 days ago (past
    // the 90), one 10 days ago.
    let editor = editor_api(&s).await;
    let mut registrations = vec![];
    for (title, person) in [
        ("Lang geleden", "toen@test.nl"),
        ("Kort geleden", "net@test.nl"),
    ] {
        let r = editor
            .post_json(
                "/api/v1/editor/events",
                &json!({"kind": "bijeenkomst", "title": title, "description": "Samen leren.",
                        "starts_at": "2030-03-10T14:00:00+01:00", "ends_at": "2030-03-10T17:00:00+01:00",
                        "location": "Buurthuis", "region": "utrecht", "organiser": "Leernetwerk", "capacity": 10}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let slug = r.json()["slug"].as_str().expect("slug").to_string();
        let reg = s
            .client()
            .post_json(
                &format!("/api/v1/events/{slug}/registrations"),
                &json!({"name": "Sam de Bruin", "email": person, "organisation": "Wijkteam Oost"}),
            )
            .await;
        assert_eq!(reg.status, 201, "{}", reg.body);
        let id: String = sqlx::query_scalar("SELECT id FROM registrations WHERE email = $1")
            .bind(person)
            .fetch_one(&pool)
            .await
            .expect("registration");
        registrations.push((slug, id));
    }
    for ((slug, _), days) in registrations.iter().zip([100, 10]) {
        let end = now - days * DAY_MS;
        let aged = sqlx::query("UPDATE events SET starts_at = $1, ends_at = $2 WHERE slug = $3")
            .bind(end - 3 * 3600 * 1000)
            .bind(end)
            .bind(slug)
            .execute(&pool)
            .await
            .expect("age the event");
        assert_eq!(aged.rows_affected(), 1, "{slug}");
    }

    // Two newsletter sign-ups never confirmed: three days ago, and now.
    for email in ["nooit@test.nl", "straks@test.nl"] {
        let r = s
            .client()
            .post_json("/api/v1/newsletter/subscriptions", &json!({"email": email}))
            .await;
        assert_eq!(r.status, 202);
    }
    sqlx::query("UPDATE newsletter_subscribers SET created_at = $1 WHERE email = 'nooit@test.nl'")
        .bind(now - 3 * DAY_MS)
        .execute(&pool)
        .await
        .expect("age");
    let registrations_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registrations")
        .fetch_one(&pool)
        .await
        .expect("count");
    pool.close().await;

    // Housekeeping runs at start and every ten minutes.
    s.kill_hard();
    s.launch();
    let pool = s.sql().await;
    // The old sign-up is the last thing a pass removes: wait for it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let left: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM newsletter_subscribers WHERE email = 'nooit@test.nl'",
        )
        .fetch_one(&pool)
        .await
        .expect("count");
        if left == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the old sign-up was kept"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        one_string(
            &pool,
            "SELECT contact_email FROM stories WHERE id = $1",
            old_story
        )
        .await,
        "",
        "the old address is gone"
    );
    assert!(
        !one_string(
            &pool,
            "SELECT contact_email FROM stories WHERE id = $1",
            new_story
        )
        .await
        .is_empty(),
        "a recent story keeps its teller's address"
    );
    let (old_reg, new_reg) = (&registrations[0].1, &registrations[1].1);
    let who = "SELECT name || '|' || email || '|' || organisation FROM registrations WHERE id = $1";
    assert_eq!(one_string(&pool, who, old_reg).await, "||");
    assert_eq!(
        one_string(&pool, who, new_reg).await,
        "Sam de Bruin|net@test.nl|Wijkteam Oost"
    );
    let registrations_after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registrations")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(
        registrations_after, registrations_before,
        "the numbers stay"
    );
    let sign_ups: Vec<String> = sqlx::query_scalar(
        "SELECT email FROM newsletter_subscribers WHERE email IN ('nooit@test.nl', 'straks@test.nl')",
    )
    .fetch_all(&pool)
    .await
    .expect("sign-ups");
    assert_eq!(sign_ups, ["straks@test.nl"]);
}
