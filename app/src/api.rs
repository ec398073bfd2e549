//! Talking to the Tellus server's JSON API.

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use tellus_core::ResponseSubmission;
use tellus_core::api::{ApiError, ConsultationListing, Receipt, SurveyPage};
use thiserror::Error;
use uuid::Uuid;

/// Why a request to the server did not work.
#[derive(Debug, Clone, Error, PartialEq)]
pub enum ClientError {
    /// No answer: offline, or the server is down.
    #[error("We could not reach the server. Check the internet connection and try again.")]
    Network,
    /// The server answered with an error.
    #[error("{}", .1.error.message)]
    Server(u16, ApiError),
    /// The server answered with something this app does not understand.
    #[error("The server sent an answer we did not understand. Please try again later.")]
    Unexpected,
}

impl ClientError {
    /// True for a 404 from the server.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ClientError::Server(404, _))
    }

    /// True when the server wants the person to sign in (again).
    pub fn needs_sign_in(&self) -> bool {
        matches!(self, ClientError::Server(401, _))
    }

    /// The per-field problems the server named, if any.
    pub fn fields(&self) -> Vec<tellus_core::FieldError> {
        match self {
            ClientError::Server(_, e) => e.error.fields.clone(),
            _ => Vec::new(),
        }
    }
}

thread_local! {
    /// The signed-in session's CSRF token, sent with every change.
    static CSRF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Remembers the CSRF token of the session just started or found.
pub fn set_csrf_token(token: &str) {
    CSRF.with(|t| *t.borrow_mut() = token.to_string());
}

/// Which change to make.
#[derive(Debug, Clone, Copy)]
pub enum Change {
    Post,
    Put,
    Delete,
}

fn change_request(change: Change, url: &str) -> gloo_net::http::RequestBuilder {
    let builder = match change {
        Change::Post => Request::post(url),
        Change::Put => Request::put(url),
        Change::Delete => Request::delete(url),
    };
    builder.header("X-CSRF-Token", &CSRF.with(|t| t.borrow().clone()))
}

/// Sends a change with a JSON body and reads the JSON reply.
pub async fn send<B: serde::Serialize, T: DeserializeOwned>(
    change: Change,
    url: &str,
    body: &B,
) -> Result<T, ClientError> {
    let request = change_request(change, url)
        .json(body)
        .map_err(|_| ClientError::Unexpected)?;
    let response = request.send().await.map_err(|_| ClientError::Network)?;
    read(response).await
}

/// Sends a change without a body (sign out, delete) and expects no reply body.
pub async fn send_empty(change: Change, url: &str) -> Result<(), ClientError> {
    let response = change_request(change, url)
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read_empty(response).await
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ClientError> {
    if response.ok() {
        response
            .json::<T>()
            .await
            .map_err(|_| ClientError::Unexpected)
    } else {
        let status = response.status();
        match response.json::<ApiError>().await {
            Ok(error) => Err(ClientError::Server(status, error)),
            Err(_) => Err(ClientError::Unexpected),
        }
    }
}

/// Reads a reply with no body (204) or ignores its body.
async fn read_empty(response: Response) -> Result<(), ClientError> {
    if response.ok() {
        Ok(())
    } else {
        let status = response.status();
        match response.json::<ApiError>().await {
            Ok(error) => Err(ClientError::Server(status, error)),
            Err(_) => Err(ClientError::Unexpected),
        }
    }
}

/// `GET` a JSON resource (the session cookie goes with it: same origin).
pub async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ClientError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read(response).await
}

/// `GET` a file, as bytes.
pub async fn get_bytes(url: &str) -> Result<Vec<u8>, ClientError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    if response.ok() {
        response.binary().await.map_err(|_| ClientError::Network)
    } else {
        let status = response.status();
        match response.json::<ApiError>().await {
            Ok(error) => Err(ClientError::Server(status, error)),
            Err(_) => Err(ClientError::Unexpected),
        }
    }
}

/// The consultations and their surveys.
pub async fn consultations() -> Result<Vec<ConsultationListing>, ClientError> {
    get("/api/consultations").await
}

/// One survey with its consultation's details.
pub async fn survey(id: &str) -> Result<SurveyPage, ClientError> {
    get(&format!("/api/surveys/{id}")).await
}

/// Sends a response under the id this device chose; safe to repeat.
pub async fn submit(id: Uuid, submission: &ResponseSubmission) -> Result<Receipt, ClientError> {
    let request = Request::put(&format!("/api/responses/{id}"))
        .json(submission)
        .map_err(|_| ClientError::Unexpected)?;
    let response = request.send().await.map_err(|_| ClientError::Network)?;
    read(response).await
}
