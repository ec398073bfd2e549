//! This device: what is waiting to be sent, exporting it, and kiosk mode.

use crate::browser;
use crate::outbox::{Outbox, OutboxStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// For facilitators looking after tablets at an event.
#[component]
pub fn DevicePage() -> impl IntoView {
    browser::set_title("This device");
    browser::focus_page();
    let outbox = expect_context::<Outbox>();
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        spawn_local(async move {
            let result = outbox.export().await.and_then(|queue| {
                let count = queue.items.len();
                let json = serde_json::to_string_pretty(&queue).map_err(|e| e.to_string())?;
                browser::download("tellus-waiting-answers.json", &json)?;
                Ok(count)
            });
            message.set(Some(match result {
                Ok(0) => "There are no answers waiting on this device.".into(),
                Ok(n) => format!("Downloaded {n} waiting answers. Import the file on the server with: tellus import-queue FILE"),
                Err(e) => format!("The file could not be made: {e}"),
            }));
        });
    };
    view! {
        <h1 class="heading-l" id="page-heading" tabindex="-1">"This device"</h1>
        <h2 class="heading-m">"Answers on this device"</h2>
        <OutboxStatus/>
        {move || (outbox.refused.get() > 0).then(|| view! {
            <p class="body">{format!("{} answers were refused by the server. Download them and give the file to the person running the consultation.", outbox.refused.get())}</p>
        })}
        <p class="body">"If this device cannot connect before the event ends, download the waiting answers and give the file to the person running the consultation. Nothing is lost and nothing is counted twice."</p>
        <button class="button button--secondary" type="button" on:click=download>"Download waiting answers"</button>
        <p class="body" role="status">{move || message.get()}</p>
        <h2 class="heading-m">"Shared tablet"</h2>
        <p class="body"><a href="/kiosk">"Set up kiosk mode for a survey"</a></p>
    }
}
