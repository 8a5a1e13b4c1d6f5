//! Absolute dates with an optional time of day, and datelines: lines that
//! state when an article was published («13 أيلول 2023 , 12:08 م»,
//! «الأربعاء 13 سبتمبر 2023 - 10:30 ص», «نشر في: 2023-09-13»).

use std::ops::Range;

use crate::civil::{CivilDate, TimeOfDay};
use crate::lexicon::{self, Calendar};
use crate::scan::{self, items, Item, ItemKind};

/// A Gregorian date (and maybe a time) found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTimeMatch {
    /// Byte range in the text that was searched.
    pub span: Range<usize>,
    pub date: CivilDate,
    pub time: Option<TimeOfDay>,
}

/// Words that only label a dateline («نشر في», «آخر تحديث»): a line made of
/// them, weekday names and one date is a dateline.
const DATELINE_LABELS: &[&str] = &[
    "نشر",
    "في",
    "بتاريخ",
    "تاريخ",
    "النشر",
    "اخر",
    "تحديث",
    "التحديث",
    "محدث",
    "الموافق",
    "يوم",
    "م",
    "ص",
    "مساء",
    "صباحا",
    "ظهرا",
    "هـ",
    "ه",
    "am",
    "pm",
    "gmt",
    "utc",
    "توقيت",
    "غرينتش",
    "مكه",
    "المكرمه",
    "السعوديه",
];

fn number(s: &str) -> Option<u32> {
    scan::number(s, 4).filter(|_| !s.contains(','))
}

fn plausible_year(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

/// Parses «13/9/2023», «13-09-2023», «13.9.2023», «2023-09-13», «2023/9/13».
fn numeric_date(s: &str) -> Option<CivilDate> {
    let s = s.trim_end_matches(['.', '-', '/']);
    let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.' | '\\'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, c] = parts[..] else { return None };
    let (a, b, c) = (number(a)?, number(b)?, number(c)?);
    let (y, m, d) = if plausible_year(a) {
        (a, b, c)
    } else if plausible_year(c) {
        (c, b, a)
    } else {
        return None;
    };
    CivilDate::new(y as i32, m as u8, d as u8)
}

/// Parses «12:08» (and «12:08:30»).
fn clock(s: &str) -> Option<(u8, u8)> {
    let mut parts = s.split(':');
    let h = number(parts.next()?)?;
    let m = number(parts.next()?)?;
    (h < 24 && m < 60 && s.contains(':')).then_some((h as u8, m as u8))
}

fn meridiem(word: &str) -> Option<bool> {
    match word {
        "م" | "مساء" | "مساءا" | "ظهرا" | "pm" => Some(true),
        "ص" | "صباحا" | "فجرا" | "am" => Some(false),
        _ => None,
    }
}

/// A time at `items[i]`, with its meridiem marker if one follows. Returns the
/// time and the index after it.
fn time_at(items: &[Item], i: usize) -> Option<(TimeOfDay, usize)> {
    let it = items.get(i).filter(|it| it.kind == ItemKind::Numeric)?;
    let (mut h, m) = clock(&it.text)?;
    let mut next = i + 1;
    if let Some(pm) = items.get(next).and_then(|w| meridiem(&w.text)) {
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
        next += 1;
    }
    Some((TimeOfDay::new(h, m)?, next))
}

/// A date starting at `items[i]`; returns it and the index after it.
fn date_at(items: &[Item], i: usize) -> Option<(CivilDate, usize)> {
    let it = items.get(i)?;
    if it.kind != ItemKind::Numeric {
        return None;
    }
    if let Some(d) = numeric_date(&it.text) {
        return Some((d, i + 1));
    }
    // DAY MONTH [/ MONTH] YEAR
    let day = number(&it.text).filter(|d| (1..=31).contains(d))?;
    let words: Vec<&str> = items[i + 1..].iter().take(3).map(|w| w.text.as_str()).collect();
    let month = lexicon::month_at(&words)?;
    let mut j = i + 1 + month.words;
    // A paired name: «كانون الثاني/يناير», «2 يناير/كانون الثاني».
    if items.get(j).is_some_and(|w| w.text == "/") {
        let rest: Vec<&str> = items[j + 1..].iter().take(3).map(|w| w.text.as_str()).collect();
        if let Some(other) = lexicon::month_at(&rest) {
            if other.month == month.month {
                j += 1 + other.words;
            }
        }
    }
    if month.calendar != Calendar::Gregorian {
        return None;
    }
    let year = items.get(j).and_then(|w| number(&w.text)).filter(|&y| plausible_year(y))?;
    Some((CivilDate::new(year as i32, month.month, day as u8)?, j + 1))
}

/// The first Gregorian date in `text` with a full day, month and year, and
/// the time of day written right after it (or right before it).
pub fn find_datetime(text: &str) -> Option<DateTimeMatch> {
    // Every date this grammar reads has a year in digits.
    if !text
        .chars()
        .any(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c) || ('\u{6f0}'..='\u{6f9}').contains(&c))
    {
        return None;
    }
    let items = items(text);
    for i in 0..items.len() {
        let Some((date, mut end)) = date_at(&items, i) else { continue };
        let mut start = i;
        // «12:08 م 13 أيلول 2023» puts the time first; «13 أيلول 2023 , 12:08 م» after,
        // maybe behind a comma or dash.
        let mut time = None;
        let skip_sep = |k: usize| if items.get(k).is_some_and(|w| w.kind == ItemKind::Other) { k + 1 } else { k };
        if let Some((t, next)) = time_at(&items, skip_sep(end)) {
            time = Some(t);
            end = next;
        } else if i >= 1 {
            for back in [i.saturating_sub(1), i.saturating_sub(2), i.saturating_sub(3)] {
                if let Some((t, next)) = time_at(&items, back) {
                    if next == i || skip_sep(next) == i {
                        time = Some(t);
                        start = back;
                        break;
                    }
                }
            }
        }
        return Some(DateTimeMatch { span: items[start].span.start..items[end - 1].span.end, date, time });
    }
    None
}

/// A dateline is a short line whose content is one date (and time), maybe
/// with a weekday and labels such as «نشر في» or «آخر تحديث». Returns the date.
pub fn parse_dateline(line: &str) -> Option<DateTimeMatch> {
    if line.chars().count() > 80 {
        return None;
    }
    let found = find_datetime(line)?;
    let rest = items(line)
        .into_iter()
        .filter(|it| it.span.end <= found.span.start || it.span.start >= found.span.end)
        .filter(|it| it.kind == ItemKind::Word)
        .filter(|it| !DATELINE_LABELS.contains(&it.text.as_str()) && lexicon::weekday(&it.text).is_none())
        .count();
    (rest == 0).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> Option<String> {
        find_datetime(s).map(|m| match m.time {
            Some(t) => format!("{}T{}", m.date, t),
            None => m.date.to_string(),
        })
    }

    #[test]
    fn dates_in_several_writings() {
        assert_eq!(dt("13 أيلول 2023 , 12:08 م").as_deref(), Some("2023-09-13T12:08"));
        assert_eq!(dt("الأربعاء 13 سبتمبر 2023 - 10:30 ص").as_deref(), Some("2023-09-13T10:30"));
        assert_eq!(dt("ضرب خاركيف في 2 كانون الثاني/يناير 2024 قائلا").as_deref(), Some("2024-01-02"));
        assert_eq!(dt("نشر في: 2023-09-13").as_deref(), Some("2023-09-13"));
        assert_eq!(dt("بتاريخ ١٣/٩/٢٠٢٣").as_deref(), Some("2023-09-13"));
        assert_eq!(dt("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس").as_deref(), Some("2015-08-11"));
        assert_eq!(dt("يطلق المعزز الذي يبلغ طوله 42.7 مترًا"), None);
        assert_eq!(dt("في 31 شباط 2023"), None);
    }

    #[test]
    fn datelines_are_lines_made_of_a_date() {
        assert!(parse_dateline("13 أيلول 2023 , 12:08 م").is_some());
        assert!(parse_dateline("آخر تحديث: الأربعاء 13 سبتمبر 2023").is_some());
        assert!(parse_dateline("ضرب خاركيف في 2 كانون الثاني/يناير 2024").is_none());
    }
}
