//! Writing the planned articles through the store's bulk insert, in batches, oldest first.

use std::collections::VecDeque;

use chrono::Datelike;
use newsdesk_core::ArticleDraft;
use newsdesk_store::{ArticleQuery, BulkArticle, Store};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::banks::common::CORRECTIONS;
use crate::banks::newsroom::{EDITIONS, WRITERS};
use crate::lang::Lang;
use crate::options::{DemoError, DemoOptions};
use crate::photos::Pool;
use crate::plan::{Block, Story};
use crate::render::{EmbedIds, headline, render};
use crate::schedule::{Planned, Schedule};
use crate::setup::Newsroom;
use crate::slugs::Slugs;

/// Earlier articles a related card may point to: the most recent ones per section.
const RECENT_PER_SECTION: usize = 40;
/// The first batches are small so that early articles already have earlier ones to link.
const FIRST_BATCH: usize = 25;
/// Share of articles that get a published correction, and a cap on how many.
const CORRECTION_SHARE: f64 = 0.02;
const MAX_CORRECTIONS: usize = 60;

#[derive(Debug, Default)]
pub struct Inserted {
    pub articles: usize,
    pub corrections: usize,
}

pub async fn insert(
    store: &Store,
    room: &Newsroom,
    pool: &Pool,
    plan: &Schedule,
    opts: &DemoOptions,
) -> Result<Inserted, DemoError> {
    let group_base = if plan.groups > 0 {
        Some(store.new_translation_group().await?)
    } else {
        None
    };
    let zones: Vec<chrono_tz::Tz> = EDITIONS
        .iter()
        .map(|(_, _, zone)| zone.parse().unwrap_or(chrono_tz::UTC))
        .collect();
    let mut slugs = Slugs::default();
    for lang in Lang::ALL {
        let q = ArticleQuery {
            edition: Some(lang.code().to_owned()),
            any_status: true,
            limit: 1,
            ..ArticleQuery::default()
        };
        if store.count_articles(&q).await? > 0 {
            slugs.salt(lang, opts.seed ^ opts.now.timestamp_micros().unsigned_abs());
        }
    }
    let mut recent: Vec<Vec<VecDeque<Recent>>> = vec![vec![VecDeque::new(); 8]; 3];
    let mut corrections: Vec<(i64, usize, Lang)> = Vec::new();
    let mut done = 0;
    let mut batch_size = FIRST_BATCH.min(opts.batch_size.max(1));
    while done < plan.articles.len() {
        let batch = &plan.articles[done..(done + batch_size).min(plan.articles.len())];
        let mut items = Vec::with_capacity(batch.len());
        let mut picks = Vec::with_capacity(batch.len());
        for (serial, planned) in (done..).zip(batch) {
            let mut rng = ChaCha8Rng::seed_from_u64(planned.seed);
            let story = &planned.story.draw();
            let beat = (story.bank, story.beat);
            let embeds = EmbedIds {
                related: pick_related(
                    &mut rng,
                    &recent[planned.lang.index()],
                    (story.section, beat),
                    story.count(&Block::Related),
                ),
                photo: planned.story.inline.and_then(|shot| {
                    let id = pool.photo(shot, planned.lang)?;
                    Some((id, pool.caption(shot, planned.lang, story.place)))
                }),
            };
            let local = planned
                .at
                .with_timezone(&zones[planned.lang.index()])
                .date_naive();
            let text = render(story, planned.lang, local, local.year(), &embeds);
            // Arabic slugs come from the English headline (see `slugs`).
            let slug = if planned.lang == Lang::Ar {
                slugs.make(Lang::Ar, &headline(story, Lang::En, local), serial)
            } else {
                slugs.make(planned.lang, &text.headline, serial)
            };
            items.push(BulkArticle {
                draft: draft(&mut rng, room, pool, planned, story, text, slug),
                published_at: planned.at,
                created_by: None,
                translation_group: planned
                    .group
                    .zip(group_base)
                    .map(|(g, base)| base + g as i64),
            });
            let correction = rng
                .random_bool(CORRECTION_SHARE)
                .then(|| rng.random_range(0..CORRECTIONS.len()));
            picks.push((planned.lang, story.section, beat, correction));
        }
        let ids = store.insert_published_articles(&items).await?;
        for (id, (lang, section, beat, correction)) in ids.iter().zip(picks) {
            let list = &mut recent[lang.index()][section];
            list.push_back(Recent { id: *id, beat });
            if list.len() > RECENT_PER_SECTION {
                list.pop_front();
            }
            if let Some(which) = correction
                && corrections.len() < MAX_CORRECTIONS
            {
                corrections.push((*id, which, lang));
            }
        }
        done += batch.len();
        tracing::info!(done, total = plan.articles.len(), "demo articles written");
        batch_size = (batch_size * 2).min(opts.batch_size.max(1));
    }
    for (id, which, lang) in &corrections {
        store
            .add_correction(*id, CORRECTIONS[*which].get(*lang), None)
            .await?;
    }
    Ok(Inserted {
        articles: done,
        corrections: corrections.len(),
    })
}

fn draft(
    rng: &mut ChaCha8Rng,
    room: &Newsroom,
    pool: &Pool,
    planned: &Planned,
    story: &Story,
    text: crate::render::Text,
    slug: String,
) -> ArticleDraft {
    let (section, tags) = (story.section, &story.tags);
    let l = planned.lang.index();
    let hero_photo_id = planned
        .story
        .hero
        .and_then(|shot| pool.photo(shot, planned.lang));
    ArticleDraft {
        edition: planned.lang.code().to_owned(),
        slug,
        headline: text.headline,
        lead: text.lead,
        body: text.body,
        hero_photo_id,
        section_id: Some(room.sections[l][section]),
        tag_ids: tags.iter().map(|t| room.tags[l][*t % 40]).collect(),
        author_ids: byline(rng, planned.lang, section)
            .into_iter()
            .map(|w| room.writers[w])
            .collect(),
        in_newsfeed: planned.in_newsfeed,
        breaking: planned.breaking,
        important: planned.important,
        ..ArticleDraft::default()
    }
}

/// One writer (sometimes two) who writes in the language, preferring the section's own.
fn byline(rng: &mut ChaCha8Rng, lang: Lang, section: usize) -> Vec<usize> {
    let writes = |i: &usize| WRITERS[*i].langs.contains(&lang);
    let specialists: Vec<usize> = (0..WRITERS.len())
        .filter(writes)
        .filter(|i| WRITERS[*i].sections.contains(&section))
        .collect();
    let all: Vec<usize> = (0..WRITERS.len()).filter(writes).collect();
    let from = if specialists.is_empty() {
        &all
    } else {
        &specialists
    };
    let mut names: Vec<usize> = from.choose(rng).copied().into_iter().collect();
    if rng.random_bool(0.1)
        && let Some(second) = all.choose(rng)
        && !names.contains(second)
    {
        names.push(*second);
    }
    names
}

/// An article a later one may link to.
#[derive(Debug, Clone, Copy)]
struct Recent {
    id: i64,
    beat: (usize, usize),
}

/// `n` earlier articles to link: of the same beat first, then of the section, then any.
fn pick_related(
    rng: &mut ChaCha8Rng,
    recent: &[VecDeque<Recent>],
    (section, beat): (usize, (usize, usize)),
    n: usize,
) -> Vec<i64> {
    if n == 0 {
        return Vec::new();
    }
    let own = recent.get(section);
    let mut same: Vec<i64> = Vec::new();
    let mut rest: Vec<i64> = Vec::new();
    for r in own.into_iter().flatten() {
        if r.beat == beat { &mut same } else { &mut rest }.push(r.id);
    }
    let mut picked = Vec::with_capacity(n);
    for mut tier in [same, rest] {
        tier.shuffle(rng);
        picked.extend(tier.into_iter().take(n - picked.len()));
    }
    if picked.len() < n {
        // The section's first stories link wherever the edition has something.
        let any: Vec<i64> = recent.iter().flatten().map(|r| r.id).collect();
        let more: Vec<i64> = any.choose_multiple(rng, n).copied().collect();
        picked.extend(
            more.into_iter()
                .filter(|id| !own.is_some_and(|o| o.iter().any(|r| r.id == *id))),
        );
        picked.truncate(n);
    }
    picked
}
