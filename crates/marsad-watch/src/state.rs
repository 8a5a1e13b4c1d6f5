//! What the watcher remembers between polls, per feed: the validators for
//! conditional GET, the article links already seen, the links still to fetch.
//!
//! The caller keeps it, as JSON ([`WatchState::load`], [`WatchState::save`]).

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::io::Write;
use std::path::Path;

use marsad_ingest::RawArticle;
use serde::{Deserialize, Serialize};

use crate::error::{Result, WatchError};

/// Article links remembered per feed. A feed lists its latest 10–100 items;
/// 2,000 covers an item that drops out of the feed and comes back weeks later
/// without the state growing without end.
pub const MAX_SEEN_PER_FEED: usize = 2000;
/// Links waiting to be fetched per feed; beyond this the oldest are dropped.
pub const MAX_PENDING_PER_FEED: usize = 500;

/// The watcher's memory of every feed it polled, keyed by feed URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WatchState {
    #[serde(default)]
    pub feeds: BTreeMap<String, FeedState>,
}

/// The watcher's memory of one feed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedState {
    /// The `ETag` of the last feed response that was read.
    pub etag: Option<String>,
    /// The `Last-Modified` of the last feed response that was read.
    pub last_modified: Option<String>,
    /// Article links already handled (fetched, or given up on), oldest first,
    /// at most [`MAX_SEEN_PER_FEED`]; links are kept without their fragment.
    pub seen: VecDeque<String>,
    /// Items whose page is still to be fetched (new this poll, left for the
    /// next one by the per-poll limit, or failed with a transient error).
    pub pending: Vec<PendingItem>,
    /// When the feed was last polled, in seconds since the Unix epoch.
    pub last_polled_unix: Option<u64>,
    /// Why the last poll of the feed failed; `None` after a good poll.
    pub last_error: Option<String>,
}

/// A feed item whose linked page is still to be fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingItem {
    /// The page to fetch (the item's link without fragment).
    pub link: String,
    /// The item as the feed gave it: title, date, outlet and its summary text,
    /// used where the page lacks them and as the article when the page cannot
    /// be read.
    pub item: RawArticle,
    /// Fetches tried so far.
    pub attempts: u32,
}

impl WatchState {
    /// Reads a state file written by [`WatchState::save`]; a missing file is
    /// an empty state (the first run).
    ///
    /// # Errors
    ///
    /// [`WatchError::Io`] when the file exists but cannot be read,
    /// [`WatchError::State`] when it is not a state file.
    pub fn load(path: impl AsRef<Path>) -> Result<WatchState> {
        let path = path.as_ref();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(WatchState::default()),
            Err(source) => return Err(WatchError::Io { path: path.to_path_buf(), source }),
        };
        serde_json::from_slice(&bytes)
            .map_err(|e| WatchError::State { path: path.to_path_buf(), detail: e.to_string() })
    }

    /// Writes the state as JSON, atomically: to a temporary file in the same
    /// folder, flushed to disk, then renamed over `path`, so a crash or a full
    /// disk never leaves a half-written state behind.
    ///
    /// # Errors
    ///
    /// [`WatchError::Io`] naming the file that could not be written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let io_error = |p: &Path| {
            let p = p.to_path_buf();
            move |source| WatchError::Io { path: p, source }
        };
        let json = serde_json::to_vec_pretty(self)
            .map_err(|e| WatchError::State { path: path.to_path_buf(), detail: e.to_string() })?;
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
        let written = std::fs::File::create(&temp).and_then(|mut file| {
            file.write_all(&json)?;
            file.write_all(b"\n")?;
            file.sync_all()
        });
        if let Err(source) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(io_error(&temp)(source));
        }
        std::fs::rename(&temp, path).map_err(|source| {
            let _ = std::fs::remove_file(&temp);
            io_error(path)(source)
        })
    }

    /// The state of a feed, created empty on first use.
    pub fn feed_mut(&mut self, url: &str) -> &mut FeedState {
        self.feeds.entry(url.to_string()).or_default()
    }

    /// Every link seen or pending in any feed: an article listed in two feeds
    /// of one outlet is fetched once.
    pub fn known_links(&self) -> HashSet<String> {
        self.feeds
            .values()
            .flat_map(|feed| feed.seen.iter().cloned().chain(feed.pending.iter().map(|p| p.link.clone())))
            .collect()
    }

    /// Forgets the feeds not in `urls` (after they were removed from the list).
    pub fn retain_feeds(&mut self, urls: &[String]) {
        self.feeds.retain(|url, _| urls.contains(url));
    }
}

impl FeedState {
    /// Remembers `link` as handled, forgetting the oldest beyond
    /// [`MAX_SEEN_PER_FEED`].
    pub fn mark_seen(&mut self, link: String) {
        if self.seen.contains(&link) {
            return;
        }
        self.seen.push_back(link);
        while self.seen.len() > MAX_SEEN_PER_FEED {
            self.seen.pop_front();
        }
    }

    /// Queues an item, dropping the oldest pending ones beyond
    /// [`MAX_PENDING_PER_FEED`].
    pub fn push_pending(&mut self, item: PendingItem) {
        self.pending.push(item);
        if self.pending.len() > MAX_PENDING_PER_FEED {
            let excess = self.pending.len() - MAX_PENDING_PER_FEED;
            for dropped in self.pending.drain(..excess) {
                tracing::warn!(link = dropped.link, "too many pages waiting for this feed; dropping the oldest");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_ingest::Origin;

    #[test]
    fn save_and_load_round_trip() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("watch.json");
        assert_eq!(WatchState::load(&path).expect("missing is empty"), WatchState::default());

        let mut state = WatchState::default();
        let feed = state.feed_mut("https://news.example/rss");
        feed.etag = Some("\"v1\"".to_string());
        feed.mark_seen("https://news.example/a/1".to_string());
        let mut item = RawArticle::new("x", "https://news.example/rss", Origin::Feed, "ملخص الخبر");
        item.title = Some("عنوان الخبر".to_string());
        feed.push_pending(PendingItem { link: "https://news.example/a/2".to_string(), item, attempts: 1 });
        state.save(&path).expect("saved");
        assert_eq!(WatchState::load(&path).expect("loaded"), state);
        // No temporary file left behind.
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).expect("listed").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names, ["watch.json"]);
        assert_eq!(
            state.known_links(),
            HashSet::from(["https://news.example/a/1".to_string(), "https://news.example/a/2".to_string()])
        );

        std::fs::write(&path, "{\"feeds\": [1, 2]}").expect("written");
        let error = WatchState::load(&path).expect_err("not a state");
        assert!(error.to_string().contains("not a watch state file"), "{error}");
    }

    #[test]
    fn seen_links_are_bounded() {
        let mut feed = FeedState::default();
        for n in 0..MAX_SEEN_PER_FEED + 10 {
            feed.mark_seen(format!("https://news.example/{n}"));
        }
        feed.mark_seen("https://news.example/20".to_string());
        assert_eq!(feed.seen.len(), MAX_SEEN_PER_FEED);
        assert_eq!(feed.seen.front().map(String::as_str), Some("https://news.example/10"));
    }
}
