//! Where someone can be found: email addresses, postcodes, street addresses and schools.

use super::words::Word;

/// Whether a word is an email address.
pub(super) fn is_email(word: &str) -> bool {
    let Some((local, domain)) = word.split_once('@') else {
        return false;
    };
    !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
}

/// The outward code of a UK postcode: A9, A99, A9A, AA9, AA99, AA9A.
fn outward(o: &[char]) -> bool {
    let l = |c: &char| c.is_ascii_alphabetic();
    let d = |c: &char| c.is_ascii_digit();
    match o.len() {
        2 => l(&o[0]) && d(&o[1]),
        3 => l(&o[0]) && ((d(&o[1]) && (d(&o[2]) || l(&o[2]))) || (l(&o[1]) && d(&o[2]))),
        4 => l(&o[0]) && l(&o[1]) && d(&o[2]) && (d(&o[3]) || l(&o[3])),
        _ => false,
    }
}

/// The inward code: 9AA.
fn inward(i: &[char]) -> bool {
    i.len() == 3
        && i[0].is_ascii_digit()
        && i[1].is_ascii_alphabetic()
        && i[2].is_ascii_alphabetic()
}

/// Whether one word is a whole postcode written without its space ("cf103nq").
fn postcode_word(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.len() >= 5
        && c.len() <= 7
        && w.is_ascii()
        && outward(&c[..c.len() - 3])
        && inward(&c[c.len() - 3..])
}

/// Postcodes, with or without the space, any case: "CF10 3NQ", "cf103nq", "b33 8th".
pub(super) fn postcodes(words: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let c: Vec<char> = w.text.chars().collect();
        if let Some(next) = words.get(i + 1)
            && w.text.is_ascii()
            && outward(&c)
            && inward(&next.text.chars().collect::<Vec<_>>())
            && w.then.is_none()
        {
            out.push((w.start, next.end));
        } else if postcode_word(w.text)
            // "BS1", "M1" alone are districts, not people; a whole code has letters and digits.
            && w.text.chars().any(|c| c.is_ascii_digit())
        {
            out.push((w.start, w.end));
        }
    }
    out
}

/// Words ending a street's name.
const STREETS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "close",
    "cl",
    "lane",
    "ln",
    "drive",
    "dr",
    "way",
    "crescent",
    "cres",
    "court",
    "ct",
    "grove",
    "gr",
    "place",
    "pl",
    "terrace",
    "terr",
    "gardens",
    "gdns",
    "walk",
    "view",
    "row",
    "square",
    "sq",
    "mews",
    "rise",
    "hill",
    "park",
    "parade",
    "green",
    "meadow",
    "meadows",
    "fields",
    "heights",
    "vale",
    "wharf",
    "boulevard",
    "heol",
    "stryd",
    "ffordd",
    "lon",
    "teras",
    "cilgant",
    "rhodfa",
];

/// Whether a word ends a street's name ("Lane", "Road", "Close").
pub(super) fn is_street_word(key: &str) -> bool {
    STREETS.contains(&key)
}

/// Welsh street words come first: "Heol y Nant", "Stryd y Castell".
const STREETS_FIRST: &[&str] = &[
    "heol", "stryd", "ffordd", "lon", "teras", "cilgant", "rhodfa", "maes", "bryn",
];

/// Buildings named in addresses: "Flat 12, Carlton House".
const BUILDINGS: &[&str] = &[
    "house",
    "court",
    "lodge",
    "mansions",
    "tower",
    "towers",
    "building",
    "buildings",
    "heights",
    "place",
    "view",
    "gardens",
];

/// Words before a house number: "Flat 3, 22 High St".
const UNITS: &[&str] = &["flat", "apartment", "apt", "unit", "house", "fflat"];

/// Street addresses: a house number, one to three words and a street word, perhaps after
/// a flat: "14 Maple Close", "Flat 3, 22 High St", "22 high st", "3 Heol y Deri".
pub(super) fn addresses(words: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let number = |w: &Word| {
        let t = w.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit()) && w.text.len() <= 5
    };
    for i in 0..words.len() {
        // "Flat 12, Carlton House": a flat in a named building.
        if UNITS.contains(&words[i].key.as_str()) && words.get(i + 1).is_some_and(&number) {
            let mut k = i + 2;
            while words.get(k).is_some_and(|w| w.capitalised()) && k < i + 6 {
                if BUILDINGS.contains(&words[k].key.as_str()) {
                    out.push((words[i].start, words[k].end));
                    break;
                }
                k += 1;
            }
        }
        if !number(&words[i]) || words.get(i + 1).is_some_and(&number) {
            continue;
        }
        // Welsh: "31 Heol y Nant", "8 Stryd y Castell", "5 Pen-y-Bryn, CF..."
        if let Some(next) = words.get(i + 1)
            && (STREETS_FIRST.contains(&next.key.as_str())
                || (next.capitalised() && next.key.contains('-') && next.then == Some(',')))
        {
            let mut end = i + 1;
            while end < i + 4
                && words[end].then.is_none()
                && words
                    .get(end + 1)
                    .is_some_and(|w| w.capitalised() || matches!(w.key.as_str(), "y" | "yr"))
            {
                end += 1;
            }
            out.push((words[i].start, words[end].end));
            continue;
        }
        let mut end = None;
        for (k, w) in words.iter().enumerate().take(i + 5).skip(i + 1) {
            if STREETS.contains(&w.key.as_str()) && k > i + 1 {
                end = Some(k);
                break;
            }
            // A number then ordinary lower-case words is not an address ("14 weeks ago").
            if !(w.capitalised() || w.key.len() <= 3 || w.text.chars().all(|c| c.is_lowercase())) {
                break;
            }
        }
        let Some(end) = end else { continue };
        // "6 sessions in the park" has no named street: the words between must be a name.
        let named = words[i + 1..end].iter().all(|w| {
            w.capitalised()
                || matches!(
                    w.key.as_str(),
                    "y" | "yr"
                        | "the"
                        | "de"
                        | "high"
                        | "church"
                        | "station"
                        | "mill"
                        | "new"
                        | "old"
                        | "main"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                )
        });
        let street_shout = words[end].capitalised() || words[end].shouted();
        if !named
            && !street_shout
            && !matches!(words[end].key.as_str(), "st" | "rd" | "ave" | "cl" | "gdns")
        {
            continue;
        }
        let mut start = i;
        if i >= 2 && UNITS.contains(&words[i - 2].key.as_str()) && number(&words[i - 1]) {
            start = i - 2;
        }
        out.push((words[start].start, words[end].end));
    }
    out
}

/// Words ending a school's name.
const SCHOOL_WORDS: &[&str] = &[
    "primary",
    "secondary",
    "infant",
    "infants",
    "junior",
    "juniors",
    "high",
    "academy",
    "school",
    "college",
    "nursery",
    "grammar",
    "comprehensive",
    "preschool",
    "pre-school",
];

/// Capitalised words that start sentences or describe, never a school's own name.
const NOT_SCHOOL_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "my",
    "our",
    "their",
    "at",
    "in",
    "from",
    "to",
    "and",
    "special",
    "mainstream",
    "local",
    "new",
    "old",
    "secondary",
    "primary",
    "high",
    "his",
    "year",
    "reception",
    "nursery",
    "forest",
    "summer",
    "holiday",
    "sunday",
    "this",
    "that",
    "i",
    "we",
    "he",
    "she",
    "they",
    "it",
    "but",
    "so",
];

/// Schools named in an answer: "St Mary's Primary", "Oakfield Academy", "Ysgol Gymraeg Bro
/// Taf"; `known` adds the consultation's own list of local schools.
pub(super) fn schools(words: &[Word], text: &str, known: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // Welsh: "Ysgol" and the capitalised words after it.
        if w.key == "ysgol" && w.capitalised() {
            let mut end = i;
            while words
                .get(end + 1)
                .is_some_and(|n| n.capitalised() || matches!(n.key.as_str(), "y" | "yr" | "'r"))
                && end - i < 5
            {
                end += 1;
            }
            if end > i {
                out.push((w.start, words[end].end));
            }
            continue;
        }
        if !SCHOOL_WORDS.contains(&w.key.as_str()) || i == 0 {
            continue;
        }
        let name_word = |n: &Word| {
            (n.capitalised() || n.key == "st" || n.key == "st.")
                && !NOT_SCHOOL_NAMES.contains(&n.key.as_str())
        };
        let mut k = i;
        while k > 0
            && (name_word(&words[k - 1])
                || (k < i
                    && SCHOOL_WORDS.contains(&words[k - 1].key.as_str())
                    && words[k - 1].capitalised()))
        {
            k -= 1;
            if i - k > 5 {
                break;
            }
        }
        if k < i && (w.capitalised() || words[k].capitalised()) {
            out.push((words[k].start, w.end));
        }
    }
    let lower = text.to_lowercase();
    for school in known.iter().filter(|s| !s.trim().is_empty()) {
        let needle = school.trim().to_lowercase();
        let mut from = 0;
        while let Some(at) = lower[from..].find(&needle) {
            let start = from + at;
            // Lower-casing can change byte lengths; only trust ASCII-stable matches.
            if text.is_char_boundary(start) && text.is_char_boundary(start + needle.len()) {
                out.push((start, start + needle.len()));
            }
            from = start + needle.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn spans(text: &str, f: impl Fn(&[Word]) -> Vec<(usize, usize)>) -> Vec<String> {
        let w = words(text);
        f(&w)
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn postcodes_with_or_without_the_space() {
        assert_eq!(spans("we live in CF10 3NQ now", postcodes), ["CF10 3NQ"]);
        assert_eq!(spans("post to cf103nq please", postcodes), ["cf103nq"]);
        assert_eq!(spans("near b33 8th", postcodes), ["b33 8th"]);
        assert!(spans("we waited 10 weeks", postcodes).is_empty());
    }

    #[test]
    fn street_addresses_and_not_numbers_of_things() {
        assert_eq!(
            spans("Our address is 14 Maple Close, NP20 4FG", addresses),
            ["14 Maple Close"]
        );
        assert_eq!(
            spans("Flat 3, 22 High St is ours", addresses),
            ["Flat 3, 22 High St"]
        );
        assert_eq!(spans("at 22 high st", addresses), ["22 high st"]);
        assert!(spans("we had 6 sessions in the park", addresses).is_empty());
        assert!(spans("it took 14 weeks on the waiting list", addresses).is_empty());
    }

    #[test]
    fn schools_by_their_names() {
        let s = |t: &str| {
            let w = words(t);
            schools(&w, t, &[])
                .into_iter()
                .map(|(a, b)| t[a..b].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            s("The SENCO at St Mary's Primary is great"),
            ["St Mary's Primary"]
        );
        assert_eq!(s("seen at Oakfield Academy"), ["Oakfield Academy"]);
        assert_eq!(
            s("Mae Osian yn Ysgol Gymraeg Bro Taf"),
            ["Ysgol Gymraeg Bro Taf"]
        );
        assert!(s("a special school place").is_empty());
        assert!(s("He goes to secondary school next year").is_empty());
    }
}
