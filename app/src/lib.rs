//! Tellus in the browser, as two apps over the shared `tellus-core` model: the participant
//! journey (`tellus-app`, kept small for children on slow school wifi) and the facilitator
//! workspace (`tellus-manage`, served under `/manage`). Each binary mounts one of them, so
//! neither downloads the other's code.

pub mod api;
pub mod browser;
pub mod components;
pub mod kiosk;
pub mod language;
pub mod live;
pub mod manage;
pub mod outbox;
pub mod pages;
pub mod participant;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;
