//! How many responses each group-committed journal sync covers:
//! `cargo run --release --example flushes`.
use std::time::Instant;
use tellus::storage::Store;
use tellus_core::{Answer, StoredResponse};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for clients in [1usize, 16, 256] {
        let before = store.flush_count();
        let started = Instant::now();
        let per_client = 2000 / clients.min(100) + 1;
        let tasks: Vec<_> = (0..clients)
            .map(|c| {
                let store = store.clone();
                tokio::spawn(async move {
                    for i in 0..per_client {
                        let r = StoredResponse {
                            id: uuid::Uuid::new_v4(),
                            consultation_id: "c".into(),
                            survey_id: "s".into(),
                            answers: [(
                                "q".to_string(),
                                Answer::Text(format!("client {c} answer {i} with some words")),
                            )]
                            .into(),
                            received_at: 0,
                            language: Default::default(),
                            flags: Vec::new(),
                            reviews: Vec::new(),
                        };
                        let s = store.clone();
                        tokio::task::spawn_blocking(move || s.insert_response(&r).unwrap())
                            .await
                            .unwrap();
                        store.commit_responses().await.unwrap();
                    }
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        let writes = clients * per_client;
        let flushes = store.flush_count() - before;
        let secs = started.elapsed().as_secs_f64();
        println!(
            "{clients:>4} clients: {writes} writes in {secs:.2}s = {:.0}/s, {flushes} flushes ({:.1} writes each, {:.2} ms each)",
            writes as f64 / secs,
            writes as f64 / flushes as f64,
            secs * 1000.0 / flushes as f64
        );
    }
}
