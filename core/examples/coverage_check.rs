//! How well triage notices answers in languages it cannot check:
//! `cargo run --release -p tellus-core --example coverage_check -- core/data/languages/answers.tsv`
//! (id, expected `other` or `covered`, language, text).

fn main() {
    let (mut other, mut other_found, mut covered, mut covered_wrong) = (0, 0, 0, 0);
    for f in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&f).unwrap();
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [id, expected, language, answer] = cols[..] else {
                continue;
            };
            let found = tellus_core::safeguarding::coverage::unchecked_language(answer).is_some();
            if expected == "other" {
                other += 1;
                other_found += found as usize;
            } else {
                covered += 1;
                covered_wrong += found as usize;
            }
            if found != (expected == "other") {
                println!("{id}\t{expected}\t{language}\t{answer}");
            }
        }
    }
    println!(
        "other languages noticed: {other_found}/{other}; covered answers wrongly held: {covered_wrong}/{covered}"
    );
}
