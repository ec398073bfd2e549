//! A survey's own words in other languages, written by its facilitator.
//!
//! Translations sit beside the English in the survey's JSON, keyed by language code and
//! question id; anything not translated falls back to the English, so a half-finished
//! translation never shows a blank. The interface's words around them are in
//! [`crate::language`].

use crate::api::SurveyPage;
use crate::language::Language;
use crate::survey::{DefinitionProblem, QuestionKind, Survey};
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
        for (field, value) in [
            ("title", &text.title),
            ("intro", &text.intro),
            ("consultation_title", &text.consultation_title),
            ("purpose", &text.purpose),
            ("who_is_asking", &text.who_is_asking),
            ("what_happens_next", &text.what_happens_next),
            ("safeguarding_contact", &text.safeguarding_contact),
        ] {
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
            for (field, value) in [
                ("text", &words.text),
                ("hint", &words.hint),
                ("easy_read", &words.easy_read),
                ("unit", &words.unit),
            ] {
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

/// Where a survey's words have no translation into `language` yet, as paths into the
/// survey, for the facilitator to finish.
pub fn untranslated(survey: &Survey, language: Language) -> Vec<String> {
    if language == Language::English {
        return Vec::new();
    }
    let empty = SurveyText::default();
    let text = survey.translations.get(&language).unwrap_or(&empty);
    let mut missing = Vec::new();
    if text.title.is_none() {
        missing.push("title".to_string());
    }
    if text.intro.is_none() {
        missing.push("intro".to_string());
    }
    let none = QuestionText::default();
    for question in &survey.questions {
        let words = text.questions.get(&question.id).unwrap_or(&none);
        let at = |field: &str| format!("questions.{}.{field}", question.id);
        if words.text.is_none() {
            missing.push(at("text"));
        }
        if question.hint.is_some() && words.hint.is_none() {
            missing.push(at("hint"));
        }
        if question.easy_read.is_some() && words.easy_read.is_none() {
            missing.push(at("easy_read"));
        }
        for option in question.kind.own_options() {
            if !words.options.contains_key(&option.id) {
                missing.push(at(&format!("options.{}", option.id)));
            }
        }
    }
    missing
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
        let survey = demo_children();
        assert_eq!(
            survey.languages(),
            vec![Language::English, Language::Welsh, Language::Arabic]
        );
        assert_eq!(survey.validate(), Ok(()));
        for language in [Language::Welsh, Language::Arabic] {
            assert_eq!(untranslated(&survey, language), Vec::<String>::new());
        }
        // The other demo surveys are English only, and say what a translation would need.
        let demo = crate::demo::consultation();
        let parents = demo.survey("therapies-parents").unwrap();
        assert_eq!(parents.languages(), vec![Language::English]);
        let missing = untranslated(parents, Language::Welsh);
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
}
