//! Per-document analysis.
//!
//! An [`Analyzer`] turns a clean [`Article`] into a [`Document`]: its
//! sentences, and (as later stages land) its entities, quotations and dates,
//! each with character offsets into the document's text. [`pipeline`] runs
//! the whole path from the paths a user named to documents.
//!
//! [`Article`]: marsad_ingest::Article

pub mod document;
pub mod pipeline;

pub use document::{DateMention, Document, Entity, Mention, Quote, Sentence, Speaker};
pub use marsad_entities::resolve_corpus;
pub use pipeline::{analyze_inputs, Corpus, Options, Progress};

use marsad_ingest::Article;
use marsad_text::CharIndex;

/// Analyzes articles. Cheap to share across threads.
#[derive(Debug, Default)]
pub struct Analyzer {}

impl Analyzer {
    pub fn new() -> Self {
        Analyzer {}
    }

    /// The analysis of one article.
    pub fn analyze(&self, article: Article) -> Document {
        let chars = CharIndex::new(&article.text);
        let sentences = marsad_text::split_sentences(&article.text)
            .into_iter()
            .map(|r| Sentence { start: chars.char_offset(r.start), end: chars.char_offset(r.end) })
            .collect();
        let entities = marsad_entities::entities(&article.text);
        let mut doc = Document::new(article, sentences);
        doc.entities = entities.into_iter().map(|e| Entity::from_doc_entity(e, &chars)).collect();
        doc
    }
}
