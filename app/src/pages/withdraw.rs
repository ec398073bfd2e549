//! Taking answers back with a receipt code.

use crate::api::{self, Change, ClientError};
use crate::browser;
use crate::components::form::{Problems, TextInput};
use crate::language::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use tellus_core::language::Words;
use tellus_core::manage::Withdrawal;

/// What went wrong, in the page's language: the server's refusals are known by their status.
fn problem(error: &ClientError, w: &Words) -> &'static str {
    match error {
        ClientError::Network => w.no_connection,
        ClientError::Server(404, _) => w.code_not_found,
        ClientError::Server(409, _) => w.withdrawal_closed,
        ClientError::Server(429, _) => w.too_many_tries,
        _ => w.code_format,
    }
}

/// A form for the receipt code; the answers are deleted for good.
#[component]
pub fn WithdrawPage() -> impl IntoView {
    let code = RwSignal::new(String::new());
    let problems = Problems::new();
    let done = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let w = words();
        if code.get_untracked().trim().is_empty() {
            problems.show_local(&[("code", w.enter_receipt_code)], w.take_back_title);
            return;
        }
        let body = Withdrawal {
            code: code.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match api::send::<_, serde_json::Value>(Change::Post, "/api/withdraw", &body).await {
                Ok(_) => {
                    problems.clear();
                    done.set(true);
                    browser::set_title(w.taken_back_title);
                    request_animation_frame(|| browser::focus("page-heading"));
                }
                Err(e) => problems.show_local(&[("code", problem(&e, w))], w.take_back_title),
            }
        });
    };
    // Drawn again in a newly chosen language.
    move || {
        let w = words();
        if done.get() {
            view! {
                <div class="panel">
                    <h1 class="panel__title" id="page-heading" tabindex="-1">{w.taken_back_title}</h1>
                    <div class="panel__body">{w.taken_back_body}</div>
                </div>
                <p class="body"><a href="/">{w.see_all_surveys}</a></p>
            }
            .into_any()
        } else {
            browser::set_title(w.take_back_title);
            browser::focus_page();
            view! {
                <h1 class="heading-xl" id="page-heading" tabindex="-1">{w.take_back_title}</h1>
                <p class="body">{w.take_back_intro}</p>
                {problems.summary()}
                <form novalidate on:submit=on_submit class="narrow">
                    <TextInput id="code" label=w.receipt_code_label hint=w.receipt_code_hint value=code problems=problems width="code" autocomplete="off"/>
                    <button class="button" type="submit">{w.take_answers_back}</button>
                </form>
            }
            .into_any()
        }
    }
}
