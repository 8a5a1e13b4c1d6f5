//! Maps Arabic-Indic and Persian digits and separators to ASCII.

use super::{CharNormalizer, Mapping};

/// ٠-٩ (U+0660..U+0669) and ۰-۹ (U+06F0..U+06F9) → 0-9; the Arabic decimal
/// separator ٫ → `.`, the thousands separator ٬ → `,`, the Arabic percent
/// sign ٪ → `%`.
///
/// Why: the same figure appears as "٤٢٫٧" and "42.7" depending on the outlet;
/// numbers must compare equal and parse with ASCII parsers downstream.
#[derive(Debug, Clone, Copy, Default)]
pub struct Digits;

impl CharNormalizer for Digits {
    fn name(&self) -> &'static str {
        "digits"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        let u = c as u32;
        let to = match u {
            0x0660..=0x0669 => char::from(b'0' + (u - 0x0660) as u8),
            0x06F0..=0x06F9 => char::from(b'0' + (u - 0x06F0) as u8),
            0x066B => '.',
            0x066C => ',',
            0x066A => '%',
            _ => return None,
        };
        Some(Mapping::Char(to))
    }
}
