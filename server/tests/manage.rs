//! Building a consultation through the API, then reading what participants said.

mod support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::{Client, TestApp};
use tellus_core::account::Role;
use uuid::Uuid;

async fn create(t: &TestApp, who: &Client, title: &str, template: &str) -> Value {
    let r = t
        .send(
            Method::POST,
            "/api/manage/consultations",
            Some(json!({ "title": title, "template": template })),
            Some(who),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    r.body
}

/// One question of every kind, as the builder would send them.
fn every_kind() -> Value {
    json!([
        { "id": "q1", "text": "Which therapy do you get?", "required": true, "type": "single_choice",
          "options": [{ "id": "speech", "label": "Speech" }, { "id": "ot", "label": "OT" }] },
        { "id": "q2", "text": "What helps?", "type": "multiple_choice", "max": 2, "allow_dont_know": true,
          "options": [{ "id": "games", "label": "Games" }, { "id": "music", "label": "Music" }, { "id": "calm", "label": "Calm room" }] },
        { "id": "q3", "text": "How do you feel?", "type": "faces", "points": 3 },
        { "id": "q4", "text": "Therapy helps me", "type": "agreement" },
        { "id": "q5", "text": "Do you see the same person?", "type": "yes_no" },
        { "id": "q6", "text": "Tell us more", "type": "free_text", "max_graphemes": 200 },
        { "id": "q7", "text": "How did you answer?", "type": "answered_how" }
    ])
}

#[tokio::test]
async fn a_facilitator_builds_opens_and_reads_a_consultation() {
    let t = TestApp::new();
    t.add_user("fac@test.org", Role::Facilitator);
    let fac = t.sign_in("fac@test.org").await;
    let c = create(&t, &fac, "Speech and language review", "blank").await;
    let id = c["id"].as_str().unwrap().to_string();
    assert_eq!(id, "speech-and-language-review");
    assert_eq!(c["status"], "draft");
    assert_eq!(c["team"], json!(["fac@test.org"]));
    let base = format!("/api/manage/consultations/{id}");

    // Nothing to open yet.
    let r = t
        .send(
            Method::PUT,
            &format!("{base}/status"),
            Some(json!({ "status": "open" })),
            Some(&fac),
        )
        .await;
    assert_eq!(
        (r.status, r.body["error"]["code"].clone()),
        (StatusCode::CONFLICT, json!("nothing_to_open"))
    );

    let r = t
        .send(
            Method::POST,
            &format!("{base}/surveys"),
            Some(json!({ "audience": "children_and_young_people", "title": "Your therapy" })),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let mut survey = r.body.clone();
    let sid = survey["id"].as_str().unwrap().to_string();
    assert_eq!(sid, format!("{id}-children"));
    assert_eq!(survey["child_mode"], true);

    // A broken survey is refused with every problem named by path, and nothing is saved.
    survey["questions"] = json!([{ "id": "q1", "text": "", "type": "single_choice", "options": [{ "id": "a", "label": "A" }] }]);
    let r = t
        .send(
            Method::PUT,
            &format!("{base}/surveys/{sid}"),
            Some(survey.clone()),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<_> = r.body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_string())
        .collect();
    assert!(
        fields.contains(&"questions[0].text".to_string())
            && fields.contains(&"questions[0].options".to_string()),
        "{fields:?}"
    );

    survey["questions"] = every_kind();
    let r = t
        .send(
            Method::PUT,
            &format!("{base}/surveys/{sid}"),
            Some(survey.clone()),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    // Participants cannot see a draft.
    assert_eq!(
        t.send(Method::GET, &format!("/api/surveys/{sid}"), None, None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let r = t
        .send(
            Method::PUT,
            &format!("{base}/status"),
            Some(json!({ "status": "open" })),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let page = t
        .send(Method::GET, &format!("/api/surveys/{sid}"), None, None)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.body["survey"]["questions"].as_array().unwrap().len(),
        7
    );

    // Two children answer, one with help; one discloses harm.
    let answer = |how: &str, text: &str| {
        json!({ "survey_id": sid, "answers": {
            "q1": { "type": "choice", "value": "speech" },
            "q2": { "type": "choices", "value": ["games", "calm"] },
            "q3": { "type": "scale", "value": 3 },
            "q6": { "type": "text", "value": text },
            "q7": { "type": "choice", "value": how } } })
    };
    for (how, text) in [
        ("own", "<script>alert(1)</script> games are fun"),
        ("with_help", "I like music"),
        ("own", "my dad hits me"),
    ] {
        let r = t
            .send(
                Method::PUT,
                &format!("/api/responses/{}", Uuid::new_v4()),
                Some(answer(how, text)),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }

    let list = t
        .send(Method::GET, &format!("{base}/responses"), None, Some(&fac))
        .await;
    assert_eq!(list.body["rows"].as_array().unwrap().len(), 2);
    assert_eq!(
        list.body["withheld"], 1,
        "the disclosure is held for the safeguarding lead"
    );
    let helped = t
        .send(
            Method::GET,
            &format!("{base}/responses?how=with_help&audience=Children%20and%20young%20people"),
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(helped.body["rows"].as_array().unwrap().len(), 1);
    assert_eq!(helped.body["rows"][0]["answered_how"], "With help");
    let r = t
        .send(
            Method::GET,
            &format!("{base}/responses?from=31-01-2027"),
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(
        (r.status, r.body["error"]["fields"][0]["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("from"))
    );

    let rid = list.body["rows"][0]["id"].as_str().unwrap();
    let one = t
        .send(
            Method::GET,
            &format!("/api/manage/responses/{rid}"),
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(
        one.body["answers"][0]["question"],
        "Which therapy do you get?"
    );
    assert_eq!(one.body["answers"][0]["answer"], "Speech");

    let charts = t
        .send(Method::GET, &format!("{base}/charts"), None, Some(&fac))
        .await;
    let survey_charts = &charts.body[0];
    assert_eq!(
        survey_charts["responses"], 2,
        "held responses are not charted"
    );
    let q2 = survey_charts["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["question_id"] == "q2")
        .unwrap();
    assert_eq!(
        q2["bars"],
        json!([
            { "label": "Games", "count": 2 }, { "label": "Music", "count": 0 },
            { "label": "Calm room", "count": 2 }, { "label": "I don't know", "count": 0 }
        ])
    );
    assert!(
        survey_charts["questions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["question_id"] != "q6")
    );

    let qr = t
        .send(
            Method::GET,
            &format!("{base}/surveys/{sid}/qr.svg"),
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(qr.status, StatusCode::OK);
    assert!(
        qr.text.contains("<svg") && qr.text.contains("<path"),
        "{}",
        &qr.text[..100.min(qr.text.len())]
    );

    // A survey with responses cannot be deleted; closing stops new answers.
    let r = t
        .send(
            Method::DELETE,
            &format!("{base}/surveys/{sid}"),
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    t.send(
        Method::PUT,
        &format!("{base}/status"),
        Some(json!({ "status": "closed" })),
        Some(&fac),
    )
    .await;
    let late = t
        .send(
            Method::PUT,
            &format!("/api/responses/{}", Uuid::new_v4()),
            Some(answer("own", "late")),
            None,
        )
        .await;
    assert_eq!(
        (late.status, late.body["error"]["code"].clone()),
        (StatusCode::GONE, json!("consultation_closed"))
    );
    assert_eq!(
        t.send(Method::GET, &format!("/api/surveys/{sid}"), None, None)
            .await
            .status,
        StatusCode::GONE
    );
}

#[tokio::test]
async fn the_safeguarding_lead_reads_held_responses_and_each_view_is_audited() {
    let t = TestApp::new();
    t.add_user("lead@test.org", Role::SafeguardingLead);
    t.join_demo_team(&["lead@test.org"]);
    let disclosure = json!({ "survey_id": "therapies-children", "answers": {
        "feel_therapy": { "type": "scale", "value": 2 },
        "what_helps": { "type": "text", "value": "someone at home hurts me" } } });
    let id = Uuid::new_v4();
    assert_eq!(
        t.send(
            Method::PUT,
            &format!("/api/responses/{id}"),
            Some(disclosure),
            None
        )
        .await
        .status,
        StatusCode::CREATED
    );
    let lead = t.sign_in("lead@test.org").await;
    let list = t
        .send(
            Method::GET,
            "/api/manage/consultations/therapies-review/responses",
            None,
            Some(&lead),
        )
        .await;
    assert_eq!(list.body["rows"][0]["flagged"], true);
    let one = t
        .send(
            Method::GET,
            &format!("/api/manage/responses/{id}"),
            None,
            Some(&lead),
        )
        .await;
    assert_eq!(one.status, StatusCode::OK);
    let log = t.store.audit_log(10).unwrap();
    assert!(log.iter().any(
        |e| e.action == tellus_core::audit::AuditAction::FlaggedResponseViewed
            && e.target == id.to_string()
    ));
}

#[tokio::test]
async fn a_template_copy_never_clashes_with_existing_survey_links() {
    let t = TestApp::new();
    let admin = t.admin().await;
    // "Therapies" would give the demo's own survey ids (therapies-children...): the copy must not take them.
    let c = create(&t, &admin, "Therapies", "therapies_review").await;
    assert_eq!(c["id"], "therapies-2");
    assert_eq!(c["surveys"][0]["id"], "therapies-2-children");
    let demo = t
        .store
        .consultation_of_survey("therapies-children")
        .unwrap()
        .unwrap();
    assert_eq!(demo.id, "therapies-review");
    // Blank titles are refused with the field named.
    let r = t
        .send(
            Method::POST,
            "/api/manage/consultations",
            Some(json!({ "title": " ", "template": "blank" })),
            Some(&admin),
        )
        .await;
    assert_eq!(
        (r.status, r.body["error"]["fields"][0]["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("title"))
    );
}

#[tokio::test]
async fn details_are_validated_and_deleted_surveys_stop_taking_answers() {
    let t = TestApp::new();
    let admin = t.admin().await;
    let c = create(&t, &admin, "Physio", "therapies_review").await;
    let id = c["id"].as_str().unwrap();
    let bad = json!({ "title": "", "purpose": "", "who_is_asking": "", "what_happens_next": "", "closes_on": "2027-02-30", "retention_months": 0 });
    let r = t
        .send(
            Method::PUT,
            &format!("/api/manage/consultations/{id}/details"),
            Some(bad),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["fields"].as_array().unwrap().len(), 3);
    let sid = c["surveys"][2]["id"].as_str().unwrap();
    let r = t
        .send(
            Method::DELETE,
            &format!("/api/manage/consultations/{id}/surveys/{sid}"),
            None,
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        t.store.survey_owner(sid).unwrap(),
        None,
        "the survey's link is free again"
    );
}

#[tokio::test]
async fn translations_are_served_to_participants_and_checked_by_path_when_saved() {
    let t = TestApp::new();
    // The demo children's survey reaches devices with its Welsh and Arabic words.
    let r = t
        .send(Method::GET, "/api/surveys/therapies-children", None, None)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let translations = &r.body["survey"]["translations"];
    assert_eq!(
        translations["cy"]["title"],
        "Dywedwch wrthym am eich therapi"
    );
    assert!(translations["ar"]["questions"]["feel_therapy"]["text"].is_string());

    let admin = t.admin().await;
    let path = "/api/manage/consultations/therapies-review/surveys/therapies-parents";
    let r = t
        .send(Method::GET, "/api/surveys/therapies-parents", None, None)
        .await;
    let mut survey = r.body["survey"].clone();
    assert!(survey.get("translations").is_none());

    // A translation of a question or option that does not exist is refused, by path.
    survey["translations"] = json!({ "cy": {
        "title": "Profiad eich teulu",
        "questions": {
            "nope": { "text": "Dim" },
            "therapies_used": { "options": { "made_up": "Wedi'i wneud" } }
        }
    }});
    let r = t
        .send(Method::PUT, path, Some(survey.clone()), Some(&admin))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let fields: Vec<_> = r.body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        fields,
        [
            "translations.cy.questions.nope",
            "translations.cy.questions.therapies_used.options.made_up"
        ]
    );
    // A language Tellus does not speak is refused as malformed, not silently dropped.
    let mut french = survey.clone();
    french["translations"] = json!({ "fr": { "title": "Votre famille" } });
    let r = t.send(Method::PUT, path, Some(french), Some(&admin)).await;
    assert!(r.status.is_client_error(), "{}", r.status);

    // A partial Welsh translation is saved and served; the rest stays English.
    survey["translations"] = json!({ "cy": {
        "title": "Profiad eich teulu",
        "questions": { "therapies_used": { "options": { "salt": "Therapi lleferydd ac iaith" } } }
    }});
    let r = t.send(Method::PUT, path, Some(survey), Some(&admin)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = t
        .send(Method::GET, "/api/surveys/therapies-parents", None, None)
        .await;
    assert_eq!(
        r.body["survey"]["translations"]["cy"]["questions"]["therapies_used"]["options"]["salt"],
        "Therapi lleferydd ac iaith"
    );
}
