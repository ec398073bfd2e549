//! The audit log: who did what sensitive thing, and when.

use serde::{Deserialize, Serialize};

/// Something worth recording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    SignIn,
    SignInRefused,
    SignOut,
    UserCreated,
    RoleChanged,
    UserDeleted,
    ConsultationCreated,
    ConsultationChanged,
    StatusChanged,
    TeamChanged,
    SurveySaved,
    SurveyDeleted,
    FlaggedResponseViewed,
    ConcernReported,
    ConcernCleared,
    PhrasesChanged,
    ResponseWithdrawn,
    ResponsesPurged,
    Export,
    EventChanged,
}

impl AuditAction {
    /// The action in words, for the audit page.
    pub fn label(&self) -> &'static str {
        match self {
            AuditAction::SignIn => "Signed in",
            AuditAction::SignInRefused => "Sign-in refused",
            AuditAction::SignOut => "Signed out",
            AuditAction::UserCreated => "Account created",
            AuditAction::RoleChanged => "Role changed",
            AuditAction::UserDeleted => "Account removed",
            AuditAction::ConsultationCreated => "Consultation created",
            AuditAction::ConsultationChanged => "Consultation details changed",
            AuditAction::StatusChanged => "Consultation opened, closed or archived",
            AuditAction::TeamChanged => "Consultation team changed",
            AuditAction::SurveySaved => "Survey saved",
            AuditAction::SurveyDeleted => "Survey deleted",
            AuditAction::FlaggedResponseViewed => "Flagged response viewed",
            AuditAction::ConcernReported => "Concern reported",
            AuditAction::ConcernCleared => "Concern cleared",
            AuditAction::PhrasesChanged => "Safeguarding phrases changed",
            AuditAction::ResponseWithdrawn => "Response withdrawn by its receipt code",
            AuditAction::ResponsesPurged => "Responses deleted at the end of retention",
            AuditAction::EventChanged => "Event created, changed or deleted",
            AuditAction::Export => "Exported",
        }
    }
}

/// One entry in the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Seconds since the Unix epoch.
    pub at: u64,
    /// The account that acted, or the email tried for a refused sign-in.
    pub actor: String,
    pub action: AuditAction,
    /// What it was done to: an account, consultation, survey or response id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target: String,
    /// Anything else worth knowing, e.g. the new role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}
