//! What a user asks for, and how it becomes a tantivy query.
//!
//! Users never see tantivy's query syntax. The text of a [`SearchQuery`] is
//! read here:
//!
//! * Words outside quotes must **all** match (AND), each in the title or the
//!   text, in any form with the same light stem. A title match weighs more,
//!   and so does the exact form (see [`crate::analyzer::Analysis::Exact`]).
//! * A quoted part (`"…"`, `«…»`, `“…”`) is a **phrase**: its words adjacent
//!   and in order, in the title or the text. Because phrases compare stems at
//!   word positions, "الزعيم الكوري" matches "والزعيم الكوري".
//! * **Names through their spelling variants.** A run of up to
//!   [`MAX_NAME_WORDS`] query words whose name key
//!   ([`marsad_entities::variant::name_key`]) is the key of some entity name
//!   in the index is read as that name: the run matches a document where its
//!   words occur as a phrase **or** whose entities have a name with that key.
//!   So "بيونغ يانغ" finds a document that only writes "بيونج يانج" or
//!   "بيونجيانج", and "كيم جونغ أون" finds one that names him only "كيم" when
//!   the entity resolver gave that mention his id (the store then lists his
//!   full name among the entity's names). The longest run starting at a word
//!   wins; a run is only a name when the index knows the key, so ordinary
//!   words are never read as names by accident of their key alone.
//! * Filters (outlet, date range, entity, story) must all hold and do not
//!   change scores.

use std::collections::BTreeSet;
use std::ops::Bound;

use serde::{Deserialize, Serialize};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::analyzer::Analysis;
use crate::document::parse_day;
use crate::error::{Result, SearchError};
use crate::schema::Fields;

/// Longest run of query words tried as one name ("محمد بن سلمان آل سعود" has five).
pub const MAX_NAME_WORDS: usize = 5;
/// Hits returned when a query does not say.
pub const DEFAULT_LIMIT: usize = 10;
/// Most hits one query returns; larger limits are lowered to it.
pub const MAX_LIMIT: usize = 1_000;
/// Largest offset honoured; larger offsets are lowered to it.
pub const MAX_OFFSET: usize = 100_000;

/// Weight of a title match relative to a text match.
const TITLE_BOOST: f32 = 2.0;
/// Weight of an exact-form match, added to the stem match it implies.
const EXACT_BOOST: f32 = 0.5;

/// A search: words, filters and the page of hits wanted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    /// Words and quoted phrases (see the module docs). May be empty when a filter is given.
    pub text: String,
    /// Only documents of this outlet (its name, up to spelling variants
    /// the matching normalization folds: hamza, alef, ta marbuta, spacing).
    pub outlet: Option<String>,
    /// Only documents published on or after this day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Only documents published on or before this day, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Only documents naming this entity id.
    pub entity: Option<String>,
    /// Only documents of this story id.
    pub story: Option<String>,
    /// Hits wanted (at most [`MAX_LIMIT`]); 0 counts without returning hits.
    pub limit: usize,
    /// Hits to skip, for paging.
    pub offset: usize,
}

impl Default for SearchQuery {
    fn default() -> Self {
        SearchQuery {
            text: String::new(),
            outlet: None,
            from: None,
            to: None,
            entity: None,
            story: None,
            limit: DEFAULT_LIMIT,
            offset: 0,
        }
    }
}

impl SearchQuery {
    /// A query for `text` with no filter and the default page.
    pub fn new(text: impl Into<String>) -> Self {
        SearchQuery { text: text.into(), ..SearchQuery::default() }
    }
}

/// One word of the query text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QueryWord {
    /// As typed.
    pub surface: String,
    /// Its [`Analysis::Stem`] term.
    pub stem: String,
    /// Its [`Analysis::Exact`] term.
    pub exact: String,
}

/// A quoted or unquoted stretch of the query text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment {
    pub quoted: bool,
    pub words: Vec<QueryWord>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '“' | '”' | '„' | '＂')
}

/// The segments of a query text, in order; empty segments are dropped. An
/// unclosed quote runs to the end of the text.
pub(crate) fn parse_text(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    for (i, part) in text.split(is_quote).enumerate() {
        let words: Vec<QueryWord> = marsad_text::tokenize(part)
            .filter(|t| t.kind.is_word())
            .filter_map(|t| {
                let normalized = marsad_text::normalize_str(t.text);
                let stem = Analysis::Stem.term(&normalized).to_owned();
                let exact = Analysis::Exact.term(&normalized).to_owned();
                (!stem.is_empty()).then(|| QueryWord { surface: t.text.to_owned(), stem, exact })
            })
            .collect();
        if !words.is_empty() {
            segments.push(Segment { quoted: i % 2 == 1, words });
        }
    }
    segments
}

/// A query ready to run, with what its snippets should highlight.
pub(crate) struct CompiledQuery {
    pub query: Box<dyn Query>,
    /// Stem terms of every query word.
    pub stems: BTreeSet<String>,
    /// Indexed name terms the query's names matched (see [`crate::names`]).
    pub names: BTreeSet<String>,
}

/// Builds the tantivy query for `q`. `searcher` tells which name keys the index knows.
pub(crate) fn compile(q: &SearchQuery, fields: &Fields, searcher: &Searcher) -> Result<CompiledQuery> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut stems = BTreeSet::new();
    let mut matched_names = BTreeSet::new();
    for segment in parse_text(&q.text) {
        stems.extend(segment.words.iter().map(|w| w.stem.clone()));
        let words = &segment.words;
        if segment.quoted {
            let names = indexed_names(words, fields, searcher)?;
            clauses.push((Occur::Must, name_or_phrase(words, &names, fields)));
            matched_names.extend(names);
            continue;
        }
        let mut i = 0;
        while i < words.len() {
            let mut run = (1, Vec::new());
            for len in (1..=MAX_NAME_WORDS.min(words.len() - i)).rev() {
                let names = indexed_names(&words[i..i + len], fields, searcher)?;
                if !names.is_empty() {
                    run = (len, names);
                    break;
                }
            }
            let (len, names) = run;
            clauses.push((Occur::Must, name_or_phrase(&words[i..i + len], &names, fields)));
            matched_names.extend(names);
            i += len;
        }
    }
    let has_words = !clauses.is_empty();
    let filters = filters(q, fields)?;
    if !has_words && filters.is_empty() {
        return Err(SearchError::EmptyQuery);
    }
    if !has_words {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    for filter in filters {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
    }
    Ok(CompiledQuery { query: Box::new(BooleanQuery::new(clauses)), stems, names: matched_names })
}

/// The indexed entity names that `words`, read as one name, match.
fn indexed_names(words: &[QueryWord], fields: &Fields, searcher: &Searcher) -> Result<Vec<String>> {
    let name = words.iter().map(|w| w.surface.as_str()).collect::<Vec<_>>().join(" ");
    crate::names::indexed_matches(&name, fields, searcher)
}

/// `words` as a phrase (one word: as a word) in the title or text, or any
/// document with an entity named by one of `names` (indexed name terms).
fn name_or_phrase(words: &[QueryWord], names: &[String], fields: &Fields) -> Box<dyn Query> {
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = match words {
        [word] => vec![
            (Occur::Should, boost(term(fields.title, &word.stem), TITLE_BOOST)),
            (Occur::Should, term(fields.text, &word.stem)),
            (Occur::Should, boost(term(fields.exact, &word.exact), EXACT_BOOST)),
        ],
        _ => vec![
            (Occur::Should, boost(phrase(fields.title, words), TITLE_BOOST)),
            (Occur::Should, phrase(fields.text, words)),
        ],
    };
    for name in names {
        alternatives.push((Occur::Should, term(fields.name_key, name)));
    }
    Box::new(BooleanQuery::new(alternatives))
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
}

/// A phrase of at least two words.
fn phrase(field: Field, words: &[QueryWord]) -> Box<dyn Query> {
    let terms = words.iter().map(|w| Term::from_field_text(field, &w.stem)).collect();
    Box::new(PhraseQuery::new(terms))
}

fn boost(query: Box<dyn Query>, by: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, by))
}

/// The filter queries of `q`.
fn filters(q: &SearchQuery, fields: &Fields) -> Result<Vec<Box<dyn Query>>> {
    let mut filters: Vec<Box<dyn Query>> = Vec::new();
    let outlet = q.outlet.as_deref().map(crate::schema::outlet_key);
    for (field, value) in
        [(fields.outlet_key, outlet.as_ref()), (fields.entity, q.entity.as_ref()), (fields.story, q.story.as_ref())]
    {
        if let Some(value) = value {
            filters.push(Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic)));
        }
    }
    let day = |name: &'static str, value: &Option<String>| -> Result<Bound<Term>> {
        match value {
            None => Ok(Bound::Unbounded),
            Some(v) => parse_day(v)
                .map(|d| Bound::Included(Term::from_field_i64(fields.day, d)))
                .ok_or_else(|| SearchError::InvalidDate { field: name, value: v.clone() }),
        }
    };
    let (from, to) = (day("from", &q.from)?, day("to", &q.to)?);
    if !matches!((&from, &to), (Bound::Unbounded, Bound::Unbounded)) {
        filters.push(Box::new(RangeQuery::new(from, to)));
    }
    Ok(filters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(segment: &Segment) -> Vec<&str> {
        segment.words.iter().map(|w| w.stem.as_str()).collect()
    }

    #[test]
    fn quotes_make_phrases() {
        let segments = parse_text("قمة \"الزعيم الكوري\" «بوتين» روسيا");
        let shape: Vec<(bool, Vec<&str>)> = segments.iter().map(|s| (s.quoted, stems(s))).collect();
        assert_eq!(
            shape,
            [(false, vec!["قمه"]), (true, vec!["زعيم", "كوري"]), (true, vec!["بوتين"]), (false, vec!["روسيا"])]
        );
    }

    #[test]
    fn unclosed_quote_runs_to_the_end_and_punctuation_is_no_word() {
        let segments = parse_text("روسيا \"الزعيم الكوري");
        assert_eq!(segments.len(), 2);
        assert!(segments[1].quoted);
        assert!(parse_text(" ؟! \"\" «» ").is_empty());
        assert!(parse_text("").is_empty());
    }
}
