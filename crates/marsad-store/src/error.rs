//! The store's errors.

use std::path::PathBuf;

/// What can go wrong opening, writing or reading a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot create the store folder: {source}")]
    Folder { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Database { path: PathBuf, source: rusqlite::Error },
    #[error("{path}: the store was written by a newer marsad (schema {found}, this one reads {supported})")]
    Schema { path: PathBuf, found: i64, supported: i64 },
    #[error("search index: {0}")]
    Search(#[from] marsad_search::SearchError),
    #[error("stored document {id}: cannot be read back: {source}")]
    Corrupt { id: String, source: serde_json::Error },
}

pub type Result<T> = std::result::Result<T, StoreError>;
