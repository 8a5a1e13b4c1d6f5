//! Folds ta marbuta into ha.

use super::{CharNormalizer, Mapping};

/// ة → ه.
///
/// Why: final ة is often typed as ه ("مدرسه"), and the dots are lost in
/// OCR and some keyboards; folding loses almost nothing for matching.
#[derive(Debug, Clone, Copy, Default)]
pub struct TaMarbuta;

impl CharNormalizer for TaMarbuta {
    fn name(&self) -> &'static str {
        "ta_marbuta"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        (c == '\u{0629}').then_some(Mapping::Char('\u{0647}'))
    }
}
