//! The participant app: surveys, help, this device, kiosk mode and withdrawal.

use tellus_app::{browser, participant};

fn main() {
    console_error_panic_hook::set_once();
    browser::register_service_worker();
    // The server may have drawn the first page already: it gives way to the app, keeping
    // anything chosen or typed on it before the app arrived.
    let handoff = browser::take_prerendered();
    leptos::mount::mount_to_body(participant::App);
    handoff.restore();
}
