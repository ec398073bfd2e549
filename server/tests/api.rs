//! API tests: the real router over a real sled store in a temporary folder.

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tellus::startup::{AppState, BODY_LIMIT, router};
use tellus::storage::Store;
use tellus_core::account::Role;
use tower::ServiceExt;
use uuid::Uuid;

struct TestApp {
    app: Router,
    _dir: tempfile::TempDir,
}

const ADMIN: &str = "admin@test.org";
const PASSWORD: &str = "a long test passphrase";

fn app_in(dir: &std::path::Path) -> Router {
    let store = Store::open(dir).unwrap();
    store.seed_demo_once().unwrap();
    if store.user(ADMIN).unwrap().is_none() {
        tellus::commands::user::add(&store, ADMIN, Role::Administrator, PASSWORD).unwrap();
    }
    router(AppState::new(store), None)
}

/// Signs in as the administrator, then reads `uri` with the session cookie.
async fn get_as_admin(app: &Router, uri: &str) -> (StatusCode, Value) {
    let sign_in = Request::builder()
        .method(Method::POST)
        .uri("/api/session")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({ "email": ADMIN, "password": PASSWORD }).to_string(),
        ))
        .unwrap();
    let response = app.clone().oneshot(sign_in).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();
    let request = Request::builder()
        .uri(uri)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn test_app() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    TestApp {
        app: app_in(dir.path()),
        _dir: dir,
    }
}

async fn send(
    app: &Router,
    method: Method,
    uri: &str,
    body: Option<String>,
) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(uri);
    if body.is_some() {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    let request = request
        .body(body.map(Body::from).unwrap_or_else(Body::empty))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, value)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    send(app, Method::GET, uri, None).await
}

async fn put_response(app: &Router, id: &str, body: Value) -> (StatusCode, Value) {
    send(
        app,
        Method::PUT,
        &format!("/api/responses/{id}"),
        Some(body.to_string()),
    )
    .await
}

fn child_answers(feel: u8, text: &str) -> Value {
    json!({
        "survey_id": "therapies-children",
        "answers": {
            "feel_therapy": { "type": "scale", "value": feel },
            "what_helps": { "type": "text", "value": text }
        }
    })
}

/// The summary, read as an administrator (summaries need an account).
async fn summary(app: &Router) -> Value {
    let (status, summary) = get_as_admin(app, "/api/consultations/therapies-review/summary").await;
    assert_eq!(status, StatusCode::OK);
    summary
}

async fn children_count(app: &Router) -> u64 {
    summary(app).await["surveys"][0]["responses"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn health_reports_ok_and_version() {
    let t = test_app();
    let (status, body) = get(&t.app, "/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn demo_consultation_lists_three_audiences() {
    let t = test_app();
    let (status, body) = get(&t.app, "/api/consultations").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body[0]["id"], "therapies-review");
    let labels: Vec<&str> = body[0]["surveys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["audience_label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Children and young people",
            "Parents and carers",
            "Professionals and partners"
        ]
    );
}

#[tokio::test]
async fn survey_page_has_consultation_context_and_questions() {
    let t = test_app();
    let (status, body) = get(&t.app, "/api/surveys/therapies-children").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["consultation_title"], "Children's therapies review");
    assert_eq!(body["survey"]["child_mode"], true);
    assert_eq!(body["survey"]["questions"][0]["type"], "faces");

    let (status, body) = get(&t.app, "/api/surveys/no-such-survey").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "not_found");
}

#[tokio::test]
async fn a_response_is_stored_once_however_often_it_is_sent() {
    let t = test_app();
    let id = Uuid::new_v4().to_string();
    let (status, body) = put_response(&t.app, &id, child_answers(5, "My therapist is kind")).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(body["created"], true);
    assert_eq!(children_count(&t.app).await, 1);

    let (status, body) = put_response(&t.app, &id, child_answers(5, "My therapist is kind")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["created"], false);
    assert_eq!(children_count(&t.app).await, 1);

    let (status, body) = put_response(&t.app, &id, child_answers(1, "Different answers")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "response_conflict");
    assert_eq!(children_count(&t.app).await, 1);
}

#[tokio::test]
async fn the_language_answered_in_is_kept_but_does_not_make_a_retry_different() {
    let t = test_app();
    let id = Uuid::new_v4().to_string();
    let mut welsh = child_answers(4, "Mae'r gemau'n helpu");
    welsh["language"] = json!("cy");
    let (status, _) = put_response(&t.app, &id, welsh).await;
    assert_eq!(status, StatusCode::CREATED);
    // The same answers without the language (an older app's retry) are the same response.
    let (status, body) = put_response(&t.app, &id, child_answers(4, "Mae'r gemau'n helpu")).await;
    assert_eq!(
        (status, body["created"].clone()),
        (StatusCode::OK, json!(false))
    );
    let (status, detail) = get_as_admin(&t.app, &format!("/api/manage/responses/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(detail["row"]["language"], "cy");
    // An unknown language is refused, not stored as English.
    let mut french = child_answers(4, "ok");
    french["language"] = json!("fr");
    let (status, _) = put_response(&t.app, &Uuid::new_v4().to_string(), french).await;
    assert!(status.is_client_error(), "{status}");
}

#[tokio::test]
async fn acknowledged_responses_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let id = Uuid::new_v4().to_string();
    {
        let app = app_in(dir.path());
        let (status, _) = put_response(&app, &id, child_answers(3, "ok")).await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let app = app_in(dir.path());
    assert_eq!(children_count(&app).await, 1);
    let (status, body) = put_response(&app, &id, child_answers(3, "ok")).await;
    assert_eq!(
        (status, body["created"].clone()),
        (StatusCode::OK, json!(false))
    );
}

#[tokio::test]
async fn invalid_answers_are_refused_with_every_field_named() {
    let t = test_app();
    let body = json!({
        "survey_id": "therapies-children",
        "answers": {
            "what_helps": { "type": "text", "value": "x".repeat(501) },
            "same_person": { "type": "choice", "value": "maybe" },
            "not_a_question": { "type": "scale", "value": 1 }
        }
    });
    let (status, body) = put_response(&t.app, &Uuid::new_v4().to_string(), body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["code"], "invalid_answers");
    let fields: Vec<(String, String)> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().into(),
                f["code"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("feel_therapy".into(), "required".into()),
            ("same_person".into(), "unknown_option".into()),
            ("what_helps".into(), "too_long".into()),
            ("not_a_question".into(), "unknown_question".into()),
        ]
    );
    assert_eq!(children_count(&t.app).await, 0);
}

#[tokio::test]
async fn bad_requests_get_specific_json_errors() {
    let t = test_app();
    let id = Uuid::new_v4().to_string();
    let uri = format!("/api/responses/{id}");

    let (status, body) = send(&t.app, Method::PUT, &uri, Some("{not json".into())).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("malformed_json"))
    );

    let (status, body) = send(&t.app, Method::PUT, &uri, Some(r#"{"answers":{}}"#.into())).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_body"))
    );

    let (status, body) = put_response(&t.app, "not-a-uuid", child_answers(2, "")).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_response_id"))
    );

    let mut unknown = child_answers(2, "");
    unknown["survey_id"] = json!("no-such-survey");
    let (status, body) = put_response(&t.app, &id, unknown).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );

    let huge = child_answers(2, &"a".repeat(BODY_LIMIT)).to_string();
    let (status, body) = send(&t.app, Method::PUT, &uri, Some(huge)).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("body_too_large"))
    );

    let (status, body) = get(&t.app, "/api/nothing-here").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );

    let (status, body) = get_as_admin(&t.app, "/api/consultations/nope/summary").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    assert_eq!(children_count(&t.app).await, 0);
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let t = test_app();
    let response = t
        .app
        .clone()
        .oneshot(Request::get("/api/health").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let headers = response.headers();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    // The API's replies are data: nothing loads from them.
    assert_eq!(
        headers["content-security-policy"],
        "default-src 'none'; frame-ancestors 'none'"
    );
    // Everything else gets the app's policy.
    let (_, headers, _) = fetch_page(&t.app, "/no-such-file.png").await;
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
}

/// A page of the built app: its status, headers and text.
async fn fetch_page(app: &Router, uri: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    fetch(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// The answer to `request`: its status, headers and text.
async fn fetch(
    app: &Router,
    request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = app.clone().oneshot(request).await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn the_app_page_has_no_inline_script_so_the_policy_can_refuse_them_all() {
    let dist = tempfile::tempdir().unwrap();
    let loader = "\nimport init from '/app-1.js';\nawait init('/app-1_bg.wasm');\n";
    std::fs::write(
        dist.path().join("index.html"),
        format!("<html><head><script type=\"module\">{loader}</script></head><body></body></html>"),
    )
    .unwrap();
    std::fs::write(dist.path().join("app-1.js"), "export default 1").unwrap();
    // The workspace is a second app under /manage, with its own loader.
    std::fs::create_dir(dist.path().join("manage")).unwrap();
    std::fs::write(
        dist.path().join("manage/index.html"),
        "<html><head><script type=\"module\">import init from '/manage/ws-1.js';</script></head><body></body></html>",
    )
    .unwrap();
    std::fs::write(dist.path().join("manage/ws-1.js"), "export default 2").unwrap();
    // The events app is a third, at /join, /event/... and /you-said-we-did/....
    std::fs::create_dir(dist.path().join("event")).unwrap();
    std::fs::write(
        dist.path().join("event/index.html"),
        "<html><head><script type=\"module\">import init from '/event/ev-1.js';</script></head><body></body></html>",
    )
    .unwrap();
    std::fs::write(dist.path().join("event/ev-1.js"), "export default 3").unwrap();
    let data = tempfile::tempdir().unwrap();
    let app = router(
        AppState::new(Store::open(data.path()).unwrap()),
        Some(dist.path().into()),
    );
    let page = async |uri: &str| {
        let (status, _, body) = fetch_page(&app, uri).await;
        (status, body)
    };
    for uri in [
        "/",
        "/index.html",
        "/s/therapies-children",
        "/manage",
        "/manage/users",
        "/manage/c/x/themes",
        "/join",
        "/join/K7M2QX",
        "/event/K7M2QX",
        "/you-said-we-did/therapies-review",
        "/results/therapies-review",
    ] {
        let (status, html) = page(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(
            !html.contains("import init"),
            "{uri} still has the inline loader: {html}"
        );
        assert!(
            html.contains("<script type=\"module\" src=\"/tellus-boot-"),
            "{html}"
        );
        let boot = html
            .split("src=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        let (_, script) = page(&boot).await;
        let workspace = uri.starts_with("/manage");
        let events = ["/join", "/event", "/you-said-we-did", "/results"]
            .iter()
            .any(|p| uri.starts_with(p));
        assert_eq!(
            script.contains("/manage/ws-1.js"),
            workspace,
            "{uri} loads the right app"
        );
        assert_eq!(
            script.contains("/event/ev-1.js"),
            events,
            "{uri} loads the right app"
        );
    }
    assert_eq!(page("/manage/ws-1.js").await.1, "export default 2");
    assert_eq!(page("/event/ev-1.js").await.1, "export default 3");
    let (_, html) = page("/").await;
    let src = html
        .split("src=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let (status, script) = page(&src).await;
    assert_eq!((status, script.as_str()), (StatusCode::OK, loader));
    assert_eq!(page("/app-1.js").await.1, "export default 1");
}

#[tokio::test]
async fn a_surveys_page_has_the_browser_fetch_the_survey_alongside_the_app() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<html><head><title>Tellus</title></head><body></body></html>",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let app = router(
        AppState::new(Store::open(data.path()).unwrap()),
        Some(dist.path().into()),
    );
    let page = async |uri: &str| {
        let (status, headers, body) = fetch_page(&app, uri).await;
        let kind = headers[header::CONTENT_TYPE].to_str().unwrap().to_string();
        (status, kind, body)
    };
    let preload = |path: &str| {
        format!(
            "<link rel=\"preload\" href=\"{path}\" as=\"fetch\" crossorigin=\"anonymous\"></head>"
        )
    };
    for uri in [
        "/s/therapies-children",
        "/s/therapies-children/q/1",
        "/s/therapies-children/check",
    ] {
        let (status, kind, html) = page(uri).await;
        assert_eq!(
            (status, kind.as_str()),
            (StatusCode::OK, "text/html; charset=utf-8"),
            "{uri}"
        );
        assert!(
            html.contains(&preload("/api/surveys/therapies-children")),
            "{uri}: {html}"
        );
    }
    let (_, _, home) = page("/").await;
    assert!(home.contains(&preload("/api/consultations")), "{home}");
    // Files compressed at build time are sent as they are to browsers that accept them.
    std::fs::write(dist.path().join("app-1.js"), "export default 1").unwrap();
    std::fs::write(dist.path().join("app-1.js.br"), "made by the build (br)").unwrap();
    std::fs::write(dist.path().join("app-1.js.gz"), "made by the build (gz)").unwrap();
    for (accepts, encoding, body) in [
        ("br, gzip", Some("br"), "made by the build (br)"),
        ("gzip", Some("gzip"), "made by the build (gz)"),
        ("identity", None, "export default 1"),
    ] {
        let response = app
            .clone()
            .oneshot(
                Request::get("/app-1.js")
                    .header(header::ACCEPT_ENCODING, accepts)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let sent = response
            .headers()
            .get(header::CONTENT_ENCODING)
            .map(|v| v.to_str().unwrap().to_string());
        assert_eq!(sent.as_deref(), encoding, "{accepts}");
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(bytes.as_ref(), body.as_bytes(), "{accepts}");
    }
    // Only a well-formed survey id is ever written into the page; anything else gets the plain page.
    for uri in [
        "/s/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/q/1",
        "/s/Not%20An%20Id",
        "/help",
    ] {
        let (status, _, html) = page(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(
            !html.contains("preload") && !html.contains("alert"),
            "{uri}: {html}"
        );
        assert!(html.contains("<title>Tellus</title>"), "{uri}");
    }
}

#[tokio::test]
async fn a_possible_disclosure_is_stored_but_held_back_from_the_summary() {
    let t = test_app();
    let (status, _) = put_response(
        &t.app,
        &Uuid::new_v4().to_string(),
        child_answers(2, "my uncle hits me when mum is out"),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "the child's answer is never refused"
    );
    let (status, _) = put_response(
        &t.app,
        &Uuid::new_v4().to_string(),
        child_answers(4, "nobody hurts me, therapy is fun"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let summary = summary(&t.app).await;
    assert_eq!(summary["surveys"][0]["responses"], 1);
    assert_eq!(summary["total_responses"], 1);
    assert_eq!(summary["held_for_safeguarding"], 1);
    assert!(
        !summary.to_string().contains("hits"),
        "no text of a held response appears in the summary"
    );
}

#[tokio::test]
async fn answering_a_question_that_was_not_asked_is_refused() {
    let t = test_app();
    let body = json!({
        "survey_id": "therapies-children",
        "answers": {
            "feel_therapy": { "type": "scale", "value": 4 },
            "same_person": { "type": "choice", "value": "yes" },
            "different_people": { "type": "scale", "value": 1 }
        }
    });
    let (status, body) = put_response(&t.app, &Uuid::new_v4().to_string(), body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["fields"][0]["field"], "different_people");
    assert_eq!(body["error"]["fields"][0]["code"], "not_shown");
}

#[tokio::test]
async fn a_surveys_first_pages_come_drawn_with_the_survey_written_in() {
    let dist = tempfile::tempdir().unwrap();
    // As the build makes it: the style sheet inline, the title and language to be filled in.
    let style = "body{margin:0}";
    std::fs::write(
        dist.path().join("index.html"),
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\"><head><title>Tellus</title>\
             <style>{style}</style></head><body><noscript>on</noscript></body></html>"
        ),
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    store.seed_demo_once().unwrap();
    // A facilitator's survey text with markup in it, and a draft consultation nobody may see.
    let mut review = store.consultation("therapies-review").unwrap().unwrap();
    review.surveys[0].questions[0].text = "How do you feel </script><b>today</b>?".into();
    store.put_consultation(&review).unwrap();
    let mut draft = review.clone();
    draft.id = "secret-review".into();
    draft.status = tellus_core::Status::Draft;
    for survey in &mut draft.surveys {
        survey.id = format!("secret-{}", survey.id);
    }
    store.put_consultation(&draft).unwrap();
    let app = router(AppState::new(store), Some(dist.path().into()));
    let get = async |uri: &str, language: &str| {
        let request = Request::get(uri)
            .header(header::ACCEPT_LANGUAGE, language)
            .body(Body::empty())
            .unwrap();
        fetch(&app, request).await
    };

    let (status, headers, html) = get("/s/therapies-children/q/1", "en-GB").await;
    assert_eq!(status, StatusCode::OK);
    // The question is on the page, as the page's heading, with its faces, and escaped.
    assert!(
        html.contains("<div id=\"prerendered\"><a href=\"#main-content\""),
        "{html}"
    );
    assert!(
        html.contains("How do you feel &lt;/script&gt;&lt;b&gt;today&lt;/b&gt;?</h1>"),
        "{html}"
    );
    assert!(html.contains("id=\"feel_therapy-0\""), "{html}");
    assert!(
        html.contains(
            "<title>How do you feel &lt;/script&gt;&lt;b&gt;today&lt;/b&gt;? – Tellus</title>"
        ),
        "{html}"
    );
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"), "{html}");
    // The survey is written in for the app to start from, with nothing that closes its element.
    let json = html
        .split("<script type=\"application/json\" id=\"tellus-survey\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("the survey is written into the page");
    assert!(!json.contains('<'), "{json}");
    let written: Value = serde_json::from_str(json).unwrap();
    assert_eq!(written["survey"]["id"], "therapies-children");
    assert_eq!(
        written["survey"]["questions"][0]["text"],
        "How do you feel </script><b>today</b>?"
    );
    // The inline style sheet is allowed by its hash, and nothing else inline is.
    let csp = headers["content-security-policy"].to_str().unwrap();
    use base64::Engine;
    let hash = base64::engine::general_purpose::STANDARD
        .encode(<sha2::Sha256 as sha2::Digest>::digest(style.as_bytes()));
    assert!(
        csp.contains(&format!("style-src 'self' 'sha256-{hash}';")),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");

    // The start page, in the language the browser asks for when the survey has it.
    let (_, _, html) = get("/s/therapies-children", "ar, en;q=0.5").await;
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("أخبرنا عن العلاج الذي تتلقاه"), "{html}");
    // The parents' survey is in English only: English, whatever was asked for.
    let (_, _, html) = get("/s/therapies-parents", "cy").await;
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("Start now"), "{html}");

    // Pages that depend on the device's answers, a branch's follow-up and questions that do
    // not exist come plain, with the survey fetched alongside.
    for uri in [
        "/s/therapies-children/check",
        "/s/therapies-children/q/3",
        "/s/therapies-children/q/99",
        "/s/therapies-children/q/0",
        "/s/therapies-children/q/x",
    ] {
        let (status, _, html) = get(uri, "en").await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(!html.contains("prerendered"), "{uri}: {html}");
        assert!(
            html.contains("href=\"/api/surveys/therapies-children\""),
            "{uri}"
        );
    }
    // A draft consultation's survey is never drawn or written into the page.
    let (_, _, html) = get("/s/secret-therapies-children", "en").await;
    assert!(!html.contains("prerendered"), "{html}");
    assert!(!html.contains("How do you feel"), "{html}");
}
