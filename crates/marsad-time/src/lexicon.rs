//! Names of months and weekdays, and the words around dates.
//!
//! Entries are written as Arabic is printed and normalized once, at first
//! use, with the text core's matching normalization; lookups take normalized
//! words. One table per calendar system, so a reader can check a spelling
//! against the system it belongs to.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Gregorian month names of the Levant and Iraq (Syriac names).
const LEVANTINE_MONTHS: [(&str, u8); 12] = [
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
];

/// Gregorian month names transliterated from European languages (Egypt, the
/// Gulf, most pan-Arab media), with the common spelling variants, and the
/// Maghrebi (French-derived: جانفي، أوت) and Moroccan (يوليوز، غشت) names.
const TRANSLITERATED_MONTHS: &[(&str, u8)] = &[
    ("يناير", 1),
    ("جانفي", 1),
    ("فبراير", 2),
    ("فيفري", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("أفريل", 4),
    ("مايو", 5),
    ("ماي", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("جوان", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("جويلية", 7),
    ("يوليوز", 7),
    ("أغسطس", 8),
    ("أغسطوس", 8),
    ("أوت", 8),
    ("غشت", 8),
    ("سبتمبر", 9),
    ("شتنبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("نونبر", 11),
    ("ديسمبر", 12),
    ("دجنبر", 12),
];

/// Hijri (Islamic) month names with their usual variants.
const HIJRI_MONTHS: &[(&str, u8)] = &[
    ("محرم", 1),
    ("صفر", 2),
    ("ربيع الأول", 3),
    ("ربيع الثاني", 4),
    ("ربيع الآخر", 4),
    ("جمادى الأولى", 5),
    ("جمادى الأول", 5),
    ("جمادى الآخرة", 6),
    ("جمادى الثانية", 6),
    ("جمادى الآخر", 6),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
    ("ذو القعدة", 11),
    ("ذي القعدة", 11),
    ("ذو الحجة", 12),
    ("ذي الحجة", 12),
];

/// Weekdays, ISO order: 0 = Monday … 6 = Sunday.
const WEEKDAYS: [(&str, u8); 7] =
    [("الاثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2), ("الخميس", 3), ("الجمعة", 4), ("السبت", 5), ("الأحد", 6)];

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

/// A month name: its calendar, number (1–12) and length in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthName {
    pub calendar: Calendar,
    pub month: u8,
    pub words: usize,
}

struct Tables {
    /// Normalized first word → candidate (rest-of-name words, month).
    months: HashMap<String, Vec<(Vec<String>, MonthName)>>,
    weekdays: HashMap<String, u8>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut months: HashMap<String, Vec<(Vec<String>, MonthName)>> = HashMap::new();
        let gregorian = LEVANTINE_MONTHS.iter().chain(TRANSLITERATED_MONTHS).map(|e| (e, Calendar::Gregorian));
        let hijri = HIJRI_MONTHS.iter().map(|e| (e, Calendar::Hijri));
        for (&(name, month), calendar) in gregorian.chain(hijri) {
            let words: Vec<String> = marsad_text::normalize_str(name).split_whitespace().map(str::to_owned).collect();
            let entry = MonthName { calendar, month, words: words.len() };
            months.entry(words[0].clone()).or_default().push((words[1..].to_vec(), entry));
        }
        // Longest names first, so «كانون الثاني» wins over a shorter entry.
        for candidates in months.values_mut() {
            candidates.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
        }
        let weekdays = WEEKDAYS
            .iter()
            .flat_map(|&(name, day)| {
                let n = marsad_text::normalize_str(name);
                // Weekdays are also written without the article: «يوم اربعاء» is rare, but
                // «الاثنين» is written «الإثنين»; normalization already folds that.
                let bare = n.strip_prefix("ال").map(str::to_owned);
                std::iter::once((n, day)).chain(bare.map(|b| (b, day)))
            })
            .collect();
        Tables { months, weekdays }
    })
}

/// The month name that starts at `words[0]` (normalized words), if any.
pub fn month_at(words: &[&str]) -> Option<MonthName> {
    let first = words.first()?;
    let candidates = tables().months.get(*first)?;
    candidates
        .iter()
        .find(|(rest, _)| rest.len() < words.len() && rest.iter().zip(&words[1..]).all(|(a, b)| a == b))
        .map(|(_, m)| *m)
}

/// Every normalized word a month name can start with, and every weekday
/// spelling: the words a date expression may open with.
pub(crate) fn name_words() -> impl Iterator<Item = &'static str> {
    let t = tables();
    t.months.keys().chain(t.weekdays.keys()).map(String::as_str)
}

/// The weekday (0 = Monday) a normalized word names, with or without the article.
pub fn weekday(word: &str) -> Option<u8> {
    tables().weekdays.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_every_system() {
        let n = |s: &str| marsad_text::normalize_str(s);
        let two = n("كانون الثاني");
        let words: Vec<&str> = two.split(' ').collect();
        assert_eq!(month_at(&words).map(|m| (m.month, m.words)), Some((1, 2)));
        let w = n("كانون الأول");
        assert_eq!(month_at(&w.split(' ').collect::<Vec<_>>()).map(|m| m.month), Some(12));
        for (name, month) in [("أيلول", 9), ("سبتمبر", 9), ("جانفي", 1), ("أوت", 8), ("اغسطس", 8)]
        {
            assert_eq!(month_at(&[n(name).as_str()]).map(|m| m.month), Some(month), "{name}");
        }
        assert_eq!(month_at(&[n("شوال").as_str()]).map(|m| m.calendar), Some(Calendar::Hijri));
        assert_eq!(weekday(&n("الأربعاء")), Some(2));
        assert_eq!(weekday(&n("الإثنين")), Some(0));
        assert_eq!(month_at(&[n("كانون").as_str()]), None);
    }
}
