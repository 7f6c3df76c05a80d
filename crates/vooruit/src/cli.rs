use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use vooruit_app::{App, Clock, Config, Db, FaultPoint};
use vooruit_domain::account::Role;

use crate::config::{FileConfig, default_database_url};

#[derive(Parser, Debug)]
#[command(
    name = "vooruit",
    version,
    about = "Vooruit: a platform for learning networks in care, welfare and public services"
)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug)]
pub struct Common {
    /// Directory for the SQLite database, the mail outbox and uploads.
    #[arg(long, global = true, env = "VOORUIT_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// sqlite://path/to/file.db or postgres://user:pass@host/db (default: SQLite in the data dir).
    #[arg(
        long,
        global = true,
        env = "VOORUIT_DATABASE_URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,
    /// Where uploaded files are kept: s3://bucket/prefix for an
    /// S3-compatible store (credentials, region and endpoint from the usual
    /// AWS_* variables); by default the directory files/ in the data dir.
    #[arg(long, global = true, env = "VOORUIT_STORAGE_URL")]
    pub storage_url: Option<String>,
    /// The key of form tokens and mail links: at least 32 characters, the
    /// same on every node of one database (default: `secret.key` in the
    /// data dir, made on first start).
    #[arg(long, global = true, env = "VOORUIT_SECRET", hide_env_values = true)]
    pub secret: Option<String>,
    /// Optional settings file.
    #[arg(
        long,
        global = true,
        env = "VOORUIT_CONFIG",
        default_value = "vooruit.toml"
    )]
    pub config: PathBuf,
    /// `production`, or `test` for the test suite: only in test mode can
    /// the clock be moved (POST /api/test/clock) and a fault point be set
    /// (VOORUIT_TEST_FAULT); production refuses both.
    #[arg(long, global = true, env = "VOORUIT_MODE", default_value = "production",
          value_parser = ["production", "test"])]
    pub mode: String,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web server (migrates the database first).
    Serve(Box<ServeArgs>),
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Rebuild this node's search index from the database (stop the server first).
    Reindex,
    /// Fill the database with content: the demo stories, plus generated ones.
    Demo {
        /// How many generated stories to add (for measuring at scale).
        #[arg(long, default_value_t = 0)]
        stories: usize,
        /// How many confirmed newsletter subscribers to add.
        #[arg(long, default_value_t = 0)]
        subscribers: usize,
        /// Also add the story library: more hand-written stories (the
        /// search relevance yardstick ranks over these).
        #[arg(long)]
        library: bool,
    },
    /// Measure: `bench search` prints search latency on this data dir;
    /// `bench measurement` the time to compute a measurement round's
    /// results (generated once per size, with `--answers` per round).
    Bench {
        #[arg(value_parser = ["search", "measurement"])]
        what: String,
        /// Answers per round, for `bench measurement`.
        #[arg(long, default_value_t = 10_000)]
        answers: usize,
        /// Rounds over the fixed query set.
        #[arg(long, default_value_t = 50)]
        runs: usize,
        /// Instead of the fixed set: each search in this file once, as
        /// `/zoeken?q=..&theme=..` lines (`scripts/bench/paths.py searches`).
        #[arg(long)]
        paths: Option<std::path::PathBuf>,
    },
    /// Print every route of the web server (method and path).
    Routes,
    /// Remove uploaded files that no publication refers to (left by an
    /// upload that a crash interrupted). `serve` does this every ten
    /// minutes for files an hour old.
    SweepFiles {
        /// Only files whose upload started at least this many minutes ago.
        #[arg(long, default_value_t = 60)]
        older_than_minutes: i64,
    },
    /// Write a backup to one file while the server runs: on SQLite the
    /// database and the uploaded files, on PostgreSQL the uploaded files
    /// (back the database up with pg_dump).
    Backup {
        /// The file to write (must not exist yet).
        #[arg(long)]
        to: PathBuf,
    },
    /// Fill an empty data dir from a backup, before the first `serve`
    /// (which rebuilds the search index).
    Restore {
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "VOORUIT_ADDR")]
    pub addr: Option<String>,
    /// Load demo content into an empty database.
    #[arg(long, env = "VOORUIT_DEMO")]
    pub demo: bool,
    /// Public address of the site, used in mails (default: http://<addr>).
    #[arg(long, env = "VOORUIT_BASE_URL")]
    pub base_url: Option<String>,
    /// smtp://user:pass@host:587?tls=required (STARTTLS), smtps://user:pass@host:465 or smtp://host:25; without it mails go to <data-dir>/outbox as .eml files.
    #[arg(long, env = "VOORUIT_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The From: address of mails.
    #[arg(long, env = "VOORUIT_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// The licence of the open data at /open-data: cc-by-4.0 (default),
    /// cc-by-sa-4.0 or cc0-1.0.
    #[arg(long, env = "VOORUIT_OPEN_DATA_LICENCE")]
    pub open_data_licence: Option<String>,
    /// Where to report a vulnerability, for /.well-known/security.txt
    /// (RFC 9116): a mailto: or https: address; repeat for more than one.
    /// Without it the file is not served.
    #[arg(
        long = "security-contact",
        env = "VOORUIT_SECURITY_CONTACT",
        value_delimiter = ','
    )]
    pub security_contacts: Vec<String>,
    /// Turns on /metrics (Prometheus), for callers that send
    /// `Authorization: Bearer <this token>`; without it /metrics is off.
    #[arg(long, env = "VOORUIT_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Trust X-Forwarded-For for the client address (only behind your own proxy).
    #[arg(long, env = "VOORUIT_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// A CSS file with your organisation's design tokens.
    #[arg(long, env = "VOORUIT_THEME_CSS")]
    pub theme_css: Option<PathBuf>,
    /// Log format: text or json.
    #[arg(long, env = "VOORUIT_LOG_FORMAT")]
    pub log_format: Option<String>,
    /// Newsletter mails per second; 0 sends as fast as the SMTP server takes them.
    #[arg(long, env = "VOORUIT_NEWSLETTER_RATE")]
    pub newsletter_rate: Option<u32>,
    /// Stories one IP address may share per hour without an account; 0 for no limit.
    #[arg(long, env = "VOORUIT_SUBMISSION_LIMIT")]
    pub submission_limit: Option<i64>,
    /// Registrations one IP address may try per hour; 0 for no limit.
    #[arg(long, env = "VOORUIT_REGISTRATION_LIMIT")]
    pub registration_limit: Option<i64>,
    /// Registrations for one e-mail address per hour; 0 for no limit.
    #[arg(long, env = "VOORUIT_REGISTRATION_ADDRESS_LIMIT")]
    pub registration_address_limit: Option<i64>,
    /// The largest PDF an editor may upload, in MB (default 50).
    #[arg(long, env = "VOORUIT_PDF_LIMIT_MB")]
    pub pdf_limit_mb: Option<u64>,
    /// The largest picture (a cover) an editor may upload, in MB (default 10).
    #[arg(long, env = "VOORUIT_IMAGE_LIMIT_MB")]
    pub image_limit_mb: Option<u64>,
    /// The largest podcast episode (MP3 or M4A) an editor may upload, in MB
    /// (default 300: two hours at 320 kbit/s).
    #[arg(long, env = "VOORUIT_AUDIO_LIMIT_MB")]
    pub audio_limit_mb: Option<u64>,
    /// The largest video (MP4 or WebM) an editor may upload, in MB (default 1000).
    #[arg(long, env = "VOORUIT_VIDEO_LIMIT_MB")]
    pub video_limit_mb: Option<u64>,
    /// The `pdftoppm` program (from poppler-utils) that draws a PDF's first
    /// page as its cover; "off" for none (a generic cover). Optional.
    #[arg(long, env = "VOORUIT_PDFTOPPM")]
    pub pdftoppm: Option<String>,
}

/// Enough for a workshop behind one office address, too few to flood the editors.
const DEFAULT_SUBMISSION_LIMIT: i64 = 30;
/// A training day's room behind one office address can still register;
/// a script trying addresses cannot go on.
const DEFAULT_REGISTRATION_LIMIT: i64 = 30;
/// Enough for someone who mistyped a password twice.
const DEFAULT_REGISTRATION_ADDRESS_LIMIT: i64 = 5;
/// The largest PDF an editor may upload, in MB.
const DEFAULT_PDF_LIMIT_MB: u64 = 50;
/// The largest picture an editor may upload, in MB.
const DEFAULT_IMAGE_LIMIT_MB: u64 = 10;
const DEFAULT_AUDIO_LIMIT_MB: u64 = 300;
const DEFAULT_VIDEO_LIMIT_MB: u64 = 1000;

/// A pace most SMTP relays accept without throttling.
const DEFAULT_NEWSLETTER_RATE: u32 = 20;

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account (or update the role and password of an existing one).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// lid (the default), redacteur or beheerder (member, editor and
        /// admin work too)
        #[arg(long)]
        role: Option<String>,
        /// Read the password from standard input (one line).
        #[arg(long)]
        password_stdin: bool,
    },
}

struct Resolved {
    data_dir: PathBuf,
    database_url: String,
    storage_url: Option<String>,
    secret: Option<String>,
    file: FileConfig,
    test_mode: bool,
    fault: Option<FaultPoint>,
}

fn resolve(common: &Common) -> anyhow::Result<Resolved> {
    let file = FileConfig::load(&common.config)?;
    let data_dir = common
        .data_dir
        .clone()
        .or_else(|| file.data_dir.clone())
        .unwrap_or_else(|| PathBuf::from("./data"));
    std::fs::create_dir_all(&data_dir)
        .with_context(|| format!("creating data dir {}", data_dir.display()))?;
    let database_url = common
        .database_url
        .clone()
        .or_else(|| file.database_url.clone())
        .unwrap_or_else(|| default_database_url(&data_dir));
    let storage_url = common
        .storage_url
        .clone()
        .or_else(|| file.storage_url.clone())
        .filter(|u| !u.is_empty());
    let test_mode = common.mode == "test";
    let fault = match std::env::var("VOORUIT_TEST_FAULT") {
        Ok(spec) if !spec.is_empty() => {
            if !test_mode {
                bail!(
                    "VOORUIT_TEST_FAULT is a setting for the test suite and is refused in production mode (set VOORUIT_MODE=test only in tests)"
                );
            }
            Some(FaultPoint::parse(&spec).with_context(|| {
                format!("VOORUIT_TEST_FAULT={spec:?}: expected <use case>:<number of writes>")
            })?)
        }
        _ => None,
    };
    let secret = common.secret.clone().or_else(|| file.secret.clone());
    Ok(Resolved {
        data_dir,
        database_url,
        storage_url,
        secret,
        file,
        test_mode,
        fault,
    })
}

fn init_logging(format: Option<&str>) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("VOORUIT_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    // Logs go to stderr; stdout carries only the "listening on" line.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format == Some("json") {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn open_data_licence(setting: Option<&str>) -> anyhow::Result<vooruit_web::OpenDataLicence> {
    use vooruit_web::OpenDataLicence as Licence;
    match setting {
        None => Ok(Licence::CcBy4),
        Some(s) => Licence::parse(s).with_context(|| {
            format!("open data licence {s:?}: choose cc-by-4.0, cc-by-sa-4.0 or cc0-1.0")
        }),
    }
}

/// The file of a `sqlite://` database URL; None for PostgreSQL.
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    Some(PathBuf::from(rest.split('?').next().unwrap_or(rest)))
}

async fn open_db(r: &Resolved) -> anyhow::Result<Db> {
    // Only the test suite's clock can be moved (see `Common::mode`).
    let clock = if r.test_mode {
        Clock::movable()
    } else {
        Clock::system()
    };
    let mut db = Db::connect(&r.database_url, clock)
        .await
        .context("connecting to the database (check VOORUIT_DATABASE_URL)")?;
    db.migrate().await.context("migrating the database")?;
    if let Some(fault) = r.fault.clone() {
        db = db.with_fault_point(fault);
    }
    Ok(db)
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let r = resolve(&cli.common)?;
    match cli.command {
        Command::Serve(args) => serve(r, *args).await,
        Command::Backup { to } => {
            let db = open_db(&r).await?;
            let files = r.storage_url.is_none().then(|| r.data_dir.join("files"));
            let done = crate::backup::create(&db, &r.data_dir, files, &to).await?;
            println!(
                "backup written to {}: {}{} uploaded file(s)",
                to.display(),
                if done.database {
                    "the database and "
                } else {
                    ""
                },
                done.files
            );
            if !done.database {
                println!(
                    "the database is on PostgreSQL: back it up with pg_dump (see README, Backup and restore)"
                );
            }
            Ok(())
        }
        Command::Restore { from } => {
            let sqlite = sqlite_file(&r.database_url);
            let done = crate::backup::restore(
                &from,
                &r.data_dir,
                sqlite.as_deref(),
                r.storage_url.is_none(),
            )?;
            // Brings a backup of an older release up to date now, so a
            // problem shows here rather than at the first start.
            open_db(&r).await?;
            println!(
                "restored {}{} uploaded file(s) into {}; `vooruit serve` rebuilds the search index",
                if done.database {
                    "the database and "
                } else {
                    ""
                },
                done.files,
                r.data_dir.display()
            );
            Ok(())
        }
        Command::SweepFiles { older_than_minutes } => {
            let app = App::new(
                open_db(&r).await?,
                app_config(&r, "http://localhost:8080".into(), None, None)?,
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            let removed = app
                .publications()
                .sweep_files(older_than_minutes.max(0) * 60_000)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("removed {removed} file(s)");
            Ok(())
        }
        Command::Reindex => {
            init_logging(r.file.log_format.as_deref());
            let app = App::new(
                open_db(&r).await?,
                app_config(&r, "http://localhost:8080".into(), None, None)?,
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            let started = std::time::Instant::now();
            if !app
                .open_search()
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
            {
                app.rebuild_index()
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            }
            let n = app
                .stories()
                .count_published()
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "indexed {n} published stories in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            let started = std::time::Instant::now();
            let derived = app
                .derive_missing()
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "worked out the pages of {derived} stories that had none in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            let started = std::time::Instant::now();
            let pages = vooruit_web::page_files::PageFiles::new(&app);
            pages.clear().await.map_err(|e| anyhow::anyhow!("{e}"))?;
            let rendered = pages.fill(&app).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "rendered the pages of {rendered} stories in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Demo {
            stories,
            subscribers,
            library,
        } => {
            init_logging(r.file.log_format.as_deref());
            let app = App::new(
                open_db(&r).await?,
                app_config(&r, "http://localhost:8080".into(), None, None)?,
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            app.load_demo().await.map_err(|e| anyhow::anyhow!("{e}"))?;
            if library {
                let added = app
                    .load_library()
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                println!("added {added} stories from the library");
            }
            let started = std::time::Instant::now();
            app.generate_stories(stories)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            app.generate_subscribers(subscribers)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let count = async {
                Ok::<_, vooruit_app::AppError>((
                    app.stories().count_published().await?,
                    app.newsletter().confirmed_count().await?,
                ))
            };
            let (published, subscribed) = count.await.map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "database has {published} published stories and {subscribed} confirmed subscribers ({stories} stories and {subscribers} subscribers generated in {:.1} s); run `vooruit reindex` or start the server to index the stories",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Bench {
            what,
            answers,
            runs,
            paths,
        } => {
            init_logging(r.file.log_format.as_deref());
            let app = App::new(
                open_db(&r).await?,
                app_config(&r, "http://localhost:8080".into(), None, None)?,
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            if what == "measurement" {
                return crate::bench::measurement(&app, answers, runs).await;
            }
            app.open_search()
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            match paths {
                Some(file) => crate::bench::search_paths(&app, &file),
                None => crate::bench::search(&app, runs),
            }
        }
        Command::Routes => {
            for route in vooruit_web::route_table() {
                println!("{} {}", route.method, route.path);
            }
            Ok(())
        }
        Command::Migrate => {
            init_logging(r.file.log_format.as_deref());
            open_db(&r).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::User { command } => match command {
            UserCommand::Add {
                email,
                name,
                role,
                password_stdin,
            } => {
                init_logging(r.file.log_format.as_deref());
                let typed = role.as_deref().map_or(Some(Role::Member), Role::from_input);
                let Some(role) = typed else {
                    bail!(
                        "unknown role {:?}: use lid, redacteur or beheerder (or member, editor, admin)",
                        role.unwrap_or_default()
                    );
                };
                if !password_stdin {
                    bail!(
                        "give the password on standard input with --password-stdin, so it does not end up in your shell history"
                    );
                }
                let mut password = String::new();
                std::io::stdin().read_to_string(&mut password)?;
                let password = password.trim_end_matches(['\n', '\r']);
                let app = App::new(
                    open_db(&r).await?,
                    app_config(&r, "http://localhost:8080".into(), None, None)?,
                )
                .map_err(|e| anyhow::anyhow!("{e}"))?;
                match app.accounts().add_user(&email, &name, role, password).await {
                    Ok(true) => println!("account created: {email} ({})", role.as_str()),
                    Ok(false) => println!("account updated: {email} ({})", role.as_str()),
                    Err(vooruit_app::AppError::Validation(errors)) => {
                        let problems: Vec<String> = errors
                            .0
                            .iter()
                            .map(|e| format!("{}: {}", e.field, e.key))
                            .collect();
                        bail!("invalid input: {}", problems.join(", "));
                    }
                    Err(e) => bail!("{e}"),
                }
                Ok(())
            }
        },
    }
}

fn app_config(
    r: &Resolved,
    base_url: String,
    smtp_url: Option<String>,
    mail_from: Option<String>,
) -> anyhow::Result<Config> {
    let secret = vooruit_app::secret::Secret::load(r.secret.as_deref(), &r.data_dir)
        .context("the server secret (VOORUIT_SECRET or secret.key in the data dir)")?;
    Ok(Config {
        base_url: base_url.trim_end_matches('/').to_string(),
        data_dir: r.data_dir.clone(),
        smtp_url,
        mail_from: mail_from.unwrap_or_else(|| "Vooruit <noreply@vooruit.local>".into()),
        newsletter_per_second: r.file.newsletter_rate.unwrap_or(DEFAULT_NEWSLETTER_RATE),
        submissions_per_hour: r.file.submission_limit.unwrap_or(DEFAULT_SUBMISSION_LIMIT),
        registrations_per_hour: r
            .file
            .registration_limit
            .unwrap_or(DEFAULT_REGISTRATION_LIMIT),
        registrations_per_address: r
            .file
            .registration_address_limit
            .unwrap_or(DEFAULT_REGISTRATION_ADDRESS_LIMIT),
        pdf_limit_bytes: r.file.pdf_limit_mb.unwrap_or(DEFAULT_PDF_LIMIT_MB) * 1_000_000,
        storage_url: r.storage_url.clone(),
        image_limit_bytes: r.file.image_limit_mb.unwrap_or(DEFAULT_IMAGE_LIMIT_MB) * 1_000_000,
        audio_limit_bytes: r.file.audio_limit_mb.unwrap_or(DEFAULT_AUDIO_LIMIT_MB) * 1_000_000,
        video_limit_bytes: r.file.video_limit_mb.unwrap_or(DEFAULT_VIDEO_LIMIT_MB) * 1_000_000,
        pdftoppm: pdftoppm(r.file.pdftoppm.clone()),
        secret,
    })
}

/// The cover drawer as configured: "pdftoppm" from the PATH unless set,
/// none when set to "off" (or empty).
fn pdftoppm(setting: Option<String>) -> Option<String> {
    match setting {
        None => Some("pdftoppm".into()),
        Some(s) if s.is_empty() || s == "off" => None,
        Some(s) => Some(s),
    }
}

async fn serve(r: Resolved, args: ServeArgs) -> anyhow::Result<()> {
    init_logging(args.log_format.as_deref().or(r.file.log_format.as_deref()));
    // Settings that can be wrong are read first: a mistake stops the start
    // before anything is opened.
    let open_data_licence = open_data_licence(
        args.open_data_licence
            .as_deref()
            .or(r.file.open_data_licence.as_deref()),
    )?;
    let security_contacts = if args.security_contacts.is_empty() {
        r.file.security_contacts.clone().unwrap_or_default()
    } else {
        args.security_contacts.clone()
    };
    for c in &security_contacts {
        if !(c.starts_with("mailto:") || c.starts_with("https://"))
            || c.contains(char::is_whitespace)
        {
            bail!(
                "security contact {c:?}: give a mailto: or https: address, for example mailto:security@example.org"
            );
        }
    }
    let addr = args
        .addr
        .clone()
        .or_else(|| r.file.addr.clone())
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    let addr: SocketAddr = addr
        .parse()
        .with_context(|| format!("invalid address {addr:?}"))?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    let base_url = args
        .base_url
        .clone()
        .or_else(|| r.file.base_url.clone())
        .unwrap_or_else(|| format!("http://{local}"));
    let theme_path = args.theme_css.clone().or_else(|| r.file.theme_css.clone());
    let theme_css = match theme_path {
        Some(p) => Some(
            std::fs::read_to_string(&p)
                .with_context(|| format!("reading theme css {}", p.display()))?,
        ),
        None => None,
    };
    let db = open_db(&r).await?;
    let mut config = app_config(
        &r,
        base_url.clone(),
        args.smtp_url.clone().or_else(|| r.file.smtp_url.clone()),
        args.mail_from.clone().or_else(|| r.file.mail_from.clone()),
    )?;
    if !db.same_secret(&config.secret.fingerprint()).await? {
        bail!(
            "this node's secret differs from the one the other nodes of this database use: \
             give every node the same VOORUIT_SECRET (or copy secret.key from the first node's data dir)"
        );
    }
    if let Some(rate) = args.newsletter_rate {
        config.newsletter_per_second = rate;
    }
    if let Some(limit) = args.submission_limit {
        config.submissions_per_hour = limit;
    }
    if let Some(limit) = args.registration_limit {
        config.registrations_per_hour = limit;
    }
    if let Some(limit) = args.registration_address_limit {
        config.registrations_per_address = limit;
    }
    if let Some(mb) = args.pdf_limit_mb {
        config.pdf_limit_bytes = mb * 1_000_000;
    }
    if let Some(mb) = args.image_limit_mb {
        config.image_limit_bytes = mb * 1_000_000;
    }
    if let Some(mb) = args.audio_limit_mb {
        config.audio_limit_bytes = mb * 1_000_000;
    }
    if let Some(mb) = args.video_limit_mb {
        config.video_limit_bytes = mb * 1_000_000;
    }
    if args.pdftoppm.is_some() {
        config.pdftoppm = pdftoppm(args.pdftoppm.clone());
    }
    let app = App::new(db.clone(), config).map_err(|e| anyhow::anyhow!("{e}"))?;
    if args.demo
        && app
            .load_demo()
            .await
            .map_err(|e| anyhow::anyhow!("loading demo content: {e}"))?
    {
        tracing::info!(
            editor = vooruit_app::demo::DEMO_EDITOR_EMAIL,
            password = vooruit_app::demo::DEMO_EDITOR_PASSWORD,
            admin = vooruit_app::demo::DEMO_ADMIN_EMAIL,
            admin_password = vooruit_app::demo::DEMO_ADMIN_PASSWORD,
            "demo content loaded; log in as the demo editor or the demo administrator"
        );
    }
    let fresh = app
        .open_search()
        .await
        .map_err(|e| anyhow::anyhow!("opening the search index: {e}"))?;
    let pages = Arc::new(vooruit_web::page_files::PageFiles::new(&app));
    if fresh {
        // Built anew: the stored pages may miss changes made before.
        pages.clear().await.map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let router = vooruit_web::router(
        app.clone(),
        vooruit_web::WebConfig {
            trust_proxy: args.trust_proxy || r.file.trust_proxy.unwrap_or(false),
            theme_css,
            debug_queries: std::env::var("VOORUIT_DEBUG_QUERIES").is_ok_and(|v| v == "1"),
            open_data_licence,
            security_contacts,
            metrics_token: args
                .metrics_token
                .clone()
                .or_else(|| r.file.metrics_token.clone())
                .filter(|t| !t.is_empty()),
        },
        pages.clone(),
    );
    if db.hash_stored_link_tokens(vooruit_app::hash_token).await? {
        tracing::info!("links in mails are derived from the secret now; stored ones were hashed");
    }
    app.catch_up()
        .await
        .map_err(|e| anyhow::anyhow!("catching up with changes: {e}"))?;
    app.spawn_workers();
    tokio::spawn(app.clone().run_indexer());
    let background = app.clone();
    tokio::spawn(async move {
        if let Err(e) = background.derive_missing().await {
            tracing::error!(error = %e, "working out story pages failed");
        }
        pages.keep(background).await;
    });
    tracing::info!(%local, %base_url, database = ?db.kind(), "Vooruit is listening");
    // Printed plainly too, so scripts and tests can read the port.
    println!("listening on http://{local}");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("serving")?;
    // The background workers end with the process; every acknowledged write
    // is committed already (WAL with synchronous=FULL, or PostgreSQL).
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
