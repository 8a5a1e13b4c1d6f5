//! Sentence splitting over original text.
//!
//! # Rules
//!
//! * **A line break always ends a sentence**: news text here is one paragraph
//!   per line, and headlines, datelines and captions have no final period.
//! * A sentence ends after a run of terminators `.` `!` `?` `؟` `؛` `…` `۔`
//!   (mixed runs like "؟!" or "..." count as one), **together with the closing
//!   quotes and brackets right after it** (`."` `؟»` `!)`), when whitespace or
//!   the end of the line follows.
//! * An **ellipsis** (`…`, `..`, `...`) ends a sentence only when what follows
//!   looks like a sentence start: an Arabic letter, an uppercase Latin letter,
//!   a digit or an opening quote/bracket, not lowercase Latin or punctuation.
//! * A single `.` does **not** end a sentence after
//!   - a single letter, i.e. initials and abbreviations: "د. محمد",
//!     "م. أحمد", "أ.ف.ب", "U.S.", "J. K. Rowling" (but a single letter after
//!     a number, "2024 م." or "1445 هـ.", is an era marker and does end it);
//!   - an English title abbreviation: "Mr.", "Dr.", "Gen.", "No." ...;
//!   - a list-item number at the start of the line: "1. ";
//!   - a word of at most 2 letters followed by a model designation, as in
//!     "تي. يو-95" (the Tu-95 bomber);
//!   - when the next word starts with a lowercase Latin letter ("approx. five").
//!
//!   Decimals ("42.7"), dotted abbreviations ("أ.ف.ب") and URLs never split
//!   because no whitespace follows their dots.
//! * **Missing space after a period**, a frequent defect in scraped Arabic
//!   news ("الحرب.وقال"): `.` directly followed by an Arabic word splits when
//!   the word before has at least 3 letters and the word after at least 2
//!   (so "أ.ف.ب" and "د.محمد" stay whole); `؟ ! ؛` directly followed by an
//!   Arabic letter always split.
//! * **Quotations**: a quote opened by `«`, `“`, `”` (mirrored RTL usage),
//!   `„` or `"` and closed *on the same line within 400 characters* protects
//!   its inside: terminators inside it do not end the sentence, so
//!   `قال: "سنرد. لن نتراجع." وأضاف` keeps the quote whole. A terminator right
//!   before the closing mark does end the sentence, after the mark:
//!   `قال: "أنا سعيد برؤيتك." "هذا هو مطارنا."` is two sentences. Longer
//!   quotes and quotes never closed on the line protect nothing, so a stray
//!   quote mark cannot swallow a paragraph.
//!
//! Every returned range is trimmed of whitespace and invisible format
//! characters and non-empty; together they cover every other character of
//! the text, in order.

use std::ops::Range;

use crate::chars::{class, CharClass};

/// Quotes longer than this (in characters) do not protect their inside.
const MAX_PROTECTED_QUOTE_CHARS: usize = 400;

/// Nesting depth of quotes tracked per line; deeper quotes are ignored.
const MAX_QUOTE_DEPTH: usize = 8;

/// Latin abbreviations that are followed by a name or number, not a sentence end.
const LATIN_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "gov", "sen", "rep", "st", "jr", "sr",
    "vs", "no", "nos", "mt", "ft", "fig", "vol", "pp", "cf", "maj", "adm",
];

/// Sentence byte ranges in `text` (original text), trimmed of surrounding
/// whitespace, covering all non-space content in order.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut splitter = Splitter { text, out: Vec::new(), spans: Vec::new(), stack: Vec::new() };
    let bytes = text.as_bytes();
    let mut line_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Line breaks: \n \r VT FF (1 byte), NEL (C2 85), LS / PS (E2 80 A8/A9).
        let len = match bytes[i] {
            b'\n' | b'\r' | 0x0B | 0x0C => 1,
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            _ => 0,
        };
        if len == 0 {
            i += 1;
            continue;
        }
        splitter.line(line_start, i);
        i += len;
        line_start = i;
    }
    splitter.line(line_start, text.len());
    splitter.out
}

/// Builds a 256-entry byte membership table (a branch-free first filter for
/// the byte scans: a `match` per byte compiles to an indirect jump).
const fn byte_set(members: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < members.len() {
        t[members[i] as usize] = true;
        i += 1;
    }
    t
}

/// First bytes of every terminator's UTF-8 encoding.
static TERMINATOR_LEAD: [bool; 256] = byte_set(&[b'.', b'!', b'?', 0xD8, 0xDB, 0xE2, 0xE3, 0xEF]);

/// First bytes of every quote mark's UTF-8 encoding.
static QUOTE_LEAD: [bool; 256] = byte_set(&[b'"', 0xC2, 0xE2]);

#[inline]
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '؛' | '…' | '۔' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？')
}

/// Terminators that end a sentence with no further conditions.
#[inline]
fn is_strong_terminator(c: char) -> bool {
    is_terminator(c) && !matches!(c, '.' | '…')
}

/// Marks that belong to the sentence a terminator just ended.
#[inline]
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '»' | '”' | '“' | '’' | '‘' | '›' | ')' | ']' | '}' | '\u{FD3E}' | '\u{FD3F}')
        || class(c) == CharClass::Ignorable
}

#[inline]
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '«' | '“' | '”' | '„' | '‘' | '‹' | '(' | '[' | '{' | '\u{FD3E}' | '\u{FD3F}')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteFamily {
    /// « » — directional, so they nest.
    Guillemet,
    /// “ ” „ ‟ — RTL text mirrors them freely, so any of them toggles.
    Curly,
    /// " — toggles.
    Straight,
}

#[derive(Debug, Clone, Copy)]
struct OpenQuote {
    family: QuoteFamily,
    /// Byte offset of the opening mark.
    pos: usize,
}

/// The word right before a terminator.
#[derive(Debug, Clone, Copy, Default)]
struct PrevWord {
    start: usize,
    letters: usize,
    digits: usize,
    arabic: bool,
}

struct Splitter<'a> {
    text: &'a str,
    out: Vec<Range<usize>>,
    /// Protected quote spans of the current line: sorted, disjoint byte ranges
    /// from the opening mark to just after the closing mark.
    spans: Vec<Range<usize>>,
    stack: Vec<OpenQuote>,
}

impl Splitter<'_> {
    #[inline]
    fn peek(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    fn push_trimmed(&mut self, start: usize, end: usize) {
        let Some(s) = self.text.get(start..end) else {
            return;
        };
        let trimmed_start = s.trim_start_matches(crate::chars::is_space_like);
        let trimmed = trimmed_start.trim_end_matches(crate::chars::is_space_like);
        if !trimmed.is_empty() {
            let a = start + (s.len() - trimmed_start.len());
            self.out.push(a..a + trimmed.len());
        }
    }

    /// Record the closed-quote spans of one line (pass 1).
    fn find_quote_spans(&mut self, start: usize, end: usize) {
        self.spans.clear();
        self.stack.clear();
        let bytes = self.text.as_bytes();
        let mut i = start;
        // Byte scan: every quote mark starts with a byte that never occurs
        // inside another character (a quote, C2, or E2 80).
        while i < end {
            if !QUOTE_LEAD[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            let (c, len) = match bytes[i] {
                b'"' => ('"', 1),
                0xC2 => match bytes.get(i + 1) {
                    Some(0xAB) => ('«', 2),
                    Some(0xBB) => ('»', 2),
                    _ => ('\0', 1),
                },
                0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                    Some(0x9C) => ('“', 3),
                    Some(0x9D) => ('”', 3),
                    Some(0x9E) => ('„', 3),
                    Some(0x9F) => ('‟', 3),
                    _ => ('\0', 1),
                },
                _ => ('\0', 1),
            };
            let pos = i;
            i += len;
            let family = match c {
                '«' | '»' => QuoteFamily::Guillemet,
                '“' | '”' | '„' | '‟' => QuoteFamily::Curly,
                '"' => QuoteFamily::Straight,
                _ => continue,
            };
            let open_index = if c == '«' { None } else { self.stack.iter().rposition(|q| q.family == family) };
            match open_index {
                Some(j) => {
                    let open = self.stack[j];
                    // Quotes opened inside this one and never closed are dropped.
                    self.stack.truncate(j);
                    if self.is_short_quote(open.pos, pos) {
                        // Spans closed earlier inside this one are subsumed by it.
                        while self.spans.last().is_some_and(|s| s.start >= open.pos) {
                            self.spans.pop();
                        }
                        self.spans.push(open.pos..i);
                    }
                }
                None if c == '»' => {} // a closer with no opener
                None => {
                    if self.stack.len() < MAX_QUOTE_DEPTH {
                        self.stack.push(OpenQuote { family, pos });
                    }
                }
            }
        }
    }

    /// At most [`MAX_PROTECTED_QUOTE_CHARS`] characters in `from..to`?
    /// Counts only when the byte length leaves it open, so the cost per
    /// quote is bounded.
    fn is_short_quote(&self, from: usize, to: usize) -> bool {
        let len = to - from;
        if len <= MAX_PROTECTED_QUOTE_CHARS {
            return true;
        }
        if len > 4 * MAX_PROTECTED_QUOTE_CHARS {
            return false;
        }
        self.text.get(from..to).is_some_and(|q| q.chars().count() <= MAX_PROTECTED_QUOTE_CHARS)
    }

    /// Byte offset of the next terminator candidate in `from..end`. Byte scan:
    /// every terminator starts with a byte that never occurs inside another
    /// character.
    fn next_terminator(&self, from: usize, end: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut i = from;
        while i < end {
            if !TERMINATOR_LEAD[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            match bytes[i] {
                b'.' | b'!' | b'?' => return Some(i),
                // ؛ U+061B, ؟ U+061F
                0xD8 if matches!(bytes.get(i + 1), Some(0x9B | 0x9F)) => return Some(i),
                // ۔ U+06D4
                0xDB if bytes.get(i + 1) == Some(&0x94) => return Some(i),
                0xE2 | 0xE3 | 0xEF if self.peek(i).is_some_and(is_terminator) => return Some(i),
                _ => {}
            }
            i += 1;
        }
        None
    }

    fn prev_word(&self, line_start: usize, p: usize) -> PrevWord {
        let mut w = PrevWord { start: p, ..PrevWord::default() };
        let Some(before) = self.text.get(line_start..p) else {
            return w;
        };
        for (off, c) in before.char_indices().rev() {
            match class(c) {
                CharClass::ArabicLetter => {
                    w.letters += 1;
                    w.arabic = true;
                }
                CharClass::Letter => w.letters += 1,
                CharClass::Digit => w.digits += 1,
                CharClass::ArabicMark | CharClass::Mark => {}
                _ => break,
            }
            w.start = line_start + off;
        }
        w
    }

    /// Count Arabic letters of the word starting at `i`, up to `cap`.
    fn next_arabic_letters(&self, i: usize, cap: usize) -> usize {
        let mut n = 0;
        for c in self.text.get(i..).unwrap_or("").chars() {
            match class(c) {
                CharClass::ArabicLetter => n += 1,
                CharClass::ArabicMark => {}
                _ => break,
            }
            if n >= cap {
                break;
            }
        }
        n
    }

    /// Is the word after the `.` at `p` (and spaces) a model designation
    /// such as "يو-95" or "MiG-31"? Then the short word before the dot is
    /// its abbreviated prefix ("تي. يو-95"), not a sentence end.
    fn model_designation_follows(&self, p: usize) -> bool {
        let rest = self.text.get(p + 1..).unwrap_or("");
        let mut chars = rest.chars().skip_while(|&c| crate::chars::is_space_like(c)).peekable();
        let mut letters = 0;
        while chars.next_if(|&c| matches!(class(c), CharClass::ArabicLetter | CharClass::Letter)).is_some() {
            letters += 1;
        }
        letters > 0
            && chars.next_if(|&c| matches!(c, '-' | '\u{2010}' | '\u{2011}')).is_some()
            && chars.next().is_some_and(|c| class(c) == CharClass::Digit)
    }

    /// Is the character before the word at `word_start` (skipping spaces) a digit?
    fn number_before(&self, line_start: usize, word_start: usize) -> bool {
        let before = self.text.get(line_start..word_start).unwrap_or("");
        before.chars().rev().find(|&c| !crate::chars::is_space_like(c)).is_some_and(|c| class(c) == CharClass::Digit)
    }

    fn is_latin_title(&self, w: &PrevWord, p: usize) -> bool {
        if w.arabic || w.digits > 0 || w.letters < 2 {
            return false;
        }
        let word = self.text.get(w.start..p).unwrap_or("");
        LATIN_TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
    }

    /// Does a single `.` at `p`, followed by space and then `following`, end the sentence?
    fn single_dot_ends(&self, line_start: usize, first_visible: usize, p: usize, following: char) -> bool {
        if following.is_lowercase() && class(following) == CharClass::Letter {
            return false;
        }
        let w = self.prev_word(line_start, p);
        if w.letters == 1 && w.digits == 0 {
            // Initials and abbreviations, except an era letter after a year.
            return self.number_before(line_start, w.start);
        }
        if self.is_latin_title(&w, p) {
            return false;
        }
        if w.letters <= 2 && w.digits == 0 && self.model_designation_follows(p) {
            return false;
        }
        let list_item = w.letters == 0 && (1..=3).contains(&w.digits) && w.start == first_visible;
        !list_item
    }

    /// Split one line `start..end` (no line breaks inside).
    fn line(&mut self, start: usize, end: usize) {
        let Some(line) = self.text.get(start..end) else {
            return;
        };
        let Some(first_off) = line.find(|c: char| !crate::chars::is_space_like(c)) else {
            return;
        };
        let first_visible = start + first_off;
        self.find_quote_spans(start, end);
        let mut sentence_start = start;
        let mut span_index = 0;
        let mut p = first_visible;
        while let Some(at) = self.next_terminator(p, end) {
            p = at;
            let Some(c) = self.peek(p) else { break };
            // The terminator run, then the closers glued to it.
            let mut q = p;
            let mut dots = 0usize;
            let mut strong = false;
            let mut ellipsis = false;
            while let Some(t) = self.peek(q).filter(|&t| q < end && is_terminator(t)) {
                match t {
                    '.' => dots += 1,
                    '…' => ellipsis = true,
                    _ => strong |= is_strong_terminator(t),
                }
                q += t.len_utf8();
            }
            ellipsis |= dots >= 2;
            let mut r = q;
            while let Some(t) = self.peek(r).filter(|&t| r < end && is_closer(t)) {
                r += t.len_utf8();
            }

            while self.spans.get(span_index).is_some_and(|s| s.end <= p) {
                span_index += 1;
            }
            let protected = self.spans.get(span_index).is_some_and(|s| s.start < p && r < s.end);

            let next = if r < end { self.peek(r) } else { None };
            let ends = if protected {
                false
            } else {
                match next {
                    None => true,
                    Some(n) if class(n) == CharClass::Space => {
                        let following = line
                            .get(r - start..)
                            .and_then(|rest| rest.chars().find(|&c| !crate::chars::is_space_like(c)));
                        match following {
                            None => true,
                            Some(_) if strong => true,
                            Some(f) if ellipsis => {
                                matches!(class(f), CharClass::ArabicLetter | CharClass::Digit)
                                    || (class(f) == CharClass::Letter && !f.is_lowercase())
                                    || is_opener(f)
                            }
                            Some(f) => self.single_dot_ends(start, first_visible, p, f),
                        }
                    }
                    Some(n) if class(n) == CharClass::ArabicLetter => {
                        if strong {
                            true
                        } else if dots == 1 && !ellipsis && r == q {
                            let w = self.prev_word(start, p);
                            w.arabic && w.digits == 0 && w.letters >= 3 && self.next_arabic_letters(r, 2) >= 2
                        } else {
                            false
                        }
                    }
                    Some(_) => false,
                }
            };
            if ends {
                self.push_trimmed(sentence_start, r);
                sentence_start = r;
            }
            p = r.max(p + c.len_utf8());
        }
        self.push_trimmed(sentence_start, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn basic_arabic() {
        assert_eq!(
            split("أعلنت وزارة الدفاع إسقاط طائرة مسيرة. وقال المتحدث إن الدفاعات تصدت لها؟ لا أحد يعرف! انتهى؛ ثم عاد"),
            vec![
                "أعلنت وزارة الدفاع إسقاط طائرة مسيرة.",
                "وقال المتحدث إن الدفاعات تصدت لها؟",
                "لا أحد يعرف!",
                "انتهى؛",
                "ثم عاد",
            ]
        );
    }

    #[test]
    fn newline_always_ends() {
        assert_eq!(
            split("موسكو - رويترز\nقال الكرملين إن المحادثات مستمرة\r\n\n  وأضاف أن الوفد سيعود غدا.  "),
            vec!["موسكو - رويترز", "قال الكرملين إن المحادثات مستمرة", "وأضاف أن الوفد سيعود غدا."]
        );
    }

    #[test]
    fn decimals_and_abbreviations() {
        assert_eq!(
            split("ارتفع التضخم إلى 42.7 في المئة. وقال د. محمد العلي إن الأرقام مقلقة."),
            vec!["ارتفع التضخم إلى 42.7 في المئة.", "وقال د. محمد العلي إن الأرقام مقلقة."]
        );
        assert_eq!(
            split("نقلت وكالة أ.ف.ب. عن م. أحمد قوله إن العمل بدأ."),
            vec!["نقلت وكالة أ.ف.ب. عن م. أحمد قوله إن العمل بدأ."]
        );
        assert_eq!(
            split("The U.S. Army and Mr. Smith met Gen. Allen. They talked."),
            vec!["The U.S. Army and Mr. Smith met Gen. Allen.", "They talked."]
        );
        assert_eq!(
            split("وقع الزلزال عام 2023 م. وخلف آلاف الضحايا."),
            vec!["وقع الزلزال عام 2023 م.", "وخلف آلاف الضحايا."]
        );
    }

    #[test]
    fn list_items() {
        assert_eq!(
            split("1. وقف إطلاق النار فورا.\n2- تبادل الأسرى."),
            vec!["1. وقف إطلاق النار فورا.", "2- تبادل الأسرى."]
        );
        // A number ending a sentence mid-line still ends it.
        assert_eq!(split("بلغ عدد القتلى 42. وأصيب آخرون."), vec!["بلغ عدد القتلى 42.", "وأصيب آخرون."]);
    }

    #[test]
    fn quotes_with_terminator_before_closer() {
        assert_eq!(
            split("قال: \"أنا سعيد برؤيتك.\" \"هذا هو مطارنا الفضائي الجديد.\""),
            vec!["قال: \"أنا سعيد برؤيتك.\"", "\"هذا هو مطارنا الفضائي الجديد.\""]
        );
        assert_eq!(
            split("وقال الوزير: «لن نسمح بذلك!» وأضاف أن الحكومة ستتحرك."),
            vec!["وقال الوزير: «لن نسمح بذلك!»", "وأضاف أن الحكومة ستتحرك."]
        );
    }

    #[test]
    fn quotes_protect_inner_sentences() {
        assert_eq!(
            split("وقال المتحدث: «نحن ملتزمون بالهدنة. لكننا سنرد على أي خرق» مضيفا أن الوضع هادئ. ثم غادر."),
            vec!["وقال المتحدث: «نحن ملتزمون بالهدنة. لكننا سنرد على أي خرق» مضيفا أن الوضع هادئ.", "ثم غادر.",]
        );
        // Mirrored curly quotes (” as opener) are common in RTL text.
        assert_eq!(
            split("وكتب: ”الوضع خطير. نحتاج مساعدة” ثم أغلق الهاتف."),
            vec!["وكتب: ”الوضع خطير. نحتاج مساعدة” ثم أغلق الهاتف."]
        );
    }

    #[test]
    fn unbalanced_quote_is_capped_at_line() {
        assert_eq!(
            split("قال: «هذا بيان مهم. ولم يغلق الاقتباس أبدا. هذه جملة ثالثة.\nسطر جديد."),
            vec!["قال: «هذا بيان مهم.", "ولم يغلق الاقتباس أبدا.", "هذه جملة ثالثة.", "سطر جديد.",]
        );
    }

    #[test]
    fn long_quote_is_not_protected() {
        let inner = "هذه جملة طويلة داخل الاقتباس. ".repeat(20);
        let text = format!("قال: «{inner}» انتهى.");
        assert!(split(&text).len() > 10);
    }

    #[test]
    fn ellipsis() {
        assert_eq!(
            split("انتظرنا طويلا... ثم جاء الخبر. وكان... mixed case here"),
            vec!["انتظرنا طويلا...", "ثم جاء الخبر.", "وكان... mixed case here"]
        );
        assert_eq!(split("قال «ربما… لا أعرف» وصمت."), vec!["قال «ربما… لا أعرف» وصمت."]);
    }

    #[test]
    fn closers_stay_with_their_sentence() {
        assert_eq!(
            split("أعلن الجيش انسحابه (من المدينة.) وقالت المصادر ذلك؟!» ثم صمت."),
            vec!["أعلن الجيش انسحابه (من المدينة.)", "وقالت المصادر ذلك؟!»", "ثم صمت."]
        );
    }

    #[test]
    fn missing_space_after_period() {
        assert_eq!(
            split("انتهت الحرب.وقال الرئيس إن السلام قادم؟وأضاف ذلك"),
            vec!["انتهت الحرب.", "وقال الرئيس إن السلام قادم؟", "وأضاف ذلك"]
        );
        assert_eq!(split("قال د.محمد إن أ.ف.ب نقلت"), vec!["قال د.محمد إن أ.ف.ب نقلت"]);
    }

    #[test]
    fn degenerate() {
        assert!(split("").is_empty());
        assert!(split(" \n\u{200F} \r\n").is_empty());
        assert_eq!(split("."), vec!["."]);
        assert_eq!(split("...!!!؟؟"), vec!["...!!!؟؟"]);
        assert_eq!(split("\u{064E}"), vec!["\u{064E}"]);
        assert_eq!(split("\"\"\"«««»»»"), vec!["\"\"\"«««»»»"]);
    }
}
