//! Events through the API: creating and running them, joining by code, every activity,
//! double-vote prevention, hiding and holding notes, live streams, bad input, and notes
//! reaching the theme board.

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use support::{Client, TestApp};
use tellus_core::account::Role;
use tower::ServiceExt;
use uuid::Uuid;

const C: &str = "/api/manage/consultations/therapies-review";

async fn facilitator(t: &TestApp) -> Client {
    t.add_user("fac@test.org", Role::Facilitator);
    t.join_demo_team(&["fac@test.org"]);
    t.sign_in("fac@test.org").await
}

/// An event with an idea wall, a dot-vote, a poll and a rating; returns (event id, code).
async fn event(t: &TestApp, who: &Client) -> (String, String) {
    let r = t
        .send(
            Method::POST,
            &format!("{C}/events"),
            Some(json!({ "title": "Parents' workshop", "date": "2026-12-03", "place": "Guildhall, Kingston", "audience": "parents_and_carers" })),
            Some(who),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let id = r.body["id"].as_str().unwrap().to_string();
    let code = r.body["code"].as_str().unwrap().to_string();
    let activities = [
        json!({ "title": "Ideas", "type": "idea_wall", "prompts": ["What works well?", "What should change?"] }),
        json!({ "title": "Priorities", "type": "dot_vote", "dots": 3, "max_per_option": 2,
                "options": [{ "id": "needs", "label": "Better use of needs analysis" },
                            { "id": "principles", "label": "Key service principles" },
                            { "id": "model", "label": "A balanced delivery model" }] }),
        json!({ "title": "Quick poll", "type": "poll", "question": { "id": "seen", "text": "Have you seen a therapist this year?", "type": "yes_no" } }),
        json!({ "title": "How it feels", "type": "rating", "scale": { "type": "faces", "points": 3 },
                "statements": [{ "id": "same", "label": "I see the same therapist" }, { "id": "know", "label": "I know what therapy is for" }] }),
    ];
    for a in activities {
        let r = t
            .send(
                Method::POST,
                &format!("/api/manage/events/{id}/activities"),
                Some(a),
                Some(who),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    }
    (id, code)
}

async fn control(t: &TestApp, who: &Client, id: &str, body: Value) -> Value {
    let r = t
        .send(
            Method::POST,
            &format!("/api/manage/events/{id}/control"),
            Some(body),
            Some(who),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.body
}

async fn join(t: &TestApp, code: &str, participant: Option<Uuid>) -> Value {
    let r = t
        .send(
            Method::POST,
            "/api/events/join",
            Some(json!({ "code": code, "group": "Table 2", "participant": participant })),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.body
}

async fn contribute(
    t: &TestApp,
    code: &str,
    activity: &str,
    participant: &str,
    contribution: Value,
) -> support::Reply {
    t.send(
        Method::POST,
        &format!("/api/events/{code}/activities/{activity}"),
        Some(json!({ "participant": participant, "contribution": contribution })),
        None,
    )
    .await
}

fn results<'a>(view: &'a Value, activity: &str) -> &'a Value {
    view["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == activity)
        .unwrap()
}

#[tokio::test]
async fn people_join_by_code_and_rejoining_keeps_their_place() {
    let t = TestApp::new();
    let fac = facilitator(&t).await;
    let (id, code) = event(&t, &fac).await;
    // Codes are forgiving: lower case, spaces, O for 0.
    let typed = format!(" {} {} ", &code[..3].to_lowercase(), &code[3..]).replace('0', "o");
    let first = join(&t, &typed, None).await;
    assert_eq!(first["resumed"], false);
    assert_eq!(first["code"], code.as_str());
    let again = join(
        &t,
        &code,
        first["participant"].as_str().map(|p| p.parse().unwrap()),
    )
    .await;
    assert_eq!(again["resumed"], true);
    assert_eq!(again["participant"], first["participant"]);
    let view = t
        .send(
            Method::GET,
            &format!("/api/manage/events/{id}"),
            None,
            Some(&fac),
        )
        .await;
    assert_eq!(
        view.body["joined"], 1,
        "a device that rejoins is counted once"
    );

    let room = t
        .send(Method::GET, &format!("/api/events/{code}"), None, None)
        .await;
    assert_eq!(room.body["children"], false, "a parents' event");
    let kids = t
        .send(
            Method::POST,
            &format!("{C}/events"),
            Some(json!({ "title": "Pupil voice", "audience": "children_and_young_people" })),
            Some(&fac),
        )
        .await;
    let kids_code = kids.body["code"].as_str().unwrap();
    let room = t
        .send(Method::GET, &format!("/api/events/{kids_code}"), None, None)
        .await;
    assert_eq!(
        room.body["children"], true,
        "children's devices get child mode"
    );

    for (bad, status, code_) in [
        ("ABC", StatusCode::BAD_REQUEST, "invalid_code"),
        ("ZZZZZZ", StatusCode::NOT_FOUND, "not_found"),
    ] {
        let r = t
            .send(
                Method::POST,
                "/api/events/join",
                Some(json!({ "code": bad })),
                None,
            )
            .await;
        assert_eq!(
            (r.status, r.body["error"]["code"].as_str().unwrap()),
            (status, code_),
            "{bad}"
        );
    }
    let r = t
        .send(
            Method::POST,
            "/api/events/join",
            Some(json!({ "code": code, "group": "x".repeat(41) })),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    control(&t, &fac, &id, json!({ "action": "end" })).await;
    let r = t
        .send(
            Method::POST,
            "/api/events/join",
            Some(json!({ "code": code })),
            None,
        )
        .await;
    assert_eq!(
        (r.status, r.body["error"]["code"].as_str()),
        (StatusCode::GONE, Some("event_ended"))
    );
    // An event of a draft consultation is not there for the public.
    let mut c = t.store.consultation("therapies-review").unwrap().unwrap();
    c.status = tellus_core::Status::Draft;
    t.store.put_consultation(&c).unwrap();
    let r = t
        .send(Method::GET, &format!("/api/events/{code}"), None, None)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn dot_votes_are_limited_and_never_counted_twice() {
    let t = TestApp::new();
    let fac = facilitator(&t).await;
    let (id, code) = event(&t, &fac).await;
    let p = join(&t, &code, None).await["participant"]
        .as_str()
        .unwrap()
        .to_string();
    let dots = |pairs: Value| json!({ "type": "dots", "dots": pairs });

    let r = contribute(&t, &code, "priorities", &p, dots(json!({ "needs": 1 }))).await;
    assert_eq!(
        (r.status, r.body["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("activity_not_open"))
    );
    control(
        &t,
        &fac,
        &id,
        json!({ "action": "open", "activity": "priorities" }),
    )
    .await;

    let r = contribute(
        &t,
        &code,
        "priorities",
        &p,
        dots(json!({ "needs": 2, "model": 2 })),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("3 dots and placed 4"),
        "{}",
        r.text
    );
    let r = contribute(&t, &code, "priorities", &p, dots(json!({ "needs": 3 }))).await;
    assert!(
        r.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("at most 2"),
        "{}",
        r.text
    );
    let r = contribute(&t, &code, "priorities", &p, dots(json!({ "nope": 1 }))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = contribute(
        &t,
        &code,
        "priorities",
        &Uuid::new_v4().to_string(),
        dots(json!({ "needs": 1 })),
    )
    .await;
    assert_eq!(
        (r.status, r.body["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("not_joined"))
    );
    let r = contribute(&t, &code, "nowhere", &p, dots(json!({ "needs": 1 }))).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = contribute(
        &t,
        &code,
        "priorities",
        &p,
        json!({ "type": "answers", "answers": {} }),
    )
    .await;
    assert_eq!(
        (r.status, r.body["error"]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("wrong_kind"))
    );
    let r = t
        .send(
            Method::POST,
            &format!("/api/events/{code}/activities/priorities"),
            Some(json!({ "participant": p })),
            None,
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a body without a contribution"
    );

    // Voting again (a retry, or a change of mind) replaces the earlier dots.
    for _ in 0..3 {
        let r = contribute(
            &t,
            &code,
            "priorities",
            &p,
            dots(json!({ "needs": 2, "model": 1 })),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.body["vote"]["dots"]["needs"], 2);
    }
    let r = contribute(
        &t,
        &code,
        "priorities",
        &p,
        dots(json!({ "principles": 1, "model": 2 })),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let other = join(&t, &code, None).await["participant"]
        .as_str()
        .unwrap()
        .to_string();
    contribute(&t, &code, "priorities", &other, dots(json!({ "model": 1 }))).await;

    let view = t
        .send(
            Method::GET,
            &format!("/api/manage/events/{id}"),
            None,
            Some(&fac),
        )
        .await;
    let r = results(&view.body, "priorities");
    assert_eq!(r["taking_part"], 2);
    let counts: Vec<u64> = r["results"]["charts"][0]["bars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, vec![0, 1, 3]);

    // A reconnecting device gets its dots back.
    let mine = t
        .send(
            Method::GET,
            &format!("/api/events/{code}/participants/{p}"),
            None,
            None,
        )
        .await;
    assert_eq!(
        mine.body["vote"]["dots"],
        json!({ "principles": 1, "model": 2 })
    );

    // Participants see results only once revealed.
    let room = t
        .send(Method::GET, &format!("/api/events/{code}"), None, None)
        .await;
    assert_eq!(room.body["activity"]["id"], "priorities");
    assert!(room.body["activity"]["results"].is_null());
    control(
        &t,
        &fac,
        &id,
        json!({ "action": "close", "activity": "priorities" }),
    )
    .await;
    let r = contribute(&t, &code, "priorities", &p, dots(json!({ "needs": 1 }))).await;
    assert_eq!(
        (r.status, r.body["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("activity_closed"))
    );
    control(
        &t,
        &fac,
        &id,
        json!({ "action": "reveal", "activity": "priorities" }),
    )
    .await;
    let room = t
        .send(Method::GET, &format!("/api/events/{code}"), None, None)
        .await;
    assert_eq!(
        room.body["activity"]["results"]["charts"][0]["bars"][2]["count"],
        3
    );
    // The votes are in the consultation's exports, with the event and activity named.
    let export = t
        .send(Method::GET, &format!("{C}/export/json"), None, Some(&fac))
        .await;
    assert_eq!(export.status, StatusCode::OK, "{}", export.text);
    let rows = export.body["events"]["rows"].as_array().unwrap();
    assert!(
        rows.contains(&json!([
            "Parents' workshop",
            "2026-12-03",
            "Parents and carers",
            "Priorities",
            "Dot-voting",
            "Priorities (dots)",
            "A balanced delivery model",
            "3"
        ])),
        "{rows:?}"
    );
    let xlsx = t
        .send(Method::GET, &format!("{C}/export/xlsx"), None, Some(&fac))
        .await;
    let mut book = zip::ZipArchive::new(std::io::Cursor::new(xlsx.bytes)).unwrap();
    let mut workbook = String::new();
    std::io::Read::read_to_string(&mut book.by_name("xl/workbook.xml").unwrap(), &mut workbook)
        .unwrap();
    assert!(workbook.contains("name=\"Events\""), "{workbook}");
}

#[tokio::test]
async fn polls_and_ratings_check_answers_like_surveys() {
    let t = TestApp::new();
    let fac = facilitator(&t).await;
    let (id, code) = event(&t, &fac).await;
    let p = join(&t, &code, None).await["participant"]
        .as_str()
        .unwrap()
        .to_string();
    control(
        &t,
        &fac,
        &id,
        json!({ "action": "open", "activity": "quick-poll" }),
    )
    .await;
    let answers = |a: Value| json!({ "type": "answers", "answers": a });
    let r = contribute(&t, &code, "quick-poll", &p, answers(json!({}))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["fields"][0]["field"], "seen");
    let r = contribute(
        &t,
        &code,
        "quick-poll",
        &p,
        answers(json!({ "seen": { "type": "choice", "value": "maybe" } })),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = contribute(
        &t,
        &code,
        "quick-poll",
        &p,
        answers(json!({ "seen": { "type": "choice", "value": "yes" } })),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Opening the next activity closes the poll.
    control(
        &t,
        &fac,
        &id,
        json!({ "action": "open", "activity": "how-it-feels" }),
    )
    .await;
    let r = contribute(
        &t,
        &code,
        "quick-poll",
        &p,
        answers(json!({ "seen": { "type": "choice", "value": "no" } })),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = contribute(
        &t,
        &code,
        "how-it-feels",
        &p,
        answers(json!({ "same": { "type": "scale", "value": 1 } })),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let view = t
        .send(
            Method::GET,
            &format!("/api/manage/events/{id}"),
            None,
            Some(&fac),
        )
        .await;
    let poll = &results(&view.body, "quick-poll")["results"]["charts"][0];
    assert_eq!(poll["bars"][0], json!({ "label": "Yes", "count": 1 }));
    let rating = &results(&view.body, "how-it-feels")["results"]["charts"];
    assert_eq!(rating[0]["answered"], 1);
    assert_eq!(rating[0]["bars"][2], json!({ "label": "Sad", "count": 1 }));
    assert_eq!(rating[1]["answered"], 0);
}

#[tokio::test]
async fn notes_post_once_can_be_hidden_are_held_when_worrying_and_reach_the_themes() {
    let t = TestApp::new();
    let fac = facilitator(&t).await;
    let (id, code) = event(&t, &fac).await;
    let p = join(&t, &code, None).await["participant"]
        .as_str()
        .unwrap()
        .to_string();
    control(
        &t,
        &fac,
        &id,
        json!({ "action": "open", "activity": "ideas" }),
    )
    .await;
    let note = |id: Uuid, prompt: usize, text: &str| json!({ "type": "note", "id": id, "prompt": prompt, "text": text });
    let waiting = Uuid::new_v4();
    for _ in 0..2 {
        let r = contribute(
            &t,
            &code,
            "ideas",
            &p,
            note(
                waiting,
                1,
                "The waiting list for speech therapy is far too long",
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    }
    let r = contribute(&t, &code, "ideas", &p, note(waiting, 1, "Something else")).await;
    assert_eq!(
        (r.status, r.body["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("note_conflict"))
    );
    let rude = Uuid::new_v4();
    contribute(
        &t,
        &code,
        "ideas",
        &p,
        note(rude, 0, "Off-topic rude words about a teacher"),
    )
    .await;
    let r = contribute(
        &t,
        &code,
        "ideas",
        &p,
        json!({ "type": "note", "id": Uuid::new_v4(), "prompt": 0, "symbol": "happy" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let worrying = Uuid::new_v4();
    contribute(
        &t,
        &code,
        "ideas",
        &p,
        note(worrying, 0, "my dad hits me when I get it wrong"),
    )
    .await;
    let r = contribute(
        &t,
        &code,
        "ideas",
        &p,
        note(Uuid::new_v4(), 0, &"x".repeat(201)),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = contribute(
        &t,
        &code,
        "ideas",
        &p,
        note(Uuid::new_v4(), 5, "Which prompt?"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    let r = t
        .send(
            Method::POST,
            &format!("/api/manage/events/{id}/notes/{rude}/visibility"),
            Some(json!({ "activity": "ideas", "hidden": true })),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let wall = &results(&r.body, "ideas")["results"];
    assert_eq!(wall["held"], 1);
    assert!(
        r.body["held"].as_array().unwrap().is_empty(),
        "a facilitator does not read held notes"
    );
    assert!(!r.text.contains("my dad"));
    let facilitator_texts = wall["columns"][0]["notes"].to_string();
    assert!(
        facilitator_texts.contains("rude words"),
        "the facilitator still sees a hidden note, marked"
    );

    // The room sees neither the hidden nor the held note.
    control(
        &t,
        &fac,
        &id,
        json!({ "action": "reveal", "activity": "ideas" }),
    )
    .await;
    let room = t
        .send(Method::GET, &format!("/api/events/{code}"), None, None)
        .await;
    assert!(room.text.contains("waiting list"));
    assert!(
        !room.text.contains("rude words") && !room.text.contains("my dad"),
        "{}",
        room.text
    );

    // The safeguarding lead sees the held note and can release it, with a reason.
    t.add_user("lead@test.org", Role::SafeguardingLead);
    let lead = t.sign_in("lead@test.org").await;
    let queue = t
        .send(
            Method::GET,
            "/api/manage/safeguarding/notes",
            None,
            Some(&lead),
        )
        .await;
    assert_eq!(queue.status, StatusCode::OK);
    assert_eq!(queue.body[0]["event_id"], id.as_str());
    assert_eq!(
        queue.body[0]["why"],
        json!(["Physical harm (\u{201c}hit [someone]\u{201d})"])
    );
    assert!(
        !queue.text.contains("my dad"),
        "the queue says where, not what"
    );
    let view = t
        .send(
            Method::GET,
            &format!("/api/manage/events/{id}"),
            None,
            Some(&lead),
        )
        .await;
    let admin = t.admin().await;
    let audit = t.send(Method::GET, "/api/audit", None, Some(&admin)).await;
    assert!(
        audit.text.contains("1 held notes from an event"),
        "opening the event is audited: {}",
        audit.text
    );
    let refreshed = t
        .send(
            Method::GET,
            &format!("/api/manage/events/{id}?live=true"),
            None,
            Some(&lead),
        )
        .await;
    assert_eq!(refreshed.status, StatusCode::OK);
    let audit_after = t.send(Method::GET, "/api/audit", None, Some(&admin)).await;
    assert_eq!(
        audit_after.text.matches("held notes from an event").count(),
        1,
        "a live refresh is not another opening"
    );
    assert_eq!(
        view.body["held"][0]["note"]["text"],
        "my dad hits me when I get it wrong"
    );
    let r = t
        .send(
            Method::POST,
            &format!("/api/manage/events/{id}/notes/{worrying}/release"),
            Some(json!({ "activity": "ideas", "note": " " })),
            Some(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t
        .send(
            Method::POST,
            &format!("/api/manage/events/{id}/notes/{worrying}/release"),
            Some(json!({ "activity": "ideas", "note": "x" })),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = t
        .send(
            Method::POST,
            &format!("/api/manage/events/{id}/notes/{worrying}/release"),
            Some(json!({ "activity": "ideas", "note": "About a board game; checked with the facilitator" })),
            Some(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.body["held"].as_array().unwrap().is_empty());
    let room = t
        .send(Method::GET, &format!("/api/events/{code}"), None, None)
        .await;
    assert!(
        room.text.contains("my dad"),
        "a released note is on the wall"
    );
    // Hold it again for the rest of this test: a fresh note with the same words is held.
    let again = Uuid::new_v4();
    contribute(
        &t,
        &code,
        "ideas",
        &p,
        note(again, 0, "my dad hits me when I get it wrong"),
    )
    .await;
    t.send(
        Method::POST,
        &format!("/api/manage/events/{id}/notes/{worrying}/visibility"),
        Some(json!({ "activity": "ideas", "hidden": true })),
        Some(&fac),
    )
    .await;

    // Visible notes are themed as the event's audience; the hidden and held ones are not.
    let r = t
        .send(Method::POST, &format!("{C}/themes/find"), None, Some(&fac))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let comments = r.body["board"]["comments"].as_array().unwrap();
    let from_event: Vec<&Value> = comments
        .iter()
        .filter(|c| c["event"] == "Parents' workshop")
        .collect();
    assert_eq!(from_event.len(), 1, "{comments:?}");
    assert_eq!(from_event[0]["audience"], "Parents and carers");
    assert_eq!(from_event[0]["question"], "What should change?");
    assert!(!r.text.contains("rude words") && !r.text.contains("my dad"));
    // Hiding a note later takes it off the board at once.
    t.send(
        Method::POST,
        &format!("/api/manage/events/{id}/notes/{waiting}/visibility"),
        Some(json!({ "activity": "ideas", "hidden": true })),
        Some(&fac),
    )
    .await;
    let r = t
        .send(Method::GET, &format!("{C}/themes"), None, Some(&fac))
        .await;
    assert!(!r.text.contains("far too long"));
    // Exports carry the wall as the room saw it: the picture, not the hidden or held notes.
    let export = t
        .send(Method::GET, &format!("{C}/export/json"), None, Some(&fac))
        .await;
    let events = export.body["events"].to_string();
    assert!(events.contains("[picture: Happy]"), "{events}");
    assert!(
        !events.contains("rude words")
            && !events.contains("my dad")
            && !events.contains("far too long"),
        "{events}"
    );
}

/// Reads server-sent events from a response body until one is complete.
async fn next_event(body: &mut Body) -> Value {
    let mut buffer = String::new();
    loop {
        let frame = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame())
            .await
            .expect("an update within 5 seconds")
            .expect("the stream stays open")
            .unwrap();
        if let Ok(data) = frame.into_data() {
            buffer.push_str(std::str::from_utf8(&data).unwrap());
        }
        if let Some(end) = buffer.find("\n\n") {
            let message = &buffer[..end];
            if let Some(data) = message.lines().find_map(|l| l.strip_prefix("data: ")) {
                return serde_json::from_str(data).unwrap();
            }
            buffer.drain(..end + 2);
        }
    }
}

#[tokio::test]
async fn present_mode_and_devices_are_sent_each_change() {
    let t = TestApp::new();
    let fac = facilitator(&t).await;
    let (id, code) = event(&t, &fac).await;
    let open = |path: String, client: Option<&Client>| {
        let mut request = Request::builder().uri(path);
        if let Some(c) = client {
            request = request.header(header::COOKIE, &c.cookie);
        }
        let app = t.app.clone();
        async move {
            app.oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap()
        }
    };
    let anonymous = open(format!("/api/manage/events/{id}/present"), None).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let present = open(format!("/api/manage/events/{id}/present"), Some(&fac)).await;
    assert_eq!(present.headers()[header::CONTENT_TYPE], "text/event-stream");
    let mut present = present.into_body();
    let mut device = open(format!("/api/events/{code}/stream"), None)
        .await
        .into_body();

    let first = next_event(&mut present).await;
    assert_eq!(first["code"], code.as_str());
    assert!(first["activity"].is_null());
    assert!(next_event(&mut device).await["activity"].is_null());

    let p = join(&t, &code, None).await["participant"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(next_event(&mut present).await["joined"], 1);
    control(
        &t,
        &fac,
        &id,
        json!({ "action": "open", "activity": "priorities" }),
    )
    .await;
    assert_eq!(next_event(&mut device).await["activity"]["phase"], "open");
    assert_eq!(
        next_event(&mut present).await["activity"]["id"],
        "priorities"
    );

    contribute(
        &t,
        &code,
        "priorities",
        &p,
        json!({ "type": "dots", "dots": { "model": 2 } }),
    )
    .await;
    let shown = next_event(&mut present).await;
    assert_eq!(shown["taking_part"], 1);
    assert_eq!(
        shown["activity"]["results"]["charts"][0]["bars"][2]["count"],
        2
    );

    // When the server stops, every stream ends, so shutting down never waits on open phones.
    t.live.close();
    for body in [&mut present, &mut device] {
        let end = tokio::time::timeout(std::time::Duration::from_secs(5), async {
            while let Some(frame) = body.frame().await {
                frame.unwrap();
            }
        })
        .await;
        assert!(end.is_ok(), "the stream ended");
    }
}

#[tokio::test]
async fn you_said_we_did_is_published_for_approved_themes() {
    let t = TestApp::new();
    let fac = facilitator(&t).await;
    for text in [
        "the waiting list is far too long",
        "we waited a year on the waiting list",
        "waiting times are too long",
    ] {
        let r = t
            .send(Method::PUT, &format!("/api/responses/{}", Uuid::new_v4()),
                Some(json!({ "survey_id": "therapies-parents", "answers": { "therapies_used": { "type": "choices", "value": ["salt"] }, "should_change": { "type": "text", "value": text } } })), None)
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
    let page = t
        .send(Method::POST, &format!("{C}/themes/find"), None, Some(&fac))
        .await
        .body;
    let theme = page["board"]["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["label"].as_str().unwrap().to_lowercase().contains("wait"))
        .expect("a waiting theme")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = t
        .send(
            Method::POST,
            &format!("{C}/you-said-we-did/publish"),
            Some(json!({ "publish": true })),
            Some(&fac),
        )
        .await;
    assert_eq!(
        (r.status, r.body["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("nothing_to_publish"))
    );
    let action = json!({ theme.clone(): { "decision": "Publish waiting times every month", "owner": "Therapies commissioner", "status": "in_progress", "date": "2027-03-31" } });
    let r = t
        .send(
            Method::PUT,
            &format!("{C}/you-said-we-did"),
            Some(action.clone()),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(
        r.body["preview"]["items"].as_array().unwrap().is_empty(),
        "the theme is not approved yet"
    );
    let bad = json!({ theme.clone(): { "decision": "", "owner": "Someone", "date": "next week" } });
    let r = t
        .send(
            Method::PUT,
            &format!("{C}/you-said-we-did"),
            Some(bad),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["error"]["fields"].as_array().unwrap().len(), 2);
    let r = t
        .send(
            Method::POST,
            &format!("{C}/themes/edit"),
            Some(json!({ "op": "approve", "theme": theme, "approved": true })),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = t
        .send(
            Method::POST,
            &format!("{C}/you-said-we-did/publish"),
            Some(json!({ "publish": true })),
            Some(&fac),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let public = t
        .send(
            Method::GET,
            "/api/you-said-we-did/therapies-review",
            None,
            None,
        )
        .await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(
        public.body["items"][0]["decision"],
        "Publish waiting times every month"
    );
    assert_eq!(public.body["items"][0]["status"], "in_progress");
    assert_eq!(
        public.body["items"][0]["audiences"],
        json!(["Parents and carers"])
    );
    // The decision is also the theme's "what we will do" in What you told us.
    let summary = t
        .send(
            Method::GET,
            &format!("{C}/what-you-told-us"),
            None,
            Some(&fac),
        )
        .await;
    assert!(summary.text.contains("Publish waiting times every month"));
    t.send(
        Method::POST,
        &format!("{C}/you-said-we-did/publish"),
        Some(json!({ "publish": false })),
        Some(&fac),
    )
    .await;
    let gone = t
        .send(
            Method::GET,
            "/api/you-said-we-did/therapies-review",
            None,
            None,
        )
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn events_survive_a_backup_and_restore() {
    let t = TestApp::new();
    let fac = facilitator(&t).await;
    let (id, code) = event(&t, &fac).await;
    let p = join(&t, &code, None).await["participant"]
        .as_str()
        .unwrap()
        .to_string();
    control(
        &t,
        &fac,
        &id,
        json!({ "action": "open", "activity": "priorities" }),
    )
    .await;
    contribute(
        &t,
        &code,
        "priorities",
        &p,
        json!({ "type": "dots", "dots": { "model": 2 } }),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.jsonl");
    let counts = tellus::backup::backup(&t.store, &file).unwrap();
    assert_eq!(counts.events, 1);
    let restored = tellus::storage::Store::open(&dir.path().join("data")).unwrap();
    tellus::backup::restore(&restored, &file).unwrap();
    assert_eq!(
        restored.event_records().unwrap(),
        t.store.event_records().unwrap()
    );
    assert_eq!(restored.event_by_code(&code).unwrap().unwrap().id, id);
}
