//! Character classes shared by the normalizer, the tokenizer and the sentence
//! splitter.
//!
//! The standard library has no Unicode general category lookup, and pulling in
//! a table crate for the few distinctions this crate needs is not worth it:
//! what matters is the Arabic blocks (spelled out exactly here), ASCII, and the
//! general punctuation block; everything else falls back to
//! [`char::is_alphabetic`] / [`char::is_numeric`] / [`char::is_whitespace`].

/// Coarse class of one character, as the tokenizer and sentence splitter see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// `char::is_whitespace`.
    Space,
    /// Invisible format characters (zero-width, bidi controls, BOM, soft
    /// hyphen). They never start a token; inside a word they are kept when the
    /// word continues after them (ZWNJ inside Persian words).
    Ignorable,
    /// A letter of the Arabic script, including presentation forms.
    ArabicLetter,
    /// Arabic combining marks (harakat, Quranic marks) and tatweel: they
    /// continue a word but never start one.
    ArabicMark,
    /// A letter of any other script (`char::is_alphabetic`).
    Letter,
    /// A non-Arabic combining mark, variation selector or emoji modifier: it
    /// belongs to whatever precedes it.
    Mark,
    /// A digit of any script (`char::is_numeric`).
    Digit,
    /// Sentence and clause punctuation, brackets, quotes, dashes.
    Punct,
    /// Everything else: `% $ + = @ #`, currency, math, emoji, ...
    Symbol,
}

/// Classify one character.
#[inline]
pub fn class(c: char) -> CharClass {
    let u = c as u32;
    if let Some(&cls) = ASCII_CLASSES.get(u as usize) {
        return cls;
    }
    if let Some(&cls) = ARABIC_CLASSES.get(u.wrapping_sub(0x0600) as usize) {
        return cls;
    }
    if is_ignorable(c) {
        return CharClass::Ignorable;
    }
    if c.is_whitespace() {
        return CharClass::Space;
    }
    match u {
        0x0750..=0x077F | 0x0870..=0x0887 | 0x0889..=0x088E | 0x08A0..=0x08C9 => return CharClass::ArabicLetter,
        0x0898..=0x089F | 0x08CA..=0x08E1 | 0x08E3..=0x08FF => return CharClass::ArabicMark,
        0x0888 | 0x0890 | 0x0891 | 0x08E2 => return CharClass::Symbol,
        0xFB50..=0xFDFF => return presentation_a_class(u),
        // Isolated and medial spacing forms of harakat: marks in all but width.
        0xFE70..=0xFE7F => return CharClass::ArabicMark,
        0xFE80..=0xFEFC => return CharClass::ArabicLetter,
        0x1EE00..=0x1EEBB => return CharClass::ArabicLetter,
        _ => {}
    }
    if is_combining_mark(u) {
        return CharClass::Mark;
    }
    if c.is_alphabetic() {
        return CharClass::Letter;
    }
    if c.is_numeric() {
        return CharClass::Digit;
    }
    if is_punct_non_ascii(u) {
        return CharClass::Punct;
    }
    CharClass::Symbol
}

/// Classes of ASCII, precomputed: the tokenizer and splitter ask for every character.
static ASCII_CLASSES: [CharClass; 0x80] = {
    let mut t = [CharClass::Symbol; 0x80];
    let mut i = 0;
    while i < 0x80 {
        t[i] = ascii_class(i as u8);
        i += 1;
    }
    t
};

/// Classes of the Arabic block U+0600..U+06FF, precomputed.
static ARABIC_CLASSES: [CharClass; 0x100] = {
    let mut t = [CharClass::Symbol; 0x100];
    let mut i = 0;
    while i < 0x100 {
        t[i] = arabic_block_class_slow(0x0600 + i as u32);
        i += 1;
    }
    t
};

const fn ascii_class(b: u8) -> CharClass {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => CharClass::Letter,
        b'0'..=b'9' => CharClass::Digit,
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => CharClass::Space,
        // `%` is a symbol (not Unicode's Po) so that "42%" reads Number + Symbol.
        b'!' | b'"' | b'\'' | b'(' | b')' | b',' | b'-' | b'.' | b'/' | b':' | b';' | b'?' | b'[' | b']' | b'_'
        | b'{' | b'}' | b'`' => CharClass::Punct,
        // Other C0 controls are not text; treating them as ignorable keeps them
        // out of tokens and sentence edges.
        0x00..=0x1F | 0x7F => CharClass::Ignorable,
        _ => CharClass::Symbol,
    }
}

/// Class of a character of the Arabic block, given as its code point
/// (U+0600..U+06FF); [`CharClass::Symbol`] outside the block.
#[inline]
pub(crate) fn arabic_block_class(u: u32) -> CharClass {
    ARABIC_CLASSES.get(u.wrapping_sub(0x0600) as usize).copied().unwrap_or(CharClass::Symbol)
}

const fn arabic_block_class_slow(u: u32) -> CharClass {
    match u {
        0x0600..=0x060B | 0x060E | 0x060F | 0x066A | 0x066D | 0x06DD | 0x06DE | 0x06E9 | 0x06FD | 0x06FE => {
            CharClass::Symbol
        }
        0x060C | 0x060D | 0x061B | 0x061D..=0x061F | 0x066B | 0x066C | 0x06D4 => CharClass::Punct,
        0x061C => CharClass::Ignorable,
        0x0610..=0x061A | 0x0640 | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E8 | 0x06EA..=0x06ED => {
            CharClass::ArabicMark
        }
        0x0660..=0x0669 | 0x06F0..=0x06F9 => CharClass::Digit,
        _ => CharClass::ArabicLetter,
    }
}

#[inline]
fn presentation_a_class(u: u32) -> CharClass {
    match u {
        0xFBB2..=0xFBC2 | 0xFD40..=0xFD4F | 0xFDCF | 0xFDFC..=0xFDFF => CharClass::Symbol,
        0xFD3E | 0xFD3F => CharClass::Punct,
        // Unassigned holes are harmless to call letters: nothing else could use them.
        _ => CharClass::ArabicLetter,
    }
}

/// Invisible format characters that matching and token boundaries ignore:
/// soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
/// space/non-joiner/joiner, LRM/RLM, bidi embeddings and isolates, word
/// joiner and invisible operators, BOM / zero-width no-break space.
#[inline]
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD | 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF
    )
}

/// Combining marks outside the Arabic script that `is_alphabetic` does not
/// already cover, plus variation selectors and emoji skin-tone modifiers.
#[inline]
fn is_combining_mark(u: u32) -> bool {
    matches!(
        u,
        0x0300..=0x036F
            | 0x0483..=0x0489
            | 0x0591..=0x05BD
            | 0x05BF
            | 0x05C1
            | 0x05C2
            | 0x05C4
            | 0x05C5
            | 0x05C7
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x20D0..=0x20FF
            | 0xFE00..=0xFE0F
            | 0xFE20..=0xFE2F
            | 0x1F3FB..=0x1F3FF
            | 0xE0020..=0xE007F
            | 0xE0100..=0xE01EF
    )
}

#[inline]
fn is_punct_non_ascii(u: u32) -> bool {
    match u {
        0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF => true,
        // Per-mille signs, fraction slash and commercial minus are symbols.
        0x2030 | 0x2031 | 0x2044 | 0x2052 => false,
        0x2010..=0x2027 | 0x2030..=0x205E => true,
        0x2E00..=0x2E7F => true,
        0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F => true,
        0xFE10..=0xFE19 | 0xFE30..=0xFE4F | 0xFE50..=0xFE6B => true,
        // Fullwidth ASCII: classify like the ASCII character it stands for.
        0xFF01..=0xFF5E => ascii_class((u - 0xFEE0) as u8) == CharClass::Punct,
        0xFF5F..=0xFF65 => true,
        _ => false,
    }
}

/// Arabic combining marks removed by matching normalization: harakat and
/// their extensions (U+064B..U+065F), superscript alef (U+0670), honorific
/// and Quranic signs (U+0610..U+061A, U+06D6..U+06ED) and the Arabic
/// Extended-A/B annotation marks (U+0898..U+089F, U+08CA..U+08FF).
#[inline]
pub fn is_arabic_diacritic(c: char) -> bool {
    matches!(
        c as u32,
        0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0898..=0x089F | 0x08CA..=0x08FF
    )
}

/// Arabic tatweel (kashida), a purely typographic stretch.
pub const TATWEEL: char = '\u{0640}';

/// True for characters that start or continue a word: letters of any script
/// (Arabic or not) and digits.
#[inline]
pub fn is_word_char(c: char) -> bool {
    matches!(class(c), CharClass::ArabicLetter | CharClass::Letter | CharClass::Digit)
}

/// True for characters that can only continue a word (combining marks, tatweel).
#[inline]
pub fn is_word_continuation(c: char) -> bool {
    matches!(class(c), CharClass::ArabicMark | CharClass::Mark)
}

/// Whitespace or an invisible format character: what sentence and token
/// edges are trimmed of.
#[inline]
pub fn is_space_like(c: char) -> bool {
    matches!(class(c), CharClass::Space | CharClass::Ignorable)
}

/// A character that ends a line: `\n`, `\r`, VT, FF, NEL, LS, PS.
#[inline]
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_classes() {
        assert_eq!(class('ب'), CharClass::ArabicLetter);
        assert_eq!(class('ء'), CharClass::ArabicLetter);
        assert_eq!(class('\u{064E}'), CharClass::ArabicMark);
        assert_eq!(class('ـ'), CharClass::ArabicMark);
        assert_eq!(class('٤'), CharClass::Digit);
        assert_eq!(class('۴'), CharClass::Digit);
        assert_eq!(class('،'), CharClass::Punct);
        assert_eq!(class('؟'), CharClass::Punct);
        assert_eq!(class('٪'), CharClass::Symbol);
        assert_eq!(class('ﻻ'), CharClass::ArabicLetter);
        assert_eq!(class('\u{200C}'), CharClass::Ignorable);
        assert_eq!(class('\u{00A0}'), CharClass::Space);
    }

    #[test]
    fn other_classes() {
        assert_eq!(class('a'), CharClass::Letter);
        assert_eq!(class('Ж'), CharClass::Letter);
        assert_eq!(class('%'), CharClass::Symbol);
        assert_eq!(class('«'), CharClass::Punct);
        assert_eq!(class('—'), CharClass::Punct);
        assert_eq!(class('…'), CharClass::Punct);
        assert_eq!(class('\u{0301}'), CharClass::Mark);
        assert_eq!(class('€'), CharClass::Symbol);
        assert_eq!(class('😀'), CharClass::Symbol);
        assert_eq!(class('！'), CharClass::Punct);
    }
}
