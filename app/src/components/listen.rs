//! "Listen": reads a question or an option aloud with the browser's own speech synthesis.
//!
//! Only after a tap, only with voices on the device (nothing is sent anywhere), only in
//! the page's language, and the button is not shown at all where the device has no such voice.

use crate::language;
use leptos::prelude::*;
use tellus_core::language::Language;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

fn synthesis() -> Option<SpeechSynthesis> {
    crate::browser::window()?.speech_synthesis().ok()
}

/// The best local voice for `language` (for English, British first). Never a voice of
/// another language: Welsh read by an English voice would be nonsense to a child.
fn local_voice(language: Language) -> Option<SpeechSynthesisVoice> {
    let voices: Vec<SpeechSynthesisVoice> = synthesis()?
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
        .filter(|v| v.local_service())
        .collect();
    let lang = |v: &SpeechSynthesisVoice| v.lang().to_lowercase();
    let speaks = |v: &&SpeechSynthesisVoice| Language::from_code(&lang(v)) == Some(language);
    voices
        .iter()
        .find(|v| language == Language::English && lang(v) == "en-gb")
        .or_else(|| voices.iter().find(speaks))
        .cloned()
}

/// Whether this device can read the page's language aloud without sending text anywhere;
/// updates when voices load.
pub fn can_listen() -> Signal<bool> {
    let language = language::current();
    let available = RwSignal::new(local_voice(language).is_some());
    if let Some(synthesis) = synthesis() {
        // Voices often arrive a moment after the page loads.
        let changed =
            Closure::<dyn Fn()>::new(move || available.set(local_voice(language).is_some()));
        let _ = synthesis
            .add_event_listener_with_callback("voiceschanged", changed.as_ref().unchecked_ref());
        changed.forget();
    }
    available.into()
}

/// Reads `text` aloud in `language`, stopping anything already being read.
fn speak(text: &str, language: Language) {
    let (Some(synthesis), Some(voice)) = (synthesis(), local_voice(language)) else {
        return;
    };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    // Set by reflection: a browser that rejects the voice still reads with its default local one.
    let _ = js_sys::Reflect::set(&utterance, &"voice".into(), &voice);
    utterance.set_lang(&voice.lang());
    utterance.set_rate(0.9);
    synthesis.cancel();
    synthesis.speak(&utterance);
}

/// A button that reads `text` aloud (as it is when tapped); `label` says what it reads, for
/// screen readers.
#[component]
pub fn Listen(
    #[prop(into)] text: Signal<String>,
    label: String,
    available: Signal<bool>,
) -> impl IntoView {
    let language = language::current();
    let word = language.words().listen;
    move || {
        available.get().then(|| {
            view! {
                <button class="listen" type="button" aria-label=label.clone() on:click=move |_| speak(&text.get_untracked(), language)>
                    <svg class="listen__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z"/>
                    </svg>
                    <span class="listen__word" aria-hidden="true">{word}</span>
                </button>
            }
        })
    }
}
