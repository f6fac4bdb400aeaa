//! The small real hub: it answers each `hub.mode=publish` ping (204, or 503 while
//! `down`), then, as a public hub does before distributing, fetches the pinged topic and
//! records what the feed document and its `Link` header say.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::post;
use axum::{Form, Router};
use tokio::net::TcpListener;

/// One `POST` the hub received, and what it answered.
#[derive(Debug, Clone)]
pub struct Ping {
    pub content_type: String,
    pub mode: String,
    pub url: String,
    pub answered: u16,
    pub at: Instant,
}

/// What the hub got when it fetched a pinged topic.
#[derive(Debug, Clone)]
pub struct Fetch {
    pub topic: String,
    pub status: u16,
    pub link: String,
    pub doc: Doc,
}

/// What a feed document says about itself.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub self_url: String,
    pub hubs: Vec<String>,
    pub titles: Vec<String>,
}

#[derive(Clone, Default)]
pub struct Hub {
    pub pings: Arc<Mutex<Vec<Ping>>>,
    pub fetches: Arc<Mutex<Vec<Fetch>>>,
    /// While set, every ping is answered 503.
    pub down: Arc<AtomicBool>,
    pub client: Option<reqwest::Client>,
    pub url: String,
}

impl Hub {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        // reqwest's TLS is built on rustls without a provider of its own (see the
        // workspace Cargo.toml); the hub fetches plain HTTP but the client still wants one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let hub = Hub {
            client: Some(
                reqwest::Client::builder()
                    .timeout(Duration::from_secs(10))
                    .build()
                    .unwrap(),
            ),
            url: format!("http://{addr}/hub"),
            ..Hub::default()
        };
        let app = Router::new()
            .route("/hub", post(publish))
            .with_state(hub.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        hub
    }

    pub fn pings(&self) -> Vec<Ping> {
        self.pings.lock().unwrap().clone()
    }

    pub fn fetches(&self) -> Vec<Fetch> {
        self.fetches.lock().unwrap().clone()
    }

    /// Topics pinged and accepted.
    pub fn accepted(&self) -> BTreeSet<String> {
        self.pings()
            .into_iter()
            .filter(|p| (200..300).contains(&p.answered))
            .map(|p| p.url)
            .collect()
    }

    pub fn fetched(&self) -> BTreeSet<String> {
        self.fetches().into_iter().map(|f| f.topic).collect()
    }
}

/// The publish endpoint: accepts (204), then fetches the topic as a hub does before it
/// distributes it.
async fn publish(
    State(hub): State<Hub>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> StatusCode {
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let answer = if hub.down.load(Ordering::SeqCst) {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::NO_CONTENT
    };
    let url = field("hub.url");
    hub.pings.lock().unwrap().push(Ping {
        content_type: headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
        mode: field("hub.mode"),
        url: url.clone(),
        answered: answer.as_u16(),
        at: Instant::now(),
    });
    if answer.is_success() {
        tokio::spawn(async move {
            let fetch = fetch(hub.client.as_ref().unwrap(), &url).await;
            hub.fetches.lock().unwrap().push(fetch);
        });
    }
    answer
}

async fn fetch(client: &reqwest::Client, topic: &str) -> Fetch {
    let response = client.get(topic).send().await.unwrap();
    let status = response.status().as_u16();
    let link = link(response.headers());
    let body = response.text().await.unwrap();
    Fetch {
        topic: topic.to_owned(),
        status,
        link,
        doc: parse(topic, &body),
    }
}

pub fn link(headers: &reqwest::header::HeaderMap) -> String {
    headers
        .get_all(reqwest::header::LINK)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a feed the way a hub or reader would, by its format.
pub fn parse(url: &str, body: &str) -> Doc {
    if url.ends_with(".rss") {
        let channel = rss::Channel::read_from(body.as_bytes()).unwrap();
        let links = channel
            .extensions()
            .get("atom")
            .and_then(|a| a.get("link"))
            .cloned()
            .unwrap_or_default();
        let rel = |r: &str| -> Vec<String> {
            links
                .iter()
                .filter(|l| l.attrs().get("rel").is_some_and(|v| v == r))
                .filter_map(|l| l.attrs().get("href").cloned())
                .collect()
        };
        Doc {
            self_url: rel("self").concat(),
            hubs: rel("hub"),
            titles: channel
                .items()
                .iter()
                .filter_map(|i| i.title().map(str::to_owned))
                .collect(),
        }
    } else if url.ends_with(".atom") {
        let feed: atom_syndication::Feed = body.parse().unwrap();
        let rel = |r: &str| -> Vec<String> {
            feed.links()
                .iter()
                .filter(|l| l.rel() == r)
                .map(|l| l.href().to_owned())
                .collect()
        };
        Doc {
            self_url: rel("self").concat(),
            hubs: rel("hub"),
            titles: feed
                .entries()
                .iter()
                .map(|e| e.title().value.clone())
                .collect(),
        }
    } else {
        let feed: serde_json::Value = serde_json::from_str(body).unwrap();
        let hubs = feed
            .get("hubs")
            .map(|h| {
                h.as_array()
                    .unwrap()
                    .iter()
                    .map(|hub| {
                        assert_eq!(hub["type"], "WebSub");
                        hub["url"].as_str().unwrap().to_owned()
                    })
                    .collect()
            })
            .unwrap_or_default();
        Doc {
            self_url: feed["feed_url"].as_str().unwrap().to_owned(),
            hubs,
            titles: feed["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["title"].as_str().unwrap().to_owned())
                .collect(),
        }
    }
}
