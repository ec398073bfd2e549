//! This device: what is waiting to be sent, exporting it, and kiosk mode.

use crate::browser;
use crate::language::words;
use crate::outbox::{Outbox, OutboxStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// For facilitators looking after tablets at an event.
#[component]
pub fn DevicePage() -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        let w = words();
        spawn_local(async move {
            let result = outbox.export().await.and_then(|queue| {
                let count = queue.items.len();
                let json = serde_json::to_string_pretty(&queue).map_err(|e| e.to_string())?;
                browser::download("tellus-waiting-answers.json", &json)?;
                Ok(count)
            });
            message.set(Some(match result {
                Ok(0) => w.nothing_waiting.into(),
                Ok(n) => (w.downloaded)(n),
                Err(e) => (w.file_failed)(&e),
            }));
        });
    };
    // On a kiosk tablet, a child must not reach the answers waiting on it: the PIN first.
    let kiosk = expect_context::<crate::kiosk::Kiosk>();
    // Drawn again in a newly chosen language.
    move || {
        let w = words();
        browser::set_title(w.this_device);
        browser::focus_page();
        if kiosk.survey_id().is_some() {
            return view! {
                <h1 class="heading-l" id="page-heading" tabindex="-1">{w.this_device}</h1>
                <p class="body">{w.kiosk_locked}</p>
                <p class="body"><a href="/kiosk/exit">{w.leave_kiosk}</a></p>
            }
            .into_any();
        }
        view! {
            <h1 class="heading-l" id="page-heading" tabindex="-1">{w.this_device}</h1>
            <h2 class="heading-m">{w.answers_on_device}</h2>
            <OutboxStatus/>
            {move || (outbox.refused.get() > 0).then(|| view! {
                <p class="body">{(w.refused_by_server)(outbox.refused.get())}</p>
            })}
            <p class="body">{w.device_explain}</p>
            <button class="button button--secondary" type="button" on:click=download>{w.download_waiting}</button>
            <p class="body" role="status">{move || message.get()}</p>
            <h2 class="heading-m">{w.shared_tablet}</h2>
            <p class="body"><a href="/kiosk">{w.set_up_kiosk}</a></p>
        }
        .into_any()
    }
}
