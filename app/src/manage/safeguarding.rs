//! The safeguarding lead's pages: the queue of held responses, and the phrase list.

use super::session::Auth;
use crate::api::{self, Change};
use crate::browser;
use crate::components::form::{Notice, Problems, TextArea, date_time};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use tellus_core::account::Permission;
use tellus_core::event::HeldNoteListing;
use tellus_core::manage::HeldResponse;
use tellus_core::safeguarding::{Concern, Phrase, PhraseList};

/// `/manage/safeguarding`: responses waiting for a lead, oldest first, with their context.
/// The answers open on their own page, where each view is recorded.
#[component]
pub fn QueuePage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    browser::set_title("Safeguarding");
    browser::focus_page();
    let queue = LocalResource::new(move || async move {
        auth.get::<Vec<HeldResponse>>("/api/manage/safeguarding")
            .await
    });
    view! {
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Safeguarding"</h1>
        <p class="body">"Answers that may disclose harm wait here, kept out of counts, charts, themes and exports until you clear them. Opening one is recorded in the audit log."</p>
        <p class="body"><a href="/manage/safeguarding/phrases">"Words and phrases that flag an answer"</a></p>
        {move || match queue.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <div class="notification" role="alert"><p class="body">{e.to_string()}</p></div> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="body" role="status">"Nothing is waiting."</p> }.into_any(),
            Some(Ok(list)) => view! {
                <p class="body" role="status">{match list.len() { 1 => "1 response is waiting.".to_string(), n => format!("{n} responses are waiting.") }}</p>
                <table class="table">
                    <caption class="visually-hidden">"Responses waiting for a safeguarding lead, oldest first"</caption>
                    <thead><tr>
                        <th scope="col">"Received"</th><th scope="col">"Where"</th><th scope="col">"Why"</th>
                        <th scope="col"><span class="visually-hidden">"Open"</span></th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|h| view! {
                            <tr>
                                <td>{date_time(h.row.received_at)}</td>
                                <td>{h.consultation_title}<br/>{format!("{}: {}", h.row.audience_label, h.survey_title)}</td>
                                <td>{h.reasons.join("; ")}</td>
                                <td><a href=format!("/manage/r/{}", h.row.id)>"Open"
                                    <span class="visually-hidden">{format!(" response received {}", date_time(h.row.received_at))}</span></a></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
        {auth.can(Permission::ReadFlagged).then(|| view! { <HeldNotes/> })}
    }
}

/// Notes from events held for the lead, each linking to its event's page.
#[component]
fn HeldNotes() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let notes = LocalResource::new(move || async move {
        auth.get::<Vec<HeldNoteListing>>("/api/manage/safeguarding/notes")
            .await
    });
    view! {
        <h2 class="heading-l">"Notes from events"</h2>
        {move || match notes.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <div class="notification" role="alert"><p class="body">{e.to_string()}</p></div> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="body">"No notes from events are waiting."</p> }.into_any(),
            Some(Ok(list)) => view! {
                <table class="table">
                    <caption class="visually-hidden">"Notes from events waiting for a safeguarding lead, oldest first"</caption>
                    <thead><tr>
                        <th scope="col">"Posted"</th><th scope="col">"Where"</th><th scope="col">"Matched"</th>
                        <th scope="col"><span class="visually-hidden">"Open"</span></th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|h| view! {
                            <tr>
                                <td>{date_time(h.posted_at)}</td>
                                <td>{h.consultation_title}<br/>{format!("{}: {}", h.event_title, h.activity_title)}</td>
                                <td>{h.why.join(", ")}</td>
                                <td><a href=format!("/manage/e/{}", h.event_id)>"Open"
                                    <span class="visually-hidden">{format!(" the event {}", h.event_title)}</span></a></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
    }
}

/// `/manage/safeguarding/phrases`: one box per kind of concern, one phrase per line.
#[component]
pub fn PhrasesPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    browser::set_title("Safeguarding phrases");
    browser::focus_page();
    let boxes: Vec<(Concern, RwSignal<String>)> = Concern::ALL
        .iter()
        .map(|c| (*c, RwSignal::new(String::new())))
        .collect();
    let loaded = RwSignal::new(false);
    {
        let boxes = boxes.clone();
        leptos::task::spawn_local(async move {
            match api::get::<PhraseList>("/api/manage/safeguarding/phrases").await {
                Ok(list) => {
                    for (concern, text) in &boxes {
                        let lines: Vec<&str> = list
                            .phrases
                            .iter()
                            .filter(|p| p.concern == *concern)
                            .map(|p| p.phrase.as_str())
                            .collect();
                        text.set(lines.join("\n"));
                    }
                    loaded.set(true);
                }
                Err(e) => auth.check(&e),
            }
        });
    }
    let problems = Problems::new();
    let notice = RwSignal::new(None::<String>);
    let on_submit = {
        let boxes = boxes.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            notice.set(None);
            let phrases = boxes
                .iter()
                .flat_map(|(concern, text)| {
                    text.get_untracked()
                        .lines()
                        .map(|l| Phrase {
                            phrase: l.trim().to_string(),
                            concern: *concern,
                        })
                        .collect::<Vec<_>>()
                })
                .filter(|p| !p.phrase.is_empty())
                .collect();
            leptos::task::spawn_local(async move {
                match api::send::<_, PhraseList>(
                    Change::Put,
                    "/api/manage/safeguarding/phrases",
                    &PhraseList { phrases },
                )
                .await
                {
                    Ok(list) => {
                        problems.clear();
                        notice.set(Some(format!(
                            "Saved {} phrases. New answers are checked against them from now on.",
                            list.phrases.len()
                        )));
                    }
                    Err(e) => {
                        auth.check(&e);
                        problems.show_error(&e, "phrases-harm", "Safeguarding phrases");
                    }
                }
            });
        }
    };
    view! {
        <a href="/manage/safeguarding" class="back-link">"Safeguarding"</a>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Words and phrases that flag an answer"</h1>
        <p class="body">"An answer containing any of these is held for you. Words match whole and in order; end a word with * to match any ending (hurt* matches hurts and hurting). An answer that plainly denies it (\u{201c}nobody hurts me\u{201d}) is not flagged. When unsure, flag: this is triage, not diagnosis."</p>
        {problems.summary_linking(|_| "phrases-harm".to_string())}
        <Notice message=notice/>
        <form novalidate on:submit=on_submit class="narrow">
            {boxes.into_iter().map(|(concern, text)| view! {
                <TextArea id=format!("phrases-{}", concern_key(concern)) label=concern.label() hint="One per line" value=text rows=6/>
            }).collect_view()}
            <button class="button" type="submit" disabled=move || !loaded.get()>"Save phrases"</button>
        </form>
    }
}

fn concern_key(c: Concern) -> &'static str {
    match c {
        Concern::Harm => "harm",
        Concern::Abuse => "abuse",
        Concern::Neglect => "neglect",
        Concern::SelfHarm => "self-harm",
        Concern::Bullying => "bullying",
        Concern::Unsafe => "unsafe",
    }
}
