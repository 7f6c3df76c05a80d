//! Issue 20, item 13: `vooruit backup` while the server takes writes, and
//! `vooruit restore` on a new node (on PostgreSQL the database goes through
//! pg_dump and pg_restore, as the README says).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::json;

use crate::common::{Server, TestDb};
use crate::durability::submitted_titles;

/// The path of the first podcast episode's audio file in the feed.
async fn first_audio_path(s: &Server) -> String {
    let xml = s.client().get("/podcast/feed.xml").await.body;
    let at = xml
        .find("<enclosure url=\"")
        .expect("an episode with audio")
        + 16;
    let url = &xml[at..at + xml[at..].find('"').expect("end of url")];
    // Drop the scheme and host: the restored node has its own address.
    let path_at = url[8..].find('/').expect("a path") + 8;
    url[path_at..].to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_during_writes_restores_on_a_new_node() {
    let s = Server::start_with(&["--demo", "--submission-limit", "0"]).await;
    let audio = first_audio_path(&s).await;
    let audio_bytes = s.client().get_bytes(&audio).await;
    assert!(audio_bytes.len() > 1000, "the demo episode has audio");

    // Writers keep going before, during and after the backup.
    let stop = Arc::new(AtomicBool::new(false));
    let acknowledged = Arc::new(std::sync::Mutex::new(
        Vec::<(String, std::time::Instant)>::new(),
    ));
    let mut tasks = vec![];
    for worker in 0..3 {
        let (base, stop, acknowledged) = (s.base.clone(), stop.clone(), acknowledged.clone());
        tasks.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                let title = format!("Tijdens de reservekopie {worker}-{i}");
                let status = http
                    .post(format!("{base}/api/v1/submissions"))
                    .json(&json!({"kind": "case", "title": title, "context": "Wat er gebeurde.", "lessons": ["Les"], "themes": ["innovatie"], "contact_email": "d@test.nl", "no_client_info": true, "consent": true}))
                    .send()
                    .await
                    .map(|r| r.status().as_u16());
                if status.is_ok_and(|s| s == 201) {
                    acknowledged.lock().expect("lock").push((title, std::time::Instant::now()));
                }
                i += 1;
            }
        }));
    }
    let count = || acknowledged.lock().expect("lock").len();
    while count() < 30 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    let work = tempfile::tempdir().expect("temp dir");
    let archive = work.path().join("vooruit-backup.tar");
    let dump = work.path().join("database.dump");
    let pg_bin = std::env::var("VOORUIT_TEST_PG_BIN").ok();
    let started = std::time::Instant::now();
    let out = tokio::task::block_in_place(|| {
        if let Some(bin) = &pg_bin {
            run(
                &format!("{bin}/pg_dump"),
                &[
                    "--format=custom",
                    "--no-owner",
                    "--file",
                    dump.to_str().expect("path"),
                    &s.db.url,
                ],
            );
        }
        s.cli(&["backup", "--to", archive.to_str().expect("path")])
    });
    assert!(out.contains("backup written"), "{out}");
    // Refuses to overwrite a backup.
    let again = tokio::task::block_in_place(|| {
        s.try_cli(&["backup", "--to", archive.to_str().expect("path")])
    });
    assert!(again.is_err_and(|e| e.contains("already exists")));
    let during = count();
    while count() < during + 10 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        t.await.expect("writer");
    }
    let before_backup: Vec<String> = acknowledged
        .lock()
        .expect("lock")
        .iter()
        .filter(|(_, at)| *at < started)
        .map(|(t, _)| t.clone())
        .collect();
    assert!(before_backup.len() >= 30);

    // A new node: its own data dir and (on PostgreSQL) its own database.
    let dir = tempfile::tempdir().expect("temp dir");
    let db = TestDb::new(dir.path()).await;
    if let Some(bin) = &pg_bin {
        run(
            &format!("{bin}/pg_restore"),
            &[
                "--no-owner",
                "--exit-on-error",
                "-d",
                &db.url,
                dump.to_str().expect("path"),
            ],
        );
    }
    let mut restored = Server::unstarted(dir, db, &[], &[]);
    let out = tokio::task::block_in_place(|| {
        restored.cli(&["restore", "--from", archive.to_str().expect("path")])
    });
    assert!(out.contains("restored"), "{out}");
    // A second restore into the now filled data dir is refused.
    let again = tokio::task::block_in_place(|| {
        restored.try_cli(&["restore", "--from", archive.to_str().expect("path")])
    });
    assert!(again.is_err_and(|e| e.contains("empty data dir")));
    restored.launch();

    let titles = submitted_titles(&restored).await;
    for t in &before_backup {
        assert!(
            titles.contains(t),
            "{t} was acknowledged before the backup began and is missing"
        );
    }
    // The search index was rebuilt from the restored database.
    let found = restored
        .client()
        .get("/api/v1/search?q=wijkteam")
        .await
        .json();
    let original = s.client().get("/api/v1/search?q=wijkteam").await.json();
    assert!(original["total"].as_i64().expect("total") > 0);
    assert_eq!(found["total"], original["total"]);
    // The uploaded files came along.
    assert_eq!(restored.client().get_bytes(&audio).await, audio_bytes);
    // And the new node takes writes.
    let created = restored
        .client()
        .post_json(
            "/api/v1/submissions",
            &json!({"kind": "case", "title": "Na het terugzetten", "context": "Tekst", "lessons": ["Les"], "themes": ["innovatie"], "contact_email": "d@test.nl", "no_client_info": true, "consent": true}),
        )
        .await;
    assert_eq!(created.status, 201);
}

fn run(program: &str, args: &[&str]) {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .expect("run a PostgreSQL tool");
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
