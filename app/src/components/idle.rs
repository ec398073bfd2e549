//! In kiosk mode, a survey left half-done is cleared for the next person, after a
//! warning that gives enough time to carry on with one tap.

use crate::browser;
use crate::kiosk::{IDLE_GRACE, IDLE_WARNING_AFTER};
use crate::state::SurveyState;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// Watches for inactivity on a kiosk's survey pages.
#[component]
pub fn IdleGuard() -> impl IntoView {
    let state = expect_context::<SurveyState>();
    let navigate = use_navigate();
    let kiosk = expect_context::<crate::kiosk::Kiosk>();
    let lang = use_context::<crate::language::Lang>();
    let idle = RwSignal::new(0u32);
    let reset = move || idle.set(0);
    let listeners = [
        window_event_listener(ev::pointerdown, move |_| reset()),
        window_event_listener(ev::keydown, move |_| reset()),
        window_event_listener(ev::input, move |_| reset()),
    ];
    browser::every_second(move || {
        if !state.has_progress() {
            idle.set(0);
            return;
        }
        idle.update(|s| *s += 1);
        if idle.get_untracked() >= IDLE_WARNING_AFTER + IDLE_GRACE {
            idle.set(0);
            state.clear();
            navigate(
                &format!("/s/{}", state.survey_id.get_untracked()),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
            kiosk.welcome_next(lang);
        }
    });
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
    });
    let warning = Memo::new(move |_| idle.get() >= IDLE_WARNING_AFTER);
    Effect::new(move |_| {
        if warning.get() {
            request_animation_frame(|| browser::focus("idle-continue"));
        }
    });
    move || {
        warning.get().then(|| {
            let w = crate::language::words();
            let left = move || (IDLE_WARNING_AFTER + IDLE_GRACE).saturating_sub(idle.get());
            view! {
                <div class="modal-backdrop">
                    <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
                        <h2 class="heading-m" id="idle-title">{w.still_there}</h2>
                        <p class="body" id="idle-text">
                            {move || (w.cleared_in)(left())}
                        </p>
                        <button class="button" id="idle-continue" type="button" on:click=move |_| reset()>{w.still_here}</button>
                    </div>
                </div>
            }
        })
    }
}
