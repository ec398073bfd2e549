//! Finding personal data in free text (names after cues like "my son is", email
//! addresses, UK phone numbers, postcodes, school names) and redacting it from
//! anything published or exported for others.

use crate::language::Words;
use serde::{Deserialize, Serialize};

/// Flag on an answer where personal data was found: redacted in anything shared.
pub const FLAG_PERSONAL_DATA: &str = "personal-data";

/// What kind of personal data was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Name,
    Email,
    Phone,
    Postcode,
    School,
}

impl Kind {
    /// What replaces it in redacted text.
    pub fn placeholder(self) -> &'static str {
        match self {
            Kind::Name => "[name removed]",
            Kind::Email => "[email removed]",
            Kind::Phone => "[phone number removed]",
            Kind::Postcode => "[postcode removed]",
            Kind::School => "[school removed]",
        }
    }
}

/// One piece of personal data: its kind and byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// People whose names often follow "my ...".
const RELATIONS: &[&str] = &[
    "son",
    "daughter",
    "child",
    "boy",
    "girl",
    "baby",
    "brother",
    "sister",
    "therapist",
    "teacher",
    "physio",
    "physiotherapist",
    "ot",
    "salt",
    "senco",
    "ta",
    "assistant",
    "consultant",
    "paediatrician",
    "doctor",
    "nurse",
    "friend",
    "husband",
    "wife",
    "partner",
    "mum",
    "dad",
    "grandson",
    "granddaughter",
    "key",
    "worker",
];

/// Capitalised words after a cue that are not names.
const NOT_NAMES: &[&str] = &[
    "I",
    "He",
    "She",
    "They",
    "It",
    "We",
    "The",
    "A",
    "An",
    "And",
    "But",
    "So",
    "Is",
    "Has",
    "Was",
    "Who",
    "Now",
    "Autistic",
    "Deaf",
    "Blind",
    "Happy",
    "Sad",
    "Nonverbal",
    "Non",
    "Very",
    "Really",
    "Also",
    "Still",
    "Not",
    "Always",
    "Never",
    "Amazing",
    "Great",
    "Good",
    "Brilliant",
    "Lovely",
    "In",
    "At",
    "On",
    "With",
    "Year",
    "Mr",
    "Mrs",
    "Miss",
    "Ms",
    "Dr",
    "Speech",
    "Occupational",
    "Physio",
    "OT",
    "SALT",
    "SEN",
    "SENCo",
    "EHCP",
    "NHS",
    "Reception",
    "Nursery",
    "School",
    "College",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
];

const TITLES: &[&str] = &["mr", "mrs", "miss", "ms", "dr", "mx"];

const SCHOOL_WORDS: &[&str] = &[
    "Primary",
    "Secondary",
    "Infant",
    "Infants",
    "Junior",
    "Juniors",
    "High",
    "Academy",
    "School",
    "College",
    "Nursery",
    "Grammar",
];

/// A word with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Words split on white space, with surrounding punctuation trimmed (kept in the range out).
fn split(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let raw = &text[s..i];
                let trimmed =
                    raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '+');
                if !trimmed.is_empty() {
                    let offset = raw.find(trimmed).unwrap_or(0);
                    out.push(Word {
                        text: trimmed,
                        start: s + offset,
                        end: s + offset + trimmed.len(),
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .skip(1)
            .all(|c| c.is_lowercase() || c == '\'' || c == '-')
        && word.chars().count() > 1
}

fn is_name(word: &str) -> bool {
    capitalised(word) && !NOT_NAMES.contains(&word)
}

fn is_email(word: &str) -> bool {
    let Some((local, domain)) = word.split_once('@') else {
        return false;
    };
    !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
}

/// UK postcodes: outward code (A9, A99, A9A, AA9, AA99, AA9A), then inward code (9AA).
fn is_postcode(outward: &str, inward: &str) -> bool {
    if inward.len() != 3
        || !(2..=4).contains(&outward.len())
        || !outward.is_ascii()
        || !inward.is_ascii()
    {
        return false;
    }
    let o: Vec<char> = outward.to_ascii_uppercase().chars().collect();
    let i: Vec<char> = inward.to_ascii_uppercase().chars().collect();
    let inward_ok = i.len() == 3
        && i[0].is_ascii_digit()
        && i[1].is_ascii_alphabetic()
        && i[2].is_ascii_alphabetic();
    let l = |c: &char| c.is_ascii_alphabetic();
    let d = |c: &char| c.is_ascii_digit();
    let outward_ok = match o.len() {
        2 => l(&o[0]) && d(&o[1]),
        3 => l(&o[0]) && ((d(&o[1]) && (d(&o[2]) || l(&o[2]))) || (l(&o[1]) && d(&o[2]))),
        4 => l(&o[0]) && l(&o[1]) && d(&o[2]) && (d(&o[3]) || l(&o[3])),
        _ => false,
    };
    inward_ok && outward_ok
}

/// Phone numbers: 10 or 11 digits starting 0, or +44 and 9 or 10 more, allowing spaces,
/// dashes and brackets between digits.
fn phone_numbers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i] == b'0'
            || (bytes[i] == b'+' && text[i..].starts_with("+44"))
            || bytes[i] == b'(';
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if starts && boundary {
            let mut j = i;
            let mut digits = String::new();
            let mut end = i;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || b" -()+".contains(&bytes[j])) {
                if bytes[j].is_ascii_digit() {
                    digits.push(bytes[j] as char);
                    end = j + 1;
                }
                j += 1;
            }
            let national = if let Some(rest) = digits.strip_prefix("44") {
                format!("0{rest}")
            } else {
                digits.clone()
            };
            if national.starts_with('0') && (10..=11).contains(&national.len()) {
                found.push((i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Finds personal data; `schools` are known school names to look for as well.
pub fn find(text: &str, schools: &[String]) -> Vec<Found> {
    let words = split(text);
    let mut found = Vec::new();
    let mut push = |kind, start, end| found.push(Found { kind, start, end });

    for (i, w) in words.iter().enumerate() {
        if is_email(w.text) {
            push(Kind::Email, w.start, w.end);
        }
        if let Some(next) = words.get(i + 1)
            && is_postcode(w.text, next.text)
        {
            push(Kind::Postcode, w.start, next.end);
        }
        // Only cue words need a lower-case copy.
        let lower = if w.text.len() <= 16 {
            w.text.to_ascii_lowercase()
        } else {
            String::new()
        };
        // Names after cues: "called Sam", "named Sam", "name is Sam", "Mrs Patel",
        // "my son Sam", "my son is Sam", "my son's therapist, Amy".
        let after = |k: usize| words.get(k).filter(|n| is_name(n.text));
        let mut name_at = None;
        if matches!(lower.as_str(), "called" | "named") || TITLES.contains(&lower.as_str()) {
            name_at = after(i + 1).map(|_| i + 1);
        } else if lower == "name"
            && words
                .get(i + 1)
                .is_some_and(|n| n.text.eq_ignore_ascii_case("is"))
        {
            name_at = after(i + 2).map(|_| i + 2);
        } else if i > 0
            && words[i - 1].text.eq_ignore_ascii_case("my")
            && RELATIONS.contains(&lower.trim_end_matches("'s"))
        {
            if after(i + 1).is_some() {
                name_at = Some(i + 1);
            } else if words
                .get(i + 1)
                .is_some_and(|n| n.text.eq_ignore_ascii_case("is"))
                && after(i + 2).is_some()
            {
                name_at = Some(i + 2);
            }
        }
        if let Some(k) = name_at {
            let mut end = k;
            // A surname too: "Sam Jones".
            if after(k + 1).is_some() && !words[k].text.ends_with(',') {
                end = k + 1;
            }
            push(Kind::Name, words[k].start, words[end].end);
        }
        // "St Mary's Primary", "Oakfield Academy": capitalised words ending in a school word.
        if SCHOOL_WORDS.contains(&w.text)
            && i > 0
            && capitalised(words[i - 1].text)
            && !SCHOOL_WORDS.contains(&words[i - 1].text)
        {
            let mut k = i - 1;
            while k > 0
                && (capitalised(words[k - 1].text) || words[k - 1].text == "St")
                && !NOT_NAMES.contains(&words[k - 1].text)
            {
                k -= 1;
            }
            if !NOT_NAMES.contains(&words[k].text) || k < i - 1 {
                let first = if NOT_NAMES.contains(&words[k].text) {
                    k + 1
                } else {
                    k
                };
                push(Kind::School, words[first].start, w.end);
            }
        }
    }
    for (start, end) in phone_numbers(text) {
        push(Kind::Phone, start, end);
    }
    let lower = text.to_lowercase();
    for school in schools.iter().filter(|s| !s.trim().is_empty()) {
        let needle = school.trim().to_lowercase();
        let mut from = 0;
        while let Some(at) = lower[from..].find(&needle) {
            let start = from + at;
            // Lower-casing can change byte lengths; only trust ASCII-stable matches.
            if text.is_char_boundary(start) && text.is_char_boundary(start + needle.len()) {
                push(Kind::School, start, start + needle.len());
            }
            from = start + needle.len();
        }
    }
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    // Drop any range inside an earlier one.
    let mut merged: Vec<Found> = Vec::new();
    for f in found {
        match merged.last_mut() {
            Some(last) if f.start < last.end => last.end = last.end.max(f.end),
            _ => merged.push(f),
        }
    }
    merged
}

/// The text with every piece of personal data replaced by a placeholder.
pub fn redact(text: &str, found: &[Found]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in found {
        if f.start < at || f.end > text.len() {
            continue;
        }
        out.push_str(&text[at..f.start]);
        out.push_str(f.kind.placeholder());
        at = f.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redacted(text: &str) -> String {
        redact(text, &find(text, &["Oakwood Park".to_string()]))
    }

    #[test]
    fn names_after_cues_are_removed() {
        assert_eq!(
            redacted("My son Alfie loves his OT"),
            "My son [name removed] loves his OT"
        );
        assert_eq!(
            redacted("my daughter is Grace and she is 7"),
            "my daughter is [name removed] and she is 7"
        );
        assert_eq!(
            redacted("Her therapist is called Amy Jones."),
            "Her therapist is called [name removed]."
        );
        assert_eq!(
            redacted("We saw Mrs Patel twice"),
            "We saw Mrs [name removed] twice"
        );
    }

    #[test]
    fn words_that_are_also_names_are_left_alone_without_a_cue_or_capital() {
        assert_eq!(
            redacted("My son is happy at school"),
            "My son is happy at school"
        );
        assert_eq!(
            redacted("My son is Autistic and non-verbal"),
            "My son is Autistic and non-verbal"
        );
        assert_eq!(
            redacted("We hope Grace Street clinic stays open"),
            "We hope Grace Street clinic stays open"
        );
        assert_eq!(redacted("my son has therapy"), "my son has therapy");
    }

    #[test]
    fn emails_phones_and_postcodes_are_removed() {
        assert_eq!(
            redacted("email me at jo.bloggs@example.org please"),
            "email me at [email removed] please"
        );
        assert_eq!(
            redacted("call 07700 900123 any time"),
            "call [phone number removed] any time"
        );
        assert_eq!(
            redacted("or (020) 7946 0018."),
            "or [phone number removed]."
        );
        assert_eq!(
            redacted("ring +44 7700 900123"),
            "ring [phone number removed]"
        );
        assert_eq!(
            redacted("we live in KT1 2AB near the clinic"),
            "we live in [postcode removed] near the clinic"
        );
        assert_eq!(redacted("postcode sw1a 1aa"), "postcode [postcode removed]");
        assert_eq!(
            redacted("He is 12 and waited 18 months"),
            "He is 12 and waited 18 months"
        );
        assert_eq!(redacted("year 2020 to 2021"), "year 2020 to 2021");
    }

    #[test]
    fn schools_are_removed_by_pattern_and_from_the_list() {
        assert_eq!(
            redacted("He goes to St Mary's Primary"),
            "He goes to [school removed]"
        );
        assert_eq!(
            redacted("the staff at Hillside Academy are great"),
            "the staff at [school removed] are great"
        );
        assert_eq!(
            redacted("at oakwood park they help"),
            "at [school removed] they help"
        );
        assert_eq!(redacted("In Reception class"), "In Reception class");
    }

    #[test]
    fn nothing_found_leaves_text_as_it_was() {
        let text = "The waiting list is too long 🙁";
        assert!(find(text, &[]).is_empty());
        assert_eq!(redact(text, &[]), text);
    }
}

/// What a question seems to ask for that a consultation should not collect, with what to
/// do instead; None when it looks fine. Used by the survey builder as a warning.
pub fn question_warning(text: &str) -> Option<&'static str> {
    let lower = format!(
        " {} ",
        text.to_lowercase()
            .replace(['?', ',', '.', '!', '(', ')'], " ")
    );
    let has = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
    if has(&[
        " your name",
        " child's name",
        "childs name",
        " full name",
        " first name",
        " surname",
    ]) {
        return Some(
            "This seems to ask for a name. Tellus is anonymous: please do not collect names.",
        );
    }
    if has(&[
        "date of birth",
        " birthday",
        " dob ",
        " born on",
        " how old ",
    ]) {
        return Some(
            "This seems to ask for a date of birth or exact age. Ask for an age band instead, like 11 to 15.",
        );
    }
    if has(&[
        " address",
        " postcode",
        " post code",
        "where do you live",
        " email",
        " phone number",
        " mobile number",
        " nhs number",
    ]) {
        return Some(
            "This seems to ask for contact details or an identifier. Please do not collect them.",
        );
    }
    if has(&[
        "which school",
        "what school",
        "name of your school",
        "school's name",
        "school name",
        "school do you go",
    ]) {
        return Some(
            "This seems to ask which school. A school can identify a child: ask about the type of setting instead.",
        );
    }
    if has(&[
        " diagnos",
        " condition do",
        " conditions do",
        " medical condition",
    ]) {
        return Some(
            "This seems to ask for a diagnosis, which is health information. Ask only if you truly need it, as an optional choice of broad groups.",
        );
    }
    None
}

/// Warnings for every question of a survey that seems to ask for personal data, by path.
pub fn survey_warnings(survey: &crate::Survey) -> Vec<crate::survey::DefinitionProblem> {
    survey
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            question_warning(&q.text).map(|w| {
                crate::survey::DefinitionProblem::new(
                    format!("questions[{i}].text"),
                    format!("Question {}: {w}", i + 1),
                )
            })
        })
        .collect()
}

/// A section of a privacy notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeSection {
    pub heading: String,
    pub text: String,
}

/// The privacy notice shown at the start of a survey: what is collected, why, who sees it,
/// how long it is kept and who to contact, in `words`' language. Child-friendly for children's surveys.
pub fn notice(page: &crate::api::SurveyPage, words: &Words) -> Vec<NoticeSection> {
    let section = |heading: &str, text: String| NoticeSection {
        heading: heading.into(),
        text,
    };
    let kept = match page.retention_months {
        Some(m) => (words.kept_for_months)(m),
        None => words.kept_as_needed.into(),
    };
    let contact = page
        .privacy_contact
        .clone()
        .unwrap_or_else(|| (words.ask_who_gave_survey)(&page.who_is_asking));
    let fixed = |s: &crate::language::NoticeWords| section(s.heading, s.text.into());
    if page.survey.child_mode {
        vec![
            fixed(&words.notice_child_keep),
            section(words.notice_why, words.notice_child_why.into()),
            section(words.notice_who_sees, words.notice_child_who_sees.into()),
            section(words.notice_how_long, (words.notice_child_how_long)(&kept)),
            fixed(&words.notice_child_changed_mind),
        ]
    } else {
        vec![
            fixed(&words.notice_what_we_collect),
            section(words.notice_why, page.purpose.clone()),
            section(
                words.notice_who_sees,
                format!("{} {}", page.who_is_asking, words.notice_who_sees_text),
            ),
            section(words.notice_how_long, (words.notice_how_long_text)(&kept)),
            fixed(&words.notice_choices),
            section(words.notice_contact, contact),
        ]
    }
}

#[cfg(test)]
mod question_tests {
    use super::*;

    #[test]
    fn questions_asking_for_personal_data_get_a_warning() {
        for text in [
            "What is your child's name?",
            "What is your date of birth?",
            "How old are you?",
            "What is your postcode?",
            "Which school do you go to?",
            "What is your email?",
            "What is your child's diagnosis?",
        ] {
            assert!(question_warning(text).is_some(), "{text}");
        }
        for text in [
            "How do you feel about your therapy sessions?",
            "Does therapy happen in school time?",
            "What age group are you in?",
            "Did someone help you answer?",
            "Do you know the name of the service?",
        ] {
            assert_eq!(question_warning(text), None, "{text}");
        }
    }
}
