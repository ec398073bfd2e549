//! Shows how triage reads answers: `cargo run -p tellus-core --example triage_explain -- "text"...`

fn main() {
    let checker = tellus_core::safeguarding::PhraseList::default().checker();
    for text in std::env::args().skip(1) {
        println!("{text}");
        for line in checker.explain(&text) {
            println!("  {line}");
        }
        for f in checker.check(&text) {
            println!("  => {:?} \"{}\" [{}]", f.concern, f.words, f.phrase);
        }
    }
}
