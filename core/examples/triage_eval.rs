//! Recall and false flags of safeguarding triage on labelled statements.
//!
//! `cargo run --release -p tellus-core --example triage_eval -- FILE.tsv... [--misses] [--rules]`
//! `cargo run --release -p tellus-core --example triage_eval -- --cv`
//!
//! Each file is tab-separated with a header: id, language, voice, label (`disclosure` or
//! `none`), category, text. Prints recall per disclosure category and the share of
//! non-disclosures held per category, by language; `--misses` lists the mistakes;
//! `--rules` uses the phrase list alone. `--cv` cross-validates the learnt model on the
//! training statements and prints recall and false flags at several thresholds.

use std::collections::BTreeMap;
use tellus_core::linear::Sparse;
use tellus_core::safeguarding::learned::{self, Example, Learned};
use tellus_core::safeguarding::{Checker, PhraseList};

#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--cv") {
        return cross_validate();
    }
    let show = args.iter().any(|a| a == "--misses");
    // `--model T`: the learnt model alone at threshold T (the phrases as its evidence).
    let model_threshold: Option<f32> = args
        .iter()
        .position(|a| a == "--model")
        .and_then(|i| args.get(i + 1))
        .and_then(|t| t.parse().ok());
    let started = std::time::Instant::now();
    let checker = if args.iter().any(|a| a == "--rules") {
        Checker::rules_only(&PhraseList::default().phrases)
    } else {
        tellus_core::safeguarding::warm_up();
        PhraseList::default().checker()
    };
    eprintln!("ready in {:.2} s", started.elapsed().as_secs_f64());
    // (language, label, category) -> tally
    let mut tallies: BTreeMap<(String, String, String), Tally> = BTreeMap::new();
    for file in args.iter().filter(|a| a.ends_with(".tsv")) {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        for e in learned::examples(&text) {
            let findings = checker.check(&e.text);
            let held = match model_threshold {
                Some(t) => checker.score(&e.text) > t,
                None => !findings.is_empty(),
            };
            let right = held == e.label;
            if show && !right {
                let why = findings
                    .iter()
                    .map(|f| format!("{} [{}]", f.words, f.phrase))
                    .collect::<Vec<_>>()
                    .join("; ");
                println!(
                    "{}\t{}\t{}\t{}\t{why}",
                    e.id,
                    if e.label { "disclosure" } else { "none" },
                    e.category,
                    e.text
                );
            }
            let label = if e.label { "disclosure" } else { "none" };
            let t = tallies
                .entry((e.language.clone(), label.into(), e.category.clone()))
                .or_default();
            t.total += 1;
            t.right += right as usize;
        }
    }
    print_tables(&tallies);
}

fn print_tables(tallies: &BTreeMap<(String, String, String), Tally>) {
    for label in ["disclosure", "none"] {
        println!();
        println!(
            "{}",
            if label == "disclosure" {
                "Recall (disclosures held)"
            } else {
                "False flags (everyday answers held)"
            }
        );
        let mut languages: Vec<String> = tallies.keys().map(|k| k.0.clone()).collect();
        languages.dedup();
        let mut categories: Vec<String> = tallies
            .keys()
            .filter(|k| k.1 == label)
            .map(|k| k.2.clone())
            .collect();
        categories.sort();
        categories.dedup();
        println!("| category | {} | all |", languages.join(" | "));
        println!("|---|{}---|", "---|".repeat(languages.len()));
        let cell = |right: usize, total: usize| {
            if total == 0 {
                String::new()
            } else if label == "disclosure" {
                format!("{:.2} ({right}/{total})", right as f64 / total as f64)
            } else {
                let wrong = total - right;
                format!(
                    "{:.0}% ({wrong}/{total})",
                    100.0 * wrong as f64 / total as f64
                )
            }
        };
        for c in categories.iter().map(Some).chain([None]) {
            let mut row = Vec::new();
            let (mut r_all, mut t_all) = (0, 0);
            for l in &languages {
                let (mut r, mut t) = (0, 0);
                for ((lang, lab, cat), tally) in tallies {
                    if lang == l && lab == label && c.is_none_or(|c| c == cat) {
                        r += tally.right;
                        t += tally.total;
                    }
                }
                r_all += r;
                t_all += t;
                row.push(cell(r, t));
            }
            let name = c.map_or("**all**".to_string(), |c| c.clone());
            println!("| {name} | {} | {} |", row.join(" | "), cell(r_all, t_all));
        }
    }
}

/// A statement scored in cross-validation.
struct Scored {
    score: f32,
    disclosure: bool,
    by_rules: bool,
}

/// Five-fold cross-validation of the learnt model over the training statements, the
/// phrase list's verdicts included as at run time.
fn cross_validate() {
    let rules = Checker::rules_only(&PhraseList::default().phrases);
    let examples = learned::training_examples();
    let data: Vec<(Sparse, &Example, bool)> = examples
        .iter()
        .map(|e| {
            let held = !rules.check(&e.text).is_empty();
            (
                learned::features(&e.text, &rules.verdicts(&e.text)),
                e,
                held,
            )
        })
        .collect();
    let folds = 5;
    let settings = tellus_core::linear::Training {
        c: std::env::var("TRIAGE_C")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(learned::TRAINING_SETTINGS.c),
        positive_weight: std::env::var("TRIAGE_W")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(learned::TRAINING_SETTINGS.positive_weight),
        ..learned::TRAINING_SETTINGS
    };
    let mut scored: Vec<Scored> = Vec::new();
    for k in 0..folds {
        let train: Vec<(Sparse, &Example)> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, (x, e, _))| (x.clone(), *e))
            .collect();
        let model = Learned::train_with(&train, settings);
        for (i, (x, e, held)) in data.iter().enumerate() {
            if i % folds == k {
                scored.push(Scored {
                    score: model.score(x),
                    disclosure: e.label,
                    by_rules: *held,
                });
            }
        }
    }
    println!(
        "threshold | rules or model: recall, false flags | model alone: recall, false flags ({} statements, 5-fold CV)",
        scored.len()
    );
    let positives = scored.iter().filter(|s| s.disclosure).count();
    let negatives = scored.len() - positives;
    for t in [-0.6f32, -0.5, -0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2] {
        let rate = |label: bool, held: &dyn Fn(&Scored) -> bool| {
            scored
                .iter()
                .filter(|s| s.disclosure == label && held(s))
                .count() as f64
                / if label { positives } else { negatives } as f64
        };
        let either = |s: &Scored| s.by_rules || s.score > t;
        let model = |s: &Scored| s.score > t;
        println!(
            "{t:>5.2} | {:.3}, {:.3} | {:.3}, {:.3}",
            rate(true, &either),
            rate(false, &either),
            rate(true, &model),
            rate(false, &model)
        );
    }
    // Recall of the model alone where its false flags reach 5%, 8% and 10%.
    let mut negatives_scores: Vec<f32> = scored
        .iter()
        .filter(|s| !s.disclosure)
        .map(|s| s.score)
        .collect();
    negatives_scores.sort_by(|a, b| b.total_cmp(a));
    for budget in [0.05, 0.08, 0.10] {
        let t = negatives_scores[((negatives as f64 * budget) as usize).min(negatives - 1)];
        let recall = scored
            .iter()
            .filter(|s| s.disclosure && s.score > t)
            .count() as f64
            / positives as f64;
        println!(
            "false flags {:.0}%: threshold {t:.3}, recall {recall:.3}",
            budget * 100.0
        );
    }
}
