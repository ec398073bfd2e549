//! People's names: first names from lists of names in use in England and Wales (in Latin
//! and Arabic script, `core/data/names/`), surnames after them, families ("the Khans"),
//! and staff after titles ("Mrs Patel", "Dr. Okafor", "Mr J").
//!
//! A name that is also an ordinary word (Will, Hope, Grace, May, Mark) is a name only
//! where the sentence says so: capitalised mid-sentence and not after "in" or "the", or
//! at the start of a sentence and followed by what a person does ("Hope is non-verbal",
//! not "Hope they bring it back"), or after a cue ("my daughter May", "called Will").

use super::words::Word;
use crate::safeguarding::arabic_normalise;
use crate::safeguarding::coverage::known_word;
use std::collections::HashSet;
use std::sync::LazyLock;

fn list(texts: &[&str]) -> HashSet<String> {
    texts
        .iter()
        .flat_map(|t| t.lines())
        .map(|l| l.trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect()
}

/// First names, including those that are also ordinary words.
static FIRST: LazyLock<HashSet<String>> = LazyLock::new(|| {
    list(&[
        include_str!("../../data/names/first_names.txt"),
        include_str!("../../data/names/census_first_names.txt"),
        include_str!("../../data/names/name_words.txt"),
    ])
});

static SURNAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    list(&[
        include_str!("../../data/names/surnames.txt"),
        include_str!("../../data/names/census_surnames.txt"),
    ])
});

/// Names that are also ordinary words, and the days and months.
static AMBIGUOUS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = list(&[include_str!("../../data/names/name_words.txt")]);
    set.extend(
        [
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
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "christmas",
            "easter",
        ]
        .map(String::from),
    );
    set
});

/// Words written in lower case in the middle of a sentence in Tellus's labelled statements
/// and everyday answers: ordinary words, whatever lists of names also hold them ("my",
/// "nan", Welsh "mae").
static ORDINARY: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = HashSet::new();
    let texts = crate::safeguarding::learned::training_examples()
        .into_iter()
        .filter(|e| e.language != "ar")
        .map(|e| e.text);
    for text in texts {
        for w in super::words::words(&text) {
            if !w.sentence_start && w.text.chars().all(|c| !c.is_uppercase()) {
                set.insert(w.key);
            }
        }
    }
    set.extend(RELATIONS.iter().map(|r| r.to_string()));
    set.extend(NOT_PEOPLE.iter().map(|r| r.to_string()));
    set
});

/// Capitalised words people write that are not people: nationalities, festivals,
/// characters children love.
const NOT_PEOPLE: &[&str] = &[
    "roma",
    "polish",
    "slovak",
    "romanian",
    "somali",
    "welsh",
    "english",
    "irish",
    "scottish",
    "british",
    "arabic",
    "urdu",
    "punjabi",
    "bengali",
    "muslim",
    "christian",
    "sikh",
    "hindu",
    "jewish",
    "ramadan",
    "eid",
    "diwali",
    "christmas",
    "easter",
    "halloween",
    "peppa",
    "george",
    "thomas",
    "tumble",
    "seuss",
    "matilda",
    "honey",
    "elsa",
    "bluey",
    "paw",
    "makaton",
    "boardmaker",
    "widgit",
    "lego",
    "minecraft",
    "roblox",
    "fortnite",
    "youtube",
    "tiktok",
    "zoom",
    "teams",
    "google",
    "apple",
    "ipad",
    "android",
    "peter",
    "paul",
    "noah",
    "david",
    "dewi",
    "santa",
    "god",
    "allah",
    "jesus",
];

static ARABIC: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../data/names/arabic_names.txt")
        .lines()
        .map(|l| arabic_normalise(l.trim()))
        .filter(|l| !l.is_empty())
        .collect()
});

/// Arabic names that are also everyday words (light, hope, happy, beautiful...).
const ARABIC_WORDS: &[&str] = &[
    "علي",
    "ولا",
    "نور",
    "امل",
    "سعيد",
    "سعيده",
    "جميل",
    "جميله",
    "كريم",
    "فرح",
    "حياه",
    "صباح",
    "سلام",
    "هدي",
    "رحمه",
    "ايمان",
    "عادل",
    "نبيل",
    "سالم",
    "وفاء",
    "احلام",
    "بشري",
    "مني",
    "هاني",
    "سامي",
    "امين",
    "امينه",
    "حسن",
    "حسنه",
    "صبر",
    "ورد",
    "وردة",
    "شمس",
    "قمر",
    "بدر",
    "نجم",
    "ريم",
    "لطيف",
    "لطيفه",
    "ياسمين",
    "زهره",
    "سماح",
    "فرج",
    "خير",
    "مراد",
];

/// Words before an Arabic name that say it is one: "ابني يوسف", "اسمها مريم".
const ARABIC_CUES: &[&str] = &[
    "ابني",
    "ابنتي",
    "بنتي",
    "ولدي",
    "اخي",
    "اخوي",
    "اختي",
    "اسمه",
    "اسمها",
    "اسمي",
    "الطفل",
    "الطفله",
    "المعلمه",
    "المعلم",
    "الاستاذ",
    "الاستاذه",
    "الاخصائيه",
    "الاخصائي",
    "د",
    "دكتور",
    "دكتوره",
    "الدكتور",
    "الدكتوره",
    "استاذ",
    "استاذه",
    "السيد",
    "السيده",
    "ام",
    "ابو",
    "زوجي",
    "صديقي",
    "صديقتي",
    "ابن",
    "بنت",
    "مع",
];

/// Titles before a name: the title is removed with it.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "miss",
    "ms",
    "mx",
    "dr",
    "prof",
    "sir",
    "dame",
    "cllr",
    "nurse",
    "keyworker",
    "matron",
    "coach",
    "nurs",
];

/// People whose names follow "my ...", "our ...", "his ...".
const RELATIONS: &[&str] = &[
    "son",
    "daughter",
    "child",
    "kid",
    "boy",
    "girl",
    "baby",
    "brother",
    "sister",
    "twin",
    "twins",
    "grandson",
    "granddaughter",
    "niece",
    "nephew",
    "stepson",
    "stepdaughter",
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
    "mam",
    "tad",
    "key",
    "worker",
    "tutor",
    "carer",
    "cousin",
    "uncle",
    "aunt",
    "auntie",
    "nan",
    "grandad",
    "neighbour",
    "mab",
    "merch",
    "brawd",
    "chwaer",
];

/// Words a person does straight after their name: "Hope is", "Will has", "Summer loves".
const PERSON_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "loves",
    "likes",
    "gets",
    "got",
    "goes",
    "went",
    "keeps",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "will",
    "would",
    "won't",
    "does",
    "doesn't",
    "did",
    "didn't",
    "needs",
    "needed",
    "wants",
    "wanted",
    "struggles",
    "struggled",
    "started",
    "starts",
    "says",
    "said",
    "used",
    "attends",
    "attended",
    "enjoys",
    "hates",
    "finds",
    "seems",
    "came",
    "comes",
    "and",
    "isn't",
    "wasn't",
    "hasn't",
    "absolutely",
    "really",
    "still",
    "now",
    "also",
    "always",
    "never",
    "gets",
    "became",
    "told",
    "asked",
    "sees",
    "saw",
    "moved",
    "turned",
    "cried",
    "loved",
    "liked",
    "hated",
    "uses",
    "uses",
    "walks",
    "talks",
    "speaks",
    "communicates",
    "signs",
    "won",
    "learned",
    "learnt",
    "managed",
    "waited",
    "has",
    "yn",
    "wedi",
    "sy",
    "from",
    "at",
    "who",
    "are",
    "were",
    "were",
    "starts",
    "seems",
    "gets",
    "goes",
    "doesnt",
    "cant",
    "isnt",
    "wont",
    "didnt",
    "hasnt",
    "just",
];

/// Words after which an ordinary-word name is the ordinary word: "the Summer", "I Will".
const WORD_BEFORE: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "every", "each", "last", "next", "i", "we",
    "you", "they", "it", "he", "she", "will", "would", "may", "might", "must", "no", "some", "any",
    "our", "your", "their", "its", "there", "very", "so", "such",
];

/// Words after which a day, month or season is one: "in May", "from April", "by June".
const CALENDAR_BEFORE: &[&str] = &[
    "in", "on", "at", "from", "to", "until", "till", "by", "since", "of", "for", "during",
    "around", "about", "before", "after", "early", "late", "mid", "end", "start", "and", "or",
    "since", "last", "next", "this", "every", "said", "then",
];

/// Words after a capitalised word that make it part of a place or service's name.
const PLACE_WORDS: &[&str] = &[
    "hospital",
    "centre",
    "center",
    "clinic",
    "house",
    "road",
    "street",
    "park",
    "council",
    "trust",
    "service",
    "services",
    "team",
    "board",
    "unit",
    "ward",
    "school",
    "academy",
    "college",
    "nursery",
    "primary",
    "university",
    "health",
    "hub",
    "surgery",
    "practice",
    "library",
    "church",
    "mosque",
    "hall",
    "close",
    "avenue",
    "lane",
    "way",
    "court",
    "children's",
    "childrens",
    "family",
    "partnership",
    "foundation",
    "cymru",
    "wales",
];

fn key_of(w: &Word) -> String {
    w.key.trim_end_matches('.').to_string()
}

/// Whether a word is a first name in the lists: "Amelia-Rose" by its first part.
fn first_name(key: &str) -> bool {
    FIRST.contains(key)
        || key
            .split_once('-')
            .is_some_and(|(a, b)| FIRST.contains(a) && (FIRST.contains(b) || b.len() > 1))
}

/// Whether a word is ordinary here (a small word, or one written in lower case mid-sentence).
fn ordinary(key: &str) -> bool {
    never_a_name(key) || ORDINARY.contains(key)
}

/// Small words, family words and things that are never a person's name here.
fn never_a_name(key: &str) -> bool {
    (crate::text::is_stop_word(key) && !AMBIGUOUS.contains(key))
        || RELATIONS.contains(&key)
        || NOT_PEOPLE.contains(&key)
}

/// Where a name (or title and name) starts and ends among the words, by index.
pub(super) fn names(words: &[Word]) -> Vec<(usize, usize)> {
    let shouting = {
        let letters: Vec<&Word> = words
            .iter()
            .filter(|w| w.text.chars().any(char::is_alphabetic))
            .collect();
        letters.len() >= 3 && letters.iter().filter(|w| w.shouted()).count() * 2 > letters.len()
    };
    let capital = |w: &Word| w.capitalised() || (shouting && w.shouted());
    let place_after = |i: usize| {
        words
            .get(i + 1)
            .is_some_and(|n| capital(n) && PLACE_WORDS.contains(&n.key.as_str()))
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let key = key_of(w);
        let prev = i.checked_sub(1).map(|p| key_of(&words[p]));
        let prev2 = i.checked_sub(2).map(|p| key_of(&words[p]));

        // "Mrs Patel", "Dr. Okafor", "Mr J", "Miss Jones the SENCO".
        let initial = |n: &Word| {
            n.text.trim_end_matches('.').chars().count() == 1
                && n.text.chars().next().is_some_and(char::is_uppercase)
        };
        if TITLES.contains(&key.as_str())
            && let Some(n) = words.get(i + 1)
            && !PLACE_WORDS.contains(&n.key.as_str())
            && (capital(n)
                || initial(n)
                || (!capital(w)
                    && matches!(key.as_str(), "mr" | "mrs" | "miss" | "ms" | "dr")
                    && (SURNAMES.contains(&key_of(n)) || first_name(&key_of(n)))
                    && !ordinary(&key_of(n))))
            && (capital(w)
                || matches!(
                    key.as_str(),
                    "mr" | "mrs" | "miss" | "ms" | "dr" | "nurse" | "keyworker"
                ))
        {
            let mut end = i + 1;
            if words.get(i + 2).is_some_and(|m| {
                capital(m) && !PLACE_WORDS.contains(&m.key.as_str()) && !ordinary(&m.key)
            }) && n.then.is_none()
            {
                end = i + 2;
            }
            out.push((i, end));
            i = end + 1;
            continue;
        }

        // Arabic script.
        if w.text
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
        {
            let normal = arabic_normalise(w.text);
            let bare = ["و", "ب", "ل", "ف"]
                .iter()
                .find_map(|p| normal.strip_prefix(p).filter(|r| ARABIC.contains(*r)))
                .map(str::to_string)
                .unwrap_or(normal);
            if ARABIC.contains(&bare) {
                let cue =
                    i > 0 && ARABIC_CUES.contains(&arabic_normalise(words[i - 1].text).as_str());
                if cue || !ARABIC_WORDS.contains(&bare.as_str()) {
                    out.push((i, i));
                }
            }
            i += 1;
            continue;
        }

        // "the Khans were told": a family by its surname.
        if prev.as_deref() == Some("the")
            && capital(w)
            && let Some(stem) = key.strip_suffix('s')
            && SURNAMES.contains(stem)
            && !known_word(stem)
        {
            out.push((i, i));
            i += 1;
            continue;
        }

        let in_list = first_name(&key) && !never_a_name(&key);
        let lower_text = !words.iter().any(|w| w.capitalised());
        let next = words.get(i + 1);
        let person_next = next
            .is_some_and(|n| PERSON_VERBS.contains(&n.key.as_str()) || n.before == Some('('))
            || w.then == Some('(')
            || w.key != w.text.to_lowercase().replace('\u{2019}', "'");
        let after_name = prev.as_deref().is_some_and(|p| p == "and" || p == "&")
            && out.last().is_some_and(|&(_, end)| end + 2 == i);
        // "tommo is my brother": whatever the word, it names a person.
        let named_after = next.is_some_and(|n| matches!(n.key.as_str(), "is" | "was"))
            && words
                .get(i + 2)
                .is_some_and(|n| matches!(n.key.as_str(), "my" | "our"))
            && words
                .get(i + 3)
                .is_some_and(|n| RELATIONS.contains(&n.key.as_str()));
        let cue = matches!(
            prev.as_deref(),
            Some("called" | "named" | "nicknamed" | "call")
        ) || (prev.as_deref() == Some("is") && matches!(prev2.as_deref(), Some("name")))
            || (matches!(prev.as_deref(), Some(p) if RELATIONS.contains(&p))
                && matches!(
                    prev2.as_deref(),
                    Some("my" | "our" | "his" | "her" | "their" | "fy" | "ein")
                ))
            || (prev.as_deref() == Some("is")
                && i >= 3
                && RELATIONS.contains(&key_of(&words[i - 2]).as_str())
                && matches!(key_of(&words[i - 3]).as_str(), "my" | "our" | "his" | "her"))
            || (prev.as_deref() == Some("and") && matches!(prev2.as_deref(), Some("me")))
            || (next.is_some_and(|n| n.key == "and")
                && words
                    .get(i + 2)
                    .is_some_and(|n| matches!(n.key.as_str(), "i" | "me")))
            || after_name
            || named_after;
        let name_word = in_list
            || (cue
                && (capital(w) || named_after)
                && !ordinary(&key)
                && key
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\''));
        if !name_word || w.text.chars().any(|c| c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let calendar = super::numbers::is_month(&key)
            || AMBIGUOUS.contains(&key)
                && matches!(
                    key.as_str(),
                    "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "christmas"
                        | "easter"
                        | "summer"
                        | "autumn"
                        | "winter"
                        | "spring"
                );
        let ambiguous = AMBIGUOUS.contains(&key) || known_word(&key) || ORDINARY.contains(&key);
        let street = super::places::is_street_word(&key)
            && prev.is_some()
            && i > 0
            && capital(&words[i - 1]);
        let is_name = if street || place_after(i) {
            false
        } else if cue && (capital(w) || !ambiguous || named_after) {
            true
        } else if !ambiguous {
            // A name in the lists that is no ordinary word: capitalised, or in a child's
            // lower case where the sentence says it is a person.
            capital(w) || person_next || (prev.as_deref() == Some("with") && !known_word(&key))
        } else if !capital(w) {
            // Everything in lower case: the sentence has to say it is a person.
            lower_text && w.sentence_start && person_next
        } else if w.sentence_start || calendar {
            // "Hope is non-verbal" but "Hope they bring it back"; "Grace's brother".
            person_next
        } else {
            let before = |list: &[&str]| matches!(prev.as_deref(), Some(p) if list.contains(&p));
            !(before(WORD_BEFORE) || (calendar && before(CALENDAR_BEFORE)))
        };
        if !is_name {
            i += 1;
            continue;
        }
        // A surname after it: "Bill Stanton", "Amira Khan".
        let mut end = i;
        if w.then.is_none()
            && let Some(n) = words.get(i + 1)
            && capital(n)
            && !n.sentence_start
            && !PLACE_WORDS.contains(&n.key.as_str())
            && (SURNAMES.contains(&key_of(n)) || !ordinary(&key_of(n)))
            && !NOT_PEOPLE.contains(&key_of(n).as_str())
            && !PERSON_VERBS.contains(&n.key.as_str())
            && !TITLES.contains(&key_of(n).as_str())
        {
            end = i + 1;
        }
        out.push((i, end));
        i = end + 1;
    }
    out
}
