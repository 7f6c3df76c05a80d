use std::str::FromStr;
use std::time::Duration;

use std::sync::Arc;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Connection, Executor};

use crate::{Clock, Conn, FaultPoint};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Illegal(#[from] vooruit_domain::IllegalTransition),
    #[error("{0}")]
    Unknown(#[from] vooruit_domain::UnknownValue),
    #[error("unsupported database url (use sqlite:// or postgres://)")]
    UnsupportedUrl,
}

impl StoreError {
    /// True when a UNIQUE constraint refused the write.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            StoreError::Sql(sqlx::Error::Database(e)) => e.is_unique_violation(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbKind {
    Sqlite,
    Postgres,
}

/// The one handle to the database, cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    kind: DbKind,
    clock: Clock,
    fault: Option<Arc<FaultPoint>>,
    /// The last write probe: when, and whether it worked.
    probe: Arc<tokio::sync::Mutex<Option<(std::time::Instant, bool)>>>,
}

impl Db {
    /// Connects to `sqlite://path` (created if missing) or `postgres://...`.
    pub async fn connect(url: &str, clock: Clock) -> crate::Result<Db> {
        sqlx::any::install_default_drivers();
        let kind = if url.starts_with("sqlite:") {
            DbKind::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            DbKind::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl);
        };
        let url = if kind == DbKind::Sqlite && !url.contains("mode=") {
            let sep = if url.contains('?') { '&' } else { '?' };
            format!("{url}{sep}mode=rwc")
        } else {
            url.to_string()
        };
        let options = AnyConnectOptions::from_str(&url)?
            .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_millis(500));
        let pool = AnyPoolOptions::new()
            .max_connections(match kind {
                DbKind::Sqlite => 8,
                DbKind::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10))
            .after_release(|conn, _meta| {
                Box::pin(async move {
                    // A transaction dropped after a failed statement or a
                    // failed COMMIT (a full disk) can leave the connection
                    // believing it is still inside one: sqlx's ROLLBACK
                    // fails when SQLite already rolled back, and every
                    // later BEGIN on it is refused. Let the queued ROLLBACK
                    // run (ping goes after it), and close a connection that
                    // is still not clean; the pool opens a fresh one.
                    if conn.is_in_transaction() {
                        conn.ping().await?;
                    }
                    Ok(!conn.is_in_transaction())
                })
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if kind == DbKind::Sqlite {
                        // WAL lets readers work during a write; synchronous=FULL
                        // makes every acknowledged commit survive a power cut;
                        // secure_delete overwrites what is deleted, so an
                        // erased account or a moved answer is not left in
                        // free pages of the file.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                             PRAGMA secure_delete = ON;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Db {
            pool,
            kind,
            clock,
            fault: None,
            probe: Default::default(),
        })
    }

    /// Test mode only: stops the named use case after its k-th write.
    pub fn with_fault_point(mut self, fault: FaultPoint) -> Db {
        self.fault = Some(Arc::new(fault));
        self
    }

    pub fn kind(&self) -> DbKind {
        self.kind
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// A connection for reading (each statement commits on its own).
    pub async fn read(&self) -> crate::Result<Conn> {
        Ok(Conn::pooled(self.pool.acquire().await?, self.clock.clone()))
    }

    /// A transaction for one use case, named for logs and the test-only
    /// fault point ("feature.use_case"). Nothing is kept unless it is
    /// committed. On SQLite it takes the write lock at once (BEGIN
    /// IMMEDIATE): a transaction that read first and wrote later could
    /// otherwise fail when another writer got in between.
    pub async fn begin(&self, use_case: &'static str) -> crate::Result<Conn> {
        let tx = match self.kind {
            DbKind::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            DbKind::Postgres => self.pool.begin().await?,
        };
        let stop_after = self
            .fault
            .as_deref()
            .filter(|f| f.use_case == use_case)
            .map(|f| f.after_writes);
        Ok(Conn::transaction(
            tx,
            self.clock.clone(),
            use_case,
            stop_after,
        ))
    }

    /// Brings the schema up to date. Safe to run on every start and from
    /// several nodes at once (sqlx takes a lock on PostgreSQL).
    pub async fn migrate(&self) -> crate::Result<()> {
        migrator(self.kind).run(&self.pool).await?;
        Ok(())
    }

    /// True when `fingerprint` is the server secret's fingerprint every
    /// node of this database uses (the first node to ask sets it).
    pub async fn same_secret(&self, fingerprint: &str) -> crate::Result<bool> {
        sqlx::query(
            "INSERT INTO secret_fingerprint (id, fingerprint) VALUES (1, $1) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(fingerprint)
        .execute(&self.pool)
        .await?;
        let stored: String =
            sqlx::query_scalar("SELECT fingerprint FROM secret_fingerprint WHERE id = 1")
                .fetch_one(&self.pool)
                .await?;
        Ok(stored == fingerprint)
    }

    /// SQLite only: writes a consistent copy of the whole database to
    /// `path` (which must not exist) while others keep writing: `VACUUM
    /// INTO` reads in one transaction, so the copy holds exactly what was
    /// committed when it began.
    pub async fn copy_into(&self, path: &std::path::Path) -> crate::Result<()> {
        if self.kind != DbKind::Sqlite {
            return Err(StoreError::UnsupportedUrl);
        }
        let target = path
            .to_str()
            .ok_or_else(|| StoreError::Corrupt("backup path is not UTF-8".into()))?;
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The newest migration this database has run.
    pub async fn schema_version(&self) -> crate::Result<i64> {
        let v: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(&self.pool)
            .await?;
        Ok(v.unwrap_or(0))
    }

    /// Runs only the migrations older than `version`: a database as an
    /// earlier release left it, to test a migration on filled data.
    pub async fn migrate_before(&self, version: i64) -> crate::Result<()> {
        let all = migrator(self.kind);
        let older = sqlx::migrate::Migrator {
            migrations: std::borrow::Cow::Owned(
                all.iter()
                    .filter(|m| m.version < version)
                    .cloned()
                    .collect(),
            ),
            ..sqlx::migrate::Migrator::DEFAULT
        };
        older.run(&self.pool).await?;
        Ok(())
    }

    /// True when the database takes a write now: one committed update of
    /// the probe row, through the same path as every use case, so a full
    /// disk, a lost write lock or a database that is down all say no. At
    /// most one probe a second; callers in between get the last answer
    /// (the endpoint is public, and each probe costs an fsync).
    pub async fn takes_writes(&self) -> bool {
        let mut last = self.probe.lock().await;
        if let Some((at, ok)) = *last
            && at.elapsed() < Duration::from_secs(1)
        {
            return ok;
        }
        let probe = async {
            let mut c = self.begin("health.probe").await?;
            let now = c.now();
            sqlx::query("UPDATE health_probe SET checked_at = $1 WHERE id = 1")
                .bind(now)
                .execute(&mut c)
                .await?;
            c.commit().await?;
            Ok::<_, StoreError>(())
        };
        let ok = match tokio::time::timeout(Duration::from_secs(5), probe).await {
            Ok(Ok(())) => true,
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "the database does not take writes");
                false
            }
            Err(_) => {
                tracing::warn!("the database did not take a write within 5 s");
                false
            }
        };
        *last = Some((std::time::Instant::now(), ok));
        ok
    }
}

/// The migrations of one backend, embedded in the binary.
pub fn migrator(kind: DbKind) -> &'static sqlx::migrate::Migrator {
    match kind {
        DbKind::Sqlite => &SQLITE_MIGRATIONS,
        DbKind::Postgres => &POSTGRES_MIGRATIONS,
    }
}

tokio::task_local! {
    static QUERIES: std::cell::Cell<u32>;
}

/// Counts one statement for the request being served, if it is counted.
pub(crate) fn count_one() {
    let _ = QUERIES.try_with(|n| n.set(n.get() + 1));
}

/// Runs `fut` and counts the SQL statements it runs. Lets a test prove that a page runs a bounded number of
/// queries, whatever the size of the list it shows.
pub async fn count_queries<F: std::future::Future>(fut: F) -> (F::Output, u32) {
    QUERIES
        .scope(std::cell::Cell::new(0), async {
            let out = fut.await;
            (out, QUERIES.with(std::cell::Cell::get))
        })
        .await
}

/// A random, opaque identifier: 128 bits as hex. Never sequential, so an id in
/// a URL tells nothing about how many things exist.
pub fn new_id() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// 0/1 integers are how both databases store a flag here.
pub(crate) fn flag(b: bool) -> i64 {
    i64::from(b)
}

/// `$1, $2, ..., $n`: the placeholders of an `IN (...)` list of n values.
pub(crate) fn in_list(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A state or kind written into SQL as a quoted literal. The words
/// come from the domain enums (plain ASCII words, never user input), so
/// queries name states through the enum and the CHECK constraints hold.
pub(crate) fn lit(value: impl std::fmt::Display) -> String {
    format!("'{value}'")
}

/// Several states as a list for `IN (...)`.
pub(crate) fn lits<T: std::fmt::Display>(values: &[T]) -> String {
    values.iter().map(lit).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both backends must have the same migrations, and from the
    /// organisations on every name starts with the time it was written
    /// (YYYYMMDDhhmmss), so two branches cannot both take the next number.
    #[test]
    fn both_backends_have_the_same_migration_versions() {
        let versions = |kind| -> Vec<(i64, String)> {
            migrator(kind)
                .iter()
                .map(|m| (m.version, m.description.to_string()))
                .collect()
        };
        let sqlite = versions(DbKind::Sqlite);
        assert_eq!(sqlite, versions(DbKind::Postgres));
        assert!(sqlite.len() >= 9, "{sqlite:?}");
        for (version, description) in &sqlite {
            let numbered = (1..=8).contains(version);
            let timestamped = (20_000_101_000_000..30_000_101_000_000).contains(version);
            assert!(
                numbered || timestamped,
                "migration {version} {description}: name new migrations YYYYMMDDhhmmss_what.sql"
            );
        }
    }
}
