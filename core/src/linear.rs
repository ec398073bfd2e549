//! A linear classifier over sparse features: an L2-regularised squared-hinge SVM trained
//! by dual coordinate descent (Hsieh et al., 2008), the method behind LIBLINEAR and
//! scikit-learn's `LinearSVC`. It converges in a few passes over the data, needs no
//! learning rate, and is deterministic for a given seed.

/// A sparse vector: (feature index, value), indices unique.
pub type Sparse = Vec<(u32, f32)>;

/// Scales a vector to unit length (no-op for an empty vector).
pub fn unit(v: &mut Sparse) {
    let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, x) in v.iter_mut() {
            *x /= norm;
        }
    }
}

/// A trained model: a score above zero means the positive class.
#[derive(Debug, Clone, PartialEq)]
pub struct Linear {
    pub weights: Vec<f32>,
    pub bias: f32,
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct Training {
    /// Inverse regularisation: larger fits the examples more closely.
    pub c: f32,
    /// Extra weight on positive examples (1 for none).
    pub positive_weight: f32,
    /// Stop when no example's projected gradient exceeds this.
    pub tolerance: f32,
    pub max_passes: usize,
    pub seed: u64,
}

impl Default for Training {
    fn default() -> Self {
        Training {
            c: 1.0,
            positive_weight: 1.0,
            tolerance: 0.01,
            max_passes: 200,
            seed: 7,
        }
    }
}

/// A small, fast, deterministic random source (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1) as u64) as usize
    }
}

/// The bias is learnt as the weight of a constant feature of this value.
const BIAS_FEATURE: f32 = 1.0;

impl Linear {
    /// Trains on `examples` with labels `positive`; features index below `dimension`.
    pub fn train(examples: &[&Sparse], positive: &[bool], dimension: usize, t: Training) -> Linear {
        let n = examples.len();
        let mut w = vec![0.0f32; dimension];
        let mut bias = 0.0f32;
        let mut alpha = vec![0.0f32; n];
        let y: Vec<f32> = positive
            .iter()
            .map(|&p| if p { 1.0 } else { -1.0 })
            .collect();
        // Squared hinge: the dual has no upper bound, a diagonal of 1 / (2C) instead.
        let diag: Vec<f32> = positive
            .iter()
            .map(|&p| 1.0 / (2.0 * t.c * if p { t.positive_weight } else { 1.0 }))
            .collect();
        let q: Vec<f32> = examples
            .iter()
            .map(|x| x.iter().map(|(_, v)| v * v).sum::<f32>() + BIAS_FEATURE * BIAS_FEATURE)
            .collect();
        let mut order: Vec<usize> = (0..n).collect();
        let mut rng = Rng(t.seed.max(1));
        for _ in 0..t.max_passes {
            for i in (1..n).rev() {
                order.swap(i, rng.below(i + 1));
            }
            let mut largest = 0.0f32;
            for &i in &order {
                let x = examples[i];
                let margin =
                    x.iter().map(|&(f, v)| w[f as usize] * v).sum::<f32>() + bias * BIAS_FEATURE;
                let g = y[i] * margin - 1.0 + diag[i] * alpha[i];
                let pg = if alpha[i] == 0.0 { g.min(0.0) } else { g };
                largest = largest.max(pg.abs());
                if pg.abs() > 1e-12 {
                    let old = alpha[i];
                    alpha[i] = (old - g / (q[i] + diag[i])).max(0.0);
                    let step = (alpha[i] - old) * y[i];
                    for &(f, v) in x {
                        w[f as usize] += step * v;
                    }
                    bias += step * BIAS_FEATURE;
                }
            }
            if largest < t.tolerance {
                break;
            }
        }
        Linear { weights: w, bias }
    }

    /// The score of one example: above zero, the positive class.
    pub fn score(&self, x: &Sparse) -> f32 {
        x.iter()
            .map(|&(f, v)| self.weights.get(f as usize).copied().unwrap_or(0.0) * v)
            .sum::<f32>()
            + self.bias * BIAS_FEATURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_what_can_be_separated_and_generalises() {
        // Feature 0 marks the positives, 1 the negatives, 2 is noise on both.
        let data: Vec<(Sparse, bool)> = (0..40)
            .map(|i| {
                let pos = i % 2 == 0;
                let mut v: Sparse = vec![(if pos { 0 } else { 1 }, 1.0)];
                if i % 3 == 0 {
                    v.push((2, 1.0));
                }
                unit(&mut v);
                (v, pos)
            })
            .collect();
        let xs: Vec<&Sparse> = data.iter().map(|(v, _)| v).collect();
        let ys: Vec<bool> = data.iter().map(|(_, p)| *p).collect();
        let m = Linear::train(&xs, &ys, 3, Training::default());
        assert!(data.iter().all(|(v, p)| (m.score(v) > 0.0) == *p));
        assert!(m.score(&vec![(0, 1.0)]) > 0.5 && m.score(&vec![(1, 1.0)]) < -0.5);
        assert!(m.weights[2].abs() < 0.2, "noise gets little weight");
        // Same data, same seed: the same model.
        assert_eq!(m, Linear::train(&xs, &ys, 3, Training::default()));
    }
}
