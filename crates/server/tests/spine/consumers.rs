//! Outbox consumers: every event at least once, in order; unknown kinds skipped.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::BoxFuture;
use newsdesk_app::App;
use newsdesk_app::consumers::{self, Consumer};
use newsdesk_core::Event;
use tokio_util::sync::CancellationToken;

use crate::support::Spine;

#[derive(Default)]
struct Recorder {
    seen: Mutex<Vec<i64>>,
    durable: bool,
}

impl Consumer for Recorder {
    fn name(&self) -> &'static str {
        "test-recorder"
    }

    fn durable(&self) -> bool {
        self.durable
    }

    fn apply<'a>(&'a self, _app: &'a App, event: &'a Event) -> BoxFuture<'a, Result<(), String>> {
        if let Ok(mut seen) = self.seen.lock() {
            seen.push(event.seq);
        }
        Box::pin(async { Ok(()) })
    }
}

impl Recorder {
    fn seen(&self) -> Vec<i64> {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

#[tokio::test]
async fn an_event_of_an_unknown_kind_is_skipped_and_the_follower_goes_on() {
    let spine = Spine::new(|_| {}).await;
    let start = spine.store().latest_event_seq().await.unwrap();
    let first = spine.change("world").await;
    spine.foreign_event().await;
    let last = spine.change("sport").await;
    assert!(last > first + 1, "the foreign row sits between them");

    let recorder = Recorder::default();
    let cursor = consumers::catch_up(spine.state.app(), &recorder, start).await;
    assert_eq!(recorder.seen(), vec![first, last]);
    assert_eq!(cursor, last, "the cursor passed the unknown row");

    // The follower as `start_background` runs it: a running consumer is not stopped by
    // an unknown kind either, and later events still reach it.
    let live = Arc::new(Recorder::default());
    let stop = CancellationToken::new();
    let task = consumers::spawn(spine.state.app().clone(), live.clone(), stop.clone());
    tokio::time::sleep(Duration::from_millis(200)).await;
    spine.foreign_event().await;
    let after = spine.change("culture").await;
    let delivered = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            if live.seen().contains(&after) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    stop.cancel();
    task.await.unwrap();
    assert!(delivered.is_ok(), "seen: {:?}", live.seen());
    assert_eq!(live.seen(), vec![after]);
}

#[tokio::test]
async fn a_durable_consumer_resumes_where_it_stopped_and_pruning_waits_for_it() {
    let spine = Spine::new(|config| config.outbox_retention = Duration::ZERO).await;
    let app = spine.state.app();
    let recorder = Recorder {
        durable: true,
        ..Recorder::default()
    };
    // First start: from now on, not the whole history.
    let stop = CancellationToken::new();
    let first_run = Arc::new(Recorder {
        durable: true,
        ..Recorder::default()
    });
    let task = consumers::spawn(app.clone(), first_run, stop.clone());
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.cancel();
    task.await.unwrap();
    let saved = app.store().consumer_cursor("test-recorder").await.unwrap();
    assert!(
        saved.is_some(),
        "a durable consumer records where it starts"
    );

    // Changes made while it was down are delivered after the restart, in order.
    let a = spine.change("a").await;
    let b = spine.change("b").await;
    consumers::prune(app).await.unwrap();
    let kept = app
        .store()
        .outbox_after(saved.unwrap_or_default(), 100)
        .await
        .unwrap();
    assert_eq!(
        kept.events.iter().map(|e| e.seq).collect::<Vec<_>>(),
        vec![a, b],
        "pruning waits for the durable cursor"
    );
    let cursor = consumers::catch_up(app, &recorder, saved.unwrap_or_default()).await;
    assert_eq!(recorder.seen(), vec![a, b]);
    assert_eq!(
        app.store().consumer_cursor("test-recorder").await.unwrap(),
        Some(cursor)
    );
    // Everything passed and older than the (zero) retention goes, but the newest row stays
    // so sequence numbers never restart.
    assert!(consumers::prune(app).await.unwrap() >= 1);
    assert_eq!(app.store().latest_event_seq().await.unwrap(), b);
}
