//! Signing in and out.

use crate::auth::{self, Signed, clear_cookie, session_cookie, start_session, verify_password};
use crate::error::AppError;
use crate::startup::AppState;
use axum::Json;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use tellus_core::account::{SessionInfo, SignIn, normalise_email};
use tellus_core::audit::{AuditAction, AuditEntry};

/// Records a sensitive action; the caller flushes with its own write.
pub fn record(
    state: &AppState,
    actor: &str,
    action: AuditAction,
    target: &str,
    detail: &str,
) -> Result<(), AppError> {
    state.store.audit(&AuditEntry {
        at: auth::now(),
        actor: actor.to_string(),
        action,
        target: target.to_string(),
        detail: detail.to_string(),
    })?;
    Ok(())
}

/// `POST /api/session`: signs in; the same answer for an unknown account and a wrong password.
pub async fn sign_in(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    body: Result<Json<SignIn>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(form) = body?;
    let address = peer.map(|Extension(ConnectInfo(addr))| addr.ip().to_string());
    // An email that cannot be an account is throttled and refused like any other.
    let email = normalise_email(&form.email).unwrap_or_else(|_| form.email.trim().to_lowercase());
    let now = auth::now();
    if let Err(retry_after) = state.auth.throttle.check(&email, address.as_deref(), now) {
        return Err(AppError::TooManyAttempts { retry_after });
    }
    let user = state.store.user(&email)?;
    let checked = {
        let password = form.password.clone();
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        tokio::task::spawn_blocking(move || verify_password(&password, hash.as_deref()))
            .await
            .unwrap_or(false)
    };
    let Some(user) = user.filter(|_| checked) else {
        state.auth.throttle.fail(&email, address.as_deref(), now);
        record(
            &state,
            &email,
            AuditAction::SignInRefused,
            "",
            address.as_deref().unwrap_or(""),
        )?;
        return Err(AppError::SignInRefused);
    };
    state.auth.throttle.succeed(&email);
    let (token, info) = start_session(&state.store, &user, state.auth.session_ttl)?;
    record(
        &state,
        &user.email,
        AuditAction::SignIn,
        "",
        address.as_deref().unwrap_or(""),
    )?;
    state.store.flush().await?;
    let cookie = session_cookie(&token, state.auth.session_ttl, &headers);
    Ok(([(header::SET_COOKIE, cookie)], Json(info)).into_response())
}

/// `GET /api/session`: who is signed in, with the CSRF token for changes.
pub async fn current(signed: Signed) -> Json<SessionInfo> {
    Json(SessionInfo {
        email: signed.user.email.clone(),
        role: signed.user.role,
        csrf_token: signed.session.csrf_token.clone(),
        expires_at: signed.session.expires_at,
    })
}

/// `DELETE /api/session`: signs out.
pub async fn sign_out(State(state): State<AppState>, signed: Signed) -> Result<Response, AppError> {
    state.store.delete_session(&signed.key)?;
    record(&state, &signed.actor(), AuditAction::SignOut, "", "")?;
    state.store.flush().await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, clear_cookie())],
    )
        .into_response())
}
