//! Batch commands of the `tellus` binary other than `serve`.

pub mod theme;
