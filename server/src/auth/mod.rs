//! Signing in: password hashes, session cookies, CSRF tokens and sign-in throttling.

mod password;
mod session;
mod throttle;

pub use password::{generate_password, hash_password, verify_password};
pub use session::{
    COOKIE, CSRF_HEADER, Signed, clear_cookie, session_cookie, start_session, token_key,
};
pub use throttle::Throttle;

pub use crate::clock::now;
