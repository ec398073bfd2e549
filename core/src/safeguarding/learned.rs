//! Triage learnt from examples: a linear model over an answer's words, their base forms
//! (any inflection, Welsh mutation or Arabic affix), character fragments (spelling
//! slips), words under a denial, and what the phrase list made of the answer.
//!
//! The phrase list is precise but only knows the words it was given; this model has read
//! thousands of labelled statements in the three languages (`core/data/disclosures/`)
//! and holds answers whose wording no phrase foresaw. It is trained once, when first
//! needed, from the statements shipped with Tellus, so what it learnt can be read and
//! re-run by anyone. An answer is held when a phrase holds it or the model's score
//! passes [`THRESHOLD`], chosen by cross-validation (see `bench/README.md`).

use super::analysis::raw_words;
use super::{Concern, arabic, english, welsh};
use crate::linear::{Linear, Sparse, Training, unit};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Hashed feature space.
const DIMENSION: usize = 1 << 18;

/// Score above which the model holds an answer: where 10% of the everyday statements are
/// held in five-fold cross-validation (`triage_eval --cv`, see `bench/README.md`,
/// triage). Missing a disclosure costs more than a lead reading an ordinary answer, so
/// the threshold sits at the most false flags the issue allows, not fewer.
pub const THRESHOLD: f32 = -0.09;

/// Labelled statements the model learns from: written for Tellus in the voices of
/// children, parents and professionals, in English, Welsh and Arabic.
const TRAINING: &[&str] = &[
    include_str!("../../data/disclosures/train/en_children.tsv"),
    include_str!("../../data/disclosures/train/en_adults.tsv"),
    include_str!("../../data/disclosures/train/en_tricky.tsv"),
    include_str!("../../data/disclosures/train/en_subtle.tsv"),
    include_str!("../../data/disclosures/train/cy_a.tsv"),
    include_str!("../../data/disclosures/train/cy_b.tsv"),
    include_str!("../../data/disclosures/train/cy_tricky.tsv"),
    include_str!("../../data/disclosures/train/cy_subtle.tsv"),
    include_str!("../../data/disclosures/train/ar_a.tsv"),
    include_str!("../../data/disclosures/train/ar_b.tsv"),
    include_str!("../../data/disclosures/train/ar_tricky.tsv"),
    include_str!("../../data/disclosures/train/ar_subtle.tsv"),
    include_str!("../../data/disclosures/dev/en.tsv"),
    include_str!("../../data/disclosures/dev/cy.tsv"),
    include_str!("../../data/disclosures/dev/ar.tsv"),
];

/// One labelled statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub id: String,
    pub language: String,
    pub label: bool,
    pub category: String,
    pub text: String,
}

/// Reads labelled statements: a header, then id, language, voice, label, category, text.
pub fn examples(tsv: &str) -> Vec<Example> {
    tsv.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let [id, language, _voice, label, category, text] = cols[..] else {
                return None;
            };
            Some(Example {
                id: id.into(),
                language: language.into(),
                label: label == "disclosure",
                category: category.into(),
                text: text.into(),
            })
        })
        .collect()
}

/// The statements shipped with Tellus for training.
pub fn training_examples() -> Vec<Example> {
    TRAINING.iter().flat_map(|t| examples(t)).collect()
}

/// The concern a labelled category belongs to.
pub fn concern_of(category: &str) -> Option<Concern> {
    Some(match category {
        "physical" | "domestic" => Concern::Harm,
        "sexual" | "grooming" => Concern::Abuse,
        "neglect" => Concern::Neglect,
        "emotional" => Concern::Emotional,
        "self_harm" => Concern::SelfHarm,
        "suicidal" => Concern::Suicidal,
        "bullying" | "extortion" => Concern::Bullying,
        "unsafe" => Concern::Unsafe,
        "restraint" => Concern::Restraint,
        "threats" => Concern::Threats,
        _ => return None,
    })
}

fn hash(kind: &str, text: &str) -> u32 {
    // FNV-1a: stable across runs and platforms, so a model is the same everywhere.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in kind.bytes().chain([0u8]).chain(text.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h % DIMENSION as u64) as u32
}

fn is_arabic(word: &str) -> bool {
    word.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

static NEGATORS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    english::WORDS
        .negators
        .iter()
        .map(|w| english::normalise(w))
        .chain(welsh::WORDS.negators.iter().map(|w| welsh::normalise(w)))
        .chain(arabic::WORDS.negators.iter().map(|w| arabic::normalise(w)))
        .collect()
});

/// The features of a text; `verdicts` are what the phrase list made of it: each phrase
/// that matched, with its concern and why it did not count (if not).
pub fn features(text: &str, verdicts: &[(Concern, Option<&'static str>)]) -> Sparse {
    let mut counts: HashMap<u32, f32> = HashMap::new();
    let mut add = |kind: &str, text: &str| {
        *counts.entry(hash(kind, text)).or_default() = 1.0;
    };
    let words: Vec<(String, u16)> = raw_words(text)
        .into_iter()
        .map(|w| {
            let word = if is_arabic(&w.text) {
                arabic::normalise(&w.text)
            } else {
                welsh::normalise(&w.text)
            };
            (word, w.clause)
        })
        .collect();
    let mut denied_until: Option<(u16, usize)> = None;
    for (i, (word, clause)) in words.iter().enumerate() {
        add("w", word);
        let bases: Vec<String> = if is_arabic(word) {
            arabic::tokens(word)
                .into_iter()
                .flat_map(|t| t.forms.into_iter().map(|f| f.base))
                .collect()
        } else {
            english::lemmas(word)
                .into_iter()
                .chain(welsh::radicals(word))
                .collect()
        };
        for b in bases
            .iter()
            .filter(|b| *b != word && b.chars().count() >= 3)
        {
            add("b", b);
        }
        let padded: Vec<char> = format!("<{word}>").chars().collect();
        if padded.len() <= 24 {
            for n in 3..=5 {
                for gram in padded.windows(n) {
                    add("c", &gram.iter().collect::<String>());
                }
            }
        }
        if let Some((c, until)) = denied_until
            && c == *clause
            && i <= until
        {
            add("n", word);
        }
        if NEGATORS.contains(word) {
            denied_until = Some((*clause, i + 3));
        }
        if let Some((next, next_clause)) = words.get(i + 1)
            && next_clause == clause
        {
            add("2", &format!("{word} {next}"));
        }
    }
    for (concern, verdict) in verdicts {
        add(
            "r",
            &format!("{}:{}", concern.key(), verdict.unwrap_or("holds")),
        );
        add("r", verdict.unwrap_or("holds"));
    }
    let mut v: Sparse = counts.into_iter().collect();
    v.sort_unstable_by_key(|(f, _)| *f);
    unit(&mut v);
    v
}

/// The trained models: whether an answer may disclose harm, and which concern.
pub struct Learned {
    held: Linear,
    concerns: Vec<(Concern, Linear)>,
}

/// How the models are trained (see `bench/README.md` for how these were chosen).
pub const TRAINING_SETTINGS: Training = Training {
    c: 1.0,
    positive_weight: 1.0,
    tolerance: 0.05,
    max_passes: 60,
    seed: 7,
};

impl Learned {
    /// Trains on labelled statements, each with the phrase list's verdicts on it.
    pub fn train(data: &[(Sparse, &Example)]) -> Learned {
        Self::train_with(data, TRAINING_SETTINGS)
    }

    /// As [`Learned::train`], with other settings (for choosing them).
    pub fn train_with(data: &[(Sparse, &Example)], settings: Training) -> Learned {
        let xs: Vec<&Sparse> = data.iter().map(|(x, _)| x).collect();
        let ys: Vec<bool> = data.iter().map(|(_, e)| e.label).collect();
        let held = Linear::train(&xs, &ys, DIMENSION, settings);
        // Which concern: one against the rest, over the disclosures only.
        let disclosures: Vec<&(Sparse, &Example)> = data.iter().filter(|(_, e)| e.label).collect();
        let dx: Vec<&Sparse> = disclosures.iter().map(|(x, _)| x).collect();
        let concerns = Concern::ALL
            .iter()
            .map(|&c| {
                let dy: Vec<bool> = disclosures
                    .iter()
                    .map(|(_, e)| concern_of(&e.category) == Some(c))
                    .collect();
                let settings = Training {
                    max_passes: 20,
                    ..settings
                };
                (c, Linear::train(&dx, &dy, DIMENSION, settings))
            })
            .collect();
        Learned { held, concerns }
    }

    /// The score that an answer with these features may disclose harm.
    pub fn score(&self, x: &Sparse) -> f32 {
        self.held.score(x)
    }

    /// The concern it most likely points to.
    pub fn concern(&self, x: &Sparse) -> Concern {
        self.concerns
            .iter()
            .map(|(c, m)| (*c, m.score(x)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(c, _)| c)
            .unwrap_or(Concern::Unsafe)
    }

    /// The words of the text that weigh most towards holding it, for the lead.
    pub fn telling_words(&self, text: &str) -> Vec<String> {
        let mut scored: Vec<(f32, String)> = raw_words(text)
            .into_iter()
            .map(|w| {
                let word = if is_arabic(&w.text) {
                    arabic::normalise(&w.text)
                } else {
                    welsh::normalise(&w.text)
                };
                let weight = self.held.weights[hash("w", &word) as usize];
                (weight, w.text)
            })
            .filter(|(weight, _)| *weight > 0.0)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut out: Vec<String> = Vec::new();
        for (_, w) in scored {
            if !out.contains(&w) {
                out.push(w);
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }
}
