use crate::{api, browser};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// The list of open consultations and a survey for each audience.
#[component]
pub fn Home() -> impl IntoView {
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
    // Drawn again in a newly chosen language.
    move || {
        let language = crate::language::current();
        let w = language.words();
        browser::set_title(w.have_your_say);
        browser::focus_page();
        view! {
            <h1 class="heading-xl" id="page-heading" tabindex="-1">{w.have_your_say}</h1>
            <p class="body-l">{w.choose_survey}</p>
            {move || match consultations.get() {
                None => view! { <p class="body" role="status">{w.loading_surveys}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <div class="notification" role="alert">
                        <p class="body">{error.to_string()}</p>
                    </div>
                }
                .into_any(),
                Some(Ok(list)) if list.is_empty() => view! {
                    <p class="body">{w.no_surveys}</p>
                }
                .into_any(),
                Some(Ok(list)) => list
                    .into_iter()
                    .map(|c| {
                        let c = c.in_language(language);
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
            <h2 class="heading-m">{w.at_an_event}</h2>
            <p class="body"><a href="/join" rel="external">{w.join_with_code}</a></p>
        }
    }
}
