//! The Arabic analyzer: how text becomes index terms.
//!
//! One tokenizer, [`ArabicTokenizer`], in two modes:
//!
//! * [`Analysis::Stem`] (registered as [`STEM_TOKENIZER`]) — each word is
//!   normalized ([`marsad_text::normalize_into`]) and light-stemmed
//!   ([`marsad_text::stem_normalized`]): "والزعيم", "الزعيم" and "زعيم" are one
//!   term. The `title` and `text` fields use it, and so does every query.
//! * [`Analysis::Exact`] (registered as [`EXACT_TOKENIZER`]) — normalized and
//!   stripped of proclitics and the article ([`marsad_text::split_proclitics`])
//!   but not of suffixes: "الكورية" and "الكوري" stay apart. The `exact` field
//!   uses it, so that a document with the very word asked for scores higher
//!   than one with another form of its stem.
//!
//! Words come from [`marsad_text::tokenize`] over the **original** text, and
//! every token keeps that word's byte range in it, clitics included. Snippets
//! are cut and highlighted from these ranges, so the reader sees the word as
//! written ("والزعيم" with its و), never a normalized or stemmed form whose
//! offsets would not line up with the stored text.
//!
//! Positions count words only — punctuation, numbers' signs and symbols are
//! not words and take no position — so a phrase query "الزعيم الكوري" matches
//! "والزعيم، الكوري" as well as "والزعيم الكوري". A word that yields no term
//! (too long to index) still takes its position, so it cannot make two
//! words around it look adjacent.

use marsad_text::chars::{class, CharClass};
use marsad_text::token::Tokens;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which the stemming analyzer is registered in the index.
pub const STEM_TOKENIZER: &str = "ar_stem";
/// Name under which the exact-form analyzer is registered in the index.
pub const EXACT_TOKENIZER: &str = "ar_exact";

/// Terms longer than this (in bytes) are not indexed: no one searches for
/// them, and tantivy refuses terms over 64 KiB.
const MAX_TERM_BYTES: usize = 200;

/// Which form of a word becomes its term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Analysis {
    /// Normalized, proclitics and suffixes stripped (light stem).
    Stem,
    /// Normalized, proclitics and article stripped, suffixes kept.
    Exact,
}

impl Analysis {
    /// The term for one already normalized word.
    pub(crate) fn term(self, normalized: &str) -> &str {
        match self {
            Analysis::Stem => marsad_text::stem_normalized(normalized),
            Analysis::Exact if normalized.chars().all(|c| class(c) == CharClass::ArabicLetter) => {
                marsad_text::split_proclitics(normalized).rest
            }
            Analysis::Exact => normalized,
        }
    }
}

/// A tantivy [`Tokenizer`] over marsad's Arabic word tokenizer. See the module docs.
#[derive(Debug, Clone, Copy)]
pub struct ArabicTokenizer {
    analysis: Analysis,
}

impl ArabicTokenizer {
    /// A tokenizer producing `analysis` terms.
    pub fn new(analysis: Analysis) -> Self {
        ArabicTokenizer { analysis }
    }
}

impl Tokenizer for ArabicTokenizer {
    type TokenStream<'a> = ArabicTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ArabicTokenStream<'a> {
        ArabicTokenStream {
            words: marsad_text::tokenize(text),
            analysis: self.analysis,
            next_position: 0,
            normalized: String::new(),
            token: Token::default(),
        }
    }
}

/// The terms of one text, in order. Created by [`ArabicTokenizer`].
#[derive(Debug)]
pub struct ArabicTokenStream<'a> {
    words: Tokens<'a>,
    analysis: Analysis,
    next_position: usize,
    /// Reused buffer for each word's normalized form.
    normalized: String,
    token: Token,
}

impl TokenStream for ArabicTokenStream<'_> {
    fn advance(&mut self) -> bool {
        for word in self.words.by_ref() {
            if !word.kind.is_word() {
                continue;
            }
            let position = self.next_position;
            self.next_position += 1;
            self.normalized.clear();
            marsad_text::normalize_into(word.text, &mut self.normalized);
            let term = self.analysis.term(&self.normalized);
            if term.is_empty() || term.len() > MAX_TERM_BYTES {
                continue;
            }
            self.token.text.clear();
            self.token.text.push_str(term);
            self.token.offset_from = word.start;
            self.token.offset_to = word.end;
            self.token.position = position;
            self.token.position_length = 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// One term of an analyzed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalyzedTerm {
    /// The index term.
    pub term: String,
    /// Byte range of the word in the original text, clitics included.
    pub start: usize,
    /// End of that range (exclusive).
    pub end: usize,
    /// Word position (0 for the first word of the text).
    pub position: usize,
}

/// Every term of `text` under `analysis`, exactly as the index sees them.
pub fn analyze(text: &str, analysis: Analysis) -> Vec<AnalyzedTerm> {
    let mut tokenizer = ArabicTokenizer::new(analysis);
    let mut stream = tokenizer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(t) = stream.next() {
        terms.push(AnalyzedTerm { term: t.text.clone(), start: t.offset_from, end: t.offset_to, position: t.position });
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str, analysis: Analysis) -> Vec<String> {
        analyze(text, analysis).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn stems_strip_clitics_and_suffixes() {
        assert_eq!(terms("والزعيم الكوري", Analysis::Stem), ["زعيم", "كوري"]);
        assert_eq!(terms("الزعيمُ الكوريّة", Analysis::Stem), ["زعيم", "كوري"]);
        assert_eq!(terms("وبوتين في بيونغ يانغ", Analysis::Stem), ["بوتين", "في", "بيونغ", "يانغ"]);
    }

    #[test]
    fn exact_strips_clitics_but_keeps_suffixes() {
        assert_eq!(terms("والزعيم الكورية الكوري", Analysis::Exact), ["زعيم", "كوريه", "كوري"]);
        assert_eq!(terms("Putin ٤٢", Analysis::Exact), ["putin", "42"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "قالَ «والزعيمُ» الكوريّ: لا.";
        for t in analyze(text, Analysis::Stem) {
            let word = &text[t.start..t.end];
            assert_eq!(marsad_text::light_stem(word), t.term, "{word}");
        }
        let first = &analyze(text, Analysis::Stem)[1];
        assert_eq!(&text[first.start..first.end], "والزعيمُ", "the range covers the clitic and the diacritic");
    }

    #[test]
    fn positions_count_words_not_punctuation() {
        let positions: Vec<usize> =
            analyze("الزعيم، «الكوري» - 42% يصل.", Analysis::Stem).iter().map(|t| t.position).collect();
        assert_eq!(positions, [0, 1, 2, 3]);
    }

    #[test]
    fn an_unindexable_word_keeps_its_position() {
        let long = "x".repeat(MAX_TERM_BYTES + 1);
        let analyzed = analyze(&format!("الزعيم {long} الكوري"), Analysis::Stem);
        let positions: Vec<usize> = analyzed.iter().map(|t| t.position).collect();
        assert_eq!(positions, [0, 2]);
    }

    #[test]
    fn degenerate_text() {
        assert!(analyze("", Analysis::Stem).is_empty());
        assert!(analyze(" ،؛ «» \u{200F}", Analysis::Stem).is_empty());
        assert!(analyze("\u{064E}\u{0301}", Analysis::Exact).is_empty());
        assert_eq!(terms("👍 كوفيد-19", Analysis::Stem), ["كوفيد-19"]);
    }
}
