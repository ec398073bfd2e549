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
    let quiet = submit(&t, "I like going to Bob's on Saturdays").await;
    let (lead, fac) = (
        t.sign_in("lead@test.org").await,
        t.sign_in("fac@test.org").await,
    );
    assert_eq!(
        t.send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
            .await
            .body,
        json!([]),
        "nothing here for the check to hold"
    );

    let r = t
        .send(
            Method::POST,
            &format!("/api/manage/responses/{quiet}/concern"),
            Some(json!({ "text": "A Bob is known to children's services here" })),
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

    // The lead adds the name: the next answer naming him is held on arrival, whatever
    // the learnt model makes of it.
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
        .push(json!({ "phrase": "bob", "concern": "unsafe" }));
    let saved = t
        .send(
            Method::PUT,
            "/api/manage/safeguarding/phrases",
            Some(phrases),
            Some(&lead),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    submit(
        &t,
        "Bob from the football club takes me swimming on Saturdays",
    )
    .await;
    assert_eq!(
        t.send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(audited(&t, AuditAction::PhrasesChanged), 1);
}

#[tokio::test]
async fn saving_phrases_checks_every_stored_answer_and_note_again_and_releases_nothing() {
    let t = TestApp::new();
    team(&t);
    let lead = t.sign_in("lead@test.org").await;
    let before = submit(&t, "we sleep in the car most nights").await;
    let cleared = submit(&t, "my brother hits me").await;
    let unrelated = submit(&t, "I like the games in speech therapy").await;
    let note = post_note(&t, "mum makes us sleep in the car").await;
    assert!(!held(&t, before) && held(&t, cleared) && !held(&t, unrelated));
    let r = t
        .send(
            Method::POST,
            &format!("/api/manage/responses/{cleared}/clear"),
            Some(json!({ "text": "Play fighting; spoke to mum" })),
            Some(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);

    let mut phrases = t
        .send(
            Method::GET,
            "/api/manage/safeguarding/phrases",
            None,
            Some(&lead),
        )
        .await
        .body;
    phrases["phrases"].as_array_mut().unwrap().extend([
        json!({ "phrase": "sleep in the car", "concern": "neglect" }),
        // Would hold the cleared answer again: a lead's decision stands.
        json!({ "phrase": "brother", "concern": "harm" }),
    ]);
    let saved = t
        .send(
            Method::PUT,
            "/api/manage/safeguarding/phrases",
            Some(phrases),
            Some(&lead),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(
        (
            saved.body["newly_held_responses"].clone(),
            saved.body["newly_held_notes"].clone()
        ),
        (json!(1), json!(1))
    );
    assert!(saved.body["checked"].as_u64().unwrap() >= 4);
    assert!(
        held(&t, before),
        "an answer stored before the edit is now held"
    );
    assert!(!held(&t, cleared), "a cleared answer is not held again");
    assert!(!held(&t, unrelated));
    let notes = t
        .send(
            Method::GET,
            "/api/manage/safeguarding/notes",
            None,
            Some(&lead),
        )
        .await;
    assert_eq!(notes.body.as_array().unwrap().len(), 1, "{}", notes.text);
    assert!(note.is_some());
    assert!(
        notes.body[0]["why"][0]
            .as_str()
            .unwrap()
            .contains("Neglect"),
        "{}",
        notes.text
    );
}

#[tokio::test]
async fn bad_phrases_are_refused_each_with_its_reason_and_nothing_is_saved() {
    let t = TestApp::new();
    team(&t);
    let lead = t.sign_in("lead@test.org").await;
    let before = t
        .send(
            Method::GET,
            "/api/manage/safeguarding/phrases",
            None,
            Some(&lead),
        )
        .await
        .body;
    let mut list = before.clone();
    let n = list["phrases"].as_array().unwrap().len();
    list["phrases"].as_array_mut().unwrap().extend([
        json!({ "phrase": "locked in the shed", "concern": "restraint" }),
        json!({ "phrase": "Locked   in the shed", "concern": "restraint" }),
        json!({ "phrase": "and", "concern": "harm" }),
        json!({ "phrase": "ab*", "concern": "harm" }),
        json!({ "phrase": "x".repeat(600), "concern": "harm" }),
    ]);
    let r = t
        .send(
            Method::PUT,
            "/api/manage/safeguarding/phrases",
            Some(list),
            Some(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let fields: Vec<String> = r.body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        fields,
        (n + 1..n + 5)
            .map(|i| format!("phrases[{i}].phrase"))
            .collect::<Vec<_>>()
    );
    let messages = r.body["error"]["fields"].to_string();
    for expected in [
        "already in the list",
        "small words",
        "three letters",
        "too long",
    ] {
        assert!(messages.contains(expected), "{expected}: {messages}");
    }
    let english_only = t
        .send(
            Method::PUT,
            "/api/manage/safeguarding/phrases",
            Some(json!({ "phrases": [{ "phrase": "hits me", "concern": "harm" }] })),
            Some(&lead),
        )
        .await;
    assert_eq!(
        english_only.body["error"]["fields"][0]["field"], "languages.cy",
        "{}",
        english_only.text
    );
    let after = t
        .send(
            Method::GET,
            "/api/manage/safeguarding/phrases",
            None,
            Some(&lead),
        )
        .await
        .body;
    assert_eq!(after, before, "nothing half-saved");
    assert_eq!(audited(&t, AuditAction::PhrasesChanged), 0);
}

#[tokio::test]
async fn welsh_and_arabic_disclosures_are_held_whatever_the_survey_language() {
    let t = TestApp::new();
    team(&t);
    let lead = t.sign_in("lead@test.org").await;
    let welsh = submit(&t, "Na, mae fy llystad yn fy nharo i pan mae o wedi meddwi").await;
    let arabic = submit(&t, "لا، زوج امي بيضربني كل يوم").await;
    let denial = submit(&t, "Does neb yn fy mrifo, dw i'n hapus").await;
    assert!(held(&t, welsh) && held(&t, arabic) && !held(&t, denial));
    let queue = t
        .send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
        .await;
    assert!(queue.text.contains("Physical harm"), "{}", queue.text);
}

#[tokio::test]
async fn an_answer_in_a_language_the_check_cannot_read_is_held_for_a_person_with_the_reason() {
    let t = TestApp::new();
    team(&t);
    let lead = t.sign_in("lead@test.org").await;
    let polish = submit(
        &t,
        "Moja córka czeka na terapię mowy od dwóch lat i nikt nam nie pomaga",
    )
    .await;
    let english = submit(&t, "we have waited two years for speech therapy").await;
    assert!(held(&t, polish) && !held(&t, english));
    let queue = t
        .send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
        .await;
    assert!(
        queue
            .text
            .contains("language the safeguarding check cannot read"),
        "{}",
        queue.text
    );
}

#[tokio::test]
async fn a_held_answer_withdrawn_leaves_the_consultation_but_stays_with_the_lead() {
    let t = TestApp::new();
    team(&t);
    let (lead, fac) = (
        t.sign_in("lead@test.org").await,
        t.sign_in("fac@test.org").await,
    );
    let id = submit(&t, "my uncle touches me and says it is our secret").await;
    assert!(held(&t, id));
    let count = t
        .send(
            Method::GET,
            "/api/manage/safeguarding/waiting",
            None,
            Some(&lead),
        )
        .await;
    assert_eq!(count.body, json!({ "responses": 1, "notes": 0 }));

    let r = t
        .send(
            Method::POST,
            "/api/withdraw",
            Some(json!({ "code": receipt_code(id) })),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(
        t.store.response(id).unwrap().is_none(),
        "gone from the consultation"
    );
    let summary = t
        .send(
            Method::GET,
            "/api/consultations/therapies-review/summary",
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(summary.body["held_for_safeguarding"], 0, "{}", summary.text);
    // A facilitator cannot reach the copy; the lead still sees and reads it.
    let as_fac = t
        .send(
            Method::GET,
            &format!("/api/manage/responses/{id}"),
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(as_fac.status, StatusCode::NOT_FOUND);
    let queue = t
        .send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
        .await;
    assert_eq!(queue.body.as_array().unwrap().len(), 1);
    assert!(queue.body[0]["withdrawn_at"].is_u64(), "{}", queue.text);
    let detail = t
        .send(
            Method::GET,
            &format!("/api/manage/responses/{id}"),
            None,
            Some(&lead),
        )
        .await;
    assert!(detail.text.contains("our secret"), "{}", detail.text);
    assert!(detail.body["withdrawn_at"].is_u64());
    assert_eq!(
        t.send(
            Method::GET,
            "/api/manage/safeguarding/waiting",
            None,
            Some(&lead)
        )
        .await
        .body["responses"],
        1
    );

    // Cleared: the copy is deleted for good, and the decision is audited.
    let r = t
        .send(
            Method::POST,
            &format!("/api/manage/responses/{id}/clear"),
            Some(json!({ "text": "Referred to children's services" })),
            Some(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(t.store.lead_copy(id).unwrap().is_none());
    let queue = t
        .send(Method::GET, "/api/manage/safeguarding", None, Some(&lead))
        .await;
    assert_eq!(queue.body, json!([]));
    assert_eq!(audited(&t, AuditAction::ConcernCleared), 1);
}

fn held(t: &TestApp, id: Uuid) -> bool {
    t.store
        .response(id)
        .unwrap()
        .is_some_and(|r| tellus_core::safeguarding::is_held(&r))
}

/// Posts a note on the demo workshop's idea wall; returns whether it was stored.
async fn post_note(t: &TestApp, text: &str) -> Option<Uuid> {
    support::post_idea_wall_note(t, text).await
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
