//! Crash test: start the real `tellus` binary, send responses from many concurrent
//! clients, kill -9 it at a random moment, and check that every acknowledged response
//! is there exactly once and the store opens cleanly. Several rounds on one data folder.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tellus::storage::Store;
use uuid::Uuid;

const ROUNDS: usize = 4;
const CLIENTS: usize = 16;

/// A small deterministic-per-seed random source (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn start(data: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tellus"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--dist",
            "no-app-here",
            "--backup-every",
            "0",
            "--data",
        ])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let addr = first
        .split("http://")
        .nth(1)
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, addr)
}

/// PUTs one response; the status code, or None if the connection failed (server gone).
fn put(addr: &str, id: Uuid, feel: u8) -> Option<u16> {
    let body = format!(
        r#"{{"survey_id":"therapies-children","answers":{{"feel_therapy":{{"type":"scale","value":{feel}}},"what_helps":{{"type":"text","value":"answer {id}"}}}}}}"#
    );
    let mut stream = TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let request = format!(
        "PUT /api/responses/{id} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply).ok()?;
    reply.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn every_acknowledged_response_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let acknowledged: Arc<Mutex<Vec<Uuid>>> = Arc::default();

    for round in 0..ROUNDS {
        let (mut server, addr) = start(dir.path());
        let stop = Arc::new(AtomicBool::new(false));
        let clients: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let (addr, stop, acknowledged) = (addr.clone(), stop.clone(), acknowledged.clone());
                std::thread::spawn(move || {
                    let mut n = 0u8;
                    while !stop.load(Ordering::SeqCst) {
                        let id = Uuid::new_v4();
                        n = n.wrapping_add(1);
                        match put(&addr, id, n % 5 + 1) {
                            Some(201) | Some(200) => acknowledged.lock().unwrap().push(id),
                            Some(status) => panic!("client {c}: unexpected status {status}"),
                            None => break, // the server was killed mid-request: not acknowledged
                        }
                    }
                })
            })
            .collect();
        // Let clients run for a random while, then pull the plug.
        let lifetime = Duration::from_millis(150 + rng.next() % 600);
        let started = Instant::now();
        while started.elapsed() < lifetime {
            std::thread::sleep(Duration::from_millis(10));
        }
        server.kill().unwrap(); // SIGKILL: no shutdown, no final flush
        server.wait().unwrap();
        stop.store(true, Ordering::SeqCst);
        for c in clients {
            c.join().unwrap();
        }

        // The store opens cleanly and holds every acknowledged response exactly once.
        let store = Store::open(dir.path()).expect("the store opens after kill -9");
        let acked = acknowledged.lock().unwrap().clone();
        assert!(
            !acked.is_empty() || round > 0,
            "round {round}: no response was acknowledged; the test proved nothing"
        );
        for id in &acked {
            let stored = store.response(*id).unwrap();
            assert!(
                stored.is_some(),
                "round {round} (seed {seed}): acknowledged response {id} is missing"
            );
        }
        let stored: Vec<_> = store.responses().collect::<Result<_, _>>().unwrap();
        let mut ids: Vec<Uuid> = stored.iter().map(|r| r.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), stored.len(), "a response is stored twice");
        // Counts per survey are derived from the records, so they agree after any crash.
        assert_eq!(
            store.count_responses("therapies-children").unwrap() as usize,
            stored.len(),
            "counts and records disagree"
        );
        println!(
            "round {round}: {} acknowledged so far, {} stored",
            acked.len(),
            stored.len()
        );
    }
}
