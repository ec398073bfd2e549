//! The languages Tellus speaks to participants, and the interface's words in each.
//!
//! A survey's own words are translated by its facilitator (see [`crate::translation`]);
//! the words around them (buttons, headings, error messages, scale labels) live here, one
//! [`Words`] per language, so a missing translation is a compile error rather than a blank.

mod arabic;
mod english;
mod welsh;

use serde::{Deserialize, Serialize};

/// A language participants can answer in.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "cy")]
    Welsh,
    #[serde(rename = "ar")]
    Arabic,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 3] = [Language::English, Language::Welsh, Language::Arabic];

    /// The BCP 47 code, for `lang` attributes and survey JSON: `en`, `cy`, `ar`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Welsh => "cy",
            Language::Arabic => "ar",
        }
    }

    /// The language from its code, ignoring case and any region (`cy-GB` is Welsh).
    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The most preferred language Tellus speaks in an HTTP `Accept-Language` header
    /// (`cy-GB, en;q=0.8`), by quality and then order; `None` if it names none of them.
    pub fn from_accept_language(header: &str) -> Option<Language> {
        let mut ranked: Vec<(f32, usize, Language)> = header
            .split(',')
            .enumerate()
            .filter_map(|(order, item)| {
                let mut parts = item.split(';');
                let language = Language::from_code(parts.next()?.trim())?;
                let quality = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (quality > 0.0).then_some((quality, order, language))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.first().map(|&(_, _, language)| language)
    }

    /// The language's name in itself, as a speaker looks for it: "Cymraeg", "العربية".
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Welsh => "Cymraeg",
            Language::Arabic => "العربية",
        }
    }

    /// The language's name in English, for the facilitator's workspace.
    pub fn english_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Welsh => "Welsh",
            Language::Arabic => "Arabic",
        }
    }

    /// Whether this is English (stored responses leave it out).
    pub fn is_english(&self) -> bool {
        *self == Language::English
    }

    /// Whether text runs right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Language::Arabic)
    }

    /// The page direction for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The interface's words in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Language::English => &english::WORDS,
            Language::Welsh => &welsh::WORDS,
            Language::Arabic => &arabic::WORDS,
        }
    }

    /// An ISO date (`2027-03-31`) the way people write it in this language: "31 March 2027".
    pub fn long_date(self, iso: &str) -> Option<String> {
        let mut parts = iso.trim().splitn(3, '-');
        let year: u32 = parts.next()?.parse().ok()?;
        let month: usize = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let month_name = self.words().months.get(month.checked_sub(1)?)?;
        (1..=31)
            .contains(&day)
            .then(|| format!("{day} {month_name} {year}"))
    }
}

/// One section of the privacy notice on a survey's start page.
pub struct NoticeWords {
    pub heading: &'static str,
    pub text: &'static str,
}

/// What the events app says (joining, the room, idea walls, dot-voting, polls), in one
/// language. The activities' own words are the facilitator's, in whatever language the
/// event is run in.
pub struct EventWords {
    pub footer: &'static str,
    // Joining.
    pub join_title: &'static str,
    pub join_intro: &'static str,
    pub code_label: &'static str,
    pub code_hint: &'static str,
    pub code_error: &'static str,
    pub group_label: &'static str,
    pub group_hint: &'static str,
    pub join: &'static str,
    // The room.
    pub event: &'static str,
    /// Announced when an activity opens: "Now: Idea wall".
    pub now: fn(&str) -> String,
    pub has_closed: fn(&str) -> String,
    pub waiting: &'static str,
    pub keep_open: &'static str,
    pub ready_next: &'static str,
    pub next_person: &'static str,
    pub not_found: &'static str,
    pub enter_again: &'static str,
    pub reconnecting: &'static str,
    pub ended: &'static str,
    pub ended_thanks: &'static str,
    pub see_said_did: &'static str,
    pub activity_closed: &'static str,
    pub results_in_room: &'static str,
    pub results: &'static str,
    pub results_so_far: &'static str,
    pub no_notes: &'static str,
    // Idea wall.
    pub idea_wall: &'static str,
    pub which_prompt: &'static str,
    pub your_idea: &'static str,
    pub idea_hint: &'static str,
    pub note_needed: &'static str,
    pub note_too_long: &'static str,
    pub add_picture: &'static str,
    pub posting: &'static str,
    pub post_note: &'static str,
    pub note_posted: &'static str,
    pub your_notes: &'static str,
    /// The pictures' words, in the order of [`crate::symbol::Symbol::ALL`].
    pub symbols: [&'static str; 12],
    // Dot-voting.
    pub dot_voting: &'static str,
    /// A number of dots: "1 dot", "3 dots".
    pub dots: fn(u32) -> String,
    pub you_have: fn(u32) -> String,
    /// Follows `you_have`, so starts with a space.
    pub up_to_on_one: fn(u32) -> String,
    pub dots_left: fn(u32) -> String,
    /// After a change: dots now on an option, and dots left.
    pub placed: fn(u32, &str, u32) -> String,
    pub no_dots_left: &'static str,
    pub most_on_one: fn(&str, u32) -> String,
    pub none_to_take: fn(&str) -> String,
    pub take_dot: fn(&str) -> String,
    pub add_dot: fn(&str) -> String,
    pub dot_needed: &'static str,
    pub dots_saved: &'static str,
    pub saving: &'static str,
    pub save_dots: &'static str,
    // Polls and ratings.
    pub answers_saved: &'static str,
    pub change_answers: &'static str,
    pub your_answers: &'static str,
    pub send: &'static str,
    /// An activity's caption: its title, and which of its questions this is.
    pub step_of: fn(&str, usize, usize) -> String,
}

/// Everything the participant's interface says, in one language. Fields that take numbers or
/// names are functions, so each language words them (and their plurals) its own way.
pub struct Words {
    // Page furniture.
    pub skip_link: &'static str,
    pub tagline: &'static str,
    pub need_to_talk: &'static str,
    pub this_device: &'static str,
    pub leave_kiosk: &'static str,
    pub footer_privacy: &'static str,
    pub back: &'static str,
    pub there_is_a_problem: &'static str,
    /// Before an error, in the page title and for screen readers: "Error: ".
    pub error_prefix: &'static str,
    /// The label of the language switcher.
    pub language: &'static str,
    pub months: [&'static str; 12],
    // Surveys list and page not found.
    /// Children and young people; parents and carers; professionals and partners.
    pub audiences: [&'static str; 3],
    pub have_your_say: &'static str,
    pub choose_survey: &'static str,
    pub loading_surveys: &'static str,
    pub no_surveys: &'static str,
    pub at_an_event: &'static str,
    pub join_with_code: &'static str,
    pub see_all_surveys: &'static str,
    pub page_not_found: &'static str,
    pub typed_address: &'static str,
    pub followed_link: &'static str,
    // Loading a survey.
    pub loading_survey: &'static str,
    pub survey_not_found: &'static str,
    pub cannot_find_survey: &'static str,
    pub link_may_be_wrong: &'static str,
    pub sorry_problem: &'static str,
    pub answers_kept_here: &'static str,
    pub try_again: &'static str,
    // Start page.
    pub answered_on_device: fn(usize) -> String,
    pub start_again: &'static str,
    pub who_is_asking_child: &'static str,
    pub who_is_asking: &'static str,
    pub what_happens_to_answers: &'static str,
    pub closes_on: fn(&str) -> String,
    pub carry_on: &'static str,
    pub start_now: &'static str,
    pub privacy_summary_child: &'static str,
    pub privacy_summary: &'static str,
    pub said_did_link: &'static str,
    // Privacy notice: `kept` fills "We keep your answers {kept}, then delete them."
    pub kept_for_months: fn(u32) -> String,
    pub kept_as_needed: &'static str,
    pub ask_who_gave_survey: fn(&str) -> String,
    pub notice_why: &'static str,
    pub notice_who_sees: &'static str,
    pub notice_how_long: &'static str,
    pub notice_child_keep: NoticeWords,
    pub notice_child_why: &'static str,
    pub notice_child_who_sees: &'static str,
    pub notice_child_how_long: fn(&str) -> String,
    pub notice_child_changed_mind: NoticeWords,
    pub notice_what_we_collect: NoticeWords,
    pub notice_who_sees_text: &'static str,
    pub notice_how_long_text: fn(&str) -> String,
    pub notice_choices: NoticeWords,
    pub notice_contact: &'static str,
    // A question's page.
    pub question_of: fn(usize, usize) -> String,
    pub continue_: &'static str,
    pub optional: &'static str,
    pub easier_words: &'static str,
    pub listen: &'static str,
    pub listen_to_question: &'static str,
    pub listen_to: fn(&str) -> String,
    pub safe_notice: &'static str,
    pub or: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    /// After a Move button's word, for screen readers: ": {option}, now number {n} of {count}".
    pub now_number: fn(&str, usize, usize) -> String,
    /// Said after a move: "{option} is now number {n} of {count}".
    pub moved_to: fn(&str, usize, usize) -> String,
    pub keep_order: &'static str,
    pub order_saved: &'static str,
    pub characters_left: fn(usize) -> String,
    pub characters_over: fn(usize) -> String,
    // Answers every question shares, and the fixed scales.
    pub dont_know: &'static str,
    pub rather_not_say: &'static str,
    pub faces_3: [&'static str; 3],
    pub faces_5: [&'static str; 5],
    pub agreement: [&'static str; 5],
    pub yes_no: [&'static str; 3],
    pub answered_how: [&'static str; 3],
    // Answer errors, as `response::validate_answer_in` words them.
    pub choose_face: &'static str,
    pub choose_at_least_one: &'static str,
    pub write_answer: &'static str,
    pub put_in_order: &'static str,
    pub enter_number: &'static str,
    pub choose_answer: &'static str,
    pub not_offered: &'static str,
    pub choose_shown: &'static str,
    pub not_one_shown: fn(&str) -> String,
    pub each_once: &'static str,
    pub choose_up_to: fn(u32) -> String,
    pub point_from: fn(u8) -> String,
    pub rank_each_once: &'static str,
    /// The unit, when there is one, comes with its leading space: " sessions".
    pub number_between: fn(i64, i64, &str) -> String,
    pub number_at_least: fn(i64, &str) -> String,
    pub number_at_most: fn(i64, &str) -> String,
    pub whole_number: &'static str,
    pub too_long: fn(u32, usize) -> String,
    pub wrong_type: &'static str,
    pub not_asked: &'static str,
    pub no_such_question: fn(&str) -> String,
    // Check your answers.
    pub check_answers: &'static str,
    pub not_answered: &'static str,
    pub change: &'static str,
    pub answer: &'static str,
    pub your_answer_to: fn(&str) -> String,
    pub now_send: &'static str,
    pub send_explain: &'static str,
    pub send_answers: &'static str,
    pub sending: &'static str,
    pub send_failed_offline: &'static str,
    // Confirmation.
    pub thank_you_title: &'static str,
    pub thank_you: &'static str,
    pub answers_sent: &'static str,
    pub answers_saved: &'static str,
    pub what_happens_next: &'static str,
    pub receipt_code: &'static str,
    pub receipt_explain: fn(Option<&str>) -> String,
    pub take_answers_back: &'static str,
    pub next_person: &'static str,
    pub restarts_in: fn(u32) -> String,
    pub answer_again: &'static str,
    // Taking answers back with the receipt code.
    pub take_back_title: &'static str,
    pub take_back_intro: &'static str,
    pub receipt_code_label: &'static str,
    pub receipt_code_hint: &'static str,
    pub enter_receipt_code: &'static str,
    pub code_format: &'static str,
    pub code_not_found: &'static str,
    pub withdrawal_closed: &'static str,
    pub too_many_tries: &'static str,
    pub taken_back_title: &'static str,
    pub taken_back_body: &'static str,
    pub no_connection: &'static str,
    // This device: what is waiting on it.
    pub answers_on_device: &'static str,
    pub refused_by_server: fn(usize) -> String,
    pub device_explain: &'static str,
    pub download_waiting: &'static str,
    pub nothing_waiting: &'static str,
    pub downloaded: fn(usize) -> String,
    pub file_failed: fn(&str) -> String,
    pub shared_tablet: &'static str,
    pub set_up_kiosk: &'static str,
    /// On "This device" while the tablet is in kiosk mode: what is waiting stays hidden.
    pub kiosk_locked: &'static str,
    // Leaving kiosk mode.
    pub pin: &'static str,
    pub pin_wrong: &'static str,
    // Need to talk?
    pub help_intro: &'static str,
    pub call: &'static str,
    pub childline_free: &'static str,
    pub in_danger_now: &'static str,
    pub near_you: &'static str,
    pub help_answers_kept: &'static str,
    // A shared tablet left idle.
    pub still_there: &'static str,
    pub cleared_in: fn(u32) -> String,
    pub still_here: &'static str,
    // What is waiting to send.
    pub all_sent: &'static str,
    pub waiting_to_send: fn(usize) -> String,
    pub saved_offline: fn(usize) -> String,
    /// The events app.
    pub event: &'static EventWords,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_most_preferred_language_spoken() {
        let pick = Language::from_accept_language;
        assert_eq!(pick("cy-GB,cy;q=0.9,en;q=0.8"), Some(Language::Welsh));
        assert_eq!(pick("fr-FR, ar;q=0.5, en;q=0.7"), Some(Language::English));
        assert_eq!(pick("en;q=0.2, ar"), Some(Language::Arabic));
        assert_eq!(pick("cy;q=0, en;q=0.1"), Some(Language::English));
        assert_eq!(pick("fr, de"), None);
        assert_eq!(pick(""), None);
        assert_eq!(pick("en;q=bogus, cy"), Some(Language::Welsh));
    }

    #[test]
    fn codes_round_trip_and_accept_regions() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("cy-GB"), Some(Language::Welsh));
        assert_eq!(Language::from_code("AR_eg"), Some(Language::Arabic));
        assert_eq!(Language::from_code("fr"), None);
        assert_eq!(Language::from_code(""), None);
    }

    #[test]
    fn only_arabic_runs_right_to_left() {
        assert_eq!(Language::Arabic.dir(), "rtl");
        assert_eq!(Language::Welsh.dir(), "ltr");
        assert_eq!(Language::English.dir(), "ltr");
    }

    #[test]
    fn dates_use_each_languages_month_names() {
        assert_eq!(
            Language::English.long_date("2027-03-31").as_deref(),
            Some("31 March 2027")
        );
        assert_eq!(
            Language::Welsh.long_date("2027-03-31").as_deref(),
            Some("31 Mawrth 2027")
        );
        assert_eq!(
            Language::Arabic.long_date("2027-03-31").as_deref(),
            Some("31 مارس 2027")
        );
        assert_eq!(Language::Welsh.long_date("2027-13-01"), None);
        assert_eq!(Language::Welsh.long_date("not a date"), None);
    }

    #[test]
    fn every_language_words_every_message_differently_from_english() {
        // A translation that still says the English words was missed; names such as
        // Childline legitimately stay the same, so only whole sentences are compared.
        let en = Language::English.words();
        for language in [Language::Welsh, Language::Arabic] {
            let w = language.words();
            for (ours, english) in [
                (w.continue_, en.continue_),
                (w.there_is_a_problem, en.there_is_a_problem),
                (w.check_answers, en.check_answers),
                (w.send_answers, en.send_answers),
                (w.help_intro, en.help_intro),
                (w.safe_notice, en.safe_notice),
                (w.dont_know, en.dont_know),
                (w.footer_privacy, en.footer_privacy),
            ] {
                assert_ne!(ours, english, "{language:?}");
                assert!(!ours.trim().is_empty(), "{language:?}");
            }
            assert_ne!((w.question_of)(2, 6), (en.question_of)(2, 6));
            assert!((w.question_of)(2, 6).contains('2') && (w.question_of)(2, 6).contains('6'));
            assert!((w.too_long)(500, 512).contains("500"));
            assert!((w.too_long)(500, 512).contains("512"));
            assert!((w.number_between)(1, 9, " x").contains(" x"));
        }
    }

    #[test]
    fn the_events_app_speaks_every_language() {
        let en = Language::English.words().event;
        assert_eq!((en.dots)(1), "1 dot");
        assert_eq!(
            (en.placed)(2, "Shorter waits", 3),
            "2 dots on Shorter waits. 3 dots left."
        );
        for language in [Language::Welsh, Language::Arabic] {
            let w = language.words().event;
            for (ours, english) in [
                (w.join_title, en.join_title),
                (w.waiting, en.waiting),
                (w.idea_hint, en.idea_hint),
                (w.save_dots, en.save_dots),
                (w.footer, en.footer),
            ] {
                assert_ne!(ours, english, "{language:?}");
            }
            for (ours, english) in w.symbols.iter().zip(en.symbols) {
                assert_ne!(*ours, english, "{language:?}");
            }
            let placed = (w.placed)(4, "X", 1);
            assert!(placed.contains('4') && placed.contains('X'), "{placed}");
            assert!((w.most_on_one)("X", 3).contains('3'));
        }
        let ar = Language::Arabic.words().event;
        assert_eq!((ar.dots)(1), "نقطة واحدة");
        assert_eq!((ar.dots)(2), "نقطتان");
        assert_eq!((ar.dots)(5), "5 نقاط");
        assert_eq!((ar.dots)(11), "11 نقطة");
        assert_eq!((Language::Welsh.words().event.dots)(5), "5 dot");
        use crate::symbol::Symbol;
        assert_eq!(Symbol::Idea.label(), "I have an idea");
        assert_eq!(
            Symbol::Idea.label_in(Language::Welsh.words()),
            "Mae gen i syniad"
        );
        assert_eq!(Symbol::Move.label_in(Language::Arabic.words()), "الحركة");
    }

    #[test]
    fn english_counts_agree_with_their_nouns() {
        let en = Language::English.words();
        assert_eq!(
            (en.answered_on_device)(1),
            "You have answered 1 question on this device."
        );
        assert_eq!(
            (en.answered_on_device)(3),
            "You have answered 3 questions on this device."
        );
        assert_eq!((en.waiting_to_send)(1), "1 answer waiting to send");
        assert_eq!((en.waiting_to_send)(2), "2 answers waiting to send");
    }

    #[test]
    fn languages_serialise_as_their_codes() {
        assert_eq!(serde_json::to_string(&Language::Welsh).unwrap(), "\"cy\"");
        assert_eq!(
            serde_json::from_str::<Language>("\"ar\"").unwrap(),
            Language::Arabic
        );
    }
}
