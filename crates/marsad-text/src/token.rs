//! Tokenizer over original (un-normalized) text.
//!
//! One linear scan, no allocation; tokens borrow from the input and carry
//! byte offsets into it. Whitespace and invisible format characters between
//! tokens are skipped; every other character belongs to exactly one token.
//!
//! # Choices
//!
//! * **Words** are runs of letters of one script. Arabic diacritics, tatweel
//!   and other combining marks stay inside the word they follow
//!   ("مُحَمَّد", "الرئيـــس"), and so do zero-width joiners/non-joiners
//!   *between* letters (Persian "می‌خواهم"). A change of script ends the word:
//!   "بوتينPutin" is two tokens.
//! * **Latin letters and digits written together** are one token ("G7",
//!   "F16", "5G", "COVID19"), as in Unicode word segmentation. **Arabic letters
//!   touching digits are not**: Arabic text glues era letters to years
//!   ("2024م", "1445هـ"), which must stay a number plus a word.
//! * **Letters, hyphen, digits** are one token, whatever the script:
//!   "كوفيد-19", "MiG-31", "سو-35", "F-16"; a chain continues with more
//!   letters or digits after further hyphens ("تي-95-إم"). The token's kind is
//!   the script of its first letters. With a space ("سو 35") they are separate
//!   tokens; digits-hyphen-digits ("2023-2024", dates) are *not* joined, so
//!   ranges and dates stay numbers.
//! * **Numbers** are digit runs (ASCII, Arabic-Indic, Persian) with internal
//!   separators `.` `,` `٫` `٬` *between digits*: "42.7", "3,500", "٤٢٫٧".
//!   "1,2,3" is therefore one token. A sign is not part of the number ("-5"
//!   is Punctuation + Number) and `%` / `٪` is a separate Symbol ("42%").
//! * **Apostrophes** between Latin letters are kept in the word ("O'Brien").
//! * **Punctuation** is one token per mark (، ؛ ؟ « » ( ) - ...), except that
//!   a run of ASCII periods ("...") is one token, like "…".
//! * **Abbreviations with dots** ("أ.ف.ب", "U.S.", "تي. يو-95") are not
//!   merged: they come out as letters and "." tokens. Tokens are contiguous
//!   slices, so a consumer that wants them joined checks `prev.end == next.start`.
//! * **Symbols** are one token per symbol, with following modifiers,
//!   variation selectors, ZWJ sequences and regional-indicator pairs kept
//!   with it (emoji stay whole).
//! * A combining mark with nothing to attach to (after a space, at the start)
//!   becomes a Symbol token, so that no content is silently dropped.

use crate::chars::{class, CharClass};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word that starts with Arabic-script letters.
    Arabic,
    /// A word that starts with letters of any other script (Latin, Cyrillic,
    /// Greek, CJK, ...), including Latin letter/digit mixes like "G7" or "5G".
    Latin,
    /// Digits, possibly with internal decimal/thousands separators.
    Number,
    /// One punctuation mark (or a run of ASCII periods).
    Punctuation,
    /// Anything else: `%`, currency, math, emoji, lone combining marks.
    Symbol,
}

impl TokenKind {
    /// Arabic, Latin or Number.
    pub fn is_word(self) -> bool {
        matches!(self, TokenKind::Arabic | TokenKind::Latin | TokenKind::Number)
    }
}

/// One token: a slice of the original text and its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token<'a> {
    /// `&original[start..end]`.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// Byte range in the original text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// Tokens of `text`, in order. Skips whitespace; works on original text.
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Iterator returned by [`tokenize`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

/// Which kind of run the word scanner is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seg {
    Arabic,
    Latin,
    Number,
}

#[inline]
fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
}

#[inline]
fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

#[inline]
fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Whether a character of class `cls` directly continues a word segment `seg`.
#[inline]
fn continues(seg: Seg, cls: CharClass) -> bool {
    match cls {
        CharClass::ArabicMark | CharClass::Mark => true,
        CharClass::ArabicLetter => seg == Seg::Arabic,
        CharClass::Letter | CharClass::Digit => seg != Seg::Arabic,
        _ => false,
    }
}

impl<'a> Tokens<'a> {
    #[inline]
    fn peek(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    /// End of a word starting at `start` with `first`, and its kind.
    fn scan_word(&self, start: usize, first: char) -> (usize, TokenKind) {
        let mut seg = match class(first) {
            CharClass::ArabicLetter => Seg::Arabic,
            CharClass::Letter => Seg::Latin,
            _ => Seg::Number,
        };
        let mut kind = match seg {
            Seg::Arabic => Some(TokenKind::Arabic),
            Seg::Latin => Some(TokenKind::Latin),
            Seg::Number => None,
        };
        let mut i = start + first.len_utf8();
        let bytes = self.text.as_bytes();
        loop {
            // Fast paths for the common runs, on bytes: two-byte Arabic-block
            // letters and marks, ASCII letters, ASCII digits.
            match seg {
                Seg::Arabic => {
                    while let (Some(&b0), Some(&b1)) = (bytes.get(i), bytes.get(i + 1)) {
                        if !(0xD8..=0xDB).contains(&b0) {
                            break;
                        }
                        let u = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
                        if !matches!(
                            crate::chars::arabic_block_class(u),
                            CharClass::ArabicLetter | CharClass::ArabicMark
                        ) {
                            break;
                        }
                        i += 2;
                    }
                }
                Seg::Latin => {
                    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                        i += 1;
                    }
                }
                Seg::Number => {
                    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                        i += 1;
                    }
                }
            }
            let Some(c) = self.peek(i) else { break };
            let cls = class(c);
            let len = c.len_utf8();
            if continues(seg, cls) {
                match (seg, cls) {
                    (Seg::Number, CharClass::Letter) => {
                        seg = Seg::Latin;
                        kind.get_or_insert(TokenKind::Latin);
                    }
                    (Seg::Latin, CharClass::Digit) => seg = Seg::Number,
                    _ => {}
                }
                i += len;
                continue;
            }
            let next_at = i + len;
            match cls {
                CharClass::Ignorable => {
                    // Keep joiners inside a word only when the word goes on after them.
                    let mut j = next_at;
                    while let Some(n) = self.peek(j).filter(|&n| class(n) == CharClass::Ignorable) {
                        j += n.len_utf8();
                    }
                    match self.peek(j) {
                        Some(n) if continues(seg, class(n)) => i = j,
                        _ => break,
                    }
                }
                CharClass::Punct => {
                    let next = self.peek(next_at).map(class);
                    if seg == Seg::Number && is_number_separator(c) && next == Some(CharClass::Digit) {
                        i = next_at;
                    } else if is_joining_hyphen(c) && seg != Seg::Number && next == Some(CharClass::Digit) {
                        seg = Seg::Number;
                        i = next_at;
                    } else if is_joining_hyphen(c) && seg == Seg::Number && kind.is_some() {
                        match next {
                            Some(CharClass::ArabicLetter) => seg = Seg::Arabic,
                            Some(CharClass::Letter) => seg = Seg::Latin,
                            _ => break,
                        }
                        i = next_at;
                    } else if matches!(c, '\'' | '\u{2019}') && seg == Seg::Latin && next == Some(CharClass::Letter) {
                        i = next_at;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        (i, kind.unwrap_or(TokenKind::Number))
    }

    /// Skip the characters matching `f`, starting at `i`.
    fn skip_chars(&self, mut i: usize, f: impl Fn(char) -> bool) -> usize {
        while let Some(c) = self.peek(i).filter(|&c| f(c)) {
            i += c.len_utf8();
        }
        i
    }

    fn skip_marks(&self, i: usize) -> usize {
        self.skip_chars(i, |c| matches!(class(c), CharClass::ArabicMark | CharClass::Mark))
    }

    fn scan_symbol(&self, start: usize, first: char) -> usize {
        let mut i = self.skip_marks(start + first.len_utf8());
        if is_regional_indicator(first) {
            if let Some(second) = self.peek(i).filter(|&c| is_regional_indicator(c)) {
                i = self.skip_marks(i + second.len_utf8());
            }
        }
        // Emoji ZWJ sequences: symbol (ZWJ symbol)*.
        while self.peek(i) == Some('\u{200D}') {
            match self.peek(i + 3) {
                Some(n) if class(n) == CharClass::Symbol => i = self.skip_marks(i + 3 + n.len_utf8()),
                _ => break,
            }
        }
        i
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let start = self.skip_chars(self.pos, |c| matches!(class(c), CharClass::Space | CharClass::Ignorable));
        let first = self.peek(start)?;
        let (end, kind) = match class(first) {
            CharClass::ArabicLetter | CharClass::Letter | CharClass::Digit => self.scan_word(start, first),
            CharClass::Punct => {
                let after = if first == '.' { self.skip_chars(start, |c| c == '.') } else { start + first.len_utf8() };
                (self.skip_marks(after), TokenKind::Punctuation)
            }
            CharClass::ArabicMark | CharClass::Mark => (self.skip_marks(start), TokenKind::Symbol),
            CharClass::Symbol | CharClass::Space | CharClass::Ignorable => {
                (self.scan_symbol(start, first), TokenKind::Symbol)
            }
        };
        self.pos = end;
        let text = self.text.get(start..end)?;
        Some(Token { text, start, end, kind })
    }
}

impl std::iter::FusedIterator for Tokens<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenKind::*;

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        tokenize(s).map(|t| (t.text, t.kind)).collect()
    }

    #[test]
    fn arabic_sentence() {
        assert_eq!(
            toks("قال الرئيس الروسي، فلاديمير بوتين: «لن نتراجع»."),
            vec![
                ("قال", Arabic),
                ("الرئيس", Arabic),
                ("الروسي", Arabic),
                ("،", Punctuation),
                ("فلاديمير", Arabic),
                ("بوتين", Arabic),
                (":", Punctuation),
                ("«", Punctuation),
                ("لن", Arabic),
                ("نتراجع", Arabic),
                ("»", Punctuation),
                (".", Punctuation),
            ]
        );
    }

    #[test]
    fn diacritics_tatweel_and_joiners_stay_in_words() {
        assert_eq!(toks("مُحَمَّدٌ الرئيـــس"), vec![("مُحَمَّدٌ", Arabic), ("الرئيـــس", Arabic)]);
        assert_eq!(toks("می\u{200C}خواهم"), vec![("می\u{200C}خواهم", Arabic)]);
        // A trailing RLM is not part of the word.
        assert_eq!(toks("بوتين\u{200F} قال"), vec![("بوتين", Arabic), ("قال", Arabic)]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("42.7 3,500 ٤٢٫٧ ٣٬٥٠٠"),
            vec![("42.7", Number), ("3,500", Number), ("٤٢٫٧", Number), ("٣٬٥٠٠", Number),]
        );
        assert_eq!(
            toks("ارتفع 42% و٥٪"),
            vec![("ارتفع", Arabic), ("42", Number), ("%", Symbol), ("و", Arabic), ("٥", Number), ("٪", Symbol),]
        );
        assert_eq!(toks("عام 2024."), vec![("عام", Arabic), ("2024", Number), (".", Punctuation)]);
        assert_eq!(toks("-5"), vec![("-", Punctuation), ("5", Number)]);
        assert_eq!(toks("2024م 1445هـ"), vec![("2024", Number), ("م", Arabic), ("1445", Number), ("هـ", Arabic),]);
        assert_eq!(toks("2023-2024"), vec![("2023", Number), ("-", Punctuation), ("2024", Number)]);
    }

    #[test]
    fn hyphenated_models() {
        assert_eq!(toks("كوفيد-19"), vec![("كوفيد-19", Arabic)]);
        assert_eq!(toks("MiG-31 F-16"), vec![("MiG-31", Latin), ("F-16", Latin)]);
        assert_eq!(toks("سو-35"), vec![("سو-35", Arabic)]);
        assert_eq!(toks("سو 35"), vec![("سو", Arabic), ("35", Number)]);
        assert_eq!(toks("تي-95-إم"), vec![("تي-95-إم", Arabic)]);
        assert_eq!(toks("صاروخ-أرض"), vec![("صاروخ", Arabic), ("-", Punctuation), ("أرض", Arabic)]);
    }

    #[test]
    fn abbreviations_are_contiguous_pieces() {
        let t: Vec<_> = tokenize("تي. يو-95 أ.ف.ب").collect();
        let texts: Vec<_> = t.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["تي", ".", "يو-95", "أ", ".", "ف", ".", "ب"]);
        assert_eq!(t[0].end, t[1].start);
        assert_eq!(t[4].end, t[5].start);
    }

    #[test]
    fn latin_mixes() {
        assert_eq!(
            toks("G7 5G O'Brien U.S."),
            vec![
                ("G7", Latin),
                ("5G", Latin),
                ("O'Brien", Latin),
                ("U", Latin),
                (".", Punctuation),
                ("S", Latin),
                (".", Punctuation),
            ]
        );
        assert_eq!(toks("بوتينPutin"), vec![("بوتين", Arabic), ("Putin", Latin)]);
    }

    #[test]
    fn punctuation_and_symbols() {
        assert_eq!(
            toks("ماذا؟! انتظر... حسنا؛ نعم…"),
            vec![
                ("ماذا", Arabic),
                ("؟", Punctuation),
                ("!", Punctuation),
                ("انتظر", Arabic),
                ("...", Punctuation),
                ("حسنا", Arabic),
                ("؛", Punctuation),
                ("نعم", Arabic),
                ("…", Punctuation),
            ]
        );
        assert_eq!(
            toks("👍🏽 🇸🇦 👨\u{200D}👩\u{200D}👧 $5"),
            vec![("👍🏽", Symbol), ("🇸🇦", Symbol), ("👨\u{200D}👩\u{200D}👧", Symbol), ("$", Symbol), ("5", Number),]
        );
    }

    #[test]
    fn degenerate_input() {
        assert!(toks("").is_empty());
        assert!(toks(" \n\u{200F}\t").is_empty());
        assert_eq!(toks("\u{064E}"), vec![("\u{064E}", Symbol)]);
        assert_eq!(toks(" \u{0301}x"), vec![("\u{0301}", Symbol), ("x", Latin)]);
    }

    #[test]
    fn offsets_slice_the_input() {
        let s = "قال: «٤٢٫٧%» G7";
        for t in tokenize(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }
}
