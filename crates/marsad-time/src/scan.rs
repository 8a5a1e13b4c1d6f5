//! The items the date grammars read: the text's tokens in matching
//! normalization, with numeric pieces written without spaces glued into one
//! item («13/9/2023», «2023-09-13», «12:08»), each with its byte range in the
//! original text.

use std::ops::Range;

use marsad_text::{normalize, tokenize, TokenKind};

/// One unit of the date grammars.
#[derive(Debug)]
pub(crate) struct Item {
    /// Normalized text (ASCII digits, unified alef/ya/ta marbuta, lowercase).
    pub text: String,
    /// Byte range in the original text.
    pub span: Range<usize>,
    pub kind: ItemKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemKind {
    /// Arabic or Latin letters (maybe with digits: «كوفيد-19», «MiG-31»).
    Word,
    /// Digits, maybe with date/time separators between them.
    Numeric,
    /// Punctuation and symbols.
    Other,
}

fn is_date_separator(s: &str) -> bool {
    matches!(s, "/" | "-" | "." | ":" | "\\")
}

/// The items of `text`. A separator joins two numbers only when it touches
/// both, so «2019.» at the end of a sentence stays the year «2019» and a
/// period, while «13.9.2023» is one item.
pub(crate) fn items(text: &str) -> Vec<Item> {
    let norm = normalize(text);
    let tokens: Vec<_> = tokenize(&norm.text).collect();
    let mut out: Vec<Item> = Vec::with_capacity(tokens.len());
    let mut k = 0;
    while k < tokens.len() {
        let tok = tokens[k];
        let span = norm.original_range(tok.start..tok.end);
        if tok.kind == TokenKind::Number {
            let mut text = tok.text.to_owned();
            let mut end = tok.end;
            // Glue «sep number» pairs that touch: 13 / 9 / 2023, 12 : 08.
            while let (Some(sep), Some(num)) = (tokens.get(k + 1), tokens.get(k + 2)) {
                let touching = sep.start == end && num.start == sep.end;
                if !(touching && num.kind == TokenKind::Number && is_date_separator(sep.text)) {
                    break;
                }
                text.push_str(sep.text);
                text.push_str(num.text);
                end = num.end;
                k += 2;
            }
            out.push(Item { text, span: norm.original_range(tok.start..end), kind: ItemKind::Numeric });
        } else {
            let kind = match tok.kind {
                TokenKind::Arabic | TokenKind::Latin => ItemKind::Word,
                _ => ItemKind::Other,
            };
            out.push(Item { text: tok.text.to_owned(), span, kind });
        }
        k += 1;
    }
    out
}

/// A plain number of at most `max_digits` ASCII digits (thousands commas allowed).
pub(crate) fn number(s: &str, max_digits: usize) -> Option<u32> {
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let well_formed = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b',') && !s.starts_with(',');
    (well_formed && digits <= max_digits).then(|| s.replace(',', "").parse().ok()).flatten()
}

/// Whether `text` has anything a date, time or duration could be made of:
/// a digit, or one of the grammars' trigger stems
/// ([`crate::timex::TRIGGER_STEMS`]). One pass over the characters: a bitset
/// of the stems' first two letters finds candidate positions, and only
/// those are compared with the stems, so most sentences cost a scan.
pub(crate) fn may_contain_timex(text: &str) -> bool {
    let triggers = triggers();
    let mut prev: Option<(usize, u32)> = None;
    for (at, c) in text.char_indices() {
        if c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c) || ('\u{6f0}'..='\u{6f9}').contains(&c) {
            return true;
        }
        let Some(letter) = arabic_letter(c) else {
            prev = None;
            continue;
        };
        if let Some((start, p)) = prev {
            let bigram = (p << 8 | letter) as usize;
            if triggers.bigrams[bigram / 64] & (1 << (bigram % 64)) != 0
                && crate::timex::TRIGGER_STEMS.iter().any(|stem| text[start..].starts_with(stem))
            {
                return true;
            }
        }
        prev = Some((at, letter));
    }
    false
}

/// The index of an Arabic-block character (U+0600–U+06FF).
fn arabic_letter(c: char) -> Option<u32> {
    let u = c as u32;
    (0x600..0x700).contains(&u).then(|| u - 0x600)
}

struct Triggers {
    /// One bit per pair of Arabic-block characters that starts a trigger stem.
    bigrams: Vec<u64>,
}

fn triggers() -> &'static Triggers {
    static TRIGGERS: std::sync::OnceLock<Triggers> = std::sync::OnceLock::new();
    TRIGGERS.get_or_init(|| {
        let mut bigrams = vec![0u64; 65_536 / 64];
        for stem in crate::timex::TRIGGER_STEMS {
            let mut chars = stem.chars().filter_map(arabic_letter);
            if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                let bigram = (a << 8 | b) as usize;
                bigrams[bigram / 64] |= 1 << (bigram % 64);
            }
        }
        Triggers { bigrams }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        items(s).into_iter().map(|i| i.text).collect()
    }

    #[test]
    fn glues_only_touching_numeric_pieces() {
        assert_eq!(texts("في 13/9/2023 الساعة 12:08"), ["في", "13/9/2023", "الساعه", "12:08"]);
        assert_eq!(texts("عام 2019."), ["عام", "2019", "."]);
        assert_eq!(texts("٢٠٢٣-٠٩-١٣"), ["2023-09-13"]);
        assert_eq!(texts("2018 و2019"), ["2018", "و", "2019"]);
        assert_eq!(number("3,500", 6), Some(3500));
        assert_eq!(number("42.7", 4), None);
    }

    #[test]
    fn precheck() {
        assert!(may_contain_timex("وصل أمس"));
        assert!(may_contain_timex("عام ٢٠١٥"));
        assert!(may_contain_timex("في الآونة الأخيرة"));
        assert!(!may_contain_timex("قال الرئيس إن بلاده لن تتراجع"));
        assert!(!may_contain_timex(""));
    }
}
