//! An answer cut into words, clauses and sentences, before any language looks at it.
//!
//! Punctuation is what people use to end a thought, so it ends a clause here: a denial
//! before a comma ("No, my dad hits me") does not reach past it.

use unicode_segmentation::UnicodeSegmentation;

/// One word of an answer as the text gave it, with where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawWord {
    /// Lower-case, straight apostrophes.
    pub text: String,
    /// Clause number: commas, semicolons, dashes and brackets start a new one.
    pub clause: u16,
    /// Sentence number: full stops, question and exclamation marks and new lines.
    pub sentence: u16,
}

/// Marks that end a clause.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '"'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2026}'
            | '/'
            | '\u{060c}' // Arabic comma
            | '\u{061b}' // Arabic semicolon
    )
}

/// Marks that end a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\n' | '\u{061f}' /* Arabic question mark */ | '\u{06d4}'
    )
}

/// The words of a text with their clause and sentence numbers.
pub(crate) fn raw_words(text: &str) -> Vec<RawWord> {
    let mut out = Vec::new();
    let (mut clause, mut sentence) = (0u16, 0u16);
    let mut pending_clause = false;
    let mut pending_sentence = false;
    let mut after_space = true;
    for seg in text.split_word_bounds() {
        if seg.chars().any(char::is_alphanumeric) {
            if pending_sentence && !out.is_empty() {
                sentence = sentence.saturating_add(1);
                clause = clause.saturating_add(1);
            } else if pending_clause && !out.is_empty() {
                clause = clause.saturating_add(1);
            }
            pending_clause = false;
            pending_sentence = false;
            after_space = false;
            let mut word = seg.to_lowercase();
            if word.contains(['\u{2019}', '\u{2018}', '`']) {
                word = word.replace(['\u{2019}', '\u{2018}', '`'], "'");
            }
            out.push(RawWord {
                text: word,
                clause,
                sentence,
            });
            continue;
        }
        if seg.chars().all(char::is_whitespace) {
            if seg.contains('\n') {
                pending_sentence = true;
            }
            after_space = true;
            continue;
        }
        for c in seg.chars() {
            if ends_sentence(c) {
                pending_sentence = true;
            } else if ends_clause(c) || (c == '-' && after_space) {
                // A dash with space before it ends a clause; one inside "self-harm" does not.
                pending_clause = true;
            }
        }
        after_space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<(String, u16, u16)> {
        raw_words(text)
            .into_iter()
            .map(|w| (w.text, w.clause, w.sentence))
            .collect()
    }

    #[test]
    fn punctuation_starts_clauses_and_sentences() {
        let s = shape("No, my dad hits me. It’s bad - really");
        assert_eq!(s[0], ("no".into(), 0, 0));
        assert_eq!(s[1], ("my".into(), 1, 0));
        assert_eq!(s[5], ("it's".into(), 2, 1));
        assert_eq!(s[7], ("really".into(), 3, 1));
    }

    #[test]
    fn hyphens_inside_words_and_arabic_marks() {
        let s = shape("self-harm\nلا، أبي يضربني؟ نعم");
        assert_eq!((s[0].1, s[1].1), (0, 0), "self-harm is one clause");
        assert_eq!(s[2].2, 1, "a new line starts a sentence");
        assert_eq!(s[3].1, s[2].1 + 1, "the Arabic comma ends a clause");
        assert_eq!(s[5].2, 2, "the Arabic question mark ends a sentence");
    }
}
