//! Translating a survey in the builder: each language's words written beside the English,
//! saved with the survey. (Exporting the JSON, filling in `translations` and importing it
//! still works for translators who prefer files.)

use leptos::prelude::*;
use tellus_core::language::Language;
use tellus_core::translation::{Translatable, translatable, untranslated};
use tellus_core::{Consultation, Survey};

/// Which languages the survey can be answered in, what each translation still lacks, and a
/// button per language to translate it here.
#[component]
pub fn Languages(
    draft: RwSignal<Survey>,
    consultation: StoredValue<Consultation>,
    /// The language being translated, if any (the builder closes it on import).
    translating: RwSignal<Option<Language>>,
) -> impl IntoView {
    let rows = move || {
        Language::ALL[1..]
            .iter()
            .map(|&language| {
                let state = move || {
                    draft.with(|survey| {
                        let missing = consultation
                            .with_value(|c| untranslated(survey, Some(c), language).len());
                        match (survey.translations.contains_key(&language), missing) {
                            (false, _) => "Not translated".to_string(),
                            (true, 0) => "Complete".to_string(),
                            (true, 1) => "1 text still in English".to_string(),
                            (true, n) => format!("{n} texts still in English"),
                        }
                    })
                };
                let open = move || translating.get() == Some(language);
                view! {
                    <tr>
                        <th scope="row">{language.english_name()}" ("<span lang=language.code() dir=language.dir()>{language.name()}</span>")"</th>
                        <td>{state}</td>
                        <td class="table__actions">
                            <button type="button" class="button button--secondary button--small"
                                id=format!("translate-{}", language.code())
                                aria-expanded=move || if open() { "true" } else { "false" }
                                aria-controls="translation"
                                on:click=move |_| translating.set((!open()).then_some(language))>
                                "Translate"
                                <span class="visually-hidden">{format!(" into {}", language.english_name())}</span>
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h2 class="heading-m">"Languages"</h2>
        <p class="body">"Participants choose their language at the top of each page; anything not translated shows in English. Choose Translate to write a language's words beside the English, then save the survey. Translators who prefer files can export the survey as JSON, fill in its \"translations\" and import it."</p>
        <table class="table">
            <caption class="table__caption">"Translations of this survey"</caption>
            <thead><tr><th scope="col">"Language"</th><th scope="col">"Translation"</th><th scope="col"><span class="visually-hidden">"Action"</span></th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <div id="translation">
            {move || translating.get().map(|language| view! {
                <TranslationEditor draft=draft consultation=consultation language=language translating=translating/>
            })}
        </div>
    }
}

/// The element id of one text's box.
fn box_id(path: &str) -> String {
    format!("translation-{}", path.replace('.', "-"))
}

/// Every text of the survey and its start page in English, each with a box for its words
/// in `language`. Typing updates the draft; the survey's Save button publishes it.
#[component]
fn TranslationEditor(
    draft: RwSignal<Survey>,
    consultation: StoredValue<Consultation>,
    language: Language,
    translating: RwSignal<Option<Language>>,
) -> impl IntoView {
    // The texts change only when the English does, so typing a translation never redraws
    // (and never moves focus out of) the box being typed in.
    let texts = Memo::new(move |_| {
        draft.with(|survey| consultation.with_value(|c| translatable(survey, Some(c))))
    });
    let only_missing = RwSignal::new(false);
    let translated = move |path: &str| {
        draft.with_untracked(|s| {
            s.translations
                .get(&language)
                .and_then(|t| t.get(path))
                .map(str::to_string)
        })
    };
    let progress = move || {
        let missing =
            draft.with(|s| consultation.with_value(|c| untranslated(s, Some(c), language).len()));
        let total = texts.with(Vec::len);
        format!("{} of {total} texts translated", total - missing)
    };
    let name = language.english_name();
    let groups = move || {
        // Read when the list is drawn or the filter changes, not on every keystroke.
        let missing = only_missing.get();
        let mut groups: Vec<(String, Vec<Translatable>)> = Vec::new();
        for text in texts.get() {
            if missing && translated(&text.path).is_some() {
                continue;
            }
            match groups.last_mut() {
                Some((group, texts)) if *group == text.group => texts.push(text),
                _ => groups.push((text.group.clone(), vec![text])),
            }
        }
        if groups.is_empty() {
            return view! { <p class="body">{format!("Every text is translated into {name}.")}</p> }
                .into_any();
        }
        groups
            .into_iter()
            .map(|(group, texts)| {
                view! {
                    <fieldset class="fieldset translation__group">
                        <legend class="fieldset__legend heading-s">{group}</legend>
                        {texts.into_iter().map(|text| {
                            let initial = translated(&text.path).unwrap_or_default();
                            view! { <TextBox draft=draft language=language text=text initial=initial/> }
                        }).collect_view()}
                    </fieldset>
                }
            })
            .collect_view()
            .into_any()
    };
    let close = move |_| {
        translating.set(None);
        request_animation_frame(move || {
            crate::browser::focus(&format!("translate-{}", language.code()))
        });
    };
    view! {
        <section class="translation" aria-labelledby="translation-heading">
            <h3 class="heading-m" id="translation-heading">{format!("{name} (")}<span lang=language.code() dir=language.dir()>{language.name()}</span>")"</h3>
            <p class="body" role="status">{progress}</p>
            <p class="hint">"Leave a box empty to show the English. Answers keep the same meaning in every language, so a translation never changes what you see in results."</p>
            <div class="checkboxes__item checkboxes__item--small form-group">
                <input class="checkboxes__input" type="checkbox" id="translation-missing-only"
                    prop:checked=move || only_missing.get()
                    on:change=move |ev| only_missing.set(event_target_checked(&ev))/>
                <label class="checkboxes__label" for="translation-missing-only">"Show only texts still in English"</label>
            </div>
            {groups}
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=close>{format!("Close the {name} translation")}</button>
            </div>
        </section>
    }
}

/// One text: its English, and a box for its words in `language`.
#[component]
fn TextBox(
    draft: RwSignal<Survey>,
    language: Language,
    text: Translatable,
    /// The translation so far.
    initial: String,
) -> impl IntoView {
    let id = box_id(&text.path);
    let english_id = format!("{id}-english");
    let path = text.path.clone();
    let set = move |ev: leptos::ev::Event| {
        let words = event_target_value(&ev);
        // The path comes from the survey itself, so it is always one of its texts.
        draft.update(|s| {
            let _ = s.set_translation(language, &path, &words);
        });
    };
    let label = format!("{} in {}", text.part, language.english_name());
    let field = if text.long {
        view! {
            <textarea class="textarea" id=id.clone() rows="3" lang=language.code() dir=language.dir()
                aria-describedby=english_id.clone() prop:value=initial on:input=set></textarea>
        }
        .into_any()
    } else {
        view! {
            <input class="input" type="text" id=id.clone() lang=language.code() dir=language.dir()
                aria-describedby=english_id.clone() prop:value=initial on:input=set/>
        }
        .into_any()
    };
    view! {
        <div class="form-group">
            <label class="label label--s" for=id>{label}</label>
            <div class="hint translation__english" id=english_id>"English: "<span lang="en" dir="ltr">{text.english}</span></div>
            {field}
        </div>
    }
}
