//! Removes Arabic diacritics.

use super::{CharNormalizer, Mapping};
use crate::chars::is_arabic_diacritic;

/// Removes harakat, tanween, shadda, sukun, hamza and madda marks
/// (U+064B..U+065F), the superscript alef (U+0670), honorific signs
/// (U+0610..U+061A), Quranic annotation marks (U+06D6..U+06ED) and the
/// Arabic Extended annotation marks (U+0898..U+089F, U+08CA..U+08FF).
///
/// Why: news text is written mostly without vowels, but the same word shows
/// up with partial vocalization ("الرئيسُ", "مُحمّد"); matching must ignore it.
/// Combining hamza (U+0654/U+0655) and madda (U+0653) are in the removed
/// range, so a decomposed "أ" (ا + U+0654) normalizes like the composed one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Diacritics;

impl CharNormalizer for Diacritics {
    fn name(&self) -> &'static str {
        "diacritics"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        is_arabic_diacritic(c).then_some(Mapping::Remove)
    }
}
