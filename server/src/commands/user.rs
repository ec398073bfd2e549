//! `tellus user`: accounts from the command line (the first administrator, lost passwords).

use crate::auth::{self, hash_password};
use crate::storage::{StorageError, Store, UserRecord};
use std::io::{BufRead, IsTerminal};
use tellus_core::account::{AccountError, Role, check_password, normalise_email};
use thiserror::Error;

/// Why an account command failed.
#[derive(Debug, Error)]
pub enum UserError {
    #[error(transparent)]
    Account(#[from] AccountError),
    #[error("there is already an account for {0}")]
    Exists(String),
    #[error("there is no account for {0}")]
    Missing(String),
    #[error("could not read the password: {0}")]
    Read(#[from] std::io::Error),
    #[error("the two passwords were different; nothing was changed")]
    Mismatch,
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Reads a password: from a prompt (typed twice, not echoed) at a terminal, else one line of stdin.
pub fn read_password(from_stdin: bool) -> Result<String, UserError> {
    if from_stdin || !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\n', '\r']).to_string());
    }
    let first = rpassword::prompt_password("Password (at least 12 characters): ")?;
    let again = rpassword::prompt_password("The same password again: ")?;
    if first != again {
        return Err(UserError::Mismatch);
    }
    Ok(first)
}

/// Adds an account; the normalised email is returned.
pub fn add(store: &Store, email: &str, role: Role, password: &str) -> Result<String, UserError> {
    let email = normalise_email(email)?;
    check_password(password, &email)?;
    let user = UserRecord {
        email: email.clone(),
        role,
        password_hash: hash_password(password),
        created_at: auth::now(),
    };
    if !store.add_user(&user)? {
        return Err(UserError::Exists(email));
    }
    store.flush_blocking()?;
    Ok(email)
}

/// Sets a new password and signs the account out everywhere.
pub fn set_password(store: &Store, email: &str, password: &str) -> Result<(), UserError> {
    let email = normalise_email(email)?;
    let mut user = store
        .user(&email)?
        .ok_or_else(|| UserError::Missing(email.clone()))?;
    check_password(password, &email)?;
    user.password_hash = hash_password(password);
    store.put_user(&user)?;
    store.end_sessions_of(&email)?;
    store.flush_blocking()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::verify_password;

    #[test]
    fn accounts_are_added_once_and_passwords_reset() {
        let store = Store::temporary().unwrap();
        let email = add(
            &store,
            " Lead@Council.org ",
            Role::Administrator,
            "a long enough phrase",
        )
        .unwrap();
        assert_eq!(email, "lead@council.org");
        assert!(matches!(
            add(
                &store,
                "lead@council.org",
                Role::Viewer,
                "another long phrase"
            ),
            Err(UserError::Exists(_))
        ));
        assert!(matches!(
            add(&store, "x@y.org", Role::Viewer, "short"),
            Err(UserError::Account(_))
        ));
        set_password(&store, "lead@council.org", "a brand new phrase").unwrap();
        let user = store.user("lead@council.org").unwrap().unwrap();
        assert!(verify_password(
            "a brand new phrase",
            Some(&user.password_hash)
        ));
        assert!(matches!(
            set_password(&store, "nobody@x.org", "a brand new phrase"),
            Err(UserError::Missing(_))
        ));
    }
}
