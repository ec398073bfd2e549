//! Emails to safeguarding leads, against a real SMTP server each test starts (Python's
//! aiosmtpd, installed by `cargo xtask setup`): sent within seconds of an answer being
//! held, with none of its words; retried while the server is down, never holding up the
//! participant; never sent twice, even after a restart.

mod support;

use axum::http::{Method, StatusCode};
use serde_json::json;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::TestApp;
use tellus::alerts::{Alerts, MailSettings, Security};
use tellus::startup::AuthSettings;
use tellus_core::account::Role;
use uuid::Uuid;

/// A real SMTP server writing each message it accepts into a maildir; stopped on drop.
struct SmtpServer {
    child: Child,
}

impl SmtpServer {
    fn start(port: u16, maildir: &Path) -> SmtpServer {
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "aiosmtpd did not start on port {port}: install it with `cargo xtask setup` \
                 (python3 -m pip install aiosmtpd)"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        SmtpServer { child }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The messages the server has accepted, as text (quoted-printable decoded, so a word
/// split across lines is still found).
fn mail(maildir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(maildir.join("new")) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .map(|m| unquote(&m))
        .collect()
}

fn unquote(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok();
        match hex().and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(b) if bytes[i] == b'=' => {
                out.push(b);
                i += 3;
            }
            _ => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn wait_for_mail(maildir: &Path, count: usize, within: Duration) -> Vec<String> {
    let started = Instant::now();
    loop {
        let found = mail(maildir);
        if found.len() >= count || started.elapsed() > within {
            return found;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn alerts(port: u16) -> Arc<Alerts> {
    Alerts::by_email(
        &MailSettings {
            host: "127.0.0.1".into(),
            port,
            security: Security::None,
            from: "tellus@council.example".into(),
            credentials: None,
            retry: Duration::from_millis(500),
        },
        "https://tellus.council.example/",
    )
    .unwrap()
}

fn app(alerts: Arc<Alerts>) -> TestApp {
    let t = TestApp::with(AuthSettings::default(), Arc::clone(&alerts));
    t.add_user("lead@council.example", Role::SafeguardingLead);
    t.add_user("other-lead@council.example", Role::SafeguardingLead);
    t.add_user("fac@council.example", Role::Facilitator);
    // One lead is on the team: only they hear about this consultation.
    t.join_demo_team(&["lead@council.example", "fac@council.example"]);
    tokio::spawn(alerts.run(t.store.clone()));
    t
}

async fn submit(t: &TestApp, text: &str) -> (StatusCode, Duration) {
    let started = Instant::now();
    let r = t
        .send(
            Method::PUT,
            &format!("/api/responses/{}", Uuid::new_v4()),
            Some(json!({ "survey_id": "therapies-children", "answers": {
                "feel_therapy": { "type": "scale", "value": 4 },
                "what_helps": { "type": "text", "value": text } } })),
            None,
        )
        .await;
    (r.status, started.elapsed())
}

fn maildir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mail");
    (dir, path)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lead_is_emailed_at_once_with_none_of_the_answers_words() {
    let (_dir, maildir) = maildir();
    let port = free_port();
    let _smtp = SmtpServer::start(port, &maildir);
    let t = app(alerts(port));

    let (status, _) = submit(&t, "therapy is fun and I like the games").await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = submit(&t, "my stepdad zebraquartz hits me when mum is out").await;
    assert_eq!(status, StatusCode::CREATED);
    let messages = wait_for_mail(&maildir, 1, Duration::from_secs(20));
    assert_eq!(messages.len(), 1, "one email, to the lead on the team");
    let email = &messages[0];
    assert!(email.contains("To: lead@council.example"), "{email}");
    assert!(
        email.contains("\u{201c}Children's therapies review\u{201d}"),
        "{email}"
    );
    assert!(
        email.contains("https://tellus.council.example/manage/safeguarding"),
        "{email}"
    );
    for word in ["zebraquartz", "stepdad", "hits", "mum"] {
        assert!(
            !email.contains(word),
            "the email must not carry {word:?}: {email}"
        );
    }

    // Nothing is sent twice; a second disclosure brings one more email.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(mail(&maildir).len(), 1);
    submit(&t, "I want to kill myself").await;
    assert_eq!(wait_for_mail(&maildir, 2, Duration::from_secs(20)).len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mail_server_that_is_down_delays_nothing_and_loses_nothing() {
    let (_dir, maildir) = maildir();
    let port = free_port();
    let t = app(alerts(port));
    let (status, took) = submit(&t, "my brother and me get locked in our room all night").await;
    assert_eq!(status, StatusCode::CREATED);
    assert!(
        took < Duration::from_secs(2),
        "the participant never waits for mail: {took:?}"
    );
    // Several rounds fail while nothing listens...
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(mail(&maildir).is_empty());
    // ...and the email goes once the server is back.
    let smtp = SmtpServer::start(port, &maildir);
    let messages = wait_for_mail(&maildir, 1, Duration::from_secs(20));
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].contains("Subject: Tellus: an answer needs a safeguarding review"),
        "{}",
        messages[0]
    );

    // A restart of Tellus does not send it again: what was sent is kept in the store.
    let again = alerts(port);
    tokio::spawn(Arc::clone(&again).run(t.store.clone()));
    again.wake();
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(mail(&maildir).len(), 1);
    drop(smtp);
}
