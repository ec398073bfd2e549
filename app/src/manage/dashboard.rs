//! The facilitator's home: their consultations, and starting a new one.

use super::session::Auth;
use crate::api::{self, Change};
use crate::browser;
use crate::components::form::{Problems, TextInput};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use tellus_core::Consultation;
use tellus_core::account::Permission;
use tellus_core::manage::{ConsultationOverview, NewConsultation, Template};

/// Consultations the person is on, with counts, and a form to start one.
#[component]
pub fn Dashboard() -> impl IntoView {
    let auth = expect_context::<Auth>();
    browser::set_title("Consultations");
    browser::focus_page();
    let list = LocalResource::new(move || async move {
        auth.get::<Vec<ConsultationOverview>>("/api/manage/consultations")
            .await
    });
    view! {
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Consultations"</h1>
        {move || match list.get() {
            None => view! { <p class="body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(e)) => view! { <div class="notification" role="alert"><p class="body">{e.to_string()}</p></div> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! {
                <p class="body">"You are not on any consultation yet. Start one below, or ask a colleague to add you to theirs."</p>
            }.into_any(),
            Some(Ok(list)) => view! {
                <table class="table">
                    <caption class="visually-hidden">"Your consultations"</caption>
                    <thead><tr>
                        <th scope="col">"Consultation"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col" class="table__numeric">"Surveys"</th>
                        <th scope="col" class="table__numeric">"Responses"</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|c| {
                            let responses: u64 = c.surveys.iter().map(|s| s.responses).sum();
                            view! {
                                <tr>
                                    <td><a href=format!("/manage/c/{}", c.id)>{c.title}</a></td>
                                    <td><StatusTag status=c.status/></td>
                                    <td class="table__numeric">{c.surveys.len()}</td>
                                    <td class="table__numeric">{responses}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
        {move || auth.can(Permission::ManageConsultations).then(|| view! { <NewConsultationForm/> })}
    }
}

/// A consultation's status as a coloured tag with words.
#[component]
pub fn StatusTag(status: tellus_core::Status) -> impl IntoView {
    use tellus_core::Status::*;
    let modifier = match status {
        Draft => "tag--grey",
        Open => "tag--green",
        Closed => "tag--blue",
        Archived => "tag--grey",
    };
    view! { <strong class=format!("tag {modifier}")>{status.label()}</strong> }
}

/// Title and starting point for a new consultation.
#[component]
fn NewConsultationForm() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let title = RwSignal::new(String::new());
    let from_template = RwSignal::new(false);
    let problems = Problems::new();
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let navigate = navigate.clone();
        let form = NewConsultation {
            title: title.get_untracked(),
            template: if from_template.get_untracked() {
                Template::TherapiesReview
            } else {
                Template::Blank
            },
        };
        if form.title.trim().is_empty() {
            problems.show_local(
                &[("title", "Enter a title for the consultation")],
                "Consultations",
            );
            return;
        }
        leptos::task::spawn_local(async move {
            match api::send::<_, Consultation>(Change::Post, "/api/manage/consultations", &form)
                .await
            {
                Ok(c) => navigate(&format!("/manage/c/{}", c.id), Default::default()),
                Err(e) => {
                    auth.check(&e);
                    problems.show_error(&e, "title", "Consultations");
                }
            }
        });
    };
    view! {
        <h2 class="heading-l">"Start a consultation"</h2>
        {problems.summary()}
        <form novalidate on:submit=on_submit class="narrow">
            <TextInput id="title" label="Title" hint="For example, Children's therapies review 2027" value=title problems=problems/>
            <fieldset class="fieldset form-group">
                <legend class="fieldset__legend label--s">"Start from"</legend>
                <div class="radios radios--small">
                    <div class="radios__item">
                        <input class="radios__input" type="radio" id="template-blank" name="template"
                            prop:checked=move || !from_template.get() on:change=move |_| from_template.set(false)/>
                        <label class="radios__label" for="template-blank">"A blank consultation"</label>
                    </div>
                    <div class="radios__item">
                        <input class="radios__input" type="radio" id="template-therapies" name="template"
                            prop:checked=move || from_template.get() on:change=move |_| from_template.set(true)/>
                        <label class="radios__label" for="template-therapies">"A copy of the children's therapies review, with its three surveys"</label>
                    </div>
                </div>
            </fieldset>
            <button class="button" type="submit">"Create consultation"</button>
        </form>
    }
}
