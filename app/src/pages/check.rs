//! Check your answers, then send them.

use crate::api::{self, ClientError};
use crate::browser;
use crate::components::layout::{BackLink, ErrorSummary};
use crate::outbox::Outbox;
use crate::pages::survey::with_survey;
use crate::state::{LastReceipt, SurveyState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use tellus_core::response::QueuedResponse;
use tellus_core::response::receipt_code;
use tellus_core::response::{describe_answer_in, normalise, shown_answers, validate_answers_in};
use tellus_core::{FieldError, ResponseSubmission};

/// Where sending stands.
#[derive(Clone, PartialEq)]
enum Sending {
    Idle,
    InProgress,
    Failed(Vec<(FieldError, String)>),
}

/// Every answer with a Change link, and the button that sends them.
#[component]
pub fn CheckPage() -> impl IntoView {
    let state = expect_context::<SurveyState>();
    let navigate = use_navigate();
    let sending = RwSignal::new(Sending::Idle);
    let outbox = expect_context::<Outbox>();
    let receipt = expect_context::<LastReceipt>();

    with_survey(move |page| {
        let language = crate::language::current();
        let w = language.words();
        let survey = page.survey;
        browser::set_title(w.check_answers);
        browser::focus_page();
        let base = format!("/s/{}", survey.id);
        let last = format!("{base}/q/{}", survey.questions.len());

        let rows = {
            let survey = survey.clone();
            let base = base.clone();
            move || {
                let answers = state.answers.get();
                let shown = survey.shown(&answers);
                survey
                    .questions
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| shown.contains(i))
                    .map(|(i, q)| {
                        let answer = answers.get(&q.id).map(|a| describe_answer_in(q, a, w));
                        let answered = answer.is_some();
                        view! {
                            <div class="summary-list__row">
                                <dt class="summary-list__key">{q.text.clone()}</dt>
                                <dd class="summary-list__value" class=("summary-list__value--empty", !answered)>
                                    {answer.unwrap_or_else(|| w.not_answered.to_string())}
                                </dd>
                                <dd class="summary-list__actions">
                                    <a href=format!("{base}/q/{}?from=check", i + 1)>
                                        {if answered { w.change } else { w.answer }}
                                        <span class="visually-hidden">{(w.your_answer_to)(&q.text)}</span>
                                    </a>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()
            }
        };

        let navigate = navigate.clone();
        let send = {
            let survey = survey.clone();
            let base = base.clone();
            move |_| {
                if sending.get_untracked() == Sending::InProgress {
                    return;
                }
                // Answers left behind by a changed earlier answer are not sent.
                let answers = shown_answers(&survey, &normalise(&state.answers.get_untracked()));
                if let Err(problems) = validate_answers_in(&survey, &answers, w) {
                    let linked = problems
                        .into_iter()
                        .map(|p| {
                            let href = survey
                                .questions
                                .iter()
                                .position(|q| q.id == p.field)
                                .map(|i| format!("{base}/q/{}?from=check", i + 1))
                                .unwrap_or_else(|| format!("{base}/check"));
                            (p, href)
                        })
                        .collect();
                    fail(sending, linked, w);
                    return;
                }
                sending.set(Sending::InProgress);
                let item = QueuedResponse {
                    id: state.response_id(),
                    submission: ResponseSubmission {
                        survey_id: survey.id.clone(),
                        answers,
                        language,
                    },
                };
                let navigate = navigate.clone();
                let done = format!("{base}/done");
                let here = format!("{base}/check");
                spawn_local(async move {
                    // Saved on the device first; sent in the background, retried until the server has it.
                    let saved = match outbox.add(item.clone()).await {
                        Ok(()) => Ok(()),
                        // No device storage (some private browsing): send directly instead.
                        Err(_) => api::submit(item.id, &item.submission).await.map(|_| ()),
                    };
                    match saved {
                        Ok(()) => {
                            receipt.0.set(Some(receipt_code(item.id)));
                            state.clear();
                            sending.set(Sending::Idle);
                            navigate(
                                &done,
                                NavigateOptions {
                                    replace: true,
                                    ..Default::default()
                                },
                            );
                        }
                        Err(error) => {
                            let message = match &error {
                                ClientError::Network => w.send_failed_offline.to_string(),
                                other => other.to_string(),
                            };
                            let problem = FieldError {
                                field: String::new(),
                                code: "send_failed".into(),
                                message,
                            };
                            fail(sending, vec![(problem, here)], w);
                        }
                    }
                });
            }
        };
        view! {
            <BackLink href=last/>
            {move || match sending.get() {
                Sending::Failed(errors) => Some(view! { <ErrorSummary errors=errors/> }),
                _ => None,
            }}
            <h1 class="heading-l" id="page-heading" tabindex="-1">{w.check_answers}</h1>
            <dl class="summary-list">{rows}</dl>
            <h2 class="heading-m">{w.now_send}</h2>
            <p class="body">{w.send_explain}</p>
            <button
                class="button"
                type="button"
                on:click=send
                prop:disabled=move || sending.get() == Sending::InProgress
                aria-describedby="sending-status"
            >
                {w.send_answers}
            </button>
            <p id="sending-status" class="body" role="status">
                {move || (sending.get() == Sending::InProgress).then_some(w.sending)}
            </p>
        }
        .into_any()
    })
}

fn fail(
    sending: RwSignal<Sending>,
    errors: Vec<(FieldError, String)>,
    w: &tellus_core::language::Words,
) {
    browser::set_title(&format!("{}{}", w.error_prefix, w.check_answers));
    sending.set(Sending::Failed(errors));
    request_animation_frame(|| browser::focus("error-summary"));
}
