//! One module per page of the participant journey.

pub mod check;
pub mod device;
pub mod done;
pub mod help;
pub mod home;
pub mod kiosk;
pub mod not_found;
pub mod question;
pub mod results;
pub mod survey;
pub mod withdraw;
