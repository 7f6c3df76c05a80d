//! The Vooruit binary: `serve`, `migrate`, `user add`.

mod backup;
mod bench;
mod cli;
mod config;

use anyhow::Context;
use clap::Parser;

/// mimalloc instead of the system allocator: a story page allocates many
/// small strings, and glibc's malloc spent a sixth of a page's time on
/// them and kept more memory per thread. Version 2 (the `v2` feature), not
/// 3: it gives freed memory back after 10 ms instead of 1 s, which under
/// search load was a quarter of the peak (docs/PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let cli = cli::Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // Blocking work (index, files, password hashing) waits for a thread
        // rather than growing the pool to tokio's default of 512: each
        // thread keeps its own allocator heap.
        .max_blocking_threads(64)
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(cli::run(cli))
}
