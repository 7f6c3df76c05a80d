//! The Vooruit binary: `serve`, `migrate`, `user add`.

mod bench;
mod cli;
mod config;

use anyhow::Context;
use clap::Parser;

fn main() -> anyhow::Result<()> {
    let cli = cli::Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(cli::run(cli))
}
