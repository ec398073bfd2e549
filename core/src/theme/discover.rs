//! Discovered themes: groups of answers that no other theme covers, found by spherical
//! k-means over TF-IDF vectors and labelled with their most distinctive words.
//!
//! Deterministic for the same input (seeded k-means++), and honest about the leftovers:
//! answers that fit no group well stay as outliers instead of padding a big group, and
//! small groups are kept.

use crate::text::{SparseVec, TfIdf, dot_dense};
use crate::theme::learn::Rng;

/// Most groups offered to a facilitator at once.
const MAX_CLUSTERS: usize = 30;
/// A group whose leading term is in fewer than this share of its answers is not a theme.
const MIN_COHERENCE: f32 = 0.5;
/// Below this similarity to its group's centre an answer is an outlier.
const MIN_SIMILARITY: f32 = 0.12;
const MAX_ITERATIONS: usize = 20;
/// k-means++ seeding looks at no more than this many answers (it is quadratic-ish).
const SEED_SAMPLE: usize = 20_000;

/// One discovered group.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Indexes into the vectors given to [`discover`], most typical first.
    pub members: Vec<usize>,
    /// Feature ids that best describe the group, most distinctive first.
    pub terms: Vec<u32>,
}

/// The result of discovery.
#[derive(Debug, Clone, PartialEq)]
pub struct Discovery {
    /// Largest first.
    pub clusters: Vec<Cluster>,
    /// Answers with words that fit no group.
    pub outliers: Vec<usize>,
}

/// How many groups to look for among `n` answers.
pub fn cluster_count(n: usize) -> usize {
    ((n as f32 / 4.0).sqrt().round() as usize)
        .clamp(1, MAX_CLUSTERS)
        .min(n)
}

/// Groups the vectors `docs` (indexes into `tfidf.vectors`).
pub fn discover(tfidf: &TfIdf, docs: &[usize]) -> Discovery {
    let dims = tfidf.features.len();
    let live: Vec<usize> = docs
        .iter()
        .copied()
        .filter(|&d| !tfidf.vectors[d].is_empty())
        .collect();
    if live.is_empty() || dims == 0 {
        return Discovery {
            clusters: Vec::new(),
            outliers: Vec::new(),
        };
    }
    let vectors: Vec<&SparseVec> = live.iter().map(|&d| &tfidf.vectors[d]).collect();
    let k = cluster_count(vectors.len());
    let mut centroids = seed_centroids(&vectors, k, dims);
    let mut assignment = vec![usize::MAX; vectors.len()];
    let mut similarity = vec![0.0f32; vectors.len()];
    for _ in 0..MAX_ITERATIONS {
        let mut changed = 0usize;
        for (i, v) in vectors.iter().enumerate() {
            let (best, sim) = nearest(v, &centroids);
            if assignment[i] != best {
                changed += 1;
                assignment[i] = best;
            }
            similarity[i] = sim;
        }
        recompute_centroids(&vectors, &assignment, &mut centroids, dims);
        if changed * 1000 <= vectors.len() {
            break;
        }
    }

    // Global mean, to find what makes each group different from all answers.
    let mut mean = vec![0.0f32; dims];
    for v in &vectors {
        for &(f, x) in v.iter() {
            mean[f as usize] += x;
        }
    }
    mean.iter_mut().for_each(|m| *m /= vectors.len() as f32);

    let mut outliers = Vec::new();
    let mut groups: Vec<Vec<(usize, f32)>> = vec![Vec::new(); k];
    for i in 0..vectors.len() {
        if similarity[i] < MIN_SIMILARITY {
            outliers.push(live[i]);
        } else {
            groups[assignment[i]].push((live[i], similarity[i]));
        }
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    for (c, mut members) in groups
        .into_iter()
        .enumerate()
        .filter(|(_, g)| !g.is_empty())
    {
        members.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let members: Vec<usize> = members.into_iter().map(|(d, _)| d).collect();
        let terms = top_terms(&centroids[c], &mean, tfidf);
        // A group held together by no shared word is not a theme: keep its answers visible as outliers.
        let has = |f: u32, d: usize| tfidf.vectors[d].binary_search_by_key(&f, |e| e.0).is_ok();
        let coherent = terms.first().is_some_and(|&top| {
            members.iter().filter(|&&d| has(top, d)).count() as f32
                >= MIN_COHERENCE * members.len() as f32
        });
        if coherent {
            // Name it only by words a fair share of its answers use.
            let terms = terms
                .into_iter()
                .filter(|&f| {
                    members.iter().filter(|&&d| has(f, d)).count() * 10 >= members.len() * 3
                })
                .collect();
            clusters.push(Cluster { members, terms });
        } else {
            outliers.extend(members);
        }
    }
    clusters.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(a.members[0].cmp(&b.members[0]))
    });
    outliers.sort_unstable();
    Discovery { clusters, outliers }
}

fn nearest(v: &SparseVec, centroids: &[Vec<f32>]) -> (usize, f32) {
    let mut best = (0, f32::MIN);
    for (c, centroid) in centroids.iter().enumerate() {
        let s = dot_dense(v, centroid);
        if s > best.1 {
            best = (c, s);
        }
    }
    best
}

/// k-means++: each new centre is drawn with probability growing with distance from the others.
fn seed_centroids(vectors: &[&SparseVec], k: usize, dims: usize) -> Vec<Vec<f32>> {
    let mut rng = Rng::new(0x7e11);
    let step = vectors.len().div_ceil(SEED_SAMPLE).max(1);
    let sample: Vec<&SparseVec> = vectors.iter().step_by(step).copied().collect();
    let dense = |v: &SparseVec| {
        let mut d = vec![0.0f32; dims];
        for &(f, x) in v {
            d[f as usize] = x;
        }
        d
    };
    let mut centroids = vec![dense(sample[rng.below(sample.len())])];
    // Cosine distance to the nearest centre so far.
    let mut distance: Vec<f32> = sample
        .iter()
        .map(|v| 1.0 - dot_dense(v, &centroids[0]))
        .collect();
    while centroids.len() < k {
        let total: f64 = distance.iter().map(|&d| (d.max(0.0) as f64).powi(2)).sum();
        if total <= 1e-9 {
            break; // every answer is already at a centre: fewer distinct groups than asked
        }
        let mut target = (rng.next_u64() as f64 / u64::MAX as f64) * total;
        let mut pick = sample.len() - 1;
        for (i, &d) in distance.iter().enumerate() {
            target -= (d.max(0.0) as f64).powi(2);
            if target <= 0.0 {
                pick = i;
                break;
            }
        }
        let centre = dense(sample[pick]);
        for (i, v) in sample.iter().enumerate() {
            distance[i] = distance[i].min(1.0 - dot_dense(v, &centre));
        }
        centroids.push(centre);
    }
    centroids
}

fn recompute_centroids(
    vectors: &[&SparseVec],
    assignment: &[usize],
    centroids: &mut [Vec<f32>],
    dims: usize,
) {
    let mut sums = vec![vec![0.0f32; dims]; centroids.len()];
    for (v, &c) in vectors.iter().zip(assignment) {
        for &(f, x) in v.iter() {
            sums[c][f as usize] += x;
        }
    }
    for (c, sum) in sums.into_iter().enumerate() {
        let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
        // An empty group keeps its old centre rather than vanishing.
        if norm > 0.0 {
            centroids[c] = sum.into_iter().map(|x| x / norm).collect();
        }
    }
}

/// The features weighing most in a centre, relative to all answers; a word already
/// inside a chosen pair is skipped so labels do not repeat themselves.
fn top_terms(centroid: &[f32], mean: &[f32], tfidf: &TfIdf) -> Vec<u32> {
    let mut scored: Vec<(u32, f32)> = centroid
        .iter()
        .enumerate()
        .filter(|(_, w)| **w > 0.0)
        .map(|(f, &w)| (f as u32, w * (w - mean[f]).max(0.0)))
        .filter(|(_, s)| *s > 0.0)
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<u32> = Vec::new();
    for (f, _) in scored {
        let (a, b) = tfidf.features[f as usize];
        let covered = chosen.iter().any(|&c| {
            let (ca, cb) = tfidf.features[c as usize];
            match (b, cb) {
                (None, Some(cb)) => a == ca || a == cb,
                (Some(b), None) => ca == a || ca == b,
                _ => false,
            }
        });
        if !covered {
            chosen.push(f);
        }
        if chosen.len() == 3 {
            break;
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Corpus;

    fn texts() -> Vec<String> {
        let mut t = Vec::new();
        for i in 0..12 {
            t.push(format!("the parking at the clinic is awful number {i}"));
            t.push(format!("clinic parking costs too much {i}"));
            t.push(format!("the clinic receptionist was rude today {i}"));
        }
        t.push("zebra".into());
        t
    }

    #[test]
    fn similar_answers_group_together_and_labels_name_them() {
        let texts = texts();
        let corpus = Corpus::build(&texts);
        let docs: Vec<usize> = (0..texts.len()).collect();
        let tfidf = TfIdf::fit(&corpus, &docs, 2);
        let found = discover(&tfidf, &docs);
        let display = corpus.display_forms();
        let parking = found
            .clusters
            .iter()
            .find(|c| {
                c.terms
                    .iter()
                    .any(|&t| tfidf.label(t, &display).contains("parking"))
            })
            .expect("a parking group");
        let parking_texts: Vec<&str> = parking.members.iter().map(|&m| texts[m].as_str()).collect();
        assert!(
            parking_texts.iter().all(|t| t.contains("parking")),
            "{parking_texts:?}"
        );
        assert!(
            found.outliers.contains(&(texts.len() - 1))
                || found
                    .clusters
                    .iter()
                    .any(|c| c.members == vec![texts.len() - 1])
        );
    }

    #[test]
    fn discovery_is_deterministic() {
        let texts = texts();
        let corpus = Corpus::build(&texts);
        let docs: Vec<usize> = (0..texts.len()).collect();
        let tfidf = TfIdf::fit(&corpus, &docs, 2);
        assert_eq!(discover(&tfidf, &docs), discover(&tfidf, &docs));
    }

    #[test]
    fn empty_input_finds_nothing() {
        let texts = ["", "🙂"];
        let corpus = Corpus::build(&texts);
        let tfidf = TfIdf::fit(&corpus, &[0, 1], 2);
        let found = discover(&tfidf, &[0, 1]);
        assert!(found.clusters.is_empty() && found.outliers.is_empty());
    }
}
