//! The JSON API: the same journey as the pages, for programs.

use serde_json::json;

use crate::common::{EDITOR_EMAIL, EDITOR_PASSWORD, Server};

#[tokio::test]
async fn share_review_and_publish_through_the_api() {
    let s = Server::start().await;
    let c = s.client();
    let created = c
        .post_json(
            "/api/v1/submissions",
            &json!({
                "kind": "koploper",
                "title": "Zelfroosteren in de jeugdzorg werkt",
                "context": "Een team van twaalf begeleiders maakt sinds een jaar zelf het rooster.",
                "lessons": ["Maak samen spelregels", "Evalueer elke maand"],
                "themes": ["werkdruk", "binden"],
                "sectors": ["jeugdzorg"],
                "region": "gelderland",
                "name": "Noor",
                "show_name": true,
                "organisation": "Jeugdhuis Veluwe",
                "contact_email": "noor@test.nl",
                "no_client_info": true,
                "consent": true
            }),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let status_url = created.json()["status_url"]
        .as_str()
        .expect("status_url")
        .to_string();
    assert!(status_url.starts_with(&s.base));
    assert_eq!(c.get(&status_url).await.status, 200);

    let editor = s.client();
    assert_eq!(editor.get("/api/v1/editor/submissions").await.status, 401);
    let wrong = editor
        .post_json(
            "/api/v1/session",
            &json!({"email": EDITOR_EMAIL, "password": "fout"}),
        )
        .await;
    assert_eq!(wrong.status, 422);
    let login = editor
        .post_json(
            "/api/v1/session",
            &json!({"email": EDITOR_EMAIL, "password": EDITOR_PASSWORD}),
        )
        .await;
    assert_eq!(login.status, 200);
    assert_eq!(login.json()["role"], "redacteur");
    let queue = editor.get("/api/v1/editor/submissions").await.json();
    assert_eq!(queue["total"], 1);
    let id = queue["items"][0]["id"].as_str().expect("id").to_string();
    assert_eq!(queue["items"][0]["status"], "ingediend");
    let detail = editor
        .get(&format!("/api/v1/editor/stories/{id}"))
        .await
        .json();
    assert_eq!(detail["teller"]["contact_email"], "noor@test.nl");

    let q = editor
        .post_json(
            &format!("/api/v1/editor/stories/{id}/questions"),
            &json!({"question": "Mogen we een foto gebruiken?"}),
        )
        .await;
    assert_eq!(q.status, 201);
    let blocked = editor
        .post_json(&format!("/api/v1/editor/stories/{id}/publish"), &json!({}))
        .await;
    assert_eq!(blocked.status, 409);
    assert_eq!(blocked.headers["content-type"], "application/problem+json");

    // The teller answers through the status page; then it can be published.
    let page = c.get(&status_url).await;
    let path = status_url.trim_start_matches(&s.base).to_string();
    c.post_form(&path, &page.csrf(), &[("body", "Liever niet.")])
        .await;
    let published = editor
        .post_json(&format!("/api/v1/editor/stories/{id}/publish"), &json!({}))
        .await;
    assert_eq!(published.status, 200, "{}", published.body);
    let slug = published.json()["url"]
        .as_str()
        .expect("url")
        .rsplit('/')
        .next()
        .expect("slug")
        .to_string();

    let story = c.get(&format!("/api/v1/stories/{slug}")).await.json();
    assert_eq!(story["title"], "Zelfroosteren in de jeugdzorg werkt");
    assert_eq!(story["author_name"], "Noor");
    assert!(story["organisation"].is_null(), "organisation hidden");
    assert_eq!(story["lessons"].as_array().expect("lessons").len(), 2);
    assert_eq!(story["sections"][0]["key"], "context");
    assert!(
        story["sections"][0]["html"]
            .as_str()
            .expect("html")
            .starts_with("<p>")
    );
    assert!(!story.to_string().contains("noor@test.nl"));

    let logout = editor
        .http
        .delete(s.url("/api/v1/session"))
        .send()
        .await
        .expect("delete");
    assert_eq!(logout.status(), 204);
    assert_eq!(editor.get("/api/v1/editor/submissions").await.status, 401);
}

#[tokio::test]
async fn reject_through_the_api_needs_a_reason() {
    let s = Server::start().await;
    let c = s.client();
    c.post_json(
        "/api/v1/submissions",
        &json!({"kind": "case", "title": "Een casus", "context": "Tekst", "lessons": ["Les"], "themes": ["vakmanschap"], "contact_email": "a@test.nl", "no_client_info": true, "consent": true}),
    )
    .await;
    let editor = s.client();
    editor
        .post_json(
            "/api/v1/session",
            &json!({"email": EDITOR_EMAIL, "password": EDITOR_PASSWORD}),
        )
        .await;
    let id = editor.get("/api/v1/editor/submissions").await.json()["items"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let empty = editor
        .post_json(
            &format!("/api/v1/editor/stories/{id}/reject"),
            &json!({"reason": ""}),
        )
        .await;
    assert_eq!(empty.status, 422);
    assert_eq!(empty.json()["errors"][0]["field"], "reason");
    let ok = editor
        .post_json(
            &format!("/api/v1/editor/stories/{id}/reject"),
            &json!({"reason": "Te kort."}),
        )
        .await;
    assert_eq!(ok.status, 200);
    let again = editor
        .post_json(
            &format!("/api/v1/editor/stories/{id}/reject"),
            &json!({"reason": "Te kort."}),
        )
        .await;
    assert_eq!(again.status, 409, "illegal move refused");
}

#[tokio::test]
async fn openapi_document_describes_the_api() {
    let s = Server::start().await;
    let doc = s.client().get("/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().expect("version").starts_with("3."));
    for path in [
        "/api/v1/stories",
        "/api/v1/stories/{slug}",
        "/api/v1/submissions",
        "/api/v1/session",
        "/api/v1/editor/submissions",
        "/api/v1/editor/stories/{id}/publish",
        "/api/v1/editor/stories/{id}/reject",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
    assert!(doc["components"]["schemas"]["SubmissionInput"].is_object());
}
