//! Learned themes: a linear model over TF-IDF features, trained on the answers a
//! facilitator has coded by hand, that suggests themes for the rest with a confidence.
//!
//! One logistic regression per theme (one-vs-rest), trained by stochastic gradient
//! descent in a fixed order so the same input always gives the same model. Each theme's
//! decision threshold is chosen by cross-validation to balance precision and recall,
//! because most themes are rare and a flat 0.5 would almost never suggest them.

use crate::text::SparseVec;

/// L2 regularisation strength.
const LAMBDA: f32 = 1e-5;
const EPOCHS: usize = 12;
const FOLDS: usize = 3;
/// Thresholds are searched between these.
const MIN_THRESHOLD: f32 = 0.08;
const MAX_THRESHOLD: f32 = 0.6;

/// A small, fast, deterministic random source (xorshift64*).
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced, as xorshift needs a non-zero state).
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// Shuffles in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// One binary logistic regression over sparse features.
#[derive(Debug, Clone)]
struct Binary {
    weights: Vec<f32>,
    bias: f32,
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl Binary {
    fn train(
        vectors: &[&SparseVec],
        targets: &[bool],
        n_features: usize,
        order: &[usize],
    ) -> Binary {
        // Weights are stored scaled (w = scale * v) so L2 decay costs O(1) per step.
        let mut v = vec![0.0f32; n_features];
        let mut scale = 1.0f32;
        let mut bias = 0.0f32;
        let positives = targets.iter().filter(|&&t| t).count().max(1) as f32;
        let negatives = (targets.len() as f32 - positives).max(1.0);
        // Balance the classes, but only part way: full balancing over-predicts rare themes.
        let weight_positive = (negatives / positives).sqrt().clamp(1.0, 10.0);
        let mut t = 0usize;
        for _ in 0..EPOCHS {
            for &i in order {
                t += 1;
                let eta = 1.0 / (LAMBDA * (t as f32 + 1e4));
                let x = vectors[i];
                let z = scale * x.iter().map(|&(f, val)| v[f as usize] * val).sum::<f32>() + bias;
                let y = if targets[i] { 1.0 } else { 0.0 };
                let weight = if targets[i] { weight_positive } else { 1.0 };
                let gradient = (sigmoid(z) - y) * weight;
                scale *= 1.0 - eta * LAMBDA;
                if scale < 1e-6 {
                    v.iter_mut().for_each(|w| *w *= scale);
                    scale = 1.0;
                }
                let step = eta * gradient / scale;
                for &(f, val) in x {
                    v[f as usize] -= step * val;
                }
                bias -= eta * gradient * 0.1;
            }
        }
        Binary {
            weights: v.into_iter().map(|w| w * scale).collect(),
            bias,
        }
    }

    fn probability(&self, x: &SparseVec) -> f32 {
        let z: f32 = x
            .iter()
            .filter_map(|&(f, val)| self.weights.get(f as usize).map(|w| w * val))
            .sum();
        sigmoid(z + self.bias)
    }
}

/// A trained multi-theme model.
#[derive(Debug, Clone)]
pub struct Model {
    classes: Vec<Binary>,
    thresholds: Vec<f32>,
    /// When no theme passes its threshold, suggest the likeliest if it reaches this share of its threshold.
    fallback: Option<f32>,
}

/// One suggestion for one answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Suggestion {
    pub class: usize,
    /// Probability from the model, 0 to 1.
    pub confidence: f32,
}

fn train_all(
    vectors: &[&SparseVec],
    labels: &[&[usize]],
    n_classes: usize,
    n_features: usize,
    seed: u64,
) -> Vec<Binary> {
    let mut order: Vec<usize> = (0..vectors.len()).collect();
    Rng::new(seed).shuffle(&mut order);
    (0..n_classes)
        .map(|c| {
            let targets: Vec<bool> = labels.iter().map(|l| l.contains(&c)).collect();
            Binary::train(vectors, &targets, n_features, &order)
        })
        .collect()
}

/// Best F1 threshold for one class from out-of-fold probabilities.
fn best_threshold(scores: &[(f32, bool)]) -> f32 {
    let mut best = (0.0f32, 0.5f32);
    let mut candidate = MIN_THRESHOLD;
    while candidate <= MAX_THRESHOLD + 1e-6 {
        let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
        for &(p, y) in scores {
            match (p >= candidate, y) {
                (true, true) => tp += 1.0,
                (true, false) => fp += 1.0,
                (false, true) => fn_ += 1.0,
                _ => {}
            }
        }
        let f1 = if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fn_)
        };
        if f1 > best.0 + 1e-6 {
            best = (f1, candidate);
        }
        candidate += 0.02;
    }
    best.1
}

impl Model {
    /// Trains on coded answers: `labels[i]` are the class indexes of `vectors[i]`.
    pub fn train(
        vectors: &[&SparseVec],
        labels: &[&[usize]],
        n_classes: usize,
        n_features: usize,
    ) -> Model {
        let n = vectors.len();
        let mut thresholds = vec![0.5f32; n_classes];
        let mut fallback = None;
        if n >= FOLDS * 5 {
            // Out-of-fold probabilities for every coded answer.
            let mut fold_of: Vec<usize> = (0..n).map(|i| i % FOLDS).collect();
            Rng::new(7).shuffle(&mut fold_of);
            let mut oof = vec![vec![0.0f32; n_classes]; n];
            for fold in 0..FOLDS {
                let train: Vec<usize> = (0..n).filter(|&i| fold_of[i] != fold).collect();
                let tv: Vec<&SparseVec> = train.iter().map(|&i| vectors[i]).collect();
                let tl: Vec<&[usize]> = train.iter().map(|&i| labels[i]).collect();
                let models = train_all(&tv, &tl, n_classes, n_features, 11 + fold as u64);
                for i in (0..n).filter(|&i| fold_of[i] == fold) {
                    for (c, m) in models.iter().enumerate() {
                        oof[i][c] = m.probability(vectors[i]);
                    }
                }
            }
            for (c, threshold) in thresholds.iter_mut().enumerate() {
                let scores: Vec<(f32, bool)> = (0..n)
                    .map(|i| (oof[i][c], labels[i].contains(&c)))
                    .collect();
                *threshold = best_threshold(&scores);
            }
            fallback = Self::choose_fallback(&oof, labels, &thresholds);
        }
        let classes = train_all(vectors, labels, n_classes, n_features, 3);
        Model {
            classes,
            thresholds,
            fallback,
        }
    }

    /// Whether suggesting the likeliest theme for otherwise unthemed answers helps, and from what share of its threshold.
    fn choose_fallback(oof: &[Vec<f32>], labels: &[&[usize]], thresholds: &[f32]) -> Option<f32> {
        let f1 = |share: Option<f32>| {
            let (mut tp, mut fp, mut fn_) = (0.0f32, 0.0f32, 0.0f32);
            for (probs, truth) in oof.iter().zip(labels) {
                let predicted = decide(probs, thresholds, share);
                let hits = predicted
                    .iter()
                    .filter(|s| truth.contains(&s.class))
                    .count() as f32;
                tp += hits;
                fp += predicted.len() as f32 - hits;
                fn_ += truth.len() as f32 - hits;
            }
            if tp == 0.0 {
                0.0
            } else {
                2.0 * tp / (2.0 * tp + fp + fn_)
            }
        };
        let mut best = (f1(None), None);
        for share in [0.3f32, 0.5, 0.7] {
            let score = f1(Some(share));
            if score > best.0 + 1e-4 {
                best = (score, Some(share));
            }
        }
        best.1
    }

    /// Probabilities for every class.
    pub fn probabilities(&self, x: &SparseVec) -> Vec<f32> {
        self.classes.iter().map(|m| m.probability(x)).collect()
    }

    /// The themes to suggest for one answer, most confident first.
    pub fn suggest(&self, x: &SparseVec) -> Vec<Suggestion> {
        if x.is_empty() {
            return Vec::new();
        }
        decide(&self.probabilities(x), &self.thresholds, self.fallback)
    }
}

fn decide(probs: &[f32], thresholds: &[f32], fallback: Option<f32>) -> Vec<Suggestion> {
    let mut chosen: Vec<Suggestion> = probs
        .iter()
        .enumerate()
        .filter(|&(c, &p)| p >= thresholds[c])
        .map(|(class, &confidence)| Suggestion { class, confidence })
        .collect();
    if chosen.is_empty()
        && let Some(share) = fallback
    {
        let best = probs
            .iter()
            .enumerate()
            .max_by(|a, b| (a.1 / thresholds[a.0]).total_cmp(&(b.1 / thresholds[b.0])));
        if let Some((class, &confidence)) = best
            && confidence >= share * thresholds[class]
        {
            chosen.push(Suggestion { class, confidence });
        }
    }
    chosen.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_shuffle_keeps_items() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        assert_eq!(
            (0..5).map(|_| a.next_u64()).collect::<Vec<_>>(),
            (0..5).map(|_| b.next_u64()).collect::<Vec<_>>()
        );
        let mut items: Vec<u32> = (0..100).collect();
        Rng::new(1).shuffle(&mut items);
        assert_ne!(items, (0..100).collect::<Vec<_>>());
        items.sort();
        assert_eq!(items, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn separable_features_are_learned() {
        // Feature 0 means class 0, feature 1 means class 1, feature 2 is noise.
        let mut vectors = Vec::new();
        let mut labels: Vec<Vec<usize>> = Vec::new();
        for i in 0..60 {
            let class = i % 2;
            vectors.push(vec![(class as u32, 0.9), (2, 0.43)]);
            labels.push(vec![class]);
        }
        let v: Vec<&SparseVec> = vectors.iter().collect();
        let l: Vec<&[usize]> = labels.iter().map(|x| x.as_slice()).collect();
        let model = Model::train(&v, &l, 2, 3);
        assert_eq!(model.suggest(&vec![(0, 1.0)])[0].class, 0);
        assert_eq!(model.suggest(&vec![(1, 1.0)])[0].class, 1);
        assert!(model.suggest(&vec![]).is_empty());
    }

    #[test]
    fn thresholds_maximise_f1() {
        let scores = [
            (0.9, true),
            (0.35, true),
            (0.3, false),
            (0.1, false),
            (0.05, false),
        ];
        let t = best_threshold(&scores);
        assert!(t > 0.3 && t <= 0.35, "{t}");
    }
}
