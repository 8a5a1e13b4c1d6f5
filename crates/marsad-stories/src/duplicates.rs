//! Near-duplicates: re-crawls and syndicated copies with small edits.
//!
//! Each document is reduced to a MinHash signature over its 4-word shingles
//! (normalized words, so spelling variants of the same letters agree), and
//! signatures are bucketed by bands (locality-sensitive hashing): two
//! documents are compared only when one band of their signatures is equal,
//! which for a Jaccard similarity of 0.8 happens with probability above
//! 0.99 and for 0.3 below 0.15. Candidates are then confirmed on the
//! estimated similarity. Work and memory grow linearly with the corpus.

use std::collections::HashMap;

use crate::hash;

/// Hash functions in a signature, as bands × rows.
const BANDS: usize = 16;
const ROWS: usize = 4;
const SIGNATURE: usize = BANDS * ROWS;
/// Words per shingle.
const SHINGLE: usize = 4;
/// Estimated Jaccard similarity of shingles above which two documents are
/// copies of one text.
pub const DUPLICATE_SIMILARITY: f32 = 0.7;
/// Documents shorter than this (in words) are not compared: a two-line
/// brief says too little to call it a copy.
const MIN_WORDS: usize = 12;

type Signature = [u64; SIGNATURE];

/// Finds, for each document added, an earlier document it is a copy of.
#[derive(Debug, Default)]
pub struct NearDuplicates {
    signatures: Vec<Option<Box<Signature>>>,
    /// One map per band: band hash → the first document with it.
    buckets: Vec<HashMap<u64, usize>>,
    /// For each document, the original it copies (itself when it is one).
    original: Vec<usize>,
}

impl NearDuplicates {
    pub fn new() -> Self {
        NearDuplicates { buckets: vec![HashMap::new(); BANDS], ..Default::default() }
    }

    /// Adds the next document (numbered in the order of adding) and returns
    /// the earlier document it is a near-duplicate of, if any — always an
    /// original, never a copy of a copy.
    pub fn add(&mut self, text: &str) -> Option<usize> {
        let doc = self.signatures.len();
        let signature = signature(text);
        let mut best: Option<usize> = None;
        if let Some(sig) = &signature {
            for (band, bucket) in self.buckets.iter().enumerate() {
                if let Some(&other) = bucket.get(&band_hash(sig, band)) {
                    let root = self.original[other];
                    let similar =
                        self.signatures[root].as_deref().is_some_and(|o| similarity(sig, o) >= DUPLICATE_SIMILARITY);
                    if similar && best.is_none_or(|b| root < b) {
                        best = Some(root);
                    }
                }
            }
            for (band, bucket) in self.buckets.iter_mut().enumerate() {
                bucket.entry(band_hash(sig, band)).or_insert(doc);
            }
        }
        self.original.push(best.unwrap_or(doc));
        self.signatures.push(signature.map(Box::new));
        best
    }
}

fn signature(text: &str) -> Option<Signature> {
    let normalized = marsad_text::normalize_str(text);
    let words: Vec<u64> =
        marsad_text::tokenize(&normalized).filter(|t| t.kind.is_word()).map(|t| hash::of_str(t.text)).collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut sig = [u64::MAX; SIGNATURE];
    for w in words.windows(SHINGLE) {
        let shingle = w.iter().fold(0, |h, &x| hash::combine(h, x));
        for (i, slot) in sig.iter_mut().enumerate() {
            *slot = (*slot).min(hash::permute(shingle, i as u64));
        }
    }
    Some(sig)
}

fn band_hash(sig: &Signature, band: usize) -> u64 {
    sig[band * ROWS..(band + 1) * ROWS].iter().fold(band as u64, |h, &x| hash::combine(h, x))
}

/// Share of equal signature slots: an unbiased estimate of the shingles' Jaccard similarity.
fn similarity(a: &Signature, b: &Signature) -> f32 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / SIGNATURE as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "أعلنت وزارة الصحة اليوم تسجيل ثلاث حالات إصابة جديدة بفيروس كورونا في الرياض وجدة والدمام \
        وقالت الوزارة في بيان إن المصابين يتلقون العلاج في المستشفيات وإن حالتهم مستقرة وإن فرق الترصد تتابع المخالطين";

    #[test]
    fn a_lightly_edited_copy_is_found_and_a_different_text_is_not() {
        let mut d = NearDuplicates::new();
        assert_eq!(d.add(WIRE), None);
        let edited = format!("{WIRE} وذلك حسب ما ذكرته الوكالة");
        assert_eq!(d.add(&edited), Some(0));
        let other = "فاز فريق الهلال على النصر بهدفين مقابل هدف في المباراة التي جرت مساء أمس على ملعب الملك فهد \
            الدولي بالرياض ضمن الجولة الأولى من الدوري وسجل الأهداف لاعبون من الفريقين أمام جمهور كبير";
        assert_eq!(d.add(other), None);
        // A copy of the copy points at the original.
        assert_eq!(d.add(&format!("{edited}.")), Some(0));
    }

    #[test]
    fn short_texts_are_never_duplicates() {
        let mut d = NearDuplicates::new();
        assert_eq!(d.add("خبر قصير"), None);
        assert_eq!(d.add("خبر قصير"), None);
    }
}
