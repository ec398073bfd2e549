//! Durable acknowledged responses per second and latency at 1, 16 and 256 clients:
//! Tellus (`PUT /api/responses/{id}`, acknowledged after a group-committed flush) against
//! PostgreSQL (one INSERT per transaction, synchronous_commit=on) storing the same JSON,
//! with this disk's raw fsync rate as the single-writer ceiling. Both are reached the same
//! way, over TCP on the loopback interface with Nagle off, and they take turns of one
//! second, so a disk that speeds up or slows down during the run weighs on both alike.
//! Each side's first turn at each concurrency warms it up and is not counted.
//!
//! Usage: cargo run --release -- TELLUS_BINARY [SECONDS_PER_CASE] [CLIENTS,...]

use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::process::Command;
use tokio::sync::Barrier;

const CONCURRENCY: [usize; 3] = [1, 16, 256];
const PG_BIN: &str = "/usr/lib/postgresql/15/bin";

fn document(n: u64) -> serde_json::Value {
    serde_json::json!({
        "survey_id": "therapies-children",
        "answers": {
            "feel_therapy": { "type": "scale", "value": n % 5 + 1 },
            "what_helps": { "type": "text", "value": format!("Playing games with my therapist helps me talk, answer {n}") },
            "answered_how": { "type": "choice", "value": "with_help" }
        }
    })
}

#[derive(Default)]
struct Result {
    ops: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
    /// Requests the disk completed during the turns (writes and cache flushes), if known.
    disk: Option<Disk>,
}

/// The system disk's counters from /proc/diskstats, summed over its whole devices.
#[derive(Clone, Copy, Default)]
struct Disk {
    writes: u64,
    sectors: u64,
    flushes: u64,
}

impl Disk {
    /// The counters now, or none where /proc/diskstats cannot be read.
    fn now() -> Option<Disk> {
        let stats = std::fs::read_to_string("/proc/diskstats").ok()?;
        let mut total = Disk::default();
        for line in stats.lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            // Whole disks only (partitions would count twice): those with a queue in /sys/block.
            if f.len() < 20 || !Path::new(&format!("/sys/block/{}/queue", f[2])).exists() || f[2].starts_with("loop") {
                continue;
            }
            let n = |i: usize| f[i].parse::<u64>().unwrap_or(0);
            total.writes += n(7);
            total.sectors += n(9);
            total.flushes += n(18);
        }
        Some(total)
    }

    fn since(self, before: Disk) -> Disk {
        Disk { writes: self.writes - before.writes, sectors: self.sectors - before.sectors, flushes: self.flushes - before.flushes }
    }

    fn add(self, other: Disk) -> Disk {
        Disk { writes: self.writes + other.writes, sectors: self.sectors + other.sectors, flushes: self.flushes + other.flushes }
    }
}

impl Result {
    fn per_second(&self) -> f64 {
        self.ops as f64 / self.elapsed.as_secs_f64()
    }
    fn percentile(&mut self, p: f64) -> Duration {
        self.latencies.sort();
        self.latencies[((self.latencies.len() as f64 * p) as usize).min(self.latencies.len() - 1)]
    }
}

/// A set of connected clients that send in turns: each turn starts them together and lets
/// them send until the turn's deadline.
#[derive(Clone)]
struct Turns {
    start: Arc<Barrier>,
    end: Arc<Barrier>,
    /// The current turn's deadline; none when the clients should disconnect.
    deadline: Arc<Mutex<Option<Instant>>>,
    latencies: Arc<Mutex<Vec<Duration>>>,
}

impl Turns {
    fn new(clients: usize) -> Turns {
        Turns {
            start: Arc::new(Barrier::new(clients + 1)),
            end: Arc::new(Barrier::new(clients + 1)),
            deadline: Arc::new(Mutex::new(None)),
            latencies: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// For a client: waits for the next turn; its deadline, or none when it is over.
    async fn next(&self) -> Option<Instant> {
        self.start.wait().await;
        *self.deadline.lock().unwrap()
    }

    /// For a client: hands in the turn's latencies and waits for the others.
    async fn done(&self, latencies: Vec<Duration>) {
        self.latencies.lock().unwrap().extend(latencies);
        self.end.wait().await;
    }

    /// Runs one turn of `length` (the clients are already connected, so connecting is not timed).
    async fn run(&self, length: Duration, into: &mut Result) {
        let started = Instant::now();
        let disk = Disk::now();
        *self.deadline.lock().unwrap() = Some(started + length);
        self.start.wait().await;
        self.end.wait().await;
        if let (Some(before), Some(after)) = (disk, Disk::now()) {
            into.disk = Some(into.disk.unwrap_or_default().add(after.since(before)));
        }
        let latencies = std::mem::take(&mut *self.latencies.lock().unwrap());
        into.ops += latencies.len();
        into.elapsed += started.elapsed();
        into.latencies.extend(latencies);
    }

    /// Lets the clients go.
    async fn finish(&self) {
        *self.deadline.lock().unwrap() = None;
        self.start.wait().await;
    }
}

/// One keep-alive HTTP/1.1 client sending PUTs in each turn.
async fn tellus_client(addr: String, turns: Turns) {
    let stream = TcpStream::connect(&addr).await.unwrap();
    stream.set_nodelay(true).unwrap();
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    let mut n = 0u64;
    while let Some(deadline) = turns.next().await {
        let mut latencies = Vec::new();
        while Instant::now() < deadline {
            n += 1;
            let body = document(n).to_string();
            let id = uuid::Uuid::new_v4();
            let request = format!(
                "PUT /api/responses/{id} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            let t = Instant::now();
            write.write_all(request.as_bytes()).await.unwrap();
            let mut status = String::new();
            read.read_line(&mut status).await.unwrap();
            assert!(status.contains(" 201 "), "unexpected reply: {status}");
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                read.read_line(&mut line).await.unwrap();
                if line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            read.read_exact(&mut body).await.unwrap();
            latencies.push(t.elapsed());
        }
        turns.done(latencies).await;
    }
}

/// One PostgreSQL connection inserting a document per transaction in each turn.
async fn pg_client(port: u16, turns: Turns) {
    let config = format!("host=127.0.0.1 port={port} user=bench dbname=postgres");
    let (client, connection) = tokio_postgres::connect(&config, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    let insert = client.prepare("INSERT INTO responses (id, doc) VALUES ($1, $2)").await.unwrap();
    let mut n = 0u64;
    while let Some(deadline) = turns.next().await {
        let mut latencies = Vec::new();
        while Instant::now() < deadline {
            n += 1;
            let t = Instant::now();
            client.execute(&insert, &[&uuid::Uuid::new_v4(), &document(n)]).await.unwrap();
            latencies.push(t.elapsed());
        }
        turns.done(latencies).await;
    }
}

/// Single-writer 4 KiB write + fdatasync loop in the same folder: the disk's ceiling for one stream.
fn fsync_rate(dir: &Path, seconds: u64) -> f64 {
    use std::io::Write;
    let mut file = std::fs::File::create(dir.join("fsync-probe")).unwrap();
    let block = [7u8; 4096];
    let started = Instant::now();
    let mut n = 0;
    while started.elapsed() < Duration::from_secs(seconds) {
        file.write_all(&block).unwrap();
        file.sync_data().unwrap();
        n += 1;
    }
    n as f64 / started.elapsed().as_secs_f64()
}

async fn run(cmd: &mut Command) {
    let status = cmd.status().await.unwrap();
    assert!(status.success(), "{cmd:?} failed");
}

/// Runs a PostgreSQL command as the `postgres` user when we are root (PostgreSQL refuses root).
fn as_postgres(program: &str) -> Command {
    let root = std::process::Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false);
    let mut cmd = if root { Command::new("runuser") } else { Command::new(format!("{PG_BIN}/{program}")) };
    if root {
        cmd.args(["-u", "postgres", "--", &format!("{PG_BIN}/{program}")]);
    }
    cmd
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let tellus_bin = args.get(1).expect("usage: durability-bench TELLUS_BINARY [SECONDS]").clone();
    let seconds: u64 = args.get(2).map(|s| s.parse().unwrap()).unwrap_or(5);
    let concurrency: Vec<usize> = match args.get(3) {
        Some(list) => list.split(',').map(|n| n.parse().expect("clients: numbers such as 1,16")).collect(),
        None => CONCURRENCY.to_vec(),
    };
    let work = std::env::temp_dir().join(format!("tellus-durability-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();

    // Tellus on its own data folder.
    let mut tellus = Command::new(&tellus_bin)
        .args(["serve", "--addr", "127.0.0.1:0", "--dist", "none", "--backup-every", "0", "--data"])
        .arg(work.join("tellus"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(tellus.stdout.take().unwrap()).lines();
    let first = lines.next_line().await.unwrap().unwrap();
    let addr = first.split("http://").nth(1).unwrap().trim_end_matches('/').to_string();
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

    // PostgreSQL on a fresh cluster in the same temporary folder (same disk).
    let pg = work.join("pg");
    let socket = work.join("pg-socket");
    std::fs::create_dir_all(&socket).unwrap();
    let _ = std::process::Command::new("chown").args(["-R", "postgres:postgres"]).arg(&work).status();
    run(as_postgres("initdb").args(["-D"]).arg(&pg).args(["-U", "bench", "--auth=trust"]).stdout(Stdio::null())).await;
    let port = 54329u16;
    let options = format!(
        "-p {port} -k {} -c listen_addresses='127.0.0.1' -c synchronous_commit=on -c fsync=on -c max_connections=300 -c shared_buffers=256MB",
        socket.display()
    );
    run(as_postgres("pg_ctl").args(["-D"]).arg(&pg).args(["-o", &options, "-w", "-l"]).arg(work.join("pg.log")).arg("start").stdout(Stdio::null())).await;
    {
        let config = format!("host={} port={port} user=bench dbname=postgres", socket.display());
        let (client, connection) = tokio_postgres::connect(&config, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(connection);
        client.batch_execute("CREATE TABLE responses (id uuid PRIMARY KEY, doc jsonb NOT NULL)").await.unwrap();
    }

    let ceiling = fsync_rate(&work, 2);
    println!("Raw fsync ceiling (one writer, 4 KiB + fdatasync): {ceiling:.0} per second\n");
    println!("| clients | Tellus responses/s | Tellus p50 | Tellus p99 | PostgreSQL inserts/s | PostgreSQL p50 | PostgreSQL p99 | Tellus / PostgreSQL |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    let mut disk_rows = Vec::new();
    for clients in concurrency {
        // Each side keeps its connections from turn to turn.
        let mut t = Result::default();
        let mut p = Result::default();
        let (tellus_turns, pg_turns) = (Turns::new(clients), Turns::new(clients));
        for _ in 0..clients {
            tokio::spawn(tellus_client(addr.clone(), tellus_turns.clone()));
            tokio::spawn(pg_client(port, pg_turns.clone()));
        }
        let turn = Duration::from_secs(1);
        // One turn each first, not counted: both start cold (new connections, empty tables),
        // and what is measured is how they serve once running.
        let mut warm_up = Result::default();
        tellus_turns.run(turn, &mut warm_up).await;
        pg_turns.run(turn, &mut warm_up).await;
        for _ in 0..seconds {
            tellus_turns.run(turn, &mut t).await;
            pg_turns.run(turn, &mut p).await;
        }
        tellus_turns.finish().await;
        pg_turns.finish().await;
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        println!(
            "| {clients} | {:.0} | {} | {} | {:.0} | {} | {} | {:.2}x |",
            t.per_second(),
            ms(t.percentile(0.5)),
            ms(t.percentile(0.99)),
            p.per_second(),
            ms(p.percentile(0.5)),
            ms(p.percentile(0.99)),
            t.per_second() / p.per_second()
        );
        if let (Some(td), Some(pd)) = (t.disk, p.disk) {
            let per = |d: Disk, r: &Result| {
                let ops = r.ops.max(1) as f64;
                format!("{:.2} | {:.2} | {:.1}", d.writes as f64 / ops, d.flushes as f64 / ops, d.sectors as f64 * 512.0 / 1024.0 / ops)
            };
            disk_rows.push(format!("| {clients} | {} | {} |", per(td, &t), per(pd, &p)));
        }
    }
    if !disk_rows.is_empty() {
        // What each side asked of the disk per acknowledged write, during its own turns.
        println!("\n| clients | Tellus disk writes/op | Tellus flushes/op | Tellus KiB/op | PostgreSQL disk writes/op | PostgreSQL flushes/op | PostgreSQL KiB/op |");
        println!("| --- | --- | --- | --- | --- | --- | --- |");
        for row in disk_rows {
            println!("{row}");
        }
    }

    run(as_postgres("pg_ctl").args(["-D"]).arg(&pg).args(["-m", "fast", "stop"]).stdout(Stdio::null())).await;
    tellus.kill().await.unwrap();
    let _ = std::fs::remove_dir_all(&work);
}
