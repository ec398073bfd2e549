//! Serving connections on worker threads, each with its own single-threaded runtime.
//!
//! One acceptor deals connections out in turn; a connection then lives on one thread, so a
//! request never moves between threads. A response's durable write then happens on the
//! thread that handles it, the way a database backend writes its log: the disk wait blocks
//! only that thread's connections, and the group commit gathers whatever arrived on the
//! others meanwhile (see `storage::GroupCommit`). Measured against a multi-threaded runtime
//! that hands the blocked worker's tasks to another thread: one client 0.95 to 1.04x
//! PostgreSQL instead of 0.91 to 0.96x (bench/README.md, durability).

use axum::Router;
use axum::serve::{Listener, ListenerExt};
use std::cell::Cell;
use std::io;
use std::net::SocketAddr;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};

/// A connection handed from the acceptor to a worker.
type Handed = (std::net::TcpStream, SocketAddr);

/// A worker's end of the acceptor: the connections dealt to it.
struct Dealt {
    connections: mpsc::UnboundedReceiver<Handed>,
    addr: SocketAddr,
}

impl Listener for Dealt {
    type Io = TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (TcpStream, SocketAddr) {
        // First asked before any connection: whatever runs now is the worker's own.
        OWN_TASKS.with(|own| {
            if own.get().is_none() {
                let alive = tokio::runtime::Handle::current()
                    .metrics()
                    .num_alive_tasks();
                own.set(Some(alive));
            }
        });
        loop {
            match self.connections.recv().await {
                // Registered with this worker's runtime here, on its own thread.
                Some((stream, peer)) => match TcpStream::from_std(stream) {
                    Ok(stream) => return (stream, peer),
                    Err(e) => tracing::warn!("a connection could not be taken on: {e}"),
                },
                // The acceptor has stopped: only the shutdown signal ends this worker now.
                None => std::future::pending::<()>().await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        Ok(self.addr)
    }
}

/// How many worker threads to run: two per core, so a core whose worker waits on the disk
/// still has one serving.
pub fn count() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get() * 2)
}

/// Serves `app` on `threads` workers until `stop` becomes true, then waits for open
/// requests to finish.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    threads: usize,
    mut stop: watch::Receiver<bool>,
) -> io::Result<()> {
    let threads = threads.max(1);
    let addr = listener.local_addr()?;
    let mut queues = Vec::with_capacity(threads);
    let mut workers = Vec::with_capacity(threads);
    for i in 0..threads {
        let (queue, connections) = mpsc::unbounded_channel();
        queues.push(queue);
        let app = app.clone();
        let stop = stop.clone();
        let worker = std::thread::Builder::new()
            .name(format!("tellus-worker-{i}"))
            .spawn(move || work(Dealt { connections, addr }, app, stop))?;
        workers.push(worker);
    }
    let mut next = 0;
    loop {
        tokio::select! {
            _ = stop.wait_for(|stop| *stop) => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    // Answers are small request-and-reply exchanges: send each reply at once.
                    let _ = stream.set_nodelay(true);
                    match stream.into_std() {
                        Ok(stream) => {
                            if queues[next % threads].send((stream, peer)).is_err() {
                                tracing::error!("worker {} has stopped; its connection is dropped", next % threads);
                            }
                            next += 1;
                        }
                        Err(e) => tracing::warn!("a connection could not be handed on: {e}"),
                    }
                }
                // Out of file descriptors and the like: pause rather than spin.
                Err(e) => {
                    tracing::warn!("accepting a connection failed: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
            },
        }
    }
    drop(queues);
    for worker in workers {
        let finished = tokio::task::spawn_blocking(move || worker.join())
            .await
            .map_err(io::Error::other)?;
        finished.map_err(|_| io::Error::other("a worker thread failed"))??;
    }
    Ok(())
}

thread_local! {
    /// On a worker thread, how many tasks it runs besides its connections' (see [`alone`]).
    static OWN_TASKS: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Whether this is a worker thread serving only the request now running: then nothing else
/// on the thread can join a group commit, and its leader need not let others go first.
/// False off the workers (tests, commands), where it cannot be told.
pub fn alone() -> bool {
    let Some(own) = OWN_TASKS.with(Cell::get) else {
        return false;
    };
    tokio::runtime::Handle::try_current()
        .is_ok_and(|handle| handle.metrics().num_alive_tasks() <= own + 1)
}

/// One worker: its own runtime, serving the connections dealt to it.
fn work(dealt: Dealt, app: Router, mut stop: watch::Receiver<bool>) -> io::Result<()> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(async move {
            // A timer always due before any request's 30-second timeout. Otherwise, with no
            // request in flight, each new request's timeout is the runtime's earliest timer,
            // and setting it wakes the runtime's own driver: an eventfd write and a spare poll
            // per request, measured with strace at one client.
            tokio::spawn(async {
                loop {
                    tokio::time::sleep(std::time::Duration::from_secs(10)).await;
                }
            });
            axum::serve(
                // Through `tap_io`, for which axum gives handlers the peer's address.
                dealt.tap_io(|_| {}),
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async move {
                let _ = stop.wait_for(|stop| *stop).await;
            })
            .await
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Read, Write};

    /// Asks the server on `stream` whether it is serving that connection alone.
    fn ask_alone(stream: &mut std::net::TcpStream) -> bool {
        stream
            .write_all(b"GET /alone HTTP/1.1\r\nHost: test\r\n\r\n")
            .unwrap();
        let mut reader = BufReader::new(stream);
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        body == b"true"
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn a_worker_knows_when_it_serves_one_connection_alone() {
        let app = Router::new().route(
            "/alone",
            axum::routing::get(|| async { alone().to_string() }),
        );
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = watch::channel(false);
        let client = tokio::task::spawn_blocking(move || {
            let mut first = std::net::TcpStream::connect(addr).unwrap();
            let alone_at_first = ask_alone(&mut first);
            // Answered once the worker serves it, so the first connection asks after that.
            let mut second = std::net::TcpStream::connect(addr).unwrap();
            let asked_by_the_other = ask_alone(&mut second);
            let with_another = ask_alone(&mut first);
            drop(second);
            // The other connection's task ends once the worker sees it closed.
            let alone_again = (0..100).any(|_| {
                std::thread::sleep(std::time::Duration::from_millis(10));
                ask_alone(&mut first)
            });
            [
                alone_at_first,
                asked_by_the_other,
                with_another,
                alone_again,
            ]
        });
        // One worker, so every connection lands on it.
        let (served, answers) = tokio::join!(serve(listener, app, 1, stopped), async {
            let answers = client.await.unwrap();
            stop.send(true).unwrap();
            answers
        });
        served.unwrap();
        assert_eq!(answers, [true, false, false, true]);
        // Off the workers it cannot be told.
        assert!(!alone());
    }
}
