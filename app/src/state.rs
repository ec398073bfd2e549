//! The state of one person's survey on this device: the survey itself and their answers.
//!
//! Answers are saved in local storage as they go, so a reload or a flat battery does not
//! lose them; they are removed as soon as the server has them.

use crate::api::{self, ClientError};
use crate::browser;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tellus_core::api::SurveyPage;
use tellus_core::{Answer, Answers};
use uuid::Uuid;

/// What is saved on the device for one survey in progress.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Saved {
    answers: Answers,
    /// Chosen on the first attempt to send, so every retry uses the same id.
    response_id: Option<Uuid>,
}

fn storage_key(survey_id: &str) -> String {
    format!("tellus:progress:{survey_id}")
}

/// Shared by the pages of one survey.
#[derive(Clone, Copy)]
pub struct SurveyState {
    pub survey_id: Memo<String>,
    pub page: LocalResource<Result<SurveyPage, ClientError>>,
    pub answers: RwSignal<Answers>,
    response_id: RwSignal<Option<Uuid>>,
}

impl SurveyState {
    /// Loads the survey and any answers saved on this device.
    pub fn new(survey_id: Memo<String>) -> Self {
        let page = LocalResource::new(move || {
            let id = survey_id.get();
            async move { api::survey(&id).await }
        });
        let state = SurveyState {
            survey_id,
            page,
            answers: RwSignal::new(Answers::new()),
            response_id: RwSignal::new(None),
        };
        Effect::new(move |_| {
            let saved: Saved = browser::load(&storage_key(&survey_id.get())).unwrap_or_default();
            state.answers.set(saved.answers);
            state.response_id.set(saved.response_id);
        });
        state
    }

    /// The saved answer to a question.
    pub fn answer(&self, question_id: &str) -> Option<Answer> {
        self.answers.with_untracked(|a| a.get(question_id).cloned())
    }

    /// Records (or with `None`, removes) an answer and saves progress on the device.
    pub fn set_answer(&self, question_id: &str, answer: Option<Answer>) {
        self.answers.update(|answers| match answer {
            Some(answer) => {
                answers.insert(question_id.to_string(), answer);
            }
            None => {
                answers.remove(question_id);
            }
        });
        self.save();
    }

    /// The id to send this response under, chosen once.
    pub fn response_id(&self) -> Uuid {
        if let Some(id) = self.response_id.get_untracked() {
            return id;
        }
        let id = browser::new_uuid();
        self.response_id.set(Some(id));
        self.save();
        id
    }

    /// Whether this device has answers in progress.
    pub fn has_progress(&self) -> bool {
        self.answers.with(|a| !a.is_empty())
    }

    /// Forgets everything about this response on the device.
    pub fn clear(&self) {
        self.answers.set(Answers::new());
        self.response_id.set(None);
        browser::forget(&storage_key(&self.survey_id.get_untracked()));
    }

    fn save(&self) {
        let saved = Saved {
            answers: self.answers.get_untracked(),
            response_id: self.response_id.get_untracked(),
        };
        browser::save(&storage_key(&self.survey_id.get_untracked()), &saved);
    }
}

/// The receipt code of the answers just sent, kept in memory only: shown once on the
/// confirmation page, never stored on a shared device.
#[derive(Clone, Copy)]
pub struct LastReceipt(pub RwSignal<Option<String>>);
