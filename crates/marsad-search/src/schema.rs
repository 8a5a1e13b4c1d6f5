//! The index schema: which field holds what, and how it is analyzed.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use crate::analyzer::{EXACT_TOKENIZER, STEM_TOKENIZER};

/// The fields of the index. Field names are part of the on-disk format:
/// renaming one makes old indexes fail to open with a schema error.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// The document id, raw: the key for replacing and deleting a document.
    pub id: Field,
    /// Title, stemmed, with positions (phrases), stored (results).
    pub title: Field,
    /// Body text, stemmed, with positions, stored (snippets).
    pub text: Field,
    /// Title and text again, exact forms (see [`crate::analyzer::Analysis::Exact`]): scoring only.
    pub exact: Field,
    /// Outlet name as given, stored only.
    pub outlet: Field,
    /// Outlet name as matched by the filter: see [`outlet_key`].
    pub outlet_key: Field,
    /// Publication date as written (`YYYY-MM-DD`), stored only.
    pub published: Field,
    /// Publication date as days since 1970-01-01, for date ranges.
    pub day: Field,
    /// Story id, raw.
    pub story: Field,
    /// Entity ids, raw, one value per entity.
    pub entity: Field,
    /// Every name and mention of the document's entities as `KEY \u{1} SPELLING`
    /// (see [`crate::names`]), raw.
    pub name_key: Field,
}

impl Fields {
    /// The schema of a new index.
    pub fn schema() -> Schema {
        let mut b = Schema::builder();
        let analyzed = |tokenizer: &str, record: IndexRecordOption| {
            TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record)
        };
        let stemmed = TextOptions::default()
            .set_indexing_options(analyzed(STEM_TOKENIZER, IndexRecordOption::WithFreqsAndPositions))
            .set_stored();
        let exact =
            TextOptions::default().set_indexing_options(analyzed(EXACT_TOKENIZER, IndexRecordOption::WithFreqs));
        b.add_text_field("id", STRING | STORED);
        b.add_text_field("title", stemmed.clone());
        b.add_text_field("text", stemmed);
        b.add_text_field("exact", exact);
        b.add_text_field("outlet", STORED);
        b.add_text_field("outlet_key", STRING);
        b.add_text_field("published", STORED);
        b.add_i64_field("day", NumericOptions::default() | INDEXED | FAST);
        b.add_text_field("story", STRING | STORED);
        b.add_text_field("entity", STRING);
        b.add_text_field("name_key", STRING);
        b.build()
    }

    /// The fields of an index's schema, by name.
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        Ok(Fields {
            id: schema.get_field("id")?,
            title: schema.get_field("title")?,
            text: schema.get_field("text")?,
            exact: schema.get_field("exact")?,
            outlet: schema.get_field("outlet")?,
            outlet_key: schema.get_field("outlet_key")?,
            published: schema.get_field("published")?,
            day: schema.get_field("day")?,
            story: schema.get_field("story")?,
            entity: schema.get_field("entity")?,
            name_key: schema.get_field("name_key")?,
        })
    }
}

/// The form of an outlet name that the outlet filter compares: matching
/// normalization, whitespace runs as one space, trimmed — so "الشرق الاوسط"
/// finds "الشرق الأوسط".
pub(crate) fn outlet_key(outlet: &str) -> String {
    marsad_text::normalize_str(outlet).split_whitespace().collect::<Vec<_>>().join(" ")
}
