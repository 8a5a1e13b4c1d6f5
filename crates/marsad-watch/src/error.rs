//! The one error type of the watch crate.
//!
//! Every variant names what it is about — a feed list line, a state file or a
//! URL — because the CLI prints these messages as they are, and a user
//! watching a hundred feeds must know which one failed.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use marsad_ingest::IngestError;

/// Why a feed list, a state file, a feed or an article page could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// A line of a feed list is not one http(s) URL.
    #[error("{list}:{line}: {reason}: {text}")]
    FeedList {
        /// The file the list was read from, or `feed list` for text.
        list: String,
        /// 1-based line number.
        line: usize,
        /// The line as written (trimmed).
        text: String,
        reason: String,
    },
    /// A file (feed list, state) could not be read or written.
    #[error("{path}: {source}", path = path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The state file is not the JSON this crate writes.
    #[error("{path}: not a watch state file: {detail}", path = path.display())]
    State { path: PathBuf, detail: String },
    /// A URL that cannot be fetched: not http(s), no host, unparsable.
    #[error("{url}: bad URL: {detail}")]
    BadUrl { url: String, detail: String },
    /// The host resolves only to addresses the address policy refuses
    /// (loopback, private, link-local …), so no connection was made.
    #[error(
        "{url}: refusing to connect to {host}: {addresses} {verb} not a public address{plural} ({kinds}); \
         private and loopback addresses are allowed only when asked for",
        addresses = list(addresses),
        verb = if addresses.len() == 1 { "is" } else { "are" },
        plural = if addresses.len() == 1 { "" } else { "es" },
        kinds = kinds.join(", ")
    )]
    Refused {
        url: String,
        host: String,
        addresses: Vec<IpAddr>,
        /// What each refused address is (`loopback`, `private` …), without repeats.
        kinds: Vec<&'static str>,
    },
    /// Name resolution, connection, TLS or the HTTP exchange failed.
    #[error("{url}: {detail}")]
    Http { url: String, detail: String },
    /// The server answered with a status that is neither success, redirect
    /// nor "not modified".
    #[error("{url}: HTTP status {status}")]
    Status { url: String, status: u16 },
    /// The server asked us to slow down (429, or 503 with `Retry-After`); its
    /// host is left alone for `retry_after`.
    #[error("{url}: HTTP status {status}; the host is left alone for {secs} s", secs = retry_after.as_secs())]
    RateLimited { url: String, status: u16, retry_after: Duration },
    /// The host is still being left alone after an earlier 429/503.
    #[error("{url}: {host} asked us to wait; next request in {secs} s", secs = wait.as_secs())]
    BackingOff { url: String, host: String, wait: Duration },
    /// The response body (after gzip decoding) is larger than the limit.
    #[error("{url}: response body larger than the limit of {limit} bytes")]
    TooLarge { url: String, limit: u64 },
    /// More redirects than allowed.
    #[error("{url}: more than {limit} redirects")]
    TooManyRedirects { url: String, limit: usize },
    /// A redirect without a usable `Location`.
    #[error("{url}: bad redirect: {detail}")]
    BadRedirect { url: String, detail: String },
    /// An article link that is not an HTML page (a PDF, an image …).
    #[error("{url}: not an HTML page ({content_type})")]
    NotHtml { url: String, content_type: String },
    /// The feed or the page could not be read (malformed XML, binary data,
    /// no article text …); the ingest error names the URL.
    #[error(transparent)]
    Ingest(#[from] IngestError),
}

impl WatchError {
    /// Whether trying again later may succeed: time-outs, connection and
    /// server errors, rate limits. Pages that failed with a transient error
    /// stay pending; others are given up at once.
    pub fn is_transient(&self) -> bool {
        match self {
            WatchError::Http { .. } | WatchError::RateLimited { .. } | WatchError::BackingOff { .. } => true,
            WatchError::Status { status, .. } => *status >= 500 || *status == 408,
            _ => false,
        }
    }
}

fn list(addresses: &[IpAddr]) -> String {
    addresses.iter().map(IpAddr::to_string).collect::<Vec<_>>().join(", ")
}

/// Result alias of this crate.
pub type Result<T, E = WatchError> = std::result::Result<T, E>;
