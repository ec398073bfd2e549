//! Who may do what: every facilitator route refuses anonymous requests and wrong roles,
//! and accepts the right ones; sign-in is throttled; sessions end; changes need the CSRF token.

mod support;

use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};
use std::time::Duration;
use support::{Client, PASSWORD, TestApp};
use tellus::auth::Throttle;
use tellus::startup::AuthSettings;
use tellus_core::account::Role;
use uuid::Uuid;

const EMAILS: [(&str, Role); 4] = [
    ("viewer@test.org", Role::Viewer),
    ("lead@test.org", Role::SafeguardingLead),
    ("facilitator@test.org", Role::Facilitator),
    ("admin@test.org", Role::Administrator),
];

/// A facilitator route, a body that makes it succeed, and the roles that may use it.
struct Route {
    method: Method,
    path: String,
    body: Option<Value>,
    allowed: &'static [Role],
}

fn route(method: Method, path: &str, body: Option<Value>, allowed: &'static [Role]) -> Route {
    Route {
        method,
        path: path.into(),
        body,
        allowed,
    }
}

const EVERYONE: &[Role] = &[
    Role::Viewer,
    Role::SafeguardingLead,
    Role::Facilitator,
    Role::Administrator,
];
const BUILDERS: &[Role] = &[Role::Facilitator, Role::Administrator];
const ADMINS: &[Role] = &[Role::Administrator];
const READERS: &[Role] = &[
    Role::SafeguardingLead,
    Role::Facilitator,
    Role::Administrator,
];

/// Every facilitator route. `{response}` is an unflagged response for READERS except the
/// lead, who may read only flagged ones: that route is listed per kind below.
fn routes(parents_survey: &Value, response: Uuid, flagged: Uuid) -> Vec<Route> {
    let c = "/api/manage/consultations/therapies-review";
    vec![
        route(Method::GET, "/api/session", None, EVERYONE),
        route(Method::DELETE, "/api/session", None, EVERYONE),
        route(Method::GET, "/api/users", None, ADMINS),
        route(
            Method::POST,
            "/api/users",
            Some(json!({ "email": "new@test.org", "role": "viewer", "password": PASSWORD })),
            ADMINS,
        ),
        route(
            Method::PUT,
            "/api/users/viewer@test.org/role",
            Some(json!({ "role": "viewer" })),
            ADMINS,
        ),
        route(Method::DELETE, "/api/users/viewer@test.org", None, ADMINS),
        route(Method::GET, "/api/audit", None, ADMINS),
        route(
            Method::GET,
            "/api/consultations/therapies-review/summary",
            None,
            EVERYONE,
        ),
        route(Method::GET, "/api/manage/consultations", None, EVERYONE),
        route(
            Method::POST,
            "/api/manage/consultations",
            Some(json!({ "title": "Speech review", "template": "blank" })),
            BUILDERS,
        ),
        route(Method::GET, c, None, EVERYONE),
        route(
            Method::PUT,
            &format!("{c}/details"),
            Some(
                json!({ "title": "Therapies", "purpose": "", "who_is_asking": "", "what_happens_next": "" }),
            ),
            BUILDERS,
        ),
        route(
            Method::PUT,
            &format!("{c}/status"),
            Some(json!({ "status": "closed" })),
            BUILDERS,
        ),
        route(
            Method::PUT,
            &format!("{c}/team"),
            Some(json!({ "team": ["facilitator@test.org"] })),
            BUILDERS,
        ),
        route(
            Method::POST,
            &format!("{c}/surveys"),
            Some(json!({ "audience": { "other": "School governors" }, "title": "Governors" })),
            BUILDERS,
        ),
        route(
            Method::PUT,
            &format!("{c}/surveys/therapies-parents"),
            Some(parents_survey.clone()),
            BUILDERS,
        ),
        route(
            Method::GET,
            &format!("{c}/surveys/therapies-parents/qr.svg"),
            None,
            BUILDERS,
        ),
        route(Method::GET, &format!("{c}/responses"), None, READERS),
        route(Method::GET, &format!("{c}/charts"), None, EVERYONE),
        route(
            Method::GET,
            &format!("/api/manage/responses/{response}"),
            None,
            BUILDERS,
        ),
        route(
            Method::GET,
            &format!("/api/manage/responses/{flagged}"),
            None,
            &[Role::SafeguardingLead],
        ),
        route(Method::GET, &format!("{c}/themes"), None, BUILDERS),
        route(Method::POST, &format!("{c}/themes/find"), None, BUILDERS),
        route(
            Method::GET,
            &format!("{c}/what-you-told-us"),
            None,
            EVERYONE,
        ),
        route(
            Method::PUT,
            &format!("{c}/what-you-told-us"),
            Some(json!({ "intro": "Thank you", "actions": {}, "threshold": 5 })),
            BUILDERS,
        ),
        route(Method::GET, &format!("{c}/export/csv"), None, BUILDERS),
        route(
            Method::GET,
            "/api/manage/safeguarding",
            None,
            &[Role::SafeguardingLead],
        ),
        route(
            Method::GET,
            "/api/manage/safeguarding/notes",
            None,
            &[Role::SafeguardingLead],
        ),
        route(
            Method::GET,
            "/api/manage/safeguarding/phrases",
            None,
            &[Role::SafeguardingLead],
        ),
        route(
            Method::GET,
            "/api/manage/safeguarding/waiting",
            None,
            &[Role::SafeguardingLead],
        ),
        route(
            Method::PUT,
            "/api/manage/safeguarding/phrases",
            Some(json!({ "phrases": [
                { "phrase": "hits me", "concern": "harm" },
                { "phrase": "fy nharo", "concern": "harm", "language": "cy" },
                { "phrase": "يضربني", "concern": "harm", "language": "ar" },
            ] })),
            &[Role::SafeguardingLead],
        ),
        route(
            Method::POST,
            &format!("/api/manage/responses/{flagged}/clear"),
            Some(json!({ "text": "Spoke to the family; the child is safe" })),
            &[Role::SafeguardingLead],
        ),
        route(
            Method::POST,
            &format!("/api/manage/responses/{response}/concern"),
            Some(json!({ "text": "Mentions being left alone a lot" })),
            BUILDERS,
        ),
        route(Method::GET, &format!("{c}/you-said-we-did"), None, EVERYONE),
        route(
            Method::PUT,
            &format!("{c}/you-said-we-did"),
            Some(json!({})),
            BUILDERS,
        ),
        route(Method::GET, &format!("{c}/events"), None, EVERYONE),
        route(
            Method::POST,
            &format!("{c}/events"),
            Some(event_details()),
            BUILDERS,
        ),
        route(Method::GET, EVENT, None, EVERYONE),
        route(Method::PUT, EVENT, Some(event_details()), BUILDERS),
        route(Method::DELETE, EVENT, None, BUILDERS),
        route(
            Method::POST,
            &format!("{EVENT}/activities"),
            Some(json!({ "title": "Ideas", "type": "idea_wall", "prompts": ["What works well?"] })),
            BUILDERS,
        ),
        route(
            Method::POST,
            &format!("{EVENT}/control"),
            Some(json!({ "action": "end" })),
            BUILDERS,
        ),
        route(Method::GET, &format!("{EVENT}/qr.svg"), None, EVERYONE),
    ]
}

/// The event every route test has, made by `populated`.
const EVENT: &str = "/api/manage/events/access-event";

fn event_details() -> Value {
    json!({ "title": "Parents' workshop", "date": "2026-12-03", "place": "Guildhall", "audience": "parents_and_carers" })
}

/// A demo app with one account per role (all on the demo team), one ordinary response and one held.
async fn populated(auth: AuthSettings) -> (TestApp, Uuid, Uuid) {
    let t = TestApp::with_auth(auth);
    for (email, role) in EMAILS {
        t.add_user(email, role);
    }
    t.join_demo_team(&EMAILS.map(|(e, _)| e));
    let answer = |text: &str| {
        json!({ "survey_id": "therapies-children", "answers": {
            "feel_therapy": { "type": "scale", "value": 3 },
            "what_helps": { "type": "text", "value": text } } })
    };
    let ordinary = Uuid::new_v4();
    let held = Uuid::new_v4();
    let r = t
        .send(
            Method::PUT,
            &format!("/api/responses/{ordinary}"),
            Some(answer("the games help")),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let r = t
        .send(
            Method::PUT,
            &format!("/api/responses/{held}"),
            Some(answer("my dad hits me")),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let event = tellus_core::event::Event {
        id: "access-event".into(),
        consultation_id: "therapies-review".into(),
        title: "Workshop".into(),
        date: None,
        place: String::new(),
        audience: tellus_core::Audience::ParentsAndCarers,
        code: "ACC355".into(),
        activities: Vec::new(),
        current: None,
        ended: false,
    };
    assert!(t.store.add_event(&event).unwrap());
    (t, ordinary, held)
}

#[tokio::test]
async fn every_facilitator_route_checks_sign_in_and_role() {
    let parents = serde_json::to_value(&tellus_core::demo::consultation().surveys[1]).unwrap();
    let (_, a, b) = populated(AuthSettings::default()).await;
    let count = routes(&parents, a, b).len();
    for i in 0..count {
        // A fresh app per route, so a route that deletes or closes cannot affect the next.
        let (t, ordinary, held) = populated(AuthSettings::default()).await;
        let r = &routes(&parents, ordinary, held)[i];
        let anonymous = t
            .send(r.method.clone(), &r.path, r.body.clone(), None)
            .await;
        assert_eq!(
            anonymous.status,
            StatusCode::UNAUTHORIZED,
            "{} {} without signing in",
            r.method,
            r.path
        );
        assert_eq!(anonymous.body["error"]["code"], "sign_in_needed");
        // Refusals first, so that nothing has changed yet when the allowed roles try.
        for (email, role) in EMAILS.iter().filter(|(_, role)| !r.allowed.contains(role)) {
            let client = t.sign_in(email).await;
            let reply = t
                .send(r.method.clone(), &r.path, r.body.clone(), Some(&client))
                .await;
            assert_eq!(
                reply.status,
                StatusCode::FORBIDDEN,
                "{} {} as {role:?}: {}",
                r.method,
                r.path,
                reply.text
            );
            assert_eq!(reply.body["error"]["code"], "forbidden");
        }
        for (email, role) in EMAILS.iter().filter(|(_, role)| r.allowed.contains(role)) {
            let client = t.sign_in(email).await;
            let reply = t
                .send(r.method.clone(), &r.path, r.body.clone(), Some(&client))
                .await;
            assert!(
                reply.status.is_success(),
                "{} {} as {role:?}: {} {}",
                r.method,
                r.path,
                reply.status,
                reply.text
            );
            // Changes that cannot be repeated (create, delete) are checked by the first allowed role only.
            if r.method != Method::GET && r.method != Method::PUT {
                break;
            }
        }
    }
}

#[tokio::test]
async fn sign_in_does_not_reveal_which_accounts_exist() {
    let t = TestApp::new();
    t.add_user("sam@test.org", Role::Facilitator);
    let wrong = |email: &str| json!({ "email": email, "password": "not the password at all" });
    let known = t
        .send(
            Method::POST,
            "/api/session",
            Some(wrong("sam@test.org")),
            None,
        )
        .await;
    let unknown = t
        .send(
            Method::POST,
            "/api/session",
            Some(wrong("nobody@test.org")),
            None,
        )
        .await;
    assert_eq!(known.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        (known.status, known.body.clone()),
        (unknown.status, unknown.body)
    );
    assert!(known.headers.get(header::SET_COOKIE).is_none());
    // Emails are matched whatever their case and spacing.
    let ok = t
        .send(
            Method::POST,
            "/api/session",
            Some(json!({ "email": " SAM@test.org ", "password": PASSWORD })),
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    let cookie = ok.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert_eq!(ok.body["role"], "facilitator");
}

#[tokio::test]
async fn sign_in_is_throttled_per_account_and_per_address() {
    let t = TestApp::with_auth(AuthSettings {
        session_ttl: 3600,
        throttle: Throttle::new(900, 3, 100),
        ..AuthSettings::default()
    });
    t.add_user("sam@test.org", Role::Facilitator);
    let attempt = |password: &str| json!({ "email": "sam@test.org", "password": password });
    for _ in 0..3 {
        let r = t
            .send(
                Method::POST,
                "/api/session",
                Some(attempt("wrong password here")),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    // Now even the right password waits: a guesser learns nothing from the fourth try.
    let r = t
        .send(Method::POST, "/api/session", Some(attempt(PASSWORD)), None)
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.body["error"]["code"], "too_many_attempts");
    let wait: u64 = r.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&wait));
    assert!(
        r.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("15 minutes")
    );
    // Refused sign-ins are in the audit log.
    let log = t.store.audit_log(10).unwrap();
    assert_eq!(
        log.iter()
            .filter(|e| e.action == tellus_core::audit::AuditAction::SignInRefused)
            .count(),
        3
    );
}

#[tokio::test]
async fn sessions_expire_and_signing_out_ends_them() {
    let t = TestApp::with_auth(AuthSettings {
        session_ttl: 1,
        ..AuthSettings::default()
    });
    t.add_user("sam@test.org", Role::Viewer);
    let client = t.sign_in("sam@test.org").await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let r = t
        .send(Method::GET, "/api/session", None, Some(&client))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.body["error"]["code"], "session_expired");

    let t = TestApp::new();
    t.add_user("sam@test.org", Role::Viewer);
    let client = t.sign_in("sam@test.org").await;
    assert_eq!(
        t.send(Method::GET, "/api/session", None, Some(&client))
            .await
            .status,
        StatusCode::OK
    );
    let out = t
        .send(Method::DELETE, "/api/session", None, Some(&client))
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert!(
        out.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert_eq!(
        t.send(Method::GET, "/api/session", None, Some(&client))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn changes_without_the_csrf_token_are_refused_and_change_nothing() {
    let t = TestApp::new();
    let admin = t.admin().await;
    let forged = Client {
        csrf: String::new(),
        ..admin.clone()
    };
    let wrong = Client {
        csrf: "guessed".into(),
        ..admin.clone()
    };
    let body = json!({ "email": "new@test.org", "role": "administrator", "password": PASSWORD });
    for client in [&forged, &wrong] {
        let r = t
            .send(Method::POST, "/api/users", Some(body.clone()), Some(client))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(r.body["error"]["code"], "csrf_failed");
    }
    assert!(t.store.user("new@test.org").unwrap().is_none());
    // Reading needs no token; the real token works for changes.
    assert_eq!(
        t.send(Method::GET, "/api/users", None, Some(&forged))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        t.send(Method::POST, "/api/users", Some(body), Some(&admin))
            .await
            .status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn role_changes_take_effect_at_once_and_the_last_administrator_stays() {
    let t = TestApp::new();
    let admin = t.admin().await;
    t.add_user("sam@test.org", Role::Facilitator);
    let sam = t.sign_in("sam@test.org").await;
    assert_eq!(
        t.send(Method::GET, "/api/manage/consultations", None, Some(&sam))
            .await
            .status,
        StatusCode::OK
    );
    let r = t
        .send(
            Method::PUT,
            "/api/users/sam@test.org/role",
            Some(json!({ "role": "viewer" })),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let create = json!({ "title": "X", "template": "blank" });
    let r = t
        .send(
            Method::POST,
            "/api/manage/consultations",
            Some(create),
            Some(&sam),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "the same session has lost the role"
    );
    let r = t
        .send(
            Method::DELETE,
            "/api/users/admin@test.org",
            None,
            Some(&admin),
        )
        .await;
    assert_eq!(
        (r.status, r.body["error"]["code"].clone()),
        (StatusCode::CONFLICT, json!("last_administrator"))
    );
    let r = t
        .send(
            Method::DELETE,
            "/api/users/sam@test.org",
            None,
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        t.send(Method::GET, "/api/session", None, Some(&sam))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let actions: Vec<_> = t
        .store
        .audit_log(50)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    use tellus_core::audit::AuditAction::*;
    for wanted in [SignIn, RoleChanged, UserDeleted] {
        assert!(actions.contains(&wanted), "{wanted:?} is audited");
    }
}

#[tokio::test]
async fn people_see_only_the_consultations_they_are_on() {
    let t = TestApp::new();
    t.add_user("sam@test.org", Role::Facilitator);
    let sam = t.sign_in("sam@test.org").await;
    let list = t
        .send(Method::GET, "/api/manage/consultations", None, Some(&sam))
        .await;
    assert_eq!(list.body, json!([]));
    let r = t
        .send(
            Method::GET,
            "/api/consultations/therapies-review/summary",
            None,
            Some(&sam),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::NOT_FOUND,
        "not on the team: as if it did not exist"
    );
    let admin = t.admin().await;
    let r = t
        .send(
            Method::PUT,
            "/api/manage/consultations/therapies-review/team",
            Some(json!({ "team": ["sam@test.org", "ghost@test.org"] })),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["fields"][0]["field"], "team[1]");
    let r = t
        .send(
            Method::PUT,
            "/api/manage/consultations/therapies-review/team",
            Some(json!({ "team": ["SAM@test.org"] })),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let list = t
        .send(Method::GET, "/api/manage/consultations", None, Some(&sam))
        .await;
    assert_eq!(list.body[0]["id"], "therapies-review");
}
