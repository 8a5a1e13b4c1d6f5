//! CoNLL mode: one token per line in, `token TAG` out, with ANERcorp's types.
//!
//! The tokens of a sentence are joined with spaces into a text, the full
//! recognizer (gazetteer, tagger, rules) runs on it, and each token takes the
//! BIO tag of the mention it falls in (GPE/LOC/FAC → LOC, PRODUCT/EVENT → MISC).

use std::io::{self, BufRead, Write};

use crate::kind::EntityKind;
use crate::recognize::{recognize_with, Options};

/// BIO tags (`B-PERS`, `I-LOC`, `O`, …) for the tokens of one sentence.
pub fn tag_tokens(tokens: &[&str]) -> Vec<String> {
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
    let mut spans_typed: Vec<(std::ops::Range<usize>, &str)> =
        marsad_ner::tag_text_spans(&text).into_iter().map(|(r, ty)| (r, ty.as_str())).collect();
    for f in recognize_with(&text, Options { confirm_single_persons: false, institutions: false }) {
        if !spans_typed.iter().any(|(s, _)| s.start < f.span.end && f.span.start < s.end) {
            spans_typed.push((f.span, EntityKind::conll(f.kind)));
        }
    }
    let mut tags = vec!["O".to_owned(); tokens.len()];
    for (span, ty) in spans_typed {
        let f_span = span;
        let mut first = true;
        for (i, s) in spans.iter().enumerate() {
            if s.start < f_span.end && f_span.start < s.end {
                tags[i] = format!("{}-{ty}", if first { "B" } else { "I" });
                first = false;
            }
        }
    }
    tags
}

/// Reads one token per line (a blank line ends a sentence; a second column,
/// such as a gold tag, is ignored) and writes `token TAG` lines, blank lines kept.
pub fn tag_conll(input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    let mut sentence: Vec<String> = Vec::new();
    let flush = |sentence: &mut Vec<String>, output: &mut dyn Write| -> io::Result<()> {
        let toks: Vec<&str> = sentence.iter().map(String::as_str).collect();
        for (t, tag) in toks.iter().zip(tag_tokens(&toks)) {
            writeln!(output, "{t} {tag}")?;
        }
        sentence.clear();
        Ok(())
    };
    for line in input.lines() {
        let line = line?;
        match line.split_whitespace().next() {
            Some(token) => {
                sentence.push(token.to_owned());
                // ANERcorp has no sentence breaks: end a sentence after a full stop.
                if matches!(token, "." | "؟" | "!" | "?") {
                    flush(&mut sentence, &mut output)?;
                }
            }
            None => {
                flush(&mut sentence, &mut output)?;
                writeln!(output)?;
            }
        }
    }
    flush(&mut sentence, &mut output)
}
