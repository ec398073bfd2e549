//! Co-production events. Participants join with a code (no account, no name) and take
//! part in the activity on now; facilitators build the agenda, run it, and put the live
//! results on the room's screen. Both watch changes as server-sent events.

use super::session::record;
use crate::auth::{self, Signed};
use crate::error::AppError;
use crate::startup::AppState;
use crate::storage::{NoteInsert, Participant};
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use serde::Serialize;
use std::convert::Infallible;
use tellus_core::account::Permission;
use tellus_core::audit::AuditAction;
use tellus_core::event::{
    self, ActivityResults, Contribute, Contribution, Control, Event, EventDetails, EventListing,
    EventView, HeldNote, Join, Joined, Mine, NewActivity, Note, NoteRelease, NoteVisibility,
    Presented, RoomState, Viewer, WallNote,
};
use tellus_core::safeguarding;
use tellus_core::survey::DefinitionProblem;
use tellus_core::{Consultation, Status};
use uuid::Uuid;

fn no_event(code: &str) -> AppError {
    AppError::NotFound {
        what: "event",
        id: code.to_string(),
    }
}

/// The event a participant's code names, if people can take part in it now.
fn by_code(state: &AppState, code: &str) -> Result<Event, AppError> {
    let canonical = event::normalise_code(code).ok_or_else(|| AppError::BadRequest {
        code: "invalid_code",
        message: format!(
            "Join codes are {} letters and numbers, like K7M2QX. Check the code on the screen",
            event::CODE_LENGTH
        ),
    })?;
    let e = state
        .store
        .event_by_code(&canonical)?
        .ok_or_else(|| no_event(code))?;
    // Events of draft or archived consultations are not there for the public.
    match state.store.consultation(&e.consultation_id)? {
        Some(c) if matches!(c.status, Status::Open | Status::Closed) => Ok(e),
        _ => Err(no_event(code)),
    }
}

/// What an activity has so far, and how many took part.
fn activity_results(
    state: &AppState,
    e: &Event,
    a: &event::Activity,
    viewer: Viewer,
) -> Result<ActivityResults, AppError> {
    let notes = state.store.notes(&e.id, &a.id)?;
    let votes = state.store.votes(&e.id, &a.id)?;
    let taking_part = if notes.is_empty() {
        votes.len() as u64
    } else {
        notes
            .iter()
            .map(|n| n.participant)
            .collect::<std::collections::BTreeSet<_>>()
            .len() as u64
    };
    Ok(ActivityResults {
        id: a.id.clone(),
        taking_part,
        results: event::results(a, &notes, &votes, viewer),
    })
}

/// Every activity's results as the room sees them (no hidden or held notes), for exports.
pub fn room_results(state: &AppState, e: &Event) -> Result<Vec<ActivityResults>, AppError> {
    e.activities
        .iter()
        .map(|a| activity_results(state, e, a, Viewer::Room))
        .collect()
}

/// What everyone in the room sees: the current activity, with results once revealed.
fn room_state(state: &AppState, e: &Event) -> Result<RoomState, AppError> {
    let activity = match e.current_activity() {
        Some(a) => {
            let results = if a.revealed {
                Some(activity_results(state, e, a, Viewer::Room)?.results)
            } else {
                None
            };
            Some(event::live(a, results))
        }
        None => None,
    };
    Ok(RoomState {
        code: e.code.clone(),
        title: e.title.clone(),
        consultation_id: e.consultation_id.clone(),
        children: e.audience == tellus_core::Audience::ChildrenAndYoungPeople,
        ended: e.ended,
        activity,
    })
}

/// The room's screen: the current activity with its live results.
fn presented(state: &AppState, e: &Event) -> Result<Presented, AppError> {
    let (activity, taking_part) = match e.current_activity() {
        Some(a) => {
            let r = activity_results(state, e, a, Viewer::Room)?;
            (Some(event::live(a, Some(r.results))), r.taking_part)
        }
        None => (None, 0),
    };
    Ok(Presented {
        code: e.code.clone(),
        title: e.title.clone(),
        joined: state.store.joined(&e.id),
        activity,
        taking_part,
    })
}

/// A stream that sends `view` now and again each time `changes` moves on, until the
/// server stops (`closing`).
fn sse<T: Serialize + Send + 'static>(
    changes: tokio::sync::watch::Receiver<u64>,
    closing: tokio::sync::watch::Receiver<bool>,
    view: impl Fn() -> Result<T, AppError> + Send + Sync + 'static,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let stream = stream::unfold(
        (changes, closing, view, true),
        |(mut changes, mut closing, view, first)| async move {
            if !first {
                tokio::select! {
                    changed = changes.changed() => changed.ok()?,
                    _ = closing.wait_for(|stopping| *stopping) => return None,
                }
            }
            if *closing.borrow() {
                return None;
            }
            changes.mark_unchanged();
            let event = match view() {
                Ok(v) => SseEvent::default()
                    .json_data(v)
                    .unwrap_or_else(|_| SseEvent::default().event("problem").data("unreadable")),
                // The device keeps what it shows and tries again on the next change.
                Err(_) => SseEvent::default()
                    .event("problem")
                    .data("The server could not read the event just now"),
            };
            Some((Ok(event), (changes, closing, view, false)))
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// `POST /api/events/join`: joins with a code; a device that joined before keeps its place.
pub async fn join(
    State(state): State<AppState>,
    body: Result<Json<Join>, JsonRejection>,
) -> Result<Json<Joined>, AppError> {
    let Json(join) = body?;
    let e = by_code(&state, &join.code)?;
    if e.ended {
        return Err(AppError::Event(event::EventError::Ended));
    }
    let group = join
        .group
        .map(|g| g.trim().to_string())
        .filter(|g| !g.is_empty());
    if group.as_ref().is_some_and(|g| g.chars().count() > 40) {
        return Err(AppError::InvalidDefinition(vec![DefinitionProblem::new(
            "group",
            "Keep the table or group name to 40 characters",
        )]));
    }
    let participant = Participant {
        id: join.participant.unwrap_or_else(Uuid::new_v4),
        group,
        joined_at: auth::now(),
    };
    let resumed = state.store.join_event(&e.id, &participant)?;
    state.store.flush().await?;
    if !resumed {
        state.live.results_changed(&e.id);
    }
    Ok(Json(Joined {
        code: e.code,
        participant: participant.id,
        resumed,
    }))
}

/// `GET /api/events/{code}`: the room as it is now.
pub async fn room(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<RoomState>, AppError> {
    let e = by_code(&state, &code)?;
    Ok(Json(room_state(&state, &e)?))
}

/// `GET /api/events/{code}/stream`: the room, again each time the facilitator moves on.
pub async fn room_stream(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    let e = by_code(&state, &code)?;
    let (room, _) = state.live.watch(&e.id);
    let closing = state.live.closing();
    let id = e.id.clone();
    Ok(sse(room, closing, move || {
        let e = state.store.event(&id)?.ok_or_else(|| no_event(&id))?;
        room_state(&state, &e)
    }))
}

/// `GET /api/events/{code}/participants/{participant}`: what this device already did in
/// the current activity, so a reconnecting device shows its dots and notes.
pub async fn mine(
    State(state): State<AppState>,
    Path((code, participant)): Path<(String, Uuid)>,
) -> Result<Json<Mine>, AppError> {
    let e = by_code(&state, &code)?;
    if !state.store.has_joined(&e.id, participant)? {
        return Err(not_joined());
    }
    Ok(Json(mine_in(&state, &e, participant)?))
}

fn not_joined() -> AppError {
    AppError::Conflict {
        code: "not_joined",
        message: "This device is not in the event. Join again with the code on the screen".into(),
    }
}

fn mine_in(state: &AppState, e: &Event, participant: Uuid) -> Result<Mine, AppError> {
    let Some(a) = e.current_activity() else {
        return Ok(Mine::default());
    };
    let mut notes: Vec<Note> = state
        .store
        .notes(&e.id, &a.id)?
        .into_iter()
        .filter(|n| n.participant == participant)
        .collect();
    notes.sort_by_key(|n| n.posted_at);
    Ok(Mine {
        vote: state.store.vote(&e.id, &a.id, participant)?,
        notes: notes
            .into_iter()
            .map(|n| WallNote {
                id: n.id,
                text: n.text,
                symbol: n.symbol,
                hidden: false,
            })
            .collect(),
    })
}

/// `POST /api/events/{code}/activities/{activity}`: a note, dots or answers. Votes
/// replace the device's earlier vote; a note sent again with its id is stored once.
pub async fn contribute(
    State(state): State<AppState>,
    Path((code, activity_id)): Path<(String, String)>,
    body: Result<Json<Contribute>, JsonRejection>,
) -> Result<Json<Mine>, AppError> {
    let Json(Contribute {
        participant,
        contribution,
    }) = body?;
    let e = by_code(&state, &code)?;
    let a = e.activity(&activity_id).ok_or_else(|| AppError::NotFound {
        what: "activity",
        id: activity_id.clone(),
    })?;
    if !state.store.has_joined(&e.id, participant)? {
        return Err(not_joined());
    }
    event::check(&e, a, &contribution)?;
    match &contribution {
        Contribution::Note(new) => {
            let text = new.text.trim().to_string();
            let why = safeguarding::reasons(&state.store.checker(), &text);
            let held = !why.is_empty();
            let note = Note {
                id: new.id,
                event_id: e.id.clone(),
                activity_id: a.id.clone(),
                participant,
                prompt: new.prompt,
                text,
                symbol: new.symbol,
                posted_at: auth::now(),
                hidden: false,
                held,
                why,
            };
            if let NoteInsert::Existing(old) = state.store.insert_note(&note)?
                && (old.participant != note.participant
                    || old.text != note.text
                    || old.symbol != note.symbol
                    || old.prompt != note.prompt)
            {
                return Err(AppError::Conflict {
                    code: "note_conflict",
                    message:
                        "A different note was already posted with this id; post it as a new note"
                            .into(),
                });
            }
            if held {
                state.alerts.wake();
            }
        }
        other => {
            let vote = event::vote(other).expect("only notes have no vote");
            state.store.put_vote(&e.id, &a.id, participant, &vote)?;
        }
    }
    state.store.flush().await?;
    state.live.results_changed(&e.id);
    Ok(Json(mine_in(&state, &e, participant)?))
}

// ----- Facilitators -----

/// An event the person may see, with its consultation.
fn signed_event(
    state: &AppState,
    signed: &Signed,
    id: &str,
    permission: Permission,
) -> Result<(Event, Consultation), AppError> {
    let e = state.store.event(id)?.ok_or_else(|| no_event(id))?;
    let c = signed
        .consultation(&state.store, &e.consultation_id, permission)
        .map_err(|err| match err {
            AppError::NotFound { .. } => no_event(id),
            other => other,
        })?;
    Ok((e, c))
}

fn view(state: &AppState, signed: &Signed, e: Event) -> Result<Json<EventView>, AppError> {
    let activities = e
        .activities
        .iter()
        .map(|a| activity_results(state, &e, a, Viewer::Facilitator))
        .collect::<Result<_, _>>()?;
    let mut held = Vec::new();
    if signed.user.role.can(Permission::ReadFlagged) {
        for n in state
            .store
            .event_notes(&e.id)?
            .into_iter()
            .filter(|n| n.held)
        {
            let prompt = match e.activity(&n.activity_id).map(|a| &a.kind) {
                Some(event::ActivityKind::IdeaWall { prompts }) => {
                    prompts.get(n.prompt).cloned().unwrap_or_default()
                }
                _ => String::new(),
            };
            held.push(HeldNote {
                activity_id: n.activity_id.clone(),
                prompt,
                why: n.why.clone(),
                note: WallNote {
                    id: n.id,
                    text: n.text,
                    symbol: n.symbol,
                    hidden: n.hidden,
                },
            });
        }
    }
    Ok(Json(EventView {
        joined: state.store.joined(&e.id),
        event: e,
        activities,
        held,
    }))
}

/// `GET /api/manage/consultations/{id}/events`.
pub async fn list(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<Json<Vec<EventListing>>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ReadSummaries)?;
    let mut events: Vec<Event> = state
        .store
        .events()?
        .into_iter()
        .filter(|e| e.consultation_id == c.id)
        .collect();
    events.sort_by(|a, b| a.date.cmp(&b.date).then(a.title.cmp(&b.title)));
    Ok(Json(events.iter().map(EventListing::from).collect()))
}

fn invalid(problems: Vec<DefinitionProblem>) -> AppError {
    AppError::InvalidDefinition(problems)
}

/// `POST /api/manage/consultations/{id}/events`: a new event with a fresh join code.
pub async fn create(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<EventDetails>, JsonRejection>,
) -> Result<Json<Event>, AppError> {
    let c = signed.consultation(&state.store, &id, Permission::ManageConsultations)?;
    let Json(details) = body?;
    details.validate().map_err(invalid)?;
    let mut e = Event {
        id: Uuid::new_v4().simple().to_string(),
        consultation_id: c.id.clone(),
        title: details.title.trim().to_string(),
        date: details.date,
        place: details.place.trim().to_string(),
        audience: details.audience,
        code: String::new(),
        activities: Vec::new(),
        current: None,
        ended: false,
    };
    // 30 bits of randomness: a clash is rare, and simply draws again.
    loop {
        e.code = event::join_code(Uuid::new_v4().as_u128());
        if state.store.add_event(&e)? {
            break;
        }
    }
    record(
        &state,
        &signed.actor(),
        AuditAction::EventChanged,
        &e.id,
        &format!("created \"{}\"", e.title),
    )?;
    state.store.flush().await?;
    Ok(Json(e))
}

/// How the event page asks: `live` when it refreshes after a change, so that opening the
/// page (not each refresh) is what the audit log records.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Opening {
    #[serde(default)]
    pub live: bool,
}

/// `GET /api/manage/events/{id}?live`: the event with every activity's results. A
/// safeguarding lead's opening of an event with held notes is audited.
pub async fn get(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Query(opening): Query<Opening>,
) -> Result<Json<EventView>, AppError> {
    let (e, _) = signed_event(&state, &signed, &id, Permission::ReadSummaries)?;
    let shown = view(&state, &signed, e)?;
    if !opening.live && !shown.held.is_empty() {
        let detail = format!("{} held notes from an event", shown.held.len());
        record(
            &state,
            &signed.actor(),
            AuditAction::FlaggedResponseViewed,
            &id,
            &detail,
        )?;
        state.store.flush().await?;
    }
    Ok(shown)
}

/// `PUT /api/manage/events/{id}`: the event's details.
pub async fn details(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<EventDetails>, JsonRejection>,
) -> Result<Json<EventView>, AppError> {
    let (mut e, _) = signed_event(&state, &signed, &id, Permission::ManageConsultations)?;
    let Json(details) = body?;
    details.validate().map_err(invalid)?;
    e.title = details.title.trim().to_string();
    e.date = details.date;
    e.place = details.place.trim().to_string();
    e.audience = details.audience;
    state.store.put_event(&e)?;
    record(
        &state,
        &signed.actor(),
        AuditAction::EventChanged,
        &e.id,
        "details changed",
    )?;
    state.store.flush().await?;
    state.live.room_changed(&e.id);
    view(&state, &signed, e)
}

/// `DELETE /api/manage/events/{id}`: the event and everything contributed to it.
pub async fn delete(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<axum::http::StatusCode, AppError> {
    let (e, _) = signed_event(&state, &signed, &id, Permission::ManageConsultations)?;
    state.store.delete_event(&e)?;
    record(
        &state,
        &signed.actor(),
        AuditAction::EventChanged,
        &e.id,
        &format!("deleted \"{}\"", e.title),
    )?;
    state.store.flush().await?;
    state.live.room_changed(&e.id);
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// `POST /api/manage/events/{id}/activities`: adds an activity to the agenda.
pub async fn add_activity(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<NewActivity>, JsonRejection>,
) -> Result<Json<EventView>, AppError> {
    let (mut e, _) = signed_event(&state, &signed, &id, Permission::ManageConsultations)?;
    let Json(new) = body?;
    new.validate().map_err(invalid)?;
    if e.activities.len() >= 30 {
        return Err(invalid(vec![DefinitionProblem::new(
            "title",
            "An event can have up to 30 activities",
        )]));
    }
    e.add(new);
    state.store.put_event(&e)?;
    state.store.flush().await?;
    view(&state, &signed, e)
}

/// `POST /api/manage/events/{id}/control`: open, close, reveal, clear, end, remove, move.
pub async fn control(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    body: Result<Json<Control>, JsonRejection>,
) -> Result<Json<EventView>, AppError> {
    let Json(control) = body?;
    // One change at a time, so two facilitators' clicks never undo each other.
    let _turn = state.live.turn.lock().await;
    let (mut e, _) = signed_event(&state, &signed, &id, Permission::ManageConsultations)?;
    event::control(&mut e, &control)?;
    state.store.put_event(&e)?;
    state.store.flush().await?;
    state.live.room_changed(&e.id);
    view(&state, &signed, e)
}

/// `POST /api/manage/events/{id}/notes/{note}/visibility`: hide a note from the wall, or show it.
pub async fn note_visibility(
    State(state): State<AppState>,
    signed: Signed,
    Path((id, note_id)): Path<(String, Uuid)>,
    body: Result<Json<NoteVisibility>, JsonRejection>,
) -> Result<Json<EventView>, AppError> {
    let (e, _) = signed_event(&state, &signed, &id, Permission::ManageConsultations)?;
    let Json(change) = body?;
    let mut note = find_note(&state, &e, &change.activity, note_id)?;
    note.hidden = change.hidden;
    state.store.put_note(&note)?;
    state.store.flush().await?;
    state.live.room_changed(&e.id);
    view(&state, &signed, e)
}

fn find_note(state: &AppState, e: &Event, activity: &str, note_id: Uuid) -> Result<Note, AppError> {
    state
        .store
        .notes(&e.id, activity)?
        .into_iter()
        .find(|n| n.id == note_id)
        .ok_or_else(|| AppError::NotFound {
            what: "note",
            id: note_id.to_string(),
        })
}

/// `POST /api/manage/events/{id}/notes/{note}/release`: the safeguarding lead lets a held
/// note onto the wall and into themes, saying why.
pub async fn release_note(
    State(state): State<AppState>,
    signed: Signed,
    Path((id, note_id)): Path<(String, Uuid)>,
    body: Result<Json<NoteRelease>, JsonRejection>,
) -> Result<Json<EventView>, AppError> {
    let (e, _) = signed_event(&state, &signed, &id, Permission::ReadFlagged)?;
    let Json(release) = body?;
    if release.note.trim().is_empty() {
        return Err(invalid(vec![DefinitionProblem::new(
            "note",
            "Say why it is safe to show this note",
        )]));
    }
    let mut note = find_note(&state, &e, &release.activity, note_id)?;
    note.held = false;
    state.store.put_note(&note)?;
    record(
        &state,
        &signed.actor(),
        AuditAction::ConcernCleared,
        &note_id.to_string(),
        release.note.trim(),
    )?;
    state.store.flush().await?;
    state.live.room_changed(&e.id);
    view(&state, &signed, e)
}

/// `GET /api/manage/events/{id}/present`: the room's screen, sent again on every change.
pub async fn present_stream(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    let (e, _) = signed_event(&state, &signed, &id, Permission::ReadSummaries)?;
    let (_, results) = state.live.watch(&e.id);
    let closing = state.live.closing();
    Ok(sse(results, closing, move || {
        let e = state.store.event(&id)?.ok_or_else(|| no_event(&id))?;
        presented(&state, &e)
    }))
}

/// `GET /api/manage/events/{id}/qr.svg`: a QR code of the joining link, to show or print.
pub async fn qr(
    State(state): State<AppState>,
    signed: Signed,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    let (e, _) = signed_event(&state, &signed, &id, Permission::ReadSummaries)?;
    let link = super::manage::site_link(&headers, &format!("/join/{}", e.code));
    let svg = super::manage::qr_svg(&link)?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg))
}
