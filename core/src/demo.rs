//! The demo consultation: a children's therapies review drawn from a real local review.

use crate::survey::Consultation;

const THERAPIES_REVIEW: &str = include_str!("demo/therapies_review.json");

/// The demo "Children's therapies review" with surveys for children, parents and professionals.
pub fn consultation() -> Consultation {
    serde_json::from_str(THERAPIES_REVIEW).expect("the bundled demo consultation is valid JSON")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{Audience, QuestionKind};

    #[test]
    fn demo_is_valid_and_covers_three_audiences() {
        let demo = consultation();
        assert_eq!(demo.validate(), Ok(()));
        let audiences: Vec<_> = demo.surveys.iter().map(|s| s.audience.clone()).collect();
        assert_eq!(
            audiences,
            vec![
                Audience::ChildrenAndYoungPeople,
                Audience::ParentsAndCarers,
                Audience::ProfessionalsAndPartners
            ]
        );
    }

    #[test]
    fn childrens_survey_uses_child_mode_faces_and_asks_how_they_answered() {
        let demo = consultation();
        let children = demo.survey("therapies-children").unwrap();
        assert!(children.child_mode);
        assert!(
            children
                .questions
                .iter()
                .any(|q| matches!(q.kind, QuestionKind::Faces { .. }))
        );
        assert!(
            children
                .questions
                .iter()
                .any(|q| matches!(q.kind, QuestionKind::FreeText { .. }))
        );
        assert!(
            children
                .questions
                .iter()
                .any(|q| q.kind == QuestionKind::AnsweredHow)
        );
    }
}
