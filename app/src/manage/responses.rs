//! Responses: a filtered list, and one response question by question.

use super::consultation::{consultation_resource, with_consultation};
use super::session::Auth;
use crate::api;
use crate::browser;
use crate::components::form::date_time;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use tellus_core::account::Permission;
use tellus_core::manage::{ResponseDetail, ResponseFilter, ResponseList};
use tellus_core::{Audience, Consultation};

/// The filter in the page's address, so a filtered list can be bookmarked and shared.
fn filter_from_query(query: &leptos_router::params::ParamsMap) -> ResponseFilter {
    let get = |k: &str| query.get(k).filter(|v| !v.is_empty());
    ResponseFilter {
        survey: get("survey"),
        audience: get("audience"),
        from: get("from"),
        to: get("to"),
        how: get("how"),
        flagged: get("flagged").and_then(|v| v.parse().ok()),
    }
}

fn query_string(filter: &ResponseFilter) -> String {
    serde_urlencoded(filter)
}

/// `key=value&...` for the set fields, values percent-encoded.
fn serde_urlencoded(filter: &ResponseFilter) -> String {
    let encode = |v: &str| {
        js_sys::encode_uri_component(v)
            .as_string()
            .unwrap_or_default()
    };
    let mut parts = Vec::new();
    for (k, v) in [
        ("survey", filter.survey.clone()),
        ("audience", filter.audience.clone()),
        ("from", filter.from.clone()),
        ("to", filter.to.clone()),
        ("how", filter.how.clone()),
        ("flagged", filter.flagged.map(|f| f.to_string())),
    ] {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            parts.push(format!("{k}={}", encode(&v)));
        }
    }
    parts.join("&")
}

/// `/manage/c/:id/responses`.
#[component]
pub fn ResponsesPage() -> impl IntoView {
    let (_, resource) = consultation_resource();
    with_consultation(resource, move |c| {
        browser::set_title(&format!("Responses: {}", c.title));
        browser::focus_page();
        view! { <ResponsesView c=c/> }
    })
}

#[component]
fn ResponsesView(c: Consultation) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let query = use_query_map();
    let filter = Memo::new(move |_| filter_from_query(&query.read()));
    let id = c.id.clone();
    let list = LocalResource::new(move || {
        let url = format!(
            "/api/manage/consultations/{id}/responses?{}",
            query_string(&filter.get())
        );
        async move { auth.get::<ResponseList>(&url).await }
    });
    let base = format!("/manage/c/{}", c.id);
    view! {
        <a href=base.clone() class="back-link">{format!("Back to {}", c.title)}</a>
        <span class="caption">{c.title.clone()}</span>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Responses"</h1>
        <FilterForm c=c.clone() filter=filter base=format!("{base}/responses")/>
        {move || match list.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <div class="notification" role="alert"><p class="body">{e.to_string()}</p></div> }.into_any(),
            Some(Ok(list)) => view! {
                <p class="body" role="status">
                    {match list.rows.len() { 1 => "1 response".to_string(), n => format!("{n} responses") }}
                    {(list.withheld > 0).then(|| format!(
                        ", and {} held back for the safeguarding lead because they may disclose harm",
                        list.withheld
                    ))}
                </p>
                {(!list.rows.is_empty()).then(|| view! {
                    <table class="table">
                        <caption class="visually-hidden">"Responses, newest first"</caption>
                        <thead><tr>
                            <th scope="col">"Received"</th>
                            <th scope="col">"Audience"</th>
                            <th scope="col">"How they answered"</th>
                            <th scope="col" class="table__numeric">"Questions answered"</th>
                            <th scope="col"><span class="visually-hidden">"Open"</span></th>
                        </tr></thead>
                        <tbody>
                            {list.rows.into_iter().map(|r| view! {
                                <tr>
                                    <td>{date_time(r.received_at)}
                                        {r.flagged.then(|| view! { " " <strong class="tag tag--red">"Flagged"</strong> })}</td>
                                    <td>{r.audience_label}{in_language(r.language)}</td>
                                    <td>{r.answered_how.unwrap_or_else(|| "Not asked".into())}</td>
                                    <td class="table__numeric">{r.answered}</td>
                                    <td><a href=format!("/manage/r/{}", r.id)>"View"
                                        <span class="visually-hidden">{format!(" response received {}", date_time(r.received_at))}</span></a></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
            }.into_any(),
        }}
    }
}

/// ", in Welsh" after a response answered in another language than English.
fn in_language(language: tellus_core::language::Language) -> Option<String> {
    (!language.is_english()).then(|| format!(", in {}", language.english_name()))
}

/// Filters as a GET-style form: applying one changes the page's address.
#[component]
fn FilterForm(c: Consultation, filter: Memo<ResponseFilter>, base: String) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let f = filter.get_untracked();
    let survey = RwSignal::new(f.survey.unwrap_or_default());
    let audience = RwSignal::new(f.audience.unwrap_or_default());
    let from = RwSignal::new(f.from.unwrap_or_default());
    let to = RwSignal::new(f.to.unwrap_or_default());
    let how = RwSignal::new(f.how.unwrap_or_default());
    let flagged = RwSignal::new(f.flagged.map(|b| b.to_string()).unwrap_or_default());
    let navigate = use_navigate();
    let on_submit = {
        let base = base.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let filter = ResponseFilter {
                survey: Some(survey.get_untracked()),
                audience: Some(audience.get_untracked()),
                from: Some(from.get_untracked()),
                to: Some(to.get_untracked()),
                how: Some(how.get_untracked()),
                flagged: flagged.get_untracked().parse().ok(),
            };
            navigate(
                &format!("{base}?{}", query_string(&filter)),
                Default::default(),
            );
        }
    };
    let mut audiences: Vec<Audience> = c.surveys.iter().map(|s| s.audience.clone()).collect();
    audiences.dedup();
    let any = || (String::new(), "Any".to_string());
    let survey_options: Vec<_> = std::iter::once(any())
        .chain(c.surveys.iter().map(|s| {
            (
                s.id.clone(),
                format!("{} ({})", s.title, s.audience.label()),
            )
        }))
        .collect();
    let audience_options: Vec<_> = std::iter::once(any())
        .chain(
            audiences
                .iter()
                .map(|a| (a.label().to_string(), a.label().to_string())),
        )
        .collect();
    let how_options = vec![
        any(),
        ("own".to_string(), "On their own".to_string()),
        ("with_help".to_string(), "With help".to_string()),
        (
            "someone_else".to_string(),
            "Someone answered for them".to_string(),
        ),
    ];
    let both_kinds = auth.can(Permission::ReadFlagged) && auth.can(Permission::ReadResponses);
    view! {
        <details class="details" open=true>
            <summary class="details__summary">"Filter responses"</summary>
            <form class="details__text filters" novalidate on:submit=on_submit>
                <crate::components::form::Select id="filter-survey" label="Survey" value=survey options=survey_options/>
                <crate::components::form::Select id="filter-audience" label="Audience" value=audience options=audience_options/>
                <crate::components::form::TextInput id="filter-from" label="Received from" kind="date" value=from width="date"/>
                <crate::components::form::TextInput id="filter-to" label="Received to" kind="date" value=to width="date"/>
                <crate::components::form::Select id="filter-how" label="How they answered" value=how options=how_options/>
                {both_kinds.then(|| view! {
                    <crate::components::form::Select id="filter-flagged" label="Flagged for safeguarding" value=flagged options=vec![
                        (String::new(), "Any".to_string()), ("true".into(), "Flagged only".into()), ("false".into(), "Not flagged".into())]/>
                })}
                <div class="button-group">
                    <button class="button button--secondary" type="submit">"Apply filters"</button>
                    <a class="link-button" href=base.clone()>"Clear filters"</a>
                </div>
            </form>
        </details>
    }
}

/// `/manage/r/:id`: one response, each question asked and its answer. Free text is shown
/// as text, never as markup.
#[component]
pub fn ResponsePage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let params = use_params_map();
    let detail = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        async move {
            auth.get::<ResponseDetail>(&format!("/api/manage/responses/{id}"))
                .await
        }
    });
    browser::set_title("Response");
    browser::focus_page();
    view! {
        {move || match detail.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! {
                <h1 class="heading-xl" id="page-heading" tabindex="-1">"Response not available"</h1>
                <p class="body">{e.to_string()}</p>
            }.into_any(),
            Some(Ok(d)) => view! {
                <a class="back-link" href=format!("/manage/c/{}/responses", d.consultation_id)>"All responses"</a>
                <span class="caption">{format!("{}: {}", d.row.audience_label, d.survey_title)}{in_language(d.row.language)}</span>
                <h1 class="heading-xl" id="page-heading" tabindex="-1">{format!("Response received {}", date_time(d.row.received_at))}</h1>
                {match d.withdrawn_at {
                    Some(at) => Some(view! {
                        <div class="warning-text"><strong>{format!("Its participant withdrew this response {}. It is no longer part of the consultation; this copy is kept for safeguarding leads only, and is deleted when you clear it.", date_time(at))}</strong></div>
                    }.into_any()),
                    None => d.row.flagged.then(|| view! {
                        <div class="warning-text"><strong>"This response may disclose harm. It is kept out of summaries and exports until a safeguarding lead has dealt with it."</strong></div>
                    }.into_any()),
                }}
                <dl class="summary-list">
                    {d.answers.into_iter().map(|a| view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{a.question}</dt>
                            <dd class="summary-list__value">{a.answer}</dd>
                        </div>
                    }).collect_view()}
                </dl>
                <Reviews reviews=d.reviews.clone()/>
                <ReviewActions id=d.row.id.to_string() flagged=d.row.flagged withdrawn=d.withdrawn_at.is_some()/>
            }.into_any(),
        }}
    }
}

/// The history of concerns raised on a response and how each was dealt with.
#[component]
fn Reviews(reviews: Vec<tellus_core::safeguarding::Review>) -> impl IntoView {
    (!reviews.is_empty()).then(|| view! {
        <h2 class="heading-m">"Safeguarding record"</h2>
        <ul class="list">
            {reviews.into_iter().map(|r| view! {
                <li>
                    {format!("{}: raised by {}: {}", date_time(r.raised_at), r.raised_by, r.reason)}
                    {r.cleared.map(|c| format!(". Cleared {} by {}: {}", date_time(c.at), c.by, c.note))}
                </li>
            }).collect_view()}
        </ul>
    })
}

/// Clear (for a lead, on a held response) or report a concern (for a facilitator).
#[component]
fn ReviewActions(id: String, flagged: bool, withdrawn: bool) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let text = RwSignal::new(String::new());
    let problems = crate::components::form::Problems::new();
    let reported = RwSignal::new(false);
    // Once cleared the lead no longer reads the response, so its new record is shown here.
    let cleared = RwSignal::new(None::<ResponseDetail>);
    let lead_clears = flagged && auth.can(Permission::ReadFlagged);
    let can_report = !flagged && auth.can(Permission::ReadResponses);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let id = id.clone();
        let body = tellus_core::manage::ReviewNote {
            text: text.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let path = if lead_clears { "clear" } else { "concern" };
            let url = format!("/api/manage/responses/{id}/{path}");
            match api::send::<_, serde_json::Value>(api::Change::Post, &url, &body).await {
                Ok(reply) if lead_clears => {
                    cleared.set(serde_json::from_value(reply).ok());
                    super::session::Waiting::changed();
                }
                Ok(_) => {
                    reported.set(true);
                    super::session::Waiting::changed();
                }
                Err(e) => {
                    auth.check(&e);
                    problems.show_error(&e, "text", "Response");
                }
            }
        });
    };
    let form = move |legend: &'static str, hint: &'static str, button: &'static str| {
        let on_submit = on_submit.clone();
        view! {
            {problems.summary()}
            <form novalidate on:submit=on_submit class="narrow">
                <crate::components::form::TextArea id="text" label=legend hint=hint value=text problems=problems/>
                <button class="button" type="submit">{button}</button>
            </form>
        }
    };
    if lead_clears {
        view! {
            {move || match cleared.get() {
                Some(d) => view! {
                    <p class="notification-banner" role="status">{if withdrawn {
                        "Cleared: the copy kept for you has been deleted, and your note recorded in the audit log."
                    } else {
                        "Cleared and released: it now counts in summaries, charts and themes. Your note is kept with it."
                    }}</p>
                    <Reviews reviews=d.reviews/>
                    <p class="body"><a href="/manage/safeguarding">"Back to the safeguarding queue"</a></p>
                }.into_any(),
                None => view! {
                    <h2 class="heading-m">"Clear this response"</h2>
                    <p class="body">{if withdrawn {
                        "Once cleared, this copy is deleted for good."
                    } else {
                        "Once cleared, it counts in summaries, charts and themes again."
                    }}</p>
                    {form("What was done", "For the record: who was told, what was decided", if withdrawn { "Clear and delete" } else { "Clear and release" })}
                }.into_any(),
            }}
        }.into_any()
    } else if can_report {
        view! {
            {move || if reported.get() {
                view! { <p class="notification-banner" role="status">"Sent to the safeguarding lead. It is held back from summaries until they deal with it."</p> }.into_any()
            } else {
                view! {
                    <details class="details">
                        <summary class="details__summary">"Report a concern about this answer"</summary>
                        <div class="details__text">
                            {form("What worries you", "The safeguarding lead sees this with the answers", "Send to the safeguarding lead")}
                        </div>
                    </details>
                }.into_any()
            }}
        }.into_any()
    } else {
        ().into_any()
    }
}
