//! Taking part in an event: the activity on now, live, on this device. The device keeps
//! its place (a random id) so a dropped connection or a reload carries on where it was.

use crate::api::{self, Change, ClientError};
use crate::browser;
use crate::components::chart::Charts;
use crate::components::form::Problems;
use crate::components::question::QuestionInput;
use crate::language::{current, words};
use crate::live;
use crate::pages::join::{join, participant_key};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};
use std::collections::BTreeMap;
use tellus_core::FieldError;
use tellus_core::event::{
    self, ActivityKind, Contribute, Contribution, LiveActivity, Mine, NOTE_LIMIT, NewNote, Phase,
    Results, RoomState, Symbol, Vote,
};
use tellus_core::response::{Answers, grapheme_count, validate_answer_in};
use uuid::Uuid;

/// What the device knows: which event, and who it is in it.
#[derive(Clone)]
struct Place {
    code: String,
    participant: RwSignal<Uuid>,
    mine: RwSignal<Mine>,
}

impl Place {
    fn send(
        &self,
        activity: &str,
        contribution: Contribution,
    ) -> impl Future<Output = Result<Mine, ClientError>> + use<> {
        let url = format!("/api/events/{}/activities/{activity}", self.code);
        let body = Contribute {
            participant: self.participant.get_untracked(),
            contribution,
        };
        let mine = self.mine;
        async move {
            let result: Result<Mine, ClientError> = api::send(Change::Post, &url, &body).await;
            if let Ok(m) = &result {
                mine.set(m.clone());
            }
            result
        }
    }
}

/// `/event/:code`.
#[component]
pub fn EventPage() -> impl IntoView {
    let params = use_params_map();
    let navigate = use_navigate();
    let code = params.read_untracked().get("code").unwrap_or_default();
    let Some(saved) = browser::load::<Uuid>(&participant_key(&code)) else {
        navigate(
            &format!("/join/{code}"),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
        return ().into_any();
    };
    browser::set_title(words().event.event);
    browser::focus_page();
    let place = Place {
        code: code.clone(),
        participant: RwSignal::new(saved),
        mine: RwSignal::new(Mine::default()),
    };
    let room = RwSignal::new(None::<RoomState>);
    let problem = RwSignal::new(None::<String>);
    let connected = RwSignal::new(true);
    let announce = RwSignal::new(String::new());
    {
        let url = format!("/api/events/{code}");
        leptos::task::spawn_local(async move {
            match api::get::<RoomState>(&url).await {
                Ok(r) => room.set(Some(r)),
                Err(e) => problem.set(Some(e.to_string())),
            }
        });
    }
    live::listen::<RoomState>(
        &format!("/api/events/{code}/stream"),
        move |r| {
            let before = room.with_untracked(|old| {
                old.as_ref()
                    .and_then(|o| o.activity.as_ref().map(|a| (a.id.clone(), a.phase)))
            });
            let after = r.activity.as_ref().map(|a| (a.id.clone(), a.phase));
            if before != after {
                let w = words().event;
                announce.set(match &r.activity {
                    Some(a) if a.phase == Phase::Open => (w.now)(&a.title),
                    Some(a) => (w.has_closed)(&a.title),
                    None => w.waiting.into(),
                });
            }
            room.set(Some(r));
        },
        connected,
    );
    // What this device did in the activity on now: fetched again when the activity changes.
    let activity_key = Memo::new(move |_| {
        room.with(|r| {
            r.as_ref()
                .and_then(|r| r.activity.as_ref().map(|a| a.id.clone()))
        })
    });
    {
        let place = place.clone();
        Effect::new(move |_| {
            if activity_key.get().is_none() {
                return;
            }
            let place = place.clone();
            leptos::task::spawn_local(async move { refresh_mine(&place).await });
        });
    }
    let new_person = {
        let place = place.clone();
        move |_| {
            let place = place.clone();
            browser::forget(&participant_key(&place.code));
            leptos::task::spawn_local(async move {
                if let Ok(joined) = join(&place.code, None).await {
                    place.participant.set(joined.participant);
                    place.mine.set(Mine::default());
                    announce.set(words().event.ready_next.into());
                    browser::focus("page-heading");
                }
            });
        }
    };
    view! {
        <div class="visually-hidden" role="status" aria-live="polite">{move || announce.get()}</div>
        {move || problem.get().map(|p| view! {
            <h1 class="heading-xl" id="page-heading" tabindex="-1">{move || words().event.not_found}</h1>
            <p class="body">{p}</p>
            <p class="body"><a href="/join">{move || words().event.enter_again}</a></p>
        })}
        {move || (!connected.get()).then(|| view! {
            <div class="notification" role="status"><p class="body">{move || words().event.reconnecting}</p></div>
        })}
        // Drawn again when the room changes or the device switches language.
        {move || { let _ = current(); room.get() }.map(|r| {
            let children = r.children;
            view! { <div class="event" class=("child-mode", children)><Room room=r place=place.clone()/></div> }
        })}
        <p class="body event-next-person">
            <button type="button" class="button button--secondary" on:click=new_person>{move || words().event.next_person}</button>
        </p>
    }
    .into_any()
}

/// Fetches this device's part in the current activity, joining again if the server has forgotten it.
async fn refresh_mine(place: &Place) {
    let url = |p: Uuid| format!("/api/events/{}/participants/{p}", place.code);
    match api::get::<Mine>(&url(place.participant.get_untracked())).await {
        Ok(m) => place.mine.set(m),
        Err(ClientError::Server(409, _)) => {
            if let Ok(joined) = join(&place.code, None).await {
                place.participant.set(joined.participant);
            }
        }
        Err(_) => {}
    }
}

#[component]
fn Room(room: RoomState, place: Place) -> impl IntoView {
    browser::set_title(&match &room.activity {
        Some(a) => format!("{} – {}", a.title, room.title),
        None => room.title.clone(),
    });
    let w = words().event;
    let caption = view! { <span class="caption">{room.title.clone()}</span> };
    if room.ended {
        return view! {
            {caption}
            <h1 class="heading-xl" id="page-heading" tabindex="-1">{w.ended}</h1>
            <p class="body">{w.ended_thanks}</p>
            <p class="body"><a href=format!("/you-said-we-did/{}", room.consultation_id)>{w.see_said_did}</a></p>
        }
        .into_any();
    }
    let Some(activity) = room.activity else {
        return view! {
            {caption}
            <h1 class="heading-xl" id="page-heading" tabindex="-1">{w.waiting}</h1>
            <div class="panel panel--waiting">
                <p class="body">{w.keep_open}</p>
            </div>
        }
        .into_any();
    };
    let body = match activity.phase {
        Phase::Open => open_activity(activity.clone(), room.title.clone(), place).into_any(),
        _ => view! {
            <p class="body">{w.activity_closed}</p>
            {activity.results.clone().map_or_else(
                || view! { <p class="body">{w.results_in_room}</p> }.into_any(),
                |r| view! { <h2 class="heading-m">{w.results}</h2><ResultsView results=r/> }.into_any(),
            )}
        }
        .into_any(),
    };
    // A poll or rating's question is the page's heading, as in a survey.
    let asks = activity.phase == Phase::Open
        && matches!(
            activity.kind,
            ActivityKind::Poll { .. } | ActivityKind::Rating { .. }
        );
    view! {
        {(!asks).then(|| view! {
            {caption}
            <h1 class="heading-xl" id="page-heading" tabindex="-1">{activity.title.clone()}</h1>
        })}
        {body}
        {(activity.phase == Phase::Open).then(|| activity.results.clone().map(|r| view! { <h2 class="heading-m">{w.results_so_far}</h2><ResultsView results=r/> }))}
    }
    .into_any()
}

fn open_activity(activity: LiveActivity, event_title: String, place: Place) -> impl IntoView {
    match activity.kind.clone() {
        ActivityKind::IdeaWall { prompts } => view! { <IdeaForm activity=activity.id prompts=prompts place=place/> }.into_any(),
        ActivityKind::DotVote { options, dots, max_per_option } => view! {
            <DotVoter activity=activity.id options=options dots=dots max=max_per_option place=place/>
        }
        .into_any(),
        ActivityKind::Poll { .. } | ActivityKind::Rating { .. } => {
            let questions = event::questions(&activity.kind);
            view! { <AnswerSteps activity=activity.id title=activity.title event_title=event_title questions=questions place=place/> }.into_any()
        }
    }
}

/// Posting notes on an idea wall: words, a picture, or both.
#[component]
fn IdeaForm(activity: String, prompts: Vec<String>, place: Place) -> impl IntoView {
    let prompt = RwSignal::new(0usize);
    let text = RwSignal::new(String::new());
    let symbol = RwSignal::new(None::<Symbol>);
    // One id per note, kept until it is sent, so sending again after a dropped connection never posts it twice.
    let note_id = RwSignal::new(browser::new_uuid());
    let problems = Problems::new();
    let posted = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let several = prompts.len() > 1;
    let w = words().event;
    let on_submit = {
        let (place, activity) = (place.clone(), activity.clone());
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if sending.get_untracked() {
                return;
            }
            let words = text.get_untracked();
            if words.trim().is_empty() && symbol.get_untracked().is_none() {
                problems.show_local(&[("note", w.note_needed)], w.idea_wall);
                return;
            }
            if grapheme_count(words.trim()) > NOTE_LIMIT {
                problems.show_local(&[("note", w.note_too_long)], w.idea_wall);
                return;
            }
            let note = NewNote {
                id: note_id.get_untracked(),
                prompt: prompt.get_untracked(),
                text: words,
                symbol: symbol.get_untracked(),
            };
            let send = place.send(&activity, Contribution::Note(note));
            sending.set(true);
            posted.set(false);
            leptos::task::spawn_local(async move {
                match send.await {
                    Ok(_) => {
                        problems.clear();
                        text.set(String::new());
                        symbol.set(None);
                        note_id.set(browser::new_uuid());
                        posted.set(true);
                        browser::focus("note-posted");
                    }
                    Err(e) => problems.show_error(&e, "note", w.idea_wall),
                }
                sending.set(false);
            });
        }
    };
    let used = move || grapheme_count(&text.get());
    view! {
        {problems.summary()}
        {move || posted.get().then(|| view! {
            <div class="notification notification--success" id="note-posted" tabindex="-1" role="status">
                <p class="body">{w.note_posted}</p>
            </div>
        })}
        <form novalidate on:submit=on_submit>
            {several.then(|| view! {
                <div class="form-group">
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend fieldset__legend--m">{w.which_prompt}</legend>
                        <div class="radios">
                            {prompts.iter().enumerate().map(|(i, p)| {
                                let id = format!("prompt-{i}");
                                view! {
                                    <div class="radios__item">
                                        <input class="radios__input" type="radio" name="prompt" id=id.clone()
                                            prop:checked=move || prompt.get() == i on:change=move |_| prompt.set(i)/>
                                        <label class="label radios__label" for=id>{p.clone()}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                </div>
            })}
            {(!several).then(|| view! { <p class="body-l">{prompts.first().cloned().unwrap_or_default()}</p> })}
            <div class=move || if problems.for_field("note").is_some() { "form-group form-group--error" } else { "form-group" }>
                <label class="label label--m" for="note">{w.your_idea}</label>
                <div class="hint" id="note-hint">{w.idea_hint}</div>
                {move || problems.for_field("note").map(|m| view! { <p class="error-message" id="note-error"><span class="visually-hidden">{words().error_prefix}</span>{m}</p> })}
                <textarea class="textarea" id="note" name="note" rows="3"
                    aria-describedby=move || if problems.for_field("note").is_some() { "note-hint note-count note-error" } else { "note-hint note-count" }
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <div class="hint" id="note-count" aria-live="polite">{move || {
                    let n = used();
                    let w = words();
                    if n > NOTE_LIMIT { (w.characters_over)(n - NOTE_LIMIT) } else { (w.characters_left)(NOTE_LIMIT - n) }
                }}</div>
            </div>
            <div class="form-group">
                <fieldset class="fieldset">
                    <legend class="fieldset__legend fieldset__legend--s">{w.add_picture}</legend>
                    <div class="symbols">
                        {Symbol::ALL.into_iter().map(|s| {
                            let id = format!("symbol-{}", s.key());
                            view! {
                                <div class="symbols__item">
                                    <input class="symbols__input" type="checkbox" id=id.clone()
                                        prop:checked=move || symbol.get() == Some(s)
                                        on:change=move |_| symbol.update(|cur| *cur = if *cur == Some(s) { None } else { Some(s) })/>
                                    <label class="symbols__label" for=id>
                                        <img src=s.src() alt="" width="56" height="56"/>
                                        <span>{s.label_in(words())}</span>
                                    </label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            <button class="button" type="submit" aria-disabled=move || sending.get().then_some("true")>
                {move || if sending.get() { w.posting } else { w.post_note }}
            </button>
        </form>
        {move || {
            let notes = place.mine.get().notes;
            (!notes.is_empty()).then(|| view! {
                <h2 class="heading-m">{w.your_notes}</h2>
                <ul class="wall__notes wall__notes--mine">
                    {notes.into_iter().map(|n| view! { <li><NoteCard text=n.text symbol=n.symbol/></li> }).collect_view()}
                </ul>
            })
        }}
    }
}

/// One note as it looks on a wall.
#[component]
pub fn NoteCard(text: String, symbol: Option<Symbol>) -> impl IntoView {
    view! {
        <div class="note">
            {symbol.map(|s| view! { <img class="note__symbol" src=s.src() alt=s.label_in(words()) width="48" height="48"/> })}
            {(!text.is_empty()).then(|| view! { <p class="note__text">{text}</p> })}
        </div>
    }
}

/// Dot-voting with plus and minus buttons: works by touch, keyboard, switch and screen reader.
#[component]
fn DotVoter(
    activity: String,
    options: Vec<tellus_core::Choice>,
    dots: u32,
    max: Option<u32>,
    place: Place,
) -> impl IntoView {
    let placed = RwSignal::new(BTreeMap::<String, u32>::new());
    // Start from what this device already placed, once it is known.
    Effect::new(move |_| {
        if let Some(Vote::Dots { dots }) = place.mine.get().vote {
            placed.set(dots);
        }
    });
    let used = move || placed.with(|p| p.values().sum::<u32>());
    let left = move || dots.saturating_sub(used());
    let status = RwSignal::new(String::new());
    let problems = Problems::new();
    let saved = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let per = max.unwrap_or(dots);
    let w = words().event;
    let dots_word = w.dots;
    let change = move |id: String, label: String, delta: i32| {
        saved.set(false);
        let now = placed.with_untracked(|p| p.get(&id).copied().unwrap_or(0));
        if delta > 0 && left() == 0 {
            status.set(w.no_dots_left.into());
            return;
        }
        if delta > 0 && now >= per {
            status.set((w.most_on_one)(&label, per));
            return;
        }
        if delta < 0 && now == 0 {
            status.set((w.none_to_take)(&label));
            return;
        }
        let next = if delta > 0 { now + 1 } else { now - 1 };
        placed.update(|p| {
            p.insert(id.clone(), next);
        });
        status.set((w.placed)(next, &label, left()));
    };
    let on_submit = {
        let place = place.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if sending.get_untracked() {
                return;
            }
            if used() == 0 {
                problems.show_local(&[("dots", w.dot_needed)], w.dot_voting);
                return;
            }
            let send = place.send(
                &activity,
                Contribution::Dots {
                    dots: placed.get_untracked(),
                },
            );
            sending.set(true);
            leptos::task::spawn_local(async move {
                match send.await {
                    Ok(_) => {
                        problems.clear();
                        saved.set(true);
                        browser::focus("dots-saved");
                    }
                    Err(e) => problems.show_error(&e, "dots", w.dot_voting),
                }
                sending.set(false);
            });
        }
    };
    view! {
        {problems.summary()}
        <p class="body-l">{(w.you_have)(dots)}{max.map(w.up_to_on_one)}</p>
        <p class="dots__left" role="status" aria-live="polite">{move || (w.dots_left)(left())}</p>
        <p class="visually-hidden" aria-live="assertive">{move || status.get()}</p>
        <form novalidate on:submit=on_submit id="dots">
            <ul class="dots">
                {options.into_iter().map(|o| {
                    let (id, label) = (o.id.clone(), o.label.clone());
                    let count = {
                        let id = id.clone();
                        move || placed.with(|p| p.get(&id).copied().unwrap_or(0))
                    };
                    let label_id = format!("dots-{}", o.id);
                    let (minus, plus) = {
                        let (i1, l1, i2, l2) = (id.clone(), label.clone(), id.clone(), label.clone());
                        (move |_| change(i1.clone(), l1.clone(), -1), move |_| change(i2.clone(), l2.clone(), 1))
                    };
                    let c1 = count.clone();
                    let c2 = count.clone();
                    view! {
                        <li class="dots__option">
                            <span class="dots__label" id=label_id.clone()>{label.clone()}</span>
                            <span class="dots__pips" aria-hidden="true">{move || "●".repeat(c1() as usize)}</span>
                            <span class="dots__controls">
                                <button type="button" class="button button--secondary dots__button"
                                    aria-label=(w.take_dot)(&label)
                                    aria-disabled=move || (c2() == 0).then_some("true")
                                    on:click=minus>"−"</button>
                                <span class="dots__count">{move || dots_word(count())}</span>
                                <button type="button" class="button button--secondary dots__button"
                                    aria-label=(w.add_dot)(&label)
                                    aria-disabled=move || (left() == 0).then_some("true")
                                    on:click=plus>"+"</button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || saved.get().then(|| view! {
                <div class="notification notification--success" id="dots-saved" tabindex="-1" role="status">
                    <p class="body">{w.dots_saved}</p>
                </div>
            })}
            <button class="button" type="submit" aria-disabled=move || sending.get().then_some("true")>
                {move || if sending.get() { w.saving } else { w.save_dots }}
            </button>
        </form>
    }
}

/// A poll or rating, one question per screen, like a survey.
#[component]
fn AnswerSteps(
    activity: String,
    title: String,
    event_title: String,
    questions: Vec<tellus_core::Question>,
    place: Place,
) -> impl IntoView {
    let event_title = StoredValue::new(event_title);
    let step = RwSignal::new(0usize);
    let answers = RwSignal::new(Answers::new());
    let done = RwSignal::new(false);
    let problems = Problems::new();
    Effect::new(move |_| {
        if let Some(Vote::Answers { answers: given }) = place.mine.get().vote {
            answers.set(given);
            done.set(true);
        }
    });
    let total = questions.len();
    let questions = StoredValue::new(questions);
    let activity = StoredValue::new(activity);
    let title = StoredValue::new(title);
    let place = StoredValue::new(place);
    let w = words().event;
    view! {
        {move || if done.get() {
            view! {
                <div class="notification notification--success" id="answers-saved" tabindex="-1" role="status">
                    <p class="body">{w.answers_saved}</p>
                </div>
                <button type="button" class="button button--secondary" on:click=move |_| { done.set(false); step.set(0); }>{w.change_answers}</button>
            }.into_any()
        } else {
            let i = step.get();
            let question = questions.with_value(|q| q[i].clone());
            let draft = RwSignal::new(answers.with_untracked(|a| a.get(&question.id).cloned()));
            let error = RwSignal::new(None::<FieldError>);
            let last = i + 1 == total;
            let caption = if total > 1 { (w.step_of)(&title.get_value(), i + 1, total) } else { title.get_value() };
            let caption = format!("{} · {caption}", event_title.get_value());
            let q = question.clone();
            let on_submit = move |ev: SubmitEvent| {
                ev.prevent_default();
                let answer = draft.get_untracked();
                if let Err(e) = validate_answer_in(&q, answer.as_ref(), words()) {
                    error.set(Some(e));
                    browser::focus(&crate::components::question::first_input_id(&q));
                    return;
                }
                error.set(None);
                answers.update(|a| {
                    match answer.clone() {
                        Some(v) => a.insert(q.id.clone(), v),
                        None => a.remove(&q.id),
                    };
                });
                if !last {
                    step.set(i + 1);
                    browser::focus_page();
                    return;
                }
                let send = place.with_value(|p| p.send(&activity.get_value(), Contribution::Answers { answers: answers.get_untracked() }));
                leptos::task::spawn_local(async move {
                    match send.await {
                        Ok(_) => {
                            problems.clear();
                            done.set(true);
                            browser::focus("answers-saved");
                        }
                        Err(e) => problems.show_error(&e, "answers", w.your_answers),
                    }
                });
            };
            view! {
                {problems.summary()}
                <form novalidate on:submit=on_submit id="answers">
                    <QuestionInput question=question draft=draft error=error caption=caption/>
                    <button class="button" type="submit">{if last { w.send } else { words().continue_ }}</button>
                </form>
            }.into_any()
        }}
    }
}

/// An activity's results: a wall of notes, or bar charts with their numbers.
#[component]
pub fn ResultsView(results: Results) -> impl IntoView {
    match results {
        Results::Wall { columns, .. } => view! {
            <div class="wall">
                {columns.into_iter().enumerate().map(|(i, c)| view! {
                    <section class="wall__column" aria-labelledby=format!("wall-{i}")>
                        <h3 class="heading-s" id=format!("wall-{i}")>{c.prompt}</h3>
                        {if c.notes.is_empty() {
                            view! { <p class="body">{words().event.no_notes}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="wall__notes">
                                    {c.notes.into_iter().map(|n| view! { <li><NoteCard text=n.text symbol=n.symbol/></li> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                }).collect_view()}
            </div>
        }
        .into_any(),
        Results::Charts { charts } => view! { <Charts charts=charts id_prefix="result"/> }.into_any(),
    }
}
