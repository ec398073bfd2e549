//! The `tellus` command.

use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use tellus::startup::{Config, run};

#[derive(Parser)]
#[command(
    name = "tellus",
    version,
    about = "Listen to children and young people with SEND, their parents and professionals"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app and the API.
    Serve {
        /// Folder for the embedded data store (created if missing).
        #[arg(long, default_value = "data")]
        data: PathBuf,
        /// Address to listen on; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Folder holding the built app.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// Do not load the demo consultation into a new store.
        #[arg(long)]
        no_demo: bool,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "tellus=info,tower_http=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let Cli { command } = Cli::parse();
    let result = match command {
        Command::Serve {
            data,
            addr,
            dist,
            no_demo,
        } => {
            run(Config {
                data,
                addr,
                dist,
                demo: !no_demo,
            })
            .await
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tellus: {e}");
            ExitCode::FAILURE
        }
    }
}
