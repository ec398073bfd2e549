//! Theming free-text answers: codebook rules, themes learnt from a facilitator's own
//! coding, and groups discovered among the rest; with tone and representative quotes.
//!
//! Every assignment records where it came from, so a facilitator can tell a rule's match
//! from a model's suggestion from their own decision.

pub mod codebook;
pub mod discover;
pub mod learn;
pub mod report;

use crate::text::{Corpus, TfIdf};
use crate::tone::{Tone, tone_of_words};
use codebook::{Codebook, Matcher};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Where a theme, or one answer's theme, came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A codebook rule matched.
    Codebook,
    /// The model learnt from the facilitator's coding suggested it.
    Learned,
    /// Found among answers no other theme covered.
    Discovered,
    /// A person chose it.
    Person,
}

/// A theme found or given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub label: String,
    pub source: Source,
    #[serde(default)]
    pub description: String,
}

/// One theme on one answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// Index into [`Analysis::themes`].
    pub theme: usize,
    pub source: Source,
    /// 1 for rules and people; the model's probability for suggestions; similarity for discovered.
    pub confidence: f32,
    /// A suggestion waits for a person to accept it.
    pub suggested: bool,
}

/// The themes and tone of one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct RowThemes {
    pub assignments: Vec<Assignment>,
    pub tone: Tone,
}

/// What to theme with.
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// Rules to apply to answers a person has not coded.
    pub codebook: Option<&'a Codebook>,
    /// Per answer, the labels a person gave (empty: not coded). Learnt from when any are given.
    pub codes: Option<&'a [Vec<String>]>,
    /// Group the answers nothing else covers.
    pub discover: bool,
    /// Answers to leave out entirely (for example ones held for safeguarding).
    pub skip: Option<&'a [bool]>,
}

/// The result of theming a set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub themes: Vec<Theme>,
    pub rows: Vec<RowThemes>,
    /// Per theme, up to three answers that show it best.
    pub quotes: Vec<Vec<usize>>,
}

impl Analysis {
    /// How many answers have each theme.
    pub fn counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.themes.len()];
        for row in &self.rows {
            for a in &row.assignments {
                counts[a.theme] += 1;
            }
        }
        counts
    }
}

/// A URL-safe id from a label: "Same therapist / continuity" -> "same-therapist-continuity".
pub fn slug(label: &str) -> String {
    let mut out = String::new();
    for c in label.to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "theme".to_string()
    } else {
        out
    }
}

/// Adds a theme, giving it an id no other theme has.
fn add_theme(
    themes: &mut Vec<Theme>,
    ids: &mut HashMap<String, usize>,
    label: &str,
    source: Source,
    description: String,
) -> usize {
    let base = slug(label);
    let mut id = base.clone();
    let mut n = 2;
    while ids.contains_key(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    ids.insert(id.clone(), themes.len());
    themes.push(Theme {
        id,
        label: label.to_string(),
        source,
        description,
    });
    themes.len() - 1
}

/// Themes every answer: a person's codes are kept as given; uncoded answers get
/// codebook matches and learned suggestions; what is left may form discovered themes.
pub fn analyse<S: AsRef<str>>(texts: &[S], options: &Options) -> Analysis {
    analyse_corpus(texts, &Corpus::build(texts), options)
}

/// [`analyse`] over a corpus already built from `texts`.
pub fn analyse_corpus<S: AsRef<str>>(texts: &[S], corpus: &Corpus, options: &Options) -> Analysis {
    let n = texts.len();
    let skipped = |i: usize| {
        options
            .skip
            .is_some_and(|s| s.get(i).copied().unwrap_or(false))
    };
    let mut themes: Vec<Theme> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut rows: Vec<RowThemes> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| RowThemes {
            assignments: Vec::new(),
            tone: tone_of_words(t.as_ref(), &corpus.doc_words(i)),
        })
        .collect();
    let coded = |i: usize| {
        options
            .codes
            .is_some_and(|c| c.get(i).is_some_and(|l| !l.is_empty()))
    };

    // A person's own codes, kept exactly, and learnt from.
    let mut learned_classes: Vec<usize> = Vec::new();
    if let Some(codes) = options.codes {
        let mut class_of_label: HashMap<String, usize> = HashMap::new();
        let mut row_classes: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, labels) in codes.iter().enumerate().take(n) {
            for label in labels {
                let key = label.trim().to_lowercase();
                if key.is_empty() {
                    continue;
                }
                let class = *class_of_label.entry(key).or_insert_with(|| {
                    learned_classes.push(add_theme(
                        &mut themes,
                        &mut ids,
                        label.trim(),
                        Source::Learned,
                        String::new(),
                    ));
                    learned_classes.len() - 1
                });
                if !row_classes[i].contains(&class) {
                    row_classes[i].push(class);
                    rows[i].assignments.push(Assignment {
                        theme: learned_classes[class],
                        source: Source::Person,
                        confidence: 1.0,
                        suggested: false,
                    });
                }
            }
        }
        let training: Vec<usize> = (0..n)
            .filter(|&i| !row_classes[i].is_empty() && !skipped(i))
            .collect();
        let targets: Vec<usize> = (0..n).filter(|&i| !coded(i) && !skipped(i)).collect();
        if !training.is_empty() && !targets.is_empty() {
            let all: Vec<usize> = (0..n).filter(|&i| !skipped(i)).collect();
            let tfidf = TfIdf::fit(corpus, &all, 2);
            let position: HashMap<usize, usize> =
                all.iter().enumerate().map(|(p, &d)| (d, p)).collect();
            let vectors: Vec<_> = training
                .iter()
                .map(|&i| &tfidf.vectors[position[&i]])
                .collect();
            let labels: Vec<&[usize]> = training
                .iter()
                .map(|&i| row_classes[i].as_slice())
                .collect();
            let model = learn::Model::train(
                &vectors,
                &labels,
                learned_classes.len(),
                tfidf.features.len(),
            );
            for &i in &targets {
                for s in model.suggest(&tfidf.vectors[position[&i]]) {
                    rows[i].assignments.push(Assignment {
                        theme: learned_classes[s.class],
                        source: Source::Learned,
                        confidence: s.confidence,
                        suggested: true,
                    });
                }
            }
        }
    }

    // Codebook rules on everything a person has not coded.
    if let Some(book) = options.codebook {
        let matches = Matcher::new(book).match_corpus(corpus);
        let mut theme_of: HashMap<usize, usize> = HashMap::new();
        for (i, found) in matches.into_iter().enumerate() {
            if coded(i) || skipped(i) {
                continue;
            }
            for t in found {
                let theme = *theme_of.entry(t).or_insert_with(|| {
                    let def = &book.themes[t];
                    let index = add_theme(
                        &mut themes,
                        &mut ids,
                        &def.label,
                        Source::Codebook,
                        def.description.clone(),
                    );
                    // Keep the codebook's own id where it is free.
                    if def.id != themes[index].id && !ids.contains_key(&def.id) {
                        ids.remove(&themes[index].id);
                        themes[index].id = def.id.clone();
                        ids.insert(def.id.clone(), index);
                    }
                    index
                });
                if !rows[i].assignments.iter().any(|a| a.theme == theme) {
                    rows[i].assignments.push(Assignment {
                        theme,
                        source: Source::Codebook,
                        confidence: 1.0,
                        suggested: false,
                    });
                }
            }
        }
    }

    // Groups among what nothing else covered.
    let mut discovered_quotes: HashMap<usize, Vec<usize>> = HashMap::new();
    if options.discover {
        let rest: Vec<usize> = (0..n)
            .filter(|&i| rows[i].assignments.is_empty() && !coded(i) && !skipped(i))
            .collect();
        if !rest.is_empty() {
            let tfidf = TfIdf::fit(corpus, &rest, 2);
            let local: Vec<usize> = (0..rest.len()).collect();
            let found = discover::discover(&tfidf, &local);
            // Every member of a group (or the outliers) gets the theme as a suggestion.
            let assign_discovered =
                |rows: &mut Vec<RowThemes>, theme: usize, members: &[usize], confidence: f32| {
                    for &m in members {
                        rows[rest[m]].assignments.push(Assignment {
                            theme,
                            source: Source::Discovered,
                            confidence,
                            suggested: true,
                        });
                    }
                };
            let display = corpus.display_forms();
            for cluster in found.clusters {
                let words: Vec<String> = cluster
                    .terms
                    .iter()
                    .map(|&f| tfidf.label(f, &display))
                    .collect();
                let label = if words.is_empty() {
                    "Other comments".to_string()
                } else {
                    words.join(", ")
                };
                let theme = add_theme(
                    &mut themes,
                    &mut ids,
                    &label,
                    Source::Discovered,
                    String::new(),
                );
                assign_discovered(&mut rows, theme, &cluster.members, 1.0);
                discovered_quotes.insert(theme, cluster.members.iter().map(|&m| rest[m]).collect());
            }
            if !found.outliers.is_empty() {
                let theme = add_theme(
                    &mut themes,
                    &mut ids,
                    "Other comments",
                    Source::Discovered,
                    "Answers that fit no other theme: read these yourself.".into(),
                );
                assign_discovered(&mut rows, theme, &found.outliers, 0.0);
                discovered_quotes.insert(theme, found.outliers.iter().map(|&m| rest[m]).collect());
            }
        }
    }

    let quotes = choose_quotes(texts, &themes, &rows, &discovered_quotes);
    Analysis {
        themes,
        rows,
        quotes,
    }
}

/// Up to three distinct, readable answers per theme: the most typical for discovered
/// themes, otherwise the most confident, preferring answers of a sentence or two.
fn choose_quotes<S: AsRef<str>>(
    texts: &[S],
    themes: &[Theme],
    rows: &[RowThemes],
    typical: &HashMap<usize, Vec<usize>>,
) -> Vec<Vec<usize>> {
    let mut candidates: Vec<Vec<(usize, f32)>> = vec![Vec::new(); themes.len()];
    for (i, row) in rows.iter().enumerate() {
        for a in &row.assignments {
            candidates[a.theme].push((i, a.confidence));
        }
    }
    let readable = |i: usize| {
        let len = texts[i].as_ref().trim().chars().count();
        if (30..=300).contains(&len) { 0 } else { 1 }
    };
    candidates
        .into_iter()
        .enumerate()
        .map(|(t, mut c)| {
            let order: Vec<usize> = match typical.get(&t) {
                Some(members) => {
                    let mut m: Vec<(usize, usize)> = members
                        .iter()
                        .enumerate()
                        .map(|(rank, &i)| (rank, i))
                        .collect();
                    m.sort_by_key(|&(rank, i)| (readable(i), rank));
                    m.into_iter().map(|(_, i)| i).collect()
                }
                None => {
                    c.sort_by(|a, b| {
                        readable(a.0)
                            .cmp(&readable(b.0))
                            .then(b.1.total_cmp(&a.1))
                            .then(a.0.cmp(&b.0))
                    });
                    c.into_iter().map(|(i, _)| i).collect()
                }
            };
            let mut chosen: Vec<usize> = Vec::new();
            for i in order {
                let text = texts[i].as_ref().trim();
                if !text.is_empty()
                    && !chosen
                        .iter()
                        .any(|&j| texts[j].as_ref().trim().eq_ignore_ascii_case(text))
                {
                    chosen.push(i);
                }
                if chosen.len() == 3 {
                    break;
                }
            }
            chosen
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(
            slug("Same therapist / continuity"),
            "same-therapist-continuity"
        );
        assert_eq!(slug("  Post-16!! "), "post-16");
        assert_eq!(slug("🙂"), "theme");
    }

    #[test]
    fn person_codes_are_kept_and_codebook_skips_coded_rows() {
        let texts = [
            "we waited two years on the waiting list",
            "the waiting list is long",
            "nothing to add",
        ];
        let codes = vec![vec!["My own label".to_string()], vec![], vec![]];
        let book = Codebook::starter();
        let analysis = analyse(
            &texts,
            &Options {
                codebook: Some(&book),
                codes: Some(&codes),
                discover: false,
                skip: None,
            },
        );
        let labels = |i: usize| -> Vec<(String, Source)> {
            analysis.rows[i]
                .assignments
                .iter()
                .map(|a| (analysis.themes[a.theme].label.clone(), a.source))
                .collect()
        };
        assert_eq!(
            labels(0),
            vec![("My own label".to_string(), Source::Person)]
        );
        assert!(labels(1).contains(&("Waiting times".to_string(), Source::Codebook)));
        let waiting = analysis
            .themes
            .iter()
            .find(|t| t.label == "Waiting times")
            .unwrap();
        assert_eq!(waiting.id, "waiting-times");
    }

    #[test]
    fn skipped_rows_get_no_themes_and_are_never_quoted() {
        let texts = [
            "the waiting list is far too long",
            "waiting list again, months of waiting",
        ];
        let book = Codebook::starter();
        let skip = [true, false];
        let analysis = analyse(
            &texts,
            &Options {
                codebook: Some(&book),
                codes: None,
                discover: true,
                skip: Some(&skip),
            },
        );
        assert!(analysis.rows[0].assignments.is_empty());
        assert!(analysis.quotes.iter().all(|q| !q.contains(&0)));
    }
}
