//! When was an article published, if no dateline or metadata says so?
//!
//! News text dates itself relative to its own publication day: «اليوم
//! السبت» says it appeared on a Saturday, «أمس» and «الأربعاء الماضي» point
//! a day or a few back. Read backwards, these give constraints on the
//! publication day D:
//!
//! * **hard**: «اليوم (الاثنين)», «أمس (الأحد)» fix D's weekday;
//! * **soft**: a bare or «الماضي» weekday, «أمس», «قبل يومين» name a day
//!   before D. Reports mention the days just before they were written, so D
//!   should leave those days close behind it.
//!
//! Weekdays alone repeat every week, so a lower bound is needed: the known
//! dates of other documents of the same story (context), or else the latest
//! full date the article itself states. Among the days of a short window
//! from that bound, inference keeps those meeting every hard constraint and
//! picks, in order, the one that puts the fewest referenced days before the
//! bound (a story's events start at its first known date), then the one
//! with the referenced days closest behind it, then the earliest.

use std::ops::Range;

use serde::Serialize;

use crate::civil::CivilDate;
use crate::dateline::parse_dateline;
use crate::relative::Reference;
use crate::timex::{find_timexes, TimexKind, TimexValue};

/// How many days after the lower bound a publication may fall.
const WINDOW_DAYS: i64 = 7;

/// Lines that open a list of other articles («إقرأ أيضاً», «مقالات مشابهة»):
/// what follows was written on other days and says nothing about this one.
const RELATED_MARKERS: &[&str] = &[
    "اقرا ايضا",
    "اقرا المزيد",
    "شاهد ايضا",
    "طالع ايضا",
    "مقالات مشابهه",
    "مقالات ذات صله",
    "اخبار ذات صله",
    "مواضيع ذات صله",
    "موضوعات ذات صله",
    "اخبار متعلقه",
    "المزيد من الاخبار",
];

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicationBasis {
    /// A line of the text that states it («13 أيلول 2023 , 12:08 م»).
    Dateline,
    /// Worked out from the text's relative expressions and the context dates.
    Inferred,
}

/// An inferred publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicationDate {
    pub date: CivilDate,
    pub basis: PublicationBasis,
    /// Byte ranges of the expressions the date rests on.
    pub evidence: Vec<Range<usize>>,
}

/// The byte offset where the article ends and a related-articles list starts.
fn main_article_end(text: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let norm = marsad_text::normalize_str(line.trim());
        let letters = norm.trim_start_matches(|c: char| !c.is_alphabetic());
        if norm.chars().count() < 60 && RELATED_MARKERS.iter().any(|m| letters.starts_with(m)) {
            return at;
        }
        at += line.len();
    }
    text.len()
}

/// The publication date of the article in `text`, from a dateline if it
/// has one, else inferred from its weekday and day references (see the
/// module docs). `context` holds known dates of other documents of the same
/// story (their publication dates); without it, the latest full date the
/// article states is the lower bound. Text after a related-articles marker
/// («إقرأ أيضاً») is ignored. `None` when the text has no day reference or
/// no date in the window fits them all.
pub fn infer_publication_date(text: &str, context: &[CivilDate]) -> Option<PublicationDate> {
    let body = &text[..main_article_end(text)];
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        if let Some(found) = parse_dateline(line) {
            let span = line_start + found.span.start..line_start + found.span.end;
            return Some(PublicationDate { date: found.date, basis: PublicationBasis::Dateline, evidence: vec![span] });
        }
        line_start += line.len();
    }

    let mut hard = Vec::new();
    let mut soft = Vec::new();
    let mut stated = Vec::new();
    let mut yearless = Vec::new();
    for t in find_timexes(body, None) {
        match (t.reference, &t.value) {
            (Some(Reference::Day { offset, weekday: Some(w) }), _) => hard.push((offset, w, t.span)),
            // «اليوم» alone says nothing about which day it is.
            (Some(Reference::Day { offset: 0, .. }), _) => {}
            (Some(r @ (Reference::Day { .. } | Reference::Weekday { .. })), _) => soft.push((r, t.span)),
            (Some(Reference::DayOfMonth { month, day }), _) => yearless.push((month, day)),
            (None, TimexValue::One(v)) if matches!(t.kind, TimexKind::Date | TimexKind::Datetime) => {
                stated.extend(CivilDate::parse_iso_prefix(v));
            }
            _ => {}
        }
    }
    if hard.is_empty() && soft.is_empty() {
        return None;
    }
    let lower = match context.iter().min() {
        Some(&earliest) => earliest,
        None => {
            // Dates written without a year are in the year last written, or later.
            let latest = *stated.iter().max()?;
            let placed = yearless.iter().filter_map(|&(m, d)| {
                let same = CivilDate::new(latest.year, m, d)?;
                if same >= latest {
                    Some(same)
                } else {
                    CivilDate::new(latest.year + 1, m, d)
                }
            });
            placed.chain([latest]).max()?
        }
    };

    let score = |d: CivilDate| {
        let days: Vec<CivilDate> = soft.iter().filter_map(|(r, _)| r.day(d)).collect();
        let before_bound = days.iter().filter(|&&x| x < lower).count();
        let reach = days.iter().map(|x| d.to_days() - x.to_days()).max().unwrap_or(0).max(0);
        (before_bound, reach, d.to_days() - lower.to_days())
    };
    let date = (0..=WINDOW_DAYS)
        .map(|n| lower.add_days(n))
        .filter(|d| hard.iter().all(|&(offset, w, _)| d.add_days(i64::from(offset)).weekday() == w))
        .min_by_key(|&d| score(d))?;
    let evidence = hard.into_iter().map(|(_, _, s)| s).chain(soft.into_iter().map(|(_, s)| s)).collect();
    Some(PublicationDate { date, basis: PublicationBasis::Inferred, evidence })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> CivilDate {
        CivilDate::parse_iso_prefix(s).expect("date")
    }

    fn infer(text: &str, context: &[&str]) -> Option<String> {
        let context: Vec<CivilDate> = context.iter().map(|s| d(s)).collect();
        infer_publication_date(text, &context).map(|p| p.date.to_string())
    }

    #[test]
    fn today_fixes_the_weekday() {
        let text = "وصل الزعيم صباح اليوم السبت. وبعد لقاء الأربعاء الماضي، قال بيسكوف الجمعة الماضي إنه";
        assert_eq!(infer(text, &["2023-09-13"]).as_deref(), Some("2023-09-16"));
        assert_eq!(infer(text, &["2023-09-13", "2023-09-14"]).as_deref(), Some("2023-09-16"));
    }

    #[test]
    fn past_weekdays_stay_close_behind() {
        // Wednesday's meeting, reported by an agency on Thursday: published Thursday.
        let text = "وفي نهاية اجتماع يوم الأربعاء، دعا كيم بوتين، حسبما ذكرت الوكالة يوم الخميس.";
        assert_eq!(infer(text, &["2023-09-13"]).as_deref(), Some("2023-09-14"));
        assert_eq!(infer("وأكد بوتين، أمس، أن موسكو مستعدة", &["2023-09-13"]).as_deref(), Some("2023-09-14"));
    }

    #[test]
    fn stated_dates_bound_the_search_without_context() {
        let text = "ضرب خاركيف في 2 كانون الثاني/يناير 2024. واختبرت صاروخا في 25 حزيران/يونيو. \
                    ودخلت واشنطن في مواجهة في الأمم المتحدة الجمعة.";
        assert_eq!(infer(text, &[]).as_deref(), Some("2024-06-28"));
        assert_eq!(infer("قال الثلاثاء إن", &[]), None);
    }

    #[test]
    fn datelines_and_related_lists() {
        let text = "عنوان\n13 أيلول 2023 , 12:08 م\nقال يوم الاربعاء";
        let found = infer_publication_date(text, &[]).expect("dateline");
        assert_eq!((found.date.to_string(), found.basis), ("2023-09-13".into(), PublicationBasis::Dateline));
        let text = "ضجت وسائل الإعلام اليوم الأربعاء.\nإقرأ أيضاً:\nدخلت واشنطن في مواجهة الجمعة بعد 25 حزيران/يونيو 2024";
        assert_eq!(infer(text, &["2023-09-13"]).as_deref(), Some("2023-09-13"));
        assert_eq!(infer("لا شيء هنا", &["2023-09-13"]), None);
    }
}
