//! Per-document analysis.
//!
//! An [`Analyzer`] turns a clean [`Article`] into a [`Document`]: its
//! sentences, entities, quotations and dates,
//! each with character offsets into the document's text. [`pipeline`] runs
//! the whole path from the paths a user named to documents.
//!
//! [`Article`]: marsad_ingest::Article

pub mod document;
pub mod pipeline;

pub use document::{DateMention, Document, Entity, Mention, Quote, ReusedSentence, Sentence, Speaker};
pub use pipeline::{analyze_articles, analyze_inputs, Corpus, Options, Progress};

use marsad_ingest::{Article, Cleaner, Origin, RawArticle};
use marsad_quotes::NamedSpan;
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
        let text = &article.text;
        let chars = CharIndex::new(text);
        let sentence_bytes = marsad_text::split_sentences(text);
        let sentences = sentence_bytes
            .iter()
            .map(|r| Sentence { start: chars.char_offset(r.start), end: chars.char_offset(r.end) })
            .collect();
        let found = marsad_entities::entities(text);
        let mut names: Vec<NamedSpan> = found
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                let person = e.kind == marsad_entities::EntityKind::Person;
                e.mentions.iter().map(move |m| NamedSpan { span: m.span.clone(), entity: i, person })
            })
            .collect();
        names.sort_by_key(|n| n.span.start);
        let quotes = marsad_quotes::find_quotes(text, &sentence_bytes, &names);
        let entities: Vec<Entity> = found.into_iter().map(|e| Entity::from_doc_entity(e, &chars)).collect();
        let quotes = quotes.into_iter().map(|q| Quote::from_found(q, text, &chars, &entities)).collect();
        let dates = DateMention::find_all(text, article.published.map(|p| p.date), &chars);
        let mut doc = Document::new(article, sentences);
        doc.dates = dates;
        doc.entities = entities;
        doc.quotes = quotes;
        doc
    }

    /// The analysis of a plain text, cleaned as a `.txt` file named `id`
    /// would be: one document per article the cleaner finds in it (none for
    /// an empty text). For library users and tests that start from a string.
    pub fn analyze_text(&self, id: &str, text: &str) -> Vec<Document> {
        let raw = RawArticle::new(id, format!("{id}.txt"), Origin::Text, text);
        Cleaner::new().clean(&raw).into_iter().map(|a| self.analyze(a)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_characters_that_slice_back_to_the_text() {
        let text =
            "قالَ الرئيس الفرنسي إيمانويل ماكرون في باريس إن فرنسا ستدعم الاتفاق.\nوأضاف ماكرون أن المحادثات ستستمر.";
        let doc = Analyzer::new().analyze_text("t", text).remove(0);
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
        let json = serde_json::to_string(&doc).expect("serializes");
        let back: Document = serde_json::from_str(&json).expect("a stored document reads back");
        assert_eq!(back, doc);
        for (s, bytes) in doc.sentences.iter().zip(doc.sentence_bytes()) {
            assert_eq!(slice(s.start, s.end), &doc.text[bytes], "sentence byte ranges slice the same sentences");
        }
    }
}
