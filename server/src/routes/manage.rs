//! Building consultations: create, edit details, open/close/archive, team, surveys, QR codes.

use super::session::record;
use crate::auth::Signed;
use crate::error::AppError;
use crate::startup::AppState;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use tellus_core::account::{Permission, normalise_email};
use tellus_core::audit::AuditAction;
use tellus_core::manage::{
    ConsultationOverview, Details, NewConsultation, NewSurvey, StatusChange, TeamChange,
    consultation_id_for, new_consultation, new_survey,
};
use tellus_core::survey::DefinitionProblem;
use tellus_core::{Consultation, Status, Survey};

/// Saves a changed consultation, records what was done to `target`, and returns once both
/// are on disk.
async fn persist(
    state: &AppState,
    signed: &Signed,
    c: &Consultation,
    action: AuditAction,
    target: &str,
    detail: &str,
) -> Result<(), AppError> {
    state.store.put_consultation(c)?;
    record(state, &signed.actor(), action, target, detail)?;
    state.store.flush().await?;
    Ok(())
}

/// The overview of a consultation, with its live counts.
fn overview(state: &AppState, c: &Consultation) -> ConsultationOverview {
    ConsultationOverview::new(c, |sid| {
        (
            state.store.count_responses(sid).unwrap_or(0),
            state.store.count_held(sid).unwrap_or(0),
        )
    })
}

/// `GET /api/manage/consultations`: the consultations this person is on.
pub async fn list(
    State(state): State<AppState>,
    signed: Signed,
) -> Result<Json<Vec<ConsultationOverview>>, AppError> {
    signed.require(Permission::ReadSummaries)?;
    Ok(Json(
        state
            .store
            .consultations()?
            .iter()
            .filter(|c| signed.can_see(c))
            .map(|c| overview(&state, c))
            .collect(),
    ))
}

/// `POST /api/manage/consultations`: a new draft, blank or from the therapies review template.
pub async fn create(
    State(state): State<AppState>,
    signed: Signed,
    body: Result<Json<NewConsultation>, JsonRejection>,
) -> Result<(StatusCode, Json<Consultation>), AppError> {
    signed.require(Permission::ManageConsultations)?;
    let Json(new) = body?;
    if new.title.trim().is_empty() {
        return Err(AppError::InvalidDefinition(vec![DefinitionProblem::new(
            "title",
            "Enter a title for the consultation",
        )]));
    }
    let base = consultation_id_for(&new.title);
    let mut id = base.clone();
    let mut n = 2;
    loop {
        let c = new_consultation(&id, &new.title, new.template, &signed.user.email);
        let taken = state.store.consultation(&id)?.is_some()
            || c.surveys
                .iter()
                .any(|s| state.store.survey_owner(&s.id).ok().flatten().is_some());
        if !taken {
            persist(
                &state,
                &signed,
                &c,
                AuditAction::ConsultationCreated,
                &c.id,
                "",
            )
            .await?;
            return Ok((StatusCode::CREATED, Json(c)));
        }
        id = format!("{base}-{n}");
        n += 1;
    }
}

/// `GET /api/manage/consultations/{id}`: the whole definition.
pub async fn get(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<Consultation>, AppError> {
    Ok(Json(signed.consultation(
        &state.store,
        &id,
        Permission::ReadSummaries,
    )?))
}

/// `PUT /api/manage/consultations/{id}/details`.
pub async fn details(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<Details>, JsonRejection>,
) -> Result<Json<Consultation>, AppError> {
    let mut c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(details) = body?;
    details.validate().map_err(AppError::InvalidDefinition)?;
    details.apply(&mut c);
    persist(
        &state,
        &signed,
        &c,
        AuditAction::ConsultationChanged,
        &c.id,
        "",
    )
    .await?;
    Ok(Json(c))
}

/// `PUT /api/manage/consultations/{id}/status`: open, close, archive (or back to draft).
pub async fn status(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<StatusChange>, JsonRejection>,
) -> Result<Json<Consultation>, AppError> {
    let mut c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(StatusChange { status }) = body?;
    if status == Status::Open {
        if c.surveys.is_empty() {
            return Err(AppError::Conflict {
                code: "nothing_to_open",
                message: "Add a survey before opening the consultation".into(),
            });
        }
        c.validate().map_err(AppError::InvalidDefinition)?;
    }
    let before = c.status;
    c.status = status;
    persist(
        &state,
        &signed,
        &c,
        AuditAction::StatusChanged,
        &c.id,
        &format!("{} -> {}", before.label(), status.label()),
    )
    .await?;
    Ok(Json(c))
}

/// `PUT /api/manage/consultations/{id}/team`: who can see it. Each email must be an account.
pub async fn team(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<TeamChange>, JsonRejection>,
) -> Result<Json<Consultation>, AppError> {
    let mut c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(TeamChange { team }) = body?;
    let mut emails = Vec::new();
    let mut problems = Vec::new();
    for (i, email) in team.iter().enumerate() {
        match normalise_email(email) {
            Ok(e) if state.store.user(&e)?.is_some() => {
                if !emails.contains(&e) {
                    emails.push(e)
                }
            }
            Ok(e) => problems.push(DefinitionProblem::new(
                format!("team[{i}]"),
                format!("There is no account for {e}; ask an administrator to add one first"),
            )),
            Err(e) => problems.push(DefinitionProblem::new(format!("team[{i}]"), e.to_string())),
        }
    }
    if !problems.is_empty() {
        return Err(AppError::InvalidDefinition(problems));
    }
    // Nobody removes themselves by accident and loses the consultation.
    if !signed.user.role.sees_everything() && !emails.contains(&signed.user.email) {
        emails.insert(0, signed.user.email.clone());
    }
    c.team = emails;
    persist(
        &state,
        &signed,
        &c,
        AuditAction::TeamChanged,
        &c.id,
        &c.team.join(", "),
    )
    .await?;
    Ok(Json(c))
}

/// `POST /api/manage/consultations/{id}/surveys`: a survey for another audience.
pub async fn add_survey(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<NewSurvey>, JsonRejection>,
) -> Result<(StatusCode, Json<Survey>), AppError> {
    let mut c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(new) = body?;
    let mut survey = new_survey(&c, new.audience, &new.title);
    let base = survey.id.clone();
    let mut n = 2;
    while state.store.survey_owner(&survey.id)?.is_some() || c.survey(&survey.id).is_some() {
        survey.id = format!("{base}-{n}");
        n += 1;
    }
    c.surveys.push(survey.clone());
    persist(
        &state,
        &signed,
        &c,
        AuditAction::SurveySaved,
        &survey.id,
        "added",
    )
    .await?;
    Ok((StatusCode::CREATED, Json(survey)))
}

/// `PUT /api/manage/consultations/{id}/surveys/{survey}`: saves a survey from the builder
/// or an imported JSON file, after checking every rule.
pub async fn save_survey(
    State(state): State<AppState>,
    signed: Signed,
    Path((id, survey_id)): Path<(String, String)>,
    body: Result<Json<Survey>, JsonRejection>,
) -> Result<Json<Survey>, AppError> {
    let mut c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(survey) = body?;
    let Some(slot) = c.surveys.iter_mut().find(|s| s.id == survey_id) else {
        return Err(AppError::NotFound {
            what: "survey",
            id: survey_id,
        });
    };
    if survey.id != survey_id {
        return Err(AppError::InvalidDefinition(vec![DefinitionProblem::new(
            "id",
            format!("The survey's id must stay '{survey_id}'"),
        )]));
    }
    survey.validate().map_err(AppError::InvalidDefinition)?;
    *slot = survey.clone();
    persist(
        &state,
        &signed,
        &c,
        AuditAction::SurveySaved,
        &survey.id,
        "",
    )
    .await?;
    Ok(Json(survey))
}

/// `DELETE /api/manage/consultations/{id}/surveys/{survey}`: only while it has no responses.
pub async fn delete_survey(
    State(state): State<AppState>,
    signed: Signed,
    Path((id, survey_id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let mut c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    if c.survey(&survey_id).is_none() {
        return Err(AppError::NotFound {
            what: "survey",
            id: survey_id,
        });
    }
    if state.store.count_responses(&survey_id)? + state.store.count_held(&survey_id)? > 0 {
        return Err(AppError::Conflict {
            code: "survey_has_responses",
            message: "This survey already has responses, so it cannot be deleted. Close the consultation instead".into(),
        });
    }
    c.surveys.retain(|s| s.id != survey_id);
    persist(
        &state,
        &signed,
        &c,
        AuditAction::SurveyDeleted,
        &survey_id,
        "",
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The address participants open, from the host this request came to.
pub fn public_link(headers: &HeaderMap, survey_id: &str) -> String {
    site_link(headers, &format!("/s/{survey_id}"))
}

/// A full link to a path of this site, as the person's browser reached it.
pub fn site_link(headers: &HeaderMap, path: &str) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = match headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
    {
        Some("https") => "https",
        _ => "http",
    };
    format!("{scheme}://{host}{path}")
}

/// A QR code of a link, as SVG.
pub fn qr_svg(link: &str) -> Result<String, AppError> {
    let code = qrcode::QrCode::new(link.as_bytes()).map_err(|e| AppError::BadRequest {
        code: "link_too_long",
        message: format!("The link is too long for a QR code: {e}"),
    })?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(256, 256)
        .quiet_zone(true)
        .build())
}

/// `GET /api/manage/consultations/{id}/surveys/{survey}/qr.svg`: a QR code of the survey's link, to print.
pub async fn qr(
    State(state): State<AppState>,
    signed: Signed,
    headers: HeaderMap,
    Path((id, survey_id)): Path<(String, String)>,
) -> Result<impl IntoResponse, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    if c.survey(&survey_id).is_none() {
        return Err(AppError::NotFound {
            what: "survey",
            id: survey_id,
        });
    }
    let svg = qr_svg(&public_link(&headers, &survey_id))?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg))
}
