//! Form fields in the GOV.UK Design System's patterns, and the problems a form can show.

use crate::api::ClientError;
use crate::browser;
use crate::components::layout::ErrorSummary;
use leptos::prelude::*;
use tellus_core::FieldError;

/// The problems a form shows: in the summary at the top and beside each field.
#[derive(Clone, Copy)]
pub struct Problems(RwSignal<Vec<FieldError>>);

impl Problems {
    /// No problems yet.
    pub fn new() -> Self {
        Problems(RwSignal::new(Vec::new()))
    }

    /// Clears the problems after a success.
    pub fn clear(&self) {
        self.0.set(Vec::new());
    }

    /// Shows problems found before sending: `(field id, message)`.
    pub fn show_local(&self, problems: &[(&str, &str)], title: &str) {
        self.set(
            problems
                .iter()
                .map(|(field, message)| FieldError {
                    field: field.to_string(),
                    code: "invalid".into(),
                    message: message.to_string(),
                })
                .collect(),
            title,
        );
    }

    /// Shows what the server said; problems without a field go to `fallback_field`.
    pub fn show_error(&self, error: &ClientError, fallback_field: &str, title: &str) {
        let mut fields = error.fields();
        if fields.is_empty() {
            fields.push(FieldError {
                field: fallback_field.to_string(),
                code: "error".into(),
                message: error.to_string(),
            });
        }
        self.set(fields, title);
    }

    fn set(&self, problems: Vec<FieldError>, title: &str) {
        self.0.set(problems);
        browser::set_title(&format!("{}{title}", crate::language::words().error_prefix));
        request_animation_frame(|| browser::focus("error-summary"));
    }

    /// The message for one field, if it has a problem.
    pub fn for_field(&self, field: &str) -> Option<String> {
        self.0.with(|p| {
            p.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    }

    /// The "There is a problem" summary, each problem linking to its field.
    pub fn summary(&self) -> impl IntoView + use<> {
        self.summary_linking(field_id)
    }

    /// The summary, with `target` choosing the element id each problem's path links to.
    pub fn summary_linking(&self, target: fn(&str) -> String) -> impl IntoView + use<> {
        let problems = self.0;
        move || {
            let list = problems.get();
            (!list.is_empty()).then(|| {
                let errors = list
                    .into_iter()
                    .map(|e| {
                        let href = format!("#{}", target(&e.field));
                        (e, href)
                    })
                    .collect();
                view! { <ErrorSummary errors=errors/> }
            })
        }
    }
}

impl Default for Problems {
    fn default() -> Self {
        Self::new()
    }
}

/// The id of the input for an API field path: `questions[2].text` -> `questions-2-text`.
pub fn field_id(path: &str) -> String {
    path.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .trim_matches('-')
        .replace("--", "-")
}

/// The error line above an input, when its field has a problem.
fn error_line(problems: Option<Problems>, field: String) -> impl IntoView {
    move || {
        problems.and_then(|p| p.for_field(&field)).map(|message| {
            view! {
                <p class="error-message" id=format!("{}-error", field_id(&field))>
                    <span class="visually-hidden">{crate::language::words().error_prefix}</span>{message}
                </p>
            }
        })
    }
}

fn group_class(problems: Option<Problems>, field: String) -> impl Fn() -> &'static str {
    move || {
        if problems.is_some_and(|p| p.for_field(&field).is_some()) {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    }
}

/// A labelled one-line input bound to a signal.
#[component]
pub fn TextInput(
    /// The field's id, which is also its API field path.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] problems: Option<Problems>,
    #[prop(optional)] width: Option<&'static str>,
) -> impl IntoView {
    let input_id = field_id(&id);
    let hint_id = format!("{input_id}-hint");
    let described = {
        let (hint_id, error_id, has_hint, id) = (
            hint_id.clone(),
            format!("{input_id}-error"),
            hint.is_some(),
            id.clone(),
        );
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if problems.is_some_and(|p| p.for_field(&id).is_some()) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let class = match width {
        Some(w) => format!("input input--{w}"),
        None => "input".to_string(),
    };
    view! {
        <div class=group_class(problems, id.clone())>
            <label class="label label--s" for=input_id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="hint" id=hint_id>{h}</div> })}
            {error_line(problems, id.clone())}
            <input
                class=class
                id=input_id.clone()
                name=input_id
                type=kind
                autocomplete=autocomplete
                spellcheck="false"
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A labelled multi-line input bound to a signal.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] problems: Option<Problems>,
    #[prop(default = 4)] rows: u32,
    /// The language typed in, when not the page's (`cy`, `ar`).
    #[prop(default = None)]
    lang: Option<&'static str>,
) -> impl IntoView {
    let input_id = field_id(&id);
    let dir = lang.map(|l| if l == "ar" { "rtl" } else { "ltr" });
    let hint_id = format!("{input_id}-hint");
    let has_hint = hint.is_some();
    view! {
        <div class=group_class(problems, id.clone())>
            <label class="label label--s" for=input_id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
            {error_line(problems, id.clone())}
            <textarea
                class="textarea"
                id=input_id.clone()
                name=input_id
                rows=rows
                lang=lang
                dir=dir
                aria-describedby=has_hint.then_some(hint_id)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// A labelled select bound to a signal; `options` are `(value, words)`.
#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    options: Vec<(String, String)>,
    #[prop(optional)] problems: Option<Problems>,
) -> impl IntoView {
    let input_id = field_id(&id);
    view! {
        <div class=group_class(problems, id.clone())>
            <label class="label label--s" for=input_id.clone()>{label}</label>
            {error_line(problems, id.clone())}
            <select
                class="select"
                id=input_id.clone()
                name=input_id
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {options
                    .into_iter()
                    .map(|(v, words)| {
                        let selected = value.get_untracked() == v;
                        view! { <option value=v selected=selected>{words}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A date and time in UTC from seconds since the Unix epoch: "2027-01-31 14:05".
pub fn date_time(seconds: u64) -> String {
    let day = tellus_core::manage::iso_date(seconds);
    let minutes = (seconds % 86_400) / 60;
    format!("{day} {:02}:{:02}", minutes / 60, minutes % 60)
}

/// A status line that says what just happened (announced by screen readers).
#[component]
pub fn Notice(message: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <div role="status" class="notice-slot">
            {move || message.get().map(|m| view! { <p class="notification-banner">{m}</p> })}
        </div>
    }
}
