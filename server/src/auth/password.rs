//! Password hashing with argon2id (the crate's defaults follow OWASP's recommendation).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use rand_core::{OsRng, RngCore};
use std::sync::LazyLock;

/// The PHC string of a new password.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 accepts any password with default parameters")
        .to_string()
}

/// A hash that matches no password: checked when an account does not exist, so that
/// unknown accounts take as long to refuse as wrong passwords (no account enumeration).
static NO_ACCOUNT: LazyLock<String> = LazyLock::new(|| hash_password(&random_text(24)));

/// Whether `password` matches the stored hash; `None` (no such account) never matches
/// but costs the same time.
pub fn verify_password(password: &str, phc: Option<&str>) -> bool {
    let phc = phc.unwrap_or(NO_ACCOUNT.as_str());
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
        && phc != NO_ACCOUNT.as_str()
}

/// `bytes` random bytes as URL-safe base64: session and CSRF tokens.
pub fn random_text(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

/// A password for the demo administrator: 20 characters, about 120 bits.
pub fn generate_password() -> String {
    random_text(15)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_only_their_password() {
        let phc = hash_password("correct horse battery");
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", Some(&phc)));
        assert!(!verify_password("correct horse battery!", Some(&phc)));
        assert!(!verify_password("anything", None));
        assert!(!verify_password("anything", Some("not a hash")));
        assert_ne!(hash_password("same"), hash_password("same"), "salted");
        assert_eq!(generate_password().len(), 20);
    }
}
