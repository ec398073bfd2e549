//! Triage's rules, each shown on the shape of sentence it is about.

use super::*;

/// The phrase list alone: these tests are about how phrases are read.
fn rules() -> Checker {
    Checker::rules_only(&PhraseList::default().phrases)
}

fn held(text: &str) -> bool {
    !rules().check(text).is_empty()
}

fn concern(text: &str) -> Option<Concern> {
    rules().check(text).first().map(|f| f.concern)
}

#[test]
fn any_inflection_and_any_victim() {
    for text in [
        "my stepdad hits me",
        "he hitted my little brother",
        "she was hitting us again",
        "I got punched by the boys in my class",
        "mum's boyfriend kicked my sister",
        "dad beats mum when he is drunk",
        "I was beaten up on the way home",
    ] {
        assert_eq!(concern(text), Some(Concern::Harm), "{text}");
    }
}

#[test]
fn a_denial_reaches_only_its_own_clause() {
    assert!(!held("nobody hurts me"));
    assert!(!held("No one in my family has ever hit me"));
    assert!(!held("my dad would never hurt us"));
    assert!(!held("none of the boys bully me"));
    assert!(held("No, my dad hits me"));
    assert!(held("No my dad hits me"));
    assert!(held("Not fair, my brother gets hit"));
    assert!(held("Not fair he hits me"));
    assert!(held("I don't like it when he hits me"));
    assert!(held("Nobody believes me that he touches me"));
    assert!(held("I can't tell anyone because she hurts me"));
    assert!(held("I don't think he knows I cut myself"));
}

#[test]
fn an_exception_to_a_denial_is_a_disclosure() {
    assert!(held("nobody hurts me except my uncle"));
    assert!(held("No one hits me apart from my brother"));
    assert!(held("Nobody hurts me at school but my stepdad does"));
    assert!(!held("Nobody hurts me and my teachers are kind"));
}

#[test]
fn suppositions_are_not_disclosures_unless_they_already_happen() {
    assert!(!held("If someone hurt me I would tell my teacher"));
    assert!(!held("I know who to talk to if I am bullied"));
    assert!(held("If I tell anyone he will hurt me"));
    assert!(held("if he hits me again I will run"));
}

#[test]
fn things_treatment_and_sayings_are_not_harm() {
    for text in [
        "the stretches really hurt my legs but they help",
        "it hurts when she moves my arm",
        "my physio hurts me a bit when she stretches my hamstrings",
        "the waiting list is killing me",
        "I was bored to death in the session",
        "the service never hits its targets",
        "the cuts hit families hardest",
        "he got hit by a ball in PE",
        "we need safeguarding training on spotting neglect",
        "I beat my brother at chess",
        "he kicks off when the routine changes",
        "my mum will kill me if I'm late",
    ] {
        assert!(!held(text), "{text}");
    }
}

#[test]
fn denial_inside_a_phrase_and_phrases_that_need_one() {
    assert_eq!(concern("I don't feel safe at home"), Some(Concern::Unsafe));
    assert_eq!(concern("I'm not safe there"), Some(Concern::Unsafe));
    assert!(!held("I feel safe at home and at school"));
    assert_eq!(
        concern("there is no food in the house"),
        Some(Concern::Neglect)
    );
    assert_eq!(concern("mum doesn't feed us"), Some(Concern::Neglect));
    assert!(!held("I don't like the food at school"));
    assert!(!held("she says I'm not stupid"));
}

#[test]
fn text_speak_and_indirect_suicidal_thoughts() {
    assert_eq!(concern("i wanna kms"), Some(Concern::Suicidal));
    assert_eq!(
        concern("everyone would be better off without me"),
        Some(Concern::Suicidal)
    );
    assert_eq!(
        concern("I want to go to sleep and never wake up"),
        Some(Concern::Suicidal)
    );
    assert!(!held("I want to die of embarrassment when I stammer"));
}

#[test]
fn welsh_is_read_through_its_mutations() {
    assert_eq!(concern("Mae Dad yn fy nharo i"), Some(Concern::Harm));
    assert_eq!(concern("mae e'n taro fi"), Some(Concern::Harm));
    assert_eq!(concern("dw i'n cael fy mwlio"), Some(Concern::Bullying));
    assert_eq!(
        concern("roedd hi'n arfer fy nghloi i mewn"),
        Some(Concern::Restraint)
    );
    assert!(!held("Does neb yn fy mrifo"));
    assert!(held("Na, mae Dad yn fy nharo"));
    assert!(!held(
        "mae'r ymarferion yn brifo fy nghoesau ond maen nhw'n helpu"
    ));
    assert!(!held("Mae'r rhestr aros yn fy lladd i"));
    assert_eq!(
        concern("dw i ddim yn teimlo'n ddiogel adref"),
        Some(Concern::Unsafe)
    );
}

#[test]
fn arabic_is_read_with_its_attached_words() {
    assert_eq!(concern("أبي يضربني كل يوم"), Some(Concern::Harm));
    assert_eq!(concern("زوج امي بيضربنا"), Some(Concern::Harm));
    assert_eq!(concern("انضربت من عمي"), Some(Concern::Harm));
    assert!(!held("لا أحد يضربني"));
    assert!(!held("ما حدا بيأذيني"));
    assert!(held("لا، أبي يضربني"));
    assert!(!held("الانتظار قاتلني"));
    assert!(!held("رجلي بتوجعني بعد العلاج الطبيعي"));
    assert_eq!(concern("بدي موت"), Some(Concern::Suicidal));
}

#[test]
fn an_edited_list_is_used_and_checked() {
    let list = PhraseList {
        phrases: vec![
            Phrase {
                phrase: "scared of the cellar".into(),
                concern: Concern::Unsafe,
                language: Language::English,
            },
            Phrase {
                phrase: "ofn".into(),
                concern: Concern::Unsafe,
                language: Language::Welsh,
            },
            Phrase {
                phrase: "خايف".into(),
                concern: Concern::Unsafe,
                language: Language::Arabic,
            },
        ],
    };
    let list = list.validated().unwrap();
    let rules = Checker::rules_only(&list.phrases);
    assert_eq!(rules.check("I'm scared of the cellar").len(), 1);
    assert!(rules.check("he hits me").is_empty());
    // A phrase a lead added holds whatever the learnt model thinks.
    assert!(!list.check("I'm scared of the cellar").is_empty());
}

#[test]
fn bad_phrases_are_refused_one_by_one() {
    let phrase = |p: &str| Phrase {
        phrase: p.into(),
        concern: Concern::Harm,
        language: Language::English,
    };
    let mut list = PhraseList::default();
    list.phrases.push(phrase("  locked   in "));
    list.phrases.push(phrase("Locked in"));
    list.phrases.push(phrase("the"));
    list.phrases.push(phrase("a*"));
    list.phrases.push(phrase("my"));
    list.phrases.push(phrase("[somebody] hits"));
    list.phrases.push(phrase(&"x".repeat(600)));
    let n = PhraseList::default().phrases.len();
    let problems = list.validated().unwrap_err();
    let at: Vec<usize> = problems.iter().map(|p| p.index).collect();
    assert_eq!(
        at,
        [n + 1, n + 2, n + 3, n + 4, n + 5, n + 6],
        "{problems:#?}"
    );
    assert!(problems[0].message.contains("already in the list"));
    assert!(problems[1].message.contains("small words"));
    assert!(problems[2].message.contains("three letters"));
    assert!(problems[3].message.contains("small words"));
    assert!(problems[4].message.contains("[somebody]"));
    assert!(problems[5].message.contains("too long"));
    // A phrase that is not small words but would still hold most ordinary answers.
    let common = PhraseList {
        phrases: vec![phrase(
            "therapy|therapist|school|waiting|sessions|session|help|helps|helped|like",
        )],
    }
    .completed();
    let problems = common.validated().unwrap_err();
    assert!(
        problems[0].message.contains("everyday answers"),
        "{problems:#?}"
    );

    let english_only = PhraseList {
        phrases: vec![phrase("hits me")],
    };
    let problems = english_only.validated().unwrap_err();
    assert!(problems.iter().any(|p| p.message.contains("Welsh")));
    assert!(problems.iter().any(|p| p.message.contains("Arabic")));
}

#[test]
fn lists_saved_before_languages_get_the_new_languages() {
    let old: PhraseList =
        serde_json::from_str(r#"{"phrases":[{"phrase":"hits me","concern":"harm"}]}"#).unwrap();
    assert_eq!(old.phrases[0].language, Language::English);
    let completed = old.completed();
    assert!(
        completed
            .phrases
            .iter()
            .any(|p| p.language == Language::Welsh)
    );
    assert!(
        !Checker::rules_only(&completed.phrases)
            .check("mae e'n fy nharo")
            .is_empty()
    );
}

#[test]
fn the_learnt_model_holds_wordings_no_phrase_foresaw_and_passes_everyday_ones() {
    let list = PhraseList::default();
    for text in [
        "he comes in my room at night and does stuff i dont like",
        "mae o'n dod i fy stafell yn y nos ac yn gwneud pethau dw i ddim yn eu hoffi",
        "بيجي على غرفتي بالليل وبيعمل اشيا ما بحبها",
    ] {
        let findings = list.check(text);
        assert!(!findings.is_empty(), "{text}");
    }
    for text in [
        "The physio was lovely and the exercises are helping him walk further",
        "Mae'r therapydd lleferydd yn wych ac mae o'n siarad mwy rwan",
        "الاخصائية لطيفة جدا وابني صار يحكي اكتر",
    ] {
        assert!(list.check(text).is_empty(), "{text}");
    }
}
