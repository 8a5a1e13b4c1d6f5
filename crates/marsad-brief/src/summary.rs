//! A story's summary: a few sentences chosen for centrality and coverage,
//! without repeating each other.
//!
//! Each sentence is a tf-idf vector of its content words' light stems, idf
//! taken over the sentences being summarized. A sentence scores by its
//! cosine with the whole text's centroid (centrality), raised by the number
//! of documents that report the same thing (support) and by an early
//! position (news puts the event first). Sentences are then picked by
//! maximal marginal relevance: each next pick is the best score minus its
//! similarity to what is already picked, so the summary covers the story
//! instead of restating its lead.

use std::collections::HashMap;

use marsad_text::{SparseVector as Vector, TokenKind};

/// A sentence offered to the summarizer.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub text: &'a str,
    /// Its index among its document's sentences.
    pub position: usize,
    /// How many documents report it (1 for a single document).
    pub support: usize,
}

/// Weight of relevance against novelty in maximal marginal relevance.
const LAMBDA: f32 = 0.7;
/// A candidate this similar to a picked sentence restates it and is skipped.
const RESTATES: f32 = 0.5;
/// Sentences with fewer content words than this are headings or fragments.
const MIN_WORDS: usize = 5;
/// Sentences longer than this (in words) are run-ons that summarize badly.
const MAX_WORDS: usize = 80;

/// Indices of up to `k` candidates forming the summary, in the order picked.
pub fn summarize(candidates: &[Candidate<'_>], k: usize) -> Vec<usize> {
    let mut vocabulary: HashMap<String, u64> = HashMap::new();
    let bags: Vec<HashMap<u64, f32>> = candidates
        .iter()
        .map(|c| {
            let mut bag = HashMap::new();
            for t in marsad_text::tokenize(c.text).filter(|t| t.kind == TokenKind::Arabic || t.kind == TokenKind::Latin)
            {
                let stem = marsad_text::light_stem(t.text);
                if stem.chars().count() < 3 {
                    continue;
                }
                let n = vocabulary.len() as u64;
                *bag.entry(*vocabulary.entry(stem).or_insert(n)).or_insert(0.0) += 1.0;
            }
            bag
        })
        .collect();
    let mut df: HashMap<u64, f32> = HashMap::new();
    for bag in &bags {
        for w in bag.keys() {
            *df.entry(*w).or_default() += 1.0;
        }
    }
    let n = bags.len() as f32;
    let vectors: Vec<Vector> = bags
        .iter()
        .map(|bag| {
            Vector::normalized(
                bag.iter().map(|(w, tf)| (*w, (1.0 + tf.ln()) * ((1.0 + n) / (1.0 + df[w])).ln())).collect(),
            )
        })
        .collect();
    // Redundancy is judged on the words themselves: idf would discount
    // exactly the words two restatements share.
    let plain: Vec<Vector> =
        bags.iter().map(|bag| Vector::normalized(bag.iter().map(|(w, tf)| (*w, 1.0 + tf.ln())).collect())).collect();
    let mut centroid: HashMap<u64, f32> = HashMap::new();
    for v in &vectors {
        for (w, x) in &v.0 {
            *centroid.entry(*w).or_default() += x;
        }
    }
    let centroid = Vector::normalized(centroid.into_iter().collect());

    let score: Vec<f32> = candidates
        .iter()
        .zip(&vectors)
        .zip(&bags)
        .map(|((c, v), bag)| {
            let words = bag.values().sum::<f32>() as usize;
            if !(MIN_WORDS..=MAX_WORDS).contains(&words) {
                return f32::NEG_INFINITY;
            }
            let position = 1.0 / (1.0 + 0.15 * c.position as f32);
            let support = 1.0 + (c.support.max(1) as f32).ln();
            v.dot(&centroid) * support * (0.5 + 0.5 * position)
        })
        .collect();
    let max = score.iter().copied().filter(|s| s.is_finite()).fold(f32::MIN_POSITIVE, f32::max);
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < k {
        let next = (0..candidates.len())
            .filter(|i| score[*i].is_finite() && !picked.contains(i))
            .filter_map(|i| {
                let redundancy = picked.iter().map(|&p| plain[i].dot(&plain[p])).fold(0.0, f32::max);
                (redundancy < RESTATES).then(|| (i, LAMBDA * score[i] / max - (1.0 - LAMBDA) * redundancy))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match next {
            Some((i, _)) => picked.push(i),
            None => break,
        }
    }
    picked
}

/// The summary of one document's text: `k` of its sentences, in text order.
pub fn summarize_text(text: &str, k: usize) -> Vec<&str> {
    let sentences = marsad_text::split_sentences(text);
    let candidates: Vec<Candidate<'_>> = sentences
        .iter()
        .enumerate()
        .map(|(position, r)| Candidate { text: &text[r.clone()], position, support: 1 })
        .collect();
    let mut picked = summarize(&candidates, k);
    picked.sort_unstable();
    picked.into_iter().map(|i| candidates[i].text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_covers_the_text_without_repeating_itself() {
        let text = "أعلنت وزارة الصحة تسجيل حالات جديدة من الإصابة بالفيروس في ثلاث مدن رئيسية. \
            وقالت الوزارة إن الحالات الجديدة من الإصابة بالفيروس سجلت في ثلاث مدن رئيسية. \
            وأوضحت أن فرق الترصد تتابع المخالطين للمصابين في المستشفيات. \
            ودعت الوزارة المواطنين إلى الالتزام بالإجراءات الوقائية في الأماكن العامة.";
        let summary = summarize_text(text, 2);
        assert_eq!(summary.len(), 2);
        assert!(summary[0].starts_with("أعلنت"), "{summary:?}");
        assert!(!summary[1].starts_with("وقالت"), "the restatement is redundant: {summary:?}");
    }

    #[test]
    fn nothing_to_summarize() {
        assert!(summarize_text("", 3).is_empty());
        assert!(summarize_text("قصير.", 3).is_empty());
    }
}
