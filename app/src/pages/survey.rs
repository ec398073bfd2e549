//! The frame around one survey's pages, and its start page.

use crate::api::ClientError;
use crate::browser;
use crate::components::idle::IdleGuard;
use crate::kiosk::Kiosk;
use crate::language::{self, Lang, words};
use crate::state::SurveyState;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;
use tellus_core::api::SurveyPage;

/// Loads the survey once for all its pages and switches on child mode where it is set.
#[component]
pub fn SurveyShell() -> impl IntoView {
    let params = use_params_map();
    let survey_id = Memo::new(move |_| params.read().get("survey").unwrap_or_default());
    let state = SurveyState::new(survey_id);
    provide_context(state);
    // The language switcher offers the languages this survey is written in.
    if let Some(lang) = use_context::<Lang>() {
        // At once when the survey came with the page, so its first drawing is in the right language.
        if let Some(Ok(page)) = state.page.get_untracked() {
            lang.offer(Some(page.survey.languages()));
        }
        Effect::new(move |_| {
            if let Some(Ok(page)) = state.page.get() {
                lang.offer(Some(page.survey.languages()));
            }
        });
        on_cleanup(move || lang.offer(None));
    }
    let child_mode = move || matches!(state.page.get(), Some(Ok(page)) if page.survey.child_mode);
    let kiosk = expect_context::<Kiosk>();
    let guarded = move || kiosk.survey_id().is_some_and(|id| id == survey_id.get());
    view! {
        <div class="survey" class=("child-mode", child_mode)>
            <Outlet/>
            {move || guarded().then(|| view! { <IdleGuard/> })}
        </div>
    }
}

/// Renders `page` once the survey has loaded, in the page's language (and again whenever
/// the language changes); until then a status, or what went wrong.
pub fn with_survey<V: IntoView + 'static>(
    page: impl Fn(SurveyPage) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<SurveyState>();
    move || match state.page.get() {
        None => view! { <p class="body" role="status">{words().loading_survey}</p> }.into_any(),
        Some(Ok(survey)) => page(survey.in_language(language::current())).into_any(),
        Some(Err(error)) => view! { <LoadProblem error=error/> }.into_any(),
    }
}

/// What to do when the survey could not be loaded.
#[component]
fn LoadProblem(error: ClientError) -> impl IntoView {
    let state = expect_context::<SurveyState>();
    let w = words();
    if error.is_not_found() {
        browser::set_title(w.survey_not_found);
        browser::focus_page();
        return view! {
            <h1 class="heading-l" id="page-heading" tabindex="-1">{w.cannot_find_survey}</h1>
            <p class="body">{w.link_may_be_wrong}</p>
            <p class="body"><a href="/">{w.see_all_surveys}</a></p>
        }
        .into_any();
    }
    browser::set_title(w.sorry_problem);
    browser::focus_page();
    view! {
        <h1 class="heading-l" id="page-heading" tabindex="-1">{w.sorry_problem}</h1>
        <p class="body">{error.to_string()}</p>
        <p class="body">{w.answers_kept_here}</p>
        <button class="button" type="button" on:click=move |_| state.load()>{w.try_again}</button>
    }
    .into_any()
}

/// Who is asking, why, and what happens to the answers; then "Start now".
#[component]
pub fn StartPage() -> impl IntoView {
    let state = expect_context::<SurveyState>();
    with_survey(move |page| {
        let language = language::current();
        let w = language.words();
        browser::set_title(&page.survey.title);
        browser::focus_page();
        // Resume at the first unanswered question, or check-your-answers if all are done.
        let survey = page.survey.clone();
        let survey_id = page.survey.id.clone();
        let start_href = move || {
            let next = state.answers.with(|a| {
                survey
                    .shown(a)
                    .into_iter()
                    .find(|&i| !a.contains_key(&survey.questions[i].id))
            });
            match next {
                Some(i) => format!("/s/{survey_id}/q/{}", i + 1),
                None => format!("/s/{survey_id}/check"),
            }
        };
        let resume = move || {
            state.has_progress().then(|| {
                let answered = state.answers.with(|a| a.len());
                view! {
                    <div class="inset-text">
                        <p class="body">
                            {(w.answered_on_device)(answered)}
                        </p>
                        <button class="button button--secondary" type="button" on:click=move |_| state.clear()>
                            {w.start_again}
                        </button>
                    </div>
                }
            })
        };
        let child_mode = page.survey.child_mode;
        view! {
            <span class="caption">{page.consultation_title.clone()}</span>
            <h1 class="heading-xl" id="page-heading" tabindex="-1">{page.survey.title.clone()}</h1>
            <p class="body-l">{page.survey.intro.clone()}</p>
            <h2 class="heading-m">{if child_mode { w.who_is_asking_child } else { w.who_is_asking }}</h2>
            <p class="body">{page.who_is_asking.clone()}</p>
            {(!child_mode).then(|| view! { <p class="body">{page.purpose.clone()}</p> })}
            <h2 class="heading-m">{w.what_happens_to_answers}</h2>
            <p class="body">{page.what_happens_next.clone()}</p>
            <crate::pages::said_did::SaidDidLink consultation_id=page.consultation_id.clone()/>
            {page
                .closes_on
                .as_deref()
                .and_then(|iso| language.long_date(iso))
                .map(|date| view! { <p class="body">{(w.closes_on)(&date)}</p> })}
            <PrivacyNotice page=page.clone()/>
            {resume}
            <a href=start_href role="button" draggable="false" class="button button--start">
                {move || if state.has_progress() { w.carry_on } else { w.start_now }}
                <svg class="button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                    <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/>
                </svg>
            </a>
        }
    })
}

/// How answers are looked after: what is collected, why, who sees them, for how long, and
/// who to contact. Child-friendly words in child mode.
#[component]
fn PrivacyNotice(page: tellus_core::api::SurveyPage) -> impl IntoView {
    let w = words();
    let sections = tellus_core::privacy::notice(&page, w);
    let summary = if page.survey.child_mode {
        w.privacy_summary_child
    } else {
        w.privacy_summary
    };
    view! {
        <details class="details privacy-notice">
            <summary class="details__summary">{summary}</summary>
            <div class="details__text">
                {sections.into_iter().map(|s| view! {
                    <h3 class="heading-s">{s.heading}</h3>
                    <p class="body">{s.text}</p>
                }).collect_view()}
            </div>
        </details>
    }
}
