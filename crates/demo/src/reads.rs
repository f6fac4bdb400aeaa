//! A day of readers for the most read lists: the newest stories of each edition get views
//! spread over the last 24 hours, a few far more than the rest, as a real day looks.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use newsdesk_store::{ArticleQuery, Store};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::options::DemoError;

/// Stories of each edition that readers open.
const READ_STORIES: i64 = 40;

/// Adds the views; returns how many stories got some.
pub async fn fill(
    store: &Store,
    rng: &mut ChaCha8Rng,
    now: DateTime<Utc>,
) -> Result<usize, DemoError> {
    let mut stories = 0;
    // Views by hour back from `now`, written in one call per hour rather than one per
    // story and hour (a demo start made about 1,400 round trips).
    let mut by_hour: BTreeMap<i64, Vec<(i64, i64)>> = BTreeMap::new();
    for edition in store.list_editions().await? {
        let newest = store
            .list_articles(&ArticleQuery {
                edition: Some(edition.code.clone()),
                limit: READ_STORIES,
                ..ArticleQuery::default()
            })
            .await?;
        for (rank, story) in newest.iter().enumerate() {
            // A long tail: a story's day is a few thousand views at most, most far fewer,
            // and which story leads is not simply the newest.
            let pull: f64 = rng.random_range(0.2..1.0) * 4_000.0 / (rank as f64 + 1.0).powf(0.8);
            let hours = rng.random_range(3..12);
            for h in 0..hours {
                let views = (pull / f64::from(hours) * rng.random_range(0.5..1.5)).round() as i64;
                if views > 0 {
                    by_hour
                        .entry(i64::from(h))
                        .or_default()
                        .push((story.id, views));
                }
            }
            stories += 1;
        }
    }
    for (h, views) in by_hour {
        store
            .add_article_reads(&views, now - Duration::hours(h))
            .await?;
    }
    Ok(stories)
}
