//! Page furniture: the lines of a page that are not the article.
//!
//! Each rule is a small function over one line's features and its place in
//! the article ([`Zone`]); [`classify`] applies them in order. The rules use
//! shapes, not strings copied from pages: a widget is a short line made mostly
//! of one-letter words and symbols, a caption carries a `|` credit, a byline
//! is «X - Y» of a few words above the first paragraph, and so on. The few
//! word lists here are the generic Arabic web vocabulary of such blocks
//! («اقرأ أيضاً», «المصدر»), each documented where it is used.

use super::lines::{line_key, Line};

/// Where a line stands relative to the article's running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    /// Before the first paragraph: site header, section label, title, dateline, byline, lead image caption.
    Head,
    /// Between the first and the last paragraph.
    Body,
    /// After the last paragraph: source line, share and print widgets, tags.
    Tail,
}

/// Why a line is furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Furniture {
    /// Share, print, font-size and similar controls.
    Widget,
    /// A template placeholder or control label in Latin letters inside an Arabic page.
    Template,
    /// «A | B»: a site header or an image caption with its credit.
    SiteHeaderOrCaption,
    /// A short label, byline or caption outside the running text.
    ShortOutsideText,
    /// «المصدر: …», «كتب: …» and the like.
    SourceOrByline,
    /// A heading that introduces related articles («اقرأ أيضاً», «مقالات ذات صلة»).
    RelatedHeading,
    /// An item of a related-articles list.
    RelatedItem,
    /// A line repeated across many documents of the same outlet.
    Repeated,
    /// A dateline above or below the text; it gives the publication date.
    Dateline,
}

/// Headings of related-article blocks, as line keys (see [`line_key`]). These
/// are the standard labels of Arabic news sites.
const RELATED_HEADINGS: &[&str] = &[
    "اقرا ايضا",
    "اقرأ ايضا",
    "اقرا كذلك",
    "اقرا المزيد",
    "اقرا ايضا عن",
    "مقالات ذات صله",
    "مقالات مشابهه",
    "مقالات متعلقه",
    "اخبار ذات صله",
    "اخبار متعلقه",
    "اخبار مشابهه",
    "مواضيع ذات صله",
    "مواضيع متعلقه",
    "مواضيع مشابهه",
    "قد يهمك ايضا",
    "قد يهمك",
    "شاهد ايضا",
    "طالع ايضا",
    "المزيد من الاخبار",
    "الاكثر قراءه",
    "الاكثر مشاهده",
    "اخر الاخبار",
    "روابط ذات صله",
];

/// Labels that open a source or byline line: «المصدر: X», «كتب - X».
const SOURCE_LABELS: &[&str] = &[
    "المصدر",
    "مصدر",
    "المصادر",
    "مصدر الخبر",
    "كتب",
    "كتبت",
    "بقلم",
    "اعداد",
    "تحرير",
    "ترجمه",
    "تصوير",
    "متابعات",
    "وكالات",
    "الكاتب",
    "المحرر",
    "تقرير",
    "رابط الخبر",
    "رابط المقال",
];

/// The related-articles heading this line is, if any: the whole line, or
/// the line minus a final colon.
pub fn is_related_heading(line: &Line<'_>) -> bool {
    line.words <= 5 && RELATED_HEADINGS.contains(&line.key.as_str())
}

/// A read-also link written on one line: «اقرأ أيضاً: عنوان مقال آخر».
fn inline_read_also(line: &Line<'_>) -> bool {
    RELATED_HEADINGS
        .iter()
        .any(|h| line.key.starts_with(h) && line.key.len() > h.len() && line.text.contains([':', '：', '-', '|']))
}

/// The label and value of «المصدر: صدى البلد» / «كتب - فلان», when the line has that shape.
pub fn labelled_value<'a>(line: &Line<'a>) -> Option<(&'static str, &'a str)> {
    if line.words > 10 {
        return None;
    }
    let sep = line.text.find([':', '：', '-', '–', '—'])?;
    let label_key = line_key(&line.text[..sep]);
    let label = SOURCE_LABELS.iter().find(|l| **l == label_key)?;
    let value = line.text[sep..].trim_start_matches([':', '：', '-', '–', '—']).trim();
    Some((label, value))
}

/// Splits «A - B» / «A | B» into its parts when the line is made of a few
/// short parts joined by a spaced dash or a pipe.
pub fn separated_parts<'a>(line: &Line<'a>) -> Option<Vec<&'a str>> {
    let parts: Vec<&str> = line
        .text
        .split('|')
        .flat_map(|p| p.split(" - ").flat_map(|q| q.split(" – ")).flat_map(|q| q.split(" — ")))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (parts.len() >= 2).then_some(parts)
}

/// Context for classifying one line.
pub struct LineContext {
    pub zone: Zone,
    /// Inside a block opened by a related-articles heading.
    pub in_related_block: bool,
    /// This line occurs in many documents of the same outlet.
    pub repeated: bool,
}

/// Furniture, or `None` for article content. The rules, in order:
pub fn classify(line: &Line<'_>, cx: &LineContext) -> Option<Furniture> {
    if is_related_heading(line) {
        return Some(Furniture::RelatedHeading);
    }
    // A list under a related heading: bullets and headline-shaped lines, until running text resumes.
    if cx.in_related_block && (line.bullet || !line.is_body()) {
        return Some(Furniture::RelatedItem);
    }
    if inline_read_also(line) && line.words <= 25 {
        return Some(Furniture::RelatedItem);
    }
    // Controls: short, and at least half of the tokens are one-letter words or symbols («ت + ت - الحجم الطبيعي»).
    let tokens = line.words + line.marks;
    if line.words <= 6
        && tokens >= 3
        && line.one_letter_words + line.control_marks >= 2
        && (line.one_letter_words + line.marks) * 2 >= tokens
    {
        return Some(Furniture::Widget);
    }
    // Latin-only short lines in an Arabic page are template names and control labels («post-title», «Next Previous»).
    if line.is_non_arabic() && line.latin_words > 0 && line.words <= 4 {
        return Some(Furniture::Template);
    }
    // Pipes separate a site name from a slogan, or a caption from its photo credit; prose never uses them.
    let pipe_line = (line.text.contains('|') && !line.is_body()) || (line.text.contains(" | ") && line.words <= 20);
    if pipe_line && separated_parts(line).is_some_and(|parts| parts.iter().any(|p| p.split_whitespace().count() <= 3)) {
        return Some(Furniture::SiteHeaderOrCaption);
    }
    if labelled_value(line).is_some() && cx.zone != Zone::Body {
        return Some(Furniture::SourceOrByline);
    }
    // Template lines; a formulaic sentence that several reports share stays text.
    let sentence_in_text = cx.zone == Zone::Body && line.ends_sentence && line.words >= 5;
    if cx.repeated && line.words <= 15 && !sentence_in_text {
        return Some(Furniture::Repeated);
    }
    match cx.zone {
        // Section labels, lead-image captions, bylines («القاهرة الإخبارية - مازن إسلام»), share labels.
        // A closing list of short items (no related heading above it) is content.
        Zone::Head | Zone::Tail if line.words <= 4 && !(cx.zone == Zone::Tail && line.is_list_item()) => {
            Some(Furniture::ShortOutsideText)
        }
        Zone::Head | Zone::Tail
            if !line.is_body()
                && separated_parts(line).is_some_and(|p| p.iter().all(|s| s.split_whitespace().count() <= 3)) =>
        {
            Some(Furniture::SourceOrByline)
        }
        // Closing markers such as «// انتهى //» or «- - -».
        _ if line.words <= 2 && line.control_marks >= 2 => Some(Furniture::Widget),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cls(text: &str, zone: Zone) -> Option<Furniture> {
        classify(&Line::new(text, 0), &LineContext { zone, in_related_block: false, repeated: false })
    }

    #[test]
    fn shapes_of_furniture() {
        assert_eq!(cls("ت + ت - الحجم الطبيعي", Zone::Head), Some(Furniture::Widget));
        assert_eq!(cls("post-title", Zone::Head), Some(Furniture::Template));
        assert_eq!(
            cls("الوزيران خلال المؤتمر الصحفي في العاصمة | رويترز", Zone::Head),
            Some(Furniture::SiteHeaderOrCaption)
        );
        assert_eq!(cls("المصدر: وكالة الأنباء", Zone::Tail), Some(Furniture::SourceOrByline));
        assert_eq!(cls("قناة المساء - أحمد علي", Zone::Head), Some(Furniture::ShortOutsideText));
        assert_eq!(cls("// انتهى //", Zone::Body), Some(Furniture::Widget));
        assert_eq!(cls("مقالات ذات صلة", Zone::Tail), Some(Furniture::RelatedHeading));
        assert_eq!(cls("اقرأ أيضاً: الحكومة تعلن خطة جديدة للنقل", Zone::Body), Some(Furniture::RelatedItem));
    }

    #[test]
    fn content_is_kept() {
        assert_eq!(cls("(بين قوسين)", Zone::Body), None);
        assert_eq!(cls("* الأطباق والأواني", Zone::Tail), None);
        assert_eq!(cls("2. لعبة الألغاز", Zone::Tail), None);
        // A sub-heading between paragraphs is content.
        assert_eq!(cls("انتصار كبير", Zone::Body), None);
        assert_eq!(cls("قال الوزير إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بحضور الوفود.", Zone::Body), None);
        assert_eq!(cls("الحكومة تعلن خطة جديدة للنقل العام في المدن الكبرى", Zone::Head), None);
    }
}
