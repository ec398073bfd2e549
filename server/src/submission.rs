//! Accepting a response: find its survey, check the answers, store it once.
//!
//! Shared by `PUT /api/responses/{id}` and `tellus import-queue`, so a response is
//! judged by the same rules however it arrives.

use crate::storage::{Insert, StorageError, Store};
use tellus_core::response::{normalise, validate_answers};
use tellus_core::safeguarding;
use tellus_core::{FieldError, ResponseSubmission, StoredResponse};
use thiserror::Error;
use uuid::Uuid;

/// How a response was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    /// Stored now; `held` when triage held it for a safeguarding lead.
    Created { held: bool },
    /// The same response was already stored under this id (a retry).
    Repeat,
}

/// Why a response was not taken.
#[derive(Debug, Error)]
pub enum SubmitError {
    #[error("there is no survey '{0}'")]
    UnknownSurvey(String),
    #[error("some answers need changing")]
    Invalid(Vec<FieldError>),
    #[error("a different response was already stored with this id")]
    Conflict,
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Stores a response under `id` unless it is invalid or the id holds different answers.
/// Not yet durable: call [`Store::commit_responses`] before acknowledging.
pub fn accept(
    store: &Store,
    id: Uuid,
    submission: &ResponseSubmission,
) -> Result<Accepted, SubmitError> {
    let unknown = || SubmitError::UnknownSurvey(submission.survey_id.clone());
    let consultation = store
        .consultation_of_survey(&submission.survey_id)?
        .ok_or_else(unknown)?;
    let survey = consultation
        .survey(&submission.survey_id)
        .ok_or_else(unknown)?;
    validate_answers(survey, &submission.answers).map_err(SubmitError::Invalid)?;
    let answers = normalise(&submission.answers);
    let mut response = StoredResponse {
        id,
        consultation_id: consultation.id.clone(),
        survey_id: survey.id.clone(),
        flags: Vec::new(),
        reviews: Vec::new(),
        answers,
        received_at: crate::clock::now(),
        language: submission.language,
    };
    let held = safeguarding::triage(&store.checker(), &mut response);
    match store.insert_response(&response)? {
        Insert::Created => Ok(Accepted::Created { held }),
        Insert::Existing(existing)
            if existing.survey_id == response.survey_id && existing.answers == response.answers =>
        {
            Ok(Accepted::Repeat)
        }
        Insert::Existing(_) => Err(SubmitError::Conflict),
    }
}
