//! "What you told us": the published summary for anyone, and the view of it shared with
//! the facilitator's preview.

use crate::api;
use crate::browser;
use crate::components::form::date_time;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use tellus_core::board::WhatYouToldUs;

/// `/results/:id`: what a consultation heard, as published.
#[component]
pub fn ResultsPage() -> impl IntoView {
    // Published in the facilitator's words, in English for now.
    crate::language::english_only_page();
    let params = use_params_map();
    let summary = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        async move { api::get::<WhatYouToldUs>(&format!("/api/published/{id}")).await }
    });
    view! {
        {move || match summary.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => {
                browser::set_title("Not published yet");
                view! {
                    <h1 class="heading-xl" id="page-heading" tabindex="-1">"Not published yet"</h1>
                    <p class="body">{if e.is_not_found() { "What people told this consultation has not been published yet. Please check again later.".to_string() } else { e.to_string() }}</p>
                }.into_any()
            }
            Some(Ok(s)) => {
                browser::set_title(&format!("What you told us: {}", s.title));
                browser::focus_page();
                view! {
                    <span class="caption">{s.title.clone()}</span>
                    <h1 class="heading-xl" id="page-heading" tabindex="-1">"What you told us"</h1>
                    <SummaryView summary=s/>
                }.into_any()
            }
        }}
    }
}

/// The summary: introduction, a table of themes by audience side by side, then each
/// theme with what will be done and quotes from each audience.
#[component]
pub fn SummaryView(summary: WhatYouToldUs) -> impl IntoView {
    let s = summary;
    let cell = |text: &str, percent: Option<u32>| match percent {
        Some(p) => format!("{text} ({p}%)"),
        None => text.to_string(),
    };
    view! {
        {s.published_at.map(|at| view! { <p class="hint">{format!("Published {} (UTC)", date_time(at))}</p> })}
        {s.intro.lines().filter(|l| !l.trim().is_empty()).map(|l| view! { <p class="body">{l.to_string()}</p> }).collect_view()}
        {if s.themes.is_empty() {
            view! { <p class="body">"No themes are approved yet."</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label="Themes by audience">
                    <table class="table">
                        <caption class="table__caption">"What each group told us: people who said it"</caption>
                        <thead><tr>
                            <th scope="col">"Theme"</th>
                            {s.audiences.iter().map(|a| view! { <th scope="col" class="table__numeric">{format!("{} ({} people)", a.label, a.people.text)}</th> }).collect_view()}
                            <th scope="col" class="table__numeric">"Everyone"</th>
                        </tr></thead>
                        <tbody>
                            {s.themes.iter().map(|t| view! {
                                <tr>
                                    <th scope="row">{t.label.clone()}</th>
                                    {t.cells.iter().map(|c| view! { <td class="table__numeric">{cell(&c.text, c.percent)}</td> }).collect_view()}
                                    <td class="table__numeric">{cell(&t.total.text, t.total.percent)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="hint">{format!("Where fewer than {} people said something, we say so instead of giving the number, so that nobody can be identified.", s.threshold)}</p>
                {s.themes.iter().map(|t| view! {
                    <section class="summary-theme" aria-labelledby=format!("summary-{}", t.id)>
                        <h2 class="heading-l" id=format!("summary-{}", t.id)>{t.label.clone()}</h2>
                        {(!t.action.trim().is_empty()).then(|| view! {
                            <div class="inset-text"><p class="body"><strong>"What we will do: "</strong>{t.action.clone()}</p></div>
                        })}
                        <ul class="quotes">
                            {t.quotes.iter().map(|q| view! {
                                <li><blockquote class="quote">{q.text.clone()}</blockquote><p class="hint">{q.audience.clone()}</p></li>
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view()}
            }.into_any()
        }}
    }
}
