//! Kiosk mode for a shared tablet: one survey, back to its start after each child,
//! answers cleared after a warned idle time, and a PIN to leave.
//!
//! The PIN stops a child wandering out of the survey; it is not a security boundary
//! (anyone with the device's developer tools could clear it).

use crate::browser;
use crate::language::Lang;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tellus_core::language::Language;

const KEY: &str = "tellus:kiosk";
/// Seconds without a touch or key before the "Are you still there?" warning.
pub const IDLE_WARNING_AFTER: u32 = 90;
/// Seconds the warning gives to carry on with one tap (at least 20, as WCAG 2.2.1 asks).
pub const IDLE_GRACE: u32 = 30;
/// Seconds the thank-you page stays before the next child's start page.
pub const NEXT_PERSON_AFTER: u32 = 15;

/// What kiosk mode keeps on the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KioskConfig {
    pub survey_id: String,
    salt: u64,
    pin_hash: u64,
    /// The language the tablet was set up in: each new person starts in it.
    #[serde(default)]
    pub language: Language,
}

/// FNV-1a over salt and PIN: enough to keep the PIN out of plain sight.
fn hash(salt: u64, pin: &str) -> u64 {
    salt.to_le_bytes()
        .iter()
        .chain(pin.trim().as_bytes())
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ *b as u64).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

/// A PIN is 4 to 8 digits.
pub fn pin_problem(pin: &str) -> Option<&'static str> {
    let pin = pin.trim();
    if !(4..=8).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        Some("Enter a PIN of 4 to 8 digits")
    } else {
        None
    }
}

impl KioskConfig {
    /// Kiosk mode for a survey, locked with a PIN, each person starting in `language`.
    pub fn new(survey_id: &str, pin: &str, language: Language) -> Self {
        let salt = browser::new_uuid().as_u64_pair().0;
        KioskConfig {
            survey_id: survey_id.to_string(),
            salt,
            pin_hash: hash(salt, pin),
            language,
        }
    }

    /// Whether this is the PIN kiosk mode was started with.
    pub fn pin_matches(&self, pin: &str) -> bool {
        hash(self.salt, pin) == self.pin_hash
    }
}

/// Kiosk mode as the pages see it.
#[derive(Clone, Copy)]
pub struct Kiosk {
    pub config: RwSignal<Option<KioskConfig>>,
}

impl Kiosk {
    /// Reads kiosk mode from the device.
    pub fn load() -> Self {
        Kiosk {
            config: RwSignal::new(browser::load(KEY)),
        }
    }

    /// Turns kiosk mode on.
    pub fn start(&self, config: KioskConfig) {
        browser::save(KEY, &config);
        self.config.set(Some(config));
    }

    /// Turns kiosk mode off.
    pub fn stop(&self) {
        browser::forget(KEY);
        self.config.set(None);
    }

    /// Ready for the next person: back to the language the tablet was set up in, whatever
    /// the last person chose.
    pub fn welcome_next(&self, lang: Option<Lang>) {
        let language = self
            .config
            .with_untracked(|c| c.as_ref().map(|c| c.language));
        if let (Some(lang), Some(language)) = (lang, language) {
            lang.choose(language);
        }
    }

    /// The kiosk's survey, when kiosk mode is on.
    pub fn survey_id(&self) -> Option<String> {
        self.config
            .with(|c| c.as_ref().map(|c| c.survey_id.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_checked_without_being_stored() {
        let config = KioskConfig {
            survey_id: "s".into(),
            salt: 42,
            pin_hash: hash(42, "2468"),
            language: Language::Welsh,
        };
        assert!(config.pin_matches("2468"));
        assert!(config.pin_matches(" 2468 "));
        assert!(!config.pin_matches("2469"));
        assert!(!serde_json::to_string(&config).unwrap().contains("2468"));
    }

    #[test]
    fn pins_are_four_to_eight_digits() {
        assert_eq!(pin_problem("1234"), None);
        assert!(pin_problem("123").is_some());
        assert!(pin_problem("12ab").is_some());
        assert!(pin_problem("123456789").is_some());
    }
}
