//! Starting and leaving kiosk mode.

use crate::browser;
use crate::components::layout::ErrorSummary;
use crate::kiosk::{Kiosk, KioskConfig, pin_problem};
use crate::language::words;
use crate::{api, components::layout::BackLink};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use tellus_core::FieldError;

fn problem(field: &str, message: &str) -> (FieldError, String) {
    (
        FieldError {
            field: field.into(),
            code: "invalid".into(),
            message: message.into(),
        },
        format!("#{field}"),
    )
}

/// A facilitator chooses the survey and a PIN for a shared tablet.
#[component]
pub fn KioskSetup() -> impl IntoView {
    // Written for facilitators in English: the page says so, rather than mixing languages.
    crate::language::english_only_page();
    browser::set_title("Set up kiosk mode");
    browser::focus_page();
    let kiosk = expect_context::<Kiosk>();
    // Each new person starts in the language the tablet is set up in: the device's, unless
    // the facilitator picks another.
    let lang = use_context::<crate::language::Lang>();
    let language = RwSignal::new(lang.map(|l| l.chosen()).unwrap_or_default());
    let navigate = use_navigate();
    let consultations = LocalResource::new(api::consultations);
    let survey = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(FieldError, String)>::new());

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        if survey.get_untracked().is_empty() {
            found.push(problem(
                "kiosk-survey-0",
                "Choose the survey this tablet will show",
            ));
        }
        if let Some(message) = pin_problem(&pin.get_untracked()) {
            found.push(problem("kiosk-pin", message));
        } else if pin.get_untracked().trim() != again.get_untracked().trim() {
            found.push(problem(
                "kiosk-pin-again",
                "The two PINs are different: enter the same PIN twice",
            ));
        }
        if found.is_empty() {
            let id = survey.get_untracked();
            let language = language.get_untracked();
            kiosk.start(KioskConfig::new(&id, &pin.get_untracked(), language));
            if let Some(lang) = lang {
                lang.choose(language);
            }
            navigate(
                &format!("/s/{id}"),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        } else {
            browser::set_title("Error: Set up kiosk mode");
            errors.set(found);
            request_animation_frame(|| browser::focus("error-summary"));
        }
    };
    let field_error = move |id: &'static str| {
        move || {
            errors.with(|e| e.iter().find(|(_, href)| href == &format!("#{id}")).map(|(e, _)| e.message.clone())).map(
                |m| view! { <p class="error-message"><span class="visually-hidden">"Error: "</span>{m}</p> },
            )
        }
    };
    view! {
        <BackLink href="/device".to_string()/>
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary errors=errors.get()/> })}
        <h1 class="heading-l" id="page-heading" tabindex="-1">"Set up kiosk mode"</h1>
        <p class="body">"Kiosk mode keeps this tablet on one survey. After each person sends their answers it goes back to the start, and nothing of their answers can be seen by the next person. Answers are cleared if nobody touches the screen for "
            {crate::kiosk::IDLE_WARNING_AFTER + crate::kiosk::IDLE_GRACE}" seconds, after a warning."</p>
        <form class="question-form" novalidate on:submit=on_submit>
            <div class="form-group">
                <fieldset class="fieldset">
                    <legend class="fieldset__legend"><h2 class="heading-m">"Which survey?"</h2></legend>
                    {field_error("kiosk-survey-0")}
                    <div class="radios">
                        {move || consultations.get().and_then(Result::ok).map(|list| {
                            list.into_iter().flat_map(|c| c.surveys).enumerate().map(|(i, s)| {
                                let id = format!("kiosk-survey-{i}");
                                let value = s.id.clone();
                                view! {
                                    <div class="radios__item">
                                        <input class="radios__input" type="radio" name="kiosk-survey" id=id.clone()
                                            on:change=move |_| survey.set(value.clone())/>
                                        <label class="radios__label" for=id>{format!("{}: {}", s.audience_label, s.title)}</label>
                                    </div>
                                }
                            }).collect_view()
                        })}
                    </div>
                </fieldset>
            </div>
            <div class="form-group">
                <fieldset class="fieldset" aria-describedby="kiosk-language-hint">
                    <legend class="fieldset__legend"><h2 class="heading-m">"Which language does each person start in?"</h2></legend>
                    <div class="hint" id="kiosk-language-hint">"Anyone can change it on the survey; the next person starts in this one again."</div>
                    <div class="radios">
                        {tellus_core::language::Language::ALL.into_iter().map(|l| {
                            let id = format!("kiosk-language-{}", l.code());
                            view! {
                                <div class="radios__item">
                                    <input class="radios__input" type="radio" name="kiosk-language" id=id.clone()
                                        prop:checked=move || language.get() == l
                                        on:change=move |_| language.set(l)/>
                                    <label class="radios__label" for=id lang=l.code() dir=l.dir()>{l.name()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            <div class="form-group">
                <label class="label heading-s" for="kiosk-pin">"Choose a PIN"</label>
                <div class="hint" id="kiosk-pin-hint">"4 to 8 digits. You will need it to leave kiosk mode."</div>
                {field_error("kiosk-pin")}
                <input class="input input--pin" id="kiosk-pin" type="password" inputmode="numeric" autocomplete="off"
                    aria-describedby="kiosk-pin-hint" on:input=move |ev| pin.set(event_target_value(&ev))/>
            </div>
            <div class="form-group">
                <label class="label heading-s" for="kiosk-pin-again">"Enter the PIN again"</label>
                {field_error("kiosk-pin-again")}
                <input class="input input--pin" id="kiosk-pin-again" type="password" inputmode="numeric" autocomplete="off"
                    on:input=move |ev| again.set(event_target_value(&ev))/>
            </div>
            <button class="button" type="submit">"Start kiosk mode"</button>
        </form>
    }
}

/// Leaving kiosk mode needs the PIN.
#[component]
pub fn KioskExit() -> impl IntoView {
    let kiosk = expect_context::<Kiosk>();
    let navigate = use_navigate();
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let back = kiosk
        .survey_id()
        .map(|id| format!("/s/{id}"))
        .unwrap_or_else(|| "/".into());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let ok = kiosk.config.with_untracked(|c| {
            c.as_ref()
                .is_none_or(|c| c.pin_matches(&pin.get_untracked()))
        });
        if ok {
            kiosk.stop();
            navigate(
                "/device",
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        } else {
            wrong.set(true);
            let w = words();
            browser::set_title(&format!("{}{}", w.error_prefix, w.leave_kiosk));
            request_animation_frame(|| browser::focus("error-summary"));
        }
    };
    // Drawn again in a newly chosen language (a child may have chosen one).
    move || {
        let w = words();
        browser::set_title(w.leave_kiosk);
        browser::focus_page();
        view! {
            <BackLink href=back.clone()/>
            {move || wrong.get().then(|| view! { <ErrorSummary errors=vec![problem("exit-pin", w.pin_wrong)]/> })}
            <h1 class="heading-l" id="page-heading" tabindex="-1">{w.leave_kiosk}</h1>
            <form class="question-form" novalidate on:submit=on_submit.clone()>
                <div class="form-group">
                    <label class="label heading-s" for="exit-pin">{w.pin}</label>
                    <input class="input input--pin" id="exit-pin" type="password" inputmode="numeric" autocomplete="off"
                        on:input=move |ev| pin.set(event_target_value(&ev))/>
                </div>
                <button class="button" type="submit">{w.leave_kiosk}</button>
            </form>
        }
    }
}
