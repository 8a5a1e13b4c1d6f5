//! The model: extractor (with its gazetteers), transition weights and the
//! feature-weight table; its compact file format.
//!
//! File = gzip of:
//! ```text
//! magic "MRSDNER1" | u32 format version | u32 feature version | u32 NTAGS
//! f32 start[NTAGS] | f32 pair[NTAGS][NTAGS]
//! u32 entry count | per entry: u8 source, varint byte length, UTF-8 phrase
//! u32 LEVELS | u32 cluster word count | per word: varint byte length, UTF-8 word, u16 class per level
//! u32 auto-lexicon word count | per word: varint byte length, UTF-8 word, 5 level bytes
//! weight table (first pass)
//! u8 has-context | when 1: f32 start[NTAGS] | f32 pair[NTAGS][NTAGS] | weight table (second pass)
//!
//! weight table = f32 weight scale | u32 feature count
//!   | per feature (keys ascending): varint key delta, u16 tag mask, i16 per set tag
//! ```
//! Weights are quantized to i16 (`value = q * scale`). All integers little-endian.

use std::io::{Read, Write};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::autolex::{AutoLevels, AutoLexicon};
use crate::clusters::{ClusterMap, LEVELS};
use crate::decode::Transitions;
use crate::features::{Extractor, FEATURE_VERSION};
use crate::lexicon::{Entry, Lexicon, Source};
use crate::tags::NTAGS;
use crate::NerError;

const MAGIC: &[u8; 8] = b"MRSDNER1";
const FORMAT_VERSION: u32 = 2;
/// Refuse to inflate model files beyond this (a corrupt or hostile file).
const MAX_INFLATED: u64 = 512 << 20;

/// A feature-weight row per tag.
pub type Row = [f32; NTAGS];

#[derive(Debug, Clone, Copy)]
struct Slot {
    key: u64,
    row: u32,
}

const EMPTY: Slot = Slot { key: 0, row: u32::MAX };

/// Open-addressing hash table from feature key to a row of `W` weights
/// (one per tag; a tagger with two passes looks up both passes' rows at once
/// in a table of `2 * NTAGS`).
#[derive(Debug, Clone)]
pub struct WeightTable<const W: usize = NTAGS> {
    mask: usize,
    slots: Vec<Slot>,
    rows: Vec<[f32; W]>,
}

impl<const W: usize> WeightTable<W> {
    /// Builds the table from `(key, row)` pairs (later duplicates are ignored; key 0 is dropped).
    pub fn new(features: &[(u64, [f32; W])]) -> WeightTable<W> {
        let cap = (features.len() * 2).max(16).next_power_of_two();
        let mask = cap - 1;
        let mut slots = vec![EMPTY; cap];
        let mut rows = Vec::with_capacity(features.len());
        for &(k, row) in features {
            if k == 0 {
                continue;
            }
            let mut i = (k as usize) & mask;
            loop {
                let s = &mut slots[i];
                if s.key == k {
                    break;
                }
                if s.key == 0 {
                    *s = Slot { key: k, row: rows.len() as u32 };
                    rows.push(row);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        WeightTable { mask, slots, rows }
    }

    /// The row of `key`, if the model has weights for it.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&[f32; W]> {
        if key == 0 {
            return None;
        }
        let mut i = (key as usize) & self.mask;
        loop {
            let s = self.slots.get(i)?;
            if s.key == key {
                return self.rows.get(s.row as usize);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Reads the home slot of every key with loads that nothing branches on,
    /// so that their cache misses overlap instead of waiting one by one
    /// behind the probe loop's mispredicted branches; the [`get`](Self::get)
    /// calls that follow then mostly hit the cache. The table is several
    /// megabytes, so on news text most probes miss the processor's caches.
    #[inline]
    pub fn touch(&self, keys: &[u64]) {
        let mut seen = 0u64;
        for &k in keys {
            seen ^= self.slots.get((k as usize) & self.mask).map_or(0, |s| s.key);
        }
        std::hint::black_box(seen);
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// All `(key, row)` pairs, keys ascending.
    pub fn pairs(&self) -> Vec<(u64, [f32; W])> {
        let mut v: Vec<(u64, [f32; W])> = self
            .slots
            .iter()
            .filter(|s| s.key != 0)
            .filter_map(|s| self.rows.get(s.row as usize).map(|r| (s.key, *r)))
            .collect();
        v.sort_unstable_by_key(|p| p.0);
        v
    }
}

/// Everything needed to tag.
#[derive(Debug, Clone)]
pub struct Model {
    pub extractor: Extractor,
    /// First pass: transitions and feature weights.
    pub trans: Transitions,
    pub weights: WeightTable,
    /// Second pass, over the first pass's document context (see `context`);
    /// `None` for a single-pass model.
    pub context: Option<Stage>,
}

/// The weights of one tagging pass.
#[derive(Debug, Clone)]
pub struct Stage {
    pub trans: Transitions,
    pub weights: WeightTable,
}

impl Model {
    /// An empty model: tags everything `O`.
    pub fn empty() -> Model {
        Model {
            extractor: Extractor::with_lists(Lexicon::default(), ClusterMap::default()),
            trans: Transitions::default(),
            weights: WeightTable::new(&[]),
            context: None,
        }
    }

    /// Serializes (gzip-compressed). Weights are quantized to i16.
    #[allow(clippy::needless_range_loop)] // tag-indexed parallel arrays
    pub fn to_bytes(&self) -> Result<Vec<u8>, NerError> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        put_u32(&mut b, FORMAT_VERSION);
        put_u32(&mut b, FEATURE_VERSION);
        put_u32(&mut b, NTAGS as u32);
        put_transitions(&mut b, &self.trans);
        let entries = &self.extractor.lexicon.entries;
        put_u32(&mut b, entries.len() as u32);
        for e in entries {
            b.push(e.source as u8);
            put_varint(&mut b, e.text.len() as u64);
            b.extend_from_slice(e.text.as_bytes());
        }
        let cw = &self.extractor.clusters.words;
        put_u32(&mut b, LEVELS as u32);
        put_u32(&mut b, cw.len() as u32);
        for (w, c) in cw {
            put_varint(&mut b, w.len() as u64);
            b.extend_from_slice(w.as_bytes());
            for v in c {
                b.extend_from_slice(&v.to_le_bytes());
            }
        }
        let aw = &self.extractor.auto.words;
        put_u32(&mut b, aw.len() as u32);
        for (w, a) in aw {
            put_varint(&mut b, w.len() as u64);
            b.extend_from_slice(w.as_bytes());
            b.extend_from_slice(a);
        }
        put_weights(&mut b, &self.weights);
        match &self.context {
            Some(stage) => {
                b.push(1);
                put_transitions(&mut b, &stage.trans);
                put_weights(&mut b, &stage.weights);
            }
            None => b.push(0),
        }
        let mut enc = GzEncoder::new(Vec::new(), Compression::best());
        enc.write_all(&b)?;
        Ok(enc.finish()?)
    }

    /// Reads a model written by [`Model::to_bytes`]; any damage is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, NerError> {
        let mut raw = Vec::new();
        GzDecoder::new(bytes)
            .take(MAX_INFLATED)
            .read_to_end(&mut raw)
            .map_err(|e| NerError::Model(format!("not a gzip-compressed model: {e}")))?;
        let mut r = Reader { b: &raw, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(NerError::Model("bad magic (not a marsad NER model)".into()));
        }
        let fv = r.u32()?;
        if fv != FORMAT_VERSION {
            return Err(NerError::Model(format!("format version {fv}, expected {FORMAT_VERSION}")));
        }
        let xv = r.u32()?;
        if xv != FEATURE_VERSION {
            return Err(NerError::Model(format!("feature version {xv}, expected {FEATURE_VERSION}")));
        }
        let nt = r.u32()?;
        if nt as usize != NTAGS {
            return Err(NerError::Model(format!("{nt} tags, expected {NTAGS}")));
        }
        let trans = r.transitions()?;
        let ne = r.u32()? as usize;
        let mut entries = Vec::with_capacity(ne.min(r.remaining()));
        for _ in 0..ne {
            let src = r.u8()?;
            let source =
                Source::from_u8(src).ok_or_else(|| NerError::Model(format!("unknown gazetteer source {src}")))?;
            let len = usize::try_from(r.varint()?).map_err(|_| NerError::Model("entry too long".into()))?;
            let text = std::str::from_utf8(r.take(len)?)
                .map_err(|_| NerError::Model("gazetteer entry is not UTF-8".into()))?
                .to_string();
            entries.push(Entry { source, text });
        }
        let levels = r.u32()?;
        if levels as usize != LEVELS {
            return Err(NerError::Model(format!("{levels} cluster levels, expected {LEVELS}")));
        }
        let nw = r.u32()? as usize;
        let mut words = Vec::with_capacity(nw.min(r.remaining()));
        for _ in 0..nw {
            let len = usize::try_from(r.varint()?).map_err(|_| NerError::Model("word too long".into()))?;
            let w = std::str::from_utf8(r.take(len)?)
                .map_err(|_| NerError::Model("cluster word is not UTF-8".into()))?
                .to_string();
            let mut c = [0u16; LEVELS];
            for v in c.iter_mut() {
                *v = u16::from_le_bytes([r.u8()?, r.u8()?]);
            }
            words.push((w, c));
        }
        let na = r.u32()? as usize;
        let mut auto = Vec::with_capacity(na.min(r.remaining()));
        for _ in 0..na {
            let len = usize::try_from(r.varint()?).map_err(|_| NerError::Model("word too long".into()))?;
            let w = std::str::from_utf8(r.take(len)?)
                .map_err(|_| NerError::Model("auto-lexicon word is not UTF-8".into()))?
                .to_string();
            let mut a: AutoLevels = [0; 5];
            a.copy_from_slice(r.take(5)?);
            if a[..4].iter().any(|&l| l > 3) {
                return Err(NerError::Model("auto-lexicon level out of range".into()));
            }
            auto.push((w, a));
        }
        let weights = r.weights()?;
        let context = match r.u8()? {
            0 => None,
            1 => Some(Stage { trans: r.transitions()?, weights: r.weights()? }),
            v => return Err(NerError::Model(format!("bad context flag {v}"))),
        };
        if r.remaining() != 0 {
            return Err(NerError::Model("trailing bytes after the weight tables".into()));
        }
        Ok(Model {
            extractor: Extractor::new(Lexicon::new(entries), ClusterMap { words }, AutoLexicon { words: auto }),
            trans,
            weights,
            context,
        })
    }
}

fn put_transitions(b: &mut Vec<u8>, trans: &Transitions) {
    for v in trans.start {
        put_f32(b, v);
    }
    for row in &trans.pair {
        for &v in row {
            put_f32(b, v);
        }
    }
}

/// Writes a weight table, quantized to i16 with one scale.
#[allow(clippy::needless_range_loop)] // tag-indexed parallel arrays
fn put_weights(b: &mut Vec<u8>, weights: &WeightTable) {
    let pairs = weights.pairs();
    let max = pairs.iter().flat_map(|(_, r)| r.iter()).fold(0.0f32, |m, v| m.max(v.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let mut quant: Vec<(u64, u16, [i16; NTAGS])> = Vec::with_capacity(pairs.len());
    for (k, r) in &pairs {
        let mut q = [0i16; NTAGS];
        let mut mask = 0u16;
        for t in 0..NTAGS {
            let v = (r[t] / scale).round().clamp(-32767.0, 32767.0) as i16;
            if v != 0 {
                q[t] = v;
                mask |= 1 << t;
            }
        }
        if mask != 0 {
            quant.push((*k, mask, q));
        }
    }
    put_f32(b, scale);
    put_u32(b, quant.len() as u32);
    let mut prev = 0u64;
    for (k, mask, q) in &quant {
        put_varint(b, k - prev);
        prev = *k;
        b.extend_from_slice(&mask.to_le_bytes());
        for t in 0..NTAGS {
            if mask & (1 << t) != 0 {
                b.extend_from_slice(&q[t].to_le_bytes());
            }
        }
    }
}

fn put_u32(b: &mut Vec<u8>, v: u32) {
    b.extend_from_slice(&v.to_le_bytes());
}

fn put_f32(b: &mut Vec<u8>, v: f32) {
    b.extend_from_slice(&v.to_le_bytes());
}

fn put_varint(b: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        b.push((v as u8) | 0x80);
        v >>= 7;
    }
    b.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.b.len() - self.pos
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| NerError::Model("model file is truncated".into()))?;
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn transitions(&mut self) -> Result<Transitions, NerError> {
        let mut trans = Transitions::default();
        for v in trans.start.iter_mut() {
            *v = self.f32()?;
        }
        for row in trans.pair.iter_mut() {
            for v in row.iter_mut() {
                *v = self.f32()?;
            }
        }
        Ok(trans)
    }

    fn weights(&mut self) -> Result<WeightTable, NerError> {
        let scale = self.f32()?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(NerError::Model("bad weight scale".into()));
        }
        let nf = self.u32()? as usize;
        let mut features = Vec::with_capacity(nf.min(self.remaining() / 3));
        let mut key = 0u64;
        for _ in 0..nf {
            let d = self.varint()?;
            key = key.checked_add(d).ok_or_else(|| NerError::Model("feature keys overflow".into()))?;
            let mask = u16::from_le_bytes([self.u8()?, self.u8()?]);
            let mut row = [0.0f32; NTAGS];
            for (t, v) in row.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    let q = i16::from_le_bytes([self.u8()?, self.u8()?]);
                    *v = f32::from(q) * scale;
                }
            }
            features.push((key, row));
        }
        Ok(WeightTable::new(&features))
    }

    fn u8(&mut self) -> Result<u8, NerError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, NerError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    fn f32(&mut self) -> Result<f32, NerError> {
        let v = f32::from_bits(self.u32()?);
        if v.is_nan() {
            return Err(NerError::Model("NaN weight".into()));
        }
        Ok(v)
    }

    fn varint(&mut self) -> Result<u64, NerError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(NerError::Model("varint too long".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Model {
        let lex = Lexicon::new(vec![
            Entry { source: Source::AnerLoc, text: "القاهره".into() },
            Entry { source: Source::FullName, text: "محمد علي".into() },
        ]);
        let mut trans = Transitions::default();
        trans.start[1] = 0.5;
        trans.pair[1][2] = 1.25;
        trans.pair[0][2] = -3.0;
        let feats = vec![
            (42u64, [1.0, -2.0, 0.0, 0.0, 0.5, 0.0, 0.0, 0.0, 3.0]),
            (7u64 << 40, [0.0; NTAGS]),
            (u64::MAX - 1, [-1.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25, 0.0]),
        ];
        let clusters = ClusterMap { words: vec![("القاهره".into(), [1, 2, 3]), ("دمشق".into(), [1, 5, 9])] };
        let auto = AutoLexicon { words: vec![("اوباما".into(), [3, 1, 0, 0, 1])] };
        let second = Stage { trans: trans.clone(), weights: WeightTable::new(&feats[..1]) };
        Model {
            extractor: Extractor::new(lex, clusters, auto),
            trans,
            weights: WeightTable::new(&feats),
            context: Some(second),
        }
    }

    #[test]
    fn round_trip() {
        let m = sample();
        let bytes = m.to_bytes().expect("serialize");
        let back = Model::from_bytes(&bytes).expect("load");
        assert_eq!(back.trans, m.trans);
        assert_eq!(back.extractor.lexicon.entries, m.extractor.lexicon.entries);
        assert_eq!(back.extractor.clusters, m.extractor.clusters);
        assert_eq!(back.extractor.auto, m.extractor.auto);
        // All-zero rows are dropped; others survive up to quantization.
        assert_eq!(back.weights.len(), 2);
        for (k, row) in [(42u64, m.weights.get(42)), (u64::MAX - 1, m.weights.get(u64::MAX - 1))] {
            let (a, b) = (row.expect("orig"), back.weights.get(k).expect("loaded"));
            for t in 0..NTAGS {
                assert!((a[t] - b[t]).abs() < 1e-3, "{k} {t}: {} vs {}", a[t], b[t]);
            }
        }
        assert!(back.weights.get(7 << 40).is_none());
        assert!(back.weights.get(43).is_none());
        let (a, b) = (m.context.as_ref().expect("context"), back.context.as_ref().expect("context back"));
        assert_eq!(a.trans, b.trans);
        assert_eq!(b.weights.len(), 1);
        // Serialization is deterministic.
        assert_eq!(m.to_bytes().expect("again"), bytes);
    }

    #[test]
    fn corrupt_models_are_errors() {
        let bytes = sample().to_bytes().expect("serialize");
        assert!(Model::from_bytes(&[]).is_err());
        assert!(Model::from_bytes(b"not a model").is_err());
        assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        let mut flipped = bytes.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x55;
        assert!(Model::from_bytes(&flipped).is_err());
        // Valid gzip, wrong content.
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(b"MRSDNER1\x02\0\0\0").expect("write");
        assert!(Model::from_bytes(&enc.finish().expect("gz")).is_err());
    }
}
