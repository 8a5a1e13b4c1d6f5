//! Unifies quotation marks and dashes.

use super::{CharNormalizer, Mapping};

/// Double quotation marks (“ ” „ ‟ « » ″ 〝 〞 ＂) → `"`; single ones
/// (‘ ’ ‚ ‛ ‹ › ′ ` ＇) → `'`; hyphens and dashes (‐ ‑ ‒ – — ― − ﹘ ﹣ －) → `-`.
///
/// Why: outlets use whatever their CMS produces, and RTL text often carries
/// mirrored or mismatched quote glyphs; the kind of mark carries no meaning
/// for matching, while "كوفيد–19" and "كوفيد-19" must be one string.
#[derive(Debug, Clone, Copy, Default)]
pub struct Punctuation;

impl CharNormalizer for Punctuation {
    fn name(&self) -> &'static str {
        "punctuation"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        let to = match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' | '\u{301D}'
            | '\u{301E}' | '\u{FF02}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' | '\u{2032}' | '`'
            | '\u{FF07}' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            _ => return None,
        };
        Some(Mapping::Char(to))
    }
}
