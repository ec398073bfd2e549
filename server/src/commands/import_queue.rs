//! `tellus import-queue FILE`: take in a device's exported queue when it could not sync.
//!
//! Each item keeps the id its device gave it, so importing a queue whose answers already
//! arrived (or importing the same file twice) never makes a duplicate.

use crate::storage::Store;
use crate::submission::{Accepted, SubmitError, accept};
use std::path::{Path, PathBuf};
use tellus_core::response::QueueExport;
use thiserror::Error;

/// The queue file format this build reads.
pub const QUEUE_VERSION: u32 = 1;

/// Why the file could not be imported at all.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("could not read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a Tellus queue export: {source}")]
    Format {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path} is queue format {found}; this Tellus reads format {QUEUE_VERSION} or older")]
    Version { path: PathBuf, found: u32 },
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
}

/// What happened to each item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub stored: usize,
    pub already_stored: usize,
    /// Items refused, with the id and why.
    pub refused: Vec<(String, String)>,
}

/// Imports every item it can and reports the rest; writes are flushed before returning.
pub fn import(store: &Store, path: &Path) -> Result<ImportReport, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let queue: QueueExport = serde_json::from_str(&text).map_err(|source| ImportError::Format {
        path: path.to_path_buf(),
        source,
    })?;
    if queue.tellus_queue > QUEUE_VERSION {
        return Err(ImportError::Version {
            path: path.to_path_buf(),
            found: queue.tellus_queue,
        });
    }
    let mut report = ImportReport::default();
    for item in &queue.items {
        match accept(store, item.id, &item.submission) {
            Ok(Accepted::Created { .. }) => report.stored += 1,
            Ok(Accepted::Repeat) => report.already_stored += 1,
            Err(SubmitError::Storage(e)) => return Err(e.into()),
            Err(SubmitError::Invalid(fields)) => {
                let reasons: Vec<String> = fields
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.message))
                    .collect();
                report
                    .refused
                    .push((item.id.to_string(), reasons.join("; ")));
            }
            Err(other) => report
                .refused
                .push((item.id.to_string(), other.to_string())),
        }
    }
    store.flush_blocking()?;
    Ok(report)
}
