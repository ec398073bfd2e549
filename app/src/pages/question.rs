//! One question per page, with Back, Continue and an error summary.

use crate::browser;
use crate::components::layout::{BackLink, ErrorSummary};
use crate::components::question::{QuestionInput, first_input_id};
use crate::pages::not_found::NotFound;
use crate::pages::survey::with_survey;
use crate::state::SurveyState;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use tellus_core::FieldError;
use tellus_core::response::validate_answer_in;

/// Question `n` (1-based) of the current survey.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let state = expect_context::<SurveyState>();
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    let number = Memo::new(move |_| {
        params
            .read()
            .get("n")
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    });
    // Set when arriving from check-your-answers, so Continue goes straight back there.
    let from_check = Memo::new(move |_| query.read().get("from").as_deref() == Some("check"));
    // What is chosen but not yet continued: kept when the page is redrawn in another
    // language, started afresh from the saved answer for each new question.
    let draft = RwSignal::new(None::<tellus_core::Answer>);
    let showing = StoredValue::new(None::<String>);

    with_survey(move |page| {
        let w = crate::language::words();
        let n = number.get();
        let survey = page.survey;
        let child_mode = survey.child_mode;
        let Some(question) = n
            .checked_sub(1)
            .and_then(|i| survey.questions.get(i))
            .cloned()
        else {
            return view! { <NotFound/> }.into_any();
        };
        let base = format!("/s/{}", survey.id);
        let check = format!("{base}/check");
        let index = n - 1;
        // Only the questions asked after the answers so far count: branches may skip some.
        let shown = survey.shown(&state.answers.get_untracked());
        if !shown.contains(&index) {
            let after = shown
                .iter()
                .find(|&&i| i > index)
                .map(|i| format!("{base}/q/{}", i + 1))
                .unwrap_or(check);
            navigate(
                &after,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
            return ().into_any();
        }
        let position = shown.iter().position(|&i| i == index).map_or(n, |p| p + 1);
        let back = if from_check.get() {
            check.clone()
        } else {
            shown
                .iter()
                .rev()
                .find(|&&i| i < index)
                .map(|i| format!("{base}/q/{}", i + 1))
                .unwrap_or(base.clone())
        };
        let returning = from_check.get();

        if showing.get_value().as_ref() != Some(&question.id) {
            showing.set_value(Some(question.id.clone()));
            draft.set(state.answer(&question.id));
        }
        let error = RwSignal::new(None::<FieldError>);
        browser::set_title(&question.text);
        browser::focus_page();

        let navigate = navigate.clone();
        let on_submit = {
            let question = question.clone();
            move |ev: SubmitEvent| {
                ev.prevent_default();
                match validate_answer_in(&question, draft.get_untracked().as_ref(), w) {
                    Ok(()) => {
                        state.set_answer(&question.id, draft.get_untracked());
                        // This answer may open or close a branch: find the next question now.
                        let answers = state.answers.get_untracked();
                        let following = survey.shown(&answers).into_iter().find(|&i| i > index);
                        let opened = |i: usize| {
                            let q = &survey.questions[i];
                            q.show_if
                                .as_ref()
                                .is_some_and(|c| c.question == question.id)
                                && !answers.contains_key(&q.id)
                        };
                        let next = match following {
                            Some(i) if !returning => format!("{base}/q/{}", i + 1),
                            // From check your answers: straight back, unless this answer opened a follow-up.
                            Some(i) if opened(i) => format!("{base}/q/{}?from=check", i + 1),
                            _ => check.clone(),
                        };
                        navigate(&next, Default::default());
                    }
                    Err(problem) => {
                        // Keep what they typed or chose, so nothing has to be entered again.
                        error.set(Some(problem));
                        browser::set_title(&format!("{}{}", w.error_prefix, question.text));
                        request_animation_frame(|| browser::focus("error-summary"));
                    }
                }
            }
        };
        let link = format!("#{}", first_input_id(&question));
        // Drawn on the server, Continue waits for the app: submitted without it, the form
        // would reload the page and drop the choice just made.
        let continue_type = if browser::window().is_some() {
            "submit"
        } else {
            "button"
        };
        view! {
            <BackLink href=back/>
            <form class="question-form" novalidate on:submit=on_submit>
                {move || error.get().map(|e| view! { <ErrorSummary errors=vec![(e, link.clone())]/> })}
                <QuestionInput
                    question=question.clone()
                    draft=draft
                    error=error
                    caption=(w.question_of)(position, shown.len())
                    child_mode=child_mode
                />
                <progress class="progress" max=shown.len() value=position aria-hidden="true"></progress>
                <button class="button" type=continue_type>{w.continue_}</button>
            </form>
        }
        .into_any()
    })
}
