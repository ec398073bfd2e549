//! Backups: a consistent copy of every consultation, response, account, audit entry and
//! theme board as JSON lines, and restoring one into an empty store. Sessions are not kept: after a
//! restore everyone signs in again.
//!
//! The file holds primary records only; indexes are rebuilt on restore, so a backup
//! can never carry an index that disagrees with its data. A header names the format and
//! a trailer counts the records, so a truncated file is refused rather than half-restored.

use crate::clock::now;
use crate::storage::EventRecord;
use crate::storage::{Insert, StorageError, Store, StoredBoard, UserRecord};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tellus_core::audit::AuditEntry;
use tellus_core::{Consultation, StoredResponse};
use thiserror::Error;

/// The backup file format this build writes and reads.
/// Version 2 added accounts, the audit log and theme boards; version 3 events. Older
/// files still restore.
pub const BACKUP_VERSION: u32 = 3;

/// One line of a backup file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Line {
    Header {
        tellus_backup: u32,
        created_at: u64,
    },
    Consultation(Consultation),
    Response(StoredResponse),
    Account(UserRecord),
    Audit(AuditEntry),
    Board {
        consultation: String,
        board: Box<StoredBoard>,
    },
    Event(Box<EventRecord>),
    End {
        consultations: usize,
        responses: usize,
        #[serde(default)]
        accounts: usize,
        #[serde(default)]
        audit: usize,
        #[serde(default)]
        boards: usize,
        #[serde(default)]
        events: usize,
    },
}

/// Why a backup or restore failed.
#[derive(Debug, Error)]
pub enum BackupError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("could not write or read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} line {line} is not a Tellus backup record: {reason}")]
    Malformed {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error(
        "{path} is incomplete (no end marker, or the counts disagree): it may have been cut short; nothing was restored"
    )]
    Truncated { path: PathBuf },
    #[error(
        "the store already holds {responses} responses; restore only into an empty data folder"
    )]
    NotEmpty { responses: usize },
}

/// What a backup or restore copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub consultations: usize,
    pub responses: usize,
    pub accounts: usize,
    pub audit: usize,
    pub boards: usize,
    pub events: usize,
}

/// Writes a backup of the store to `path` (via a temporary file, renamed when complete).
pub fn backup(store: &Store, path: &Path) -> Result<Counts, BackupError> {
    let io = |source| BackupError::Io {
        path: path.to_path_buf(),
        source,
    };
    let partial = path.with_extension("partial");
    let file = std::fs::File::create(&partial).map_err(io)?;
    let mut out = BufWriter::new(file);
    let mut write = |line: &Line| -> Result<(), BackupError> {
        serde_json::to_writer(&mut out, line).expect("backup lines always serialise");
        out.write_all(b"\n").map_err(io)
    };
    write(&Line::Header {
        tellus_backup: BACKUP_VERSION,
        created_at: now(),
    })?;
    let consultations = store.consultations()?;
    for c in &consultations {
        write(&Line::Consultation(c.clone()))?;
    }
    let mut responses = 0;
    for response in store.responses() {
        write(&Line::Response(response?))?;
        responses += 1;
    }
    let accounts = store.users()?;
    for a in &accounts {
        write(&Line::Account(a.clone()))?;
    }
    let audit = store.audit_log(usize::MAX)?;
    // Oldest first, so a restore appends them in their original order.
    for entry in audit.iter().rev() {
        write(&Line::Audit(entry.clone()))?;
    }
    let boards = store.boards()?;
    for (consultation, board) in &boards {
        write(&Line::Board {
            consultation: consultation.clone(),
            board: Box::new(board.clone()),
        })?;
    }
    let events = store.event_records()?;
    for e in &events {
        write(&Line::Event(Box::new(e.clone())))?;
    }
    let counts = Counts {
        consultations: consultations.len(),
        responses,
        accounts: accounts.len(),
        audit: audit.len(),
        boards: boards.len(),
        events: events.len(),
    };
    write(&Line::End {
        consultations: counts.consultations,
        responses,
        accounts: counts.accounts,
        audit: counts.audit,
        boards: counts.boards,
        events: counts.events,
    })?;
    let file = out.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)?;
    std::fs::rename(&partial, path).map_err(io)?;
    Ok(counts)
}

/// Restores a backup into an empty store, checking the whole file before writing anything.
pub fn restore(store: &Store, path: &Path) -> Result<Counts, BackupError> {
    let existing = store.response_count();
    if existing > 0 {
        return Err(BackupError::NotEmpty {
            responses: existing,
        });
    }
    let io = |source| BackupError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut consultations = Vec::new();
    let mut responses = Vec::new();
    let mut accounts = Vec::new();
    let mut audit = Vec::new();
    let mut boards = Vec::new();
    let mut events = Vec::new();
    let mut ended = None;
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        let malformed = |reason: String| BackupError::Malformed {
            path: path.to_path_buf(),
            line: i + 1,
            reason,
        };
        match serde_json::from_str::<Line>(&line).map_err(|e| malformed(e.to_string()))? {
            Line::Header { tellus_backup, .. } if i == 0 && tellus_backup <= BACKUP_VERSION => {}
            Line::Header { tellus_backup, .. } => {
                return Err(malformed(format!(
                    "unexpected header (backup format {tellus_backup})"
                )));
            }
            _ if i == 0 => {
                return Err(malformed("the first line must be the backup header".into()));
            }
            Line::Consultation(c) => consultations.push(c),
            Line::Response(r) => responses.push(r),
            Line::Account(a) => accounts.push(a),
            Line::Audit(e) => audit.push(e),
            Line::Board {
                consultation,
                board,
            } => boards.push((consultation, board)),
            Line::Event(e) => events.push(e),
            Line::End {
                consultations,
                responses,
                accounts,
                audit,
                boards,
                events,
            } => {
                ended = Some(Counts {
                    consultations,
                    responses,
                    accounts,
                    audit,
                    boards,
                    events,
                })
            }
        }
    }
    let counts = Counts {
        consultations: consultations.len(),
        responses: responses.len(),
        accounts: accounts.len(),
        audit: audit.len(),
        boards: boards.len(),
        events: events.len(),
    };
    if ended != Some(counts) {
        return Err(BackupError::Truncated {
            path: path.to_path_buf(),
        });
    }
    for c in &consultations {
        store.put_consultation(c)?;
    }
    for r in &responses {
        if let Insert::Existing(_) = store.insert_response(r)? {
            return Err(BackupError::Malformed {
                path: path.to_path_buf(),
                line: 0,
                reason: format!("response {} appears twice", r.id),
            });
        }
    }
    for a in &accounts {
        store.put_user(a)?;
    }
    for e in &audit {
        store.audit(e)?;
    }
    for (consultation, board) in &boards {
        store.put_board(consultation, board)?;
    }
    for e in &events {
        store.restore_event(e)?;
    }
    store.mark_demo_loaded()?;
    store.flush_blocking()?;
    Ok(counts)
}

/// Keeps `keep` rolling backups in `dir`, writing one every `every`, until the server stops.
pub async fn rolling(store: Store, dir: PathBuf, every: Duration, keep: usize) {
    let mut timer = tokio::time::interval(every);
    timer.tick().await; // the first tick is immediate: start after one interval
    loop {
        timer.tick().await;
        let (store, dir) = (store.clone(), dir.clone());
        let done = tokio::task::spawn_blocking(move || write_rolling(&store, &dir, keep)).await;
        match done {
            Ok(Ok((path, counts))) => {
                tracing::info!(path = %path.display(), responses = counts.responses, "backup written")
            }
            Ok(Err(e)) => tracing::error!(error = %e, "automatic backup failed"),
            Err(e) => tracing::error!(error = %e, "automatic backup task failed"),
        }
    }
}

/// Writes one timestamped backup into `dir` and removes the oldest beyond `keep`.
pub fn write_rolling(
    store: &Store,
    dir: &Path,
    keep: usize,
) -> Result<(PathBuf, Counts), BackupError> {
    let io = |source| BackupError::Io {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let path = dir.join(format!("tellus-backup-{nanos:020}.jsonl"));
    let counts = backup(store, &path)?;
    let mut existing: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("tellus-backup-") && n.ends_with(".jsonl"))
        })
        .collect();
    existing.sort();
    let excess = existing.len().saturating_sub(keep.max(1));
    for old in &existing[..excess] {
        std::fs::remove_file(old).map_err(io)?;
    }
    Ok((path, counts))
}
