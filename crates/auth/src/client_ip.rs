//! The real client address. Behind a load balancer or CDN every connection comes from the
//! proxy, so rate limits keyed on the socket address would put all readers in one bucket.
//! `X-Forwarded-For` / `Forwarded` name the client, but anyone can send them: they are
//! believed only when the connecting peer is a configured trusted proxy, and only up to
//! the first address that is not itself a trusted proxy (reading right to left), so a
//! client cannot prepend a forged address.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderMap;
use http::request::Parts;
use ipnet::IpNet;

/// The networks whose forwarding headers are believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<Vec<IpNet>>);

impl TrustedProxies {
    pub fn new(nets: Vec<IpNet>) -> Self {
        Self(Arc::new(nets))
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client behind a connection from `peer` carrying `headers`.
    pub fn resolve(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let chain = forwarded_chain(headers);
        // Right to left: the nearest hops are our own proxies; the first one that is not
        // is the client as our outermost proxy saw it.
        let mut client = peer;
        for hop in chain.iter().rev() {
            client = *hop;
            if !self.trusts(*hop) {
                break;
            }
        }
        client
    }
}

/// An IPv4 peer on a dual-stack socket arrives as `::ffff:a.b.c.d`; limits and trust lists
/// speak of `a.b.c.d`.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The addresses of `X-Forwarded-For` (all of its header lines, in order), or else of
/// `Forwarded`'s `for=` parameters (RFC 7239). Unparsable entries (`unknown`, obfuscated
/// identifiers) end the chain there: nothing to their left can be trusted.
fn forwarded_chain(headers: &HeaderMap) -> Vec<IpAddr> {
    let xff: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let entries: Vec<String> = if !xff.is_empty() {
        xff.into_iter().map(str::to_owned).collect()
    } else {
        headers
            .get_all(http::header::FORWARDED)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (key, value) = pair.trim().split_once('=')?;
                    key.trim()
                        .eq_ignore_ascii_case("for")
                        .then(|| value.trim().trim_matches('"').to_owned())
                })
            })
            .collect()
    };
    let mut chain = Vec::new();
    for entry in entries.iter().rev() {
        match parse_node(entry) {
            Some(ip) => chain.push(canonical(ip)),
            None => break,
        }
    }
    chain.reverse();
    chain
}

/// `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1`, `[2001:db8::1]:4711`.
fn parse_node(node: &str) -> Option<IpAddr> {
    if let Ok(ip) = node.parse() {
        return Some(ip);
    }
    if let Ok(addr) = node.parse::<SocketAddr>() {
        return Some(addr.ip());
    }
    node.strip_prefix('[')
        .and_then(|rest| rest.split(']').next())
        .and_then(|inner| inner.parse().ok())
}

/// The client address of this request, as resolved by [`layer`]; `None` only when the
/// server runs without connection info (some tests), which then share one bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        if let Some(ip) = parts.extensions.get::<ClientIp>() {
            return Ok(*ip);
        }
        Ok(ClientIp(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| canonical(c.0.ip())),
        ))
    }
}

/// Middleware: resolves the client address once per request and stores it as a
/// [`ClientIp`] extension for every rate limit, the audit log and the request log.
pub async fn layer(
    State(trusted): State<TrustedProxies>,
    mut req: Request,
    next: Next,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = peer.map(|peer| trusted.resolve(peer, req.headers()));
    req.extensions_mut().insert(ClientIp(client));
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    fn proxies() -> TrustedProxies {
        TrustedProxies::new(vec![
            "10.0.0.0/8".parse().unwrap(),
            "::1/128".parse().unwrap(),
        ])
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let h = headers(&[("x-forwarded-for", "9.9.9.9")]);
        assert_eq!(proxies().resolve(ip("203.0.113.5"), &h), ip("203.0.113.5"));
    }

    #[test]
    fn a_trusted_peer_names_the_client_and_forged_prefixes_are_skipped() {
        let h = headers(&[("x-forwarded-for", "6.6.6.6, 198.51.100.7, 10.1.1.1")]);
        assert_eq!(proxies().resolve(ip("10.0.0.2"), &h), ip("198.51.100.7"));
        let h = headers(&[
            ("x-forwarded-for", "198.51.100.7"),
            ("x-forwarded-for", "10.2.2.2"),
        ]);
        assert_eq!(proxies().resolve(ip("::1"), &h), ip("198.51.100.7"));
    }

    #[test]
    fn forwarded_header_and_mapped_addresses() {
        let h = headers(&[(
            "forwarded",
            "for=\"[2001:db8::7]:4711\";proto=https, for=10.0.0.9",
        )]);
        assert_eq!(proxies().resolve(ip("10.0.0.2"), &h), ip("2001:db8::7"));
        let h = headers(&[("x-forwarded-for", "192.0.2.1:1234")]);
        assert_eq!(
            proxies().resolve(ip("::ffff:10.0.0.3"), &h),
            ip("192.0.2.1")
        );
    }

    #[test]
    fn garbage_stops_the_chain_at_the_proxy() {
        let h = headers(&[("x-forwarded-for", "198.51.100.7, unknown")]);
        assert_eq!(proxies().resolve(ip("10.0.0.2"), &h), ip("10.0.0.2"));
        let none = TrustedProxies::default();
        assert_eq!(none.resolve(ip("10.0.0.2"), &h), ip("10.0.0.2"));
    }
}
