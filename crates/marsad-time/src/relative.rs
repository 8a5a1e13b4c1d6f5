//! Expressions relative to the time of writing: «أمس», «اليوم (الاثنين)»,
//! «الثلاثاء الماضي», «الأسبوع الماضي», «هذا العام», «25 حزيران» without a
//! year, and vague references («مؤخراً», «الآن», «مستقبلاً»).
//!
//! A [`Reference`] records how such an expression depends on the anchor (the
//! publication date), so the same reading can be resolved later against
//! another anchor, and publication-date inference can run it backwards
//! (see [`crate::publication`]).

use serde::Serialize;

use crate::civil::CivilDate;
use crate::lexicon;
use crate::timex::{longer, Cx, Hit, TimexKind, TimexValue};

/// Which occurrence of a weekday a text means, relative to the anchor day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekdayReading {
    /// The most recent one, the anchor day included: a bare «الثلاثاء» or
    /// «يوم الثلاثاء» in a past-tense report.
    OnOrBefore,
    /// Strictly before the anchor day: «الثلاثاء الماضي».
    Before,
    /// The next one, the anchor day included: «يوم الثلاثاء» after a future verb.
    OnOrAfter,
    /// Strictly after the anchor day: «الثلاثاء المقبل».
    After,
}

/// How a relative expression's value follows from the anchor date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "unit", rename_all = "snake_case")]
pub enum Reference {
    /// The anchor day plus `offset` days («أمس» −1, «اليوم» 0, «بعد غد» +2);
    /// `weekday` (0 = Monday) when the text names it too: «اليوم (الاثنين)».
    Day { offset: i32, weekday: Option<u8> },
    /// A weekday (0 = Monday) near the anchor.
    Weekday { weekday: u8, reading: WeekdayReading },
    /// The ISO week of the anchor plus `offset` weeks.
    Week { offset: i32 },
    /// The anchor's month plus `offset` months.
    Month { offset: i32 },
    /// The anchor's year plus `offset` years.
    Year { offset: i32 },
    /// A named Gregorian month without a year: «في سبتمبر [الماضي]». `reading`
    /// Before/After for «الماضي»/«المقبل», otherwise the one in the anchor's year.
    NamedMonth { month: u8, reading: Option<WeekdayReading> },
    /// A Gregorian day and month without a year: the occurrence nearest the anchor.
    DayOfMonth { month: u8, day: u8 },
    /// A vague past, present or future.
    Vague { tense: Tense },
}

/// The time a vague expression points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tense {
    Past,
    Present,
    Future,
}

impl Reference {
    /// The TIMEX3 value against `anchor`, or the unresolved placeholder.
    pub(crate) fn value(&self, anchor: Option<CivilDate>) -> TimexValue {
        TimexValue::One(match anchor {
            Some(a) => self.resolve(a),
            None => self.unresolved(),
        })
    }

    /// The value when no anchor is known: TIMEX3 placeholders, `XXXX-XX-XX`
    /// for a day, `XXXX-WXX-N` for a weekday (ISO number, Monday = 1),
    /// `XXXX-WXX` for a week, `XXXX-XX` for a month, `XXXX` for a year,
    /// `XXXX-09` / `XXXX-06-25` for a named month or day; vague references
    /// keep their `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    pub fn unresolved(&self) -> String {
        match *self {
            Reference::Day { weekday: Some(w), offset: 0 } => format!("XXXX-WXX-{}", w + 1),
            Reference::Day { .. } => "XXXX-XX-XX".into(),
            Reference::Weekday { weekday, .. } => format!("XXXX-WXX-{}", weekday + 1),
            Reference::Week { .. } => "XXXX-WXX".into(),
            Reference::Month { .. } => "XXXX-XX".into(),
            Reference::Year { .. } => "XXXX".into(),
            Reference::NamedMonth { month, .. } => format!("XXXX-{month:02}"),
            Reference::DayOfMonth { month, day } => format!("XXXX-{month:02}-{day:02}"),
            Reference::Vague { tense } => tense_value(tense).into(),
        }
    }

    /// The value against `anchor`.
    pub fn resolve(&self, anchor: CivilDate) -> String {
        match *self {
            Reference::Vague { tense } => tense_value(tense).into(),
            Reference::Week { offset } => {
                let (y, w) = anchor.add_days(7 * i64::from(offset)).iso_week();
                format!("{y:04}-W{w:02}")
            }
            Reference::Month { offset } => {
                let (y, m) = add_months(anchor.year, anchor.month, offset);
                format!("{y:04}-{m:02}")
            }
            Reference::Year { offset } => format!("{:04}", anchor.year + offset),
            Reference::NamedMonth { month, reading } => {
                let year = match reading {
                    Some(WeekdayReading::Before) if month >= anchor.month => anchor.year - 1,
                    Some(WeekdayReading::After) if month <= anchor.month => anchor.year + 1,
                    _ => anchor.year,
                };
                format!("{year:04}-{month:02}")
            }
            _ => self.day(anchor).map_or_else(|| self.unresolved(), |d| d.to_string()),
        }
    }

    /// The day this reference names against `anchor`, for day-sized references.
    pub fn day(&self, anchor: CivilDate) -> Option<CivilDate> {
        match *self {
            Reference::Day { offset, weekday } => {
                let day = anchor.add_days(i64::from(offset));
                // «اليوم الأربعاء» on a Thursday anchor (a crawl time, say) means
                // the Wednesday nearest the anchor: trust the weekday.
                Some(match weekday {
                    Some(w) => nearest_weekday(day, w),
                    None => day,
                })
            }
            Reference::Weekday { weekday, reading } => Some(weekday_near(anchor, weekday, reading)),
            Reference::DayOfMonth { month, day } => [anchor.year - 1, anchor.year, anchor.year + 1]
                .into_iter()
                .filter_map(|y| CivilDate::new(y, month, day))
                .min_by_key(|d| (d.to_days() - anchor.to_days()).abs()),
            _ => None,
        }
    }
}

fn tense_value(tense: Tense) -> &'static str {
    match tense {
        Tense::Past => "PAST_REF",
        Tense::Present => "PRESENT_REF",
        Tense::Future => "FUTURE_REF",
    }
}

fn add_months(year: i32, month: u8, offset: i32) -> (i32, u8) {
    let m0 = year * 12 + i32::from(month) - 1 + offset;
    (m0.div_euclid(12), (m0.rem_euclid(12) + 1) as u8)
}

/// The day with weekday `w` that `day` most likely means: the day itself or
/// up to five days before (a crawl or processing date later than the
/// writing), or the next day (an anchor a time zone behind).
fn nearest_weekday(day: CivilDate, w: u8) -> CivilDate {
    let back = (i64::from(day.weekday()) - i64::from(w)).rem_euclid(7);
    if back == 6 {
        day.add_days(1)
    } else {
        day.add_days(-back)
    }
}

/// The weekday `w` occurrence that `reading` picks around `anchor`.
pub(crate) fn weekday_near(anchor: CivilDate, w: u8, reading: WeekdayReading) -> CivilDate {
    let back = (i64::from(anchor.weekday()) - i64::from(w)).rem_euclid(7);
    let ahead = (7 - back) % 7;
    match reading {
        WeekdayReading::OnOrBefore => anchor.add_days(-back),
        WeekdayReading::Before => anchor.add_days(-if back == 0 { 7 } else { back }),
        WeekdayReading::OnOrAfter => anchor.add_days(ahead),
        WeekdayReading::After => anchor.add_days(if ahead == 0 { 7 } else { ahead }),
    }
}

/// Words after a weekday or unit that point back: «الماضي», «المنصرم».
const PAST: &[&str] = &["الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته", "السابق", "السابقه"];
/// Words that point forward: «المقبل», «القادم».
const NEXT: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه"];
/// Words that mean the current one: «الجاري», «الحالي».
const CURRENT: &[&str] = &["الجاري", "الجاريه", "الحالي", "الحاليه"];
/// Parts of the day that may precede a day expression: «صباح اليوم السبت».
const DAY_PARTS: &[&str] = &["صباح", "مساء", "ظهر", "عصر", "فجر", "ليله", "ليل", "ظهيره", "منتصف"];
/// Words after «اليوم» that make it a day other than today, or a name:
/// «في اليوم التالي», «اليوم الوطني», «اليوم السابع».
const NOT_TODAY: &[&str] = &[
    "نفسه",
    "ذاته",
    "التالي",
    "السابق",
    "الاول",
    "الاخير",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الوطني",
    "العالمي",
    "الدولي",
    "الواحد",
    "الموعود",
    "المشهود",
    "الاخر",
    "الذي",
    "التي",
    "الموالي",
];
/// Names that end in «اليوم»: «روسيا اليوم» (RT), «عين اليوم», «أخبار اليوم».
const NOT_TODAY_AFTER: &[&str] = &["روسيا", "عين", "اخبار", "مصر", "سعوديه", "المدينه"];
/// Words before a weekday name that make it something else: «صلاة الجمعة»
/// (a rite, not a date), «بين الاثنين» (between the two).
const NOT_WEEKDAY_AFTER: &[&str] =
    &["صلاه", "خطبه", "خطيب", "خطب", "صلوات", "بين", "كلا", "هذين", "هذان", "ايام", "كل", "ليالي"];

/// The weekday named at `i` (article form, or any form after «يوم»), with a
/// clitic count.
fn weekday_at(cx: &Cx, i: usize, after_yawm: bool) -> Option<(u8, usize)> {
    let (w, n) = cx.bare(i, |w| lexicon::weekday(w).is_some())?;
    if !after_yawm && !w.starts_with("ال") {
        // «أحد» is "one", «اثنين» "two", «جمعة» a name: only «يوم جمعة» makes them days.
        return None;
    }
    if w == "الاحد" && cx.word(i + 1) == "عشر" {
        return None;
    }
    lexicon::weekday(w).map(|d| (d, n))
}

/// Whether a future-tense verb or marker comes before item `i` in its sentence:
/// «سيزور الصين يوم الثلاثاء», «من المقرر أن ... الخميس».
fn future_before(cx: &Cx, i: usize) -> bool {
    const STOP: &[&str] = &["سياسه", "سياسي", "سياسيه", "سيارات", "سياره", "سيطره", "سياده", "سياحه", "سيول", "سيدني"];
    let mut k = i;
    while k > 0 && i - k < 8 {
        if cx.line_break_before(k) || matches!(cx.at(k - 1), "." | "؟" | "!" | "؛") {
            break;
        }
        k -= 1;
        let w = cx.word(k);
        let verb = w.strip_prefix('و').unwrap_or(w);
        let future_verb = verb.chars().count() >= 5
            && (verb.starts_with("سي") || verb.starts_with("ست") || verb.starts_with("سن"))
            && !verb.starts_with("سنو")
            && !STOP.contains(&verb);
        if future_verb || matches!(verb, "سوف" | "المقرر" | "يعتزم" | "تعتزم" | "المرتقب" | "المزمع")
        {
            return true;
        }
    }
    false
}

/// Words before «العام الماضي» that keep it a year: «مطلع العام الماضي».
const EDGES: &[&str] = &["مطلع", "بدايه", "نهايه", "اواخر", "اوايل", "منتصف", "اخر", "اول", "خلال"];
/// Words that name a unit of the calendar in «الأسبوع الماضي», «هذا الشهر».
const UNIT_WORDS: &[&str] = &["الاسبوع", "الشهر", "العام", "السنه"];

/// Words these grammars may start at (besides weekday names).
pub(crate) fn starters() -> impl Iterator<Item = &'static str> {
    const DAY_WORDS: &[&str] = &["يوم", "اليوم", "امس", "الامس", "غدا", "غد", "الغد", "اول", "بعد", "هذا", "هذه", "وقت"];
    DAY_WORDS
        .iter()
        .chain(DAY_PARTS)
        .chain(EDGES)
        .chain(UNIT_WORDS)
        .copied()
        .chain(VAGUE.iter().map(|(words, _)| words[0]))
}

/// Reads a relative expression starting at item `i`.
pub(crate) fn read(cx: &Cx, i: usize) -> Option<Hit> {
    let grammars: [fn(&Cx, usize) -> Option<Hit>; 6] = [day_part, day_word, weekday, unit_relative, earlier_in, vague];
    grammars.iter().filter_map(|g| g(cx, i)).fold(None, longer)
}

/// «صباح اليوم السبت», «مساء أمس», «ليلة الخميس», «صباح الغد».
fn day_part(cx: &Cx, i: usize) -> Option<Hit> {
    let (_, clitic) = cx.bare(i, |w| DAY_PARTS.contains(&w))?;
    let mut j = i + 1;
    if cx.word(i) == "منتصف" {
        // «منتصف ليل الأحد», «منتصف ليلة الأحد».
        j += usize::from(cx.is_one_of(j, &["ليل", "ليله"]));
    }
    if cx.word(j) == "الغد" {
        return Some(Hit {
            clitic,
            ..Hit::relative(j + 1, TimexKind::Relative, Reference::Day { offset: 1, weekday: None })
        });
    }
    let inner = day_word(cx, j).or_else(|| weekday(cx, j))?;
    Some(Hit { clitic, ..inner })
}

/// An optional «(الاثنين)» or «الاثنين» right after a day word at `j`:
/// returns the weekday and the index after it.
fn named_weekday_after(cx: &Cx, j: usize) -> Option<(u8, usize)> {
    if cx.at(j) == "(" && cx.at(j + 2) == ")" {
        return weekday_at(cx, j + 1, true).filter(|&(_, n)| n == 0).map(|(w, _)| (w, j + 3));
    }
    let skip = usize::from(cx.at(j) == "،" || cx.at(j) == ",");
    weekday_at(cx, j + skip, false).filter(|&(_, n)| n == 0).map(|(w, _)| (w, j + skip + 1))
}

/// «اليوم», «اليوم الأربعاء», «اليوم (الاثنين)», «أمس», «أمس الأول», «أول
/// أمس», «يوم أمس», «غداً», «بعد غد».
fn day_word(cx: &Cx, i: usize) -> Option<Hit> {
    let mut j = i;
    let mut clitic = 0;
    if let Some((_, n)) = cx.bare(i, |w| w == "يوم") {
        // «يوم أمس», «يوم غد»; «يوم الاثنين» is the weekday grammar's.
        if cx.is_one_of(i + 1, &["امس", "غد", "الغد"]) {
            clitic = n;
            j = i + 1;
        }
    }
    let offset = if let Some((w, n)) = cx.bare(j, |w| matches!(w, "اليوم" | "امس" | "الامس" | "غدا" | "غد" | "الغد"))
    {
        if j == i {
            clitic = n;
        }
        match w {
            "اليوم" => {
                if cx.is_one_of(j + 1, NOT_TODAY) || cx.is_one_of(i.wrapping_sub(1), NOT_TODAY_AFTER) {
                    return None;
                }
                0
            }
            "امس" | "الامس" if cx.word(j + 1) == "الاول" => {
                j += 1;
                -2
            }
            "امس" | "الامس" => -1,
            // «غدا» is also the verb "became": a day only when a weekday, a
            // bracket or punctuation follows, or «يوم» precedes.
            "غدا"
                if j == i
                    && !(cx.is_other(j + 1) || cx.items.len() == j + 1 || named_weekday_after(cx, j + 1).is_some()) =>
            {
                return None
            }
            // «غد الاثنين»; otherwise «غد» and «الغد» need «يوم» or a part of the day.
            "غد" | "الغد" if j == i && named_weekday_after(cx, j + 1).is_none() => return None,
            _ => 1,
        }
    } else if cx.bare(j, |w| w == "اول").is_some() {
        // «أول أمس», «أول من أمس».
        let k = j + 1 + usize::from(cx.word(j + 1) == "من");
        if !cx.is_one_of(k, &["امس", "الامس"]) {
            return None;
        }
        clitic = cx.bare(j, |w| w == "اول").map_or(0, |(_, n)| n);
        j = k;
        -2
    } else if cx.bare(j, |w| w == "بعد").is_some() && cx.word(j + 1) == "غد" {
        clitic = cx.bare(j, |w| w == "بعد").map_or(0, |(_, n)| n);
        j += 1;
        2
    } else {
        return None;
    };
    let (weekday, end) = match named_weekday_after(cx, j + 1) {
        Some((w, end)) => (Some(w), end),
        None => (None, j + 1),
    };
    let kind = if weekday.is_some() { TimexKind::WeekdayRelative } else { TimexKind::Relative };
    Some(Hit { clitic, ..Hit::relative(end, kind, Reference::Day { offset, weekday }) })
}

/// «الثلاثاء», «يوم الثلاثاء», «الثلاثاء الماضي», «الخميس المقبل».
fn weekday(cx: &Cx, i: usize) -> Option<Hit> {
    let (start_day, clitic) = match cx.bare(i, |w| w == "يوم") {
        Some((_, n)) => (i + 1, n),
        None => (i, 0),
    };
    let (w, n) = weekday_at(cx, start_day, start_day > i)?;
    let clitic = if start_day == i { n } else { clitic };
    if start_day == i && i > 0 && cx.is_one_of(i - 1, NOT_WEEKDAY_AFTER) {
        return None;
    }
    let mut end = start_day + 1;
    // A bare «الاثنين» is as often "the two" («موقف الاثنين»): a day only
    // next to punctuation or with «الماضي/المقبل».
    let is_two = w == 0 && start_day == i && cx.word(i).ends_with("الاثنين");
    let day_cues = cx.is_other(i.wrapping_sub(1))
        || cx.is_other(end)
        || end == cx.items.len()
        || cx.is_one_of(end, PAST)
        || cx.is_one_of(end, NEXT);
    if is_two && !day_cues {
        return None;
    }
    let reading = if cx.is_one_of(end, PAST) {
        end += 1;
        WeekdayReading::Before
    } else if cx.is_one_of(end, NEXT) {
        end += 1;
        WeekdayReading::After
    } else if future_before(cx, i) {
        WeekdayReading::OnOrAfter
    } else {
        WeekdayReading::OnOrBefore
    };
    Some(Hit { clitic, ..Hit::relative(end, TimexKind::WeekdayRelative, Reference::Weekday { weekday: w, reading }) })
}

/// Makes the reference of a calendar unit shifted by an offset.
type UnitReference = fn(i32) -> Reference;

/// The calendar unit a word names, for «الأسبوع الماضي», «هذا الشهر».
fn unit(word: &str) -> Option<(TimexKind, UnitReference)> {
    match word {
        "الاسبوع" => Some((TimexKind::Week, |offset| Reference::Week { offset })),
        "الشهر" => Some((TimexKind::Month, |offset| Reference::Month { offset })),
        "العام" | "السنه" => Some((TimexKind::Year, |offset| Reference::Year { offset })),
        _ => None,
    }
}

/// «الأسبوع الماضي», «الشهر المقبل», «العام الجاري», «هذا العام», «مطلع العام الماضي».
fn unit_relative(cx: &Cx, i: usize) -> Option<Hit> {
    let mut j = i;
    let mut clitic = 0;
    if let Some((_, n)) = cx.bare(i, |w| EDGES.contains(&w)) {
        clitic = n;
        j += 1;
    }
    if let Some((_, n)) = cx.bare(j, |w| w == "هذا" || w == "هذه") {
        let (kind, make) = unit(cx.word(j + 1))?;
        if j == i {
            clitic = n;
        }
        return Some(Hit { clitic, ..Hit::relative(j + 2, kind, make(0)) });
    }
    let (w, n) = cx.bare(j, |w| unit(w).is_some())?;
    if j == i {
        clitic = n;
    }
    let (kind, make) = unit(w)?;
    let offset = if cx.is_one_of(j + 1, PAST) {
        -1
    } else if cx.is_one_of(j + 1, NEXT) {
        1
    } else if cx.is_one_of(j + 1, CURRENT) {
        0
    } else {
        return None;
    };
    Some(Hit { clitic, ..Hit::relative(j + 2, kind, make(offset)) })
}

/// «في وقت سابق هذا الشهر», «في وقت سابق من هذا العام», «في وقت سابق اليوم»,
/// «في وقت لاحق»: earlier or later within the current unit, or vaguely.
fn earlier_in(cx: &Cx, i: usize) -> Option<Hit> {
    cx.bare(i, |w| w == "وقت")?;
    let tense = match cx.word(i + 1) {
        "سابق" => Tense::Past,
        "لاحق" => Tense::Future,
        _ => return None,
    };
    let mut j = i + 2;
    j += usize::from(cx.word(j) == "من");
    if cx.word(j) == "اليوم" {
        let (weekday, end) = named_weekday_after(cx, j + 1).map_or((None, j + 1), |(w, end)| (Some(w), end));
        return Some(Hit::relative(end, TimexKind::Relative, Reference::Day { offset: 0, weekday }));
    }
    if matches!(cx.word(j), "هذا" | "هذه") {
        if let Some((_, make)) = unit(cx.word(j + 1)) {
            return Some(Hit::relative(j + 2, TimexKind::Relative, make(0)));
        }
    }
    Some(Hit::relative(i + 2, TimexKind::Relative, Reference::Vague { tense }))
}

/// Vague phrases, as normalized word sequences; the first word may carry a
/// clitic («والآن», «بالأمس» is a day word).
const VAGUE: &[(&[&str], Tense)] = &[
    (&["موخرا"], Tense::Past),
    (&["الاونه", "الاخيره"], Tense::Past),
    (&["الفتره", "الاخيره"], Tense::Past),
    (&["السنوات", "الاخيره"], Tense::Past),
    (&["الاعوام", "الاخيره"], Tense::Past),
    (&["الاشهر", "الاخيره"], Tense::Past),
    (&["الشهور", "الاخيره"], Tense::Past),
    (&["الايام", "الاخيره"], Tense::Past),
    (&["السنوات", "الماضيه"], Tense::Past),
    (&["الاعوام", "الماضيه"], Tense::Past),
    (&["الاشهر", "الماضيه"], Tense::Past),
    (&["الايام", "الماضيه"], Tense::Past),
    (&["الساعات", "الماضيه"], Tense::Past),
    (&["الساعات", "الاخيره"], Tense::Past),
    (&["منذ", "سنوات"], Tense::Past),
    (&["منذ", "سنين"], Tense::Past),
    (&["منذ", "اعوام"], Tense::Past),
    (&["منذ", "عقود"], Tense::Past),
    (&["منذ", "اشهر"], Tense::Past),
    (&["منذ", "شهور"], Tense::Past),
    (&["منذ", "اسابيع"], Tense::Past),
    (&["منذ", "ايام"], Tense::Past),
    (&["منذ", "فتره", "طويله"], Tense::Past),
    (&["منذ", "فتره"], Tense::Past),
    (&["منذ", "زمن", "طويل"], Tense::Past),
    (&["منذ", "زمن"], Tense::Past),
    (&["منذ", "وقت", "طويل"], Tense::Past),
    (&["منذ", "امد", "بعيد"], Tense::Past),
    (&["منذ", "القدم"], Tense::Past),
    (&["الماضي"], Tense::Past),
    (&["سابقا"], Tense::Past),
    (&["الان"], Tense::Present),
    (&["حتي", "الان"], Tense::Present),
    (&["حاليا"], Tense::Present),
    (&["الوقت", "الحالي"], Tense::Present),
    (&["الوقت", "الراهن"], Tense::Present),
    (&["الوقت", "الحاضر"], Tense::Present),
    (&["راهنا"], Tense::Present),
    (&["مستقبلا"], Tense::Future),
    (&["المستقبل"], Tense::Future),
    (&["المستقبل", "القريب"], Tense::Future),
    (&["قريبا", "جدا"], Tense::Future),
    (&["قريبا"], Tense::Future),
    (&["لاحقا"], Tense::Future),
    (&["القريب", "العاجل"], Tense::Future),
    (&["الايام", "المقبله"], Tense::Future),
    (&["الايام", "القادمه"], Tense::Future),
    (&["الاسابيع", "المقبله"], Tense::Future),
    (&["الاسابيع", "القادمه"], Tense::Future),
    (&["الاشهر", "المقبله"], Tense::Future),
    (&["الاشهر", "القادمه"], Tense::Future),
    (&["الشهور", "المقبله"], Tense::Future),
    (&["السنوات", "المقبله"], Tense::Future),
    (&["السنوات", "القادمه"], Tense::Future),
    (&["الاعوام", "المقبله"], Tense::Future),
    (&["الفتره", "المقبله"], Tense::Future),
    (&["الساعات", "المقبله"], Tense::Future),
];

fn vague(cx: &Cx, i: usize) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for &(words, tense) in VAGUE {
        let Some((_, clitic)) = cx.bare(i, |w| w == words[0]) else { continue };
        // «الماضي» and «المستقبل» alone are vague only after «في»: «العام
        // الماضي» is the unit grammar's, «مستقبل البلاد» is not a time.
        if matches!(words, ["الماضي"] | ["المستقبل"]) && (clitic > 0 || i == 0 || cx.word(i - 1) != "في")
        {
            continue;
        }
        if words[1..].iter().enumerate().all(|(k, w)| cx.word(i + 1 + k) == *w)
            && best.as_ref().is_none_or(|b| b.end < i + words.len())
        {
            best =
                Some(Hit { clitic, ..Hit::relative(i + words.len(), TimexKind::Relative, Reference::Vague { tense }) });
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::find_timexes;

    fn d(s: &str) -> CivilDate {
        CivilDate::parse_iso_prefix(s).expect("date")
    }

    /// (core text, value) of every timex in `s` against `anchor`.
    fn read(s: &str, anchor: &str) -> Vec<(String, String)> {
        find_timexes(s, Some(d(anchor))).into_iter().map(|t| (s[t.core].to_string(), t.value.to_string())).collect()
    }

    fn one(s: &str, anchor: &str) -> String {
        let found = read(s, anchor);
        assert_eq!(found.len(), 1, "{s}: {found:?}");
        found[0].1.clone()
    }

    #[test]
    fn weekdays_against_the_anchor() {
        // 2023-09-13 was a Wednesday, 2023-09-16 a Saturday.
        assert_eq!(one("وذلك خلال لقائهما يوم الاربعاء", "2023-09-13"), "2023-09-13");
        assert_eq!(one("وقال بيسكوف، الثلاثاء، إن الجانبين", "2023-09-13"), "2023-09-12");
        assert_eq!(one("التي بدأت الثلاثاء الماضي", "2023-09-16"), "2023-09-12");
        assert_eq!(one("لقاء الأربعاء الماضي", "2023-09-13"), "2023-09-06");
        assert_eq!(one("وصل صباح اليوم السبت", "2023-09-16"), "2023-09-16");
        assert_eq!(one("سيزور بوتين الصين يوم الجمعة", "2023-09-13"), "2023-09-15");
        assert_eq!(one("تعقد القمة الخميس المقبل", "2023-09-14"), "2023-09-21");
        // Crawl time the day after: «اليوم (الاثنين)» is still the Monday.
        assert_eq!(one("حدد كاميرون، اليوم (الاثنين)، ملامح", "2015-07-21"), "2015-07-20");
        assert_eq!(read("صلاة الجمعة في المسجد", "2023-09-13"), vec![]);
        assert_eq!(read("هذا ما جعل موقف الاثنين حرجاً", "2023-09-13"), vec![]);
        assert_eq!(one("قال علماء، الاثنين، إن", "2023-09-13"), "2023-09-11");
        assert_eq!(one("وفي وقت سابق اليوم السبت قالت", "2023-09-16"), "2023-09-16");
        assert_eq!(read("ومن خلال عين اليوم نرفع", "2023-09-13"), vec![]);
        assert_eq!(read("أحد المسؤولين وأحد عشر جنديا", "2023-09-13"), vec![]);
    }

    #[test]
    fn days_weeks_months_years() {
        assert_eq!(one("وأكد بوتين، أمس، أن موسكو", "2023-09-14"), "2023-09-13");
        assert_eq!(one("وقع أمس الأول", "2023-09-14"), "2023-09-12");
        assert_eq!(one("وقع أول من أمس", "2023-09-14"), "2023-09-12");
        assert_eq!(one("وقال مساء أمس (الأربعاء)", "2023-09-14"), "2023-09-13");
        assert_eq!(one("تبدأ الزيارة غداً.", "2023-09-14"), "2023-09-15");
        assert_eq!(read("غدا الوضع أسوأ", "2023-09-14"), vec![]);
        assert_eq!(one("وقال الأسبوع الماضي إنه", "2024-06-28"), "2024-W25");
        assert_eq!(one("في الشهر الماضي", "2024-01-10"), "2023-12");
        assert_eq!(one("في وقت سابق هذا الشهر", "2024-06-28"), "2024-06");
        assert_eq!(one("في وقت سابق من هذا العام", "2024-06-28"), "2024");
        assert_eq!(one("خلال العام الجاري", "2024-06-28"), "2024");
        assert_eq!(one("هذا العام", "2024-06-28"), "2024");
        assert_eq!(one("العام المقبل", "2024-06-28"), "2025");
        assert_eq!(read("في اليوم التالي", "2024-06-28"), vec![]);
        assert_eq!(read("قناة روسيا اليوم", "2024-06-28"), vec![]);
    }

    #[test]
    fn vague_references() {
        assert_eq!(one("فشلت مرتين مؤخراً", "2023-09-14"), "PAST_REF");
        assert_eq!(read("في الآونة الأخيرة، احتفلت", "2023-09-13"), vec![("الآونة الأخيرة".into(), "PAST_REF".into())]);
        assert_eq!(read("والآن العلاقات", "2023-09-13"), vec![("الآن".into(), "PRESENT_REF".into())]);
        assert_eq!(one("بتعزيز العلاقات مستقبلاً بين", "2023-09-13"), "FUTURE_REF");
        assert_eq!(one("أدنى مستوياتها منذ سنوات", "2023-09-13"), "PAST_REF");
        assert_eq!(one("لكن في الوقت الحالي لم", "2023-09-13"), "PRESENT_REF");
        assert_eq!(read("مستقبل البلاد", "2023-09-13"), vec![]);
    }

    #[test]
    fn unresolved_without_anchor() {
        let values: Vec<String> = find_timexes("قال أمس إن اجتماع الثلاثاء الماضي والأسبوع المقبل", None)
            .into_iter()
            .map(|t| t.value.to_string())
            .collect();
        assert_eq!(values, ["XXXX-XX-XX", "XXXX-WXX-2", "XXXX-WXX"]);
    }
}
