//! Quotations in Arabic news: who said what.
//!
//! [`find_quotes`] reads one document and returns its attributed statements
//! — direct quotes in any quote marks and reported (indirect) speech — each
//! with its speech cue, its speaker resolved to an entity where the article
//! allows it, and the channel it came through (`via`). [`group`] then joins
//! the statements of several documents that report one utterance, verbatim,
//! shortened or paraphrased.
//!
//! The crate knows nothing of entity recognition: callers pass the names
//! they found as [`NamedSpan`]s and get entity indices back.
//!
//! | file | what |
//! |---|---|
//! | [`cue`] | the speech verbs and their forms |
//! | [`words`] | complementizers, adverbials, source markers |
//! | [`marks`] | quote marks and what they enclose |
//! | [`extract`] | reading an attribution around a cue |
//! | [`speaker`] | resolving the speaker |
//! | [`group`] | one utterance across documents |

pub mod cue;
pub mod extract;
pub mod group;
pub mod marks;
pub mod speaker;
pub mod words;

use std::ops::Range;

use serde::Serialize;

pub use cue::Attribution;
pub use group::{group, Utterance};
pub use speaker::Speaker;

/// A name the caller found in the text, for speaker resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedSpan {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// The caller's index for the entity; returned in [`Speaker::entity`].
    pub entity: usize,
    /// The entity is a person (preferred over places and organizations named
    /// in the same speaker words).
    pub person: bool,
}

/// Whether the words are the speaker's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Words inside quote marks.
    Direct,
    /// A reported clause («قال إن …»).
    Indirect,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
        }
    }
}

/// One attributed statement. Ranges are byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub kind: Kind,
    pub attribution: Attribution,
    /// The reported words (inside the marks, for a direct quote).
    pub text: Range<usize>,
    /// The speech verb or source marker.
    pub cue: Option<Range<usize>>,
    pub speaker: Speaker,
    /// The channel the words came through: «عبر مترجم», «بحسب رويترز».
    pub via: Option<Range<usize>>,
}

/// Every attributed statement of `text`, in text order. `sentences` are the
/// byte ranges of its sentences (as from [`marsad_text::split_sentences`]);
/// `names` the entity mentions found in it, in text order.
pub fn find_quotes(text: &str, sentences: &[Range<usize>], names: &[NamedSpan]) -> Vec<Quote> {
    extract::find(text, sentences, names)
}

#[cfg(test)]
mod tests;
