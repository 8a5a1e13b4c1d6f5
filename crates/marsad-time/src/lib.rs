//! Arabic date and time expressions.
//!
//! This crate owns every rule about calendars in marsad: month and weekday
//! names in the Levantine/Iraqi (كانون الثاني), Egyptian/Gulf (يناير) and
//! Maghrebi (جانفي) systems, numeric dates, Hijri dates (Umm al-Qura), and
//! times of day.
//!
//! * [`parse_dateline`] / [`find_datetime`] read a stated publication date
//!   such as «13 أيلول 2023 , 12:08 م».
//! * [`find_timexes`] finds every time expression in running text (dates,
//!   years, months, weeks, times, durations, weekdays, «أمس», «الشهر
//!   الماضي», «مؤخراً») with TIMEX3-style values resolved against an anchor
//!   date, usually the publication date.
//! * [`infer_publication_date`] works a publication date out of a text's own
//!   weekday and day references when no dateline gives it.

mod absolute;
pub mod civil;
pub mod dateline;
mod duration;
pub mod hijri;
pub mod lexicon;
pub mod publication;
pub mod relative;
mod scan;
pub mod timex;

pub use civil::{CivilDate, TimeOfDay};
pub use dateline::{find_datetime, parse_dateline, DateTimeMatch};
pub use hijri::{gregorian_to_hijri, hijri_to_gregorian};
pub use publication::{infer_publication_date, PublicationBasis, PublicationDate};
pub use relative::{Reference, Tense, WeekdayReading};
pub use timex::{find_timexes, Modifier, Timex, TimexKind, TimexValue};
