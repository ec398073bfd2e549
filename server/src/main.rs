//! The `tellus` command.

use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use tellus::commands::theme::ThemeArgs;
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
    /// Theme a CSV file's free-text answers and write a JSON report.
    Theme {
        /// The CSV file, with a header row.
        #[arg(long)]
        input: PathBuf,
        /// The column holding the answers.
        #[arg(long)]
        text_column: String,
        /// A column identifying each answer, copied to the report.
        #[arg(long)]
        id_column: Option<String>,
        /// A column grouping answers, e.g. audience; themes are counted per group.
        #[arg(long)]
        group_column: Option<String>,
        /// A column with your own codes on rows you have coded (labels separated by ';').
        #[arg(long)]
        codes_column: Option<String>,
        /// Your codebook as JSON; without it the starter codebook for therapies reviews is used.
        #[arg(long)]
        codebook: Option<PathBuf>,
        /// Where to write the JSON report.
        #[arg(long)]
        out: PathBuf,
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
    let result: Result<(), Box<dyn std::error::Error>> = match command {
        Command::Serve {
            data,
            addr,
            dist,
            no_demo,
        } => run(Config {
            data,
            addr,
            dist,
            demo: !no_demo,
        })
        .await
        .map_err(Into::into),
        Command::Theme {
            input,
            text_column,
            id_column,
            group_column,
            codes_column,
            codebook,
            out,
        } => {
            let args = ThemeArgs {
                input,
                text_column,
                id_column,
                group_column,
                codes_column,
                codebook,
                out,
            };
            tellus::commands::theme::run(&args)
                .map(|done| {
                    println!(
                        "Themed {} answers into {} themes ({} held back for safeguarding): {}",
                        done.rows,
                        done.themes,
                        done.flagged,
                        args.out.display()
                    )
                })
                .map_err(Into::into)
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
