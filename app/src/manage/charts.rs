//! Charts of closed questions per audience: bars drawn as SVG with the numbers also in a
//! table, so nobody depends on seeing the picture.

use super::consultation::{consultation_resource, with_consultation};
use super::session::Auth;
use crate::api;
use crate::browser;
use leptos::prelude::*;
use tellus_core::Consultation;
use tellus_core::chart::{QuestionChart, SurveyCharts};

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
        async move {
            let result = api::get::<Vec<SurveyCharts>>(&url).await;
            if let Err(e) = &result {
                auth.check(e);
            }
            result
        }
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
                    {s.questions.into_iter().enumerate().map(|(i, q)| view! { <BarChart q=q id=format!("{}-{i}", s.survey_id)/> }).collect_view()}
                </section>
            }).collect_view().into_any(),
        }}
    }
}

/// Width of the bar area in SVG units.
const BAR_AREA: u64 = 400;
const ROW: u64 = 36;
const LABEL: u64 = 240;

/// One question's answers as horizontal bars, then as a table.
#[component]
fn BarChart(q: QuestionChart, id: String) -> impl IntoView {
    let most = q.bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let height = ROW * q.bars.len() as u64 + 8;
    let width = LABEL + BAR_AREA + 60;
    let title_id = format!("chart-{id}-title");
    let summary: String = q
        .bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.count))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <figure class="chart">
            <figcaption class="heading-s" id=title_id.clone()>{q.question.clone()}
                <span class="chart__answered">{format!(" ({} answered)", q.answered)}</span></figcaption>
            <svg class="chart__svg" role="img" aria-labelledby=title_id.clone() viewBox=format!("0 0 {width} {height}")
                width=width height=height>
                <title>{format!("{}. {summary}", q.question)}</title>
                {q.bars.iter().enumerate().map(|(i, b)| {
                    let y = i as u64 * ROW + 4;
                    let w = if b.count == 0 { 0 } else { (b.count * BAR_AREA / most).max(2) };
                    view! {
                        <text class="chart__label" x=LABEL - 8 y=y + 22 text-anchor="end">{b.label.clone()}</text>
                        <rect class="chart__bar" x=LABEL y=y + 4 width=w height=ROW - 10></rect>
                        <text class="chart__count" x=LABEL + w + 6 y=y + 22>{b.count}</text>
                    }
                }).collect_view()}
            </svg>
            <table class="table table--compact">
                <caption class="visually-hidden">{format!("Numbers for: {}", q.question)}</caption>
                <thead><tr><th scope="col">"Answer"</th><th scope="col" class="table__numeric">"People"</th></tr></thead>
                <tbody>
                    {q.bars.into_iter().map(|b| view! {
                        <tr><td>{b.label}</td><td class="table__numeric">{b.count}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}
