//! The one place where errors become HTTP responses with a JSON body.

use crate::storage::StorageError;
use crate::submission::SubmitError;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tellus_core::FieldError;
use tellus_core::api::{ApiError, ErrorBody};
use thiserror::Error;

/// Everything a handler can fail with.
#[derive(Debug, Error)]
pub enum AppError {
    #[error("{what} '{id}' was not found")]
    NotFound { what: &'static str, id: String },
    #[error("{message}")]
    BadRequest { code: &'static str, message: String },
    #[error("some answers need changing")]
    InvalidAnswers(Vec<FieldError>),
    #[error("a different response was already stored with this id")]
    ResponseConflict,
    #[error(transparent)]
    Json(#[from] JsonRejection),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl From<SubmitError> for AppError {
    fn from(e: SubmitError) -> Self {
        match e {
            SubmitError::UnknownSurvey(id) => AppError::NotFound { what: "survey", id },
            SubmitError::Invalid(fields) => AppError::InvalidAnswers(fields),
            SubmitError::Conflict => AppError::ResponseConflict,
            SubmitError::Storage(e) => AppError::Storage(e),
        }
    }
}

impl AppError {
    fn parts(&self) -> (StatusCode, &'static str, String) {
        match self {
            AppError::NotFound { .. } => (StatusCode::NOT_FOUND, "not_found", self.to_string()),
            AppError::BadRequest { code, message } => (StatusCode::BAD_REQUEST, code, message.clone()),
            AppError::InvalidAnswers(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_answers",
                "Some answers need changing: see fields".into(),
            ),
            AppError::ResponseConflict => (
                StatusCode::CONFLICT,
                "response_conflict",
                "A different response was already stored with this id; send new answers with a new id".into(),
            ),
            AppError::Json(rejection) => {
                let code = match rejection {
                    JsonRejection::JsonDataError(_) => "invalid_body",
                    JsonRejection::JsonSyntaxError(_) => "malformed_json",
                    JsonRejection::MissingJsonContentType(_) => "unsupported_media_type",
                    JsonRejection::BytesRejection(_) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        "body_too_large"
                    }
                    _ => "bad_body",
                };
                (rejection.status(), code, rejection.body_text())
            }
            AppError::Storage(e) => {
                tracing::error!(error = %e, "storage failure");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "storage_error",
                    "The server could not save or read data; nothing was changed. Please try again".into(),
                )
            }
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code, message) = self.parts();
        let fields = match self {
            AppError::InvalidAnswers(fields) => fields,
            _ => Vec::new(),
        };
        let body = ApiError {
            error: ErrorBody {
                code: code.into(),
                message,
                fields,
            },
        };
        (status, Json(body)).into_response()
    }
}
