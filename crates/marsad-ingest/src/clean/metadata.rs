//! Title, outlet and publication date of an article.

use marsad_time::{CivilDate, TimeOfDay};
use serde::{Serialize, Serializer};

use super::furniture::{labelled_value, separated_parts, Furniture};
use super::lines::{line_key, Line};

/// Where a publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedBasis {
    /// A dateline in the article's text.
    Stated,
    /// Page, feed or record metadata.
    Metadata,
    /// Worked out from the article's own weekday references.
    Inferred,
}

/// When an article was published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub date: CivilDate,
    pub time: Option<TimeOfDay>,
    pub basis: PublishedBasis,
}

impl Published {
    pub fn stated(date: CivilDate, time: Option<TimeOfDay>) -> Self {
        Published { date, time, basis: PublishedBasis::Stated }
    }

    /// From an ISO 8601 timestamp or date in metadata («2015-07-21T02:51:32», «2023-09-13»).
    pub fn from_metadata(value: &str) -> Option<Self> {
        let value = value.trim();
        let date = CivilDate::parse_iso_prefix(value)?;
        let time = value
            .get(10..)
            .and_then(|rest| rest.strip_prefix(['T', ' ']))
            .and_then(|t| TimeOfDay::new(t.get(0..2)?.parse().ok()?, t.get(3..5)?.parse().ok()?));
        Some(Published { date, time, basis: PublishedBasis::Metadata })
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when the time is known.
    pub fn timestamp(&self) -> String {
        match self.time {
            Some(t) => format!("{}T{}", self.date, t),
            None => self.date.to_string(),
        }
    }
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.timestamp())
    }
}

/// Words that mark a name as a media outlet («القاهرة الإخبارية», «وكالة …»),
/// as line keys. Used only to tell «OUTLET - AUTHOR» bylines from «CITY - AGENCY».
const MEDIA_WORDS: &[&str] = &[
    "الاخباريه",
    "الاخبار",
    "اخبار",
    "نيوز",
    "news",
    "وكاله",
    "صحيفه",
    "جريده",
    "قناه",
    "موقع",
    "بوابه",
    "تلفزيون",
    "التلفزيون",
    "اذاعه",
    "برس",
    "press",
    "tv",
    "اليوم",
    "الرسمي",
    "شبكه",
    "مجله",
];

/// How many letters carry marks that matching normalization folds away
/// (hamza seats, diacritics): the more, the more careful the spelling.
fn care(s: &str) -> usize {
    s.chars().filter(|c| marsad_text::normalize_str(c.encode_utf8(&mut [0; 4])) != c.to_string()).count()
}

/// The outlet an article names in its own furniture:
/// 1. a source line, «المصدر: صدى البلد»;
/// 2. a name shared by two header lines («الموقع الرسمي | القاهرة الاخبارية» and «القاهرة الإخبارية - مازن إسلام»);
/// 3. the media-named side of a byline («قناة المساء - أحمد علي»).
pub fn stated_outlet(lines: &[Line<'_>], furniture: &[Option<Furniture>]) -> Option<String> {
    let furniture_lines = || lines.iter().zip(furniture).filter(|(_, f)| f.is_some()).map(|(l, _)| l);
    for line in furniture_lines() {
        if let Some(("المصدر" | "مصدر" | "مصدر الخبر", value)) = labelled_value(line) {
            if !value.is_empty() && value.split_whitespace().count() <= 5 {
                return Some(value.to_owned());
            }
        }
    }
    let parts: Vec<&str> = furniture_lines().filter_map(|l| separated_parts(l)).flatten().collect();
    let mut best: Option<&str> = None;
    for (i, a) in parts.iter().enumerate() {
        let ka = line_key(a);
        if ka.is_empty() {
            continue;
        }
        for b in &parts[i + 1..] {
            if line_key(b) == ka {
                // Of two spellings, keep the one written with more care (hamzas, diacritics).
                let pick = if care(b) > care(a) { *b } else { *a };
                best.get_or_insert(pick);
            }
        }
    }
    if let Some(b) = best {
        return Some(b.to_owned());
    }
    parts
        .iter()
        .find(|p| p.split_whitespace().count() <= 4 && line_key(p).split(' ').any(|w| MEDIA_WORDS.contains(&w)))
        .map(|p| (*p).to_owned())
}
