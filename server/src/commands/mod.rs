//! Batch commands of the `tellus` binary other than `serve`.

pub mod import_queue;
pub mod purge;
pub mod theme;
pub mod triage;
pub mod user;
