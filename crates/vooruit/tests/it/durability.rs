//! Acknowledged data survives a restart and a hard kill during writes.

use std::sync::Arc;

use serde_json::json;

use crate::common::{EDITOR_EMAIL, EDITOR_PASSWORD, Server};

#[tokio::test]
async fn acknowledged_submissions_survive_kill_9_during_writes() {
    // 1,600 stories from one address: no hourly limit here.
    let mut s = Server::start_with(&["--submission-limit", "0"]).await;
    let base = s.base.clone();
    let http = Arc::new(reqwest::Client::new());
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let mut tasks = vec![];
    for worker in 0..8 {
        let http = http.clone();
        let base = base.clone();
        let acknowledged = acknowledged.clone();
        tasks.push(tokio::spawn(async move {
            for i in 0..200 {
                let title = format!("Duurzaam verhaal {worker}-{i}");
                let res = http
                    .post(format!("{base}/api/v1/submissions"))
                    .json(&json!({"kind": "case", "title": title, "context": "Tekst", "lessons": ["Les"], "themes": ["innovatie"], "contact_email": "d@test.nl", "no_client_info": true, "consent": true}))
                    .send()
                    .await;
                match res {
                    Ok(r) if r.status() == 201 => acknowledged.lock().expect("lock").push(title),
                    _ => break,
                }
            }
        }));
    }
    // Let the writers get going, then pull the plug.
    while acknowledged.lock().expect("lock").len() < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    s.kill_hard();
    for t in tasks {
        let _ = t.await;
    }
    let acknowledged = acknowledged.lock().expect("lock").clone();
    assert!(!acknowledged.is_empty());

    s.launch();
    let editor = s.client();
    let login = editor
        .post_json(
            "/api/v1/session",
            &json!({"email": EDITOR_EMAIL, "password": EDITOR_PASSWORD}),
        )
        .await;
    assert_eq!(login.status, 200);
    let mut titles = std::collections::HashSet::new();
    let mut page = 1;
    loop {
        let q = editor
            .get(&format!("/api/v1/editor/submissions?page={page}"))
            .await
            .json();
        for item in q["items"].as_array().expect("items") {
            titles.insert(item["title"].as_str().expect("title").to_string());
        }
        if page >= q["pages"].as_i64().expect("pages") {
            break;
        }
        page += 1;
    }
    for t in &acknowledged {
        assert!(titles.contains(t), "acknowledged story {t} was lost");
    }
}
