//! Time expressions in running Arabic text, with TIMEX3-style values.
//!
//! [`find_timexes`] reads a text once, left to right. At each item the
//! grammars of [`crate::absolute`], [`crate::duration`] and
//! [`crate::relative`] each try to read one expression starting there; the
//! longest reading wins and the scan continues after it. Every grammar looks
//! ahead a bounded number of items, so the whole scan is linear in the text.
//!
//! Expressions that depend on when the text was written («أمس», «الثلاثاء
//! الماضي», «الشهر الماضي», «25 حزيران» without a year) carry a
//! [`Reference`] that says how to compute them from an anchor date (the
//! publication date); with an anchor their value is resolved, without one it
//! stays a TIMEX3 placeholder (see [`Reference::unresolved`]).

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::civil::CivilDate;
use crate::relative::Reference;
use crate::scan::{items, may_contain_timex, Item, ItemKind};

/// What kind of time expression a [`Timex`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimexKind {
    /// A calendar day: «2 كانون الثاني/يناير 2024», «13/9/2023», «25 شوال 1436هـ».
    Date,
    /// A day and a time of day: «13 أيلول 2023 , 12:08 م».
    Datetime,
    /// A time of day: «12:08 م», «الساعة العاشرة صباحاً».
    Time,
    /// A year: «عام 2019», «2015م», «1436 هـ» (Hijri years are an interval of days).
    Year,
    /// Several years: «عامي 2018 و2019», «الأعوام 2006 و2009 و2016».
    Years,
    /// A month: «سبتمبر 2023», «الشهر الماضي».
    Month,
    /// An ISO week: «الأسبوع الماضي».
    Week,
    /// A length of time: «أكثر من 18 شهرًا», «عام ونصف», «ساعتين».
    Duration,
    /// A day named by its weekday: «اليوم الأربعاء», «الثلاثاء الماضي», «يوم الجمعة».
    WeekdayRelative,
    /// Any other expression relative to the time of writing: «أمس», «غدا»,
    /// «قبل ثلاثة أيام», «في وقت سابق هذا الشهر», and the vague «مؤخراً», «الآن».
    Relative,
}

/// A TIMEX3-style value: one value, or a list for [`TimexKind::Years`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TimexValue {
    /// `2023-09-13`, `2023-09-13T12:08`, `T12:08`, `2023-09`, `2023`,
    /// `2024-W25`, `P18M`, `PT2H`, `P1Y6M`, a day interval
    /// `2014-10-25/2015-10-14` (Hijri years and months), `PAST_REF`,
    /// `PRESENT_REF`, `FUTURE_REF`, or an unresolved placeholder with `X`s.
    One(String),
    /// Years, in text order.
    Many(Vec<String>),
}

impl std::fmt::Display for TimexValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimexValue::One(v) => f.write_str(v),
            TimexValue::Many(vs) => f.write_str(&vs.join(",")),
        }
    }
}

/// A quantifier written before a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modifier {
    /// «أكثر من», «ما يزيد على».
    MoreThan,
    /// «أقل من».
    LessThan,
    /// «نحو», «حوالي», «قرابة», «ما يقرب من».
    Approx,
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Byte range of the whole expression in the original text, including a
    /// directly preceding signal word (في، خلال، منذ، قبل) or attached clitic
    /// («لأكثر من عام», «والآن»).
    pub span: Range<usize>,
    /// Byte range without the signal word and clitics.
    pub core: Range<usize>,
    pub kind: TimexKind,
    pub value: TimexValue,
    /// Quantifier of a duration, when one is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
    /// How the value follows from the anchor date, for expressions relative
    /// to the time of writing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
}

/// What a grammar read: its kind and either a fixed value or a reference to
/// resolve against the anchor.
pub(crate) enum Reading {
    Fixed(TimexValue),
    Relative(Reference),
}

/// A grammar's reading of the items `start..end`. The core starts after
/// `clitic` letters of the first item (a conjunction or preposition glued to
/// it: «والآن», «لأكثر»).
pub(crate) struct Hit {
    pub end: usize,
    pub kind: TimexKind,
    pub reading: Reading,
    pub modifier: Option<Modifier>,
    pub clitic: usize,
}

impl Hit {
    pub fn fixed(end: usize, kind: TimexKind, value: impl Into<String>) -> Hit {
        Hit { end, kind, reading: Reading::Fixed(TimexValue::One(value.into())), modifier: None, clitic: 0 }
    }

    pub fn relative(end: usize, kind: TimexKind, reference: Reference) -> Hit {
        Hit { end, kind, reading: Reading::Relative(reference), modifier: None, clitic: 0 }
    }
}

/// Signal words kept in a timex's whole span but not in its core.
const SIGNALS: &[&str] = &["في", "خلال", "منذ", "قبل"];

/// Substrings of the original text, one of which every word-only time
/// expression contains (digits are checked separately). Spelled as printed,
/// with the hamza variants news text uses.
pub(crate) const TRIGGER_STEMS: &[&str] = &[
    "يوم",
    "يام",
    "شهو",
    "أمس",
    "امس",
    "غد",
    "ساع",
    "دقيق",
    "دقائق",
    "ثوان",
    "ثانية",
    "سبوع",
    "سابيع",
    "شهر",
    "عام",
    "أعوام",
    "اعوام",
    "سنة",
    "سنه",
    "سنو",
    "سنين",
    "سنت",
    "عقد",
    "عقود",
    "قرن",
    "قرون",
    "ثنين",
    "ثلاثاء",
    "ربعاء",
    "خميس",
    "جمع",
    "سبت",
    "لأحد",
    "لاحد",
    "الآن",
    "الان",
    "مؤخر",
    "موخر",
    "ونة",
    "ونه",
    "حالي",
    "راهن",
    "مستقبل",
    "قريب",
    "سابق",
    "لاحق",
    "ماض",
    "مقبل",
    "قادم",
    "منصرم",
    "فائت",
    "صباح",
    "مساء",
    "ظهر",
    "فجر",
    "ليل",
    "عصر",
    "فتر",
    "زمن",
    "وقت",
    "يناير",
    "جانفي",
    "فبراير",
    "فيفري",
    "مارس",
    "بريل",
    "فريل",
    "مايو",
    "ماي",
    "يونيو",
    "يونيه",
    "جوان",
    "يوليو",
    "يوليه",
    "جويلية",
    "سطس",
    "أوت",
    "اوت",
    "غشت",
    "سبتمبر",
    "شتنبر",
    "كتوبر",
    "نوفمبر",
    "نونبر",
    "ديسمبر",
    "دجنبر",
    "كانون",
    "شباط",
    "ذار",
    "نيسان",
    "يار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "ايلول",
    "تشرين",
    "محرم",
    "صفر",
    "ربيع",
    "جماد",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "القعد",
    "الحج",
    "نصف",
];

/// The items of a text and the text itself, for the grammars.
pub(crate) struct Cx<'a> {
    pub text: &'a str,
    pub items: Vec<Item>,
}

impl Cx<'_> {
    /// The normalized text of item `i` ("" past the end).
    pub fn at(&self, i: usize) -> &str {
        self.items.get(i).map_or("", |it| it.text.as_str())
    }

    /// The normalized word at `i`, or "" when item `i` is not a word.
    pub fn word(&self, i: usize) -> &str {
        match self.items.get(i) {
            Some(it) if it.kind == ItemKind::Word => &it.text,
            _ => "",
        }
    }

    pub fn is_numeric(&self, i: usize) -> bool {
        self.items.get(i).is_some_and(|it| it.kind == ItemKind::Numeric)
    }

    pub fn is_other(&self, i: usize) -> bool {
        self.items.get(i).is_some_and(|it| it.kind == ItemKind::Other)
    }

    /// Whether the word at `i` is one of `words`.
    pub fn is_one_of(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        !w.is_empty() && words.contains(&w)
    }

    /// The word at `i` without a glued conjunction (و، ف) and/or preposition
    /// (ب، ل، ك), when `accept` takes the rest: returns the rest and the
    /// number of letters stripped. Tries the whole word first, so «وقت»
    /// stays «وقت».
    pub fn bare(&self, i: usize, accept: impl Fn(&str) -> bool) -> Option<(&str, usize)> {
        let mut rest = self.word(i);
        let mut stripped = 0;
        for clitics in [&[][..], &['و', 'ف'], &['ب', 'ل', 'ك']] {
            if let Some(c) = rest.chars().next().filter(|c| clitics.contains(c)) {
                rest = &rest[c.len_utf8()..];
                stripped += 1;
            }
            if !rest.is_empty() && accept(rest) {
                return Some((rest, stripped));
            }
        }
        None
    }

    /// Whether a line break separates items `i - 1` and `i`.
    pub fn line_break_before(&self, i: usize) -> bool {
        match (i.checked_sub(1).and_then(|p| self.items.get(p)), self.items.get(i)) {
            (Some(a), Some(b)) => self.text.get(a.span.end..b.span.start).is_some_and(|gap| gap.contains('\n')),
            _ => true,
        }
    }

    /// Byte offset in the original text after the first `letters` letters of
    /// item `i` (and the diacritics that follow them).
    fn after_letters(&self, i: usize, letters: usize) -> usize {
        let span = &self.items[i].span;
        let word = &self.text[span.clone()];
        let mut seen = 0;
        for (at, c) in word.char_indices() {
            let is_mark = marsad_text::normalize_str(c.encode_utf8(&mut [0; 4])).is_empty();
            if !is_mark {
                if seen == letters {
                    return span.start + at;
                }
                seen += 1;
            }
        }
        span.end
    }
}

/// Every time expression in `text`, in order, with values resolved against
/// `anchor` (the publication date) when one is given.
///
/// Recognized: Gregorian dates in every month-name system (also paired
/// «كانون الثاني/يناير» and numeric «13/9/2023», «2023-09-13»), Hijri dates
/// (converted with Umm al-Qura), years in a year context, months, times of
/// day, durations, weekdays, «أمس/اليوم/غدا», «الأسبوع/الشهر/العام الماضي»,
/// «قبل ثلاثة أيام», and vague references (`PAST_REF`, `PRESENT_REF`,
/// `FUTURE_REF`). Bare numbers are never read as years outside a year
/// context, and model names, decimals and scores («سو 35», «42.7»,
/// «كوفيد-19», «3-1») are not dates.
pub fn find_timexes(text: &str, anchor: Option<CivilDate>) -> Vec<Timex> {
    if !may_contain_timex(text) {
        return Vec::new();
    }
    let cx = Cx { text, items: items(text) };
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.items.len() {
        let Some(hit) = may_start(&cx, i).then(|| best_hit(&cx, i)).flatten() else {
            i += 1;
            continue;
        };
        let end = hit.end;
        out.push(to_timex(&cx, i, hit, anchor));
        i = end;
    }
    out
}

/// Words (normalized, without clitics) a time expression may start with,
/// gathered from the grammars' own tables: items that are none of them and
/// not numbers are skipped without trying every grammar.
fn starters() -> &'static HashSet<&'static str, BuildHasherDefault<Fnv>> {
    static STARTERS: OnceLock<HashSet<&'static str, BuildHasherDefault<Fnv>>> = OnceLock::new();
    STARTERS.get_or_init(|| {
        crate::absolute::starters()
            .chain(crate::duration::starters())
            .chain(crate::relative::starters())
            .chain(crate::lexicon::name_words())
            .collect()
    })
}

/// FNV-1a: the starter set is hit for every word of every text, and its keys
/// are short and not attacker-chosen, so SipHash's cost buys nothing here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Whether any grammar may start at item `i`.
fn may_start(cx: &Cx, i: usize) -> bool {
    cx.is_numeric(i) || cx.bare(i, |w| starters().contains(w)).is_some()
}

/// The longest reading starting at item `i`.
fn best_hit(cx: &Cx, i: usize) -> Option<Hit> {
    let grammars: [fn(&Cx, usize) -> Option<Hit>; 3] =
        [crate::absolute::read, crate::duration::read, crate::relative::read];
    grammars.iter().filter_map(|g| g(cx, i)).fold(None, longer)
}

/// Keeps the longer of two readings, the first one on ties.
pub(crate) fn longer(best: Option<Hit>, hit: Hit) -> Option<Hit> {
    match best {
        Some(b) if b.end >= hit.end => Some(b),
        _ => Some(hit),
    }
}

fn to_timex(cx: &Cx, i: usize, hit: Hit, anchor: Option<CivilDate>) -> Timex {
    let first = &cx.items[i];
    let last = &cx.items[hit.end - 1];
    let core = cx.after_letters(i, hit.clitic)..last.span.end;
    // A signal word may carry a conjunction («وفي», «ومنذ») but nothing else.
    let signal = i.checked_sub(1).filter(|&p| {
        let w = cx.word(p);
        SIGNALS.iter().any(|s| w == *s || w.strip_prefix(['و', 'ف']) == Some(s))
    });
    let start = signal.map_or(first.span.start, |p| cx.items[p].span.start);
    let (value, reference) = match hit.reading {
        Reading::Fixed(v) => (v, None),
        Reading::Relative(r) => (r.value(anchor), Some(r)),
    };
    Timex { span: start..core.end, core, kind: hit.kind, value, modifier: hit.modifier, reference }
}
