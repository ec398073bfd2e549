//! Numbers that identify someone: UK phone numbers, NHS numbers and dates of birth.

use super::words::Word;

/// Runs of digits with the separators people type between them (spaces, dashes, dots,
/// brackets), as (start, end, digits).
fn digit_runs(text: &str, separators: &[u8]) -> Vec<(usize, usize, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let begins = bytes[i].is_ascii_digit()
            || (bytes[i] == b'+' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
            || (bytes[i] == b'(' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if !(begins && boundary) {
            i += 1;
            continue;
        }
        let (mut j, mut end) = (i, i);
        let mut digits = String::new();
        while j < bytes.len() && (bytes[j].is_ascii_digit() || separators.contains(&bytes[j])) {
            if bytes[j].is_ascii_digit() {
                digits.push(bytes[j] as char);
                end = j + 1;
            } else if bytes[j] == b' '
                && bytes
                    .get(j + 1)
                    .is_some_and(|b| !b.is_ascii_digit() && *b != b'(')
            {
                break;
            }
            j += 1;
        }
        // A letter straight after the digits makes it something else ("3rd", "10am").
        if bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
            i = j.max(i + 1);
            continue;
        }
        out.push((i, end, digits));
        i = j.max(i + 1);
    }
    out
}

/// UK phone numbers: 10 or 11 digits starting 0, or +44 (or 0044) and the rest, in any
/// spacing: "07700 900123", "+44 7700 900123", "(029) 2087 1234", "0161-496-0000".
pub(super) fn phones(text: &str) -> Vec<(usize, usize)> {
    digit_runs(text, b" -().+")
        .into_iter()
        .filter(|(start, _, digits)| {
            let national = if let Some(rest) = digits.strip_prefix("0044") {
                format!("0{rest}")
            } else if text[*start..].starts_with('+') {
                match digits.strip_prefix("44") {
                    Some(rest) => format!("0{}", rest.trim_start_matches('0')),
                    None => return false,
                }
            } else {
                digits.clone()
            };
            national.starts_with('0')
                && !national.starts_with("00")
                && (10..=11).contains(&national.len())
        })
        .map(|(s, e, _)| (s, e))
        .collect()
}

/// Whether ten digits are an NHS number: the modulus 11 check digit holds.
pub fn valid_nhs_number(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 10 || digits.chars().filter(char::is_ascii_digit).count() != 10 {
        return false;
    }
    let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == d[9]
}

/// NHS numbers: ten digits (any spacing) whose check digit holds.
pub(super) fn nhs_numbers(text: &str) -> Vec<(usize, usize)> {
    digit_runs(text, b" -")
        .into_iter()
        .filter(|(_, _, digits)| valid_nhs_number(digits))
        .map(|(s, e, _)| (s, e))
        .collect()
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Whether a word is a month's name.
pub(super) fn is_month(key: &str) -> bool {
    MONTHS.contains(&key.trim_end_matches('.'))
}

/// A date at word `i`: "12/03/2015", "3.4.16", "12 March 2015", "12th of March 2015",
/// "March 2015"; returns the index of its last word.
fn date_at(words: &[Word], i: usize) -> Option<usize> {
    let w = words.get(i)?;
    let numeric = |t: &str| {
        let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    };
    if numeric(w.text) {
        return Some(i);
    }
    let day = |t: &str| {
        let t = t.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        !t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit())
    };
    let year = |t: &str| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit());
    let mut k = i;
    if day(&w.key) {
        k += 1;
        if words.get(k).is_some_and(|w| w.key == "of") {
            k += 1;
        }
    }
    if !words.get(k).is_some_and(|w| is_month(&w.key)) {
        return None;
    }
    if words.get(k + 1).is_some_and(|w| year(w.text)) {
        return Some(k + 1);
    }
    (k > i).then_some(k)
}

/// Words that say a date is someone's birth: "born", "DOB", "date of birth", "birthday".
fn birth_cue(words: &[Word], i: usize) -> bool {
    let key = words[i].key.replace('.', "");
    matches!(
        key.as_str(),
        "born" | "dob" | "birthday" | "bday" | "ganwyd" | "geni"
    ) || (key == "birth" && i > 0 && words[i - 1].key == "of")
}

/// Dates of birth: a date within a few words after a word saying so.
pub(super) fn dates_of_birth(words: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        if !birth_cue(words, i) {
            continue;
        }
        for k in i + 1..(i + 5).min(words.len()) {
            if let Some(last) = date_at(words, k) {
                out.push((words[k].start, words[last].end));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone(text: &str) -> Vec<&str> {
        phones(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn phone_numbers_in_every_shape() {
        for n in [
            "07700 900123",
            "07700900123",
            "+44 7700 900123",
            "+447700900123",
            "(029) 2087 1234",
            "029 2087 1234",
            "0161-496-0000",
            "0300 123 4567",
            "01632 960 001",
            "+44 (0)7700 900123",
        ] {
            assert_eq!(phone(&format!("ring me on {n} please")), [n], "{n}");
        }
        assert!(phone("we waited 18 months and 6 weeks").is_empty());
        assert!(phone("reference 7477127826").is_empty());
        assert!(phone("it was 10am on 12 03 2024").is_empty());
    }

    #[test]
    fn nhs_numbers_need_their_check_digit() {
        assert!(valid_nhs_number("9434765919"));
        assert!(!valid_nhs_number("9434765918"));
        let text = "NHS 943 476 5919, ref 943-476-5918, or 943-476-5919";
        let found: Vec<&str> = nhs_numbers(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(found, ["943 476 5919", "943-476-5919"]);
    }

    #[test]
    fn dates_of_birth_after_a_cue_only() {
        let find = |t: &'static str| -> Vec<&'static str> {
            let w = super::super::words::words(t);
            dates_of_birth(&w)
                .into_iter()
                .map(|(s, e)| &t[s..e])
                .collect()
        };
        assert_eq!(find("he was born on 12/03/2015 at home"), ["12/03/2015"]);
        assert_eq!(find("DOB: 3rd March 2016"), ["3rd March 2016"]);
        assert_eq!(find("date of birth 4.6.17"), ["4.6.17"]);
        assert!(find("the review is on 12/03/2025").is_empty());
    }
}
