//! Theming quality on a hand-labelled fixture of answers in the voice of children,
//! parents and professionals (tests/fixtures/answers.csv, labels by a person).

use std::collections::{HashMap, HashSet};
use tellus_core::theme::codebook::Codebook;
use tellus_core::theme::{Options, Source, analyse};
use tellus_core::tone::tone;

struct Row {
    text: String,
    themes: Vec<String>,
    tone: String,
}

/// Reads a labelled fixture from tests/fixtures.
fn read_fixture(name: &str) -> Vec<Row> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Row {
                text: r[2].to_string(),
                themes: r[3]
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                tone: r[4].to_string(),
            }
        })
        .collect()
}

fn fixture() -> Vec<Row> {
    read_fixture("answers.csv")
}

/// What the starter codebook finds in each row, and what people labelled.
fn codebook_predictions(rows: &[Row]) -> (Vec<HashSet<String>>, Vec<HashSet<String>>) {
    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    let book = Codebook::starter();
    let analysis = analyse(
        &texts,
        &Options {
            codebook: Some(&book),
            ..Default::default()
        },
    );
    let predicted = analysis
        .rows
        .iter()
        .map(|r| {
            r.assignments
                .iter()
                .map(|a| analysis.themes[a.theme].id.clone())
                .collect()
        })
        .collect();
    let truth = rows
        .iter()
        .map(|r| r.themes.iter().cloned().collect())
        .collect();
    (predicted, truth)
}

/// Prints the rows where the codebook and people disagree, to read when tuning rules.
fn print_disagreements(rows: &[Row], predicted: &[HashSet<String>], truth: &[HashSet<String>]) {
    for (i, row) in rows.iter().enumerate() {
        if predicted[i] != truth[i] {
            println!(
                "  {:?}\n    said {:?}\n    want {:?}",
                row.text, predicted[i], truth[i]
            );
        }
    }
}

/// Micro-averaged precision, recall and F1 of predicted label sets against the truth.
fn micro(predicted: &[HashSet<String>], truth: &[HashSet<String>]) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (p, t) in predicted.iter().zip(truth) {
        let hits = p.intersection(t).count() as f64;
        tp += hits;
        fp += p.len() as f64 - hits;
        fn_ += t.len() as f64 - hits;
    }
    let precision = tp / (tp + fp).max(1.0);
    let recall = tp / (tp + fn_).max(1.0);
    (precision, recall, 2.0 * tp / (2.0 * tp + fp + fn_).max(1.0))
}

#[test]
fn starter_codebook_finds_the_themes_people_labelled() {
    let rows = fixture();
    let (predicted, truth) = codebook_predictions(&rows);
    let (p, r, f1) = micro(&predicted, &truth);
    println!("starter codebook on fixture: precision {p:.3} recall {r:.3} F1 {f1:.3}");
    print_disagreements(&rows, &predicted, &truth);
    assert!(p >= 0.85, "precision {p:.3}");
    assert!(r >= 0.85, "recall {r:.3}");
}

#[test]
fn learned_themes_beat_a_trivial_baseline_on_held_apart_rows() {
    let rows = fixture();
    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    // Every third row is held apart: its codes are hidden from the model.
    let held = |i: usize| i.is_multiple_of(3);
    let codes: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if held(i) {
                Vec::new()
            } else {
                r.themes.clone()
            }
        })
        .collect();
    let analysis = analyse(
        &texts,
        &Options {
            codes: Some(&codes),
            ..Default::default()
        },
    );

    let held_rows: Vec<usize> = (0..rows.len()).filter(|&i| held(i)).collect();
    let predicted: Vec<HashSet<String>> = held_rows
        .iter()
        .map(|&i| {
            analysis.rows[i]
                .assignments
                .iter()
                .inspect(|a| assert_eq!((a.source, a.suggested), (Source::Learned, true)))
                .map(|a| analysis.themes[a.theme].label.clone())
                .collect()
        })
        .collect();
    let truth: Vec<HashSet<String>> = held_rows
        .iter()
        .map(|&i| rows[i].themes.iter().cloned().collect())
        .collect();
    let (p, r, f1) = micro(&predicted, &truth);

    // Baseline: always suggest the most common label in the coded rows.
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for c in codes.iter().flatten() {
        *freq.entry(c).or_default() += 1;
    }
    let top = freq
        .into_iter()
        .max_by_key(|(l, c)| (*c, std::cmp::Reverse(*l)))
        .unwrap()
        .0
        .to_string();
    let baseline: Vec<HashSet<String>> = held_rows
        .iter()
        .map(|_| HashSet::from([top.clone()]))
        .collect();
    let (_, _, base_f1) = micro(&baseline, &truth);
    println!(
        "learned on fixture (held-apart third): precision {p:.3} recall {r:.3} F1 {f1:.3}; baseline F1 {base_f1:.3}"
    );
    assert!(
        f1 >= 2.0 * base_f1,
        "learned F1 {f1:.3} vs baseline {base_f1:.3}"
    );

    // Coded rows keep exactly their codes, from a person.
    for (i, row) in rows
        .iter()
        .enumerate()
        .filter(|(i, r)| !held(*i) && !r.themes.is_empty())
    {
        let given: HashSet<String> = analysis.rows[i]
            .assignments
            .iter()
            .map(|a| analysis.themes[a.theme].label.clone())
            .collect();
        assert_eq!(given, row.themes.iter().cloned().collect::<HashSet<_>>());
        assert!(
            analysis.rows[i]
                .assignments
                .iter()
                .all(|a| a.source == Source::Person)
        );
    }
}

#[test]
fn tone_agrees_with_people_on_most_answers() {
    let rows = fixture();
    let agree = rows
        .iter()
        .filter(|r| tone(&r.text).as_str() == r.tone)
        .count();
    let accuracy = agree as f64 / rows.len() as f64;
    println!("tone accuracy on fixture: {accuracy:.3}");
    for r in &rows {
        if tone(&r.text).as_str() != r.tone {
            println!(
                "  {:?}: said {}, want {}",
                r.text,
                tone(&r.text).as_str(),
                r.tone
            );
        }
    }
    assert!(accuracy >= 0.8, "tone accuracy {accuracy:.3}");
}

#[test]
fn discovery_is_deterministic_and_keeps_every_uncovered_answer_visible() {
    let rows = fixture();
    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    let options = Options {
        discover: true,
        ..Default::default()
    };
    let first = analyse(&texts, &options);
    assert_eq!(first, analyse(&texts, &options));
    for (i, row) in first.rows.iter().enumerate() {
        let has_words = tellus_core::text::words(texts[i])
            .iter()
            .any(|w| !tellus_core::text::is_stop_word(w));
        assert_eq!(!row.assignments.is_empty(), has_words, "{:?}", texts[i]);
    }
    assert!(first.themes.iter().all(|t| t.source == Source::Discovered));
}

/// Held-out answers that the codebook and tone words were never tuned against: a
/// fair estimate of how they do on text they have not seen.
#[test]
fn starter_codebook_and_tone_generalise_to_held_out_answers() {
    let rows = read_fixture("holdout.csv");
    let (predicted, truth) = codebook_predictions(&rows);
    let (p, r, f1) = micro(&predicted, &truth);
    let tone_accuracy = rows
        .iter()
        .filter(|r| tone(&r.text).as_str() == r.tone)
        .count() as f64
        / rows.len() as f64;
    println!(
        "held out: codebook precision {p:.3} recall {r:.3} F1 {f1:.3}; tone accuracy {tone_accuracy:.3}"
    );
    print_disagreements(&rows, &predicted, &truth);
    assert!(p >= 0.6, "precision {p:.3}");
    assert!(r >= 0.45, "recall {r:.3}");
    assert!(tone_accuracy >= 0.6, "tone accuracy {tone_accuracy:.3}");
}
