//! WebSub, end to end: an instance served on a loopback port with its background work,
//! and a small real hub beside it that, like a public one, answers each `hub.mode=publish`
//! ping and then fetches the pinged feed from the instance. Publishing an article must
//! reach the hub within seconds for every feed it changed, each fetched feed must show the
//! article and name the hub and itself (in the document and the `Link` header), a refused
//! ping is retried, a publish made while the background work was down is announced when it
//! comes back, and without a hub nothing of this happens.

#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

mod hub;
mod instance;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use chrono::Utc;
use newsdesk_app::jobs::websub::{WebsubPing, queue};
use newsdesk_bus::Bus;
use newsdesk_media::MediaStore;
use newsdesk_site::{AppConfig, AppState};
use newsdesk_store::{JobFilter, Store};

use hub::{Hub, link, parse};
use instance::{HEADLINE, Instance, until, wait_for_fetches};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publish_reaches_the_hub_for_every_feed_it_changed() {
    let hub = Hub::start().await;
    let (instance, desk) = Instance::start(Some(&hub.url)).await;
    let topics = instance.topics();
    assert_eq!(topics.len(), 12);

    let started = Instant::now();
    instance.publish(&desk).await;
    wait_for_fetches(&hub, &topics).await;
    let took = started.elapsed();
    assert!(took < Duration::from_secs(10), "pings took {took:?}");

    // One ping per feed (the publish is one change), each a form-encoded publish.
    let pings = hub.pings();
    assert_eq!(pings.len(), topics.len(), "{pings:#?}");
    for ping in &pings {
        assert_eq!(ping.mode, "publish");
        assert_eq!(ping.content_type, "application/x-www-form-urlencoded");
        assert_eq!(ping.answered, 204);
    }
    assert_eq!(hub.accepted(), topics);

    // What the hub fetched is the new article, from a document naming the hub and, as
    // its self, exactly the URL that was pinged; the Link header says the same.
    for fetch in hub.fetches() {
        assert_eq!(fetch.status, 200, "{}", fetch.topic);
        assert_eq!(fetch.doc.titles, [HEADLINE], "{}", fetch.topic);
        assert_eq!(fetch.doc.self_url, fetch.topic);
        assert_eq!(fetch.doc.hubs, [hub.url.as_str()], "{}", fetch.topic);
        assert_eq!(
            fetch.link,
            format!(r#"<{}>; rel="hub", <{}>; rel="self""#, hub.url, fetch.topic)
        );
    }

    // The job left the queue: it succeeded.
    let instance = &instance;
    until("the ping job to finish", || async move {
        instance.websub_jobs().await.is_empty().then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_link_header_survives_the_page_cache() {
    let hub = Hub::start().await;
    let (instance, _) = Instance::start(Some(&hub.url)).await;
    let client = hub.client.clone().unwrap();
    let url = instance.url("/en/section/harbour/feed.atom");
    let expected = format!(r#"<{}>; rel="hub", <{url}>; rel="self""#, hub.url);

    let first = client.get(&url).send().await.unwrap();
    assert_eq!(first.status(), 200);
    assert_eq!(link(first.headers()), expected);
    let etag = first.headers()[reqwest::header::ETAG].clone();
    // From the cache now.
    let second = client.get(&url).send().await.unwrap();
    assert_eq!(second.headers()[reqwest::header::ETAG], etag);
    assert_eq!(link(second.headers()), expected);
    let head = client.head(&url).send().await.unwrap();
    assert_eq!(link(head.headers()), expected);
    let unchanged = client
        .get(&url)
        .header(reqwest::header::IF_NONE_MATCH, etag)
        .send()
        .await
        .unwrap();
    assert_eq!(unchanged.status(), 304);
    assert_eq!(link(unchanged.headers()), expected);

    // Other documents are no WebSub topics.
    let sitemap = client
        .get(instance.url("/en/news-sitemap.xml"))
        .send()
        .await
        .unwrap();
    assert_eq!(link(sitemap.headers()), "");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_hub_feeds_name_none_and_nothing_is_pinged() {
    // A hub is running, but nobody told the instance about it.
    let hub = Hub::start().await;
    let (instance, desk) = Instance::start(None).await;
    let client = hub.client.clone().unwrap();

    let seq = instance.publish(&desk).await;
    for topic in instance.topics() {
        let response = client.get(&topic).send().await.unwrap();
        assert_eq!(response.status(), 200, "{topic}");
        assert_eq!(link(response.headers()), "", "{topic}");
        let body = response.text().await.unwrap();
        let doc = parse(&topic, &body);
        assert!(doc.hubs.is_empty(), "{topic}");
        assert_eq!(doc.self_url, topic);
        assert_eq!(doc.titles, [HEADLINE]);
        if topic.ends_with(".json") {
            assert!(!body.contains("\"hubs\""));
        }
    }

    // The consumer saw the publish and queued nothing; nothing reaches the hub.
    let instance = &instance;
    until("the websub consumer to pass the publish", || async move {
        let cursor = instance.store().consumer_cursor("websub").await.unwrap();
        cursor.is_some_and(|c| c >= seq).then_some(())
    })
    .await;
    assert!(instance.websub_jobs().await.is_empty());
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(instance.websub_jobs().await.is_empty());
    assert!(hub.pings().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_ping_is_retried_with_backoff() {
    let hub = Hub::start().await;
    hub.down.store(true, Ordering::SeqCst);
    let (instance, desk) = Instance::start(Some(&hub.url)).await;
    let topics = instance.topics();

    instance.publish(&desk).await;
    let instance = &instance;
    let job = until(
        "the refused ping to be recorded on its job",
        || async move {
            instance
                .websub_jobs()
                .await
                .into_iter()
                .find(|j| j.attempts == 1 && j.locked_until.is_none() && j.last_error.is_some())
        },
    )
    .await;
    let error = job.last_error.clone().unwrap();
    assert!(error.contains("503 Service Unavailable"), "{error}");
    assert!(error.contains("12 of 12 pings failed"), "{error}");
    assert!(job.failed_at.is_none(), "a 503 is worth another try");
    assert!(job.run_at > Utc::now(), "the retry waits for its backoff");
    let refused = hub.pings();
    assert!(!refused.is_empty() && refused.iter().all(|p| p.answered == 503));
    assert!(hub.fetches().is_empty());

    hub.down.store(false, Ordering::SeqCst);
    wait_for_fetches(&hub, &topics).await;
    assert_eq!(hub.accepted(), topics);
    let first_refusal = refused.iter().map(|p| p.at).min().unwrap();
    let first_acceptance = hub
        .pings()
        .iter()
        .filter(|p| p.answered == 204)
        .map(|p| p.at)
        .min()
        .unwrap();
    assert!(
        first_acceptance - first_refusal >= Duration::from_secs(4),
        "retried after {:?}, before its 5 s backoff",
        first_acceptance - first_refusal
    );
    for fetch in hub.fetches() {
        assert_eq!(fetch.doc.titles, [HEADLINE], "{}", fetch.topic);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publish_made_while_the_background_was_down_is_announced_after() {
    let hub = Hub::start().await;
    let (mut instance, desk) = Instance::start(Some(&hub.url)).await;
    instance.stop_background().await;

    instance.publish(&desk).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(hub.pings().is_empty(), "nothing runs while stopped");

    instance.start_background().await;
    wait_for_fetches(&hub, &instance.topics()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_of_an_edition_while_its_ping_waits_are_folded_into_it() {
    // No background work: the queued jobs stay where they are.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_sqlite(&dir.path().join("newsdesk.db"))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let config = AppConfig::for_tests(dir.path().to_path_buf());
    let state = AppState::new(store, Bus::in_process(), MediaStore::memory(), config).unwrap();
    let app = state.app();
    let topics = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();

    queue(app, "en", topics(&["en/a", "en/b"])).await.unwrap();
    let first = state
        .store()
        .list_jobs(JobFilter::Pending, 10)
        .await
        .unwrap();
    queue(app, "en", topics(&["en/b", "en/c"])).await.unwrap();
    queue(app, "en", topics(&["en/a"])).await.unwrap();
    queue(app, "ar", topics(&["ar/a"])).await.unwrap();

    let jobs = state
        .store()
        .list_jobs(JobFilter::Pending, 10)
        .await
        .unwrap();
    let pings: Vec<WebsubPing> = jobs
        .iter()
        .map(|j| serde_json::from_value(j.payload.clone()).unwrap())
        .collect();
    assert_eq!(
        pings,
        [
            WebsubPing {
                edition: "en".into(),
                topics: topics(&["en/a", "en/b", "en/c"]),
            },
            WebsubPing {
                edition: "ar".into(),
                topics: topics(&["ar/a"]),
            },
        ]
    );
    // The folded job keeps the first change's start: later changes never delay it.
    assert_eq!(jobs[0].run_at, first[0].run_at);
}
