//! `tellus user` and `tellus purge`, run as the real binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};
use tellus::auth::verify_password;
use tellus::storage::Store;
use tellus_core::account::Role;

fn tellus(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tellus"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn the_first_administrator_is_added_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let out = tellus(
        &[
            "user",
            "add",
            "--admin",
            "Lead@Council.org",
            "--password-stdin",
            "--data",
            data,
        ],
        "a long admin passphrase\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Added lead@council.org as Administrator")
    );

    let out = tellus(
        &[
            "user",
            "add",
            "sam@council.org",
            "--role",
            "viewer",
            "--data",
            data,
        ],
        "short\n",
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("at least 12 characters"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = tellus(
        &[
            "user",
            "add",
            "sam@council.org",
            "--role",
            "owner",
            "--data",
            data,
        ],
        "a long enough phrase\n",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("'owner' is not a role"));

    let out = tellus(
        &["user", "password", "lead@council.org", "--data", data],
        "a different passphrase\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let store = Store::open(dir.path()).unwrap();
    let lead = store.user("lead@council.org").unwrap().unwrap();
    assert_eq!(lead.role, Role::Administrator);
    assert!(verify_password(
        "a different passphrase",
        Some(&lead.password_hash)
    ));
    assert!(store.user("sam@council.org").unwrap().is_none());
}

#[test]
fn purge_says_what_it_would_delete_then_deletes_it() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.seed_demo_once().unwrap();
        let mut c = store.consultation("therapies-review").unwrap().unwrap();
        c.closes_on = Some("2020-01-31".into());
        c.retention_months = Some(6);
        store.put_consultation(&c).unwrap();
        tellus::submission::accept(
            &store,
            uuid::Uuid::from_u128(9),
            &serde_json::from_value(serde_json::json!({ "survey_id": "therapies-children",
                "answers": { "feel_therapy": { "type": "scale", "value": 3 } } }))
            .unwrap(),
        )
        .unwrap();
        store.flush_blocking().unwrap();
    }
    let data = dir.path().to_str().unwrap();
    let out = tellus(&["purge", "--dry-run", "--data", data], "");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("retention ended 2020-07-31; would delete 1 responses"),
        "{said}"
    );
    assert_eq!(Store::open(dir.path()).unwrap().response_count(), 1);
    let out = tellus(&["purge", "--data", data], "");
    assert!(String::from_utf8_lossy(&out.stdout).contains("deleted 1 responses"));
    assert_eq!(Store::open(dir.path()).unwrap().response_count(), 0);
}
