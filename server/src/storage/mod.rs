//! Durable storage over sled: consultations (with an index from survey to consultation)
//! and responses, one atomic write each, acknowledged through group commit.
//!
//! Values are JSON; the store records its format version in `meta` so a later release
//! can migrate data it finds in an older format. Counts per survey are derived from the
//! response records when the store opens, so they always agree with the data.

use serde::{Serialize, de::DeserializeOwned};
use sled::transaction::TransactionError;
use sled::{Transactional, Tree};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use tellus_core::safeguarding::Checker;
use tellus_core::{Consultation, StoredResponse};
use thiserror::Error;

pub use alerts::Held;
pub use safeguarding::Retriage;
use tokio::sync::watch;
use uuid::Uuid;

mod accounts;
mod alerts;
mod boards;
mod events;
mod journal;
mod safeguarding;

pub use accounts::{Session, UserRecord};
pub use boards::StoredBoard;
pub use events::{EventRecord, NoteInsert, Participant};
use journal::Journal;

/// The on-disk format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

const FORMAT_KEY: &[u8] = b"format_version";
const DEMO_KEY: &[u8] = b"demo_loaded";
/// The response journal's file, beside sled's in the data folder.
const JOURNAL_FILE: &str = "responses.journal";

/// Errors from the store.
#[derive(Debug, Error)]
pub enum StorageError {
    #[error("the data store failed: {0}")]
    Sled(#[from] sled::Error),
    #[error("a stored record could not be read: {0}")]
    Corrupt(#[from] serde_json::Error),
    #[error(
        "the data folder was written by a newer Tellus (format {found}, this build reads {FORMAT_VERSION})"
    )]
    NewerFormat { found: u32 },
    #[error("writing to disk failed: {0}")]
    Flush(String),
}

/// The outcome of storing a response under a client-chosen id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Insert {
    /// Stored now.
    Created,
    /// A response with this id was already stored; here it is, unchanged.
    Existing(StoredResponse),
}

/// How far writes are known to be on disk, shared by everyone waiting for a flush.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Flushed {
    /// Every write with a ticket up to this is durable.
    durable: u64,
    /// Writes with tickets up to this were in a flush that failed.
    failed: u64,
}

/// What a group commit does to make writes durable.
type SyncAction = Box<dyn Fn() -> Result<(), StorageError> + Send + Sync>;

/// Group commit: writers take a ticket; one of them syncs for all of them at once.
struct GroupCommit {
    sync: SyncAction,
    tickets: AtomicU64,
    flushes: AtomicU64,
    /// Whether a flush is running now.
    flushing: AtomicBool,
    flushed: watch::Sender<Flushed>,
}

/// The Tellus store: one sled database with a tree per kind of record. Cheap to clone
/// (every request's state holds one): clones share one [`Shared`].
#[derive(Clone)]
pub struct Store(Arc<Shared>);

impl std::ops::Deref for Store {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What every clone of a [`Store`] shares.
pub struct Shared {
    db: sled::Db,
    durability: Arc<Durability>,
    /// Group commit of everything (sled).
    commit: Arc<GroupCommit>,
    /// Group commit of responses (the journal's sync, or sled's for a temporary store).
    response_commit: Arc<GroupCommit>,
    meta: Tree,
    consultations: Tree,
    /// survey id -> consultation id
    survey_index: Tree,
    /// response id (16 bytes) -> StoredResponse
    responses: Tree,
    /// Responses per survey, derived from `responses` when the store opens.
    counts: Mutex<Counts>,
    /// Consultations by survey id, decoded once: every submission needs its survey.
    by_survey: RwLock<HashMap<String, Arc<Consultation>>>,
    /// email -> UserRecord
    users: Tree,
    /// sha256(session token) -> Session
    sessions: Tree,
    /// big-endian sequence number -> AuditEntry
    audit: Tree,
    /// consultation id -> StoredBoard
    boards: Tree,
    /// event id -> Event
    events: Tree,
    /// join code -> event id
    event_codes: Tree,
    /// event id \0 participant -> Participant
    participants: Tree,
    /// event id \0 activity id \0 note id -> Note
    notes: Tree,
    /// event id \0 activity id \0 participant -> Vote
    votes: Tree,
    /// lead email \0 held item -> () : the lead has been told about it
    alerted: Tree,
    /// response id -> KeptForLead: held responses their participants withdrew
    lead_copies: Tree,
    /// The safeguarding phrase list in use, compiled.
    checker: RwLock<Arc<Checker>>,
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("domain types always serialise")
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, StorageError> {
    Ok(serde_json::from_slice(bytes)?)
}

/// Responses per survey: those that count, and those held back for safeguarding.
#[derive(Debug, Default)]
struct Counts {
    counted: HashMap<String, u64>,
    held: HashMap<String, u64>,
}

impl Counts {
    fn map(&mut self, response: &StoredResponse) -> &mut HashMap<String, u64> {
        if tellus_core::safeguarding::is_held(response) {
            &mut self.held
        } else {
            &mut self.counted
        }
    }

    fn add(&mut self, response: &StoredResponse) {
        *self
            .map(response)
            .entry(response.survey_id.clone())
            .or_default() += 1;
    }

    fn remove(&mut self, response: &StoredResponse) {
        if let Some(n) = self.map(response).get_mut(&response.survey_id) {
            *n = n.saturating_sub(1);
        }
    }
}

/// Responses per survey, counted from the records themselves.
fn count_by_survey(responses: &Tree) -> Result<Counts, StorageError> {
    let mut counts = Counts::default();
    for value in responses.iter().values() {
        counts.add(&decode(&value?)?);
    }
    Ok(counts)
}

/// sled's own durability: its flush, then an fdatasync of its data file. sled flushes with
/// sync_file_range, which does not empty a disk's volatile write cache (sled issues #1351,
/// #1452). A temporary store has no file to sync.
struct Sled {
    db: sled::Db,
    data_file: Option<std::fs::File>,
}

impl Sled {
    fn sync(&self) -> Result<(), StorageError> {
        self.db.flush()?;
        if let Some(file) = &self.data_file {
            file.sync_data()
                .map_err(|e| StorageError::Flush(e.to_string()))?;
        }
        Ok(())
    }
}

/// How the store makes writes durable: sled for everything, and the response journal for
/// answers (one sync instead of two), emptied at checkpoints.
struct Durability {
    sled: Sled,
    journal: Option<Journal>,
    /// A response was deleted: the next full flush also empties the journal, so no copy of
    /// the deleted answers stays in it.
    scrub: AtomicBool,
    /// A checkpoint is running in the background.
    checkpointing: AtomicBool,
}

impl Durability {
    /// sled durable, then the journal emptied (everything in it is now in sled); `scrub`
    /// zeroes its bytes too.
    fn checkpoint(&self, scrub: bool) -> Result<(), StorageError> {
        match &self.journal {
            Some(journal) => {
                // Most of sled's writes made durable first, while answers keep coming: the
                // flush that holds up appends (inside the checkpoint) then has little to do.
                self.sled.sync()?;
                journal.checkpoint(|| self.sled.sync(), scrub)
            }
            None => self.sled.sync(),
        }
    }

    /// Everything written so far durable in sled, scrubbing the journal after deletions.
    fn full_sync(&self) -> Result<(), StorageError> {
        if self.scrub.swap(false, Ordering::SeqCst) {
            self.checkpoint(true)
        } else {
            self.sled.sync()
        }
    }
}

impl GroupCommit {
    fn new(sync: SyncAction) -> Arc<Self> {
        Arc::new(GroupCommit {
            sync,
            tickets: AtomicU64::new(0),
            flushes: AtomicU64::new(0),
            flushing: AtomicBool::new(false),
            flushed: watch::channel(Flushed::default()).0,
        })
    }

    /// Runs the sync on this thread. On a multi-threaded runtime the runtime first hands
    /// this worker's other tasks to another thread (`block_in_place`); a single-threaded
    /// runtime (each of the server's workers, see `workers`) simply waits, as a database
    /// backend waits for its log write: its other connections wait too, and writers on the
    /// other workers join the next group meanwhile.
    fn sync_now(&self) -> Result<(), StorageError> {
        use tokio::runtime::{Handle, RuntimeFlavor};
        match Handle::try_current().map(|h| h.runtime_flavor()) {
            Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(|| (self.sync)()),
            _ => (self.sync)(),
        }
    }

    /// Waits until everything written before the call is durable. Concurrent callers share
    /// syncs: the first to arrive syncs for everyone waiting, and callers arriving during a
    /// sync are covered by the next one.
    async fn wait(self: &Arc<Self>) -> Result<(), StorageError> {
        let mut flushed = self.flushed.subscribe();
        let ticket = self.tickets.fetch_add(1, Ordering::SeqCst) + 1;
        loop {
            let state = *flushed.borrow_and_update();
            if state.durable >= ticket {
                return Ok(());
            }
            if state.failed >= ticket {
                return Err(StorageError::Flush(
                    "the disk refused the write; nothing was acknowledged".into(),
                ));
            }
            if !self.flushing.swap(true, Ordering::SeqCst) {
                // The leader. First let the other writers this thread has ready write too
                // (each becomes a follower), so one sync covers them all; a worker serving
                // no other connection has none.
                if !crate::workers::alone() {
                    tokio::task::yield_now().await;
                }
                // Sync everything written up to now, for every waiting writer.
                let upto = self.tickets.load(Ordering::SeqCst);
                let result = self.sync_now();
                self.flushes.fetch_add(1, Ordering::SeqCst);
                self.flushing.store(false, Ordering::SeqCst);
                self.flushed.send_modify(|f| match result {
                    Ok(()) => f.durable = f.durable.max(upto),
                    Err(_) => f.failed = f.failed.max(upto),
                });
                continue;
            }
            // A follower: wait for the leader's sync, then look again.
            flushed
                .changed()
                .await
                .map_err(|_| StorageError::Flush("the store closed".into()))?;
        }
    }
}

impl Store {
    /// Opens (or creates) the store in `dir`.
    pub fn open(dir: &Path) -> Result<Self, StorageError> {
        let db = sled::Config::new()
            .path(dir)
            .mode(sled::Mode::HighThroughput)
            .open()?;
        let data_file = std::fs::File::open(dir.join("db"))
            .map_err(|e| StorageError::Flush(format!("cannot open the data file: {e}")))?;
        let (journal, pending) = Journal::open(&dir.join(JOURNAL_FILE))?;
        // Responses acknowledged before a crash that sled had not yet made durable.
        let responses = db.open_tree("responses")?;
        for payload in pending {
            let response: StoredResponse = decode(&payload)?;
            // Already there (the usual case) is fine: the journal only fills gaps.
            let _ = responses.compare_and_swap(
                response.id.as_bytes(),
                None as Option<&[u8]>,
                Some(payload),
            )?;
        }
        let store = Self::from_db(db, Some(data_file), Some(journal))?;
        store.durability.checkpoint(false)?;
        Ok(store)
    }

    /// A store that lives in memory only, for tests and benchmarks.
    pub fn temporary() -> Result<Self, StorageError> {
        Self::from_db(sled::Config::new().temporary(true).open()?, None, None)
    }

    fn from_db(
        db: sled::Db,
        data_file: Option<std::fs::File>,
        journal: Option<Journal>,
    ) -> Result<Self, StorageError> {
        let meta = db.open_tree("meta")?;
        match meta.get(FORMAT_KEY)? {
            Some(bytes) => {
                let found: u32 = decode(&bytes)?;
                if found > FORMAT_VERSION {
                    return Err(StorageError::NewerFormat { found });
                }
            }
            None => {
                meta.insert(FORMAT_KEY, encode(&FORMAT_VERSION))?;
            }
        }
        let responses = db.open_tree("responses")?;
        let journaled = journal.is_some();
        let durability = Arc::new(Durability {
            sled: Sled {
                db: db.clone(),
                data_file,
            },
            journal,
            scrub: AtomicBool::new(false),
            checkpointing: AtomicBool::new(false),
        });
        let full = Arc::clone(&durability);
        let commit = GroupCommit::new(Box::new(move || full.full_sync()));
        let response_commit = if journaled {
            let answers = Arc::clone(&durability);
            GroupCommit::new(Box::new(move || match &answers.journal {
                Some(journal) => journal.sync(),
                None => answers.sled.sync(),
            }))
        } else {
            Arc::clone(&commit)
        };
        Ok(Store(Arc::new(Shared {
            db: db.clone(),
            durability,
            commit,
            response_commit,
            consultations: db.open_tree("consultations")?,
            survey_index: db.open_tree("survey_index")?,
            counts: Mutex::new(count_by_survey(&responses)?),
            by_survey: RwLock::default(),
            users: db.open_tree("users")?,
            sessions: db.open_tree("sessions")?,
            audit: db.open_tree("audit")?,
            boards: db.open_tree("boards")?,
            events: db.open_tree("events")?,
            event_codes: db.open_tree("event_codes")?,
            participants: db.open_tree("participants")?,
            notes: db.open_tree("notes")?,
            votes: db.open_tree("votes")?,
            alerted: db.open_tree("alerted")?,
            lead_copies: db.open_tree("lead_copies")?,
            checker: RwLock::new(Arc::new(safeguarding::phrases_in(&meta)?.checker())),
            responses,
            meta,
        })))
    }

    /// Saves a consultation and indexes its surveys (dropping the index of surveys it no longer has).
    pub fn put_consultation(&self, consultation: &Consultation) -> Result<(), StorageError> {
        self.by_survey
            .write()
            .expect("cache lock is never poisoned")
            .clear();
        let value = encode(consultation);
        (&self.consultations, &self.survey_index)
            .transaction(|(consultations, index)| {
                if let Some(old) =
                    consultations.insert(consultation.id.as_bytes(), value.as_slice())?
                {
                    let old: Consultation = serde_json::from_slice(&old).map_err(|e| {
                        sled::transaction::ConflictableTransactionError::Storage(
                            sled::Error::Unsupported(format!(
                                "a stored consultation could not be read: {e}"
                            )),
                        )
                    })?;
                    for gone in old
                        .surveys
                        .iter()
                        .filter(|s| consultation.survey(&s.id).is_none())
                    {
                        index.remove(gone.id.as_bytes())?;
                    }
                }
                for survey in &consultation.surveys {
                    index.insert(survey.id.as_bytes(), consultation.id.as_bytes())?;
                }
                Ok(())
            })
            .map_err(|e: TransactionError<()>| match e {
                TransactionError::Storage(e) => StorageError::Sled(e),
                TransactionError::Abort(()) => unreachable!("this transaction never aborts"),
            })
    }

    /// Every consultation, ordered by id.
    pub fn consultations(&self) -> Result<Vec<Consultation>, StorageError> {
        self.consultations
            .iter()
            .values()
            .map(|v| decode(&v?))
            .collect()
    }

    /// One consultation.
    pub fn consultation(&self, id: &str) -> Result<Option<Consultation>, StorageError> {
        self.consultations
            .get(id.as_bytes())?
            .map(|v| decode(&v))
            .transpose()
    }

    /// The id of the consultation that holds a survey id, if any holds it.
    pub fn survey_owner(&self, survey_id: &str) -> Result<Option<String>, StorageError> {
        Ok(self
            .survey_index
            .get(survey_id.as_bytes())?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// The consultation that holds the survey with this id (decoded once, then cached).
    pub fn consultation_of_survey(
        &self,
        survey_id: &str,
    ) -> Result<Option<Arc<Consultation>>, StorageError> {
        if let Some(found) = self
            .by_survey
            .read()
            .expect("cache lock is never poisoned")
            .get(survey_id)
        {
            return Ok(Some(Arc::clone(found)));
        }
        let Some(cid) = self.survey_index.get(survey_id.as_bytes())? else {
            return Ok(None);
        };
        let Some(consultation) = self.consultation(&String::from_utf8_lossy(&cid))? else {
            return Ok(None);
        };
        let consultation = Arc::new(consultation);
        self.by_survey
            .write()
            .expect("cache lock is never poisoned")
            .insert(survey_id.to_string(), Arc::clone(&consultation));
        Ok(Some(consultation))
    }

    /// Stores a response unless its id is already taken, in one atomic write.
    ///
    /// Only the record itself is written: per-survey counts are derived from the records
    /// (at open, then kept up to date here), so there is no index that could disagree
    /// with the data after a crash, and no multi-tree transaction to slow every write.
    /// Durable once [`Store::commit_responses`] returns.
    pub fn insert_response(&self, response: &StoredResponse) -> Result<Insert, StorageError> {
        let id = *response.id.as_bytes();
        let value = encode(response);
        let (insert, stored) = match self.responses.compare_and_swap(
            id,
            None as Option<&[u8]>,
            Some(value.as_slice()),
        )? {
            Ok(()) => {
                self.counts
                    .lock()
                    .expect("counts lock is never poisoned")
                    .add(response);
                (Insert::Created, value)
            }
            Err(clash) => match clash.current {
                // Journaled again: the first writer may not have journaled it yet, and a
                // retry must not be acknowledged before the response is durable.
                Some(current) => (Insert::Existing(decode(&current)?), current.to_vec()),
                None => {
                    return Err(StorageError::Flush(
                        "a concurrent write vanished; please retry".into(),
                    ));
                }
            },
        };
        self.journal(&stored)?;
        Ok(insert)
    }

    /// Appends a stored response to the journal (written to sled first, so a checkpoint
    /// never empties the journal of a record sled does not have), checkpointing in the
    /// background when the journal has grown.
    fn journal(&self, stored: &[u8]) -> Result<(), StorageError> {
        let Some(journal) = &self.durability.journal else {
            return Ok(());
        };
        if journal.append(stored)? > journal::CHECKPOINT_AFTER
            && !self.durability.checkpointing.swap(true, Ordering::SeqCst)
        {
            let durability = Arc::clone(&self.durability);
            std::thread::spawn(move || {
                if let Err(e) = durability.checkpoint(false) {
                    tracing::error!("journal checkpoint failed: {e}");
                }
                durability.checkpointing.store(false, Ordering::SeqCst);
            });
        }
        Ok(())
    }

    /// Changes a stored response in one atomic step (retried if it raced another change;
    /// not written at all if nothing changed); returns the new version, or None if there is
    /// no such response.
    pub fn update_response(
        &self,
        id: Uuid,
        mut change: impl FnMut(&mut StoredResponse),
    ) -> Result<Option<StoredResponse>, StorageError> {
        loop {
            let Some(current) = self.responses.get(id.as_bytes())? else {
                return Ok(None);
            };
            let before: StoredResponse = decode(&current)?;
            let mut after = before.clone();
            change(&mut after);
            if after == before {
                // Nothing changed (say, a refused decision): nothing to write.
                return Ok(Some(after));
            }
            let swapped = self.responses.compare_and_swap(
                id.as_bytes(),
                Some(current),
                Some(encode(&after)),
            )?;
            if swapped.is_ok() {
                let mut counts = self.counts.lock().expect("counts lock is never poisoned");
                counts.remove(&before);
                counts.add(&after);
                return Ok(Some(after));
            }
        }
    }

    /// Deletes a response for good: its free text is overwritten first, then the record
    /// removed. Returns the response as it was, or None if there was none.
    pub fn delete_response(&self, id: Uuid) -> Result<Option<StoredResponse>, StorageError> {
        let Some(blanked) = self.update_response(id, |r| {
            for answer in r.answers.values_mut() {
                if let tellus_core::Answer::Text(text) = answer {
                    text.clear();
                }
            }
        })?
        else {
            return Ok(None);
        };
        let removed = self.responses.remove(id.as_bytes())?;
        // The next flush empties the journal, which may hold the answers.
        self.durability.scrub.store(true, Ordering::SeqCst);
        if removed.is_some() {
            self.counts
                .lock()
                .expect("counts lock is never poisoned")
                .remove(&blanked);
        }
        removed.map(|v| decode(&v)).transpose()
    }

    /// Every stored response, in id order.
    pub fn responses(&self) -> impl Iterator<Item = Result<StoredResponse, StorageError>> + '_ {
        self.responses.iter().values().map(|v| decode(&v?))
    }

    /// How many responses are stored.
    pub fn response_count(&self) -> usize {
        self.responses.len()
    }

    /// One response by id.
    pub fn response(&self, id: Uuid) -> Result<Option<StoredResponse>, StorageError> {
        self.responses
            .get(id.as_bytes())?
            .map(|v| decode(&v))
            .transpose()
    }

    /// How many responses a survey has, not counting those held back for safeguarding.
    pub fn count_responses(&self, survey_id: &str) -> Result<u64, StorageError> {
        let counts = self.counts.lock().expect("counts lock is never poisoned");
        Ok(counts.counted.get(survey_id).copied().unwrap_or(0))
    }

    /// How many of a survey's responses are held back for a safeguarding lead.
    pub fn count_held(&self, survey_id: &str) -> Result<u64, StorageError> {
        let counts = self.counts.lock().expect("counts lock is never poisoned");
        Ok(counts.held.get(survey_id).copied().unwrap_or(0))
    }

    /// Records that the demo needs no loading (a restored store has its own consultations).
    pub fn mark_demo_loaded(&self) -> Result<(), StorageError> {
        self.meta.insert(DEMO_KEY, encode(&true))?;
        Ok(())
    }

    /// Loads the demo consultation once, on the first start of a new store.
    pub fn seed_demo_once(&self) -> Result<bool, StorageError> {
        if self.meta.get(DEMO_KEY)?.is_some() {
            return Ok(false);
        }
        self.put_consultation(&tellus_core::demo::consultation())?;
        self.mark_demo_loaded()?;
        self.flush_blocking()?;
        Ok(true)
    }

    /// Waits until everything written so far is on disk. Concurrent callers share
    /// flushes (group commit): the first to arrive flushes for everyone waiting, and
    /// writers arriving during a flush are covered by the next one.
    pub async fn flush(&self) -> Result<(), StorageError> {
        self.commit.wait().await
    }

    /// Waits until every response inserted so far is durable: one sync of the response
    /// journal, shared by everyone waiting (group commit).
    pub async fn commit_responses(&self) -> Result<(), StorageError> {
        self.response_commit.wait().await
    }

    /// How many syncs group commit has performed (responses and everything else).
    pub fn flush_count(&self) -> u64 {
        let responses = if Arc::ptr_eq(&self.commit, &self.response_commit) {
            0
        } else {
            self.response_commit.flushes.load(Ordering::SeqCst)
        };
        self.commit.flushes.load(Ordering::SeqCst) + responses
    }

    /// Makes everything durable in sled and empties the journal, from synchronous code
    /// (start-up, shutdown and commands).
    pub fn flush_blocking(&self) -> Result<(), StorageError> {
        let scrub = self.durability.scrub.swap(false, Ordering::SeqCst);
        self.durability.checkpoint(scrub)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tellus_core::Answer;

    fn response(id: Uuid, survey: &str) -> StoredResponse {
        StoredResponse {
            id,
            consultation_id: "therapies-review".into(),
            survey_id: survey.into(),
            answers: [("feel_therapy".to_string(), Answer::Scale(4))].into(),
            received_at: 1,
            language: Default::default(),
            flags: Vec::new(),
            reviews: Vec::new(),
        }
    }

    #[test]
    fn responses_are_stored_once_and_counted_per_survey() {
        let store = Store::temporary().unwrap();
        let a = response(Uuid::from_u128(1), "therapies-children");
        assert_eq!(store.insert_response(&a).unwrap(), Insert::Created);
        assert_eq!(
            store.insert_response(&a).unwrap(),
            Insert::Existing(a.clone())
        );
        store
            .insert_response(&response(Uuid::from_u128(2), "therapies-children"))
            .unwrap();
        store
            .insert_response(&response(Uuid::from_u128(3), "therapies-parents"))
            .unwrap();
        assert_eq!(store.count_responses("therapies-children").unwrap(), 2);
        assert_eq!(store.count_responses("therapies-parents").unwrap(), 1);
        // A survey id that is a prefix of another must not count the other's responses.
        assert_eq!(store.count_responses("therapies").unwrap(), 0);
        assert_eq!(store.response(Uuid::from_u128(1)).unwrap(), Some(a));
    }

    #[test]
    fn demo_is_seeded_once_and_surveys_are_indexed() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            assert!(store.seed_demo_once().unwrap());
            assert!(!store.seed_demo_once().unwrap());
        }
        let store = Store::open(dir.path()).unwrap();
        assert!(!store.seed_demo_once().unwrap());
        let c = store
            .consultation_of_survey("therapies-parents")
            .unwrap()
            .unwrap();
        assert_eq!(c.id, "therapies-review");
        assert_eq!(store.consultations().unwrap().len(), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_writers_share_flushes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let writers: Vec<_> = (0..64u128)
            .map(|i| {
                let store = store.clone();
                tokio::spawn(async move {
                    store
                        .insert_response(&response(Uuid::from_u128(i + 1), "therapies-children"))
                        .unwrap();
                    store.flush().await.unwrap();
                })
            })
            .collect();
        for w in writers {
            w.await.unwrap();
        }
        assert_eq!(store.count_responses("therapies-children").unwrap(), 64);
        let flushes = store.flush_count();
        assert!(
            (1..64).contains(&flushes),
            "64 writers needed {flushes} flushes"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn responses_are_journaled_once_and_a_deletion_leaves_no_copy_in_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let journal = || std::fs::read(dir.path().join(JOURNAL_FILE)).unwrap();
        let contains =
            |bytes: &[u8], text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
        let mut secret = response(Uuid::from_u128(7), "therapies-children");
        secret.answers.insert(
            "what_helps".into(),
            Answer::Text("a secret worth deleting".into()),
        );
        store.insert_response(&secret).unwrap();
        store.commit_responses().await.unwrap();
        // Durable through the journal alone: one sync, sled's own flush not needed.
        assert!(contains(&journal(), "a secret worth deleting"));
        store.delete_response(secret.id).unwrap().unwrap();
        store.flush().await.unwrap();
        assert!(!contains(&journal(), "a secret worth deleting"));
        drop(store);
        // The deleted response stays deleted when the store opens again.
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.response(secret.id).unwrap(), None);
    }

    #[test]
    fn a_newer_format_is_refused_rather_than_misread() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store
                .meta
                .insert(FORMAT_KEY, encode(&(FORMAT_VERSION + 1)))
                .unwrap();
            store.flush_blocking().unwrap();
        }
        match Store::open(dir.path()) {
            Err(StorageError::NewerFormat { found }) => assert_eq!(found, FORMAT_VERSION + 1),
            other => panic!("expected NewerFormat, got {:?}", other.map(|_| ())),
        }
    }
}
