//! The "you said, we did" editor: for each approved theme, what was decided, who owns it,
//! where it has got to and by when; then publishing it for everyone.

use super::consultation::{consultation_resource, with_consultation};
use super::session::Auth;
use crate::api::{self, Change};
use crate::browser;
use crate::components::form::{Notice, Problems, Select, TextArea, TextInput};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use tellus_core::Consultation;
use tellus_core::account::Permission;
use tellus_core::board::Publish;
use tellus_core::said_did::{Action, ActionStatus, Actions, ActionsPage};

/// `/manage/c/:id/you-said-we-did`.
#[component]
pub fn SaidDidEditor() -> impl IntoView {
    let (_, resource) = consultation_resource();
    with_consultation(resource, move |c| {
        browser::set_title(&format!("You said, we did: {}", c.title));
        browser::focus_page();
        view! { <Editor c=c/> }
    })
}

fn status_key(s: ActionStatus) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// One theme's row of the form.
#[derive(Clone, Copy)]
struct Row {
    decision: RwSignal<String>,
    owner: RwSignal<String>,
    status: RwSignal<String>,
    date: RwSignal<String>,
}

#[component]
fn Editor(c: Consultation) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let manage = auth.can(Permission::ManageConsultations);
    let page = RwSignal::new(None::<Result<ActionsPage, api::ClientError>>);
    let url = format!("/api/manage/consultations/{}/you-said-we-did", c.id);
    {
        let url = url.clone();
        leptos::task::spawn_local(async move {
            page.set(Some(auth.get::<ActionsPage>(&url).await));
        });
    }
    let problems = Problems::new();
    let saved = RwSignal::new(None::<String>);
    let public = format!("/you-said-we-did/{}", c.id);
    let body = move || {
        match page.get() {
        None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
        Some(Err(e)) => view! { <div class="notification" role="alert"><p class="body">{e.to_string()}</p></div> }.into_any(),
        Some(Ok(p)) if p.themes.is_empty() => view! {
            <p class="body">"Approve themes on the themes page first: each approved theme gets a row here."</p>
        }.into_any(),
        Some(Ok(p)) => {
            let rows: Vec<(String, String, Row)> = p
                .themes
                .iter()
                .map(|(id, label)| {
                    let a = p.actions.get(id).cloned().unwrap_or_default();
                    (id.clone(), label.clone(), Row {
                        decision: RwSignal::new(a.decision),
                        owner: RwSignal::new(a.owner),
                        status: RwSignal::new(status_key(a.status)),
                        date: RwSignal::new(a.date.unwrap_or_default()),
                    })
                })
                .collect();
            let published = p.published;
            let rows_for_save = rows.clone();
            let save_url = url.clone();
            let on_submit = move |ev: SubmitEvent| {
                ev.prevent_default();
                saved.set(None);
                let actions: Actions = rows_for_save
                    .iter()
                    .map(|(id, _, r)| {
                        (id.clone(), Action {
                            decision: r.decision.get_untracked(),
                            owner: r.owner.get_untracked(),
                            status: serde_json::from_value(serde_json::Value::String(r.status.get_untracked())).unwrap_or_default(),
                            date: Some(r.date.get_untracked()).filter(|d| !d.trim().is_empty()),
                        })
                    })
                    .collect();
                let url = save_url.clone();
                leptos::task::spawn_local(async move {
                    match api::send::<_, ActionsPage>(Change::Put, &url, &actions).await {
                        Ok(p) => {
                            problems.clear();
                            saved.set(Some(if p.published { "Saved. Publish again to update the public page.".into() } else { "Saved.".into() }));
                        }
                        Err(e) => {
                            auth.check(&e);
                            problems.show_error(&e, "form", "You said, we did");
                        }
                    }
                });
            };
            let publish_url = format!("{url}/publish");
            let publish = move |on: bool| {
                let url = publish_url.clone();
                move |_| {
                    let url = url.clone();
                    leptos::task::spawn_local(async move {
                        match api::send::<_, ActionsPage>(Change::Post, &url, &Publish { publish: on }).await {
                            Ok(p) => {
                                problems.clear();
                                saved.set(Some(if on { "Published.".into() } else { "Taken down from the public page.".into() }));
                                page.set(Some(Ok(p)));
                            }
                            Err(e) => {
                                auth.check(&e);
                                problems.show_error(&e, "form", "You said, we did");
                            }
                        }
                    });
                }
            };
            let statuses: Vec<(String, String)> = ActionStatus::ALL.iter().map(|s| (status_key(*s), s.label().to_string())).collect();
            view! {
                <p class="body">{if published { "Published. " } else { "Not published yet. " }}
                    <a href=public.clone()>"See the public page"</a></p>
                <form novalidate on:submit=on_submit id="form">
                    {rows.into_iter().map(|(id, label, r)| view! {
                        <fieldset class="fieldset said-did__row">
                            <legend class="fieldset__legend fieldset__legend--m">{format!("You said: {label}")}</legend>
                            <TextArea id=format!("{id}.decision") label="What we decided" hint="Plain words people will read, for example We will publish waiting times each month" value=r.decision problems=problems rows=3/>
                            <TextInput id=format!("{id}.owner") label="Who is responsible" hint="A team or role, for example Therapies commissioner" value=r.owner problems=problems/>
                            <Select id=format!("{id}.status") label="Where it has got to" value=r.status options=statuses.clone() problems=problems/>
                            <TextInput id=format!("{id}.date") label="By when (optional)" kind="date" value=r.date problems=problems width="date"/>
                        </fieldset>
                    }).collect_view()}
                    {manage.then(|| view! { <button class="button" type="submit">"Save"</button> })}
                </form>
                {manage.then(|| view! {
                    <div class="button-group">
                        <button type="button" class="button button--secondary" on:click=publish(true)>{if published { "Publish again with these changes" } else { "Publish" }}</button>
                        {published.then(|| view! { <button type="button" class="button button--warning" on:click=publish(false)>"Take down"</button> })}
                    </div>
                })}
            }.into_any()
        }
    }
    };
    view! {
        <a href=format!("/manage/c/{}", c.id) class="back-link">{format!("Back to {}", c.title)}</a>
        <span class="caption">{c.title.clone()}</span>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"You said, we did"</h1>
        <p class="body">"For each approved theme, say what will happen. The public page, with an easy-read version with pictures, is linked from every survey's start and thank-you pages once published."</p>
        {problems.summary()}
        <Notice message=saved/>
        {body}
    }
}
