//! Maps Persian and Urdu letter variants to the Arabic letters they stand for.

use super::{CharNormalizer, Mapping};

/// ی ې ے → ي; ک ڪ گ → ك; چ → ج; پ → ب; ڤ → ف; ژ → ز; ہ ھ ە ۀ ۃ → ه.
///
/// Why: text produced on Persian/Urdu keyboards (and names transliterated
/// with پ چ ژ گ ڤ for p, ch, zh, g, v) spells the same Arabic-script word with
/// different code points: "ی" (U+06CC) and "ي" (U+064A) look identical in
/// final position. Folding the extra letters onto the closest Arabic letter
/// makes "پوتين" meet "بوتين" and "گوگل" meet "كوكل".
#[derive(Debug, Clone, Copy, Default)]
pub struct Persian;

impl CharNormalizer for Persian {
    fn name(&self) -> &'static str {
        "persian"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        let to = match c {
            '\u{06CC}' | '\u{06D0}' | '\u{06D2}' => '\u{064A}',
            '\u{06A9}' | '\u{06AA}' | '\u{06AF}' => '\u{0643}',
            '\u{0686}' => '\u{062C}',
            '\u{067E}' => '\u{0628}',
            '\u{06A4}' => '\u{0641}',
            '\u{0698}' => '\u{0632}',
            '\u{06C1}' | '\u{06BE}' | '\u{06D5}' | '\u{06C0}' | '\u{06C3}' => '\u{0647}',
            _ => return None,
        };
        Some(Mapping::Char(to))
    }
}
