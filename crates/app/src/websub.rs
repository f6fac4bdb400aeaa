//! The publisher's side of WebSub (W3C Recommendation, 2018): telling the configured hub
//! (`AppConfig::websub_hub`) that a topic changed, so it fetches the feed and pushes the
//! new items to its subscribers within seconds instead of their next poll.
//!
//! The Recommendation leaves the publisher-to-hub call open; every public hub takes the
//! PubSubHubbub form used here: a form-encoded `POST` of `hub.mode=publish` and
//! `hub.url=<topic>`, one topic per request (some hubs read only the first `hub.url`).
//! Any 2xx is an acceptance; anything else, or no answer within [`PING_TIMEOUT`], fails
//! the ping and the job retries it (see [`crate::jobs::websub`]).
//!
//! Discovery (the `rel="hub"` and `rel="self"` links of every feed) is the reading site's.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use futures::StreamExt;

use crate::AppConfig;

/// Longest a hub may take to answer one ping, connection included.
pub const PING_TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Pings of one job in flight at once: a publish touches a dozen topics or so, and a hub
/// should not see a burst of them from one publisher.
const PARALLEL: usize = 4;
/// What of a refusing hub's answer goes into the error (its reason, not a whole page).
const REASON_BYTES: usize = 300;

/// The configured hub, if any (a blank setting is none). Feeds advertise exactly this, and
/// pings go to it.
pub fn hub(config: &AppConfig) -> Option<&str> {
    config
        .websub_hub
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
}

/// Why a hub URL is refused; the binary checks `websub_hub` with [`check_hub`] at start-up.
pub fn check_hub(hub: &str) -> Result<(), String> {
    let url = reqwest::Url::parse(hub).map_err(|e| format!("not a URL ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err("must be an http:// or https:// URL with a host".to_owned());
    }
    Ok(())
}

/// One topic the hub did not take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{topic}: {reason}")]
pub struct PingFailed {
    pub topic: String,
    pub reason: String,
}

/// Tells `hub` that each of `topics` changed; returns the pings that failed (empty: all
/// accepted).
pub async fn publish_all(hub: &str, topics: &[String]) -> Vec<PingFailed> {
    // Owned inputs: a stream of futures borrowing them is not `Send` for every lifetime,
    // which the job's future must be.
    let pings: Vec<_> = topics
        .iter()
        .map(|topic| {
            let (hub, topic) = (hub.to_owned(), topic.clone());
            async move { publish(&hub, &topic).await.err() }
        })
        .collect();
    let outcomes: Vec<Option<PingFailed>> = futures::stream::iter(pings)
        .buffer_unordered(PARALLEL)
        .collect()
        .await;
    outcomes.into_iter().flatten().collect()
}

/// Tells `hub` that `topic` (a feed's absolute URL, exactly as its `rel="self"` says)
/// changed.
pub async fn publish(hub: &str, topic: &str) -> Result<(), PingFailed> {
    let failed = |reason: String| PingFailed {
        topic: topic.to_owned(),
        reason,
    };
    let client = client().map_err(failed)?;
    let response = client
        .post(hub)
        .form(&[("hub.mode", "publish"), ("hub.url", topic)])
        .send()
        .await
        .map_err(|e| failed(describe(&e)))?;
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    // A redirect is not followed: a POST turned into a GET by a 301 would drop the ping
    // while the hub said "fine". The operator is told where the hub moved instead.
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(|l| format!(" (Location: {l})"))
        .unwrap_or_default();
    let reason = reason(response).await;
    Err(failed(format!(
        "the hub answered {status}{location}{reason}"
    )))
}

/// The first bytes of a refusal's body, on one line.
async fn reason(mut response: reqwest::Response) -> String {
    let mut body = Vec::new();
    while body.len() < REASON_BYTES {
        match response.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            _ => break,
        }
    }
    body.truncate(REASON_BYTES);
    let text = String::from_utf8_lossy(&body);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        String::new()
    } else {
        format!(": {text}")
    }
}

fn describe(err: &reqwest::Error) -> String {
    if err.is_timeout() {
        format!("no answer within {} s", PING_TIMEOUT.as_secs())
    } else if err.is_connect() {
        format!("cannot connect to the hub ({err})")
    } else {
        err.to_string()
    }
}

/// One client per process: its connection pool keeps the hub's connection between pings.
fn client() -> Result<&'static reqwest::Client, String> {
    static CLIENT: OnceLock<Result<reqwest::Client, String>> = OnceLock::new();
    CLIENT
        .get_or_init(build_client)
        .as_ref()
        .map_err(Clone::clone)
}

fn build_client() -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls()?)
        .timeout(PING_TIMEOUT)
        .connect_timeout(CONNECT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!(
            "Newsdesk/",
            env!("CARGO_PKG_VERSION"),
            " (WebSub publisher)"
        ))
        .build()
        .map_err(|e| format!("cannot make the HTTP client: {e}"))
}

/// rustls on ring with the system's CA roots, as outgoing mail uses: reqwest's own default
/// would bring a second crypto provider (aws-lc) into the build.
fn tls() -> Result<rustls::ClientConfig, String> {
    let found = rustls_native_certs::load_native_certs();
    for err in &found.errors {
        tracing::warn!(%err, "WebSub: a system CA certificate could not be read");
    }
    let mut roots = rustls::RootCertStore::empty();
    let (_, ignored) = roots.add_parsable_certificates(found.certs);
    if ignored > 0 {
        tracing::debug!(ignored, "WebSub: system CA certificates rustls cannot use");
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS settings: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_urls_must_be_absolute_http() {
        assert!(check_hub("https://pubsubhubbub.appspot.com/").is_ok());
        assert!(check_hub("http://127.0.0.1:9000/hub").is_ok());
        for bad in ["", "pubsubhubbub.appspot.com", "ftp://hub.example/", "/hub"] {
            assert!(check_hub(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_client_builds_with_the_ring_provider() {
        assert!(client().is_ok());
    }

    #[tokio::test]
    async fn an_unreachable_hub_fails_the_ping_with_the_topic() {
        // A port that was just free: the connection is refused.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap_or(9);
        let hub = format!("http://127.0.0.1:{port}/");
        let failed = publish_all(&hub, &["https://n.example/en/feed.rss".into()]).await;
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].topic, "https://n.example/en/feed.rss");
    }
}
