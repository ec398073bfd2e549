//! The `tellus` command.

use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;
use tellus::alerts::{MailSettings, Security};
use tellus::backup;
use tellus::commands::theme::ThemeArgs;
use tellus::commands::{import_queue, purge, user};
use tellus::startup::{Backups, Config, default_backup_dir, run};
use tellus::storage::Store;
use tellus_core::account::Role;

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
        /// Folder for rolling automatic backups [default: the data folder's name + "-backups"].
        #[arg(long)]
        backup_dir: Option<PathBuf>,
        /// Minutes between automatic backups; 0 turns them off.
        #[arg(long, default_value_t = 60)]
        backup_every: u64,
        /// How many automatic backups to keep.
        #[arg(long, default_value_t = 24)]
        backup_keep: usize,
        /// The address people use to reach Tellus, for links in emails [default: http://ADDR].
        #[arg(long)]
        public_url: Option<String>,
        /// Mail server for emailing safeguarding leads when an answer is held; the
        /// account comes from TELLUS_SMTP_USERNAME and TELLUS_SMTP_PASSWORD.
        #[arg(long)]
        smtp_host: Option<String>,
        /// Mail server port.
        #[arg(long, default_value_t = 587)]
        smtp_port: u16,
        /// How the connection to the mail server is secured.
        #[arg(long, value_enum, default_value_t = Security::Starttls)]
        smtp_security: Security,
        /// The address alerts come from.
        #[arg(long, default_value = "tellus@localhost")]
        smtp_from: String,
        /// Seconds between attempts while the mail server cannot be reached.
        #[arg(long, default_value_t = 30)]
        smtp_retry: u64,
    },
    /// Write a backup of a data folder (stop the server first, or use its automatic backups).
    Backup {
        #[arg(long, default_value = "data")]
        data: PathBuf,
        /// The backup file to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup into an empty data folder.
    Restore {
        #[arg(long, default_value = "data")]
        data: PathBuf,
        /// The backup file to read.
        #[arg(long)]
        from: PathBuf,
    },
    /// Import a device's exported answer queue (when a tablet could not sync).
    ImportQueue {
        /// The exported queue file.
        file: PathBuf,
        #[arg(long, default_value = "data")]
        data: PathBuf,
    },
    /// Delete responses and events whose consultation's retention period has ended (the server also does this daily).
    Purge {
        #[arg(long, default_value = "data")]
        data: PathBuf,
        /// Only say what would be deleted.
        #[arg(long)]
        dry_run: bool,
    },
    /// Manage facilitator accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
        #[arg(long, default_value = "data", global = true)]
        data: PathBuf,
    },
    /// Check a CSV file's free-text answers for possible disclosures, as the server checks
    /// each answer it receives, and write which would be held and why (CSV).
    Triage {
        /// The CSV file, with a header row.
        #[arg(long)]
        input: PathBuf,
        /// The column holding the answers.
        #[arg(long)]
        text_column: String,
        /// A column identifying each answer, copied to the output.
        #[arg(long)]
        id_column: Option<String>,
        /// Where to write the CSV [default: standard output].
        #[arg(long)]
        out: Option<PathBuf>,
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

#[derive(Subcommand)]
enum UserCommand {
    /// Add an account (prompts for its password, or reads one line from stdin).
    Add {
        email: String,
        /// Make it an administrator (the first account should be).
        #[arg(long)]
        admin: bool,
        /// The role, when not --admin: viewer, safeguarding_lead, facilitator or administrator.
        #[arg(long, default_value = "facilitator")]
        role: String,
        /// Read the password from stdin instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password for an account and sign it out everywhere.
    Password {
        email: String,
        #[arg(long)]
        password_stdin: bool,
    },
}

// Every request allocates many small, short-lived values; mimalloc serves them with less
// CPU than the system allocator (see bench/README.md, durability).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    match execute(command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tellus: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn execute(command: Command) -> Result<(), Box<dyn std::error::Error>> {
    match command {
        Command::Serve {
            data,
            addr,
            dist,
            no_demo,
            backup_dir,
            backup_every,
            backup_keep,
            public_url,
            smtp_host,
            smtp_port,
            smtp_security,
            smtp_from,
            smtp_retry,
        } => {
            let backups = (backup_every > 0).then(|| Backups {
                dir: backup_dir.unwrap_or_else(|| default_backup_dir(&data)),
                every: Duration::from_secs(backup_every * 60),
                keep: backup_keep,
            });
            let mail = smtp_host.map(|host| MailSettings {
                host,
                port: smtp_port,
                security: smtp_security,
                from: smtp_from,
                credentials: std::env::var("TELLUS_SMTP_USERNAME")
                    .ok()
                    .zip(std::env::var("TELLUS_SMTP_PASSWORD").ok()),
                retry: Duration::from_secs(smtp_retry.max(1)),
            });
            run(Config {
                data,
                addr,
                dist,
                demo: !no_demo,
                backups,
                mail,
                public_url,
            })
            .await?;
        }
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
            let done = tellus::commands::theme::run(&args)?;
            println!(
                "Themed {} answers into {} themes ({} held back for safeguarding): {}",
                done.rows,
                done.themes,
                done.flagged,
                args.out.display()
            );
        }
        Command::Triage {
            input,
            text_column,
            id_column,
            out,
        } => {
            let args = tellus::commands::triage::TriageArgs {
                input,
                text_column,
                id_column,
                out,
            };
            let done = tellus::commands::triage::run(&args)?;
            eprintln!(
                "Checked {} answers: {} would be held for a safeguarding lead.",
                done.rows, done.held
            );
        }
        Command::Purge { data, dry_run } => {
            let store = Store::open(&data)?;
            let due = purge::purge(&store, purge::today(), dry_run)?;
            if due.is_empty() {
                println!("No consultation is past its retention period.");
            }
            for d in due {
                let verb = if dry_run { "would delete" } else { "deleted" };
                println!(
                    "{}: retention ended {}; {verb} {} responses and {} events",
                    d.title, d.ended, d.responses, d.events
                );
            }
        }
        Command::User { action, data } => {
            let store = Store::open(&data)?;
            match action {
                UserCommand::Add {
                    email,
                    admin,
                    role,
                    password_stdin,
                } => {
                    let role = if admin {
                        Role::Administrator
                    } else {
                        Role::from_key(&role).ok_or_else(|| {
                            format!("'{role}' is not a role: use viewer, safeguarding_lead, facilitator or administrator")
                        })?
                    };
                    let password = user::read_password(password_stdin)?;
                    let email = user::add(&store, &email, role, &password)?;
                    println!("Added {email} as {}.", role.label());
                }
                UserCommand::Password {
                    email,
                    password_stdin,
                } => {
                    let password = user::read_password(password_stdin)?;
                    user::set_password(&store, &email, &password)?;
                    println!("Set a new password for {email}; it is signed out everywhere.");
                }
            }
        }
        Command::Backup { data, out } => {
            let counts = backup::backup(&Store::open(&data)?, &out)?;
            println!(
                "Backed up {} consultations, {} responses, {} accounts, {} audit entries, {} theme boards and {} events to {}",
                counts.consultations,
                counts.responses,
                counts.accounts,
                counts.audit,
                counts.boards,
                counts.events,
                out.display()
            );
        }
        Command::Restore { data, from } => {
            let counts = backup::restore(&Store::open(&data)?, &from)?;
            println!(
                "Restored {} consultations, {} responses, {} accounts, {} audit entries, {} theme boards and {} events into {}",
                counts.consultations,
                counts.responses,
                counts.accounts,
                counts.audit,
                counts.boards,
                counts.events,
                data.display()
            );
        }
        Command::ImportQueue { file, data } => {
            let report = import_queue::import(&Store::open(&data)?, &file)?;
            println!(
                "Stored {} new responses; {} were already stored.",
                report.stored, report.already_stored
            );
            for (id, why) in &report.refused {
                println!("  refused {id}: {why}");
            }
            if !report.refused.is_empty() {
                return Err(format!(
                    "{} responses were refused; the rest were imported",
                    report.refused.len()
                )
                .into());
            }
        }
    }
    Ok(())
}
