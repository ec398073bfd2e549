//! The response journal: a write-ahead log in front of sled for the one write that must be
//! fast and durable, a participant's answers.
//!
//! sled makes a write durable with its own log write and `sync_file_range`, then we must
//! `fdatasync` its data file as well (see `GroupCommit`): two trips to the disk. Here a
//! response is also appended to this journal, and one sync of the journal (shared by
//! everyone waiting, group commit) makes it durable: one write of its new blocks straight to
//! the disk (`O_DIRECT | O_DSYNC`), or where the file system cannot, an `fdatasync`. The
//! file is written with zeros ahead of use, so that a sync never has to record a new size.
//! When the store opens, records sled lost in a crash are put back; a checkpoint (sled
//! flushed, then the journal emptied) keeps the file small, and after a deletion also zeroes
//! its bytes, leaving no copy of withdrawn answers.
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
/// The size the file is given when it opens: room for records up to a checkpoint and a
/// step more (appends made while one runs), so growing, a write of zeros and a sync of the
/// file, seldom falls to a participant's request (measured: 7% of a worker's time at one
/// client while a new journal grew a step at a time).
const WORKING_SIZE: u64 = HEADER + CHECKPOINT_AFTER + GROWTH;

/// Where appends go and which epoch they belong to.
struct Tail {
    /// Next write position.
    offset: u64,
    /// Bytes of the file written with zeros so far.
    len: u64,
    epoch: u64,
    /// With direct writes: the file's bytes from the start of the block holding the oldest
    /// of them (a multiple of [`BLOCK`]) up to `offset`, not yet written or in a block only
    /// partly written.
    unwritten: Vec<u8>,
}

/// The unit of direct writes: offsets, lengths and memory aligned to it suit any disk.
const BLOCK: u64 = 4096;

/// Zeroed memory starting on a [`BLOCK`] boundary, as direct writes need.
struct Aligned {
    memory: Vec<u8>,
    start: usize,
    len: usize,
}

impl Aligned {
    fn zeroed(len: usize) -> Aligned {
        let memory = vec![0u8; len + BLOCK as usize];
        let start = memory.as_ptr().align_offset(BLOCK as usize);
        Aligned { memory, start, len }
    }

    fn bytes(&mut self) -> &mut [u8] {
        &mut self.memory[self.start..self.start + self.len]
    }

    /// Whole blocks holding `data` then zeros, reusing this memory when it is large enough.
    fn blocks_of(&mut self, data: &[u8]) -> &mut [u8] {
        let len = (data.len() as u64).div_ceil(BLOCK) as usize * BLOCK as usize;
        if self.memory.len() < len + BLOCK as usize {
            *self = Aligned::zeroed(len);
        }
        self.len = len;
        let bytes = self.bytes();
        bytes[..data.len()].copy_from_slice(data);
        bytes[data.len()..].fill(0);
        bytes
    }
}

/// An append-only journal file with a checkpointed prefix.
pub struct Journal {
    file: File,
    /// The same file opened for direct, synchronous writes (`O_DIRECT | O_DSYNC`) where
    /// the file system allows it: appends then stay in `Tail::unwritten`, and a sync is one
    /// write straight to the disk with no page cache to write back.
    direct: Option<File>,
    tail: Mutex<Tail>,
    /// Held for a whole sync, so that two never write the same blocks out of order; the
    /// block-aligned memory direct writes are made from.
    syncing: Mutex<Aligned>,
}

fn io(what: &str) -> impl Fn(std::io::Error) -> StorageError + '_ {
    move |e| StorageError::Flush(format!("the response journal could not be {what}: {e}"))
}

impl Journal {
    /// Opens (or creates) the journal, returning it and the payloads of the records written
    /// since its last checkpoint, oldest first. Syncs write straight to the disk where the
    /// file system allows it.
    pub fn open(path: &Path) -> Result<(Journal, Vec<Vec<u8>>), StorageError> {
        Journal::open_with(path, true)
    }

    /// [`Journal::open`]; with `direct` false, records always go through the page cache
    /// and a sync is an `fdatasync` (as on file systems without direct writes, e.g. tmpfs).
    fn open_with(path: &Path, direct: bool) -> Result<(Journal, Vec<Vec<u8>>), StorageError> {
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
        let mut journal = Journal {
            file,
            direct: None,
            tail: Mutex::new(Tail {
                offset: HEADER,
                len: len.max(HEADER),
                epoch: 1,
                unwritten: Vec::new(),
            }),
            syncing: Mutex::new(Aligned::zeroed(BLOCK as usize)),
        };
        let records = if fresh {
            journal.write_header(1)?;
            Vec::new()
        } else {
            journal.replay(
                len,
                u64::from_le_bytes(header[4..12].try_into().expect("8 bytes")),
            )?
        };
        if fresh || len < WORKING_SIZE {
            journal.grow_to(WORKING_SIZE)?;
            journal.file.sync_all().map_err(io("created"))?;
        }
        if direct {
            journal.direct = journal.open_direct(path);
            if journal.direct.is_some() {
                journal.load_partial_block()?;
            }
        }
        Ok((journal, records))
    }

    /// The records of `epoch` from the start of the journal, leaving the tail after them.
    fn replay(&self, len: u64, epoch: u64) -> Result<Vec<Vec<u8>>, StorageError> {
        let mut records = Vec::new();
        let mut offset = HEADER;
        let mut head = [0u8; RECORD_HEADER];
        while offset + RECORD_HEADER as u64 <= len {
            self.file
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
            self.file
                .read_exact_at(&mut payload, start)
                .map_err(io("read"))?;
            if crc32fast::hash(&payload) != crc {
                break;
            }
            records.push(payload);
            offset = start + size;
        }
        let mut tail = self.tail.lock().expect("journal lock is never poisoned");
        tail.offset = offset;
        tail.epoch = epoch;
        Ok(records)
    }

    /// Direct writes write whole blocks: keeps the tail's partly written block in memory.
    fn load_partial_block(&self) -> Result<(), StorageError> {
        let mut tail = self.tail.lock().expect("journal lock is never poisoned");
        let block = tail.offset / BLOCK * BLOCK;
        let mut unwritten = vec![0u8; (tail.offset - block) as usize];
        self.file
            .read_exact_at(&mut unwritten, block)
            .map_err(io("read"))?;
        tail.unwritten = unwritten;
        Ok(())
    }

    /// The journal opened for direct, synchronous writes, if the file system takes them
    /// (tried by writing the header block back as it is).
    fn open_direct(&self, path: &Path) -> Option<File> {
        use std::os::unix::fs::OpenOptionsExt;
        let direct = OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_DIRECT | libc::O_DSYNC)
            .open(path)
            .ok()?;
        let mut block = Aligned::zeroed(BLOCK as usize);
        self.file.read_exact_at(block.bytes(), 0).ok()?;
        direct.write_all_at(block.bytes(), 0).ok()?;
        Some(direct)
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
        if self.direct.is_some() {
            tail.unwritten.extend_from_slice(&record);
        } else {
            self.file
                .write_all_at(&record, tail.offset)
                .map_err(io("written"))?;
        }
        tail.offset = end;
        Ok(end - HEADER)
    }

    /// Makes every record appended so far durable.
    pub fn sync(&self) -> Result<(), StorageError> {
        let mut buffer = self.syncing.lock().expect("journal lock is never poisoned");
        let Some(direct) = &self.direct else {
            return self.file.sync_data().map_err(io("synced"));
        };
        // Copy what is unwritten into block-aligned memory, then write it without holding
        // the tail: appends carry on meanwhile (and `syncing` keeps checkpoints out).
        let (block, len, blocks) = {
            let tail = self.tail.lock().expect("journal lock is never poisoned");
            let len = tail.unwritten.len();
            if len == 0 {
                return Ok(());
            }
            (
                tail.offset - len as u64,
                len,
                buffer.blocks_of(&tail.unwritten),
            )
        };
        direct.write_all_at(blocks, block).map_err(io("written"))?;
        // Keep only the last, partly filled block (and whatever was appended meanwhile).
        let written = len as u64 / BLOCK * BLOCK;
        let mut tail = self.tail.lock().expect("journal lock is never poisoned");
        tail.unwritten.drain(..written as usize);
        Ok(())
    }

    /// Empties the journal once everything in it is durable elsewhere: `durable` runs first
    /// (flushing sled) while no record can be appended, then a new epoch begins (older
    /// records are never read again). With `scrub`, the used bytes are zeroed as well.
    pub fn checkpoint(
        &self,
        durable: impl FnOnce() -> Result<(), StorageError>,
        scrub: bool,
    ) -> Result<(), StorageError> {
        let _syncing = self.syncing.lock().expect("journal lock is never poisoned");
        let mut tail = self.tail.lock().expect("journal lock is never poisoned");
        durable()?;
        if scrub {
            self.write_zeros(HEADER, tail.offset)
                .map_err(io("emptied"))?;
        }
        // Still holding the tail: no record may land between the new header and the reset.
        self.write_header(tail.epoch + 1)?;
        self.file.sync_data().map_err(io("synced"))?;
        tail.epoch += 1;
        tail.offset = HEADER;
        tail.unwritten.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a test with records written straight to the disk and through the page cache.
    fn both_ways(test: impl Fn(&Path, bool)) {
        for direct in [true, false] {
            let dir = tempfile::tempdir().unwrap();
            test(&dir.path().join("journal"), direct);
        }
    }

    #[test]
    fn records_come_back_after_a_reopen_until_a_checkpoint() {
        both_ways(records_come_back_until_a_checkpoint);
    }

    fn records_come_back_until_a_checkpoint(path: &Path, direct: bool) {
        let path = path.to_path_buf();
        let (journal, pending) = Journal::open_with(&path, direct).unwrap();
        assert!(pending.is_empty());
        journal.append(b"one").unwrap();
        journal.append(b"two").unwrap();
        journal.sync().unwrap();
        drop(journal);
        let (journal, pending) = Journal::open_with(&path, direct).unwrap();
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
        let (_, pending) = Journal::open_with(&path, direct).unwrap();
        assert_eq!(pending, [b"four".to_vec()]);
        // Nothing of the checkpointed records is left in the file.
        let bytes = std::fs::read(&path).unwrap();
        assert!(!bytes.windows(3).any(|w| w == b"two"));
    }

    #[test]
    fn a_torn_record_ends_the_journal_there() {
        both_ways(a_torn_record_ends_it);
    }

    fn a_torn_record_ends_it(path: &Path, direct: bool) {
        let (journal, _) = Journal::open_with(path, direct).unwrap();
        journal.append(b"kept").unwrap();
        let used = journal.append(b"torn apart").unwrap();
        journal.append(b"after").unwrap();
        journal.sync().unwrap();
        drop(journal);
        // Damage the second record's payload, as a write cut short by a power cut would.
        let file = OpenOptions::new().write(true).open(path).unwrap();
        file.write_all_at(b"XX", HEADER + used - 3).unwrap();
        drop(file);
        let (journal, pending) = Journal::open_with(path, direct).unwrap();
        assert_eq!(pending, [b"kept".to_vec()]);
        // New records go after the last good one, and are read back.
        journal.append(b"new").unwrap();
        journal.sync().unwrap();
        drop(journal);
        assert_eq!(
            Journal::open_with(path, direct).unwrap().1,
            [b"kept".to_vec(), b"new".to_vec()]
        );
    }

    #[test]
    fn the_journal_grows_past_its_working_size() {
        both_ways(grows_past_its_working_size);
    }

    fn grows_past_its_working_size(path: &Path, direct: bool) {
        let (journal, _) = Journal::open_with(path, direct).unwrap();
        let record = vec![7u8; 100_000];
        let records = (WORKING_SIZE / 100_000 + 10) as usize;
        for _ in 0..records {
            journal.append(&record).unwrap();
        }
        journal.sync().unwrap();
        drop(journal);
        let (_, pending) = Journal::open_with(path, direct).unwrap();
        assert_eq!(pending.len(), records);
        assert!(pending.iter().all(|p| p == &record));
        assert!(std::fs::metadata(path).unwrap().len() > WORKING_SIZE);
    }

    #[test]
    fn records_synced_while_others_append_all_come_back() {
        both_ways(synced_while_others_append);
    }

    /// Four writers append records of varied sizes (so they straddle blocks), each syncing
    /// after every record as a waiting writer would; every synced record is read back.
    fn synced_while_others_append(path: &Path, direct: bool) {
        let (journal, _) = Journal::open_with(path, direct).unwrap();
        std::thread::scope(|s| {
            for writer in 0..4u8 {
                let journal = &journal;
                s.spawn(move || {
                    for n in 0..200usize {
                        let record = vec![writer; 1 + (n * 37) % 700];
                        journal.append(&record).unwrap();
                        journal.sync().unwrap();
                    }
                });
            }
        });
        drop(journal);
        let (journal, pending) = Journal::open_with(path, direct).unwrap();
        assert_eq!(pending.len(), 800);
        for writer in 0..4u8 {
            let sizes: Vec<usize> = pending
                .iter()
                .filter(|p| p[0] == writer)
                .map(|p| p.len())
                .collect();
            let expected: Vec<usize> = (0..200).map(|n| 1 + (n * 37) % 700).collect();
            assert_eq!(sizes, expected, "writer {writer}'s records, in order");
        }
        // Reopened mid-block, appends go on from there.
        journal.append(b"after").unwrap();
        journal.sync().unwrap();
        drop(journal);
        let (_, pending) = Journal::open_with(path, direct).unwrap();
        assert_eq!(pending.len(), 801);
        assert_eq!(pending[800], b"after");
    }

    #[test]
    fn checkpoints_amid_writers_lose_no_acknowledged_record() {
        both_ways(checkpoints_amid_writers);
    }

    /// Writers store each record "in sled" (a list here), append it, sync, and count it as
    /// acknowledged; meanwhile checkpoints make the list durable and empty the journal. After a
    /// reopen, every acknowledged record is in the journal or was durable at a checkpoint.
    fn checkpoints_amid_writers(path: &Path, direct: bool) {
        use std::collections::HashSet;
        let (journal, _) = Journal::open_with(path, direct).unwrap();
        let sled: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
        let durable: Mutex<HashSet<Vec<u8>>> = Mutex::new(HashSet::new());
        let acknowledged: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|s| {
            let writers: Vec<_> = (0..4u32)
                .map(|writer| {
                    let (journal, sled, acknowledged) = (&journal, &sled, &acknowledged);
                    s.spawn(move || {
                        for n in 0..300u32 {
                            let record =
                                format!("{writer}:{n}:{}", "x".repeat((n as usize * 13) % 500));
                            sled.lock().unwrap().push(record.clone().into_bytes());
                            journal.append(record.as_bytes()).unwrap();
                            journal.sync().unwrap();
                            acknowledged.lock().unwrap().push(record.into_bytes());
                        }
                    })
                })
                .collect();
            let (journal, sled, durable, done) = (&journal, &sled, &durable, &done);
            let checkpointer = s.spawn(move || {
                let mut checkpoints = 0;
                while !done.load(std::sync::atomic::Ordering::SeqCst) {
                    journal
                        .checkpoint(
                            || {
                                durable
                                    .lock()
                                    .unwrap()
                                    .extend(sled.lock().unwrap().iter().cloned());
                                // Flushing sled takes a while: writers keep arriving meanwhile.
                                std::thread::sleep(std::time::Duration::from_millis(1));
                                Ok(())
                            },
                            checkpoints % 2 == 1,
                        )
                        .unwrap();
                    checkpoints += 1;
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                checkpoints
            });
            for w in writers {
                w.join().unwrap();
            }
            done.store(true, std::sync::atomic::Ordering::SeqCst);
            assert!(
                checkpointer.join().unwrap() > 1,
                "checkpoints ran during the writes"
            );
        });
        drop(journal);
        let (_, pending) = Journal::open_with(path, direct).unwrap();
        let journaled: HashSet<Vec<u8>> = pending.into_iter().collect();
        let durable = durable.into_inner().unwrap();
        let acknowledged = acknowledged.into_inner().unwrap();
        assert_eq!(acknowledged.len(), 1200);
        let lost: Vec<_> = acknowledged
            .iter()
            .filter(|r| !journaled.contains(*r) && !durable.contains(*r))
            .map(|r| String::from_utf8_lossy(&r[..r.len().min(12)]).into_owned())
            .collect();
        assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    }
}
