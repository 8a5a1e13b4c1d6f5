//! Byte offset → character offset conversion.
//!
//! Rust strings are indexed by UTF-8 byte; JSON consumers (and Python, which
//! the project's tooling is compared against) index by Unicode scalar value.

/// Converts byte offsets of one text to character (Unicode scalar value)
/// offsets in O(1) per lookup.
///
/// Layout: for each 64-byte block of the text, the number of characters that
/// start before the block, plus a bit mask of which bytes in the block start a
/// character. A lookup is one popcount. Memory is 16 bytes per 64 bytes of
/// text; pure ASCII text stores nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CharIndex {
    len: usize,
    chars: usize,
    /// `(chars before block, char-start bit mask)`; empty for ASCII text.
    blocks: Vec<(usize, u64)>,
}

impl CharIndex {
    /// Index `text` in one pass.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return Self { len: bytes.len(), chars: bytes.len(), blocks: Vec::new() };
        }
        let mut blocks = Vec::with_capacity(bytes.len().div_ceil(64));
        let mut count = 0usize;
        for block in bytes.chunks(64) {
            let mut mask = 0u64;
            for (i, &b) in block.iter().enumerate() {
                // UTF-8 continuation bytes are 0b10xx_xxxx; everything else starts a char.
                if (b as i8) >= -0x40 {
                    mask |= 1 << i;
                }
            }
            blocks.push((count, mask));
            count += mask.count_ones() as usize;
        }
        Self { len: bytes.len(), chars: count, blocks }
    }

    /// Character offset of byte offset `byte`.
    ///
    /// At a char boundary this is the number of characters before it. For an
    /// offset inside a multi-byte character it is that character's index, and
    /// offsets past the end map to the character count.
    pub fn char_offset(&self, byte: usize) -> usize {
        if byte >= self.len {
            return self.chars;
        }
        let Some(&(before, mask)) = self.blocks.get(byte / 64) else {
            return byte; // ASCII: bytes are chars.
        };
        let bit = byte % 64;
        let below = mask & ((1u64 << bit) - 1);
        let starts_before = before + below.count_ones() as usize;
        if mask & (1u64 << bit) == 0 {
            // Inside a character: the one that started before `byte`.
            starts_before.saturating_sub(1)
        } else {
            starts_before
        }
    }

    /// Character range of a byte range.
    pub fn char_range(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.char_offset(r.start)..self.char_offset(r.end)
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Length of the text in bytes.
    pub fn byte_len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) {
        let idx = CharIndex::new(text);
        let mut chars = 0;
        for (b, c) in text.char_indices() {
            assert_eq!(idx.char_offset(b), chars, "{text:?} @ {b}");
            for inner in 1..c.len_utf8() {
                assert_eq!(idx.char_offset(b + inner), chars);
            }
            chars += 1;
        }
        assert_eq!(idx.char_offset(text.len()), chars);
        assert_eq!(idx.char_offset(text.len() + 100), chars);
        assert_eq!(idx.char_len(), chars);
    }

    #[test]
    fn conversions() {
        check("");
        check("hello");
        check("قال بوتين إن «الحرب» انتهت 😀 يوم ٤٢");
        check(&"ب😀a".repeat(100));
    }

    #[test]
    fn ranges() {
        let text = "في موسكو";
        let idx = CharIndex::new(text);
        let start = text.find("موسكو").unwrap_or(0);
        assert_eq!(idx.char_range(start..text.len()), 3..8);
    }
}
