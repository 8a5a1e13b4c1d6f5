//! The one error type of the ingest crate.
//!
//! Every variant names the input it is about (a path, `path:line`, `-` for
//! standard input, or a URL), because the CLI prints these messages as they
//! are and a user with a folder of thousands of files must know which one
//! failed.

/// Why an input could not be turned into articles.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The operating system refused to read the input.
    #[error("{input}: {source}")]
    Io {
        input: String,
        #[source]
        source: std::io::Error,
    },
    /// The input holds no bytes, or only white space.
    #[error("{input}: empty input")]
    Empty { input: String },
    /// The input is not text (NUL bytes, control characters, a known binary signature).
    #[error("{input}: binary data, not text{}", detail.as_deref().map(|d| format!(" ({d})")).unwrap_or_default())]
    Binary { input: String, detail: Option<String> },
    /// The bytes are text in no encoding we could identify with confidence.
    #[error("{input}: cannot decode text: {detail}")]
    Undecodable { input: String, detail: String },
    /// The input is of a known format but broken (truncated gzip, bad JSON, HTML with no body …).
    #[error("{input}: malformed {format}: {detail}")]
    Malformed { input: String, format: &'static str, detail: String },
    /// Nothing but page furniture was left after cleaning.
    #[error("{input}: no article text (only page furniture)")]
    NoContent { input: String },
    /// A folder with no file to read in it (hidden files are skipped).
    #[error("{input}: no files to read in this folder")]
    NoFiles { input: String },
    /// The input is larger than the configured limit.
    #[error("{input}: too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { input: String, size: u64, limit: u64 },
}

impl IngestError {
    /// The input this error is about.
    pub fn input(&self) -> &str {
        match self {
            IngestError::Io { input, .. }
            | IngestError::Empty { input }
            | IngestError::NoFiles { input }
            | IngestError::NoContent { input }
            | IngestError::Binary { input, .. }
            | IngestError::Undecodable { input, .. }
            | IngestError::Malformed { input, .. }
            | IngestError::TooLarge { input, .. } => input,
        }
    }

    /// Shorthand for [`IngestError::Malformed`].
    pub fn malformed(input: impl Into<String>, format: &'static str, detail: impl ToString) -> Self {
        IngestError::Malformed { input: input.into(), format, detail: detail.to_string() }
    }
}

/// Result alias of this crate.
pub type Result<T, E = IngestError> = std::result::Result<T, E>;
