//! The participant app as a whole: the contexts every page shares, and the routes.
//!
//! Mounted in the browser by `tellus-app`; rendered once on the server (see `prerender`) so a
//! survey's page shows before the WebAssembly arrives.

use crate::{browser, components, kiosk, language, outbox, pages, state};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// The app as the browser mounts it.
#[component]
pub fn App() -> impl IntoView {
    provide_contexts(language::Lang::start(Default::default()));
    view! { <Pages/> }
}

/// Provides what every page of the participant app reads: the language (`lang`), the
/// outbox, kiosk mode, the last receipt and the easy-read switch.
pub fn provide_contexts(lang: language::Lang) {
    provide_context(lang);
    provide_context(outbox::Outbox::start());
    provide_context(kiosk::Kiosk::load());
    provide_context(state::LastReceipt(RwSignal::new(None)));
    // Easier words stay on for the next questions once chosen on this device.
    let easy = RwSignal::new(browser::load::<bool>("tellus:easy-read").unwrap_or(false));
    // Kept only while on, so a device where nobody chose it stores nothing.
    Effect::new(move |_| {
        if easy.get() {
            browser::save("tellus:easy-read", &true);
        } else {
            browser::forget("tellus:easy-read");
        }
    });
    provide_context(components::question::EasyRead(easy));
}

/// Header, routes and footer, over the contexts of [`provide_contexts`].
#[component]
pub fn Pages() -> impl IntoView {
    view! {
        <Router>
            <components::layout::SkipLink/>
            <components::layout::Header/>
            <div class="width-container">
                <main id="main-content" class="main-wrapper" tabindex="-1">
                    <Routes fallback=pages::not_found::NotFound>
                        <Route path=path!("/") view=pages::home::Home/>
                        <Route path=path!("/device") view=pages::device::DevicePage/>
                        <Route path=path!("/help") view=pages::help::HelpPage/>
                        <Route path=path!("/kiosk") view=pages::kiosk::KioskSetup/>
                        <Route path=path!("/kiosk/exit") view=pages::kiosk::KioskExit/>
                        <Route path=path!("/withdraw") view=pages::withdraw::WithdrawPage/>
                        <ParentRoute path=path!("/s/:survey") view=pages::survey::SurveyShell>
                            <Route path=path!("") view=pages::survey::StartPage/>
                            <Route path=path!("q/:n") view=pages::question::QuestionPage/>
                            <Route path=path!("check") view=pages::check::CheckPage/>
                            <Route path=path!("done") view=pages::done::DonePage/>
                            <Route path=path!("help") view=pages::help::SurveyHelpPage/>
                        </ParentRoute>
                    </Routes>
                </main>
            </div>
            <components::layout::Footer/>
        </Router>
    }
}
