//! Safeguarding triage on the labelled statements it never learnt from
//! (`core/data/disclosures/unseen/`) and on answers in other languages: the figures in
//! `bench/README.md` must keep holding.

use tellus_core::safeguarding::learned::examples;
use tellus_core::safeguarding::{PhraseList, coverage};

#[test]
fn unseen_disclosures_are_held_and_everyday_answers_mostly_passed() {
    let checker = PhraseList::default().checker();
    let (mut disclosures, mut caught, mut everyday, mut flagged) = (0, 0, 0, 0);
    for text in [
        include_str!("../data/disclosures/unseen/en.tsv"),
        include_str!("../data/disclosures/unseen/cy.tsv"),
        include_str!("../data/disclosures/unseen/ar.tsv"),
    ] {
        for e in examples(text) {
            let held = !checker.check(&e.text).is_empty();
            if e.label {
                disclosures += 1;
                caught += held as usize;
            } else {
                everyday += 1;
                flagged += held as usize;
            }
        }
    }
    assert_eq!((disclosures, everyday), (180, 180));
    let recall = caught as f64 / disclosures as f64;
    let false_flags = flagged as f64 / everyday as f64;
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(false_flags <= 0.10, "false flags {false_flags:.3}");
}

#[test]
fn answers_in_other_languages_are_noticed_and_the_three_are_not() {
    let (mut other, mut noticed, mut covered, mut wrong) = (0, 0, 0, 0);
    for line in include_str!("../data/languages/answers.tsv")
        .lines()
        .skip(1)
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let found = coverage::unchecked_language(cols[3]).is_some();
        if cols[1] == "other" {
            other += 1;
            noticed += found as usize;
        } else {
            covered += 1;
            wrong += found as usize;
        }
    }
    assert!(noticed * 100 >= other * 90, "{noticed} of {other} noticed");
    assert!(
        wrong * 100 <= covered * 3,
        "{wrong} of {covered} wrongly held"
    );
}
