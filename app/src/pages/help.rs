//! "Need to talk?": where a child, or an adult worried about a child, can get help now.

use crate::browser;
use crate::components::layout::BackLink;
use crate::pages::survey::with_survey;
use leptos::prelude::*;

/// The help everyone gets, and the local contact when the consultation gives one.
#[component]
fn HelpContent(local: Option<String>) -> impl IntoView {
    browser::set_title("Need to talk?");
    browser::focus_page();
    view! {
        <h1 class="heading-l" id="page-heading" tabindex="-1">"Need to talk?"</h1>
        <p class="body-l">"If you are worried, or someone is hurting you, talk to a grown-up you trust. That could be a teacher, your mum, dad or carer, or the person helping you with this survey."</p>
        <h2 class="heading-m">"Childline"</h2>
        <p class="body">"Call "<strong>"0800 1111"</strong>". It is free, and the number does not show on phone bills. You can talk to Childline about anything, day or night."</p>
        <h2 class="heading-m">"If you are in danger now"</h2>
        <p class="body">"Call "<strong>"999"</strong>"."</p>
        {local.map(|contact| view! {
            <h2 class="heading-m">"Near you"</h2>
            <p class="body">{contact}</p>
        })}
        <p class="body">"Your answers so far are kept on this device. You can carry on with the survey whenever you are ready."</p>
    }
}

/// From outside a survey.
#[component]
pub fn HelpPage() -> impl IntoView {
    view! {
        <BackLink href="/".to_string()/>
        <HelpContent local=None/>
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
