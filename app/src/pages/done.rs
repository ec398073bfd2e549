//! The confirmation page.

use crate::browser;
use crate::pages::survey::with_survey;
use leptos::prelude::*;

/// Thank you, and what happens next.
#[component]
pub fn DonePage() -> impl IntoView {
    with_survey(move |page| {
        browser::set_title("Thank you: your answers have been sent");
        request_animation_frame(|| browser::focus("page-heading"));
        let again = format!("/s/{}", page.survey.id);
        view! {
            <div class="panel">
                <h1 class="panel__title" id="page-heading" tabindex="-1">"Thank you"</h1>
                <div class="panel__body">"Your answers have been sent"</div>
            </div>
            <h2 class="heading-m">"What happens next"</h2>
            <p class="body">{page.what_happens_next.clone()}</p>
            <p class="body">
                <a href=again>"Answer the survey again for someone else on this device"</a>
            </p>
            <p class="body"><a href="/">"See all surveys"</a></p>
        }
    })
}
