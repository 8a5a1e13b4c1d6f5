//! Unifies the forms of alef.

use super::{CharNormalizer, Mapping};

/// أ إ آ ٱ (and the rarer wavy-hamza and high-hamza alefs ٲ ٳ ٵ) → ا.
///
/// Why: hamza on alef is dropped or misplaced constantly in real text
/// ("احمد" / "أحمد", "الامارات" / "الإمارات"); search must treat them alike.
#[derive(Debug, Clone, Copy, Default)]
pub struct Alef;

impl CharNormalizer for Alef {
    fn name(&self) -> &'static str {
        "alef"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        match c {
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' | '\u{0675}' => {
                Some(Mapping::Char('\u{0627}'))
            }
            _ => None,
        }
    }
}
