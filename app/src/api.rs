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

async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ClientError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read(response).await
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
