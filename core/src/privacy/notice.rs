//! The privacy notice on a survey's start page, in the survey's language.

use crate::language::Words;
use serde::{Deserialize, Serialize};

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
