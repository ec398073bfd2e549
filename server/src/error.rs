//! The one place where errors become HTTP responses with a JSON body.

use crate::storage::StorageError;
use crate::submission::SubmitError;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tellus_core::FieldError;
use tellus_core::api::{ApiError, ErrorBody};
use tellus_core::survey::DefinitionProblem;
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
    #[error("some details need changing")]
    InvalidDefinition(Vec<DefinitionProblem>),
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    #[error("this consultation is not taking answers")]
    Closed,
    #[error("sign in first")]
    SignInNeeded,
    #[error("the session has ended")]
    SessionExpired,
    #[error("the email address or password is not right")]
    SignInRefused,
    #[error("too many sign-in attempts")]
    TooManyAttempts { retry_after: u64 },
    #[error("the request did not carry this session's CSRF token")]
    CsrfFailed,
    #[error("this account's role does not allow that")]
    Forbidden,
    #[error(transparent)]
    Event(#[from] tellus_core::event::EventError),
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
            AppError::InvalidDefinition(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_definition",
                "Some details need changing: see fields".into(),
            ),
            AppError::Conflict { code, message } => (StatusCode::CONFLICT, code, message.clone()),
            AppError::Closed => (
                StatusCode::GONE,
                "consultation_closed",
                "This consultation has closed and is no longer taking answers. Thank you for wanting to take part".into(),
            ),
            AppError::SignInNeeded => (
                StatusCode::UNAUTHORIZED,
                "sign_in_needed",
                "Sign in to see this page".into(),
            ),
            AppError::SessionExpired => (
                StatusCode::UNAUTHORIZED,
                "session_expired",
                "You were signed out because your session ended. Sign in again to carry on".into(),
            ),
            AppError::SignInRefused => (
                StatusCode::UNAUTHORIZED,
                "sign_in_refused",
                "The email address or password is not right. Check them and try again".into(),
            ),
            AppError::TooManyAttempts { retry_after } => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                format!(
                    "Too many sign-in attempts. Wait {} minutes, then try again, or ask an administrator to help",
                    retry_after.div_ceil(60)
                ),
            ),
            AppError::CsrfFailed => (
                StatusCode::FORBIDDEN,
                "csrf_failed",
                "This change did not come from a Tellus page. Reload the page and try again".into(),
            ),
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                "forbidden",
                "Your role does not allow this. Ask an administrator if you need it".into(),
            ),
            AppError::ResponseConflict => (
                StatusCode::CONFLICT,
                "response_conflict",
                "A different response was already stored with this id; send new answers with a new id".into(),
            ),
            AppError::Event(e) => {
                use tellus_core::event::EventError;
                let status = match e {
                    EventError::NotOpen | EventError::Closed => StatusCode::CONFLICT,
                    EventError::Ended => StatusCode::GONE,
                    EventError::Invalid(_) | EventError::Answers(_) | EventError::WrongKind => {
                        StatusCode::UNPROCESSABLE_ENTITY
                    }
                };
                (status, e.code(), e.to_string())
            }
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
        let retry_after = match &self {
            AppError::TooManyAttempts { retry_after } => Some(*retry_after),
            _ => None,
        };
        let fields = match self {
            AppError::InvalidAnswers(fields) => fields,
            AppError::Event(tellus_core::event::EventError::Answers(fields)) => fields,
            AppError::InvalidDefinition(problems) => problems
                .into_iter()
                .map(|p| FieldError {
                    field: p.path,
                    code: "invalid".into(),
                    message: p.message,
                })
                .collect(),
            _ => Vec::new(),
        };
        let body = ApiError {
            error: ErrorBody {
                code: code.into(),
                message,
                fields,
            },
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, seconds.into());
        }
        response
    }
}
