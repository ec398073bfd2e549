//! Times each stage of theming on a CSV's text column: `cargo run --release --example stages FILE.csv COLUMN`.
use std::time::Instant;
use tellus_core::text::{Corpus, TfIdf};
use tellus_core::theme::codebook::{Codebook, Matcher};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut reader = csv::Reader::from_path(&args[1]).unwrap();
    let col = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == args[2])
        .unwrap();
    let texts: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[col].to_string())
        .collect();
    let t = Instant::now();
    let corpus = Corpus::build(&texts);
    println!("corpus        {:>8.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let m = Matcher::new(&Codebook::starter()).match_corpus(&corpus);
    println!(
        "codebook      {:>8.3}s ({} matched)",
        t.elapsed().as_secs_f64(),
        m.iter().filter(|x| !x.is_empty()).count()
    );
    let t = Instant::now();
    let tones: usize = texts
        .iter()
        .map(|x| tellus_core::tone::tone(x) as usize)
        .sum();
    println!(
        "tone          {:>8.3}s ({tones})",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let checker = tellus_core::safeguarding::PhraseList::default().checker();
    let flagged = texts
        .iter()
        .filter(|x| !checker.check(x).is_empty())
        .count();
    println!(
        "safeguarding  {:>8.3}s ({flagged})",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let personal = texts
        .iter()
        .filter(|x| !tellus_core::privacy::find(x, &[]).is_empty())
        .count();
    println!(
        "privacy       {:>8.3}s ({personal})",
        t.elapsed().as_secs_f64()
    );
    let docs: Vec<usize> = (0..texts.len()).filter(|&i| m[i].is_empty()).collect();
    let t = Instant::now();
    let tfidf = TfIdf::fit(&corpus, &docs, 2);
    println!(
        "tfidf         {:>8.3}s ({} docs, {} features)",
        t.elapsed().as_secs_f64(),
        docs.len(),
        tfidf.features.len()
    );
    let local: Vec<usize> = (0..docs.len()).collect();
    let t = Instant::now();
    let d = tellus_core::theme::discover::discover(&tfidf, &local);
    println!(
        "discover      {:>8.3}s ({} clusters)",
        t.elapsed().as_secs_f64(),
        d.clusters.len()
    );
}
