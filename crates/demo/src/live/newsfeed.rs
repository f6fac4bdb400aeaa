//! A day of short items in each edition's newsfeed: one every 10 to 20 minutes over the
//! 24 hours before `now`, the newest a few minutes old, about one in ten important and
//! exactly one breaking, in the last two hours.

use chrono::{DateTime, Duration, Utc};
use newsdesk_core::NewsItemStatus;
use newsdesk_store::Store;
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::bank::{self, Pick};
use crate::banks::common::PLACES;
use crate::lang::Lang;
use crate::options::DemoError;

/// How far back the day's items reach.
pub const DAY: Duration = Duration::hours(24);
/// The breaking item is within this of `now`.
pub const BREAKING_WITHIN: Duration = Duration::hours(2);
/// Share of items marked important.
pub const IMPORTANT_SHARE: f64 = 0.1;

/// One item of the planned day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub at: DateTime<Utc>,
    pub pick: Pick,
    pub important: bool,
}

/// The edition's day, oldest first; no headline twice.
pub fn plan_day(rng: &mut ChaCha8Rng, lang: Lang, now: DateTime<Utc>) -> Vec<Planned> {
    let mut times = Vec::new();
    let mut at = now
        - Duration::minutes(rng.random_range(2..=8))
        - Duration::seconds(rng.random_range(0..60));
    while at > now - DAY {
        times.push(at);
        at -= Duration::minutes(rng.random_range(10..=20))
            + Duration::seconds(rng.random_range(0..60));
    }
    times.reverse();

    // Every standalone line once at most, and city lines each in as many different
    // cities as the day needs to fill up.
    let items = bank::items(lang).len();
    let cities = bank::city(lang).len();
    let per_city = (times.len().saturating_sub(items) / cities.max(1) + 1).min(PLACES.len());
    let mut picks: Vec<Pick> = (0..items).map(Pick::Item).collect();
    let places: Vec<usize> = (0..PLACES.len()).collect();
    for line in 0..cities {
        picks.extend(
            places
                .choose_multiple(rng, per_city)
                .map(|place| Pick::City(line, *place)),
        );
    }
    picks.shuffle(rng);

    let mut day: Vec<Planned> = times
        .into_iter()
        .zip(picks)
        .map(|(at, pick)| Planned {
            at,
            pick,
            important: false,
        })
        .collect();
    let recent: Vec<usize> = (0..day.len())
        .filter(|i| day[*i].at > now - BREAKING_WITHIN)
        .collect();
    let breaking = recent.choose(rng).copied();
    if let Some(i) = breaking {
        day[i].pick = Pick::Breaking(rng.random_range(0..bank::breaking(lang).len()));
    }
    // One in ten of the rest, exactly, so every day looks the same from afar.
    let others: Vec<usize> = (0..day.len()).filter(|i| Some(*i) != breaking).collect();
    let important = (others.len() as f64 * IMPORTANT_SHARE).round() as usize;
    for i in others.choose_multiple(rng, important) {
        day[*i].important = true;
    }
    day
}

/// Writes the edition's day; returns how many items were written. An edition whose feed
/// already has items of the last day (the demo run again) is left as it is.
pub async fn fill_day(
    store: &Store,
    rng: &mut ChaCha8Rng,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<usize, DemoError> {
    let day = plan_day(rng, lang, now);
    let newest = store
        .list_news_items(Some(lang.code()), Some(NewsItemStatus::Published), 1, 0)
        .await?;
    if newest
        .first()
        .and_then(|item| item.published_at)
        .is_some_and(|at| at > now - DAY)
    {
        tracing::info!(
            edition = lang.code(),
            "the newsfeed already has today's items"
        );
        return Ok(0);
    }
    let mut written = 0;
    for planned in &day {
        let Some(draft) = bank::draft(lang, planned.pick, planned.important) else {
            continue;
        };
        store
            .create_news_item_at(&draft, true, None, planned.at)
            .await?;
        written += 1;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use chrono::TimeZone;
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn a_day_is_evenly_spread_never_repeats_and_breaks_once() {
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).unwrap();
        for seed in 0..20 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            for lang in Lang::ALL {
                let day = plan_day(&mut rng, lang, now);
                assert!((72..=145).contains(&day.len()), "{} items", day.len());
                let newest = day.last().unwrap().at;
                assert!(
                    newest <= now - Duration::minutes(2) && newest > now - Duration::minutes(10)
                );
                assert!(day.first().unwrap().at > now - DAY);
                for pair in day.windows(2) {
                    let gap = pair[1].at - pair[0].at;
                    assert!(
                        gap >= Duration::minutes(10) && gap <= Duration::minutes(21),
                        "{gap}"
                    );
                }
                let breaking: Vec<&Planned> = day
                    .iter()
                    .filter(|p| matches!(p.pick, Pick::Breaking(_)))
                    .collect();
                assert_eq!(breaking.len(), 1);
                assert!(breaking[0].at > now - BREAKING_WITHIN);
                let heads: HashSet<String> = day
                    .iter()
                    .map(|p| bank::draft(lang, p.pick, p.important).unwrap().headline)
                    .collect();
                assert_eq!(heads.len(), day.len(), "a headline repeats");
                let important = day.iter().filter(|p| p.important).count();
                let share = important as f64 / (day.len() - 1) as f64;
                assert!((share - IMPORTANT_SHARE).abs() < 0.01, "{important}");
                assert!(!breaking[0].important);
            }
        }
    }

    #[test]
    fn the_same_seed_and_time_plan_the_same_day() {
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).unwrap();
        let plan = |seed| plan_day(&mut ChaCha8Rng::seed_from_u64(seed), Lang::Ru, now);
        assert_eq!(plan(3), plan(3));
        assert_ne!(plan(3), plan(4));
    }
}
