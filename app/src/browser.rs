//! Small wrappers over browser APIs: page title, focus, local storage, random ids.

use serde::{Serialize, de::DeserializeOwned};
use uuid::Uuid;

/// Sets the page title, as screen readers announce it on navigation.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{title} – Tellus"));
    }
}

/// Moves focus to the element with this id (for headings and error summaries).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
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
    leptos::prelude::request_animation_frame(|| {
        let document = web_sys::window().and_then(|w| w.document());
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
    web_sys::window()?.local_storage().ok()?
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
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// Registers the service worker that keeps the app working offline (secure contexts
/// only: localhost or HTTPS; elsewhere answers are still kept by the outbox).
pub fn register_service_worker() {
    if let Some(window) = web_sys::window()
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
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
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
    use leptos::prelude::{on_cleanup, set_interval_with_handle};
    if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
}
