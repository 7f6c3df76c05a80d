//! A database for one store test: a SQLite file in a temporary folder, or,
//! when `VOORUIT_TEST_POSTGRES_URL` is set (the second pass of the test
//! script), a fresh PostgreSQL database that is dropped afterwards.

#![allow(dead_code)]

use sqlx::Connection;
use vooruit_store::{Clock, Db, DbKind};

pub struct TestDb {
    pub db: Db,
    _dir: tempfile::TempDir,
    pg: Option<(String, String)>,
}

impl TestDb {
    /// A database with every migration applied.
    pub async fn new() -> TestDb {
        let t = TestDb::empty().await;
        t.db.migrate().await.expect("migrate");
        t
    }

    /// A database without tables.
    pub async fn empty() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let (url, pg) = match std::env::var("VOORUIT_TEST_POSTGRES_URL") {
            Ok(admin) if !admin.is_empty() => {
                let name = format!("vooruit_s_{}", vooruit_store::new_id());
                let mut conn = sqlx::postgres::PgConnection::connect(&admin)
                    .await
                    .expect("connect to VOORUIT_TEST_POSTGRES_URL");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("create test database");
                let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
                (format!("{base}/{name}"), Some((admin, name)))
            }
            _ => (
                format!("sqlite://{}", dir.path().join("store.db").display()),
                None,
            ),
        };
        let db = Db::connect(&url, Clock::movable()).await.expect("connect");
        TestDb { db, _dir: dir, pg }
    }

    pub fn kind(&self) -> DbKind {
        self.db.kind()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.pg.take() {
            // Best effort, on a runtime of its own: Drop cannot be async.
            let _ = std::thread::spawn(move || {
                if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    rt.block_on(async {
                        if let Ok(mut conn) = sqlx::postgres::PgConnection::connect(&admin).await {
                            let _ = sqlx::query(&format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            ))
                            .execute(&mut conn)
                            .await;
                        }
                    });
                }
            })
            .join();
        }
    }
}
