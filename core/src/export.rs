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
        "Language",
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
                r.language.english_name().to_string(),
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

/// What happened at a consultation's events, one row per bar of a chart (dots, poll and
/// rating answers) and per note on a wall, with personal data removed from notes. Hidden
/// notes and notes held for safeguarding are not in the results passed in.
pub fn events_table(
    events: &[(crate::event::Event, Vec<crate::event::ActivityResults>)],
    schools: &[String],
) -> Table {
    use crate::event::Results;
    let headers = [
        "Event",
        "Date",
        "Audience",
        "Activity",
        "Kind",
        "Question",
        "Answer or note",
        "Count",
    ]
    .map(String::from)
    .to_vec();
    let mut rows = Vec::new();
    for (e, results) in events {
        for a in &e.activities {
            let Some(r) = results.iter().find(|r| r.id == a.id) else {
                continue;
            };
            let row = |question: &str, answer: &str, count: String| {
                vec![
                    e.title.clone(),
                    e.date.clone().unwrap_or_default(),
                    e.audience.label().to_string(),
                    a.title.clone(),
                    a.kind.label().to_string(),
                    question.to_string(),
                    answer.to_string(),
                    count,
                ]
            };
            match &r.results {
                Results::Charts { charts } => {
                    for chart in charts {
                        for bar in &chart.bars {
                            rows.push(row(&chart.question, &bar.label, bar.count.to_string()));
                        }
                    }
                }
                Results::Wall { columns, .. } => {
                    for column in columns {
                        for note in &column.notes {
                            let words = if note.text.is_empty() {
                                note.symbol
                                    .map(|s| format!("[picture: {}]", s.label()))
                                    .unwrap_or_default()
                            } else {
                                privacy::redact(&note.text, &privacy::find(&note.text, schools))
                            };
                            rows.push(row(&column.prompt, &words, String::new()));
                        }
                    }
                }
            }
        }
    }
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
            language: crate::language::Language::Welsh,
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
        assert_eq!(table.rows[0][col("Language")], "Welsh");
        // In English words whatever language it was answered in.
        assert_eq!(
            table.rows[0][col("How do you feel about your therapy")],
            "OK"
        );
        let text = &table.rows[0][col("What helps you most")];
        assert!(text.starts_with("=cmd"), "{text}");
        assert!(!text.contains("Sarah"), "{text}");
        let school = &table.rows[0][col("change one thing")];
        assert!(!school.to_lowercase().contains("riverside"), "{school}");
    }

    #[test]
    fn event_results_are_rows_with_notes_redacted() {
        use crate::event::{
            ActivityKind, ActivityResults, Event, NewActivity, Results, WallColumn, WallNote,
        };
        let mut e = Event {
            id: "e".into(),
            consultation_id: "c".into(),
            title: "Workshop".into(),
            date: Some("2026-12-03".into()),
            place: String::new(),
            audience: crate::Audience::ParentsAndCarers,
            code: "K7M2QX".into(),
            activities: Vec::new(),
            current: None,
            ended: false,
        };
        e.add(NewActivity {
            title: "Ideas".into(),
            kind: ActivityKind::IdeaWall {
                prompts: vec!["What works?".into()],
            },
        });
        let results = vec![ActivityResults {
            id: "ideas".into(),
            taking_part: 1,
            results: Results::Wall {
                columns: vec![WallColumn {
                    prompt: "What works?".into(),
                    notes: vec![WallNote {
                        id: Uuid::from_u128(1),
                        text: "The speech therapist at Oak Primary, call 07700 900123".into(),
                        symbol: None,
                        hidden: false,
                    }],
                }],
                held: 0,
            },
        }];
        let table = events_table(&[(e, results)], &["Oak Primary".to_string()]);
        assert_eq!(table.rows.len(), 1);
        let note = &table.rows[0][6];
        assert!(
            !note.contains("Oak Primary") && !note.contains("07700"),
            "{note}"
        );
        assert_eq!(table.rows[0][4], "Idea wall");
    }
}
