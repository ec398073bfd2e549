//! The safeguarding phrase list a lead can edit, kept in the store's `meta` tree, and
//! checking everything already stored against a new list.

use super::{StorageError, Store, decode, encode};
use std::sync::Arc;
use tellus_core::safeguarding::{self, Checker, KeptForLead, PhraseList};

const PHRASES_KEY: &[u8] = b"safeguarding_phrases";

/// The stored list, or the built-in one until a lead changes it. A list saved before a
/// language was supported gets that language's built-in phrases.
pub(super) fn phrases_in(meta: &sled::Tree) -> Result<PhraseList, StorageError> {
    Ok(match meta.get(PHRASES_KEY)? {
        Some(bytes) => decode::<PhraseList>(&bytes)?.completed(),
        None => PhraseList::default(),
    })
}

/// What checking the stored answers and notes again found.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Retriage {
    pub checked: usize,
    pub responses: usize,
    pub notes: usize,
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

    /// Checks every stored response and event note against the list in use, holding
    /// those it now flags. Nothing is released: answers a lead has already reviewed and
    /// notes already judged are left as they are.
    pub fn retriage(&self) -> Result<Retriage, StorageError> {
        let checker = self.checker();
        let mut found = Retriage::default();
        let ids: Vec<uuid::Uuid> = self
            .responses()
            .map(|r| r.map(|r| r.id))
            .collect::<Result<_, _>>()?;
        for id in ids {
            found.checked += 1;
            let mut held = false;
            self.update_response(id, |r| held = safeguarding::triage(&checker, r))?;
            found.responses += held as usize;
        }
        for event in self.events()? {
            for mut note in self.event_notes(&event.id)? {
                found.checked += 1;
                if note.held || !note.why.is_empty() {
                    continue;
                }
                let why = safeguarding::reasons(&checker, &note.text);
                if !why.is_empty() {
                    note.held = true;
                    note.why = why;
                    self.put_note(&note)?;
                    found.notes += 1;
                }
            }
        }
        Ok(found)
    }
}

impl Store {
    /// Keeps a held response its participant withdrew, for the lead only.
    pub fn keep_for_lead(&self, copy: &KeptForLead) -> Result<(), StorageError> {
        self.lead_copies
            .insert(copy.response.id.as_bytes(), encode(copy))?;
        Ok(())
    }

    /// Every withdrawn response kept for a lead.
    pub fn lead_copies(&self) -> Result<Vec<KeptForLead>, StorageError> {
        self.lead_copies
            .iter()
            .values()
            .map(|v| decode(&v?))
            .collect()
    }

    /// One withdrawn response kept for a lead.
    pub fn lead_copy(&self, id: uuid::Uuid) -> Result<Option<KeptForLead>, StorageError> {
        self.lead_copies
            .get(id.as_bytes())?
            .map(|v| decode(&v))
            .transpose()
    }

    /// Deletes a kept copy for good once the lead has dealt with it.
    pub fn remove_lead_copy(&self, id: uuid::Uuid) -> Result<bool, StorageError> {
        Ok(self.lead_copies.remove(id.as_bytes())?.is_some())
    }
}
