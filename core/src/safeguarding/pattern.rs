//! A phrase from the list, compiled, and where it occurs in an answer's tokens.
//!
//! The syntax a lead writes:
//! - words in order, each matching any form of itself ("hit" matches "hits", "hitting";
//!   in Welsh any mutation, in Arabic with its attached pronouns); up to two other words
//!   may come between them, never across a comma or full stop;
//! - `a|b|c`: any of these words; `word*`: any word starting so;
//! - `[someone]`: a person (me, us, my little brother, mum's boyfriend, the boys...);
//!   `[myself]`: myself, himself...; `[body]`: a part of someone's body ("my face");
//!   `[someone]` first: a person must be doing it ("[someone] hurt [someone]");
//! - `[not]`: the phrase counts only when denied ("[not] feel safe": "I don't feel safe");
//! - `& a|b|c`: one of these words must also be in the sentence.

use super::grammar::{Grammar, Token, is, is_content};

/// Words that may stand between two words of a phrase.
pub(crate) const MAX_GAP: usize = 2;

/// One accepted word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Alt {
    /// Any of these base forms.
    Forms(Vec<String>),
    /// Any form starting with this.
    Prefix(String),
}

/// What a slot stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Someone,
    Myself,
    Body,
}

/// One element of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Element {
    Word(Vec<Alt>),
    Slot(Slot),
}

/// A compiled phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern {
    /// A person who must be doing it, found before the first word.
    pub lead: bool,
    /// The words and slots, starting with a word.
    pub elements: Vec<Element>,
    /// Counts only when denied.
    pub negated: bool,
    /// One of these must be in the sentence.
    pub context: Vec<Alt>,
    /// Made from a phrase's active form ("[someone] was hit" from "hit [someone]").
    pub passive: bool,
}

/// Why a phrase cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PatternProblem {
    Empty,
    NoWord,
    UnknownSlot(String),
    ShortPrefix(String),
}

impl PatternProblem {
    /// What to do about it, in words.
    pub fn message(&self) -> String {
        match self {
            PatternProblem::Empty => "Write a word or phrase".into(),
            PatternProblem::NoWord => {
                "Include at least one word as well as [someone], [myself], [body] or [not]".into()
            }
            PatternProblem::UnknownSlot(s) => format!(
                "{s} is not something Tellus knows: use [someone], [myself], [body] or [not]"
            ),
            PatternProblem::ShortPrefix(s) => {
                format!("{s} would match too many words: write at least three letters before the *")
            }
        }
    }
}

fn alts(word: &str, forms: &dyn Fn(&str) -> Vec<String>) -> Result<Vec<Alt>, PatternProblem> {
    word.split('|')
        .filter(|w| !w.is_empty())
        .map(|w| match w.strip_suffix('*') {
            Some(p) if p.chars().count() < 3 => Err(PatternProblem::ShortPrefix(w.to_string())),
            Some(p) => Ok(Alt::Prefix(
                forms(p).into_iter().next().unwrap_or_else(|| p.to_string()),
            )),
            None => Ok(Alt::Forms(forms(w))),
        })
        .collect()
}

/// Compiles a phrase; `forms` gives a language's base forms of a word.
pub(crate) fn compile(
    phrase: &str,
    forms: &dyn Fn(&str) -> Vec<String>,
) -> Result<Pattern, PatternProblem> {
    let (main, context) = match phrase.split_once('&') {
        Some((m, c)) => (m, c.trim()),
        None => (phrase, ""),
    };
    let mut pattern = Pattern {
        lead: false,
        elements: Vec::new(),
        negated: false,
        context: if context.is_empty() {
            Vec::new()
        } else {
            alts(
                &context.split_whitespace().collect::<Vec<_>>().join("|"),
                forms,
            )?
        },
        passive: false,
    };
    for part in main.split_whitespace() {
        let lower = part.to_lowercase();
        if lower.starts_with('[') {
            let slot = match lower.as_str() {
                "[not]" => {
                    pattern.negated = true;
                    continue;
                }
                "[someone]" => Slot::Someone,
                "[myself]" => Slot::Myself,
                "[body]" => Slot::Body,
                _ => return Err(PatternProblem::UnknownSlot(part.to_string())),
            };
            if pattern.elements.is_empty() && slot == Slot::Someone && !pattern.lead {
                pattern.lead = true;
            } else {
                pattern.elements.push(Element::Slot(slot));
            }
            continue;
        }
        let a = alts(&lower, forms)?;
        if a.is_empty() {
            continue;
        }
        pattern.elements.push(Element::Word(a));
    }
    if pattern.elements.is_empty() && !pattern.lead && !pattern.negated {
        return Err(PatternProblem::Empty);
    }
    if !matches!(pattern.elements.first(), Some(Element::Word(_))) {
        return Err(PatternProblem::NoWord);
    }
    Ok(pattern)
}

impl Pattern {
    /// The passive of "verb [someone] ...": "[someone] was hit", "got locked in".
    pub fn passive_of(&self, auxiliaries: &[&str]) -> Option<Pattern> {
        if auxiliaries.is_empty() || self.lead || self.elements.len() < 2 {
            return None;
        }
        let Element::Slot(Slot::Someone) = self.elements[1] else {
            return None;
        };
        let mut elements = vec![
            Element::Word(vec![Alt::Forms(
                auxiliaries.iter().map(|a| a.to_string()).collect(),
            )]),
            self.elements[0].clone(),
        ];
        elements.extend(self.elements[2..].iter().cloned());
        Some(Pattern {
            lead: false,
            elements,
            negated: self.negated,
            context: self.context.clone(),
            passive: true,
        })
    }

    /// Every base form that can start a match (for indexing), and prefixes.
    pub fn first_alts(&self) -> &[Alt] {
        match &self.elements[0] {
            Element::Word(a) => a,
            Element::Slot(_) => &[],
        }
    }
}

/// Which reading of a token matched, if any.
pub(crate) fn word_match(alts: &[Alt], token: &Token) -> Option<bool> {
    for form in &token.forms {
        for alt in alts {
            let hit = match alt {
                Alt::Forms(bases) => bases.contains(&form.base),
                Alt::Prefix(p) => form.base.starts_with(p.as_str()),
            };
            if hit {
                return Some(form.object);
            }
        }
    }
    None
}

/// Where a phrase matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Match {
    /// First token of the match (the lead person, or the first word).
    pub start: usize,
    /// The first word of the phrase.
    pub head: usize,
    /// One past the last token.
    pub end: usize,
    /// A denial stood between the phrase's words ("I'm *not* safe").
    pub gap_denied: bool,
    /// The phrase had a person or body slot filled.
    pub has_slot: bool,
    /// The word owning a body part the phrase names ("*his* leg").
    pub body_owner: Option<usize>,
}

/// The end of a person mentioned at `i` ("me", "my little brother", "mum's boyfriend").
pub(crate) fn person_at(tokens: &[Token], i: usize, g: &Grammar) -> Option<usize> {
    let t = tokens.get(i)?;
    if is(t, &g.objects) && !is(t, &g.reflexives) {
        // "hit her target": "her" owns the next word, a thing or a body part.
        let owns_next = is(t, &g.determiners)
            && tokens.get(i + 1).is_some_and(|n| {
                n.clause == t.clause && (is_content(n, &g.non_persons) || is_content(n, &g.bodies))
            });
        if !owns_next {
            return Some(i + 1);
        }
    }
    noun_phrase(tokens, i, g, |t| is_content(t, &g.persons))
}

/// Whether a token is an ordinary word (a noun, say) rather than one of the small words.
pub(crate) fn is_word(t: &Token, g: &Grammar) -> bool {
    ![
        &g.skippable,
        &g.prepositions,
        &g.breakers,
        &g.negators,
        &g.subjects,
        &g.objects,
        &g.determiners,
        &g.conditionals,
        &g.contrasts,
        &g.reflexives,
    ]
    .iter()
    .any(|list| is(t, list))
}

/// The end of a noun phrase at `i` whose head satisfies `head`.
fn noun_phrase(
    tokens: &[Token],
    i: usize,
    g: &Grammar,
    head: impl Fn(&Token) -> bool,
) -> Option<usize> {
    let clause = tokens.get(i)?.clause;
    let mut j = i;
    let mut skipped = 0;
    while let Some(t) = tokens.get(j) {
        if t.clause != clause || skipped > 4 {
            return None;
        }
        if head(t) {
            // "mum's boyfriend", "my brother's friend": a person of a person.
            let mut end = j + 1;
            while tokens
                .get(end)
                .is_some_and(|n| n.clause == clause && head(n))
            {
                end += 1;
            }
            return Some(end);
        }
        if is(t, &g.determiners) || is(t, &g.adjectives) {
            j += 1;
            skipped += 1;
            continue;
        }
        return None;
    }
    None
}

/// The end of a body part at `i` ("my face", "her arm").
fn body_at(tokens: &[Token], i: usize, g: &Grammar) -> Option<usize> {
    let t = tokens.get(i)?;
    if !is(t, &g.determiners) {
        // Arabic and Welsh carry the owner on the word itself: "وجهي", "fy wyneb".
        return is_content(t, &g.bodies).then_some(i + 1);
    }
    noun_phrase(tokens, i, g, |t| is_content(t, &g.bodies))
}

fn slot_at(tokens: &[Token], i: usize, slot: Slot, g: &Grammar) -> Option<usize> {
    match slot {
        Slot::Someone => person_at(tokens, i, g),
        Slot::Myself => {
            let t = tokens.get(i)?;
            if is(t, &g.reflexives) {
                Some(i + 1)
            } else if is(t, &g.determiners)
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.clause == t.clause && is(n, &g.reflexives))
            {
                // "my self", "fy hun", "ei hun".
                Some(i + 2)
            } else {
                None
            }
        }
        Slot::Body => body_at(tokens, i, g),
    }
}

/// Matches a pattern's elements starting with its first word at `head`.
pub(crate) fn match_at(
    p: &Pattern,
    tokens: &[Token],
    head: usize,
    g: &Grammar,
    denies: &dyn Fn(&Token) -> bool,
) -> Option<Match> {
    let Element::Word(first) = &p.elements[0] else {
        return None;
    };
    let object = word_match(first, &tokens[head])?;
    // A possessive just before a Welsh verb-noun is its object: "fy nharo" (hitting me).
    let before_object = head > 1
        && tokens[head - 1].clause == tokens[head].clause
        && is(&tokens[head - 1], &g.object_markers)
        && tokens[head - 2].clause == tokens[head].clause
        && is(&tokens[head - 2], &g.verb_particles);
    let mut state = Walk {
        tokens,
        g,
        denies,
        gap_denied: false,
        has_slot: false,
        body_owner: None,
        adjacent_next: p.passive,
    };
    let end = state.rest(&p.elements[1..], head + 1, object || before_object)?;
    Some(Match {
        start: if before_object { head - 1 } else { head },
        head,
        end,
        gap_denied: state.gap_denied,
        has_slot: state.has_slot,
        body_owner: state.body_owner,
    })
}

struct Walk<'a> {
    tokens: &'a [Token],
    g: &'a Grammar,
    denies: &'a dyn Fn(&Token) -> bool,
    gap_denied: bool,
    has_slot: bool,
    body_owner: Option<usize>,
    /// The next word must follow with only small words between ("was *badly* hit").
    adjacent_next: bool,
}

impl Walk<'_> {
    /// Matches `elements` from `pos`; `carried` is an object the previous word carried.
    fn rest(&mut self, elements: &[Element], pos: usize, carried: bool) -> Option<usize> {
        let Some((element, more)) = elements.split_first() else {
            return Some(pos);
        };
        let clause = self.tokens[pos - 1].clause;
        if let Element::Slot(Slot::Someone) = element
            && carried
        {
            // The verb carried its object ("يضربني"), or a possessive came before it.
            self.has_slot = true;
            if let Some(end) = self.rest(more, pos, false) {
                return Some(end);
            }
        }
        let max_gap = match element {
            Element::Word(_) => MAX_GAP,
            Element::Slot(_) => 1,
        };
        let adjacent = std::mem::take(&mut self.adjacent_next);
        for gap in 0..=max_gap {
            let at = pos + gap;
            let t = self.tokens.get(at)?;
            if t.clause != clause {
                return None;
            }
            let gap_tokens = &self.tokens[pos..at];
            if (adjacent || matches!(element, Element::Slot(_)))
                && gap_tokens
                    .iter()
                    .any(|g| !is(g, &self.g.skippable) && !is(g, &self.g.prepositions))
            {
                return None;
            }
            let denied_here = gap_tokens.iter().any(|g| (self.denies)(g));
            let found = match element {
                Element::Word(alts) => word_match(alts, t).map(|object| (at + 1, object)),
                Element::Slot(slot) => slot_at(self.tokens, at, *slot, self.g).map(|e| (e, false)),
            };
            if let Some((next, object)) = found {
                let before = (self.gap_denied, self.has_slot, self.body_owner);
                self.gap_denied |= denied_here;
                if matches!(element, Element::Slot(_)) {
                    self.has_slot = true;
                }
                if matches!(element, Element::Slot(Slot::Body)) && is(t, &self.g.determiners) {
                    self.body_owner = Some(at);
                }
                if let Some(end) = self.rest(more, next, object) {
                    return Some(end);
                }
                (self.gap_denied, self.has_slot, self.body_owner) = before;
            }
        }
        None
    }
}
