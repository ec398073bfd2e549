//! Theme boards: per consultation, the themes found, the facilitator's decisions, the
//! "What you told us" text, and the published copy.

use super::{StorageError, Store, decode, encode};
use serde::{Deserialize, Serialize};
use tellus_core::board::{Edits, Generated, SummaryDoc, WhatYouToldUs};
use tellus_core::said_did::{Actions, YouSaidWeDid};

/// Everything about a consultation's themes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredBoard {
    /// What the machine found last time themes were found.
    pub generated: Option<Generated>,
    /// The facilitator's decisions.
    #[serde(default)]
    pub edits: Edits,
    #[serde(default)]
    pub doc: SummaryDoc,
    /// The copy shown to the public, frozen when published.
    #[serde(default)]
    pub published: Option<WhatYouToldUs>,
    /// What will happen about each theme ("you said, we did").
    #[serde(default)]
    pub actions: Actions,
    /// The published "you said, we did" page.
    #[serde(default)]
    pub said_did: Option<YouSaidWeDid>,
}

impl Store {
    /// A consultation's board (empty until themes are first found).
    pub fn board(&self, consultation_id: &str) -> Result<StoredBoard, StorageError> {
        Ok(match self.boards.get(consultation_id.as_bytes())? {
            Some(bytes) => decode(&bytes)?,
            None => StoredBoard::default(),
        })
    }

    /// Saves a consultation's board.
    pub fn put_board(
        &self,
        consultation_id: &str,
        board: &StoredBoard,
    ) -> Result<(), StorageError> {
        self.boards
            .insert(consultation_id.as_bytes(), encode(board))?;
        Ok(())
    }

    /// Every board, for backups.
    pub fn boards(&self) -> Result<Vec<(String, StoredBoard)>, StorageError> {
        self.boards
            .iter()
            .map(|entry| {
                let (k, v) = entry?;
                Ok((String::from_utf8_lossy(&k).into_owned(), decode(&v)?))
            })
            .collect()
    }
}
