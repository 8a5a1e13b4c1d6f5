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

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_ingest::{Cleaner, Origin, RawArticle};

    #[test]
    fn offsets_are_characters_that_slice_back_to_the_text() {
        let text =
            "قالَ الرئيس الفرنسي إيمانويل ماكرون في باريس إن فرنسا ستدعم الاتفاق.\nوأضاف ماكرون أن المحادثات ستستمر.";
        let raw = RawArticle::new("t", "t.txt", Origin::Text, text);
        let article = Cleaner::new().clean(&raw).remove(0);
        let doc = Analyzer::new().analyze(article);
        let chars: Vec<char> = doc.text.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        assert_eq!(doc.sentences.len(), 2);
        assert!(slice(doc.sentences[1].start, doc.sentences[1].end).starts_with("وأضاف"));
        let macron =
            doc.entities.iter().find(|e| e.mentions.iter().any(|m| m.text.contains("ماكرون"))).expect("Macron");
        assert_eq!(macron.kind, "PERSON");
        assert!(macron.mentions.len() >= 2, "full name and surname are one entity: {macron:?}");
        for m in &macron.mentions {
            assert_eq!(slice(m.start, m.end), m.text);
        }
    }
}
