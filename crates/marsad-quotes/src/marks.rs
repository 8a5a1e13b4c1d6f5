//! Quote marks and the spans they enclose.
//!
//! Arabic outlets use every kind of mark: "…", “…”, ”…“ (mirrored by
//! right-to-left editors), «…», ‹…›, '…', „…“. Pairing works per paragraph:
//! a quotation never crosses a blank line, but one opened and never closed
//! (common when a long quote runs to the end of a paragraph) ends with its
//! paragraph.

use std::ops::Range;

/// Text between a pair of quote marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte range of the words between the marks (trimmed of spaces).
    pub inner: Range<usize>,
    /// Byte offset just after the closing mark, or the paragraph end when
    /// the quote was never closed.
    pub after: usize,
    /// The quote was closed by a mark.
    pub closed: bool,
}

/// What a mark can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Opens only (« ‹ „).
    Open,
    /// Closes only (» ›).
    Close,
    /// Opens or closes by position (" ' “ ”).
    Either,
}

fn role(c: char) -> Option<Role> {
    Some(match c {
        '«' | '‹' | '„' => Role::Open,
        '»' | '›' => Role::Close,
        '"' | '“' | '”' | '\'' | '‘' | '’' | '＂' => Role::Either,
        _ => return None,
    })
}

/// The mark that closes a quote opened by `open`.
fn closes(open: char, close: char) -> bool {
    match open {
        '«' => close == '»',
        '‹' => close == '›',
        '„' => matches!(close, '“' | '”'),
        '"' | '＂' => matches!(close, '"' | '＂' | '”' | '“'),
        '“' | '”' => matches!(close, '”' | '“' | '"'),
        '\'' | '‘' | '’' => matches!(close, '\'' | '’' | '‘'),
        _ => false,
    }
}

/// Every quoted span of `text`, in order of their opening marks. Nested
/// quotes are not reported separately: the outer span contains them.
pub fn quoted_spans(text: &str) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut start = 0;
    for para in text.split_inclusive('\n') {
        paragraph(text, start, start + para.trim_end_matches(['\n', '\r']).len(), &mut out);
        start += para.len();
    }
    out
}

fn paragraph(text: &str, from: usize, to: usize, out: &mut Vec<Quoted>) {
    let para = &text[from..to];
    // The open quote: its mark and the offset after it.
    let mut open: Option<(char, usize, usize)> = None;
    for (i, c) in para.char_indices() {
        let Some(role) = role(c) else { continue };
        let at = from + i;
        let prev = para[..i].chars().next_back();
        let next = para[i + c.len_utf8()..].chars().next();
        // An apostrophe inside a word (O'Brien, 'n') is not a quote mark.
        if matches!(c, '\'' | '’' | '‘')
            && prev.is_some_and(char::is_alphanumeric)
            && next.is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        match open {
            Some((o, o_at, inner_start)) if role != Role::Open && closes(o, c) => {
                push(text, o_at, inner_start, at, at + c.len_utf8(), true, out);
                open = None;
            }
            Some(_) => {}
            None if role != Role::Close => open = Some((c, at, at + c.len_utf8())),
            None => {}
        }
    }
    if let Some((_, o_at, inner_start)) = open {
        push(text, o_at, inner_start, to, to, false, out);
    }
}

fn push(
    text: &str,
    open: usize,
    inner_start: usize,
    inner_end: usize,
    after: usize,
    closed: bool,
    out: &mut Vec<Quoted>,
) {
    let inner = &text[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    if inner.trim().is_empty() {
        return;
    }
    out.push(Quoted { open, inner: inner_start + lead..inner_end - trail, after, closed });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        quoted_spans(text).into_iter().map(|q| &text[q.inner]).collect()
    }

    #[test]
    fn every_kind_of_mark() {
        assert_eq!(inner("قال: «نحن هنا» ثم \"سنبقى\" و“دائما” و”أبدا“"), ["نحن هنا", "سنبقى", "دائما", "أبدا"]);
    }

    #[test]
    fn nested_marks_stay_inside_the_outer_quote() {
        assert_eq!(inner("قال «إن \"الحرب\" انتهت» أمس"), ["إن \"الحرب\" انتهت"]);
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let text = "وقال: \"سنواصل العمل\nفقرة أخرى";
        let q = quoted_spans(text);
        assert_eq!(q.len(), 1);
        assert!(!q[0].closed);
        assert_eq!(&text[q[0].inner.clone()], "سنواصل العمل");
    }

    #[test]
    fn apostrophes_inside_words_are_not_marks() {
        assert!(inner("O'Brien said it").is_empty());
    }
}
