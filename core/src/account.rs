//! Facilitator accounts and roles: who may do what. Participants never have accounts.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Shortest password accepted: long passphrases beat complex short ones (NCSC guidance).
pub const MIN_PASSWORD_CHARS: usize = 12;

/// What a signed-in person may do, from least to most access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads summaries and charts only.
    Viewer,
    /// Reads summaries and the responses held back as possible safeguarding disclosures.
    SafeguardingLead,
    /// Builds consultations and surveys, reads responses, prepares themes and exports.
    Facilitator,
    /// Everything a facilitator does, plus users, settings and the audit log.
    Administrator,
}

/// One thing a role may or may not do; the server checks one of these on every route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Summaries, counts and charts of consultations the person is on.
    ReadSummaries,
    /// Individual responses (not those held for safeguarding).
    ReadResponses,
    /// Responses held back as possible safeguarding disclosures.
    ReadFlagged,
    /// Create and change consultations and their surveys.
    ManageConsultations,
    /// Add, change and remove accounts.
    ManageUsers,
    /// Read the audit log.
    ReadAudit,
}

impl Role {
    /// Every role, least access first.
    pub const ALL: [Role; 4] = [
        Role::Viewer,
        Role::SafeguardingLead,
        Role::Facilitator,
        Role::Administrator,
    ];

    /// The role's name as shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Role::Viewer => "Viewer",
            Role::SafeguardingLead => "Safeguarding lead",
            Role::Facilitator => "Facilitator",
            Role::Administrator => "Administrator",
        }
    }

    /// What the role is for, in a sentence.
    pub fn describe(self) -> &'static str {
        match self {
            Role::Viewer => "Reads summaries and charts only.",
            Role::SafeguardingLead => {
                "Reads summaries, and the answers held back as possible safeguarding disclosures in every consultation."
            }
            Role::Facilitator => "Builds consultations and surveys and reads responses.",
            Role::Administrator => {
                "Everything a facilitator does, plus accounts and the audit log."
            }
        }
    }

    /// The role's identifier in the API and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::SafeguardingLead => "safeguarding_lead",
            Role::Facilitator => "facilitator",
            Role::Administrator => "administrator",
        }
    }

    /// The role with this identifier.
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Whether this role carries the permission. Least access: a safeguarding lead sees
    /// disclosures but cannot edit surveys; a facilitator edits surveys but never sees them.
    pub fn can(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Viewer => matches!(permission, ReadSummaries),
            Role::SafeguardingLead => matches!(permission, ReadSummaries | ReadFlagged),
            Role::Facilitator => {
                matches!(
                    permission,
                    ReadSummaries | ReadResponses | ManageConsultations
                )
            }
            Role::Administrator => !matches!(permission, ReadFlagged),
        }
    }

    /// Whether this role sees every consultation rather than only those it is listed on:
    /// administrators, and safeguarding leads so that no held answer can go unseen.
    pub fn sees_everything(self) -> bool {
        matches!(self, Role::Administrator | Role::SafeguardingLead)
    }
}

/// Problems with account details, worded for the person typing them.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AccountError {
    #[error("Enter an email address in the correct format, like name@example.org")]
    BadEmail,
    #[error(
        "Enter a password of at least {MIN_PASSWORD_CHARS} characters; a few words together work well"
    )]
    ShortPassword,
    #[error("Choose a password that is not your email address")]
    PasswordIsEmail,
}

/// An email address trimmed and lower-cased, if it looks like one.
pub fn normalise_email(email: &str) -> Result<String, AccountError> {
    let email = email.trim().to_lowercase();
    let (local, domain) = email.split_once('@').ok_or(AccountError::BadEmail)?;
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(email).ok_or(AccountError::BadEmail)
}

/// Checks a new password against the policy.
pub fn check_password(password: &str, email: &str) -> Result<(), AccountError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::ShortPassword);
    }
    if password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(AccountError::PasswordIsEmail);
    }
    Ok(())
}

/// `POST /api/session`: signing in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignIn {
    pub email: String,
    pub password: String,
}

/// The signed-in person, as the app sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub email: String,
    pub role: Role,
    /// Sent back in the `X-CSRF-Token` header on every change.
    pub csrf_token: String,
    /// Seconds since the Unix epoch when the session ends.
    pub expires_at: u64,
}

/// An account as administrators see it (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub email: String,
    pub role: Role,
    /// Seconds since the Unix epoch.
    pub created_at: u64,
}

/// `POST /api/users`: a new account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAccount {
    pub email: String,
    pub role: Role,
    pub password: String,
}

/// `PUT /api/users/{email}/role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleChange {
    pub role: Role,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_follow_least_access() {
        use Permission::*;
        assert!(Role::Viewer.can(ReadSummaries));
        assert!(!Role::Viewer.can(ReadResponses));
        assert!(Role::SafeguardingLead.can(ReadFlagged));
        assert!(!Role::SafeguardingLead.can(ManageConsultations));
        assert!(Role::Facilitator.can(ManageConsultations));
        assert!(!Role::Facilitator.can(ReadFlagged));
        assert!(!Role::Facilitator.can(ManageUsers));
        assert!(Role::Administrator.can(ManageUsers) && Role::Administrator.can(ReadAudit));
        assert!(!Role::Administrator.can(ReadFlagged));
        assert!(
            Role::ALL
                .iter()
                .all(|r| Role::from_key(r.key()) == Some(*r))
        );
        assert_eq!(Role::from_key("root"), None);
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            normalise_email("  Sam@Council.GOV.uk ").unwrap(),
            "sam@council.gov.uk"
        );
        for bad in [
            "",
            "sam",
            "sam@",
            "@x.org",
            "sam@localhost",
            "a b@x.org",
            "a@b@c.org",
            "a@.org",
        ] {
            assert_eq!(normalise_email(bad), Err(AccountError::BadEmail), "{bad}");
        }
    }

    #[test]
    fn passwords_must_be_long_and_not_the_email() {
        assert_eq!(
            check_password("short", "a@b.org"),
            Err(AccountError::ShortPassword)
        );
        assert_eq!(
            check_password("someone@council.org", "someone@council.org"),
            Err(AccountError::PasswordIsEmail)
        );
        assert_eq!(check_password("horse battery staple", "a@b.org"), Ok(()));
        // Counted in characters, not bytes.
        assert_eq!(
            check_password("ééééééééééé", "a@b.org"),
            Err(AccountError::ShortPassword)
        );
    }
}
