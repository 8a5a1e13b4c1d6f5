//! Reused passages: sentences of one story copied from one text.
//!
//! Outlets rewrite a wire report's lead and keep its body, so within a story
//! a sentence is compared with the earlier documents' sentences on their
//! word 3-gram shingles. A sentence whose shingles are mostly found in one
//! earlier sentence is a copy of it: later stages count the two as one
//! source, not two. The index is per story, so the work is linear in the
//! story's sentences.

use std::collections::HashMap;
use std::ops::Range;

use crate::hash;

/// Words per shingle.
const SHINGLE: usize = 3;
/// Share of a sentence's shingles that must come from one earlier sentence.
const COPIED: f32 = 0.6;
/// Sentences with fewer shingles than this are too short to call copies
/// («وأضاف:»).
const MIN_SHINGLES: usize = 4;

/// One copied sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reuse {
    /// The sentence (index into the document's sentences).
    pub sentence: usize,
    /// The document it was copied from (index in the story's input) and that document's sentence.
    pub from_doc: usize,
    pub from_sentence: usize,
}

/// For each document of a story (in order), its sentences copied from an
/// earlier document of the same story. `docs` holds each document's text and
/// sentence byte ranges.
pub fn reused(docs: &[(&str, &[Range<usize>])]) -> Vec<Vec<Reuse>> {
    let mut index: HashMap<u64, Vec<(u32, u32)>> = HashMap::new();
    let mut out = Vec::with_capacity(docs.len());
    for (d, (text, sentences)) in docs.iter().enumerate() {
        let mut found = Vec::new();
        let mut shingled: Vec<Vec<u64>> = Vec::with_capacity(sentences.len());
        for (s, r) in sentences.iter().enumerate() {
            let shingles = shingles(&text[r.clone()]);
            if shingles.len() >= MIN_SHINGLES {
                let mut counts: HashMap<(u32, u32), usize> = HashMap::new();
                for sh in &shingles {
                    for &hit in index.get(sh).into_iter().flatten() {
                        *counts.entry(hit).or_default() += 1;
                    }
                }
                let best = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
                if let Some(((from_doc, from_sentence), n)) = best {
                    if n as f32 >= COPIED * shingles.len() as f32 {
                        found.push(Reuse {
                            sentence: s,
                            from_doc: from_doc as usize,
                            from_sentence: from_sentence as usize,
                        });
                    }
                }
            }
            shingled.push(shingles);
        }
        // Index after reading, so a document never matches itself.
        for (s, shingles) in shingled.into_iter().enumerate() {
            for sh in shingles {
                let postings = index.entry(sh).or_default();
                if postings.last().is_none_or(|&(pd, ps)| (pd, ps) != (d as u32, s as u32)) {
                    postings.push((d as u32, s as u32));
                }
            }
        }
        out.push(found);
    }
    out
}

fn shingles(sentence: &str) -> Vec<u64> {
    let normalized = marsad_text::normalize_str(sentence);
    let words: Vec<u64> = marsad_text::tokenize(&normalized)
        .filter(|t| t.kind.is_word())
        .map(|t| hash::of_str(marsad_text::stem::stem_normalized(t.text)))
        .collect();
    let mut out: Vec<u64> = words.windows(SHINGLE).map(|w| w.iter().fold(0, |h, &x| hash::combine(h, x))).collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copied_sentence_points_at_its_source_and_an_independent_one_does_not() {
        let a =
            "أعلنت الوزارة عن خطة جديدة لدعم المزارعين في المناطق الجنوبية. وقال الوزير إن الخطة تبدأ الشهر المقبل.";
        let b = "قالت مصادر محلية إن المزارعين ينتظرون الدعم منذ سنوات طويلة. وأعلنت الوزارة عن خطة جديدة لدعم المزارعين في المناطق الجنوبية.";
        let sa = marsad_text::split_sentences(a);
        let sb = marsad_text::split_sentences(b);
        let r = reused(&[(a, &sa), (b, &sb)]);
        assert!(r[0].is_empty());
        assert_eq!(r[1], vec![Reuse { sentence: 1, from_doc: 0, from_sentence: 0 }]);
    }
}
