//! The JSON API under `/api`.

pub mod consultations;
mod events;
mod health;
mod manage;
mod responses;
mod results;
mod safeguarding;
mod session;
mod themes;
mod users;

pub use session::record;

use crate::error::AppError;
use crate::startup::AppState;
use axum::Router;
use axum::http::Uri;
use axum::routing::{get, post, put};

/// All API routes, relative to `/api`.
pub fn api() -> Router<AppState> {
    Router::new()
        // Participants: no account, no cookie.
        .route("/health", get(health::health))
        .route("/consultations", get(consultations::list))
        .route("/surveys/{id}", get(consultations::survey))
        .route("/responses/{id}", put(responses::put))
        .route("/withdraw", post(safeguarding::withdraw))
        .route("/published/{id}", get(themes::published))
        .route("/you-said-we-did/{id}", get(themes::said_did_published))
        .route("/events/join", post(events::join))
        .route("/events/{code}", get(events::room))
        .route("/events/{code}/stream", get(events::room_stream))
        .route(
            "/events/{code}/participants/{participant}",
            get(events::mine),
        )
        .route(
            "/events/{code}/activities/{activity}",
            post(events::contribute),
        )
        // Facilitators: every route below starts with the `Signed` extractor.
        .merge(facilitator())
        .fallback(not_found)
}

/// Routes that need a signed-in account; listed apart so tests can check each one.
pub fn facilitator() -> Router<AppState> {
    Router::new()
        .route(
            "/session",
            post(session::sign_in)
                .get(session::current)
                .delete(session::sign_out),
        )
        .route("/users", get(users::list).post(users::create))
        .route("/users/{email}", axum::routing::delete(users::delete))
        .route("/users/{email}/role", put(users::change_role))
        .route("/audit", get(users::audit))
        .route("/consultations/{id}/summary", get(consultations::summary))
        .route(
            "/manage/consultations",
            get(manage::list).post(manage::create),
        )
        .route("/manage/consultations/{id}", get(manage::get))
        .route("/manage/consultations/{id}/details", put(manage::details))
        .route("/manage/consultations/{id}/status", put(manage::status))
        .route("/manage/consultations/{id}/team", put(manage::team))
        .route(
            "/manage/consultations/{id}/surveys",
            post(manage::add_survey),
        )
        .route(
            "/manage/consultations/{id}/surveys/{survey}",
            put(manage::save_survey).delete(manage::delete_survey),
        )
        .route(
            "/manage/consultations/{id}/surveys/{survey}/qr.svg",
            get(manage::qr),
        )
        .route("/manage/consultations/{id}/responses", get(results::list))
        .route("/manage/consultations/{id}/charts", get(results::chart))
        .route("/manage/responses/{id}", get(results::one))
        .route("/manage/responses/{id}/clear", post(safeguarding::clear))
        .route("/manage/responses/{id}/concern", post(safeguarding::report))
        .route("/manage/consultations/{id}/themes", get(themes::get))
        .route("/manage/consultations/{id}/themes/find", post(themes::find))
        .route("/manage/consultations/{id}/themes/edit", post(themes::edit))
        .route(
            "/manage/consultations/{id}/what-you-told-us",
            get(themes::summary).put(themes::save_doc),
        )
        .route(
            "/manage/consultations/{id}/what-you-told-us/publish",
            post(themes::publish),
        )
        .route(
            "/manage/consultations/{id}/export/{format}",
            get(themes::download),
        )
        .route(
            "/manage/consultations/{id}/you-said-we-did",
            get(themes::said_did).put(themes::save_said_did),
        )
        .route(
            "/manage/consultations/{id}/you-said-we-did/publish",
            post(themes::publish_said_did),
        )
        .route(
            "/manage/consultations/{id}/events",
            get(events::list).post(events::create),
        )
        .route(
            "/manage/events/{id}",
            get(events::get).put(events::details).delete(events::delete),
        )
        .route("/manage/events/{id}/activities", post(events::add_activity))
        .route("/manage/events/{id}/control", post(events::control))
        .route(
            "/manage/events/{id}/notes/{note}/visibility",
            post(events::note_visibility),
        )
        .route(
            "/manage/events/{id}/notes/{note}/release",
            post(events::release_note),
        )
        .route("/manage/events/{id}/present", get(events::present_stream))
        .route("/manage/events/{id}/qr.svg", get(events::qr))
        .route("/manage/safeguarding", get(safeguarding::queue))
        .route("/manage/safeguarding/notes", get(safeguarding::held_notes))
        .route("/manage/safeguarding/waiting", get(safeguarding::waiting))
        .route(
            "/manage/safeguarding/phrases",
            get(safeguarding::phrases).put(safeguarding::set_phrases),
        )
}

async fn not_found(uri: Uri) -> AppError {
    AppError::NotFound {
        what: "API route",
        id: uri.path().to_string(),
    }
}
