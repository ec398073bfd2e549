//! Shapes of the JSON API that are not domain types themselves.

use crate::language::Language;
use crate::response::FieldError;
use crate::survey::{Consultation, Survey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every API error: `{ "error": { "code", "message", "fields" } }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub error: ErrorBody,
}

/// The body of an API error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// Stable machine-readable code, e.g. `invalid_answers`.
    pub code: String,
    /// A sentence for people saying what went wrong and what to do.
    pub message: String,
    /// Per-question problems, when the error is about answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
}

/// A survey with what participants need to know about the consultation it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyPage {
    pub consultation_id: String,
    pub consultation_title: String,
    pub purpose: String,
    pub who_is_asking: String,
    pub what_happens_next: String,
    pub closes_on: Option<String>,
    /// Local contact for safeguarding worries, if the facilitator set one.
    #[serde(default)]
    pub safeguarding_contact: Option<String>,
    /// Months answers are kept after closing, for the privacy notice.
    #[serde(default)]
    pub retention_months: Option<u32>,
    /// Who to contact about data protection, for the privacy notice.
    #[serde(default)]
    pub privacy_contact: Option<String>,
    pub survey: Survey,
}

impl SurveyPage {
    /// The page for one survey of a consultation.
    pub fn new(consultation: &Consultation, survey: &Survey) -> Self {
        SurveyPage {
            consultation_id: consultation.id.clone(),
            consultation_title: consultation.title.clone(),
            purpose: consultation.purpose.clone(),
            who_is_asking: consultation.who_is_asking.clone(),
            what_happens_next: consultation.what_happens_next.clone(),
            closes_on: consultation.closes_on.clone(),
            safeguarding_contact: consultation.safeguarding_contact.clone(),
            retention_months: consultation.retention_months,
            privacy_contact: consultation.privacy_contact.clone(),
            survey: survey.clone(),
        }
    }
}

/// A consultation as listed on the home page: its surveys without their questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsultationListing {
    pub id: String,
    pub title: String,
    pub purpose: String,
    pub surveys: Vec<SurveyListing>,
    /// The title and purpose in other languages, as its surveys' translations give them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<Language, ListingText>,
}

/// A title and a description in one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListingText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
}

/// One survey in a listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyListing {
    pub id: String,
    pub title: String,
    pub audience_label: String,
    pub child_mode: bool,
    /// Who it is for, so the audience can be named in the reader's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<crate::survey::Audience>,
    /// The survey's title in other languages.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub titles: BTreeMap<Language, String>,
}

impl ConsultationListing {
    /// The listing in `language`: translated titles where the surveys have them.
    pub fn in_language(&self, language: Language) -> ConsultationListing {
        let mut listing = self.clone();
        if let Some(text) = self.translations.get(&language) {
            if let Some(title) = &text.title {
                listing.title.clone_from(title);
            }
            if let Some(purpose) = &text.purpose {
                listing.purpose.clone_from(purpose);
            }
        }
        for survey in &mut listing.surveys {
            if let Some(title) = survey.titles.get(&language) {
                survey.title.clone_from(title);
            }
            if let Some(audience) = &survey.audience {
                survey.audience_label = audience.label_in(language.words()).to_string();
            }
        }
        listing
    }
}

impl From<&Consultation> for ConsultationListing {
    fn from(c: &Consultation) -> Self {
        ConsultationListing {
            id: c.id.clone(),
            title: c.title.clone(),
            purpose: c.purpose.clone(),
            surveys: c
                .surveys
                .iter()
                .map(|s| SurveyListing {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    audience_label: s.audience.label().to_string(),
                    child_mode: s.child_mode,
                    audience: Some(s.audience.clone()),
                    titles: s
                        .translations
                        .iter()
                        .filter_map(|(l, t)| Some((*l, t.title.clone()?)))
                        .collect(),
                })
                .collect(),
            translations: c.surveys.iter().flat_map(|s| &s.translations).fold(
                BTreeMap::new(),
                |mut all, (l, t)| {
                    let text: &mut ListingText = all.entry(*l).or_default();
                    if text.title.is_none() {
                        text.title.clone_from(&t.consultation_title);
                    }
                    if text.purpose.is_none() {
                        text.purpose.clone_from(&t.purpose);
                    }
                    all
                },
            ),
        }
    }
}

/// `PUT /api/responses/{id}` success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub id: uuid::Uuid,
    /// True when this request stored it; false when it was already stored (a retry).
    pub created: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_surveys_list_comes_in_each_language_its_surveys_are_written_in() {
        let listing = ConsultationListing::from(&crate::demo::consultation());
        let welsh = listing.in_language(Language::Welsh);
        assert_eq!(welsh.title, "Adolygiad o therapïau plant");
        let children = &welsh.surveys[0];
        assert_eq!(children.title, "Dywedwch wrthym am eich therapi");
        assert_eq!(children.audience_label, "Plant a phobl ifanc");
        // The parents' survey has no Welsh title, so it keeps its own; its audience is named in Welsh.
        let parents = &welsh.surveys[1];
        assert_eq!(parents.title, listing.surveys[1].title);
        assert_eq!(parents.audience_label, "Rhieni a gofalwyr");
        assert_eq!(listing.in_language(Language::English), listing);
        // Listings from an older server (no audience, no translations) still read.
        let old = r#"[{"id":"c","title":"T","purpose":"P","surveys":[{"id":"s","title":"S",
            "audience_label":"School governors","child_mode":false}]}]"#;
        let old: Vec<ConsultationListing> = serde_json::from_str(old).unwrap();
        assert_eq!(
            old[0].in_language(Language::Arabic).surveys[0].audience_label,
            "School governors"
        );
    }
}
