//! Live updates from the server as server-sent events: an event's room for participants,
//! its present view for the facilitator's screen. The browser reconnects by itself after
//! a dropped connection, and the server sends the whole state first on every connection,
//! so a device that comes back shows the present moment.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{EventSource, MessageEvent};

/// Listens to `url` while the calling component lives: each message's JSON goes to
/// `on_data`; `connected` says whether the stream is up now.
pub fn listen<T: DeserializeOwned + 'static>(
    url: &str,
    on_data: impl Fn(T) + 'static,
    connected: RwSignal<bool>,
) {
    let Ok(source) = EventSource::new(url) else {
        connected.set(false);
        return;
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        connected.set(true);
        if let Some(value) = ev
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<T>(&text).ok())
        {
            on_data(value);
        }
    });
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn Fn()>::new(move || connected.set(false));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let held = SendWrapper::new((source, on_message, on_error));
    on_cleanup(move || held.0.close());
}
