//! What a format reader hands to the cleaner.

use serde::{Deserialize, Serialize};

/// The format an article was read from. The cleaner trusts structured formats
/// more: metadata from HTML `<meta>` tags or a feed beats a guess from lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A plain text file or standard input.
    Text,
    /// An HTML page, after main-content extraction.
    Html,
    /// One item of an RSS/Atom/JSON feed.
    Feed,
    /// One record of a JSON Lines file.
    Jsonl,
    /// One HTML response record of a WARC file.
    Warc,
}

/// One article as read from its input, before furniture removal and splitting.
///
/// `text` keeps the line structure of the source: one paragraph, heading or
/// list item per line (blank lines between paragraphs are allowed), because the
/// cleaner judges lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawArticle {
    /// Stable id: a file's stem, a JSON Lines record's `id`, or `<stem>/<n>`
    /// (1-based) for the n-th item of a feed or WARC file.
    pub id: String,
    /// Where it came from: a path, `path:line` for JSON Lines, or a URL.
    pub source: String,
    pub origin: Origin,
    pub text: String,
    pub title: Option<String>,
    /// Site or publication name.
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Publication time as given by metadata (ISO 8601 where the source had it so).
    pub published: Option<String>,
    pub author: Option<String>,
    /// Language tag from metadata (`ar`, `ar-SA`, …).
    pub lang: Option<String>,
}

impl RawArticle {
    /// An article with the given id, source, origin and text and no metadata.
    pub fn new(id: impl Into<String>, source: impl Into<String>, origin: Origin, text: impl Into<String>) -> Self {
        RawArticle {
            id: id.into(),
            source: source.into(),
            origin,
            text: text.into(),
            title: None,
            outlet: None,
            url: None,
            published: None,
            author: None,
            lang: None,
        }
    }
}
