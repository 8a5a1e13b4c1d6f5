//! Gazetteers: name lists turned into token-level and multiword lookups.
//!
//! Entries are stored (in the model file) as normalized, space-separated
//! phrases tagged with their source; the lookup maps are rebuilt from them
//! at load time with the same hashing the feature extractor uses.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::hash::{combine, hash_str};

/// Sources of gazetteer entries (stored as one byte in the model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Source {
    /// ANERGazet person names.
    AnerPers = 0,
    /// ANERGazet locations.
    AnerLoc = 1,
    /// ANERGazet organizations.
    AnerOrg = 2,
    /// Full person names (Wikidata / DziriNames).
    FullName = 3,
    /// Single name words with a Latin spelling (ar2en lists).
    NameWord = 4,
    /// Multiword names a base model found as persons in unlabeled news (automatic lexicon).
    AutoPers = 5,
    /// ... as locations.
    AutoLoc = 6,
    /// ... as organizations.
    AutoOrg = 7,
    /// ... as other names.
    AutoMisc = 8,
}

impl Source {
    pub fn from_u8(b: u8) -> Option<Source> {
        match b {
            0 => Some(Source::AnerPers),
            1 => Some(Source::AnerLoc),
            2 => Some(Source::AnerOrg),
            3 => Some(Source::FullName),
            4 => Some(Source::NameWord),
            5 => Some(Source::AutoPers),
            6 => Some(Source::AutoLoc),
            7 => Some(Source::AutoOrg),
            8 => Some(Source::AutoMisc),
            _ => None,
        }
    }
}

// Token-level bits.
pub const W_ANER_PERS: u16 = 1 << 0;
pub const W_ANER_LOC: u16 = 1 << 1;
pub const W_ANER_ORG: u16 = 1 << 2;
pub const W_FIRST: u16 = 1 << 3;
pub const W_LAST: u16 = 1 << 4;
pub const W_MIDDLE: u16 = 1 << 5;
pub const W_NAMEWORD: u16 = 1 << 6;

// Phrase-level bits (multiword entries only).
pub const P_ANER_PERS: u8 = 1 << 0;
pub const P_ANER_LOC: u8 = 1 << 1;
pub const P_ANER_ORG: u8 = 1 << 2;
pub const P_FULLNAME: u8 = 1 << 3;
pub const P_AUTO_PERS: u8 = 1 << 4;
pub const P_AUTO_LOC: u8 = 1 << 5;
pub const P_AUTO_ORG: u8 = 1 << 6;
pub const P_AUTO_MISC: u8 = 1 << 7;

/// Longest multiword entry considered, in tokens.
pub const MAX_PHRASE: usize = 6;

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type U64Map<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// One gazetteer entry: source and normalized phrase (tokens separated by one space).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub source: Source,
    pub text: String,
}

/// Token and phrase lookups built from [`Entry`]s.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    words: U64Map<u16>,
    phrases: U64Map<u8>,
}

impl Lexicon {
    /// Builds the lookups; entries are sorted and deduplicated.
    pub fn new(mut entries: Vec<Entry>) -> Lexicon {
        // Model files store them sorted already.
        if !entries.windows(2).all(|w| w[0] < w[1]) {
            entries.sort();
            entries.dedup();
        }
        let mut words: U64Map<u16> = U64Map::default();
        let mut phrases: U64Map<u8> = U64Map::default();
        words.reserve(entries.len() * 2);
        phrases.reserve(entries.len());
        let mut toks: Vec<&str> = Vec::with_capacity(16);
        for e in &entries {
            toks.clear();
            toks.extend(e.text.split(' ').filter(|t| !t.is_empty()));
            let n = toks.len();
            if n == 0 {
                continue;
            }
            let single = match e.source {
                Source::AnerPers => W_ANER_PERS,
                Source::AnerLoc => W_ANER_LOC,
                Source::AnerOrg => W_ANER_ORG,
                Source::NameWord => W_NAMEWORD,
                _ => 0,
            };
            if single != 0 && n == 1 {
                *words.entry(hash_str(toks[0])).or_insert(0) |= single;
            }
            if e.source == Source::FullName {
                for (i, t) in toks.iter().enumerate() {
                    let bit = if i == 0 {
                        W_FIRST
                    } else if i + 1 == n {
                        W_LAST
                    } else {
                        W_MIDDLE
                    };
                    *words.entry(hash_str(t)).or_insert(0) |= bit;
                }
            }
            if (2..=MAX_PHRASE).contains(&n) {
                let bit = match e.source {
                    Source::AnerPers => P_ANER_PERS,
                    Source::AnerLoc => P_ANER_LOC,
                    Source::AnerOrg => P_ANER_ORG,
                    Source::FullName => P_FULLNAME,
                    Source::AutoPers => P_AUTO_PERS,
                    Source::AutoLoc => P_AUTO_LOC,
                    Source::AutoOrg => P_AUTO_ORG,
                    Source::AutoMisc => P_AUTO_MISC,
                    Source::NameWord => 0,
                };
                if bit != 0 {
                    let mut h = hash_str(toks[0]);
                    for t in &toks[1..] {
                        h = combine(h, hash_str(t));
                    }
                    *phrases.entry(h).or_insert(0) |= bit;
                }
            }
        }
        Lexicon { entries, words, phrases }
    }

    /// Token-level bits of a normalized word's hash.
    #[inline]
    pub fn word_bits(&self, h: u64) -> u16 {
        self.words.get(&h).copied().unwrap_or(0)
    }

    /// Marks multiword matches: for token `i`, `begin[i]`/`inside[i]` get the
    /// phrase bits of every entry matched starting at / continuing over `i`.
    /// `first[i]` holds alternative hashes for a phrase-initial token (the
    /// normalized word and its proclitic-stripped form); `norm[i]` the one used
    /// inside a phrase.
    pub fn mark_phrases(&self, first: &[[u64; 2]], norm: &[u64], begin: &mut [u8], inside: &mut [u8]) {
        let n = norm.len();
        if self.phrases.is_empty() {
            return;
        }
        for i in 0..n {
            for (v, &h0) in first[i].iter().enumerate() {
                if v == 1 && h0 == first[i][0] {
                    continue;
                }
                let mut h = h0;
                for j in i + 1..n.min(i + MAX_PHRASE) {
                    h = combine(h, norm[j]);
                    if let Some(&bits) = self.phrases.get(&h) {
                        begin[i] |= bits;
                        for x in &mut inside[i + 1..=j] {
                            *x |= bits;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases() {
        let lex = Lexicon::new(vec![
            Entry { source: Source::AnerLoc, text: "عمان".into() },
            Entry { source: Source::AnerLoc, text: "الولايات المتحده".into() },
            Entry { source: Source::FullName, text: "محمد عبد الله".into() },
        ]);
        assert_eq!(lex.word_bits(hash_str("عمان")), W_ANER_LOC);
        assert_eq!(lex.word_bits(hash_str("محمد")), W_FIRST);
        assert_eq!(lex.word_bits(hash_str("عبد")), W_MIDDLE);
        assert_eq!(lex.word_bits(hash_str("الله")), W_LAST);
        let toks = ["في", "الولايات", "المتحده", "اليوم"];
        let norm: Vec<u64> = toks.iter().map(|t| hash_str(t)).collect();
        let first: Vec<[u64; 2]> = norm.iter().map(|&h| [h, h]).collect();
        let mut b = vec![0u8; 4];
        let mut i = vec![0u8; 4];
        lex.mark_phrases(&first, &norm, &mut b, &mut i);
        assert_eq!(b, [0, P_ANER_LOC, 0, 0]);
        assert_eq!(i, [0, 0, P_ANER_LOC, 0]);
    }
}
