//! The phrase list compiled for checking answers in every language it covers.

use super::grammar::{Grammar, Token, Words};
use super::learned::{self, Learned};
use super::pattern::{Alt, Pattern, compile, match_at};
use super::scope::{Agent, agent_before, veto};
use super::{Concern, Finding, arabic, english, welsh};
use crate::language::Language;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a finding of the learnt model names as its phrase.
pub const LEARNED_PHRASE: &str = "learnt from labelled examples";

/// How one language is read.
pub(crate) struct Lang {
    pub language: Language,
    pub tokens: fn(&str) -> Vec<Token>,
    pub forms: fn(&str) -> Vec<String>,
    pub grammar: &'static LazyLock<Grammar>,
    pub words: &'static Words,
    pub defaults: &'static [(&'static str, Concern)],
}

static ENGLISH_GRAMMAR: LazyLock<Grammar> =
    LazyLock::new(|| Grammar::new(&english::WORDS, english::normalise));
static WELSH_GRAMMAR: LazyLock<Grammar> =
    LazyLock::new(|| Grammar::new(&welsh::WORDS, welsh::normalise));
static ARABIC_GRAMMAR: LazyLock<Grammar> =
    LazyLock::new(|| Grammar::new(&arabic::WORDS, arabic::normalise));

static LANGS: [Lang; 3] = [
    Lang {
        language: Language::English,
        tokens: english::tokens,
        forms: english::pattern_forms,
        grammar: &ENGLISH_GRAMMAR,
        words: &english::WORDS,
        defaults: english::DEFAULTS,
    },
    Lang {
        language: Language::Welsh,
        tokens: welsh::tokens,
        forms: welsh::pattern_forms,
        grammar: &WELSH_GRAMMAR,
        words: &welsh::WORDS,
        defaults: welsh::DEFAULTS,
    },
    Lang {
        language: Language::Arabic,
        tokens: arabic::tokens,
        forms: arabic::pattern_forms,
        grammar: &ARABIC_GRAMMAR,
        words: &arabic::WORDS,
        defaults: arabic::DEFAULTS,
    },
];

/// How a language is read.
pub(crate) fn lang(language: Language) -> &'static Lang {
    LANGS
        .iter()
        .find(|l| l.language == language)
        .expect("every language has a reader")
}

/// Whether every word of a phrase is one of the language's small words ("and", "the",
/// "not"): such a phrase would hold answers for no reason.
pub(crate) fn only_small_words(pattern: &Pattern, lang: &Lang) -> bool {
    let g: &Grammar = lang.grammar;
    let small = |w: &String| {
        [
            &g.skippable,
            &g.prepositions,
            &g.breakers,
            &g.negators,
            &g.subjects,
            &g.objects,
            &g.determiners,
            &g.conjunctions,
            &g.conditionals,
            &g.contrasts,
            &g.pro_verbs,
        ]
        .iter()
        .any(|list| list.contains(w))
    };
    let all_small = |alts: &[Alt]| {
        alts.iter().all(|a| match a {
            Alt::Forms(forms) => forms.first().is_some_and(small),
            Alt::Prefix(_) => false,
        })
    };
    // "down there & touch|wash": words required beside it make it specific.
    (pattern.context.is_empty() || all_small(&pattern.context))
        && pattern.elements.iter().all(|e| match e {
            super::pattern::Element::Word(alts) => all_small(alts),
            super::pattern::Element::Slot(_) => true,
        })
}

/// One phrase, compiled.
struct Entry {
    pattern: Pattern,
    concern: Concern,
    phrase: String,
    /// Added by a lead (not built in): it holds whatever the model thinks.
    own: bool,
}

/// The phrases of one language, indexed by the words that start them.
struct Part {
    lang: &'static Lang,
    entries: Vec<Entry>,
    by_form: HashMap<String, Vec<usize>>,
    by_prefix: Vec<(String, usize)>,
    idioms: Vec<Pattern>,
    frames: Vec<Pattern>,
}

impl Part {
    fn new(lang: &'static Lang, phrases: &[(String, Concern)]) -> Part {
        let grammar: &Grammar = lang.grammar;
        let mut part = Part {
            lang,
            entries: Vec::new(),
            by_form: HashMap::new(),
            by_prefix: Vec::new(),
            idioms: lang
                .words
                .idioms
                .iter()
                .filter_map(|i| compile(i, &lang.forms).ok())
                .collect(),
            frames: lang
                .words
                .frames
                .iter()
                .filter_map(|i| compile(i, &lang.forms).ok())
                .collect(),
        };
        for (phrase, concern) in phrases {
            let own = !lang
                .defaults
                .iter()
                .any(|(p, c)| p == phrase && c == concern);
            // Phrases are checked when saved; one that no longer compiles is skipped.
            let Ok(pattern) = compile(phrase, &lang.forms) else {
                continue;
            };
            let passive = pattern.passive_of(&grammar.passive);
            for pattern in std::iter::once(pattern).chain(passive) {
                let index = part.entries.len();
                for alt in pattern.first_alts() {
                    match alt {
                        Alt::Forms(bases) => {
                            for b in bases {
                                part.by_form.entry(b.clone()).or_default().push(index);
                            }
                        }
                        Alt::Prefix(p) => part.by_prefix.push((p.clone(), index)),
                    }
                }
                part.entries.push(Entry {
                    pattern,
                    concern: *concern,
                    phrase: phrase.clone(),
                    own,
                });
            }
        }
        part
    }

    /// Entries that may start at this token.
    fn candidates(&self, token: &Token) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for form in &token.forms {
            if let Some(list) = self.by_form.get(&form.base) {
                out.extend(list);
            }
            out.extend(
                self.by_prefix
                    .iter()
                    .filter(|(p, _)| form.base.starts_with(p.as_str()))
                    .map(|(_, i)| *i),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether any word of the text could start a phrase.
    fn triggered(&self, tokens: &[Token]) -> bool {
        tokens.iter().any(|t| {
            t.forms.iter().any(|f| {
                self.by_form.contains_key(&f.base)
                    || self
                        .by_prefix
                        .iter()
                        .any(|(p, _)| f.base.starts_with(p.as_str()))
            })
        })
    }

    /// The phrases that hold the text: (finding, added by a lead).
    fn check(&self, text: &str, findings: &mut Vec<(Finding, bool)>) {
        self.judge(text, &mut |entry, words, verdict| {
            if verdict.is_none() && !findings.iter().any(|(f, _)| f.concern == entry.concern) {
                findings.push((
                    Finding {
                        concern: entry.concern,
                        phrase: entry.phrase.clone(),
                        words,
                        language: self.lang.language,
                    },
                    entry.own,
                ));
            }
        });
    }

    /// Every phrase that matches the text's words, with why it does not count (if not).
    fn judge(&self, text: &str, out: &mut dyn FnMut(&Entry, String, Option<&'static str>)) {
        let tokens = (self.lang.tokens)(text);
        if !self.triggered(&tokens) {
            return;
        }
        let g: &Grammar = self.lang.grammar;
        // A denial inside a phrase's gap ("I'm *not* safe") is judged as a word.
        let deny = |t: &Token| super::grammar::is(t, &g.negators);
        let mut idioms: Vec<(usize, usize)> = Vec::new();
        let mut framed: Vec<u16> = Vec::new();
        for i in 0..tokens.len() {
            for p in &self.idioms {
                if let Some(m) = match_at(p, &tokens, i, g, &deny) {
                    idioms.push((m.start, m.end));
                }
            }
            // "In the film the girl ran away because her dad hit her."
            if self
                .frames
                .iter()
                .any(|p| match_at(p, &tokens, i, g, &deny).is_some())
            {
                framed.push(tokens[i].sentence);
            }
        }
        for head in 0..tokens.len() {
            for e in self.candidates(&tokens[head]) {
                let entry = &self.entries[e];
                let Some(mut m) = match_at(&entry.pattern, &tokens, head, g, &deny) else {
                    continue;
                };
                if entry.pattern.lead {
                    let (agent, at) = agent_before(&tokens, head, m.end, g);
                    if !matches!(agent, Agent::Pronoun | Agent::Person | Agent::Therapist) {
                        continue;
                    }
                    // "I'm *not* safe": a denial between the person and the phrase.
                    m.gap_denied |= tokens[at + 1..head].iter().any(&deny);
                    m.start = at.min(m.start);
                }
                let words = tokens[m.start..m.end]
                    .iter()
                    .map(|t| t.word.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let verdict = if idioms.iter().any(|&(s, e)| s < m.end && m.start < e) {
                    Some("an everyday saying")
                } else if framed.contains(&tokens[head].sentence) {
                    Some("a story (in the film...)")
                } else {
                    veto(
                        &tokens,
                        &entry.pattern,
                        &m,
                        g,
                        entry.concern == Concern::Harm,
                    )
                };
                out(entry, words, verdict);
            }
        }
    }
}

/// The model learnt from the labelled statements, with the built-in phrase list's
/// verdicts as features: trained once per process, when first needed.
static LEARNED: LazyLock<Learned> = LazyLock::new(|| {
    let defaults = Checker::rules_only(&super::PhraseList::default().phrases);
    let examples = learned::training_examples();
    let data: Vec<(crate::linear::Sparse, &learned::Example)> = examples
        .iter()
        .map(|e| (learned::features(&e.text, &defaults.verdicts(&e.text)), e))
        .collect();
    Learned::train(&data)
});

/// Trains the learnt model now rather than on the first answer (for a server starting).
pub fn warm_up() {
    LazyLock::force(&LEARNED);
}

/// A phrase list ready to check many answers.
pub struct Checker {
    parts: Vec<Part>,
    /// Whether answers no phrase holds are also judged by the learnt model.
    learned: bool,
}

impl Checker {
    /// Compiles phrases grouped by language, with the learnt model behind them.
    pub(crate) fn new(phrases: &[super::Phrase]) -> Checker {
        Checker {
            learned: true,
            ..Checker::rules_only(phrases)
        }
    }

    /// The phrases alone, without the learnt model.
    pub fn rules_only(phrases: &[super::Phrase]) -> Checker {
        let parts = Language::ALL
            .iter()
            .map(|&language| {
                let own: Vec<(String, Concern)> = phrases
                    .iter()
                    .filter(|p| p.language == language)
                    .map(|p| (p.phrase.clone(), p.concern))
                    .collect();
                Part::new(lang(language), &own)
            })
            .collect();
        Checker {
            parts,
            learned: false,
        }
    }

    /// What the phrases made of a text: each match's concern, and why it does not count.
    pub fn verdicts(&self, text: &str) -> Vec<(Concern, Option<&'static str>)> {
        let mut out = Vec::new();
        for part in &self.parts {
            part.judge(text, &mut |entry, _, verdict| {
                out.push((entry.concern, verdict))
            });
        }
        out
    }

    /// The learnt model's score for a text: above [`learned::THRESHOLD`] it is held.
    pub fn score(&self, text: &str) -> f32 {
        LEARNED.score(&learned::features(text, &self.verdicts(text)))
    }

    /// Every concern the answer raises, once each, in the order first found. Every
    /// language's phrases are tried: people mix languages, and a Welsh survey gets
    /// answers in English.
    ///
    /// A phrase a lead added holds an answer whenever it matches. The built-in phrases
    /// are evidence for the learnt model, which decides: it has learnt from thousands of
    /// labelled statements when such a match is a disclosure and when it is not.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        let mut matched = Vec::new();
        for part in &self.parts {
            part.check(text, &mut matched);
        }
        if !self.learned {
            return matched.into_iter().map(|(f, _)| f).collect();
        }
        let own = matched.iter().any(|(_, own)| *own);
        let x = learned::features(text, &self.verdicts(text));
        let score = LEARNED.score(&x);
        if !own && score <= learned::THRESHOLD {
            return Vec::new();
        }
        let mut findings: Vec<Finding> = matched.into_iter().map(|(f, _)| f).collect();
        if findings.is_empty() {
            findings.push(Finding {
                concern: LEARNED.concern(&x),
                phrase: LEARNED_PHRASE.into(),
                words: LEARNED.telling_words(text).join(" "),
                language: crate::language::Language::English,
            });
        }
        findings
    }

    /// How each language reads a text: its tokens and their readings, for people tuning
    /// the phrase list.
    pub fn explain(&self, text: &str) -> Vec<String> {
        self.parts
            .iter()
            .map(|part| {
                let tokens = (part.lang.tokens)(text);
                let words: Vec<String> = tokens
                    .iter()
                    .map(|t| {
                        let forms: Vec<String> = t
                            .forms
                            .iter()
                            .filter(|f| f.base != t.word)
                            .map(|f| format!("{}{}", f.base, if f.object { "+obj" } else { "" }))
                            .collect();
                        format!(
                            "{}@{}{}",
                            t.word,
                            t.clause,
                            if forms.is_empty() {
                                String::new()
                            } else {
                                format!("({})", forms.join(","))
                            }
                        )
                    })
                    .collect();
                let mut lines = vec![format!(
                    "{}: {}",
                    part.lang.language.code(),
                    words.join(" ")
                )];
                part.judge(text, &mut |entry, words, verdict| {
                    lines.push(format!(
                        "  \"{words}\" [{}] {}",
                        entry.phrase,
                        verdict.map_or("HOLDS".to_string(), |v| format!("not held: {v}"))
                    ));
                });
                lines.join("\n")
            })
            .collect()
    }

    /// Checks every answer of a batch; answers with no word that could start a phrase
    /// are passed over quickly.
    pub fn check_all<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Vec<Finding>> {
        texts.iter().map(|t| self.check(t.as_ref())).collect()
    }
}
