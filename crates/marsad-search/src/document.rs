//! What the index takes in: one document with its entities.

use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;

use crate::error::{Result, SearchError};
use crate::schema::Fields;

/// One document to index: an analyzed document's searchable parts
/// (`SearchDocument::from(&document)`), or built field by field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDocument {
    /// Unique id; indexing a document with an id already in the index replaces it.
    pub id: String,
    pub title: String,
    /// Outlet name; the filter compares it under the matching normalization.
    pub outlet: String,
    /// Publication date, `YYYY-MM-DD` (anything after the tenth character,
    /// such as a time, is ignored). A date that does not parse is shown but
    /// the document cannot match a date filter.
    pub published: Option<String>,
    /// Id of the story the document belongs to.
    pub story: Option<String>,
    /// The body text; snippets are cut from it.
    pub text: String,
    /// The document's entities.
    pub entities: Vec<SearchEntity>,
}

impl From<&marsad_analyze::Document> for SearchDocument {
    fn from(doc: &marsad_analyze::Document) -> Self {
        SearchDocument {
            id: doc.id.clone(),
            title: doc.title.clone().unwrap_or_default(),
            outlet: doc.outlet.clone().unwrap_or_default(),
            published: doc.published.clone(),
            story: doc.story.clone(),
            text: doc.text.clone(),
            entities: doc
                .entities
                .iter()
                .map(|e| {
                    let mut names: Vec<String> = vec![e.name.clone()];
                    for m in &e.mentions {
                        if !names.contains(&m.text) {
                            names.push(m.text.clone());
                        }
                    }
                    SearchEntity { id: e.id.clone(), names }
                })
                .collect(),
        }
    }
}

/// One entity of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchEntity {
    /// Entity id, the same across documents for the same entity.
    pub id: String,
    /// Its names: the display name and the surface form of every mention
    /// ("كيم جونغ أون", "كيم"). Each one's name key is indexed, so a query
    /// spelling any of them another way finds the document.
    pub names: Vec<String>,
}

impl SearchDocument {
    /// The tantivy document for the index.
    pub(crate) fn to_tantivy(&self, fields: &Fields) -> Result<TantivyDocument> {
        if self.id.trim().is_empty() {
            return Err(SearchError::EmptyId);
        }
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.id, &self.id);
        doc.add_text(fields.title, &self.title);
        doc.add_text(fields.text, &self.text);
        doc.add_text(fields.exact, &self.title);
        doc.add_text(fields.exact, &self.text);
        doc.add_text(fields.outlet, &self.outlet);
        doc.add_text(fields.outlet_key, crate::schema::outlet_key(&self.outlet));
        if let Some(published) = &self.published {
            doc.add_text(fields.published, published);
            if let Some(day) = parse_day(published) {
                doc.add_i64(fields.day, day);
            }
        }
        if let Some(story) = &self.story {
            doc.add_text(fields.story, story);
        }
        let mut names: Vec<String> = Vec::new();
        for entity in &self.entities {
            doc.add_text(fields.entity, &entity.id);
            for name in &entity.names {
                names.extend(crate::names::variants(name).iter().map(|v| v.term()));
            }
        }
        names.sort_unstable();
        names.dedup();
        for name in names {
            doc.add_text(fields.name_key, name);
        }
        Ok(doc)
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian), or
/// `None` when it is not one. Anything after the date (a time) is ignored.
pub(crate) fn parse_day(date: &str) -> Option<i64> {
    let head = date.trim().get(..10)?;
    let mut parts = head.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let number = |s: &str| s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse::<i64>().ok()).flatten();
    let (y, m, d) = (number(y)?, number(m)?, number(d)?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_epoch() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("1970-01-02"), Some(1));
        assert_eq!(parse_day("1969-12-31"), Some(-1));
        assert_eq!(parse_day("2000-03-01"), Some(11_017));
        assert_eq!(parse_day("2023-09-13"), Some(19_613));
        assert_eq!(parse_day("2024-02-29"), Some(19_782));
        assert_eq!(parse_day("2023-09-13T10:00:00Z"), Some(19_613));
        for bad in ["", "2023-9-13", "2023-02-29", "2023-13-01", "2023-00-10", "٢٠٢٣-٠٩-١٣", "yyyy-mm-dd", "2023/09/13"]
        {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}
