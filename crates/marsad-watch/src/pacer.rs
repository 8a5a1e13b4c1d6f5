//! Politeness per host: a minimum interval between requests, and backing
//! off when a server says `Retry-After`.
//!
//! The pacer only does arithmetic on the instants it is given; the HTTP
//! client sleeps. That keeps it testable without waiting.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// When the next request to each host may go out.
#[derive(Debug)]
pub struct HostPacer {
    min_interval: Duration,
    /// Per host (lower-case, with port when not the default): the earliest
    /// instant of the next request.
    next_allowed: HashMap<String, Instant>,
}

impl HostPacer {
    /// A pacer that keeps requests to one host at least `min_interval` apart.
    pub fn new(min_interval: Duration) -> Self {
        HostPacer { min_interval, next_allowed: HashMap::new() }
    }

    /// How long to wait at `now` before a request to `host` may go out (zero
    /// when it may go at once).
    pub fn wait_before(&self, host: &str, now: Instant) -> Duration {
        self.next_allowed.get(host).map_or(Duration::ZERO, |next| next.saturating_duration_since(now))
    }

    /// Records that a request to `host` went out at `at`: the next one waits
    /// for the minimum interval (or an earlier back-off, whichever is later).
    pub fn record_request(&mut self, host: &str, at: Instant) {
        self.push_back(host, at + self.min_interval);
    }

    /// Leaves `host` alone until `now + wait` (after a 429 or a 503 with
    /// `Retry-After`).
    pub fn back_off(&mut self, host: &str, now: Instant, wait: Duration) {
        self.push_back(host, now + wait);
    }

    fn push_back(&mut self, host: &str, until: Instant) {
        let next = self.next_allowed.entry(host.to_string()).or_insert(until);
        if *next < until {
            *next = until;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_per_host() {
        let start = Instant::now();
        let second = Duration::from_secs(1);
        let mut pacer = HostPacer::new(second);
        assert_eq!(pacer.wait_before("a.example", start), Duration::ZERO);
        pacer.record_request("a.example", start);
        assert_eq!(pacer.wait_before("a.example", start), second);
        assert_eq!(pacer.wait_before("a.example", start + Duration::from_millis(300)), Duration::from_millis(700));
        assert_eq!(pacer.wait_before("a.example", start + second), Duration::ZERO);
        assert_eq!(pacer.wait_before("a.example", start + 2 * second), Duration::ZERO);
        // Another host is not held up.
        assert_eq!(pacer.wait_before("b.example", start), Duration::ZERO);
    }

    #[test]
    fn back_off_outlasts_the_interval() {
        let start = Instant::now();
        let mut pacer = HostPacer::new(Duration::from_secs(1));
        pacer.back_off("a.example", start, Duration::from_secs(120));
        // A request recorded during the back-off does not shorten it.
        pacer.record_request("a.example", start);
        assert_eq!(pacer.wait_before("a.example", start), Duration::from_secs(120));
        assert_eq!(pacer.wait_before("a.example", start + Duration::from_secs(100)), Duration::from_secs(20));
    }
}
