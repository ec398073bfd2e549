//! Whether an answer is written in a language triage can read. An answer in another
//! language (Polish, Urdu, Somali...) cannot be checked, so it is held for a person to
//! look at rather than passed, and the lead is told why.
//!
//! Judged from the writing itself: letters of a script none of the three languages uses;
//! Arabic script with letters Arabic does not have (Urdu, Persian, Pashto, Kurdish); or
//! Latin-script words mostly unknown in English and Welsh (as Tellus knows them, from its
//! phrase lists, its labelled statements and its everyday answers) or spelt with letters
//! neither uses. Short answers are never held for this: a word or two could be anything.

use super::analysis::raw_words;
use super::{english, learned, welsh};
use std::collections::HashSet;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// Why an answer was held for a person to read: it is not in a language Tellus checks.
pub const UNCHECKED_LANGUAGE: &str =
    "Written in a language the safeguarding check cannot read: please read it yourself";

/// Letters of the Arabic script that Arabic itself does not use (Urdu, Persian, Pashto,
/// Kurdish, Sindhi...).
fn non_arabic_letter(c: char) -> bool {
    matches!(
        c,
        'پ' | 'چ'
            | 'ژ'
            | 'گ'
            | 'ک'
            | 'ی'
            | 'ے'
            | 'ں'
            | 'ٹ'
            | 'ڈ'
            | 'ڑ'
            | 'ھ'
            | 'ۓ'
            | 'ۆ'
            | 'ێ'
            | 'ە'
            | 'ڵ'
            | 'ڕ'
            | 'ۇ'
            | 'ۈ'
            | 'ۋ'
            | 'ہ'
            | 'ۂ'
            | 'ې'
            | 'ټ'
            | 'ډ'
            | 'ړ'
            | 'ښ'
            | 'ګ'
            | 'ڼ'
            | 'ۍ'
    )
}

/// Latin letters neither English nor Welsh writes (Polish, Turkish, Romanian, Czech...).
fn foreign_latin_letter(c: char) -> bool {
    matches!(
        c,
        'ą' | 'ę'
            | 'ł'
            | 'ń'
            | 'ś'
            | 'ź'
            | 'ż'
            | 'ő'
            | 'ű'
            | 'ş'
            | 'ğ'
            | 'ı'
            | 'ç'
            | 'ã'
            | 'õ'
            | 'ñ'
            | 'ß'
            | 'ě'
            | 'š'
            | 'č'
            | 'ř'
            | 'ž'
            | 'ů'
            | 'ė'
            | 'į'
            | 'ų'
            | 'ū'
            | 'ā'
            | 'ē'
            | 'ī'
            | 'ō'
            | 'ț'
            | 'ș'
            | 'ă'
            | 'đ'
            | 'ə'
            | 'ơ'
            | 'ư'
    )
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
        || ('\u{0750}'..='\u{077F}').contains(&c)
        || ('\u{FB50}'..='\u{FDFF}').contains(&c)
        || ('\u{FE70}'..='\u{FEFF}').contains(&c)
}

/// Words Tellus knows in English and Welsh (as base forms), from everything it ships.
static KNOWN: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut known = HashSet::new();
    let texts = learned::training_examples()
        .into_iter()
        .filter(|e| e.language != "ar")
        .map(|e| e.text)
        .chain(
            include_str!("everyday/en.txt")
                .lines()
                .chain(include_str!("everyday/cy.txt").lines())
                .map(str::to_string),
        );
    for text in texts {
        for w in raw_words(&text) {
            known.insert(welsh::normalise(&w.text));
        }
    }
    known.extend(english::EXPANSIONS.iter().map(|(w, _)| w.to_string()));
    for words in [&english::WORDS, &welsh::WORDS] {
        for list in [
            words.negators,
            words.subjects,
            words.objects,
            words.determiners,
            words.persons,
            words.bodies,
            words.non_persons,
            words.skippable,
            words.breakers,
            words.reporting,
            words.prepositions,
            words.therapy,
        ] {
            known.extend(list.iter().map(|w| welsh::normalise(w)));
        }
    }
    known
});

/// Whether a Latin-script word is one Tellus knows in English or Welsh, in any form (as
/// written in its labelled statements, phrase lists and everyday answers).
pub fn known_word(word: &str) -> bool {
    known(word)
}

fn known(word: &str) -> bool {
    let word = welsh::normalise(word);
    KNOWN.contains(&word)
        || english::lemmas(&word).iter().any(|l| KNOWN.contains(l))
        || welsh::radicals(&word).iter().any(|r| KNOWN.contains(r))
        || crate::text::is_stop_word(&word)
}

/// Fewest words before an answer's language is judged at all.
const MIN_WORDS: usize = 4;

/// Why an answer cannot be checked, if it cannot: it is in a language none of the phrase
/// lists or the learnt model covers.
pub fn unchecked_language(text: &str) -> Option<&'static str> {
    let (mut latin, mut arabic_letters, mut other) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        } else if is_arabic_letter(c) {
            arabic_letters += 1;
        } else {
            other += 1;
        }
    }
    // Another script (Bengali, Chinese, Cyrillic, Gurmukhi, Tamil...), most of the text.
    if other >= 6 && other > latin + arabic_letters {
        return Some(UNCHECKED_LANGUAGE);
    }
    let words: Vec<String> = raw_words(text).into_iter().map(|w| w.text).collect();
    if arabic_letters > latin {
        let arabic_words: Vec<&String> = words
            .iter()
            .filter(|w| w.chars().any(is_arabic_letter))
            .collect();
        let foreign = arabic_words
            .iter()
            .filter(|w| w.chars().any(non_arabic_letter))
            .count();
        let enough = arabic_words.len() >= MIN_WORDS;
        return (enough && foreign * 5 >= arabic_words.len() && foreign >= 2)
            .then_some(UNCHECKED_LANGUAGE);
    }
    // Latin script. Words of one or two letters (mi, na, no) exist in many languages;
    // capitalised words are names (of places, medicines, services); words with no vowel
    // are text speak ("skl", "dnt"). None of them says which language this is.
    let shouting = text.chars().filter(|c| c.is_lowercase()).count() * 4
        < text.chars().filter(|c| c.is_uppercase()).count();
    // A chunk with digits in it is a code, a number or a reference, not words.
    let written: Vec<String> = text
        .split_whitespace()
        .filter(|chunk| !chunk.chars().any(|c| c.is_ascii_digit()))
        .flat_map(|chunk| chunk.unicode_words())
        .filter(|w| shouting || !w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .collect();
    let latin_words: Vec<&String> = written
        .iter()
        .filter(|w| {
            w.chars().count() >= 3
                && w.chars().all(char::is_alphabetic)
                && w.chars().any(|c| "aeiouyw".contains(c) || !c.is_ascii())
        })
        .collect();
    if words.len() < MIN_WORDS || latin_words.len() < 3 {
        return None;
    }
    let foreign_letters = latin_words
        .iter()
        .filter(|w| w.to_lowercase().chars().any(foreign_latin_letter))
        .count();
    let unknown = latin_words.iter().filter(|w| !known(w)).count();
    let share = |n: usize| n as f32 / latin_words.len() as f32;
    (share(unknown) > 0.6 || (foreign_letters >= 1 && share(unknown) > 0.4))
        .then_some(UNCHECKED_LANGUAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_languages_are_noticed_and_the_three_are_not() {
        for text in [
            "Moja córka czeka na terapię mowy od dwóch lat i nikt nam nie pomaga",
            "میرے بیٹے کو سکول میں بہت مشکل ہوتی ہے اور کوئی مدد نہیں کرتا",
            "আমার ছেলে স্কুলে খুব কষ্ট পায় আর কেউ সাহায্য করে না",
            "Wiilkayga waxaa loo baahan yahay daaweyn dheeraad ah dugsiga",
            "Мой сын ждёт логопеда уже два года",
        ] {
            assert_eq!(unchecked_language(text), Some(UNCHECKED_LANGUAGE), "{text}");
        }
        for text in [
            "ok",
            "idk",
            "SALT OT CAMHS EHCP all too slow",
            "the physio was grate but we waited ages 4 the wheelchair",
            "Mae'r therapydd lleferydd yn wych ac mae o'n siarad mwy rwan",
            "الاخصائية لطيفة جدا وابني صار يحكي اكتر",
            "Dziękuję, the physio was great and my son is walking more",
        ] {
            assert_eq!(unchecked_language(text), None, "{text}");
        }
    }
}
