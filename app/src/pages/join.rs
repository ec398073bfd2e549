//! Joining an event with its code (typed, or from the QR code on the screen).

use crate::api::{self, Change};
use crate::browser;
use crate::components::form::{Problems, TextInput};
use crate::language::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use tellus_core::event::{Join, Joined, normalise_code};
use uuid::Uuid;

/// Where this device keeps its place in an event: a random id, never a name.
pub fn participant_key(code: &str) -> String {
    format!("tellus:event:{code}")
}

/// Joins (or rejoins, keeping this device's place) and remembers the place.
pub async fn join(code: &str, group: Option<String>) -> Result<Joined, api::ClientError> {
    let canonical = normalise_code(code).unwrap_or_else(|| code.trim().to_string());
    let body = Join {
        code: canonical.clone(),
        group,
        participant: browser::load::<Uuid>(&participant_key(&canonical)),
    };
    let joined: Joined = api::send(Change::Post, "/api/events/join", &body).await?;
    browser::save(&participant_key(&joined.code), &joined.participant);
    Ok(joined)
}

/// `/join` and `/join/:code`: the code, and a table or group if the room uses them.
#[component]
pub fn JoinPage() -> impl IntoView {
    browser::focus_page();
    let params = use_params_map();
    let navigate = use_navigate();
    let code = RwSignal::new(params.read_untracked().get("code").unwrap_or_default());
    let group = RwSignal::new(String::new());
    let problems = Problems::new();
    let joining = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if joining.get_untracked() {
            return;
        }
        let typed = code.get_untracked();
        if normalise_code(&typed).is_none() {
            let w = words().event;
            problems.show_local(&[("code", w.code_error)], w.join_title);
            return;
        }
        let group = Some(group.get_untracked().trim().to_string()).filter(|g| !g.is_empty());
        let navigate = navigate.clone();
        joining.set(true);
        leptos::task::spawn_local(async move {
            match join(&typed, group).await {
                Ok(joined) => navigate(&format!("/event/{}", joined.code), Default::default()),
                Err(e) => problems.show_error(&e, "code", words().event.join_title),
            }
            joining.set(false);
        });
    };
    // Drawn again in another language when the device switches; what was typed is kept.
    move || {
        let w = words().event;
        browser::set_title(w.join_title);
        view! {
            <h1 class="heading-xl" id="page-heading" tabindex="-1">{w.join_title}</h1>
            <p class="body">{w.join_intro}</p>
            {problems.summary()}
            <form novalidate on:submit=on_submit.clone() class="narrow">
                <TextInput id="code" label=w.code_label hint=w.code_hint value=code problems=problems width="code" autocomplete="off"/>
                <TextInput id="group" label=w.group_label hint=w.group_hint value=group problems=problems width="20" autocomplete="off"/>
                <button class="button" type="submit" aria-disabled=move || joining.get().then_some("true")>{w.join}</button>
            </form>
        }
    }
}
