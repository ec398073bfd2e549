//! Session cookies and the `Signed` extractor that every facilitator route starts with.

use super::now;
use super::password::random_text;
use crate::error::AppError;
use crate::startup::AppState;
use crate::storage::{Session, Store, UserRecord};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use sha2::{Digest, Sha256};
use tellus_core::Consultation;
use tellus_core::account::{Permission, SessionInfo};

/// The session cookie's name.
pub const COOKIE: &str = "tellus_session";
/// The header that must carry the session's CSRF token on every change.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Where a session token is stored: its SHA-256, never the token itself.
pub fn token_key(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Starts a session for an account; returns the token for the cookie and what the app needs.
pub fn start_session(
    store: &Store,
    user: &UserRecord,
    ttl_seconds: u64,
) -> Result<(String, SessionInfo), AppError> {
    let token = random_text(32);
    let now = now();
    let session = Session {
        email: user.email.clone(),
        csrf_token: random_text(32),
        created_at: now,
        expires_at: now + ttl_seconds,
    };
    store.put_session(&token_key(&token), &session)?;
    Ok((
        token,
        SessionInfo {
            email: user.email.clone(),
            role: user.role,
            csrf_token: session.csrf_token,
            expires_at: session.expires_at,
        },
    ))
}

/// Whether the request reached us over TLS (directly or through a proxy that says so).
fn over_tls(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"))
}

/// The `Set-Cookie` value for a new session: HttpOnly, SameSite=Strict, Secure over TLS.
pub fn session_cookie(token: &str, ttl_seconds: u64, request: &HeaderMap) -> HeaderValue {
    let secure = if over_tls(request) { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={ttl_seconds}{secure}"
    ))
    .expect("tokens are URL-safe base64")
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
    ))
    .expect("static cookie text")
}

/// The value of one cookie in the request.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// Compares secrets without leaking how much of them matched through timing.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A signed-in person, checked against the store on every request (so a role change or
/// removal takes effect at once). Changes must carry the session's CSRF token.
pub struct Signed {
    pub user: UserRecord,
    pub session: Session,
    /// The session's key in the store.
    pub key: Vec<u8>,
}

impl FromRequestParts<AppState> for Signed {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = cookie(&parts.headers, COOKIE).ok_or(AppError::SignInNeeded)?;
        let key = token_key(token);
        let session = state.store.session(&key)?.ok_or(AppError::SignInNeeded)?;
        if session.expires_at <= now() {
            state.store.delete_session(&key)?;
            return Err(AppError::SessionExpired);
        }
        let user = state
            .store
            .user(&session.email)?
            .ok_or(AppError::SignInNeeded)?;
        if !parts.method.is_safe() {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .map(|v| v.as_bytes())
                .unwrap_or_default();
            if !same_secret(sent, session.csrf_token.as_bytes()) {
                return Err(AppError::CsrfFailed);
            }
        }
        Ok(Signed { user, session, key })
    }
}

impl Signed {
    /// Refuses (403) unless the person's role carries the permission.
    pub fn require(&self, permission: Permission) -> Result<(), AppError> {
        if self.user.role.can(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Whether the person may see this consultation at all.
    pub fn can_see(&self, c: &Consultation) -> bool {
        self.user.role.sees_everything() || c.team.contains(&self.user.email)
    }

    /// A consultation the person may see, after checking the permission. Consultations
    /// they are not on answer 404, as if they did not exist.
    pub fn consultation(
        &self,
        store: &Store,
        id: &str,
        permission: Permission,
    ) -> Result<Consultation, AppError> {
        self.require(permission)?;
        store
            .consultation(id)?
            .filter(|c| self.can_see(c))
            .ok_or_else(|| AppError::NotFound {
                what: "consultation",
                id: id.to_string(),
            })
    }

    /// The email of the person acting, for the audit log.
    pub fn actor(&self) -> String {
        self.user.email.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_by_exact_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("other=1; tellus_session_x=2; tellus_session=abc"),
        );
        assert_eq!(cookie(&headers, COOKIE), Some("abc"));
        headers.insert(header::COOKIE, HeaderValue::from_static("tellus_session="));
        assert_eq!(cookie(&headers, COOKIE), None);
        assert!(
            same_secret(b"abc", b"abc")
                && !same_secret(b"abc", b"abd")
                && !same_secret(b"ab", b"abc")
        );
    }

    #[test]
    fn the_cookie_is_strict_and_secure_only_over_tls() {
        let mut headers = HeaderMap::new();
        let plain = session_cookie("t", 60, &headers);
        let plain = plain.to_str().unwrap();
        assert!(
            plain.contains("HttpOnly")
                && plain.contains("SameSite=Strict")
                && !plain.contains("Secure")
        );
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert!(
            session_cookie("t", 60, &headers)
                .to_str()
                .unwrap()
                .ends_with("; Secure")
        );
    }
}
