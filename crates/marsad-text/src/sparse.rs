//! Sparse vectors of weighted features, for cosine similarity.
//!
//! Stories compare documents and summaries compare sentences as bags of
//! weighted words; both need the same small thing: a unit-length sparse
//! vector sorted by feature, and a linear-time dot product.

/// A sparse unit vector, sorted by feature.
#[derive(Debug, Default, Clone)]
pub struct SparseVector(pub Vec<(u64, f32)>);

impl SparseVector {
    /// `v` scaled to unit length (left as is when all zero) and sorted by feature.
    pub fn normalized(mut v: Vec<(u64, f32)>) -> Self {
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        v.sort_unstable_by_key(|(f, _)| *f);
        SparseVector(v)
    }

    /// The dot product: the cosine, for unit vectors.
    pub fn dot(&self, other: &SparseVector) -> f32 {
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    }

    /// The features by decreasing weight.
    pub fn heaviest(&self, n: usize) -> Vec<u64> {
        let mut v = self.0.clone();
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.into_iter().take(n).map(|(f, _)| f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_unit_vectors() {
        let a = SparseVector::normalized(vec![(3, 1.0), (1, 1.0)]);
        let b = SparseVector::normalized(vec![(1, 2.0)]);
        assert!((a.dot(&b) - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
        assert_eq!(a.heaviest(1).len(), 1);
        assert_eq!(SparseVector::normalized(vec![]).dot(&a), 0.0);
    }
}
