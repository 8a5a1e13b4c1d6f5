//! Lowercases cased letters.

use super::{CharNormalizer, Mapping};

/// Uppercase and titlecase letters → lowercase (Latin, Greek, Cyrillic, ...).
/// `İ` (U+0130), the one letter whose lowercase is two characters, maps to
/// plain `i`, which is what a reader searching "istanbul" expects.
///
/// Why: Latin names and acronyms inside Arabic text ("NATO", "Nato") must
/// match regardless of case.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lowercase;

impl CharNormalizer for Lowercase {
    fn name(&self) -> &'static str {
        "lowercase"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        if c.is_ascii() {
            return c.is_ascii_uppercase().then(|| Mapping::Char(c.to_ascii_lowercase()));
        }
        if c == '\u{0130}' {
            return Some(Mapping::Char('i'));
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l != c => Some(Mapping::Char(l)),
            _ => None,
        }
    }
}
