//! Backups, restore and queue import over real sled stores in temporary folders.

use tellus::backup::{BackupError, backup, restore, write_rolling};
use tellus::commands::import_queue::import;
use tellus::storage::{Insert, Store};
use tellus_core::account::Role;
use tellus_core::audit::{AuditAction, AuditEntry};
use tellus_core::response::{QueueExport, QueuedResponse};
use tellus_core::{Answer, ResponseSubmission, StoredResponse};
use uuid::Uuid;

fn seeded(dir: &std::path::Path) -> Store {
    let store = Store::open(dir).unwrap();
    store.seed_demo_once().unwrap();
    store
}

fn response(n: u128, survey: &str) -> StoredResponse {
    StoredResponse {
        id: Uuid::from_u128(n),
        consultation_id: "therapies-review".into(),
        survey_id: survey.into(),
        answers: [("feel_therapy".to_string(), Answer::Scale((n % 5 + 1) as u8))].into(),
        received_at: 1_700_000_000 + n as u64,
        language: Default::default(),
        flags: Vec::new(),
        reviews: Vec::new(),
    }
}

#[test]
fn a_backup_restores_into_an_empty_store_exactly() {
    let (a, b, files) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let original = seeded(a.path());
    for n in 1..=50 {
        let survey = if n % 2 == 0 {
            "therapies-children"
        } else {
            "therapies-parents"
        };
        assert_eq!(
            original.insert_response(&response(n, survey)).unwrap(),
            Insert::Created
        );
    }
    tellus::commands::user::add(
        &original,
        "lead@test.org",
        Role::SafeguardingLead,
        "a long enough phrase",
    )
    .unwrap();
    original
        .audit(&AuditEntry {
            at: 5,
            actor: "lead@test.org".into(),
            action: AuditAction::SignIn,
            target: String::new(),
            detail: String::new(),
        })
        .unwrap();
    let mut board = tellus::storage::StoredBoard::default();
    board.doc.intro = "Thank you".into();
    original.put_board("therapies-review", &board).unwrap();
    let file = files.path().join("backup.jsonl");
    let counts = backup(&original, &file).unwrap();
    assert_eq!(
        (
            counts.consultations,
            counts.responses,
            counts.accounts,
            counts.audit,
            counts.boards
        ),
        (1, 50, 1, 1, 1)
    );

    let copy = Store::open(b.path()).unwrap();
    let restored = restore(&copy, &file).unwrap();
    assert_eq!(restored, counts);
    let all = |s: &Store| s.responses().collect::<Result<Vec<_>, _>>().unwrap();
    assert_eq!(all(&copy), all(&original));
    assert_eq!(
        copy.consultations().unwrap(),
        original.consultations().unwrap()
    );
    // Indexes are rebuilt from the records.
    assert_eq!(copy.count_responses("therapies-children").unwrap(), 25);
    assert_eq!(copy.count_responses("therapies-parents").unwrap(), 25);
    // Accounts (with their password hashes) and the audit log come back too.
    assert_eq!(copy.users().unwrap(), original.users().unwrap());
    assert_eq!(copy.audit_log(10).unwrap(), original.audit_log(10).unwrap());
    assert_eq!(copy.board("therapies-review").unwrap(), board);
    // The demo is not loaded again on top of a restored store.
    assert!(!copy.seed_demo_once().unwrap());
}

#[test]
fn restore_refuses_a_store_with_responses_and_a_cut_short_file() {
    let (a, b, files) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let original = seeded(a.path());
    original
        .insert_response(&response(1, "therapies-children"))
        .unwrap();
    let file = files.path().join("backup.jsonl");
    backup(&original, &file).unwrap();

    assert!(matches!(
        restore(&original, &file),
        Err(BackupError::NotEmpty { responses: 1 })
    ));

    let text = std::fs::read_to_string(&file).unwrap();
    let cut = files.path().join("cut.jsonl");
    let lines: Vec<&str> = text.lines().collect();
    std::fs::write(&cut, lines[..lines.len() - 1].join("\n")).unwrap();
    let empty = Store::open(b.path()).unwrap();
    assert!(matches!(
        restore(&empty, &cut),
        Err(BackupError::Truncated { .. })
    ));
    assert_eq!(empty.response_count(), 0, "nothing is half-restored");

    std::fs::write(&cut, "not a backup\n").unwrap();
    let err = restore(&empty, &cut).unwrap_err().to_string();
    assert!(
        err.contains("line 1 is not a Tellus backup record"),
        "{err}"
    );
}

#[test]
fn rolling_backups_keep_the_newest() {
    let (a, dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let store = seeded(a.path());
    let mut written = Vec::new();
    for n in 1..=5 {
        store
            .insert_response(&response(n, "therapies-children"))
            .unwrap();
        written.push(write_rolling(&store, dir.path(), 3).unwrap().0);
    }
    let mut kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    kept.sort();
    assert_eq!(kept, written[2..].to_vec());
}

fn queue_item(n: u128, feel: u8) -> QueuedResponse {
    QueuedResponse {
        id: Uuid::from_u128(n),
        submission: ResponseSubmission {
            survey_id: "therapies-children".into(),
            answers: [("feel_therapy".to_string(), Answer::Scale(feel))].into(),
            language: Default::default(),
        },
    }
}

#[test]
fn an_imported_queue_never_duplicates_and_reports_what_it_refused() {
    let (a, files) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let store = seeded(a.path());
    let mut bad_survey = queue_item(4, 3);
    bad_survey.submission.survey_id = "nope".into();
    let queue = QueueExport {
        tellus_queue: 1,
        items: vec![
            queue_item(1, 5),
            queue_item(2, 4),
            queue_item(3, 9),
            bad_survey,
        ],
    };
    let file = files.path().join("queue.json");
    std::fs::write(&file, serde_json::to_string(&queue).unwrap()).unwrap();

    let first = import(&store, &file).unwrap();
    assert_eq!((first.stored, first.already_stored), (2, 0));
    assert_eq!(first.refused.len(), 2);
    assert!(
        first.refused[0]
            .1
            .contains("feel_therapy: Choose a point from 1 to 5"),
        "{:?}",
        first.refused
    );
    assert!(first.refused[1].1.contains("no survey 'nope'"));

    let again = import(&store, &file).unwrap();
    assert_eq!((again.stored, again.already_stored), (0, 2));
    assert_eq!(store.count_responses("therapies-children").unwrap(), 2);

    // The same id with other answers is a conflict, not an overwrite.
    let conflicting = QueueExport {
        tellus_queue: 1,
        items: vec![queue_item(1, 1)],
    };
    std::fs::write(&file, serde_json::to_string(&conflicting).unwrap()).unwrap();
    let report = import(&store, &file).unwrap();
    assert_eq!(report.refused.len(), 1);
    assert_eq!(
        store.response(Uuid::from_u128(1)).unwrap().unwrap().answers["feel_therapy"],
        Answer::Scale(5)
    );
}
