//! One consultation: its status, surveys (with share links and QR codes), details and team.

use super::dashboard::StatusTag;
use super::session::Auth;
use crate::api::{self, Change, ClientError};
use crate::browser;
use crate::components::form::{Notice, Problems, Select, TextArea, TextInput};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use tellus_core::account::Permission;
use tellus_core::manage::{Details, NewSurvey, StatusChange, TeamChange};
use tellus_core::{Audience, Consultation, Status, Survey};

/// Loads the consultation named in the route, for pages under `/manage/c/:id`.
pub fn consultation_resource() -> (
    Memo<String>,
    LocalResource<Result<Consultation, ClientError>>,
) {
    let auth = expect_context::<Auth>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let resource = LocalResource::new(move || {
        let id = id.get();
        async move {
            auth.get::<Consultation>(&format!("/api/manage/consultations/{id}"))
                .await
        }
    });
    (id, resource)
}

/// Shows `body` once the consultation has loaded.
pub fn with_consultation<V: IntoView + 'static>(
    resource: LocalResource<Result<Consultation, ClientError>>,
    body: impl Fn(Consultation) -> V + Send + Sync + 'static,
) -> impl IntoView {
    move || match resource.get() {
        None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <h1 class="heading-xl" id="page-heading" tabindex="-1">"Consultation not found"</h1>
            <p class="body">{e.to_string()}</p>
            <p class="body"><a href="/manage">"Back to your consultations"</a></p>
        }
        .into_any(),
        Some(Ok(c)) => body(c).into_any(),
    }
}

/// The consultation page.
#[component]
pub fn ConsultationPage() -> impl IntoView {
    let (_, resource) = consultation_resource();
    with_consultation(resource, move |c| {
        browser::set_title(&c.title);
        browser::focus_page();
        view! { <ConsultationView c=c resource=resource/> }
    })
}

#[component]
fn ConsultationView(
    c: Consultation,
    resource: LocalResource<Result<Consultation, ClientError>>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let manage = auth.can(Permission::ManageConsultations);
    let reads = auth.can(Permission::ReadResponses) || auth.can(Permission::ReadFlagged);
    let base = format!("/manage/c/{}", c.id);
    view! {
        <a href="/manage" class="back-link">"All consultations"</a>
        <span class="caption">"Consultation"</span>
        <h1 class="heading-xl" id="page-heading" tabindex="-1">{c.title.clone()}</h1>
        <p class="body">"Status: " <StatusTag status=c.status/></p>
        {manage.then(|| view! { <StatusActions c=c.clone() resource=resource/> })}
        <ul class="link-list">
            {reads.then(|| view! { <li><a href=format!("{base}/responses")>"Responses"</a></li> })}
            <li><a href=format!("{base}/charts")>"Charts of answers"</a></li>
            {auth.can(Permission::ReadResponses).then(|| view! { <li><a href=format!("{base}/themes")>"Themes"</a></li> })}
            <li><a href=format!("{base}/summary")>"What you told us"</a></li>
            <li><a href=format!("{base}/you-said-we-did")>"You said, we did"</a></li>
            <li><a href=format!("{base}/events")>"Events"</a></li>
        </ul>
        <SurveysSection c=c.clone() manage=manage resource=resource/>
        {manage.then(|| view! {
            <DetailsForm c=c.clone() resource=resource/>
            <TeamForm c=c.clone() resource=resource/>
        })}
    }
}

/// Buttons to move the consultation on: open, close, archive, or back to draft.
#[component]
fn StatusActions(
    c: Consultation,
    resource: LocalResource<Result<Consultation, ClientError>>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let problems = Problems::new();
    let id = c.id.clone();
    let change = move |status: Status| {
        let id = id.clone();
        leptos::task::spawn_local(async move {
            let body = StatusChange { status };
            match api::send::<_, Consultation>(
                Change::Put,
                &format!("/api/manage/consultations/{id}/status"),
                &body,
            )
            .await
            {
                Ok(_) => resource.refetch(),
                Err(e) => {
                    auth.check(&e);
                    problems.show_error(&e, "status-actions", "Consultation");
                }
            }
        });
    };
    let actions: Vec<(Status, &str, &str)> = match c.status {
        Status::Draft => vec![(Status::Open, "Open for answers", "button")],
        Status::Open => vec![(
            Status::Closed,
            "Close to new answers",
            "button button--warning",
        )],
        Status::Closed => vec![
            (Status::Open, "Open again", "button button--secondary"),
            (Status::Archived, "Archive", "button button--secondary"),
        ],
        Status::Archived => vec![(
            Status::Closed,
            "Bring back from the archive",
            "button button--secondary",
        )],
    };
    view! {
        {problems.summary()}
        <div class="button-group" id="status-actions">
            {actions.into_iter().map(|(status, words, class)| {
                let change = change.clone();
                view! { <button type="button" class=class on:click=move |_| change(status)>{words}</button> }
            }).collect_view()}
        </div>
    }
}

/// The surveys, each with its share link, QR code and builder link; and adding another.
#[component]
fn SurveysSection(
    c: Consultation,
    manage: bool,
    resource: LocalResource<Result<Consultation, ClientError>>,
) -> impl IntoView {
    let origin = crate::browser::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let open = c.status == Status::Open;
    let cid = c.id.clone();
    view! {
        <h2 class="heading-l">"Surveys"</h2>
        {c.surveys.is_empty().then(|| view! { <p class="body">"No surveys yet. Add one for each audience you want to hear from."</p> })}
        {c.surveys.iter().map(|s: &Survey| {
            let link = format!("{origin}/s/{}", s.id);
            let qr = format!("/api/manage/consultations/{cid}/surveys/{}/qr.svg", s.id);
            view! {
                <section class="survey-card" aria-labelledby=format!("survey-{}", s.id)>
                    <h3 class="heading-m" id=format!("survey-{}", s.id)>{s.title.clone()}</h3>
                    <dl class="summary-list">
                        <div class="summary-list__row"><dt class="summary-list__key">"Audience"</dt><dd class="summary-list__value">{s.audience.label().to_string()}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Questions"</dt><dd class="summary-list__value">{s.questions.len()}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Child mode"</dt><dd class="summary-list__value">{if s.child_mode { "On" } else { "Off" }}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"Link for participants"</dt>
                            <dd class="summary-list__value"><code class="link-text">{link.clone()}</code>
                                {(!open).then(|| view! { <span class="hint">" (works once the consultation is open)"</span> })}
                            </dd></div>
                    </dl>
                    {manage.then(|| view! {
                        <p class="body"><a class="button button--secondary" href=format!("/manage/c/{cid}/s/{}", s.id)>
                            "Edit questions" <span class="visually-hidden">{format!(" of {}", s.title)}</span></a></p>
                        <details class="details">
                            <summary class="details__summary">"QR code to print" <span class="visually-hidden">{format!(" for {}", s.title)}</span></summary>
                            <div class="details__text">
                                <img class="qr" src=qr.clone() alt=format!("QR code that opens {link}") width="256" height="256"/>
                                <p class="body"><a href=qr download=format!("{}-qr.svg", s.id)>"Download the QR code (SVG)"</a></p>
                            </div>
                        </details>
                    })}
                </section>
            }
        }).collect_view()}
        {manage.then(|| view! { <AddSurveyForm id=c.id.clone() resource=resource/> })}
    }
}

/// Adds a survey for an audience.
#[component]
fn AddSurveyForm(
    id: String,
    resource: LocalResource<Result<Consultation, ClientError>>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let audience = RwSignal::new("children_and_young_people".to_string());
    let other = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let problems = Problems::new();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let audience = match audience.get_untracked().as_str() {
            "children_and_young_people" => Audience::ChildrenAndYoungPeople,
            "parents_and_carers" => Audience::ParentsAndCarers,
            "professionals_and_partners" => Audience::ProfessionalsAndPartners,
            _ if other.get_untracked().trim().is_empty() => {
                problems.show_local(
                    &[("other_audience", "Enter who the survey is for")],
                    "Consultation",
                );
                return;
            }
            _ => Audience::Other(other.get_untracked().trim().to_string()),
        };
        let body = NewSurvey {
            audience,
            title: title.get_untracked(),
        };
        let id = id.clone();
        leptos::task::spawn_local(async move {
            match api::send::<_, Survey>(
                Change::Post,
                &format!("/api/manage/consultations/{id}/surveys"),
                &body,
            )
            .await
            {
                Ok(_) => resource.refetch(),
                Err(e) => {
                    auth.check(&e);
                    problems.show_error(&e, "audience", "Consultation");
                }
            }
        });
    };
    let options = vec![
        (
            "children_and_young_people".to_string(),
            "Children and young people".to_string(),
        ),
        (
            "parents_and_carers".to_string(),
            "Parents and carers".to_string(),
        ),
        (
            "professionals_and_partners".to_string(),
            "Professionals and partners".to_string(),
        ),
        ("other".to_string(), "Someone else".to_string()),
    ];
    view! {
        <h3 class="heading-m">"Add a survey"</h3>
        {problems.summary()}
        <form novalidate on:submit=on_submit class="narrow">
            <Select id="audience" label="Who is it for?" value=audience options=options problems=problems/>
            {move || (audience.get() == "other").then(|| view! {
                <TextInput id="other_audience" label="Who? For example, school governors" value=other problems=problems/>
            })}
            <TextInput id="survey_title" label="Survey title" hint="Leave blank for \u{201c}Tell us what you think\u{201d}" value=title problems=problems/>
            <button class="button button--secondary" type="submit">"Add survey"</button>
        </form>
    }
}

/// What participants are told, the closing date and how long answers are kept.
#[component]
fn DetailsForm(
    c: Consultation,
    resource: LocalResource<Result<Consultation, ClientError>>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let d = Details::of(&c);
    let title = RwSignal::new(d.title);
    let purpose = RwSignal::new(d.purpose);
    let who = RwSignal::new(d.who_is_asking);
    let next = RwSignal::new(d.what_happens_next);
    let closes = RwSignal::new(d.closes_on.unwrap_or_default());
    let contact = RwSignal::new(d.safeguarding_contact.unwrap_or_default());
    let privacy = RwSignal::new(d.privacy_contact.unwrap_or_default());
    let schools = RwSignal::new(d.school_names.join("\n"));
    let retention = RwSignal::new(
        d.retention_months
            .map(|m| m.to_string())
            .unwrap_or_default(),
    );
    let problems = Problems::new();
    let saved = RwSignal::new(None::<String>);
    let id = c.id.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        let retention_months = match retention.get_untracked().trim() {
            "" => None,
            text => match text.parse::<u32>() {
                Ok(m) => Some(m),
                Err(_) => {
                    problems.show_local(
                        &[(
                            "retention_months",
                            "Enter the number of months as a whole number, like 24",
                        )],
                        "Consultation",
                    );
                    return;
                }
            },
        };
        let body = Details {
            title: title.get_untracked(),
            purpose: purpose.get_untracked(),
            who_is_asking: who.get_untracked(),
            what_happens_next: next.get_untracked(),
            closes_on: Some(closes.get_untracked()),
            safeguarding_contact: Some(contact.get_untracked()),
            privacy_contact: Some(privacy.get_untracked()),
            school_names: schools.get_untracked().lines().map(String::from).collect(),
            retention_months,
        };
        let id = id.clone();
        leptos::task::spawn_local(async move {
            match api::send::<_, Consultation>(
                Change::Put,
                &format!("/api/manage/consultations/{id}/details"),
                &body,
            )
            .await
            {
                Ok(_) => {
                    problems.clear();
                    saved.set(Some("Details saved.".into()));
                    resource.refetch();
                }
                Err(e) => {
                    auth.check(&e);
                    problems.show_error(&e, "title", "Consultation");
                }
            }
        });
    };
    view! {
        <h2 class="heading-l" id="details">"Details"</h2>
        <p class="body">"Participants see these on the survey's start page."</p>
        {problems.summary()}
        <Notice message=saved/>
        <form novalidate on:submit=on_submit class="narrow">
            <TextInput id="title" label="Title" value=title problems=problems/>
            <TextArea id="purpose" label="Why you are asking" value=purpose problems=problems/>
            <TextArea id="who_is_asking" label="Who is asking" value=who problems=problems rows=2/>
            <TextArea id="what_happens_next" label="What happens next" hint="What you will do with the answers, and when people will hear back" value=next problems=problems/>
            <TextInput id="closes_on" label="Closing date" hint="For example, 2027-03-31" kind="date" value=closes problems=problems width="date"/>
            <TextArea id="safeguarding_contact" label="Who to contact about a worry for a child's safety" hint="Shown on the survey's \u{201c}Need to talk?\u{201d} page" value=contact problems=problems rows=2/>
            <TextInput id="retention_months" label="Keep responses for (months after closing)" hint="For example, 24. Responses are deleted for good after this. Leave blank to decide later." value=retention problems=problems width="4"/>
            <TextArea id="privacy_contact" label="Who to contact about data protection" hint="Shown in the privacy notice, for example your data protection officer's email" value=privacy problems=problems rows=2/>
            <TextArea id="school_names" label="Local schools and settings" hint="One per line. Their names are removed from answers in quotes, summaries and exports." value=schools problems=problems rows=4/>
            <button class="button" type="submit">"Save details"</button>
        </form>
    }
}

/// Who can see the consultation: one account email per line.
#[component]
fn TeamForm(
    c: Consultation,
    resource: LocalResource<Result<Consultation, ClientError>>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let team = RwSignal::new(c.team.join("\n"));
    let problems = Problems::new();
    let saved = RwSignal::new(None::<String>);
    let id = c.id.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        let body = TeamChange {
            team: team
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
        };
        let id = id.clone();
        leptos::task::spawn_local(async move {
            match api::send::<_, Consultation>(
                Change::Put,
                &format!("/api/manage/consultations/{id}/team"),
                &body,
            )
            .await
            {
                Ok(c) => {
                    problems.clear();
                    team.set(c.team.join("\n"));
                    saved.set(Some("Team saved.".into()));
                    resource.refetch();
                }
                Err(e) => {
                    auth.check(&e);
                    // Team problems are per line; show them against the one box.
                    let fields: Vec<_> = e
                        .fields()
                        .into_iter()
                        .map(|mut f| {
                            f.field = "team".into();
                            f
                        })
                        .collect();
                    if fields.is_empty() {
                        problems.show_error(&e, "team", "Consultation");
                    } else {
                        let pairs: Vec<(String, String)> =
                            fields.into_iter().map(|f| (f.field, f.message)).collect();
                        let refs: Vec<(&str, &str)> = pairs
                            .iter()
                            .map(|(a, b)| (a.as_str(), b.as_str()))
                            .collect();
                        problems.show_local(&refs, "Consultation");
                    }
                }
            }
        });
    };
    view! {
        <h2 class="heading-l" id="team">"Who can see this consultation"</h2>
        <p class="body">"Administrators can always see it. Add colleagues by the email address of their Tellus account."</p>
        {problems.summary()}
        <Notice message=saved/>
        <form novalidate on:submit=on_submit class="narrow">
            <TextArea id="team" label="Team" hint="One email address per line" value=team problems=problems/>
            <button class="button button--secondary" type="submit">"Save team"</button>
        </form>
    }
}
