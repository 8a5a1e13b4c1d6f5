//! The crate's one error type.

use std::path::PathBuf;

/// Everything that can go wrong while opening, writing or searching an index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query has neither words to search for nor a filter.
    #[error("empty query: give words to search for or a filter (outlet, date, entity, story)")]
    EmptyQuery,
    /// A date in a query was not `YYYY-MM-DD`.
    #[error("invalid date {value:?} for {field}: expected YYYY-MM-DD")]
    InvalidDate {
        /// `from` or `to`.
        field: &'static str,
        /// What was given.
        value: String,
    },
    /// A document to index has no id, so it could never be replaced or deleted.
    #[error("document has an empty id")]
    EmptyId,
    /// The index directory could not be created or opened.
    #[error("cannot open the search index at {path}: {source}")]
    Open {
        /// The index directory.
        path: PathBuf,
        /// What tantivy said.
        #[source]
        source: tantivy::TantivyError,
    },
    /// The index directory could not be created.
    #[error("cannot create the search index directory {path}: {source}")]
    CreateDir {
        /// The index directory.
        path: PathBuf,
        /// What the file system said.
        #[source]
        source: std::io::Error,
    },
    /// Any other failure inside tantivy (I/O, a busy writer lock, a corrupt segment).
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
}

/// `Result` with [`SearchError`].
pub type Result<T, E = SearchError> = std::result::Result<T, E>;
