//! The Tellus server: thin HTTP handlers over `tellus-core` and a sled store.

pub mod alerts;
pub mod auth;
pub mod backup;
pub mod clock;
pub mod commands;
pub mod error;
pub mod export;
pub mod live;
pub mod pages;
pub mod routes;
pub mod startup;
pub mod storage;
pub mod submission;
pub mod workers;
