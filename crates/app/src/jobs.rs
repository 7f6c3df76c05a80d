//! The background workers: they take jobs from the queue and run them. Every
//! node runs one worker per kind of job, so a newsletter send that takes an
//! hour never holds up a confirmation mail. The lease in `claim_job` makes
//! sure a job runs on one node only; while a job runs its lease is renewed,
//! so a node that dies lets another (or its restarted self) take the job
//! over within `LEASE_MS`.

use std::time::Duration;

use tokio::sync::Notify;

use crate::App;
use crate::mail::Mail;

pub const KIND_MAIL: &str = "mail";
pub const KIND_NEWSLETTER: &str = "newsletter";

/// How long a claimed job is ours without a renewal.
const LEASE_MS: i64 = 30_000;
/// Renewed this often while the job runs.
const RENEW_EVERY: Duration = Duration::from_secs(10);
const MAX_ATTEMPTS: i64 = 8;

impl App {
    /// Starts the workers; they run until the process ends.
    pub fn spawn_workers(&self) {
        tokio::spawn(self.clone().run_worker(KIND_MAIL, true));
        tokio::spawn(self.clone().run_worker(KIND_NEWSLETTER, false));
    }

    /// Errors are logged and retried later with a growing pause; a job that
    /// keeps failing is given up after 8 tries.
    async fn run_worker(self, kind: &'static str, housekeeping: bool) {
        let mut last_prune = std::time::Instant::now() - Duration::from_secs(3600);
        loop {
            if housekeeping && last_prune.elapsed() > Duration::from_secs(600) {
                last_prune = std::time::Instant::now();
                self.prune().await;
            }
            match self.db.claim_job(kind, LEASE_MS).await {
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
                                if let Err(e) = db.extend_job_lease(&id, LEASE_MS).await {
                                    tracing::warn!(error = %e, job = %id, "renewing a job lease failed");
                                }
                            }
                        })
                    };
                    let result = self.run_job(&job.kind, &job.payload).await;
                    renewer.abort();
                    let outcome = match result {
                        Ok(()) => self.db.finish_job(&job.id).await,
                        Err(error) => {
                            let give_up = job.attempts >= MAX_ATTEMPTS;
                            tracing::warn!(job = %job.id, kind = %job.kind, attempts = job.attempts, give_up, %error, "job failed");
                            let pause = 10_000 * (1_i64 << job.attempts.clamp(0, 10));
                            self.db.fail_job(&job.id, &error, pause, give_up).await
                        }
                    };
                    if let Err(e) = outcome {
                        tracing::error!(error = %e, "recording job outcome failed");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
                Ok(None) => {
                    // Woken at once by work queued here; polls for work queued
                    // by other nodes.
                    let _ = tokio::time::timeout(
                        Duration::from_millis(500),
                        self.wakeup(kind).notified(),
                    )
                    .await;
                }
                Err(e) => {
                    tracing::error!(error = %e, "claiming a job failed");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
            }
        }
    }

    /// The bell of one worker: ringing it after queueing work here saves
    /// the wait for the next poll.
    pub(crate) fn wakeup(&self, kind: &str) -> &Notify {
        if kind == KIND_NEWSLETTER {
            &self.jobs_wakeup.1
        } else {
            &self.jobs_wakeup.0
        }
    }

    async fn prune(&self) {
        if let Err(e) = self.db.prune_accounts().await {
            tracing::warn!(error = %e, "pruning sessions failed");
        }
        if let Err(e) = self.db.throttle_prune(24 * 3600 * 1000).await {
            tracing::warn!(error = %e, "pruning throttle events failed");
        }
    }

    async fn run_job(&self, kind: &str, payload: &str) -> Result<(), String> {
        match kind {
            KIND_MAIL => {
                let mail: Mail =
                    serde_json::from_str(payload).map_err(|e| format!("mail payload: {e}"))?;
                self.deliver(&mail).await
            }
            KIND_NEWSLETTER => self.send_edition(payload).await,
            other => Err(format!("unknown job kind {other}")),
        }
    }
}
