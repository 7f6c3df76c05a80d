//! The threads that work on the search index: one per core, fed from one
//! queue.
//!
//! tantivy's calls are synchronous, so they must not run on the async
//! runtime's threads. Handing each search to tokio's blocking pool behind a
//! semaphore left a core idle between two searches (the permit was only
//! given back once an async thread woke up to see the work was done: a
//! fifth of the CPU stood idle under load). Here a thread that finishes a
//! search takes the next one from the queue at once.

use std::panic::AssertUnwindSafe;

use crate::{AppError, AppResult};

type Job = Box<dyn FnOnce() + Send>;

pub(crate) struct IndexThreads {
    queue: crossbeam_channel::Sender<Job>,
}

impl IndexThreads {
    /// Starts `n` threads. They stop when this (the queue) is dropped.
    pub(crate) fn start(n: usize) -> AppResult<IndexThreads> {
        let (queue, jobs) = crossbeam_channel::unbounded::<Job>();
        for i in 0..n {
            let jobs = jobs.clone();
            std::thread::Builder::new()
                .name(format!("vooruit-index-{i}"))
                .spawn(move || {
                    while let Ok(job) = jobs.recv() {
                        // A panic fails that one piece of work (its caller
                        // gets an error), not the thread.
                        let _ = std::panic::catch_unwind(AssertUnwindSafe(job));
                    }
                })
                .map_err(|e| AppError::Internal(format!("index thread: {e}")))?;
        }
        Ok(IndexThreads { queue })
    }

    /// Runs `work` on one of the threads and waits (asynchronously) for it.
    /// What `work` holds (the search state, which owns this queue) is
    /// dropped when it has run.
    pub(crate) async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        let (done, result) = tokio::sync::oneshot::channel();
        self.queue
            .send(Box::new(move || {
                let _ = done.send(work());
            }))
            .map_err(|_| AppError::Internal("the index threads stopped".into()))?;
        result
            .await
            .map_err(|_| AppError::Internal("work on the index failed".into()))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn work_runs_off_the_async_threads_and_a_panic_fails_only_itself() {
        // One thread: if a panic ended it, the work after would never run.
        let threads = IndexThreads::start(1).expect("threads");
        let name = threads
            .run(|| Ok(std::thread::current().name().map(str::to_string)))
            .await
            .expect("ran");
        assert_eq!(name.as_deref(), Some("vooruit-index-0"));
        let failed = threads.run(|| -> AppResult<()> { panic!("boom") }).await;
        assert!(failed.is_err());
        let after = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            threads.run(|| Ok(41 + 1)),
        )
        .await
        .expect("the thread still takes work");
        assert_eq!(after.expect("ran"), 42);
    }
}
