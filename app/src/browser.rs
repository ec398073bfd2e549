//! Small wrappers over browser APIs: page title, focus, local storage, random ids.

use serde::{Serialize, de::DeserializeOwned};
use uuid::Uuid;

/// The browser window; `None` when the page is being rendered on the server, where every
/// wrapper here quietly does nothing.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    return None;
}

/// Sets the page title, as screen readers announce it on navigation. On the server, it is
/// kept for the page being rendered (see [`take_title`]).
pub fn set_title(title: &str) {
    let title = format!("{title} – Tellus");
    #[cfg(not(target_arch = "wasm32"))]
    RENDERED_TITLE.with_borrow_mut(|t| *t = Some(title.clone()));
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(&title);
    }
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static RENDERED_TITLE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The title the page rendered on this thread asked for, if any (server only).
#[cfg(not(target_arch = "wasm32"))]
pub fn take_title() -> Option<String> {
    RENDERED_TITLE.take()
}

/// Moves focus to the element with this id (for headings and error summaries).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// After showing a new page, moves focus to its heading (or the main area), so keyboard
/// and screen-reader users start at the top of the new page, as they would on a page load.
pub fn focus_page() {
    if window().is_none() {
        return;
    }
    leptos::prelude::request_animation_frame(|| {
        let document = window().and_then(|w| w.document());
        let has_heading = document
            .as_ref()
            .and_then(|d| d.get_element_by_id("page-heading"))
            .is_some();
        focus(if has_heading {
            "page-heading"
        } else {
            "main-content"
        });
    });
}

fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok()?
}

/// Reads a value saved on this device; anything unreadable counts as nothing saved.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = local_storage()?.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

/// Saves a value on this device (best effort: private browsing may refuse).
pub fn save<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (local_storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

/// Removes a saved value.
pub fn forget(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// A random (version 4) UUID from the browser's cryptographic random source.
pub fn new_uuid() -> Uuid {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// Registers the service worker that keeps the app working offline (secure contexts
/// only: localhost or HTTPS; elsewhere answers are still kept by the outbox).
pub fn register_service_worker() {
    if let Some(window) = window()
        && window.is_secure_context()
    {
        let _ = window.navigator().service_worker().register("/sw.js");
    }
}

/// Offers JSON `contents` to the person as a file download.
pub fn download(file_name: &str, contents: &str) -> Result<(), String> {
    download_bytes(file_name, contents.as_bytes(), "application/json")
}

/// Offers `bytes` to the person as a file download of the given media type.
pub fn download_bytes(file_name: &str, bytes: &[u8], media_type: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "could not make the file")?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "could not make the file")?;
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no link")?
        .dyn_into()
        .map_err(|_| "no link")?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Runs `tick` every second until the calling component goes away.
pub fn every_second(tick: impl Fn() + 'static) {
    every(std::time::Duration::from_secs(1), tick);
}

/// Runs `tick` every `period` until the calling component goes away.
pub fn every(period: std::time::Duration, tick: impl Fn() + 'static) {
    use leptos::prelude::{on_cleanup, set_interval_with_handle};
    if let Ok(handle) = set_interval_with_handle(tick, period) {
        on_cleanup(move || handle.clear());
    }
}

/// The id of the element that holds the page the server rendered (see `prerender`).
pub const PRERENDERED_ID: &str = "prerendered";

/// What someone did on the server-rendered page before the app arrived: the app draws the
/// same page with the same ids, and this replays it there.
#[derive(Default)]
pub struct Handoff {
    /// Ticked radios and checkboxes.
    checked: Vec<String>,
    /// Typed text, by field id.
    typed: Vec<(String, String)>,
    focused: Option<String>,
}

/// Takes the server-rendered page out of the document, noting what was chosen, typed and
/// focused on it.
pub fn take_prerendered() -> Handoff {
    use wasm_bindgen::JsCast;
    let mut handoff = Handoff::default();
    let Some(document) = window().and_then(|w| w.document()) else {
        return handoff;
    };
    let Some(root) = document.get_element_by_id(PRERENDERED_ID) else {
        return handoff;
    };
    if let Ok(fields) = root.query_selector_all("input, textarea") {
        for i in 0..fields.length() {
            let field = fields.item(i);
            if let Some(input) = field
                .clone()
                .and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                match input.type_().as_str() {
                    "radio" | "checkbox" if input.checked() => handoff.checked.push(input.id()),
                    "radio" | "checkbox" => {}
                    _ if !input.value().is_empty() => {
                        handoff.typed.push((input.id(), input.value()))
                    }
                    _ => {}
                }
            } else if let Some(area) =
                field.and_then(|f| f.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                && !area.value().is_empty()
            {
                handoff.typed.push((area.id(), area.value()));
            }
        }
    }
    handoff.focused = document
        .active_element()
        .filter(|e| root.contains(Some(e)))
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    root.remove();
    handoff
}

impl Handoff {
    /// Replays the choices and typing on the app's own page, as if made there, and puts focus
    /// back where it was.
    pub fn restore(self) {
        if window().is_none() {
            return;
        }
        // The app draws its first page as soon as the router has matched it: a frame later.
        leptos::prelude::request_animation_frame(move || self.replay());
    }

    fn replay(self) {
        use wasm_bindgen::JsCast;
        let Some(document) = window().and_then(|w| w.document()) else {
            return;
        };
        let input = |id: &str| {
            document
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        };
        for id in &self.checked {
            // A click, so the app hears the change as it would from the person.
            if let Some(input) = input(id).filter(|i| !i.checked()) {
                input.click();
            }
        }
        for (id, text) in &self.typed {
            let Some(element) = document.get_element_by_id(id) else {
                continue;
            };
            if let Some(field) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                field.set_value(text);
            } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.set_value(text);
            }
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = element.dispatch_event(&event);
            }
        }
        // After the app's own move of focus to the page's heading, made in this frame.
        if let Some(id) = self.focused {
            leptos::prelude::request_animation_frame(move || focus(&id));
        }
    }
}
