//! What facilitators do to consultations: create them, edit their details, add surveys,
//! and find responses. Shapes of the management API, and the rules behind them.

use crate::response::{Answer, StoredResponse, describe_answer};
use crate::safeguarding::FLAG_SAFEGUARDING;
use crate::survey::{
    Audience, Consultation, DefinitionProblem, Question, QuestionKind, Status, Survey, long_date,
    slugify,
};
use serde::{Deserialize, Serialize};

/// Longest retention a facilitator can set: ten years.
pub const MAX_RETENTION_MONTHS: u32 = 120;

/// The details of a consultation that facilitators edit (everything but its surveys).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    pub title: String,
    pub purpose: String,
    pub who_is_asking: String,
    pub what_happens_next: String,
    /// ISO date, e.g. `2027-03-31`.
    #[serde(default)]
    pub closes_on: Option<String>,
    #[serde(default)]
    pub safeguarding_contact: Option<String>,
    #[serde(default)]
    pub privacy_contact: Option<String>,
    #[serde(default)]
    pub retention_months: Option<u32>,
    /// Local school and setting names to remove from answers in anything shared.
    #[serde(default)]
    pub school_names: Vec<String>,
}

impl Details {
    /// The details of a consultation.
    pub fn of(c: &Consultation) -> Self {
        Details {
            title: c.title.clone(),
            purpose: c.purpose.clone(),
            who_is_asking: c.who_is_asking.clone(),
            what_happens_next: c.what_happens_next.clone(),
            closes_on: c.closes_on.clone(),
            safeguarding_contact: c.safeguarding_contact.clone(),
            privacy_contact: c.privacy_contact.clone(),
            retention_months: c.retention_months,
            school_names: c.school_names.clone(),
        }
    }

    /// Checks the details; every problem is reported with its field.
    pub fn validate(&self) -> Result<(), Vec<DefinitionProblem>> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push(DefinitionProblem::new("title", "Enter a title"));
        } else if self.title.chars().count() > 120 {
            problems.push(DefinitionProblem::new(
                "title",
                "Use a title of 120 characters or fewer",
            ));
        }
        for (field, value) in [
            ("purpose", &self.purpose),
            ("who_is_asking", &self.who_is_asking),
            ("what_happens_next", &self.what_happens_next),
        ] {
            if value.chars().count() > 4000 {
                problems.push(DefinitionProblem::new(
                    field,
                    "Use 4,000 characters or fewer",
                ));
            }
        }
        if let Some(date) = self.closes_on.as_deref().filter(|d| !d.trim().is_empty())
            && !is_iso_date(date)
        {
            problems.push(DefinitionProblem::new(
                "closes_on",
                "Enter the closing date as a real date, like 2027-03-31",
            ));
        }
        if let Some(months) = self.retention_months
            && !(1..=MAX_RETENTION_MONTHS).contains(&months)
        {
            problems.push(DefinitionProblem::new(
                "retention_months",
                format!("Keep responses for between 1 and {MAX_RETENTION_MONTHS} months"),
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// Writes the details into a consultation, tidying blank optional fields to none.
    pub fn apply(self, c: &mut Consultation) {
        let blank_to_none =
            |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        c.title = self.title.trim().to_string();
        c.purpose = self.purpose;
        c.who_is_asking = self.who_is_asking;
        c.what_happens_next = self.what_happens_next;
        c.closes_on = blank_to_none(self.closes_on);
        c.safeguarding_contact = blank_to_none(self.safeguarding_contact);
        c.privacy_contact = blank_to_none(self.privacy_contact);
        c.retention_months = self.retention_months;
        c.school_names = self
            .school_names
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
}

/// Whether a string is a real calendar date in ISO form.
pub fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let [y, m, d] = parts[..] else { return false };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1000..=9999).contains(&y) && (1..=days).contains(&d) && long_date(s).is_some()
}

/// The day (since the Unix epoch) after which a consultation's responses are deleted:
/// its closing date plus its retention period. None while either is unset.
pub fn retention_ends(c: &Consultation) -> Option<i64> {
    let closes = epoch_day(c.closes_on.as_deref()?)?;
    let months = c.retention_months? as i64;
    // Whole months from the closing date, as people count them (the same day, months later).
    let iso = c.closes_on.as_deref()?.trim();
    let (y, rest) = iso.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    let total = y.parse::<i64>().ok()? * 12 + m.parse::<i64>().ok()? - 1 + months;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let day: i64 = d.parse().ok()?;
    // Clamp to the month's length (31 January + 1 month = 28 or 29 February).
    let end = (1..=day)
        .rev()
        .find_map(|dd| epoch_day(&format!("{year:04}-{month:02}-{dd:02}")))?;
    Some(end.max(closes))
}

/// What a new consultation starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    /// No surveys yet.
    Blank,
    /// A copy of the demo therapies review, its three surveys included.
    TherapiesReview,
}

/// `POST /api/manage/consultations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewConsultation {
    pub title: String,
    pub template: Template,
}

/// A new draft consultation with the given id; `creator` joins its team.
pub fn new_consultation(id: &str, title: &str, template: Template, creator: &str) -> Consultation {
    let mut c = match template {
        Template::TherapiesReview => {
            let mut c = crate::demo::consultation();
            for s in &mut c.surveys {
                s.id = format!("{id}-{}", audience_slug(&s.audience));
            }
            c
        }
        Template::Blank => Consultation {
            id: String::new(),
            title: String::new(),
            purpose: String::new(),
            who_is_asking: String::new(),
            what_happens_next: String::new(),
            closes_on: None,
            safeguarding_contact: None,
            privacy_contact: None,
            status: Status::Draft,
            retention_months: None,
            school_names: Vec::new(),
            team: Vec::new(),
            surveys: Vec::new(),
        },
    };
    c.id = id.to_string();
    c.title = title.trim().to_string();
    c.status = Status::Draft;
    c.team = vec![creator.to_string()];
    c
}

/// A first choice of id for a consultation; the server adds a number if it is taken.
pub fn consultation_id_for(title: &str) -> String {
    slugify(title)
}

fn audience_slug(audience: &Audience) -> String {
    match audience {
        Audience::ChildrenAndYoungPeople => "children".into(),
        Audience::ParentsAndCarers => "parents".into(),
        Audience::ProfessionalsAndPartners => "professionals".into(),
        Audience::Other(label) => slugify(label),
    }
}

/// `POST /api/manage/consultations/{id}/surveys`: a survey for another audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSurvey {
    pub audience: Audience,
    pub title: String,
}

/// A new survey for an audience. Children's surveys start in child mode and ask
/// "how did you answer?", because who held the pen matters when reading the answers.
pub fn new_survey(consultation: &Consultation, audience: Audience, title: &str) -> Survey {
    let base = format!("{}-{}", consultation.id, audience_slug(&audience));
    let mut id = base.clone();
    let mut n = 2;
    while consultation.survey(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    let child = audience == Audience::ChildrenAndYoungPeople;
    let mut questions = vec![Question {
        id: "what_matters".into(),
        text: "What matters most to you?".into(),
        hint: None,
        easy_read: None,
        required: false,
        allow_dont_know: false,
        allow_rather_not_say: false,
        show_if: None,
        kind: QuestionKind::FreeText {
            max_graphemes: Some(1000),
        },
    }];
    if child {
        questions.push(Question {
            id: "answered_how".into(),
            text: "How did you answer these questions?".into(),
            hint: None,
            easy_read: None,
            required: false,
            allow_dont_know: false,
            allow_rather_not_say: false,
            show_if: None,
            kind: QuestionKind::AnsweredHow,
        });
    }
    Survey {
        id,
        audience,
        title: if title.trim().is_empty() {
            "Tell us what you think".into()
        } else {
            title.trim().into()
        },
        intro: String::new(),
        child_mode: child,
        translations: Default::default(),
        questions,
    }
}

/// `PUT /api/manage/consultations/{id}/status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: Status,
}

/// `PUT /api/manage/consultations/{id}/team`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamChange {
    pub team: Vec<String>,
}

/// A consultation in the facilitator's list, with counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationOverview {
    pub id: String,
    pub title: String,
    pub status: Status,
    pub closes_on: Option<String>,
    pub team: Vec<String>,
    pub surveys: Vec<SurveyOverview>,
}

/// One survey in an overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyOverview {
    pub id: String,
    pub title: String,
    pub audience_label: String,
    pub child_mode: bool,
    pub questions: usize,
    /// Responses that count.
    pub responses: u64,
    /// Responses held back for a safeguarding lead.
    pub held: u64,
}

impl ConsultationOverview {
    /// The overview of a consultation, with counts from `counts(survey_id) -> (responses, held)`.
    pub fn new(c: &Consultation, counts: impl Fn(&str) -> (u64, u64)) -> Self {
        ConsultationOverview {
            id: c.id.clone(),
            title: c.title.clone(),
            status: c.status,
            closes_on: c.closes_on.clone(),
            team: c.team.clone(),
            surveys: c
                .surveys
                .iter()
                .map(|s| {
                    let (responses, held) = counts(&s.id);
                    SurveyOverview {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        audience_label: s.audience.label().to_string(),
                        child_mode: s.child_mode,
                        questions: s.questions.len(),
                        responses,
                        held,
                    }
                })
                .collect(),
        }
    }
}

/// Which responses to list: every field narrows the list; none set lists them all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseFilter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey: Option<String>,
    /// An audience label, e.g. "Parents and carers".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// First day, ISO date, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day, ISO date, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// An "how did you answer?" option id: `own`, `with_help`, `someone_else`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<String>,
    /// Only flagged (true) or only unflagged (false) responses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flagged: Option<bool>,
}

/// Days since the Unix epoch of an ISO date (proleptic Gregorian).
pub fn epoch_day(iso: &str) -> Option<i64> {
    if !is_iso_date(iso) {
        return None;
    }
    let mut parts = iso.trim().split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO date of a time in seconds since the Unix epoch (UTC).
pub fn iso_date(seconds: u64) -> String {
    let z = (seconds / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

impl ResponseFilter {
    /// Checks the dates; the message says what to type.
    pub fn validate(&self) -> Result<(), DefinitionProblem> {
        for (field, value) in [("from", &self.from), ("to", &self.to)] {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty())
                && !is_iso_date(v)
            {
                return Err(DefinitionProblem::new(
                    field,
                    "Enter a real date, like 2027-01-31",
                ));
            }
        }
        Ok(())
    }

    /// Whether a response of this consultation passes the filter.
    pub fn matches(&self, c: &Consultation, r: &StoredResponse) -> bool {
        let set = |v: &Option<String>| v.as_deref().filter(|v| !v.is_empty()).map(str::to_string);
        if set(&self.survey).is_some_and(|s| s != r.survey_id) {
            return false;
        }
        if let Some(audience) = set(&self.audience)
            && c.survey(&r.survey_id)
                .is_none_or(|s| s.audience.label() != audience)
        {
            return false;
        }
        let day = (r.received_at / 86_400) as i64;
        if set(&self.from)
            .and_then(|d| epoch_day(&d))
            .is_some_and(|from| day < from)
        {
            return false;
        }
        if set(&self.to)
            .and_then(|d| epoch_day(&d))
            .is_some_and(|to| day > to)
        {
            return false;
        }
        if let Some(how) = set(&self.how)
            && answered_how(c, r).is_none_or(|h| h != how)
        {
            return false;
        }
        if let Some(flagged) = self.flagged
            && is_flagged(r) != flagged
        {
            return false;
        }
        true
    }
}

/// Whether a response is held back as a possible safeguarding disclosure.
pub fn is_flagged(r: &StoredResponse) -> bool {
    r.flags.iter().any(|f| f == FLAG_SAFEGUARDING)
}

/// The option chosen for the survey's "how did you answer?" question, if it has one.
pub fn answered_how<'a>(c: &Consultation, r: &'a StoredResponse) -> Option<&'a str> {
    let survey = c.survey(&r.survey_id)?;
    let q = survey
        .questions
        .iter()
        .find(|q| q.kind == QuestionKind::AnsweredHow)?;
    match r.answers.get(&q.id)? {
        Answer::Choice(id) => Some(id),
        _ => None,
    }
}

/// A response in the facilitator's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseRow {
    pub id: uuid::Uuid,
    pub survey_id: String,
    pub audience_label: String,
    pub received_at: u64,
    /// Words for the "how did you answer?" choice, if asked.
    pub answered_how: Option<String>,
    pub flagged: bool,
    /// How many questions were answered.
    pub answered: usize,
    /// The language it was answered in.
    #[serde(default)]
    pub language: crate::language::Language,
}

/// The list: matching responses, newest first, and how many were held back from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseList {
    pub rows: Vec<ResponseRow>,
    /// Matching responses this person may not see (held for a safeguarding lead).
    pub withheld: usize,
}

impl ResponseRow {
    /// The row for a response of this consultation.
    pub fn new(c: &Consultation, r: &StoredResponse) -> Self {
        let survey = c.survey(&r.survey_id);
        let how = survey.and_then(|s| {
            let q = s
                .questions
                .iter()
                .find(|q| q.kind == QuestionKind::AnsweredHow)?;
            r.answers.get(&q.id).map(|a| describe_answer(q, a))
        });
        ResponseRow {
            id: r.id,
            survey_id: r.survey_id.clone(),
            audience_label: survey
                .map(|s| s.audience.label().to_string())
                .unwrap_or_default(),
            received_at: r.received_at,
            answered_how: how,
            flagged: is_flagged(r),
            answered: r.answers.len(),
            language: r.language,
        }
    }
}

/// A response waiting for a safeguarding lead, with its context (no answers: opening it
/// is a recorded view).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldResponse {
    pub consultation_id: String,
    pub consultation_title: String,
    pub survey_title: String,
    pub row: ResponseRow,
    /// Why it is held: the open concerns' reasons.
    pub reasons: Vec<String>,
    /// When its participant withdrew it (seconds since the epoch): kept for the lead only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_at: Option<u64>,
}

impl HeldResponse {
    /// The queue entry for a held response.
    pub fn new(c: &Consultation, r: &StoredResponse) -> Self {
        HeldResponse {
            consultation_id: c.id.clone(),
            consultation_title: c.title.clone(),
            survey_title: c
                .survey(&r.survey_id)
                .map(|s| s.title.clone())
                .unwrap_or_default(),
            row: ResponseRow::new(c, r),
            reasons: r
                .reviews
                .iter()
                .filter(|v| v.cleared.is_none())
                .map(|v| format!("{} ({})", v.reason, v.raised_by))
                .collect(),
            withdrawn_at: None,
        }
    }
}

/// `POST /api/manage/responses/{id}/concern` and `.../clear`: what the person wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewNote {
    pub text: String,
}

/// `POST /api/withdraw`: a participant's receipt code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub code: String,
}

/// One response as read by a facilitator: each question asked, with the answer in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseDetail {
    pub consultation_id: String,
    pub row: ResponseRow,
    pub survey_title: String,
    pub answers: Vec<AnswerLine>,
    /// Concerns raised and how they were dealt with.
    #[serde(default)]
    pub reviews: Vec<crate::safeguarding::Review>,
    /// When its participant withdrew it: kept for the safeguarding lead only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_at: Option<u64>,
}

/// A question and its answer in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerLine {
    pub question: String,
    pub answer: String,
}

impl ResponseDetail {
    /// The detail of a response, questions in survey order; unanswered questions are left out.
    pub fn new(c: &Consultation, r: &StoredResponse) -> Self {
        let survey = c.survey(&r.survey_id);
        let answers = survey
            .map(|s| {
                s.questions
                    .iter()
                    .filter_map(|q| {
                        r.answers.get(&q.id).map(|a| AnswerLine {
                            question: q.text.clone(),
                            answer: describe_answer(q, a),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        ResponseDetail {
            consultation_id: c.id.clone(),
            row: ResponseRow::new(c, r),
            survey_title: survey.map(|s| s.title.clone()).unwrap_or_default(),
            answers,
            reviews: r.reviews.clone(),
            withdrawn_at: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn details() -> Details {
        Details::of(&crate::demo::consultation())
    }

    #[test]
    fn details_report_every_problem_by_field() {
        let mut d = details();
        assert_eq!(d.validate(), Ok(()));
        d.title = "  ".into();
        d.closes_on = Some("2027-02-30".into());
        d.retention_months = Some(0);
        let fields: Vec<_> = d
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(fields, ["title", "closes_on", "retention_months"]);
    }

    #[test]
    fn retention_runs_whole_months_from_the_closing_date() {
        let mut c = crate::demo::consultation();
        c.closes_on = Some("2027-01-31".into());
        assert_eq!(retention_ends(&c), None, "no period set");
        c.retention_months = Some(1);
        assert_eq!(retention_ends(&c), epoch_day("2027-02-28"));
        c.retention_months = Some(24);
        assert_eq!(retention_ends(&c), epoch_day("2029-01-31"));
        c.closes_on = None;
        assert_eq!(retention_ends(&c), None, "no closing date");
    }

    #[test]
    fn dates_are_checked_and_converted() {
        assert!(is_iso_date("2028-02-29"));
        assert!(!is_iso_date("2027-02-29"));
        assert!(!is_iso_date("2027-13-01"));
        assert!(!is_iso_date("31/03/2027"));
        assert_eq!(epoch_day("1970-01-01"), Some(0));
        assert_eq!(epoch_day("2000-03-01"), Some(11_017));
        for day in [0u64, 11_016, 11_017, 20_000, 24_000] {
            let iso = iso_date(day * 86_400 + 3_600);
            assert_eq!(epoch_day(&iso), Some(day as i64), "{iso}");
        }
    }

    #[test]
    fn a_template_copy_gets_its_own_survey_ids_and_starts_as_a_draft() {
        let c = new_consultation(
            "speech-2027",
            " Speech 2027 ",
            Template::TherapiesReview,
            "f@x.org",
        );
        assert_eq!(c.status, Status::Draft);
        assert_eq!(c.title, "Speech 2027");
        assert_eq!(c.team, ["f@x.org"]);
        let ids: Vec<_> = c.surveys.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "speech-2027-children",
                "speech-2027-parents",
                "speech-2027-professionals"
            ]
        );
        assert_eq!(c.validate(), Ok(()));
        let blank = new_consultation("b", "B", Template::Blank, "f@x.org");
        assert!(blank.surveys.is_empty());
    }

    #[test]
    fn new_children_surveys_ask_how_they_answered() {
        let c = new_consultation("c", "C", Template::TherapiesReview, "f@x.org");
        let s = new_survey(&c, Audience::ChildrenAndYoungPeople, "");
        assert_eq!(s.id, "c-children-2");
        assert!(s.child_mode);
        assert!(
            s.questions
                .iter()
                .any(|q| q.kind == QuestionKind::AnsweredHow)
        );
        assert_eq!(s.validate(), Ok(()));
        let p = new_survey(&c, Audience::Other("School governors".into()), "Governors");
        assert_eq!(p.id, "c-school-governors");
        assert!(!p.child_mode);
    }

    #[test]
    fn filters_narrow_by_survey_audience_date_help_and_flag() {
        let c = crate::demo::consultation();
        let how_q = c.surveys[0]
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::AnsweredHow)
            .expect("the demo children's survey asks how they answered");
        let day = epoch_day("2027-01-15").unwrap() as u64 * 86_400 + 600;
        let r = StoredResponse {
            id: Uuid::from_u128(1),
            consultation_id: c.id.clone(),
            survey_id: c.surveys[0].id.clone(),
            answers: [(how_q.id.clone(), Answer::Choice("with_help".into()))].into(),
            received_at: day,
            language: Default::default(),
            flags: Vec::new(),
            reviews: Vec::new(),
        };
        let all = ResponseFilter::default();
        assert!(all.matches(&c, &r));
        let f = |f: ResponseFilter| f.matches(&c, &r);
        assert!(f(ResponseFilter {
            audience: Some("Children and young people".into()),
            ..all.clone()
        }));
        assert!(!f(ResponseFilter {
            audience: Some("Parents and carers".into()),
            ..all.clone()
        }));
        assert!(f(ResponseFilter {
            from: Some("2027-01-15".into()),
            to: Some("2027-01-15".into()),
            ..all.clone()
        }));
        assert!(!f(ResponseFilter {
            from: Some("2027-01-16".into()),
            ..all.clone()
        }));
        assert!(!f(ResponseFilter {
            to: Some("2027-01-14".into()),
            ..all.clone()
        }));
        assert!(f(ResponseFilter {
            how: Some("with_help".into()),
            ..all.clone()
        }));
        assert!(!f(ResponseFilter {
            how: Some("own".into()),
            ..all.clone()
        }));
        assert!(!f(ResponseFilter {
            flagged: Some(true),
            ..all.clone()
        }));
        assert!(!f(ResponseFilter {
            survey: Some(c.surveys[1].id.clone()),
            ..all.clone()
        }));
        let row = ResponseRow::new(&c, &r);
        assert_eq!(row.answered_how.as_deref(), Some("With help"));
        assert_eq!(
            ResponseFilter {
                from: Some("15/01/2027".into()),
                ..all
            }
            .validate()
            .unwrap_err()
            .path,
            "from"
        );
    }
}
