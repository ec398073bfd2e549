//! Counts of responses per survey and audience.

use crate::survey::Consultation;
use serde::{Deserialize, Serialize};

/// `GET /api/consultations/{id}/summary`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationSummary {
    pub consultation_id: String,
    pub title: String,
    pub total_responses: u64,
    /// Responses held back for a safeguarding lead: counted here, shown nowhere else.
    #[serde(default)]
    pub held_for_safeguarding: u64,
    pub surveys: Vec<SurveyCount>,
}

/// Responses to one survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyCount {
    pub survey_id: String,
    pub audience_label: String,
    pub responses: u64,
}

/// Builds the summary from a consultation, a way to count each survey's responses, and
/// how many are held back for safeguarding.
pub fn summarise(
    consultation: &Consultation,
    count: impl Fn(&str) -> u64,
    held: u64,
) -> ConsultationSummary {
    let surveys: Vec<SurveyCount> = consultation
        .surveys
        .iter()
        .map(|s| SurveyCount {
            survey_id: s.id.clone(),
            audience_label: s.audience.label().to_string(),
            responses: count(&s.id),
        })
        .collect();
    ConsultationSummary {
        consultation_id: consultation.id.clone(),
        title: consultation.title.clone(),
        total_responses: surveys.iter().map(|s| s.responses).sum(),
        held_for_safeguarding: held,
        surveys,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_add_up_per_survey() {
        let demo = crate::demo::consultation();
        let summary = summarise(&demo, |id| if id.ends_with("children") { 3 } else { 2 }, 1);
        assert_eq!(summary.surveys.len(), 3);
        assert_eq!(summary.total_responses, 7);
        assert_eq!(summary.held_for_safeguarding, 1);
        assert_eq!(
            summary.surveys[0].audience_label,
            "Children and young people"
        );
    }
}
