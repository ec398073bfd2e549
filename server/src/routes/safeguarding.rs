//! The safeguarding lead's queue, clearing and reporting concerns, the phrase list, and
//! participants withdrawing their answers by receipt code.

use super::session::record;
use crate::auth::{self, Signed};
use crate::error::AppError;
use crate::startup::AppState;
use axum::Json;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Extension, Path, State};
use std::net::SocketAddr;
use tellus_core::Status;
use tellus_core::account::Permission;
use tellus_core::audit::AuditAction;
use tellus_core::event::HeldNoteListing;
use tellus_core::manage::{HeldResponse, ResponseDetail, ReviewNote, Withdrawal, epoch_day};
use tellus_core::response::{normalise_receipt, receipt_code};
use tellus_core::safeguarding::{
    self, KeptForLead, PhraseList, PhrasesSaved, ReviewError, Waiting,
};
use tellus_core::survey::DefinitionProblem;
use uuid::Uuid;

/// `GET /api/manage/safeguarding`: held responses of the consultations the lead is on, oldest first.
pub async fn queue(
    State(state): State<AppState>,
    signed: Signed,
) -> Result<Json<Vec<HeldResponse>>, AppError> {
    signed.require(Permission::ReadFlagged)?;
    let consultations: Vec<_> = state
        .store
        .consultations()?
        .into_iter()
        .filter(|c| signed.can_see(c))
        .collect();
    let mut held = Vec::new();
    for r in state.store.responses() {
        let r = r?;
        if !safeguarding::is_held(&r) {
            continue;
        }
        if let Some(c) = consultations.iter().find(|c| c.id == r.consultation_id) {
            held.push(HeldResponse::new(c, &r));
        }
    }
    for copy in state.store.lead_copies()? {
        if let Some(c) = consultations
            .iter()
            .find(|c| c.id == copy.response.consultation_id)
        {
            held.push(HeldResponse {
                withdrawn_at: Some(copy.withdrawn_at),
                ..HeldResponse::new(c, &copy.response)
            });
        }
    }
    held.sort_by_key(|h| (h.row.received_at, h.row.id));
    Ok(Json(held))
}

/// `GET /api/manage/safeguarding/waiting`: how many answers and notes are waiting for
/// the lead, for the workspace's count.
pub async fn waiting(
    State(state): State<AppState>,
    signed: Signed,
) -> Result<Json<Waiting>, AppError> {
    signed.require(Permission::ReadFlagged)?;
    let consultations: Vec<_> = state
        .store
        .consultations()?
        .into_iter()
        .filter(|c| signed.can_see(c))
        .map(|c| c.id)
        .collect();
    let mut waiting = Waiting::default();
    for item in state.store.held_items()? {
        if consultations.contains(&item.consultation_id) {
            if item.key.starts_with("n:") {
                waiting.notes += 1;
            } else {
                waiting.responses += 1;
            }
        }
    }
    Ok(Json(waiting))
}

/// `GET /api/manage/safeguarding/notes`: event notes held for the lead, oldest first.
pub async fn held_notes(
    State(state): State<AppState>,
    signed: Signed,
) -> Result<Json<Vec<HeldNoteListing>>, AppError> {
    signed.require(Permission::ReadFlagged)?;
    let mut out = Vec::new();
    for e in state.store.events()? {
        let Some(c) = state
            .store
            .consultation(&e.consultation_id)?
            .filter(|c| signed.can_see(c))
        else {
            continue;
        };
        for n in state
            .store
            .event_notes(&e.id)?
            .into_iter()
            .filter(|n| n.held)
        {
            out.push(HeldNoteListing {
                event_id: e.id.clone(),
                event_title: e.title.clone(),
                consultation_title: c.title.clone(),
                activity_title: e
                    .activity(&n.activity_id)
                    .map(|a| a.title.clone())
                    .unwrap_or_default(),
                posted_at: n.posted_at,
                why: n.why,
            });
        }
    }
    out.sort_by_key(|h| h.posted_at);
    Ok(Json(out))
}

fn review_problem(e: ReviewError) -> AppError {
    match e {
        ReviewError::NotHeld => AppError::Conflict {
            code: "not_held",
            message: e.to_string(),
        },
        ReviewError::NoReason | ReviewError::NoNote => {
            AppError::InvalidDefinition(vec![DefinitionProblem::new("text", e.to_string())])
        }
    }
}

/// Finds a response the person may act on, in a consultation they are on.
fn response_for(
    state: &AppState,
    signed: &Signed,
    id: &str,
    permission: Permission,
) -> Result<(Uuid, tellus_core::StoredResponse, tellus_core::Consultation), AppError> {
    signed.require(permission)?;
    let not_found = || AppError::NotFound {
        what: "response",
        id: id.to_string(),
    };
    let uuid = Uuid::parse_str(id).map_err(|_| not_found())?;
    let r = state.store.response(uuid)?.ok_or_else(not_found)?;
    let c = signed.consultation(&state.store, &r.consultation_id, Permission::ReadSummaries)?;
    Ok((uuid, r, c))
}

/// Makes a safeguarding decision on a stored response: refused with its reason before
/// anything is written, then made in one atomic update, audited and flushed.
async fn decide(
    state: &AppState,
    signed: &Signed,
    uuid: Uuid,
    id: &str,
    action: AuditAction,
    note: &str,
    change: impl Fn(&mut tellus_core::StoredResponse) -> Result<(), ReviewError>,
) -> Result<tellus_core::StoredResponse, AppError> {
    let mut refused = None;
    let updated = state.store.update_response(uuid, |r| {
        refused = change(r).err();
    })?;
    if let Some(e) = refused {
        return Err(review_problem(e));
    }
    let updated = updated.ok_or_else(|| AppError::NotFound {
        what: "response",
        id: id.to_string(),
    })?;
    record(state, &signed.actor(), action, id, note)?;
    state.store.flush().await?;
    Ok(updated)
}

/// `POST /api/manage/responses/{id}/clear`: the lead has dealt with it; it counts again.
/// A withdrawn response's copy, once cleared, is deleted for good.
pub async fn clear(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<ReviewNote>, JsonRejection>,
) -> Result<Json<ResponseDetail>, AppError> {
    if let Some(copy) = Uuid::parse_str(&id)
        .ok()
        .map(|uuid| state.store.lead_copy(uuid))
        .transpose()?
        .flatten()
    {
        return clear_copy(&state, &signed, copy, body).await;
    }
    let (uuid, _, c) = response_for(&state, &signed, &id, Permission::ReadFlagged)?;
    let Json(note) = body?;
    let updated = decide(
        &state,
        &signed,
        uuid,
        &id,
        AuditAction::ConcernCleared,
        &note.text,
        |r| safeguarding::clear(r, &signed.user.email, auth::now(), &note.text),
    )
    .await?;
    Ok(Json(ResponseDetail::new(&c, &updated)))
}

/// `POST /api/manage/responses/{id}/concern`: "Report a concern" on any answer a facilitator reads.
pub async fn report(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<ReviewNote>, JsonRejection>,
) -> Result<Json<HeldResponse>, AppError> {
    let (uuid, r, c) = response_for(&state, &signed, &id, Permission::ReadResponses)?;
    let Json(note) = body?;
    if safeguarding::is_held(&r) {
        return Err(AppError::Conflict {
            code: "already_held",
            message: "This response is already with the safeguarding lead".into(),
        });
    }
    let updated = decide(
        &state,
        &signed,
        uuid,
        &id,
        AuditAction::ConcernReported,
        &note.text,
        // Another report may have held it meanwhile: one hold is enough.
        |r| match safeguarding::is_held(r) {
            true => Ok(()),
            false => safeguarding::raise(r, &signed.user.email, auth::now(), &note.text),
        },
    )
    .await?;
    state.alerts.wake();
    Ok(Json(HeldResponse::new(&c, &updated)))
}

/// Clears a withdrawn response's copy: the lead's note is recorded, the copy deleted.
async fn clear_copy(
    state: &AppState,
    signed: &Signed,
    copy: KeptForLead,
    body: Result<Json<ReviewNote>, JsonRejection>,
) -> Result<Json<ResponseDetail>, AppError> {
    signed.require(Permission::ReadFlagged)?;
    let c = signed.consultation(
        &state.store,
        &copy.response.consultation_id,
        Permission::ReadSummaries,
    )?;
    let Json(note) = body?;
    let mut cleared = copy.response.clone();
    safeguarding::clear(&mut cleared, &signed.user.email, auth::now(), &note.text)
        .map_err(review_problem)?;
    state.store.remove_lead_copy(copy.response.id)?;
    record(
        state,
        &signed.actor(),
        AuditAction::ConcernCleared,
        &copy.response.id.to_string(),
        &format!("withdrawn by the participant; {}", note.text.trim()),
    )?;
    state.store.flush().await?;
    Ok(Json(ResponseDetail {
        withdrawn_at: Some(copy.withdrawn_at),
        ..ResponseDetail::new(&c, &cleared)
    }))
}

/// `GET /api/manage/safeguarding/phrases`.
pub async fn phrases(
    State(state): State<AppState>,
    signed: Signed,
) -> Result<Json<PhraseList>, AppError> {
    signed.require(Permission::ReadFlagged)?;
    Ok(Json(state.store.phrases()?))
}

/// `PUT /api/manage/safeguarding/phrases`: the lead's list, checked phrase by phrase and
/// saved whole or not at all; then every stored answer and event note is checked again.
pub async fn set_phrases(
    State(state): State<AppState>,
    signed: Signed,
    body: Result<Json<PhraseList>, JsonRejection>,
) -> Result<Json<PhrasesSaved>, AppError> {
    signed.require(Permission::ReadFlagged)?;
    let Json(list) = body?;
    let list = list.validated().map_err(|problems| {
        AppError::InvalidDefinition(
            problems
                .into_iter()
                .map(|p| DefinitionProblem::new(p.path(), p.message))
                .collect(),
        )
    })?;
    state.store.set_phrases(&list)?;
    let found = state.store.retriage()?;
    record(
        &state,
        &signed.actor(),
        AuditAction::PhrasesChanged,
        "",
        &format!(
            "{} phrases; {} answers and notes checked again, {} newly held",
            list.phrases.len(),
            found.checked,
            found.responses + found.notes
        ),
    )?;
    state.store.flush().await?;
    if found.responses + found.notes > 0 {
        state.alerts.wake();
    }
    Ok(Json(PhrasesSaved {
        list,
        checked: found.checked,
        newly_held_responses: found.responses,
        newly_held_notes: found.notes,
    }))
}

/// `POST /api/withdraw`: a participant takes back their answers with their receipt code,
/// while the consultation is open. Wrong codes are throttled per address.
pub async fn withdraw(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    body: Result<Json<Withdrawal>, JsonRejection>,
) -> Result<Json<serde_json::Value>, AppError> {
    let Json(Withdrawal { code }) = body?;
    let address = peer.map(|Extension(ConnectInfo(addr))| addr.ip().to_string());
    let now = auth::now();
    if let Err(retry_after) = state
        .auth
        .withdrawals
        .check("withdrawal", address.as_deref(), now)
    {
        return Err(AppError::TooManyAttempts { retry_after });
    }
    let Some(code) = normalise_receipt(&code) else {
        return Err(AppError::InvalidDefinition(vec![DefinitionProblem::new(
            "code",
            "Enter the code exactly as it was shown, like ABCD-1234",
        )]));
    };
    let mut found = None;
    for r in state.store.responses() {
        let r = r?;
        if receipt_code(r.id) == code {
            found = Some(r);
            break;
        }
    }
    let Some(r) = found else {
        state
            .auth
            .withdrawals
            .fail("withdrawal", address.as_deref(), now);
        return Err(AppError::NotFound {
            what: "receipt code",
            id: code,
        });
    };
    let c = state.store.consultation(&r.consultation_id)?;
    let today = (now / 86_400) as i64;
    let open = c.as_ref().is_some_and(|c| {
        c.status == Status::Open
            && c.closes_on
                .as_deref()
                .and_then(epoch_day)
                .is_none_or(|closes| today <= closes)
    });
    if !open {
        return Err(AppError::Conflict {
            code: "withdrawal_closed",
            message: "This consultation has closed, so answers can no longer be taken back. They stay anonymous".into(),
        });
    }
    if safeguarding::is_held(&r) {
        // Gone from the consultation, but the lead must still see what may be harm.
        state.store.keep_for_lead(&KeptForLead {
            response: r.clone(),
            withdrawn_at: now,
        })?;
    }
    state.store.delete_response(r.id)?;
    record(
        &state,
        "participant",
        AuditAction::ResponseWithdrawn,
        &r.consultation_id,
        &r.survey_id,
    )?;
    state.store.flush().await?;
    Ok(Json(serde_json::json!({ "withdrawn": true })))
}
