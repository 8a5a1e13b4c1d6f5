//! Which addresses the watcher may connect to.
//!
//! Feed lists and the links inside feeds are untrusted: a feed item linking
//! to `http://169.254.169.254/` or `http://localhost:8080/admin` must not make
//! the watcher fetch from the cloud metadata service or a local admin panel
//! (server-side request forgery). So every host name is resolved by
//! the client's resolver, which hands the HTTP client only the addresses the
//! [`AddressPolicy`] permits: the address that is checked is the address that
//! is connected to, and a DNS answer that changes between a check and the
//! connection (DNS rebinding) cannot slip through. Redirects are followed one
//! hop at a time by the caller, so every hop goes through the same resolver.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Arc;

use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// What an IP address is, as far as reaching it from a news watcher goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddressKind {
    /// A globally routed unicast address.
    Public,
    /// 127.0.0.0/8, ::1.
    Loopback,
    /// 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, and the deprecated IPv6
    /// site-local fec0::/10.
    Private,
    /// 100.64.0.0/10, the carrier-grade NAT space.
    SharedAddressSpace,
    /// 169.254.0.0/16 (where cloud metadata services live), fe80::/10.
    LinkLocal,
    /// fc00::/7.
    UniqueLocal,
    /// 224.0.0.0/4, ff00::/8.
    Multicast,
    /// 0.0.0.0/8, ::. Connecting to 0.0.0.0 reaches the local host on Linux.
    Unspecified,
    /// 255.255.255.255.
    Broadcast,
    /// 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32.
    Documentation,
    /// Anything else that is not globally routed: 192.0.0.0/24, 198.18.0.0/15
    /// (benchmarking), 240.0.0.0/4, IPv6 outside 2000::/3, 2001::/23 (Teredo,
    /// benchmarking, ORCHID), 64:ff9b:1::/48, 100::/64.
    Reserved,
}

impl AddressKind {
    /// A short lower-case name for error messages.
    pub fn name(self) -> &'static str {
        match self {
            AddressKind::Public => "public",
            AddressKind::Loopback => "loopback",
            AddressKind::Private => "private",
            AddressKind::SharedAddressSpace => "shared address space (CGNAT)",
            AddressKind::LinkLocal => "link-local",
            AddressKind::UniqueLocal => "unique local",
            AddressKind::Multicast => "multicast",
            AddressKind::Unspecified => "unspecified",
            AddressKind::Broadcast => "broadcast",
            AddressKind::Documentation => "documentation",
            AddressKind::Reserved => "reserved",
        }
    }
}

impl fmt::Display for AddressKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What `ip` is. IPv6 addresses that carry an IPv4 address (IPv4-mapped
/// `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4
/// `2002::/16`) are what the IPv4 address they carry is, since that is where
/// a connection to them ends up.
pub fn classify(ip: IpAddr) -> AddressKind {
    match ip {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

fn classify_v4(ip: Ipv4Addr) -> AddressKind {
    let [a, b, c, _] = ip.octets();
    match (a, b, c) {
        (0, _, _) => AddressKind::Unspecified,
        (10, _, _) => AddressKind::Private,
        (100, 64..=127, _) => AddressKind::SharedAddressSpace,
        (127, _, _) => AddressKind::Loopback,
        (169, 254, _) => AddressKind::LinkLocal,
        (172, 16..=31, _) => AddressKind::Private,
        (192, 0, 0) => AddressKind::Reserved,
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => AddressKind::Documentation,
        (192, 168, _) => AddressKind::Private,
        (198, 18..=19, _) => AddressKind::Reserved,
        (224..=239, _, _) => AddressKind::Multicast,
        _ if ip == Ipv4Addr::BROADCAST => AddressKind::Broadcast,
        (240..=255, _, _) => AddressKind::Reserved,
        _ => AddressKind::Public,
    }
}

fn classify_v6(ip: Ipv6Addr) -> AddressKind {
    let segments = ip.segments();
    if ip.is_unspecified() {
        return AddressKind::Unspecified;
    }
    if ip.is_loopback() {
        return AddressKind::Loopback;
    }
    if let Some(v4) = ip.to_ipv4_mapped() {
        return classify_v4(v4);
    }
    let embedded_low_v4 =
        || Ipv4Addr::new((segments[6] >> 8) as u8, segments[6] as u8, (segments[7] >> 8) as u8, segments[7] as u8);
    // IPv4-compatible ::a.b.c.d (deprecated, but some stacks still route it).
    if segments[..6].iter().all(|s| *s == 0) {
        return classify_v4(embedded_low_v4());
    }
    // NAT64 well-known prefix 64:ff9b::/96: a translator forwards to the IPv4 address.
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return classify_v4(embedded_low_v4());
    }
    // 6to4 2002:AABB:CCDD::/48 tunnels to the IPv4 address AA.BB.CC.DD.
    if segments[0] == 0x2002 {
        let v4 =
            Ipv4Addr::new((segments[1] >> 8) as u8, segments[1] as u8, (segments[2] >> 8) as u8, segments[2] as u8);
        return match classify_v4(v4) {
            AddressKind::Public => AddressKind::Public,
            _ => AddressKind::Reserved,
        };
    }
    match segments[0] {
        0xff00..=0xffff => AddressKind::Multicast,
        0xfe80..=0xfebf => AddressKind::LinkLocal,
        0xfec0..=0xfeff => AddressKind::Private,
        0xfc00..=0xfdff => AddressKind::UniqueLocal,
        0x2001 if segments[1] == 0x0db8 => AddressKind::Documentation,
        // 2001::/23: IETF protocol assignments (Teredo 2001::/32 hides an
        // arbitrary IPv4 address, benchmarking 2001:2::/48, ORCHID …).
        0x2001 if segments[1] < 0x0200 => AddressKind::Reserved,
        // Global unicast is 2000::/3; everything else (64:ff9b:1::/48 local
        // NAT64, 100::/64 discard …) is not reachable on the Internet.
        0x2000..=0x3fff => AddressKind::Public,
        _ => AddressKind::Reserved,
    }
}

/// Which addresses connections may go to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressPolicy {
    /// Also allow loopback, private, link-local, shared, unique-local,
    /// documentation and reserved addresses (a feed served on the local
    /// network). Multicast, broadcast and unspecified addresses are never
    /// allowed: no web server is there.
    pub allow_private: bool,
    /// Addresses allowed whatever their kind (a known intranet mirror, a test
    /// server on 127.0.0.1), compared after unwrapping IPv4-mapped IPv6.
    pub allowed: Vec<IpAddr>,
}

impl AddressPolicy {
    /// Whether a connection to `ip` is allowed.
    pub fn permits(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        match classify(ip) {
            AddressKind::Public => true,
            _ if self.allowed.contains(&ip) => true,
            AddressKind::Multicast | AddressKind::Broadcast | AddressKind::Unspecified => false,
            _ => self.allow_private,
        }
    }
}

/// A host's addresses were all refused by the [`AddressPolicy`]. Travels
/// through the HTTP client as its `Other` error and becomes
/// [`WatchError::Refused`](crate::WatchError::Refused) with the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AddressRefused {
    pub host: String,
    pub addresses: Vec<IpAddr>,
}

impl AddressRefused {
    /// The kinds of the refused addresses, each once.
    pub fn kinds(&self) -> Vec<&'static str> {
        let mut kinds: Vec<&'static str> = Vec::new();
        for ip in &self.addresses {
            let name = classify(*ip).name();
            if !kinds.contains(&name) {
                kinds.push(name);
            }
        }
        kinds
    }
}

impl fmt::Display for AddressRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} resolves only to refused addresses", self.host)
    }
}

impl std::error::Error for AddressRefused {}

/// The HTTP client's name resolver: the system resolver, then the
/// [`AddressPolicy`] filter. Addresses the policy refuses are dropped; when
/// none is left, resolution fails with [`AddressRefused`].
#[derive(Debug, Clone)]
pub(crate) struct GuardedResolver {
    policy: Arc<AddressPolicy>,
    system: Arc<DefaultResolver>,
}

impl GuardedResolver {
    pub fn new(policy: AddressPolicy) -> Self {
        GuardedResolver { policy: Arc::new(policy), system: Arc::new(DefaultResolver::default()) }
    }
}

impl Resolver for GuardedResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let resolved = self.system.resolve(uri, config, timeout)?;
        let mut permitted = self.empty();
        let mut refused = Vec::new();
        for addr in resolved.iter() {
            if self.policy.permits(addr.ip()) {
                permitted.push(*addr);
            } else {
                refused.push(addr.ip());
            }
        }
        if !refused.is_empty() {
            tracing::debug!(uri = %uri, ?refused, "addresses refused by the address policy");
        }
        if permitted.is_empty() {
            let host = uri.host().unwrap_or_default().to_string();
            return Err(ureq::Error::Other(Box::new(AddressRefused { host, addresses: refused })));
        }
        Ok(permitted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> AddressKind {
        classify(s.parse().expect("an IP address"))
    }

    #[test]
    fn address_table() {
        use AddressKind::*;
        let table = [
            // IPv4
            ("8.8.8.8", Public),
            ("93.184.216.34", Public),
            ("1.1.1.1", Public),
            ("0.0.0.0", Unspecified),
            ("0.1.2.3", Unspecified),
            ("10.0.0.1", Private),
            ("10.255.255.255", Private),
            ("100.63.255.255", Public),
            ("100.64.0.1", SharedAddressSpace),
            ("100.127.255.254", SharedAddressSpace),
            ("100.128.0.0", Public),
            ("127.0.0.1", Loopback),
            ("127.1.2.3", Loopback),
            ("169.254.169.254", LinkLocal),
            ("172.15.255.255", Public),
            ("172.16.0.1", Private),
            ("172.31.255.255", Private),
            ("172.32.0.0", Public),
            ("192.0.0.8", Reserved),
            ("192.0.2.1", Documentation),
            ("192.167.255.255", Public),
            ("192.168.1.1", Private),
            ("198.18.0.1", Reserved),
            ("198.51.100.7", Documentation),
            ("203.0.113.9", Documentation),
            ("224.0.0.1", Multicast),
            ("239.255.255.250", Multicast),
            ("240.0.0.1", Reserved),
            ("255.255.255.255", Broadcast),
            // IPv6
            ("2606:4700::1111", Public),
            ("2a00:1450:4001:81a::200e", Public),
            ("::", Unspecified),
            ("::1", Loopback),
            ("::ffff:127.0.0.1", Loopback),
            ("::ffff:10.1.2.3", Private),
            ("::ffff:169.254.169.254", LinkLocal),
            ("::ffff:8.8.8.8", Public),
            ("::127.0.0.1", Loopback),
            ("::192.168.0.1", Private),
            ("64:ff9b::10.0.0.1", Private),
            ("64:ff9b::8.8.8.8", Public),
            ("64:ff9b:1::1", Reserved),
            ("2002:7f00:1::", Reserved),
            ("2002:0808:0808::1", Public),
            ("fc00::1", UniqueLocal),
            ("fd12:3456:789a::1", UniqueLocal),
            ("fe80::1", LinkLocal),
            ("febf::1", LinkLocal),
            ("fec0::1", Private),
            ("ff02::1", Multicast),
            ("ff0e::1", Multicast),
            ("2001:db8::1", Documentation),
            ("2001::1", Reserved),
            ("2001:2::1", Reserved),
            ("100::1", Reserved),
            ("4000::1", Reserved),
        ];
        let wrong: Vec<String> = table
            .iter()
            .filter(|(ip, expected)| kind(ip) != *expected)
            .map(|(ip, expected)| format!("{ip}: {:?}, expected {expected:?}", kind(ip)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn policy() {
        let strict = AddressPolicy::default();
        let local = AddressPolicy { allow_private: true, allowed: vec![] };
        let one = AddressPolicy { allow_private: false, allowed: vec!["127.0.0.1".parse().expect("ip")] };
        let ip = |s: &str| -> IpAddr { s.parse().expect("ip") };

        assert!(strict.permits(ip("8.8.8.8")));
        for refused in ["127.0.0.1", "10.0.0.1", "::1", "::ffff:192.168.0.1", "fd00::1", "169.254.169.254"] {
            assert!(!strict.permits(ip(refused)), "{refused}");
            assert!(local.permits(ip(refused)), "{refused}");
        }
        for never in ["0.0.0.0", "::", "224.0.0.1", "255.255.255.255", "ff02::1"] {
            assert!(!local.permits(ip(never)), "{never}");
        }
        assert!(one.permits(ip("127.0.0.1")));
        assert!(one.permits(ip("::ffff:127.0.0.1")));
        assert!(!one.permits(ip("127.0.0.2")));
        assert!(!one.permits(ip("::1")));
    }
}
