//! Reading a matched phrase in its sentence: is it denied, only supposed, done by a thing
//! rather than a person, treatment rather than harm, or talk about harm rather than harm?
//!
//! Each rule is about the shape of the sentence, never about particular answers, and each
//! errs towards holding the answer: when in doubt the lead decides.

use super::grammar::{Grammar, Token, is, is_content};
use super::pattern::{Match, Pattern, is_word, person_at};

/// Who a clause says did something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Agent {
    /// Nobody named before it in the clause.
    None,
    /// A pronoun standing for a person: he, they, someone.
    Pronoun,
    /// A person named: dad, the boys, a man online.
    Person,
    /// Someone whose touch is treatment: the physio.
    Therapist,
    /// A thing named: the exercises, the wait, the council.
    Thing,
    /// A word standing for a thing or a situation: it, this, that.
    It,
    /// A word Tellus does not know.
    Unknown,
}

impl Agent {
    fn is_person(self) -> bool {
        matches!(self, Agent::Pronoun | Agent::Person | Agent::Therapist)
    }
}

/// Whether a token denies: a negator that is not a bare "No," answering something else.
pub(crate) fn denies(tokens: &[Token], i: usize, g: &Grammar) -> bool {
    let t = &tokens[i];
    if !is(t, &g.negators) {
        return false;
    }
    // "No he hits me", "لا ابي يضربني", "Na mae Dad...": an interjection, then a new clause.
    if is(t, &g.interjections)
        && let Some(next) = tokens.get(i + 1).filter(|n| n.clause == t.clause)
        && !is(next, &g.negators)
        && ((is(next, &g.subjects) && !is_content(next, &g.persons))
            || is(next, &g.possessives)
            || is(next, &g.affirmatives))
    {
        return false;
    }
    true
}

/// Classifies the token at `j` as an agent.
fn agent_at(tokens: &[Token], j: usize, g: &Grammar) -> Agent {
    let t = &tokens[j];
    // "the boys *in my class*", "staff *at school*": who it is comes before the place.
    if after_preposition(tokens, j, g) {
        let mut k = j;
        while k > 0 && !is(&tokens[k - 1], &g.prepositions) {
            k -= 1;
        }
        if k >= 2 && tokens[k - 2].clause == t.clause {
            let before = agent_at(tokens, k - 2, g);
            if before != Agent::Unknown {
                return before;
            }
        }
    }
    // The word as written first: Arabic "رجلي" is "my leg" before it is "man".
    if g.bodies.contains(&t.word) || g.non_persons.contains(&t.word) {
        return Agent::Thing;
    }
    if is(t, &g.things) {
        return Agent::It;
    }
    if is_content(t, &g.therapists) {
        return Agent::Therapist;
    }
    if is(t, &g.subjects) || is_content(t, &g.persons) {
        return Agent::Pronoun;
    }
    if is_content(t, &g.non_persons) || is_content(t, &g.bodies) {
        return Agent::Thing;
    }
    if t.word.len() > 5 && t.word.ends_with("ing") {
        // "Walking hurts me", "stretching hurts".
        return Agent::Thing;
    }
    Agent::Unknown
}

/// Who did what the phrase at `head` says, looking back through the clause.
pub(crate) fn agent_before(
    tokens: &[Token],
    head: usize,
    end: usize,
    g: &Grammar,
) -> (Agent, usize) {
    let clause = tokens[head].clause;
    let mut j = head;
    let mut crossed = false;
    while j > 0 {
        j -= 1;
        let t = &tokens[j];
        if t.clause != clause {
            break;
        }
        if is(t, &g.conjunctions) {
            crossed = true;
            continue;
        }
        let subject = is(t, &g.subjects) || is_content(t, &g.persons);
        // "I'm" reads as "be" too, but is who it is about; "who" stays skipped.
        let written_subject = g.subjects.contains(&t.word) && !g.skippable.contains(&t.word);
        if !written_subject
            && (is(t, &g.skippable)
                || (is(t, &g.negators) && !subject)
                || is(t, &g.object_markers)
                || (is(t, &g.objects) && !subject))
        {
            continue;
        }
        let mut agent = agent_at(tokens, j, g);
        if agent == Agent::Unknown {
            // "therapi galwedigaethol": in Welsh the describing word comes after the noun.
            for k in (j.saturating_sub(2)..j).rev() {
                if tokens[k].clause == clause && !is(&tokens[k], &g.conjunctions) {
                    let a = agent_at(tokens, k, g);
                    if a != Agent::Unknown {
                        agent = a;
                        break;
                    }
                }
            }
        }
        let agent = match agent {
            // "My husband controls the money and pushed me": "money" is not who pushed.
            Agent::Thing | Agent::It if crossed => Agent::Unknown,
            a => a,
        };
        if agent != Agent::Unknown || !g.subject_after_verb {
            return (agent, j);
        }
        break;
    }
    if g.subject_after_verb {
        // Arabic often names the doer after the verb and its object: "ضربني أبي".
        let mut k = end;
        while let Some(t) = tokens.get(k).filter(|t| t.clause == clause) {
            if !(is(t, &g.skippable) || is(t, &g.objects) || is(t, &g.prepositions)) {
                let a = agent_at(tokens, k, g);
                if a != Agent::Unknown {
                    return (a, k);
                }
                break;
            }
            k += 1;
        }
    }
    (Agent::None, head)
}

/// The doer named after a passive ("hit by a ball", "hurt by my dad"), if any.
fn agent_by(tokens: &[Token], end: usize, g: &Grammar) -> Option<Agent> {
    let clause = tokens.get(end.checked_sub(1)?)?.clause;
    for k in end..(end + 3).min(tokens.len()) {
        let t = &tokens[k];
        if t.clause != clause {
            return None;
        }
        if is(t, &g.by) {
            let mut n = k + 1;
            while tokens
                .get(n)
                .is_some_and(|x| x.clause == clause && is(x, &g.determiners))
            {
                n += 1;
            }
            return Some(match tokens.get(n).filter(|x| x.clause == clause) {
                None => Agent::None,
                Some(_) if person_at(tokens, k + 1, g).is_some() => Agent::Person,
                Some(_) => match agent_at(tokens, n, g) {
                    Agent::Unknown => Agent::Thing,
                    a => a,
                },
            });
        }
    }
    None
}

/// Whether a denial earlier in the clause governs the phrase starting at `from`:
/// nothing that starts a new thought stands between them ("I don't like it *when* he
/// hits me"), and no new subject ("Not fair *he* hits me"), unless the denial is about
/// that subject ("*no* kids", "*none of the* boys").
fn governed(tokens: &[Token], from: usize, g: &Grammar) -> bool {
    let clause = tokens[from].clause;
    // The subject nearest the denial seen so far, and whether it is a pronoun.
    let mut subject: Option<(usize, bool)> = None;
    let mut i = from;
    while i > 0 && from - i < 8 {
        i -= 1;
        let t = &tokens[i];
        if t.clause != clause {
            return false;
        }
        if is(t, &g.negators) {
            if !denies(tokens, i, g) {
                return false;
            }
            return match subject {
                None => true,
                Some((_, true)) => false,
                Some((s, false)) => tokens[i + 1..s]
                    .iter()
                    .all(|x| is(x, &g.determiners) || is(x, &g.adjectives)),
            };
        }
        if is(t, &g.breakers) || is(t, &g.reporting) || is(t, &g.conditionals) {
            return false;
        }
        if !g.new_subject_ends_denial {
            continue;
        }
        if is_content(t, &g.persons) {
            // A noun, which a denial can quantify ("no kids", "not anyone").
            if !after_preposition(tokens, i, g) {
                subject = Some((i, false));
            }
        } else if is(t, &g.subjects) {
            subject = Some((i, true));
        }
    }
    false
}

/// Whether the noun at `i` follows a preposition ("in *my* class"), so is not a subject.
fn after_preposition(tokens: &[Token], i: usize, g: &Grammar) -> bool {
    let mut k = i;
    while k > 0 && is(&tokens[k - 1], &g.determiners) {
        k -= 1;
    }
    k > 0 && is(&tokens[k - 1], &g.prepositions)
}

/// Whether an exception overturns a denial: "nobody hurts me except my uncle",
/// "nobody hurts me at school but my stepdad does".
fn excepted(tokens: &[Token], m: &Match, g: &Grammar) -> bool {
    let sentence = tokens[m.head].sentence;
    let same = |t: &&Token| t.sentence == sentence;
    if tokens[..m.start]
        .iter()
        .rev()
        .take_while(same)
        .any(|t| is(t, &g.exceptions))
    {
        return true;
    }
    let after: Vec<usize> = (m.end..tokens.len())
        .take_while(|&k| tokens[k].sentence == sentence)
        .collect();
    for (n, &k) in after.iter().enumerate() {
        let t = &tokens[k];
        if is(t, &g.exceptions) {
            return true;
        }
        if is(t, &g.contrasts) {
            // A person, then a verb standing for the denied one (or nothing more).
            for &p in after.iter().skip(n + 1).take(6) {
                if let Some(e) = person_at(tokens, p, g).filter(|_| !is(&tokens[p], &g.negators)) {
                    let rest: Vec<&Token> = tokens[e..]
                        .iter()
                        .take_while(|x| x.sentence == sentence)
                        .collect();
                    if rest.is_empty() || rest.iter().take(3).any(|x| is(x, &g.pro_verbs)) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// Whether the phrase sits inside an "if" clause, supposed rather than told:
/// "If someone hurt me I would tell" (supposed); "If I tell he will hurt me" (told).
fn supposed(tokens: &[Token], m: &Match, g: &Grammar) -> bool {
    let clause = tokens[m.head].clause;
    let Some(c) = (0..m.start)
        .rev()
        .take_while(|&k| tokens[k].clause == clause)
        .find(|&k| is(&tokens[k], &g.conditionals))
    else {
        return false;
    };
    // "He said if I tell...": a threat someone made, reported, not a supposition.
    let sentence = tokens[m.head].sentence;
    if (0..c)
        .rev()
        .take_while(|&k| tokens[k].sentence == sentence)
        .any(|k| is(&tokens[k], &g.reported))
    {
        return false;
    }
    // A second subject after "if" starts the main clause: the phrase is after it.
    let subjects = (c + 1..m.start)
        .filter(|&k| {
            is(&tokens[k], &g.subjects)
                || (is_content(&tokens[k], &g.persons) && !after_preposition(tokens, k, g))
        })
        .count();
    if subjects >= 2 {
        return false;
    }
    // "If he hits me again": a supposition about what already happens.
    let real = tokens[c..]
        .iter()
        .take_while(|t| t.clause == clause)
        .any(|t| is(t, &g.real_markers));
    !real
}

/// Why a match is not a disclosure, if it is not.
pub(crate) fn veto(
    tokens: &[Token],
    p: &Pattern,
    m: &Match,
    g: &Grammar,
    harm: bool,
) -> Option<&'static str> {
    let sentence = tokens[m.head].sentence;
    let in_sentence = || tokens.iter().filter(move |t| t.sentence == sentence);
    if !p.context.is_empty()
        && !in_sentence().any(|t| super::pattern::word_match(&p.context, t).is_some())
    {
        return Some("no context word in the sentence");
    }

    let denied = m.gap_denied || governed(tokens, m.start, g);
    if p.negated {
        if !denied {
            return Some("the phrase needs a denial");
        }
    } else if m.gap_denied || (denied && !excepted(tokens, m, g)) {
        return Some("denied");
    }
    if supposed(tokens, m, g) {
        return Some("supposed (if...)");
    }

    // "feels like an attack", "like being thrown to the wolves": a comparison.
    let mut k = m.start;
    while k > 0
        && tokens[k - 1].clause == tokens[m.start].clause
        && is(&tokens[k - 1], &g.determiners)
    {
        k -= 1;
    }
    if k > 0 && tokens[k - 1].clause == tokens[m.start].clause && is(&tokens[k - 1], &g.similes) {
        return Some("a comparison (like...)");
    }

    let span = &tokens[m.start..m.end];
    let painful = span.iter().any(|t| is_content(t, &g.pain));
    let sensitive = span.iter().any(|t| is_content(t, &g.sensitive));
    let (agent, agent_at) = if p.passive {
        (agent_by(tokens, m.end, g).unwrap_or(Agent::None), None)
    } else if !is_word(&tokens[m.head], g) {
        // A phrase starting with a small word ("if I tell..."): no doer to judge.
        (Agent::Unknown, None)
    } else if p.lead {
        (Agent::Pronoun, None)
    } else {
        let (a, at) = agent_before(tokens, m.head, m.end, g);
        (a, Some(at))
    };
    // "neglected by the system", "hit by a ball": a thing did it.
    if !p.passive && agent_by(tokens, m.end, g) == Some(Agent::Thing) {
        return Some("done by a thing (by...)");
    }
    if p.passive {
        // "the targets were hit": the one it happened to is a thing.
        let (subject, _) = agent_before(tokens, m.head, m.end, g);
        if matches!(subject, Agent::Thing | Agent::It) || agent == Agent::Thing {
            return Some("happened to a thing (passive)");
        }
    } else if (m.has_slot || painful) && matches!(agent, Agent::Thing | Agent::It) {
        // "The wait is killing me", "the exercises hurt me", "it hit me".
        return Some("done by a thing");
    } else if agent == Agent::Thing {
        // "The council abuses the word 'support'".
        return Some("done by a thing (noun)");
    }
    if painful && !p.passive && !agent.is_person() {
        // "Hurts me when I walk": pain, unless someone does it.
        return Some("pain with nobody doing it");
    }
    if let (true, Some(owner), Some(at)) = (harm, m.body_owner, agent_at)
        && own_body(&tokens[at], &tokens[owner], g)
    {
        // "He broke his leg", "I burnt my hand": an accident to their own body.
        return Some("their own body");
    }
    if sensitive
        && matches!(
            agent,
            Agent::None | Agent::Thing | Agent::It | Agent::Therapist | Agent::Unknown
        )
        && in_sentence().any(|t| is_content(t, &g.therapy))
    {
        // "The physio pushes my legs", "it hurts when she stretches them".
        return Some("treatment");
    }
    if !m.has_slot && !p.lead && !p.negated {
        let clause = tokens[m.head].clause;
        if tokens
            .iter()
            .filter(|t| t.clause == clause)
            .any(|t| is_content(t, &g.meta))
        {
            // "Training on spotting neglect", "the anti-bullying policy".
            return Some("talk about harm");
        }
    }
    None
}

/// Whether a body part belongs to whoever did it: "he hurt *his* leg", "my son broke *his*
/// arm", but not "he hurt *her* arm" or "dad broke *my* wrist".
fn own_body(agent: &Token, owner: &Token, g: &Grammar) -> bool {
    if g.own.is_empty() {
        return false;
    }
    let owner = owner.word.as_str();
    if g.own.iter().any(|(s, o)| *s == agent.word && o == owner) {
        return true;
    }
    if g.own.iter().any(|(s, _)| *s == agent.word) {
        return false;
    }
    // A person named: their own unless the owner is plainly someone else.
    let first_or_second = g
        .own
        .iter()
        .take_while(|(s, _)| s != "he")
        .any(|(_, o)| o == owner);
    if first_or_second {
        return false;
    }
    let male = is(agent, &g.male);
    let female = is(agent, &g.female);
    let owner_male = g.male.contains(owner);
    let owner_female = g.female.contains(owner);
    !((male && owner_female) || (female && owner_male))
}
