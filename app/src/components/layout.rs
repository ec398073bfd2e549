//! Page furniture in the GOV.UK Design System's patterns: skip link, header, footer,
//! back link and the error summary.

use crate::kiosk::Kiosk;
use crate::language::{LanguageSwitch, words};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use tellus_core::FieldError;

/// Lets keyboard users jump past the header.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a href="#main-content" class="skip-link">{move || words().skip_link}</a> }
}

/// The service header; in kiosk mode its link leads back to the kiosk's survey only.
#[component]
pub fn Header() -> impl IntoView {
    let kiosk = expect_context::<Kiosk>();
    let home = move || {
        kiosk
            .survey_id()
            .map(|id| format!("/s/{id}"))
            .unwrap_or_else(|| "/".into())
    };
    // Inside a survey, help includes the consultation's local contact.
    let location = use_location();
    let help = move || {
        let path = location.pathname.get();
        let mut parts = path.trim_start_matches('/').split('/');
        match (parts.next(), parts.next()) {
            (Some("s"), Some(id)) if !id.is_empty() => format!("/s/{id}/help"),
            _ => "/help".to_string(),
        }
    };
    view! {
        <header class="header">
            <div class="width-container header__container">
                <a href=home class="header__service-name">"Tellus"</a>
                <span class="header__tagline">{move || words().tagline}</span>
                <a href=help class="header__help">{move || words().need_to_talk}</a>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

/// The footer, which says plainly what Tellus does with people's data.
#[component]
pub fn Footer() -> impl IntoView {
    let kiosk = expect_context::<Kiosk>();
    view! {
        <footer class="footer">
            <div class="width-container">
                <crate::outbox::OutboxStatus/>
                // Only the device knows whether it is a kiosk: a page drawn on the server leaves
                // the link for the app to add, so no kiosk tablet ever shows "This device".
                {move || match (crate::browser::window(), kiosk.survey_id()) {
                    (None, _) => ().into_any(),
                    (Some(_), Some(_)) => view! { <p><a href="/kiosk/exit" class="footer__link">{words().leave_kiosk}</a></p> }.into_any(),
                    (Some(_), None) => view! { <p><a href="/device" class="footer__link">{words().this_device}</a></p> }.into_any(),
                }}
                <p>{move || words().footer_privacy}</p>
            </div>
        </footer>
    }
}

/// A link back to the previous step.
#[component]
pub fn BackLink(href: String) -> impl IntoView {
    view! { <a href=href class="back-link">{move || words().back}</a> }
}

/// The "There is a problem" box: focused when shown, each error linking to its field.
#[component]
pub fn ErrorSummary(errors: Vec<(FieldError, String)>) -> impl IntoView {
    view! {
        <div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 class="error-summary__title" id="error-summary-title">{words().there_is_a_problem}</h2>
            <ul class="error-summary__list">
                {errors
                    .into_iter()
                    .map(|(error, href)| view! { <li><a href=href>{error.message}</a></li> })
                    .collect_view()}
            </ul>
        </div>
    }
}
