//! Live updates for events: each event has two counters that go up when something
//! changes, one for the room (which activity is on, and its phase) and one for results
//! (a vote or note). Streams wait on them; `watch` keeps only the latest change, so a
//! screen that falls behind a burst of votes sends one update, not hundreds.

use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::watch;

/// One event's change counters.
#[derive(Clone)]
pub struct Channels {
    pub room: watch::Sender<u64>,
    pub results: watch::Sender<u64>,
}

/// The change counters of every event someone is watching.
pub struct Live {
    events: Mutex<HashMap<String, Channels>>,
    /// Held while a facilitator's change to an event is read, made and saved.
    pub turn: tokio::sync::Mutex<()>,
    /// Set when the server is stopping: every stream ends, so shutting down never waits on
    /// phones that keep a stream open (they reconnect to the next server by themselves).
    closing: watch::Sender<bool>,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            events: Mutex::default(),
            turn: tokio::sync::Mutex::default(),
            closing: watch::channel(false).0,
        }
    }
}

impl Live {
    fn channels(&self, event_id: &str) -> Channels {
        let mut events = self.events.lock().expect("live lock is never poisoned");
        // Forget events nobody watches any more, so the map does not grow for ever.
        events.retain(|_, c| c.room.receiver_count() > 0 || c.results.receiver_count() > 0);
        events
            .entry(event_id.to_string())
            .or_insert_with(|| Channels {
                room: watch::channel(0).0,
                results: watch::channel(0).0,
            })
            .clone()
    }

    /// Watches an event: (room changes, results changes).
    pub fn watch(&self, event_id: &str) -> (watch::Receiver<u64>, watch::Receiver<u64>) {
        let c = self.channels(event_id);
        (c.room.subscribe(), c.results.subscribe())
    }

    /// Something everyone in the room sees changed (and so may the results).
    pub fn room_changed(&self, event_id: &str) {
        let c = self.channels(event_id);
        c.room.send_modify(|n| *n += 1);
        c.results.send_modify(|n| *n += 1);
    }

    /// Ends every stream, for shutting down.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// Becomes true when the server is stopping.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// A vote or note arrived.
    pub fn results_changed(&self, event_id: &str) {
        self.channels(event_id).results.send_modify(|n| *n += 1);
    }
}
