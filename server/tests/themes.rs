//! Themes through the API: finding them, decisions, "What you told us", publishing, and
//! exports in every format, with held answers absent everywhere.

mod support;

use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};
use std::io::Read;
use support::{Client, TestApp};
use tellus_core::account::Role;
use uuid::Uuid;

const DISCLOSURE: &str = "my dad hits me when therapy goes badly";

async fn answer(t: &TestApp, survey: &str, answers: Value) {
    let body = json!({ "survey_id": survey, "answers": answers });
    let r = t
        .send(
            Method::PUT,
            &format!("/api/responses/{}", Uuid::new_v4()),
            Some(body),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
}

/// Children and parents answering, with a disclosure, a name and a formula among them.
async fn answered(t: &TestApp) {
    let children = [
        "I wait a long time for my therapy",
        "the waiting is too long",
        "I like the games",
        "games and stickers help me",
        "=HYPERLINK(\"http://evil.example\",\"click\") waiting list",
        DISCLOSURE,
    ];
    for text in children {
        answer(t, "therapies-children", json!({ "feel_therapy": { "type": "scale", "value": 3 }, "what_helps": { "type": "text", "value": text } })).await;
    }
    let parents = [
        "We waited over a year on the waiting list",
        "My son Jamie never sees the same therapist twice",
        "a different therapist every time, no continuity",
        "the waiting list is far too long",
        "waiting times are the biggest problem",
        "waited 18 months for speech therapy",
    ];
    for text in parents {
        answer(t, "therapies-parents", json!({ "therapies_used": { "type": "choices", "value": ["salt"] }, "should_change": { "type": "text", "value": text } })).await;
    }
}

fn theme_id(page: &Value, words: &str) -> String {
    page["board"]["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["label"].as_str().unwrap().to_lowercase().contains(words))
        .unwrap_or_else(|| panic!("no theme about {words}: {}", page["board"]["themes"]))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn edit(t: &TestApp, who: &Client, op: Value) -> Value {
    let r = t
        .send(
            Method::POST,
            "/api/manage/consultations/therapies-review/themes/edit",
            Some(op),
            Some(who),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.body
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the file"));
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

async fn export(t: &TestApp, who: &Client, format: &str) -> (StatusCode, Vec<u8>, String) {
    let r = t
        .send(
            Method::GET,
            &format!("/api/manage/consultations/therapies-review/export/{format}"),
            None,
            Some(who),
        )
        .await;
    let disposition = r
        .headers
        .get(header::CONTENT_DISPOSITION)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (r.status, r.bytes, disposition)
}

#[tokio::test]
async fn a_facilitator_finds_reviews_publishes_and_exports_themes() {
    let t = TestApp::new();
    t.add_user("fac@test.org", Role::Facilitator);
    t.add_user("viewer@test.org", Role::Viewer);
    t.join_demo_team(&["fac@test.org", "viewer@test.org"]);
    answered(&t).await;
    let (fac, viewer) = (
        t.sign_in("fac@test.org").await,
        t.sign_in("viewer@test.org").await,
    );

    let before = t
        .send(
            Method::GET,
            "/api/manage/consultations/therapies-review/themes",
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(
        (
            before.body["board"].clone(),
            before.body["new_answers"].clone()
        ),
        (Value::Null, json!(11)),
        "the held answer is not counted"
    );
    assert_eq!(
        t.send(
            Method::POST,
            "/api/manage/consultations/therapies-review/themes/find",
            None,
            Some(&viewer)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let page = t
        .send(
            Method::POST,
            "/api/manage/consultations/therapies-review/themes/find",
            None,
            Some(&fac),
        )
        .await
        .body;
    assert!(
        !page.to_string().contains("hits me"),
        "a held answer is never themed"
    );
    assert_eq!(page["board"]["comments"].as_array().unwrap().len(), 11);

    // Merge "same therapist" into waiting, rename, approve; recode the games answer.
    let waiting = theme_id(&page, "wait");
    let same = theme_id(&page, "same therapist");
    edit(
        &t,
        &fac,
        json!({ "op": "merge", "from": [same], "into": waiting }),
    )
    .await;
    edit(
        &t,
        &fac,
        json!({ "op": "rename", "theme": waiting, "label": "Waiting and seeing different people" }),
    )
    .await;
    let page = edit(
        &t,
        &fac,
        json!({ "op": "approve", "theme": waiting, "approved": true }),
    )
    .await;
    let games = page["board"]["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "I like the games")
        .unwrap()["key"]
        .clone();
    let page = edit(
        &t,
        &fac,
        json!({ "op": "recode", "comment": games, "themes": [waiting] }),
    )
    .await;
    let recoded = page["board"]["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == games)
        .unwrap()
        .clone();
    assert_eq!(recoded["codings"][0]["source"], "person");
    let bad = t
        .send(
            Method::POST,
            "/api/manage/consultations/therapies-review/themes/edit",
            Some(json!({ "op": "rename", "theme": "nope", "label": "x" })),
            Some(&fac),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Finding themes again keeps every decision.
    let again = t
        .send(
            Method::POST,
            "/api/manage/consultations/therapies-review/themes/find",
            None,
            Some(&fac),
        )
        .await
        .body;
    let merged = again["board"]["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == waiting.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        (merged["label"].clone(), merged["approved"].clone()),
        (json!("Waiting and seeing different people"), json!(true))
    );
    assert!(
        again["board"]["themes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["id"] != same.as_str())
    );

    // What you told us: small numbers suppressed, names removed; publish for everyone.
    let save = |threshold: u32| {
        let doc = json!({ "intro": "Thank you to everyone who answered.", "actions": { waiting.clone(): "We will publish waiting times every month." }, "threshold": threshold });
        t.send(
            Method::PUT,
            "/api/manage/consultations/therapies-review/what-you-told-us",
            Some(doc),
            Some(&fac),
        )
    };
    let exact = save(2).await;
    assert_eq!(exact.status, StatusCode::OK, "{}", exact.text);
    let row = &exact.body["themes"][0];
    assert_eq!(row["label"], "Waiting and seeing different people");
    let children: u32 = row["cells"][0]["text"].as_str().unwrap().parse().unwrap();
    assert!(children >= 3, "the waiting children and the recoded answer");
    assert_eq!(row["cells"][1]["text"], "6");
    assert_eq!(row["cells"][1]["percent"], 100);
    let summary = save(children + 1).await;
    let row = &summary.body["themes"][0];
    assert_eq!(
        row["cells"][0]["text"],
        format!("fewer than {}", children + 1)
    );
    assert_eq!(row["cells"][0]["percent"], Value::Null);
    let summary = save(5).await;
    assert!(!summary.text.contains("Jamie"));
    assert_eq!(
        t.send(Method::GET, "/api/published/therapies-review", None, None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let published = t
        .send(
            Method::POST,
            "/api/manage/consultations/therapies-review/what-you-told-us/publish",
            Some(json!({ "publish": true })),
            Some(&fac),
        )
        .await;
    assert_eq!(published.status, StatusCode::OK);
    let public = t
        .send(Method::GET, "/api/published/therapies-review", None, None)
        .await;
    assert_eq!(
        public.body["themes"][0]["action"],
        "We will publish waiting times every month."
    );
    assert!(public.body["published_at"].as_u64().is_some());

    // Exports: every format, the held answer in none, formulas defused, names removed.
    assert_eq!(export(&t, &viewer, "csv").await.0, StatusCode::FORBIDDEN);
    let (status, csv, disposition) = export(&t, &fac, "csv").await;
    assert_eq!(status, StatusCode::OK);
    assert!(disposition.contains(".csv"));
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.lines().count(), 12, "a header and 11 responses: {csv}");
    assert!(csv.contains("\"'=HYPERLINK("), "formula defused: {csv}");
    assert!(!csv.contains("hits me") && !csv.contains("Jamie"));
    assert!(csv.contains("Theme: Waiting and seeing different people"));

    let (_, xlsx, _) = export(&t, &fac, "xlsx").await;
    let book = unzip(&xlsx, "xl/workbook.xml");
    for sheet in ["Responses", "Themes", "Summary"] {
        assert!(book.contains(&format!("name=\"{sheet}\"")), "{book}");
    }
    let strings = unzip(&xlsx, "xl/sharedStrings.xml");
    assert!(strings.contains("Waiting and seeing different people"));
    assert!(!strings.contains("hits me") && !strings.contains("Jamie"));

    let (_, docx, _) = export(&t, &fac, "docx").await;
    let body = unzip(&docx, "word/document.xml");
    assert!(
        body.contains("What you told us: Children")
            && body.contains("We will publish waiting times every month.")
    );
    assert!(!body.contains("hits me") && !body.contains("Jamie"));

    let (_, json_bytes, _) = export(&t, &fac, "json").await;
    let json: Value = serde_json::from_slice(&json_bytes).unwrap();
    assert_eq!(json["responses"]["rows"].as_array().unwrap().len(), 11);
    assert!(!json.to_string().contains("hits me"));
    assert_eq!(
        t.store
            .audit_log(100)
            .unwrap()
            .iter()
            .filter(|e| e.action == tellus_core::audit::AuditAction::Export)
            .count(),
        5
    );
}
