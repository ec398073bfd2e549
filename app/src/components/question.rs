//! One question as a page's form: heading, hint, error and the input for its kind.
//!
//! Radios, checkboxes and faces sit in a fieldset whose legend holds the page heading;
//! free text has the heading as its label, as in the GOV.UK Design System.

use crate::components::face::Face;
use crate::components::listen::{Listen, can_listen};

/// Present in child mode when this device can read aloud: options then get a Listen button.
#[derive(Clone, Copy)]
struct ReadAloud(Signal<bool>);

/// A Listen button for an option, in child mode only.
fn listen_for(text: &str) -> Option<impl IntoView + use<>> {
    use_context::<ReadAloud>().map(|ReadAloud(available)| {
        view! { <Listen text=text.to_string() label=(words().listen_to)(text) available=available/> }
    })
}
use crate::language::words;
use leptos::prelude::*;
use tellus_core::response::grapheme_count;
use tellus_core::symbol::Symbol;
use tellus_core::{Answer, FieldError, Question, QuestionKind};

/// The id of the input an error links to: the first input of the question.
pub fn first_input_id(question: &Question) -> String {
    match question.kind {
        QuestionKind::FreeText { .. } | QuestionKind::Number { .. } => question.id.clone(),
        _ => format!("{}-0", question.id),
    }
}

/// Easy-read words switched on for this device: questions that have them use them.
#[derive(Clone, Copy)]
pub struct EasyRead(pub RwSignal<bool>);

/// The heading text, in easy-read words when they are on, marked "(optional)" where an
/// answer is not needed.
fn heading_text(question: &Question, easy: bool) -> String {
    let text = match (&question.easy_read, easy) {
        (Some(simple), true) => simple.clone(),
        _ => question.text.clone(),
    };
    if question.required {
        text
    } else {
        format!("{text} {}", words().optional)
    }
}

/// The answers every question may offer besides its own: "I don't know", "I'd rather not say".
fn special_answers(question: &Question) -> Vec<(Answer, &'static str)> {
    let w = words();
    let mut special = Vec::new();
    if question.allow_dont_know {
        special.push((Answer::DontKnow, w.dont_know));
    }
    if question.allow_rather_not_say {
        special.push((Answer::RatherNotSay, w.rather_not_say));
    }
    special
}

/// A question's input with its heading, hint and error message.
#[component]
pub fn QuestionInput(
    question: Question,
    draft: RwSignal<Option<Answer>>,
    #[prop(into)] error: Signal<Option<FieldError>>,
    /// Progress in words, e.g. "Question 2 of 6".
    caption: String,
    /// Children's survey: larger targets, and the safeguarding promise before free text.
    #[prop(optional)]
    child_mode: bool,
    /// Shown inside the survey builder: the heading is not the page's own.
    #[prop(optional)]
    preview: bool,
) -> impl IntoView {
    let w = words();
    let easy = use_context::<EasyRead>().map(|e| e.0);
    let heading = {
        let question = question.clone();
        move || heading_text(&question, easy.is_some_and(|on| on.get()))
    };
    // A switch for easier words, where the question has them and the page offers them.
    let easy_toggle = match (&question.easy_read, easy) {
        (Some(_), Some(on)) => Some(view! {
            <div class="listen-row">
                <button type="button" class="easy-read-toggle"
                    aria-pressed=move || if on.get() { "true" } else { "false" }
                    on:click=move |_| on.update(|v| *v = !*v)>{w.easier_words}</button>
            </div>
        }),
        _ => None,
    };
    let heading_id = (!preview).then_some("page-heading");
    let heading_tabindex = (!preview).then_some("-1");
    let read_aloud = child_mode.then(|| {
        let available = can_listen();
        provide_context(ReadAloud(available));
        // What is read follows what is shown: the easy-read words when they are on.
        let spoken = {
            let question = question.clone();
            Signal::derive(move || {
                let text = heading_text(&question, easy.is_some_and(|on| on.get()));
                match &question.hint {
                    Some(hint) => format!("{text} {hint}"),
                    None => text,
                }
            })
        };
        view! { <div class="listen-row"><Listen text=spoken label=w.listen_to_question.to_string() available=available/></div> }
    });
    let hint_id = format!("{}-hint", question.id);
    let error_id = format!("{}-error", question.id);
    let described_by = {
        let (hint_id, error_id, has_hint) =
            (hint_id.clone(), error_id.clone(), question.hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let hint = question
        .hint
        .clone()
        .map(|h| view! { <div id=hint_id.clone() class="hint">{h}</div> });
    let error_message = move || {
        error.get().map(|e| {
            view! {
                <p id=error_id.clone() class="error-message">
                    <span class="visually-hidden">{w.error_prefix}</span>
                    {e.message}
                </p>
            }
        })
    };
    let group_class = move || {
        if error.with(Option::is_some) {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };

    if let QuestionKind::FreeText { max_graphemes } = question.kind {
        let id = question.id.clone();
        return view! {
            <div class=group_class>
                <span class="caption">{caption}</span>
                <h1 class="label-wrapper" id=heading_id tabindex=heading_tabindex>
                    <label class="label label--l" for=id.clone()>{heading.clone()}</label>
                </h1>
                {read_aloud}
                {easy_toggle}
                {child_mode.then(|| view! {
                    <div class="inset-text safe-notice" id=format!("{}-safe", question.id)>
                        <p class="body">{w.safe_notice}</p>
                    </div>
                })}
                {hint}
                {error_message}
                <textarea
                    class="textarea"
                    id=id.clone()
                    name=id
                    rows="6"
                    dir="auto"
                    spellcheck="true"
                    aria-describedby=described_by
                    prop:value=move || match draft.get() {
                        Some(Answer::Text(text)) => text,
                        _ => String::new(),
                    }
                    on:input=move |ev| draft.set(Some(Answer::Text(event_target_value(&ev))))
                ></textarea>
                {max_graphemes.map(|max| view! { <CharacterCount max=max draft=draft/> })}
                <SpecialCheckboxes question=question.clone() draft=draft/>
            </div>
        }
        .into_any();
    }

    if let QuestionKind::Number { unit, .. } = &question.kind {
        let id = question.id.clone();
        // What was typed, kept as typed: the answer is a number only when it parses as one.
        let typed = RwSignal::new(match draft.get_untracked() {
            Some(Answer::Number(n)) => n.to_string(),
            Some(Answer::Text(t)) => t,
            _ => String::new(),
        });
        let unit = unit.clone();
        return view! {
            <div class=group_class>
                <span class="caption">{caption}</span>
                <h1 class="label-wrapper" id=heading_id tabindex=heading_tabindex>
                    <label class="label label--l" for=id.clone()>{heading.clone()}</label>
                </h1>
                {read_aloud}
                {easy_toggle}
                {hint}
                {error_message}
                <div class="input-wrapper">
                    <input
                        class="input input--4"
                        id=id.clone()
                        name=id
                        type="text"
                        inputmode="numeric"
                        spellcheck="false"
                        aria-describedby=described_by
                        prop:value=move || typed.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            typed.set(text.clone());
                            let trimmed = text.trim().replace(',', "");
                            draft.set(if trimmed.is_empty() {
                                None
                            } else {
                                Some(trimmed.parse::<i64>().map(Answer::Number).unwrap_or(Answer::Text(text)))
                            });
                        }
                    />
                    {unit.map(|u| view! { <span class="input__suffix" aria-hidden="true">{u}</span> })}
                </div>
                <SpecialCheckboxes question=question.clone() draft=draft/>
            </div>
        }
        .into_any();
    }

    let inputs = match &question.kind {
        QuestionKind::Faces { points } => {
            view! { <FacesInput question=question.clone() points=*points draft=draft/> }.into_any()
        }
        QuestionKind::Ranking { .. } => view! {
            <RankingInput question=question.clone() draft=draft/>
            <SpecialCheckboxes question=question.clone() draft=draft/>
        }
        .into_any(),
        QuestionKind::MultipleChoice { .. } => view! {
            <CheckboxesInput question=question.clone() draft=draft/>
            <SpecialCheckboxes question=question.clone() draft=draft/>
        }
        .into_any(),
        _ => view! { <RadiosInput question=question.clone() draft=draft/> }.into_any(),
    };
    view! {
        <div class=group_class>
            <fieldset class="fieldset" aria-describedby=described_by>
                <legend class="fieldset__legend">
                    <span class="caption">{caption}</span>
                    <h1 class="fieldset__heading" id=heading_id tabindex=heading_tabindex>{heading.clone()}</h1>
                </legend>
                {read_aloud}
                {easy_toggle}
                {hint}
                {error_message}
                {inputs}
            </fieldset>
        </div>
    }
    .into_any()
}

/// An option's picture, decorative beside its words (the words are the name).
fn picture(symbol: Option<Symbol>) -> impl IntoView {
    symbol.map(|s| view! { <img class="option-symbol" src=s.src() alt="" width="40" height="40"/> })
}

/// One radio button that selects `value`.
#[component]
fn Radio(
    name: String,
    id: String,
    label: String,
    value: Answer,
    draft: RwSignal<Option<Answer>>,
    #[prop(default = None)] symbol: Option<Symbol>,
) -> impl IntoView {
    let mine = value.clone();
    view! {
        <div class="radios__item">
            <input
                class="radios__input"
                type="radio"
                id=id.clone()
                name=name
                prop:checked=move || draft.with(|d| d.as_ref() == Some(&mine))
                on:change=move |_| draft.set(Some(value.clone()))
            />
            <label class="radios__label" for=id>{picture(symbol)}{label.clone()}</label>
            {listen_for(&label)}
        </div>
    }
}

/// One checkbox; `on_toggle` gets whether it is now ticked.
#[component]
fn Checkbox(
    name: String,
    id: String,
    label: String,
    checked: Signal<bool>,
    on_toggle: Callback<bool>,
    #[prop(default = None)] symbol: Option<Symbol>,
) -> impl IntoView {
    view! {
        <div class="checkboxes__item">
            <input
                class="checkboxes__input"
                type="checkbox"
                id=id.clone()
                name=name
                prop:checked=move || checked.get()
                on:change=move |ev| on_toggle.run(event_target_checked(&ev))
            />
            <label class="checkboxes__label" for=id>{picture(symbol)}{label.clone()}</label>
            {listen_for(&label)}
        </div>
    }
}

/// Options, scale points and special answers as radios, with "or" before the special ones.
#[component]
fn RadiosInput(question: Question, draft: RwSignal<Option<Answer>>) -> impl IntoView {
    let w = words();
    let mut items: Vec<(Answer, String, Option<Symbol>)> = question
        .kind
        .scale_in(w)
        .into_iter()
        .map(|(v, l)| (Answer::Scale(v), l.to_string(), None))
        .collect();
    items.extend(
        question
            .kind
            .options_in(w)
            .into_iter()
            .map(|o| (Answer::Choice(o.id), o.label, o.symbol)),
    );
    let first_special = items.len();
    items.extend(
        special_answers(&question)
            .into_iter()
            .map(|(a, l)| (a, l.to_string(), None)),
    );
    let name = question.id.clone();
    view! {
        <div class="radios">
            {items
                .into_iter()
                .enumerate()
                .map(|(i, (value, label, symbol))| {
                    let divider = (i == first_special && i > 0).then(|| view! { <div class="radios__divider">{w.or}</div> });
                    view! {
                        {divider}
                        <Radio name=name.clone() id=format!("{name}-{i}") label=label value=value draft=draft symbol=symbol/>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Options in order, most important first, moved with buttons that work by keyboard,
/// switch and screen reader (never by dragging). The order counts as an answer once the
/// person moves something or says the order is right.
#[component]
fn RankingInput(question: Question, draft: RwSignal<Option<Answer>>) -> impl IntoView {
    let w = words();
    let options = question.kind.options();
    let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
    let order = {
        let ids = ids.clone();
        move || match draft.get() {
            Some(Answer::Choices(order)) if order.len() == ids.len() => order,
            _ => ids.clone(),
        }
    };
    let said = RwSignal::new(String::new());
    let label_of = {
        let options = options.clone();
        move |id: &str| {
            options
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.label.clone())
                .unwrap_or_default()
        }
    };
    let qid = question.id.clone();
    let move_item = {
        let (order, label_of, qid) = (order.clone(), label_of.clone(), qid.clone());
        move |from: usize, to: usize| {
            let mut now = order();
            now.swap(from, to);
            let moved = now[to].clone();
            said.set((w.moved_to)(&label_of(&moved), to + 1, now.len()));
            draft.set(Some(Answer::Choices(now.clone())));
            // Keep focus on the moved option's button, or its other one at either end.
            let direction = if to < from { "up" } else { "down" };
            let fallback = if to < from { "down" } else { "up" };
            let at_end =
                (to == 0 && direction == "up") || (to + 1 == now.len() && direction == "down");
            let target = format!(
                "{qid}-{}-{moved}",
                if at_end { fallback } else { direction }
            );
            request_animation_frame(move || crate::browser::focus(&target));
        }
    };
    let list_id = format!("{qid}-0");
    let keep = {
        let order = order.clone();
        move |_| {
            draft.set(Some(Answer::Choices(order())));
            said.set(w.order_saved.into());
        }
    };
    view! {
        <ol class="ranking" id=list_id tabindex="-1">
            {move || {
                let now = order();
                let count = now.len();
                now.into_iter().enumerate().map(|(i, id)| {
                    let label = label_of(&id);
                    let symbol = options.iter().find(|o| o.id == id).and_then(|o| o.symbol);
                    let (up, down) = (move_item.clone(), move_item.clone());
                    view! {
                        <li class="ranking__item">
                            <span class="ranking__position" aria-hidden="true">{i + 1}</span>
                            <span class="ranking__label">{picture(symbol)}{label.clone()}</span>
                            <span class="ranking__buttons">
                                <button type="button" class="button button--secondary ranking__button" id=format!("{qid}-up-{id}")
                                    disabled=i == 0 on:click=move |_| up(i, i - 1)>
                                    {w.move_up}<span class="visually-hidden">{(w.now_number)(&label, i + 1, count)}</span></button>
                                <button type="button" class="button button--secondary ranking__button" id=format!("{qid}-down-{id}")
                                    disabled=i + 1 == count on:click=move |_| down(i, i + 1)>
                                    {w.move_down}<span class="visually-hidden">{(w.now_number)(&label, i + 1, count)}</span></button>
                            </span>
                        </li>
                    }
                }).collect_view()
            }}
        </ol>
        {move || draft.with(|d| !matches!(d, Some(Answer::Choices(_)))).then(|| view! {
            <button type="button" class="button button--secondary" on:click=keep.clone()>{w.keep_order}</button>
        })}
        <p class="visually-hidden" role="status">{move || said.get()}</p>
    }
}

/// A row of large, labelled faces, then any special answers as ordinary radios.
#[component]
fn FacesInput(question: Question, points: u8, draft: RwSignal<Option<Answer>>) -> impl IntoView {
    let w = words();
    let name = question.id.clone();
    let scale = question.kind.scale_in(w);
    let count = scale.len();
    let faces = scale
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            let id = format!("{name}-{i}");
            view! {
                <div class="face">
                    <input
                        class="face__input"
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        prop:checked=move || draft.with(|d| *d == Some(Answer::Scale(value)))
                        on:change=move |_| draft.set(Some(Answer::Scale(value)))
                    />
                    <label class="face__label" for=id>
                        <Face value=value points=points/>
                        <span class="face__words">{label}</span>
                    </label>
                    {listen_for(label)}
                </div>
            }
        })
        .collect_view();
    let special = special_answers(&question);
    let extra = (!special.is_empty()).then(|| {
        view! {
            <div class="radios radios--after-faces">
                <div class="radios__divider">{w.or}</div>
                {special
                    .into_iter()
                    .enumerate()
                    .map(|(j, (value, label))| {
                        view! {
                            <Radio
                                name=name.clone()
                                id=format!("{name}-{}", count + j)
                                label=label.to_string()
                                value=value
                                draft=draft
                            />
                        }
                    })
                    .collect_view()}
            </div>
        }
    });
    view! {
        <div class=format!("faces faces--{points}")>{faces}</div>
        {extra}
    }
}

/// Checkboxes for a multiple-choice question, kept in the order shown.
#[component]
fn CheckboxesInput(question: Question, draft: RwSignal<Option<Answer>>) -> impl IntoView {
    let options = question.kind.options();
    let order: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
    let name = question.id.clone();
    view! {
        <div class="checkboxes">
            {options
                .into_iter()
                .enumerate()
                .map(|(i, option)| {
                    let id = format!("{name}-{i}");
                    let (mine, toggled, order) = (option.id.clone(), option.id.clone(), order.clone());
                    let checked = Signal::derive(move || {
                        draft.with(|d| matches!(d, Some(Answer::Choices(ids)) if ids.contains(&mine)))
                    });
                    let toggle = Callback::new(move |_: bool| {
                        draft.update(|d| {
                            let mut ids = match d.take() {
                                Some(Answer::Choices(ids)) => ids,
                                _ => Vec::new(),
                            };
                            if ids.contains(&toggled) {
                                ids.retain(|x| x != &toggled);
                            } else {
                                ids.push(toggled.clone());
                            }
                            ids.sort_by_key(|x| order.iter().position(|o| o == x));
                            *d = (!ids.is_empty()).then_some(Answer::Choices(ids));
                        })
                    });
                    view! { <Checkbox name=name.clone() id=id label=option.label checked=checked on_toggle=toggle symbol=option.symbol/> }
                })
                .collect_view()}
        </div>
    }
}

/// "I don't know" and "I'd rather not say" as checkboxes that replace any other answer.
#[component]
fn SpecialCheckboxes(question: Question, draft: RwSignal<Option<Answer>>) -> impl IntoView {
    let special = special_answers(&question);
    if special.is_empty() {
        return ().into_any();
    }
    let name = format!("{}-special", question.id);
    let offset = question.kind.options().len();
    view! {
        <div class="checkboxes">
            <div class="checkboxes__divider">{words().or}</div>
            {special
                .into_iter()
                .enumerate()
                .map(|(j, (value, label))| {
                    let id = format!("{}-{}", question.id, offset + j);
                    let mine = value.clone();
                    let checked = Signal::derive(move || draft.with(|d| d.as_ref() == Some(&mine)));
                    let toggle = Callback::new(move |on: bool| draft.set(on.then(|| value.clone())));
                    view! { <Checkbox name=name.clone() id=id label=label.to_string() checked=checked on_toggle=toggle/> }
                })
                .collect_view()}
        </div>
    }
    .into_any()
}

/// How many characters are left, counted as people count them.
#[component]
fn CharacterCount(max: u32, draft: RwSignal<Option<Answer>>) -> impl IntoView {
    let used = move || match draft.get() {
        Some(Answer::Text(text)) => grapheme_count(&text),
        _ => 0,
    };
    let message = move || {
        let used = used();
        let max = max as usize;
        let w = words();
        if used <= max {
            (w.characters_left)(max - used)
        } else {
            (w.characters_over)(used - max)
        }
    };
    let class = move || {
        if used() > max as usize {
            "character-count character-count--over"
        } else {
            "character-count"
        }
    };
    view! { <p class=class>{message}</p> }
}
