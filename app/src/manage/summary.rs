//! Preparing "What you told us": the introduction, what will be done about each approved
//! theme, the small-number threshold; publishing it; and the exports.

use super::consultation::{consultation_resource, with_consultation};
use super::session::Auth;
use crate::api::{self, Change};
use crate::browser;
use crate::components::form::{Notice, Problems, TextArea, TextInput};
use crate::pages::results::SummaryView;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use tellus_core::Consultation;
use tellus_core::account::Permission;
use tellus_core::board::{Publish, SummaryDoc, ThemesPage, WhatYouToldUs};

/// `/manage/c/:id/summary`.
#[component]
pub fn SummaryPage() -> impl IntoView {
    let (_, resource) = consultation_resource();
    with_consultation(resource, move |c| {
        browser::set_title(&format!("What you told us: {}", c.title));
        browser::focus_page();
        view! { <SummaryEditor c=c/> }
    })
}

#[component]
fn SummaryEditor(c: Consultation) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let manage = auth.can(Permission::ManageConsultations);
    let id = c.id.clone();
    let summary = RwSignal::new(None::<WhatYouToldUs>);
    let intro = RwSignal::new(String::new());
    let threshold = RwSignal::new("5".to_string());
    let actions = RwSignal::new(Vec::<(String, String, RwSignal<String>)>::new());
    let published = RwSignal::new(false);
    let problems = Problems::new();
    let notice = RwSignal::new(None::<String>);
    {
        let id = id.clone();
        leptos::task::spawn_local(async move {
            let base = format!("/api/manage/consultations/{id}");
            match api::get::<WhatYouToldUs>(&format!("{base}/what-you-told-us")).await {
                Ok(s) => {
                    intro.set(s.intro.clone());
                    threshold.set(s.threshold.to_string());
                    actions.set(
                        s.themes
                            .iter()
                            .map(|t| {
                                (
                                    t.id.clone(),
                                    t.label.clone(),
                                    RwSignal::new(t.action.clone()),
                                )
                            })
                            .collect(),
                    );
                    published.set(s.published_at.is_some());
                    summary.set(Some(s));
                }
                Err(e) => {
                    auth.check(&e);
                    problems.show_error(&e, "intro", "What you told us");
                }
            }
            if let Ok(page) = api::get::<ThemesPage>(&format!("{base}/themes")).await {
                published.set(page.published);
            }
        });
    }
    let save = {
        let id = id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            notice.set(None);
            let Ok(t) = threshold.get_untracked().trim().parse::<u32>() else {
                problems.show_local(
                    &[("threshold", "Enter a whole number, like 5")],
                    "What you told us",
                );
                return;
            };
            let doc = SummaryDoc {
                intro: intro.get_untracked(),
                actions: actions
                    .get_untracked()
                    .into_iter()
                    .map(|(tid, _, text)| (tid, text.get_untracked()))
                    .collect(),
                threshold: t,
                published_at: None,
            };
            let id = id.clone();
            leptos::task::spawn_local(async move {
                match api::send::<_, WhatYouToldUs>(
                    Change::Put,
                    &format!("/api/manage/consultations/{id}/what-you-told-us"),
                    &doc,
                )
                .await
                {
                    Ok(s) => {
                        problems.clear();
                        summary.set(Some(s));
                        notice.set(Some(
                            "Saved. The preview below shows it as it will be published.".into(),
                        ));
                    }
                    Err(e) => {
                        auth.check(&e);
                        problems.show_error(&e, "intro", "What you told us");
                    }
                }
            });
        }
    };
    let publish = {
        let id = id.clone();
        move |on: bool| {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                let url = format!("/api/manage/consultations/{id}/what-you-told-us/publish");
                match api::send::<_, WhatYouToldUs>(Change::Post, &url, &Publish { publish: on })
                    .await
                {
                    Ok(s) => {
                        problems.clear();
                        published.set(on);
                        summary.set(Some(s));
                        notice.set(Some(if on {
                            "Published. Anyone with the link can read it.".into()
                        } else {
                            "No longer published.".into()
                        }));
                    }
                    Err(e) => {
                        auth.check(&e);
                        problems.show_error(&e, "intro", "What you told us");
                    }
                }
            });
        }
    };
    let origin = crate::browser::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let public_link = format!("{origin}/results/{}", c.id);
    let base = format!("/manage/c/{}", c.id);
    view! {
        <a href=base.clone() class="back-link">{format!("Back to {}", c.title)}</a>
        <span class="caption">{c.title.clone()}</span>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"What you told us"</h1>
        <p class="body">"Approved themes, side by side for each audience, with quotes. Approve themes on the "<a href=format!("{base}/themes")>"themes page"</a>"."</p>
        {problems.summary()}
        <Notice message=notice/>
        {manage.then(|| {
            let publish_on = publish.clone();
            let publish_off = publish.clone();
            view! {
                <form novalidate on:submit=save class="narrow">
                    <TextArea id="intro" label="Introduction" hint="Thank people, and say what happens next" value=intro problems=problems rows=4/>
                    <TextInput id="threshold" label="Hide counts below" hint="Counts under this number show as \u{201c}fewer than\u{201d} it, so nobody can be identified" value=threshold problems=problems width="4"/>
                    {move || actions.get().into_iter().map(|(tid, label, text)| view! {
                        <TextArea id=format!("action-{tid}") label=format!("What we will do about: {label}") value=text rows=2/>
                    }).collect_view()}
                    <button class="button" type="submit">"Save"</button>
                </form>
                <div class="button-group">
                    {move || if published.get() {
                        let off = publish_off.clone();
                        view! {
                            <button type="button" class="button button--secondary" on:click=move |_| off(false)>"Stop publishing"</button>
                        }.into_any()
                    } else {
                        let on = publish_on.clone();
                        view! { <button type="button" class="button" on:click=move |_| on(true)>"Publish"</button> }.into_any()
                    }}
                </div>
                {move || published.get().then(|| view! {
                    <p class="body">"Published at "<a href=public_link.clone() rel="external">{public_link.clone()}</a></p>
                })}
            }
        })}
        {(auth.can(Permission::ReadResponses)).then(|| view! { <Exports id=c.id.clone()/> })}
        <h2 class="heading-l">"Preview"</h2>
        <div class="preview-frame">
            {move || summary.get().map(|s| view! { <SummaryView summary=s/> })}
        </div>
    }
}

/// Download buttons for every export format, with progress while the file is made.
#[component]
fn Exports(id: String) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let working = RwSignal::new(None::<&'static str>);
    let done = RwSignal::new(None::<String>);
    let formats: [(&'static str, &'static str, &'static str); 4] = [
        ("csv", "CSV (responses, one row each)", "text/csv"),
        (
            "xlsx",
            "Excel (responses, themes and summary)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "docx",
            "Word (the themed summary)",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("json", "JSON (summary and responses)", "application/json"),
    ];
    view! {
        <h2 class="heading-l">"Export"</h2>
        <p class="body">"Exports leave out answers held for the safeguarding lead, remove names and contact details from answers, and hide small numbers. Each export is recorded in the audit log."</p>
        <div class="button-group">
            {formats.into_iter().map(|(ext, words, media)| {
                let id = id.clone();
                view! {
                    <button type="button" class="button button--secondary" disabled=move || working.get().is_some()
                        on:click=move |_| {
                            let id = id.clone();
                            working.set(Some(ext));
                            done.set(None);
                            leptos::task::spawn_local(async move {
                                let url = format!("/api/manage/consultations/{id}/export/{ext}");
                                match api::get_bytes(&url).await {
                                    Ok(bytes) => {
                                        let name = format!("{id}-{}.{ext}", tellus_core::manage::iso_date((js_sys::Date::now() / 1000.0) as u64));
                                        let size = bytes.len();
                                        match browser::download_bytes(&name, &bytes, media) {
                                            Ok(()) => done.set(Some(format!("Downloaded {name} ({:.1} KB).", size as f64 / 1024.0))),
                                            Err(e) => done.set(Some(e)),
                                        }
                                    }
                                    Err(e) => {
                                        auth.check(&e);
                                        done.set(Some(e.to_string()));
                                    }
                                }
                                working.set(None);
                            });
                        }>{words}</button>
                }
            }).collect_view()}
        </div>
        <div role="status" class="export-status">
            {move || working.get().map(|ext| view! {
                <p class="body"><progress class="busy" aria-label=format!("Making the {ext} file")></progress>" "{format!("Making the {} file…", ext.to_uppercase())}</p>
            })}
            {move || done.get().map(|m| view! { <p class="body">{m}</p> })}
        </div>
    }
}
