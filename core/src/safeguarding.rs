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

/// Who raises a concern when the phrase check does.
pub const RAISED_BY_TRIAGE: &str = "automatic check";

/// A concern raised on a response, and how a safeguarding lead dealt with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// [`RAISED_BY_TRIAGE`] or the email of the person who pressed "Report a concern".
    pub raised_by: String,
    /// Seconds since the Unix epoch.
    pub raised_at: u64,
    /// Why: the phrases found, or what the person wrote.
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleared: Option<Clearance>,
}

/// A lead's decision that a concern has been dealt with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clearance {
    pub by: String,
    pub at: u64,
    /// What the lead did or decided, for the record.
    pub note: String,
}

/// Why a concern could not be raised or cleared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("Write what worries you, so the safeguarding lead knows what to look at")]
    NoReason,
    #[error("Write a note saying what was done, for the record")]
    NoNote,
    #[error("This response is not waiting for a safeguarding lead")]
    NotHeld,
}

/// Whether a response is held for a safeguarding lead.
pub fn is_held(response: &crate::StoredResponse) -> bool {
    response.flags.iter().any(|f| f == FLAG_SAFEGUARDING)
}

/// Holds a response for the safeguarding lead with a new concern.
pub fn raise(
    response: &mut crate::StoredResponse,
    by: &str,
    at: u64,
    reason: &str,
) -> Result<(), ReviewError> {
    if reason.trim().is_empty() {
        return Err(ReviewError::NoReason);
    }
    response.reviews.push(Review {
        raised_by: by.to_string(),
        raised_at: at,
        reason: reason.trim().to_string(),
        cleared: None,
    });
    if !is_held(response) {
        response.flags.push(FLAG_SAFEGUARDING.to_string());
    }
    Ok(())
}

/// Clears every open concern on a response with the lead's note; it then counts again.
pub fn clear(
    response: &mut crate::StoredResponse,
    by: &str,
    at: u64,
    note: &str,
) -> Result<(), ReviewError> {
    if !is_held(response) {
        return Err(ReviewError::NotHeld);
    }
    if note.trim().is_empty() {
        return Err(ReviewError::NoNote);
    }
    let clearance = Clearance {
        by: by.to_string(),
        at,
        note: note.trim().to_string(),
    };
    // Responses held before reviews were recorded get one, so the record says why it was held.
    if response.reviews.iter().all(|r| r.cleared.is_some()) {
        response.reviews.push(Review {
            raised_by: RAISED_BY_TRIAGE.into(),
            raised_at: response.received_at,
            reason: "possible disclosure".into(),
            cleared: None,
        });
    }
    for review in response.reviews.iter_mut().filter(|r| r.cleared.is_none()) {
        review.cleared = Some(clearance.clone());
    }
    response.flags.retain(|f| f != FLAG_SAFEGUARDING);
    Ok(())
}

impl PhraseList {
    /// Tidies an edited list: trims, drops blanks and repeats; refuses an empty list,
    /// which would silently turn the check off.
    pub fn tidied(&self) -> Result<PhraseList, String> {
        let mut phrases: Vec<Phrase> = Vec::new();
        for p in &self.phrases {
            let phrase = p.phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            if phrase.is_empty() || phrase == "*" {
                continue;
            }
            if !phrases
                .iter()
                .any(|q| q.phrase.eq_ignore_ascii_case(&phrase))
            {
                phrases.push(Phrase {
                    phrase,
                    concern: p.concern,
                });
            }
        }
        if phrases.is_empty() {
            return Err("Keep at least one phrase: an empty list would flag nothing".into());
        }
        Ok(PhraseList { phrases })
    }
}

impl Concern {
    /// Every kind of concern.
    pub const ALL: [Concern; 6] = [
        Concern::Harm,
        Concern::Abuse,
        Concern::Neglect,
        Concern::SelfHarm,
        Concern::Bullying,
        Concern::Unsafe,
    ];

    /// The kind in words.
    pub fn label(self) -> &'static str {
        match self {
            Concern::Harm => "Harm",
            Concern::Abuse => "Abuse",
            Concern::Neglect => "Neglect",
            Concern::SelfHarm => "Self-harm",
            Concern::Bullying => "Bullying",
            Concern::Unsafe => "Feeling unsafe",
        }
    }
}

#[cfg(test)]
mod review_tests {
    use super::*;
    use crate::StoredResponse;

    fn response() -> StoredResponse {
        StoredResponse {
            id: uuid::Uuid::from_u128(1),
            consultation_id: "c".into(),
            survey_id: "s".into(),
            answers: Default::default(),
            received_at: 10,
            language: Default::default(),
            flags: Vec::new(),
            reviews: Vec::new(),
        }
    }

    #[test]
    fn a_concern_holds_and_clearing_releases_with_a_record() {
        let mut r = response();
        assert_eq!(
            clear(&mut r, "lead@x.org", 20, "ok"),
            Err(ReviewError::NotHeld)
        );
        assert_eq!(
            raise(&mut r, "fac@x.org", 15, "  "),
            Err(ReviewError::NoReason)
        );
        raise(&mut r, "fac@x.org", 15, "mentions being locked in").unwrap();
        raise(&mut r, RAISED_BY_TRIAGE, 16, "hits").unwrap();
        assert!(is_held(&r));
        assert_eq!(
            r.flags,
            [FLAG_SAFEGUARDING],
            "flagged once however many concerns"
        );
        assert_eq!(
            clear(&mut r, "lead@x.org", 20, " "),
            Err(ReviewError::NoNote)
        );
        clear(
            &mut r,
            "lead@x.org",
            20,
            "Spoke to the school; a game they play",
        )
        .unwrap();
        assert!(!is_held(&r));
        assert!(
            r.reviews
                .iter()
                .all(|v| v.cleared.as_ref().is_some_and(|c| c.by == "lead@x.org"))
        );
    }

    #[test]
    fn responses_held_before_reviews_existed_can_be_cleared() {
        let mut r = response();
        r.flags.push(FLAG_SAFEGUARDING.into());
        clear(&mut r, "lead@x.org", 20, "checked").unwrap();
        assert_eq!(r.reviews.len(), 1);
        assert_eq!(r.reviews[0].raised_by, RAISED_BY_TRIAGE);
    }

    #[test]
    fn edited_phrase_lists_are_tidied_and_never_empty() {
        let list = PhraseList {
            phrases: vec![
                Phrase {
                    phrase: "  locked   in ".into(),
                    concern: Concern::Unsafe,
                },
                Phrase {
                    phrase: "Locked in".into(),
                    concern: Concern::Harm,
                },
                Phrase {
                    phrase: "".into(),
                    concern: Concern::Harm,
                },
            ],
        };
        let tidy = list.tidied().unwrap();
        assert_eq!(tidy.phrases.len(), 1);
        assert_eq!(tidy.phrases[0].phrase, "locked in");
        assert!(
            tidy.check("the door was locked").is_empty()
                && !tidy.check("I get locked in my room").is_empty()
        );
        assert!(PhraseList { phrases: vec![] }.tidied().is_err());
    }
}
