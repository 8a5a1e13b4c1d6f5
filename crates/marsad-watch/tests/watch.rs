//! The watcher against a tiny HTTP server on 127.0.0.1 serving Arabic feeds
//! and article pages.

mod common;

use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use common::{fixture, Reply, TestServer};
use marsad_ingest::Origin;
use marsad_watch::{
    AddressPolicy, FeedList, FeedOutcome, FeedReport, HttpSettings, PollReport, WatchConfig, WatchError, WatchState,
    Watcher,
};

const RSS: &str = "application/rss+xml; charset=utf-8";
const HTML: &str = "text/html; charset=utf-8";

/// A config for tests: the test server's 127.0.0.1 allowed by name (other
/// non-public addresses stay refused), short pacing.
fn config() -> WatchConfig {
    let loopback: IpAddr = "127.0.0.1".parse().expect("an address");
    WatchConfig {
        http: HttpSettings {
            min_host_interval: Duration::from_millis(5),
            connect_timeout: Duration::from_secs(5),
            read_timeout: Duration::from_secs(5),
            addresses: AddressPolicy { allow_private: false, allowed: vec![loopback] },
            ..HttpSettings::default()
        },
        ..WatchConfig::default()
    }
}

fn watcher(urls: &[String], config: WatchConfig) -> Watcher {
    Watcher::new(FeedList::from_urls(urls).expect("valid URLs"), config)
}

/// Serves the fixture feed and its two article pages (the second in
/// windows-1256, as older Arabic sites still do).
fn news_server() -> TestServer {
    let server = TestServer::start();
    let base = server.base();
    server.route("/feed.xml", Reply::ok(RSS, fixture("feed.xml", &base)).with_etag("\"v1\"").gzipped());
    server.route("/news/budget", Reply::ok(HTML, fixture("budget.html", &base)));
    let page = fixture("desalination.html", &base);
    let (legacy, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
    server.route("/news/desalination", Reply::ok("text/html; charset=windows-1256", legacy.into_owned()));
    server.route("/news/basketball", Reply::ok(HTML, fixture("basketball.html", &base)));
    server
}

fn only_feed(report: &PollReport) -> &FeedReport {
    assert_eq!(report.feeds.len(), 1, "{report:#?}");
    &report.feeds[0]
}

#[test]
fn conditional_get_and_each_article_fetched_once() {
    let server = news_server();
    let feed = server.url("/feed.xml");
    let mut watcher = watcher(std::slice::from_ref(&feed), config());
    let mut state = WatchState::default();

    // First poll: the feed, then both pages.
    let report = watcher.poll_once(&mut state);
    let feed_report = only_feed(&report);
    assert!(matches!(feed_report.outcome, FeedOutcome::Updated { items: 2, new_items: 2 }), "{report:#?}");
    assert!(feed_report.page_errors.is_empty(), "{report:#?}");
    assert_eq!(report.articles.len(), 2);
    let first_request = &server.requests_to("/feed.xml")[0];
    assert!(!first_request.headers.contains_key("if-none-match"));
    assert!(first_request.headers["user-agent"].starts_with("marsad/"), "{first_request:?}");

    let budget = &report.articles[0];
    assert_eq!(budget.feed, feed);
    assert_eq!(budget.url, server.url("/news/budget"));
    assert_eq!(budget.article.origin, Origin::Html);
    assert_eq!(budget.article.id, server.url("/news/budget"));
    assert_eq!(budget.article.title.as_deref(), Some("مجلس النواب يقر موازنة العام المقبل بعد نقاش مطول"));
    assert_eq!(budget.article.outlet.as_deref(), Some("صحيفة الرصد"));
    assert_eq!(budget.article.published.as_deref(), Some("2024-05-13T10:15:00+03:00"));
    // The page's author is missing: the feed item's is used.
    assert_eq!(budget.article.author.as_deref(), Some("نادية الخطيب"));
    assert!(budget.article.text.contains("أقر مجلس النواب في جلسته المسائية"), "{}", budget.article.text);
    assert!(!budget.article.text.contains("جميع الحقوق محفوظة"), "{}", budget.article.text);

    // A relative link with a fragment, a windows-1256 page without metadata.
    let desalination = &report.articles[1];
    assert_eq!(desalination.url, server.url("/news/desalination"));
    assert!(desalination.article.text.contains("أول محطة لتحلية مياه البحر"), "{}", desalination.article.text);
    assert_eq!(desalination.article.outlet.as_deref(), Some("صحيفة الرصد اليومية"));
    assert_eq!(desalination.article.published.as_deref(), Some("2024-05-13T05:40:00+00:00"));
    assert_eq!(desalination.article.lang.as_deref(), Some("ar"));
    assert_eq!(state.feeds[&feed].etag.as_deref(), Some("\"v1\""));

    // Second poll: If-None-Match → 304 → nothing new, no page fetched.
    let report = watcher.poll_once(&mut state);
    assert!(matches!(only_feed(&report).outcome, FeedOutcome::NotModified), "{report:#?}");
    assert!(report.articles.is_empty());
    let feed_requests = server.requests_to("/feed.xml");
    assert_eq!(feed_requests.len(), 2);
    assert_eq!(feed_requests[1].headers.get("if-none-match").map(String::as_str), Some("\"v1\""));

    // The feed changes: only the new item's page is fetched.
    server.route("/feed.xml", Reply::ok(RSS, fixture("feed2.xml", &server.base())).with_etag("\"v2\""));
    let report = watcher.poll_once(&mut state);
    assert!(matches!(only_feed(&report).outcome, FeedOutcome::Updated { items: 3, new_items: 1 }), "{report:#?}");
    assert_eq!(report.articles.len(), 1);
    let basketball = &report.articles[0].article;
    assert_eq!(basketball.title.as_deref(), Some("انطلاق بطولة الأندية العربية لكرة السلة"));
    // No date on the page: the feed item's.
    assert_eq!(basketball.published.as_deref(), Some("2024-05-14T16:05:00+00:00"));
    for page in ["/news/budget", "/news/desalination", "/news/basketball"] {
        assert_eq!(server.requests_to(page).len(), 1, "{page} fetched more than once");
    }

    // The state survives a save and load: a new watcher sends the new ETag.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("watch.json");
    state.save(&path).expect("saved");
    let mut reloaded = WatchState::load(&path).expect("loaded");
    assert_eq!(reloaded, state);
    let report = self::watcher(std::slice::from_ref(&feed), config()).poll_once(&mut reloaded);
    assert!(matches!(only_feed(&report).outcome, FeedOutcome::NotModified), "{report:#?}");
    assert_eq!(
        server.requests_to("/feed.xml").last().and_then(|r| r.headers.get("if-none-match")).map(String::as_str),
        Some("\"v2\"")
    );
}

#[test]
fn last_modified_is_sent_back() {
    let server = TestServer::start();
    let date = "Mon, 13 May 2024 07:40:00 GMT";
    server
        .route("/feed.xml", Reply::ok(RSS, fixture("feed.xml", "https://elsewhere.example")).with_last_modified(date));
    // Pages on another host are not fetched in this test: a tiny per-poll limit.
    let config = WatchConfig { max_pages_per_feed: 0, ..config() };
    let mut watcher = watcher(&[server.url("/feed.xml")], config);
    let mut state = WatchState::default();
    let first = watcher.poll_once(&mut state);
    assert!(matches!(only_feed(&first).outcome, FeedOutcome::Updated { new_items: 2, .. }), "{first:#?}");
    assert_eq!(only_feed(&first).pending, 2);
    let second = watcher.poll_once(&mut state);
    assert!(matches!(only_feed(&second).outcome, FeedOutcome::NotModified), "{second:#?}");
    let requests = server.requests_to("/feed.xml");
    assert_eq!(requests[1].headers.get("if-modified-since").map(String::as_str), Some(date));
    assert!(!requests[1].headers.contains_key("if-none-match"));
}

#[test]
fn loopback_is_refused_unless_allowed() {
    let server = news_server();
    let feed = server.url("/feed.xml");
    let strict =
        WatchConfig { http: HttpSettings { addresses: AddressPolicy::default(), ..config().http }, ..config() };
    let report = watcher(std::slice::from_ref(&feed), strict).poll_once(&mut WatchState::default());
    let FeedOutcome::Failed(error) = &only_feed(&report).outcome else {
        panic!("loopback feed was fetched: {report:#?}");
    };
    assert!(matches!(error, WatchError::Refused { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.starts_with(&feed), "{message}");
    assert!(message.contains("refusing to connect to 127.0.0.1"), "{message}");
    assert!(message.contains("loopback"), "{message}");
    assert!(server.requests().is_empty(), "a request reached the server");

    // `localhost` resolves to loopback addresses only: refused by name too.
    let by_name = format!("http://localhost:{}/feed.xml", server.addr.port());
    let strict =
        WatchConfig { http: HttpSettings { addresses: AddressPolicy::default(), ..config().http }, ..config() };
    let report = watcher(&[by_name], strict).poll_once(&mut WatchState::default());
    assert!(matches!(&only_feed(&report).outcome, FeedOutcome::Failed(WatchError::Refused { .. })), "{report:#?}");
    assert!(server.requests().is_empty(), "a request reached the server");

    let allowed = WatchConfig {
        http: HttpSettings { addresses: AddressPolicy { allow_private: true, allowed: vec![] }, ..config().http },
        ..config()
    };
    let report = watcher(&[feed], allowed).poll_once(&mut WatchState::default());
    assert!(matches!(only_feed(&report).outcome, FeedOutcome::Updated { new_items: 2, .. }), "{report:#?}");
    assert_eq!(report.articles.len(), 2);
}

#[test]
fn redirects_are_followed_and_checked_at_every_hop() {
    let server = news_server();
    let port = server.addr.port();
    server.route("/old-feed.xml", Reply::status(301, &[("Location", "/feed.xml")]));
    // Both are loopback addresses, but only 127.0.0.1 is allowed.
    let to_other_loopback = format!("http://127.0.0.2:{port}/feed.xml");
    server.route("/moved.xml", Reply::status(302, &[("Location", &to_other_loopback)]));
    let to_ipv6 = format!("http://[::1]:{port}/feed.xml");
    server.route("/moved6.xml", Reply::status(307, &[("Location", &to_ipv6)]));
    server.route("/loop.xml", Reply::status(302, &[("Location", "/loop.xml")]));
    server.route("/to-file.xml", Reply::status(302, &[("Location", "file:///etc/passwd")]));

    let urls: Vec<String> = ["/old-feed.xml", "/moved.xml", "/moved6.xml", "/loop.xml", "/to-file.xml"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let report = watcher(&urls, config()).poll_once(&mut WatchState::default());
    assert_eq!(report.feeds.len(), 5);
    assert!(matches!(report.feeds[0].outcome, FeedOutcome::Updated { new_items: 2, .. }), "{report:#?}");
    for (n, host) in [(1, "127.0.0.2"), (2, "[::1]")] {
        match &report.feeds[n].outcome {
            FeedOutcome::Failed(WatchError::Refused { host: refused, .. }) => assert_eq!(refused, host),
            other => panic!("redirect to {host} not refused: {other:?}"),
        }
    }
    assert!(matches!(&report.feeds[3].outcome, FeedOutcome::Failed(WatchError::TooManyRedirects { limit: 5, .. })));
    assert_eq!(server.requests_to("/loop.xml").len(), 6);
    match &report.feeds[4].outcome {
        FeedOutcome::Failed(e @ WatchError::BadRedirect { .. }) => {
            assert!(e.to_string().contains("only http and https"))
        }
        other => panic!("redirect to file: followed: {other:?}"),
    }
}

#[test]
fn article_links_to_refused_addresses_are_not_fetched() {
    let server = TestServer::start();
    let port = server.addr.port();
    let feed = fixture("feed.xml", &server.base())
        .replace(&server.url("/news/budget"), &format!("http://127.0.0.3:{port}/news/budget"));
    server.route("/feed.xml", Reply::ok(RSS, feed));
    let config = WatchConfig { max_pages_per_feed: 1, ..config() };
    let mut state = WatchState::default();
    let report = watcher(&[server.url("/feed.xml")], config).poll_once(&mut state);
    let feed_report = only_feed(&report);
    assert!(
        matches!(feed_report.page_errors.as_slice(), [WatchError::Refused { host, .. }] if host == "127.0.0.3"),
        "{report:#?}"
    );
    // Refusal is final: the item's own text stands in for the page.
    assert_eq!(report.articles.len(), 1);
    assert_eq!(report.articles[0].article.origin, Origin::Feed);
    assert_eq!(report.articles[0].article.text, "أقر مجلس النواب الموازنة العامة للعام المقبل بأغلبية أعضائه.");
    assert_eq!(feed_report.pending, 1, "the second page waits for the next poll");
}

#[test]
fn requests_to_one_host_are_spaced() {
    let server = news_server();
    let interval = Duration::from_millis(200);
    let mut config = config();
    config.http.min_host_interval = interval;
    let report = watcher(&[server.url("/feed.xml")], config).poll_once(&mut WatchState::default());
    assert_eq!(report.articles.len(), 2, "{report:#?}");
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    for pair in requests.windows(2) {
        let gap = pair[1].at.duration_since(pair[0].at);
        // The server sees arrivals, not departures: allow a little jitter.
        assert!(gap >= interval - Duration::from_millis(20), "{} then {} after {gap:?}", pair[0].path, pair[1].path);
    }
}

#[test]
fn one_bad_feed_does_not_stop_the_others() {
    let server = news_server();
    server.route(
        "/truncated.xml",
        Reply::ok(RSS, "<?xml version=\"1.0\"?><rss><channel><title>خبر</title><item><title>عن"),
    );
    server.route("/binary.xml", Reply::ok(RSS, vec![0x89, b'P', b'N', b'G', 0, 0, 1, 2, 3, 0xff, 0xfe]));
    server.route("/huge.xml", Reply::ok(RSS, vec![b' '; 300_000]));
    server.route("/html.xml", Reply::ok(HTML, "<html><body><p>ليست خلاصة</p></body></html>"));
    let names = ["/truncated.xml", "/missing.xml", "/binary.xml", "/huge.xml", "/html.xml", "/feed.xml"];
    let urls: Vec<String> = names.iter().map(|p| server.url(p)).collect();
    let mut config = config();
    config.http.max_body_bytes = 200_000;
    let mut state = WatchState::default();
    let report = watcher(&urls, config).poll_once(&mut state);
    assert_eq!(report.feeds.len(), names.len());
    for (feed, url) in report.feeds.iter().zip(&urls).take(5) {
        let FeedOutcome::Failed(error) = &feed.outcome else {
            panic!("{url} did not fail: {feed:#?}");
        };
        assert!(error.to_string().starts_with(url.as_str()), "the error does not name the feed: {error}");
        assert!(state.feeds[url].last_error.is_some());
    }
    assert!(matches!(&report.feeds[1].outcome, FeedOutcome::Failed(WatchError::Status { status: 404, .. })));
    assert!(matches!(&report.feeds[3].outcome, FeedOutcome::Failed(WatchError::TooLarge { limit: 200_000, .. })));
    assert!(matches!(report.feeds[5].outcome, FeedOutcome::Updated { new_items: 2, .. }), "{report:#?}");
    assert_eq!(report.articles.len(), 2);
}

#[test]
fn retry_after_leaves_the_host_alone() {
    let server = news_server();
    server.route("/news/budget", Reply::status(429, &[("Retry-After", "120")]));
    let mut state = WatchState::default();
    let mut watcher = watcher(&[server.url("/feed.xml")], config());
    let report = watcher.poll_once(&mut state);
    let feed_report = only_feed(&report);
    assert!(
        matches!(feed_report.page_errors.as_slice(), [WatchError::RateLimited { status: 429, retry_after, .. }] if *retry_after == Duration::from_secs(120)),
        "{report:#?}"
    );
    // The next page on that host is not requested either; both stay pending.
    assert!(server.requests_to("/news/desalination").is_empty());
    assert_eq!(feed_report.pending, 2);
    assert!(report.articles.is_empty());

    let before = server.requests().len();
    let report = watcher.poll_once(&mut state);
    assert!(matches!(&only_feed(&report).outcome, FeedOutcome::Failed(WatchError::BackingOff { .. })), "{report:#?}");
    assert_eq!(server.requests().len(), before, "the host was asked again during its back-off");
    assert_eq!(only_feed(&report).pending, 2);
}

#[test]
fn a_page_that_is_not_html_gives_the_feed_item() {
    let server = news_server();
    server.route("/news/budget", Reply::ok("application/pdf", b"%PDF-1.7 ...".to_vec()));
    server.route("/news/desalination", Reply::ok(HTML, "<html><head><title>صفحة</title></head><body></body></html>"));
    let report = watcher(&[server.url("/feed.xml")], config()).poll_once(&mut WatchState::default());
    let feed_report = only_feed(&report);
    assert!(
        matches!(feed_report.page_errors.as_slice(), [WatchError::NotHtml { .. }, WatchError::Ingest(_)]),
        "{report:#?}"
    );
    // The first item has a description; the second has none and gives nothing.
    assert_eq!(report.articles.len(), 1);
    let article = &report.articles[0].article;
    assert_eq!(article.origin, Origin::Feed);
    assert_eq!(article.id, server.url("/news/budget"));
    assert_eq!(article.title.as_deref(), Some("مجلس النواب يقر موازنة العام المقبل بعد نقاش مطول"));
    assert_eq!(feed_report.pending, 0, "pages that failed for good are not retried");
}

#[test]
fn transient_page_errors_are_retried_then_given_up() {
    let server = news_server();
    server.route("/news/budget", Reply::status(500, &[]));
    let mut state = WatchState::default();
    let mut watcher = watcher(&[server.url("/feed.xml")], config());
    let mut articles = Vec::new();
    for _ in 0..4 {
        articles.extend(watcher.poll_once(&mut state).articles);
    }
    assert_eq!(server.requests_to("/news/budget").len(), 3, "max_attempts is 3");
    // The desalination page once, then the budget item's own text.
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[1].article.origin, Origin::Feed);
    assert!(state.feeds[&server.url("/feed.xml")].pending.is_empty());
}

#[test]
fn run_polls_until_stopped() {
    let server = news_server();
    let stop = AtomicBool::new(false);
    let mut polls = Vec::new();
    let mut state = WatchState::default();
    watcher(&[server.url("/feed.xml")], config()).run(&mut state, Duration::from_millis(50), &stop, |report, state| {
        polls.push((report.articles.len(), state.feeds.len()));
        if polls.len() == 3 {
            stop.store(true, Ordering::Relaxed);
        }
    });
    assert_eq!(polls, [(2, 1), (0, 1), (0, 1)]);
    assert_eq!(server.requests_to("/feed.xml").len(), 3);
}
