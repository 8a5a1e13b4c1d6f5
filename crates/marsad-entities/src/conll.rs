//! CoNLL mode: one token per line in, `token TAG` out, with ANERcorp's types.
//!
//! The statistical tagger tags the CoNLL tokens of the whole input as one
//! document (its second pass sees the sentences around each one). The tokens
//! of each sentence are then joined with spaces into a text, the gazetteer
//! and rules run on it and add the mentions the tagger missed, and each token
//! takes the BIO tag of the mention it falls in (GPE/LOC/FAC → LOC,
//! PRODUCT/EVENT → MISC).

use std::io::{self, BufRead, Write};

use crate::kind::EntityKind;
use crate::recognize::{recognize_with, Options};

/// BIO tags (`B-PERS`, `I-LOC`, `O`, …) for the tokens of one sentence,
/// tagged as a document of its own.
pub fn tag_tokens(tokens: &[&str]) -> Vec<String> {
    tag_document(&[tokens]).pop().unwrap_or_default()
}

/// BIO tags for the sentences of one document: the statistical tagger sees
/// them all (its second pass uses the document's context), the gazetteer and
/// rules work sentence by sentence.
pub fn tag_document(sentences: &[&[&str]]) -> Vec<Vec<String>> {
    let tagged = marsad_ner::Tagger::embedded().tag_document(sentences);
    sentences.iter().zip(tagged).map(|(tokens, tags)| sentence_tags(tokens, &tags)).collect()
}

fn sentence_tags(tokens: &[&str], tagger_tags: &[marsad_ner::Tag]) -> Vec<String> {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    for t in tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        spans.push(text.len()..text.len() + t.len());
        text.push_str(t);
    }
    // The tagger learned ANERcorp's conventions (head nouns such as «حركة» or
    // «قطاع» outside the name, clubs named after cities as ORG), so its spans
    // come first; the gazetteer and rules add only mentions it missed.
    let mut spans_typed: Vec<(std::ops::Range<usize>, &str)> = marsad_ner::eval::spans(tagger_tags)
        .into_iter()
        .filter_map(|(a, b, ty)| Some((spans.get(a)?.start..spans.get(b.checked_sub(1)?)?.end, ty.as_str())))
        .collect();
    spans_typed.sort_unstable_by_key(|(r, _)| r.start);
    for f in recognize_with(&text, Options { confirm_single_persons: false, institutions: false }) {
        if !spans_typed.iter().any(|(s, _)| s.start < f.span.end && f.span.start < s.end) {
            spans_typed.push((f.span, EntityKind::conll(f.kind)));
        }
    }
    let mut tags = vec!["O".to_owned(); tokens.len()];
    for (span, ty) in spans_typed {
        let mut first = true;
        for (i, s) in spans.iter().enumerate() {
            if s.start < span.end && span.start < s.end {
                tags[i] = format!("{}-{ty}", if first { "B" } else { "I" });
                first = false;
            }
        }
    }
    tags
}

/// Reads one token per line (a blank line ends a sentence; a second column,
/// such as a gold tag, is ignored) and writes `token TAG` lines, blank lines
/// kept. The input is one document (see [`tag_document`]).
pub fn tag_conll(input: impl BufRead, output: impl Write) -> io::Result<()> {
    marsad_ner::tag_conll_with(input, output, tag_document).map_err(|e| match e {
        marsad_ner::NerError::Io(e) => e,
        other => io::Error::other(other),
    })
}
