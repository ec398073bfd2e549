//! `tellus theme` run as the real binary on files in a temporary folder.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn tellus(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_tellus"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into(),
        String::from_utf8_lossy(&output.stderr).into(),
    )
}

fn theme(dir: &Path, csv: &[u8], extra: &[&str]) -> (bool, String, Option<Value>) {
    let input = dir.join("in.csv");
    let out = dir.join("out.json");
    std::fs::write(&input, csv).unwrap();
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        "theme",
        "--input",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (ok, stdout, stderr) = tellus(&args);
    let report = std::fs::read(&out)
        .ok()
        .map(|b| serde_json::from_slice(&b).unwrap());
    (ok, format!("{stdout}{stderr}"), report)
}

const SAMPLE: &str = "\u{feff}ref,who,answer,codes
a1,parents,We waited over a year on the waiting list,
a2,parents,The waiting list for OT is far too long,
a3,children,I don't like missing maths for therapy,
a4,children,,
a5,children,my dad hits me when I get it wrong,
a6,professionals,Please email jo@example.org about staff training,
";

#[test]
fn writes_themes_and_one_row_per_answer_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, said, report) = theme(
        dir.path(),
        SAMPLE.as_bytes(),
        &[
            "--text-column",
            "answer",
            "--id-column",
            "ref",
            "--group-column",
            "who",
        ],
    );
    assert!(ok, "{said}");
    assert!(said.contains("Themed 6 answers"), "{said}");
    let report = report.unwrap();
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 6);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["row"], i);
        assert_eq!(row["id"], format!("a{}", i + 1));
        assert!(
            ["positive", "negative", "mixed", "neutral"].contains(&row["tone"].as_str().unwrap())
        );
    }
    let ids = |i: usize| -> Vec<&str> {
        rows[i]["themes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect()
    };
    assert!(ids(0).contains(&"waiting-times"));
    assert!(ids(2).contains(&"missing-lessons"));
    assert!(ids(3).is_empty(), "an empty answer has no themes");
    assert_eq!(rows[4]["flags"], serde_json::json!(["safeguarding"]));
    assert!(
        ids(4).is_empty(),
        "a possible disclosure is kept out of theming"
    );
    assert_eq!(rows[5]["flags"], serde_json::json!(["personal-data"]));

    let themes = report["themes"].as_array().unwrap();
    let waiting = themes.iter().find(|t| t["id"] == "waiting-times").unwrap();
    assert_eq!(waiting["source"], "codebook");
    assert_eq!(waiting["count"], 2);
    assert_eq!(waiting["groups"]["parents"], 2);
    for t in themes {
        for q in t["quotes"].as_array().unwrap() {
            let q = q.as_str().unwrap();
            assert!(
                !q.contains("hits me") && !q.contains("jo@example.org"),
                "{q}"
            );
        }
        assert!(["codebook", "learned", "discovered"].contains(&t["source"].as_str().unwrap()));
    }
}

#[test]
fn hand_codes_are_kept_and_learnt_from() {
    let mut csv = String::from("text,codes\n");
    for i in 0..30 {
        csv.push_str(&format!("the waiting list took {i} months,Waiting\n"));
        csv.push_str(&format!("lovely kind therapist number {i},Praise\n"));
        csv.push_str(&format!(
            "need more training for teachers {i},Training; Staff\n"
        ));
    }
    csv.push_str("still on the waiting list after months,\n");
    csv.push_str("teachers need more training,\n");
    let dir = tempfile::tempdir().unwrap();
    let (ok, said, report) = theme(
        dir.path(),
        csv.as_bytes(),
        &["--text-column", "text", "--codes-column", "codes"],
    );
    assert!(ok, "{said}");
    let report = report.unwrap();
    let label_of = |id: &Value| {
        report["themes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| &t["id"] == id)
            .unwrap()["label"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let labels = |row: usize| -> Vec<String> {
        report["rows"][row]["themes"]
            .as_array()
            .unwrap()
            .iter()
            .map(label_of)
            .collect()
    };
    assert_eq!(
        labels(2),
        ["Training", "Staff"],
        "given codes are kept as they are"
    );
    assert_eq!(labels(90), ["Waiting"]);
    assert!(labels(91).contains(&"Training".to_string()));
    assert!(
        report["themes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["source"] != "codebook")
    );
    assert_eq!(
        report["rows"][90]["suggested"],
        report["rows"][90]["themes"]
    );
}

#[test]
fn a_missing_column_names_the_columns_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, said, report) = theme(
        dir.path(),
        SAMPLE.as_bytes(),
        &["--text-column", "comments"],
    );
    assert!(!ok);
    assert!(
        said.contains("no column named 'comments'")
            && said.contains("'ref', 'who', 'answer', 'codes'"),
        "{said}"
    );
    assert!(report.is_none(), "no report is written on error");
}

#[test]
fn ragged_rows_odd_bytes_and_header_only_files_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = b"text,extra\nshort row\nbad byte \xff here,1,2,3\n".to_vec();
    csv.extend_from_slice("\"quoted, with comma\",x\n".as_bytes());
    let (ok, said, report) = theme(dir.path(), &csv, &["--text-column", "text"]);
    assert!(ok, "{said}");
    let rows = report.unwrap()["rows"].as_array().unwrap().len();
    assert_eq!(rows, 3);

    let (ok, said, report) = theme(dir.path(), b"text\n", &["--text-column", "text"]);
    assert!(ok, "{said}");
    assert_eq!(report.unwrap()["rows"].as_array().unwrap().len(), 0);
}

#[test]
fn a_broken_codebook_is_refused_with_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.json");
    std::fs::write(&book, r#"{"themes":[{"id":"x","label":"","rules":[]}]}"#).unwrap();
    let (ok, said, _) = theme(
        dir.path(),
        SAMPLE.as_bytes(),
        &[
            "--text-column",
            "answer",
            "--codebook",
            book.to_str().unwrap(),
        ],
    );
    assert!(!ok);
    assert!(
        said.contains("themes[0].label: a label is needed") && said.contains("themes[0].rules"),
        "{said}"
    );

    std::fs::write(
        &book,
        r#"{"themes":[{"id":"parking","label":"Parking","rules":["car park*","parking"]}]}"#,
    )
    .unwrap();
    let csv = "text\nThe car parking at the clinic is awful\nwaiting list too long\n";
    let (ok, said, report) = theme(
        dir.path(),
        csv.as_bytes(),
        &[
            "--text-column",
            "text",
            "--codebook",
            book.to_str().unwrap(),
        ],
    );
    assert!(ok, "{said}");
    let report = report.unwrap();
    assert_eq!(report["rows"][0]["themes"], serde_json::json!(["parking"]));
    assert!(
        report["themes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["id"] != "waiting-times"),
        "only the given codebook applies"
    );
}
