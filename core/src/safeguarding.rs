//! Safeguarding triage: does an answer possibly disclose harm, abuse, neglect,
//! self-harm, bullying or feeling unsafe?
//!
//! Triage, not diagnosis: it errs towards flagging, and a safeguarding lead decides.
//! A phrase is not flagged only when it is plainly denied ("nobody hurts me").

use crate::text::words;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Flag on an answer that may disclose harm: held back from counts, theming and quotes.
pub const FLAG_SAFEGUARDING: &str = "safeguarding";

/// What kind of concern a phrase points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concern {
    Harm,
    Abuse,
    Neglect,
    SelfHarm,
    Bullying,
    Unsafe,
}

/// A phrase to look for and what it may mean. Words are matched whole, in order;
/// a trailing `*` matches any word starting with what comes before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    pub phrase: String,
    pub concern: Concern,
}

/// The list a safeguarding lead can edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhraseList {
    pub phrases: Vec<Phrase>,
}

const DEFAULTS: &[(&str, Concern)] = &[
    ("hurts me", Concern::Harm),
    ("hurt me", Concern::Harm),
    ("hurting me", Concern::Harm),
    ("hits me", Concern::Harm),
    ("hit me", Concern::Harm),
    ("hitting me", Concern::Harm),
    ("kicks me", Concern::Harm),
    ("kicked me", Concern::Harm),
    ("punch*", Concern::Harm),
    ("slap*", Concern::Harm),
    ("beat me", Concern::Harm),
    ("beats me", Concern::Harm),
    ("smack*", Concern::Harm),
    ("bruise*", Concern::Harm),
    ("burn me", Concern::Harm),
    ("chok*", Concern::Harm),
    ("strangl*", Concern::Harm),
    ("threaten*", Concern::Harm),
    ("abuse*", Concern::Abuse),
    ("abusing", Concern::Abuse),
    ("abusive", Concern::Abuse),
    ("touch* me", Concern::Abuse),
    ("touch* my private*", Concern::Abuse),
    ("private parts", Concern::Abuse),
    ("sexual*", Concern::Abuse),
    ("rape*", Concern::Abuse),
    ("groom*", Concern::Abuse),
    ("keep it a secret", Concern::Abuse),
    ("our secret", Concern::Abuse),
    ("no food", Concern::Neglect),
    ("not fed", Concern::Neglect),
    ("always hungry", Concern::Neglect),
    ("nothing to eat", Concern::Neglect),
    ("left alone", Concern::Neglect),
    ("locked in", Concern::Neglect),
    ("locks me", Concern::Neglect),
    ("nobody looks after me", Concern::Neglect),
    ("no one looks after me", Concern::Neglect),
    ("neglect*", Concern::Neglect),
    ("kill myself", Concern::SelfHarm),
    ("killing myself", Concern::SelfHarm),
    ("want to die", Concern::SelfHarm),
    ("wanna die", Concern::SelfHarm),
    ("wish i was dead", Concern::SelfHarm),
    ("wish i were dead", Concern::SelfHarm),
    ("better off dead", Concern::SelfHarm),
    ("end my life", Concern::SelfHarm),
    ("suicid*", Concern::SelfHarm),
    ("self harm*", Concern::SelfHarm),
    ("selfharm*", Concern::SelfHarm),
    ("cut myself", Concern::SelfHarm),
    ("cutting myself", Concern::SelfHarm),
    ("hurt myself", Concern::SelfHarm),
    ("hurting myself", Concern::SelfHarm),
    ("don't want to be alive", Concern::SelfHarm),
    ("dont want to be alive", Concern::SelfHarm),
    ("don't want to live", Concern::SelfHarm),
    ("bully", Concern::Bullying),
    ("bullies", Concern::Bullying),
    ("bullied", Concern::Bullying),
    ("bullying", Concern::Bullying),
    ("pick on me", Concern::Bullying),
    ("picks on me", Concern::Bullying),
    ("picked on", Concern::Bullying),
    ("laugh at me", Concern::Bullying),
    ("laughs at me", Concern::Bullying),
    ("call me names", Concern::Bullying),
    ("calls me names", Concern::Bullying),
    ("not safe", Concern::Unsafe),
    ("unsafe", Concern::Unsafe),
    ("don't feel safe", Concern::Unsafe),
    ("dont feel safe", Concern::Unsafe),
    ("scared to go home", Concern::Unsafe),
    ("afraid to go home", Concern::Unsafe),
    ("scared of my", Concern::Unsafe),
    ("afraid of my", Concern::Unsafe),
    ("frightened of my", Concern::Unsafe),
    ("run away", Concern::Unsafe),
    ("ran away", Concern::Unsafe),
];

/// Words that deny what follows closely: "nobody hurts me", "no one bullies me".
const DENIALS: &[&str] = &[
    "nobody", "noone", "never", "not", "no", "don't", "doesn't", "didn't", "isn't", "wasn't",
    "dont", "doesnt", "didnt",
];

impl Default for PhraseList {
    fn default() -> Self {
        PhraseList {
            phrases: DEFAULTS
                .iter()
                .map(|(p, c)| Phrase {
                    phrase: p.to_string(),
                    concern: *c,
                })
                .collect(),
        }
    }
}

/// One possible disclosure found in an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub concern: Concern,
    /// The phrase from the list that matched.
    pub phrase: String,
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => pattern == word,
    }
}

impl PhraseList {
    /// Every phrase the answer contains that is not plainly denied.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        self.checker().check(text)
    }

    /// The list compiled for checking many answers quickly.
    pub fn checker(&self) -> Checker {
        let mut checker = Checker {
            by_first: HashMap::new(),
            wildcard_first: Vec::new(),
            patterns: Vec::new(),
        };
        for phrase in &self.phrases {
            let words: Vec<String> = phrase
                .phrase
                .split_whitespace()
                .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
                .collect();
            let Some(first) = words.first() else { continue };
            let index = checker.patterns.len();
            if first.ends_with('*') {
                checker.wildcard_first.push(index);
            } else {
                checker
                    .by_first
                    .entry(first.clone())
                    .or_default()
                    .push(index);
            }
            checker
                .patterns
                .push((words, phrase.concern, phrase.phrase.clone()));
        }
        checker
    }
}

impl Checker {
    /// Checks every document of a corpus, matching each distinct word against the
    /// phrases' first words only once.
    pub fn check_corpus(&self, corpus: &crate::text::Corpus) -> Vec<Vec<Finding>> {
        let starts: Vec<Vec<usize>> = corpus
            .words
            .iter()
            .map(|w| {
                let exact = self
                    .by_first
                    .get(w.surface.as_str())
                    .into_iter()
                    .flatten()
                    .copied();
                let wild = self
                    .wildcard_first
                    .iter()
                    .copied()
                    .filter(|&p| word_matches(&self.patterns[p].0[0], &w.surface));
                exact.chain(wild).collect()
            })
            .collect();
        (0..corpus.docs.len())
            .map(|d| {
                if corpus.docs[d]
                    .iter()
                    .all(|&w| starts[w as usize].is_empty())
                {
                    return Vec::new();
                }
                self.check_words(&corpus.doc_words(d))
            })
            .collect()
    }
}

/// A phrase list ready to check many answers.
pub struct Checker {
    by_first: HashMap<String, Vec<usize>>,
    wildcard_first: Vec<usize>,
    patterns: Vec<(Vec<String>, Concern, String)>,
}

impl Checker {
    /// Every concern the answer raises, once each, in the order first found.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        let words = words(text);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        self.check_words(&words)
    }

    /// The same, from an answer's words as [`crate::text::words`] gives them.
    pub fn check_words(&self, words: &[&str]) -> Vec<Finding> {
        let mut findings: Vec<Finding> = Vec::new();
        for start in 0..words.len() {
            let exact = self.by_first.get(words[start]).into_iter().flatten();
            for &p in exact.chain(&self.wildcard_first) {
                let (pattern, concern, phrase) = &self.patterns[p];
                if findings.iter().any(|f| f.concern == *concern)
                    || start + pattern.len() > words.len()
                {
                    continue;
                }
                let matched = pattern
                    .iter()
                    .zip(&words[start..])
                    .all(|(p, w)| word_matches(p, w));
                // "nobody hurts me", "no one hit me", "I was never bullied": denied right before.
                let denied = || {
                    let before = start.saturating_sub(3)..start;
                    pattern[0] != "not"
                        && before.clone().any(|i| DENIALS.contains(&words[i]))
                        && !before
                            .clone()
                            .any(|i| matches!(words[i], "if" | "when" | "because"))
                };
                if matched && !denied() {
                    findings.push(Finding {
                        concern: *concern,
                        phrase: phrase.clone(),
                    });
                }
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> bool {
        !PhraseList::default().check(text).is_empty()
    }

    #[test]
    fn disclosures_are_flagged_with_their_kind() {
        let list = PhraseList::default();
        assert_eq!(
            list.check("My uncle hurts me when mum is out")[0].concern,
            Concern::Harm
        );
        assert_eq!(
            list.check("sometimes I want to die")[0].concern,
            Concern::SelfHarm
        );
        assert_eq!(
            list.check("The big boys bully me at lunch")[0].concern,
            Concern::Bullying
        );
        assert_eq!(
            list.check("I don't feel safe at home")[0].concern,
            Concern::Unsafe
        );
        assert_eq!(
            list.check("there is no food at home")[0].concern,
            Concern::Neglect
        );
        assert!(flagged("He was bullied in year 7 and it still affects him"));
        assert!(flagged("I’ve been self-harming"));
    }

    #[test]
    fn plain_denials_are_not_flagged() {
        assert!(!flagged("nobody hurts me"));
        assert!(!flagged("No one bullies me at this school"));
        assert!(!flagged("I have never been bullied"));
        assert!(!flagged("My therapist is kind and helps me talk"));
    }

    #[test]
    fn it_errs_towards_flagging() {
        // Not a denial: the negation is about something else.
        assert!(flagged("I can't tell anyone because he hits me"));
        assert!(flagged("if I tell, they hurt me"));
    }

    #[test]
    fn an_edited_list_is_used() {
        let list = PhraseList {
            phrases: vec![Phrase {
                phrase: "scared of the dark".into(),
                concern: Concern::Unsafe,
            }],
        };
        assert_eq!(list.check("I'm scared of the dark").len(), 1);
        assert!(list.check("he hits me").is_empty());
    }
}
