//! Drops hamza from its ya and waw seats.

use super::{CharNormalizer, Mapping};

/// ئ → ي and ؤ → و (also the high-hamza ٶ ٷ → و and ٸ → ي). Bare hamza ء is kept.
///
/// Why: this is matching normalization, the same folding the project's
/// scorer applies: "مسئول" / "مسؤول" / "مسوول" and "رئيس" / "ريس" must meet.
/// The price is that a few distinct words collide ("سؤال" / "سوال"), which
/// is acceptable for recall-oriented matching.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hamza;

impl CharNormalizer for Hamza {
    fn name(&self) -> &'static str {
        "hamza"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        match c {
            '\u{0626}' | '\u{0678}' => Some(Mapping::Char('\u{064A}')),
            '\u{0624}' | '\u{0676}' | '\u{0677}' => Some(Mapping::Char('\u{0648}')),
            _ => None,
        }
    }
}
