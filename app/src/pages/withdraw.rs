//! Taking answers back with a receipt code.

use crate::api::{self, Change};
use crate::browser;
use crate::components::form::{Problems, TextInput};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use tellus_core::manage::Withdrawal;

/// A form for the receipt code; the answers are deleted for good.
#[component]
pub fn WithdrawPage() -> impl IntoView {
    browser::set_title("Take your answers back");
    browser::focus_page();
    let code = RwSignal::new(String::new());
    let problems = Problems::new();
    let done = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if code.get_untracked().trim().is_empty() {
            problems.show_local(
                &[("code", "Enter the receipt code from the end of the survey")],
                "Take your answers back",
            );
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
                    browser::set_title("Your answers have been taken back");
                    request_animation_frame(|| browser::focus("page-heading"));
                }
                Err(e) => problems.show_error(&e, "code", "Take your answers back"),
            }
        });
    };
    view! {
        {move || if done.get() {
            view! {
                <div class="panel">
                    <h1 class="panel__title" id="page-heading" tabindex="-1">"Your answers have been taken back"</h1>
                    <div class="panel__body">"They are deleted and will not be used."</div>
                </div>
                <p class="body"><a href="/">"See all surveys"</a></p>
            }.into_any()
        } else {
            view! {
                <h1 class="heading-xl" id="page-heading" tabindex="-1">"Take your answers back"</h1>
                <p class="body">"Changed your mind? Enter the receipt code you got at the end of the survey. Your answers will be deleted for good. You can do this until the survey closes."</p>
                {problems.summary()}
                <form novalidate on:submit=on_submit class="narrow">
                    <TextInput id="code" label="Receipt code" hint="8 letters and numbers, like ABCD-1234" value=code problems=problems width="code" autocomplete="off"/>
                    <button class="button" type="submit">"Take my answers back"</button>
                </form>
            }.into_any()
        }}
    }
}
