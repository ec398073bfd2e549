//! Reusable pieces of the page.

pub mod chart;
pub mod face;
pub mod form;
pub mod idle;
pub mod layout;
pub mod listen;
pub mod question;
