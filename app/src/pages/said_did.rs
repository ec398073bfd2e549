//! "You said, we did": what is being done about what people said, for anyone, with an
//! easy-read version in short sentences and pictures.

use crate::api;
use crate::browser;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use tellus_core::said_did::{Item, YouSaidWeDid};
use tellus_core::survey::long_date;

/// `/you-said-we-did/:id`.
#[component]
pub fn SaidDidPage() -> impl IntoView {
    // Published in the facilitator's words, in English for now.
    crate::language::english_only_page();
    let params = use_params_map();
    let page = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        async move { api::get::<YouSaidWeDid>(&format!("/api/you-said-we-did/{id}")).await }
    });
    // Easier words stay on across pages once chosen on this device.
    let easy = use_context::<crate::components::question::EasyRead>()
        .map(|e| e.0)
        .unwrap_or_else(|| RwSignal::new(false));
    view! {
        {move || match page.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => {
                browser::set_title("Not published yet");
                view! {
                    <h1 class="heading-xl" id="page-heading" tabindex="-1">"Not published yet"</h1>
                    <p class="body">{if e.is_not_found() { "What is being done about what people said has not been published yet. Please check again later.".to_string() } else { e.to_string() }}</p>
                }.into_any()
            }
            Some(Ok(p)) => {
                browser::set_title(&format!("You said, we did: {}", p.title));
                browser::focus_page();
                view! {
                    <span class="caption">{p.title.clone()}</span>
                    <h1 class="heading-xl" id="page-heading" tabindex="-1">"You said, we did"</h1>
                    <div class="listen-row">
                        <button type="button" class="easy-read-toggle"
                            aria-pressed=move || if easy.get() { "true" } else { "false" }
                            on:click=move |_| easy.update(|v| *v = !*v)>"Easy read"</button>
                    </div>
                    {move || if easy.get() {
                        view! { <EasyList items=p.items.clone()/> }.into_any()
                    } else {
                        view! { <FullList items=p.items.clone()/> }.into_any()
                    }}
                }.into_any()
            }
        }}
    }
}

fn when(item: &Item) -> Option<String> {
    item.date.as_deref().and_then(long_date)
}

#[component]
fn FullList(items: Vec<Item>) -> impl IntoView {
    view! {
        <p class="body">"For each thing many people told us, what we decided, who is doing it and where it has got to."</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="You said, we did">
            <table class="table">
                <caption class="table__caption visually-hidden">"You said, we did"</caption>
                <thead><tr>
                    <th scope="col">"You said"</th>
                    <th scope="col">"We did"</th>
                    <th scope="col">"Who"</th>
                    <th scope="col">"Where it has got to"</th>
                </tr></thead>
                <tbody>
                    {items.into_iter().map(|i| {
                        let date = when(&i);
                        view! {
                            <tr>
                                <th scope="row">{i.you_said.clone()}
                                    {(!i.audiences.is_empty()).then(|| view! { <span class="hint said-did__who">{format!("From: {}", i.audiences.join(", "))}</span> })}
                                </th>
                                <td>{i.decision.clone()}</td>
                                <td>{i.owner.clone()}</td>
                                <td><strong class="tag">{i.status.label()}</strong>{date.map(|d| view! { <span class="said-did__date">{format!(" by {d}")}</span> })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn EasyList(items: Vec<Item>) -> impl IntoView {
    view! {
        <ul class="easy-list">
            {items.into_iter().map(|i| {
                let date = when(&i);
                view! {
                    <li class="easy-list__item">
                        <img class="easy-list__picture" src=i.status.picture() alt="" width="80" height="80"/>
                        <div>
                            <p class="body-l"><strong>"You said: "</strong>{i.you_said.clone()}</p>
                            <p class="body-l"><strong>{format!("{}: ", i.status.easy())}</strong>{i.decision.clone()}</p>
                            {date.map(|d| view! { <p class="body">{format!("When: {d}")}</p> })}
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// A link to the consultation's "you said, we did" page, once it is published.
#[component]
pub fn SaidDidLink(consultation_id: String) -> impl IntoView {
    // Drawn on the server, the page leaves it out: the app asks once it runs.
    if browser::window().is_none() {
        return ().into_any();
    }
    let url = format!("/api/you-said-we-did/{consultation_id}");
    let published = LocalResource::new(move || {
        let url = url.clone();
        async move { api::get::<YouSaidWeDid>(&url).await.is_ok() }
    });
    (move || {
        (published.get() == Some(true)).then(|| {
            view! {
                <p class="body"><a rel="external" href=format!("/you-said-we-did/{consultation_id}")>{crate::language::words().said_did_link}</a></p>
            }
        })
    })
    .into_any()
}
