//! What is waiting for safeguarding leads, and which lead has been told about what.
//!
//! Nothing here is a queue of messages: what needs telling is worked out each time from
//! what is held, so an alert cannot be lost by a crash or a mail server being down.

use super::{StorageError, Store};
use tellus_core::safeguarding;

/// Something held for a lead: a response or an event note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// `r:` + the response id, or `n:` + the note id.
    pub key: String,
    pub consultation_id: String,
}

impl Store {
    /// Everything held for a lead, with its consultation.
    pub fn held_items(&self) -> Result<Vec<Held>, StorageError> {
        let mut out = Vec::new();
        for r in self.responses() {
            let r = r?;
            if safeguarding::is_held(&r) {
                out.push(Held {
                    key: format!("r:{}", r.id),
                    consultation_id: r.consultation_id,
                });
            }
        }
        for copy in self.lead_copies()? {
            out.push(Held {
                key: format!("r:{}", copy.response.id),
                consultation_id: copy.response.consultation_id,
            });
        }
        for e in self.events()? {
            for n in self.event_notes(&e.id)?.into_iter().filter(|n| n.held) {
                out.push(Held {
                    key: format!("n:{}", n.id),
                    consultation_id: e.consultation_id.clone(),
                });
            }
        }
        Ok(out)
    }

    fn alert_key(lead: &str, item: &str) -> Vec<u8> {
        let mut key = lead.as_bytes().to_vec();
        key.push(0);
        key.extend_from_slice(item.as_bytes());
        key
    }

    /// Whether this lead has been told about this item.
    pub fn alerted(&self, lead: &str, item: &str) -> Result<bool, StorageError> {
        Ok(self.alerted.contains_key(Self::alert_key(lead, item))?)
    }

    /// Records that this lead has been told about these items.
    pub fn mark_alerted(&self, lead: &str, items: &[String]) -> Result<(), StorageError> {
        let mut batch = sled::Batch::default();
        for item in items {
            batch.insert(Self::alert_key(lead, item), &[] as &[u8]);
        }
        self.alerted.apply_batch(batch)?;
        Ok(())
    }

    /// Forgets marks for items no longer held, so the record does not grow for ever.
    pub fn forget_alerts_except(&self, held: &[Held]) -> Result<(), StorageError> {
        let keep: std::collections::HashSet<&str> = held.iter().map(|h| h.key.as_str()).collect();
        for entry in self.alerted.iter().keys() {
            let key = entry?;
            let item = key
                .iter()
                .position(|b| *b == 0)
                .map(|at| String::from_utf8_lossy(&key[at + 1..]).into_owned())
                .unwrap_or_default();
            if !keep.contains(item.as_str()) {
                self.alerted.remove(key)?;
            }
        }
        Ok(())
    }
}
