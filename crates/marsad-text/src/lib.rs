//! Arabic-first text core for marsad: matching normalization with an offset
//! map, tokenization, sentence splitting and light stemming.
//!
//! # Offsets
//!
//! Every offset in this crate is a **byte offset into a `&str`**, because that
//! is what slicing costs nothing for. Output formats that want Unicode code
//! point offsets (JSON consumers, Python-style indexing) convert at the edge
//! with [`offsets::CharIndex`], built once per text.
//!
//! # Which text each function works on
//!
//! * [`normalize()`] / [`normalize_into`] / [`normalize_str`] produce the
//!   *matching* form of a text (no diacritics, unified letter variants, ASCII
//!   digits, unified quotes and dashes, lowercase Latin). [`Normalized`] keeps a
//!   map back to the original so hits found in the normalized text can be
//!   reported against the original.
//! * [`tokenize`] and [`split_sentences`] work on the **original** text, so
//!   their ranges can be shown to a reader without translation.
//! * [`light_stem`] and [`strip_proclitics`] work on one word; `light_stem`
//!   normalizes its input itself, the `stem` functions that return borrowed
//!   slices expect already normalized input.
//!
//! # Robustness and cost
//!
//! No function panics on any `&str` (empty text, lone combining marks,
//! unpaired quotes, arbitrary scalar values). Every pass is a single linear
//! scan with no regexes and no per-character heap allocation.

pub mod chars;
pub mod groups;
pub mod html;
pub mod normalize;
pub mod offsets;
pub mod overlap;
pub mod sentence;
pub mod sparse;
pub mod stem;
pub mod token;

pub use groups::Groups;
pub use normalize::{
    normalize, normalize_into, normalize_str, normalize_with, NormalizeOptions, Normalized, Normalizer,
};
pub use offsets::CharIndex;
pub use overlap::ContentWords;
pub use sentence::split_sentences;
pub use sparse::SparseVector;
pub use stem::{
    light_stem, light_stem_into, proclitic_candidates, split_proclitics, stem_normalized, strip_article,
    strip_proclitics, Proclitics,
};
pub use token::{tokenize, Token, TokenKind};
