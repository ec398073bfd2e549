//! "Need to talk?": where a child, or an adult worried about a child, can get help now.

use crate::browser;
use crate::components::layout::BackLink;
use crate::language::words;
use crate::pages::survey::with_survey;
use leptos::prelude::*;

/// The help everyone gets, and the local contact when the consultation gives one.
#[component]
fn HelpContent(local: Option<String>) -> impl IntoView {
    let w = words();
    browser::set_title(w.need_to_talk);
    browser::focus_page();
    view! {
        <h1 class="heading-l" id="page-heading" tabindex="-1">{w.need_to_talk}</h1>
        <p class="body-l">{w.help_intro}</p>
        <h2 class="heading-m">"Childline"</h2>
        <p class="body">{w.call}<strong dir="ltr">"0800 1111"</strong>{w.childline_free}</p>
        <h2 class="heading-m">{w.in_danger_now}</h2>
        <p class="body">{w.call}<strong dir="ltr">"999"</strong>"."</p>
        {local.map(|contact| view! {
            <h2 class="heading-m">{w.near_you}</h2>
            <p class="body">{contact}</p>
        })}
        <p class="body">{w.help_answers_kept}</p>
    }
}

/// From outside a survey.
#[component]
pub fn HelpPage() -> impl IntoView {
    // Drawn again in a newly chosen language.
    move || {
        let _ = words();
        view! {
            <BackLink href="/".to_string()/>
            <HelpContent local=None/>
        }
    }
}

/// From inside a survey: with the consultation's local contact and a way back.
#[component]
pub fn SurveyHelpPage() -> impl IntoView {
    with_survey(|page| {
        view! {
            <BackLink href=format!("/s/{}", page.survey.id)/>
            <HelpContent local=page.safeguarding_contact.clone()/>
        }
    })
}
