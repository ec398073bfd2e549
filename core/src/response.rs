//! Answers and responses, and the rules that check answers against a survey.
//!
//! The app runs [`validate_answer`] as people go, the server runs [`validate_answers`]
//! on submission: the same rules, so a response the app accepts is never refused later.

use crate::language::{Language, Words};
use crate::survey::{Question, QuestionKind, Survey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use unicode_segmentation::UnicodeSegmentation;
use uuid::Uuid;

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// The id of one chosen option (single choice, yes/no, how did you answer).
    Choice(String),
    /// The ids of the chosen options, in the order shown.
    Choices(Vec<String>),
    /// A point on a faces or agreement scale, 1 being the lowest.
    Scale(u8),
    /// Free text.
    Text(String),
    /// A whole number.
    Number(i64),
    DontKnow,
    RatherNotSay,
}

/// Answers keyed by question id.
pub type Answers = BTreeMap<String, Answer>;

/// What a participant's device sends: the survey and the answers given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseSubmission {
    pub survey_id: String,
    pub answers: Answers,
    /// The language the survey was answered in.
    #[serde(default, skip_serializing_if = "Language::is_english")]
    pub language: Language,
}

/// A response waiting on a device to be sent, with the id it will be sent under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedResponse {
    pub id: Uuid,
    pub submission: ResponseSubmission,
}

/// A device's queue exported to a file, for `tellus import-queue` when a device cannot sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueExport {
    /// The file format version.
    pub tellus_queue: u32,
    pub items: Vec<QueuedResponse>,
}

/// A response as kept by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredResponse {
    /// Chosen by the device once per submission, so retries never duplicate.
    pub id: Uuid,
    pub consultation_id: String,
    pub survey_id: String,
    pub answers: Answers,
    /// Seconds since the Unix epoch when the server first stored it.
    pub received_at: u64,
    /// The language the survey was answered in (answers themselves are ids, the same in any).
    #[serde(default, skip_serializing_if = "Language::is_english")]
    pub language: Language,
    /// Set by the server: `safeguarding` when free text may disclose harm (held back from
    /// summaries until a safeguarding lead clears it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
    /// Concerns raised on it and how they were dealt with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<crate::safeguarding::Review>,
}

/// A problem with one answer, for the error summary and the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The question id.
    pub field: String,
    /// Stable machine-readable reason, e.g. `required`, `too_long`.
    pub code: String,
    /// What to do next, in plain words.
    pub message: String,
}

impl FieldError {
    fn new(field: &str, code: &str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// Counts characters as people see them (graphemes), so an emoji or accented letter is one.
pub fn grapheme_count(text: &str) -> usize {
    text.graphemes(true).count()
}

/// Whether an answer says nothing (blank text or no choices): treated as unanswered.
pub fn is_blank(answer: &Answer) -> bool {
    match answer {
        Answer::Text(text) => text.trim().is_empty(),
        Answer::Choices(ids) => ids.is_empty(),
        _ => false,
    }
}

fn required_message(kind: &QuestionKind, words: &Words) -> &'static str {
    match kind {
        QuestionKind::Faces { .. } => words.choose_face,
        QuestionKind::MultipleChoice { .. } => words.choose_at_least_one,
        QuestionKind::FreeText { .. } => words.write_answer,
        QuestionKind::Ranking { .. } => words.put_in_order,
        QuestionKind::Number { .. } => words.enter_number,
        _ => words.choose_answer,
    }
}

/// Checks one answer (or its absence) against its question, with messages in English.
pub fn validate_answer(question: &Question, answer: Option<&Answer>) -> Result<(), FieldError> {
    validate_answer_in(question, answer, Language::English.words())
}

/// Checks one answer (or its absence) against its question, with messages in `words`' language.
pub fn validate_answer_in(
    question: &Question,
    answer: Option<&Answer>,
    words: &Words,
) -> Result<(), FieldError> {
    let id = question.id.as_str();
    let answer = match answer {
        Some(a) if !is_blank(a) => a,
        _ if question.required => {
            return Err(FieldError::new(
                id,
                "required",
                required_message(&question.kind, words),
            ));
        }
        _ => return Ok(()),
    };
    let options = question.kind.options();
    let known = |choice: &str| options.iter().any(|o| o.id == choice);
    match (&question.kind, answer) {
        (_, Answer::DontKnow) if question.allow_dont_know => Ok(()),
        (_, Answer::RatherNotSay) if question.allow_rather_not_say => Ok(()),
        (_, Answer::DontKnow | Answer::RatherNotSay) => {
            Err(FieldError::new(id, "not_offered", words.not_offered))
        }
        (
            QuestionKind::SingleChoice { .. } | QuestionKind::YesNo | QuestionKind::AnsweredHow,
            Answer::Choice(choice),
        ) => {
            if known(choice) {
                Ok(())
            } else {
                Err(FieldError::new(id, "unknown_option", words.choose_shown))
            }
        }
        (QuestionKind::MultipleChoice { max, .. }, Answer::Choices(choices)) => {
            if let Some(bad) = choices.iter().find(|c| !known(c)) {
                return Err(FieldError::new(
                    id,
                    "unknown_option",
                    (words.not_one_shown)(bad),
                ));
            }
            let mut distinct = choices.clone();
            distinct.sort();
            distinct.dedup();
            if distinct.len() != choices.len() {
                return Err(FieldError::new(id, "duplicate_option", words.each_once));
            }
            match max {
                Some(max) if choices.len() > *max as usize => {
                    Err(FieldError::new(id, "too_many", (words.choose_up_to)(*max)))
                }
                _ => Ok(()),
            }
        }
        (QuestionKind::Faces { .. } | QuestionKind::Agreement, Answer::Scale(value)) => {
            let top = question.kind.scale().len() as u8;
            if (1..=top).contains(value) {
                Ok(())
            } else {
                Err(FieldError::new(id, "out_of_range", (words.point_from)(top)))
            }
        }
        (QuestionKind::Ranking { .. }, Answer::Choices(order)) => {
            let mut given = order.clone();
            given.sort();
            let mut all: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
            all.sort();
            if given == all {
                Ok(())
            } else {
                Err(FieldError::new(
                    id,
                    "incomplete_ranking",
                    words.rank_each_once,
                ))
            }
        }
        (QuestionKind::Number { min, max, unit }, Answer::Number(n)) => {
            let unit = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            match (min, max) {
                (Some(lo), Some(hi)) if n < lo || n > hi => Err(FieldError::new(
                    id,
                    "out_of_range",
                    (words.number_between)(*lo, *hi, &unit),
                )),
                (Some(lo), _) if n < lo => Err(FieldError::new(
                    id,
                    "out_of_range",
                    (words.number_at_least)(*lo, &unit),
                )),
                (_, Some(hi)) if n > hi => Err(FieldError::new(
                    id,
                    "out_of_range",
                    (words.number_at_most)(*hi, &unit),
                )),
                _ => Ok(()),
            }
        }
        // The app sends what was typed when it is not a whole number, to be told so here.
        (QuestionKind::Number { .. }, Answer::Text(_)) => {
            Err(FieldError::new(id, "not_a_number", words.whole_number))
        }
        (QuestionKind::FreeText { max_graphemes }, Answer::Text(text)) => match max_graphemes {
            // No more bytes than the limit means no more graphemes: skip counting.
            Some(max) if text.len() > *max as usize && grapheme_count(text) > *max as usize => Err(
                FieldError::new(id, "too_long", (words.too_long)(*max, grapheme_count(text))),
            ),
            _ => Ok(()),
        },
        _ => Err(FieldError::new(id, "wrong_type", words.wrong_type)),
    }
}

/// Checks a whole set of answers: every problem, in question order, unknown questions last.
/// Questions not asked (their condition unmet) must not be answered, and are never required.
pub fn validate_answers(survey: &Survey, answers: &Answers) -> Result<(), Vec<FieldError>> {
    validate_answers_in(survey, answers, Language::English.words())
}

/// [`validate_answers`] with messages in `words`' language.
pub fn validate_answers_in(
    survey: &Survey,
    answers: &Answers,
    words: &Words,
) -> Result<(), Vec<FieldError>> {
    let mut errors: Vec<FieldError> = survey
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            if survey.is_shown(i, answers) {
                validate_answer_in(q, answers.get(&q.id), words).err()
            } else if answers.get(&q.id).is_some_and(|a| !is_blank(a)) {
                Some(FieldError::new(&q.id, "not_shown", words.not_asked))
            } else {
                None
            }
        })
        .collect();
    errors.extend(
        answers
            .keys()
            .filter(|id| survey.question(id).is_none())
            .map(|id| FieldError::new(id, "unknown_question", (words.no_such_question)(id))),
    );
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// An answer in English words, as the participant saw it: for check-your-answers and exports.
pub fn describe_answer(question: &Question, answer: &Answer) -> String {
    describe_answer_in(question, answer, Language::English.words())
}

/// An answer in the words of `words`' language (the question already in that language).
pub fn describe_answer_in(question: &Question, answer: &Answer, words: &'static Words) -> String {
    let option_label = |id: &str| {
        question
            .kind
            .options_in(words)
            .into_iter()
            .find(|o| o.id == id)
            .map(|o| o.label)
            .unwrap_or_else(|| id.to_string())
    };
    match answer {
        Answer::Choice(id) => option_label(id),
        Answer::Choices(ids) if matches!(question.kind, QuestionKind::Ranking { .. }) => ids
            .iter()
            .enumerate()
            .map(|(i, id)| format!("{}. {}", i + 1, option_label(id)))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Choices(ids) => ids
            .iter()
            .map(|id| option_label(id))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Number(n) => match &question.kind {
            QuestionKind::Number {
                unit: Some(unit), ..
            } => format!("{n} {unit}"),
            _ => n.to_string(),
        },
        Answer::Scale(value) => question
            .kind
            .scale_in(words)
            .into_iter()
            .find(|(v, _)| v == value)
            .map(|(_, label)| label.to_string())
            .unwrap_or_else(|| value.to_string()),
        Answer::Text(text) => text.clone(),
        Answer::DontKnow => words.dont_know.to_string(),
        Answer::RatherNotSay => words.rather_not_say.to_string(),
    }
}

/// The answers to the questions actually asked: answers left behind by a changed earlier
/// answer are dropped.
pub fn shown_answers(survey: &Survey, answers: &Answers) -> Answers {
    survey
        .shown(answers)
        .into_iter()
        .filter_map(|i| {
            let id = &survey.questions[i].id;
            answers.get(id).map(|a| (id.clone(), a.clone()))
        })
        .collect()
}

/// The answers worth keeping: blank ones dropped, text trimmed.
pub fn normalise(answers: &Answers) -> Answers {
    answers
        .iter()
        .filter(|(_, a)| !is_blank(a))
        .map(|(id, a)| {
            let a = match a {
                Answer::Text(text) => Answer::Text(text.trim().to_string()),
                other => other.clone(),
            };
            (id.clone(), a)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{Audience, Choice};

    fn q(id: &str, required: bool, kind: QuestionKind) -> Question {
        Question {
            id: id.into(),
            text: "Question".into(),
            hint: None,
            easy_read: None,
            required,
            allow_dont_know: id == "dk",
            allow_rather_not_say: false,
            show_if: None,
            kind,
        }
    }

    fn survey() -> Survey {
        Survey {
            id: "s".into(),
            audience: Audience::ChildrenAndYoungPeople,
            title: "S".into(),
            intro: String::new(),
            child_mode: true,
            translations: Default::default(),
            questions: vec![
                q("feel", true, QuestionKind::Faces { points: 3 }),
                q(
                    "say",
                    false,
                    QuestionKind::FreeText {
                        max_graphemes: Some(5),
                    },
                ),
                q(
                    "pick",
                    false,
                    QuestionKind::MultipleChoice {
                        options: vec![
                            Choice::new("a", "A"),
                            Choice::new("b", "B"),
                            Choice::new("c", "C"),
                        ],
                        max: Some(2),
                    },
                ),
                q("dk", true, QuestionKind::YesNo),
            ],
        }
    }

    fn codes(answers: Answers) -> Vec<(String, String)> {
        match validate_answers(&survey(), &answers) {
            Ok(()) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
        }
    }

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn complete_answers_pass() {
        let a = answers(&[
            ("feel", Answer::Scale(3)),
            ("say", Answer::Text("héllo".into())),
            ("pick", Answer::Choices(vec!["a".into(), "c".into()])),
            ("dk", Answer::DontKnow),
        ]);
        assert_eq!(codes(a), vec![]);
    }

    #[test]
    fn required_questions_must_be_answered_and_blank_counts_as_missing() {
        let a = answers(&[("say", Answer::Text("   ".into()))]);
        assert_eq!(
            codes(a),
            vec![
                ("feel".into(), "required".into()),
                ("dk".into(), "required".into())
            ]
        );
    }

    #[test]
    fn each_rule_has_its_own_code() {
        let a = answers(&[
            ("feel", Answer::Scale(4)),
            ("say", Answer::Text("toolong".into())),
            (
                "pick",
                Answer::Choices(vec!["a".into(), "b".into(), "c".into()]),
            ),
            ("dk", Answer::Choice("maybe".into())),
            ("ghost", Answer::Scale(1)),
        ]);
        assert_eq!(
            codes(a),
            vec![
                ("feel".into(), "out_of_range".into()),
                ("say".into(), "too_long".into()),
                ("pick".into(), "too_many".into()),
                ("dk".into(), "unknown_option".into()),
                ("ghost".into(), "unknown_question".into()),
            ]
        );
    }

    #[test]
    fn wrong_types_and_unoffered_answers_are_refused() {
        let a = answers(&[
            ("feel", Answer::Text("happy".into())),
            ("pick", Answer::Choices(vec!["a".into(), "a".into()])),
            ("dk", Answer::RatherNotSay),
        ]);
        assert_eq!(
            codes(a),
            vec![
                ("feel".into(), "wrong_type".into()),
                ("pick".into(), "duplicate_option".into()),
                ("dk".into(), "not_offered".into()),
            ]
        );
    }

    #[test]
    fn length_limits_count_graphemes_not_bytes() {
        // Five graphemes, many more bytes and code points: a family emoji and accents.
        let text = "👨‍👩‍👧é🙂ñü";
        assert_eq!(grapheme_count(text), 5);
        let question = q(
            "say",
            false,
            QuestionKind::FreeText {
                max_graphemes: Some(5),
            },
        );
        assert!(validate_answer(&question, Some(&Answer::Text(text.into()))).is_ok());
        let longer = format!("{text}!");
        let err = validate_answer(&question, Some(&Answer::Text(longer))).unwrap_err();
        assert_eq!(
            err.message,
            "Your answer must be 5 characters or fewer (it has 6)"
        );
    }

    #[test]
    fn questions_not_asked_are_not_required_and_must_not_be_answered() {
        let mut s = survey();
        s.questions[1].required = true;
        s.questions[1].show_if = Some(crate::survey::ShowIf {
            question: "feel".into(),
            any_of: vec!["1".into()],
        });
        let happy = answers(&[("feel", Answer::Scale(3)), ("dk", Answer::DontKnow)]);
        assert_eq!(
            validate_answers(&s, &happy),
            Ok(()),
            "a hidden required question is not required"
        );
        let mut stale = happy.clone();
        stale.insert("say".into(), Answer::Text("left over".into()));
        let errors = validate_answers(&s, &stale).unwrap_err();
        assert_eq!(
            (errors[0].field.as_str(), errors[0].code.as_str()),
            ("say", "not_shown")
        );
        assert_eq!(
            shown_answers(&s, &stale),
            happy,
            "left-over answers are dropped before sending"
        );
        let sad = answers(&[("feel", Answer::Scale(1)), ("dk", Answer::DontKnow)]);
        assert_eq!(validate_answers(&s, &sad).unwrap_err()[0].code, "required");
    }

    #[test]
    fn answers_are_described_in_the_words_shown() {
        let s = survey();
        assert_eq!(
            describe_answer(s.question("feel").unwrap(), &Answer::Scale(3)),
            "Happy"
        );
        assert_eq!(
            describe_answer(
                s.question("pick").unwrap(),
                &Answer::Choices(vec!["a".into(), "c".into()])
            ),
            "A, C"
        );
        assert_eq!(
            describe_answer(
                s.question("dk").unwrap(),
                &Answer::Choice("not_sure".into())
            ),
            "Not sure"
        );
        assert_eq!(
            describe_answer(s.question("dk").unwrap(), &Answer::DontKnow),
            "I don't know"
        );
    }

    #[test]
    fn normalise_drops_blanks_and_trims() {
        let a = answers(&[
            ("say", Answer::Text("  hi  ".into())),
            ("pick", Answer::Choices(vec![])),
            ("feel", Answer::Scale(2)),
        ]);
        let n = normalise(&a);
        assert_eq!(n.len(), 2);
        assert_eq!(n["say"], Answer::Text("hi".into()));
    }

    #[test]
    fn answers_serialise_as_tagged_values() {
        let json = serde_json::to_string(&Answer::Scale(3)).unwrap();
        assert_eq!(json, r#"{"type":"scale","value":3}"#);
        let dk: Answer = serde_json::from_str(r#"{"type":"dont_know"}"#).unwrap();
        assert_eq!(dk, Answer::DontKnow);
    }
}

/// Letters and digits of receipt codes: Crockford's base 32, which leaves out I, L, O and U
/// so that codes read aloud or copied by hand survive.
const RECEIPT_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `n` characters of Crockford's base 32 from the low bits of `bits`.
pub(crate) fn crockford(bits: u128, n: usize) -> String {
    (0..n)
        .rev()
        .map(|i| RECEIPT_ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect()
}

/// A typed Crockford code of `n` characters in its canonical form, forgiving case, spaces,
/// dashes and the letters people confuse with digits; None if it cannot be such a code.
pub(crate) fn normalise_crockford(input: &str, n: usize) -> Option<String> {
    let mut chars = String::new();
    for c in input.chars().filter(|c| !c.is_whitespace() && *c != '-') {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !RECEIPT_ALPHABET.contains(&(c as u8)) {
            return None;
        }
        chars.push(c);
    }
    (chars.len() == n).then_some(chars)
}

/// The short code a participant can keep to withdraw their answers: 40 random bits of the
/// response's id, as `ABCD-EFGH`. The id is random and known only to the device and server.
pub fn receipt_code(id: Uuid) -> String {
    let chars = crockford(id.as_u128() & ((1u128 << 40) - 1), 8);
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// A typed receipt code in its canonical form, forgiving case, spaces, dashes and the
/// letters people confuse with digits; None if it cannot be a code.
pub fn normalise_receipt(input: &str) -> Option<String> {
    normalise_crockford(input, 8).map(|chars| format!("{}-{}", &chars[..4], &chars[4..]))
}

#[cfg(test)]
mod ranking_and_number_tests {
    use super::*;
    use crate::survey::Choice;

    fn question(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            text: "Q".into(),
            hint: None,
            easy_read: None,
            required: true,
            allow_dont_know: false,
            allow_rather_not_say: false,
            show_if: None,
            kind,
        }
    }

    #[test]
    fn a_ranking_orders_every_option_once() {
        let q = question(QuestionKind::Ranking {
            options: vec![
                Choice::new("a", "Alpha"),
                Choice::new("b", "Beta"),
                Choice::new("c", "Gamma"),
            ],
        });
        let order = |ids: &[&str]| Answer::Choices(ids.iter().map(|s| s.to_string()).collect());
        assert_eq!(validate_answer(&q, Some(&order(&["c", "a", "b"]))), Ok(()));
        for bad in [&["a", "b"][..], &["a", "a", "b"], &["a", "b", "x"]] {
            assert_eq!(
                validate_answer(&q, Some(&order(bad))).unwrap_err().code,
                "incomplete_ranking",
                "{bad:?}"
            );
        }
        assert_eq!(validate_answer(&q, None).unwrap_err().code, "required");
        assert_eq!(
            describe_answer(&q, &order(&["c", "a", "b"])),
            "1. Gamma, 2. Alpha, 3. Beta"
        );
    }

    #[test]
    fn numbers_are_whole_and_within_the_limits() {
        let q = question(QuestionKind::Number {
            min: Some(0),
            max: Some(52),
            unit: Some("sessions".into()),
        });
        assert_eq!(validate_answer(&q, Some(&Answer::Number(6))), Ok(()));
        let err = validate_answer(&q, Some(&Answer::Number(60))).unwrap_err();
        assert_eq!(
            (err.code.as_str(), err.message.as_str()),
            ("out_of_range", "Enter a number from 0 to 52 sessions")
        );
        assert_eq!(
            validate_answer(&q, Some(&Answer::Text("six".into())))
                .unwrap_err()
                .code,
            "not_a_number"
        );
        assert_eq!(describe_answer(&q, &Answer::Number(6)), "6 sessions");
        let open = question(QuestionKind::Number {
            min: Some(1),
            max: None,
            unit: None,
        });
        assert_eq!(
            validate_answer(&open, Some(&Answer::Number(0)))
                .unwrap_err()
                .message,
            "Enter a number of at least 1"
        );
        let backwards = crate::survey::Survey {
            id: "s".into(),
            audience: crate::Audience::ParentsAndCarers,
            title: "T".into(),
            intro: String::new(),
            child_mode: false,
            translations: Default::default(),
            questions: vec![question(QuestionKind::Number {
                min: Some(5),
                max: Some(1),
                unit: None,
            })],
        };
        assert_eq!(
            backwards.validate().unwrap_err()[0].path,
            "questions[0].max"
        );
    }
}

#[cfg(test)]
mod receipt_tests {
    use super::*;

    #[test]
    fn receipt_codes_are_short_and_forgiving_to_type() {
        let id = Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0);
        let code = receipt_code(id);
        assert_eq!(code.len(), 9);
        assert_eq!(normalise_receipt(&code).as_deref(), Some(code.as_str()));
        let typed = code
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(normalise_receipt(&typed).as_deref(), Some(code.as_str()));
        assert_eq!(normalise_receipt("ABCD-EFG"), None);
        assert_eq!(
            normalise_receipt("ABCD-EFGU"),
            None,
            "U is not in the alphabet"
        );
        assert_eq!(normalise_receipt("ÀBCD-EFGH"), None);
        assert_ne!(
            receipt_code(Uuid::from_u128(1)),
            receipt_code(Uuid::from_u128(2))
        );
    }
}
