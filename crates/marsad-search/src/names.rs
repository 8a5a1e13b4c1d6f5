//! Entity names in the index, matched across spelling variants.
//!
//! Every name of a document's entities is indexed in the `name_key` field as
//! one raw term, `KEY \u{1} SPELLING`: its variant key
//! ([`marsad_entities::variant::name_key`]) and its normalized spelling. The
//! key alone is too coarse to match on — it drops long vowels, so "الملك"
//! and "المالكي" share one — so a query name is looked up by its key (a
//! prefix range over the term dictionary, a handful of terms) and each
//! spelling found is kept only if [`marsad_entities::variant::same_keyed`]
//! agrees it is the same name (edits within a third of its length):
//! "بيونغ يانغ" keeps "بيونج يانج" and "بيونجيانج", "الملك" drops "المالكي".

use tantivy::{Searcher, TantivyError};

use crate::error::Result;
use crate::schema::Fields;

/// Between the key and the spelling in a term; sorts before every letter,
/// so a key's terms are one contiguous range.
const SEPARATOR: char = '\u{1}';

/// One way to read a name: its key and its normalized spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameVariant {
    pub key: String,
    pub spelling: String,
}

impl NameVariant {
    fn new(name: &str) -> Option<Self> {
        let spelling = marsad_text::normalize_str(name).split_whitespace().collect::<Vec<_>>().join(" ");
        let key = marsad_entities::variant::name_key(&spelling);
        (!key.is_empty()).then_some(NameVariant { key, spelling })
    }

    /// The index term.
    pub fn term(&self) -> String {
        format!("{}{SEPARATOR}{}", self.key, self.spelling)
    }

    fn from_term(term: &str) -> Option<Self> {
        let (key, spelling) = term.split_once(SEPARATOR)?;
        Some(NameVariant { key: key.to_owned(), spelling: spelling.to_owned() })
    }

    /// Whether two readings name the same thing (equal keys, close spellings).
    pub fn same_as(&self, other: &NameVariant) -> bool {
        marsad_entities::variant::same_keyed(&self.spelling, &self.key, &other.spelling, &other.key)
    }
}

/// The readings of a name: as written, and (when a proclitic is attached to
/// its first word, "لبيونج يانج") without the proclitic.
pub(crate) fn variants(name: &str) -> Vec<NameVariant> {
    let whole = NameVariant::new(name);
    let bare = whole.as_ref().and_then(|w| {
        let (first, rest) = w.spelling.split_once(' ').unwrap_or((&w.spelling, ""));
        let stripped = marsad_text::strip_proclitics(first);
        (stripped.len() < first.len()).then(|| NameVariant::new(&format!("{stripped} {rest}"))).flatten()
    });
    whole.into_iter().chain(bare).collect()
}

/// The indexed name terms that `name` matches: same key, close spelling.
pub(crate) fn indexed_matches(name: &str, fields: &Fields, searcher: &Searcher) -> Result<Vec<String>> {
    let mut matches: Vec<String> = Vec::new();
    for wanted in variants(name) {
        let from = format!("{}{SEPARATOR}", wanted.key);
        let to = format!("{}{}", wanted.key, char::from_u32(SEPARATOR as u32 + 1).unwrap_or(SEPARATOR));
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(fields.name_key)?;
            let mut terms = inverted.terms().range().ge(&from).lt(&to).into_stream().map_err(TantivyError::from)?;
            while terms.advance() {
                let Ok(term) = std::str::from_utf8(terms.key()) else { continue };
                if matches.iter().any(|m| m == term) {
                    continue;
                }
                if NameVariant::from_term(term).is_some_and(|indexed| indexed.same_as(&wanted)) {
                    matches.push(term.to_owned());
                }
            }
        }
    }
    Ok(matches)
}

/// Whether `name` (a run of a document's text) is one of the matched `terms`.
pub(crate) fn matches_any(name: &str, terms: &[NameVariant]) -> bool {
    variants(name).iter().any(|v| terms.iter().any(|t| t.same_as(v)))
}

/// The variants of matched terms (from [`indexed_matches`]).
pub(crate) fn parse_terms<'a>(terms: impl IntoIterator<Item = &'a String>) -> Vec<NameVariant> {
    terms.into_iter().filter_map(|t| NameVariant::from_term(t)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_clitic_gives_a_second_reading() {
        let key = marsad_entities::variant::name_key("بيونغ يانغ");
        let readings = variants("لبيونج  يانج");
        assert_eq!(readings.len(), 2);
        assert_ne!(readings[0].key, key, "the key alone keeps the ل");
        assert_eq!(readings[1], NameVariant { key, spelling: "بيونج يانج".into() });
        assert!(variants("  ").is_empty());
    }

    #[test]
    fn same_key_is_not_enough() {
        let king = &variants("الملك")[0];
        let maliki = &variants("المالكي")[0];
        assert_eq!(king.key, maliki.key, "vowel-less keys collide");
        assert!(!king.same_as(maliki));
        assert!(variants("بيونغ يانغ")[0].same_as(&variants("بيونجيانج")[0]));
        let term = king.term();
        assert_eq!(NameVariant::from_term(&term).as_ref(), Some(king));
    }
}
