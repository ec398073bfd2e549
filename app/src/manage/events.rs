//! Events: a consultation's list of them, running one (agenda, controls, live results,
//! hiding notes, held notes for the safeguarding lead), and present mode for the room.

use super::consultation::{consultation_resource, with_consultation};
use super::session::Auth;
use crate::api::{self, Change, ClientError};
use crate::browser;
use crate::components::chart::Charts;
use crate::components::form::{Notice, Problems, Select, TextArea, TextInput};
use crate::live;
use crate::pages::event::{NoteCard, ResultsView};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use tellus_core::account::Permission;
use tellus_core::event::{
    Activity, ActivityKind, ActivityResults, Control, Event, EventDetails, EventListing, EventView,
    NewActivity, NoteRelease, NoteVisibility, Phase, Presented, RatingScale, Results,
    choices_from_lines,
};
use tellus_core::survey::long_date;
use tellus_core::{Audience, Consultation, Question, QuestionKind};

const AUDIENCES: [(&str, &str); 4] = [
    ("parents_and_carers", "Parents and carers"),
    ("children_and_young_people", "Children and young people"),
    ("professionals_and_partners", "Professionals and partners"),
    ("mixed", "A mixed group"),
];

fn audience_of(key: &str) -> Audience {
    match key {
        "children_and_young_people" => Audience::ChildrenAndYoungPeople,
        "professionals_and_partners" => Audience::ProfessionalsAndPartners,
        "mixed" => Audience::Other("A mixed group".into()),
        _ => Audience::ParentsAndCarers,
    }
}

/// A join code as people read it off a screen: two groups of three.
pub fn spaced(code: &str) -> String {
    if code.len() == 6 {
        format!("{} {}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}

/// `/manage/c/:id/events`: the consultation's events, and adding one.
#[component]
pub fn EventsPage() -> impl IntoView {
    let (_, resource) = consultation_resource();
    with_consultation(resource, move |c| {
        browser::set_title(&format!("Events: {}", c.title));
        browser::focus_page();
        view! { <EventsView c=c/> }
    })
}

#[component]
fn EventsView(c: Consultation) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let id = c.id.clone();
    let events = LocalResource::new(move || {
        let url = format!("/api/manage/consultations/{id}/events");
        async move { auth.get::<Vec<EventListing>>(&url).await }
    });
    view! {
        <a href=format!("/manage/c/{}", c.id) class="back-link">{format!("Back to {}", c.title)}</a>
        <span class="caption">{c.title.clone()}</span>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Events"</h1>
        <p class="body">"Workshops, drop-ins and calls. People join on their own phone or a shared tablet with a code, without an account. Notes from idea walls go into the same themes as survey answers."</p>
        {move || match events.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <div class="notification" role="alert"><p class="body">{e.to_string()}</p></div> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="body">"No events yet."</p> }.into_any(),
            Some(Ok(list)) => view! {
                <table class="table">
                    <caption class="visually-hidden">"Events"</caption>
                    <thead><tr><th scope="col">"Event"</th><th scope="col">"Date"</th><th scope="col">"Who for"</th><th scope="col">"Code"</th></tr></thead>
                    <tbody>
                        {list.into_iter().map(|e| view! {
                            <tr>
                                <td><a href=format!("/manage/e/{}", e.id)>{e.title.clone()}</a>{e.ended.then(|| view! { " " <strong class="tag tag--grey">"Ended"</strong> })}</td>
                                <td>{e.date.as_deref().and_then(long_date).unwrap_or_default()}</td>
                                <td>{e.audience.label().to_string()}</td>
                                <td class="code">{spaced(&e.code)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
        {auth.can(Permission::ManageConsultations).then(|| view! { <NewEventForm consultation=c.id.clone()/> })}
    }
}

#[component]
fn NewEventForm(consultation: String) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let navigate = leptos_router::hooks::use_navigate();
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let audience = RwSignal::new(AUDIENCES[0].0.to_string());
    let problems = Problems::new();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = EventDetails {
            title: title.get_untracked(),
            date: Some(date.get_untracked()).filter(|d| !d.trim().is_empty()),
            place: place.get_untracked(),
            audience: audience_of(&audience.get_untracked()),
        };
        let url = format!("/api/manage/consultations/{consultation}/events");
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::send::<_, Event>(Change::Post, &url, &body).await {
                Ok(e) => navigate(&format!("/manage/e/{}", e.id), Default::default()),
                Err(e) => {
                    auth.check(&e);
                    problems.show_error(&e, "title", "Events");
                }
            }
        });
    };
    view! {
        <h2 class="heading-l">"Add an event"</h2>
        {problems.summary()}
        <form novalidate on:submit=on_submit class="narrow">
            <TextInput id="title" label="Name of the event" hint="For example, Parents' therapies workshop" value=title problems=problems/>
            <TextInput id="date" label="Date" hint="For example, 2026-12-03" kind="date" value=date problems=problems width="date"/>
            <TextInput id="place" label="Place (optional)" hint="Where it is, or \u{201c}Online\u{201d}" value=place problems=problems/>
            <Select id="audience" label="Who is it for?" value=audience options=AUDIENCES.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()/>
            <button class="button" type="submit">"Add event"</button>
        </form>
    }
}

/// An event as last fetched (None while the first fetch runs).
type Loaded = RwSignal<Option<Result<EventView, ClientError>>>;

/// Loads the event named in the route, again whenever the returned callback runs.
fn event_view() -> (Memo<String>, Loaded, Callback<()>) {
    let auth = expect_context::<Auth>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let view = RwSignal::new(None::<Result<EventView, ClientError>>);
    let loading = RwSignal::new(false);
    let again = RwSignal::new(false);
    // The first fetch is the page being opened; later ones are live refreshes.
    let opened = StoredValue::new(false);
    let refetch = Callback::new(move |_: ()| {
        if loading.get_untracked() {
            // One fetch at a time: a burst of votes becomes one more fetch after this one.
            again.set(true);
            return;
        }
        loading.set(true);
        let live = if opened.get_value() { "?live=true" } else { "" };
        opened.set_value(true);
        let url = format!("/api/manage/events/{}{live}", id.get_untracked());
        leptos::task::spawn_local(async move {
            loop {
                again.set(false);
                view.set(Some(auth.get::<EventView>(&url).await));
                if !again.get_untracked() {
                    break;
                }
            }
            loading.set(false);
        });
    });
    refetch.run(());
    (id, view, refetch)
}

/// `/manage/e/:id`: running an event.
#[component]
pub fn EventPage() -> impl IntoView {
    let (id, view, refetch) = event_view();
    let connected = RwSignal::new(true);
    live::listen::<Presented>(
        &format!("/api/manage/events/{}/present", id.get_untracked()),
        move |_| refetch.run(()),
        connected,
    );
    let focused = StoredValue::new(false);
    move || match view.get() {
        None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <h1 class="heading-xl" id="page-heading" tabindex="-1">"Event not found"</h1>
            <p class="body">{e.to_string()}</p>
            <p class="body"><a href="/manage">"Back to your consultations"</a></p>
        }
        .into_any(),
        Some(Ok(v)) => {
            browser::set_title(&v.event.title);
            if !focused.get_value() {
                focused.set_value(true);
                browser::focus_page();
            }
            view! { <EventRun v=v refetch=refetch/> }.into_any()
        }
    }
}

/// Sends a control and shows the event as it now is.
fn send_control(id: &str, control: Control, problems: Problems, refetch: Callback<()>) {
    let auth = expect_context::<Auth>();
    let url = format!("/api/manage/events/{id}/control");
    leptos::task::spawn_local(async move {
        match api::send::<_, EventView>(Change::Post, &url, &control).await {
            Ok(_) => {
                problems.clear();
                refetch.run(());
            }
            Err(e) => {
                auth.check(&e);
                problems.show_error(&e, "agenda", "Event");
            }
        }
    });
}

#[component]
fn EventRun(v: EventView, refetch: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let manage = auth.can(Permission::ManageConsultations);
    let e = v.event.clone();
    let problems = Problems::new();
    let origin = crate::browser::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let when = [
        e.date.as_deref().and_then(long_date),
        Some(e.place.clone()).filter(|p| !p.is_empty()),
        Some(e.audience.label().to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let end = {
        let (id, ended) = (e.id.clone(), e.ended);
        move |_| {
            let control = if ended { Control::Reopen } else { Control::End };
            send_control(&id, control, problems, refetch);
        }
    };
    let results_of = |a: &Activity| v.activities.iter().find(|r| r.id == a.id).cloned();
    view! {
        <a href=format!("/manage/c/{}/events", e.consultation_id) class="back-link">"All events"</a>
        <span class="caption">"Event"</span>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">{e.title.clone()}</h1>
        <p class="body">{when}</p>
        {e.ended.then(|| view! { <div class="notification" role="status"><p class="body">"This event has ended: nobody can join or add anything."</p></div> })}
        <div class="join-box">
            <div>
                <p class="body-l">"People join at " <strong>{format!("{origin}/join")}</strong></p>
                <p class="join-box__code">"Code: " <span class="code">{spaced(&e.code)}</span></p>
                <p class="body">{format!("{} joined", v.joined)}</p>
                <p class="body"><a class="button" href=format!("/manage/e/{}/present", e.id)>"Open the room's screen"</a></p>
            </div>
            <img class="join-box__qr" src=format!("/api/manage/events/{}/qr.svg", e.id) alt=format!("QR code to join {} with code {}", e.title, spaced(&e.code)) width="200" height="200"/>
        </div>
        {problems.summary()}
        <h2 class="heading-l" id="agenda">"Agenda"</h2>
        {e.activities.is_empty().then(|| view! { <p class="body">"No activities yet. Add one below."</p> })}
        <ol class="agenda">
            {e.activities.iter().enumerate().map(|(i, a)| {
                let r = results_of(a);
                view! { <li><ActivityCard event=e.clone() activity=a.clone() results=r index=i manage=manage problems=problems refetch=refetch/></li> }
            }).collect_view()}
        </ol>
        {(!v.held.is_empty()).then(|| view! { <HeldNotes event=e.id.clone() held=v.held.clone() refetch=refetch/> })}
        {manage.then(|| view! {
            <AddActivity event=e.id.clone() refetch=refetch/>
            <DetailsForm event=e.clone() refetch=refetch/>
            <h2 class="heading-l">"End the event"</h2>
            <p class="body">{if e.ended { "Open it again to let people join and take part." } else { "When it is over: nobody can join or add anything more. You can open it again." }}</p>
            <button type="button" class="button button--warning" on:click=end>{if e.ended { "Open the event again" } else { "End the event" }}</button>
        })}
    }
}

#[component]
fn ActivityCard(
    event: Event,
    activity: Activity,
    results: Option<ActivityResults>,
    index: usize,
    manage: bool,
    problems: Problems,
    refetch: Callback<()>,
) -> impl IntoView {
    let a = activity;
    let current = event.current.as_deref() == Some(a.id.as_str());
    let last = index + 1 == event.activities.len();
    let id = event.id.clone();
    let act = move |control: Control| {
        let id = id.clone();
        move |_| send_control(&id, control.clone(), problems, refetch)
    };
    let phase = match a.phase {
        Phase::Waiting => "Not started",
        Phase::Open => "Open",
        Phase::Closed => "Closed",
    };
    let taking_part = results.as_ref().map_or(0, |r| r.taking_part);
    let heading_id = format!("activity-{}", a.id);
    let aid = a.id.clone();
    view! {
        <section class=if current { "activity activity--current" } else { "activity" } aria-labelledby=heading_id.clone()>
            <h3 class="heading-m" id=heading_id.clone()>{a.title.clone()}</h3>
            <p class="body">
                <strong class="tag tag--grey">{a.kind.label()}</strong>" "
                <strong class=if a.phase == Phase::Open { "tag tag--green" } else { "tag" }>{phase}</strong>
                {current.then_some(" On the room's screen.")}
                {a.revealed.then_some(" Results shown on devices.")}
                {format!(" {taking_part} taking part.")}
            </p>
            {manage.then(|| view! {
                <div class="button-group">
                    {(a.phase != Phase::Open).then(|| view! {
                        <button type="button" class="button" on:click=act(Control::Open { activity: aid.clone() })>
                            {if a.phase == Phase::Waiting { format!("Start: {}", a.title) } else { format!("Open again: {}", a.title) }}
                        </button>
                    })}
                    {(a.phase == Phase::Open).then(|| view! {
                        <button type="button" class="button button--warning" on:click=act(Control::Close { activity: aid.clone() })>{format!("Close: {}", a.title)}</button>
                    })}
                    {(a.phase != Phase::Waiting && !a.revealed).then(|| view! {
                        <button type="button" class="button button--secondary" on:click=act(Control::Reveal { activity: aid.clone() })>"Show results on devices"</button>
                    })}
                    {current.then(|| view! {
                        <button type="button" class="button button--secondary" on:click=act(Control::Clear)>"Take off the screen"</button>
                    })}
                    {(index > 0).then(|| view! {
                        <button type="button" class="button button--secondary" aria-label=format!("Move {} up", a.title) on:click=act(Control::Move { activity: aid.clone(), up: true })>"Move up"</button>
                    })}
                    {(!last).then(|| view! {
                        <button type="button" class="button button--secondary" aria-label=format!("Move {} down", a.title) on:click=act(Control::Move { activity: aid.clone(), up: false })>"Move down"</button>
                    })}
                    {(a.phase == Phase::Waiting).then(|| view! {
                        <button type="button" class="button button--secondary" aria-label=format!("Remove {}", a.title) on:click=act(Control::Remove { activity: aid.clone() })>"Remove"</button>
                    })}
                </div>
            })}
            {results.map(|r| view! { <FacilitatorResults event=event.id.clone() activity=a.id.clone() results=r.results manage=manage refetch=refetch/> })}
        </section>
    }
}

/// Results with a Hide / Show button on each note, for the facilitator.
#[component]
fn FacilitatorResults(
    event: String,
    activity: String,
    results: Results,
    manage: bool,
    refetch: Callback<()>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    match results {
        Results::Wall { columns, held } => view! {
            {(held > 0).then(|| view! {
                <p class="body"><strong>{if held == 1 { "1 note is".to_string() } else { format!("{held} notes are") }}</strong>" held for the safeguarding lead and not shown."</p>
            })}
            <div class="wall">
                {columns.into_iter().map(|c| view! {
                    <section class="wall__column">
                        <h4 class="heading-s">{c.prompt}</h4>
                        {if c.notes.is_empty() { view! { <p class="body">"No notes yet."</p> }.into_any() } else { view! {
                            <ul class="wall__notes">
                                {c.notes.into_iter().map(|n| {
                                    let (event, activity) = (event.clone(), activity.clone());
                                    let hidden = n.hidden;
                                    let describe = if n.text.is_empty() { n.symbol.map(|s| s.label().to_string()).unwrap_or_default() } else { n.text.clone() };
                                    let toggle = move |_| {
                                        let url = format!("/api/manage/events/{event}/notes/{}/visibility", n.id);
                                        let body = NoteVisibility { activity: activity.clone(), hidden: !hidden };
                                        leptos::task::spawn_local(async move {
                                            match api::send::<_, EventView>(Change::Post, &url, &body).await {
                                                Ok(_) => refetch.run(()),
                                                Err(e) => auth.check(&e),
                                            }
                                        });
                                    };
                                    view! {
                                        <li class=if hidden { "wall__note--hidden" } else { "" }>
                                            <NoteCard text=n.text.clone() symbol=n.symbol/>
                                            {hidden.then(|| view! { <p class="hint">"Hidden from the wall and themes"</p> })}
                                            {manage.then(|| view! {
                                                <button type="button" class="button button--secondary button--small"
                                                    aria-label=format!("{} note: {describe}", if hidden { "Show" } else { "Hide" })
                                                    on:click=toggle>{if hidden { "Show" } else { "Hide" }}</button>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any() }}
                    </section>
                }).collect_view()}
            </div>
        }
        .into_any(),
        Results::Charts { charts } => {
            view! { <Charts charts=charts id_prefix=activity/> }.into_any()
        }
    }
}

/// Notes held for the safeguarding lead, who can let one onto the wall with a reason.
#[component]
fn HeldNotes(
    event: String,
    held: Vec<tellus_core::event::HeldNote>,
    refetch: Callback<()>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    view! {
        <h2 class="heading-l">"Notes held for you"</h2>
        <p class="body">"These notes matched the safeguarding phrase list. They are not on the wall or in themes. Follow your safeguarding procedure; let a note through only if it is safe to show."</p>
        {held.into_iter().map(|h| {
            let reason = RwSignal::new(String::new());
            let problems = Problems::new();
            let field = format!("release-{}", h.note.id);
            let (event, activity, note_id) = (event.clone(), h.activity_id.clone(), h.note.id);
            let field2 = field.clone();
            let on_submit = move |ev: SubmitEvent| {
                ev.prevent_default();
                let url = format!("/api/manage/events/{event}/notes/{note_id}/release");
                let body = NoteRelease { activity: activity.clone(), note: reason.get_untracked() };
                let field = field2.clone();
                leptos::task::spawn_local(async move {
                    match api::send::<_, EventView>(Change::Post, &url, &body).await {
                        Ok(_) => refetch.run(()),
                        Err(e) => {
                            auth.check(&e);
                            problems.show_error(&e, &field, "Event");
                        }
                    }
                });
            };
            view! {
                <div class="inset-text">
                    <p class="body"><strong>{h.prompt.clone()}</strong></p>
                    <p class="body">{h.note.text.clone()}</p>
                    <p class="hint">{format!("Matched: {}", h.why.join(", "))}</p>
                    {problems.summary()}
                    <form novalidate on:submit=on_submit>
                        <TextArea id=field.clone() label="Why it is safe to show" value=reason problems=problems rows=2/>
                        <button class="button button--secondary" type="submit">"Let it onto the wall"</button>
                    </form>
                </div>
            }
        }).collect_view()}
    }
}

/// Changing the event's name, date, place or audience.
#[component]
fn DetailsForm(event: Event, refetch: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let title = RwSignal::new(event.title.clone());
    let date = RwSignal::new(event.date.clone().unwrap_or_default());
    let place = RwSignal::new(event.place.clone());
    let audience = RwSignal::new(
        AUDIENCES
            .iter()
            .find(|(k, _)| audience_of(k) == event.audience)
            .map_or(AUDIENCES[0].0, |(k, _)| *k)
            .to_string(),
    );
    let problems = Problems::new();
    let saved = RwSignal::new(None::<String>);
    let id = event.id.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        let body = EventDetails {
            title: title.get_untracked(),
            date: Some(date.get_untracked()).filter(|d| !d.trim().is_empty()),
            place: place.get_untracked(),
            audience: audience_of(&audience.get_untracked()),
        };
        let url = format!("/api/manage/events/{id}");
        leptos::task::spawn_local(async move {
            match api::send::<_, EventView>(Change::Put, &url, &body).await {
                Ok(_) => {
                    problems.clear();
                    saved.set(Some("Details saved.".into()));
                    refetch.run(());
                }
                Err(e) => {
                    auth.check(&e);
                    // The server names fields as the API does; this form's fields are prefixed.
                    let fields: Vec<(String, String)> = e
                        .fields()
                        .into_iter()
                        .map(|f| (format!("details-{}", f.field), f.message))
                        .collect();
                    if fields.is_empty() {
                        problems.show_error(&e, "details-title", "Event");
                    } else {
                        let fields: Vec<(&str, &str)> = fields
                            .iter()
                            .map(|(f, m)| (f.as_str(), m.as_str()))
                            .collect();
                        problems.show_local(&fields, "Event");
                    }
                }
            }
        });
    };
    view! {
        <details class="details">
            <summary class="details__summary">"Change the event's details"</summary>
            <div class="details__text">
                {problems.summary()}
                <Notice message=saved/>
                <form novalidate on:submit=on_submit class="narrow">
                    <TextInput id="details-title" label="Name of the event" value=title problems=problems/>
                    <TextInput id="details-date" label="Date" kind="date" value=date problems=problems width="date"/>
                    <TextInput id="details-place" label="Place (optional)" value=place problems=problems/>
                    <Select id="details-audience" label="Who is it for?" value=audience options=AUDIENCES.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()/>
                    <button class="button" type="submit">"Save details"</button>
                </form>
            </div>
        </details>
    }
}

const KINDS: [(&str, &str); 4] = [
    ("idea_wall", "Idea wall"),
    ("dot_vote", "Dot-voting"),
    ("poll", "Quick poll"),
    ("rating", "Rating statements"),
];

const POLL_TYPES: [(&str, &str); 5] = [
    ("yes_no", "Yes, no or not sure"),
    ("single", "Choose one of my options"),
    ("faces3", "Three faces"),
    ("faces5", "Five faces"),
    ("agreement", "Agree or disagree"),
];

/// The priorities the therapies review put to people, ready for a dot-vote.
const EMERGING_PRIORITIES: &str = "Make better use of needs analysis\nDevelop key service principles\nDevelop a balanced service delivery model\nReview the funding allocation for therapies\nInvolve families in the commissioning cycle";

#[component]
fn AddActivity(event: String, refetch: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let kind = RwSignal::new(KINDS[0].0.to_string());
    let title = RwSignal::new(String::new());
    let lines = RwSignal::new(String::new());
    let dots = RwSignal::new("3".to_string());
    let max = RwSignal::new(String::new());
    let question = RwSignal::new(String::new());
    let poll_type = RwSignal::new(POLL_TYPES[0].0.to_string());
    let scale = RwSignal::new("faces3".to_string());
    let problems = Problems::new();
    let added = RwSignal::new(None::<String>);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        added.set(None);
        let number = |s: &str| s.trim().parse::<u32>().ok();
        let kind_now = kind.get_untracked();
        let text = lines.get_untracked();
        let built = match kind_now.as_str() {
            "idea_wall" => Ok(ActivityKind::IdeaWall {
                prompts: text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect(),
            }),
            "dot_vote" => match number(&dots.get_untracked()) {
                Some(d) => Ok(ActivityKind::DotVote {
                    options: choices_from_lines(&text),
                    dots: d,
                    max_per_option: number(&max.get_untracked()),
                }),
                None => Err(("dots", "Enter how many dots each person has, like 3")),
            },
            "poll" => {
                let kind = match poll_type.get_untracked().as_str() {
                    "single" => QuestionKind::SingleChoice {
                        options: choices_from_lines(&text),
                    },
                    "faces3" => QuestionKind::Faces { points: 3 },
                    "faces5" => QuestionKind::Faces { points: 5 },
                    "agreement" => QuestionKind::Agreement,
                    _ => QuestionKind::YesNo,
                };
                Ok(ActivityKind::Poll {
                    question: Question {
                        id: "poll".into(),
                        text: question.get_untracked(),
                        hint: None,
                        easy_read: None,
                        required: true,
                        allow_dont_know: false,
                        allow_rather_not_say: false,
                        show_if: None,
                        kind,
                    },
                })
            }
            _ => Ok(ActivityKind::Rating {
                statements: choices_from_lines(&text),
                scale: match scale.get_untracked().as_str() {
                    "faces5" => RatingScale::Faces { points: 5 },
                    "agreement" => RatingScale::Agreement,
                    _ => RatingScale::Faces { points: 3 },
                },
            }),
        };
        let kind_value = match built {
            Ok(k) => k,
            Err((field, message)) => {
                problems.show_local(&[(field, message)], "Event");
                return;
            }
        };
        let body = NewActivity {
            title: title.get_untracked(),
            kind: kind_value,
        };
        let url = format!("/api/manage/events/{event}/activities");
        leptos::task::spawn_local(async move {
            match api::send::<_, EventView>(Change::Post, &url, &body).await {
                Ok(_) => {
                    problems.clear();
                    added.set(Some(format!(
                        "Added \u{201c}{}\u{201d} to the agenda.",
                        body.title.trim()
                    )));
                    title.set(String::new());
                    lines.set(String::new());
                    question.set(String::new());
                    refetch.run(());
                }
                Err(e) => {
                    auth.check(&e);
                    // A poll's problems come back under `question.…`; show them on the question box.
                    problems.show_error(&e, "title", "Event");
                }
            }
        });
    };
    let lines_label = move || match kind.get().as_str() {
        "idea_wall" => (
            "Questions on the wall",
            "One per line, for example What works well? and What should change?",
        ),
        "dot_vote" => ("Options to vote on", "One per line"),
        "poll" => (
            "Options",
            "One per line (only for \u{201c}Choose one of my options\u{201d})",
        ),
        _ => (
            "Statements to rate",
            "One per line, for example I see the same therapist each time",
        ),
    };
    view! {
        <h2 class="heading-l" id="add-activity">"Add an activity"</h2>
        {problems.summary()}
        <Notice message=added/>
        <form novalidate on:submit=on_submit class="narrow">
            <Select id="kind" label="Kind of activity" value=kind options=KINDS.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()/>
            <TextInput id="title" label="Title" hint="Shown on every screen, for example Our priorities" value=title problems=problems/>
            {move || (kind.get() == "poll").then(|| view! {
                <TextInput id="question-text" label="Question" value=question problems=problems/>
                <Select id="poll-type" label="Answers" value=poll_type options=POLL_TYPES.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()/>
            })}
            {move || {
                let (label, hint) = lines_label();
                let field = match kind.get().as_str() { "idea_wall" => "prompts", "dot_vote" => "options", "poll" => "question-kind-options", _ => "statements" };
                view! { <TextArea id=field label=label hint=hint value=lines problems=problems rows=5/> }
            }}
            {move || (kind.get() == "dot_vote").then(|| view! {
                <p class="body"><button type="button" class="button button--secondary" on:click=move |_| {
                    lines.set(EMERGING_PRIORITIES.to_string());
                    if title.get_untracked().trim().is_empty() { title.set("Our priorities".into()); }
                }>"Use the review's emerging priorities"</button></p>
                <TextInput id="dots" label="Dots for each person" value=dots problems=problems width="2"/>
                <TextInput id="max_per_option" label="Most dots on one option (optional)" value=max problems=problems width="2"/>
            })}
            {move || (kind.get() == "rating").then(|| view! {
                <Select id="scale" label="Scale" value=scale options=vec![
                    ("faces3".to_string(), "Three faces".to_string()),
                    ("faces5".to_string(), "Five faces".to_string()),
                    ("agreement".to_string(), "Agree or disagree".to_string()),
                ]/>
            })}
            <button class="button" type="submit">"Add to the agenda"</button>
        </form>
    }
}

/// `/manage/e/:id/present`: the room's screen, full-window, large, updated live.
#[component]
pub fn PresentPage() -> impl IntoView {
    let params = use_params_map();
    let id = params.read_untracked().get("id").unwrap_or_default();
    let shown = RwSignal::new(None::<Presented>);
    let connected = RwSignal::new(true);
    live::listen::<Presented>(
        &format!("/api/manage/events/{id}/present"),
        move |p| shown.set(Some(p)),
        connected,
    );
    browser::set_title("Room screen");
    browser::focus_page();
    let origin = crate::browser::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    view! {
        <div class="present">
            <div class="present__bar">
                <a class="present__exit" href=format!("/manage/e/{id}")>"Back to the event"</a>
                {move || (!connected.get()).then(|| view! { <span class="present__offline" role="status">"Reconnecting…"</span> })}
            </div>
            {move || match shown.get() {
                None => view! { <p class="present__waiting" role="status">"Connecting…"</p> }.into_any(),
                Some(p) => {
                    let join = format!("{origin}/join");
                    view! {
                        <p class="present__join">"Join at " <strong>{join}</strong> " with code " <strong class="code">{spaced(&p.code)}</strong>
                            <span class="present__count">{format!(" · {} joined", p.joined)}</span></p>
                        {match p.activity {
                            None => view! {
                                <h1 class="present__title" id="page-heading" tabindex="-1">{p.title.clone()}</h1>
                                <p class="present__waiting">"We will start soon."</p>
                            }.into_any(),
                            Some(a) => view! {
                                <h1 class="present__title" id="page-heading" tabindex="-1">{a.title.clone()}</h1>
                                <p class="present__status">{match a.phase { Phase::Open => "Open now", Phase::Closed => "Closed", Phase::Waiting => "Not started" }}
                                    {format!(" · {} taking part", p.taking_part)}</p>
                                {a.results.map(|r| view! { <div class="present__results"><ResultsView results=r/></div> })}
                            }.into_any(),
                        }}
                    }.into_any()
                }
            }}
        </div>
    }
}
