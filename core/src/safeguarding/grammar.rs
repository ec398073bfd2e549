//! The small words a language uses to deny, to suppose, to start a new thought and to
//! name people: what triage needs to know to read a phrase in its sentence.
//!
//! Each language fills in one [`Words`]; the checker reads every language the same way.

use std::collections::HashSet;

/// One form a token can be read as: its base, and whether that reading carries an
/// object ("يضربني", he hits *me*; the Welsh "fy nharo", hitting *me*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Form {
    pub base: String,
    pub object: bool,
}

/// A word of an answer as a language reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// The word as written (lower case, normalised spelling).
    pub word: String,
    /// Readings for small words (negators, pronouns, people): the word and light variants.
    pub light: Vec<String>,
    /// Readings for the phrase list's words: base forms, with what each carries.
    pub forms: Vec<Form>,
    pub clause: u16,
    pub sentence: u16,
}

/// A language's word lists, as written in its module.
pub(crate) struct Words {
    /// Words that deny what follows: not, never, nobody, ddim, neb, لا، ما.
    pub negators: &'static [&'static str],
    /// Negators that can also stand alone as an answer ("No, he hits me").
    pub interjections: &'static [&'static str],
    /// Who does something: I, he, they, someone.
    pub subjects: &'static [&'static str],
    /// Subjects that are never a person: it, this, that.
    pub things: &'static [&'static str],
    /// Who something is done to: me, us, him.
    pub objects: &'static [&'static str],
    /// Possessives that, just before a verb, are its object (Welsh "fy nharo": hitting me).
    pub object_markers: &'static [&'static str],
    /// Myself, himself...
    pub reflexives: &'static [&'static str],
    /// Possessives: my, his; after a bare "No" they start a new clause ("No my dad...").
    pub possessives: &'static [&'static str],
    /// Words opening a noun phrase: my, the, his.
    pub determiners: &'static [&'static str],
    /// Words that may come between a determiner and a person: little, older, step.
    pub adjectives: &'static [&'static str],
    /// People: mum, stepdad, the boys, a man online, staff.
    pub persons: &'static [&'static str],
    /// People whose touch is treatment: physio, therapist, nurse.
    pub therapists: &'static [&'static str],
    /// Parts of the body.
    pub bodies: &'static [&'static str],
    /// Things that cannot mean harm: the exercises, the wait, the ball, the council.
    pub non_persons: &'static [&'static str],
    /// Words skipped when looking back for who did something: always, keeps, has.
    pub skippable: &'static [&'static str],
    /// Words that start a new thought inside a sentence: but, because, when, that.
    pub breakers: &'static [&'static str],
    /// Verbs about knowing and saying, after which a denial no longer reaches: know, tell, like.
    pub reporting: &'static [&'static str],
    /// Except, apart from: an exception to a denial is a disclosure.
    pub exceptions: &'static [&'static str],
    /// But: "nobody hurts me at school but my stepdad does".
    pub contrasts: &'static [&'static str],
    /// Words standing in for a repeated verb: does, did.
    pub pro_verbs: &'static [&'static str],
    /// If, unless: what follows is supposed, not told.
    pub conditionals: &'static [&'static str],
    /// Again, still: a supposition about something that already happens.
    pub real_markers: &'static [&'static str],
    /// In, at, from: a noun after one is not who did it.
    pub prepositions: &'static [&'static str],
    /// Verbs that open a plainly affirmative clause ("Na, mae Dad...").
    pub affirmatives: &'static [&'static str],
    /// Words of treatment: physio, stretches, splint, exercises.
    pub therapy: &'static [&'static str],
    /// Words that in treatment are only treatment: hurt, push, hold, touch.
    pub sensitive: &'static [&'static str],
    /// Words of pain, which need a person doing it to mean harm: hurt, sore.
    pub pain: &'static [&'static str],
    /// Words of talk about harm rather than harm: training, policy, signs of.
    pub meta: &'static [&'static str],
    /// By, as in "hit by a car".
    pub by: &'static [&'static str],
    /// Verbs forming the passive with a past participle: be, get.
    pub passive: &'static [&'static str],
    /// Whether a new subject after a denial starts a new thought (English: "Not fair he
    /// hits me"); not in Welsh and Arabic, where the subject follows a negative verb.
    pub new_subject_ends_denial: bool,
    /// Words after which a Welsh possessive before a verb-noun is its object ("yn fy nharo").
    pub verb_particles: &'static [&'static str],
    /// Whether the doer often comes after the verb (Arabic: "ضربني أبي").
    pub subject_after_verb: bool,
    /// And, or: looking back past one, a thing found is the object of another verb.
    pub conjunctions: &'static [&'static str],
    /// Said, told, threatened: a condition after them is someone's threat, not a supposition.
    pub reported: &'static [&'static str],
    /// Like, as if: what follows is a comparison ("feels like an attack").
    pub similes: &'static [&'static str],
    /// Phrases saying the sentence is about a story ("in the film"), not the writer's life.
    pub frames: &'static [&'static str],
    /// Male and female people, and which possessive a subject uses for its own body
    /// ("he hurt his leg" is an accident; "he hurt her leg" is not).
    pub male: &'static [&'static str],
    pub female: &'static [&'static str],
    pub own: &'static [(&'static str, &'static str)],
    /// Everyday sayings that contain a phrase's words: "bored to death", "beat myself up".
    pub idioms: &'static [&'static str],
}

/// A language's word lists, ready for lookups.
pub(crate) struct Grammar {
    pub negators: HashSet<String>,
    pub interjections: HashSet<String>,
    pub subjects: HashSet<String>,
    pub things: HashSet<String>,
    pub objects: HashSet<String>,
    pub object_markers: HashSet<String>,
    pub reflexives: HashSet<String>,
    pub possessives: HashSet<String>,
    pub determiners: HashSet<String>,
    pub adjectives: HashSet<String>,
    pub persons: HashSet<String>,
    pub therapists: HashSet<String>,
    pub bodies: HashSet<String>,
    pub non_persons: HashSet<String>,
    pub skippable: HashSet<String>,
    pub breakers: HashSet<String>,
    pub reporting: HashSet<String>,
    pub exceptions: HashSet<String>,
    pub contrasts: HashSet<String>,
    pub pro_verbs: HashSet<String>,
    pub conditionals: HashSet<String>,
    pub real_markers: HashSet<String>,
    pub prepositions: HashSet<String>,
    pub affirmatives: HashSet<String>,
    pub therapy: HashSet<String>,
    pub sensitive: HashSet<String>,
    pub pain: HashSet<String>,
    pub meta: HashSet<String>,
    pub by: HashSet<String>,
    pub passive: Vec<&'static str>,
    pub subject_after_verb: bool,
    pub new_subject_ends_denial: bool,
    pub verb_particles: HashSet<String>,
    pub conjunctions: HashSet<String>,
    pub reported: HashSet<String>,
    pub similes: HashSet<String>,
    pub male: HashSet<String>,
    pub female: HashSet<String>,
    pub own: Vec<(String, String)>,
}

fn set(words: &[&str], normalise: fn(&str) -> String) -> HashSet<String> {
    words.iter().map(|w| normalise(w)).collect()
}

impl Grammar {
    /// Builds the lookups from a language's lists.
    pub fn new(w: &Words, n: fn(&str) -> String) -> Grammar {
        Grammar {
            negators: set(w.negators, n),
            interjections: set(w.interjections, n),
            subjects: set(w.subjects, n),
            things: set(w.things, n),
            objects: set(w.objects, n),
            object_markers: set(w.object_markers, n),
            reflexives: set(w.reflexives, n),
            possessives: set(w.possessives, n),
            determiners: set(w.determiners, n),
            adjectives: set(w.adjectives, n),
            persons: set(w.persons, n),
            therapists: set(w.therapists, n),
            bodies: set(w.bodies, n),
            non_persons: set(w.non_persons, n),
            skippable: set(w.skippable, n),
            breakers: set(w.breakers, n),
            reporting: set(w.reporting, n),
            exceptions: set(w.exceptions, n),
            contrasts: set(w.contrasts, n),
            pro_verbs: set(w.pro_verbs, n),
            conditionals: set(w.conditionals, n),
            real_markers: set(w.real_markers, n),
            prepositions: set(w.prepositions, n),
            affirmatives: set(w.affirmatives, n),
            therapy: set(w.therapy, n),
            sensitive: set(w.sensitive, n),
            pain: set(w.pain, n),
            meta: set(w.meta, n),
            by: set(w.by, n),
            passive: w.passive.to_vec(),
            subject_after_verb: w.subject_after_verb,
            new_subject_ends_denial: w.new_subject_ends_denial,
            verb_particles: set(w.verb_particles, n),
            conjunctions: set(w.conjunctions, n),
            reported: set(w.reported, n),
            similes: set(w.similes, n),
            male: set(w.male, n),
            female: set(w.female, n),
            own: w.own.iter().map(|(a, b)| (n(a), n(b))).collect(),
        }
    }
}

/// Whether a token reads as any word of a small-word list.
pub(crate) fn is(token: &Token, list: &HashSet<String>) -> bool {
    token.light.iter().any(|w| list.contains(w))
}

/// Whether a token reads as any word of a content list (people, body, therapy...).
pub(crate) fn is_content(token: &Token, list: &HashSet<String>) -> bool {
    is(token, list) || token.forms.iter().any(|f| list.contains(&f.base))
}
