//! Arabic named-entity recognition: an averaged structured perceptron over
//! hashed lexical, affix, context and gazetteer features, decoded with a
//! constrained first-order Viterbi over BIO tags (`PERS`, `LOC`, `ORG`,
//! `MISC`, as in ANERcorp).
//!
//! Tagging runs in two passes: the first tags each sentence alone; the
//! second sees how the first tagged the same words elsewhere in the
//! document (see `context`). Tag whole documents ([`Tagger::tag_document`],
//! [`tag_text_spans`], [`tag_conll`]) to give the second pass its context.
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
mod context;
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

use context::FirstPass;
use decode::{viterbi, Lattice};
use features::{PairInfo, Phrases, OFFSETS, SELF};
use lexicon::U64Map;
use model::{Model, Row, WeightTable};

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
    pair: PairInfo,
    rows: [Row; OFFSETS],
    /// The same sums under the second pass's weights (zero without a second pass).
    rows2: [Row; OFFSETS],
    /// The word's hash (its key in the index).
    hash: u64,
}

/// Per-thread cache of word types seen by one tagger.
#[derive(Default)]
struct WordCache {
    tagger: u64,
    index: U64Map<u32>,
    words: Vec<CachedWord>,
    /// Each word's uses since the cache last made room. Kept apart from the
    /// words so that looking a token up does not wait for its word's
    /// cache line (the words are tens of megabytes).
    hits: Vec<u32>,
}

/// Words kept per thread (about 400 bytes each, so some 50 MB). Scoring a
/// word the cache does not hold costs about five times the rest of its
/// tagging; on SaudiNewsNet this size, with [`WordCache::make_room`], misses
/// 5% of tokens (starting over when full, at half the size: 13%).
const CACHE_WORDS: usize = 1 << 17;

impl WordCache {
    /// Makes room for `incoming` new words of `tagger`. When the cache is
    /// full it keeps the words used since it last made room, the most used
    /// first, up to half its size: a text's frequent words stay (starting
    /// over would score each of them again), the rare ones go.
    fn make_room(&mut self, tagger: u64, incoming: usize) {
        if self.tagger != tagger {
            self.tagger = tagger;
            self.index.clear();
            self.words.clear();
            self.hits.clear();
        }
        if self.words.len() + incoming <= CACHE_WORDS {
            return;
        }
        let mut used: Vec<(u32, u32)> =
            self.hits.iter().enumerate().filter(|&(_, &h)| h > 0).map(|(j, &h)| (h, j as u32)).collect();
        let keep = CACHE_WORDS / 2;
        if used.len() > keep {
            let drop = used.len() - keep;
            used.select_nth_unstable(drop);
            used.drain(..drop);
        }
        // Kept words in their old order (the hits decide only which).
        let mut kept = vec![false; self.words.len()];
        for &(_, j) in &used {
            kept[j as usize] = true;
        }
        let mut flags = kept.iter();
        self.words.retain(|_| flags.next().copied().unwrap_or(false));
        self.index.clear();
        for (j, w) in self.words.iter().enumerate() {
            self.index.insert(w.hash, j as u32);
        }
        self.hits.clear();
        self.hits.resize(self.words.len(), 0);
    }
}

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
    pairs: Vec<PairInfo>,
    doc: DocBuffers,
}

/// A document's tokens across the two passes.
#[derive(Default)]
struct DocBuffers {
    /// Second-pass emissions before the context features, per token.
    emit2: Vec<Row>,
    /// Context key (base form) per token.
    words: Vec<u64>,
    /// First-pass tag index per token.
    tags: Vec<usize>,
    /// Start of each sentence in the per-token vectors, and the end.
    bounds: Vec<usize>,
    /// Context keys of every token.
    keys: context::ContextKeys,
    context: context::Scratch,
}

static NEXT_TAGGER_ID: AtomicU64 = AtomicU64::new(1);

#[inline]
fn add_weights(weights: &WeightTable, keys: &[u64], row: &mut Row) {
    weights.touch(keys);
    for &k in keys {
        if let Some(w) = weights.get(k) {
            for t in 0..NTAGS {
                row[t] += w[t];
            }
        }
    }
}

/// Adds the weights of `keys` to both passes' rows with one lookup per key.
#[inline]
fn add_weights_both(weights: &WeightTable<{ 2 * NTAGS }>, keys: &[u64], row: &mut Row, row2: &mut Row) {
    weights.touch(keys);
    for &k in keys {
        if let Some(w) = weights.get(k) {
            for t in 0..NTAGS {
                row[t] += w[t];
                row2[t] += w[NTAGS + t];
            }
        }
    }
}

/// Both passes' weights side by side, for [`add_weights_both`].
fn joint_weights(first: &WeightTable, second: &WeightTable) -> WeightTable<{ 2 * NTAGS }> {
    let mut joint: std::collections::BTreeMap<u64, [f32; 2 * NTAGS]> = std::collections::BTreeMap::new();
    for (k, r) in first.pairs() {
        joint.entry(k).or_insert([0.0; 2 * NTAGS])[..NTAGS].copy_from_slice(&r);
    }
    for (k, r) in second.pairs() {
        joint.entry(k).or_insert([0.0; 2 * NTAGS])[NTAGS..].copy_from_slice(&r);
    }
    WeightTable::new(&joint.into_iter().collect::<Vec<_>>())
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
    /// The same under the second pass's weights.
    pad_rows2: [Row; OFFSETS],
    /// With a second pass: both passes' weights, looked up together.
    joint: Option<WeightTable<{ 2 * NTAGS }>>,
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
        let mut pad_rows2 = [[0.0; NTAGS]; OFFSETS];
        for k in 0..OFFSETS {
            add_weights(&model.weights, model.extractor.pads(k), &mut pad_rows[k]);
            if let Some(stage) = &model.context {
                add_weights(&stage.weights, model.extractor.pads(k), &mut pad_rows2[k]);
            }
        }
        let joint = model.context.as_ref().map(|stage| joint_weights(&model.weights, &stage.weights));
        Tagger { model, id: NEXT_TAGGER_ID.fetch_add(1, Ordering::Relaxed), pad_rows, pad_rows2, joint }
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

    /// Whether the model has the second, document-context pass.
    pub fn has_context_pass(&self) -> bool {
        self.model.context.is_some()
    }

    /// Tags one sentence (already tokenized, ANERcorp style: punctuation
    /// separate, clitics attached) as a document of its own. One tag per token.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tag_document(&[tokens]).pop().unwrap_or_default()
    }

    /// Tags the sentences of one document: each sentence alone first, then
    /// again with what the first pass found in the sentences around it
    /// (within `context::WINDOW` sentences). One tag per token per sentence.
    pub fn tag_document(&self, sentences: &[&[&str]]) -> Vec<Vec<Tag>> {
        let mut out = Vec::with_capacity(sentences.len());
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => self.document_into(sentences, &mut s, &mut out),
            Err(_) => self.document_into(sentences, &mut Scratch::default(), &mut out),
        });
        out
    }

    fn document_into(&self, sentences: &[&[&str]], s: &mut Scratch, out: &mut Vec<Vec<Tag>>) {
        let tags_of = |path: &[usize]| path.iter().map(|&i| Tag::from_index(i)).collect::<Vec<_>>();
        let Some(stage) = &self.model.context else {
            for sent in sentences {
                self.first_pass(sent, s);
                out.push(tags_of(&s.path));
            }
            return;
        };
        s.doc.emit2.clear();
        s.doc.words.clear();
        s.doc.tags.clear();
        s.doc.bounds.clear();
        for sent in sentences {
            s.doc.bounds.push(s.doc.tags.len());
            self.first_pass(sent, s);
            s.doc.tags.extend_from_slice(&s.path);
        }
        s.doc.bounds.push(s.doc.tags.len());
        let Scratch { doc, emit, lattice, path, .. } = s;
        let DocBuffers { emit2, words, tags, bounds, keys, context } = doc;
        let passes: Vec<FirstPass<'_>> =
            bounds.windows(2).map(|b| FirstPass { words: &words[b[0]..b[1]], tags: &tags[b[0]..b[1]] }).collect();
        context::document_keys_into(&passes, context, keys);
        for b in bounds.windows(2) {
            emit.clear();
            emit.extend_from_slice(&emit2[b[0]..b[1]]);
            for (i, row) in emit.iter_mut().enumerate() {
                add_weights(&stage.weights, keys.token(b[0] + i), row);
            }
            viterbi(emit, &stage.trans, lattice, path);
            out.push(tags_of(path));
        }
    }

    /// The first pass over one sentence: its tags in `s.path`; with a second
    /// pass, the sentence's context keys and second-pass emissions are
    /// appended to `s.doc`.
    fn first_pass(&self, tokens: &[&str], s: &mut Scratch) {
        let m = &self.model;
        let ex = &m.extractor;
        let Scratch { cache, idx, keys, phrases, buf, emit, lattice, path, pairs, doc } = s;
        cache.make_room(self.id, tokens.len());
        idx.clear();
        for tok in tokens {
            let h = hash::hash_str(tok);
            let j = match cache.index.get(&h) {
                Some(&j) => {
                    if let Some(h) = cache.hits.get_mut(j as usize) {
                        *h = h.saturating_add(1);
                    }
                    j
                }
                None => {
                    let info = ex.word_info(tok, buf);
                    let mut rows = [[0.0f32; NTAGS]; OFFSETS];
                    let mut rows2 = [[0.0f32; NTAGS]; OFFSETS];
                    for k in 0..OFFSETS {
                        keys.clear();
                        ex.word_keys(&info, k, keys);
                        match &self.joint {
                            Some(joint) => add_weights_both(joint, keys, &mut rows[k], &mut rows2[k]),
                            None => add_weights(&m.weights, keys, &mut rows[k]),
                        }
                    }
                    let j = cache.words.len() as u32;
                    cache.words.push(CachedWord { pair: info.pair(), rows, rows2, hash: h });
                    cache.hits.push(0);
                    cache.index.insert(h, j);
                    j
                }
            };
            idx.push(j);
        }
        let words = &cache.words;
        let word = |i: usize| idx.get(i).and_then(|&j| words.get(j as usize));
        pairs.clear();
        pairs.extend((0..idx.len()).filter_map(|i| word(i).map(|w| w.pair)));
        ex.mark_phrases(pairs.iter(), phrases);
        let n = pairs.len();
        emit.clear();
        for i in 0..n {
            let Some(this) = word(i) else { continue };
            let mut row = this.rows[SELF];
            let mut row2 = this.rows2[SELF];
            for k in 0..OFFSETS {
                if k == SELF {
                    continue;
                }
                let j = i as isize + k as isize - SELF as isize;
                let neighbour = usize::try_from(j).ok().filter(|&j| j < n).and_then(word);
                add_row(&mut row, neighbour.map_or(&self.pad_rows[k], |w| &w.rows[k]));
                add_row(&mut row2, neighbour.map_or(&self.pad_rows2[k], |w| &w.rows2[k]));
            }
            keys.clear();
            ex.pair_keys(pairs, i, phrases, keys);
            match &self.joint {
                Some(joint) => {
                    add_weights_both(joint, keys, &mut row, &mut row2);
                    doc.emit2.push(row2);
                    doc.words.push(pairs[i].base);
                }
                None => add_weights(&m.weights, keys, &mut row),
            }
            emit.push(row);
        }
        viterbi(emit, &m.trans, lattice, path);
    }

    /// Tags a long token sequence as one document, cutting it into sentences
    /// after sentence-final punctuation (as training did).
    pub fn tag_stream(&self, tokens: &[&str]) -> Vec<Tag> {
        let sentences = split_sentences(tokens);
        self.tag_document(&sentences).into_iter().flatten().collect()
    }

    /// [`tag_conll`] with this tagger.
    pub fn tag_conll(&self, input: impl BufRead, output: impl Write) -> Result<(), NerError> {
        tag_conll_with(input, output, |doc| self.tag_document(doc))
    }

    /// [`tag_text_spans`] with this tagger.
    pub fn tag_text_spans(&self, text: &str) -> Vec<(Range<usize>, EntityType)> {
        let toks: Vec<marsad_text::Token<'_>> = marsad_text::tokenize(text).collect();
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        let mut bounds = Vec::new();
        let mut start = 0;
        for i in 0..toks.len() {
            let last = i + 1 == toks.len();
            let breaks = last
                || is_sentence_final(toks[i].text)
                || text.get(toks[i].end..toks[i + 1].start).is_some_and(|gap| gap.contains('\n'));
            if breaks {
                bounds.push(start..i + 1);
                start = i + 1;
            }
        }
        let sentences: Vec<&[&str]> = bounds.iter().map(|r| &words[r.clone()]).collect();
        let mut out = Vec::new();
        for (r, tags) in bounds.iter().zip(self.tag_document(&sentences)) {
            let sent = &toks[r.clone()];
            let mut spans: Vec<_> = eval::spans(&tags).into_iter().collect();
            spans.sort_unstable();
            for (s, e, ty) in spans {
                out.push((sent[s].start..sent[e - 1].end, ty));
            }
        }
        out
    }
}

/// Sentences of CoNLL input tagged as one document; longer inputs are
/// tagged in parts of about this many sentences (the context window is far
/// smaller, so little is lost at the seams and memory stays bounded).
const CONLL_PART_SENTENCES: usize = 4096;

/// The CoNLL reading and writing of [`tag_conll`], with any document tagger:
/// `tag_document` gets the input's sentences (in parts of a few thousand)
/// and returns one label per token. Sentences end at blank lines and after
/// sentence-final punctuation; tokens and blank lines are written back in
/// order, each token followed by its label.
pub fn tag_conll_with<L: std::fmt::Display>(
    input: impl BufRead,
    mut output: impl Write,
    mut tag_document: impl FnMut(&[&[&str]]) -> Vec<Vec<L>>,
) -> Result<(), NerError> {
    // Lines of the current part: a token, or `None` for a blank line.
    let mut lines: Vec<Option<String>> = Vec::new();
    let mut sentences = 0usize;
    for line in input.lines() {
        let line = line?;
        // A part ends at a sentence end (a blank line or sentence-final
        // punctuation), so input without blank lines stays bounded too.
        let ends_sentence = match line.split_whitespace().next() {
            Some(tok) => {
                let end = is_sentence_final(tok);
                lines.push(Some(tok.to_string()));
                end
            }
            None => {
                lines.push(None);
                true
            }
        };
        sentences += usize::from(ends_sentence);
        if ends_sentence && sentences >= CONLL_PART_SENTENCES {
            write_conll_part(&lines, &mut output, &mut tag_document)?;
            lines.clear();
            sentences = 0;
        }
    }
    write_conll_part(&lines, &mut output, &mut tag_document)?;
    output.flush()?;
    Ok(())
}

/// Tags `lines` (tokens and blank lines) as one document and writes them back.
fn write_conll_part<L: std::fmt::Display>(
    lines: &[Option<String>],
    output: &mut impl Write,
    tag_document: &mut impl FnMut(&[&[&str]]) -> Vec<Vec<L>>,
) -> Result<(), NerError> {
    let tokens: Vec<&str> = lines.iter().flatten().map(String::as_str).collect();
    let mut sentences: Vec<&[&str]> = Vec::new();
    let (mut start, mut pos) = (0, 0);
    for line in lines {
        match line {
            Some(tok) => {
                pos += 1;
                if is_sentence_final(tok) {
                    sentences.push(&tokens[start..pos]);
                    start = pos;
                }
            }
            None if pos > start => {
                sentences.push(&tokens[start..pos]);
                start = pos;
            }
            None => {}
        }
    }
    if pos > start {
        sentences.push(&tokens[start..pos]);
    }
    let mut labels = tag_document(&sentences).into_iter().flatten().peekable();
    for line in lines {
        match (line, labels.next_if(|_| line.is_some())) {
            (Some(tok), Some(label)) => writeln!(output, "{tok} {label}")?,
            // Every token is written back, labelled or not.
            (Some(tok), None) => writeln!(output, "{tok} O")?,
            (None, _) => writeln!(output)?,
        }
    }
    Ok(())
}

/// Cuts a token sequence into sentences after sentence-final punctuation.
fn split_sentences<'a, 'b>(tokens: &'b [&'a str]) -> Vec<&'b [&'a str]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if is_sentence_final(t) || i + 1 == tokens.len() {
            out.push(&tokens[start..=i]);
            start = i + 1;
        }
    }
    out
}

/// Reads CoNLL-style lines (one token per line, optionally followed by a tag,
/// which is ignored; a blank line ends a sentence) and writes `token TAG`
/// lines: the same tokens in the same order, blank lines kept. Long blocks
/// are also cut after sentence-final punctuation for tagging. The input is
/// one document: the second pass sees the sentences around each one.
pub fn tag_conll(input: impl BufRead, output: impl Write) -> Result<(), NerError> {
    Tagger::embedded().tag_conll(input, output)
}

/// Finds entity mentions in running text with the embedded model: byte
/// ranges into `text` and types, in text order. The text is tokenized with
/// `marsad_text::tokenize` and cut into sentences (at sentence-final
/// punctuation and at line breaks); the text is one document.
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
            context: None,
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
    fn a_full_word_cache_keeps_the_words_in_use() {
        let word = |hash: u64| CachedWord {
            pair: PairInfo::default(),
            rows: [[0.0; NTAGS]; OFFSETS],
            rows2: [[0.0; NTAGS]; OFFSETS],
            hash,
        };
        let mut cache = WordCache::default();
        cache.make_room(7, 1);
        // Full: every word once, and a few words used often.
        for h in 1..=CACHE_WORDS as u64 {
            let hits = match h % 1000 {
                0 => 50,
                1..=600 => 1,
                _ => 0,
            };
            cache.index.insert(h, cache.words.len() as u32);
            cache.words.push(word(h));
            cache.hits.push(hits);
        }
        cache.make_room(7, 10);
        assert_eq!(cache.words.len(), CACHE_WORDS / 2, "at most half is kept");
        for h in (1000..=CACHE_WORDS as u64).step_by(1000) {
            let j = cache.index.get(&h).copied().expect("a frequent word stays");
            assert_eq!(cache.words[j as usize].hash, h);
        }
        assert!(cache.index.get(&999).is_none(), "unused words go");
        assert!(cache.hits.len() == cache.words.len() && cache.hits.iter().all(|&h| h == 0), "use is counted afresh");
        // Another tagger's words are never reused.
        cache.make_room(8, 1);
        assert!(cache.words.is_empty() && cache.index.is_empty());
    }

    #[test]
    fn long_conll_input_is_tagged_in_bounded_parts() {
        // No blank lines at all (as in ANERcorp): parts still end at full stops.
        let n = CONLL_PART_SENTENCES + 3;
        let input = "كلمة\n.\n".repeat(n);
        let mut parts = Vec::new();
        let mut out = Vec::new();
        tag_conll_with(input.as_bytes(), &mut out, |sentences: &[&[&str]]| {
            parts.push(sentences.len());
            sentences.iter().map(|s| vec!["X"; s.len()]).collect()
        })
        .expect("tag");
        assert_eq!(parts, [CONLL_PART_SENTENCES, 3]);
        assert_eq!(String::from_utf8(out).expect("utf8"), "كلمة X\n. X\n".repeat(n));
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
        // Pseudo-random weights for every key any of these sentences
        // produces, one set per pass.
        let mut f = Features::default();
        let (mut feats, mut feats2) = (Vec::new(), Vec::new());
        let weight = |k: u64, t: usize| ((hash::combine(k, t as u64) % 1000) as f32 - 500.0) / 100.0;
        for s in sents {
            ex.extract(s, &mut f);
            for &k in &f.keys.keys {
                feats.push((k, std::array::from_fn(|t| weight(k, t))));
                feats2.push((k, std::array::from_fn(|t| weight(k, t + NTAGS))));
            }
        }
        let tagger = Tagger::from_model(Model {
            extractor: ex,
            trans: decode::Transitions::default(),
            weights: model::WeightTable::new(&feats),
            context: Some(model::Stage {
                trans: decode::Transitions::default(),
                weights: model::WeightTable::new(&feats2),
            }),
        });
        let m = &tagger.model;
        let second = m.context.as_ref().expect("second pass");
        let mut scratch = Scratch::default();
        for _ in 0..2 {
            for s in sents {
                scratch.doc.emit2.clear();
                tagger.first_pass(s, &mut scratch);
                m.extractor.extract(s, &mut f);
                for i in 0..s.len() {
                    let (mut row, mut row2) = ([0.0f32; NTAGS], [0.0f32; NTAGS]);
                    add_weights(&m.weights, f.token(i), &mut row);
                    add_weights(&second.weights, f.token(i), &mut row2);
                    for t in 0..NTAGS {
                        assert!((row[t] - scratch.emit[i][t]).abs() < 1e-3, "{s:?} token {i} tag {t}");
                        assert!((row2[t] - scratch.doc.emit2[i][t]).abs() < 1e-3, "{s:?} token {i} tag {t}, pass 2");
                    }
                }
            }
        }
        let doc = tagger.tag_document(&sents);
        assert_eq!(doc.iter().map(Vec::len).collect::<Vec<_>>(), sents.iter().map(|s| s.len()).collect::<Vec<_>>());
    }

    #[test]
    fn tag_stream_matches_sentence_tagging() {
        let t = tiny_tagger();
        let toks = ["في", "القاهرة", ".", "القاهرة"];
        assert_eq!(t.tag_stream(&toks).len(), 4);
        assert!(t.tag(&[]).is_empty());
    }
}
