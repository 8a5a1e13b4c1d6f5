//! Removes characters that change how text is displayed but not what it says.

use super::{CharNormalizer, Mapping};
use crate::chars::{is_ignorable, TATWEEL};

/// Zero-width characters (U+200B..U+200F), bidi embeddings, overrides and
/// isolates (U+202A..U+202E, U+2066..U+2069), the BOM / zero-width no-break
/// space (U+FEFF), the soft hyphen (U+00AD), the Arabic letter mark (U+061C),
/// word joiners, and the Arabic tatweel (U+0640).
///
/// Why: news text copied from web pages and social media is full of bidi
/// marks and ZWNJ/ZWJ that are invisible to a reader, so two spellings that
/// look identical must match. Tatweel only stretches a letter on screen
/// ("الرئيـــس" is "الرئيس").
#[derive(Debug, Clone, Copy, Default)]
pub struct Invisible;

impl CharNormalizer for Invisible {
    fn name(&self) -> &'static str {
        "invisible"
    }

    #[inline]
    fn normalize(&self, c: char) -> Option<Mapping> {
        (c == TATWEEL || is_ignorable(c)).then_some(Mapping::Remove)
    }
}
