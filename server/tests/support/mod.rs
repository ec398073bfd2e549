//! Shared set-up for API tests: the real router over a real sled store in a temporary
//! folder, with accounts that sign in through the API like the app does.
#![allow(dead_code)] // each test file uses a different part

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::Arc;
use tellus::auth::hash_password;
use tellus::startup::{AppState, AuthSettings, router};
use tellus::storage::{Store, UserRecord};
use tellus_core::account::Role;
use tower::ServiceExt;

/// Every account in a test app signs in with this.
pub const PASSWORD: &str = "a long test passphrase";

/// The router, its store, and the folder that holds it.
pub struct TestApp {
    pub app: Router,
    pub store: Store,
    /// The app's live streams, to stop them as the server does when it shuts down.
    pub live: Arc<tellus::live::Live>,
    _dir: tempfile::TempDir,
}

/// A signed-in browser: its session cookie and CSRF token.
#[derive(Clone, Debug)]
pub struct Client {
    pub cookie: String,
    pub csrf: String,
}

/// What came back.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
    pub bytes: Vec<u8>,
}

impl TestApp {
    /// A store with the demo consultation and no accounts, default sign-in settings.
    pub fn new() -> Self {
        Self::with_auth(AuthSettings::default())
    }

    /// As `new`, with these sign-in settings.
    pub fn with_auth(auth: AuthSettings) -> Self {
        Self::with(auth, tellus::alerts::Alerts::badge_only())
    }

    /// As `new`, with these sign-in settings and lead alerts.
    pub fn with(auth: AuthSettings, alerts: Arc<tellus::alerts::Alerts>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.seed_demo_once().unwrap();
        let live: Arc<tellus::live::Live> = Arc::default();
        let app = router(
            AppState {
                store: store.clone(),
                auth: Arc::new(auth),
                live: Arc::clone(&live),
                alerts,
            },
            None,
        );
        TestApp {
            app,
            store,
            live,
            _dir: dir,
        }
    }

    /// Adds an account with [`PASSWORD`].
    pub fn add_user(&self, email: &str, role: Role) {
        assert!(
            self.store
                .add_user(&UserRecord {
                    email: email.into(),
                    role,
                    password_hash: hash_password(PASSWORD),
                    created_at: 0,
                })
                .unwrap()
        );
    }

    /// Puts accounts on the demo consultation's team.
    pub fn join_demo_team(&self, emails: &[&str]) {
        let mut c = self
            .store
            .consultation("therapies-review")
            .unwrap()
            .unwrap();
        c.team = emails.iter().map(|e| e.to_string()).collect();
        self.store.put_consultation(&c).unwrap();
    }

    /// Sends a request, as `client` if given.
    pub async fn send(
        &self,
        method: Method,
        uri: &str,
        body: Option<Value>,
        client: Option<&Client>,
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if body.is_some() {
            request = request.header(header::CONTENT_TYPE, "application/json");
        }
        if let Some(c) = client {
            request = request
                .header(header::COOKIE, &c.cookie)
                .header("x-csrf-token", &c.csrf);
        }
        let request = request
            .body(
                body.map(|b| Body::from(b.to_string()))
                    .unwrap_or_else(Body::empty),
            )
            .unwrap();
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
            text,
            bytes: bytes.to_vec(),
        }
    }

    /// Signs in through the API; panics unless it works.
    pub async fn sign_in(&self, email: &str) -> Client {
        let reply = self
            .send(
                Method::POST,
                "/api/session",
                Some(json!({ "email": email, "password": PASSWORD })),
                None,
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "{email} could not sign in: {}",
            reply.text
        );
        let set_cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
        Client {
            cookie: set_cookie.split(';').next().unwrap().to_string(),
            csrf: reply.body["csrf_token"].as_str().unwrap().to_string(),
        }
    }

    /// An administrator, signed in.
    pub async fn admin(&self) -> Client {
        if self.store.user("admin@test.org").unwrap().is_none() {
            self.add_user("admin@test.org", Role::Administrator);
        }
        self.sign_in("admin@test.org").await
    }
}

/// Opens an idea wall at a new event in the demo consultation and posts one note on it,
/// as a participant who joined by code; the facilitator `fac@test.org` must be on the
/// team. Returns the note's id once stored.
pub async fn post_idea_wall_note(t: &TestApp, text: &str) -> Option<uuid::Uuid> {
    let fac = t.sign_in("fac@test.org").await;
    let c = "/api/manage/consultations/therapies-review";
    let event = t
        .send(
            Method::POST,
            &format!("{c}/events"),
            Some(json!({ "title": "Drop-in", "date": "2026-12-03", "place": "Library", "audience": "parents_and_carers" })),
            Some(&fac),
        )
        .await;
    assert_eq!(event.status, StatusCode::OK, "{}", event.text);
    let (id, code) = (
        event.body["id"].as_str().unwrap().to_string(),
        event.body["code"].as_str().unwrap().to_string(),
    );
    let added = t
        .send(
            Method::POST,
            &format!("/api/manage/events/{id}/activities"),
            Some(json!({ "title": "Ideas", "type": "idea_wall", "prompts": ["What should change?"] })),
            Some(&fac),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.text);
    let activity = added.body["activities"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let opened = t
        .send(
            Method::POST,
            &format!("/api/manage/events/{id}/control"),
            Some(json!({ "action": "open", "activity": activity })),
            Some(&fac),
        )
        .await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.text);
    let joined = t
        .send(
            Method::POST,
            "/api/events/join",
            Some(json!({ "code": code })),
            None,
        )
        .await;
    let participant = joined.body["participant"].as_str().unwrap().to_string();
    let note = uuid::Uuid::new_v4();
    let posted = t
        .send(
            Method::POST,
            &format!("/api/events/{code}/activities/{activity}"),
            Some(json!({ "participant": participant, "contribution": { "type": "note", "id": note, "prompt": 0, "text": text } })),
            None,
        )
        .await;
    posted.status.is_success().then_some(note)
}
