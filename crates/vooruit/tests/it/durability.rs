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
    let titles = submitted_titles(&s).await;
    for t in &acknowledged {
        assert!(titles.contains(t), "acknowledged story {t} was lost");
    }
}

/// Every submission title in the editors' queue, read through the API.
pub async fn submitted_titles(s: &Server) -> std::collections::HashSet<String> {
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
    titles
}

/// One story submission through the API; its status.
async fn submit(http: &reqwest::Client, base: &str, title: &str, body_len: usize) -> u16 {
    let context = "Een lange beschrijving van wat er gebeurde. ".repeat(body_len / 44 + 1);
    http.post(format!("{base}/api/v1/submissions"))
        .json(&json!({"kind": "case", "title": title, "context": context, "lessons": ["Les"], "themes": ["innovatie"], "contact_email": "d@test.nl", "no_client_info": true, "consent": true}))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

/// A small tmpfs mounted on a temp dir for as long as this lives.
struct SmallDisk {
    dir: Option<tempfile::TempDir>,
    path: std::path::PathBuf,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> SmallDisk {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().to_path_buf();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "this test mounts a small tmpfs to fill the disk, which needs root (as in CI)"
        );
        SmallDisk {
            dir: Some(dir),
            path,
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.path)
            .status();
        drop(self.dir.take());
    }
}

/// Fills the file system holding `dir` to the last byte; the file to delete
/// to free the space again.
fn fill(dir: &std::path::Path) -> std::path::PathBuf {
    use std::io::Write as _;
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).expect("filler");
    let chunk = vec![0u8; 64 * 1024];
    while f.write_all(&chunk).is_ok() {}
    let small = [0u8; 512];
    while f.write_all(&small).is_ok() {}
    while f.write_all(&small[..1]).is_ok() {}
    let _ = f.sync_all();
    path
}

/// Issue 20, finding 0: on SQLite a full disk used to leave a pooled
/// connection holding the write lock (or believing it was in a
/// transaction), so writes kept failing after space came back, until a
/// restart; and /healthz said 200 throughout.
#[tokio::test]
async fn writes_recover_by_themselves_after_the_disk_was_full() {
    if std::env::var("VOORUIT_TEST_POSTGRES_URL").is_ok() {
        // The PostgreSQL run has its own: a database killed and restarted.
        return;
    }
    let disk = SmallDisk::mount(24);
    let dir = tempfile::TempDir::new_in(&disk.path).expect("data dir on the small disk");
    let s = Server::start_in(dir, &["--submission-limit", "0"], &[]).await;
    let http = reqwest::Client::new();
    let base = s.base.clone();
    assert_eq!(s.client().get("/healthz").await.status, 200);

    let mut acknowledged = vec![];
    for i in 0..5 {
        let title = format!("Voor de volle schijf {i}");
        assert_eq!(submit(&http, &base, &title, 2000).await, 201);
        acknowledged.push(title);
    }
    let filler = fill(&s.data_dir());

    // Write until the disk refuses; every refusal is a clear error.
    let mut refused = 0;
    for i in 0..200 {
        let title = format!("Op de volle schijf {i}");
        match submit(&http, &base, &title, 6000).await {
            201 => acknowledged.push(title),
            status => {
                assert!(status == 500 || status == 503, "status {status}");
                refused += 1;
                if refused >= 3 {
                    break;
                }
            }
        }
    }
    assert_eq!(refused, 3, "the full disk never refused a write");
    assert_eq!(
        s.client().get("/healthz").await.status,
        503,
        "healthz while the disk is full"
    );

    // Space comes back: writes work again without a restart, on every
    // pooled connection (more writes than the pool has connections).
    std::fs::remove_file(&filler).expect("free the space");
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(
        s.client().get("/healthz").await.status,
        200,
        "healthz after"
    );
    let mut tasks = vec![];
    for i in 0..24 {
        let (http, base) = (http.clone(), base.clone());
        tasks.push(tokio::spawn(async move {
            let title = format!("Na de volle schijf {i}");
            (submit(&http, &base, &title, 2000).await, title)
        }));
    }
    for t in tasks {
        let (status, title) = t.await.expect("task");
        assert_eq!(status, 201, "{title} after space came back");
        acknowledged.push(title);
    }

    let titles = submitted_titles(&s).await;
    for t in &acknowledged {
        assert!(titles.contains(t), "acknowledged story {t} was lost");
    }
    drop(s);
    drop(disk);
}

/// A PostgreSQL cluster of this test's own (from the binaries the test
/// script found), so killing it does not touch the other tests' databases.
struct OwnPostgres {
    dir: tempfile::TempDir,
    bin: std::path::PathBuf,
    user: Option<String>,
    port: u16,
}

impl OwnPostgres {
    fn start() -> OwnPostgres {
        let bin = std::path::PathBuf::from(
            std::env::var("VOORUIT_TEST_PG_BIN")
                .expect("VOORUIT_TEST_PG_BIN from scripts/postgres.sh"),
        );
        let user = std::env::var("VOORUIT_TEST_PG_USER")
            .ok()
            .filter(|u| !u.is_empty());
        let dir = tempfile::tempdir().expect("temp dir");
        if let Some(u) = &user {
            let ok = std::process::Command::new("chown")
                .arg(u)
                .arg(dir.path())
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "chown the cluster dir");
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let pg = OwnPostgres {
            dir,
            bin,
            user,
            port,
        };
        let data = pg.dir.path().join("data");
        pg.run(
            "initdb",
            &[
                "-D",
                &data.display().to_string(),
                "-U",
                "vooruit",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
        );
        pg.up();
        pg
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let program = self.bin.join(tool);
        let mut c = match &self.user {
            Some(u) => {
                let mut c = std::process::Command::new("runuser");
                c.args(["-u", u, "--"]).arg(&program);
                c
            }
            None => std::process::Command::new(&program),
        };
        let out = c.args(args).output().expect("run a PostgreSQL tool");
        assert!(
            out.status.success(),
            "{tool} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn up(&self) {
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log").display().to_string();
        self.run(
            "pg_ctl",
            &["-D", &self.data(), "-l", &log, "-w", "-o", &opts, "start"],
        );
    }

    /// As a crash would: no shutdown checkpoint, connections cut.
    fn kill(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "immediate", "stop"]);
    }

    fn url(&self) -> String {
        format!("postgres://vooruit@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let data = self.data();
        let program = self.bin.join("pg_ctl");
        let mut c = match &self.user {
            Some(u) => {
                let mut c = std::process::Command::new("runuser");
                c.args(["-u", u, "--"]).arg(&program);
                c
            }
            None => std::process::Command::new(&program),
        };
        let _ = c.args(["-D", &data, "-m", "immediate", "stop"]).output();
    }
}

/// Issue 20, finding 0 on PostgreSQL (a regression test): the database is
/// killed while stories are being written and comes back; the node says
/// 503 while it is gone, writes resume by themselves, nothing acknowledged
/// is lost.
#[tokio::test]
async fn writes_resume_by_themselves_after_postgres_was_killed() {
    if std::env::var("VOORUIT_TEST_POSTGRES_URL").is_err() {
        // The SQLite run has its own: a full disk.
        return;
    }
    let pg = OwnPostgres::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let s = Server::start_on(
        dir,
        crate::common::TestDb::at(pg.url()),
        &["--submission-limit", "0"],
        &[],
    )
    .await;
    let http = reqwest::Client::new();
    let base = s.base.clone();
    assert_eq!(s.client().get("/healthz").await.status, 200);

    // Writers keep going through the whole test.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let mut tasks = vec![];
    for worker in 0..4 {
        let (http, base) = (http.clone(), base.clone());
        let (stop, acknowledged) = (stop.clone(), acknowledged.clone());
        tasks.push(tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let title = format!("Tijdens de herstart {worker}-{i}");
                if submit(&http, &base, &title, 500).await == 201 {
                    acknowledged.lock().expect("lock").push(title);
                }
                i += 1;
            }
        }));
    }
    let count = || acknowledged.lock().expect("lock").len();
    while count() < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    pg.kill();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(s.client().get("/healthz").await.status, 503, "while down");
    pg.up();
    let before = count();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while count() < before + 20 {
        assert!(
            std::time::Instant::now() < deadline,
            "writes did not resume after PostgreSQL came back"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(s.client().get("/healthz").await.status, 200, "after");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for t in tasks {
        t.await.expect("writer");
    }
    let acknowledged = acknowledged.lock().expect("lock").clone();
    let titles = submitted_titles(&s).await;
    for t in &acknowledged {
        assert!(titles.contains(t), "acknowledged story {t} was lost");
    }
}
