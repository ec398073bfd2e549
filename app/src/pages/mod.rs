//! One module per page of the participant journey.

pub mod check;
pub mod done;
pub mod home;
pub mod not_found;
pub mod question;
pub mod survey;
