//! The background worker: takes jobs from the queue and runs them. Every node
//! runs one; the lease in `claim_job` makes sure a job runs on one node only.

use std::time::Duration;

use crate::App;
use crate::mail::Mail;

pub const KIND_MAIL: &str = "mail";

/// How long a claimed job is ours before another worker may take it over.
const LEASE_MS: i64 = 5 * 60 * 1000;
const MAX_ATTEMPTS: i64 = 8;

impl App {
    /// Runs until the process ends. Errors are logged and retried later with
    /// a growing pause; a job that keeps failing is given up after 8 tries.
    pub async fn run_jobs(self) {
        let mut last_prune = std::time::Instant::now() - Duration::from_secs(3600);
        loop {
            if last_prune.elapsed() > Duration::from_secs(600) {
                last_prune = std::time::Instant::now();
                if let Err(e) = self.db.prune_accounts().await {
                    tracing::warn!(error = %e, "pruning sessions failed");
                }
                if let Err(e) = self.db.throttle_prune(24 * 3600 * 1000).await {
                    tracing::warn!(error = %e, "pruning throttle events failed");
                }
            }
            match self.db.claim_job(LEASE_MS).await {
                Ok(Some(job)) => {
                    let result = self.run_job(&job.kind, &job.payload).await;
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
                        self.jobs_wakeup.notified(),
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

    async fn run_job(&self, kind: &str, payload: &str) -> Result<(), String> {
        match kind {
            KIND_MAIL => {
                let mail: Mail =
                    serde_json::from_str(payload).map_err(|e| format!("mail payload: {e}"))?;
                self.deliver(&mail).await
            }
            other => Err(format!("unknown job kind {other}")),
        }
    }
}
