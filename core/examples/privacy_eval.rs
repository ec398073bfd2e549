//! Recall and false flags of personal-data detection on labelled answers.
//!
//! `cargo run --release -p tellus-core --example privacy_eval -- FILE.jsonl... [--misses]`
//!
//! Each line: `{"id", "text", "pii": [{"kind", "value"}]}`, every value an exact part of the
//! text. An item is found when every letter and digit of it is inside something removed;
//! a false flag is something removed that touches no labelled item.

use serde::Deserialize;
use std::collections::BTreeMap;
use tellus_core::privacy::{find, redact};

#[derive(Deserialize)]
struct Item {
    kind: String,
    value: String,
}

#[derive(Deserialize)]
struct Answer {
    id: String,
    text: String,
    pii: Vec<Item>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--misses");
    let mut per_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut removed, mut wrong, mut clean, mut clean_touched) = (0usize, 0usize, 0usize, 0usize);
    for file in args.iter().filter(|a| a.ends_with(".jsonl")) {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let a: Answer = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
            let found = find(&a.text, &[]);
            // Every occurrence of every labelled value, as byte ranges.
            let mut gold: Vec<(usize, usize, &Item)> = Vec::new();
            for item in &a.pii {
                let mut from = 0;
                while let Some(at) = a.text[from..].find(&item.value) {
                    gold.push((from + at, from + at + item.value.len(), item));
                    from += at + item.value.len();
                }
            }
            let covered = |s: usize, e: usize| {
                a.text[s..e].char_indices().all(|(k, c)| {
                    !c.is_alphanumeric() || found.iter().any(|f| f.start <= s + k && s + k < f.end)
                })
            };
            let mut missed = Vec::new();
            for item in &a.pii {
                let ok = gold
                    .iter()
                    .filter(|g| std::ptr::eq(g.2, item))
                    .all(|&(s, e, _)| covered(s, e));
                let t = per_kind.entry(item.kind.clone()).or_default();
                t.0 += ok as usize;
                t.1 += 1;
                if !ok {
                    missed.push(format!("{}:{}", item.kind, item.value));
                }
            }
            let mut false_flags = Vec::new();
            for f in &found {
                removed += 1;
                if !gold.iter().any(|&(s, e, _)| f.start < e && s < f.end) {
                    wrong += 1;
                    false_flags.push(a.text[f.start..f.end].to_string());
                }
            }
            if a.pii.is_empty() {
                clean += 1;
                clean_touched += !found.is_empty() as usize;
            }
            if show && (!missed.is_empty() || !false_flags.is_empty()) {
                println!(
                    "{}\tmissed {:?}\tfalse {:?}\t{}",
                    a.id,
                    missed,
                    false_flags,
                    redact(&a.text, &found)
                );
            }
        }
    }
    println!("| kind | found |");
    println!("| --- | --- |");
    let (mut ok, mut all) = (0, 0);
    for (kind, (k, n)) in &per_kind {
        println!("| {kind} | {:.2} ({k}/{n}) |", *k as f64 / *n as f64);
        ok += k;
        all += n;
    }
    println!(
        "| **all** | **{:.3}** ({ok}/{all}) |",
        ok as f64 / all as f64
    );
    println!();
    println!(
        "False flags: {wrong} of {removed} things removed ({:.1}%); answers with no personal data touched: {clean_touched} of {clean}",
        100.0 * wrong as f64 / removed.max(1) as f64
    );
}
