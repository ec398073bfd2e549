//! The audit log, for administrators.

use super::session::Auth;
use crate::browser;
use crate::components::form::date_time;
use leptos::prelude::*;
use tellus_core::audit::AuditEntry;

/// `/manage/audit`: the newest entries first.
#[component]
pub fn AuditPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    browser::set_title("Audit log");
    browser::focus_page();
    let log =
        LocalResource::new(move || async move { auth.get::<Vec<AuditEntry>>("/api/audit").await });
    view! {
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Audit log"</h1>
        <p class="body">"Sign-ins, changes to accounts and consultations, views of flagged responses and exports. Times are UTC."</p>
        {move || match log.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <div class="notification" role="alert"><p class="body">{e.to_string()}</p></div> }.into_any(),
            Some(Ok(entries)) => view! {
                <table class="table">
                    <caption class="visually-hidden">"Audit log, newest first"</caption>
                    <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"What"</th><th scope="col">"Of"</th><th scope="col">"Detail"</th></tr></thead>
                    <tbody>
                        {entries.into_iter().map(|e| view! {
                            <tr><td>{date_time(e.at)}</td><td>{e.actor}</td><td>{e.action.label()}</td><td>{e.target}</td><td>{e.detail}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
    }
}
