//! Arabic date and time expressions.
//!
//! This crate owns every rule about calendars in marsad: month and weekday
//! names in the Levantine/Iraqi (كانون الثاني), Egyptian/Gulf (يناير) and
//! Maghrebi (جانفي) systems, numeric dates, and times of day. The spine uses
//! it to read a publication date from a dateline such as
//! «13 أيلول 2023 , 12:08 م»; the analysis of date expressions in running
//! text builds on the same lexicon.

pub mod civil;
pub mod dateline;
pub mod lexicon;

pub use civil::{CivilDate, TimeOfDay};
pub use dateline::{find_datetime, parse_dateline, DateTimeMatch};
