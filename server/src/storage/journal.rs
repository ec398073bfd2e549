//! The response journal: a write-ahead log in front of sled for the one write that must be
//! fast and durable, a participant's answers.
//!
//! sled makes a write durable with its own log write and `sync_file_range`, then we must
//! `fdatasync` its data file as well (see `GroupCommit`): two trips to the disk. Here a
//! response is also appended to this journal, and one `fdatasync` of the journal (shared by
//! everyone waiting, group commit) makes it durable. The file is written with zeros ahead of
//! use, so that sync never has to record a new file size. When the store opens, records sled
//! lost in a crash are put back; a checkpoint (sled flushed, then the journal emptied) keeps
//! the file small, and after a deletion also zeroes its bytes, leaving no copy of withdrawn
//! answers.
//!
//! Layout: a 4 KiB header (magic, epoch), then records of magic, epoch, length, CRC-32 and
//! payload. Reading stops at the first record that is torn, zero or from an earlier epoch,
//! so an emptied journal needs only a new epoch in its header.

use super::StorageError;
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Mutex;

const MAGIC: u32 = 0x544c_4a31; // "TLJ1"
const HEADER: u64 = 4096;
const RECORD_HEADER: usize = 4 + 8 + 4 + 4;
/// The file grows in steps of this, written with zeros ahead of use.
const GROWTH: u64 = 1 << 20;
/// Past this many bytes of records the journal asks for a checkpoint.
pub const CHECKPOINT_AFTER: u64 = 4 << 20;

/// Where appends go and which epoch they belong to.
struct Tail {
    /// Next write position.
    offset: u64,
    /// Bytes of the file written with zeros so far.
    len: u64,
    epoch: u64,
}

/// An append-only journal file with a checkpointed prefix.
pub struct Journal {
    file: File,
    tail: Mutex<Tail>,
}

fn io(what: &str) -> impl Fn(std::io::Error) -> StorageError + '_ {
    move |e| StorageError::Flush(format!("the response journal could not be {what}: {e}"))
}

impl Journal {
    /// Opens (or creates) the journal, returning it and the payloads of the records written
    /// since its last checkpoint, oldest first.
    pub fn open(path: &Path) -> Result<(Journal, Vec<Vec<u8>>), StorageError> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(io("opened"))?;
        let len = file.metadata().map_err(io("read"))?.len();
        let mut header = [0u8; 12];
        let fresh = len < HEADER || {
            file.read_exact_at(&mut header, 0).map_err(io("read"))?;
            u32::from_le_bytes(header[..4].try_into().expect("4 bytes")) != MAGIC
        };
        let journal = Journal {
            file,
            tail: Mutex::new(Tail {
                offset: HEADER,
                len: len.max(HEADER),
                epoch: 1,
            }),
        };
        if fresh {
            journal.write_header(1)?;
            journal.grow_to(HEADER + GROWTH)?;
            journal.file.sync_all().map_err(io("created"))?;
            return Ok((journal, Vec::new()));
        }
        let epoch = u64::from_le_bytes(header[4..12].try_into().expect("8 bytes"));
        let mut records = Vec::new();
        let mut offset = HEADER;
        let mut head = [0u8; RECORD_HEADER];
        while offset + RECORD_HEADER as u64 <= len {
            journal
                .file
                .read_exact_at(&mut head, offset)
                .map_err(io("read"))?;
            let magic = u32::from_le_bytes(head[..4].try_into().expect("4 bytes"));
            let at_epoch = u64::from_le_bytes(head[4..12].try_into().expect("8 bytes"));
            let size = u32::from_le_bytes(head[12..16].try_into().expect("4 bytes")) as u64;
            let crc = u32::from_le_bytes(head[16..20].try_into().expect("4 bytes"));
            let start = offset + RECORD_HEADER as u64;
            if magic != MAGIC || at_epoch != epoch || start + size > len {
                break;
            }
            let mut payload = vec![0u8; size as usize];
            journal
                .file
                .read_exact_at(&mut payload, start)
                .map_err(io("read"))?;
            if crc32fast::hash(&payload) != crc {
                break;
            }
            records.push(payload);
            offset = start + size;
        }
        {
            let mut tail = journal.tail.lock().expect("journal lock is never poisoned");
            tail.offset = offset;
            tail.epoch = epoch;
        }
        Ok((journal, records))
    }

    fn write_header(&self, epoch: u64) -> Result<(), StorageError> {
        let mut header = [0u8; 12];
        header[..4].copy_from_slice(&MAGIC.to_le_bytes());
        header[4..].copy_from_slice(&epoch.to_le_bytes());
        self.file.write_all_at(&header, 0).map_err(io("written"))
    }

    /// Writes zeros up to `len`, so later syncs need not record a new size.
    fn grow_to(&self, len: u64) -> Result<(), StorageError> {
        let mut tail = self.tail.lock().expect("journal lock is never poisoned");
        self.extend(&mut tail, len)
    }

    fn extend(&self, tail: &mut Tail, len: u64) -> Result<(), StorageError> {
        if tail.len < len {
            self.write_zeros(tail.len, len).map_err(io("grown"))?;
            tail.len = len;
        }
        Ok(())
    }

    /// Overwrites the bytes from `start` up to `end` with zeros.
    fn write_zeros(&self, start: u64, end: u64) -> std::io::Result<()> {
        let zeros = vec![0u8; 64 << 10];
        let mut at = start;
        while at < end {
            let n = (end - at).min(zeros.len() as u64);
            self.file.write_all_at(&zeros[..n as usize], at)?;
            at += n;
        }
        Ok(())
    }

    /// Appends one record (not yet durable: see [`Journal::sync`]); returns the bytes of
    /// records now in the journal, so the caller knows when to checkpoint.
    pub fn append(&self, payload: &[u8]) -> Result<u64, StorageError> {
        let mut record = Vec::with_capacity(RECORD_HEADER + payload.len());
        let mut tail = self.tail.lock().expect("journal lock is never poisoned");
        record.extend_from_slice(&MAGIC.to_le_bytes());
        record.extend_from_slice(&tail.epoch.to_le_bytes());
        record.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        record.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
        record.extend_from_slice(payload);
        let end = tail.offset + record.len() as u64;
        if end > tail.len {
            // Rare: grow by a step, and make the new size durable once, now.
            self.extend(&mut tail, end.div_ceil(GROWTH) * GROWTH + GROWTH)?;
            self.file.sync_all().map_err(io("grown"))?;
        }
        self.file
            .write_all_at(&record, tail.offset)
            .map_err(io("written"))?;
        tail.offset = end;
        Ok(end - HEADER)
    }

    /// Makes every record appended so far durable.
    pub fn sync(&self) -> Result<(), StorageError> {
        self.file.sync_data().map_err(io("synced"))
    }

    /// Empties the journal once everything in it is durable elsewhere: `durable` runs first
    /// (flushing sled) while no record can be appended, then a new epoch begins (older
    /// records are never read again). With `scrub`, the used bytes are zeroed as well.
    pub fn checkpoint(
        &self,
        durable: impl FnOnce() -> Result<(), StorageError>,
        scrub: bool,
    ) -> Result<(), StorageError> {
        let mut tail = self.tail.lock().expect("journal lock is never poisoned");
        durable()?;
        if scrub {
            self.write_zeros(HEADER, tail.offset)
                .map_err(io("emptied"))?;
        }
        // Still holding the tail: no record may land between the new header and the reset.
        self.write_header(tail.epoch + 1)?;
        self.sync()?;
        tail.epoch += 1;
        tail.offset = HEADER;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_after_a_reopen_until_a_checkpoint() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal");
        let (journal, pending) = Journal::open(&path).unwrap();
        assert!(pending.is_empty());
        journal.append(b"one").unwrap();
        journal.append(b"two").unwrap();
        journal.sync().unwrap();
        drop(journal);
        let (journal, pending) = Journal::open(&path).unwrap();
        assert_eq!(pending, [b"one".to_vec(), b"two".to_vec()]);
        // Appends continue after what was there.
        journal.append(b"three").unwrap();
        let mut flushed = false;
        journal
            .checkpoint(
                || {
                    flushed = true;
                    Ok(())
                },
                true,
            )
            .unwrap();
        assert!(flushed);
        journal.append(b"four").unwrap();
        journal.sync().unwrap();
        drop(journal);
        let (_, pending) = Journal::open(&path).unwrap();
        assert_eq!(pending, [b"four".to_vec()]);
        // Nothing of the checkpointed records is left in the file.
        let bytes = std::fs::read(&path).unwrap();
        assert!(!bytes.windows(3).any(|w| w == b"two"));
    }

    #[test]
    fn a_torn_record_ends_the_journal_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal");
        let (journal, _) = Journal::open(&path).unwrap();
        journal.append(b"kept").unwrap();
        let used = journal.append(b"torn apart").unwrap();
        journal.append(b"after").unwrap();
        journal.sync().unwrap();
        drop(journal);
        // Damage the second record's payload, as a write cut short by a power cut would.
        let file = OpenOptions::new().write(true).open(&path).unwrap();
        file.write_all_at(b"XX", HEADER + used - 3).unwrap();
        drop(file);
        let (journal, pending) = Journal::open(&path).unwrap();
        assert_eq!(pending, [b"kept".to_vec()]);
        // New records go after the last good one, and are read back.
        journal.append(b"new").unwrap();
        journal.sync().unwrap();
        drop(journal);
        assert_eq!(
            Journal::open(&path).unwrap().1,
            [b"kept".to_vec(), b"new".to_vec()]
        );
    }

    #[test]
    fn the_journal_grows_past_its_first_megabyte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal");
        let (journal, _) = Journal::open(&path).unwrap();
        let record = vec![7u8; 100_000];
        for _ in 0..25 {
            journal.append(&record).unwrap();
        }
        journal.sync().unwrap();
        drop(journal);
        let (_, pending) = Journal::open(&path).unwrap();
        assert_eq!(pending.len(), 25);
        assert!(pending.iter().all(|p| p == &record));
    }
}
