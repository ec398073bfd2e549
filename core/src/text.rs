//! The text pipeline behind theming: words, stop words, stems, spelling repair,
//! word pairs and TF-IDF vectors.
//!
//! Built for hundreds of thousands of short answers: every distinct word is analysed
//! once and documents become sparse vectors of feature ids.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// Words too common to say anything about a theme. Negations are kept out of this list's
/// effect on phrases: codebook phrases and tone read the full word sequence.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "i'm",
    "i've",
    "i'd",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "let",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "really",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "they're",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "we're",
    "we've",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "can't",
    "won't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "didn't",
    "doesn't",
    "haven't",
    "hasn't",
    "hadn't",
    "couldn't",
    "wouldn't",
    "shouldn't",
    "etc",
    "eg",
    "ie",
    "lot",
    "lots",
    "much",
    "many",
    "thing",
    "things",
    "like",
    "think",
    "feel",
    "felt",
    "one",
    "make",
    "makes",
    "made",
    "go",
    "goes",
    "going",
    "went",
    "way",
    "even",
    "still",
    "always",
    "sometimes",
    "often",
    "quite",
    "bit",
    "able",
    "need",
    "needs",
    "want",
    "wants",
    "know",
    "yes",
    "ok",
    "okay",
];

static STOP_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Whether a (lower-case) word is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// Lower-case words of a text: Unicode word boundaries, curly apostrophes straightened,
/// possessive "'s" dropped. Emoji and punctuation are not words.
pub fn words(text: &str) -> Vec<String> {
    text.unicode_words()
        .map(|w| {
            // Most words need neither lower-casing nor apostrophe repair: skip the allocations.
            let mut w = if w.chars().any(|c| c.is_uppercase()) {
                w.to_lowercase()
            } else {
                w.to_string()
            };
            if w.contains(['\u{2019}', '\u{2018}']) {
                w = w.replace(['\u{2019}', '\u{2018}'], "'");
            }
            if w.ends_with("'s") && w.len() > 2 {
                w.truncate(w.len() - 2);
            }
            w
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Snowball English stemming.
pub struct Stems {
    stemmer: Stemmer,
}

impl Default for Stems {
    fn default() -> Self {
        Stems {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Stems {
    /// The stem of a lower-case word ("waiting" -> "wait").
    pub fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }
}

/// Every string one deletion away from `word` (by character).
fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len())
        .map(|i| {
            chars
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, c)| c)
                .collect()
        })
        .collect()
}

/// Whether two words are within one edit (insert, delete, substitute or swap neighbours).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if la == lb {
        let rest_a = &a[prefix + 1..];
        let rest_b = &b[prefix + 1..];
        if rest_a == rest_b {
            return true;
        }
        // A swap of neighbours: "thearpy" for "therapy".
        prefix + 1 < la
            && a[prefix] == b[prefix + 1]
            && a[prefix + 1] == b[prefix]
            && a[prefix + 2..] == b[prefix + 2..]
    } else {
        let (long, short) = if la > lb { (&a, &b) } else { (&b, &a) };
        long[prefix + 1..] == short[prefix..]
    }
}

/// Finds, for a misspelt word, a known word one edit away (symmetric-delete index).
pub struct SpellIndex {
    by_deletion: HashMap<String, Vec<u32>>,
    words: Vec<String>,
}

impl SpellIndex {
    /// Indexes `words` (each at least 4 characters is useful; shorter are skipped).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index = SpellIndex {
            by_deletion: HashMap::new(),
            words: Vec::new(),
        };
        for word in words {
            if word.chars().count() < 4 {
                continue;
            }
            let id = index.words.len() as u32;
            index.words.push(word.to_string());
            index
                .by_deletion
                .entry(word.to_string())
                .or_default()
                .push(id);
            for d in deletions(word) {
                index.by_deletion.entry(d).or_default().push(id);
            }
        }
        index
    }

    /// The indexed word of at least `min_len` characters within one edit of `word`,
    /// preferring the first indexed. Short words are never corrected: too many real words
    /// are one edit apart ("nearly" and "early").
    pub fn correct(&self, word: &str, min_len: usize) -> Option<&str> {
        if word.chars().count() < min_len.saturating_sub(1).max(4)
            || word.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        let mut best: Option<u32> = None;
        let mut consider = |ids: Option<&Vec<u32>>| {
            for &id in ids.into_iter().flatten() {
                if within_one_edit(word, &self.words[id as usize]) && best.is_none_or(|b| id < b) {
                    best = Some(id);
                }
            }
        };
        consider(self.by_deletion.get(word));
        for d in deletions(word) {
            consider(self.by_deletion.get(&d));
        }
        best.map(|id| self.words[id as usize].as_str())
            .filter(|w| w.chars().count() >= min_len)
    }
}

/// What the pipeline knows about one distinct word.
#[derive(Debug, Clone)]
pub struct WordInfo {
    /// The word as written (lower case).
    pub surface: String,
    /// Its stem after spelling repair.
    pub stem: String,
    pub stop: bool,
}

/// A corpus of answers turned into word ids, with every distinct word analysed once.
pub struct Corpus {
    /// Distinct words, indexed by word id.
    pub words: Vec<WordInfo>,
    /// Each document as a sequence of word ids, in order (stop words included).
    pub docs: Vec<Vec<u32>>,
    /// Stem string for each stem id; `word_stem[w]` is word w's stem id.
    pub stems: Vec<String>,
    pub word_stem: Vec<u32>,
}

impl Corpus {
    /// Analyses every text. Rare words one edit from a common word are repaired to it.
    pub fn build<S: AsRef<str>>(texts: &[S]) -> Self {
        let stemmer = Stems::default();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut surfaces: Vec<String> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        let docs: Vec<Vec<u32>> = texts
            .iter()
            .map(|t| {
                words(t.as_ref())
                    .into_iter()
                    .map(|w| {
                        let id = *ids.entry(w).or_insert_with_key(|w| {
                            surfaces.push(w.clone());
                            counts.push(0);
                            (surfaces.len() - 1) as u32
                        });
                        counts[id as usize] += 1;
                        id
                    })
                    .collect()
            })
            .collect();

        // Spelling repair: a word seen at most twice, one edit away from a word seen at
        // least five times and five times as often, is taken as that word.
        let mut common: Vec<(u32, &str)> = surfaces
            .iter()
            .enumerate()
            .filter(|(i, w)| counts[*i] >= 5 && !is_stop_word(w))
            .map(|(i, w)| (counts[i], w.as_str()))
            .collect();
        common.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let index = SpellIndex::new(common.iter().map(|(_, w)| *w));
        let common_count: HashMap<&str, u32> = common.iter().map(|(c, w)| (*w, *c)).collect();

        let mut stem_ids: HashMap<String, u32> = HashMap::new();
        let mut stems: Vec<String> = Vec::new();
        let mut word_stem = Vec::with_capacity(surfaces.len());
        let mut infos = Vec::with_capacity(surfaces.len());
        for (i, surface) in surfaces.iter().enumerate() {
            let stop = is_stop_word(surface);
            let repaired = if !stop && counts[i] <= 2 {
                index
                    .correct(surface, 5)
                    .filter(|c| common_count[c] >= 5 * counts[i])
                    .map(str::to_string)
            } else {
                None
            };
            let stem = stemmer.stem(repaired.as_deref().unwrap_or(surface));
            let next = stems.len() as u32;
            let sid = *stem_ids.entry(stem.clone()).or_insert_with(|| {
                stems.push(stem.clone());
                next
            });
            word_stem.push(sid);
            infos.push(WordInfo {
                surface: surface.clone(),
                stem,
                stop,
            });
        }
        Corpus {
            words: infos,
            docs,
            stems,
            word_stem,
        }
    }

    /// A document's words as written (lower case), stop words included.
    pub fn doc_words(&self, doc: usize) -> Vec<&str> {
        self.docs[doc]
            .iter()
            .map(|&w| self.words[w as usize].surface.as_str())
            .collect()
    }

    /// The content stems of a document (stop words removed), in order.
    pub fn content_stems(&self, doc: usize) -> impl Iterator<Item = u32> + '_ {
        self.docs[doc]
            .iter()
            .filter(|&&w| !self.words[w as usize].stop)
            .map(|&w| self.word_stem[w as usize])
    }

    /// For each stem id, the word most often written for it: what people read in labels.
    pub fn display_forms(&self) -> Vec<String> {
        let mut best: Vec<(u32, u32)> = vec![(0, u32::MAX); self.stems.len()];
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for doc in &self.docs {
            for &w in doc {
                *counts.entry(w).or_default() += 1;
            }
        }
        let mut ordered: Vec<(u32, u32)> = counts.into_iter().collect();
        ordered.sort();
        for (w, c) in ordered {
            let s = self.word_stem[w as usize] as usize;
            if c > best[s].0 {
                best[s] = (c, w);
            }
        }
        best.iter()
            .enumerate()
            .map(|(s, &(_, w))| {
                if w == u32::MAX {
                    self.stems[s].clone()
                } else {
                    self.words[w as usize].surface.clone()
                }
            })
            .collect()
    }
}

/// A sparse vector: (feature id, weight) sorted by feature id.
pub type SparseVec = Vec<(u32, f32)>;

/// Word and word-pair features weighted by TF-IDF, each document scaled to length 1.
pub struct TfIdf {
    /// One vector per document (empty for documents with no content words).
    pub vectors: Vec<SparseVec>,
    /// Feature labels: a stem, or two stems joined by a space.
    pub features: Vec<(u32, Option<u32>)>,
    /// Inverse document frequency per feature.
    pub idf: Vec<f32>,
}

impl TfIdf {
    /// Features for the chosen documents: stems, plus word pairs seen in at least
    /// `min_pair_docs` of them. Sublinear term frequency, smoothed IDF, L2 norm.
    pub fn fit(corpus: &Corpus, docs: &[usize], min_pair_docs: u32) -> Self {
        let mut pair_df: HashMap<(u32, u32), u32> = HashMap::new();
        let mut seen = Vec::new();
        for &d in docs {
            let stems: Vec<u32> = corpus.content_stems(d).collect();
            seen.clear();
            seen.extend(stems.windows(2).map(|p| (p[0], p[1])));
            seen.sort_unstable();
            seen.dedup();
            for &p in &seen {
                *pair_df.entry(p).or_default() += 1;
            }
        }
        let mut feature_of: HashMap<(u32, Option<u32>), u32> = HashMap::new();
        let mut features: Vec<(u32, Option<u32>)> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut raw: Vec<Vec<(u32, f32)>> = Vec::with_capacity(docs.len());
        let mut counts: HashMap<u32, f32> = HashMap::new();
        for &d in docs {
            let stems: Vec<u32> = corpus.content_stems(d).collect();
            counts.clear();
            let keys = stems.iter().map(|&s| (s, None)).chain(
                stems
                    .windows(2)
                    .filter(|p| pair_df.get(&(p[0], p[1])).copied().unwrap_or(0) >= min_pair_docs)
                    .map(|p| (p[0], Some(p[1]))),
            );
            for key in keys {
                let next = features.len() as u32;
                let f = *feature_of.entry(key).or_insert_with(|| {
                    features.push(key);
                    df.push(0);
                    next
                });
                *counts.entry(f).or_default() += 1.0;
            }
            let mut v: Vec<(u32, f32)> = counts.iter().map(|(&f, &c)| (f, c)).collect();
            v.sort_unstable_by_key(|e| e.0);
            for &(f, _) in &v {
                df[f as usize] += 1;
            }
            raw.push(v);
        }
        let n = docs.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        let vectors = raw
            .into_iter()
            .map(|v| {
                let mut v: SparseVec = v
                    .into_iter()
                    .map(|(f, c)| (f, (1.0 + c.ln()) * idf[f as usize]))
                    .collect();
                normalise(&mut v);
                v
            })
            .collect();
        TfIdf {
            vectors,
            features,
            idf,
        }
    }

    /// A feature as words: "wait" or "wait list".
    pub fn label(&self, feature: u32, display: &[String]) -> String {
        match self.features[feature as usize] {
            (a, None) => display[a as usize].clone(),
            (a, Some(b)) => format!("{} {}", display[a as usize], display[b as usize]),
        }
    }
}

/// Scales a sparse vector to unit length (no change for the zero vector).
pub fn normalise(v: &mut SparseVec) {
    let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, x) in v.iter_mut() {
            *x /= norm;
        }
    }
}

/// Dot product of a sparse vector with a dense one.
pub fn dot_dense(v: &SparseVec, dense: &[f32]) -> f32 {
    v.iter().map(|&(f, x)| x * dense[f as usize]).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_unicode_boundaries_and_drop_emoji() {
        assert_eq!(
            words("My son’s OT is great 🙂!! Post-16 help"),
            ["my", "son", "ot", "is", "great", "post", "16", "help"]
        );
        assert!(words("").is_empty());
        assert!(words("🙂👍 ...").is_empty());
    }

    #[test]
    fn stems_join_word_forms() {
        let s = Stems::default();
        assert_eq!(s.stem("waiting"), s.stem("waited"));
        assert_eq!(s.stem("therapists"), s.stem("therapist"));
    }

    #[test]
    fn one_edit_covers_typos_but_not_different_words() {
        assert!(within_one_edit("therapy", "theraphy"));
        assert!(within_one_edit("therapy", "thearpy"));
        assert!(within_one_edit("therapy", "therpy"));
        assert!(within_one_edit("therapy", "therapi"));
        assert!(!within_one_edit("therapy", "tharepy"));
        assert!(!within_one_edit("therapy", "theory"));
        assert!(!within_one_edit("speech", "sleep"));
    }

    #[test]
    fn rare_misspellings_are_repaired_to_a_common_word() {
        let mut texts = vec!["the therapy is good"; 6];
        texts.push("more theraphy please");
        let corpus = Corpus::build(&texts);
        let last: Vec<&str> = corpus.docs[6]
            .iter()
            .map(|&w| corpus.stems[corpus.word_stem[w as usize] as usize].as_str())
            .collect();
        assert_eq!(last, ["more", "therapi", "pleas"]);
    }

    #[test]
    fn tfidf_vectors_have_unit_length_and_pairs_need_support() {
        let texts = [
            "waiting list too long",
            "the waiting list is long",
            "speech therapy helps",
            "",
        ];
        let corpus = Corpus::build(&texts);
        let tfidf = TfIdf::fit(&corpus, &[0, 1, 2, 3], 2);
        let display = corpus.display_forms();
        for v in &tfidf.vectors[..3] {
            let norm: f32 = v.iter().map(|(_, x)| x * x).sum();
            assert!((norm - 1.0).abs() < 1e-5);
        }
        assert!(tfidf.vectors[3].is_empty());
        let labels: Vec<String> = (0..tfidf.features.len() as u32)
            .map(|f| tfidf.label(f, &display))
            .collect();
        assert!(labels.contains(&"waiting list".to_string()));
        assert!(
            !labels.contains(&"speech therapy".to_string()),
            "a pair in one answer only is not a feature"
        );
    }
}
