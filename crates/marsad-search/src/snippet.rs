//! Snippets: a window of a hit's text around the words that matched.
//!
//! Words are found with the same analyzer the index uses, so a query word
//! highlights every form with its stem, as written: "الزعيم" highlights
//! "والزعيم" whole. A hit that matched only through a name key (the query
//! spelled a name another way) highlights the first run of words with that
//! key; a hit with nothing to highlight in its text (it matched in the title)
//! shows the text's beginning.
//!
//! Tantivy's `SnippetGenerator` is not used: it measures its window in bytes
//! (half as many Arabic letters as Latin ones), starts the window at the
//! first match with no context before it, and cannot highlight a name-key
//! match, which has no term in the text field.

use std::collections::BTreeSet;

use marsad_text::CharIndex;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::analyzer::{analyze, Analysis, AnalyzedTerm};
use crate::names::{parse_terms, variants, NameVariant};
use crate::query::MAX_NAME_WORDS;

/// Target length of a snippet, in characters (words are not cut, so it may be a little shorter).
pub const SNIPPET_CHARS: usize = 200;

/// Marks a snippet that starts or ends inside the text.
const ELLIPSIS: &str = "…";

/// A piece of a document's text with the matched words marked.
///
/// In Rust, `highlights` are **byte** ranges into `text`, in order and not
/// overlapping. Serialized (JSON), they are **character** ranges, like every
/// offset marsad writes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt, with "…" where it cuts the document's text.
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub highlights: Vec<(usize, usize)>,
}

impl Snippet {
    /// The snippet as HTML: text escaped, highlights in `<mark>`.
    pub fn to_html(&self) -> String {
        let mut html = String::with_capacity(self.text.len() + 16 * self.highlights.len());
        let mut at = 0;
        for &(start, end) in &self.highlights {
            let (Some(before), Some(marked)) = (self.text.get(at..start), self.text.get(start..end)) else {
                continue;
            };
            marsad_text::html::escape_into(before, &mut html);
            html.push_str("<mark>");
            marsad_text::html::escape_into(marked, &mut html);
            html.push_str("</mark>");
            at = end;
        }
        marsad_text::html::escape_into(self.text.get(at..).unwrap_or(""), &mut html);
        html
    }

    /// The highlighted parts, as text.
    pub fn highlighted(&self) -> impl Iterator<Item = &str> {
        self.highlights.iter().filter_map(|&(s, e)| self.text.get(s..e))
    }
}

impl Serialize for Snippet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let chars = CharIndex::new(&self.text);
        let highlights: Vec<[usize; 2]> =
            self.highlights.iter().map(|&(s, e)| [chars.char_offset(s), chars.char_offset(e)]).collect();
        let mut out = serializer.serialize_struct("Snippet", 2)?;
        out.serialize_field("text", &self.text)?;
        out.serialize_field("highlights", &highlights)?;
        out.end()
    }
}

/// The snippet of `text` for a query with these stem terms and matched
/// entity names (indexed name terms, see [`crate::names`]).
pub(crate) fn make_snippet(text: &str, stems: &BTreeSet<String>, names: &BTreeSet<String>) -> Snippet {
    let words = analyze(text, Analysis::Stem);
    let mut marks: Vec<(usize, usize)> =
        words.iter().filter(|w| stems.contains(&w.term)).map(|w| (w.start, w.end)).collect();
    if marks.is_empty() && !names.is_empty() {
        marks.extend(first_name_run(text, &words, &parse_terms(names)));
    }
    window(text, &marks)
}

/// Byte range of the first run of words that is one of `names`.
fn first_name_run(text: &str, words: &[AnalyzedTerm], names: &[NameVariant]) -> Option<(usize, usize)> {
    for (i, first) in words.iter().enumerate() {
        // The key of a run starts with the key of its first word: test that
        // cheaply before reading the longer runs.
        let first_keys = variants(text.get(first.start..first.end)?);
        if !names.iter().any(|n| first_keys.iter().any(|f| n.key.starts_with(f.key.as_str()))) {
            continue;
        }
        for last in words.iter().skip(i).take(MAX_NAME_WORDS) {
            if crate::names::matches_any(text.get(first.start..last.end)?, names) {
                return Some((first.start, last.end));
            }
        }
    }
    None
}

/// The best window of `text` around `marks` (byte ranges in order), or the
/// text's beginning when there are none.
fn window(text: &str, marks: &[(usize, usize)]) -> Snippet {
    let chars = CharIndex::new(text);
    // The window holding the most marks, first of equals.
    let mut best = None;
    for a in 0..marks.len() {
        let from = chars.char_offset(marks[a].0);
        let b = (a..marks.len()).take_while(|&b| chars.char_offset(marks[b].1) - from <= SNIPPET_CHARS).last();
        let b = b.unwrap_or(a);
        if best.is_none_or(|(best_a, best_b)| b - a > best_b - best_a) {
            best = Some((a, b));
        }
    }
    let (start, end) = match best {
        None => {
            let end = text.char_indices().nth(SNIPPET_CHARS).map_or(text.len(), |(i, _)| i);
            (0, word_end_before(text, end, 0))
        }
        Some((a, b)) => {
            let (span_start, span_end) = (marks[a].0, marks[b].1);
            let span = chars.char_offset(span_end) - chars.char_offset(span_start);
            let room = SNIPPET_CHARS.saturating_sub(span);
            let before = (room / 2).min(chars.char_offset(span_start));
            let start = text[..span_start].char_indices().rev().take(before).last().map_or(span_start, |(i, _)| i);
            let after = room - before;
            let end = text[span_end..].char_indices().nth(after).map_or(text.len(), |(i, _)| span_end + i);
            (word_start_after(text, start, span_start), word_end_before(text, end, span_end))
        }
    };
    let mut snippet = Snippet::default();
    let body = text.get(start..end).unwrap_or("").trim();
    let body_start = start + text.get(start..end).map_or(0, |s| s.len() - s.trim_start().len());
    if body_start > 0 {
        snippet.text.push_str(ELLIPSIS);
        snippet.text.push(' ');
    }
    let shift = snippet.text.len();
    snippet.text.push_str(body);
    if body_start + body.len() < text.trim_end().len() {
        snippet.text.push(' ');
        snippet.text.push_str(ELLIPSIS);
    }
    let body_end = body_start + body.len();
    snippet.highlights = marks
        .iter()
        .filter(|&&(s, e)| s >= body_start && e <= body_end)
        .map(|&(s, e)| (s - body_start + shift, e - body_start + shift))
        .collect();
    snippet
}

/// `at` moved forward to the start of a word (past the partial word it
/// cuts), but never past `limit`.
fn word_start_after(text: &str, at: usize, limit: usize) -> usize {
    if at == 0 || text[..at].ends_with(char::is_whitespace) {
        return at;
    }
    text[at..limit].find(char::is_whitespace).map_or(at, |i| at + i)
}

/// `at` moved back to the end of a word (before the partial word it cuts),
/// but never before `limit`.
fn word_end_before(text: &str, at: usize, limit: usize) -> usize {
    if at >= text.len() || text[at..].starts_with(char::is_whitespace) {
        return at;
    }
    text[limit..at].rfind(char::is_whitespace).map_or(at, |i| limit + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn highlights_the_words_as_written() {
        let text = "وصل والزعيمُ الكوري إلى موسكو.";
        let s = make_snippet(text, &set(&["زعيم", "كوري"]), &set(&[]));
        assert_eq!(s.text, text);
        assert_eq!(s.highlighted().collect::<Vec<_>>(), ["والزعيمُ", "الكوري"]);
        assert_eq!(s.to_html(), "وصل <mark>والزعيمُ</mark> <mark>الكوري</mark> إلى موسكو.");
    }

    #[test]
    fn long_text_is_cut_around_the_match_at_word_boundaries() {
        let filler = "كلمة ".repeat(200);
        let text = format!("{filler}قال الزعيم الكوري كلاما {filler}");
        let s = make_snippet(&text, &set(&["زعيم"]), &set(&[]));
        assert!(s.text.starts_with("… كلمة") && s.text.ends_with("كلمة …"), "{}", s.text);
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 4);
        assert_eq!(s.highlighted().collect::<Vec<_>>(), ["الزعيم"]);
        let middle = s.text.chars().count() / 2;
        let at = s.text[..s.highlights[0].0].chars().count();
        assert!(at.abs_diff(middle) < 40, "the match sits near the middle: {at} of {}", 2 * middle);
    }

    #[test]
    fn name_key_match_highlights_the_variant() {
        let text = "التقى الوفد في بيونجيانج أمس.";
        let name = variants("بيونغ يانغ")[0].term();
        let s = make_snippet(text, &set(&["بيونغ", "يانغ"]), &set(&[&name]));
        assert_eq!(s.highlighted().collect::<Vec<_>>(), ["بيونجيانج"]);
        let text = "التقى الوفد في بيونج يانج أمس.";
        let s = make_snippet(text, &set(&["بيونغ", "يانغ"]), &set(&[&name]));
        assert_eq!(s.highlighted().collect::<Vec<_>>(), ["بيونج يانج"]);
    }

    #[test]
    fn nothing_to_highlight_gives_the_beginning() {
        let text = "كلمة ".repeat(100);
        let s = make_snippet(&text, &set(&["غائب"]), &set(&[]));
        assert!(s.highlights.is_empty());
        assert!(s.text.starts_with("كلمة") && s.text.ends_with(" …"), "{}", s.text);
        assert_eq!(make_snippet("", &set(&["x"]), &set(&[])), Snippet::default());
    }

    #[test]
    fn json_offsets_are_characters_and_html_is_escaped() {
        let s = Snippet { text: "أ <b> الزعيم".into(), highlights: vec![(7, 19)] };
        assert_eq!(s.highlighted().collect::<Vec<_>>(), ["الزعيم"]);
        let json = serde_json::to_string(&s).expect("serializes");
        assert!(json.contains("[[6,12]]"), "{json}");
        assert_eq!(s.to_html(), "أ &lt;b&gt; <mark>الزعيم</mark>");
    }
}
