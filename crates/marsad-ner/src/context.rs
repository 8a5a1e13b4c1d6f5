//! Document context for the second tagging pass.
//!
//! A name is often written once with a clear cue («نادي الترسانة», «شركة
//! جيلي», «الرئيس شيراك») and bare everywhere else in the same article. A
//! tagger that sees one sentence at a time cannot carry the cue over. As in
//! Krishnan & Manning (2006), a second pass sees how the first pass tagged
//! the same words elsewhere in the document, which makes a document's labels
//! consistent and recovers the bare mentions.
//!
//! The context of a sentence is every sentence within [`WINDOW`] sentences
//! of it, the sentence itself included (for a news article, the whole
//! article). Counts are kept over a sliding window, so a document of any
//! length costs one pass. Words are keyed by their article- and
//! proclitic-free base («للأهلي», «الأهلي», «والأهلي» are one word).
//!
//! Features of a token, all from the first pass:
//! * its own first-pass tag, and those of its neighbours;
//! * how the other occurrences of its word in the window were tagged: per
//!   tag, the share of occurrences (four levels), or "not seen elsewhere";
//! * for each neighbour, the tag most often given to its other occurrences;
//! * whether the token is the first or a later word of a multiword name
//!   (2 to [`MAX_PHRASE`] words) that the first pass found in another
//!   sentence of the window, by type.
//!
//! In training, the first-pass tags come from models that did not see the
//! sentence (jackknifing, see `train`), so the second pass learns how far
//! the first pass can be trusted on unseen text.

use crate::hash::combine;
use crate::lexicon::U64Map;
use crate::tags::NTAGS;

/// Sentences on each side of a sentence that make its context.
pub const WINDOW: usize = 30;

/// Longest multiword name matched from the context.
pub const MAX_PHRASE: usize = 4;

// Template ids (distinct from those of `features`).
const T_CX_SELF: u64 = 200;
const T_CX_PREV: u64 = 201;
const T_CX_NEXT: u64 = 202;
const T_CX_UNSEEN: u64 = 203;
const T_CX_WORD: u64 = 204;
const T_CX_PREV_WORD: u64 = 205;
const T_CX_NEXT_WORD: u64 = 206;
const T_CX_PHRASE_B: u64 = 207;
const T_CX_PHRASE_I: u64 = 208;

/// Stands for the missing neighbour of a sentence's first or last token.
const PAD_TAG: u64 = NTAGS as u64;

/// The first pass's result for one sentence.
#[derive(Debug, Clone, Copy)]
pub struct FirstPass<'a> {
    /// Base key of every token (see `PairInfo::base`).
    pub words: &'a [u64],
    /// First-pass tag index of every token.
    pub tags: &'a [usize],
}

/// Context keys of a run of tokens (a sentence, or a whole document).
pub type ContextKeys = crate::features::TokenKeys;

/// Reusable buffers of [`document_keys_into`].
#[derive(Debug, Default)]
pub struct Scratch {
    counts: Counts,
    /// Per token of the current sentence: tag counts of the word's other
    /// occurrences, and their sum.
    others: Vec<([i32; NTAGS], i32)>,
    /// Per token: bit per type of a multiword name found elsewhere that
    /// starts here / continues here.
    begin: Vec<u8>,
    inside: Vec<u8>,
    /// The sentence's own multiword names (phrase key, type).
    own: Vec<(u64, usize)>,
}

/// Entity type index (0..4) of a tag index, `None` for `O`.
#[inline]
fn type_of(tag: usize) -> Option<usize> {
    (tag > 0 && tag < NTAGS).then(|| (tag - 1) / 2)
}

/// Multiword names of a sentence's first-pass tags: `(start, end, type)`.
fn names(tags: &[usize]) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < tags.len() {
            let start = i;
            let Some(ty) = type_of(tags[i]) else {
                i += 1;
                continue;
            };
            i += 1;
            // I tags of the same type continue the name (even indices >= 2).
            while i < tags.len() && tags[i] == 2 + 2 * ty {
                i += 1;
            }
            if (2..=MAX_PHRASE).contains(&(i - start)) {
                return Some((start, i, ty));
            }
        }
        None
    })
}

fn phrase_key(words: &[u64]) -> u64 {
    words.iter().fold(0x7068_7261_7365, |h, &w| combine(h, w))
}

/// Tag counts of words and multiword names over a window of sentences.
#[derive(Debug, Default)]
struct Counts {
    words: U64Map<[i32; NTAGS]>,
    phrases: U64Map<[i32; 4]>,
}

impl Counts {
    fn add(&mut self, s: FirstPass<'_>, sign: i32) {
        for (&w, &t) in s.words.iter().zip(s.tags) {
            let c = self.words.entry(w).or_insert([0; NTAGS]);
            c[t.min(NTAGS - 1)] += sign;
            if sign < 0 && c.iter().all(|&v| v == 0) {
                self.words.remove(&w);
            }
        }
        for (a, b, ty) in names(s.tags) {
            let k = phrase_key(&s.words[a..b]);
            let c = self.phrases.entry(k).or_insert([0; 4]);
            c[ty] += sign;
            if sign < 0 && c.iter().all(|&v| v == 0) {
                self.phrases.remove(&k);
            }
        }
    }

    /// Tag counts of word `w` in the window without one occurrence tagged `own`.
    fn others(&self, w: u64, own: usize) -> ([i32; NTAGS], i32) {
        let mut c = self.words.get(&w).copied().unwrap_or([0; NTAGS]);
        if let Some(v) = c.get_mut(own) {
            *v = (*v - 1).max(0);
        }
        let n = c.iter().sum();
        (c, n)
    }
}

/// Share `c / n` as one of four levels: up to a third, up to two thirds, most, all.
#[inline]
fn level(c: i32, n: i32) -> u64 {
    if c * 3 <= n {
        0
    } else if c * 3 <= 2 * n {
        1
    } else if c < n {
        2
    } else {
        3
    }
}

#[inline]
fn key(t: u64, v: u64) -> u64 {
    combine(t, v)
}

/// The tag (not `O`) most often given to a word's other occurrences, with
/// its level; `None` when they are all `O` or there are none.
fn top_tag(&(c, n): &([i32; NTAGS], i32)) -> Option<(usize, u64)> {
    let (t, &best) = c.iter().enumerate().skip(1).max_by_key(|&(t, &v)| (v, std::cmp::Reverse(t)))?;
    (best > 0).then(|| (t, level(best, n)))
}

/// Appends the context keys of every token of `s` to `out`.
fn sentence_keys(scratch: &mut Scratch, s: FirstPass<'_>, out: &mut ContextKeys) {
    let Scratch { counts, others, begin, inside, own } = scratch;
    let n = s.words.len().min(s.tags.len());
    others.clear();
    others.extend((0..n).map(|i| counts.others(s.words[i], s.tags[i])));
    // Multiword names found in other sentences of the window: the window's
    // counts less this sentence's own names.
    begin.clear();
    begin.resize(n, 0);
    inside.clear();
    inside.resize(n, 0);
    if !counts.phrases.is_empty() {
        own.clear();
        own.extend(names(s.tags).map(|(a, b, ty)| (phrase_key(&s.words[a..b]), ty)));
        for j in 0..n {
            let mut k = phrase_key(&[]);
            for len in 1..=MAX_PHRASE.min(n - j) {
                k = combine(k, s.words[j + len - 1]);
                if len < 2 {
                    continue;
                }
                let Some(c) = counts.phrases.get(&k) else { continue };
                for ty in 0..4 {
                    let mine = own.iter().filter(|&&(ok, oty)| ok == k && oty == ty).count() as i32;
                    if c[ty] - mine > 0 {
                        begin[j] |= 1 << ty;
                        for m in &mut inside[j + 1..j + len] {
                            *m |= 1 << ty;
                        }
                    }
                }
            }
        }
    }
    for i in 0..n {
        out.starts.push(out.keys.len());
        let own_tag = s.tags[i];
        out.keys.push(key(T_CX_SELF, own_tag as u64));
        out.keys.push(key(T_CX_PREV, if i > 0 { s.tags[i - 1] as u64 } else { PAD_TAG }));
        out.keys.push(key(T_CX_NEXT, s.tags.get(i + 1).map_or(PAD_TAG, |&t| t as u64)));
        let (c, total) = &others[i];
        if *total == 0 {
            out.keys.push(key(T_CX_UNSEEN, 0));
        } else {
            for (t, &v) in c.iter().enumerate() {
                if v > 0 {
                    out.keys.push(key(T_CX_WORD, (t as u64) << 2 | level(v, *total)));
                }
            }
        }
        if let Some((t, l)) = i.checked_sub(1).and_then(|j| top_tag(&others[j])) {
            out.keys.push(key(T_CX_PREV_WORD, (t as u64) << 2 | l));
        }
        if let Some((t, l)) = others.get(i + 1).and_then(top_tag) {
            out.keys.push(key(T_CX_NEXT_WORD, (t as u64) << 2 | l));
        }
        for ty in 0..4u64 {
            if begin[i] & (1 << ty) != 0 {
                out.keys.push(key(T_CX_PHRASE_B, ty));
            }
            if inside[i] & (1 << ty) != 0 {
                out.keys.push(key(T_CX_PHRASE_I, ty));
            }
        }
    }
}

/// Context keys of every token of a document (its sentences in order),
/// from the first pass's results, over a window of [`WINDOW`] sentences on
/// each side, into `out` (token indices run over the whole document).
/// Linear in the document's length.
pub fn document_keys_into(doc: &[FirstPass<'_>], scratch: &mut Scratch, out: &mut ContextKeys) {
    out.clear();
    scratch.counts.words.clear();
    scratch.counts.phrases.clear();
    for s in doc.iter().take(WINDOW + 1) {
        scratch.counts.add(*s, 1);
    }
    for (i, s) in doc.iter().enumerate() {
        sentence_keys(scratch, *s, out);
        if let Some(entering) = doc.get(i + WINDOW + 1) {
            scratch.counts.add(*entering, 1);
        }
        if let Some(leaving) = i.checked_sub(WINDOW).and_then(|j| doc.get(j)) {
            scratch.counts.add(*leaving, -1);
        }
    }
    out.starts.push(out.keys.len());
}

/// [`document_keys_into`], one [`ContextKeys`] per sentence (for training).
pub fn document_keys(doc: &[FirstPass<'_>]) -> Vec<ContextKeys> {
    let mut all = ContextKeys::default();
    document_keys_into(doc, &mut Scratch::default(), &mut all);
    let mut out = Vec::with_capacity(doc.len());
    let mut first = 0;
    for s in doc {
        let n = s.words.len().min(s.tags.len());
        let base = all.starts[first];
        let starts = all.starts[first..=first + n].iter().map(|&a| a - base).collect();
        out.push(ContextKeys { keys: all.keys[base..all.starts[first + n]].to_vec(), starts });
        first += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const O: usize = 0;
    const B_ORG: usize = 5;
    const I_ORG: usize = 6;

    fn has(keys: &ContextKeys, i: usize, k: u64) -> bool {
        keys.token(i).contains(&k)
    }

    #[test]
    fn a_word_tagged_elsewhere_carries_its_tag_over() {
        // Sentence 0 tags word 7 as B-ORG; sentence 1 has it bare (O).
        let (w0, t0) = (vec![1, 7, 2], vec![O, B_ORG, O]);
        let (w1, t1) = (vec![7, 3], vec![O, O]);
        let doc = [FirstPass { words: &w0, tags: &t0 }, FirstPass { words: &w1, tags: &t1 }];
        let keys = document_keys(&doc);
        // In sentence 1, all other occurrences of 7 are B-ORG.
        assert!(has(&keys[1], 0, key(T_CX_WORD, (B_ORG as u64) << 2 | 3)));
        // In sentence 0, the only other occurrence is O: its own tag is not counted.
        assert!(has(&keys[0], 1, key(T_CX_WORD, 3)));
        assert!(!has(&keys[0], 1, key(T_CX_WORD, (B_ORG as u64) << 2 | 3)));
        // Word 3 occurs nowhere else.
        assert!(has(&keys[1], 1, key(T_CX_UNSEEN, 0)));
    }

    #[test]
    fn multiword_names_found_elsewhere_mark_their_words() {
        let (w0, t0) = (vec![1, 8, 9, 2], vec![O, B_ORG, I_ORG, O]);
        let (w1, t1) = (vec![8, 9, 4], vec![O, O, O]);
        let doc = [FirstPass { words: &w0, tags: &t0 }, FirstPass { words: &w1, tags: &t1 }];
        let keys = document_keys(&doc);
        let org = 2u64;
        assert!(has(&keys[1], 0, key(T_CX_PHRASE_B, org)));
        assert!(has(&keys[1], 1, key(T_CX_PHRASE_I, org)));
        assert!(!has(&keys[1], 2, key(T_CX_PHRASE_I, org)));
        // A sentence's own name is not context for itself.
        assert!(!has(&keys[0], 1, key(T_CX_PHRASE_B, org)));
    }

    #[test]
    fn the_window_slides() {
        // Word 5 is B-ORG in sentence 0 only; far enough away it is unseen.
        let tagged = (vec![5u64], vec![B_ORG]);
        let plain = (vec![6u64], vec![O]);
        let bare = (vec![5u64], vec![O]);
        let mut doc = vec![FirstPass { words: &tagged.0, tags: &tagged.1 }];
        for _ in 0..WINDOW + 5 {
            doc.push(FirstPass { words: &plain.0, tags: &plain.1 });
        }
        doc.push(FirstPass { words: &bare.0, tags: &bare.1 });
        doc.insert(1, FirstPass { words: &bare.0, tags: &bare.1 });
        let keys = document_keys(&doc);
        let carried = key(T_CX_WORD, (B_ORG as u64) << 2 | 3);
        assert!(has(&keys[1], 0, carried));
        assert!(has(&keys[doc.len() - 1], 0, key(T_CX_UNSEEN, 0)));
        for k in &keys {
            assert_eq!(k.starts.len(), 2);
        }
    }
}
