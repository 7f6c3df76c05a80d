//! The background workers: they take jobs from the queue and run them. Every
//! node runs one worker per kind of job, so a newsletter send that takes an
//! hour never holds up a confirmation mail. The lease in `claim` makes sure a
//! job runs on one node only; while a job runs its lease is renewed, so a
//! node that dies lets another (or its restarted self) take the job over
//! within `LEASE_MS`.
//!
//! A feature with background work declares its kinds (`JobKind`) in its own
//! module and adds one line to `KINDS`; queueing a job is
//! `tx.jobs().enqueue(KIND, payload)` inside the use case's transaction.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use tokio::sync::Notify;

use crate::App;

/// One kind of job: its name in the queue and what runs it.
pub struct JobKind {
    pub name: &'static str,
    pub run: RunJob,
    /// The payload is emptied as soon as the job is done (or given up):
    /// for mails whose address and link must not outlive their sending,
    /// such as a respondent's one-time link.
    pub forget_payload: bool,
}

/// Runs one job's payload. An error is retried later with a growing pause.
pub type RunJob =
    for<'a> fn(&'a App, &'a str) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;

/// Every feature's kinds of job. A feature with background work adds its
/// line here.
const KINDS: &[&[JobKind]] = &[
    crate::mail::JOBS,
    crate::editions::JOBS,
    crate::retrospectives::JOBS,
    crate::dilemmas::JOBS,
    crate::experiments::JOBS,
    crate::measurement::JOBS,
];

fn kinds() -> impl Iterator<Item = &'static JobKind> {
    KINDS.iter().flat_map(|k| k.iter())
}

/// How long a claimed job is ours without a renewal.
const LEASE_MS: i64 = 30_000;
/// Renewed this often while the job runs.
const RENEW_EVERY: Duration = Duration::from_secs(10);
const MAX_ATTEMPTS: i64 = 8;

/// The bell of each kind's worker.
pub(crate) struct Bells(HashMap<&'static str, Notify>);

impl Bells {
    pub(crate) fn new() -> Bells {
        Bells(kinds().map(|k| (k.name, Notify::new())).collect())
    }

    pub(crate) fn ring(&self, kind: &str) {
        if let Some(bell) = self.0.get(kind) {
            bell.notify_one();
        }
    }

    async fn wait(&self, kind: &str, at_most: Duration) {
        if let Some(bell) = self.0.get(kind) {
            let _ = tokio::time::timeout(at_most, bell.notified()).await;
        }
    }
}

/// How long a finished job's payload is kept (to look into a problem).
const FINISHED_PAYLOAD_KEPT_MS: i64 = 24 * 3600 * 1000;

impl App {
    /// Starts one worker per kind of job and the housekeeping; they run
    /// until the process ends.
    pub fn spawn_workers(&self) {
        for kind in kinds() {
            tokio::spawn(self.clone().run_worker(kind));
        }
        tokio::spawn(self.clone().housekeeping());
    }

    /// Errors are logged and retried later with a growing pause; a job that
    /// keeps failing is given up after 8 tries.
    async fn run_worker(self, kind: &'static JobKind) {
        loop {
            let claimed = async {
                Ok::<_, crate::AppError>(
                    self.read().await?.jobs().claim(kind.name, LEASE_MS).await?,
                )
            };
            match claimed.await {
                Ok(Some(job)) => {
                    // The renewal runs as its own task: renewing inside this
                    // task would stop polling the job while it waits, and a
                    // job holding SQLite's write lock would then block its
                    // own renewal.
                    let renewer = {
                        let (db, id) = (self.db.clone(), job.id.clone());
                        tokio::spawn(async move {
                            let mut renew = tokio::time::interval(RENEW_EVERY);
                            renew.tick().await;
                            loop {
                                renew.tick().await;
                                let extended = async {
                                    db.read().await?.jobs().extend_lease(&id, LEASE_MS).await
                                };
                                if let Err(e) = extended.await {
                                    tracing::warn!(error = %e, job = %id, "renewing a job lease failed");
                                }
                            }
                        })
                    };
                    let result = (kind.run)(&self, &job.payload).await;
                    renewer.abort();
                    let outcome = async {
                        let mut conn = self.read().await?;
                        match result {
                            Ok(()) => conn.jobs().finish(&job.id, kind.forget_payload).await?,
                            Err(error) => {
                                // A private mail's error may repeat its
                                // address: neither the log nor the queue
                                // keeps it.
                                let error = if kind.forget_payload {
                                    "sending failed (details withheld: a private mail)".to_string()
                                } else {
                                    error
                                };
                                let give_up = job.attempts >= MAX_ATTEMPTS;
                                tracing::warn!(job = %job.id, kind = %job.kind, attempts = job.attempts, give_up, %error, "job failed");
                                let pause = 10_000 * (1_i64 << job.attempts.clamp(0, 10));
                                let forget = give_up && kind.forget_payload;
                                conn.jobs()
                                    .fail(&job.id, &error, pause, give_up, forget)
                                    .await?;
                            }
                        }
                        Ok::<(), crate::AppError>(())
                    };
                    if let Err(e) = outcome.await {
                        tracing::error!(error = %e, "recording job outcome failed");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
                // Woken at once by work queued here; polls for work queued
                // by other nodes.
                Ok(None) => self.bells.wait(kind.name, Duration::from_millis(500)).await,
                Err(e) => {
                    tracing::error!(error = %e, "claiming a job failed");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
            }
        }
    }

    /// One round of housekeeping (see `housekeeping`); in test mode a
    /// test asks for one at a moved clock (`POST /api/test/housekeeping`).
    pub async fn housekeep(&self) -> crate::AppResult<()> {
        let mut conn = self.read().await?;
        conn.accounts().prune().await?;
        conn.throttle().prune(24 * 3600 * 1000).await?;
        let day_ago = conn.now() - FINISHED_PAYLOAD_KEPT_MS;
        conn.jobs().prune_payloads(day_ago).await?;
        conn.stories().prune_tombstones(day_ago).await?;
        let hour_ago = conn.now() - 3600 * 1000;
        conn.sso().prune_logins(hour_ago).await?;
        drop(conn);
        self.apply_retention().await?;
        self.measurement_housekeeping().await?;
        self.publications()
            .sweep_files(crate::publications::PENDING_FOR_MS)
            .await?;
        Ok(())
    }

    /// Jobs not yet done, for the metrics.
    pub async fn pending_jobs(&self) -> crate::AppResult<i64> {
        Ok(self.read().await?.jobs().pending().await?)
    }

    /// Removes expired sessions, tokens, old throttle counts, the payloads
    /// of jobs finished a day ago (addresses and links of sent mails), the
    /// addresses of stories deleted a day ago,
    /// personal data past its retention (`retention.rs`) and files left by
    /// interrupted uploads: at start and every ten minutes.
    async fn housekeeping(self) {
        let mut every = tokio::time::interval(Duration::from_secs(600));
        loop {
            every.tick().await;
            let pruned = self.housekeep();
            if let Err(e) = pruned.await {
                tracing::warn!(error = %e, "housekeeping failed");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_job_has_one_name() {
        let names: Vec<&str> = kinds().map(|k| k.name).collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(names.len(), unique.len(), "{names:?}");
        assert!(names.contains(&"mail") && names.contains(&"newsletter"));
    }
}
