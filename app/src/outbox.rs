//! The outbox: every response goes into IndexedDB on the device first, then is sent in
//! the background, retried with backoff, and removed only once the server has it.
//!
//! A dropped connection, a reload or a closed tab loses nothing; the id chosen once per
//! response means a retry can never make a duplicate.

use crate::api::{self, ClientError};
use js_sys::{Array, Promise};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::time::Duration;
use tellus_core::response::{QueueExport, QueuedResponse};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "tellus";
const STORE: &str = "outbox";

/// One waiting response, and why the server refused it if it did.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    item: QueuedResponse,
    /// Set when the server refused it for good (it will not be retried; export it instead).
    problem: Option<String>,
}

/// How sending stands, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncState {
    /// Nothing is waiting.
    AllSent,
    /// This many are waiting; sending now or soon.
    Waiting(usize),
    /// This many are waiting and the server cannot be reached.
    Offline(usize),
}

/// The outbox's status, shared with every page.
#[derive(Clone, Copy)]
pub struct Outbox {
    pub state: RwSignal<SyncState>,
    /// How many the server refused for good (these need a facilitator).
    pub refused: RwSignal<usize>,
}

fn idb_error(e: JsValue) -> String {
    e.as_string()
        .unwrap_or_else(|| "the device's storage is not available".into())
}

/// Resolves with the request's result once it succeeds.
async fn request_done(request: &IdbRequest) -> Result<JsValue, String> {
    let request = request.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        request.set_onsuccess(Some(
            Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
            })
            .unchecked_ref(),
        ));
        request.set_onerror(Some(
            Closure::once_into_js(move || {
                let _ = reject.call1(
                    &JsValue::NULL,
                    &JsValue::from_str("the device's storage refused the request"),
                );
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(promise).await.map_err(idb_error)
}

/// Resolves once the transaction has committed: only then is a write durable.
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let tx = tx.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(
            Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .unchecked_ref(),
        ));
        let reject_abort = reject.clone();
        tx.set_onerror(Some(
            Closure::once_into_js(move || {
                let _ = reject.call1(&JsValue::NULL, &"the device could not save".into());
            })
            .unchecked_ref(),
        ));
        tx.set_onabort(Some(
            Closure::once_into_js(move || {
                let _ = reject_abort.call1(&JsValue::NULL, &"the device could not save".into());
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(idb_error)
}

thread_local! {
    /// The open database, kept for the page's life: opening costs more than the write itself.
    static DB: std::cell::RefCell<Option<IdbDatabase>> = const { std::cell::RefCell::new(None) };
}

/// The outbox database, opened once and then reused.
async fn database() -> Result<IdbDatabase, String> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let db = open().await?;
    // Another tab upgrading the database asks us to let go; the next use opens it again.
    let closing = db.clone();
    db.set_onversionchange(Some(
        Closure::once_into_js(move || {
            closing.close();
            DB.with(|d| d.borrow_mut().take());
        })
        .unchecked_ref(),
    ));
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Starts a transaction, reopening the database once if the kept connection was closed.
async fn transaction(mode: IdbTransactionMode) -> Result<IdbTransaction, String> {
    let db = database().await?;
    match db.transaction_with_str_and_mode(STORE, mode) {
        Ok(tx) => Ok(tx),
        Err(_) => {
            DB.with(|d| d.borrow_mut().take());
            database()
                .await?
                .transaction_with_str_and_mode(STORE, mode)
                .map_err(idb_error)
        }
    }
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = crate::browser::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("this browser cannot store answers on the device")?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DB_NAME, 1).map_err(idb_error)?;
    let upgrading = request.clone();
    request.set_onupgradeneeded(Some(
        Closure::once_into_js(move || {
            if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                let _ = db.create_object_store(STORE);
            }
        })
        .unchecked_ref(),
    ));
    let db = request_done(&request).await?;
    db.dyn_into::<IdbDatabase>()
        .map_err(|_| "the device's storage did not open".into())
}

async fn write(entry: &Entry) -> Result<(), String> {
    let tx = transaction(IdbTransactionMode::Readwrite).await?;
    let store = tx.object_store(STORE).map_err(idb_error)?;
    let json = serde_json::to_string(entry).map_err(|e| e.to_string())?;
    store
        .put_with_key(
            &JsValue::from_str(&json),
            &JsValue::from_str(&entry.item.id.to_string()),
        )
        .map_err(idb_error)?;
    committed(&tx).await
}

async fn remove(id: &str) -> Result<(), String> {
    let tx = transaction(IdbTransactionMode::Readwrite).await?;
    tx.object_store(STORE)
        .map_err(idb_error)?
        .delete(&JsValue::from_str(id))
        .map_err(idb_error)?;
    committed(&tx).await
}

async fn entries() -> Result<Vec<Entry>, String> {
    let tx = transaction(IdbTransactionMode::Readonly).await?;
    let request = tx
        .object_store(STORE)
        .map_err(idb_error)?
        .get_all()
        .map_err(idb_error)?;
    let all: Array = request_done(&request)
        .await?
        .dyn_into()
        .map_err(|_| "unreadable outbox".to_string())?;
    Ok(all
        .iter()
        .filter_map(|v| v.as_string())
        .filter_map(|s| serde_json::from_str(&s).ok())
        .collect())
}

thread_local! {
    static SYNCING: Cell<bool> = const { Cell::new(false) };
}

impl Outbox {
    /// Starts the outbox: counts what is waiting and keeps sending in the background.
    pub fn start() -> Outbox {
        let outbox = Outbox {
            state: RwSignal::new(SyncState::AllSent),
            refused: RwSignal::new(0),
        };
        // Rendered on the server: nothing to send from there.
        let Some(window) = crate::browser::window() else {
            return outbox;
        };
        // New answers and coming back online start a send at once (see `add` and below), so
        // the loop only retries what is waiting, backing off, and looks in now and then for
        // answers another tab of this device saved.
        spawn_local(async move {
            let mut delay = Duration::from_secs(3);
            loop {
                let all_sent = outbox.sync().await;
                delay = if all_sent {
                    Duration::from_secs(60)
                } else {
                    (delay * 2).clamp(Duration::from_secs(3), Duration::from_secs(30))
                };
                gloo_timers::future::sleep(delay).await;
            }
        });
        // Coming back online is the best moment to try again.
        let on_online = Closure::<dyn Fn()>::new(move || {
            spawn_local(async move {
                outbox.sync().await;
            })
        });
        let _ =
            window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        on_online.forget();
        outbox
    }

    /// Saves a response on the device (durably), then tries to send it at once.
    pub async fn add(&self, item: QueuedResponse) -> Result<(), String> {
        write(&Entry {
            item,
            problem: None,
        })
        .await?;
        self.refresh().await;
        let outbox = *self;
        spawn_local(async move {
            outbox.sync().await;
        });
        Ok(())
    }

    async fn refresh(&self) {
        if let Ok(all) = entries().await {
            let refused = all.iter().filter(|e| e.problem.is_some()).count();
            self.refused.set(refused);
            let waiting = all.len() - refused;
            self.state.update(|s| {
                *s = match (waiting, *s) {
                    (0, _) => SyncState::AllSent,
                    (n, SyncState::Offline(_)) => SyncState::Offline(n),
                    (n, _) => SyncState::Waiting(n),
                }
            });
        }
    }

    /// Sends everything waiting; true when nothing is left to send.
    async fn sync(&self) -> bool {
        if SYNCING.with(|s| s.replace(true)) {
            return false;
        }
        let result = self.send_all().await;
        SYNCING.with(|s| s.set(false));
        result
    }

    async fn send_all(&self) -> bool {
        let Ok(all) = entries().await else {
            return false;
        };
        let mut reachable = true;
        for entry in all.into_iter().filter(|e| e.problem.is_none()) {
            let id = entry.item.id.to_string();
            match api::submit(entry.item.id, &entry.item.submission).await {
                Ok(_) => {
                    let _ = remove(&id).await;
                }
                // Refused for good (the survey changed or closed, or the id clashes): keep it for export.
                Err(ClientError::Server(status @ (400 | 404 | 409 | 410 | 422), error)) => {
                    let problem = format!("{status}: {}", error.error.message);
                    let _ = write(&Entry {
                        item: entry.item,
                        problem: Some(problem),
                    })
                    .await;
                }
                Err(_) => {
                    reachable = false;
                    break;
                }
            }
        }
        self.refresh().await;
        let state = self.state.get_untracked();
        if !reachable && let SyncState::Waiting(n) = state {
            self.state.set(SyncState::Offline(n));
        }
        self.state.get_untracked() == SyncState::AllSent
    }

    /// Everything on the device as a file a facilitator can give to `tellus import-queue`.
    pub async fn export(&self) -> Result<QueueExport, String> {
        let items = entries().await?.into_iter().map(|e| e.item).collect();
        Ok(QueueExport {
            tellus_queue: 1,
            items,
        })
    }
}

/// The status line: calm words about what is waiting.
#[component]
pub fn OutboxStatus() -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    let message = move || {
        let w = crate::language::words();
        match outbox.state.get() {
            SyncState::AllSent => w.all_sent.to_string(),
            SyncState::Waiting(n) => (w.waiting_to_send)(n),
            SyncState::Offline(n) => (w.saved_offline)(n),
        }
    };
    view! { <p class="outbox-status" role="status" data-testid="outbox-status">{message}</p> }
}
