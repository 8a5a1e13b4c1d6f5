//! The watcher: polls every feed, queues the links of new items, fetches
//! their pages and hands them over as [`RawArticle`]s.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use marsad_ingest::decode::{charset_from_content_type, decode_html_with_charset};
use marsad_ingest::format::feed::read_feed_entries;
use marsad_ingest::format::html::{looks_like_html, read_html};
use marsad_ingest::RawArticle;
use url::Url;

use crate::error::{Result, WatchError};
use crate::feeds::FeedList;
use crate::http::{host_key, Fetched, HttpClient, HttpSettings, Response, Validators};
use crate::state::{FeedState, PendingItem, WatchState};

/// How often [`Watcher::run`] polls when the caller has no opinion.
pub const DEFAULT_POLL_INTERVAL: Duration = Duration::from_secs(15 * 60);

const FEED_ACCEPT: &str =
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
const PAGE_ACCEPT: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

/// Settings of a [`Watcher`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchConfig {
    /// Time-outs, size limit, User-Agent, per-host pacing, address policy.
    pub http: HttpSettings,
    /// Pages fetched per feed in one poll; the others wait for the next poll
    /// (with the default 1 s per host, 50 pages take a minute).
    pub max_pages_per_feed: usize,
    /// Fetches of a page that failed with a transient error (time-out, 5xx,
    /// 429) before giving up on it.
    pub max_attempts: u32,
}

impl Default for WatchConfig {
    fn default() -> Self {
        WatchConfig { http: HttpSettings::default(), max_pages_per_feed: 50, max_attempts: 3 }
    }
}

/// One article page fetched for a feed item.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchedArticle {
    /// The feed whose item linked to the page.
    pub feed: String,
    /// The page's URL after redirects (the item's link when the page could
    /// not be read).
    pub url: String,
    pub fetched_at: SystemTime,
    /// The page read by [`marsad_ingest`]'s HTML reader (origin `Html`), its
    /// title, outlet, publication date, author and language filled from the
    /// feed item where the page has none, and the outlet from the host as the
    /// last resort. When the page could not be fetched or read but the feed
    /// item has text, the feed item itself (origin `Feed`). The id is the
    /// item's link: stable across runs, unlike a position in a feed.
    pub article: RawArticle,
}

/// What polling one feed did.
#[derive(Debug)]
pub enum FeedOutcome {
    /// 304 Not Modified: the feed did not change since the last poll.
    NotModified,
    /// The feed was read: `items` in it, `new_items` never seen before.
    Updated { items: usize, new_items: usize },
    /// The feed could not be fetched or read; the other feeds were polled.
    Failed(WatchError),
}

/// The result of polling one feed and fetching its pending pages.
#[derive(Debug)]
pub struct FeedReport {
    pub feed: String,
    pub outcome: FeedOutcome,
    /// Articles handed over for this feed.
    pub articles: usize,
    /// Pages that failed this poll. A page that failed for good was replaced by
    /// the feed item's own text when it had any; one that failed for a
    /// transient reason is tried again next poll.
    pub page_errors: Vec<WatchError>,
    /// Pages still waiting to be fetched.
    pub pending: usize,
}

/// The result of one poll of all feeds.
#[derive(Debug, Default)]
pub struct PollReport {
    /// One report per feed polled, in list order.
    pub feeds: Vec<FeedReport>,
    /// The new articles, in feed order.
    pub articles: Vec<FetchedArticle>,
}

/// Polls a list of feeds and fetches the pages of their new items.
#[derive(Debug)]
pub struct Watcher {
    feeds: FeedList,
    client: HttpClient,
    config: WatchConfig,
}

impl Watcher {
    pub fn new(feeds: FeedList, config: WatchConfig) -> Self {
        Watcher { feeds, client: HttpClient::new(config.http.clone()), config }
    }

    /// The feeds watched.
    pub fn feeds(&self) -> &FeedList {
        &self.feeds
    }

    /// Polls every feed once (conditionally, with the validators in `state`),
    /// then fetches up to [`WatchConfig::max_pages_per_feed`] pending pages
    /// per feed, updating `state`. A feed or page that fails is reported and
    /// the others go on; so this returns a report, never an error.
    pub fn poll_once(&mut self, state: &mut WatchState) -> PollReport {
        self.poll(state, &AtomicBool::new(false))
    }

    /// Polls every `interval` until `stop` is set, calling `on_poll` with each
    /// poll's report and the updated state (to hand the articles on and save
    /// the state). `stop` is also checked between requests, so a long poll
    /// ends soon after it is set; pages not fetched yet stay pending.
    pub fn run(
        &mut self,
        state: &mut WatchState,
        interval: Duration,
        stop: &AtomicBool,
        mut on_poll: impl FnMut(PollReport, &WatchState),
    ) {
        while !stop.load(Ordering::Relaxed) {
            let report = self.poll(state, stop);
            on_poll(report, state);
            let next = Instant::now() + interval;
            loop {
                let now = Instant::now();
                if stop.load(Ordering::Relaxed) || now >= next {
                    break;
                }
                thread::sleep((next - now).min(Duration::from_millis(200)));
            }
        }
    }

    fn poll(&mut self, state: &mut WatchState, stop: &AtomicBool) -> PollReport {
        let mut report = PollReport::default();
        let mut known = state.known_links();
        let feeds = self.feeds.urls().to_vec();
        for feed in feeds {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let feed_state = state.feed_mut(&feed);
            let before = report.articles.len();
            let outcome = self.poll_feed(&feed, feed_state, &mut known, &mut report.articles);
            let page_errors = self.fetch_pending(&feed, feed_state, stop, &mut report.articles);
            let articles = report.articles.len() - before;
            report.feeds.push(FeedReport { feed, outcome, articles, page_errors, pending: feed_state.pending.len() });
        }
        report
    }

    /// Fetches the feed and queues its new items.
    fn poll_feed(
        &mut self,
        feed: &str,
        feed_state: &mut FeedState,
        known: &mut HashSet<String>,
        articles: &mut Vec<FetchedArticle>,
    ) -> FeedOutcome {
        let validators =
            Validators { etag: feed_state.etag.as_deref(), last_modified: feed_state.last_modified.as_deref() };
        let fetched = self.client.get(feed, FEED_ACCEPT, validators);
        feed_state.last_polled_unix = SystemTime::now().duration_since(UNIX_EPOCH).ok().map(|d| d.as_secs());
        let response = match fetched {
            Ok(Fetched::NotModified) => {
                feed_state.last_error = None;
                return FeedOutcome::NotModified;
            }
            Ok(Fetched::Body(response)) => response,
            Err(e) => {
                feed_state.last_error = Some(e.to_string());
                return FeedOutcome::Failed(e);
            }
        };
        let items = match read_feed_entries(&response.body, &feed_id(feed), feed) {
            Ok(items) => items,
            Err(e) => {
                // Validators are kept from the last good read, so a feed that
                // is fixed is read again even if the server reuses its ETag.
                let e = WatchError::from(e);
                feed_state.last_error = Some(e.to_string());
                return FeedOutcome::Failed(e);
            }
        };
        feed_state.etag = response.etag;
        feed_state.last_modified = response.last_modified;
        feed_state.last_error = None;

        let base = Url::parse(&response.url).ok();
        let mut new_items = 0;
        for item in &items {
            let Some(link) = item.url.as_deref().and_then(|link| article_link(base.as_ref(), link)) else {
                // No fetchable link: the item is the article, if it has text.
                let key = format!(
                    "{feed} {} {}",
                    item.title.as_deref().unwrap_or(""),
                    item.published.as_deref().unwrap_or("")
                );
                if item.text.is_empty() || !known.insert(key.clone()) {
                    continue;
                }
                new_items += 1;
                feed_state.mark_seen(key.clone());
                let mut article = item.clone();
                article.id = key;
                articles.push(FetchedArticle {
                    feed: feed.to_string(),
                    url: feed.to_string(),
                    fetched_at: SystemTime::now(),
                    article,
                });
                continue;
            };
            if !known.insert(link.clone()) {
                continue;
            }
            new_items += 1;
            feed_state.push_pending(PendingItem { link, item: item.clone(), attempts: 0 });
        }
        FeedOutcome::Updated { items: items.len(), new_items }
    }

    /// Fetches the feed's pending pages, oldest first, up to the per-poll limit.
    fn fetch_pending(
        &mut self,
        feed: &str,
        feed_state: &mut FeedState,
        stop: &AtomicBool,
        articles: &mut Vec<FetchedArticle>,
    ) -> Vec<WatchError> {
        let mut errors = Vec::new();
        let mut still_pending = Vec::new();
        let mut fetched = 0;
        // Hosts that asked us to wait: their other pages are not tried this poll.
        let mut paused_hosts = HashSet::new();
        let queue = std::mem::take(&mut feed_state.pending);
        for mut pending in queue {
            let host = link_host(&pending.link);
            if fetched >= self.config.max_pages_per_feed || stop.load(Ordering::Relaxed) || paused_hosts.contains(&host)
            {
                still_pending.push(pending);
                continue;
            }
            fetched += 1;
            match self.fetch_page(feed, &pending) {
                Ok(article) => {
                    feed_state.mark_seen(pending.link.clone());
                    articles.push(article);
                }
                // The host asked us to wait: no attempt was made.
                Err(e @ WatchError::BackingOff { .. }) => {
                    paused_hosts.insert(host);
                    errors.push(e);
                    still_pending.push(pending);
                }
                Err(e @ WatchError::RateLimited { .. }) if pending.attempts + 1 < self.config.max_attempts => {
                    paused_hosts.insert(host);
                    pending.attempts += 1;
                    errors.push(e);
                    still_pending.push(pending);
                }
                Err(e) if e.is_transient() && pending.attempts + 1 < self.config.max_attempts => {
                    tracing::debug!(link = pending.link, "page fetch failed, will retry: {e}");
                    pending.attempts += 1;
                    errors.push(e);
                    still_pending.push(pending);
                }
                Err(e) => {
                    tracing::debug!(link = pending.link, "giving up on page: {e}");
                    errors.push(e);
                    feed_state.mark_seen(pending.link.clone());
                    if !pending.item.text.is_empty() {
                        articles.push(FetchedArticle {
                            feed: feed.to_string(),
                            url: pending.link.clone(),
                            fetched_at: SystemTime::now(),
                            article: item_article(&pending),
                        });
                    }
                }
            }
        }
        feed_state.pending = still_pending;
        errors
    }

    fn fetch_page(&mut self, feed: &str, pending: &PendingItem) -> Result<FetchedArticle> {
        let response = match self.client.get(&pending.link, PAGE_ACCEPT, Validators::default())? {
            Fetched::Body(response) => response,
            // Never asked for: no validators were sent.
            Fetched::NotModified => return Err(WatchError::Status { url: pending.link.clone(), status: 304 }),
        };
        let fetched_at = SystemTime::now();
        let article = page_article(&response, pending)?;
        Ok(FetchedArticle { feed: feed.to_string(), url: response.url, fetched_at, article })
    }
}

/// Reads a fetched page into an article, the feed item filling the gaps.
fn page_article(response: &Response, pending: &PendingItem) -> Result<RawArticle> {
    let url = response.url.as_str();
    let mime =
        response.content_type.as_deref().map(|ct| ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
    let is_html = match mime.as_deref() {
        Some("text/html" | "application/xhtml+xml") => true,
        // Servers that send no or a generic type: look at the bytes.
        None | Some("" | "application/octet-stream" | "text/plain") => {
            looks_like_html(&String::from_utf8_lossy(&response.body[..response.body.len().min(1024)]))
        }
        Some(_) => false,
    };
    if !is_html {
        return Err(WatchError::NotHtml {
            url: url.to_string(),
            content_type: response.content_type.clone().unwrap_or_else(|| "no Content-Type".to_string()),
        });
    }
    let charset = response.content_type.as_deref().and_then(charset_from_content_type);
    let html = decode_html_with_charset(&response.body, charset, url)?;
    let mut article = read_html(&html, &pending.link, url, Some(url))?;
    let item = &pending.item;
    article.title = article.title.or_else(|| item.title.clone());
    article.outlet = article.outlet.or_else(|| item.outlet.clone()).or_else(|| host_of(url));
    article.published = article.published.or_else(|| item.published.clone());
    article.author = article.author.or_else(|| item.author.clone());
    article.lang = article.lang.or_else(|| item.lang.clone());
    Ok(article)
}

/// The feed item as the article, when its page cannot be had.
fn item_article(pending: &PendingItem) -> RawArticle {
    let mut article = pending.item.clone();
    article.id = pending.link.clone();
    article.url = Some(pending.link.clone());
    article.outlet = article.outlet.or_else(|| host_of(&pending.link));
    article
}

/// An item's link made absolute against the feed's URL, without fragment;
/// `None` unless it is http(s).
fn article_link(base: Option<&Url>, link: &str) -> Option<String> {
    let mut url = match base {
        Some(base) => base.join(link.trim()).ok()?,
        None => Url::parse(link.trim()).ok()?,
    };
    if url.scheme() != "http" && url.scheme() != "https" {
        return None;
    }
    url.set_fragment(None);
    Some(url.into())
}

/// The pacing key of a link's host (the link was checked when queued).
fn link_host(link: &str) -> String {
    Url::parse(link).map(|u| host_key(&u)).unwrap_or_default()
}

/// The id prefix of a feed's items (`host/n`), as files use their stem.
fn feed_id(feed: &str) -> String {
    Url::parse(feed).map(|u| host_key(&u)).unwrap_or_else(|_| feed.to_string())
}

fn host_of(url: &str) -> Option<String> {
    let url = Url::parse(url).ok()?;
    let host = url.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links() {
        let base = Url::parse("https://news.example/feeds/rss.xml").ok();
        assert_eq!(
            article_link(base.as_ref(), "/politics/1#comments").as_deref(),
            Some("https://news.example/politics/1")
        );
        assert_eq!(
            article_link(base.as_ref(), " https://other.example/a?id=7 ").as_deref(),
            Some("https://other.example/a?id=7")
        );
        assert_eq!(article_link(base.as_ref(), "javascript:alert(1)"), None);
        assert_eq!(article_link(base.as_ref(), "mailto:desk@news.example"), None);
        assert_eq!(article_link(None, "relative/path"), None);
        assert_eq!(host_of("https://www.news.example/a").as_deref(), Some("news.example"));
    }
}
