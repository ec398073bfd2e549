//! Raising, clearing and recording safeguarding concerns on a response.

use super::FLAG_SAFEGUARDING;
use serde::{Deserialize, Serialize};

/// Who raises a concern when the phrase check does.
pub const RAISED_BY_TRIAGE: &str = "automatic check";

/// A concern raised on a response, and how a safeguarding lead dealt with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// [`RAISED_BY_TRIAGE`] or the email of the person who pressed "Report a concern".
    pub raised_by: String,
    /// Seconds since the Unix epoch.
    pub raised_at: u64,
    /// Why: the phrases found, or what the person wrote.
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleared: Option<Clearance>,
}

/// A lead's decision that a concern has been dealt with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clearance {
    pub by: String,
    pub at: u64,
    /// What the lead did or decided, for the record.
    pub note: String,
}

/// Why a concern could not be raised or cleared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("Write what worries you, so the safeguarding lead knows what to look at")]
    NoReason,
    #[error("Write a note saying what was done, for the record")]
    NoNote,
    #[error("This response is not waiting for a safeguarding lead")]
    NotHeld,
}

/// Whether a response is held for a safeguarding lead.
pub fn is_held(response: &crate::StoredResponse) -> bool {
    response.flags.iter().any(|f| f == FLAG_SAFEGUARDING)
}

/// Holds a response for the safeguarding lead with a new concern.
pub fn raise(
    response: &mut crate::StoredResponse,
    by: &str,
    at: u64,
    reason: &str,
) -> Result<(), ReviewError> {
    if reason.trim().is_empty() {
        return Err(ReviewError::NoReason);
    }
    response.reviews.push(Review {
        raised_by: by.to_string(),
        raised_at: at,
        reason: reason.trim().to_string(),
        cleared: None,
    });
    if !is_held(response) {
        response.flags.push(FLAG_SAFEGUARDING.to_string());
    }
    Ok(())
}

/// Clears every open concern on a response with the lead's note; it then counts again.
pub fn clear(
    response: &mut crate::StoredResponse,
    by: &str,
    at: u64,
    note: &str,
) -> Result<(), ReviewError> {
    if !is_held(response) {
        return Err(ReviewError::NotHeld);
    }
    if note.trim().is_empty() {
        return Err(ReviewError::NoNote);
    }
    let clearance = Clearance {
        by: by.to_string(),
        at,
        note: note.trim().to_string(),
    };
    // Responses held before reviews were recorded get one, so the record says why it was held.
    if response.reviews.iter().all(|r| r.cleared.is_some()) {
        response.reviews.push(Review {
            raised_by: RAISED_BY_TRIAGE.into(),
            raised_at: response.received_at,
            reason: "possible disclosure".into(),
            cleared: None,
        });
    }
    for review in response.reviews.iter_mut().filter(|r| r.cleared.is_none()) {
        review.cleared = Some(clearance.clone());
    }
    response.flags.retain(|f| f != FLAG_SAFEGUARDING);
    Ok(())
}

#[cfg(test)]
mod review_tests {
    use super::*;
    use crate::StoredResponse;
    use crate::safeguarding::FLAG_SAFEGUARDING;

    fn response() -> StoredResponse {
        StoredResponse {
            id: uuid::Uuid::from_u128(1),
            consultation_id: "c".into(),
            survey_id: "s".into(),
            answers: Default::default(),
            received_at: 10,
            language: Default::default(),
            flags: Vec::new(),
            reviews: Vec::new(),
        }
    }

    #[test]
    fn a_concern_holds_and_clearing_releases_with_a_record() {
        let mut r = response();
        assert_eq!(
            clear(&mut r, "lead@x.org", 20, "ok"),
            Err(ReviewError::NotHeld)
        );
        assert_eq!(
            raise(&mut r, "fac@x.org", 15, "  "),
            Err(ReviewError::NoReason)
        );
        raise(&mut r, "fac@x.org", 15, "mentions being locked in").unwrap();
        raise(&mut r, RAISED_BY_TRIAGE, 16, "hits").unwrap();
        assert!(is_held(&r));
        assert_eq!(
            r.flags,
            [FLAG_SAFEGUARDING],
            "flagged once however many concerns"
        );
        assert_eq!(
            clear(&mut r, "lead@x.org", 20, " "),
            Err(ReviewError::NoNote)
        );
        clear(
            &mut r,
            "lead@x.org",
            20,
            "Spoke to the school; a game they play",
        )
        .unwrap();
        assert!(!is_held(&r));
        assert!(
            r.reviews
                .iter()
                .all(|v| v.cleared.as_ref().is_some_and(|c| c.by == "lead@x.org"))
        );
    }

    #[test]
    fn responses_held_before_reviews_existed_can_be_cleared() {
        let mut r = response();
        r.flags.push(FLAG_SAFEGUARDING.into());
        clear(&mut r, "lead@x.org", 20, "checked").unwrap();
        assert_eq!(r.reviews.len(), 1);
        assert_eq!(r.reviews[0].raised_by, RAISED_BY_TRIAGE);
    }
}
