//! A use case happens completely or not at all, its mails included. A
//! test-only fault point (`VOORUIT_TEST_FAULT=<use case>:<k>`, honoured only
//! with `VOORUIT_MODE=test`) stops a use case right after its k-th write;
//! the test then kills the server the way a power cut would and looks at
//! what the database kept.

use serde_json::json;

use crate::common::{Server, editor_api, share_story, story_id};

/// Mail jobs in the queue whose payload contains `text`, sent or not.
async fn mail_jobs(s: &Server, text: &str) -> i64 {
    let pool = s.sql().await;
    let n = sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM jobs WHERE kind = 'mail' AND payload LIKE $1",
    )
    .bind(format!("%{text}%"))
    .fetch_one(&pool)
    .await
    .expect("count jobs");
    pool.close().await;
    n
}

/// Starts a request that will hang at the fault point, waits until the
/// server says it stopped there, then kills the server.
async fn crash_during(
    s: &mut Server,
    use_case: &str,
    request: impl Future<Output = ()> + Send + 'static,
) {
    let pending = tokio::spawn(request);
    s.wait_for_output(&format!("test fault point: {use_case}"))
        .await;
    s.kill_hard();
    let _ = pending.await;
}

#[tokio::test]
async fn a_message_to_all_registrants_is_queued_for_everyone_or_for_no_one() {
    let mut s = Server::start_with_env(
        &[],
        &[
            ("VOORUIT_MODE", "test"),
            ("VOORUIT_TEST_FAULT", "events.message_registrants:3"),
        ],
    )
    .await;
    let e = editor_api(&s).await;
    let r = e
        .post_json(
            "/api/v1/editor/events",
            &json!({"kind": "bijeenkomst", "title": "Intervisie in de wijk", "description": "Samen terugkijken.",
                    "starts_at": "2030-05-12T14:00:00+02:00", "ends_at": "2030-05-12T16:00:00+02:00",
                    "location": "Buurthuis De Linde", "region": "utrecht", "organiser": "Wijkteam", "capacity": 20}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let slug = r.json()["slug"].as_str().expect("slug").to_string();
    let people = ["a", "b", "c", "d", "e"].map(|p| format!("deelnemer-{p}@test.nl"));
    for email in &people {
        let r = s
            .client()
            .post_json(
                &format!("/api/v1/events/{slug}/registrations"),
                &json!({"name": "Deelnemer", "email": email}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }

    let path = format!("/api/v1/editor/events/{slug}/messages");
    let message = json!({"subject": "Routebeschrijving", "body": "Ingang aan de achterkant."});
    let request = {
        let (http, url, message) = (e.http.clone(), s.url(&path), message.clone());
        async move {
            let _ = http.post(url).json(&message).send().await;
        }
    };
    crash_during(&mut s, "events.message_registrants", request).await;
    let queued = mail_jobs(&s, "Routebeschrijving").await;
    assert_eq!(
        queued,
        0,
        "the crash left {queued} of {} mails queued: some registrants would get the message, others not",
        people.len()
    );

    // After the restart (without the fault point) the editor sends again:
    // everyone gets it once.
    s.remove_env("VOORUIT_TEST_FAULT");
    s.launch();
    let e = editor_api(&s).await;
    let r = e.post_json(&path, &message).await;
    assert_eq!(r.status, 202, "{}", r.body);
    assert_eq!(r.json()["recipients"], 5);
    for email in &people {
        s.mail(email, "Routebeschrijving").await;
    }
    assert_eq!(mail_jobs(&s, "Routebeschrijving").await, 5);
}

#[tokio::test]
async fn a_question_to_the_teller_is_stored_and_mailed_together_or_not_at_all() {
    let mut s = Server::start_with_env(
        &[],
        &[
            ("VOORUIT_MODE", "test"),
            ("VOORUIT_TEST_FAULT", "stories.ask_teller:2"),
        ],
    )
    .await;
    let visitor = s.client();
    share_story(
        &visitor,
        "Een inloopspreekuur dat leeg bleef",
        "Noor",
        "Wijkteam Oost",
        "noor@test.nl",
        false,
        false,
    )
    .await;
    let e = editor_api(&s).await;
    let id = story_id(&e, "Een inloopspreekuur dat leeg bleef").await;
    let request = {
        let (http, url) = (
            e.http.clone(),
            s.url(&format!("/api/v1/editor/stories/{id}/questions")),
        );
        async move {
            let _ = http
                .post(url)
                .json(&json!({"question": "Mogen we de naam van de school noemen?"}))
                .send()
                .await;
        }
    };
    crash_during(&mut s, "stories.ask_teller", request).await;

    let pool = s.sql().await;
    let (status,): (String,) = sqlx::query_as("SELECT status FROM stories WHERE id = $1")
        .bind(&id)
        .fetch_one(&pool)
        .await
        .expect("story");
    let messages =
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM story_messages WHERE story_id = $1")
            .bind(&id)
            .fetch_one(&pool)
            .await
            .expect("messages");
    pool.close().await;
    let mails = mail_jobs(&s, "naam van de school").await;
    assert_eq!(
        (status.as_str(), messages, mails),
        ("ingediend", 0, 0),
        "a crash halfway must leave no trace of the question"
    );

    // After the restart the question can be asked, and is stored and mailed.
    s.remove_env("VOORUIT_TEST_FAULT");
    s.launch();
    let e = editor_api(&s).await;
    let r = e
        .post_json(
            &format!("/api/v1/editor/stories/{id}/questions"),
            &json!({"question": "Mogen we de naam van de school noemen?"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let mail = s.mail("noor@test.nl", "een vraag over je verhaal").await;
    assert!(mail.text.contains("naam van de school"), "{}", mail.text);
}
