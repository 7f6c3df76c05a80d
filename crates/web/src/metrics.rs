//! Prometheus metrics at `/metrics`: request counts by status class and a
//! latency histogram. Hand-written: a few atomics do not need a framework.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

use crate::AppState;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

/// Each request adds to three counters shared by all threads (not one per
/// bucket it falls under: the buckets are summed when `/metrics` is read).
#[derive(Default)]
pub struct Metrics {
    by_class: [AtomicU64; 5],
    /// Requests whose time fell in this bucket and no lower one.
    buckets: [AtomicU64; BUCKETS.len()],
    sum_micros: AtomicU64,
}

impl Metrics {
    /// Counts an answer (`middleware::front`).
    pub fn observe(&self, status: StatusCode, took: Duration) {
        let (status, seconds) = (status.as_u16(), took.as_secs_f64());
        let class = (usize::from(status / 100)).clamp(1, 5) - 1;
        self.by_class[class].fetch_add(1, Ordering::Relaxed);
        if let Some(i) = BUCKETS.iter().position(|bound| seconds <= *bound) {
            self.buckets[i].fetch_add(1, Ordering::Relaxed);
        }
        self.sum_micros
            .fetch_add((seconds * 1_000_000.0) as u64, Ordering::Relaxed);
    }

    fn render(&self, pending_jobs: Option<i64>) -> String {
        let mut out = String::new();
        out.push_str(
            "# HELP vooruit_http_requests_total HTTP requests answered, by status class.\n",
        );
        out.push_str("# TYPE vooruit_http_requests_total counter\n");
        for (i, c) in self.by_class.iter().enumerate() {
            out.push_str(&format!(
                "vooruit_http_requests_total{{class=\"{}xx\"}} {}\n",
                i + 1,
                c.load(Ordering::Relaxed)
            ));
        }
        out.push_str("# HELP vooruit_http_request_duration_seconds Time to answer a request.\n");
        out.push_str("# TYPE vooruit_http_request_duration_seconds histogram\n");
        // Prometheus buckets are cumulative: each counts everything below it.
        let mut below = 0;
        for (i, bound) in BUCKETS.iter().enumerate() {
            below += self.buckets[i].load(Ordering::Relaxed);
            out.push_str(&format!(
                "vooruit_http_request_duration_seconds_bucket{{le=\"{bound}\"}} {below}\n"
            ));
        }
        let count: u64 = self
            .by_class
            .iter()
            .map(|c| c.load(Ordering::Relaxed))
            .sum();
        out.push_str(&format!(
            "vooruit_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}\n"
        ));
        out.push_str(&format!(
            "vooruit_http_request_duration_seconds_sum {}\n",
            self.sum_micros.load(Ordering::Relaxed) as f64 / 1_000_000.0
        ));
        out.push_str(&format!(
            "vooruit_http_request_duration_seconds_count {count}\n"
        ));
        if let Some(jobs) = pending_jobs {
            out.push_str("# HELP vooruit_jobs_pending Background jobs not yet done.\n");
            out.push_str("# TYPE vooruit_jobs_pending gauge\n");
            out.push_str(&format!("vooruit_jobs_pending {jobs}\n"));
        }
        out
    }
}

pub async fn metrics(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    // Off unless the operator set a token: request counts, latencies and
    // the job queue are not for everyone.
    let Some(token) = state.web.metrics_token.as_deref() else {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    };
    let sent = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !same_bytes(sent.as_bytes(), token.as_bytes()) {
        return (
            axum::http::StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
        )
            .into_response();
    }
    let pending = state.app.pending_jobs().await.ok();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(pending),
    )
        .into_response()
}

/// Compares without stopping at the first difference, so the time taken
/// tells nothing about how much of a guess was right.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}
