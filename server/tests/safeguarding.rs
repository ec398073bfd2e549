//! Safeguarding and privacy through the API: the lead's queue, clearing, reporting a
//! concern, the phrase list, withdrawal by receipt code and retention.

mod support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::TestApp;
use tellus::commands::purge::purge;
use tellus_core::account::Role;
use tellus_core::audit::AuditAction;
use tellus_core::manage::epoch_day;
use tellus_core::response::receipt_code;
use uuid::Uuid;

fn child(text: &str) -> Value {
    json!({ "survey_id": "therapies-children", "answers": {
        "feel_therapy": { "type": "scale", "value": 4 },
        "what_helps": { "type": "text", "value": text } } })
}

async fn submit(t: &TestApp, text: &str) -> Uuid {
    let id = Uuid::new_v4();
    let r = t
        .send(
            Method::PUT,
            &format!("/api/responses/{id}"),
            Some(child(text)),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    id
}

fn team(t: &TestApp) {
    for (email, role) in [
        ("lead@test.org", Role::SafeguardingLead),
        ("viewer@test.org", Role::Viewer),
        ("fac@test.org", Role::Facilitator),
    ] {
        t.add_user(email, role);
    }
    t.join_demo_team(&["lead@test.org", "viewer@test.org", "fac@test.org"]);
}

fn audited(t: &TestApp, action: AuditAction) -> usize {
    t.store
        .audit_log(1000)
        .unwrap()
        .iter()
        .filter(|e| e.action == action)
        .count()
}

#[tokio::test]
async fn a_disclosure_waits_for_the_lead_and_counts_once_cleared() {
    let t = TestApp::new();
    team(&t);
    submit(&t, "therapy is fun").await;
    let held = submit(&t, "my step dad hits me when I get it wrong").await;
    let (lead, viewer, fac) = (
        t.sign_in("lead@test.org").await,
        t.sign_in("viewer@test.org").await,
        t.sign_in("fac@test.org").await,
    );

    let summary = t
        .send(
            Method::GET,
            "/api/consultations/therapies-review/summary",
            None,
            Some(&viewer),
        )
        .await;
    assert_eq!(
        (
            summary.body["total_responses"].clone(),
            summary.body["held_for_safeguarding"].clone()
        ),
        (json!(1), json!(1))
    );
    assert!(!summary.text.contains("hits"));
    let charts = t
        .send(
            Method::GET,
            "/api/manage/consultations/therapies-review/charts",
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(charts.body[0]["responses"], 1);
    assert_eq!(
        t.send(Method::GET, "/api/manage/safeguarding", None, Some(&viewer))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        t.send(
            Method::GET,
            &format!("/api/manage/responses/{held}"),
            None,
            Some(&fac)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );

    let queue = t
        .send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
        .await;
    assert_eq!(queue.body.as_array().unwrap().len(), 1);
    assert_eq!(queue.body[0]["row"]["id"], held.to_string());
    assert_eq!(
        queue.body[0]["consultation_title"],
        "Children's therapies review"
    );
    assert!(
        queue.body[0]["reasons"][0]
            .as_str()
            .unwrap()
            .contains("automatic check")
    );
    let one = t
        .send(
            Method::GET,
            &format!("/api/manage/responses/{held}"),
            None,
            Some(&lead),
        )
        .await;
    assert!(one.text.contains("hits me"));
    assert_eq!(audited(&t, AuditAction::FlaggedResponseViewed), 1);

    let no_note = t
        .send(
            Method::POST,
            &format!("/api/manage/responses/{held}/clear"),
            Some(json!({ "text": " " })),
            Some(&lead),
        )
        .await;
    assert_eq!(
        (
            no_note.status,
            no_note.body["error"]["fields"][0]["field"].clone()
        ),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("text"))
    );
    let cleared = t
        .send(
            Method::POST,
            &format!("/api/manage/responses/{held}/clear"),
            Some(json!({ "text": "Referred to children's services; case 123" })),
            Some(&lead),
        )
        .await;
    assert_eq!(cleared.status, StatusCode::OK, "{}", cleared.text);
    assert_eq!(cleared.body["reviews"][0]["cleared"]["by"], "lead@test.org");
    let again = t
        .send(
            Method::POST,
            &format!("/api/manage/responses/{held}/clear"),
            Some(json!({ "text": "x" })),
            Some(&lead),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let summary = t
        .send(
            Method::GET,
            "/api/consultations/therapies-review/summary",
            None,
            Some(&viewer),
        )
        .await;
    assert_eq!(
        (
            summary.body["total_responses"].clone(),
            summary.body["held_for_safeguarding"].clone()
        ),
        (json!(2), json!(0))
    );
    assert_eq!(
        t.send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
            .await
            .body,
        json!([])
    );
    assert_eq!(audited(&t, AuditAction::ConcernCleared), 1);
}

#[tokio::test]
async fn any_facilitator_can_report_a_concern_and_the_lead_edits_the_phrases() {
    let t = TestApp::new();
    team(&t);
    let quiet = submit(&t, "I have to stay in the cupboard when I am naughty").await;
    let (lead, fac) = (
        t.sign_in("lead@test.org").await,
        t.sign_in("fac@test.org").await,
    );
    assert_eq!(
        t.send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
            .await
            .body,
        json!([]),
        "the built-in list misses this"
    );

    let r = t
        .send(
            Method::POST,
            &format!("/api/manage/responses/{quiet}/concern"),
            Some(json!({ "text": "Shut in a cupboard as punishment" })),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let list = t
        .send(
            Method::GET,
            "/api/manage/consultations/therapies-review/responses",
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(
        (
            list.body["rows"].as_array().unwrap().len(),
            list.body["withheld"].clone()
        ),
        (0, json!(1))
    );
    let queue = t
        .send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
        .await;
    assert!(
        queue.body[0]["reasons"][0]
            .as_str()
            .unwrap()
            .contains("fac@test.org")
    );
    assert_eq!(audited(&t, AuditAction::ConcernReported), 1);

    // The lead adds the phrase; the next such answer is held on arrival.
    let mut phrases = t
        .send(
            Method::GET,
            "/api/manage/safeguarding/phrases",
            None,
            Some(&lead),
        )
        .await
        .body;
    phrases["phrases"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "phrase": "in the cupboard", "concern": "harm" }));
    let saved = t
        .send(
            Method::PUT,
            "/api/manage/safeguarding/phrases",
            Some(phrases),
            Some(&lead),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    submit(&t, "they put me in the cupboard").await;
    assert_eq!(
        t.send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let empty = t
        .send(
            Method::PUT,
            "/api/manage/safeguarding/phrases",
            Some(json!({ "phrases": [] })),
            Some(&lead),
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(audited(&t, AuditAction::PhrasesChanged), 1);
}

#[tokio::test]
async fn a_receipt_code_withdraws_answers_while_the_consultation_is_open() {
    let t = TestApp::new();
    let admin = t.admin().await;
    let id = submit(&t, "I like my therapist").await;
    let other = submit(&t, "games").await;
    let code = receipt_code(id);

    let bad = t
        .send(
            Method::POST,
            "/api/withdraw",
            Some(json!({ "code": "hello" })),
            None,
        )
        .await;
    assert_eq!(
        (bad.status, bad.body["error"]["fields"][0]["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("code"))
    );
    let typed = code.to_lowercase().replace('-', " ");
    let ok = t
        .send(
            Method::POST,
            "/api/withdraw",
            Some(json!({ "code": typed })),
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
    assert!(t.store.response(id).unwrap().is_none(), "gone for good");
    assert!(t.store.response(other).unwrap().is_some());
    let summary = t
        .send(
            Method::GET,
            "/api/consultations/therapies-review/summary",
            None,
            Some(&admin),
        )
        .await;
    assert_eq!(summary.body["total_responses"], 1);
    let twice = t
        .send(
            Method::POST,
            "/api/withdraw",
            Some(json!({ "code": code })),
            None,
        )
        .await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND);
    assert_eq!(audited(&t, AuditAction::ResponseWithdrawn), 1);

    // Once closed, answers stay.
    t.send(
        Method::PUT,
        "/api/manage/consultations/therapies-review/status",
        Some(json!({ "status": "closed" })),
        Some(&admin),
    )
    .await;
    let late = t
        .send(
            Method::POST,
            "/api/withdraw",
            Some(json!({ "code": receipt_code(other) })),
            None,
        )
        .await;
    assert_eq!(
        (late.status, late.body["error"]["code"].clone()),
        (StatusCode::CONFLICT, json!("withdrawal_closed"))
    );
}

#[tokio::test]
async fn guessing_receipt_codes_is_throttled() {
    let t = TestApp::new();
    let mut last = StatusCode::OK;
    for n in 0..12u128 {
        let code = receipt_code(Uuid::from_u128(n + 77));
        last = t
            .send(
                Method::POST,
                "/api/withdraw",
                Some(json!({ "code": code })),
                None,
            )
            .await
            .status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn retention_deletes_responses_for_good_and_logs_it() {
    let t = TestApp::new();
    let admin = t.admin().await;
    submit(&t, "one").await;
    submit(&t, "two").await;
    let details = json!({ "title": "Children's therapies review", "purpose": "p", "who_is_asking": "w",
        "what_happens_next": "n", "closes_on": "2027-03-31", "retention_months": 12, "privacy_contact": "dpo@council.gov.uk" });
    let r = t
        .send(
            Method::PUT,
            "/api/manage/consultations/therapies-review/details",
            Some(details),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let page = t
        .send(Method::GET, "/api/surveys/therapies-children", None, None)
        .await;
    assert_eq!(
        (
            page.body["retention_months"].clone(),
            page.body["privacy_contact"].clone()
        ),
        (json!(12), json!("dpo@council.gov.uk"))
    );

    let last_day = epoch_day("2028-03-31").unwrap();
    assert!(
        purge(&t.store, last_day, false).unwrap().is_empty(),
        "kept through the last day"
    );
    let dry = purge(&t.store, last_day + 1, true).unwrap();
    assert_eq!(
        (dry.len(), dry[0].responses, dry[0].ended.as_str()),
        (1, 2, "2028-03-31")
    );
    assert_eq!(t.store.response_count(), 2, "a dry run deletes nothing");
    purge(&t.store, last_day + 1, false).unwrap();
    assert_eq!(t.store.response_count(), 0);
    assert_eq!(t.store.count_responses("therapies-children").unwrap(), 0);
    assert_eq!(audited(&t, AuditAction::ResponsesPurged), 1);
}
