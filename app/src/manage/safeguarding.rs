//! The safeguarding lead's pages: the queue of held responses, and the phrase list.

use super::session::Auth;
use crate::api::{self, Change};
use crate::browser;
use crate::components::form::{Notice, Problems, TextArea, date_time};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use tellus_core::account::Permission;
use tellus_core::event::HeldNoteListing;
use tellus_core::language::Language;
use tellus_core::manage::HeldResponse;
use tellus_core::safeguarding::{Concern, Phrase, PhraseList, PhrasesSaved};

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
                                <td>{h.consultation_title}<br/>{format!("{}: {}", h.row.audience_label, h.survey_title)}
                                    {h.withdrawn_at.map(|at| view! { <br/><strong class="tag tag--grey">{format!("Withdrawn by the participant {}", date_time(at))}</strong> })}</td>
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

/// `/manage/safeguarding/phrases`: for each language, one box per kind of concern, one
/// phrase per line. Saving checks every answer and note already stored against the list.
#[component]
pub fn PhrasesPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    browser::set_title("Safeguarding phrases");
    browser::focus_page();
    let boxes: Vec<(Language, Concern, RwSignal<String>)> = Language::ALL
        .iter()
        .flat_map(|l| {
            Concern::ALL
                .iter()
                .map(move |c| (*l, *c, RwSignal::new(String::new())))
        })
        .collect();
    let loaded = RwSignal::new(false);
    {
        let boxes = boxes.clone();
        leptos::task::spawn_local(async move {
            match api::get::<PhraseList>("/api/manage/safeguarding/phrases").await {
                Ok(list) => {
                    for (language, concern, text) in &boxes {
                        let lines: Vec<&str> = list
                            .phrases
                            .iter()
                            .filter(|p| p.concern == *concern && p.language == *language)
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
            // Which box each phrase came from, to put the server's problems beside it.
            let mut from: Vec<String> = Vec::new();
            let mut phrases = Vec::new();
            for (language, concern, text) in &boxes {
                for line in text
                    .get_untracked()
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                {
                    from.push(box_id(*language, *concern));
                    phrases.push(Phrase {
                        phrase: line.to_string(),
                        concern: *concern,
                        language: *language,
                    });
                }
            }
            leptos::task::spawn_local(async move {
                match api::send::<_, PhrasesSaved>(
                    Change::Put,
                    "/api/manage/safeguarding/phrases",
                    &PhraseList { phrases },
                )
                .await
                {
                    Ok(saved) => {
                        problems.clear();
                        super::session::Waiting::changed();
                        let held = saved.newly_held_responses + saved.newly_held_notes;
                        notice.set(Some(format!(
                            "Saved {} phrases. Checked {} answers and notes again: {}",
                            saved.list.phrases.len(),
                            saved.checked,
                            match held {
                                0 => "none newly held.".to_string(),
                                1 => "1 newly held for you in the queue.".to_string(),
                                n => format!("{n} newly held for you in the queue."),
                            }
                        )));
                    }
                    Err(e) => {
                        auth.check(&e);
                        let fields = e.fields();
                        if fields.is_empty() {
                            problems.show_error(
                                &e,
                                &box_id(Language::English, Concern::Harm),
                                "Safeguarding phrases",
                            );
                            return;
                        }
                        let located: Vec<(String, String)> = fields
                            .iter()
                            .map(|f| (problem_box(&f.field, &from), f.message.clone()))
                            .collect();
                        let pairs: Vec<(&str, &str)> = located
                            .iter()
                            .map(|(b, m)| (b.as_str(), m.as_str()))
                            .collect();
                        problems.show_local(&pairs, "Safeguarding phrases");
                    }
                }
            });
        }
    };
    view! {
        <a href="/manage/safeguarding" class="back-link">"Safeguarding"</a>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Words and phrases that flag an answer"</h1>
        <p class="body">"An answer or event note containing any of these is held for you. Each language has its own list; every answer is checked against all three, as people mix languages. When unsure, flag: this is triage, not diagnosis."</p>
        <details class="details">
            <summary class="details__summary"><span class="details__summary-text">"How phrases are written"</span></summary>
            <div class="details__text">
                <ul class="list list--bullet">
                    <li>"Words match any form of themselves: \u{201c}hit\u{201d} matches hits, hitting and hitted; in Welsh any mutation (\u{201c}taro\u{201d} matches fy nharo, ei daro); in Arabic with attached words (\u{201c}\u{0636}\u{0631}\u{0628}\u{201d} matches \u{064a}\u{0636}\u{0631}\u{0628}\u{0646}\u{064a}). Up to two other words may come between them."</li>
                    <li>"a|b: any of these words. word*: any word starting so (at least three letters)."</li>
                    <li>"[someone]: a person (me, us, my little brother, mum\u{2019}s boyfriend). [myself]: myself, himself. [body]: a part of someone\u{2019}s body."</li>
                    <li>"[not]: only when denied (\u{201c}[not] feel safe\u{201d} flags \u{201c}I don\u{2019}t feel safe\u{201d})."</li>
                    <li>"& a|b: one of these words must also be in the sentence."</li>
                    <li>"A phrase does not count where the sentence plainly denies it in the same clause (\u{201c}nobody hurts me\u{201d}), only supposes it (\u{201c}if someone hurt me I would tell\u{201d}), or is about treatment, a thing, a story or an everyday saying (\u{201c}the stretches hurt\u{201d}, \u{201c}the wait is killing me\u{201d})."</li>
                </ul>
            </div>
        </details>
        <p class="body">"Jump to: "
            {Language::ALL.iter().map(|l| view! {
                <a href=format!("#phrases-{}", l.code()) class="link-inline">{language_heading(*l)}</a>" "
            }).collect_view()}
        </p>
        {problems.summary_linking(|field| field.to_string())}
        <Notice message=notice/>
        // Shown only once loaded: typing before would be overwritten by the list arriving.
        {move || {
            if !loaded.get() {
                return view! { <p class="body" role="status">"Loading…"</p> }.into_any();
            }
            let boxes = boxes.clone();
            let on_submit = on_submit.clone();
            view! {
                <form novalidate on:submit=on_submit class="narrow">
                    {Language::ALL.iter().map(|language| {
                        let language = *language;
                        let own: Vec<_> = boxes.iter().filter(|(l, _, _)| *l == language).cloned().collect();
                        view! {
                            <h2 class="heading-l" id=format!("phrases-{}", language.code())>{language_heading(language)}</h2>
                            {own.into_iter().map(|(l, concern, text)| view! {
                                <TextArea id=box_id(l, concern) label=concern.label() hint="One per line" value=text rows=4 problems=problems lang=(l != Language::English).then_some(l.code())/>
                            }).collect_view()}
                        }
                    }).collect_view()}
                    <button class="button" type="submit">"Save phrases"</button>
                </form>
            }.into_any()
        }}
    }
}

/// The id of the box for one language's phrases of one concern.
fn box_id(language: Language, concern: Concern) -> String {
    format!("phrases-{}-{}", language.code(), concern.key())
}

/// The box a server problem belongs to: `phrases[3].phrase` is the fourth phrase sent,
/// `languages.cy` the first Welsh box.
fn problem_box(field: &str, from: &[String]) -> String {
    if let Some(code) = field.strip_prefix("languages.") {
        let language = Language::from_code(code).unwrap_or_default();
        return box_id(language, Concern::ALL[0]);
    }
    field
        .strip_prefix("phrases[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| from.get(n).cloned())
        .unwrap_or_else(|| box_id(Language::English, Concern::ALL[0]))
}

/// A language named in itself and in English.
fn language_heading(language: Language) -> String {
    if language.is_english() {
        "English".to_string()
    } else {
        format!("{} ({})", language.name(), language.english_name())
    }
}
