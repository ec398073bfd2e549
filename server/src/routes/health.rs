use axum::Json;
use tellus_core::api::Health;

/// `GET /api/health`: the server is up, and which version it is.
pub async fn health() -> Json<Health> {
    Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    })
}
