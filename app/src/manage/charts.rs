//! Charts of closed questions per audience: bars drawn as SVG with the numbers also in a
//! table, so nobody depends on seeing the picture.

use super::consultation::{consultation_resource, with_consultation};
use super::session::Auth;
use crate::browser;
use crate::components::chart::Charts;
use leptos::prelude::*;
use tellus_core::Consultation;
use tellus_core::chart::SurveyCharts;

/// `/manage/c/:id/charts`.
#[component]
pub fn ChartsPage() -> impl IntoView {
    let (_, resource) = consultation_resource();
    with_consultation(resource, move |c| {
        browser::set_title(&format!("Charts: {}", c.title));
        browser::focus_page();
        view! { <ChartsView c=c/> }
    })
}

#[component]
fn ChartsView(c: Consultation) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let id = c.id.clone();
    let charts = LocalResource::new(move || {
        let url = format!("/api/manage/consultations/{id}/charts");
        async move { auth.get::<Vec<SurveyCharts>>(&url).await }
    });
    view! {
        <a href=format!("/manage/c/{}", c.id) class="back-link">{format!("Back to {}", c.title)}</a>
        <span class="caption">{c.title.clone()}</span>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Charts of answers"</h1>
        <p class="body">"Answers to the questions with fixed choices, for each audience. Responses held back for the safeguarding lead are not counted."</p>
        {move || match charts.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <div class="notification" role="alert"><p class="body">{e.to_string()}</p></div> }.into_any(),
            Some(Ok(surveys)) => surveys.into_iter().map(|s| view! {
                <section aria-labelledby=format!("charts-{}", s.survey_id)>
                    <h2 class="heading-l" id=format!("charts-{}", s.survey_id)>{format!("{}: {}", s.audience_label, s.title)}</h2>
                    <p class="body">{match s.responses { 1 => "1 response".to_string(), n => format!("{n} responses") }}</p>
                    <Charts charts=s.questions id_prefix=s.survey_id.clone()/>
                </section>
            }).collect_view().into_any(),
        }}
    }
}
