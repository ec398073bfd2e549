use crate::browser;
use leptos::prelude::*;

/// Shown for any address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    browser::set_title("Page not found");
    browser::focus_page();
    view! {
        <h1 class="heading-l" id="page-heading" tabindex="-1">"Page not found"</h1>
        <p class="body">"If you typed the web address, check it is correct."</p>
        <p class="body">"If you followed a link or scanned a code, ask the person who gave it to you for a new one."</p>
        <p class="body"><a href="/" rel="external">"See all surveys"</a></p>
    }
}
