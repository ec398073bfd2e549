//! The JSON API under `/api`.

mod consultations;
mod health;
mod responses;

use crate::error::AppError;
use crate::startup::AppState;
use axum::Router;
use axum::http::Uri;
use axum::routing::{get, put};

/// All API routes, relative to `/api`.
pub fn api() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .route("/consultations", get(consultations::list))
        .route("/consultations/{id}/summary", get(consultations::summary))
        .route("/surveys/{id}", get(consultations::survey))
        .route("/responses/{id}", put(responses::put))
        .fallback(not_found)
}

async fn not_found(uri: Uri) -> AppError {
    AppError::NotFound {
        what: "API route",
        id: uri.path().to_string(),
    }
}
