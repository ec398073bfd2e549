use crate::error::AppError;
use crate::startup::AppState;
use crate::submission::{Accepted, accept};
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use tellus_core::api::Receipt;
use tellus_core::{ResponseSubmission, Status};
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
    // Only open consultations take answers; `tellus import-queue` can still bring in a
    // device's late answers on purpose.
    if let Some(c) = state.store.consultation_of_survey(&submission.survey_id)? {
        match c.status {
            Status::Open => {}
            Status::Closed => return Err(AppError::Closed),
            Status::Draft | Status::Archived => {
                return Err(AppError::NotFound {
                    what: "survey",
                    id: submission.survey_id,
                });
            }
        }
    }
    let accepted = accept(&state.store, id, &submission)?;
    // A retry may arrive before the first request's sync finished: sync before saying yes either way.
    state.store.commit_responses().await?;
    let (status, created) = match accepted {
        Accepted::Created { held } => {
            if held {
                state.alerts.wake();
            }
            (StatusCode::CREATED, true)
        }
        Accepted::Repeat => (StatusCode::OK, false),
    };
    Ok((status, Json(Receipt { id, created })))
}
