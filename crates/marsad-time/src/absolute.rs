//! Calendar dates, months, years and times of day written out in the text:
//! «2 كانون الثاني/يناير 2024», «الأربعاء 13 سبتمبر 2023 - 10:30 ص»,
//! «13/9/2023», «25 شوال 1436هـ», «سبتمبر 2023», «في سبتمبر الماضي»,
//! «عام 2019», «عامي 2018 و2019», «2015م», «1436 هـ», «الساعة العاشرة صباحاً».
//!
//! A number is a year only in a year context: after عام/سنة (and their
//! plurals), after a preposition such as في/منذ/حتى when nothing but
//! punctuation or a function word follows, before an era letter (م، هـ), or
//! next to a month name. So «في 2000 منزل», «سو 35» and «42.7 مترًا» stay numbers.

use crate::civil::{CivilDate, TimeOfDay};
use crate::hijri::{self, hijri_to_gregorian};
use crate::lexicon::{self, Calendar, MonthName};
use crate::relative::{Reference, WeekdayReading};
use crate::scan::number;
use crate::timex::{longer, Cx, Hit, Reading, TimexKind, TimexValue};

/// Gregorian years a bare 4-digit number may be in a year context.
const GREGORIAN_YEARS: std::ops::RangeInclusive<u32> = 1000..=2100;
/// Years a number after a mere preposition («في 2019») may be: recent enough
/// that a count of things is unlikely to fall in it by chance.
const PREPOSITION_YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

/// Words these grammars may start at (besides numbers, month and weekday names).
pub(crate) fn starters() -> impl Iterator<Item = &'static str> {
    ["يوم", "شهر", "الساعه"].into_iter().chain(YEAR_WORDS.iter().copied())
}

/// Reads a date, month, year or time starting at item `i`.
pub(crate) fn read(cx: &Cx, i: usize) -> Option<Hit> {
    let grammars: [fn(&Cx, usize) -> Option<Hit>; 5] = [date, month_year, named_month, year, time];
    grammars.iter().filter_map(|g| g(cx, i)).fold(None, longer)
}

/// Which era letter or word follows a year: «2015م», «1436 هـ», «ميلادية».
fn era(cx: &Cx, i: usize) -> Option<Calendar> {
    match cx.word(i) {
        "م" | "ميلادي" | "ميلاديه" | "للميلاد" => Some(Calendar::Gregorian),
        "ه" | "هجري" | "هجريه" | "للهجره" => Some(Calendar::Hijri),
        _ => None,
    }
}

/// A 4-digit year at `i` in `calendar`, and the index after it (and after its era letter).
fn year_at(cx: &Cx, i: usize, calendar: Option<Calendar>) -> Option<(u32, Calendar, usize)> {
    if !cx.is_numeric(i) {
        return None;
    }
    let y = number(cx.at(i), 4).filter(|_| cx.at(i).len() == 4)?;
    let written = era(cx, i + 1);
    // Without an era letter, 1400–1500 is a Hijri year (1979–2077 CE) far
    // more often than a Gregorian one in news text.
    let cal =
        written.or(calendar).unwrap_or(if (1400..=1500).contains(&y) { Calendar::Hijri } else { Calendar::Gregorian });
    let ok = match cal {
        Calendar::Gregorian => GREGORIAN_YEARS.contains(&y),
        Calendar::Hijri => hijri::PLAUSIBLE_YEARS.contains(&y),
    };
    ok.then_some((y, cal, i + 1 + usize::from(written.is_some())))
}

/// A month name at `j` (one to three words, maybe «كانون الثاني/يناير»,
/// maybe after «شهر»), and the index after it.
fn month_name_at(cx: &Cx, j: usize) -> Option<(MonthName, usize)> {
    let j = j + usize::from(cx.word(j) == "شهر");
    let words: Vec<&str> = (j..j + 3).map(|k| cx.word(k)).take_while(|w| !w.is_empty()).collect();
    let month = lexicon::month_at(&words)?;
    let mut end = j + month.words;
    // A paired name: «كانون الثاني/يناير», «يناير/كانون الثاني», «أيلول (سبتمبر)».
    // «مايو أيار» with just a space.
    let (open, close) = match cx.at(end) {
        "/" | "-" => (1, 0),
        "(" => (1, 1),
        _ => (0, 0),
    };
    let rest: Vec<&str> = (end + open..end + open + 3).map(|k| cx.word(k)).take_while(|w| !w.is_empty()).collect();
    if let Some(other) = lexicon::month_at(&rest).filter(|o| o.month == month.month && o.calendar == month.calendar) {
        if close == 0 || cx.at(end + 1 + other.words) == ")" {
            end += open + other.words + close;
        }
    }
    Some((month, end))
}

/// «13/9/2023» (day first) or «2023-09-13» (year first) as (year, month, day).
fn numeric_date(s: &str) -> Option<(u32, u32, u32)> {
    let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.' | '\\'))?;
    let fields: Vec<&str> = s.split(sep).collect();
    let [a, b, c] = fields[..] else { return None };
    let n = |p: &str| number(p, 4);
    match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) => Some((n(a)?, n(b)?, n(c)?)),
        (1..=2, 1..=2, 4) => Some((n(c)?, n(b)?, n(a)?)),
        _ => None,
    }
}

/// A calendar day from its parts, converting Hijri days.
fn day_of(calendar: Calendar, y: u32, m: u32, d: u32) -> Option<CivilDate> {
    let (m, d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
    match calendar {
        Calendar::Gregorian if GREGORIAN_YEARS.contains(&y) => CivilDate::new(y as i32, m, d),
        Calendar::Hijri if hijri::PLAUSIBLE_YEARS.contains(&y) && (1..=30).contains(&d) => {
            hijri_to_gregorian(y as i32, m, d)
        }
        _ => None,
    }
}

/// «13/9/2023», «2023-09-13», «1436/10/25 هـ», and the spaced form Saudi
/// papers print, «26 - 5 - 1436هـ», «8 / 7 / 1436ه»; returns the day and the
/// index after it.
fn numeric_at(cx: &Cx, j: usize) -> Option<(CivilDate, usize)> {
    if !cx.is_numeric(j) {
        return None;
    }
    let spaced = matches!(cx.at(j + 1), "/" | "-")
        && cx.at(j + 3) == cx.at(j + 1)
        && cx.is_numeric(j + 2)
        && cx.is_numeric(j + 4);
    let (text, after) = if spaced {
        (format!("{}/{}/{}", cx.at(j), cx.at(j + 2), cx.at(j + 4)), j + 5)
    } else {
        (cx.at(j).to_owned(), j + 1)
    };
    let (y, m, d) = numeric_date(&text)?;
    let written = era(cx, after);
    let calendar =
        written.unwrap_or(if hijri::PLAUSIBLE_YEARS.contains(&y) { Calendar::Hijri } else { Calendar::Gregorian });
    Some((day_of(calendar, y, m, d)?, after + usize::from(written.is_some())))
}

/// What a day-month-year reading gave: a fixed day, or a day and month to
/// place in the anchor's year.
enum Day {
    Fixed(CivilDate),
    Yearless { month: u8, day: u8 },
}

/// «13 أيلول 2023», «2 كانون الثاني/يناير 2024», «25 شوال 1436هـ», «25 حزيران/يونيو».
fn day_month_at(cx: &Cx, j: usize) -> Option<(Day, usize)> {
    if !cx.is_numeric(j) || cx.at(j).len() > 2 {
        return None;
    }
    let day = number(cx.at(j), 2).filter(|d| (1..=31).contains(d))?;
    // «29 من مايو».
    let at_month = j + 1 + usize::from(cx.word(j + 1) == "من");
    let (month, mut end) = month_name_at(cx, at_month)?;
    // «من عام 2023», «عام 1952» between month and year.
    let of = usize::from(cx.word(end) == "من");
    if cx.is_one_of(end + of, &["عام", "العام", "سنه", "السنه"]) && cx.is_numeric(end + of + 1) {
        end += of + 1;
    }
    match year_at(cx, end, Some(month.calendar)) {
        Some((y, cal, after)) if cal == month.calendar => {
            Some((Day::Fixed(day_of(cal, y, u32::from(month.month), day)?), after))
        }
        Some(_) => None,
        None if month.calendar == Calendar::Gregorian => {
            CivilDate::new(2000, month.month, day as u8)?;
            // «26 يونيو الماضي»: the nearest such day is meant either way.
            end +=
                usize::from(matches!(cx.word(end), "الماضي" | "المنصرم" | "المقبل" | "القادم" | "الجاري" | "الحالي"));
            Some((Day::Yearless { month: month.month, day: day as u8 }, end))
        }
        // A Hijri day without a year would need the anchor's Hijri year; not read.
        None => None,
    }
}

/// A full date, maybe after its weekday and before a time of day:
/// «الأربعاء 13 سبتمبر 2023 - 10:30 ص», «يوم الخميس الموافق 14/9/2023».
fn date(cx: &Cx, i: usize) -> Option<Hit> {
    let mut j = i;
    let mut clitic = 0;
    // A leading weekday belongs to the date: «الأربعاء 13 سبتمبر 2023».
    let yawm = cx.bare(j, |w| w == "يوم");
    let wd_at = if yawm.is_some() { j + 1 } else { j };
    if let Some((_, n)) = cx.bare(wd_at, |w| w.starts_with("ال") && lexicon::weekday(w).is_some()) {
        clitic = yawm.map_or(n, |(_, n)| n);
        j = wd_at + 1;
        j += usize::from(matches!(cx.at(j), "،" | "," | "-"));
        j += usize::from(cx.word(j) == "الموافق");
    }
    let (day, mut end) = match numeric_at(cx, j) {
        Some((d, end)) => (Day::Fixed(d), end),
        None => day_month_at(cx, j)?,
    };
    let reading = match day {
        Day::Fixed(d) => {
            let mut kind = TimexKind::Date;
            let mut value = d.to_string();
            let k = end + usize::from(matches!(cx.at(end), "،" | "," | "-"));
            if let Some((t, after)) = time_at(cx, k) {
                kind = TimexKind::Datetime;
                value = format!("{d}T{t}");
                end = after;
            }
            return Some(Hit { clitic, ..Hit::fixed(end, kind, value) });
        }
        Day::Yearless { month, day } => Reading::Relative(Reference::DayOfMonth { month, day }),
    };
    Some(Hit { end, kind: TimexKind::Date, reading, modifier: None, clitic })
}

/// «سبتمبر 2023», «أيلول/سبتمبر 2023», «رمضان 1445هـ» (as its interval of days).
fn month_year(cx: &Cx, i: usize) -> Option<Hit> {
    let (month, end) = month_name_at(cx, i)?;
    let (y, cal, after) = year_at(cx, end, Some(month.calendar)).filter(|&(_, c, _)| c == month.calendar)?;
    let value = match cal {
        Calendar::Gregorian => format!("{y:04}-{:02}", month.month),
        Calendar::Hijri => {
            let first = hijri_to_gregorian(y as i32, month.month, 1)?;
            let (ny, nm) = if month.month == 12 { (y as i32 + 1, 1) } else { (y as i32, month.month + 1) };
            let last = hijri_to_gregorian(ny, nm, 1)?.add_days(-1);
            format!("{first}/{last}")
        }
    };
    Some(Hit::fixed(after, TimexKind::Month, value))
}

/// Words after which a lone Gregorian month name is a month: «في سبتمبر».
const MONTH_CONTEXT: &[&str] =
    &["في", "خلال", "منذ", "حتي", "قبل", "بعد", "مطلع", "بدايه", "نهايه", "اواخر", "اوايل", "منتصف", "شهر", "اواسط"];

/// «في سبتمبر», «شهر سبتمبر الماضي», «حتى أيار/مايو المقبل».
fn named_month(cx: &Cx, i: usize) -> Option<Hit> {
    let (month, mut end) = month_name_at(cx, i)?;
    if month.calendar != Calendar::Gregorian {
        return None;
    }
    let reading = match cx.word(end) {
        "الماضي" | "المنصرم" | "الفايت" => Some(WeekdayReading::Before),
        "المقبل" | "القادم" => Some(WeekdayReading::After),
        _ => None,
    };
    let current = matches!(cx.word(end), "الجاري" | "الحالي");
    let context =
        cx.word(i) == "شهر" || i.checked_sub(1).is_some_and(|p| cx.bare(p, |w| MONTH_CONTEXT.contains(&w)).is_some());
    if !(context || reading.is_some() || current) {
        return None;
    }
    end += usize::from(reading.is_some() || current);
    Some(Hit::relative(end, TimexKind::Month, Reference::NamedMonth { month: month.month, reading }))
}

/// Words that make the next number a year: «عام 2019», «عامي 2018 و2019».
const YEAR_WORDS: &[&str] =
    &["عام", "العام", "سنه", "السنه", "عامي", "العامين", "الاعوام", "اعوام", "السنوات", "سنوات", "سنتي", "السنتين"];
/// Prepositions after which a plausible 4-digit number is a year if nothing
/// but punctuation or a function word follows: «في 2019،», «منذ 2014 و».
const YEAR_PREPOSITIONS: &[&str] =
    &["في", "منذ", "حتي", "قبل", "بعد", "خلال", "مطلع", "بدايه", "نهايه", "اواخر", "اوايل", "منتصف", "اواسط"];
/// Words that may follow such a year.
const AFTER_YEAR: &[&str] = &["ثم", "حين", "عندما", "حيث", "الي", "حتي", "من", "علي", "في", "قبل", "بعد", "كما", "الا"];

/// «عام 2019», «في عامي 2018 و2019», «الأعوام 2006 و2009 و2016», «في 2019»,
/// «2015م», «1436 هـ».
fn year(cx: &Cx, i: usize) -> Option<Hit> {
    if let Some((_, clitic)) = cx.bare(i, |w| YEAR_WORDS.contains(&w)) {
        let (first, cal, mut end) = year_at(cx, i + 1, None)?;
        let mut years = vec![first];
        // More years joined by «و» or commas: «2006، 2009 و2016».
        loop {
            let mut k = end;
            k += usize::from(matches!(cx.at(k), "،" | ","));
            k += usize::from(cx.word(k) == "و");
            match year_at(cx, k, Some(cal)).filter(|&(_, c, _)| c == cal) {
                Some((y, _, after)) if k > end => {
                    years.push(y);
                    end = after;
                }
                _ => break,
            }
        }
        let hit = if years.len() == 1 {
            year_value(first, cal).map(|v| Hit::fixed(end, TimexKind::Year, v))?
        } else {
            let values = years.iter().map(|&y| year_value(y, cal)).collect::<Option<Vec<_>>>()?;
            let reading = Reading::Fixed(TimexValue::Many(values));
            Hit { end, kind: TimexKind::Years, reading, modifier: None, clitic }
        };
        return Some(Hit { clitic, ..hit });
    }
    let (y, cal, end) = year_at(cx, i, None)?;
    let with_era = era(cx, i + 1).is_some();
    let after_preposition = i.checked_sub(1).is_some_and(|p| cx.bare(p, |w| YEAR_PREPOSITIONS.contains(&w)).is_some())
        && PREPOSITION_YEARS.contains(&y)
        && (!matches!(cx.items.get(end).map(|it| it.kind), Some(crate::scan::ItemKind::Word))
            || cx.is_one_of(end, AFTER_YEAR)
            || cx.word(end).starts_with('و'));
    if !(with_era || after_preposition) {
        return None;
    }
    Some(Hit::fixed(end, TimexKind::Year, year_value(y, cal)?))
}

/// A Gregorian year as `2019`, a Hijri year as its interval of days.
fn year_value(y: u32, calendar: Calendar) -> Option<String> {
    match calendar {
        Calendar::Gregorian => Some(format!("{y:04}")),
        Calendar::Hijri => hijri::hijri_year_span(y as i32).map(|(first, last)| format!("{first}/{last}")),
    }
}

/// Hours written as words after «الساعة»: «الساعة العاشرة».
const HOUR_WORDS: &[(&str, u8)] = &[
    ("الواحده", 1),
    ("الثانيه", 2),
    ("الثالثه", 3),
    ("الرابعه", 4),
    ("الخامسه", 5),
    ("السادسه", 6),
    ("السابعه", 7),
    ("الثامنه", 8),
    ("التاسعه", 9),
    ("العاشره", 10),
    ("الحاديه", 11),
];

/// How a part-of-day word shifts a 12-hour clock reading: «م», «مساءً», «ظهراً».
fn meridiem(word: &str, hour: u8) -> Option<u8> {
    let pm = |h: u8| if h < 12 { h + 12 } else { h };
    match word {
        "م" | "مساء" | "مساءا" | "عصرا" | "pm" => Some(pm(hour)),
        "ظهرا" => Some(if (1..=5).contains(&hour) { hour + 12 } else { hour }),
        "ليلا" => Some(if hour == 12 {
            0
        } else if hour >= 6 {
            pm(hour)
        } else {
            hour
        }),
        "ص" | "صباحا" | "فجرا" | "am" => Some(if hour == 12 { 0 } else { hour }),
        _ => None,
    }
}

/// A time of day at `k`: «12:08 م», «الساعة 10 صباحاً», «الساعة العاشرة
/// والنصف مساءً», «10 صباحاً». Returns it and the index after it.
fn time_at(cx: &Cx, k: usize) -> Option<(TimeOfDay, usize)> {
    let sa3a = cx.bare(k, |w| w == "الساعه").is_some();
    let j = k + usize::from(sa3a);
    let (mut hour, mut minute, mut end) = if cx.is_numeric(j) {
        let s = cx.at(j);
        match s.split_once(':') {
            Some((h, m)) if m.len() == 2 && h.len() <= 2 => (number(h, 2)? as u8, number(m, 2)? as u8, j + 1),
            Some(_) => return None,
            None if s.len() <= 2 => (number(s, 2)? as u8, 0, j + 1),
            None => return None,
        }
    } else if sa3a {
        let h = HOUR_WORDS.iter().find(|(w, _)| *w == cx.word(j))?.1;
        let mut end = j + 1;
        // «الحادية عشرة», «الثانية عشرة».
        let h = if matches!(cx.word(end), "عشره" | "عشر") && (h == 11 || h == 2) {
            end += 1;
            if h == 2 {
                12
            } else {
                11
            }
        } else {
            h
        };
        (h, 0, end)
    } else {
        return None;
    };
    if cx.is_numeric(j) && !cx.at(j).contains(':') && !sa3a {
        // A bare number is a time only with a part-of-day word: «10 صباحاً».
        meridiem(cx.word(end), hour).filter(|_| !matches!(cx.word(end), "م" | "ص"))?;
    }
    match cx.word(end) {
        "والنصف" => minute = 30,
        "والربع" => minute = 15,
        _ => {}
    }
    end += usize::from(matches!(cx.word(end), "والنصف" | "والربع"));
    if let Some(h) = meridiem(cx.word(end), hour) {
        hour = h;
        end += 1;
    }
    Some((TimeOfDay::new(hour, minute)?, end))
}

fn time(cx: &Cx, i: usize) -> Option<Hit> {
    let (t, end) = time_at(cx, i)?;
    let clitic = cx.bare(i, |w| w == "الساعه").map_or(0, |(_, n)| n);
    Some(Hit { clitic, ..Hit::fixed(end, TimexKind::Time, format!("T{t}")) })
}

#[cfg(test)]
mod tests {
    use crate::civil::CivilDate;
    use crate::timex::find_timexes;

    /// (core text, kind, value) of every timex in `s`.
    fn read(s: &str) -> Vec<(String, String, String)> {
        let anchor = CivilDate::new(2024, 6, 28);
        find_timexes(s, anchor)
            .into_iter()
            .map(|t| {
                let kind =
                    serde_json::to_value(t.kind).map(|v| v.as_str().unwrap_or("").to_string()).unwrap_or_default();
                (s[t.core].to_string(), kind, t.value.to_string())
            })
            .collect()
    }

    fn value(s: &str) -> String {
        let found = read(s);
        assert_eq!(found.len(), 1, "{s}: {found:?}");
        found[0].2.clone()
    }

    #[test]
    fn gregorian_dates_in_every_system() {
        assert_eq!(value("وتاريخ 26 - 5 - 1436هـ، قرر"), "2015-03-17");
        assert_eq!(value("بتاريخ 8 / 7 / 1436ه ، قرر"), "2015-04-27");
        assert_eq!(value("في 29 من مايو 1453"), "1453-05-29");
        assert_eq!(value("في 23 يوليو (تموز) عام 1952 التي"), "1952-07-23");
        assert_eq!(value("في مايو أيار الماضي"), "2024-05");
        assert_eq!(value("ضرب خاركيف في 2 كانون الثاني/يناير 2024 قائلا"), "2024-01-02");
        assert_eq!(value("في 2 يناير/كانون الثاني 2024"), "2024-01-02");
        assert_eq!(value("واختبرت صاروخا في 25 حزيران/يونيو، وهو"), "2024-06-25");
        assert_eq!(value("يوم 5 جانفي 2020"), "2020-01-05");
        assert_eq!(value("في 12 فيفري 2019"), "2019-02-12");
        assert_eq!(value("في 15 أوت 2021"), "2021-08-15");
        assert_eq!(value("بتاريخ ١٣/٩/٢٠٢٣"), "2023-09-13");
        assert_eq!(value("نشر في: 2023-09-13"), "2023-09-13");
        assert_eq!(value("13 أيلول 2023 , 12:08 م"), "2023-09-13T12:08");
        assert_eq!(value("الأربعاء 13 سبتمبر 2023 - 10:30 ص"), "2023-09-13T10:30");
        assert_eq!(value("في 31 ديسمبر الماضي"), "2023-12-31");
        assert_eq!(value("في 3 مارس من العام 2022"), "2022-03-03");
    }

    #[test]
    fn hijri_dates() {
        let found = read("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م");
        let values: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
        assert_eq!(values, ["2015-08-11", "2015-08-11"]);
        assert_eq!(value("الموافق 25 شوال 1436هـ"), "2015-08-10");
        assert_eq!(value("في العام 1436 هـ"), "2014-10-25/2015-10-13");
        assert_eq!(value("بتاريخ 1436/10/26هـ"), "2015-08-11");
        assert_eq!(value("خلال شهر رمضان 1445هـ"), "2024-03-11/2024-04-09");
    }

    #[test]
    fn years_only_in_a_year_context() {
        assert_eq!(read("في عام 2019."), [("عام 2019".into(), "year".into(), "2019".into())]);
        assert_eq!(
            read("جميعها في عامي 2018 و2019. كما"),
            [("عامي 2018 و2019".into(), "years".into(), "2018,2019".into())]
        );
        assert_eq!(value("في الأعوام 2006 و2009 و2016"), "2006,2009,2016");
        assert_eq!(value("منذ 2014، تغير"), "2014");
        assert_eq!(value("صدر عام ٢٠١٥م"), "2015");
        assert_eq!(value("تأسست 1932م"), "1932");
        assert!(read("في 2000 منزل").is_empty());
        assert!(read("بلغ عدد الحالات 2019 حالة").is_empty());
        assert!(read("يطلق المعزز الذي يبلغ طوله 42.7 مترًا").is_empty());
        assert!(read("مقاتلات سو 35 وميغ MiG-31 وكوفيد-19").is_empty());
        assert!(read("اتصل على 0551234567 أو 055-123-4567").is_empty());
        assert!(read("فاز الهلال 3-1 على النصر").is_empty());
    }

    #[test]
    fn months() {
        assert_eq!(value("في سبتمبر 2023"), "2023-09");
        assert_eq!(value("خلال أيلول/سبتمبر 2023"), "2023-09");
        assert_eq!(value("في سبتمبر الماضي"), "2023-09");
        assert_eq!(value("حتى أيار/مايو المقبل"), "2025-05");
        assert_eq!(value("في مايو"), "2024-05");
        assert!(read("مارس الضغط على").is_empty());
    }

    #[test]
    fn times_of_day() {
        assert_eq!(value("عند الساعة 10 صباحاً"), "T10:00");
        assert_eq!(value("الساعة العاشرة والنصف مساءً"), "T22:30");
        assert_eq!(value("في تمام 12:08 م"), "T12:08");
        assert_eq!(value("الساعة الثانية عشرة ظهرا"), "T12:00");
        assert_eq!(value("تبدأ 9 مساء"), "T21:00");
        assert!(read("فاز بنتيجة 2:1").is_empty());
    }
}
