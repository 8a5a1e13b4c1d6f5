//! Lengths of time («أكثر من 18 شهرًا», «عام ونصف», «ساعتين», «75 عاما»,
//! «الأشهر الأربعة الماضية», «بضعة أيام») and offsets from the time of
//! writing built on them («قبل ثلاثة أيام», «بعد أسبوعين»).
//!
//! Amounts are kept in quarters so that «ونصف» and «ربع ساعة» stay exact;
//! values are ISO 8601 durations as TIMEX3 writes them (`P18M`, `P1Y6M`,
//! `PT2H`), with `X` for an unknown amount (`PXD` for «بضعة أيام»).

use crate::relative::{Reference, Tense};
use crate::scan::number;
use crate::timex::{Cx, Hit, Modifier, TimexKind};

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

/// How a unit word is written: singular, plural, or dual (which is its own amount: «ساعتين» = 2 hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Singular,
    Plural,
    Dual,
}

/// Unit words in matching normalization, with the accusative forms that
/// follow numbers («عاما», «شهرا»).
const UNITS: &[(&str, Unit, Form)] = &[
    ("ثانيه", Unit::Second, Form::Singular),
    ("ثوان", Unit::Second, Form::Plural),
    ("ثواني", Unit::Second, Form::Plural),
    ("ثانيتين", Unit::Second, Form::Dual),
    ("دقيقه", Unit::Minute, Form::Singular),
    ("دقايق", Unit::Minute, Form::Plural),
    ("دقيقتين", Unit::Minute, Form::Dual),
    ("دقيقتان", Unit::Minute, Form::Dual),
    ("ساعه", Unit::Hour, Form::Singular),
    ("ساعات", Unit::Hour, Form::Plural),
    ("ساعتين", Unit::Hour, Form::Dual),
    ("ساعتان", Unit::Hour, Form::Dual),
    ("يوم", Unit::Day, Form::Singular),
    ("يوما", Unit::Day, Form::Singular),
    ("ايام", Unit::Day, Form::Plural),
    ("يومين", Unit::Day, Form::Dual),
    ("يومان", Unit::Day, Form::Dual),
    ("اسبوع", Unit::Week, Form::Singular),
    ("اسبوعا", Unit::Week, Form::Singular),
    ("اسابيع", Unit::Week, Form::Plural),
    ("اسبوعين", Unit::Week, Form::Dual),
    ("اسبوعان", Unit::Week, Form::Dual),
    ("شهر", Unit::Month, Form::Singular),
    ("شهرا", Unit::Month, Form::Singular),
    ("اشهر", Unit::Month, Form::Plural),
    ("شهور", Unit::Month, Form::Plural),
    ("شهرين", Unit::Month, Form::Dual),
    ("شهران", Unit::Month, Form::Dual),
    ("عام", Unit::Year, Form::Singular),
    ("عاما", Unit::Year, Form::Singular),
    ("سنه", Unit::Year, Form::Singular),
    ("اعوام", Unit::Year, Form::Plural),
    ("سنوات", Unit::Year, Form::Plural),
    ("سنين", Unit::Year, Form::Plural),
    ("عامين", Unit::Year, Form::Dual),
    ("عامان", Unit::Year, Form::Dual),
    ("سنتين", Unit::Year, Form::Dual),
    ("سنتان", Unit::Year, Form::Dual),
    ("عقد", Unit::Decade, Form::Singular),
    ("عقدا", Unit::Decade, Form::Singular),
    ("عقود", Unit::Decade, Form::Plural),
    ("عقدين", Unit::Decade, Form::Dual),
    ("قرن", Unit::Century, Form::Singular),
    ("قرنا", Unit::Century, Form::Singular),
    ("قرون", Unit::Century, Form::Plural),
    ("قرنين", Unit::Century, Form::Dual),
];

/// Plural units with the article, for «الأشهر الأربعة الماضية».
const DEFINITE_PLURALS: &[(&str, Unit)] = &[
    ("الساعات", Unit::Hour),
    ("الايام", Unit::Day),
    ("الاسابيع", Unit::Week),
    ("الاشهر", Unit::Month),
    ("الشهور", Unit::Month),
    ("الاعوام", Unit::Year),
    ("السنوات", Unit::Year),
    ("العقود", Unit::Decade),
];

/// Number words 1–10 in both genders, and the tens.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("واحد", 1),
    ("واحده", 1),
    ("ثلاث", 3),
    ("ثلاثه", 3),
    ("اربع", 4),
    ("اربعه", 4),
    ("خمس", 5),
    ("خمسه", 5),
    ("ست", 6),
    ("سته", 6),
    ("سبع", 7),
    ("سبعه", 7),
    ("ثماني", 8),
    ("ثمان", 8),
    ("ثمانيه", 8),
    ("تسع", 9),
    ("تسعه", 9),
    ("عشر", 10),
    ("عشره", 10),
    ("عشرين", 20),
    ("عشرون", 20),
    ("ثلاثين", 30),
    ("ثلاثون", 30),
    ("اربعين", 40),
    ("اربعون", 40),
    ("خمسين", 50),
    ("خمسون", 50),
    ("ستين", 60),
    ("ستون", 60),
    ("سبعين", 70),
    ("سبعون", 70),
    ("ثمانين", 80),
    ("ثمانون", 80),
    ("تسعين", 90),
    ("تسعون", 90),
    ("ميه", 100),
    ("مايه", 100),
];

/// Quantifiers before a duration, as word sequences.
const MODIFIERS: &[(&[&str], Modifier)] = &[
    (&["اكثر", "من"], Modifier::MoreThan),
    (&["ما", "يزيد", "عن"], Modifier::MoreThan),
    (&["ما", "يزيد", "علي"], Modifier::MoreThan),
    (&["ازيد", "من"], Modifier::MoreThan),
    (&["اقل", "من"], Modifier::LessThan),
    (&["نحو"], Modifier::Approx),
    (&["حوالي"], Modifier::Approx),
    (&["قرابه"], Modifier::Approx),
    (&["زهاء"], Modifier::Approx),
    (&["ما", "يقرب", "من"], Modifier::Approx),
    (&["ما", "يناهز"], Modifier::Approx),
    (&["يناهز"], Modifier::Approx),
];

/// Words after which a bare singular unit is one of it: «لمدة عام», «خلال أسبوع».
const SINGLE_UNIT_CONTEXT: &[&str] = &["مده", "طوال", "طيله", "خلال", "منذ", "قبل", "بعد"];

/// A length of time: `quarters` quarter-units, or an unknown amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Length {
    unit: Unit,
    quarters: Option<u32>,
}

impl Length {
    /// The ISO 8601 duration.
    fn iso(self) -> String {
        let Some(q) = self.quarters else {
            let (time, letter) = designator(self.unit);
            return format!("P{}X{letter}", if time { "T" } else { "" });
        };
        let (whole, frac) = (q / 4, q % 4);
        let (unit, whole, sub, sub_unit) = match self.unit {
            Unit::Decade => (Unit::Year, q * 10 / 4, 0, Unit::Year),
            Unit::Century => (Unit::Year, q * 100 / 4, 0, Unit::Year),
            Unit::Year => (Unit::Year, whole, frac * 3, Unit::Month),
            Unit::Month => (Unit::Month, whole, frac * 15 / 2, Unit::Day),
            Unit::Week if frac == 0 => (Unit::Week, whole, 0, Unit::Day),
            Unit::Week => (Unit::Day, q * 7 / 4, 0, Unit::Day),
            Unit::Day => (Unit::Day, whole, frac * 6, Unit::Hour),
            Unit::Hour => (Unit::Hour, whole, frac * 15, Unit::Minute),
            Unit::Minute => (Unit::Minute, whole, frac * 15, Unit::Second),
            Unit::Second => (Unit::Second, whole, 0, Unit::Second),
        };
        let mut out = String::from("P");
        let mut in_time = false;
        for (n, u) in [(whole, unit), (sub, sub_unit)] {
            if n == 0 {
                continue;
            }
            let (time, letter) = designator(u);
            if time && !in_time {
                out.push('T');
                in_time = true;
            }
            out.push_str(&format!("{n}{letter}"));
        }
        out
    }

    /// The offset `sign * self` from the anchor, as a reference.
    fn offset(self, sign: i32) -> Reference {
        let Some(q) = self.quarters else {
            return Reference::Vague { tense: if sign < 0 { Tense::Past } else { Tense::Future } };
        };
        let q = q as i32;
        match self.unit {
            Unit::Second | Unit::Minute | Unit::Hour => Reference::Day { offset: 0, weekday: None },
            Unit::Day => Reference::Day { offset: sign * q / 4, weekday: None },
            Unit::Week => Reference::Day { offset: sign * q * 7 / 4, weekday: None },
            Unit::Month => Reference::Month { offset: sign * q / 4 },
            Unit::Year if q % 4 != 0 => Reference::Month { offset: sign * q * 3 },
            Unit::Year => Reference::Year { offset: sign * q / 4 },
            Unit::Decade => Reference::Year { offset: sign * q * 10 / 4 },
            Unit::Century => Reference::Year { offset: sign * q * 100 / 4 },
        }
    }
}

/// Whether a unit is written after `T` in an ISO duration, and its letter.
fn designator(unit: Unit) -> (bool, char) {
    match unit {
        Unit::Second => (true, 'S'),
        Unit::Minute => (true, 'M'),
        Unit::Hour => (true, 'H'),
        Unit::Day => (false, 'D'),
        Unit::Week => (false, 'W'),
        Unit::Month => (false, 'M'),
        Unit::Year | Unit::Decade | Unit::Century => (false, 'Y'),
    }
}

fn unit_word(word: &str) -> Option<(Unit, Form)> {
    UNITS.iter().find(|(w, _, _)| *w == word).map(|&(_, u, f)| (u, f))
}

fn number_word(word: &str) -> Option<u32> {
    NUMBER_WORDS.iter().find(|(w, _)| *w == word).map(|&(_, n)| n)
}

/// An amount at `j`: digits, or number words («خمسة وعشرين», «أحد عشر»).
/// Returns the amount and the index after it.
fn amount_at(cx: &Cx, j: usize) -> Option<(u32, usize)> {
    if cx.is_numeric(j) {
        return Some((number(cx.at(j), 6)?, j + 1));
    }
    let ones = match cx.word(j) {
        "احد" | "احدي" => 1,
        "اثنا" | "اثني" | "اثنتا" | "اثنتي" => 2,
        w => number_word(w)?,
    };
    // «أحد عشر» … «تسعة عشر».
    if ones < 10 && matches!(cx.word(j + 1), "عشر" | "عشره") {
        return Some((ones + 10, j + 2));
    }
    if ones <= 2 && ones != 1 {
        return None;
    }
    // «خمسة وعشرين».
    if ones < 10 {
        if let Some(tens) = cx.word(j + 1).strip_prefix('و').and_then(number_word).filter(|t| t % 10 == 0 && *t >= 20)
        {
            return Some((ones + tens, j + 2));
        }
    }
    Some((ones, j + 1))
}

/// A length of time starting at `j` (after any quantifier): returns it and the index after it.
fn length_at(cx: &Cx, j: usize) -> Option<(Length, usize)> {
    let half_after = |end: usize| matches!(cx.word(end), "ونصف" | "ونص");
    // «نصف ساعة», «ربع ساعة», «نصف قرن».
    if let Some(part) = match cx.word(j) {
        "نصف" => Some(2),
        "ربع" => Some(1),
        _ => None,
    } {
        let (unit, form) = unit_word(cx.word(j + 1))?;
        return (form == Form::Singular).then_some((Length { unit, quarters: Some(part) }, j + 2));
    }
    // «عدة أيام», «بضع سنوات»: an unknown amount.
    if matches!(cx.word(j), "عده" | "بضعه" | "بضع") {
        let (unit, form) = unit_word(cx.word(j + 1))?;
        return (form == Form::Plural).then_some((Length { unit, quarters: None }, j + 2));
    }
    if let Some((unit, form)) = unit_word(cx.word(j)) {
        return match form {
            Form::Dual => Some((Length { unit, quarters: Some(8) }, j + 1)),
            // «عام ونصف», «عام واحد».
            Form::Singular if half_after(j + 1) => Some((Length { unit, quarters: Some(6) }, j + 2)),
            Form::Singular if matches!(cx.word(j + 1), "واحد" | "واحده") => {
                Some((Length { unit, quarters: Some(4) }, j + 2))
            }
            _ => None,
        };
    }
    let (n, k) = amount_at(cx, j)?;
    let (unit, form) = unit_word(cx.word(k))?;
    if form == Form::Dual || n == 0 {
        return None;
    }
    let mut quarters = n.checked_mul(4)?;
    let mut end = k + 1;
    if half_after(end) {
        quarters += 2;
        end += 1;
    }
    Some((Length { unit, quarters: Some(quarters) }, end))
}

/// A quantifier at `i`, its clitic count, and the index after it.
fn modifier_at(cx: &Cx, i: usize) -> Option<(Modifier, usize, usize)> {
    MODIFIERS.iter().find_map(|&(words, m)| {
        let (_, clitic) = cx.bare(i, |w| w == words[0])?;
        words[1..].iter().enumerate().all(|(k, w)| cx.word(i + 1 + k) == *w).then_some((m, clitic, i + words.len()))
    })
}

/// Words these grammars may start at (besides numbers).
pub(crate) fn starters() -> impl Iterator<Item = &'static str> {
    const OTHERS: &[&str] =
        &["احد", "احدي", "اثنا", "اثني", "اثنتا", "اثنتي", "نصف", "ربع", "عده", "بضعه", "بضع", "قبل", "بعد"];
    UNITS
        .iter()
        .map(|u| u.0)
        .chain(DEFINITE_PLURALS.iter().map(|u| u.0))
        .chain(NUMBER_WORDS.iter().map(|n| n.0))
        .chain(MODIFIERS.iter().map(|m| m.0[0]))
        .chain(OTHERS.iter().copied())
}

/// Reads a duration, or an offset («قبل ثلاثة أيام»), starting at item `i`.
pub(crate) fn read(cx: &Cx, i: usize) -> Option<Hit> {
    offset(cx, i).or_else(|| duration(cx, i)).or_else(|| definite(cx, i))
}

fn duration(cx: &Cx, i: usize) -> Option<Hit> {
    let (modifier, clitic, j) = match modifier_at(cx, i) {
        Some((m, c, j)) => (Some(m), c, j),
        None => (None, 0, i),
    };
    let (length, end) = length_at(cx, j).or_else(|| single_unit(cx, j))?;
    Some(Hit { modifier, clitic, ..Hit::fixed(end, TimexKind::Duration, length.iso()) })
}

/// A bare singular unit after «لمدة», «خلال», «منذ»: «لمدة عام» is one year,
/// unless a name follows («خلال شهر رمضان», «منذ يوم الجمعة»).
fn single_unit(cx: &Cx, j: usize) -> Option<(Length, usize)> {
    let (unit, form) = unit_word(cx.word(j))?;
    let context = j.checked_sub(1).is_some_and(|p| cx.bare(p, |w| SINGLE_UNIT_CONTEXT.contains(&w)).is_some());
    let next = cx.word(j + 1);
    let named = crate::lexicon::month_at(&[next]).is_some() || crate::lexicon::weekday(next).is_some();
    (form == Form::Singular && context && !named && !cx.is_numeric(j + 1))
        .then_some((Length { unit, quarters: Some(4) }, j + 1))
}

/// «الأشهر الأربعة الماضية», «السنوات العشر المقبلة».
fn definite(cx: &Cx, i: usize) -> Option<Hit> {
    let (plural, clitic) = cx.bare(i, |w| DEFINITE_PLURALS.iter().any(|(p, _)| *p == w))?;
    let unit = DEFINITE_PLURALS.iter().find(|(p, _)| *p == plural)?.1;
    let n = number_word(cx.word(i + 1).strip_prefix("ال")?)?;
    if !matches!(cx.word(i + 2), "الماضيه" | "الاخيره" | "المقبله" | "القادمه" | "الماضي" | "المنصرمه")
    {
        return None;
    }
    Some(Hit { clitic, ..Hit::fixed(i + 3, TimexKind::Duration, Length { unit, quarters: Some(n * 4) }.iso()) })
}

/// «قبل ثلاثة أيام», «بعد أسبوعين», «قبل ساعات»: an offset from the time of
/// writing. Not when «من» follows: «قبل ساعات من القمة» counts from an event.
fn offset(cx: &Cx, i: usize) -> Option<Hit> {
    let (w, clitic) = cx.bare(i, |w| w == "قبل" || w == "بعد")?;
    let sign = if w == "قبل" { -1 } else { 1 };
    let (length, end) = match length_at(cx, i + 1).or_else(|| single_unit(cx, i + 1)) {
        Some(found) => found,
        // «قبل ساعات», «بعد أيام»: an unknown amount.
        None => match unit_word(cx.word(i + 1)) {
            Some((unit, Form::Plural)) => (Length { unit, quarters: None }, i + 2),
            _ => return None,
        },
    };
    if matches!(cx.word(end), "من" | "علي") {
        // «قبل ساعات من القمة», «بعد ساعات من الهجوم»: hours from an event
        // that the report is about place it on the day of writing — a news
        // report counts hours only from the day's own events. Longer offsets
        // («قبل يومين من القمة») need the event's date, which is not here.
        if length.unit == Unit::Hour && length.quarters.is_none() && !cx.word(end + 1).is_empty() {
            let reference = crate::relative::Reference::Day { offset: 0, weekday: None };
            return Some(Hit { clitic, ..Hit::relative(end + 2, TimexKind::Relative, reference) });
        }
        return None;
    }
    Some(Hit { clitic, ..Hit::relative(end, TimexKind::Relative, length.offset(sign)) })
}

#[cfg(test)]
mod tests {
    use crate::civil::CivilDate;
    use crate::timex::{find_timexes, Modifier};

    fn read(s: &str) -> Vec<(String, String, Option<Modifier>)> {
        find_timexes(s, CivilDate::new(2023, 9, 14))
            .into_iter()
            .map(|t| (s[t.span].to_string(), t.value.to_string(), t.modifier))
            .collect()
    }

    fn value(s: &str) -> String {
        let found = read(s);
        assert_eq!(found.len(), 1, "{s}: {found:?}");
        found[0].1.clone()
    }

    #[test]
    fn durations() {
        assert_eq!(
            read("استهلكت مخزونات خلال أكثر من 18 شهرًا من الحرب"),
            [("خلال أكثر من 18 شهرًا".into(), "P18M".into(), Some(Modifier::MoreThan))]
        );
        assert_eq!(
            read("في حرب في أوكرانيا لأكثر من عام ونصف."),
            [("لأكثر من عام ونصف".into(), "P1Y6M".into(), Some(Modifier::MoreThan))]
        );
        assert_eq!(read("ثم أجروا ما يقرب من ساعتين من المناقشات")[0].1, "PT2H");
        assert_eq!(value("خلال 12 عاما قضاها في السلطة"), "P12Y");
        assert_eq!(value("بمرور 75 عاما على إنشائها"), "P75Y");
        assert_eq!(value("في الأشهر الأربعة الماضية"), "P4M");
        assert_eq!(value("استمرت ثلاثة أيام"), "P3D");
        assert_eq!(value("منذ خمسة وعشرين عاما"), "P25Y");
        assert_eq!(value("لمدة أحد عشر شهرا"), "P11M");
        assert_eq!(value("لمدة عام"), "P1Y");
        assert_eq!(value("نحو نصف ساعة"), "PT30M");
        assert_eq!(value("ساعة ونصف"), "PT1H30M");
        assert_eq!(value("بعد بضعة أيام من"), "PXD");
        assert_eq!(value("منذ عقدين"), "P20Y");
        assert_eq!(value("خلال 24 ساعة"), "PT24H");
    }

    #[test]
    fn offsets_from_the_time_of_writing() {
        assert_eq!(value("وقع قبل ثلاثة أيام"), "2023-09-11");
        assert_eq!(value("قبل أسبوعين"), "2023-08-31");
        assert_eq!(value("قبل عامين"), "2021");
        assert_eq!(value("ويلسون قبل عام."), "2022");
        assert_eq!(value("بعد شهرين"), "2023-11");
        assert_eq!(value("قبل ساعات"), "PAST_REF");
        // Counted from an event, not from the time of writing: a duration only.
        assert_eq!(read("وقبل ساعات من القمة")[0].1, "2023-09-14", "hours from the day's event: the day of writing");
        assert_eq!(read("وقبل ساعات من القمة")[0].0, "وقبل ساعات من القمة");
        assert_eq!(value("قبل يومين من القمة"), "P2D");
    }

    #[test]
    fn quantities_are_not_durations() {
        assert!(read("يبلغ طوله 42.7 مترًا").is_empty());
        assert!(read("اشترى 18 صاروخا").is_empty());
        assert!(read("خلال شهر رمضان").is_empty());
    }
}
