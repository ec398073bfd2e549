//! Retention: deleting responses and events for good once a consultation's retention
//! period has ended.

use crate::auth;
use crate::storage::{StorageError, Store};
use tellus_core::audit::{AuditAction, AuditEntry};
use tellus_core::manage::{iso_date, retention_ends};

/// One consultation whose responses are (or would be) deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub consultation_id: String,
    pub title: String,
    /// The last day of retention, ISO.
    pub ended: String,
    pub responses: usize,
    /// Events, with every note and vote made at them.
    pub events: usize,
}

/// Deletes (or with `dry_run`, lists) the responses of every consultation whose retention
/// ended before `today` (days since the Unix epoch). Each deletion is in the audit log.
pub fn purge(store: &Store, today: i64, dry_run: bool) -> Result<Vec<Due>, StorageError> {
    let mut due = Vec::new();
    for c in store.consultations()? {
        let Some(end) = retention_ends(&c).filter(|&end| end < today) else {
            continue;
        };
        let ids: Vec<uuid::Uuid> = store
            .responses()
            .filter_map(|r| r.ok())
            .filter(|r| r.consultation_id == c.id)
            .map(|r| r.id)
            .collect();
        let events: Vec<_> = store
            .events()?
            .into_iter()
            .filter(|e| e.consultation_id == c.id)
            .collect();
        if ids.is_empty() && events.is_empty() {
            continue;
        }
        if !dry_run {
            for id in &ids {
                store.delete_response(*id)?;
            }
            for e in &events {
                store.delete_event(e)?;
            }
            store.audit(&AuditEntry {
                at: auth::now(),
                actor: "retention".into(),
                action: AuditAction::ResponsesPurged,
                target: c.id.clone(),
                detail: format!("{} responses, {} events", ids.len(), events.len()),
            })?;
        }
        due.push(Due {
            consultation_id: c.id.clone(),
            title: c.title.clone(),
            ended: iso_date(end as u64 * 86_400),
            responses: ids.len(),
            events: events.len(),
        });
    }
    if !dry_run && !due.is_empty() {
        store.flush_blocking()?;
    }
    Ok(due)
}

/// Today, in days since the Unix epoch (UTC).
pub fn today() -> i64 {
    (auth::now() / 86_400) as i64
}

/// Purges once a day while the server runs (the first time at start-up).
pub async fn daily(store: Store) {
    let mut timer = tokio::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
    loop {
        timer.tick().await;
        let store = store.clone();
        match tokio::task::spawn_blocking(move || purge(&store, today(), false)).await {
            Ok(Ok(done)) => {
                for d in done {
                    tracing::info!(consultation = %d.consultation_id, responses = d.responses, "retention ended: responses deleted");
                }
            }
            Ok(Err(e)) => tracing::error!(error = %e, "retention purge failed"),
            Err(e) => tracing::error!(error = %e, "retention purge task failed"),
        }
    }
}
