//! An answer's words with where they sit, as the personal-data finders read them.

/// A word with its byte range and what surrounds it.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    /// As written, without surrounding punctuation.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Lower case, possessive "'s" removed: what the lists are looked up with.
    pub key: String,
    /// First word of a sentence (so capitalised for that reason alone).
    pub sentence_start: bool,
    /// Punctuation straight after it ("," ";" ":" ")"), if any.
    pub then: Option<char>,
    /// Punctuation straight before it ("(" "\""), if any.
    pub before: Option<char>,
}

impl Word<'_> {
    /// Capitalised: "Sam", "O'Brien", "McDonald", "Siân".
    pub fn capitalised(&self) -> bool {
        let mut chars = self.text.chars();
        chars.next().is_some_and(char::is_uppercase)
            && self.text.chars().count() > 1
            && !self
                .text
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
    }

    /// Written all in capitals: "SALT", "NHS".
    pub fn shouted(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() > 1
            && self
                .text
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
    }
}

/// Words split on white space, punctuation around them trimmed (kept out of the range).
pub(super) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut sentence_start = true;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let raw = &text[s..i];
                let trimmed = raw.trim_matches(|c: char| {
                    !c.is_alphanumeric() && c != '@' && c != '+' && c != '(' && c != ')'
                });
                let trimmed = trimmed.trim_matches(|c: char| c == '(' || c == ')');
                if !trimmed.is_empty() {
                    let offset = raw.find(trimmed).unwrap_or(0);
                    let after = raw[offset + trimmed.len()..].chars().next();
                    let before = raw[..offset].chars().last();
                    let mut key = trimmed.to_lowercase().replace('\u{2019}', "'");
                    if key.len() > 2 && key.ends_with("'s") {
                        key.truncate(key.len() - 2);
                    }
                    out.push(Word {
                        text: trimmed,
                        start: s + offset,
                        end: s + offset + trimmed.len(),
                        key,
                        sentence_start,
                        then: after,
                        before,
                    });
                    sentence_start = false;
                }
                let ends = raw.trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}']);
                if ends.ends_with(['.', '!', '?', '\u{061f}']) || text[i..].starts_with('\n') {
                    sentence_start = true;
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}
