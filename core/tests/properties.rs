//! Property tests: whatever arrives (arbitrary answers, arbitrary survey definitions,
//! arbitrary JSON, arbitrary text), validation and theming answer without panicking.

use proptest::prelude::*;
use tellus_core::response::{Answer, Answers, grapheme_count, validate_answers};
use tellus_core::survey::{Audience, Choice, Consultation, Question, QuestionKind, ShowIf, Survey};

fn kind() -> impl Strategy<Value = QuestionKind> {
    let options = prop::collection::vec(("[a-z_]{0,6}", ".{0,8}"), 0..5).prop_map(|v| {
        v.into_iter()
            .map(|(id, label)| Choice {
                id,
                label,
                symbol: None,
            })
            .collect::<Vec<_>>()
    });
    prop_oneof![
        options
            .clone()
            .prop_map(|options| QuestionKind::SingleChoice { options }),
        (options, prop::option::of(0u32..8))
            .prop_map(|(options, max)| QuestionKind::MultipleChoice { options, max }),
        any::<u8>().prop_map(|points| QuestionKind::Faces { points }),
        Just(QuestionKind::Agreement),
        Just(QuestionKind::YesNo),
        prop::option::of(0u32..50)
            .prop_map(|max_graphemes| QuestionKind::FreeText { max_graphemes }),
        Just(QuestionKind::AnsweredHow),
    ]
}

fn question() -> impl Strategy<Value = Question> {
    let show_if = prop::option::of(("[a-z_]{0,4}", prop::collection::vec("[a-z_0-9]{0,4}", 0..3)))
        .prop_map(|c| c.map(|(question, any_of)| ShowIf { question, any_of }));
    let flags = (any::<bool>(), any::<bool>(), any::<bool>());
    ("[a-z_]{0,4}", ".{0,10}", flags, show_if, kind()).prop_map(
        |(id, text, (required, allow_dont_know, allow_rather_not_say), show_if, kind)| Question {
            id,
            text,
            hint: None,
            easy_read: None,
            required,
            allow_dont_know,
            allow_rather_not_say,
            show_if,
            kind,
        },
    )
}

fn survey() -> impl Strategy<Value = Survey> {
    ("[a-z-]{0,6}", prop::collection::vec(question(), 0..6)).prop_map(|(id, questions)| Survey {
        id,
        audience: Audience::ChildrenAndYoungPeople,
        title: "T".into(),
        intro: String::new(),
        child_mode: true,
        translations: Default::default(),
        questions,
    })
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        "[a-z_]{0,6}".prop_map(Answer::Choice),
        prop::collection::vec("[a-z_]{0,6}", 0..6).prop_map(Answer::Choices),
        any::<u8>().prop_map(Answer::Scale),
        ".{0,80}".prop_map(Answer::Text),
        Just(Answer::DontKnow),
        Just(Answer::RatherNotSay),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn validating_any_answers_against_any_survey_never_panics(
        survey in survey(),
        answers in prop::collection::btree_map("[a-z_]{0,4}", answer(), 0..8),
    ) {
        let answers: Answers = answers;
        let _ = survey.validate();
        let _ = survey.shown(&answers);
        if let Err(errors) = validate_answers(&survey, &answers) {
            // Every error names a field and says what to do.
            prop_assert!(errors.iter().all(|e| !e.code.is_empty() && !e.message.is_empty()));
        }
    }

    #[test]
    fn importing_any_json_as_a_consultation_never_panics(json in ".{0,200}") {
        if let Ok(c) = serde_json::from_str::<Consultation>(&json) {
            let _ = c.validate();
        }
        let _ = serde_json::from_str::<Answers>(&json);
    }

    #[test]
    fn structured_but_wrong_survey_json_is_refused_or_reported(
        questions in prop::collection::vec(
            prop::collection::btree_map("[a-z_]{1,8}", prop_oneof![
                Just(serde_json::json!(null)), any::<i64>().prop_map(|n| serde_json::json!(n)),
                ".{0,6}".prop_map(|s| serde_json::json!(s)), Just(serde_json::json!([])),
            ], 0..6),
            0..4,
        ),
    ) {
        let json = serde_json::json!({ "id": "s", "audience": "parents_and_carers", "title": "T", "intro": "", "questions": questions });
        if let Ok(survey) = serde_json::from_value::<Survey>(json) {
            let _ = survey.validate();
        }
    }

    #[test]
    fn any_text_can_be_counted_themed_and_triaged(text in "\\PC{0,120}") {
        let _ = grapheme_count(&text);
        let _ = tellus_core::tone::tone(&text);
        let _ = tellus_core::safeguarding::PhraseList::default().check(&text);
        let found = tellus_core::privacy::find(&text, &["St Mary".to_string()]);
        let _ = tellus_core::privacy::redact(&text, &found);
        let texts = [text.clone(), "waiting list".into(), text];
        let _ = tellus_core::theme::analyse(&texts, &tellus_core::theme::Options { discover: true, ..Default::default() });
    }
}
