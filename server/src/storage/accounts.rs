//! Accounts, sessions and the audit log, in their own trees of the same store.

use super::{StorageError, Store, decode, encode};
use serde::{Deserialize, Serialize};
use tellus_core::account::{Account, Role};
use tellus_core::audit::AuditEntry;

/// An account as stored: the public part and the argon2 hash of its password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    pub email: String,
    pub role: Role,
    /// PHC string (`$argon2id$v=19$...`), salt included.
    pub password_hash: String,
    pub created_at: u64,
}

impl UserRecord {
    /// What administrators see of the account.
    pub fn account(&self) -> Account {
        Account {
            email: self.email.clone(),
            role: self.role,
            created_at: self.created_at,
        }
    }
}

/// A signed-in session. Stored under a hash of its token, so a copy of the data folder
/// cannot be used to sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub email: String,
    pub csrf_token: String,
    pub created_at: u64,
    pub expires_at: u64,
}

impl Store {
    /// Adds an account unless the email is taken; false if it was.
    pub fn add_user(&self, user: &UserRecord) -> Result<bool, StorageError> {
        Ok(self
            .users
            .compare_and_swap(
                user.email.as_bytes(),
                None as Option<&[u8]>,
                Some(encode(user)),
            )?
            .is_ok())
    }

    /// Replaces an existing account's record.
    pub fn put_user(&self, user: &UserRecord) -> Result<(), StorageError> {
        self.users.insert(user.email.as_bytes(), encode(user))?;
        Ok(())
    }

    /// One account by (normalised) email.
    pub fn user(&self, email: &str) -> Result<Option<UserRecord>, StorageError> {
        self.users
            .get(email.as_bytes())?
            .map(|v| decode(&v))
            .transpose()
    }

    /// Every account, by email.
    pub fn users(&self) -> Result<Vec<UserRecord>, StorageError> {
        self.users.iter().values().map(|v| decode(&v?)).collect()
    }

    /// Removes an account and signs it out everywhere; false if there was none.
    pub fn delete_user(&self, email: &str) -> Result<bool, StorageError> {
        let existed = self.users.remove(email.as_bytes())?.is_some();
        self.end_sessions_of(email)?;
        Ok(existed)
    }

    /// Ends every session of an account (after its removal or a password change).
    pub fn end_sessions_of(&self, email: &str) -> Result<(), StorageError> {
        for entry in self.sessions.iter() {
            let (key, value) = entry?;
            let session: Session = decode(&value)?;
            if session.email == email {
                self.sessions.remove(key)?;
            }
        }
        Ok(())
    }

    /// Saves a session under the hash of its token.
    pub fn put_session(&self, key: &[u8], session: &Session) -> Result<(), StorageError> {
        self.sessions.insert(key, encode(session))?;
        Ok(())
    }

    /// The session stored under a token hash.
    pub fn session(&self, key: &[u8]) -> Result<Option<Session>, StorageError> {
        self.sessions.get(key)?.map(|v| decode(&v)).transpose()
    }

    /// Ends one session.
    pub fn delete_session(&self, key: &[u8]) -> Result<(), StorageError> {
        self.sessions.remove(key)?;
        Ok(())
    }

    /// Removes sessions that ended before `now`; returns how many.
    pub fn prune_sessions(&self, now: u64) -> Result<usize, StorageError> {
        let mut pruned = 0;
        for entry in self.sessions.iter() {
            let (key, value) = entry?;
            let session: Session = decode(&value)?;
            if session.expires_at <= now {
                self.sessions.remove(key)?;
                pruned += 1;
            }
        }
        Ok(pruned)
    }

    /// Appends to the audit log.
    pub fn audit(&self, entry: &AuditEntry) -> Result<(), StorageError> {
        let seq = self.db.generate_id()?;
        self.audit.insert(seq.to_be_bytes(), encode(entry))?;
        Ok(())
    }

    /// The newest `limit` audit entries, newest first.
    pub fn audit_log(&self, limit: usize) -> Result<Vec<AuditEntry>, StorageError> {
        self.audit
            .iter()
            .values()
            .rev()
            .take(limit)
            .map(|v| decode(&v?))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tellus_core::audit::AuditAction;

    fn user(email: &str) -> UserRecord {
        UserRecord {
            email: email.into(),
            role: Role::Facilitator,
            password_hash: "x".into(),
            created_at: 1,
        }
    }

    #[test]
    fn accounts_are_unique_and_removal_ends_their_sessions() {
        let store = Store::temporary().unwrap();
        assert!(store.add_user(&user("a@x.org")).unwrap());
        assert!(!store.add_user(&user("a@x.org")).unwrap());
        let session = |email: &str, expires_at| Session {
            email: email.into(),
            csrf_token: "c".into(),
            created_at: 0,
            expires_at,
        };
        store.put_session(b"k1", &session("a@x.org", 100)).unwrap();
        store.put_session(b"k2", &session("b@x.org", 100)).unwrap();
        store.put_session(b"k3", &session("b@x.org", 5)).unwrap();
        assert_eq!(store.prune_sessions(10).unwrap(), 1);
        assert!(store.delete_user("a@x.org").unwrap());
        assert_eq!(store.session(b"k1").unwrap(), None);
        assert!(store.session(b"k2").unwrap().is_some());
        assert!(store.user("a@x.org").unwrap().is_none());
    }

    #[test]
    fn audit_log_reads_newest_first() {
        let store = Store::temporary().unwrap();
        for (i, action) in [
            AuditAction::SignIn,
            AuditAction::Export,
            AuditAction::SignOut,
        ]
        .into_iter()
        .enumerate()
        {
            store
                .audit(&AuditEntry {
                    at: i as u64,
                    actor: "a@x.org".into(),
                    action,
                    target: String::new(),
                    detail: String::new(),
                })
                .unwrap();
        }
        let log = store.audit_log(2).unwrap();
        assert_eq!(log.iter().map(|e| e.at).collect::<Vec<_>>(), [2, 1]);
    }
}
