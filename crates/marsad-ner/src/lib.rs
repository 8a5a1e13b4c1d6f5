//! Arabic named-entity recognition: an averaged structured perceptron over
//! hashed lexical, affix, context and gazetteer features, decoded with a
//! constrained first-order Viterbi over BIO tags (`PERS`, `LOC`, `ORG`,
//! `MISC`, as in ANERcorp).
//!
//! The model trained on ANERcorp ships inside the library
//! ([`Tagger::embedded`]); `train-ner` rebuilds it (see `train`).
//!
//! ```
//! use marsad_ner::{Tagger, Tag, EntityType};
//! let tags = Tagger::embedded().tag(&["زار", "الرئيس", "الفرنسي", "القاهرة", "."]);
//! assert_eq!(tags.len(), 5);
//! assert_eq!(tags[3], Tag::B(EntityType::Loc));
//! ```

use std::cell::RefCell;
use std::io::{BufRead, Write};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

pub mod autolex;
pub mod clusters;
mod decode;
pub mod eval;
mod features;
mod hash;
mod lexicon;
mod model;
mod tags;
pub mod train;

pub use lexicon::{Entry as GazetteerEntry, Source as GazetteerSource};
pub use tags::{EntityType, ParseTagError, Tag, NTAGS};

use std::sync::atomic::{AtomicU64, Ordering};

use decode::{viterbi, Lattice};
use features::{PairInfo, Phrases, OFFSETS, SELF};
use lexicon::U64Map;
use model::{Model, Row};

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// Reading or writing failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// The model bytes are damaged or of another version.
    #[error("invalid NER model: {0}")]
    Model(String),
    /// Training data could not be read or parsed.
    #[error("{}: {message}", path.display())]
    Data {
        /// The file at fault.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// The embedded model (gzip, built by `train-ner --final`).
static EMBEDDED_MODEL: &[u8] = include_bytes!("../model/anercorp.model");

/// Tokens that end a sentence.
pub(crate) fn is_sentence_final(token: &str) -> bool {
    matches!(token, "." | "؟" | "?" | "!" | "…" | "...")
}

/// Word-local weight sums of one word type, per offset, and what pairwise features need.
struct CachedWord {
    rows: [Row; OFFSETS],
    pair: PairInfo,
}

/// Per-thread cache of word types seen by one tagger.
#[derive(Default)]
struct WordCache {
    tagger: u64,
    index: U64Map<u32>,
    words: Vec<CachedWord>,
}

/// Words kept per thread before the cache starts over (about 200 bytes each).
const CACHE_WORDS: usize = 1 << 16;

#[derive(Default)]
struct Scratch {
    cache: WordCache,
    idx: Vec<u32>,
    keys: Vec<u64>,
    phrases: Phrases,
    buf: String,
    emit: Vec<Row>,
    lattice: Lattice,
    path: Vec<usize>,
}

static NEXT_TAGGER_ID: AtomicU64 = AtomicU64::new(1);

#[inline]
fn add_weights(model: &Model, keys: &[u64], row: &mut Row) {
    for &k in keys {
        if let Some(w) = model.weights.get(k) {
            for t in 0..NTAGS {
                row[t] += w[t];
            }
        }
    }
}

#[inline]
fn add_row(acc: &mut Row, r: &Row) {
    for t in 0..NTAGS {
        acc[t] += r[t];
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A named-entity tagger (a loaded model). Cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    /// Identifies the weights for the per-thread word cache.
    id: u64,
    /// Weight sums of the keys standing in for missing neighbours, per offset.
    pad_rows: [Row; OFFSETS],
}

impl Tagger {
    /// The model shipped with the library, loaded once on first use.
    ///
    /// Never panics: should the embedded bytes fail to load (they are
    /// checked by this crate's tests), the tagger tags everything `O`;
    /// use [`Tagger::try_embedded`] to see the error.
    pub fn embedded() -> &'static Tagger {
        static EMPTY: OnceLock<Tagger> = OnceLock::new();
        match Tagger::try_embedded() {
            Ok(t) => t,
            Err(_) => EMPTY.get_or_init(|| Tagger::from_model(Model::empty())),
        }
    }

    /// The shipped model, or why it could not be loaded.
    pub fn try_embedded() -> Result<&'static Tagger, &'static NerError> {
        static EMBEDDED: OnceLock<Result<Tagger, NerError>> = OnceLock::new();
        EMBEDDED.get_or_init(|| Tagger::load(EMBEDDED_MODEL)).as_ref()
    }

    /// Loads a model file's bytes (as written by `train-ner`).
    pub fn load(bytes: &[u8]) -> Result<Tagger, NerError> {
        Ok(Tagger::from_model(Model::from_bytes(bytes)?))
    }

    /// The model file's bytes (gzip-compressed, weights quantized).
    pub fn to_bytes(&self) -> Result<Vec<u8>, NerError> {
        self.model.to_bytes()
    }

    pub(crate) fn from_model(model: Model) -> Tagger {
        let mut pad_rows = [[0.0; NTAGS]; OFFSETS];
        for (k, row) in pad_rows.iter_mut().enumerate() {
            add_weights(&model, model.extractor.pads(k), row);
        }
        Tagger { model, id: NEXT_TAGGER_ID.fetch_add(1, Ordering::Relaxed), pad_rows }
    }

    /// Number of weighted features and of gazetteer entries in the model.
    pub fn size(&self) -> (usize, usize) {
        (self.model.weights.len(), self.model.extractor.lexicon.entries.len())
    }

    /// The word clusters the model uses (learned from unlabeled news text).
    pub fn clusters(&self) -> &clusters::ClusterMap {
        &self.model.extractor.clusters
    }

    /// The automatic lexicon the model uses (built from unlabeled news text).
    pub fn auto_lexicon(&self) -> &autolex::AutoLexicon {
        &self.model.extractor.auto
    }

    /// Tags one sentence (already tokenized, ANERcorp style: punctuation
    /// separate, clitics attached). One tag per token.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(tokens.len());
        let run = |s: &mut Scratch, out: &mut Vec<Tag>| {
            self.tag_into(tokens, s);
            out.extend(s.path.iter().map(|&i| Tag::from_index(i)));
        };
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => run(&mut s, &mut out),
            Err(_) => run(&mut Scratch::default(), &mut out),
        });
        out
    }

    fn tag_into(&self, tokens: &[&str], s: &mut Scratch) {
        let m = &self.model;
        let ex = &m.extractor;
        let Scratch { cache, idx, keys, phrases, buf, emit, lattice, path } = s;
        if cache.tagger != self.id || cache.words.len() + tokens.len() > CACHE_WORDS {
            cache.tagger = self.id;
            cache.index.clear();
            cache.words.clear();
        }
        idx.clear();
        for tok in tokens {
            let h = hash::hash_str(tok);
            let j = match cache.index.get(&h) {
                Some(&j) => j,
                None => {
                    let info = ex.word_info(tok, buf);
                    let mut rows = [[0.0f32; NTAGS]; OFFSETS];
                    for (k, row) in rows.iter_mut().enumerate() {
                        keys.clear();
                        ex.word_keys(&info, k, keys);
                        add_weights(m, keys, row);
                    }
                    let j = cache.words.len() as u32;
                    cache.words.push(CachedWord { rows, pair: info.pair() });
                    cache.index.insert(h, j);
                    j
                }
            };
            idx.push(j);
        }
        let words: Vec<&CachedWord> = idx.iter().filter_map(|&j| cache.words.get(j as usize)).collect();
        let pairs: Vec<PairInfo> = words.iter().map(|w| w.pair).collect();
        ex.mark_phrases(pairs.iter(), phrases);
        let n = words.len();
        emit.clear();
        for i in 0..n {
            let mut row = words[i].rows[SELF];
            for k in 0..OFFSETS {
                if k == SELF {
                    continue;
                }
                let j = i as isize + k as isize - SELF as isize;
                if j >= 0 && (j as usize) < n {
                    add_row(&mut row, &words[j as usize].rows[k]);
                } else {
                    add_row(&mut row, &self.pad_rows[k]);
                }
            }
            keys.clear();
            ex.pair_keys(&pairs, i, phrases, keys);
            add_weights(m, keys, &mut row);
            emit.push(row);
        }
        viterbi(emit, &m.trans, lattice, path);
    }

    /// Tags a long token sequence, cutting it into sentences after
    /// sentence-final punctuation (as training did).
    pub fn tag_stream(&self, tokens: &[&str]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(tokens.len());
        let mut start = 0;
        for (i, t) in tokens.iter().enumerate() {
            if is_sentence_final(t) || i + 1 == tokens.len() {
                out.extend(self.tag(&tokens[start..=i]));
                start = i + 1;
            }
        }
        out
    }

    /// [`tag_conll`] with this tagger.
    pub fn tag_conll(&self, input: impl BufRead, mut output: impl Write) -> Result<(), NerError> {
        let mut block: Vec<String> = Vec::new();
        let flush = |block: &mut Vec<String>, output: &mut dyn Write| -> Result<(), NerError> {
            let refs: Vec<&str> = block.iter().map(String::as_str).collect();
            let tags = self.tag_stream(&refs);
            for (tok, tag) in refs.iter().zip(tags) {
                writeln!(output, "{tok} {tag}")?;
            }
            block.clear();
            Ok(())
        };
        for line in input.lines() {
            let line = line?;
            match line.split_whitespace().next() {
                Some(tok) => block.push(tok.to_string()),
                None => {
                    flush(&mut block, &mut output)?;
                    writeln!(output)?;
                }
            }
        }
        flush(&mut block, &mut output)?;
        output.flush()?;
        Ok(())
    }

    /// [`tag_text_spans`] with this tagger.
    pub fn tag_text_spans(&self, text: &str) -> Vec<(Range<usize>, EntityType)> {
        let toks: Vec<marsad_text::Token<'_>> = marsad_text::tokenize(text).collect();
        let mut out = Vec::new();
        let mut start = 0;
        for i in 0..toks.len() {
            let last = i + 1 == toks.len();
            let breaks = last
                || is_sentence_final(toks[i].text)
                || text.get(toks[i].end..toks[i + 1].start).is_some_and(|gap| gap.contains('\n'));
            if !breaks {
                continue;
            }
            let sent = &toks[start..=i];
            let words: Vec<&str> = sent.iter().map(|t| t.text).collect();
            let tags = self.tag(&words);
            let mut spans: Vec<_> = eval::spans(&tags).into_iter().collect();
            spans.sort_unstable();
            for (s, e, ty) in spans {
                out.push((sent[s].start..sent[e - 1].end, ty));
            }
            start = i + 1;
        }
        out
    }
}

/// Reads CoNLL-style lines (one token per line, optionally followed by a tag,
/// which is ignored; a blank line ends a sentence) and writes `token TAG`
/// lines: the same tokens in the same order, blank lines kept. Long blocks
/// are also cut after sentence-final punctuation for tagging.
pub fn tag_conll(input: impl BufRead, output: impl Write) -> Result<(), NerError> {
    Tagger::embedded().tag_conll(input, output)
}

/// Finds entity mentions in running text with the embedded model: byte
/// ranges into `text` and types, in text order. The text is tokenized with
/// `marsad_marsad_text::tokenize` and tagged sentence by sentence (sentences end at
/// sentence-final punctuation and at line breaks).
pub fn tag_text_spans(text: &str) -> Vec<(Range<usize>, EntityType)> {
    Tagger::embedded().tag_text_spans(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny_tagger() -> Tagger {
        // A hand-made model: the word «القاهرة» is a location.
        use crate::features::Extractor;
        use crate::lexicon::Lexicon;
        let ex = Extractor::new(Lexicon::default(), clusters::ClusterMap::default(), Default::default());
        let info = ex.word_info("القاهرة", &mut String::new());
        let mut keys = Vec::new();
        ex.word_keys(&info, SELF, &mut keys);
        // The bias and the word come first among a word's own features.
        let (bias_key, word_key) = (keys[0], keys[1]);
        let mut row = [0.0f32; NTAGS];
        row[Tag::B(EntityType::Loc).index()] = 5.0;
        let mut bias = [0.0f32; NTAGS];
        bias[0] = 1.0;
        Tagger::from_model(Model {
            extractor: ex,
            trans: decode::Transitions::default(),
            weights: model::WeightTable::new(&[(word_key, row), (bias_key, bias)]),
        })
    }

    #[test]
    fn conll_round_trip_preserves_tokens_and_blank_lines() {
        let t = tiny_tagger();
        let input = "في O\nالقاهرة B-LOC\n.\n\n\nذهب\r\nإلى\tO\nالقاهرة\n";
        let mut out = Vec::new();
        t.tag_conll(input.as_bytes(), &mut out).expect("tag");
        let out = String::from_utf8(out).expect("utf8");
        assert_eq!(out, "في O\nالقاهرة B-LOC\n. O\n\n\nذهب O\nإلى O\nالقاهرة B-LOC\n");
        let mut empty = Vec::new();
        t.tag_conll("".as_bytes(), &mut empty).expect("tag");
        assert!(empty.is_empty());
    }

    #[test]
    fn text_spans_are_byte_ranges() {
        let t = tiny_tagger();
        let text = "وصل الوفد إلى القاهرة.\nثم غادر القاهرة";
        let spans = t.tag_text_spans(text);
        assert_eq!(spans.len(), 2);
        for (r, ty) in &spans {
            assert_eq!(&text[r.clone()], "القاهرة");
            assert_eq!(*ty, EntityType::Loc);
        }
    }

    #[test]
    #[allow(clippy::needless_range_loop)]
    fn cached_scores_equal_explicit_feature_sums() {
        use crate::features::{Extractor, Features};
        use crate::lexicon::{Entry, Lexicon, Source};
        let lex = Lexicon::new(vec![
            Entry { source: Source::AnerLoc, text: marsad_text::normalize_str("القاهرة") },
            Entry { source: Source::AnerOrg, text: marsad_text::normalize_str("الأمم المتحدة") },
        ]);
        let clusters = clusters::ClusterMap {
            words: vec![(marsad_text::normalize_str("القاهرة"), [1, 2, 3]), ("في".into(), [4, 5, 6])],
        };
        let auto = autolex::AutoLexicon { words: vec![("غوتيريش".into(), [3, 0, 0, 0, 1])] };
        let ex = Extractor::new(lex, clusters, auto);
        let sents: [&[&str]; 3] = [
            &["قال", "الرئيس", "في", "القاهرة", "إن", "الأمم", "المتحدة", "."],
            &["القاهرة"],
            &["في", "في", "Obama", "2024", "الأمم", "المتحدة", "غوتيريش"],
        ];
        // Pseudo-random weights for every key any of these sentences produces.
        let mut f = Features::default();
        let mut feats = Vec::new();
        for s in sents {
            ex.extract(s, &mut f);
            for &k in &f.keys {
                let mut row = [0.0f32; NTAGS];
                for (t, v) in row.iter_mut().enumerate() {
                    *v = ((hash::combine(k, t as u64) % 1000) as f32 - 500.0) / 100.0;
                }
                feats.push((k, row));
            }
        }
        let tagger = Tagger::from_model(Model {
            extractor: ex,
            trans: decode::Transitions::default(),
            weights: model::WeightTable::new(&feats),
        });
        let mut scratch = Scratch::default();
        for _ in 0..2 {
            for s in sents {
                tagger.tag_into(s, &mut scratch);
                tagger.model.extractor.extract(s, &mut f);
                for i in 0..s.len() {
                    let mut row = [0.0f32; NTAGS];
                    add_weights(&tagger.model, f.token(i), &mut row);
                    for t in 0..NTAGS {
                        assert!((row[t] - scratch.emit[i][t]).abs() < 1e-3, "{s:?} token {i} tag {t}");
                    }
                }
            }
        }
    }

    #[test]
    fn tag_stream_matches_sentence_tagging() {
        let t = tiny_tagger();
        let toks = ["في", "القاهرة", ".", "القاهرة"];
        assert_eq!(t.tag_stream(&toks).len(), 4);
        assert!(t.tag(&[]).is_empty());
    }
}
