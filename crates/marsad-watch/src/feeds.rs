//! The list of feeds to watch: a text file with one URL per line.
//!
//! ```text
//! # Arabic news feeds
//! https://www.aljazeera.net/aljazeerarss/a7c186be-1baa-4bd4-9d80-a84db769f779/73d0e1b4-532f-45ef-b135-bfdff8b8cab9
//! https://feeds.bbci.co.uk/arabic/rss.xml   # BBC عربي
//! ```
//!
//! Blank lines and lines starting with `#` are skipped; a `#` after white
//! space starts a comment (a URL holds no white space, and a `#` inside a URL
//! is its fragment). Only http and https URLs are accepted. A URL listed
//! twice is watched once.

use std::path::Path;

use crate::error::{Result, WatchError};
use crate::http::parse_http_url;

/// The feeds to watch, in the order listed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedList {
    urls: Vec<String>,
}

impl FeedList {
    /// Parses a feed list. Errors name the line as `feed list:LINE`.
    ///
    /// # Errors
    ///
    /// [`WatchError::FeedList`] for the first line that is not one http(s) URL.
    pub fn parse(text: &str) -> Result<FeedList> {
        Self::parse_named(text, "feed list")
    }

    /// Reads a feed list file. Errors name the line as `PATH:LINE`.
    ///
    /// # Errors
    ///
    /// [`WatchError::Io`] when the file cannot be read, [`WatchError::FeedList`]
    /// for the first line that is not one http(s) URL.
    pub fn read(path: impl AsRef<Path>) -> Result<FeedList> {
        let path = path.as_ref();
        let text =
            std::fs::read_to_string(path).map_err(|source| WatchError::Io { path: path.to_path_buf(), source })?;
        Self::parse_named(&text, &path.display().to_string())
    }

    /// A list of the given URLs, checked as [`FeedList::parse`] checks lines.
    ///
    /// # Errors
    ///
    /// [`WatchError::BadUrl`] for the first URL that is not http(s).
    pub fn from_urls<I, S>(urls: I) -> Result<FeedList>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut list = FeedList::default();
        for url in urls {
            list.push(parse_http_url(url.as_ref())?.into());
        }
        Ok(list)
    }

    /// The feed URLs, normalised (`HTTP://Example.COM` → `http://example.com/`).
    pub fn urls(&self) -> &[String] {
        &self.urls
    }

    pub fn len(&self) -> usize {
        self.urls.len()
    }

    pub fn is_empty(&self) -> bool {
        self.urls.is_empty()
    }

    fn parse_named(text: &str, name: &str) -> Result<FeedList> {
        let mut list = FeedList::default();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |reason: String| WatchError::FeedList {
                list: name.to_string(),
                line: index + 1,
                text: line.to_string(),
                reason,
            };
            let mut words = line.split_whitespace();
            let url = words.next().unwrap_or_default();
            if let Some(extra) = words.next() {
                if !extra.starts_with('#') {
                    return Err(error("one URL per line (a comment starts with #)".to_string()));
                }
            }
            let parsed = parse_http_url(url).map_err(|e| match e {
                WatchError::BadUrl { detail, .. } => error(detail),
                other => error(other.to_string()),
            })?;
            list.push(parsed.into());
        }
        Ok(list)
    }

    fn push(&mut self, url: String) {
        if self.urls.contains(&url) {
            tracing::warn!(url, "feed listed twice; watching it once");
        } else {
            self.urls.push(url);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_comments_and_blanks() {
        let list = FeedList::parse(
            "\u{feff}# أخبار\n\nhttps://news.example/rss.xml\n  http://Wire.EXAMPLE/feed?lang=ar   # وكالة\n\
             https://news.example/rss.xml\nhttps://blog.example/atom#latest\n",
        )
        .expect("a valid list");
        assert_eq!(
            list.urls(),
            ["https://news.example/rss.xml", "http://wire.example/feed?lang=ar", "https://blog.example/atom#latest"]
        );
        assert_eq!(list.len(), 3);
        assert!(FeedList::parse("# nothing yet\n\n").expect("valid").is_empty());
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("https://ok.example/\nftp://files.example/feed.xml\n", 2, "only http and https"),
            ("\n\nnews.example/rss\n", 3, "relative URL without a base"),
            ("https://a.example/ https://b.example/\n", 1, "one URL per line"),
            ("# c\nhttp://\n", 2, "empty host"),
            ("javascript:alert(1)\n", 1, "only http and https"),
        ];
        for (text, line, reason) in cases {
            let error = FeedList::parse(text).expect_err(text);
            let message = error.to_string();
            assert!(matches!(error, WatchError::FeedList { line: l, .. } if l == line), "{text:?}: {message}");
            assert!(message.starts_with(&format!("feed list:{line}: ")), "{message}");
            assert!(message.contains(reason), "{text:?}: {message}");
        }
    }

    #[test]
    fn read_names_the_file() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("feeds.txt");
        std::fs::write(&path, "https://ok.example/rss\nnot-a-url\n").expect("written");
        let message = FeedList::read(&path).expect_err("line 2 is bad").to_string();
        assert!(message.starts_with(&format!("{}:2: ", path.display())), "{message}");
        let missing = FeedList::read(dir.path().join("missing.txt")).expect_err("no such file");
        assert!(matches!(missing, WatchError::Io { .. }), "{missing}");
    }
}
