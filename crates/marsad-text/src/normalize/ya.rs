//! Unifies alef maqsura with ya.

use super::{CharNormalizer, Mapping};

/// ى (alef maqsura) → ي.
///
/// Why: final ى and ي are swapped freely, Egyptian style writes final ي as ى
/// ("علي" / "على", "مصطفى" / "مصطفي"); matching cannot tell them apart.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ya;

impl CharNormalizer for Ya {
    fn name(&self) -> &'static str {
        "ya"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        (c == '\u{0649}').then_some(Mapping::Char('\u{064A}'))
    }
}
