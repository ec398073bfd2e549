use crate::browser;
use crate::language::words;
use leptos::prelude::*;

/// Shown for any address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    move || {
        let w = words();
        browser::set_title(w.page_not_found);
        browser::focus_page();
        view! {
            <h1 class="heading-l" id="page-heading" tabindex="-1">{w.page_not_found}</h1>
            <p class="body">{w.typed_address}</p>
            <p class="body">{w.followed_link}</p>
            <p class="body"><a href="/" rel="external">{w.see_all_surveys}</a></p>
        }
    }
}
