//! Accounts, for administrators: add, change role, remove.

use super::session::Auth;
use crate::api::{self, Change};
use crate::browser;
use crate::components::form::{Notice, Problems, Select, TextInput, date_time};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use tellus_core::account::{Account, NewAccount, Role, RoleChange};

fn role_options() -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| (r.key().to_string(), r.label().to_string()))
        .collect()
}

/// `/manage/users`.
#[component]
pub fn UsersPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    browser::set_title("Accounts");
    browser::focus_page();
    let accounts =
        LocalResource::new(move || async move { auth.get::<Vec<Account>>("/api/users").await });
    let notice = RwSignal::new(None::<String>);
    let problems = Problems::new();
    view! {
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Accounts"</h1>
        <dl class="summary-list">
            {Role::ALL.iter().rev().map(|r| view! {
                <div class="summary-list__row"><dt class="summary-list__key">{r.label()}</dt><dd class="summary-list__value">{r.describe()}</dd></div>
            }).collect_view()}
        </dl>
        {problems.summary()}
        <Notice message=notice/>
        {move || match accounts.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <div class="notification" role="alert"><p class="body">{e.to_string()}</p></div> }.into_any(),
            Some(Ok(list)) => view! {
                <table class="table">
                    <caption class="visually-hidden">"Accounts"</caption>
                    <thead><tr>
                        <th scope="col">"Email"</th><th scope="col">"Role"</th><th scope="col">"Added"</th><th scope="col">"Actions"</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|a| view! { <AccountRow a=a accounts=accounts notice=notice problems=problems/> }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
        <AddAccountForm accounts=accounts notice=notice/>
    }
}

#[component]
fn AccountRow(
    a: Account,
    accounts: LocalResource<Result<Vec<Account>, api::ClientError>>,
    notice: RwSignal<Option<String>>,
    problems: Problems,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let role = RwSignal::new(a.role.key().to_string());
    let confirming = RwSignal::new(false);
    let email = a.email.clone();
    let field = format!("role-{}", a.email.replace(['@', '.'], "-"));
    let change_role = {
        let email = email.clone();
        move |_| {
            let email = email.clone();
            let Some(new) = Role::from_key(&role.get_untracked()) else {
                return;
            };
            leptos::task::spawn_local(async move {
                let url = format!("/api/users/{email}/role");
                match api::send::<_, Account>(Change::Put, &url, &RoleChange { role: new }).await {
                    Ok(_) => {
                        problems.clear();
                        notice.set(Some(format!("{email} is now {}.", new.label())));
                        accounts.refetch();
                    }
                    Err(e) => {
                        auth.check(&e);
                        problems.show_error(&e, "new-email", "Accounts");
                    }
                }
            });
        }
    };
    let remove = {
        let email = email.clone();
        move |_| {
            if !confirming.get_untracked() {
                confirming.set(true);
                return;
            }
            let email = email.clone();
            leptos::task::spawn_local(async move {
                match api::send_empty(Change::Delete, &format!("/api/users/{email}")).await {
                    Ok(()) => {
                        problems.clear();
                        notice.set(Some(format!("Removed {email}; they are signed out.")));
                        accounts.refetch();
                    }
                    Err(e) => {
                        auth.check(&e);
                        confirming.set(false);
                        problems.show_error(&e, "new-email", "Accounts");
                    }
                }
            });
        }
    };
    view! {
        <tr>
            <td>{a.email.clone()}</td>
            <td>
                <label class="visually-hidden" for=field.clone()>{format!("Role of {}", a.email)}</label>
                <select class="select select--small" id=field on:change=move |ev| role.set(event_target_value(&ev))>
                    {role_options().into_iter().map(|(k, w)| {
                        let selected = k == a.role.key();
                        view! { <option value=k selected=selected>{w}</option> }
                    }).collect_view()}
                </select>
            </td>
            <td>{date_time(a.created_at)}</td>
            <td class="table__actions">
                <button type="button" class="button button--secondary button--small" on:click=change_role>
                    "Change role" <span class="visually-hidden">{format!(" of {}", a.email)}</span></button>
                <button type="button" class="button button--warning button--small" on:click=remove>
                    {move || if confirming.get() { "Confirm removal" } else { "Remove" }}
                    <span class="visually-hidden">{format!(" {}", a.email)}</span></button>
            </td>
        </tr>
    }
}

/// A new account with a first password to give the person privately.
#[component]
fn AddAccountForm(
    accounts: LocalResource<Result<Vec<Account>, api::ClientError>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Facilitator.key().to_string());
    let password = RwSignal::new(String::new());
    let problems = Problems::new();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = NewAccount {
            email: email.get_untracked(),
            role: Role::from_key(&role.get_untracked()).unwrap_or(Role::Viewer),
            password: password.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match api::send::<_, Account>(Change::Post, "/api/users", &body).await {
                Ok(a) => {
                    problems.clear();
                    email.set(String::new());
                    password.set(String::new());
                    notice.set(Some(format!(
                        "Added {} as {}. Give them their password privately.",
                        a.email,
                        a.role.label()
                    )));
                    accounts.refetch();
                }
                Err(e) => {
                    auth.check(&e);
                    problems.show_error(&e, "email", "Accounts");
                }
            }
        });
    };
    view! {
        <h2 class="heading-l">"Add an account"</h2>
        {problems.summary_linking(|f| format!("new-{}", crate::components::form::field_id(f)))}
        <form novalidate on:submit=on_submit class="narrow">
            <TextInput id="new-email" label="Email address" kind="email" autocomplete="off" value=email problems=problems/>
            <Select id="new-role" label="Role" value=role options=role_options() problems=problems/>
            <TextInput id="new-password" label="First password" hint="At least 12 characters. Several words together work well." kind="password" autocomplete="new-password" value=password problems=problems/>
            <button class="button" type="submit">"Add account"</button>
        </form>
    }
}
