//! Accounts and the audit log: administrators only.

use super::session::record;
use crate::auth::{self, Signed, hash_password};
use crate::error::AppError;
use crate::startup::AppState;
use crate::storage::UserRecord;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use tellus_core::account::{
    Account, NewAccount, Permission, RoleChange, check_password, normalise_email,
};
use tellus_core::audit::{AuditAction, AuditEntry};
use tellus_core::survey::DefinitionProblem;

/// `GET /api/users`.
pub async fn list(
    State(state): State<AppState>,
    signed: Signed,
) -> Result<Json<Vec<Account>>, AppError> {
    signed.require(Permission::ManageUsers)?;
    Ok(Json(
        state
            .store
            .users()?
            .iter()
            .map(UserRecord::account)
            .collect(),
    ))
}

/// `POST /api/users`: a new account with a first password the person changes later.
pub async fn create(
    State(state): State<AppState>,
    signed: Signed,
    body: Result<Json<NewAccount>, JsonRejection>,
) -> Result<(StatusCode, Json<Account>), AppError> {
    signed.require(Permission::ManageUsers)?;
    let Json(new) = body?;
    let mut problems = Vec::new();
    let email = normalise_email(&new.email)
        .map_err(|e| problems.push(DefinitionProblem::new("email", e.to_string())))
        .unwrap_or_default();
    if let Err(e) = check_password(&new.password, &email) {
        problems.push(DefinitionProblem::new("password", e.to_string()));
    }
    if !problems.is_empty() {
        return Err(AppError::InvalidDefinition(problems));
    }
    let password = new.password;
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .expect("hashing a password never panics");
    let user = UserRecord {
        email: email.clone(),
        role: new.role,
        password_hash,
        created_at: auth::now(),
    };
    if !state.store.add_user(&user)? {
        return Err(AppError::Conflict {
            code: "account_exists",
            message: format!("There is already an account for {email}"),
        });
    }
    record(
        &state,
        &signed.actor(),
        AuditAction::UserCreated,
        &email,
        user.role.key(),
    )?;
    state.store.flush().await?;
    Ok((StatusCode::CREATED, Json(user.account())))
}

fn account_of(state: &AppState, email: &str) -> Result<UserRecord, AppError> {
    state
        .store
        .user(&email.to_lowercase())?
        .ok_or_else(|| AppError::NotFound {
            what: "account",
            id: email.to_string(),
        })
}

/// Refuses a change that would leave nobody able to manage accounts.
fn keep_an_administrator(state: &AppState, leaving: &str) -> Result<(), AppError> {
    let others = state
        .store
        .users()?
        .into_iter()
        .filter(|u| u.email != leaving && u.role.can(Permission::ManageUsers))
        .count();
    if others == 0 {
        return Err(AppError::Conflict {
            code: "last_administrator",
            message: "This is the only administrator. Make someone else an administrator first"
                .into(),
        });
    }
    Ok(())
}

/// `PUT /api/users/{email}/role`.
pub async fn change_role(
    State(state): State<AppState>,
    signed: Signed,
    Path(email): Path<String>,
    body: Result<Json<RoleChange>, JsonRejection>,
) -> Result<Json<Account>, AppError> {
    signed.require(Permission::ManageUsers)?;
    let Json(RoleChange { role }) = body?;
    let mut user = account_of(&state, &email)?;
    if user.role.can(Permission::ManageUsers) && !role.can(Permission::ManageUsers) {
        keep_an_administrator(&state, &user.email)?;
    }
    let before = user.role;
    user.role = role;
    state.store.put_user(&user)?;
    record(
        &state,
        &signed.actor(),
        AuditAction::RoleChanged,
        &user.email,
        &format!("{} -> {}", before.key(), role.key()),
    )?;
    state.store.flush().await?;
    Ok(Json(user.account()))
}

/// `DELETE /api/users/{email}`: removes the account and ends its sessions.
pub async fn delete(
    State(state): State<AppState>,
    signed: Signed,
    Path(email): Path<String>,
) -> Result<StatusCode, AppError> {
    signed.require(Permission::ManageUsers)?;
    let user = account_of(&state, &email)?;
    if user.role.can(Permission::ManageUsers) {
        keep_an_administrator(&state, &user.email)?;
    }
    state.store.delete_user(&user.email)?;
    record(
        &state,
        &signed.actor(),
        AuditAction::UserDeleted,
        &user.email,
        "",
    )?;
    state.store.flush().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/audit`: the newest 500 entries.
pub async fn audit(
    State(state): State<AppState>,
    signed: Signed,
) -> Result<Json<Vec<AuditEntry>>, AppError> {
    signed.require(Permission::ReadAudit)?;
    Ok(Json(state.store.audit_log(500)?))
}
