//! Codebook themes: the facilitator's own themes with match rules.
//!
//! A rule is one or more words. Each word matches any form with the same stem
//! ("waiting" matches "waited"), or a typo one edit away for words of six letters or
//! more; a word ending in `*` matches any word starting with it. The words of a rule must
//! appear in order with at most three other words between them ("miss lessons" matches
//! "missing some lessons"); a rule in double quotes must appear exactly, word for word.
//! A theme is given when any rule matches and no exclusion rule does.

use crate::text::{Corpus, SpellIndex, Stems, words};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Rule words this long or longer also match typos one edit away.
const FUZZY_MIN_LEN: usize = 6;

/// Words allowed between the words of an unquoted rule.
const MAX_GAP: usize = 3;

/// A facilitator's set of themes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Codebook {
    pub themes: Vec<CodebookTheme>,
}

/// One theme with the rules that find it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodebookTheme {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    /// Any of these rules gives the theme.
    pub rules: Vec<String>,
    /// None of these may match.
    #[serde(default)]
    pub exclude: Vec<String>,
}

const STARTER: &str = include_str!("starter_codebook.json");

impl Codebook {
    /// The starter codebook for children's therapies reviews, drawn from real reviews.
    pub fn starter() -> Self {
        serde_json::from_str(STARTER).expect("the bundled starter codebook is valid JSON")
    }

    /// Reports empty labels, duplicate ids and rules with no words, each with its path.
    pub fn validate(&self) -> Result<(), Vec<crate::survey::DefinitionProblem>> {
        use crate::survey::DefinitionProblem;
        let mut problems = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for (i, theme) in self.themes.iter().enumerate() {
            let at = |f: &str| format!("themes[{i}].{f}");
            if theme.id.trim().is_empty() || !ids.insert(theme.id.as_str()) {
                problems.push(DefinitionProblem {
                    path: at("id"),
                    message: "each theme needs its own id".into(),
                });
            }
            if theme.label.trim().is_empty() {
                problems.push(DefinitionProblem {
                    path: at("label"),
                    message: "a label is needed".into(),
                });
            }
            if theme.rules.is_empty() {
                problems.push(DefinitionProblem {
                    path: at("rules"),
                    message: "at least one rule is needed".into(),
                });
            }
            for (j, rule) in theme.rules.iter().chain(&theme.exclude).enumerate() {
                if parse_rule(rule).words.is_empty() {
                    let field = if j < theme.rules.len() {
                        format!("rules[{j}]")
                    } else {
                        format!("exclude[{}]", j - theme.rules.len())
                    };
                    problems.push(DefinitionProblem {
                        path: at(&field),
                        message: "the rule has no words".into(),
                    });
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// One word of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum RuleWord {
    /// Matches words with this stem, or typos of `surface`.
    Stem { stem: String, surface: String },
    /// Matches words starting with this.
    Prefix(String),
}

struct ParsedRule {
    words: Vec<RuleWord>,
    exact: bool,
}

fn parse_rule(rule: &str) -> ParsedRule {
    let trimmed = rule.trim();
    let exact = trimmed.len() >= 2 && trimmed.starts_with('"') && trimmed.ends_with('"');
    let stems = Stems::default();
    // Split on white space first so a trailing '*' survives word segmentation.
    let words = trimmed
        .trim_matches('"')
        .split_whitespace()
        .flat_map(|chunk| {
            let wildcard = chunk.ends_with('*');
            let parts = words(chunk);
            let last = parts.len().saturating_sub(1);
            parts
                .into_iter()
                .enumerate()
                .map(|(i, w)| {
                    if wildcard && i == last {
                        RuleWord::Prefix(w)
                    } else {
                        RuleWord::Stem {
                            stem: stems.stem(&w),
                            surface: w,
                        }
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect();
    ParsedRule { words, exact }
}

/// A rule compiled to word ids.
struct CompiledRule {
    words: Vec<u32>,
    exact: bool,
}

/// Which rule, of which theme, and whether it excludes.
#[derive(Clone, Copy)]
struct RuleRef {
    theme: usize,
    exclude: bool,
    rule: usize,
}

/// A codebook ready to match a corpus.
pub struct Matcher {
    themes: Vec<(Vec<CompiledRule>, Vec<CompiledRule>)>,
    rule_words: Vec<RuleWord>,
    /// For each rule word, the rules that start with it: only these are tried where it occurs.
    starting_with: Vec<Vec<RuleRef>>,
}

impl Matcher {
    /// Compiles every rule of the codebook.
    pub fn new(codebook: &Codebook) -> Self {
        let mut ids: HashMap<RuleWord, u32> = HashMap::new();
        let mut rule_words = Vec::new();
        let mut compile = |rule: &String| {
            let parsed = parse_rule(rule);
            let words = parsed
                .words
                .into_iter()
                .map(|w| {
                    *ids.entry(w.clone()).or_insert_with(|| {
                        rule_words.push(w);
                        (rule_words.len() - 1) as u32
                    })
                })
                .collect();
            CompiledRule {
                words,
                exact: parsed.exact,
            }
        };
        let themes: Vec<(Vec<CompiledRule>, Vec<CompiledRule>)> = codebook
            .themes
            .iter()
            .map(|t| {
                (
                    t.rules.iter().map(&mut compile).collect(),
                    t.exclude.iter().map(&mut compile).collect(),
                )
            })
            .collect();
        let mut starting_with = vec![Vec::new(); rule_words.len()];
        for (theme, (rules, exclude)) in themes.iter().enumerate() {
            let included = rules.iter().enumerate().map(|(r, rule)| {
                (
                    rule,
                    RuleRef {
                        theme,
                        exclude: false,
                        rule: r,
                    },
                )
            });
            let excluded = exclude.iter().enumerate().map(|(r, rule)| {
                (
                    rule,
                    RuleRef {
                        theme,
                        exclude: true,
                        rule: r,
                    },
                )
            });
            for (rule, reference) in included.chain(excluded) {
                if let Some(&first) = rule.words.first() {
                    starting_with[first as usize].push(reference);
                }
            }
        }
        Matcher {
            themes,
            rule_words,
            starting_with,
        }
    }

    /// For each distinct corpus word, the rule words it matches.
    fn word_matches(&self, corpus: &Corpus) -> Vec<Vec<u32>> {
        let mut by_stem: HashMap<&str, Vec<u32>> = HashMap::new();
        let mut prefixes = Vec::new();
        let mut surfaces = Vec::new();
        for (id, w) in self.rule_words.iter().enumerate() {
            match w {
                RuleWord::Stem { stem, surface } => {
                    by_stem.entry(stem.as_str()).or_default().push(id as u32);
                    surfaces.push((surface.as_str(), id as u32));
                }
                RuleWord::Prefix(p) => prefixes.push((p.as_str(), id as u32)),
            }
        }
        let spell = SpellIndex::new(surfaces.iter().map(|(s, _)| *s));
        let surface_ids: HashMap<&str, Vec<u32>> =
            surfaces.iter().fold(HashMap::new(), |mut m, (s, id)| {
                m.entry(*s).or_default().push(*id);
                m
            });
        corpus
            .words
            .iter()
            .map(|info| {
                let mut found: Vec<u32> =
                    by_stem.get(info.stem.as_str()).cloned().unwrap_or_default();
                found.extend(
                    prefixes
                        .iter()
                        .filter(|(p, _)| info.surface.starts_with(p))
                        .map(|(_, id)| *id),
                );
                if found.is_empty()
                    && let Some(fixed) = spell.correct(&info.surface, FUZZY_MIN_LEN)
                {
                    found.extend(surface_ids[fixed].iter().copied());
                }
                found.sort_unstable();
                found.dedup();
                found
            })
            .collect()
    }

    /// The themes (indexes into the codebook) each document matches.
    pub fn match_corpus(&self, corpus: &Corpus) -> Vec<Vec<usize>> {
        let matches = self.word_matches(corpus);
        let mut included = vec![false; self.themes.len()];
        let mut excluded = vec![false; self.themes.len()];
        corpus
            .docs
            .iter()
            .map(|doc| {
                let positions: Vec<&[u32]> = doc
                    .iter()
                    .map(|&w| matches[w as usize].as_slice())
                    .collect();
                if positions.iter().all(|p| p.is_empty()) {
                    return Vec::new();
                }
                included.iter_mut().for_each(|x| *x = false);
                excluded.iter_mut().for_each(|x| *x = false);
                for (start, here) in positions.iter().enumerate() {
                    for &word in *here {
                        for r in &self.starting_with[word as usize] {
                            let done = if r.exclude {
                                excluded[r.theme]
                            } else {
                                included[r.theme]
                            };
                            if done {
                                continue;
                            }
                            let (rules, exclude) = &self.themes[r.theme];
                            let rule = if r.exclude {
                                &exclude[r.rule]
                            } else {
                                &rules[r.rule]
                            };
                            if rule_matches_at(rule, &positions, start) {
                                if r.exclude {
                                    excluded[r.theme] = true;
                                } else {
                                    included[r.theme] = true;
                                }
                            }
                        }
                    }
                }
                (0..self.themes.len())
                    .filter(|&t| included[t] && !excluded[t])
                    .collect()
            })
            .collect()
    }
}

/// Whether the rule, whose first word is at `start`, continues in order within the allowed gaps.
fn rule_matches_at(rule: &CompiledRule, positions: &[&[u32]], start: usize) -> bool {
    let gap = if rule.exact { 0 } else { MAX_GAP };
    let mut at = start;
    rule.words[1..].iter().all(|&word| {
        let window = (at + 1)..positions.len().min(at + 2 + gap);
        match window.clone().find(|&j| positions[j].contains(&word)) {
            Some(j) => {
                at = j;
                true
            }
            None => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codebook(rules: &[(&str, &[&str], &[&str])]) -> Codebook {
        Codebook {
            themes: rules
                .iter()
                .map(|(id, r, x)| CodebookTheme {
                    id: id.to_string(),
                    label: id.to_string(),
                    description: String::new(),
                    rules: r.iter().map(|s| s.to_string()).collect(),
                    exclude: x.iter().map(|s| s.to_string()).collect(),
                })
                .collect(),
        }
    }

    fn themes_of(book: &Codebook, texts: &[&str]) -> Vec<Vec<String>> {
        let corpus = Corpus::build(texts);
        Matcher::new(book)
            .match_corpus(&corpus)
            .into_iter()
            .map(|ts| ts.into_iter().map(|i| book.themes[i].id.clone()).collect())
            .collect()
    }

    #[test]
    fn stems_gaps_wildcards_and_exact_phrases() {
        let book = codebook(&[
            ("wait", &["wait* list"], &[]),
            ("lessons", &["miss lesson"], &[]),
            ("exact", &["\"same therapist\""], &[]),
        ]);
        let found = themes_of(
            &book,
            &[
                "We have been on the waiting-list for a year",
                "He misses some of his lessons",
                "She sees the same therapist",
                "The same kind and patient therapist",
                "Lessons are missed",
            ],
        );
        assert_eq!(
            found,
            vec![vec!["wait"], vec!["lessons"], vec!["exact"], vec![], vec![]]
        );
    }

    #[test]
    fn exclusions_veto_a_theme() {
        let book = codebook(&[("communication", &["communicat*"], &["communication needs"])]);
        let found = themes_of(
            &book,
            &[
                "Nobody communicates with us",
                "Help for speech and communication needs",
            ],
        );
        assert_eq!(found, vec![vec!["communication"], vec![]]);
    }

    #[test]
    fn typos_of_longer_words_still_match() {
        let book = codebook(&[("equipment", &["equipment"], &[]), ("ot", &["ot"], &[])]);
        let found = themes_of(&book, &["Still waiting for equipmnet", "We got one"]);
        assert_eq!(found, vec![vec!["equipment".to_string()], vec![]]);
    }

    #[test]
    fn starter_codebook_is_valid() {
        let book = Codebook::starter();
        assert_eq!(book.validate(), Ok(()));
        assert!(book.themes.len() >= 11);
    }

    #[test]
    fn broken_codebooks_are_reported_by_path() {
        let book = codebook(&[("a", &[], &[]), ("a", &["ok"], &["***"])]);
        let paths: Vec<String> = book
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(
            paths,
            ["themes[0].rules", "themes[1].id", "themes[1].exclude[0]"]
        );
    }
}
