//! `Conn`: one connection for one use case. Either a plain connection from
//! the pool (reads, `Db::read`) or a transaction (`Db::begin`): everything a
//! use case writes, its queued mails and search-outbox rows included, is
//! committed together or not at all.
//!
//! Every statement passes through the `Executor` impl below, which is where
//! queries are counted (`count_queries`) and where the test-only fault point
//! stops a use case after its k-th write.

use std::io::Write as _;

use futures_core::future::BoxFuture;
use futures_core::stream::BoxStream;
use sqlx::any::{AnyQueryResult, AnyRow, AnyStatement, AnyTypeInfo};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, Either, Execute, Executor, Transaction};
use vooruit_domain::content_type::ContentType;

use crate::Clock;

enum Inner {
    Pool(PoolConnection<Any>),
    Tx(Transaction<'static, Any>),
}

/// What a committed use case leaves for the node to do at once: wake the
/// workers of the jobs it queued, index the stories it changed. (Other
/// nodes find both in the database by polling.)
#[derive(Debug, Default, Clone)]
pub struct Effects {
    pub job_kinds: Vec<&'static str>,
    /// Published content changed: (what kind, its id).
    pub changed: Vec<(ContentType, String)>,
}

pub struct Conn {
    inner: Inner,
    clock: Clock,
    use_case: &'static str,
    writes: u32,
    /// Test-only: stop for good once this many writes are done.
    stop_after: Option<u32>,
    effects: Effects,
}

impl std::fmt::Debug for Conn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Conn")
            .field("use_case", &self.use_case)
            .field("writes", &self.writes)
            .finish()
    }
}

/// Test-only: the use case (its name in `Db::begin`) to stop after `after`
/// writes. Set from `VOORUIT_TEST_FAULT=<use case>:<k>` in test mode.
#[derive(Debug, Clone)]
pub struct FaultPoint {
    pub use_case: String,
    pub after_writes: u32,
}

impl FaultPoint {
    /// Parses `<use case>:<k>`.
    pub fn parse(s: &str) -> Option<FaultPoint> {
        let (use_case, k) = s.rsplit_once(':')?;
        Some(FaultPoint {
            use_case: use_case.to_string(),
            after_writes: k.parse().ok()?,
        })
    }
}

fn is_write(sql: &str) -> bool {
    let head = sql.trim_start().get(..6).unwrap_or("");
    ["INSERT", "UPDATE", "DELETE"]
        .iter()
        .any(|w| head.eq_ignore_ascii_case(w))
}

impl Conn {
    pub(crate) fn pooled(c: PoolConnection<Any>, clock: Clock) -> Conn {
        Conn::new(Inner::Pool(c), clock, "read", None)
    }

    pub(crate) fn transaction(
        tx: Transaction<'static, Any>,
        clock: Clock,
        use_case: &'static str,
        stop_after: Option<u32>,
    ) -> Conn {
        Conn::new(Inner::Tx(tx), clock, use_case, stop_after)
    }

    fn new(inner: Inner, clock: Clock, use_case: &'static str, stop_after: Option<u32>) -> Conn {
        Conn {
            inner,
            clock,
            use_case,
            writes: 0,
            stop_after,
            effects: Effects::default(),
        }
    }

    /// The time of the clock the database was opened with.
    pub fn now(&self) -> i64 {
        self.clock.now_ms()
    }

    fn raw(&mut self) -> &mut AnyConnection {
        match &mut self.inner {
            Inner::Pool(c) => c,
            Inner::Tx(t) => t,
        }
    }

    /// Counts the statement and its write; true when the fault point says
    /// this use case must go no further.
    fn gate(&mut self, sql: &str) -> bool {
        crate::db::count_one();
        if let Some(k) = self.stop_after
            && self.writes >= k
        {
            // Said on stdout so a test can kill the process right here.
            let mut out = std::io::stdout();
            let _ = writeln!(
                out,
                "test fault point: {} stopped after write {k}",
                self.use_case
            );
            let _ = out.flush();
            return true;
        }
        if is_write(sql) {
            self.writes += 1;
        }
        false
    }

    pub(crate) fn queued_job(&mut self, kind: &'static str) {
        if !self.effects.job_kinds.contains(&kind) {
            self.effects.job_kinds.push(kind);
        }
    }

    pub(crate) fn changed(&mut self, doc_type: ContentType, id: &str) {
        if !self
            .effects
            .changed
            .iter()
            .any(|(t, s)| *t == doc_type && s == id)
        {
            self.effects.changed.push((doc_type, id.to_string()));
        }
    }

    /// Commits a transaction (a plain connection has nothing to commit) and
    /// hands back what the node should do now.
    pub async fn commit(mut self) -> crate::Result<Effects> {
        if self.gate("COMMIT") {
            std::future::pending::<()>().await;
        }
        let effects = std::mem::take(&mut self.effects);
        if let Inner::Tx(tx) = self.inner {
            tx.commit().await?;
        }
        Ok(effects)
    }
}

impl<'c> Executor<'c> for &'c mut Conn {
    type Database = Any;

    fn fetch_many<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxStream<'e, Result<Either<AnyQueryResult, AnyRow>, sqlx::Error>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Any>,
    {
        if self.gate(query.sql()) {
            return Box::pin(futures_util::stream::pending());
        }
        self.raw().fetch_many(query)
    }

    fn fetch_optional<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxFuture<'e, Result<Option<AnyRow>, sqlx::Error>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Any>,
    {
        if self.gate(query.sql()) {
            return Box::pin(std::future::pending());
        }
        self.raw().fetch_optional(query)
    }

    fn prepare_with<'e, 'q: 'e>(
        self,
        sql: &'q str,
        parameters: &'e [AnyTypeInfo],
    ) -> BoxFuture<'e, Result<AnyStatement<'q>, sqlx::Error>>
    where
        'c: 'e,
    {
        self.raw().prepare_with(sql, parameters)
    }

    fn describe<'e, 'q: 'e>(
        self,
        sql: &'q str,
    ) -> BoxFuture<'e, Result<sqlx::Describe<Any>, sqlx::Error>>
    where
        'c: 'e,
    {
        self.raw().describe(sql)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_are_told_from_reads() {
        assert!(is_write("  INSERT INTO jobs"));
        assert!(is_write("update stories set"));
        assert!(is_write("DELETE FROM sessions"));
        assert!(!is_write("SELECT 1"));
        assert!(!is_write("é"));
    }

    #[test]
    fn fault_points_parse() {
        let f = FaultPoint::parse("events.message_registrants:3").expect("parses");
        assert_eq!(
            (f.use_case.as_str(), f.after_writes),
            ("events.message_registrants", 3)
        );
        assert!(FaultPoint::parse("no-number").is_none());
    }
}
