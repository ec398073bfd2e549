//! Themes: finding them, the facilitator's decisions, "What you told us", publishing it,
//! and the exports.

use super::session::record;
use crate::auth::{self, Signed};
use crate::error::AppError;
use crate::export;
use crate::startup::AppState;
use crate::storage::StoredBoard;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeSet;
use tellus_core::account::Permission;
use tellus_core::audit::AuditAction;
use tellus_core::board::{
    self, Board, Comment, Edit, Publish, SummaryDoc, ThemesPage, WhatYouToldUs,
};
use tellus_core::safeguarding::is_held;
use tellus_core::said_did::{self, Actions, ActionsPage, YouSaidWeDid};
use tellus_core::survey::DefinitionProblem;
use tellus_core::theme::codebook::Codebook;
use tellus_core::{Consultation, StoredResponse};

/// The responses of a consultation that may be shared: none held for safeguarding.
pub fn shareable(state: &AppState, c: &Consultation) -> Result<Vec<StoredResponse>, AppError> {
    let mut out = Vec::new();
    for r in state.store.responses() {
        let r = r?;
        if r.consultation_id == c.id && !is_held(&r) {
            out.push(r);
        }
    }
    Ok(out)
}

/// Every free-text comment that may be themed: survey answers not held for safeguarding,
/// and idea-wall notes from the consultation's events (not hidden, not held).
pub fn comments(
    state: &AppState,
    c: &Consultation,
    responses: &[StoredResponse],
) -> Result<Vec<Comment>, AppError> {
    let mut out = board::comments(c, responses);
    for e in state.store.events()? {
        if e.consultation_id == c.id {
            out.extend(tellus_core::event::comments(
                &e,
                &state.store.event_notes(&e.id)?,
            ));
        }
    }
    Ok(out)
}

/// The board as it stands: the stored themes and decisions over the shareable answers.
pub fn current(
    state: &AppState,
    c: &Consultation,
    stored: &StoredBoard,
) -> Result<(Option<Board>, usize), AppError> {
    let responses = shareable(state, c)?;
    let all = comments(state, c, &responses)?;
    let Some(generated) = &stored.generated else {
        return Ok((None, all.len()));
    };
    let visible: BTreeSet<_> = all.iter().map(|k| k.response_id).collect();
    let known: BTreeSet<&str> = generated.comments.iter().map(|k| k.key.as_str()).collect();
    let new_answers = all
        .iter()
        .filter(|k| !known.contains(k.key.as_str()))
        .count();
    Ok((
        Some(board::apply(generated, &stored.edits, c, &visible)),
        new_answers,
    ))
}

fn page(
    state: &AppState,
    c: &Consultation,
    stored: &StoredBoard,
) -> Result<Json<ThemesPage>, AppError> {
    let (board, new_answers) = current(state, c, stored)?;
    Ok(Json(ThemesPage {
        board,
        new_answers,
        doc: stored.doc.clone(),
        published: stored.published.is_some(),
    }))
}

/// `GET /api/manage/consultations/{id}/themes`.
pub async fn get(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<ThemesPage>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ReadResponses)?;
    let stored = state.store.board(&c.id)?;
    page(&state, &c, &stored)
}

/// `POST /api/manage/consultations/{id}/themes/find`: finds themes in every shareable
/// answer, keeping every decision made so far.
pub async fn find(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<ThemesPage>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let mut stored = state.store.board(&c.id)?;
    let comments = comments(&state, &c, &shareable(&state, &c)?)?;
    let (previous, edits) = (stored.generated.take(), stored.edits.clone());
    let generated = tokio::task::spawn_blocking(move || {
        board::generate(
            comments,
            &Codebook::starter(),
            previous.as_ref(),
            &edits,
            auth::now(),
        )
    })
    .await
    .expect("theming never panics");
    stored.generated = Some(generated);
    state.store.put_board(&c.id, &stored)?;
    state.store.flush().await?;
    page(&state, &c, &stored)
}

/// `POST /api/manage/consultations/{id}/themes/edit`: one decision (rename, approve,
/// merge, split, delete, recode).
pub async fn edit(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<Edit>, JsonRejection>,
) -> Result<Json<ThemesPage>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(edit) = body?;
    let mut stored = state.store.board(&c.id)?;
    let (Some(board), _) = current(&state, &c, &stored)? else {
        return Err(AppError::Conflict {
            code: "no_themes",
            message: "Find themes first".into(),
        });
    };
    stored.edits.make(edit, &board).map_err(|e| {
        AppError::InvalidDefinition(vec![DefinitionProblem::new("edit", e.to_string())])
    })?;
    state.store.put_board(&c.id, &stored)?;
    state.store.flush().await?;
    page(&state, &c, &stored)
}

/// "What you told us" as it stands, from the approved themes.
fn summary_now(
    state: &AppState,
    c: &Consultation,
    stored: &StoredBoard,
) -> Result<WhatYouToldUs, AppError> {
    let (board, _) = current(state, c, stored)?;
    let empty = Board {
        themes: Vec::new(),
        comments: Vec::new(),
        audiences: Vec::new(),
        built_at: 0,
    };
    Ok(board::what_you_told_us(
        c,
        board.as_ref().unwrap_or(&empty),
        &stored.doc,
    ))
}

/// `GET /api/manage/consultations/{id}/what-you-told-us`: the summary as it would be published.
pub async fn summary(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<WhatYouToldUs>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ReadSummaries)?;
    let stored = state.store.board(&c.id)?;
    Ok(Json(summary_now(&state, &c, &stored)?))
}

/// `PUT /api/manage/consultations/{id}/what-you-told-us`: the introduction, what will be
/// done per theme, and the small-number threshold.
pub async fn save_doc(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<SummaryDoc>, JsonRejection>,
) -> Result<Json<WhatYouToldUs>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(mut doc) = body?;
    if !(2..=50).contains(&doc.threshold) {
        return Err(AppError::InvalidDefinition(vec![DefinitionProblem::new(
            "threshold",
            "Hide counts below a number between 2 and 50",
        )]));
    }
    let mut stored = state.store.board(&c.id)?;
    doc.published_at = stored.doc.published_at;
    stored.doc = doc;
    state.store.put_board(&c.id, &stored)?;
    state.store.flush().await?;
    Ok(Json(summary_now(&state, &c, &stored)?))
}

/// `POST /api/manage/consultations/{id}/what-you-told-us/publish`: `{ "publish": bool }`.
/// Publishing freezes a copy for `/results/{id}`; publishing again replaces it.
pub async fn publish(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<Publish>, JsonRejection>,
) -> Result<Json<WhatYouToldUs>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(Publish { publish }) = body?;
    let mut stored = state.store.board(&c.id)?;
    stored.doc.published_at = publish.then(auth::now);
    let summary = summary_now(&state, &c, &stored)?;
    if publish && summary.themes.is_empty() {
        return Err(AppError::Conflict {
            code: "nothing_to_publish",
            message: "Approve at least one theme before publishing".into(),
        });
    }
    stored.published = publish.then(|| summary.clone());
    state.store.put_board(&c.id, &stored)?;
    let what = if publish {
        "published what you told us"
    } else {
        "withdrew what you told us"
    };
    record(&state, &signed.actor(), AuditAction::Export, &c.id, what)?;
    state.store.flush().await?;
    Ok(Json(summary))
}

/// `GET /api/published/{id}`: the published summary, for anyone.
pub async fn published(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<WhatYouToldUs>, AppError> {
    state
        .store
        .board(&id)?
        .published
        .map(Json)
        .ok_or(AppError::NotFound {
            what: "published summary",
            id,
        })
}

/// `GET /api/manage/consultations/{id}/export/{format}`: csv, xlsx, docx or json. Held
/// responses are never in an export; free text is redacted; small numbers suppressed.
pub async fn download(
    State(state): State<AppState>,
    signed: Signed,
    Path((id, format)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ReadResponses)?;
    let format = export::Format::from_extension(&format).ok_or_else(|| AppError::NotFound {
        what: "export format",
        id: format.clone(),
    })?;
    let stored = state.store.board(&c.id)?;
    let responses = shareable(&state, &c)?;
    let (board, _) = current(&state, &c, &stored)?;
    let summary = summary_now(&state, &c, &stored)?;
    let mut events = Vec::new();
    for e in state.store.events()? {
        if e.consultation_id == c.id {
            let results = super::events::room_results(&state, &e)?;
            events.push((e, results));
        }
    }
    let events = tellus_core::export::events_table(&events, &c.school_names);
    let consultation = c.clone();
    let bytes = tokio::task::spawn_blocking(move || {
        export::render(
            format,
            &consultation,
            &responses,
            board.as_ref(),
            &summary,
            &events,
        )
    })
    .await
    .expect("exporting never panics")
    .map_err(|e| AppError::BadRequest {
        code: "export_failed",
        message: e,
    })?;
    record(
        &state,
        &signed.actor(),
        AuditAction::Export,
        &c.id,
        format.extension(),
    )?;
    state.store.flush().await?;
    let name = format!(
        "attachment; filename=\"{}-{}.{}\"",
        c.id,
        tellus_core::manage::iso_date(auth::now()),
        format.extension()
    );
    Ok((
        [
            (header::CONTENT_TYPE, format.media_type().to_string()),
            (header::CONTENT_DISPOSITION, name),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

/// The actions as saved, with "what we will do" from the summary where no decision is saved yet.
fn actions_now(stored: &StoredBoard) -> Actions {
    let mut actions = stored.actions.clone();
    for (theme, words) in &stored.doc.actions {
        let a = actions.entry(theme.clone()).or_default();
        if a.decision.trim().is_empty() {
            a.decision = words.clone();
        }
    }
    actions
}

fn said_did_page(
    state: &AppState,
    c: &Consultation,
    stored: &StoredBoard,
) -> Result<Json<ActionsPage>, AppError> {
    let (board, _) = current(state, c, stored)?;
    let board = board.unwrap_or_else(|| Board {
        themes: Vec::new(),
        comments: Vec::new(),
        audiences: Vec::new(),
        built_at: 0,
    });
    let actions = actions_now(stored);
    let mut themes: Vec<_> = board.themes.iter().filter(|t| t.approved).collect();
    themes.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    Ok(Json(ActionsPage {
        themes: themes
            .iter()
            .map(|t| (t.id.clone(), t.label.clone()))
            .collect(),
        preview: said_did::you_said_we_did(c, &board, &actions),
        actions,
        published: stored.said_did.is_some(),
    }))
}

/// `GET /api/manage/consultations/{id}/you-said-we-did`.
pub async fn said_did(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<ActionsPage>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ReadSummaries)?;
    let stored = state.store.board(&c.id)?;
    said_did_page(&state, &c, &stored)
}

/// `PUT /api/manage/consultations/{id}/you-said-we-did`: decisions per theme. Each
/// decision is also the theme's "what we will do" in What you told us.
pub async fn save_said_did(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<Actions>, JsonRejection>,
) -> Result<Json<ActionsPage>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(actions) = body?;
    said_did::validate(&actions).map_err(AppError::InvalidDefinition)?;
    let mut stored = state.store.board(&c.id)?;
    for (theme, a) in &actions {
        if a.decision.trim().is_empty() {
            stored.doc.actions.remove(theme);
        } else {
            stored
                .doc
                .actions
                .insert(theme.clone(), a.decision.trim().to_string());
        }
    }
    stored.actions = actions;
    state.store.put_board(&c.id, &stored)?;
    state.store.flush().await?;
    said_did_page(&state, &c, &stored)
}

/// `POST /api/manage/consultations/{id}/you-said-we-did/publish`: `{ "publish": bool }`.
pub async fn publish_said_did(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<Publish>, JsonRejection>,
) -> Result<Json<ActionsPage>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(Publish { publish }) = body?;
    let mut stored = state.store.board(&c.id)?;
    let page = said_did_page(&state, &c, &stored)?.0;
    if publish && page.preview.items.is_empty() {
        return Err(AppError::Conflict {
            code: "nothing_to_publish",
            message: "Record a decision for at least one approved theme before publishing".into(),
        });
    }
    stored.said_did = publish.then(|| YouSaidWeDid {
        published_at: Some(auth::now()),
        ..page.preview
    });
    state.store.put_board(&c.id, &stored)?;
    let what = if publish {
        "published you said, we did"
    } else {
        "withdrew you said, we did"
    };
    record(&state, &signed.actor(), AuditAction::Export, &c.id, what)?;
    state.store.flush().await?;
    said_did_page(&state, &c, &stored)
}

/// `GET /api/you-said-we-did/{id}`: the published page, for anyone.
pub async fn said_did_published(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<YouSaidWeDid>, AppError> {
    state
        .store
        .board(&id)?
        .said_did
        .map(Json)
        .ok_or(AppError::NotFound {
            what: "you said, we did",
            id,
        })
}
