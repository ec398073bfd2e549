//! The events and results app, served at `/join`, `/event/...`, `/you-said-we-did/...` and
//! `/results/...`: joining an event, taking part live, and reading what people said and what
//! is being done. Built apart from the survey app so that children answering a survey never
//! download it.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use tellus_app::components::layout::SkipLink;
use tellus_app::components::question::EasyRead;
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
    view! {
        <Router>
            <SkipLink/>
            <header class="header">
                <div class="width-container header__container">
                    <a href="/" rel="external" class="header__service-name">"Tellus"</a>
                    <span class="header__tagline">"Tell us what you think"</span>
                    <a href="/help" rel="external" class="header__help">"Need to talk?"</a>
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
                    <p>"Tellus never asks for your name. This device keeps only a random number so it can rejoin the event. No cookies, no tracking, nothing sent to anyone else."</p>
                </div>
            </footer>
        </Router>
    }
}
