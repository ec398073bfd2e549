//! The survey builder: questions of every kind in a form, reordered with buttons (no
//! dragging), previewed as participants see them, imported and exported as JSON.

use super::consultation::{consultation_resource, with_consultation};
use super::session::Auth;
use super::translate::Languages;
use crate::api::{self, Change};
use crate::browser;
use crate::components::form::{Notice, Problems};
use crate::components::question::QuestionInput;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use tellus_core::survey::{Choice, ShowIf, slugify};
use tellus_core::symbol::Symbol;
use tellus_core::{Answer, Consultation, FieldError, Question, QuestionKind, Survey};
use wasm_bindgen::JsCast;

/// The kinds of question the builder offers: `(key, words)`.
const KINDS: [(&str, &str); 9] = [
    ("single_choice", "Single choice"),
    ("multiple_choice", "Multiple choice"),
    ("faces", "Faces scale"),
    ("agreement", "Agreement scale"),
    ("yes_no", "Yes, no or not sure"),
    ("free_text", "Free text"),
    ("answered_how", "How did you answer?"),
    ("ranking", "Ranking (put options in order)"),
    ("number", "Number"),
];

fn kind_key(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::SingleChoice { .. } => "single_choice",
        QuestionKind::MultipleChoice { .. } => "multiple_choice",
        QuestionKind::Faces { .. } => "faces",
        QuestionKind::Agreement => "agreement",
        QuestionKind::YesNo => "yes_no",
        QuestionKind::FreeText { .. } => "free_text",
        QuestionKind::AnsweredHow => "answered_how",
        QuestionKind::Ranking { .. } => "ranking",
        QuestionKind::Number { .. } => "number",
    }
}

fn kind_words(kind: &QuestionKind) -> &'static str {
    let key = kind_key(kind);
    KINDS.iter().find(|(k, _)| *k == key).map_or("", |(_, w)| w)
}

/// A new kind of the given key, keeping options when switching between choice kinds.
fn convert(kind: &QuestionKind, key: &str) -> QuestionKind {
    let options = match kind {
        QuestionKind::SingleChoice { options }
        | QuestionKind::MultipleChoice { options, .. }
        | QuestionKind::Ranking { options } => options.clone(),
        _ => vec![
            Choice::new("option_1", "Option 1"),
            Choice::new("option_2", "Option 2"),
        ],
    };
    match key {
        "single_choice" => QuestionKind::SingleChoice { options },
        "multiple_choice" => QuestionKind::MultipleChoice { options, max: None },
        "faces" => QuestionKind::Faces { points: 5 },
        "agreement" => QuestionKind::Agreement,
        "yes_no" => QuestionKind::YesNo,
        "answered_how" => QuestionKind::AnsweredHow,
        "ranking" => QuestionKind::Ranking { options },
        "number" => QuestionKind::Number {
            min: None,
            max: None,
            unit: None,
        },
        _ => QuestionKind::FreeText {
            max_graphemes: Some(1000),
        },
    }
}

/// A question id not yet used in the survey: `q1`, `q2`, ...
fn fresh_id(survey: &Survey) -> String {
    (1..)
        .map(|n| format!("q{n}"))
        .find(|id| survey.question(id).is_none())
        .expect("an unused id exists")
}

/// Options from one label per line, keeping the id of any option whose label is unchanged.
fn options_from_lines(text: &str, before: &[Choice]) -> Vec<Choice> {
    let mut options: Vec<Choice> = Vec::new();
    for label in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let kept = before.iter().find(|o| o.label == label);
        let id = kept
            .map(|o| o.id.clone())
            .unwrap_or_else(|| slugify(label).replace('-', "_"));
        let mut unique = id.clone();
        let mut n = 2;
        while options.iter().any(|o| o.id == unique) {
            unique = format!("{id}_{n}");
            n += 1;
        }
        options.push(Choice {
            id: unique,
            label: label.to_string(),
            symbol: kept.and_then(|o| o.symbol),
        });
    }
    options
}

/// Values an earlier question's answer can take, for "only ask when": `(value, words)`.
fn condition_values(q: &Question) -> Vec<(String, String)> {
    // Every ranking contains every option, so it cannot decide whether to ask something.
    if matches!(q.kind, QuestionKind::Ranking { .. }) {
        return Vec::new();
    }
    let mut values: Vec<(String, String)> = q
        .kind
        .options()
        .into_iter()
        .map(|o| (o.id, o.label))
        .collect();
    values.extend(
        q.kind
            .scale()
            .into_iter()
            .map(|(v, w)| (v.to_string(), w.to_string())),
    );
    values
}

/// Where an error about a survey path should take the person.
fn problem_target(path: &str) -> String {
    match path
        .strip_prefix("questions[")
        .and_then(|rest| rest.split(']').next())
    {
        Some(n) => format!("question-{n}-edit"),
        None if path.starts_with("intro") => "survey-intro".into(),
        None => "survey-title".into(),
    }
}

/// The builder page for `/manage/c/:id/s/:survey`.
#[component]
pub fn BuilderPage() -> impl IntoView {
    let (_, resource) = consultation_resource();
    let params = use_params_map();
    with_consultation(resource, move |c| {
        let sid = params.read_untracked().get("survey").unwrap_or_default();
        match c.survey(&sid).cloned() {
            Some(survey) => {
                browser::set_title(&format!("Edit: {}", survey.title));
                browser::focus_page();
                view! { <Builder consultation=c.clone() survey=survey/> }.into_any()
            }
            None => view! {
                <h1 class="heading-xl" id="page-heading" tabindex="-1">"Survey not found"</h1>
                <p class="body"><a href=format!("/manage/c/{}", c.id)>"Back to the consultation"</a></p>
            }
            .into_any(),
        }
    })
}

#[component]
fn Builder(consultation: Consultation, survey: Survey) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let (consultation_id, consultation_title) =
        (consultation.id.clone(), consultation.title.clone());
    let consultation = StoredValue::new(consultation);
    let translating = RwSignal::new(None);
    let sid = survey.id.clone();
    // Changes that could not be saved because the session ended wait here until signed in again.
    let kept = browser::load::<Survey>(&format!("tellus:builder:{sid}")).filter(|s| s.id == sid);
    let notice = RwSignal::new(kept.is_some().then(|| {
        "We kept the changes you had not saved when you were signed out. Check them, then save the survey."
            .to_string()
    }));
    let draft = RwSignal::new(kept.unwrap_or(survey));
    let selected = RwSignal::new(if draft.with_untracked(|s| s.questions.is_empty()) {
        None
    } else {
        Some(0usize)
    });
    let problems = Problems::new();
    let new_kind = RwSignal::new("single_choice".to_string());

    let save = {
        let (cid, sid) = (consultation_id.clone(), sid.clone());
        move |_| {
            notice.set(None);
            let (cid, sid) = (cid.clone(), sid.clone());
            let mut survey = draft.get_untracked();
            // Translations of questions or options removed here go with them.
            let dropped = survey.drop_stale_translations();
            leptos::task::spawn_local(async move {
                let url = format!("/api/manage/consultations/{cid}/surveys/{sid}");
                match api::send::<_, Survey>(Change::Put, &url, &survey).await {
                    Ok(_) => {
                        browser::forget(&format!("tellus:builder:{sid}"));
                        problems.clear();
                        draft.update(|d| d.translations = survey.translations);
                        let also = if dropped > 0 {
                            format!(
                                " Translations of {dropped} removed questions or options were dropped."
                            )
                        } else {
                            String::new()
                        };
                        notice.set(Some(format!(
                            "Survey saved. Participants see these questions from now on.{also}"
                        )));
                    }
                    Err(e) => {
                        if e.needs_sign_in() {
                            browser::save(&format!("tellus:builder:{sid}"), &survey);
                        }
                        auth.check(&e);
                        problems.show_error(&e, "title", "Edit survey");
                    }
                }
            });
        }
    };
    let export = move |_| {
        let survey = draft.get_untracked();
        let json = serde_json::to_string_pretty(&survey).unwrap_or_default();
        if let Err(e) = browser::download(&format!("{}.json", survey.id), &json) {
            notice.set(Some(e));
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            match text.as_deref().map(serde_json::from_str::<Survey>) {
                Some(Ok(mut imported)) => {
                    imported.id = draft.get_untracked().id;
                    let count = imported.questions.len();
                    draft.set(imported);
                    // Its translations replace the ones the editor was showing.
                    translating.set(None);
                    selected.set((count > 0).then_some(0));
                    problems.clear();
                    notice.set(Some(format!("Imported {count} questions. Check them, then save the survey.")));
                }
                Some(Err(e)) => problems.show_local(
                    &[("import", &format!("The file is not a Tellus survey ({e}). Choose a JSON file exported from Tellus."))],
                    "Edit survey",
                ),
                None => problems.show_local(&[("import", "The file could not be read. Try choosing it again.")], "Edit survey"),
            }
        });
    };
    let add_question = move |_| {
        draft.update(|s| {
            let id = fresh_id(s);
            s.questions.push(Question {
                id,
                text: String::new(),
                hint: None,
                easy_read: None,
                required: false,
                allow_dont_know: false,
                allow_rather_not_say: false,
                show_if: None,
                kind: convert(&QuestionKind::YesNo, &new_kind.get_untracked()),
            });
            selected.set(Some(s.questions.len() - 1));
        });
        request_animation_frame(|| browser::focus("edit-text"));
    };

    view! {
        <a href=format!("/manage/c/{consultation_id}") class="back-link">{format!("Back to {consultation_title}")}</a>
        <span class="caption">"Edit survey"</span>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">{move || draft.with(|s| s.title.clone())}</h1>
        {problems.summary_linking(problem_target)}
        <Notice message=notice/>
        {move || {
            let warnings = tellus_core::privacy::survey_warnings(&draft.get());
            (!warnings.is_empty()).then(|| view! {
                <div class="warning-list" role="region" aria-labelledby="privacy-warnings">
                    <h2 class="heading-s" id="privacy-warnings">"Check what these questions collect"</h2>
                    <ul class="list">
                        {warnings.into_iter().map(|w| view! {
                            <li><a href=format!("#{}", problem_target(&w.path))>{w.message}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
        <div class="builder">
            <div class="builder__edit">
                <SurveySettings draft=draft/>
                <h2 class="heading-l">"Questions"</h2>
                <QuestionList draft=draft selected=selected/>
                <div class="add-question">
                    <label class="label label--s" for="new-kind">"Kind of question"</label>
                    <select class="select" id="new-kind" on:change=move |ev| new_kind.set(event_target_value(&ev))>
                        {KINDS.iter().map(|(k, w)| view! { <option value=*k>{*w}</option> }).collect_view()}
                    </select>
                    <button type="button" class="button button--secondary" on:click=add_question>"Add question"</button>
                </div>
                {move || selected.get().map(|i| view! { <QuestionEditor draft=draft index=i/> })}
                <div class="button-group">
                    <button type="button" class="button" on:click=save>"Save survey"</button>
                    <button type="button" class="button button--secondary" on:click=export>"Export as JSON"</button>
                </div>
                <div class="form-group">
                    <label class="label label--s" for="import">"Import a survey from a JSON file"</label>
                    <div class="hint" id="import-hint">"It replaces the questions here; nothing is saved until you save the survey."</div>
                    <input class="file-upload" type="file" id="import" accept="application/json,.json" aria-describedby="import-hint" on:change=import/>
                </div>
                <Languages draft=draft consultation=consultation translating=translating/>
            </div>
            <Preview draft=draft selected=selected/>
        </div>
    }
}

/// The survey's title, introduction and child mode.
#[component]
fn SurveySettings(draft: RwSignal<Survey>) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="label label--s" for="survey-title">"Survey title"</label>
            <input class="input" id="survey-title" type="text"
                prop:value=move || draft.with(|s| s.title.clone())
                on:input=move |ev| draft.update(|s| s.title = event_target_value(&ev))/>
        </div>
        <div class="form-group">
            <label class="label label--s" for="survey-intro">"Introduction on the start page"</label>
            <textarea class="textarea" id="survey-intro" rows="3"
                prop:value=move || draft.with(|s| s.intro.clone())
                on:input=move |ev| draft.update(|s| s.intro = event_target_value(&ev))></textarea>
        </div>
        <div class="checkboxes__item checkboxes__item--small form-group">
            <input class="checkboxes__input" type="checkbox" id="survey-child-mode"
                prop:checked=move || draft.with(|s| s.child_mode)
                on:change=move |ev| draft.update(|s| s.child_mode = event_target_checked(&ev))/>
            <label class="checkboxes__label" for="survey-child-mode">"Child mode: larger text and buttons, read-aloud, faces"</label>
        </div>
    }
}

/// The questions in order, each with buttons to edit, move and delete (keyboard and
/// switch access friendly: no dragging).
#[component]
fn QuestionList(draft: RwSignal<Survey>, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let swap = move |a: usize, b: usize| {
        draft.update(|s| s.questions.swap(a, b));
        if selected.get_untracked() == Some(a) {
            selected.set(Some(b));
        } else if selected.get_untracked() == Some(b) {
            selected.set(Some(a));
        }
    };
    view! {
        <ol class="question-list">
            {move || {
                let questions = draft.with(|s| s.questions.clone());
                let count = questions.len();
                questions.into_iter().enumerate().map(|(i, q)| {
                    let name = if q.text.trim().is_empty() { "(no text yet)".to_string() } else { q.text.clone() };
                    let current = move || selected.get() == Some(i);
                    view! {
                        <li class="question-list__item" class=("question-list__item--current", current)>
                            <span class="question-list__text">{name.clone()}</span>
                            <span class="question-list__kind">{kind_words(&q.kind)}{q.show_if.is_some().then_some(", asked only sometimes")}</span>
                            <span class="question-list__actions">
                                <button type="button" class="button button--secondary button--small" id=format!("question-{i}-edit")
                                    aria-pressed=move || if current() { "true" } else { "false" }
                                    on:click=move |_| { selected.set(Some(i)); request_animation_frame(|| browser::focus("edit-text")); }>
                                    "Edit" <span class="visually-hidden">{format!(" question {}", i + 1)}</span></button>
                                <button type="button" class="button button--secondary button--small" disabled=i == 0
                                    on:click=move |_| swap(i, i - 1)>
                                    "Move up" <span class="visually-hidden">{format!(" question {}", i + 1)}</span></button>
                                <button type="button" class="button button--secondary button--small" disabled=i + 1 == count
                                    on:click=move |_| swap(i, i + 1)>
                                    "Move down" <span class="visually-hidden">{format!(" question {}", i + 1)}</span></button>
                                <button type="button" class="button button--warning button--small"
                                    on:click=move |_| {
                                        draft.update(|s| { s.questions.remove(i); });
                                        let left = draft.with_untracked(|s| s.questions.len());
                                        selected.set((left > 0).then(|| i.min(left - 1)));
                                    }>
                                    "Delete" <span class="visually-hidden">{format!(" question {}", i + 1)}</span></button>
                            </span>
                        </li>
                    }
                }).collect_view()
            }}
        </ol>
    }
}

/// Edits one question in place.
#[component]
fn QuestionEditor(draft: RwSignal<Survey>, index: usize) -> impl IntoView {
    let q = move || draft.with(|s| s.questions.get(index).cloned());
    let edit = move |f: &dyn Fn(&mut Question)| {
        draft.update(|s| {
            if let Some(q) = s.questions.get_mut(index) {
                f(q)
            }
        })
    };
    let options_text = RwSignal::new(
        q().map(|q| {
            q.kind
                .options()
                .iter()
                .map(|o| o.label.clone())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default(),
    );
    let kind = Memo::new(move |_| q().map(|q| kind_key(&q.kind)).unwrap_or("free_text"));
    let earlier = move || {
        draft.with(|s| {
            s.questions[..index.min(s.questions.len())]
                .iter()
                .filter(|q| !condition_values(q).is_empty())
                .map(|q| (q.id.clone(), q.text.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="question-editor" aria-labelledby="editor-heading">
            <h3 class="heading-m" id="editor-heading">{format!("Question {}", index + 1)}</h3>
            <div class="form-group">
                <label class="label label--s" for="edit-text">"Question"</label>
                <input class="input" id="edit-text" type="text"
                    prop:value=move || q().map(|q| q.text).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); edit(&|q| q.text = v.clone()) }/>
            </div>
            <div class="form-group">
                <label class="label label--s" for="edit-hint">"Help text (optional)"</label>
                <textarea class="textarea" id="edit-hint" rows="2"
                    prop:value=move || q().and_then(|q| q.hint).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); edit(&|q| q.hint = (!v.trim().is_empty()).then(|| v.clone())) }></textarea>
            </div>
            <div class="form-group">
                <label class="label label--s" for="edit-easy">"Easy-read version (optional)"</label>
                <div class="hint" id="edit-easy-hint">"Short, everyday words. Participants can switch to it with Easier words."</div>
                <textarea class="textarea" id="edit-easy" rows="2" aria-describedby="edit-easy-hint"
                    prop:value=move || q().and_then(|q| q.easy_read).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); edit(&|q| q.easy_read = (!v.trim().is_empty()).then(|| v.trim().to_string())) }></textarea>
            </div>
            <div class="form-group">
                <label class="label label--s" for="edit-kind">"Kind of question"</label>
                <select class="select" id="edit-kind"
                    on:change=move |ev| { let v = event_target_value(&ev); edit(&|q| q.kind = convert(&q.kind, &v)) }>
                    {KINDS.iter().map(|(k, w)| view! { <option value=*k selected=move || kind.get() == *k>{*w}</option> }).collect_view()}
                </select>
            </div>
            {move || matches!(kind.get(), "single_choice" | "multiple_choice" | "ranking").then(|| view! {
                <div class="form-group">
                    <label class="label label--s" for="edit-options">"Options"</label>
                    <div class="hint" id="edit-options-hint">"One per line, at least two"</div>
                    <textarea class="textarea" id="edit-options" rows="4" aria-describedby="edit-options-hint"
                        prop:value=move || options_text.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            options_text.set(v.clone());
                            edit(&|q| match &mut q.kind {
                                QuestionKind::SingleChoice { options }
                                | QuestionKind::MultipleChoice { options, .. }
                                | QuestionKind::Ranking { options } => {
                                    *options = options_from_lines(&v, options);
                                }
                                _ => {}
                            })
                        }></textarea>
                </div>
            })}
            {move || matches!(kind.get(), "single_choice" | "multiple_choice" | "ranking").then(|| view! { <OptionPictures draft=draft index=index/> })}
            {move || (kind.get() == "number").then(|| view! { <NumberLimits draft=draft index=index/> })}
            {move || (kind.get() == "multiple_choice").then(|| view! {
                <div class="form-group">
                    <label class="label label--s" for="edit-max">"Most options a person can choose (optional)"</label>
                    <input class="input input--4" id="edit-max" type="number" min="1" inputmode="numeric"
                        prop:value=move || match q().map(|q| q.kind) { Some(QuestionKind::MultipleChoice { max: Some(m), .. }) => m.to_string(), _ => String::new() }
                        on:input=move |ev| { let v = event_target_value(&ev).trim().parse::<u32>().ok(); edit(&|q| if let QuestionKind::MultipleChoice { max, .. } = &mut q.kind { *max = v }) }/>
                </div>
            })}
            {move || (kind.get() == "faces").then(|| view! {
                <div class="form-group">
                    <label class="label label--s" for="edit-points">"Faces"</label>
                    <select class="select" id="edit-points"
                        on:change=move |ev| { let p: u8 = event_target_value(&ev).parse().unwrap_or(5); edit(&|q| q.kind = QuestionKind::Faces { points: p }) }>
                        <option value="3" selected=move || matches!(q().map(|q| q.kind), Some(QuestionKind::Faces { points: 3 }))>"3 faces, for young children"</option>
                        <option value="5" selected=move || matches!(q().map(|q| q.kind), Some(QuestionKind::Faces { points: 5 }))>"5 faces, for older children"</option>
                    </select>
                </div>
            })}
            {move || (kind.get() == "free_text").then(|| view! {
                <div class="form-group">
                    <label class="label label--s" for="edit-limit">"Longest answer in characters (optional)"</label>
                    <input class="input input--4" id="edit-limit" type="number" min="1" inputmode="numeric"
                        prop:value=move || match q().map(|q| q.kind) { Some(QuestionKind::FreeText { max_graphemes: Some(m) }) => m.to_string(), _ => String::new() }
                        on:input=move |ev| { let v = event_target_value(&ev).trim().parse::<u32>().ok(); edit(&|q| q.kind = QuestionKind::FreeText { max_graphemes: v }) }/>
                </div>
            })}
            <fieldset class="fieldset form-group">
                <legend class="fieldset__legend label--s">"Answering"</legend>
                <BoolField id="edit-required" label="An answer is needed" draft=draft index=index field=|q| &mut q.required/>
                <BoolField id="edit-dont-know" label="Offer \u{201c}I don't know\u{201d}" draft=draft index=index field=|q| &mut q.allow_dont_know/>
                <BoolField id="edit-rather-not" label="Offer \u{201c}I'd rather not say\u{201d}" draft=draft index=index field=|q| &mut q.allow_rather_not_say/>
            </fieldset>
            <ShowIfEditor draft=draft index=index earlier=Signal::derive(earlier)/>
        </section>
    }
}

/// One limit of a number question, as edited.
enum Limit {
    Min(Option<i64>),
    Max(Option<i64>),
    Unit(Option<String>),
}

/// The smallest and largest numbers allowed, and the unit, for a number question.
#[component]
fn NumberLimits(draft: RwSignal<Survey>, index: usize) -> impl IntoView {
    let limits = move || match draft.with(|s| s.questions.get(index).map(|q| q.kind.clone())) {
        Some(QuestionKind::Number { min, max, unit }) => (min, max, unit),
        _ => (None, None, None),
    };
    // Changes one limit of the number question (`Limit` says which, the value is new).
    let set = move |limit: Limit| {
        draft.update(|s| {
            if let Some(QuestionKind::Number { min, max, unit }) =
                s.questions.get_mut(index).map(|q| &mut q.kind)
            {
                match limit {
                    Limit::Min(v) => *min = v,
                    Limit::Max(v) => *max = v,
                    Limit::Unit(v) => *unit = v,
                }
            }
        })
    };
    let number = |text: String| text.trim().parse::<i64>().ok();
    view! {
        <div class="form-group">
            <label class="label label--s" for="edit-min">"Smallest number allowed (optional)"</label>
            <input class="input input--4" id="edit-min" type="text" inputmode="numeric"
                prop:value=move || limits().0.map(|n| n.to_string()).unwrap_or_default()
                on:input=move |ev| { let v = number(event_target_value(&ev)); set(Limit::Min(v)) }/>
        </div>
        <div class="form-group">
            <label class="label label--s" for="edit-max-number">"Largest number allowed (optional)"</label>
            <input class="input input--4" id="edit-max-number" type="text" inputmode="numeric"
                prop:value=move || limits().1.map(|n| n.to_string()).unwrap_or_default()
                on:input=move |ev| { let v = number(event_target_value(&ev)); set(Limit::Max(v)) }/>
        </div>
        <div class="form-group">
            <label class="label label--s" for="edit-unit">"Unit (optional)"</label>
            <div class="hint" id="edit-unit-hint">"For example, sessions or weeks"</div>
            <input class="input input--code" id="edit-unit" type="text" aria-describedby="edit-unit-hint"
                prop:value=move || limits().2.unwrap_or_default()
                on:input=move |ev| { let v = event_target_value(&ev); set(Limit::Unit((!v.trim().is_empty()).then(|| v.trim().to_string()))) }/>
        </div>
    }
}

/// A checkbox for one yes/no property of the question.
#[component]
fn BoolField(
    id: &'static str,
    label: &'static str,
    draft: RwSignal<Survey>,
    index: usize,
    field: fn(&mut Question) -> &mut bool,
) -> impl IntoView {
    view! {
        <div class="checkboxes__item checkboxes__item--small">
            <input class="checkboxes__input" type="checkbox" id=id
                prop:checked=move || draft.with(|s| s.questions.get(index).map(|q| *field(&mut q.clone())).unwrap_or(false))
                on:change=move |ev| { let v = event_target_checked(&ev); draft.update(|s| if let Some(q) = s.questions.get_mut(index) { *field(q) = v }) }/>
            <label class="checkboxes__label" for=id>{label}</label>
        </div>
    }
}

/// "Only ask this when ...": an earlier question and one of its answers.
#[component]
fn ShowIfEditor(
    draft: RwSignal<Survey>,
    index: usize,
    earlier: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let condition = move || draft.with(|s| s.questions.get(index).and_then(|q| q.show_if.clone()));
    let set = move |show_if: Option<ShowIf>| {
        draft.update(|s| {
            if let Some(q) = s.questions.get_mut(index) {
                q.show_if = show_if
            }
        })
    };
    let values = move || {
        condition()
            .and_then(|c| draft.with(|s| s.question(&c.question).map(condition_values)))
            .unwrap_or_default()
    };
    view! {
        <div class="form-group">
            <label class="label label--s" for="edit-show-if">"When to ask"</label>
            <select class="select" id="edit-show-if"
                on:change=move |ev| {
                    let qid = event_target_value(&ev);
                    if qid.is_empty() { set(None); return; }
                    let first = draft.with_untracked(|s| s.question(&qid).and_then(|q| condition_values(q).into_iter().next()));
                    set(Some(ShowIf { question: qid, any_of: first.map(|(v, _)| vec![v]).unwrap_or_default() }));
                }>
                <option value="" selected=move || condition().is_none()>"Always"</option>
                {move || earlier.get().into_iter().map(|(id, text)| {
                    let chosen = { let id = id.clone(); move || condition().is_some_and(|c| c.question == id) };
                    view! { <option value=id.clone() selected=chosen>{format!("Only when the answer to \u{201c}{text}\u{201d} is\u{2026}")}</option> }
                }).collect_view()}
            </select>
        </div>
        {move || condition().map(|c| view! {
            <div class="form-group">
                <label class="label label--s" for="edit-show-if-value">"\u{2026}this answer"</label>
                <select class="select" id="edit-show-if-value"
                    on:change=move |ev| { let v = event_target_value(&ev); let question = c.question.clone(); set(Some(ShowIf { question, any_of: vec![v] })) }>
                    {values().into_iter().map(|(v, words)| {
                        let chosen = condition().is_some_and(|c| c.any_of.contains(&v));
                        view! { <option value=v selected=chosen>{words}</option> }
                    }).collect_view()}
                </select>
            </div>
        })}
    }
}

/// The selected question as a participant would see it, in child mode if chosen.
#[component]
fn Preview(draft: RwSignal<Survey>, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let child = RwSignal::new(draft.with_untracked(|s| s.child_mode));
    view! {
        <section class="builder__preview" aria-labelledby="preview-heading">
            <h2 class="heading-l" id="preview-heading">"Preview"</h2>
            <div class="checkboxes__item checkboxes__item--small form-group">
                <input class="checkboxes__input" type="checkbox" id="preview-child-mode"
                    prop:checked=move || child.get() on:change=move |ev| child.set(event_target_checked(&ev))/>
                <label class="checkboxes__label" for="preview-child-mode">"Show as in child mode"</label>
            </div>
            <div class="preview-frame" class=("child-mode", move || child.get()) data-testid="preview">
                {move || {
                    let (question, count) = draft.with(|s| (selected.get().and_then(|i| s.questions.get(i).cloned()), s.questions.len()));
                    let child = child.get();
                    match question {
                        None => view! { <p class="body">"Add a question to see it here."</p> }.into_any(),
                        Some(question) => {
                            let position = selected.get().unwrap_or(0) + 1;
                            let answer = RwSignal::new(None::<Answer>);
                            view! {
                                <QuestionInput
                                    question=question
                                    draft=answer
                                    error=Signal::derive(|| None::<FieldError>)
                                    caption=format!("Question {position} of {count}")
                                    child_mode=child
                                    preview=true
                                />
                                <button class="button" type="button" disabled=true>"Continue"</button>
                            }
                            .into_any()
                        }
                    }
                }}
            </div>
        </section>
    }
}

/// A picture for each option (optional), shown with the option's words.
#[component]
fn OptionPictures(draft: RwSignal<Survey>, index: usize) -> impl IntoView {
    let options_now = move || {
        draft.with_untracked(|s| {
            s.questions
                .get(index)
                .map(|q| q.kind.options())
                .unwrap_or_default()
        })
    };
    // Rebuilt only when the options' words change, so choosing a picture keeps focus on its list.
    let labels = Memo::new(move |_| {
        draft.with(|s| {
            s.questions
                .get(index)
                .map(|q| {
                    q.kind
                        .options()
                        .into_iter()
                        .map(|o| o.label)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <details class="details">
            <summary class="details__summary">"Pictures for the options (optional)"</summary>
            <div class="details__text">
                <p class="hint">"Each picture is shown with its option's words, never instead of them."</p>
                {move || { labels.track(); options_now() }.into_iter().enumerate().map(|(i, o)| {
                    let id = format!("edit-picture-{i}");
                    let current = o.symbol.map_or("", Symbol::key);
                    view! {
                        <div class="form-group">
                            <label class="label label--s" for=id.clone()>{format!("Picture for \u{201c}{}\u{201d}", o.label)}</label>
                            <select class="select" id=id
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    let symbol = Symbol::from_key(&v);
                                    draft.update(|s| {
                                        if let Some(q) = s.questions.get_mut(index) {
                                            match &mut q.kind {
                                                QuestionKind::SingleChoice { options }
                                                | QuestionKind::MultipleChoice { options, .. }
                                                | QuestionKind::Ranking { options } => {
                                                    if let Some(o) = options.get_mut(i) {
                                                        o.symbol = symbol;
                                                    }
                                                }
                                                _ => {}
                                            }
                                        }
                                    });
                                }>
                                <option value="" selected=current.is_empty()>"No picture"</option>
                                {Symbol::ALL.into_iter().map(|s| {
                                    let k = s.key();
                                    let selected = k == current;
                                    view! { <option value=k selected=selected>{s.label()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </div>
        </details>
    }
}
