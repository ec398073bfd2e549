//! Personal data in free text, found and redacted from anything published or exported:
//! people's names (first names with or without a cue, in any case, surnames, families,
//! staff after titles), email addresses, UK phone numbers in every common shape,
//! postcodes with or without the space, street addresses, schools, NHS numbers (by their
//! check digit) and dates of birth. Also the builder's warnings about questions asking for
//! such things, and the privacy notice.

mod names;
mod notice;
mod numbers;
mod places;
mod questions;
mod words;

pub use notice::{NoticeSection, notice};
pub use numbers::valid_nhs_number;
pub use questions::{question_warning, survey_warnings};

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
    Address,
    NhsNumber,
    DateOfBirth,
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
            Kind::Address => "[address removed]",
            Kind::NhsNumber => "[NHS number removed]",
            Kind::DateOfBirth => "[date of birth removed]",
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

/// Finds personal data; `schools` are known school names to look for as well.
pub fn find(text: &str, schools: &[String]) -> Vec<Found> {
    let words = words::words(text);
    let mut found: Vec<Found> = Vec::new();
    let mut push = |kind, (start, end): (usize, usize)| found.push(Found { kind, start, end });
    for w in words.iter().filter(|w| places::is_email(w.text)) {
        push(Kind::Email, (w.start, w.end));
    }
    for span in numbers::nhs_numbers(text) {
        push(Kind::NhsNumber, span);
    }
    for span in numbers::phones(text) {
        push(Kind::Phone, span);
    }
    for span in numbers::dates_of_birth(&words) {
        push(Kind::DateOfBirth, span);
    }
    for span in places::postcodes(&words) {
        push(Kind::Postcode, span);
    }
    for span in places::addresses(&words) {
        push(Kind::Address, span);
    }
    for span in places::schools(&words, text, schools) {
        push(Kind::School, span);
    }
    for (first, last) in names::names(&words) {
        push(Kind::Name, (words[first].start, words[last].end));
    }
    // Earlier and longer first: an NHS number is not also a phone number, and a name
    // inside a school's ("St Mary's Primary") is part of the school.
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
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
    fn names_with_and_without_cues() {
        assert_eq!(
            redacted("My son Alfie loves his OT"),
            "My son [name removed] loves his OT"
        );
        assert_eq!(
            redacted("Her therapist is called Amy Jones."),
            "Her therapist is called [name removed]."
        );
        assert_eq!(
            redacted("We saw Mrs Patel twice"),
            "We saw [name removed] twice"
        );
        assert_eq!(
            redacted("me and Amira waited two years"),
            "me and [name removed] waited two years"
        );
        assert_eq!(
            redacted("jayden keeps asking when his session is"),
            "[name removed] keeps asking when his session is"
        );
        assert_eq!(
            redacted("The Khans were told the same"),
            "The [name removed] were told the same"
        );
    }

    #[test]
    fn names_that_are_ordinary_words_need_the_sentence_to_say_so() {
        assert_eq!(
            redacted("Will has come on so much"),
            "[name removed] has come on so much"
        );
        assert_eq!(
            redacted("Will the waiting list ever get shorter?"),
            "Will the waiting list ever get shorter?"
        );
        assert_eq!(
            redacted("Hope they bring it back."),
            "Hope they bring it back."
        );
        assert_eq!(
            redacted("Our daughter May was assessed in May"),
            "Our daughter [name removed] was assessed in May"
        );
        assert_eq!(
            redacted("My son is happy at school"),
            "My son is happy at school"
        );
        assert_eq!(
            redacted("We hope Grace Street clinic stays open"),
            "We hope Grace Street clinic stays open"
        );
    }

    #[test]
    fn contact_details_numbers_and_places() {
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
        assert_eq!(redacted("postcode sw1a1aa"), "postcode [postcode removed]");
        assert_eq!(
            redacted("His NHS number is 943 476 5919"),
            "His NHS number is [NHS number removed]"
        );
        assert_eq!(
            redacted("we live at 14 Maple Close"),
            "we live at [address removed]"
        );
        assert_eq!(redacted("born 12/03/2015"), "born [date of birth removed]");
        assert_eq!(
            redacted("He is 12 and waited 18 months"),
            "He is 12 and waited 18 months"
        );
        assert_eq!(
            redacted("He goes to St Mary's Primary"),
            "He goes to [school removed]"
        );
        assert_eq!(
            redacted("at oakwood park they help"),
            "at [school removed] they help"
        );
    }

    #[test]
    fn nothing_found_leaves_text_as_it_was() {
        let text = "The waiting list is too long 🙁";
        assert!(find(text, &[]).is_empty());
        assert_eq!(redact(text, &[]), text);
    }
}
