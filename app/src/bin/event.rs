//! The events and results app, served at `/join`, `/event/...`, `/you-said-we-did/...` and
//! `/results/...`: joining an event, taking part live, and reading what people said and what
//! is being done. Built apart from the survey app so that children answering a survey never
//! download it.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use tellus_app::components::layout::SkipLink;
use tellus_app::components::question::EasyRead;
use tellus_app::language::{Lang, LanguageSwitch, words};
use tellus_app::pages;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(EventApp);
}

/// Header, the event routes, footer. Links to the survey app load it as a new page.
#[component]
fn EventApp() -> impl IntoView {
    // Easy read is chosen per page here; nothing is kept on the device.
    provide_context(EasyRead(RwSignal::new(false)));
    // The device's language, shared with the survey app (a child who chose Welsh there has it here).
    provide_context(Lang::start(Default::default()));
    view! {
        <Router>
            <SkipLink/>
            <header class="header">
                <div class="width-container header__container">
                    <a href="/" rel="external" class="header__service-name">"Tellus"</a>
                    <span class="header__tagline">{move || words().tagline}</span>
                    <a href="/help" rel="external" class="header__help">{move || words().need_to_talk}</a>
                    <LanguageSwitch/>
                </div>
            </header>
            <div class="width-container">
                <main id="main-content" class="main-wrapper" tabindex="-1">
                    <Routes fallback=pages::not_found::NotFound>
                        <Route path=path!("/join") view=pages::join::JoinPage/>
                        <Route path=path!("/join/:code") view=pages::join::JoinPage/>
                        <Route path=path!("/event/:code") view=pages::event::EventPage/>
                        <Route path=path!("/you-said-we-did/:id") view=pages::said_did::SaidDidPage/>
                        <Route path=path!("/results/:id") view=pages::results::ResultsPage/>
                    </Routes>
                </main>
            </div>
            <footer class="footer">
                <div class="width-container">
                    <p>{move || words().event.footer}</p>
                </div>
            </footer>
        </Router>
    }
}
