//! The facilitator workspace app, served under `/manage`.

// The workspace's views nest deeply enough to pass the compiler's default query depth.
#![recursion_limit = "256"]

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use tellus_app::components::layout::SkipLink;
use tellus_app::manage;
use tellus_app::pages::not_found::NotFound;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(Workspace);
}

/// The workspace: header, the signed-in routes, footer.
#[component]
fn Workspace() -> impl IntoView {
    view! {
        <Router>
            <SkipLink/>
            <header class="header">
                <div class="width-container header__container">
                    <a href="/manage" class="header__service-name">"Tellus"</a>
                    <span class="header__tagline">"Workspace"</span>
                </div>
            </header>
            <div class="width-container">
                <main id="main-content" class="main-wrapper" tabindex="-1">
                    <Routes fallback=NotFound>
                        <ParentRoute path=path!("/manage") view=manage::session::ManageShell>
                            <Route path=path!("") view=manage::dashboard::Dashboard/>
                            <Route path=path!("c/:id") view=manage::consultation::ConsultationPage/>
                            <Route path=path!("c/:id/s/:survey") view=manage::builder::BuilderPage/>
                            <Route path=path!("c/:id/responses") view=manage::responses::ResponsesPage/>
                            <Route path=path!("c/:id/charts") view=manage::charts::ChartsPage/>
                            <Route path=path!("c/:id/themes") view=manage::themes::ThemesReviewPage/>
                            <Route path=path!("c/:id/summary") view=manage::summary::SummaryPage/>
                            <Route path=path!("c/:id/events") view=manage::events::EventsPage/>
                            <Route path=path!("c/:id/you-said-we-did") view=manage::said_did::SaidDidEditor/>
                            <Route path=path!("e/:id") view=manage::events::EventPage/>
                            <Route path=path!("e/:id/present") view=manage::events::PresentPage/>
                            <Route path=path!("r/:id") view=manage::responses::ResponsePage/>
                            <Route path=path!("users") view=manage::users::UsersPage/>
                            <Route path=path!("safeguarding") view=manage::safeguarding::QueuePage/>
                            <Route path=path!("safeguarding/phrases") view=manage::safeguarding::PhrasesPage/>
                            <Route path=path!("audit") view=manage::audit::AuditPage/>
                        </ParentRoute>
                    </Routes>
                </main>
            </div>
            <footer class="footer">
                <div class="width-container">
                    <p>"Signed-in staff get one cookie, which keeps them signed in. Tellus has no tracking and sends nothing to anyone else."</p>
                </div>
            </footer>
        </Router>
    }
}
