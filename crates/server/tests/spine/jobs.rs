//! Typed jobs: a killed worker's job is retried and completes; the renditions job runs
//! under `start_background` as `serve` starts it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use newsdesk_app::App;
use newsdesk_app::jobs::{self, Job, JobError, Registry};
use newsdesk_store::RetryPolicy;
use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use crate::support::Spine;

static DONE: AtomicUsize = AtomicUsize::new(0);

#[derive(Debug, Serialize, Deserialize)]
struct Count {
    by: usize,
}

impl Job for Count {
    const NAME: &'static str = "test-count";

    fn retry_policy() -> RetryPolicy {
        RetryPolicy {
            lease: chrono::Duration::seconds(1),
            ..RetryPolicy::default()
        }
    }

    async fn run(self, _app: &App) -> Result<(), JobError> {
        DONE.fetch_add(self.by, Ordering::SeqCst);
        Ok(())
    }
}

#[tokio::test]
async fn a_killed_workers_job_is_claimed_again_when_its_lease_ends_and_completes() {
    let spine = Spine::new(|_| {}).await;
    let app = spine.state.app();
    let id = jobs::enqueue(app, &Count { by: 7 }).await.unwrap();

    // A worker claims it and dies before finishing (nothing completes or fails the job).
    let claimed = app
        .store()
        .claim_job(&[Count::NAME], chrono::Duration::seconds(1))
        .await
        .unwrap()
        .expect("the job is due");
    assert_eq!(claimed.id, id);

    // The surviving workers, as `start_background` starts them.
    let registry = Registry::new().job::<Count>();
    let stop = CancellationToken::new();
    let workers = registry.spawn(app, 2, &stop);
    // Leased: nobody may take it yet.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(DONE.load(Ordering::SeqCst), 0, "ran while still leased");
    let finished = tokio::time::timeout(Duration::from_secs(15), async {
        while DONE.load(Ordering::SeqCst) == 0 {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
    stop.cancel();
    for worker in workers {
        worker.await.unwrap();
    }
    assert!(
        finished.is_ok(),
        "the job was not retried after its lease ended"
    );
    assert_eq!(DONE.load(Ordering::SeqCst), 7, "ran exactly once more");
    assert!(
        app.store().get_job(id).await.is_err(),
        "a completed job leaves the queue"
    );
}

#[tokio::test]
async fn a_payload_that_no_longer_decodes_is_kept_for_review_not_retried_forever() {
    let spine = Spine::new(|_| {}).await;
    let app = spine.state.app();
    let id = app
        .store()
        .enqueue_job(Count::NAME, &serde_json::json!({ "by": "seven" }))
        .await
        .unwrap();
    let registry = Registry::new().job::<Count>();
    assert_eq!(registry.run_pending(app).await.unwrap(), 1);
    let failed = app
        .store()
        .list_jobs(newsdesk_store::JobFilter::Failed, 10)
        .await
        .unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].id, id);
    let error = failed[0].last_error.clone().unwrap_or_default();
    assert!(error.contains("does not decode as test-count"), "{error}");
}

/// The hole this spine closes: `serve` never started the rendition worker. Renditions
/// are a job of the registry `start_background` runs, so an upload gets them.
#[tokio::test]
async fn start_background_runs_the_renditions_job_of_an_upload() {
    let spine = Spine::new(|_| {}).await;
    let background = newsdesk_server::start_background(&spine.state);
    let admin = spine
        .store()
        .create_account("ed@example.com", "Ed", newsdesk_core::Role::Editor, "x")
        .await
        .unwrap();
    let actor = newsdesk_app::Actor::from_account(&admin);
    let photo = newsdesk_app::actions::upload::upload(
        spine.state.app(),
        &actor,
        bytes::Bytes::from(tiny_jpeg()),
        newsdesk_app::actions::upload::UploadText {
            alt_text: Some("A grey test card".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let made = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            let p = spine.store().get_photo(photo.id).await.unwrap();
            if !p.renditions.is_empty() {
                return p;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
    background.shutdown(Duration::from_secs(5)).await;
    let made = made.expect("renditions were not made by the background workers");
    assert!(
        made.renditions
            .iter()
            .any(|r| r.content_type == "image/webp")
    );
    assert!(
        made.renditions
            .iter()
            .any(|r| r.content_type == "image/jpeg")
    );
}

fn tiny_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(640, 427, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .unwrap();
    out.into_inner()
}
