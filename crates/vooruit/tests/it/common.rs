use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::redirect::Policy;
use sqlx::Connection;

pub const EDITOR_EMAIL: &str = "redacteur@test.nl";
pub const EDITOR_PASSWORD: &str = "een lang redactie wachtwoord";
/// The password of the accounts tests add with `Server::add_user`.
pub const MEMBER_PASSWORD: &str = "een lang genoeg wachtwoord";

/// The database a test server uses: a file in its own data dir, or its own
/// PostgreSQL database that is dropped afterwards.
pub struct TestDb {
    pub url: String,
    pg_admin: Option<(String, String)>,
}

impl TestDb {
    pub async fn new(data_dir: &Path) -> TestDb {
        match std::env::var("VOORUIT_TEST_POSTGRES_URL") {
            Ok(admin) if !admin.is_empty() => {
                let name = format!("vooruit_t_{}", random_hex(8));
                let mut conn = sqlx::postgres::PgConnection::connect(&admin)
                    .await
                    .expect("connect to VOORUIT_TEST_POSTGRES_URL");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("create test database");
                let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
                TestDb {
                    url: format!("{base}/{name}"),
                    pg_admin: Some((admin, name)),
                }
            }
            _ => TestDb {
                url: format!("sqlite://{}", data_dir.join("vooruit.db").display()),
                pg_admin: None,
            },
        }
    }

    /// A database at `url` that the test made and cleans up itself.
    pub fn at(url: String) -> TestDb {
        TestDb {
            url,
            pg_admin: None,
        }
    }

    pub fn is_postgres(&self) -> bool {
        self.pg_admin.is_some()
    }

    /// Drops the PostgreSQL database, cutting off every connection to it.
    pub async fn drop_now(&self) {
        if let Some((admin, name)) = &self.pg_admin {
            drop_database(admin, name).await;
        }
    }
}

async fn drop_database(admin: &str, name: &str) {
    if let Ok(mut conn) = sqlx::postgres::PgConnection::connect(admin).await {
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut conn)
            .await;
    }
}

pub fn random_hex(n: usize) -> String {
    (0..n)
        .map(|_| char::from_digit(rand::random::<u32>() % 16, 16).unwrap_or('0'))
        .collect()
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_vooruit")
}

pub struct Server {
    pub base: String,
    pub dir: tempfile::TempDir,
    pub db: TestDb,
    child: Option<Child>,
    extra_args: Vec<String>,
    extra_env: Vec<(String, String)>,
    /// Every line the server printed on stdout, for tests that wait for one.
    output: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    /// The server's log (stderr), outside the data dir: read by tests of
    /// what is logged, and printed when a test fails.
    log_dir: tempfile::TempDir,
}

impl Server {
    /// A server with the demo content and an editor account.
    pub async fn start() -> Server {
        Server::start_with(&["--demo"]).await
    }

    pub async fn start_with(args: &[&str]) -> Server {
        Server::start_with_env(args, &[]).await
    }

    /// A server with extra flags and environment variables.
    pub async fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> Server {
        Server::start_in(tempfile::tempdir().expect("temp dir"), args, env).await
    }

    /// A server with its data dir in `dir` (a test that mounts a small
    /// file system there).
    pub async fn start_in(dir: tempfile::TempDir, args: &[&str], env: &[(&str, &str)]) -> Server {
        let db = TestDb::new(dir.path()).await;
        Server::start_on(dir, db, args, env).await
    }

    /// A server on a database the test made itself (its own PostgreSQL).
    pub async fn start_on(
        dir: tempfile::TempDir,
        db: TestDb,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Server {
        let mut s = Server::unstarted(dir, db, args, env);
        s.add_user(EDITOR_EMAIL, "Eva Redacteur", "editor", EDITOR_PASSWORD);
        s.launch();
        s
    }

    /// A server not started yet, on `dir` and `db` as they are, for a test
    /// that fills them first (a restore) and then calls `launch`.
    pub fn unstarted(
        dir: tempfile::TempDir,
        db: TestDb,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Server {
        Server {
            base: String::new(),
            dir,
            db,
            child: None,
            extra_args: args.iter().map(|a| a.to_string()).collect(),
            extra_env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            output: Default::default(),
            log_dir: tempfile::tempdir().expect("log dir"),
        }
    }

    /// What the server wrote to its log so far (all starts).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log_dir.path().join("server.log")).unwrap_or_default()
    }

    /// A second node on the same database, with its own data dir (and so
    /// its own search index), as behind a load balancer.
    pub fn second_node(&self) -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        // Nodes of one database share the server secret, as the README
        // tells operators to arrange.
        std::fs::copy(
            self.data_dir().join("secret.key"),
            dir.path().join("secret.key"),
        )
        .expect("copy the secret");
        let mut s = Server::unstarted(dir, TestDb::at(self.db.url.clone()), &[], &[]);
        s.launch();
        s
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    fn command(&self) -> Command {
        let mut c = Command::new(bin());
        c.env("VOORUIT_DATA_DIR", self.data_dir())
            .env("VOORUIT_DATABASE_URL", &self.db.url)
            .env("VOORUIT_CONFIG", self.dir.path().join("none.toml"))
            .env("VOORUIT_LOG", "warn")
            .env("VOORUIT_DEBUG_QUERIES", "1")
            // The same covers on every machine, with poppler or without;
            // the cover test brings its own drawer.
            .env("VOORUIT_PDFTOPPM", "off")
            .env_remove("VOORUIT_SMTP_URL");
        c
    }

    /// Runs a `vooruit` command on this server's data dir and database,
    /// in the server's environment.
    pub fn cli(&self, args: &[&str]) -> String {
        self.try_cli(args)
            .unwrap_or_else(|e| panic!("vooruit {args:?} failed: {e}"))
    }

    /// Like `cli`, for a command that may fail: its stdout, or its stderr.
    pub fn try_cli(&self, args: &[&str]) -> Result<String, String> {
        let out = self
            .command()
            .args(args)
            .envs(self.extra_env.iter().map(|(k, v)| (k, v)))
            .env("RUST_BACKTRACE", "0")
            .output()
            .expect("run vooruit");
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).to_string())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).to_string())
        }
    }

    /// Adds the story library (`vooruit demo --library`) while the server
    /// runs and waits until its index has every story (it follows the
    /// database's outbox). Returns (stories before, stories added).
    pub async fn add_library(&self) -> (i64, i64) {
        let c = self.client();
        let total = |v: serde_json::Value| v["total"].as_i64().expect("total");
        let before = total(c.get("/api/v1/stories").await.json());
        let out = self.cli(&["demo", "--library"]);
        let added: i64 = out
            .split("added ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{out}"));
        assert!(added >= 60, "{out}");
        let deadline = Instant::now() + Duration::from_secs(60);
        while total(c.get("/api/v1/stories").await.json()) != before + added {
            assert!(Instant::now() < deadline, "the library was not indexed");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        (before, added)
    }

    /// Runs `vooruit user add` like an administrator would.
    pub fn add_user(&self, email: &str, name: &str, role: &str, password: &str) {
        let mut child = self
            .command()
            .args([
                "user",
                "add",
                "--email",
                email,
                "--name",
                name,
                "--role",
                role,
                "--password-stdin",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("run vooruit user add");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(format!("{password}\n").as_bytes())
            .expect("write password");
        let out = child.wait_with_output().expect("user add finished");
        assert!(out.status.success(), "user add failed: {out:?}");
    }

    /// Starts (or restarts) the server process on a free port.
    pub fn launch(&mut self) {
        let port = self
            .base
            .rsplit(':')
            .next()
            .and_then(|p| p.parse::<u16>().ok());
        let addr = format!("127.0.0.1:{}", port.unwrap_or(0));
        let mut child = self
            .command()
            .arg("serve")
            .arg("--addr")
            .arg(addr)
            .args(&self.extra_args)
            .envs(self.extra_env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::piped())
            .stderr(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(self.log_dir.path().join("server.log"))
                    .expect("server log"),
            )
            .spawn()
            .expect("start vooruit serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        let output = self.output.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("listening on ") {
                    let _ = tx.send(url.to_string());
                }
                output.lock().expect("output").push(line);
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("server did not start within 60 s");
        self.base = url;
        self.child = Some(child);
    }

    /// Ends the process like a power cut would: no shutdown, no flush.
    pub fn kill_hard(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Drops an environment variable for the next `launch`.
    pub fn remove_env(&mut self, key: &str) {
        self.extra_env.retain(|(k, _)| k != key);
    }

    /// Waits (at most 20 s) until the server printed a line containing `text`.
    pub async fn wait_for_output(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(line) = self
                .output
                .lock()
                .expect("output")
                .iter()
                .find(|l| l.contains(text))
            {
                return line.clone();
            }
            assert!(
                Instant::now() < deadline,
                "the server did not print {text:?}; it printed {:?}",
                self.output.lock().expect("output")
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A direct connection to this server's database, for checking what a
    /// crash left behind.
    pub async fn sql(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::any::AnyPoolOptions::new()
            .max_connections(1)
            .connect(&self.db.url)
            .await
            .expect("connect to the test database")
    }

    /// A browser-like client: keeps cookies, does not follow redirects so
    /// tests can check where they point.
    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }

    pub fn outbox(&self) -> PathBuf {
        self.dir.path().join("outbox")
    }

    /// Waits until a mail to `to` whose subject contains `subject` arrives.
    pub async fn mail(&self, to: &str, subject: &str) -> Mail {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(m) = read_outbox(&self.outbox())
                .into_iter()
                .find(|m| m.to.contains(to) && m.subject.contains(subject))
            {
                return m;
            }
            assert!(
                Instant::now() < deadline,
                "no mail to {to} with subject {subject:?}; outbox: {:?}",
                read_outbox(&self.outbox())
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill_hard();
        if std::thread::panicking() {
            let log = self.log();
            let lines: Vec<&str> = log.lines().collect();
            eprintln!("--- last lines of the server log ({}):", self.base);
            for line in &lines[lines.len().saturating_sub(60)..] {
                eprintln!("{line}");
            }
        }
        if let Some((admin, name)) = self.db.pg_admin.take() {
            // Best effort, on a runtime of its own: Drop cannot be async.
            let _ = std::thread::spawn(move || {
                if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    rt.block_on(drop_database(&admin, &name));
                }
            })
            .join();
        }
    }
}

#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub raw: String,
}

impl Mail {
    /// The first link in the mail that starts with `base`.
    pub fn link(&self, base: &str) -> String {
        let start = self
            .text
            .find(base)
            .unwrap_or_else(|| panic!("no link to {base} in {}", self.text));
        self.text[start..]
            .split_whitespace()
            .next()
            .expect("link")
            .to_string()
    }
}

pub fn read_outbox(dir: &Path) -> Vec<Mail> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut mails = vec![];
    for e in entries.flatten() {
        let path = e.path();
        if path.extension().and_then(|x| x.to_str()) != Some("eml") {
            continue;
        }
        let raw = std::fs::read(&path).expect("read eml");
        let msg = mail_parser::MessageParser::default()
            .parse(&raw)
            .expect("parse eml");
        mails.push(Mail {
            to: msg
                .to()
                .and_then(|a| a.first())
                .and_then(|a| a.address())
                .unwrap_or_default()
                .to_string(),
            subject: msg.subject().unwrap_or_default().to_string(),
            text: msg.body_text(0).unwrap_or_default().to_string(),
            raw: String::from_utf8_lossy(&raw).to_string(),
        });
    }
    mails
}

#[derive(Clone)]
pub struct Client {
    pub http: reqwest::Client,
    /// The client's cookies (for a request written by hand).
    pub jar: std::sync::Arc<reqwest::cookie::Jar>,
    base: String,
}

pub struct Page {
    pub status: u16,
    pub body: String,
    pub location: Option<String>,
    pub headers: reqwest::header::HeaderMap,
}

impl Page {
    /// The value of the hidden CSRF field of the page's forms.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = self
            .body
            .find(marker)
            .expect("page has a form with a csrf field")
            + marker.len();
        self.body[start..start + 64].to_string()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }

    /// Text of every element matching `selector`.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let sel = scraper::Selector::parse(selector).expect("selector");
        self.html()
            .select(&sel)
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    }

    /// The value attribute of the input named `name`.
    pub fn input_value(&self, name: &str) -> Option<String> {
        let sel = scraper::Selector::parse(&format!("[name=\"{name}\"]")).expect("selector");
        self.html().select(&sel).next().map(|e| {
            if e.value().name() == "textarea" {
                e.text().collect()
            } else {
                e.value().attr("value").unwrap_or_default().to_string()
            }
        })
    }
}

impl Client {
    pub fn new(base: &str) -> Client {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        Client {
            http: reqwest::Client::builder()
                .cookie_provider(jar.clone())
                .redirect(Policy::none())
                .build()
                .expect("client"),
            jar,
            base: base.to_string(),
        }
    }

    pub fn abs(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{}", self.base, path)
        }
    }

    pub async fn page(resp: reqwest::Response) -> Page {
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = resp.text().await.expect("body");
        Page {
            status,
            body,
            location,
            headers,
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        Self::page(self.http.get(self.abs(path)).send().await.expect("GET")).await
    }

    /// A GET of a binary file; its bytes (asserting 200).
    pub async fn get_bytes(&self, path: &str) -> Vec<u8> {
        let r = self.http.get(self.abs(path)).send().await.expect("GET");
        assert_eq!(r.status(), 200, "GET {path}");
        r.bytes().await.expect("body").to_vec()
    }

    /// A GET whose body is read as it comes (server-sent events).
    pub async fn stream(&self, path: &str) -> reqwest::Response {
        self.http
            .get(self.abs(path))
            .send()
            .await
            .expect("GET stream")
    }

    /// Posts a form the way a browser does, with the CSRF token of `form_page`.
    pub async fn post_form(&self, path: &str, csrf: &str, fields: &[(&str, &str)]) -> Page {
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf)];
        all.extend_from_slice(fields);
        Self::page(
            self.http
                .post(self.abs(path))
                .form(&all)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    pub async fn put_json(&self, path: &str, body: &serde_json::Value) -> Page {
        Self::page(
            self.http
                .put(self.abs(path))
                .json(body)
                .send()
                .await
                .expect("PUT json"),
        )
        .await
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> Page {
        Self::page(
            self.http
                .post(self.abs(path))
                .json(body)
                .send()
                .await
                .expect("POST json"),
        )
        .await
    }

    /// Logs in through the login form.
    pub async fn login(&self, email: &str, password: &str) -> Page {
        let form = self.get("/inloggen").await;
        self.post_form(
            "/inloggen",
            &form.csrf(),
            &[("email", email), ("password", password)],
        )
        .await
    }
}

/// A complete, valid story as the share form sends it (step 1 fields).
pub fn story_fields(title: &str) -> Vec<(&'static str, String)> {
    vec![
        ("kind", "falend-vooruit".into()),
        ("title", title.into()),
        ("context", "Wij zijn een wijkteam in een middelgrote gemeente. We zagen dat jongeren niet naar ons loket kwamen.".into()),
        ("aim", "Jongeren met schulden eerder bereiken.".into()),
        ("approach", "We openden een inloop op school, twee middagen per week.".into()),
        ("what_differed", "Er kwam bijna niemand: jongeren schaamden zich om gezien te worden.".into()),
        ("lessons", "Vraag jongeren zelf waar ze hulp zoeken".into()),
        ("lessons", "Anoniem kan belangrijker zijn dan dichtbij".into()),
        ("tips", "Begin klein en meet vanaf dag één.".into()),
        ("do_differently", "Eerst met jongeren praten, dan pas een plek kiezen.".into()),
        ("themes", "innovatie".into()),
        ("themes", "samenwerking".into()),
        ("sectors", "gemeente".into()),
        ("region", "utrecht".into()),
    ]
}

pub fn as_refs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Shares a story through both steps of the form, as a visitor. Returns the
/// status page path.
pub async fn share_story(
    c: &Client,
    title: &str,
    name: &str,
    org: &str,
    email: &str,
    show_name: bool,
    show_org: bool,
) -> String {
    let form = c.get("/verhaal-delen").await;
    let csrf = form.csrf();
    let mut fields = story_fields(title);
    fields.push(("step", "2".into()));
    fields.push(("go", "send".into()));
    fields.push(("name", name.into()));
    fields.push(("organisation", org.into()));
    if show_name {
        fields.push(("show_name", "ja".into()));
    }
    if show_org {
        fields.push(("show_organisation", "ja".into()));
    }
    fields.push(("contact_email", email.into()));
    fields.push(("no_client_info", "ja".into()));
    fields.push(("consent", "ja".into()));
    let res = c
        .post_form("/verhaal-delen", &csrf, &as_refs(&fields))
        .await;
    assert_eq!(res.status, 303, "share failed: {}", res.body);
    let loc = res.location.expect("redirect to status page");
    assert!(loc.starts_with("/verhaal-status/"), "{loc}");
    loc.trim_end_matches("?nieuw=1").to_string()
}

/// The editor's id of the story with this title, from the editor API.
pub async fn story_id(editor: &Client, title: &str) -> String {
    let queue = editor.get("/api/v1/editor/submissions").await;
    assert_eq!(queue.status, 200, "{}", queue.body);
    queue.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["title"] == title)
        .unwrap_or_else(|| panic!("{title} not in queue: {}", queue.body))["id"]
        .as_str()
        .expect("id")
        .to_string()
}

/// Publishes the story with this title from the editors' queue, through
/// the editor API. Returns (id, slug).
pub async fn publish_queued(s: &Server, title: &str) -> (String, String) {
    let e = editor_api(s).await;
    let id = story_id(&e, title).await;
    let p = e
        .post_json(
            &format!("/api/v1/editor/stories/{id}/publish"),
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(p.status, 200, "{}", p.body);
    let slug = p.json()["url"]
        .as_str()
        .expect("url")
        .rsplit('/')
        .next()
        .expect("slug")
        .to_string();
    (id, slug)
}

/// A client logged in as the test editor through the API.
pub async fn editor_api(s: &Server) -> Client {
    let c = s.client();
    let r = c
        .post_json(
            "/api/v1/session",
            &serde_json::json!({"email": EDITOR_EMAIL, "password": EDITOR_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    c
}

/// A real SMTP server (Python's aiosmtpd, `scripts/smtp_sink.py`) that
/// writes every message it accepts as an .eml file into its own folder.
/// Addresses given to `refuse` are refused with 550 from then on.
pub struct SmtpSink {
    pub port: u16,
    pub dir: tempfile::TempDir,
    child: Child,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let python = python();
        let dir = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(python)
            .arg(root.join("scripts/smtp_sink.py"))
            .arg(dir.path())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the SMTP sink");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the sink's port");
        let port = line
            .trim()
            .strip_prefix("listening on ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected sink output {line:?}"));
        SmtpSink { port, dir, child }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn refuse(&self, address: &str) {
        let path = self.dir.path().join("refuse.txt");
        let mut list = std::fs::read_to_string(&path).unwrap_or_default();
        list.push_str(address);
        list.push('\n');
        std::fs::write(path, list).expect("write refuse.txt");
    }

    pub fn mails(&self) -> Vec<Mail> {
        read_outbox(self.dir.path())
    }

    /// Waits until at least `n` mails arrived (at most `secs` seconds).
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Mail> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            assert!(
                Instant::now() < deadline,
                "{} of {n} mails arrived within {secs} s",
                mails.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for a mail to `to` whose subject contains `subject`.
    pub async fn mail(&self, to: &str, subject: &str) -> Mail {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(m) = self
                .mails()
                .into_iter()
                .find(|m| m.to.contains(to) && m.subject.contains(subject))
            {
                return m;
            }
            assert!(
                Instant::now() < deadline,
                "no mail to {to} with subject {subject:?} in the SMTP sink"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The Python with the test tools (see `scripts/python.sh`).
pub fn python() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let python = std::env::var("VOORUIT_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("target/py/bin/python"));
    assert!(
        python.exists(),
        "no Python with the test tools at {}: run ./scripts/test.sh, or `. scripts/python.sh` once",
        python.display()
    );
    python
}

/// Parses an iCalendar text with Python's icalendar; the events as JSON.
pub fn parse_ics(ics: &str) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut child = Command::new(python())
        .arg(root.join("scripts/ics_events.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the icalendar parser");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(ics.as_bytes())
        .expect("write ics");
    let out = child.wait_with_output().expect("parser finished");
    assert!(
        out.status.success(),
        "icalendar could not parse: {}\n{ics}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// A real S3-speaking server (moto in server mode, from the test tools in
/// target/py), for the storage tests.
pub struct S3Server {
    pub port: u16,
    child: Child,
}

impl S3Server {
    pub async fn start() -> S3Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(python())
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto");
        let deadline = Instant::now() + Duration::from_secs(30);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(Instant::now() < deadline, "moto did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        S3Server { port, child }
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The settings a `vooruit serve` needs to use this server.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ENDPOINT", self.endpoint()),
            ("AWS_ALLOW_HTTP", "true".into()),
            ("AWS_ACCESS_KEY_ID", "test".into()),
            ("AWS_SECRET_ACCESS_KEY", "test".into()),
            ("AWS_REGION", "us-east-1".into()),
        ]
    }

    pub async fn create_bucket(&self, bucket: &str) {
        let r = reqwest::Client::new()
            .put(format!("{}/{bucket}", self.endpoint()))
            .send()
            .await
            .expect("create bucket");
        assert!(r.status().is_success(), "create bucket: {}", r.status());
    }

    /// Starts a multipart upload of `key` and sends one part, as a copy
    /// that is then broken off; returns its upload id.
    pub async fn start_upload(&self, bucket: &str, key: &str) -> String {
        let http = reqwest::Client::new();
        let body = http
            .post(format!("{}/{bucket}/{key}?uploads", self.endpoint()))
            .send()
            .await
            .expect("start upload")
            .text()
            .await
            .expect("body");
        let id = body
            .split("<UploadId>")
            .nth(1)
            .and_then(|r| r.split("</UploadId>").next())
            .unwrap_or_else(|| panic!("no upload id: {body}"))
            .to_string();
        let part = http
            .put(format!(
                "{}/{bucket}/{key}?partNumber=1&uploadId={id}",
                self.endpoint()
            ))
            .body(vec![7u8; 1024])
            .send()
            .await
            .expect("part");
        assert!(part.status().is_success(), "part: {}", part.status());
        id
    }

    /// The ids of the unfinished multipart uploads in the bucket.
    pub async fn uploads(&self, bucket: &str) -> Vec<String> {
        self.listed(&format!("{bucket}?uploads"), "UploadId").await
    }

    /// Every key in the bucket.
    pub async fn keys(&self, bucket: &str) -> Vec<String> {
        self.listed(&format!("{bucket}?list-type=2"), "Key").await
    }

    /// The values of the XML element `tag` in the listing at `path`.
    async fn listed(&self, path: &str, tag: &str) -> Vec<String> {
        let body = reqwest::Client::new()
            .get(format!("{}/{path}", self.endpoint()))
            .send()
            .await
            .expect("list")
            .text()
            .await
            .expect("list body");
        let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
        body.split(open.as_str())
            .skip(1)
            .filter_map(|k| k.split(close.as_str()).next())
            .map(str::to_string)
            .collect()
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A client logged in as `email` (with the password tests give accounts
/// they add: `MEMBER_PASSWORD`).
pub async fn logged_in(s: &Server, email: &str) -> Client {
    let c = s.client();
    let r = c.login(email, MEMBER_PASSWORD).await;
    assert_eq!(r.status, 303, "login {email}: {}", r.body);
    c
}

/// Posts a form from `page_path` (taking its CSRF token), as a browser
/// does after opening the page.
pub async fn post_from(c: &Client, page_path: &str, action: &str, fields: &[(&str, &str)]) -> Page {
    let page = c.get(page_path).await;
    assert_eq!(page.status, 200, "{page_path}: {}", page.body);
    c.post_form(action, &page.csrf(), fields).await
}

// Learning groups: shared by the team tools' tests.

pub async fn user_id(s: &Server, email: &str) -> String {
    sqlx::query_scalar::<_, String>("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&s.sql().await)
        .await
        .expect("user")
}

/// A group made by `facilitator`, with `members` joined through their
/// invitation mails. Returns the group's page.
pub async fn group_with(s: &Server, facilitator: &Client, name: &str, members: &[&str]) -> String {
    let r = post_from(facilitator, "/groepen", "/groepen", &[("name", name)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = r
        .location
        .as_deref()
        .expect("location")
        .split('?')
        .next()
        .expect("path")
        .to_string();
    let r = post_from(
        facilitator,
        &page,
        &format!("{page}/uitnodigen"),
        &[("emails", &members.join("\n"))],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let base = s.url("");
    for email in members {
        let link = s.mail(email, name).await.link(&base);
        let path = link.trim_start_matches(&base).to_string();
        let c = logged_in(s, email).await;
        let r = post_from(&c, &path, &path, &[]).await;
        assert_eq!(r.status, 303, "{email} joins: {}", r.body);
    }
    page
}

/// How many rows each table has: to prove what one request wrote.
pub async fn row_counts(s: &Server) -> Vec<(String, i64)> {
    let pool = s.sql().await;
    let tables: Vec<String> = match sqlx::query_scalar::<_, String>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&pool)
    .await
    {
        Ok(t) => t,
        Err(_) => sqlx::query_scalar::<_, String>(
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
             WHERE table_schema = current_schema() ORDER BY table_name",
        )
        .fetch_all(&pool)
        .await
        .expect("tables"),
    };
    let mut out = vec![];
    for t in tables {
        let n = sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM \"{t}\""))
            .fetch_one(&pool)
            .await
            .expect("count");
        out.push((t, n));
    }
    out
}

/// The columns of a table, in order.
pub async fn columns(s: &Server, table: &str) -> Vec<String> {
    let pool = s.sql().await;
    match sqlx::query_scalar::<_, String>(&format!(
        "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
    ))
    .fetch_all(&pool)
    .await
    {
        Ok(c) if !c.is_empty() => c,
        _ => sqlx::query_scalar::<_, String>(
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_name = $1 ORDER BY ordinal_position",
        )
        .bind(table)
        .fetch_all(&pool)
        .await
        .expect("columns"),
    }
}

/// Reads a stream of server-sent events until `until` appears in it, for
/// at most `secs` seconds; returns all that came.
pub async fn read_events(mut r: reqwest::Response, until: &str, secs: u64) -> String {
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(secs);
    while !seen.contains(until) {
        match tokio::time::timeout_at(deadline, r.chunk()).await {
            Ok(Ok(Some(bytes))) => seen.push_str(&String::from_utf8_lossy(&bytes)),
            _ => break,
        }
    }
    seen
}

/// Fills a group to `count` members: `first` (a member already, whose
/// password hash the others share) and more, straight into the database:
/// a test about many members at once is not about inviting them. Returns
/// all of them logged in, `first` first.
pub async fn fill_group(s: &Server, group: &str, first: &str, count: u64) -> Vec<Client> {
    let pool = s.sql().await;
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE email = $1")
        .bind(first)
        .fetch_one(&pool)
        .await
        .expect("hash");
    let group_id: String = sqlx::query_scalar("SELECT id FROM learning_groups WHERE slug = $1")
        .bind(group.trim_start_matches("/groepen/"))
        .fetch_one(&pool)
        .await
        .expect("group");
    let (local, domain) = first.split_once('@').expect("e-mail");
    let stem = local.trim_end_matches(|c: char| c.is_ascii_digit());
    let mut emails = vec![first.to_string()];
    for i in 1..count {
        let id = format!("{:032x}", rand_base(first) + i);
        let email = format!("{stem}{i}@{domain}");
        sqlx::query(
            "INSERT INTO users (id, email, name, password_hash, role, email_verified_at, created_at) \
             VALUES ($1, $2, $3, $4, 'lid', 1, 1)",
        )
        .bind(&id)
        .bind(&email)
        .bind(format!("Lid {i}"))
        .bind(&hash)
        .execute(&pool)
        .await
        .expect("user");
        sqlx::query(
            "INSERT INTO learning_group_members (group_id, user_id, role, created_at) VALUES ($1, $2, 'lid', 1)",
        )
        .bind(&group_id)
        .bind(&id)
        .execute(&pool)
        .await
        .expect("member");
        emails.push(email);
    }
    let mut members = vec![];
    for email in emails {
        members.push(logged_in(s, &email).await);
    }
    members
}

/// A number to start made-up user ids from, different per address.
fn rand_base(seed: &str) -> u64 {
    seed.bytes().fold(0xabc0_0000_u64, |h, b| {
        h.wrapping_mul(31).wrapping_add(u64::from(b))
    }) & 0xffff_ffff_0000
}

/// A day `days` from now, `YYYY-MM-DD`.
pub fn day_from_now(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// A client logged in through the API (a session cookie, no CSRF form).
pub async fn api_login(s: &Server, email: &str) -> Client {
    let c = s.client();
    let r = c
        .post_json(
            "/api/v1/session",
            &serde_json::json!({"email": email, "password": MEMBER_PASSWORD}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    c
}
