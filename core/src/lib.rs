//! Tellus core: the survey model, answer validation and the demo consultation.
//!
//! Everything here is plain data and functions with no I/O, so the server and the
//! WebAssembly app share one definition of each type and one set of rules.

pub mod account;
pub mod api;
pub mod audit;
pub mod board;
pub mod chart;
pub mod demo;
pub mod event;
pub mod export;
pub mod language;
pub mod linear;
pub mod manage;
pub mod privacy;
pub mod response;
pub mod safeguarding;
pub mod said_did;
pub mod summary;
pub mod survey;
pub mod symbol;
pub mod text;
pub mod theme;
pub mod tone;
pub mod translation;

pub use response::{
    Answer, Answers, FieldError, ResponseSubmission, StoredResponse, describe_answer,
};
pub use survey::{Audience, Choice, Consultation, Question, QuestionKind, Status, Survey};
