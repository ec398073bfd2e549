//! Warnings in the survey builder when a question asks for what a consultation should
//! not collect (names, dates of birth, contact details, schools, diagnoses).

/// What a question seems to ask for that a consultation should not collect, with what to
/// do instead; None when it looks fine. Used by the survey builder as a warning.
pub fn question_warning(text: &str) -> Option<&'static str> {
    let lower = format!(
        " {} ",
        text.to_lowercase()
            .replace(['?', ',', '.', '!', '(', ')'], " ")
    );
    let has = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
    if has(&[
        " your name",
        " child's name",
        "childs name",
        " full name",
        " first name",
        " surname",
    ]) {
        return Some(
            "This seems to ask for a name. Tellus is anonymous: please do not collect names.",
        );
    }
    if has(&[
        "date of birth",
        " birthday",
        " dob ",
        " born on",
        " how old ",
    ]) {
        return Some(
            "This seems to ask for a date of birth or exact age. Ask for an age band instead, like 11 to 15.",
        );
    }
    if has(&[
        " address",
        " postcode",
        " post code",
        "where do you live",
        " email",
        " phone number",
        " mobile number",
        " nhs number",
    ]) {
        return Some(
            "This seems to ask for contact details or an identifier. Please do not collect them.",
        );
    }
    if has(&[
        "which school",
        "what school",
        "name of your school",
        "school's name",
        "school name",
        "school do you go",
    ]) {
        return Some(
            "This seems to ask which school. A school can identify a child: ask about the type of setting instead.",
        );
    }
    if has(&[
        " diagnos",
        " condition do",
        " conditions do",
        " medical condition",
    ]) {
        return Some(
            "This seems to ask for a diagnosis, which is health information. Ask only if you truly need it, as an optional choice of broad groups.",
        );
    }
    None
}

/// Warnings for every question of a survey that seems to ask for personal data, by path.
pub fn survey_warnings(survey: &crate::Survey) -> Vec<crate::survey::DefinitionProblem> {
    survey
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            question_warning(&q.text).map(|w| {
                crate::survey::DefinitionProblem::new(
                    format!("questions[{i}].text"),
                    format!("Question {}: {w}", i + 1),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod question_tests {
    use super::*;

    #[test]
    fn questions_asking_for_personal_data_get_a_warning() {
        for text in [
            "What is your child's name?",
            "What is your date of birth?",
            "How old are you?",
            "What is your postcode?",
            "Which school do you go to?",
            "What is your email?",
            "What is your child's diagnosis?",
        ] {
            assert!(question_warning(text).is_some(), "{text}");
        }
        for text in [
            "How do you feel about your therapy sessions?",
            "Does therapy happen in school time?",
            "What age group are you in?",
            "Did someone help you answer?",
            "Do you know the name of the service?",
        ] {
            assert_eq!(question_warning(text), None, "{text}");
        }
    }
}
