//! A bar chart drawn as SVG with the numbers also in a table, so nobody depends on
//! seeing the picture.

use leptos::prelude::*;
use tellus_core::chart::QuestionChart;

/// Width of the bar area in SVG units.
const BAR_AREA: u64 = 400;
const ROW: u64 = 36;
const LABEL: u64 = 240;

/// One question's answers as horizontal bars, then as a table.
#[component]
pub fn BarChart(q: QuestionChart, id: String) -> impl IntoView {
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

/// Several questions' charts, each with an id made from `id_prefix`.
#[component]
pub fn Charts(charts: Vec<QuestionChart>, #[prop(into)] id_prefix: String) -> impl IntoView {
    charts
        .into_iter()
        .enumerate()
        .map(|(i, q)| view! { <BarChart q=q id=format!("{id_prefix}-{i}")/> })
        .collect_view()
}
