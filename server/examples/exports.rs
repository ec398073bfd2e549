//! Exporting 100,000 responses: finding themes, then every file format, each timed against
//! a baseline in the same process (serialising the same responses to JSON).
//! `cargo run --release -p tellus --example exports [RESPONSES]`
use std::time::Instant;
use tellus::export::{Format, render};
use tellus_core::board::{self, Edits, SummaryDoc};
use tellus_core::theme::codebook::Codebook;
use tellus_core::{Answer, StoredResponse};

/// A deterministic stream of plausible answers, with typos and names to redact.
fn text(n: usize) -> String {
    const OPENINGS: [&str; 6] = [
        "We waited",
        "My daughter waited",
        "I think",
        "Honestly",
        "The school says",
        "Our therapist",
    ];
    const MIDDLES: [&str; 8] = [
        "over a year on the waiting list",
        "never sees the same therapist twice",
        "only gets six sessions a year which is not enough therapy",
        "the exercises at home really help",
        "misses maths to go to speech therapy",
        "could not get an EHCP so no therapy",
        "the staff in school need training",
        "her wheelchair took months to arrive",
    ];
    const ENDINGS: [&str; 5] = [
        "",
        " and it is hard.",
        " - please fix this",
        " My son Alfie is 7.",
        " thank you",
    ];
    format!(
        "{} {}{}",
        OPENINGS[n % 6],
        MIDDLES[(n / 6) % 8],
        ENDINGS[(n / 48) % 5]
    )
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let c = tellus_core::demo::consultation();
    let responses: Vec<StoredResponse> = (0..count)
        .map(|n| {
            let (survey, question) = if n % 2 == 0 {
                ("therapies-parents", "should_change")
            } else {
                ("therapies-children", "what_helps")
            };
            let mut answers = std::collections::BTreeMap::new();
            answers.insert(question.to_string(), Answer::Text(text(n)));
            if survey == "therapies-children" {
                answers.insert("feel_therapy".to_string(), Answer::Scale((n % 5 + 1) as u8));
            } else {
                answers.insert(
                    "therapies_used".to_string(),
                    Answer::Choices(vec!["salt".into()]),
                );
            }
            StoredResponse {
                id: uuid::Uuid::from_u128(n as u128 + 1),
                consultation_id: c.id.clone(),
                survey_id: survey.into(),
                answers,
                received_at: 1_800_000_000 + n as u64,
                language: Default::default(),
                flags: Vec::new(),
                reviews: Vec::new(),
            }
        })
        .collect();

    let started = Instant::now();
    let baseline_bytes = serde_json::to_vec(&responses).unwrap().len();
    let baseline = started.elapsed().as_secs_f64();
    println!(
        "{count} responses; baseline (serde_json of the responses, {:.1} MB): {baseline:.3} s",
        baseline_bytes as f64 / 1e6
    );

    let started = Instant::now();
    let comments = board::comments(&c, &responses);
    let generated = board::generate(comments, &Codebook::starter(), None, &Edits::default(), 0);
    let visible = responses.iter().map(|r| r.id).collect();
    let mut edits = Edits::default();
    for t in &generated.themes {
        edits.approved.insert(t.id.clone());
    }
    let board = board::apply(&generated, &edits, &c, &visible);
    let summary = board::what_you_told_us(&c, &board, &SummaryDoc::default());
    let theming = started.elapsed().as_secs_f64();
    println!(
        "find themes and lay out the summary ({} themes): {theming:.3} s ({:.1}x baseline)",
        board.themes.len(),
        theming / baseline
    );

    // No events in this benchmark: it measures responses.
    let events = tellus_core::export::events_table(&[], &[]);
    for format in [Format::Csv, Format::Xlsx, Format::Docx, Format::Json] {
        let started = Instant::now();
        let bytes = render(format, &c, &responses, Some(&board), &summary, &events).unwrap();
        let took = started.elapsed().as_secs_f64();
        println!(
            "{:>4}: {took:.3} s ({:.1}x baseline), {:.1} MB",
            format.extension(),
            took / baseline,
            bytes.len() as f64 / 1e6
        );
    }
}
