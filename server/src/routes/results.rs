//! Reading what people said: responses, one response, charts. Held responses reach
//! only safeguarding leads, and each view of one is audited.

use super::session::record;
use crate::auth::Signed;
use crate::error::AppError;
use crate::startup::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use tellus_core::StoredResponse;
use tellus_core::account::Permission;
use tellus_core::audit::AuditAction;
use tellus_core::chart::{SurveyCharts, charts};
use tellus_core::manage::{ResponseDetail, ResponseFilter, ResponseList, ResponseRow, is_flagged};
use tellus_core::survey::DefinitionProblem;
use uuid::Uuid;

/// Whether this person may read this response: facilitators read the unflagged ones,
/// safeguarding leads the flagged ones.
fn may_read(signed: &Signed, r: &StoredResponse) -> bool {
    let role = signed.user.role;
    if is_flagged(r) {
        role.can(Permission::ReadFlagged)
    } else {
        role.can(Permission::ReadResponses)
    }
}

fn require_any_reading(signed: &Signed) -> Result<(), AppError> {
    signed
        .require(Permission::ReadResponses)
        .or_else(|_| signed.require(Permission::ReadFlagged))
}

/// `GET /api/manage/consultations/{id}/responses?survey&audience&from&to&how&flagged`.
pub async fn list(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Query(filter): Query<ResponseFilter>,
) -> Result<Json<ResponseList>, AppError> {
    require_any_reading(&signed)?;
    let c = signed.consultation(&state.store, &id, Permission::ReadSummaries)?;
    filter
        .validate()
        .map_err(|p: DefinitionProblem| AppError::InvalidDefinition(vec![p]))?;
    let mut rows = Vec::new();
    let mut withheld = 0;
    for r in state.store.responses() {
        let r = r?;
        if r.consultation_id != c.id || !filter.matches(&c, &r) {
            continue;
        }
        if may_read(&signed, &r) {
            rows.push(ResponseRow::new(&c, &r));
        } else {
            withheld += 1;
        }
    }
    rows.sort_by(|a, b| b.received_at.cmp(&a.received_at).then(a.id.cmp(&b.id)));
    Ok(Json(ResponseList { rows, withheld }))
}

/// `GET /api/manage/responses/{id}`: one response, question by question.
pub async fn one(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<ResponseDetail>, AppError> {
    require_any_reading(&signed)?;
    let not_found = || AppError::NotFound {
        what: "response",
        id: id.clone(),
    };
    let uuid = Uuid::parse_str(&id).map_err(|_| not_found())?;
    let (r, withdrawn_at) = match state.store.response(uuid)? {
        Some(r) => (r, None),
        // Withdrawn while held: the lead's copy, for leads only.
        None if signed.user.role.can(Permission::ReadFlagged) => {
            let copy = state.store.lead_copy(uuid)?.ok_or_else(not_found)?;
            (copy.response, Some(copy.withdrawn_at))
        }
        None => return Err(not_found()),
    };
    let c = signed.consultation(&state.store, &r.consultation_id, Permission::ReadSummaries)?;
    if !may_read(&signed, &r) {
        return Err(AppError::Forbidden);
    }
    if is_flagged(&r) {
        record(
            &state,
            &signed.actor(),
            AuditAction::FlaggedResponseViewed,
            &id,
            &c.id,
        )?;
        state.store.flush().await?;
    }
    Ok(Json(ResponseDetail {
        withdrawn_at,
        ..ResponseDetail::new(&c, &r)
    }))
}

/// `GET /api/manage/consultations/{id}/charts`: closed questions counted per audience,
/// never counting responses held for safeguarding.
pub async fn chart(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<Vec<SurveyCharts>>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ReadSummaries)?;
    let responses: Vec<StoredResponse> = state
        .store
        .responses()
        .filter(|r| {
            r.as_ref()
                .map_or(true, |r| r.consultation_id == c.id && !is_flagged(r))
        })
        .collect::<Result<_, _>>()?;
    Ok(Json(charts(&c, &responses)))
}
