//! Events and what people contribute at them: join codes, participants (a random id per
//! device, never a name), idea-wall notes and votes (one per person per activity).
//!
//! Keys start with the event id and a zero byte, so an event's records are one prefix.

use super::{StorageError, Store, decode, encode};
use serde::{Deserialize, Serialize};
use tellus_core::event::{Event, Note, Vote};
use uuid::Uuid;

/// A device that joined an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub id: Uuid,
    /// The table or group, if given.
    #[serde(default)]
    pub group: Option<String>,
    pub joined_at: u64,
}

/// The outcome of storing a note under a device-chosen id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteInsert {
    Created,
    /// Already stored with this id: a retry.
    Existing(Note),
}

/// Everything of one event, for backups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub event: Event,
    pub participants: Vec<Participant>,
    pub notes: Vec<Note>,
    /// (activity id, participant, vote)
    pub votes: Vec<(String, Uuid, Vote)>,
}

fn prefix(event_id: &str) -> Vec<u8> {
    let mut key = event_id.as_bytes().to_vec();
    key.push(0);
    key
}

fn key(event_id: &str, activity_id: Option<&str>, id: Uuid) -> Vec<u8> {
    let mut key = prefix(event_id);
    if let Some(activity) = activity_id {
        key.extend_from_slice(activity.as_bytes());
        key.push(0);
    }
    key.extend_from_slice(id.as_bytes());
    key
}

fn activity_prefix(event_id: &str, activity_id: &str) -> Vec<u8> {
    let mut key = prefix(event_id);
    key.extend_from_slice(activity_id.as_bytes());
    key.push(0);
    key
}

impl Store {
    /// Stores a new event unless its join code is taken; false if it is.
    pub fn add_event(&self, event: &Event) -> Result<bool, StorageError> {
        let taken = self
            .event_codes
            .compare_and_swap(
                event.code.as_bytes(),
                None as Option<&[u8]>,
                Some(event.id.as_bytes()),
            )?
            .is_err();
        if taken {
            return Ok(false);
        }
        self.events.insert(event.id.as_bytes(), encode(event))?;
        Ok(true)
    }

    /// Saves a changed event (its code never changes).
    pub fn put_event(&self, event: &Event) -> Result<(), StorageError> {
        self.events.insert(event.id.as_bytes(), encode(event))?;
        Ok(())
    }

    /// One event by id.
    pub fn event(&self, id: &str) -> Result<Option<Event>, StorageError> {
        self.events
            .get(id.as_bytes())?
            .map(|v| decode(&v))
            .transpose()
    }

    /// One event by its join code (already normalised).
    pub fn event_by_code(&self, code: &str) -> Result<Option<Event>, StorageError> {
        match self.event_codes.get(code.as_bytes())? {
            Some(id) => self.event(&String::from_utf8_lossy(&id)),
            None => Ok(None),
        }
    }

    /// Every event, ordered by id.
    pub fn events(&self) -> Result<Vec<Event>, StorageError> {
        self.events.iter().values().map(|v| decode(&v?)).collect()
    }

    /// A device joins an event; true if it had joined before (and keeps its place).
    pub fn join_event(
        &self,
        event_id: &str,
        participant: &Participant,
    ) -> Result<bool, StorageError> {
        let resumed = self
            .participants
            .compare_and_swap(
                key(event_id, None, participant.id),
                None as Option<&[u8]>,
                Some(encode(participant)),
            )?
            .is_err();
        Ok(resumed)
    }

    /// Whether this device has joined the event.
    pub fn has_joined(&self, event_id: &str, participant: Uuid) -> Result<bool, StorageError> {
        Ok(self
            .participants
            .contains_key(key(event_id, None, participant))?)
    }

    /// How many devices have joined the event.
    pub fn joined(&self, event_id: &str) -> u64 {
        self.participants.scan_prefix(prefix(event_id)).count() as u64
    }

    /// Stores a note unless its id is taken.
    pub fn insert_note(&self, note: &Note) -> Result<NoteInsert, StorageError> {
        let k = key(&note.event_id, Some(&note.activity_id), note.id);
        match self
            .notes
            .compare_and_swap(k, None as Option<&[u8]>, Some(encode(note)))?
        {
            Ok(()) => Ok(NoteInsert::Created),
            Err(clash) => Ok(NoteInsert::Existing(decode(
                &clash.current.expect("a clash has a current value"),
            )?)),
        }
    }

    /// Saves a changed note (hidden, or released by the safeguarding lead).
    pub fn put_note(&self, note: &Note) -> Result<(), StorageError> {
        let k = key(&note.event_id, Some(&note.activity_id), note.id);
        self.notes.insert(k, encode(note))?;
        Ok(())
    }

    /// The notes of one activity.
    pub fn notes(&self, event_id: &str, activity_id: &str) -> Result<Vec<Note>, StorageError> {
        self.notes
            .scan_prefix(activity_prefix(event_id, activity_id))
            .values()
            .map(|v| decode(&v?))
            .collect()
    }

    /// Every note of an event.
    pub fn event_notes(&self, event_id: &str) -> Result<Vec<Note>, StorageError> {
        self.notes
            .scan_prefix(prefix(event_id))
            .values()
            .map(|v| decode(&v?))
            .collect()
    }

    /// Stores a person's vote, replacing their earlier one: nobody counts twice.
    pub fn put_vote(
        &self,
        event_id: &str,
        activity_id: &str,
        participant: Uuid,
        vote: &Vote,
    ) -> Result<(), StorageError> {
        self.votes
            .insert(key(event_id, Some(activity_id), participant), encode(vote))?;
        Ok(())
    }

    /// A person's vote in an activity.
    pub fn vote(
        &self,
        event_id: &str,
        activity_id: &str,
        participant: Uuid,
    ) -> Result<Option<Vote>, StorageError> {
        self.votes
            .get(key(event_id, Some(activity_id), participant))?
            .map(|v| decode(&v))
            .transpose()
    }

    /// Every vote in an activity.
    pub fn votes(&self, event_id: &str, activity_id: &str) -> Result<Vec<Vote>, StorageError> {
        self.votes
            .scan_prefix(activity_prefix(event_id, activity_id))
            .values()
            .map(|v| decode(&v?))
            .collect()
    }

    /// Deletes an event and everything contributed to it.
    pub fn delete_event(&self, event: &Event) -> Result<(), StorageError> {
        for tree in [&self.notes, &self.votes, &self.participants] {
            let keys: Vec<_> = tree
                .scan_prefix(prefix(&event.id))
                .keys()
                .collect::<Result<_, _>>()?;
            for k in keys {
                tree.remove(k)?;
            }
        }
        self.events.remove(event.id.as_bytes())?;
        self.event_codes.remove(event.code.as_bytes())?;
        Ok(())
    }

    /// Everything of every event, for backups.
    pub fn event_records(&self) -> Result<Vec<EventRecord>, StorageError> {
        self.events()?
            .into_iter()
            .map(|event| {
                let participants = self
                    .participants
                    .scan_prefix(prefix(&event.id))
                    .values()
                    .map(|v| decode(&v?))
                    .collect::<Result<_, _>>()?;
                let notes = self.event_notes(&event.id)?;
                let mut votes = Vec::new();
                for entry in self.votes.scan_prefix(prefix(&event.id)) {
                    let (k, v) = entry?;
                    // key: event \0 activity \0 participant(16)
                    let rest = &k[event.id.len() + 1..];
                    let activity = String::from_utf8_lossy(&rest[..rest.len() - 17]).into_owned();
                    let participant = Uuid::from_slice(&rest[rest.len() - 16..])
                        .map_err(|e| StorageError::Flush(format!("a vote key is damaged: {e}")))?;
                    votes.push((activity, participant, decode(&v)?));
                }
                Ok(EventRecord {
                    event,
                    participants,
                    notes,
                    votes,
                })
            })
            .collect()
    }

    /// Restores one event with everything contributed to it.
    pub fn restore_event(&self, record: &EventRecord) -> Result<(), StorageError> {
        self.add_event(&record.event)?;
        for p in &record.participants {
            self.join_event(&record.event.id, p)?;
        }
        for n in &record.notes {
            self.put_note(n)?;
        }
        for (activity, participant, vote) in &record.votes {
            self.put_vote(&record.event.id, activity, *participant, vote)?;
        }
        Ok(())
    }
}
