//! What exports contain, as plain tables shared by every file format: one row per
//! response with theme columns, and the summary. Free text has personal data removed;
//! text formats pass every cell through [`spreadsheet_safe`].

use crate::board::{Board, WhatYouToldUs};
use crate::manage::{ResponseRow, iso_date};
use crate::privacy;
use crate::response::describe_answer;
use crate::survey::Consultation;
use crate::{Answer, StoredResponse};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// A table: a header row and rows of the same width.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A cell that a spreadsheet will show as text, never run as a formula: text starting
/// with `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe (OWASP's advice).
pub fn spreadsheet_safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// Every question of every survey, for the column headers: `(survey id, question id, header)`.
fn question_columns(c: &Consultation) -> Vec<(String, String, String)> {
    c.surveys
        .iter()
        .flat_map(|s| {
            let prefix = if c.surveys.len() > 1 {
                format!("{}: ", s.audience.label())
            } else {
                String::new()
            };
            s.questions
                .iter()
                .map(move |q| (s.id.clone(), q.id.clone(), format!("{prefix}{}", q.text)))
        })
        .collect()
}

/// One row per response: when, which survey, how they answered, each answer in words
/// (free text redacted), then one column per theme with "Yes" where any of its answers has it.
/// The caller passes only responses that may be shared (none held for safeguarding).
pub fn responses_table(
    c: &Consultation,
    responses: &[StoredResponse],
    board: Option<&Board>,
) -> Table {
    let questions = question_columns(c);
    let themes: Vec<(String, String)> = board
        .map(|b| {
            b.themes
                .iter()
                .map(|t| (t.id.clone(), t.label.clone()))
                .collect()
        })
        .unwrap_or_default();
    // Which themes each response has, found once: rows look them up rather than scan.
    let mut themes_of: HashMap<Uuid, HashSet<&str>> = HashMap::new();
    if let Some(b) = board {
        for k in &b.comments {
            themes_of
                .entry(k.comment.response_id)
                .or_default()
                .extend(k.codings.iter().map(|x| x.theme.as_str()));
        }
    }
    let mut headers: Vec<String> = [
        "Response",
        "Received",
        "Audience",
        "Survey",
        "How they answered",
    ]
    .map(String::from)
    .to_vec();
    headers.extend(questions.iter().map(|(_, _, h)| h.clone()));
    headers.extend(themes.iter().map(|(_, label)| format!("Theme: {label}")));
    let rows = responses
        .iter()
        .map(|r| {
            let survey = c.survey(&r.survey_id);
            let mut row = vec![
                r.id.to_string(),
                iso_date(r.received_at),
                survey
                    .map(|s| s.audience.label().to_string())
                    .unwrap_or_default(),
                survey.map(|s| s.title.clone()).unwrap_or_default(),
                ResponseRow::new(c, r).answered_how.unwrap_or_default(),
            ];
            for (sid, qid, _) in &questions {
                let cell = if *sid != r.survey_id {
                    String::new()
                } else {
                    match (survey.and_then(|s| s.question(qid)), r.answers.get(qid)) {
                        (Some(_), Some(Answer::Text(text))) => {
                            privacy::redact(text, &privacy::find(text, &c.school_names))
                        }
                        (Some(q), Some(answer)) => describe_answer(q, answer),
                        _ => String::new(),
                    }
                };
                row.push(cell);
            }
            let has = themes_of.get(&r.id);
            for (id, _) in &themes {
                let yes = has.is_some_and(|set| set.contains(id.as_str()));
                row.push(if yes { "Yes".into() } else { String::new() });
            }
            row
        })
        .collect();
    Table { headers, rows }
}

/// The summary as a table: each approved theme's counts per audience (small numbers
/// suppressed), the total, and what will be done.
pub fn summary_table(summary: &WhatYouToldUs) -> Table {
    let mut headers = vec!["Theme".to_string()];
    for a in &summary.audiences {
        headers.push(format!("{} ({} people)", a.label, a.people.text));
        headers.push(format!("{} %", a.label));
    }
    headers.extend(["All".to_string(), "What we will do".to_string()]);
    let percent = |p: Option<u32>| p.map(|p| format!("{p}%")).unwrap_or_default();
    let rows = summary
        .themes
        .iter()
        .map(|t| {
            let mut row = vec![t.label.clone()];
            for cell in &t.cells {
                row.push(cell.text.clone());
                row.push(percent(cell.percent));
            }
            row.push(t.total.text.clone());
            row.push(t.action.clone());
            row
        })
        .collect();
    Table { headers, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for bad in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(spreadsheet_safe(bad).starts_with('\''), "{bad}");
        }
        for fine in ["hello", "", "1", "a=b", " =x"] {
            assert_eq!(spreadsheet_safe(fine), fine);
        }
    }

    #[test]
    fn each_response_is_a_row_with_answers_in_words_and_free_text_redacted() {
        let c = crate::demo::consultation();
        let children = &c.surveys[0];
        let r = StoredResponse {
            id: Uuid::from_u128(3),
            consultation_id: c.id.clone(),
            survey_id: children.id.clone(),
            answers: [
                ("feel_therapy".to_string(), Answer::Scale(3)),
                (
                    "what_helps".to_string(),
                    Answer::Text("=cmd|' /C calc'!A0 my therapist is Sarah Jones".into()),
                ),
            ]
            .into(),
            received_at: 86_400 * 365,
            flags: Vec::new(),
            reviews: Vec::new(),
        };
        let mut c = c.clone();
        c.school_names = vec!["Riverside Primary".into()];
        let mut r = r;
        r.answers.insert(
            "change_one_thing".into(),
            Answer::Text("more therapy at riverside primary please".into()),
        );
        let table = responses_table(&c, &[r], None);
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].len(), table.headers.len());
        let col = |name: &str| table.headers.iter().position(|h| h.contains(name)).unwrap();
        assert_eq!(table.rows[0][col("Received")], "1971-01-01");
        let text = &table.rows[0][col("What helps you most")];
        assert!(text.starts_with("=cmd"), "{text}");
        assert!(!text.contains("Sarah"), "{text}");
        assert!(!table.rows[0][col("How do you feel about your therapy")].is_empty());
        let school = &table.rows[0][col("change one thing")];
        assert!(!school.to_lowercase().contains("riverside"), "{school}");
    }
}
