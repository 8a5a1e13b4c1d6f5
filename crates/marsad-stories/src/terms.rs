//! What a document is about, as weighted features.
//!
//! A story is recognized by what its reports share beyond their topic: the
//! named entities (by their corpus-wide ids, so spelling variants agree),
//! the specific words (light stems, so clitics and endings do not matter),
//! and the numbers (casualty counts, amounts, scores). Words are weighted by
//! how rare they are in the corpus seen so far (idf) and by where they occur
//! (a title word counts more); numbers and entities get extra weight because
//! two reports of one topic but different events differ exactly there.

use std::collections::HashMap;

use marsad_text::TokenKind;

use marsad_text::SparseVector as Vector;

use crate::hash;

/// Kinds of feature, mixed into the hash so that a word and a number never collide.
const WORD: u64 = 1;
const ENTITY: u64 = 2;
const NUMBER: u64 = 3;

/// Feature counts of one document before weighting.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    /// feature → (count, kind weight)
    pub features: HashMap<u64, (f32, f32)>,
}

/// Relative weight of a title word, an entity and a number to a body word.
const TITLE_WEIGHT: f32 = 2.0;
const ENTITY_WEIGHT: f32 = 2.0;
const NUMBER_WEIGHT: f32 = 1.5;
/// Body words read per document: the lead carries the story, and a bound
/// keeps long documents from dominating.
const MAX_BODY_WORDS: usize = 400;

impl Counts {
    pub fn of(title: Option<&str>, text: &str, entities: &[(&str, usize)]) -> Self {
        let mut c = Counts::default();
        if let Some(t) = title {
            c.words(t, TITLE_WEIGHT, usize::MAX);
        }
        c.words(text, 1.0, MAX_BODY_WORDS);
        for (id, mentions) in entities {
            let e = c.features.entry(hash::combine(ENTITY, hash::of_str(id))).or_insert((0.0, ENTITY_WEIGHT));
            e.0 += *mentions as f32;
        }
        c
    }

    fn words(&mut self, text: &str, weight: f32, limit: usize) {
        let mut stem = String::new();
        for t in marsad_text::tokenize(text).filter(|t| t.kind.is_word()).take(limit) {
            let (kind, w) = match t.kind {
                TokenKind::Number => {
                    // A lone digit or a percentage point says little; a year
                    // or a count of dead says a lot.
                    if t.text.chars().count() < 2 {
                        continue;
                    }
                    stem.clear();
                    marsad_text::normalize_into(t.text, &mut stem);
                    (NUMBER, NUMBER_WEIGHT)
                }
                _ => {
                    stem.clear();
                    marsad_text::light_stem_into(t.text, &mut stem);
                    if stem.chars().count() < 3 || is_stopword(&stem) {
                        continue;
                    }
                    (WORD, 1.0)
                }
            };
            let e = self.features.entry(hash::combine(kind, hash::of_str(&stem))).or_insert((0.0, w * weight));
            e.0 += 1.0;
            e.1 = e.1.max(w * weight);
        }
    }
}

/// Light stems of words that every news report uses.
fn is_stopword(stem: &str) -> bool {
    matches!(
        stem,
        "الذي"
            | "التي"
            | "الذين"
            | "هذا"
            | "هذه"
            | "ذلك"
            | "تلك"
            | "كان"
            | "كانت"
            | "يكون"
            | "تكون"
            | "قال"
            | "قالت"
            | "اكد"
            | "اضاف"
            | "اشار"
            | "اوضح"
            | "خلال"
            | "بعد"
            | "قبل"
            | "حيث"
            | "بين"
            | "عند"
            | "منذ"
            | "حتي"
            | "لدي"
            | "علي"
            | "الي"
            | "عن"
            | "من"
            | "في"
            | "مع"
            | "ان"
            | "انه"
            | "انها"
            | "كما"
            | "وقد"
            | "لقد"
            | "اليوم"
            | "امس"
            | "يوم"
            | "عام"
            | "العام"
            | "اخري"
            | "اخر"
            | "كل"
            | "غير"
            | "ضمن"
            | "وفق"
            | "عبر"
            | "نحو"
            | "الا"
            | "لكن"
            | "حول"
            | "ايضا"
            | "فقط"
            | "اجل"
            | "وذلك"
            | "عدد"
            | "اول"
            | "جديد"
            | "جديده"
            | "ذكر"
            | "ذكرت"
    )
}

/// The document frequencies of features over the documents seen so far.
#[derive(Debug, Default, Clone)]
pub struct DocumentFrequencies {
    df: HashMap<u64, u32>,
    documents: u32,
}

impl DocumentFrequencies {
    pub fn add(&mut self, c: &Counts) {
        self.documents += 1;
        for f in c.features.keys() {
            *self.df.entry(*f).or_default() += 1;
        }
    }

    fn idf(&self, f: u64) -> f32 {
        let df = self.df.get(&f).copied().unwrap_or(0) as f32;
        ((1.0 + self.documents as f32) / (1.0 + df)).ln() + 1.0
    }

    /// The weighted, unit-length vector of `c`, keeping its `keep` heaviest features.
    pub fn vector(&self, c: &Counts, keep: usize) -> Vector {
        let mut v: Vec<(u64, f32)> =
            c.features.iter().map(|(&f, &(n, w))| (f, (1.0 + n.ln()) * w * self.idf(f))).collect();
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(keep);
        Vector::normalized(v)
    }
}
