//! Who is signed in, the sign-in page, and the workspace's frame with its navigation.

use crate::api::{self, Change, ClientError};
use crate::browser;
use crate::components::form::{Problems, TextInput};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use tellus_core::account::{Permission, SessionInfo, SignIn};
use tellus_core::safeguarding;

/// The signed-in person, shared by every workspace page.
#[derive(Clone, Copy)]
pub struct Auth {
    pub session: RwSignal<Option<SessionInfo>>,
    /// Whether the server has been asked yet.
    pub checked: RwSignal<bool>,
}

impl Auth {
    /// Whether the signed-in role carries a permission.
    pub fn can(&self, permission: Permission) -> bool {
        self.session
            .with(|s| s.as_ref().is_some_and(|s| s.role.can(permission)))
    }

    /// Deals with an error from the server: a 401 means the session has ended.
    pub fn check(&self, error: &ClientError) {
        if error.needs_sign_in() {
            self.session.set(None);
        }
    }

    /// `GET`s a JSON resource; a 401 shows the sign-in form again.
    pub async fn get<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, ClientError> {
        let result = api::get::<T>(url).await;
        if let Err(e) = &result {
            self.check(e);
        }
        result
    }

    fn start(&self, info: SessionInfo) {
        api::set_csrf_token(&info.csrf_token);
        self.session.set(Some(info));
    }
}

/// The workspace's frame: asks who is signed in, then shows the sign-in form or the page.
#[component]
pub fn ManageShell() -> impl IntoView {
    let auth = Auth {
        session: RwSignal::new(None),
        checked: RwSignal::new(false),
    };
    provide_context(auth);
    provide_context(Waiting::default());
    leptos::task::spawn_local(async move {
        if let Ok(info) = api::get::<SessionInfo>("/api/session").await {
            auth.start(info);
        }
        auth.checked.set(true);
    });
    view! {
        {move || {
            if !auth.checked.get() {
                view! { <p class="body" role="status">"Loading…"</p> }.into_any()
            } else if auth.session.with(Option::is_none) {
                view! { <SignInPage/> }.into_any()
            } else {
                view! { <WorkspaceNav/> <Outlet/> }.into_any()
            }
        }}
    }
}

/// Links to the workspace's sections the role can use, and sign out.
#[component]
fn WorkspaceNav() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            let _ = api::send_empty(Change::Delete, "/api/session").await;
            auth.session.set(None);
        });
    };
    let who = move || {
        auth.session.with(|s| {
            s.as_ref()
                .map(|s| format!("{} ({})", s.email, s.role.label()))
        })
    };
    view! {
        <nav class="workspace-nav" aria-label="Workspace">
            <ul class="workspace-nav__list">
                <li><a href="/manage" class="workspace-nav__link">"Consultations"</a></li>
                {move || auth.can(Permission::ReadFlagged).then(|| view! {
                    <li><a href="/manage/safeguarding" class="workspace-nav__link">"Safeguarding" <WaitingCount/></a></li>
                }.into_any())}
                {move || auth.can(Permission::ManageUsers).then(|| view! {
                    <li><a href="/manage/users" class="workspace-nav__link">"Accounts"</a></li>
                })}
                {move || auth.can(Permission::ReadAudit).then(|| view! {
                    <li><a href="/manage/audit" class="workspace-nav__link">"Audit log"</a></li>
                })}
            </ul>
            <p class="workspace-nav__who">
                <span>"Signed in as " {who}</span>
                <button type="button" class="button button--secondary button--small" on:click=sign_out>"Sign out"</button>
            </p>
        </nav>
    }
}

/// What waits for the safeguarding lead changed: pages that hold, clear or re-check
/// answers say so, and the count beside Safeguarding is looked up again at once.
#[derive(Clone, Copy, Default)]
pub struct Waiting(RwSignal<u32>);

impl Waiting {
    /// Asks for a fresh count (after a clear, a report or saving the phrase list).
    pub fn changed() {
        if let Some(w) = use_context::<Waiting>() {
            w.0.update(|v| *v += 1);
        }
    }
}

/// How many answers and notes wait for the safeguarding lead, beside the Safeguarding
/// link: looked up on every page, whenever a page changes it, and every 30 seconds.
#[component]
fn WaitingCount() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let changes = expect_context::<Waiting>();
    let waiting = RwSignal::new(None::<safeguarding::Waiting>);
    let refresh = move || {
        leptos::task::spawn_local(async move {
            match api::get::<safeguarding::Waiting>("/api/manage/safeguarding/waiting").await {
                Ok(w) => waiting.set(Some(w)),
                Err(e) => auth.check(&e),
            }
        });
    };
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        changes.0.track();
        refresh();
    });
    browser::every(std::time::Duration::from_secs(30), refresh);
    move || {
        waiting
            .get()
            .filter(|w| w.responses + w.notes > 0)
            .map(|w| {
                let n = w.responses + w.notes;
                view! {
                    <span class="tag tag--red" data-testid="waiting-count">{n}</span>
                    <span class="visually-hidden">" waiting for you"</span>
                }
            })
    }
}

/// Sign in with email and password; the same message whichever was wrong.
#[component]
fn SignInPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    browser::set_title("Sign in");
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problems = Problems::new();
    let busy = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut missing = Vec::new();
        if email.get_untracked().trim().is_empty() {
            missing.push(("email", "Enter your email address"));
        }
        if password.get_untracked().is_empty() {
            missing.push(("password", "Enter your password"));
        }
        if !missing.is_empty() {
            problems.show_local(&missing, "Sign in");
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let form = SignIn {
                email: email.get_untracked(),
                password: password.get_untracked(),
            };
            match api::send::<_, SessionInfo>(Change::Post, "/api/session", &form).await {
                Ok(info) => auth.start(info),
                Err(error) => {
                    password.set(String::new());
                    problems.show_error(&error, "email", "Sign in");
                }
            }
            busy.set(false);
        });
    };
    view! {
        <div class="narrow">
            <h1 class="heading-xl" id="page-heading" tabindex="-1">"Sign in"</h1>
            <p class="body">"For facilitators, safeguarding leads and administrators. People answering surveys never need to sign in."</p>
            {problems.summary()}
            <form novalidate on:submit=on_submit>
                <TextInput id="email" label="Email address" value=email kind="email" autocomplete="username" problems=problems/>
                <TextInput id="password" label="Password" value=password kind="password" autocomplete="current-password" problems=problems/>
                <button class="button" type="submit" disabled=move || busy.get()>"Sign in"</button>
            </form>
        </div>
    }
}
