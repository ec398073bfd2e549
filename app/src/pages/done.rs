//! The confirmation page.

use crate::browser;
use crate::kiosk::{Kiosk, NEXT_PERSON_AFTER};
use crate::outbox::{Outbox, SyncState};
use crate::pages::survey::with_survey;
use crate::state::LastReceipt;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// Thank you, and what happens next.
#[component]
pub fn DonePage() -> impl IntoView {
    let outbox = expect_context::<Outbox>();
    let kiosk = expect_context::<Kiosk>();
    let receipt = expect_context::<LastReceipt>().0;
    // Shown once: the next person on a shared device never sees it.
    on_cleanup(move || receipt.set(None));
    let navigate = use_navigate();
    let lang = use_context::<crate::language::Lang>();
    let sent = move || outbox.state.get() == SyncState::AllSent;
    with_survey(move |page| {
        let language = crate::language::current();
        let w = language.words();
        browser::set_title(w.thank_you_title);
        browser::focus_page();
        let again = format!("/s/{}", page.survey.id);
        let page_closes = page
            .closes_on
            .as_deref()
            .and_then(|iso| language.long_date(iso));
        let in_kiosk = kiosk.survey_id().is_some();
        // The start page for the next person, in the language the kiosk was set up in.
        let next_person = {
            let (navigate, start) = (navigate.clone(), again.clone());
            move || {
                navigate(
                    &start,
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
                kiosk.welcome_next(lang);
            }
        };
        // In kiosk mode the tablet is ready for the next person after a short pause.
        let seconds = RwSignal::new(NEXT_PERSON_AFTER);
        if in_kiosk {
            let next_person = next_person.clone();
            browser::every_second(move || {
                seconds.update(|s| *s = s.saturating_sub(1));
                if seconds.get_untracked() == 0 {
                    next_person();
                }
            });
        }
        view! {
            <div class="panel">
                <h1 class="panel__title" id="page-heading" tabindex="-1">{w.thank_you}</h1>
                <div class="panel__body">
                    {move || if sent() { w.answers_sent } else { w.answers_saved }}
                </div>
            </div>
            <h2 class="heading-m">{w.what_happens_next}</h2>
            <p class="body">{page.what_happens_next.clone()}</p>
            <crate::pages::said_did::SaidDidLink consultation_id=page.consultation_id.clone()/>
            {move || receipt.get().map(|code| {
                view! {
                    <h2 class="heading-m">{w.receipt_code}</h2>
                    <p class="body">{(w.receipt_explain)(page_closes.as_deref())}</p>
                    <p class="receipt" data-testid="receipt" dir="ltr">{code}</p>
                    <p class="body"><a href="/withdraw">{w.take_answers_back}</a></p>
                }
            })}
            {if in_kiosk {
                view! {
                    <button class="button" type="button" on:click=move |_| next_person()>{w.next_person}</button>
                    <p class="body">{move || (w.restarts_in)(seconds.get())}</p>
                }
                .into_any()
            } else {
                view! {
                    <p class="body"><a href=again>{w.answer_again}</a></p>
                    <p class="body"><a href="/">{w.see_all_surveys}</a></p>
                }
                .into_any()
            }}
        }
    })
}
