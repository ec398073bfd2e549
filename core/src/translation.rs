//! A survey's own words in other languages, written by its facilitator.
//!
//! Translations sit beside the English in the survey's JSON, keyed by language code and
//! question id; anything not translated falls back to the English, so a half-finished
//! translation never shows a blank. The interface's words around them are in
//! [`crate::language`].

use crate::api::SurveyPage;
use crate::language::Language;
use crate::survey::{Consultation, DefinitionProblem, QuestionKind, Survey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One survey's words in one language; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SurveyText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// The consultation's words, as this survey's start page shows them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultation_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who_is_asking: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what_happens_next: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safeguarding_contact: Option<String>,
    /// By question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, QuestionText>,
}

/// One question's words in one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuestionText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Option labels by option id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
}

/// Replaces `english` with `translated` when there is one.
fn put(english: &mut String, translated: &Option<String>) {
    if let Some(text) = translated {
        english.clone_from(text);
    }
}

/// Replaces an optional text, keeping the English where there is no translation.
fn put_opt(english: &mut Option<String>, translated: &Option<String>) {
    if english.is_some() && translated.is_some() {
        english.clone_from(translated);
    }
}

impl Survey {
    /// The languages this survey can be answered in: English, then its translations.
    pub fn languages(&self) -> Vec<Language> {
        let mut languages = vec![Language::English];
        languages.extend(self.translations.keys().copied());
        languages
    }

    /// The survey as shown in `language`: translated words where there are some, the English
    /// elsewhere. Ids, kinds and rules are unchanged, so answers mean the same in any language.
    pub fn in_language(&self, language: Language) -> Survey {
        let mut survey = self.clone();
        survey.translations.clear();
        let Some(text) = self.translations.get(&language) else {
            return survey;
        };
        put(&mut survey.title, &text.title);
        put(&mut survey.intro, &text.intro);
        for question in &mut survey.questions {
            let Some(words) = text.questions.get(&question.id) else {
                continue;
            };
            put(&mut question.text, &words.text);
            put_opt(&mut question.hint, &words.hint);
            put_opt(&mut question.easy_read, &words.easy_read);
            match &mut question.kind {
                QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options, .. }
                | QuestionKind::Ranking { options } => {
                    for option in options {
                        if let Some(label) = words.options.get(&option.id) {
                            option.label.clone_from(label);
                        }
                    }
                }
                QuestionKind::Number { unit, .. } => put_opt(unit, &words.unit),
                _ => {}
            }
        }
        survey
    }
}

impl Survey {
    /// Forgets translations of questions and options the survey no longer has (after an
    /// edit removed or renamed them); returns how many were dropped.
    pub fn drop_stale_translations(&mut self) -> usize {
        let mut dropped = 0;
        let questions = &self.questions;
        for text in self.translations.values_mut() {
            text.questions.retain(|id, words| {
                let Some(question) = questions.iter().find(|q| &q.id == id) else {
                    dropped += 1;
                    return false;
                };
                let options = question.kind.own_options();
                words.options.retain(|option, _| {
                    let kept = options.iter().any(|o| &o.id == option);
                    dropped += usize::from(!kept);
                    kept
                });
                true
            });
        }
        dropped
    }
}

impl SurveyPage {
    /// The start page and survey in `language`, falling back to English word by word.
    pub fn in_language(&self, language: Language) -> SurveyPage {
        let mut page = self.clone();
        page.survey = self.survey.in_language(language);
        if let Some(text) = self.survey.translations.get(&language) {
            put(&mut page.consultation_title, &text.consultation_title);
            put(&mut page.purpose, &text.purpose);
            put(&mut page.who_is_asking, &text.who_is_asking);
            put(&mut page.what_happens_next, &text.what_happens_next);
            put_opt(&mut page.safeguarding_contact, &text.safeguarding_contact);
        }
        page
    }
}

/// Problems with a survey's translations, each with its path.
pub(crate) fn problems(survey: &Survey) -> Vec<DefinitionProblem> {
    let mut problems = Vec::new();
    for (language, text) in &survey.translations {
        let at = |field: &str| format!("translations.{}.{field}", language.code());
        if *language == Language::English {
            problems.push(DefinitionProblem::new(
                "translations.en",
                "English is the survey's own language: change its words instead",
            ));
        }
        let blank = |value: &Option<String>| value.as_ref().is_some_and(|v| v.trim().is_empty());
        for (field, value) in text.fields() {
            if blank(value) {
                problems.push(DefinitionProblem::new(at(field), BLANK));
            }
        }
        for (id, words) in &text.questions {
            let at = |field: &str| at(&format!("questions.{id}.{field}"));
            let Some(question) = survey.question(id) else {
                problems.push(DefinitionProblem::new(
                    at("").trim_end_matches('.').to_string(),
                    format!("there is no question '{id}' in this survey"),
                ));
                continue;
            };
            for (field, value) in words.fields() {
                if blank(value) {
                    problems.push(DefinitionProblem::new(at(field), BLANK));
                }
            }
            let options = question.kind.own_options();
            for (option, label) in &words.options {
                if !options.iter().any(|o| &o.id == option) {
                    problems.push(DefinitionProblem::new(
                        at(&format!("options.{option}")),
                        format!("the question has no option '{option}'"),
                    ));
                } else if label.trim().is_empty() {
                    problems.push(DefinitionProblem::new(
                        at(&format!("options.{option}")),
                        BLANK,
                    ));
                }
            }
        }
    }
    problems
}

const BLANK: &str = "a translation needs some words (leave it out to use the English)";

/// One of a survey's texts that a facilitator can translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translatable {
    /// Where its translation sits, e.g. `questions.what_helps.options.games`.
    pub path: String,
    /// Where people meet it: "Survey", "Start page" or "Question 3".
    pub group: String,
    /// What it is within that group, e.g. "Hint" or "Option".
    pub part: &'static str,
    /// The English words.
    pub english: String,
    /// Long enough to deserve a text area rather than a one-line box.
    pub long: bool,
}

/// Every text of a survey that can be translated, in the order participants meet them:
/// the survey's title and introduction, its start page's words when `start` gives the
/// consultation they come from, then each question's words, hint, easier words, unit and
/// options. Empty English has nothing to translate and is left out.
pub fn translatable(survey: &Survey, start: Option<&Consultation>) -> Vec<Translatable> {
    let mut texts = Vec::new();
    let mut add = |path: String, group: &str, part: &'static str, english: &str, long: bool| {
        if !english.trim().is_empty() {
            texts.push(Translatable {
                path,
                group: group.to_string(),
                part,
                english: english.to_string(),
                long,
            });
        }
    };
    add(
        "title".into(),
        "Survey",
        "Survey title",
        &survey.title,
        false,
    );
    add(
        "intro".into(),
        "Survey",
        "Introduction",
        &survey.intro,
        true,
    );
    if let Some(c) = start {
        let page = "Start page";
        add(
            "consultation_title".into(),
            page,
            "Consultation title",
            &c.title,
            false,
        );
        add(
            "purpose".into(),
            page,
            "Why we are asking",
            &c.purpose,
            true,
        );
        add(
            "who_is_asking".into(),
            page,
            "Who is asking",
            &c.who_is_asking,
            true,
        );
        add(
            "what_happens_next".into(),
            page,
            "What happens next",
            &c.what_happens_next,
            true,
        );
        let contact = c.safeguarding_contact.as_deref().unwrap_or_default();
        add(
            "safeguarding_contact".into(),
            page,
            "Local safeguarding contact",
            contact,
            true,
        );
    }
    for (i, question) in survey.questions.iter().enumerate() {
        let group = format!("Question {}", i + 1);
        let at = |field: &str| format!("questions.{}.{field}", question.id);
        add(at("text"), &group, "Question", &question.text, true);
        let hint = question.hint.as_deref().unwrap_or_default();
        add(at("hint"), &group, "Hint", hint, true);
        let easy = question.easy_read.as_deref().unwrap_or_default();
        add(at("easy_read"), &group, "Easier words", easy, true);
        if let QuestionKind::Number {
            unit: Some(unit), ..
        } = &question.kind
        {
            add(at("unit"), &group, "Unit", unit, false);
        }
        for option in question.kind.own_options() {
            add(
                at(&format!("options.{}", option.id)),
                &group,
                "Option",
                &option.label,
                false,
            );
        }
    }
    texts
}

/// Where a survey's words (and its start page's, given the consultation) have no
/// translation into `language` yet, as paths, for the facilitator to finish.
pub fn untranslated(
    survey: &Survey,
    start: Option<&Consultation>,
    language: Language,
) -> Vec<String> {
    if language == Language::English {
        return Vec::new();
    }
    let text = survey.translations.get(&language);
    translatable(survey, start)
        .into_iter()
        .filter(|t| text.and_then(|text| text.get(&t.path)).is_none())
        .map(|t| t.path)
        .collect()
}

/// Why a translation could not be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranslationError {
    #[error("English is the survey's own language: change its words instead")]
    English,
    #[error("'{0}' is not a text of this survey")]
    UnknownPath(String),
}

/// A translation's place, parsed from its path.
enum Place<'p> {
    Survey(&'p str),
    Question(&'p str, &'p str),
    Option(&'p str, &'p str),
}

impl<'p> Place<'p> {
    fn parse(path: &'p str) -> Option<Self> {
        let mut parts = path.split('.');
        let place = match (parts.next()?, parts.next(), parts.next(), parts.next()) {
            ("questions", Some(id), Some("options"), Some(option)) => Place::Option(id, option),
            ("questions", Some(id), Some(field), None) => Place::Question(id, field),
            (field, None, None, None) => Place::Survey(field),
            _ => return None,
        };
        parts.next().is_none().then_some(place)
    }
}

impl SurveyText {
    /// The survey-wide fields by name.
    fn fields(&self) -> [(&'static str, &Option<String>); 7] {
        [
            ("title", &self.title),
            ("intro", &self.intro),
            ("consultation_title", &self.consultation_title),
            ("purpose", &self.purpose),
            ("who_is_asking", &self.who_is_asking),
            ("what_happens_next", &self.what_happens_next),
            ("safeguarding_contact", &self.safeguarding_contact),
        ]
    }

    fn field_mut(&mut self, name: &str) -> Option<&mut Option<String>> {
        Some(match name {
            "title" => &mut self.title,
            "intro" => &mut self.intro,
            "consultation_title" => &mut self.consultation_title,
            "purpose" => &mut self.purpose,
            "who_is_asking" => &mut self.who_is_asking,
            "what_happens_next" => &mut self.what_happens_next,
            "safeguarding_contact" => &mut self.safeguarding_contact,
            _ => return None,
        })
    }

    /// The translation at `path` (as [`Translatable::path`] names it), if there is one.
    pub fn get(&self, path: &str) -> Option<&str> {
        match Place::parse(path)? {
            Place::Survey(name) => self
                .fields()
                .into_iter()
                .find(|(n, _)| *n == name)?
                .1
                .as_deref(),
            Place::Question(id, name) => {
                let words = self.questions.get(id)?;
                words
                    .fields()
                    .into_iter()
                    .find(|(n, _)| *n == name)?
                    .1
                    .as_deref()
            }
            Place::Option(id, option) => self
                .questions
                .get(id)?
                .options
                .get(option)
                .map(String::as_str),
        }
    }

    /// Nothing translated.
    pub fn is_empty(&self) -> bool {
        self == &SurveyText::default()
    }
}

impl QuestionText {
    fn fields(&self) -> [(&'static str, &Option<String>); 4] {
        [
            ("text", &self.text),
            ("hint", &self.hint),
            ("easy_read", &self.easy_read),
            ("unit", &self.unit),
        ]
    }

    fn field_mut(&mut self, name: &str) -> Option<&mut Option<String>> {
        Some(match name {
            "text" => &mut self.text,
            "hint" => &mut self.hint,
            "easy_read" => &mut self.easy_read,
            "unit" => &mut self.unit,
            _ => return None,
        })
    }
}

impl Survey {
    /// Sets the translation into `language` of the text at `path` (see [`translatable`]).
    /// Blank words remove it, so the English shows; a language left with no translated
    /// text is no longer offered.
    pub fn set_translation(
        &mut self,
        language: Language,
        path: &str,
        words: &str,
    ) -> Result<(), TranslationError> {
        if language == Language::English {
            return Err(TranslationError::English);
        }
        let unknown = || TranslationError::UnknownPath(path.to_string());
        let value = (!words.trim().is_empty()).then(|| words.to_string());
        // Changed on a copy, kept only if the path is one of the survey's texts, so a
        // refusal leaves the survey as it was.
        let mut text = self
            .translations
            .get(&language)
            .cloned()
            .unwrap_or_default();
        match Place::parse(path).ok_or_else(unknown)? {
            Place::Survey(name) => *text.field_mut(name).ok_or_else(unknown)? = value,
            Place::Question(id, name) => {
                self.question(id).ok_or_else(unknown)?;
                let words = text.questions.entry(id.to_string()).or_default();
                *words.field_mut(name).ok_or_else(unknown)? = value;
            }
            Place::Option(id, option) => {
                let question = self.question(id).ok_or_else(unknown)?;
                if !question.kind.own_options().iter().any(|o| o.id == option) {
                    return Err(unknown());
                }
                let words = text.questions.entry(id.to_string()).or_default();
                match value {
                    Some(label) => words.options.insert(option.to_string(), label),
                    None => words.options.remove(option),
                };
            }
        }
        text.questions
            .retain(|_, words| words != &QuestionText::default());
        if text.is_empty() {
            self.translations.remove(&language);
        } else {
            self.translations.insert(language, text);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::{Answer, Answers, validate_answer_in, validate_answers};
    use crate::survey::Choice;

    fn demo_children() -> Survey {
        crate::demo::consultation()
            .survey("therapies-children")
            .unwrap()
            .clone()
    }

    fn choices_survey() -> Survey {
        let mut survey = demo_children();
        survey.questions[1].kind = QuestionKind::SingleChoice {
            options: vec![Choice::new("bus", "By bus"), Choice::new("car", "By car")],
        };
        survey.translations.clear();
        let mut words = QuestionText {
            text: Some("Sut ydych chi'n teithio?".into()),
            ..Default::default()
        };
        words.options.insert("bus".into(), "Ar y bws".into());
        let mut text = SurveyText::default();
        text.questions.insert(survey.questions[1].id.clone(), words);
        survey.translations.insert(Language::Welsh, text);
        survey
    }

    #[test]
    fn the_demo_childrens_survey_is_complete_in_welsh_and_arabic() {
        let demo = crate::demo::consultation();
        let survey = demo_children();
        assert_eq!(
            survey.languages(),
            vec![Language::English, Language::Welsh, Language::Arabic]
        );
        assert_eq!(survey.validate(), Ok(()));
        for language in [Language::Welsh, Language::Arabic] {
            assert_eq!(
                untranslated(&survey, Some(&demo), language),
                Vec::<String>::new()
            );
        }
        // The other demo surveys are English only, and say what a translation would need.
        let parents = demo.survey("therapies-parents").unwrap();
        assert_eq!(parents.languages(), vec![Language::English]);
        let missing = untranslated(parents, Some(&demo), Language::Welsh);
        assert!(missing.contains(&"title".to_string()));
        assert!(
            missing.iter().any(|p| p.contains(".options.")),
            "{missing:?}"
        );
    }

    #[test]
    fn a_translated_survey_keeps_its_ids_and_rules() {
        let english = demo_children();
        let welsh = english.in_language(Language::Welsh);
        assert_eq!(welsh.title, "Dywedwch wrthym am eich therapi");
        assert_ne!(welsh.questions[0].text, english.questions[0].text);
        assert!(
            welsh.questions[0]
                .easy_read
                .as_deref()
                .unwrap()
                .starts_with("Ydych")
        );
        for (w, e) in welsh.questions.iter().zip(&english.questions) {
            assert_eq!(w.id, e.id);
            assert_eq!(w.kind, e.kind);
            assert_eq!(w.show_if, e.show_if);
            assert_eq!(w.required, e.required);
        }
        assert!(welsh.translations.is_empty());
        assert_eq!(english.in_language(Language::English).title, english.title);
    }

    #[test]
    fn missing_words_fall_back_to_english_one_by_one() {
        let survey = choices_survey();
        let welsh = survey.in_language(Language::Welsh);
        assert_eq!(welsh.title, survey.title);
        assert_eq!(welsh.questions[1].text, "Sut ydych chi'n teithio?");
        let labels: Vec<String> = welsh.questions[1]
            .kind
            .options()
            .into_iter()
            .map(|o| o.label)
            .collect();
        assert_eq!(labels, ["Ar y bws", "By car"]);
        // No Arabic at all: the English survey.
        assert_eq!(
            survey.in_language(Language::Arabic).questions,
            survey.questions
        );
    }

    #[test]
    fn the_start_page_comes_in_the_language_too() {
        let demo = crate::demo::consultation();
        let page = SurveyPage::new(&demo, demo.survey("therapies-children").unwrap());
        let arabic = page.in_language(Language::Arabic);
        assert_eq!(arabic.consultation_title, "مراجعة خدمات العلاج للأطفال");
        assert!(arabic.who_is_asking.contains("NHS"));
        assert_ne!(arabic.what_happens_next, page.what_happens_next);
        assert_ne!(arabic.safeguarding_contact, page.safeguarding_contact);
        assert_eq!(arabic.closes_on, page.closes_on);
    }

    #[test]
    fn answers_mean_the_same_in_every_language() {
        let survey = demo_children();
        let mut answers = Answers::new();
        answers.insert("feel_therapy".into(), Answer::Scale(4));
        answers.insert("same_person".into(), Answer::Choice("no".into()));
        for language in Language::ALL {
            assert_eq!(
                validate_answers(&survey.in_language(language), &answers),
                Ok(())
            );
        }
        let welsh = survey.in_language(Language::Welsh);
        let error = validate_answer_in(&welsh.questions[0], None, Language::Welsh.words());
        assert_eq!(
            error.unwrap_err().message,
            "Dewiswch yr wyneb sy'n gweddu orau"
        );
    }

    #[test]
    fn translations_are_checked_by_path() {
        let mut survey = choices_survey();
        let mut text = survey.translations[&Language::Welsh].clone();
        text.title = Some("  ".into());
        text.questions
            .insert("nope".into(), QuestionText::default());
        let q = survey.questions[1].id.clone();
        text.questions
            .get_mut(&q)
            .unwrap()
            .options
            .insert("train".into(), "Ar y trên".into());
        survey.translations.insert(Language::Welsh, text);
        survey
            .translations
            .insert(Language::English, SurveyText::default());
        let paths: Vec<String> = survey
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(
            paths,
            [
                "translations.en".to_string(),
                "translations.cy.title".into(),
                "translations.cy.questions.nope".into(),
                format!("translations.cy.questions.{q}.options.train"),
            ]
        );
    }

    #[test]
    fn an_edit_that_removes_a_question_or_option_drops_its_translations() {
        let mut survey = choices_survey();
        survey.questions[1].kind = QuestionKind::SingleChoice {
            options: vec![Choice::new("car", "By car"), Choice::new("walk", "On foot")],
        };
        assert_eq!(survey.drop_stale_translations(), 1);
        assert_eq!(survey.validate(), Ok(()));
        survey.questions.remove(1);
        assert_eq!(survey.drop_stale_translations(), 1);
        assert!(survey.translations[&Language::Welsh].questions.is_empty());
        assert_eq!(survey.drop_stale_translations(), 0);
    }

    #[test]
    fn translations_travel_in_survey_json_keyed_by_language_code() {
        let survey = demo_children();
        let json = serde_json::to_value(&survey).unwrap();
        assert!(json["translations"]["cy"]["questions"]["feel_therapy"]["text"].is_string());
        assert!(json["translations"]["ar"]["title"].is_string());
        let back: Survey = serde_json::from_value(json).unwrap();
        assert_eq!(back, survey);
        // Surveys without translations say nothing about them.
        let plain = serde_json::to_value(survey.in_language(Language::English)).unwrap();
        assert!(plain.get("translations").is_none());
        let unknown = r#"{"id":"s","audience":"parents_and_carers","title":"T","intro":"I",
            "questions":[],"translations":{"fr":{"title":"Bonjour"}}}"#;
        assert!(serde_json::from_str::<Survey>(unknown).is_err());
    }
    #[test]
    fn every_text_a_participant_meets_can_be_translated_in_order() {
        let demo = crate::demo::consultation();
        let survey = demo_children();
        let texts = translatable(&survey, Some(&demo));
        let paths: Vec<&str> = texts.iter().map(|t| t.path.as_str()).collect();
        assert_eq!(&paths[..3], ["title", "intro", "consultation_title"]);
        assert_eq!(texts[0].english, survey.title);
        assert!(paths.contains(&"safeguarding_contact"));
        // Each question in order, its words before its options.
        let first = &survey.questions[0];
        let at = paths
            .iter()
            .position(|p| *p == format!("questions.{}.text", first.id))
            .unwrap();
        assert_eq!(texts[at].group, "Question 1");
        assert_eq!(texts[at].english, first.text);
        for q in &survey.questions {
            assert!(paths.contains(&format!("questions.{}.text", q.id).as_str()));
            for o in q.kind.own_options() {
                assert!(paths.contains(&format!("questions.{}.options.{}", q.id, o.id).as_str()));
            }
        }
        // Every listed text has a translation in the complete demo, found by its path.
        let welsh = &survey.translations[&Language::Welsh];
        assert!(
            texts.iter().all(|t| welsh.get(&t.path).is_some()),
            "{paths:?}"
        );
        // Without the consultation, only the survey's own texts.
        let own = translatable(&survey, None);
        assert!(own.iter().all(|t| t.group != "Start page"));
        assert_eq!(own.len() + 5, texts.len());
    }

    #[test]
    fn texts_with_no_english_are_not_offered_for_translation() {
        let mut survey = choices_survey();
        survey.intro = "  ".into();
        survey.questions[1].hint = None;
        let paths: Vec<String> = translatable(&survey, None)
            .into_iter()
            .map(|t| t.path)
            .collect();
        assert!(!paths.contains(&"intro".to_string()));
        assert!(!paths.contains(&format!("questions.{}.hint", survey.questions[1].id)));
    }

    #[test]
    fn a_translation_is_set_by_path_and_blank_words_bring_the_english_back() {
        let mut survey = choices_survey();
        let id = survey.questions[1].id.clone();
        survey
            .set_translation(Language::Welsh, "title", "Dweud wrthym")
            .unwrap();
        survey
            .set_translation(
                Language::Welsh,
                &format!("questions.{id}.options.car"),
                "Yn y car",
            )
            .unwrap();
        survey
            .set_translation(Language::Arabic, "purpose", "لماذا نسأل")
            .unwrap();
        let welsh = survey.in_language(Language::Welsh);
        assert_eq!(welsh.title, "Dweud wrthym");
        assert_eq!(
            welsh.questions[1]
                .kind
                .own_options()
                .iter()
                .map(|o| o.label.as_str())
                .collect::<Vec<_>>(),
            ["Ar y bws", "Yn y car"]
        );
        assert_eq!(
            survey.translations[&Language::Arabic].get("purpose"),
            Some("لماذا نسأل")
        );
        assert_eq!(survey.validate(), Ok(()));

        // Blank words remove the translation, so the English shows again.
        survey
            .set_translation(Language::Welsh, "title", "   ")
            .unwrap();
        assert_eq!(survey.in_language(Language::Welsh).title, survey.title);
        assert_eq!(survey.translations[&Language::Welsh].get("title"), None);
        assert_eq!(survey.validate(), Ok(()));

        // Emptying a language's last text stops offering it.
        survey
            .set_translation(Language::Arabic, "purpose", "")
            .unwrap();
        assert_eq!(survey.languages(), vec![Language::English, Language::Welsh]);
        for path in [
            format!("questions.{id}.text"),
            format!("questions.{id}.options.bus"),
            format!("questions.{id}.options.car"),
        ] {
            survey.set_translation(Language::Welsh, &path, "").unwrap();
        }
        assert_eq!(survey.languages(), vec![Language::English]);
    }

    #[test]
    fn only_the_surveys_own_texts_can_be_translated() {
        let mut survey = choices_survey();
        let before = survey.clone();
        let id = survey.questions[1].id.clone();
        for path in [
            "nope".to_string(),
            "".to_string(),
            "questions".to_string(),
            "questions.nope.text".to_string(),
            format!("questions.{id}.colour"),
            format!("questions.{id}.options.train"),
            format!("questions.{id}.options.bus.extra"),
            format!("questions.{}.options.yes", survey.questions[0].id),
        ] {
            assert_eq!(
                survey.set_translation(Language::Welsh, &path, "geiriau"),
                Err(TranslationError::UnknownPath(path.clone())),
                "{path}"
            );
        }
        assert_eq!(
            survey.set_translation(Language::English, "title", "Hello"),
            Err(TranslationError::English)
        );
        assert_eq!(survey, before, "a refused translation changes nothing");
    }
}
