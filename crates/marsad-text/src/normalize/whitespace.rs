//! Maps Unicode spaces and line separators to ASCII.

use super::{CharNormalizer, Mapping};

/// No-break and typographic spaces (U+00A0, U+1680, U+2000..U+200A, U+202F,
/// U+205F, U+3000) → ` `; next line, line and paragraph separators (U+0085,
/// U+2028, U+2029) → `\n`. Tabs, `\r` and `\n` are kept: runs are collapsed
/// only when [`NormalizeOptions::collapse_whitespace`](super::NormalizeOptions)
/// asks for it, so that by default offsets stay one-to-one.
///
/// Why: NBSP between a number and its unit, or around Arabic punctuation, is
/// invisible but breaks naive splitting and exact matching.
#[derive(Debug, Clone, Copy, Default)]
pub struct Whitespace;

impl CharNormalizer for Whitespace {
    fn name(&self) -> &'static str {
        "whitespace"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        match c {
            '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Some(Mapping::Char(' '))
            }
            '\u{0085}' | '\u{2028}' | '\u{2029}' => Some(Mapping::Char('\n')),
            _ => None,
        }
    }
}
