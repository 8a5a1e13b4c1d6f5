//! Line features: what the cleaner knows about one line of an article.
//!
//! News text reaches marsad with one paragraph, heading, caption or widget
//! per line. Every cleaning rule is a judgement about a line's shape (length,
//! punctuation, bullets, separators, script) and its place in the article, so
//! the features are computed once here and shared by all rules.

use marsad_text::chars::is_word_char;
use marsad_text::{tokenize, TokenKind};

/// Characters that open a list item.
const BULLETS: &[char] = &['•', '·', '●', '▪', '■', '◦', '►', '▸', '*', '-', '–', '—', '○', '◆', '♦'];

/// A line and its features.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The line as written, trimmed.
    pub text: &'a str,
    /// Byte offset of `text` in the article text.
    pub start: usize,
    /// Matching key: normalized, letters and digits only, single spaces.
    pub key: String,
    /// Words: Arabic, Latin and number tokens.
    pub words: usize,
    pub arabic_words: usize,
    pub latin_words: usize,
    /// Words of one letter («ت»), typical of widgets such as «ت + ت -».
    pub one_letter_words: usize,
    /// Punctuation and symbol tokens.
    pub marks: usize,
    /// Marks that are neither brackets, quotes nor sentence punctuation (+ - / | •).
    pub control_marks: usize,
    /// Ends with a sentence terminator (possibly before closing quotes/brackets).
    pub ends_sentence: bool,
    /// Ends with a colon: a label or a heading that introduces something.
    pub ends_with_colon: bool,
    /// Starts with a bullet character.
    pub bullet: bool,
    /// Has a comma, semicolon or colon inside: running text, not a headline.
    pub has_clause_mark: bool,
}

/// Lines longer than this many bytes are running text whatever their shape;
/// their features are estimated cheaply and they get no matching key (no
/// headline, label or template line is that long).
pub const LONG_LINE_BYTES: usize = 600;

impl<'a> Line<'a> {
    pub fn new(text: &'a str, start: usize) -> Self {
        if text.len() > LONG_LINE_BYTES {
            return Self::long(text, start);
        }
        let mut line = Line {
            text,
            start,
            key: line_key(text),
            words: 0,
            arabic_words: 0,
            latin_words: 0,
            one_letter_words: 0,
            marks: 0,
            control_marks: 0,
            ends_sentence: false,
            ends_with_colon: false,
            bullet: text.starts_with(BULLETS) && text.chars().nth(1).is_some_and(char::is_whitespace),
            has_clause_mark: text.contains(['،', ',', '؛', ';']),
        };
        for tok in tokenize(text) {
            match tok.kind {
                TokenKind::Arabic | TokenKind::Latin | TokenKind::Number => {
                    line.words += 1;
                    match tok.kind {
                        TokenKind::Arabic => line.arabic_words += 1,
                        TokenKind::Latin => line.latin_words += 1,
                        _ => {}
                    }
                    if tok.kind != TokenKind::Number && tok.text.chars().filter(|&c| is_word_char(c)).count() == 1 {
                        line.one_letter_words += 1;
                    }
                }
                TokenKind::Punctuation | TokenKind::Symbol => {
                    line.marks += 1;
                    // Brackets, quotes and sentence punctuation belong to text; the rest (+ - / | •) to controls.
                    if !tok.text.chars().all(|c| "()[]{}«»\"'“”‘’.,،:؛;!?؟…".contains(c)) {
                        line.control_marks += 1;
                    }
                }
            }
        }
        let tail = text.trim_end_matches(|c: char| c.is_whitespace() || "\"'»”’)]»›".contains(c));
        line.ends_with_colon = tail.ends_with([':', '：']);
        // «..» inside a headline («بوتين وكيم.. مباحثات») is not an end; at the end it is.
        line.ends_sentence = tail.ends_with(['.', '!', '؟', '?', '…', '؛']);
        line
    }

    /// A long line: words counted by white space, no key.
    fn long(text: &'a str, start: usize) -> Self {
        let words = text.split_whitespace().count();
        let tail = text.trim_end_matches(|c: char| c.is_whitespace() || "\"'»”’)]»›".contains(c));
        Line {
            text,
            start,
            key: String::new(),
            words,
            arabic_words: words,
            latin_words: 0,
            one_letter_words: 0,
            marks: 0,
            control_marks: 0,
            ends_sentence: tail.ends_with(['.', '!', '؟', '?', '…', '؛']),
            ends_with_colon: tail.ends_with([':', '：']),
            bullet: text.starts_with(BULLETS) && text.chars().nth(1).is_some_and(char::is_whitespace),
            has_clause_mark: true,
        }
    }

    /// A paragraph of running text rather than a heading, caption or widget.
    ///
    /// Headlines can be long but carry no sentence punctuation; list items
    /// (bullets) are never running text unless they end a sentence.
    pub fn is_body(&self) -> bool {
        (self.words >= 7 && self.ends_sentence)
            || (!self.bullet && (self.words >= 25 || (self.words >= 12 && self.has_clause_mark)))
    }

    /// Shaped like a headline: a few words, no final full stop or colon.
    pub fn is_headline_like(&self) -> bool {
        (3..=30).contains(&self.words) && !self.ends_with_colon && !self.text.trim_end().ends_with('.')
            || (3..=30).contains(&self.words) && self.text.trim_end().ends_with("..")
    }

    /// An item of a bulleted or numbered list («• …», «* …», «2. …», «3) …»).
    pub fn is_list_item(&self) -> bool {
        if self.bullet {
            return true;
        }
        let rest = self.text.trim_start_matches(|c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c));
        rest.len() < self.text.len() && rest.len() + 3 >= self.text.len() && rest.starts_with(['.', ')', '-', '–'])
    }

    /// No Arabic word at all.
    pub fn is_non_arabic(&self) -> bool {
        self.arabic_words == 0
    }
}

/// The matching key of a line: normalized for Arabic matching, with only
/// letters, digits and single spaces, so that the same line written with
/// other quote marks, hamzas or bullets gets the same key.
pub fn line_key(text: &str) -> String {
    let norm = marsad_text::normalize_str(text);
    let mut key = String::with_capacity(norm.len());
    for c in norm.chars() {
        if is_word_char(c) {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with(' ') {
            key.push(' ');
        }
    }
    if key.ends_with(' ') {
        key.pop();
    }
    key
}

/// Splits an article text into its non-empty lines, with their offsets.
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let trimmed_start = raw.len() - raw.trim_start_matches(is_blank).len();
        let body = raw.trim_matches(is_blank);
        if !body.is_empty() {
            out.push(Line::new(body, offset + trimmed_start));
        }
        offset += raw.len() + 1;
    }
    out
}

/// White space, including the no-break space and the invisible marks that
/// pages leave around lines.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_of_typical_lines() {
        let widget = Line::new("ت + ت - الحجم الطبيعي", 0);
        assert_eq!(widget.one_letter_words, 2);
        assert!(widget.marks >= 2);
        let bullet = Line::new("• مشاركة :", 0);
        assert!(bullet.bullet && bullet.ends_with_colon);
        let body = Line::new("قال الوزير إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بحضور الوفود.", 0);
        assert!(body.is_body() && body.ends_sentence);
        let head = Line::new("الوزير وضيفه.. محادثات بنكهة اقتصادية", 0);
        assert!(head.is_headline_like() && !head.is_body());
        assert_eq!(line_key("«أَهلاً» بالجميع!"), line_key("\"اهلا\" بالجميع"));
    }

    #[test]
    fn split_lines_keeps_offsets() {
        let text = "  أولى\n\n ثانية  \n";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 2);
        assert_eq!(&text[lines[1].start..lines[1].start + lines[1].text.len()], "ثانية");
    }
}
