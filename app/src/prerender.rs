//! The participant app's pages rendered to HTML on the server, from the same components the
//! browser mounts, so a survey's start page or question shows as soon as the HTML arrives.
//! The app then takes over (see `browser::take_prerendered`).

use crate::language::Lang;
use crate::participant::{Pages, provide_contexts};
use crate::state::Preloaded;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use tellus_core::api::SurveyPage;
use tellus_core::language::Language;

/// A page rendered on the server.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The body's HTML: header, page and footer.
    pub body: String,
    /// The document's title, as the app would set it.
    pub title: Option<String>,
    /// The language the page is in (for `lang` and `dir` on `<html>`).
    pub language: Language,
}

/// Renders the participant app's page at `path` (a path under `/s/{survey}`), with `page`
/// as the survey, in `preferred` where the survey is written in it (else English), as a
/// device with nothing saved on it would show it.
pub fn render(path: &str, page: SurveyPage, preferred: Language) -> Rendered {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(path));
        let lang = Lang::start(preferred);
        // As the survey's pages do (they stop offering when they go, as this render ends).
        lang.offer(Some(page.survey.languages()));
        let language = lang.get_untracked();
        provide_context(Preloaded(page));
        provide_contexts(lang);
        let _ = crate::browser::take_title();
        let body = view! { <Pages/> }.to_html();
        Rendered {
            body,
            title: crate::browser::take_title(),
            language,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey(id: &str) -> SurveyPage {
        let consultation = tellus_core::demo::consultation();
        let survey = consultation.survey(id).expect("demo survey");
        SurveyPage::new(&consultation, survey)
    }

    #[test]
    fn a_question_is_drawn_as_the_app_draws_it() {
        let page = render(
            "/s/therapies-children/q/1",
            survey("therapies-children"),
            Language::English,
        );
        let body = &page.body;
        assert!(body.contains("<div class=\"survey child-mode\">"), "{body}");
        assert!(body.contains("<h1 id=\"page-heading\" tabindex=\"-1\" class=\"fieldset__heading\">How do you feel about your therapy sessions?</h1>"), "{body}");
        assert!(body.contains("Question 1 of 6"), "{body}");
        // Five faces and "I don't know", with the ids the app gives them.
        for i in 0..6 {
            assert!(body.contains(&format!("id=\"feel_therapy-{i}\"")), "{body}");
        }
        assert!(
            body.contains("href=\"/s/therapies-children\" class=\"back-link\""),
            "{body}"
        );
        // Continue does nothing until the app has taken over (see `QuestionPage`).
        assert!(
            body.contains("<button type=\"button\" class=\"button\">Continue</button>"),
            "{body}"
        );
        // Nothing only a device can know: no answers, no outbox waiting, no kiosk.
        assert!(!body.contains("checked"), "{body}");
        assert!(body.contains("All answers sent"), "{body}");
        assert!(!body.contains("href=\"/device\""), "{body}");
        assert_eq!(
            page.title.as_deref(),
            Some("How do you feel about your therapy sessions? – Tellus")
        );
        assert_eq!(page.language, Language::English);
    }

    #[test]
    fn the_start_page_is_drawn_in_the_language_asked_for_where_the_survey_has_it() {
        let welsh = render(
            "/s/therapies-children",
            survey("therapies-children"),
            Language::Welsh,
        );
        assert_eq!(welsh.language, Language::Welsh);
        assert!(
            welsh.body.contains("aria-current=\"true\" lang=\"cy\""),
            "{}",
            welsh.body
        );
        assert!(!welsh.body.contains(">Start now<"), "{}", welsh.body);
        // The parents' survey is in English only.
        let parents = render(
            "/s/therapies-parents",
            survey("therapies-parents"),
            Language::Welsh,
        );
        assert_eq!(parents.language, Language::English);
        assert!(parents.body.contains("Start now"), "{}", parents.body);
        assert!(!parents.body.contains("child-mode"), "{}", parents.body);
        assert_eq!(
            parents.title.as_deref(),
            Some("Your family's experience of children's therapies – Tellus")
        );
    }

    #[test]
    fn every_kind_of_question_is_drawn_in_every_language() {
        use tellus_core::QuestionKind;
        for id in [
            "therapies-children",
            "therapies-parents",
            "therapies-professionals",
        ] {
            let mut page = survey(id);
            // The demo has no ranking or number question: two more, made from its first.
            let mut ranking = page.survey.questions[0].clone();
            ranking.id = "ranked".into();
            ranking.show_if = None;
            ranking.kind = QuestionKind::Ranking {
                options: ["a", "b", "c"]
                    .map(|o| tellus_core::Choice {
                        id: o.into(),
                        label: format!("Option {o}"),
                        symbol: None,
                    })
                    .to_vec(),
            };
            let mut number = ranking.clone();
            number.id = "counted".into();
            number.kind = QuestionKind::Number {
                min: Some(0),
                max: Some(50),
                unit: Some("sessions".into()),
            };
            page.survey.questions.extend([ranking, number]);
            for language in Language::ALL {
                // A branch's follow-up is never drawn on the server (see `tellus::pages`).
                for (i, question) in page.survey.questions.iter().enumerate() {
                    if question.show_if.is_some() {
                        continue;
                    }
                    let path = format!("/s/{id}/q/{}", i + 1);
                    let drawn = render(&path, page.clone(), language);
                    assert!(
                        drawn.body.contains("id=\"page-heading\""),
                        "{path} in {language:?}: {}",
                        drawn.body
                    );
                    let input = crate::components::question::first_input_id(question);
                    assert!(
                        drawn.body.contains(&format!("id=\"{input}\"")),
                        "{path} in {language:?}: {}",
                        drawn.body
                    );
                }
            }
        }
    }

    #[test]
    fn text_from_the_survey_is_escaped() {
        let mut page = survey("therapies-professionals");
        page.survey.questions[0].text = "<script>alert(1)</script> & you".into();
        let drawn = render("/s/therapies-professionals/q/1", page, Language::English);
        assert!(
            drawn
                .body
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; you"),
            "{}",
            drawn.body
        );
        assert!(!drawn.body.contains("<script>"), "{}", drawn.body);
    }
}
