use crate::auth::Signed;
use crate::error::AppError;
use crate::startup::AppState;
use crate::storage::Store;
use axum::Json;
use axum::extract::{Path, State};
use tellus_core::Status;
use tellus_core::account::Permission;
use tellus_core::api::{ConsultationListing, SurveyPage};
use tellus_core::summary::{ConsultationSummary, summarise};

/// `GET /api/consultations`: the open consultations and their surveys, for the home page.
pub async fn list(
    State(state): State<AppState>,
) -> Result<Json<Vec<ConsultationListing>>, AppError> {
    let consultations = state.store.consultations()?;
    Ok(Json(
        consultations
            .iter()
            .filter(|c| c.status == Status::Open)
            .map(ConsultationListing::from)
            .collect(),
    ))
}

/// `GET /api/surveys/{id}`: one survey with what participants need to know first.
pub async fn survey(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<SurveyPage>, AppError> {
    open_survey(&state.store, &id).map(Json)
}

/// A survey as participants see it: only while its consultation is open.
pub fn open_survey(store: &Store, id: &str) -> Result<SurveyPage, AppError> {
    let not_found = || AppError::NotFound {
        what: "survey",
        id: id.to_string(),
    };
    let consultation = store.consultation_of_survey(id)?.ok_or_else(not_found)?;
    let survey = consultation.survey(id).ok_or_else(not_found)?;
    match consultation.status {
        Status::Open => Ok(SurveyPage::new(&consultation, survey)),
        Status::Closed => Err(AppError::Closed),
        // Drafts and archived consultations do not exist as far as participants know.
        Status::Draft | Status::Archived => Err(not_found()),
    }
}

/// `GET /api/consultations/{id}/summary`: response counts per survey; possible disclosures
/// are only counted as held, never shown.
pub async fn summary(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<ConsultationSummary>, AppError> {
    let consultation = signed.consultation(&state.store, &id, Permission::ReadSummaries)?;
    let mut counts = std::collections::HashMap::new();
    let mut held = 0;
    for survey in &consultation.surveys {
        counts.insert(survey.id.clone(), state.store.count_responses(&survey.id)?);
        held += state.store.count_held(&survey.id)?;
    }
    Ok(Json(summarise(
        &consultation,
        |sid| counts.get(sid).copied().unwrap_or(0),
        held,
    )))
}
