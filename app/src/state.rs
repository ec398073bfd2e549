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
    /// The survey: `None` while it loads.
    pub page: RwSignal<Option<Result<SurveyPage, ClientError>>>,
    pub answers: RwSignal<Answers>,
    response_id: RwSignal<Option<Uuid>>,
}

/// A survey given with the page rather than fetched: by the server that renders the page
/// (as a context), and in the browser from the JSON the server wrote into it.
#[derive(Clone)]
pub struct Preloaded(pub SurveyPage);

/// The id of the `<script type="application/json">` holding the preloaded survey.
pub const PRELOADED_ID: &str = "tellus-survey";

/// The survey given with the page, if it is `survey_id`; in the browser it is taken once.
fn preloaded(survey_id: &str) -> Option<SurveyPage> {
    let page = match use_context::<Preloaded>() {
        Some(Preloaded(page)) => Some(page),
        None => {
            let element = browser::window()?
                .document()?
                .get_element_by_id(PRELOADED_ID)?;
            element.remove();
            serde_json::from_str(&element.text_content()?).ok()
        }
    };
    page.filter(|p| p.survey.id == survey_id)
}

impl SurveyState {
    /// Loads the survey (unless it came with the page) and any answers saved on this device.
    pub fn new(survey_id: Memo<String>) -> Self {
        let page = RwSignal::new(preloaded(&survey_id.get_untracked()).map(Ok));
        let state = SurveyState {
            survey_id,
            page,
            answers: RwSignal::new(Answers::new()),
            response_id: RwSignal::new(None),
        };
        Effect::new(move |_| {
            let id = survey_id.get();
            let current = page.with_untracked(|p| matches!(p, Some(Ok(p)) if p.survey.id == id));
            if !current {
                state.load();
            }
        });
        Effect::new(move |_| {
            let saved: Saved = browser::load(&storage_key(&survey_id.get())).unwrap_or_default();
            state.answers.set(saved.answers);
            state.response_id.set(saved.response_id);
        });
        state
    }

    /// Fetches the survey (again, after a failure).
    pub fn load(&self) {
        let (page, survey_id) = (self.page, self.survey_id);
        let id = survey_id.get_untracked();
        page.set(None);
        leptos::task::spawn_local(async move {
            let loaded = api::survey(&id).await;
            // Only if the person is still on that survey.
            if survey_id.get_untracked() == id {
                page.set(Some(loaded));
            }
        });
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
