//! The safeguarding phrase list a lead can edit, kept in the store's `meta` tree.

use super::{StorageError, Store, decode, encode};
use std::sync::Arc;
use tellus_core::safeguarding::{Checker, PhraseList};

const PHRASES_KEY: &[u8] = b"safeguarding_phrases";

/// The stored list, or the built-in one until a lead changes it.
pub(super) fn phrases_in(meta: &sled::Tree) -> Result<PhraseList, StorageError> {
    Ok(match meta.get(PHRASES_KEY)? {
        Some(bytes) => decode(&bytes)?,
        None => PhraseList::default(),
    })
}

impl Store {
    /// The phrase list in use.
    pub fn phrases(&self) -> Result<PhraseList, StorageError> {
        phrases_in(&self.meta)
    }

    /// Replaces the phrase list; new submissions are checked against it at once.
    pub fn set_phrases(&self, list: &PhraseList) -> Result<(), StorageError> {
        self.meta.insert(PHRASES_KEY, encode(list))?;
        *self
            .checker
            .write()
            .expect("checker lock is never poisoned") = Arc::new(list.checker());
        Ok(())
    }

    /// The compiled phrase list for checking submissions.
    pub fn checker(&self) -> Arc<Checker> {
        Arc::clone(&self.checker.read().expect("checker lock is never poisoned"))
    }
}
