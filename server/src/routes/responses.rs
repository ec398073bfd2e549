use crate::error::AppError;
use crate::startup::AppState;
use crate::storage::Insert;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use std::time::{SystemTime, UNIX_EPOCH};
use tellus_core::api::Receipt;
use tellus_core::response::{normalise, validate_answers};
use tellus_core::{ResponseSubmission, StoredResponse};
use uuid::Uuid;

/// `PUT /api/responses/{id}`: stores a response under the id its device chose.
///
/// Repeating the same request is safe (200 with `created: false`); the same id with
/// different answers is a 409. The reply comes only once the response is on disk.
pub async fn put(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Result<Json<ResponseSubmission>, JsonRejection>,
) -> Result<(StatusCode, Json<Receipt>), AppError> {
    let id = Uuid::parse_str(&id).map_err(|_| AppError::BadRequest {
        code: "invalid_response_id",
        message: format!(
            "'{id}' is not a UUID; the device should send a new random UUID per response"
        ),
    })?;
    let Json(submission) = body?;
    let consultation = state
        .store
        .consultation_of_survey(&submission.survey_id)?
        .ok_or_else(|| AppError::NotFound {
            what: "survey",
            id: submission.survey_id.clone(),
        })?;
    let survey = consultation
        .survey(&submission.survey_id)
        .ok_or_else(|| AppError::NotFound {
            what: "survey",
            id: submission.survey_id.clone(),
        })?;
    validate_answers(survey, &submission.answers).map_err(AppError::InvalidAnswers)?;

    let response = StoredResponse {
        id,
        consultation_id: consultation.id.clone(),
        survey_id: survey.id.clone(),
        answers: normalise(&submission.answers),
        received_at: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
    };
    match state.store.insert_response(&response)? {
        Insert::Created => {
            state.store.flush().await?;
            Ok((StatusCode::CREATED, Json(Receipt { id, created: true })))
        }
        Insert::Existing(existing)
            if existing.survey_id == response.survey_id && existing.answers == response.answers =>
        {
            // A retry may arrive before the first request's flush finished: flush before saying yes.
            state.store.flush().await?;
            Ok((StatusCode::OK, Json(Receipt { id, created: false })))
        }
        Insert::Existing(_) => Err(AppError::ResponseConflict),
    }
}
