//! The participant's language: chosen on the device, limited to what the survey on screen
//! is written in, and applied to the whole page (`lang` and `dir` on `<html>`).

use crate::browser;
use leptos::prelude::*;
use tellus_core::language::{Language, Words};

const KEY: &str = "tellus:language";

/// The device's language, and the languages the page on screen offers.
#[derive(Clone, Copy)]
pub struct Lang {
    chosen: RwSignal<Language>,
    /// The open survey's languages; `None` outside a survey, where every language is offered.
    offered: RwSignal<Option<Vec<Language>>>,
    current: Memo<Language>,
}

impl Lang {
    /// The language saved on this device, else the first of the browser's languages that
    /// Tellus speaks (as the server reads them from `Accept-Language`), else `fallback` (on
    /// the server: the language the request asked for).
    pub fn start(fallback: Language) -> Self {
        let first = browser::load::<Language>(KEY).unwrap_or_else(|| {
            crate::browser::window()
                .and_then(|w| {
                    w.navigator()
                        .languages()
                        .iter()
                        .filter_map(|code| code.as_string())
                        .find_map(|code| Language::from_code(&code))
                })
                .unwrap_or(fallback)
        });
        let chosen = RwSignal::new(first);
        let offered = RwSignal::new(None::<Vec<Language>>);
        // A survey not written in the chosen language is shown in English, but the choice
        // stays for the next survey that is.
        let current = Memo::new(move |_| {
            let chosen = chosen.get();
            offered.with(|o| match o {
                Some(languages) if !languages.contains(&chosen) => Language::English,
                _ => chosen,
            })
        });
        Effect::new(move |_| {
            let language = current.get();
            if let Some(root) = crate::browser::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", language.code());
                let _ = root.set_attribute("dir", language.dir());
            }
        });
        Lang {
            chosen,
            offered,
            current,
        }
    }

    /// The language the page is in now (tracked).
    pub fn get(&self) -> Language {
        self.current.get()
    }

    /// The language the page is in now, without tracking it.
    pub fn get_untracked(&self) -> Language {
        self.current.get_untracked()
    }

    /// The language chosen on this device, whatever the page on screen is shown in.
    pub fn chosen(&self) -> Language {
        self.chosen.get_untracked()
    }

    /// Switches the page to `language` and remembers it on this device.
    pub fn choose(&self, language: Language) {
        browser::save(KEY, &language);
        self.chosen.set(language);
    }

    /// Says which languages the page on screen is written in (`None`: all of them).
    pub fn offer(&self, languages: Option<Vec<Language>>) {
        if self.offered.get_untracked() != languages {
            self.offered.set(languages);
        }
    }

    /// The languages to offer in the switcher (tracked).
    pub fn offered(&self) -> Vec<Language> {
        self.offered.get().unwrap_or_else(|| Language::ALL.to_vec())
    }
}

/// Marks the page on screen as written in English only, until it is left: the switcher
/// hides and the page's furniture stays English to match its words.
pub fn english_only_page() {
    if let Some(lang) = use_context::<Lang>() {
        lang.offer(Some(vec![Language::English]));
        on_cleanup(move || lang.offer(None));
    }
}

/// The language the page is in: tracked, so a view that reads it is redrawn on a switch.
/// English where nobody set one up (the workspace and the events app).
pub fn current() -> Language {
    use_context::<Lang>().map(|l| l.get()).unwrap_or_default()
}

/// The interface's words in the page's language (tracked, like [`current`]).
pub fn words() -> &'static Words {
    current().words()
}

/// Links to the page in each language it is written in, each named in its own language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let Some(lang) = use_context::<Lang>() else {
        return ().into_any();
    };
    (move || {
        let offered = lang.offered();
        let now = lang.get();
        (offered.len() > 1).then(|| {
            let items = offered
                .into_iter()
                .map(|language| {
                    let name = language.name();
                    if language == now {
                        view! {
                            <li class="language-switch__item">
                                <span class="language-switch__current" aria-current="true" lang=language.code() dir=language.dir()>{name}</span>
                            </li>
                        }
                        .into_any()
                    } else {
                        view! {
                            <li class="language-switch__item">
                                <button type="button" class="language-switch__link" lang=language.code() dir=language.dir()
                                    on:click=move |_| {
                                        lang.choose(language);
                                        // The page is redrawn in the new language: start at its heading.
                                        browser::focus_page();
                                    }>{name}</button>
                            </li>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! {
                <nav class="language-switch" aria-label=now.words().language>
                    <ul class="language-switch__list">{items}</ul>
                </nav>
            }
        })
    })
    .into_any()
}
