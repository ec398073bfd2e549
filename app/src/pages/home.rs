use crate::{api, browser};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// The list of open consultations and a survey for each audience.
#[component]
pub fn Home() -> impl IntoView {
    browser::set_title("Have your say");
    browser::focus_page();
    // A kiosk tablet shows only its survey.
    if let Some(id) = expect_context::<crate::kiosk::Kiosk>().survey_id() {
        use_navigate()(
            &format!("/s/{id}"),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    }
    let consultations = LocalResource::new(api::consultations);
    view! {
        <h1 class="heading-xl" id="page-heading" tabindex="-1">"Have your say"</h1>
        <p class="body-l">"Choose the survey that is for you."</p>
        {move || match consultations.get() {
            None => view! { <p class="body" role="status">"Loading surveys…"</p> }.into_any(),
            Some(Err(error)) => view! {
                <div class="notification" role="alert">
                    <p class="body">{error.to_string()}</p>
                </div>
            }
            .into_any(),
            Some(Ok(list)) if list.is_empty() => view! {
                <p class="body">"There are no surveys open at the moment."</p>
            }
            .into_any(),
            Some(Ok(list)) => list
                .into_iter()
                .map(|c| {
                    view! {
                        <section class="consultation" aria-labelledby=format!("c-{}", c.id)>
                            <h2 class="heading-m" id=format!("c-{}", c.id)>{c.title}</h2>
                            <p class="body">{c.purpose}</p>
                            <ul class="survey-list">
                                {c
                                    .surveys
                                    .into_iter()
                                    .map(|s| {
                                        view! {
                                            <li class="survey-list__item">
                                                <a class="survey-list__link" href=format!("/s/{}", s.id)>
                                                    <span class="survey-list__audience">{s.audience_label}</span>
                                                    <span class="survey-list__title">{s.title}</span>
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
                .into_any(),
        }}
        <h2 class="heading-m">"At an event?"</h2>
        <p class="body"><a href="/join" rel="external">"Join with the code on the screen"</a></p>
    }
}
