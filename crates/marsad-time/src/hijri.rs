//! Hijri (Islamic) dates, converted with the Umm al-Qura calendar.
//!
//! Saudi and Gulf papers date articles and events in the Hijri calendar
//! («25 شوال 1436هـ»). Umm al-Qura is the official Saudi calendar; ICU4X ships
//! its month table (KACST data, 1300–1600 AH) inside `icu_calendar`, and
//! falls back to the tabular algorithm outside that range. Other countries
//! fix month starts by sighting the moon, which may differ by a day, so a
//! converted date is exact for Saudi sources and ±1 day elsewhere.

use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};

use crate::civil::CivilDate;

/// Years a written Hijri year may plausibly have in news text (1883–2077 CE).
pub(crate) const PLAUSIBLE_YEARS: std::ops::RangeInclusive<u32> = 1300..=1500;

fn civil(iso: &Date<Iso>) -> Option<CivilDate> {
    CivilDate::new(iso.year().extended_year(), iso.month().ordinal, iso.day_of_month().0)
}

/// The Gregorian date of Hijri `year-month-day` (Umm al-Qura); `None` when the
/// day does not exist (day 30 of a 29-day month).
pub fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Option<CivilDate> {
    let date = Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    civil(&date.to_calendar(Iso))
}

/// The Umm al-Qura Hijri `(year, month, day)` of a Gregorian date.
pub fn gregorian_to_hijri(date: CivilDate) -> Option<(i32, u8, u8)> {
    let iso = Date::try_new_iso(date.year, date.month, date.day).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((h.year().extended_year(), h.month().ordinal, h.day_of_month().0))
}

/// The Gregorian days a Hijri year spans, first and last.
pub fn hijri_year_span(year: i32) -> Option<(CivilDate, CivilDate)> {
    let first = hijri_to_gregorian(year, 1, 1)?;
    let next = hijri_to_gregorian(year + 1, 1, 1)?;
    Some((first, next.add_days(-1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umm_al_qura_conversions() {
        // «الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م» (SPA dateline).
        assert_eq!(hijri_to_gregorian(1436, 10, 26).map(|d| d.to_string()).as_deref(), Some("2015-08-11"));
        // 1 Ramadan 1445 was Monday 11 March 2024 in Saudi Arabia.
        assert_eq!(hijri_to_gregorian(1445, 9, 1).map(|d| d.to_string()).as_deref(), Some("2024-03-11"));
        assert_eq!(gregorian_to_hijri(CivilDate { year: 2015, month: 8, day: 11 }), Some((1436, 10, 26)));
        assert_eq!(hijri_to_gregorian(1436, 13, 1), None);
        let (first, last) = hijri_year_span(1436).expect("in range");
        assert_eq!((first.to_string(), last.to_string()), ("2014-10-25".into(), "2015-10-13".into()));
    }
}
