//! Named entities in Arabic news: recognition and canonical entities.
//!
//! [`recognize`] finds mentions (gazetteer, statistical tagger, shape rules);
//! [`resolve::group`] merges the mentions of a document into entities and
//! [`resolve::resolve_corpus`] makes ids agree across documents. The
//! spelling-variant rule lives in [`variant`].

pub mod conll;
pub mod gazetteer;
pub mod kind;
pub mod recognize;
pub mod resolve;
pub mod variant;

pub use kind::EntityKind;
pub use recognize::recognize;
pub use resolve::{group, resolve_corpus, CorpusEntity, DocEntity, EntityMention};

/// The entities of one text, grouped.
pub fn entities(text: &str) -> Vec<DocEntity> {
    group(text, recognize(text))
}
