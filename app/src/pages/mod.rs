//! One module per page of the participant journey.

pub mod check;
pub mod device;
pub mod done;
pub mod event;
pub mod help;
pub mod home;
pub mod join;
pub mod kiosk;
pub mod not_found;
pub mod question;
pub mod results;
pub mod said_did;
pub mod survey;
pub mod withdraw;
