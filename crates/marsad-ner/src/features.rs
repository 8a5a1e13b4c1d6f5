//! Feature extraction: every feature is a 64-bit key combining a template id
//! with hashes of the strings involved. Each string (normalized word, stem,
//! affixes, ...) is hashed once per token; no feature string is built.
//!
//! Features come in two kinds:
//! * word-local ones, which depend on one word and the offset (-2..=+2) it
//!   sits at relative to the token being tagged (the word itself, its
//!   neighbours' words, shapes, clusters, gazetteer bits, ...). At run time
//!   their weights are summed once per word type and offset and cached
//!   (see `Tagger`), so a frequent word costs one lookup;
//! * pairwise and sentence ones: word and cluster bigrams, multiword
//!   gazetteer matches.

use crate::autolex::{AutoLevels, AutoLexicon};
use crate::clusters::{ClusterMap, LEVELS, NONE};
use crate::hash::{combine, hash_str};
use crate::lexicon::{Lexicon, U64Map};

/// Version of the feature set; a model built with another version is refused.
pub const FEATURE_VERSION: u32 = 1;

// Template ids (arbitrary distinct constants).
const T_BIAS: u64 = 1;
const T_W: u64 = 2;
const T_STEM: u64 = 3;
const T_STRIP: u64 = 4;
const T_PRE: u64 = 5; // + n
const T_SUF: u64 = 10; // + n
const T_SHAPE: u64 = 15;
const T_AL: u64 = 16;
const T_WAW: u64 = 17;
const T_WIN: u64 = 20; // + offset index (0..4 for -2,-1,+1,+2)
const T_STRIP_WIN: u64 = 25; // + 0 (-1), 1 (+1)
const T_BI_PREV: u64 = 28;
const T_BI_NEXT: u64 = 29;
const T_SHAPE_WIN: u64 = 30; // + 0 (-1), 1 (+1)
const T_GAZ_W: u64 = 33;
const T_GAZ_S: u64 = 34;
const T_GAZ_PREV: u64 = 35;
const T_GAZ_NEXT: u64 = 36;
const T_PHR_B: u64 = 37;
const T_PHR_I: u64 = 38;
const T_TRIG: u64 = 40; // + trigger class * 4 + position
const T_SUF2_PREV: u64 = 60;
const T_STEM_NEXT: u64 = 61;
const T_CL: u64 = 70; // + level
const T_CL_PREV: u64 = 74; // + level
const T_CL_NEXT: u64 = 78; // + level
const T_CL_PREV2: u64 = 82; // + level
const T_CL_NEXT2: u64 = 86; // + level
const T_CL_BI_PREV: u64 = 90;
const T_CL_BI_NEXT: u64 = 91;
const T_CL_STRIP: u64 = 92; // + level
const T_PRE_STRIP: u64 = 96; // + n
const T_NGRAM: u64 = 100;
const T_BASE: u64 = 101;
const T_AUTO: u64 = 110; // + type * 4 + level
const T_AUTO_PREV: u64 = 130; // + type * 4 + level
const T_AUTO_NEXT: u64 = 150; // + type * 4 + level
const T_AUTO_INSIDE: u64 = 170;

/// Titles and role nouns that precede person names.
const TITLES: &[&str] = &[
    "الرئيس",
    "الزعيم",
    "وزير",
    "الوزير",
    "السفير",
    "المتحدث",
    "الملك",
    "الامير",
    "الشيخ",
    "الدكتور",
    "رئيس",
    "نائب",
    "النائب",
    "المستشار",
    "القائد",
    "العاهل",
    "الجنرال",
    "اللواء",
    "العقيد",
    "السيد",
    "السيده",
    "السناتور",
    "البابا",
    "الامام",
    "المرشد",
    "الناطق",
    "المبعوث",
    "المدرب",
    "اللاعب",
    "الفنان",
    "الفنانه",
    "الكاتب",
    "الممثل",
    "المخرج",
    "الشاعر",
    "الاستاذ",
    "المهندس",
    "الحاج",
    "القاضي",
    "المحامي",
    "الزميل",
    "زعيم",
    "مدير",
    "الامين",
    "المدير",
    "المطرب",
    "المغني",
    "الروائي",
    "الصحفي",
    "المراسل",
    "الاب",
    "الكاردينال",
    "المشير",
    "الفريق",
    "العميد",
    "الرائد",
    "النقيب",
    "الملكه",
    "الاميره",
    "ولي",
    "المفكر",
    "الباحث",
    "البروفيسور",
    "الرئيسه",
    "رئيسه",
    "وزيره",
    "قال",
    "واضاف",
    "اعلن",
    "اكد",
    "صرح",
    "ابن",
    "بن",
    "ابو",
    "ام",
];

/// Prepositions that introduce places (and origins).
const LOC_PREPS: &[&str] = &["في", "من", "الى", "الي", "عن", "على", "علي", "نحو", "داخل", "خارج", "قرب", "بين", "الي"];

/// Nouns that precede place names.
const LOC_NOUNS: &[&str] = &[
    "مدينه",
    "عاصمه",
    "بلده",
    "قريه",
    "محافظه",
    "ولايه",
    "مقاطعه",
    "اقليم",
    "منطقه",
    "جزيره",
    "جزر",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "وسط",
    "دوله",
    "جمهوريه",
    "مملكه",
    "بحر",
    "نهر",
    "جبل",
    "مطار",
    "ميناء",
    "حي",
    "شارع",
    "العاصمه",
    "المدينه",
    "بلاد",
    "اماره",
];

/// Nouns that head or precede organization names.
const ORG_NOUNS: &[&str] = &[
    "وزاره",
    "شركه",
    "حزب",
    "منظمه",
    "جامعه",
    "بنك",
    "وكاله",
    "مجلس",
    "حركه",
    "جمعيه",
    "اتحاد",
    "صحيفه",
    "مؤسسه",
    "هيئه",
    "لجنه",
    "جبهه",
    "نادي",
    "منتخب",
    "محكمه",
    "مجموعه",
    "مصرف",
    "معهد",
    "مركز",
    "قناه",
    "اذاعه",
    "تلفزيون",
    "مكتب",
    "الجيش",
    "جيش",
    "برلمان",
    "البرلمان",
    "الامم",
];

// Trigger classes, in the order of `trigger_sets` (bit c of `TokInfo::triggers`).
#[cfg(test)]
const TRIG_TITLE: u64 = 0;
#[cfg(test)]
const TRIG_LOCPREP: u64 = 1;

/// Offsets of word-local features: index `k` is offset `k - 2`.
pub const OFFSETS: usize = 5;
/// Index of offset 0 (the token itself).
pub const SELF: usize = 2;

/// Per-word values, computed once per word (type).
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    pub norm: u64,
    base: u64,
    pub strip: u64,
    stem: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    shape: u64,
    al: bool,
    waw: bool,
    triggers: u8,
    gaz_w: u16,
    gaz_s: u16,
    pub cl: [u16; LEVELS],
    cl_strip: [u16; LEVELS],
    pre_strip: [u64; 3],
    ngrams: [u64; 8],
    n_ngrams: u8,
    auto: AutoLevels,
}

/// What pairwise and multiword features need of a word.
#[derive(Debug, Clone, Copy, Default)]
pub struct PairInfo {
    pub norm: u64,
    pub strip: u64,
    /// The article- and proclitic-free form: the word's key in the document context.
    pub base: u64,
    pub cl1: u16,
}

impl WordInfo {
    /// The part pairwise features use.
    pub fn pair(&self) -> PairInfo {
        PairInfo { norm: self.norm, strip: self.strip, base: self.base, cl1: self.cl[1] }
    }
}

/// Feature keys of a run of tokens (a sentence, or a whole document):
/// `keys[starts[i]..starts[i + 1]]` are token i's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenKeys {
    pub keys: Vec<u64>,
    pub starts: Vec<usize>,
}

impl TokenKeys {
    /// The keys of token `i`.
    #[inline]
    pub fn token(&self, i: usize) -> &[u64] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.keys.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub fn clear(&mut self) {
        self.keys.clear();
        self.starts.clear();
    }
}

/// Reusable buffers for extraction.
#[derive(Debug, Default)]
pub struct Features {
    /// The features of the last extracted sentence's tokens.
    pub keys: TokenKeys,
    words: Vec<WordInfo>,
    phrases: Phrases,
    norm_buf: String,
}

impl Features {
    /// Features of token `i` of the last extracted sentence.
    #[inline]
    pub fn token(&self, i: usize) -> &[u64] {
        self.keys.token(i)
    }
}

/// Multiword gazetteer marks of a sentence.
#[derive(Debug, Default)]
pub struct Phrases {
    first: Vec<[u64; 2]>,
    norms: Vec<u64>,
    pub begin: Vec<u8>,
    pub inside: Vec<u8>,
}

fn trigger_sets() -> [Vec<u64>; 4] {
    let h = |l: &[&str]| {
        let mut v: Vec<u64> = l.iter().map(|w| hash_str(&marsad_text::normalize_str(w))).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    [h(TITLES), h(LOC_PREPS), h(LOC_NOUNS), h(ORG_NOUNS)]
}

/// The feature extractor: gazetteers, word clusters and trigger word sets.
#[derive(Debug, Clone)]
pub struct Extractor {
    pub lexicon: Lexicon,
    pub clusters: ClusterMap,
    cluster_of: U64Map<[u16; LEVELS]>,
    pub auto: AutoLexicon,
    auto_of: U64Map<AutoLevels>,
    triggers: [Vec<u64>; 4],
    /// Keys standing in for a missing neighbour, per offset.
    pads: [Vec<u64>; OFFSETS],
    pad_hash: [u64; OFFSETS],
}

#[inline]
fn key(t: u64, v: u64) -> u64 {
    combine(t, v)
}

#[inline]
fn key2(t: u64, a: u64, b: u64) -> u64 {
    combine(combine(t, a), b)
}

fn len_bucket(n: usize) -> u64 {
    match n {
        0..=4 => n as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Shape: which character classes occur, plus a length bucket.
fn shape_of(word: &str) -> u64 {
    use marsad_text::chars::{class, CharClass};
    let mut classes = 0u64;
    let mut n = 0usize;
    for c in word.chars() {
        n += 1;
        classes |= match class(c) {
            CharClass::ArabicLetter => 1,
            CharClass::Letter if c.is_uppercase() => 2,
            CharClass::Letter => 16,
            CharClass::Digit => 4,
            CharClass::Punct => 8,
            CharClass::ArabicMark | CharClass::Mark | CharClass::Ignorable | CharClass::Space => 64,
            CharClass::Symbol => 32,
        };
    }
    (classes << 3) | len_bucket(n)
}

const PAD_CLUSTER: u64 = 0x1_0000;

impl Extractor {
    pub fn new(lexicon: Lexicon, clusters: ClusterMap, auto: AutoLexicon) -> Extractor {
        let mut cluster_of = U64Map::default();
        cluster_of.reserve(clusters.words.len());
        for (w, c) in &clusters.words {
            cluster_of.insert(hash_str(w), *c);
        }
        let mut auto_of = U64Map::default();
        auto_of.reserve(auto.words.len());
        for (w, a) in &auto.words {
            auto_of.insert(hash_str(w), *a);
        }
        let pad_hash = [hash_str("<S-2>"), hash_str("<S-1>"), 0, hash_str("</S+1>"), hash_str("</S+2>")];
        let mut ex = Extractor {
            lexicon,
            clusters,
            cluster_of,
            auto,
            auto_of,
            triggers: trigger_sets(),
            pads: Default::default(),
            pad_hash,
        };
        let mut pads: [Vec<u64>; OFFSETS] = Default::default();
        for (k, p) in pads.iter_mut().enumerate() {
            if k != SELF {
                ex.pad_keys(k, p);
            }
        }
        ex.pads = pads;
        ex
    }

    /// An extractor without automatic lexicon.
    pub fn with_lists(lexicon: Lexicon, clusters: ClusterMap) -> Extractor {
        Extractor::new(lexicon, clusters, AutoLexicon::default())
    }

    /// The key of the bias feature (present on every token).
    pub fn bias_key() -> u64 {
        key(T_BIAS, 0)
    }

    /// Whether word clusters are part of the model.
    fn has_clusters(&self) -> bool {
        !self.clusters.words.is_empty()
    }

    /// Everything about one word that features need.
    pub fn word_info(&self, word: &str, buf: &mut String) -> WordInfo {
        buf.clear();
        marsad_text::normalize_into(word, buf);
        let norm: &str = buf;
        let strip = marsad_text::strip_proclitics(norm);
        let stem = marsad_text::stem_normalized(norm);
        let h_norm = hash_str(norm);
        let h_strip = hash_str(strip);
        let mut pre = [0u64; 4];
        let mut suf = [0u64; 4];
        let nch = norm.chars().count();
        // Affixes of 1..4 characters, only for words longer than the affix.
        for (k, (i, _)) in norm.char_indices().skip(1).take(4).enumerate() {
            if nch > k + 1 {
                pre[k] = hash_str(&norm[..i]);
            }
        }
        for (k, (i, _)) in norm.char_indices().rev().take(4).enumerate() {
            if nch > k + 1 {
                suf[k] = hash_str(&norm[i..]);
            }
        }
        let mut triggers = 0u8;
        for (c, set) in self.triggers.iter().enumerate() {
            if set.binary_search(&h_norm).is_ok() || set.binary_search(&h_strip).is_ok() {
                triggers |= 1 << c;
            }
        }
        let gaz_w = self.lexicon.word_bits(h_norm);
        // Proclitic readings (least stripped first) for lookups in the name
        // lists and the cluster vocabulary: the first reading found wins.
        let mut gaz_s = 0u16;
        let mut cl_strip = [NONE; LEVELS];
        let mut found_cl = false;
        for cand in marsad_text::proclitic_candidates(norm).skip(1) {
            let h = if cand.len() == strip.len() { h_strip } else { hash_str(cand) };
            if gaz_s == 0 {
                gaz_s = self.lexicon.word_bits(h);
            }
            if !found_cl {
                if let Some(c) = self.cluster_of.get(&h) {
                    cl_strip = *c;
                    found_cl = true;
                }
            }
            if gaz_s != 0 && found_cl {
                break;
            }
        }
        let cl = match self.cluster_of.get(&h_norm) {
            Some(c) => *c,
            None => cl_strip,
        };
        let base = marsad_text::split_proclitics(norm).rest;
        let h_base = if base.len() == norm.len() { h_norm } else { hash_str(base) };
        let mut pre_strip = [0u64; 3];
        if h_strip != h_norm {
            let ns = strip.chars().count();
            for (k, (i, _)) in strip.char_indices().skip(1).take(3).enumerate() {
                if ns > k + 1 {
                    pre_strip[k] = hash_str(&strip[..i]);
                }
            }
        }
        // Character trigrams of the proclitic-stripped word, boundaries marked (at most 8).
        let mut ngrams = [0u64; 8];
        let mut n_ngrams = 0u8;
        let mut b = [0usize; 11];
        let mut m = 0usize;
        for (i, _) in strip.char_indices() {
            if m < 10 {
                b[m] = i;
            }
            m += 1;
        }
        if (3..=10).contains(&m) {
            b[m] = strip.len();
            for j in 0..=(m - 3) {
                if usize::from(n_ngrams) < ngrams.len() {
                    let g = hash_str(&strip[b[j]..b[j + 3]]);
                    ngrams[usize::from(n_ngrams)] = combine(g, (j == 0) as u64 | (((j + 3 == m) as u64) << 1));
                    n_ngrams += 1;
                }
            }
        }
        let auto = match self.auto_of.get(&h_norm) {
            Some(a) => *a,
            None => self.auto_of.get(&h_strip).copied().unwrap_or_default(),
        };
        WordInfo {
            auto,
            base: h_base,
            norm: h_norm,
            strip: h_strip,
            stem: hash_str(stem),
            pre,
            suf,
            shape: shape_of(word),
            al: norm.starts_with("ال"),
            waw: norm.starts_with('و') && nch > 3,
            triggers,
            gaz_w,
            gaz_s,
            cl,
            cl_strip,
            pre_strip,
            ngrams,
            n_ngrams,
        }
    }

    /// Appends the word-local keys `t` contributes when it sits at offset
    /// index `k` (0..5 = offsets -2..=+2) from the token being tagged.
    pub fn word_keys(&self, t: &WordInfo, k: usize, keys: &mut Vec<u64>) {
        let trig = |keys: &mut Vec<u64>, pos: u64| {
            for c in 0..4u64 {
                if t.triggers & (1 << c) != 0 {
                    keys.push(key(T_TRIG + c * 4 + pos, 0));
                }
            }
        };
        let gaz = |keys: &mut Vec<u64>, tmpl: u64| {
            for b in 0..7 {
                if (t.gaz_w | t.gaz_s) & (1 << b) != 0 {
                    keys.push(key(tmpl, b));
                }
            }
        };
        let auto = |keys: &mut Vec<u64>, tmpl: u64| {
            for ty in 0..4 {
                let l = t.auto[ty];
                if l > 0 {
                    keys.push(key(tmpl + ty as u64 * 4 + u64::from(l), 0));
                }
            }
        };
        let cl = self.has_clusters();
        match k {
            0 => {
                keys.push(key(T_WIN, t.norm));
                trig(keys, 1);
                if cl {
                    for l in 0..2 {
                        keys.push(key(T_CL_PREV2 + l as u64, u64::from(t.cl[l])));
                    }
                }
            }
            1 => {
                keys.push(key(T_WIN + 1, t.norm));
                if t.strip != t.norm {
                    keys.push(key(T_STRIP_WIN, t.strip));
                }
                keys.push(key(T_SHAPE_WIN, t.shape));
                keys.push(key(T_SUF2_PREV, t.suf[1]));
                gaz(keys, T_GAZ_PREV);
                trig(keys, 0);
                auto(keys, T_AUTO_PREV);
                if cl {
                    for l in 0..LEVELS {
                        keys.push(key(T_CL_PREV + l as u64, u64::from(t.cl[l])));
                    }
                }
            }
            SELF => {
                keys.push(key(T_BIAS, 0));
                keys.push(key(T_W, t.norm));
                keys.push(key(T_STEM, t.stem));
                if t.strip != t.norm {
                    keys.push(key(T_STRIP, t.strip));
                }
                if t.base != t.norm && t.base != t.strip {
                    keys.push(key(T_BASE, t.base));
                }
                for n in 0..4 {
                    if t.pre[n] != 0 {
                        keys.push(key(T_PRE + n as u64, t.pre[n]));
                    }
                    if t.suf[n] != 0 {
                        keys.push(key(T_SUF + n as u64, t.suf[n]));
                    }
                }
                for n in 0..3 {
                    if t.pre_strip[n] != 0 {
                        keys.push(key(T_PRE_STRIP + n as u64, t.pre_strip[n]));
                    }
                }
                for &g in &t.ngrams[..usize::from(t.n_ngrams)] {
                    keys.push(key(T_NGRAM, g));
                }
                keys.push(key(T_SHAPE, t.shape));
                if t.al {
                    keys.push(key(T_AL, 1));
                }
                if t.waw {
                    keys.push(key(T_WAW, 1));
                }
                trig(keys, 3);
                auto(keys, T_AUTO);
                if t.auto[4] & 1 != 0 {
                    keys.push(key(T_AUTO_INSIDE, 1));
                }
                for b in 0..7 {
                    if t.gaz_w & (1 << b) != 0 {
                        keys.push(key(T_GAZ_W, b));
                    }
                    if t.gaz_s & (1 << b) != 0 {
                        keys.push(key(T_GAZ_S, b));
                    }
                }
                if cl {
                    for l in 0..LEVELS {
                        keys.push(key(T_CL + l as u64, u64::from(t.cl[l])));
                        if t.cl_strip[l] != NONE {
                            keys.push(key(T_CL_STRIP + l as u64, u64::from(t.cl_strip[l])));
                        }
                    }
                }
            }
            3 => {
                keys.push(key(T_WIN + 2, t.norm));
                if t.strip != t.norm {
                    keys.push(key(T_STRIP_WIN + 1, t.strip));
                }
                keys.push(key(T_SHAPE_WIN + 1, t.shape));
                keys.push(key(T_STEM_NEXT, t.stem));
                gaz(keys, T_GAZ_NEXT);
                trig(keys, 2);
                auto(keys, T_AUTO_NEXT);
                if cl {
                    for l in 0..LEVELS {
                        keys.push(key(T_CL_NEXT + l as u64, u64::from(t.cl[l])));
                    }
                }
            }
            _ => {
                keys.push(key(T_WIN + 3, t.norm));
                if cl {
                    for l in 0..2 {
                        keys.push(key(T_CL_NEXT2 + l as u64, u64::from(t.cl[l])));
                    }
                }
            }
        }
    }

    /// Keys for a neighbour position outside the sentence, at offset index `k`.
    fn pad_keys(&self, k: usize, keys: &mut Vec<u64>) {
        let h = self.pad_hash[k];
        let cl = self.has_clusters();
        match k {
            0 => {
                keys.push(key(T_WIN, h));
                if cl {
                    for l in 0..2 {
                        keys.push(key(T_CL_PREV2 + l as u64, PAD_CLUSTER));
                    }
                }
            }
            1 => {
                keys.push(key(T_WIN + 1, h));
                if cl {
                    for l in 0..LEVELS {
                        keys.push(key(T_CL_PREV + l as u64, PAD_CLUSTER));
                    }
                }
            }
            3 => {
                keys.push(key(T_WIN + 2, h));
                if cl {
                    for l in 0..LEVELS {
                        keys.push(key(T_CL_NEXT + l as u64, PAD_CLUSTER));
                    }
                }
            }
            4 => {
                keys.push(key(T_WIN + 3, h));
                if cl {
                    for l in 0..2 {
                        keys.push(key(T_CL_NEXT2 + l as u64, PAD_CLUSTER));
                    }
                }
            }
            _ => {}
        }
    }

    /// The pad keys of offset index `k` (empty for the token itself).
    pub fn pads(&self, k: usize) -> &[u64] {
        self.pads.get(k).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Marks multiword gazetteer matches over a sentence of words.
    pub fn mark_phrases<'a>(&self, words: impl Iterator<Item = &'a PairInfo>, ph: &mut Phrases) {
        ph.first.clear();
        ph.norms.clear();
        for w in words {
            ph.first.push([w.norm, w.strip]);
            ph.norms.push(w.norm);
        }
        let n = ph.norms.len();
        ph.begin.clear();
        ph.begin.resize(n, 0);
        ph.inside.clear();
        ph.inside.resize(n, 0);
        self.lexicon.mark_phrases(&ph.first, &ph.norms, &mut ph.begin, &mut ph.inside);
    }

    /// Appends the pairwise and sentence keys of token `i`: word and cluster
    /// bigrams with the neighbours, multiword gazetteer marks.
    pub fn pair_keys(&self, words: &[PairInfo], i: usize, ph: &Phrases, keys: &mut Vec<u64>) {
        let n = words.len();
        let Some(t) = words.get(i) else { return };
        let prev = if i > 0 { words.get(i - 1) } else { None };
        let next = words.get(i + 1);
        let wm1 = prev.map_or(self.pad_hash[1], |p| p.norm);
        let wp1 = next.map_or(self.pad_hash[3], |q| q.norm);
        keys.push(key2(T_BI_PREV, wm1, t.norm));
        keys.push(key2(T_BI_NEXT, t.norm, wp1));
        if self.has_clusters() {
            let cm1 = prev.map_or(PAD_CLUSTER, |p| u64::from(p.cl1));
            let cp1 = next.map_or(PAD_CLUSTER, |q| u64::from(q.cl1));
            keys.push(key2(T_CL_BI_PREV, cm1, u64::from(t.cl1)));
            keys.push(key2(T_CL_BI_NEXT, u64::from(t.cl1), cp1));
        }
        if i < n {
            let (b, m) = (ph.begin.get(i).copied().unwrap_or(0), ph.inside.get(i).copied().unwrap_or(0));
            for bit in 0..8 {
                if b & (1 << bit) != 0 {
                    keys.push(key(T_PHR_B, bit));
                }
                if m & (1 << bit) != 0 {
                    keys.push(key(T_PHR_I, bit));
                }
            }
        }
    }

    /// Extracts all features of one sentence into `out` (buffers reused):
    /// the explicit form of what `Tagger` computes with its per-word cache.
    pub fn extract(&self, words: &[&str], out: &mut Features) {
        let n = words.len();
        out.keys.clear();
        out.words.clear();
        for w in words {
            let info = self.word_info(w, &mut out.norm_buf);
            out.words.push(info);
        }
        let pairs: Vec<PairInfo> = out.words.iter().map(WordInfo::pair).collect();
        self.mark_phrases(pairs.iter(), &mut out.phrases);
        let refs: Vec<&WordInfo> = out.words.iter().collect();
        for i in 0..n {
            out.keys.starts.push(out.keys.keys.len());
            for k in 0..OFFSETS {
                let j = i as isize + k as isize - SELF as isize;
                if j >= 0 && (j as usize) < n {
                    self.word_keys(refs[j as usize], k, &mut out.keys.keys);
                } else {
                    out.keys.keys.extend_from_slice(self.pads(k));
                }
            }
            self.pair_keys(&pairs, i, &out.phrases, &mut out.keys.keys);
        }
        out.keys.starts.push(out.keys.keys.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Entry, Source};

    fn extractor() -> Extractor {
        Extractor::with_lists(
            Lexicon::new(vec![
                Entry { source: Source::AnerLoc, text: marsad_text::normalize_str("القاهرة") },
                Entry { source: Source::AnerPers, text: marsad_text::normalize_str("محمد") },
            ]),
            ClusterMap {
                words: vec![
                    (marsad_text::normalize_str("القاهرة"), [1, 2, 3]),
                    (marsad_text::normalize_str("دمشق"), [1, 2, 3]),
                ],
            },
        )
    }

    #[test]
    fn features_per_token_and_determinism() {
        let ex = extractor();
        let mut f = Features::default();
        let words = ["قال", "الرئيس", "محمد", "في", "القاهرة", "."];
        ex.extract(&words, &mut f);
        assert_eq!(f.keys.starts.len(), 7);
        let first: Vec<Vec<u64>> = (0..6).map(|i| f.token(i).to_vec()).collect();
        for i in 0..6 {
            assert!(f.token(i).len() >= 15, "token {i} has {} features", f.token(i).len());
        }
        // Same input → same keys, buffers reused.
        ex.extract(&words, &mut f);
        for (i, v) in first.iter().enumerate() {
            assert_eq!(f.token(i), v.as_slice());
        }
        // Normalization: hamza and ta marbuta variants share the word feature.
        ex.extract(&["القاهره"], &mut f);
        let a = f.token(0).to_vec();
        ex.extract(&["القاهرة"], &mut f);
        assert_eq!(a, f.token(0));
    }

    #[test]
    fn gazetteer_and_trigger_features_fire() {
        let ex = extractor();
        let mut f = Features::default();
        ex.extract(&["الرئيس", "محمد", "في", "القاهرة"], &mut f);
        let gaz_pers = key(T_GAZ_W, 0);
        let gaz_loc = key(T_GAZ_W, 1);
        let title_prev = key(T_TRIG + TRIG_TITLE * 4, 0);
        let locprep_prev = key(T_TRIG + TRIG_LOCPREP * 4, 0);
        assert!(f.token(1).contains(&gaz_pers));
        assert!(f.token(1).contains(&title_prev));
        assert!(f.token(3).contains(&gaz_loc));
        assert!(f.token(3).contains(&locprep_prev));
        assert!(!f.token(0).contains(&gaz_pers));
        // Proclitic-stripped gazetteer match: وبالقاهرة → القاهرة? at least و+word.
        ex.extract(&["والقاهرة"], &mut f);
        let any_gaz = f.token(0).contains(&key(T_GAZ_S, 1)) || f.token(0).contains(&gaz_loc);
        assert!(any_gaz);
    }

    #[test]
    fn cluster_features_generalize_across_words() {
        let ex = extractor();
        let mut f = Features::default();
        ex.extract(&["القاهرة"], &mut f);
        let a = f.token(0).to_vec();
        ex.extract(&["دمشق"], &mut f);
        let b = f.token(0).to_vec();
        for l in 0..LEVELS as u64 {
            let k = key(T_CL + l, u64::from([1u16, 2, 3][l as usize]));
            assert!(a.contains(&k) && b.contains(&k));
        }
        // A proclitic form falls back to the stripped word's cluster.
        ex.extract(&["والقاهرة"], &mut f);
        assert!(f.token(0).contains(&key(T_CL + 2, 3)));
    }

    #[test]
    fn shapes_differ_by_script_and_length() {
        assert_ne!(shape_of("Obama"), shape_of("obama"));
        assert_ne!(shape_of("اوباما"), shape_of("Obama"));
        assert_ne!(shape_of("2024"), shape_of("اوباما"));
        assert_ne!(shape_of("في"), shape_of("الولايات"));
    }
}
