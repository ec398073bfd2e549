//! Tone of an answer, tuned for feedback about services rather than social media:
//! waiting, gaps and cuts read as negative; kind, helpful staff and progress as positive.

use crate::text::words;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::LazyLock;

/// The overall tone of one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Positive,
    Negative,
    Mixed,
    Neutral,
}

impl Tone {
    /// The tone as a lower-case word.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Positive => "positive",
            Tone::Negative => "negative",
            Tone::Mixed => "mixed",
            Tone::Neutral => "neutral",
        }
    }
}

const POSITIVE: &[&str] = &[
    "good",
    "great",
    "excellent",
    "brilliant",
    "fantastic",
    "amazing",
    "wonderful",
    "superb",
    "outstanding",
    "lovely",
    "helpful",
    "helped",
    "helps",
    "kind",
    "caring",
    "supportive",
    "friendly",
    "patient",
    "happy",
    "happier",
    "love",
    "loved",
    "loves",
    "enjoy",
    "enjoys",
    "enjoyed",
    "fun",
    "improved",
    "improving",
    "improvement",
    "improvements",
    "progress",
    "pleased",
    "grateful",
    "thank",
    "thanks",
    "thankful",
    "listened",
    "listens",
    "understanding",
    "useful",
    "effective",
    "knowledgeable",
    "responsive",
    "quick",
    "quickly",
    "easy",
    "confident",
    "valuable",
    "best",
    "nice",
    "calm",
    "safe",
    "enough",
    "approachable",
    "reassuring",
    "flexible",
    "consistent",
    "works",
    "worked",
    "benefit",
    "benefited",
    "benefits",
    "beneficial",
    "difference",
    "like",
    "likes",
    "liked",
    "perfect",
];

const NEGATIVE: &[&str] = &[
    "bad",
    "poor",
    "terrible",
    "awful",
    "horrible",
    "worse",
    "worst",
    "slow",
    "waiting",
    "wait",
    "waited",
    "waits",
    "delay",
    "delays",
    "delayed",
    "lack",
    "lacking",
    "lacks",
    "difficult",
    "hard",
    "struggle",
    "struggled",
    "struggling",
    "frustrating",
    "frustrated",
    "frustration",
    "disappointed",
    "disappointing",
    "upset",
    "sad",
    "unhappy",
    "angry",
    "annoyed",
    "annoying",
    "worried",
    "worry",
    "worrying",
    "stress",
    "stressed",
    "stressful",
    "anxious",
    "anxiety",
    "hate",
    "hates",
    "boring",
    "bored",
    "cancelled",
    "canceled",
    "cancel",
    "cuts",
    "cut",
    "reduced",
    "stopped",
    "discharged",
    "missed",
    "miss",
    "missing",
    "ignored",
    "unhelpful",
    "useless",
    "inadequate",
    "insufficient",
    "inconsistent",
    "confusing",
    "confused",
    "fight",
    "fought",
    "battle",
    "chase",
    "chasing",
    "gap",
    "gaps",
    "refused",
    "rejected",
    "shortage",
    "scared",
    "embarrassed",
    "embarrassing",
    "lonely",
    "unfair",
    "rude",
    "late",
    "lost",
    "limited",
    "problem",
    "problems",
    "concern",
    "concerns",
    "failing",
    "failed",
    "fail",
    "never",
    "nobody",
    "nothing",
    "hopeless",
    "dismissive",
    "exhausting",
    "exhausted",
    "shortages",
    "unacceptable",
    "appalling",
    "disgrace",
    "letdown",
    "unsupported",
    "isolated",
    "impossible",
    "lottery",
    "complaint",
    "complaints",
    "complain",
    "noisy",
    "hurt",
    "hurts",
    "pain",
    "painful",
    "broken",
    "nightmare",
    "overworked",
    "unclear",
    "disrupts",
    "disrupt",
    "disrupted",
    "disruptive",
    "outgrown",
    "repeat",
    "repeating",
    "vacancies",
    "stretched",
    "chaotic",
    "patchy",
    "shocking",
    "dreadful",
    "nonexistent",
    "inaccessible",
];

/// Negated, these complaints read as praise: "no complaints", "never had to wait".
const NEGATED_PRAISE: &[&str] = &[
    "bad",
    "complaint",
    "complaints",
    "problem",
    "problems",
    "issue",
    "issues",
    "concern",
    "concerns",
    "wait",
    "waiting",
    "worry",
    "worries",
    "fault",
    "faults",
    "difficult",
    "hard",
];

/// Answers made only of these words say nothing: "nothing to add", "n/a", "no comment".
const NULL_ANSWER: &[&str] = &[
    "nothing",
    "to",
    "add",
    "none",
    "no",
    "comment",
    "comments",
    "n",
    "a",
    "na",
    "nil",
    "not",
    "applicable",
    "else",
    "more",
    "further",
];

/// "like" is praise after these ("I like it", "don't like"), not in "would like" or "feel like".
const LIKE_AFTER: &[&str] = &[
    "i", "we", "he", "she", "they", "you", "really", "children", "kids", "also", "all", "both",
    "still", "do", "does", "did", "don't", "dont", "didn't", "doesn't", "not", "never", "always",
];

/// After "only", these describe too little: "only once a term", "only six sessions".
const ONLY_WHAT: &[&str] = &[
    "once", "twice", "one", "two", "three", "four", "five", "six", "a", "get", "got", "see", "saw",
    "had", "have", "offered", "given", "every",
];

/// Words that turn the meaning of the next few words around.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "nobody", "nothing", "hardly", "without", "don't", "doesn't", "didn't",
    "isn't", "wasn't", "aren't", "weren't", "can't", "cannot", "won't", "couldn't", "wouldn't",
    "haven't", "hasn't", "hadn't", "dont", "doesnt", "didnt", "isnt", "wasnt", "cant", "wont",
    "couldnt", "neither", "nor", "lack", "lacking", "non", "unable",
];

const POSITIVE_EMOJI: &[char] = &[
    '🙂', '😀', '😃', '😄', '😁', '😊', '😍', '🥰', '👍', '❤', '💖', '⭐', '🌟', '🎉', '😎',
];
const NEGATIVE_EMOJI: &[char] = &[
    '🙁', '☹', '😞', '😟', '😢', '😭', '😠', '😡', '👎', '💔', '😩', '😫', '😖', '😣',
];

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

static POSITIVE_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(POSITIVE));
static NEGATIVE_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(NEGATIVE));
static NEGATOR_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| set(NEGATORS));

/// How many words after a negator it reaches.
const NEGATION_REACH: usize = 3;

/// Reads the tone of an answer.
pub fn tone(text: &str) -> Tone {
    let words = words(text);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    tone_of_words(text, &words)
}

/// Reads the tone from an answer's words (as [`crate::text::words`] gives them) and its text (for emoji).
pub fn tone_of_words(text: &str, words: &[&str]) -> Tone {
    if !words.is_empty() && words.iter().all(|w| NULL_ANSWER.contains(w)) {
        return Tone::Neutral;
    }
    let (mut positive, mut negative) = (0u32, 0u32);
    let mut negated_until = 0usize;
    let mut saw_negator = false;
    for (i, word) in words.iter().enumerate() {
        let word = *word;
        let next = words.get(i + 1).copied();
        let previous = i.checked_sub(1).map(|p| words[p]);
        let negated = i < negated_until;
        let is_positive = if word == "like" || word == "likes" {
            previous.is_some_and(|p| LIKE_AFTER.contains(&p))
        } else {
            POSITIVE_SET.contains(word)
        };
        // "too" before anything but praise is a shortfall: "too long", "too noisy".
        let shortfall = (word == "too"
            && next.is_some_and(|n| !crate::text::is_stop_word(n) && !POSITIVE_SET.contains(n)))
            || (word == "only"
                && next.is_some_and(|n| {
                    ONLY_WHAT.contains(&n) || n.chars().all(|c| c.is_ascii_digit())
                }));
        let is_negative = NEGATIVE_SET.contains(word) || shortfall;
        match (is_positive, is_negative, negated) {
            (true, _, false) => positive += 1,
            (true, _, true) => negative += 1,
            (false, true, true) if NEGATED_PRAISE.contains(&word) => positive += 1,
            // Other negated complaints ("doesn't hurt") say little either way.
            (false, true, true) => {}
            (false, true, false) => negative += 1,
            _ => {}
        }
        if NEGATOR_SET.contains(word) {
            saw_negator = true;
            negated_until = i + 1 + NEGATION_REACH;
        } else if matches!(word, "but" | "however" | "although" | "though") {
            negated_until = 0;
        }
    }
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if POSITIVE_EMOJI.contains(&c) {
            positive += 1;
        } else if NEGATIVE_EMOJI.contains(&c) {
            negative += 1;
        }
    }
    match (positive > 0, negative > 0) {
        (true, true) => Tone::Mixed,
        (true, false) => Tone::Positive,
        (false, true) => Tone::Negative,
        // In feedback about a service, "isn't eligible", "cannot recruit", "not told" are complaints.
        (false, false) if saw_negator => Tone::Negative,
        (false, false) => Tone::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_feedback_reads_as_people_mean_it() {
        let cases = [
            (
                "Our speech therapist is brilliant and so patient",
                Tone::Positive,
            ),
            (
                "We have been on the waiting list for 18 months",
                Tone::Negative,
            ),
            ("Not enough sessions, only six a year", Tone::Negative),
            (
                "The therapist is lovely but the wait was far too long",
                Tone::Mixed,
            ),
            ("He has therapy on Tuesdays at school", Tone::Neutral),
            ("It is not helpful at all", Tone::Negative),
            ("Not bad, could be better organised", Tone::Positive),
            ("Nobody listens to parents", Tone::Negative),
            ("The sessions are too short", Tone::Negative),
            ("", Tone::Neutral),
            ("🙂👍", Tone::Positive),
            ("😢", Tone::Negative),
            ("No complaints", Tone::Positive),
            ("nothing to add", Tone::Neutral),
            ("She isn't eligible because she has no EHCP", Tone::Negative),
            ("I would like more sessions", Tone::Neutral),
            ("I don't like missing lessons", Tone::Negative),
            (
                "Lovely therapist but we only see her once a term",
                Tone::Mixed,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(tone(text), expected, "{text:?}");
        }
    }
}
