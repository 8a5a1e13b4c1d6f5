//! Map from byte offsets in normalized text back to the original text.
//!
//! Model: every output character comes from one *unit*, a span of the
//! original holding one source character plus any removed characters right
//! after it (leading removed characters belong to the first unit). Units
//! partition the original text, so one offset per unit boundary is enough.
//!
//! Most units are *linear*: one character replaced by one character of the
//! same UTF-8 length with nothing removed after it (Arabic letters, ASCII,
//! ى → ي). Inside a run of linear units the offset difference is constant,
//! so the map stores one [`Anchor`] per run, plus one per non-linear unit
//! (a removed diacritic, a 2-byte digit becoming 1 byte, a ligature becoming
//! two letters). Text that needs no changes costs two anchors; lookups are a
//! binary search.

use std::ops::Range;

/// Receives one call per output unit while the normalizer runs.
pub(super) trait Sink {
    /// A unit whose source starts at `src` produced `out_start..out_end`;
    /// `same_len` means the output has exactly the byte length and character
    /// boundaries of its source (one char to one char of the same UTF-8
    /// length, or a chunk of characters copied unchanged).
    fn unit(&mut self, src: usize, out_start: usize, out_end: usize, same_len: bool);

    /// `run`, found at `src` in the original, was copied unchanged to
    /// `out_start`: one unit per character.
    fn kept_run(&mut self, run: &str, src: usize, out_start: usize) {
        for (i, c) in run.char_indices() {
            self.unit(src + i, out_start + i, out_start + i + c.len_utf8(), true);
        }
    }
}

/// The sink for map-less normalization.
pub(super) struct NoMap;

impl Sink for NoMap {
    #[inline(always)]
    fn unit(&mut self, _: usize, _: usize, _: usize, _: bool) {}

    #[inline(always)]
    fn kept_run(&mut self, _: &str, _: usize, _: usize) {}
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    /// Byte offset in the normalized text where this run or unit starts.
    norm: usize,
    /// The original offset it maps to.
    orig: usize,
    /// Linear run: `norm + k` maps to `orig + k` up to the next anchor.
    /// Otherwise a single unit: everything up to the next anchor maps to `orig`.
    linear: bool,
}

#[derive(Debug, Clone, Copy)]
struct Pending {
    norm: usize,
    orig: usize,
    len: usize,
    same_len: bool,
}

/// Builds an [`OffsetMap`] from the unit calls.
pub(super) struct MapBuilder {
    anchors: Vec<Anchor>,
    /// The last unit, whose span end is known only when the next one starts.
    pending: Option<Pending>,
    started: bool,
    prev_linear: bool,
}

impl MapBuilder {
    pub(super) fn new() -> Self {
        Self { anchors: Vec::new(), pending: None, started: false, prev_linear: false }
    }

    fn close(&mut self, p: Pending, next_orig: usize) {
        let linear = p.same_len && next_orig.checked_sub(p.orig) == Some(p.len);
        // A linear unit right after a linear unit continues its run.
        if !(linear && self.prev_linear) {
            self.anchors.push(Anchor { norm: p.norm, orig: p.orig, linear });
        }
        self.prev_linear = linear;
    }

    pub(super) fn finish(mut self, orig_len: usize, out_len: usize) -> OffsetMap {
        if let Some(p) = self.pending.take() {
            self.close(p, orig_len);
            self.anchors.push(Anchor { norm: out_len, orig: orig_len, linear: false });
        }
        OffsetMap { anchors: self.anchors, orig_len, norm_len: out_len }
    }
}

impl Sink for MapBuilder {
    /// Units of a kept run are linear except maybe the first (if it owns
    /// leading removed characters) and the last (if removed characters follow
    /// it), so the run is reported as at most three units: the first
    /// character if it is the first unit of the text, the middle as one
    /// linear chunk, and the last character on its own.
    fn kept_run(&mut self, run: &str, src: usize, out_start: usize) {
        let len = run.len();
        let mut done = 0;
        if !self.started {
            let first = run.chars().next().map_or(len, char::len_utf8);
            self.unit(src, out_start, out_start + first, true);
            done = first;
        }
        // Start of the last character: back over UTF-8 continuation bytes.
        let bytes = run.as_bytes();
        let mut last = len.saturating_sub(1);
        while last > done && bytes.get(last).is_some_and(|&b| (b as i8) < -0x40) {
            last -= 1;
        }
        if last > done {
            self.unit(src + done, out_start + done, out_start + last, true);
            done = last;
        }
        if done < len {
            self.unit(src + done, out_start + done, out_start + len, true);
        }
    }

    #[inline]
    fn unit(&mut self, src: usize, out_start: usize, out_end: usize, same_len: bool) {
        // The first unit owns everything removed before it, so 0 maps to 0.
        let orig = if self.started { src } else { 0 };
        self.started = true;
        if let Some(p) = self.pending.take() {
            self.close(p, orig);
        }
        self.pending =
            Some(Pending { norm: out_start, orig, len: out_end - out_start, same_len: same_len && orig == src });
    }
}

/// Normalized byte offset → original byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OffsetMap {
    /// Sorted by `norm` (strictly) and `orig`; the last one is a sentinel at
    /// `(norm_len, orig_len)`. Empty only when the normalized text is empty.
    anchors: Vec<Anchor>,
    orig_len: usize,
    norm_len: usize,
}

impl OffsetMap {
    pub(super) fn original_len(&self) -> usize {
        self.orig_len
    }

    pub(super) fn is_identity(&self) -> bool {
        self.orig_len == self.norm_len
            && self.anchors.iter().filter(|a| a.norm < self.norm_len).all(|a| a.linear && a.orig == a.norm)
    }

    /// Index of the anchor governing `n`, for `n < norm_len`.
    #[inline]
    fn anchor_index(&self, n: usize) -> usize {
        self.anchors.partition_point(|a| a.norm <= n).saturating_sub(1)
    }

    /// Offset of `n`, rounding down inside a non-linear unit.
    pub(super) fn original_offset(&self, n: usize) -> usize {
        if self.norm_len == 0 {
            return 0;
        }
        if n >= self.norm_len {
            return self.orig_len;
        }
        match self.anchors.get(self.anchor_index(n)) {
            Some(a) if a.linear => a.orig + (n - a.norm),
            Some(a) => a.orig,
            None => 0,
        }
    }

    /// Offset of `n`, rounding up inside a non-linear unit.
    fn original_offset_ceil(&self, n: usize) -> usize {
        if self.norm_len == 0 {
            return 0;
        }
        if n >= self.norm_len {
            return self.orig_len;
        }
        let i = self.anchor_index(n);
        match self.anchors.get(i) {
            Some(a) if a.linear => a.orig + (n - a.norm),
            Some(a) if a.norm == n => a.orig,
            Some(_) => self.anchors.get(i + 1).map_or(self.orig_len, |next| next.orig),
            None => 0,
        }
    }

    pub(super) fn original_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.original_offset(r.start);
        if r.end <= r.start {
            return start..start;
        }
        start..self.original_offset_ceil(r.end).max(start)
    }
}
