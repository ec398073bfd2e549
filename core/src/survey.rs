//! The survey model: consultations, their surveys per audience, and questions.
//!
//! Surveys are data (serde JSON) so facilitators can import and export them; every
//! definition is checked by [`Survey::validate`] before it is stored or shown.

use crate::language::{Language, Words};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use thiserror::Error;

/// A review that asks several audiences for their views, e.g. a children's therapies review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consultation {
    /// Stable short identifier used in links, e.g. `therapies-review`.
    pub id: String,
    pub title: String,
    /// Why the consultation is happening, in plain words.
    pub purpose: String,
    /// Who is asking, e.g. the council and the NHS.
    pub who_is_asking: String,
    /// What will happen to the answers.
    pub what_happens_next: String,
    /// Last day answers are accepted, as an ISO date (`YYYY-MM-DD`).
    pub closes_on: Option<String>,
    /// Who to contact locally about a worry for a child's safety, shown on the "Need to talk?" page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safeguarding_contact: Option<String>,
    /// Whether participants can answer yet, still, or at all.
    #[serde(default)]
    pub status: Status,
    /// Who to contact about data protection (e.g. the council's data protection officer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_contact: Option<String>,
    /// Months after closing that responses are kept before deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_months: Option<u32>,
    /// Local school and setting names, removed from answers in anything shared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub school_names: Vec<String>,
    /// Accounts (emails) who can see this consultation; administrators see every one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<String>,
    pub surveys: Vec<Survey>,
}

/// Where a consultation is in its life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being built: only the team can see it.
    Draft,
    /// Taking answers. The default because consultations stored before statuses existed were open.
    #[default]
    Open,
    /// No longer taking answers; results are still read.
    Closed,
    /// Put away: hidden from lists, kept until its retention ends.
    Archived,
}

impl Status {
    /// Every status, in the order a consultation passes through them.
    pub const ALL: [Status; 4] = [
        Status::Draft,
        Status::Open,
        Status::Closed,
        Status::Archived,
    ];

    /// The status in words.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Open => "Open",
            Status::Closed => "Closed",
            Status::Archived => "Archived",
        }
    }
}

/// A short link identifier made from a title: "Children's therapies review" -> `childrens-therapies-review`.
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !slug.ends_with('-')
            && !slug.is_empty()
        {
            slug.push('-');
        }
    }
    let mut slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "consultation".into()
    } else {
        slug
    }
}

/// Who a survey is for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    ChildrenAndYoungPeople,
    ParentsAndCarers,
    ProfessionalsAndPartners,
    /// An audience the facilitator names, e.g. "School governors".
    Other(String),
}

impl Audience {
    /// The audience's name as shown to people.
    pub fn label(&self) -> &str {
        self.label_in(Language::English.words())
    }

    /// The audience's name in the words of one language (a facilitator's own name as written).
    pub fn label_in<'a>(&'a self, words: &'static Words) -> &'a str {
        match self {
            Audience::ChildrenAndYoungPeople => words.audiences[0],
            Audience::ParentsAndCarers => words.audiences[1],
            Audience::ProfessionalsAndPartners => words.audiences[2],
            Audience::Other(label) => label,
        }
    }
}

/// One audience's survey: an ordered list of questions, one per page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    /// Globally unique identifier used in links, e.g. `therapies-children`.
    pub id: String,
    pub audience: Audience,
    pub title: String,
    /// Shown on the start page: why we are asking this audience.
    pub intro: String,
    /// Larger text and targets, faces and pictures: for children's surveys.
    #[serde(default)]
    pub child_mode: bool,
    pub questions: Vec<Question>,
    /// The survey's words in other languages, by language code (`cy`, `ar`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub translations:
        std::collections::BTreeMap<crate::language::Language, crate::translation::SurveyText>,
}

/// One question, shown on its own page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Identifier unique within the survey; answers are keyed by it.
    pub id: String,
    /// The question as asked; it becomes the page heading.
    pub text: String,
    /// Optional help shown under the heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The question in easy-read words, for people who find the usual wording hard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<String>,
    #[serde(default)]
    pub required: bool,
    /// Offer an "I don't know" answer.
    #[serde(default)]
    pub allow_dont_know: bool,
    /// Offer an "I'd rather not say" answer.
    #[serde(default)]
    pub allow_rather_not_say: bool,
    /// Ask this question only when an earlier answer matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<ShowIf>,
    #[serde(flatten)]
    pub kind: QuestionKind,
}

/// A condition on an earlier answer: its option id (any of them, for several choices),
/// scale point ("1" to "5"), `dont_know` or `rather_not_say` must be one of `any_of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowIf {
    pub question: String,
    pub any_of: Vec<String>,
}

impl ShowIf {
    /// Whether the answers meet the condition (no answer never does).
    pub fn matches(&self, answers: &crate::response::Answers) -> bool {
        use crate::response::Answer;
        let hit = |value: &str| self.any_of.iter().any(|v| v == value);
        match answers.get(&self.question) {
            Some(Answer::Choice(id)) => hit(id),
            Some(Answer::Choices(ids)) => ids.iter().any(|id| hit(id)),
            Some(Answer::Scale(point)) => hit(&point.to_string()),
            Some(Answer::DontKnow) => hit("dont_know"),
            Some(Answer::RatherNotSay) => hit("rather_not_say"),
            Some(Answer::Text(text)) => !text.trim().is_empty() && hit("answered"),
            Some(Answer::Number(n)) => hit(&n.to_string()),
            None => false,
        }
    }
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// One option from a list.
    SingleChoice { options: Vec<Choice> },
    /// Any number of options, up to `max` if set.
    MultipleChoice {
        options: Vec<Choice>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
    },
    /// A row of labelled faces: 3 for young children, 5 for older ones.
    Faces { points: u8 },
    /// Strongly agree to strongly disagree, five points.
    Agreement,
    /// Yes, no or not sure.
    YesNo,
    /// Free text, with an optional limit counted in graphemes (what people see as characters).
    FreeText {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_graphemes: Option<u32>,
    },
    /// "How did you answer?": on my own, with help, or someone answered for me.
    AnsweredHow,
    /// Put every option in order, most important first (moved with buttons, never dragged).
    Ranking { options: Vec<Choice> },
    /// A whole number, optionally between `min` and `max`, with a unit such as "sessions".
    Number {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
}

/// A labelled option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// A picture shown with the words, for children and anyone who reads pictures more easily.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<crate::symbol::Symbol>,
}

impl Choice {
    /// A choice from an id and label.
    pub fn new(id: &str, label: &str) -> Self {
        Choice {
            id: id.into(),
            label: label.into(),
            symbol: None,
        }
    }
}

/// An ISO date (`2027-03-31`) the way people write it in English: "31 March 2027".
pub fn long_date(iso: &str) -> Option<String> {
    Language::English.long_date(iso)
}

impl QuestionKind {
    /// The fixed options of a choice-like question, in display order, in English.
    pub fn options(&self) -> Vec<Choice> {
        self.options_in(Language::English.words())
    }

    /// The fixed options in the words of one language (the survey's own options are
    /// translated by [`Survey::in_language`]).
    pub fn options_in(&self, words: &Words) -> Vec<Choice> {
        let fixed = |ids: [&str; 3], labels: [&str; 3]| {
            ids.iter()
                .zip(labels)
                .map(|(id, label)| Choice::new(id, label))
                .collect()
        };
        match self {
            QuestionKind::YesNo => fixed(["yes", "no", "not_sure"], words.yes_no),
            QuestionKind::AnsweredHow => {
                fixed(["own", "with_help", "someone_else"], words.answered_how)
            }
            _ => self.own_options().to_vec(),
        }
    }

    /// The options the facilitator wrote (choice and ranking questions); none for the others.
    pub fn own_options(&self) -> &[Choice] {
        match self {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. }
            | QuestionKind::Ranking { options } => options,
            _ => &[],
        }
    }

    /// Scale points with their English words, highest value first; empty for non-scale questions.
    pub fn scale(&self) -> Vec<(u8, &'static str)> {
        self.scale_in(Language::English.words())
    }

    /// Scale points with their words in one language, highest value first.
    pub fn scale_in(&self, words: &'static Words) -> Vec<(u8, &'static str)> {
        let labels: &[&str] = match self {
            QuestionKind::Faces { points: 3 } => &words.faces_3,
            QuestionKind::Faces { .. } => &words.faces_5,
            QuestionKind::Agreement => &words.agreement,
            _ => return Vec::new(),
        };
        let top = labels.len() as u8;
        labels
            .iter()
            .enumerate()
            .map(|(i, label)| (top - i as u8, *label))
            .collect()
    }
}

/// A problem in a survey definition, with the path to the offending field.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[error("{path}: {message}")]
pub struct DefinitionProblem {
    /// Where the problem is, e.g. `questions[3].options`.
    pub path: String,
    pub message: String,
}

impl DefinitionProblem {
    /// A problem at a path.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        DefinitionProblem {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// What to do about an identifier that is not valid.
const ID_RULE: &str = "use 1 to 64 lower-case letters, digits, '-' or '_'";

/// Identifiers appear in links and keys: keep them short and URL-safe.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

impl Survey {
    /// Checks the definition and reports every problem found, each with its path.
    pub fn validate(&self) -> Result<(), Vec<DefinitionProblem>> {
        let mut problems = Vec::new();
        if !is_valid_id(&self.id) {
            problems.push(DefinitionProblem::new("id", ID_RULE));
        }
        if self.title.trim().is_empty() {
            problems.push(DefinitionProblem::new("title", "a title is needed"));
        }
        if self.questions.is_empty() {
            problems.push(DefinitionProblem::new(
                "questions",
                "at least one question is needed",
            ));
        }
        let mut seen = HashSet::new();
        for (i, question) in self.questions.iter().enumerate() {
            let at = |field: &str| format!("questions[{i}].{field}");
            if !is_valid_id(&question.id) {
                problems.push(DefinitionProblem::new(at("id"), ID_RULE));
            } else if !seen.insert(question.id.as_str()) {
                problems.push(DefinitionProblem::new(
                    at("id"),
                    format!("'{}' is used by an earlier question", question.id),
                ));
            }
            if question.text.trim().is_empty() {
                problems.push(DefinitionProblem::new(
                    at("text"),
                    "the question needs some words",
                ));
            }
            if let Some(condition) = &question.show_if {
                if !self.questions[..i]
                    .iter()
                    .any(|q| q.id == condition.question)
                {
                    problems.push(DefinitionProblem::new(
                        at("show_if.question"),
                        format!("'{}' must be an earlier question", condition.question),
                    ));
                }
                if condition.any_of.is_empty() {
                    problems.push(DefinitionProblem::new(
                        at("show_if.any_of"),
                        "at least one answer is needed",
                    ));
                }
            }
            match &question.kind {
                QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options, .. }
                | QuestionKind::Ranking { options } => {
                    if options.len() < 2 {
                        problems.push(DefinitionProblem::new(
                            at("options"),
                            "at least two options are needed",
                        ));
                    }
                    let mut option_ids = HashSet::new();
                    for (j, option) in options.iter().enumerate() {
                        if !is_valid_id(&option.id) {
                            problems.push(DefinitionProblem::new(
                                format!("questions[{i}].options[{j}].id"),
                                ID_RULE,
                            ));
                        } else if !option_ids.insert(option.id.as_str()) {
                            problems.push(DefinitionProblem::new(
                                format!("questions[{i}].options[{j}].id"),
                                format!("'{}' is used by an earlier option", option.id),
                            ));
                        }
                        if option.label.trim().is_empty() {
                            problems.push(DefinitionProblem::new(
                                format!("questions[{i}].options[{j}].label"),
                                "the option needs a label",
                            ));
                        }
                    }
                    if let QuestionKind::MultipleChoice { max: Some(max), .. } = &question.kind
                        && (*max == 0 || *max as usize > options.len())
                    {
                        problems.push(DefinitionProblem::new(
                            at("max"),
                            format!(
                                "must be between 1 and the number of options ({})",
                                options.len()
                            ),
                        ));
                    }
                }
                QuestionKind::Faces { points } => {
                    if *points != 3 && *points != 5 {
                        problems.push(DefinitionProblem::new(
                            at("points"),
                            "faces scales have 3 or 5 points",
                        ));
                    }
                }
                QuestionKind::FreeText {
                    max_graphemes: Some(0),
                } => {
                    problems.push(DefinitionProblem::new(
                        at("max_graphemes"),
                        "must be at least 1",
                    ));
                }
                QuestionKind::Number {
                    min: Some(min),
                    max: Some(max),
                    ..
                } if min > max => {
                    problems.push(DefinitionProblem::new(
                        at("max"),
                        "must be at least the smallest number allowed",
                    ));
                }
                QuestionKind::FreeText { .. }
                | QuestionKind::Agreement
                | QuestionKind::YesNo
                | QuestionKind::AnsweredHow
                | QuestionKind::Number { .. } => {}
            }
        }
        problems.extend(crate::translation::problems(self));
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The question with this id, if any.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Whether question `index` is asked, given the answers so far: its condition holds
    /// and the question the condition depends on is itself asked.
    pub fn is_shown(&self, index: usize, answers: &crate::response::Answers) -> bool {
        let Some(question) = self.questions.get(index) else {
            return false;
        };
        match &question.show_if {
            None => true,
            Some(condition) => {
                let earlier = self.questions[..index]
                    .iter()
                    .position(|q| q.id == condition.question);
                earlier.is_some_and(|e| self.is_shown(e, answers)) && condition.matches(answers)
            }
        }
    }

    /// The indexes of the questions asked, given the answers so far.
    pub fn shown(&self, answers: &crate::response::Answers) -> Vec<usize> {
        (0..self.questions.len())
            .filter(|&i| self.is_shown(i, answers))
            .collect()
    }
}

impl Consultation {
    /// Checks the consultation and all its surveys; paths start at the consultation.
    pub fn validate(&self) -> Result<(), Vec<DefinitionProblem>> {
        let mut problems = Vec::new();
        if !is_valid_id(&self.id) {
            problems.push(DefinitionProblem::new("id", ID_RULE));
        }
        if self.title.trim().is_empty() {
            problems.push(DefinitionProblem::new("title", "a title is needed"));
        }
        let mut seen = HashSet::new();
        for (i, survey) in self.surveys.iter().enumerate() {
            if !seen.insert(survey.id.as_str()) {
                problems.push(DefinitionProblem::new(
                    format!("surveys[{i}].id"),
                    format!("'{}' is used by an earlier survey", survey.id),
                ));
            }
            if let Err(inner) = survey.validate() {
                problems.extend(inner.into_iter().map(|p| DefinitionProblem {
                    path: format!("surveys[{i}].{}", p.path),
                    message: p.message,
                }));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The survey with this id, if any.
    pub fn survey(&self, id: &str) -> Option<&Survey> {
        self.surveys.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, kind: QuestionKind) -> Question {
        Question {
            id: id.into(),
            text: "How is it?".into(),
            hint: None,
            easy_read: None,
            required: false,
            allow_dont_know: false,
            allow_rather_not_say: false,
            show_if: None,
            kind,
        }
    }

    fn survey(questions: Vec<Question>) -> Survey {
        Survey {
            id: "s".into(),
            audience: Audience::ParentsAndCarers,
            title: "Survey".into(),
            intro: String::new(),
            child_mode: false,
            translations: Default::default(),
            questions,
        }
    }

    #[test]
    fn a_sound_survey_validates() {
        let s = survey(vec![
            question("feel", QuestionKind::Faces { points: 3 }),
            question(
                "say",
                QuestionKind::FreeText {
                    max_graphemes: Some(200),
                },
            ),
            question("how", QuestionKind::AnsweredHow),
        ]);
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let s = survey(vec![
            question("a", QuestionKind::Faces { points: 4 }),
            question(
                "a",
                QuestionKind::SingleChoice {
                    options: vec![Choice::new("x", "X")],
                },
            ),
            question(
                "c",
                QuestionKind::MultipleChoice {
                    options: vec![Choice::new("x", "X"), Choice::new("x", "")],
                    max: Some(3),
                },
            ),
        ]);
        let paths: Vec<String> = s
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            paths,
            vec![
                "questions[0].points: faces scales have 3 or 5 points",
                "questions[1].id: 'a' is used by an earlier question",
                "questions[1].options: at least two options are needed",
                "questions[2].options[1].id: 'x' is used by an earlier option",
                "questions[2].options[1].label: the option needs a label",
                "questions[2].max: must be between 1 and the number of options (2)",
            ]
        );
    }

    #[test]
    fn empty_survey_and_bad_ids_are_refused() {
        let mut s = survey(vec![]);
        s.id = "Has Spaces".into();
        let problems = s.validate().unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].path, "id");
        assert_eq!(problems[1].path, "questions");
    }

    #[test]
    fn slugs_are_short_link_ids() {
        assert_eq!(
            slugify("Children's therapies review"),
            "childrens-therapies-review"
        );
        assert_eq!(
            slugify("  Speech & language -- 2027 "),
            "speech-language-2027"
        );
        assert_eq!(slugify("¿¿??"), "consultation");
        assert!(is_valid_id(&slugify(
            "A title that goes on and on and on for far too long to be a link"
        )));
    }

    #[test]
    fn consultation_paths_include_the_survey_index() {
        let c = Consultation {
            id: "c".into(),
            title: "T".into(),
            purpose: String::new(),
            who_is_asking: String::new(),
            what_happens_next: String::new(),
            closes_on: None,
            safeguarding_contact: None,
            status: Status::Open,
            privacy_contact: None,
            retention_months: None,
            school_names: Vec::new(),
            team: Vec::new(),
            surveys: vec![
                survey(vec![question("q", QuestionKind::Faces { points: 5 })]),
                survey(vec![]),
            ],
        };
        let problems = c.validate().unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "surveys[1].id: 's' is used by an earlier survey"
        );
        assert_eq!(problems[1].path, "surveys[1].questions");
    }

    #[test]
    fn scales_run_from_highest_value_to_lowest() {
        let faces = QuestionKind::Faces { points: 3 }.scale();
        assert_eq!(faces, vec![(3, "Happy"), (2, "OK"), (1, "Sad")]);
        assert_eq!(QuestionKind::Agreement.scale()[0], (5, "Strongly agree"));
        assert!(QuestionKind::YesNo.scale().is_empty());
    }

    #[test]
    fn conditions_must_point_back_and_hide_questions_until_met() {
        use crate::response::{Answer, Answers};
        let mut follow_up = question(
            "why",
            QuestionKind::FreeText {
                max_graphemes: None,
            },
        );
        follow_up.show_if = Some(ShowIf {
            question: "same".into(),
            any_of: vec!["no".into()],
        });
        let mut deeper = question("more", QuestionKind::YesNo);
        deeper.show_if = Some(ShowIf {
            question: "why".into(),
            any_of: vec!["answered".into()],
        });
        let s = survey(vec![
            question("same", QuestionKind::YesNo),
            follow_up.clone(),
            deeper,
        ]);
        assert_eq!(s.validate(), Ok(()));

        let mut answers = Answers::new();
        assert_eq!(s.shown(&answers), vec![0]);
        answers.insert("same".into(), Answer::Choice("no".into()));
        assert_eq!(s.shown(&answers), vec![0, 1]);
        answers.insert("why".into(), Answer::Text("changes a lot".into()));
        assert_eq!(s.shown(&answers), vec![0, 1, 2]);
        // Changing the first answer hides the whole chain.
        answers.insert("same".into(), Answer::Choice("yes".into()));
        assert_eq!(s.shown(&answers), vec![0]);

        let backwards = survey(vec![follow_up, question("same", QuestionKind::YesNo)]);
        let problems = backwards.validate().unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "questions[0].show_if.question: 'same' must be an earlier question"
        );
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(long_date("2027-03-31").as_deref(), Some("31 March 2027"));
        assert_eq!(long_date("2027-01-05").as_deref(), Some("5 January 2027"));
        assert_eq!(long_date("2027-13-01"), None);
        assert_eq!(long_date("soon"), None);
    }

    #[test]
    fn question_json_is_flat_and_tagged() {
        let q = question("feel", QuestionKind::Faces { points: 5 });
        let json = serde_json::to_value(&q).unwrap();
        assert_eq!(json["type"], "faces");
        assert_eq!(json["points"], 5);
        let back: Question = serde_json::from_value(json).unwrap();
        assert_eq!(back, q);
    }
}
