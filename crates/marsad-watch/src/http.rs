//! The HTTP client: one blocking GET at a time, paced per host, redirects
//! followed one hop at a time, bodies capped.
//!
//! Built on `ureq` with its automatic redirects and environment proxy turned
//! off: a redirect must go through the address guard like any other request,
//! and a proxy would resolve the target host itself, out of the guard's reach.

use std::thread;
use std::time::{Duration, Instant, SystemTime};

use url::Url;

use crate::address::{AddressPolicy, AddressRefused, GuardedResolver};
use crate::error::{Result, WatchError};
use crate::pacer::HostPacer;

/// `Retry-After` values are capped at this: a server asking for a week is
/// asked again in six hours.
const MAX_BACK_OFF: Duration = Duration::from_secs(6 * 60 * 60);
/// How long a host is left alone after a 429 without `Retry-After`.
const DEFAULT_BACK_OFF: Duration = Duration::from_secs(60);

/// Settings of the HTTP client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpSettings {
    /// Sent as `User-Agent`.
    pub user_agent: String,
    /// Time allowed to connect (name resolution and TLS included).
    pub connect_timeout: Duration,
    /// Time allowed for any one read from the server, and for the response
    /// headers to arrive.
    pub read_timeout: Duration,
    /// Time allowed for one request from start to the end of the body.
    pub total_timeout: Duration,
    /// Bodies longer than this (after gzip decoding) are refused.
    pub max_body_bytes: u64,
    /// Redirects followed per request.
    pub max_redirects: usize,
    /// Minimum time between two requests to the same host.
    pub min_host_interval: Duration,
    /// The longest the client sleeps to honour a host's pacing; a longer wait
    /// (a `Retry-After` back-off) fails the request with
    /// [`WatchError::BackingOff`] instead, so one slow host does not hold up
    /// the others.
    pub max_pacing_sleep: Duration,
    /// Which addresses may be connected to.
    pub addresses: AddressPolicy,
}

impl Default for HttpSettings {
    fn default() -> Self {
        HttpSettings {
            user_agent: format!("marsad/{} (news watcher; polls feeds politely)", env!("CARGO_PKG_VERSION")),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            total_timeout: Duration::from_secs(120),
            max_body_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            min_host_interval: Duration::from_secs(1),
            max_pacing_sleep: Duration::from_secs(30),
            addresses: AddressPolicy::default(),
        }
    }
}

/// Validators from an earlier response, sent to ask "only if changed".
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Validators<'a> {
    pub etag: Option<&'a str>,
    pub last_modified: Option<&'a str>,
}

/// What a GET brought back.
#[derive(Debug)]
pub(crate) enum Fetched {
    /// 304: the validators still hold.
    NotModified,
    /// A 2xx response with its body.
    Body(Response),
}

/// A successful response.
#[derive(Debug)]
pub(crate) struct Response {
    /// The URL after redirects.
    pub url: String,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
}

/// The blocking client with its per-host pacing.
#[derive(Debug)]
pub(crate) struct HttpClient {
    agent: ureq::Agent,
    pacer: HostPacer,
    settings: HttpSettings,
}

impl HttpClient {
    pub fn new(settings: HttpSettings) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .proxy(None)
            .user_agent(settings.user_agent.as_str())
            .timeout_connect(Some(settings.connect_timeout))
            .timeout_recv_response(Some(settings.read_timeout))
            .timeout_per_read(Some(settings.read_timeout))
            .timeout_global(Some(settings.total_timeout))
            .build();
        let resolver = GuardedResolver::new(settings.addresses.clone());
        let agent =
            ureq::Agent::with_parts(config, ureq::unversioned::transport::DefaultConnector::default(), resolver);
        HttpClient { agent, pacer: HostPacer::new(settings.min_host_interval), settings }
    }

    /// GETs `url`, following redirects, sending `validators` as
    /// `If-None-Match` / `If-Modified-Since`.
    pub fn get(&mut self, url: &str, accept: &str, validators: Validators<'_>) -> Result<Fetched> {
        let mut current = parse_http_url(url)?;
        let mut redirects = 0;
        loop {
            let mut response = self.exchange(&current, accept, validators)?;
            let status = response.status().as_u16();
            match status {
                304 => return Ok(Fetched::NotModified),
                301 | 302 | 303 | 307 | 308 => {
                    redirects += 1;
                    if redirects > self.settings.max_redirects {
                        return Err(WatchError::TooManyRedirects {
                            url: url.to_string(),
                            limit: self.settings.max_redirects,
                        });
                    }
                    let location = header(&response, "location").ok_or_else(|| WatchError::BadRedirect {
                        url: current.to_string(),
                        detail: format!("status {status} without a Location header"),
                    })?;
                    let next = current.join(&location).map_err(|e| WatchError::BadRedirect {
                        url: current.to_string(),
                        detail: format!("Location {location:?}: {e}"),
                    })?;
                    current = check_http_url(next).map_err(|e| WatchError::BadRedirect {
                        url: current.to_string(),
                        detail: format!("Location {location:?}: {e}"),
                    })?;
                    tracing::debug!(from = url, to = %current, "following redirect");
                }
                429 | 503 => {
                    let retry_after = header(&response, "retry-after").and_then(|v| parse_retry_after(&v));
                    if status == 503 && retry_after.is_none() {
                        return Err(WatchError::Status { url: current.to_string(), status });
                    }
                    let wait = retry_after.unwrap_or(DEFAULT_BACK_OFF).min(MAX_BACK_OFF);
                    self.pacer.back_off(&host_key(&current), Instant::now(), wait);
                    return Err(WatchError::RateLimited { url: current.to_string(), status, retry_after: wait });
                }
                200..=299 => {
                    let body = response
                        .body_mut()
                        .with_config()
                        .limit(self.settings.max_body_bytes)
                        .read_to_vec()
                        .map_err(|e| self.transport_error(&current, e))?;
                    return Ok(Fetched::Body(Response {
                        content_type: header(&response, "content-type"),
                        etag: header(&response, "etag"),
                        last_modified: header(&response, "last-modified"),
                        url: current.into(),
                        body,
                    }));
                }
                _ => return Err(WatchError::Status { url: current.to_string(), status }),
            }
        }
    }

    /// One request, after waiting for the host's turn.
    fn exchange(
        &mut self,
        url: &Url,
        accept: &str,
        validators: Validators<'_>,
    ) -> Result<ureq::http::Response<ureq::Body>> {
        let host = host_key(url);
        let wait = self.pacer.wait_before(&host, Instant::now());
        if wait > self.settings.max_pacing_sleep {
            return Err(WatchError::BackingOff { url: url.to_string(), host, wait });
        }
        if !wait.is_zero() {
            thread::sleep(wait);
        }
        self.pacer.record_request(&host, Instant::now());

        let mut request = self.agent.get(url.as_str()).header("Accept", accept);
        if let Some(etag) = validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(last_modified) = validators.last_modified {
            request = request.header("If-Modified-Since", last_modified);
        }
        request.call().map_err(|e| self.transport_error(url, e))
    }

    fn transport_error(&self, url: &Url, error: ureq::Error) -> WatchError {
        let url = url.to_string();
        match error {
            ureq::Error::Other(inner) => match inner.downcast::<AddressRefused>() {
                Ok(refused) => {
                    let kinds = refused.kinds();
                    WatchError::Refused { url, host: refused.host, addresses: refused.addresses, kinds }
                }
                Err(other) => WatchError::Http { url, detail: other.to_string() },
            },
            ureq::Error::BodyExceedsLimit(_) => WatchError::TooLarge { url, limit: self.settings.max_body_bytes },
            ureq::Error::HostNotFound => WatchError::Http { url, detail: "host not found".to_string() },
            ureq::Error::Timeout(which) => WatchError::Http { url, detail: format!("timed out ({which})") },
            other => WatchError::Http { url, detail: other.to_string() },
        }
    }
}

/// The pacing key of a URL: its host, with the port when it is not the
/// scheme's default.
pub(crate) fn host_key(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    }
}

/// Parses an http(s) URL with a host.
pub(crate) fn parse_http_url(url: &str) -> Result<Url> {
    let parsed =
        Url::parse(url.trim()).map_err(|e| WatchError::BadUrl { url: url.to_string(), detail: e.to_string() })?;
    check_http_url(parsed).map_err(|detail| WatchError::BadUrl { url: url.to_string(), detail })
}

fn check_http_url(url: Url) -> std::result::Result<Url, String> {
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(format!("only http and https URLs are fetched, not {}:", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("no host".to_string());
    }
    if !url.username().is_empty() || url.password().is_some() {
        // Credentials in a feed's links would be sent to whoever the link names.
        return Err("URLs with a user name or password are not fetched".to_string());
    }
    Ok(url)
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    let value = response.headers().get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// A `Retry-After` value: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
/// A date in the past means "now".
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_values() {
        assert_eq!(parse_retry_after("120"), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3600));
        let wait = parse_retry_after(&later).expect("an HTTP date");
        assert!(wait > Duration::from_secs(3500) && wait <= Duration::from_secs(3600), "{wait:?}");
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("-5"), None);
    }

    #[test]
    fn urls() {
        assert!(parse_http_url("https://aljazeera.example/feed").is_ok());
        assert!(parse_http_url("ftp://x.example/feed").is_err());
        assert!(parse_http_url("file:///etc/passwd").is_err());
        assert!(parse_http_url("http://user:pw@x.example/").is_err());
        assert!(parse_http_url("not a url").is_err());
        let url = parse_http_url("HTTP://News.Example:8080/a").expect("valid");
        assert_eq!(host_key(&url), "news.example:8080");
        let url = parse_http_url("https://news.example:443/a").expect("valid");
        assert_eq!(host_key(&url), "news.example");
    }
}
