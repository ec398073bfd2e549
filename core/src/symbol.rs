//! Pictures that go with words: for children, and anyone who reads pictures more easily.

use serde::{Deserialize, Serialize};

/// A simple picture drawn for this project (SVG in `public/symbols`), always shown with its
/// words: on survey options and on notes at events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Symbol {
    Happy,
    Sad,
    Worried,
    Idea,
    Help,
    Time,
    Friends,
    School,
    Home,
    Talk,
    Hand,
    Move,
}

impl Symbol {
    /// Every symbol, in the order offered.
    pub const ALL: [Symbol; 12] = [
        Symbol::Happy,
        Symbol::Sad,
        Symbol::Worried,
        Symbol::Idea,
        Symbol::Help,
        Symbol::Time,
        Symbol::Friends,
        Symbol::School,
        Symbol::Home,
        Symbol::Talk,
        Symbol::Hand,
        Symbol::Move,
    ];

    /// The words that go with the picture (also its alt text), in English.
    pub fn label(self) -> &'static str {
        self.label_in(crate::language::Language::English.words())
    }

    /// The words that go with the picture in the interface's language.
    pub fn label_in(self, words: &crate::language::Words) -> &'static str {
        let index = Symbol::ALL.iter().position(|s| *s == self).unwrap_or(0);
        words.event.symbols[index]
    }

    /// The symbol's name in survey JSON, file names and form values, e.g. `happy`.
    pub fn key(self) -> &'static str {
        match self {
            Symbol::Happy => "happy",
            Symbol::Sad => "sad",
            Symbol::Worried => "worried",
            Symbol::Idea => "idea",
            Symbol::Help => "help",
            Symbol::Time => "time",
            Symbol::Friends => "friends",
            Symbol::School => "school",
            Symbol::Home => "home",
            Symbol::Talk => "talk",
            Symbol::Hand => "hand",
            Symbol::Move => "move",
        }
    }

    /// The symbol with this name, if any.
    pub fn from_key(key: &str) -> Option<Symbol> {
        Symbol::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Where the picture is served from (drawn as SVG in `public/symbols`).
    pub fn src(self) -> String {
        format!("/public/symbols/{}.svg", self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_symbol_has_a_picture_and_words() {
        for s in Symbol::ALL {
            assert!(s.src().starts_with("/public/symbols/") && s.src().ends_with(".svg"));
            assert!(!s.label().is_empty());
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                s.key(),
                "the name is the JSON name"
            );
            assert_eq!(Symbol::from_key(s.key()), Some(s));
            let file = format!("{}/..{}", env!("CARGO_MANIFEST_DIR"), s.src());
            assert!(std::path::Path::new(&file).is_file(), "{file} is drawn");
        }
    }

    #[test]
    fn options_carry_an_optional_picture_in_survey_json() {
        let with: crate::Choice =
            serde_json::from_str(r#"{ "id": "salt", "label": "Speech", "symbol": "talk" }"#)
                .unwrap();
        assert_eq!(with.symbol, Some(Symbol::Talk));
        let without: crate::Choice =
            serde_json::from_str(r#"{ "id": "a", "label": "A" }"#).unwrap();
        assert_eq!(without.symbol, None);
        assert!(!serde_json::to_string(&without).unwrap().contains("symbol"));
        let unknown = serde_json::from_str::<crate::Choice>(
            r#"{ "id": "a", "label": "A", "symbol": "dragon" }"#,
        );
        assert!(unknown.is_err(), "only drawn pictures can be named");
        let demo = crate::demo::consultation();
        let pictured = demo
            .surveys
            .iter()
            .flat_map(|s| &s.questions)
            .flat_map(|q| q.kind.options())
            .filter(|o| o.symbol.is_some())
            .count();
        assert_eq!(
            pictured, 4,
            "the demo parents' survey shows pictures for the therapies"
        );
    }
}
