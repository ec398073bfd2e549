//! Reusable pieces of the page.

pub mod face;
pub mod layout;
pub mod question;
