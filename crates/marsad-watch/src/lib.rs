//! Watching news feeds: polite polling of RSS/Atom feeds and fetching of the
//! article pages their items link to.
//!
//! [`FeedList`] reads the feeds to watch; a [`Watcher`] polls them
//! ([`Watcher::poll_once`] or the [`Watcher::run`] loop) and hands over the
//! new articles as [`marsad_ingest::RawArticle`]s, ready for the cleaner. The
//! caller keeps the [`WatchState`] between polls (as JSON).
//!
//! Politeness: feeds are fetched with conditional GET (`If-None-Match`,
//! `If-Modified-Since`), requests to one host are spaced by a minimum
//! interval, a 429 or 503 with `Retry-After` leaves the host alone for that
//! long, and an article link already seen is never fetched again.
//!
//! Safety: feeds and pages are untrusted. Only http(s) URLs are fetched;
//! bodies are capped; redirects are followed one at a time; and every
//! connection goes to an address the [`AddressPolicy`] permits — loopback,
//! private, link-local and other non-public addresses are refused unless
//! allowed ([`address`]).

pub mod address;
pub mod error;
pub mod feeds;
pub mod http;
pub mod pacer;
pub mod state;
pub mod watcher;

pub use address::{classify, AddressKind, AddressPolicy};
pub use error::{Result, WatchError};
pub use feeds::FeedList;
pub use http::HttpSettings;
pub use state::{FeedState, PendingItem, WatchState, MAX_PENDING_PER_FEED, MAX_SEEN_PER_FEED};
pub use watcher::{FeedOutcome, FeedReport, FetchedArticle, PollReport, WatchConfig, Watcher, DEFAULT_POLL_INTERVAL};
