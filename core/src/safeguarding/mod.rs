//! Safeguarding triage: does an answer possibly disclose harm, abuse, neglect, self-harm,
//! suicidal thoughts, bullying, feeling unsafe, being locked in, or threats to stop a
//! child telling?
//!
//! Triage, not diagnosis: it errs towards holding an answer, and a safeguarding lead
//! decides. Each language has its own phrase list, which a lead can edit; phrases match
//! any inflection of their words, any person who does it and any person it is done to
//! (see [`pattern`] for the syntax). A phrase does not count where the sentence plainly
//! denies it in the same clause ("nobody hurts me"), supposes it ("if someone hurt me I
//! would tell"), or uses the words for something else: treatment ("the stretches hurt"),
//! a thing ("the wait is killing me"), talk about harm ("safeguarding training") or an
//! everyday saying ("bored to death"). A denial reaches no further than its clause: "No,
//! my dad hits me" and "Nobody at school hurts me but my uncle does" are held.

mod analysis;
mod arabic;
mod checker;
pub mod coverage;
mod english;
mod grammar;
pub mod learned;
pub mod pattern;
mod review;
mod scope;
mod welsh;

pub(crate) use arabic::normalise as arabic_normalise;
pub use checker::{Checker, LEARNED_PHRASE, warm_up};
pub use review::{Clearance, RAISED_BY_TRIAGE, Review, ReviewError, clear, is_held, raise};

use crate::language::Language;
use serde::{Deserialize, Serialize};

/// Flag on an answer that may disclose harm: held back from counts, theming and quotes.
pub const FLAG_SAFEGUARDING: &str = "safeguarding";

/// What kind of concern a phrase points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concern {
    /// Physical harm, to the child or to anyone at home.
    Harm,
    /// Sexual abuse and grooming, online too.
    Abuse,
    Neglect,
    Emotional,
    SelfHarm,
    Suicidal,
    /// Bullying and extortion.
    Bullying,
    Unsafe,
    /// Being locked in or restrained.
    Restraint,
    /// Threats to stop a child telling.
    Threats,
}

impl Concern {
    /// Every kind of concern.
    pub const ALL: [Concern; 10] = [
        Concern::Harm,
        Concern::Abuse,
        Concern::Neglect,
        Concern::Emotional,
        Concern::SelfHarm,
        Concern::Suicidal,
        Concern::Bullying,
        Concern::Unsafe,
        Concern::Restraint,
        Concern::Threats,
    ];

    /// The kind in words.
    pub fn label(self) -> &'static str {
        match self {
            Concern::Harm => "Physical harm",
            Concern::Abuse => "Sexual abuse or grooming",
            Concern::Neglect => "Neglect",
            Concern::Emotional => "Emotional abuse",
            Concern::SelfHarm => "Self-harm",
            Concern::Suicidal => "Suicidal thoughts",
            Concern::Bullying => "Bullying or extortion",
            Concern::Unsafe => "Feeling unsafe",
            Concern::Restraint => "Locked in or restrained",
            Concern::Threats => "Threats to stop telling",
        }
    }

    /// A short key, for ids in pages.
    pub fn key(self) -> &'static str {
        match self {
            Concern::Harm => "harm",
            Concern::Abuse => "abuse",
            Concern::Neglect => "neglect",
            Concern::Emotional => "emotional",
            Concern::SelfHarm => "self-harm",
            Concern::Suicidal => "suicidal",
            Concern::Bullying => "bullying",
            Concern::Unsafe => "unsafe",
            Concern::Restraint => "restraint",
            Concern::Threats => "threats",
        }
    }
}

/// A phrase to look for, in one language, and what it may mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    pub phrase: String,
    pub concern: Concern,
    /// Lists saved before phrases had languages were English.
    #[serde(default)]
    pub language: Language,
}

/// The list a safeguarding lead can edit: phrases in every language answers come in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhraseList {
    pub phrases: Vec<Phrase>,
}

/// One possible disclosure found in an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub concern: Concern,
    /// The phrase from the list that matched.
    pub phrase: String,
    /// The answer's words it matched, for the lead.
    pub words: String,
    /// The language of the phrase.
    pub language: Language,
}

/// The built-in phrases of one language.
pub fn default_phrases(language: Language) -> Vec<Phrase> {
    checker::lang(language)
        .defaults
        .iter()
        .map(|(p, c)| Phrase {
            phrase: p.to_string(),
            concern: *c,
            language,
        })
        .collect()
}

impl Default for PhraseList {
    fn default() -> Self {
        PhraseList {
            phrases: Language::ALL
                .iter()
                .flat_map(|l| default_phrases(*l))
                .collect(),
        }
    }
}

/// Longest phrase a lead can save, in characters.
pub const MAX_PHRASE_CHARS: usize = 500;

/// A phrase that cannot be saved, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhraseProblem {
    /// Its position in the list as sent; for a language with no phrase left, the
    /// list's length and `language` set.
    pub index: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    pub message: String,
}

impl PhraseProblem {
    /// The API field path: `phrases[3].phrase`, or `languages.cy`.
    pub fn path(&self) -> String {
        match self.language {
            Some(l) => format!("languages.{}", l.code()),
            None => format!("phrases[{}].phrase", self.index),
        }
    }
}

impl PhraseList {
    /// Every phrase the answer contains that is not denied, supposed or meant otherwise.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        self.checker().check(text)
    }

    /// The list compiled for checking many answers quickly.
    pub fn checker(&self) -> Checker {
        Checker::new(&self.phrases)
    }

    /// The list with built-in phrases for any language it has none in (lists saved
    /// before that language was supported).
    pub fn completed(mut self) -> PhraseList {
        for language in Language::ALL {
            if !self.phrases.iter().any(|p| p.language == language) {
                self.phrases.extend(default_phrases(language));
            }
        }
        self
    }

    /// An edited list, tidied (spaces collapsed, blank lines dropped), or every problem
    /// with it by position: a phrase that is too long, repeated, badly written, or that
    /// would hold most everyday answers; and a language left with no phrase at all,
    /// which would silently stop checking answers in it.
    pub fn validated(&self) -> Result<PhraseList, Vec<PhraseProblem>> {
        let mut problems = Vec::new();
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut seen: Vec<(Language, String, usize)> = Vec::new();
        for (index, p) in self.phrases.iter().enumerate() {
            let phrase = p.phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut problem = |message: String| {
                problems.push(PhraseProblem {
                    index,
                    language: None,
                    message,
                })
            };
            if phrase.is_empty() {
                continue;
            }
            if phrase.chars().count() > MAX_PHRASE_CHARS {
                problem(format!(
                    "\u{201c}{}\u{2026}\u{201d} is too long: keep a phrase under {MAX_PHRASE_CHARS} characters",
                    phrase.chars().take(30).collect::<String>()
                ));
                continue;
            }
            let lang = checker::lang(p.language);
            match pattern::compile(&phrase, &lang.forms) {
                Err(e) => {
                    problem(format!("\u{201c}{phrase}\u{201d}: {}", e.message()));
                    continue;
                }
                Ok(compiled) if checker::only_small_words(&compiled, lang) => {
                    problem(format!(
                        "\u{201c}{phrase}\u{201d} has only small words found in most answers: add the words that say what happened"
                    ));
                    continue;
                }
                Ok(_) => {}
            }
            let key = phrase.to_lowercase();
            if let Some((_, _, first)) = seen.iter().find(|(l, k, _)| *l == p.language && *k == key)
            {
                problem(format!(
                    "\u{201c}{phrase}\u{201d} is already in the list (line {}): remove one",
                    first + 1
                ));
                continue;
            }
            let single = Phrase {
                phrase: phrase.clone(),
                concern: p.concern,
                language: p.language,
            };
            let checker = Checker::new(std::slice::from_ref(&single));
            let everyday = everyday(p.language);
            let held = everyday
                .iter()
                .filter(|t| !checker.check(t).is_empty())
                .count();
            if held * 4 > everyday.len() {
                problem(format!(
                    "\u{201c}{phrase}\u{201d} would hold most everyday answers ({held} of {} ordinary ones): make it more specific",
                    everyday.len()
                ));
                continue;
            }
            seen.push((p.language, key, index));
            phrases.push(single);
        }
        for language in Language::ALL {
            if !phrases.iter().any(|p| p.language == language) {
                problems.push(PhraseProblem {
                    index: self.phrases.len(),
                    language: Some(language),
                    message: format!(
                        "Keep at least one phrase in {}: with none, answers in it would not be checked",
                        language.english_name()
                    ),
                });
            }
        }
        if problems.is_empty() {
            Ok(PhraseList { phrases })
        } else {
            Err(problems)
        }
    }
}

/// The reason recorded when triage holds something: each concern with the phrase of the
/// list that found it. Never the answer's own words: the queue says where, not what, and
/// reading the answer is a recorded view.
pub fn reason(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| match f.phrase.as_str() {
            LEARNED_PHRASE => format!("{} ({LEARNED_PHRASE})", f.concern.label()),
            phrase => format!("{} (\u{201c}{phrase}\u{201d})", f.concern.label()),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a text should be held for a lead, if it should: each concern it may disclose, or
/// that it is written in a language the check cannot read.
pub fn reasons(checker: &Checker, text: &str) -> Vec<String> {
    let findings = checker.check(text);
    if !findings.is_empty() {
        return findings
            .iter()
            .map(|f| reason(std::slice::from_ref(f)))
            .collect();
    }
    coverage::unchecked_language(text)
        .map(|why| vec![why.to_string()])
        .unwrap_or_default()
}

/// Holds a response for a safeguarding lead when any of its free text may disclose harm
/// (or cannot be checked), recording why. Returns whether it is newly held; a response a
/// lead has already reviewed, or one already held, is left as it is (nothing is
/// released by triage).
pub fn triage(checker: &Checker, response: &mut crate::StoredResponse) -> bool {
    if is_held(response) || !response.reviews.is_empty() {
        return false;
    }
    let mut why: Vec<String> = Vec::new();
    for answer in response.answers.values() {
        if let crate::Answer::Text(text) = answer {
            for r in reasons(checker, text) {
                if !why.contains(&r) {
                    why.push(r);
                }
            }
        }
    }
    if why.is_empty() {
        return false;
    }
    raise(
        response,
        RAISED_BY_TRIAGE,
        response.received_at,
        &why.join(", "),
    )
    .expect("the reason is never empty");
    true
}

/// A held response its participant withdrew: gone from the consultation (its counts,
/// lists, themes and exports), kept only for the safeguarding lead until they clear it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptForLead {
    pub response: crate::StoredResponse,
    /// Seconds since the Unix epoch.
    pub withdrawn_at: u64,
}

/// What is waiting for a safeguarding lead, for the workspace's count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    pub responses: usize,
    pub notes: usize,
}

/// What saving the phrase list did: the list as saved, and what re-checking every stored
/// answer and event note against it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhrasesSaved {
    pub list: PhraseList,
    /// Answers and notes checked again.
    pub checked: usize,
    /// Responses newly held for a lead.
    pub newly_held_responses: usize,
    /// Event notes newly held for a lead.
    pub newly_held_notes: usize,
}

/// Ordinary answers, for telling a phrase that would hold nearly everything.
fn everyday(language: Language) -> Vec<&'static str> {
    let text = match language {
        Language::English => include_str!("everyday/en.txt"),
        Language::Welsh => include_str!("everyday/cy.txt"),
        Language::Arabic => include_str!("everyday/ar.txt"),
    };
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

#[cfg(test)]
mod tests;
