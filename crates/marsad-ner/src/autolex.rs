//! Automatic lexicon from unlabeled news: how often a base model tags each
//! word as part of a person, location, organization or other name across a
//! large corpus. Names are easy to recognize in some contexts ("الأمين العام
//! للأمم المتحدة بان كي مون") and hard in others ("بان كي مون يبتسم"); the
//! corpus-wide label distribution carries the easy cases over to the hard
//! ones. Training-time only: models ship the resulting word → levels table.

use std::collections::HashMap;

use crate::clusters::Corpus;
use crate::lexicon::{Entry, Source};
use crate::tags::{Tag, NTAGS};
use crate::Tagger;

/// Per word: one level (0..=3) per entity type (PERS, LOC, ORG, MISC), then
/// flags (bit 0: as a name, the word is more often inside than first).
pub type AutoLevels = [u8; 5];

/// Occurrences a word needs in the corpus to be listed.
pub const MIN_OCCURRENCES: u32 = 3;

/// Words with their levels, sorted by word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AutoLexicon {
    pub words: Vec<(String, AutoLevels)>,
}

/// Multiword names found at least this often (with one type in most of them).
pub const MIN_PHRASE_COUNT: u32 = 3;

fn level(frac: f64) -> u8 {
    if frac < 0.1 {
        0
    } else if frac < 0.4 {
        1
    } else if frac < 0.8 {
        2
    } else {
        3
    }
}

impl AutoLexicon {
    /// Tags every sentence of `corpus` (word ids, `0` between sentences) with
    /// `tagger` and turns the per-word tag counts into levels.
    pub fn build(tagger: &Tagger, corpus: &Corpus) -> AutoLexicon {
        AutoLexicon::build_with_phrases(tagger, corpus).0
    }

    /// [`AutoLexicon::build`], plus the multiword names found (gazetteer
    /// entries of the `Auto*` sources).
    pub fn build_with_phrases(tagger: &Tagger, corpus: &Corpus) -> (AutoLexicon, Vec<Entry>) {
        let mut counts: HashMap<u32, [u32; NTAGS]> = HashMap::new();
        let mut phrases: HashMap<Vec<u32>, [u32; 4]> = HashMap::new();
        let mut sent: Vec<&str> = Vec::new();
        let mut ids: Vec<u32> = Vec::new();
        let mut flush = |sent: &mut Vec<&str>, ids: &mut Vec<u32>| {
            if !sent.is_empty() {
                let tags = tagger.tag(sent);
                for (&id, tag) in ids.iter().zip(&tags) {
                    counts.entry(id).or_insert([0; NTAGS])[tag.index()] += 1;
                }
                for (s, e, ty) in crate::eval::spans(&tags) {
                    if (2..=crate::lexicon::MAX_PHRASE).contains(&(e - s)) {
                        let k = crate::EntityType::ALL.iter().position(|t| *t == ty).unwrap_or(0);
                        phrases.entry(ids[s..e].to_vec()).or_insert([0; 4])[k] += 1;
                    }
                }
            }
            sent.clear();
            ids.clear();
        };
        for &id in &corpus.ids {
            if id == 0 || sent.len() >= 200 {
                flush(&mut sent, &mut ids);
            }
            if id != 0 {
                sent.push(corpus.words.get(id as usize).map_or("", String::as_str));
                ids.push(id);
            }
        }
        flush(&mut sent, &mut ids);
        let mut words = Vec::new();
        for (id, c) in counts {
            let n: u32 = c.iter().sum();
            if n < MIN_OCCURRENCES || id < 2 {
                continue;
            }
            let mut lv: AutoLevels = [0; 5];
            let mut best = (0u32, 0usize);
            for (k, ty) in crate::EntityType::ALL.iter().enumerate() {
                let (b, i) = (c[Tag::B(*ty).index()], c[Tag::I(*ty).index()]);
                lv[k] = level(f64::from(b + i) / f64::from(n));
                if b + i > best.0 {
                    best = (b + i, k);
                }
            }
            if lv[..4].iter().all(|&l| l == 0) {
                continue;
            }
            let ty = crate::EntityType::ALL[best.1];
            if c[Tag::I(ty).index()] > c[Tag::B(ty).index()] {
                lv[4] |= 1;
            }
            if let Some(w) = corpus.words.get(id as usize) {
                words.push((w.clone(), lv));
            }
        }
        words.sort();
        let sources = [Source::AutoPers, Source::AutoLoc, Source::AutoOrg, Source::AutoMisc];
        let mut entries = Vec::new();
        for (p, c) in phrases {
            let total: u32 = c.iter().sum();
            let (k, &best) = c.iter().enumerate().max_by_key(|&(_, v)| *v).unwrap_or((0, &0));
            if total >= MIN_PHRASE_COUNT && best * 3 >= total * 2 {
                let text: Vec<&str> =
                    p.iter().filter_map(|&id| corpus.words.get(id as usize).map(String::as_str)).collect();
                entries.push(Entry { source: sources[k], text: text.join(" ") });
            }
        }
        entries.sort();
        (AutoLexicon { words }, entries)
    }
}
