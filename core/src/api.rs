//! Shapes of the JSON API that are not domain types themselves.

use crate::response::FieldError;
use crate::survey::{Consultation, Survey};
use serde::{Deserialize, Serialize};

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
}

/// One survey in a listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyListing {
    pub id: String,
    pub title: String,
    pub audience_label: String,
    pub child_mode: bool,
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
                })
                .collect(),
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
