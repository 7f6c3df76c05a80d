//! `vooruit bench search`: search latency on this node's index, for
//! docs/PERFORMANCE.md. Runs a fixed set of one- to three-word queries,
//! without and with facet filters, and prints p50/p99.
//!
//! `vooruit bench measurement --answers N`: the results of a measurement
//! round with N answers (and a 0-meting of N to compare with), computed
//! as the results page does, in process; prints p50/p95 and the page's
//! path, which `scripts/bench-measurement.sh` also asks over HTTP.

use std::time::Instant;

use vooruit_app::App;
use vooruit_search::SearchRequest;

/// One- to three-word questions people bring to a learning network.
pub const QUERIES: &[&str] = &[
    "werving",
    "werkdruk",
    "intervisie",
    "zelfroosteren",
    "open dag",
    "nieuwe collega's",
    "schulden jongeren",
    "sociale media campagne",
    "diensten ruilen app",
    "\"vast aanspreekpunt\"",
    "verloop eerste jaar",
    "wervingscampagnes",
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn run(app: &App, runs: usize, filtered: bool) -> anyhow::Result<(f64, f64, usize)> {
    let mut times = Vec::with_capacity(runs * QUERIES.len());
    let mut slowest: Vec<(f64, &str)> = Vec::new();
    let mut hits = 0;
    for _ in 0..runs {
        for q in QUERIES {
            let mut req = SearchRequest {
                q: q.to_string(),
                page: 1,
                per_page: 10,
                ..Default::default()
            };
            if filtered {
                req.theme = "werkdruk".into();
                req.sector = "ouderenzorg".into();
            }
            let start = Instant::now();
            let r = app
                .search()
                .uncached(&req)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            times.push(ms);
            slowest.push((ms, q));
            hits += r.total;
        }
    }
    times.sort_by(f64::total_cmp);
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    if std::env::var("BENCH_VERBOSE").is_ok() {
        eprintln!("slowest: {:?}", &slowest[..5.min(slowest.len())]);
    }
    Ok((percentile(&times, 0.5), percentile(&times, 0.99), hits))
}

pub fn search(app: &App, runs: usize) -> anyhow::Result<()> {
    // One warm-up round, as a running server would be warm.
    run(app, 1, false)?;
    let (p50, p99, hits) = run(app, runs, false)?;
    println!(
        "search without filters: {} queries, p50 {p50:.2} ms, p99 {p99:.2} ms ({hits} hits)",
        runs * QUERIES.len()
    );
    let (p50, p99, hits) = run(app, runs, true)?;
    println!(
        "search with 2 facet filters: {} queries, p50 {p50:.2} ms, p99 {p99:.2} ms ({hits} hits)",
        runs * QUERIES.len()
    );
    Ok(())
}

/// Each search of a path file once (`/zoeken?q=..&theme=..`), as the HTTP
/// bench asks them: p50/p99 of the index's own work, and the slowest.
pub fn search_paths(app: &App, file: &std::path::Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file)?;
    let mut times = Vec::new();
    let mut slowest: Vec<(f64, String)> = Vec::new();
    let mut empty = 0;
    // Time spent per kind of search: (words, filtered, found nothing) ->
    // (count, ms).
    let mut kinds: std::collections::BTreeMap<(usize, bool, bool), (usize, f64)> =
        Default::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let query = line.split_once('?').map_or("", |(_, q)| q);
        let req = vooruit_web::search_request(query);
        let start = Instant::now();
        let r = app
            .search()
            .uncached(&req)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        times.push(ms);
        let kind = kinds
            .entry((
                req.q.split_whitespace().count(),
                !req.filters().is_empty(),
                r.total == 0,
            ))
            .or_default();
        kind.0 += 1;
        kind.1 += ms;
        slowest.push((ms, line.to_string()));
        empty += usize::from(r.total == 0);
    }
    let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
    times.sort_by(f64::total_cmp);
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!(
        "{} different searches ({empty} found nothing): mean {mean:.2} ms, p50 {:.2} ms, p99 {:.2} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
    );
    let total: f64 = kinds.values().map(|k| k.1).sum();
    for ((words, filtered, nothing), (n, ms)) in &kinds {
        println!(
            "  {words} word(s){}{}: {n} searches, mean {:.2} ms, {:.0} % of the time",
            if *filtered { ", filtered" } else { "" },
            if *nothing { ", found nothing" } else { "" },
            ms / *n as f64,
            100.0 * ms / total.max(f64::EPSILON),
        );
    }
    for (ms, line) in slowest.iter().take(5) {
        println!("  {ms:.2} ms  {line}");
    }
    Ok(())
}

/// The bench's own administrator (bench data only).
pub const BENCH_ADMIN: &str = "bench-meting@vooruit.test";
pub const BENCH_PASSWORD: &str = "bench-meting-wachtwoord";

pub async fn measurement(app: &App, answers: usize, runs: usize) -> anyhow::Result<()> {
    let err = |e: vooruit_app::AppError| anyhow::anyhow!("{e}");
    app.accounts()
        .add_user(
            BENCH_ADMIN,
            "Bench",
            vooruit_domain::account::Role::Admin,
            BENCH_PASSWORD,
        )
        .await
        .map_err(err)?;
    let session = app
        .accounts()
        .login(BENCH_ADMIN, BENCH_PASSWORD, "127.0.0.1")
        .await
        .map_err(err)?;
    let started = Instant::now();
    let (slug, id) = app
        .generate_measurement(&session.user, answers)
        .await
        .map_err(err)?;
    let generated = started.elapsed().as_secs_f64();
    let mut times = Vec::with_capacity(runs);
    let mut respondents = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let r = app
            .measurement()
            .results(&session.user, &slug, &id, 1)
            .await
            .map_err(err)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        respondents = r.answered;
    }
    times.sort_by(f64::total_cmp);
    println!(
        "measurement results, {respondents} answers per round x 10 behaviours x 8 groups (ready in {generated:.1} s): p50 {:.2} ms, p95 {:.2} ms over {} runs",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times.len()
    );
    println!("path /organisaties/{slug}/metingen/{id}/rondes/1/resultaten");
    Ok(())
}
