//! Full-text search over marsad's documents: a tantivy index with an
//! Arabic-aware analyzer.
//!
//! * [`analyzer`] — how text becomes terms: marsad's tokenizer, matching
//!   normalization, proclitic splitting and light stemming, with offsets into
//!   the original text.
//! * [`query`] — what a [`SearchQuery`] matches: words (AND), quoted phrases,
//!   names through their spelling variants, filters.
//! * [`snippet`] — the excerpt shown with each hit.
//!
//! ```
//! use marsad_search::{SearchDocument, SearchIndex, SearchQuery};
//!
//! let index = SearchIndex::in_memory()?;
//! let mut writer = index.writer()?;
//! writer.upsert(&SearchDocument {
//!     id: "d1".into(),
//!     title: "قمة في موسكو".into(),
//!     text: "وصل والزعيم الكوري إلى موسكو.".into(),
//!     ..SearchDocument::default()
//! })?;
//! writer.commit("1")?;
//! let results = index.search(&SearchQuery::new("\"الزعيم الكوري\""))?;
//! assert_eq!(results.hits[0].id, "d1");
//! assert_eq!(results.hits[0].snippet.to_html(), "وصل <mark>والزعيم</mark> <mark>الكوري</mark> إلى موسكو.");
//! # Ok::<(), marsad_search::SearchError>(())
//! ```

pub mod analyzer;
mod document;
mod error;
mod index;
mod names;
pub mod query;
mod schema;
pub mod snippet;

pub use document::{SearchDocument, SearchEntity};
pub use error::{Result, SearchError};
pub use index::{Hit, SearchIndex, SearchResults, SearchWriter};
pub use query::SearchQuery;
pub use snippet::Snippet;
