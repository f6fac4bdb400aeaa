//! The newsfeed as readers see it: entries of the store made into views for the column,
//! the `/{edition}/newsfeed` page and the live stream, and the outbox consumer that turns
//! each change of the feed into one stream event per edition on this instance.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use futures::future::BoxFuture;
use newsdesk_app::App;
use newsdesk_app::consumers::Consumer;
use newsdesk_core::article::article_path;
use newsdesk_core::{Change, Event};
use newsdesk_store::{FeedEntry, FeedKind};
use serde::Serialize;
use utoipa::ToSchema;

use super::hub::FeedFrame;
use crate::public::context::EditionCtx;
use crate::state::AppState;

/// One entry of the newsfeed, as the column prints it and the stream sends it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeedItemView {
    /// `a{id}` for an article, `n{id}` for a short item: stable across edits.
    pub key: String,
    /// `article` or `item`.
    pub kind: &'static str,
    pub id: i64,
    pub headline: String,
    /// The article's lead, or the short item's paragraph.
    pub text: String,
    /// The article's page; a short item's link, or its place on the newsfeed page.
    pub href: String,
    pub important: bool,
    pub breaking: bool,
    pub published_at: DateTime<Utc>,
    /// "14:05" in the edition's time zone and digits.
    pub time: String,
    /// The day ("26/11") when it is not the day of the newest entry shown (today, live).
    pub day: String,
    /// RFC 3339 with the edition's offset, for `<time datetime>`.
    pub datetime: String,
    /// "27 November 2026, 14:05 GMT", for the `<time>` title.
    pub full: String,
}

impl FeedItemView {
    /// The view of `entry`; `day_of` is the day shown without a label (the newest
    /// entry's on a cached page, today's on the stream).
    pub fn new(
        state: &AppState,
        lang: &str,
        tz: chrono_tz::Tz,
        entry: &FeedEntry,
        day_of: Option<chrono::NaiveDate>,
    ) -> Self {
        let local = state.i18n().local_time(lang, tz, entry.published_at);
        let day = entry.published_at.with_timezone(&tz).date_naive();
        let href = match entry.kind {
            FeedKind::Article => {
                article_path(&entry.edition, entry.published_at, &entry.slug, entry.id)
            }
            FeedKind::Item if !entry.link.is_empty() => entry.link.clone(),
            FeedKind::Item => format!("/{}/newsfeed#n{}", entry.edition, entry.id),
        };
        FeedItemView {
            key: entry.key(),
            kind: match entry.kind {
                FeedKind::Article => "article",
                FeedKind::Item => "item",
            },
            id: entry.id,
            headline: entry.headline.clone(),
            text: entry.text.clone(),
            href,
            important: entry.important,
            breaking: entry.breaking,
            published_at: entry.published_at,
            time: local.time,
            day: if Some(day) == day_of {
                String::new()
            } else {
                state.i18n().numeric_date(lang, day)
            },
            datetime: local.datetime,
            full: local.full,
        }
    }
}

/// Views of a page's entries: times alone read as the newest entry's day, older days are
/// labelled. Relative to the newest entry, not the clock, so a cached page stays true.
pub fn views(state: &AppState, ctx: &EditionCtx, entries: &[FeedEntry]) -> Vec<FeedItemView> {
    let tz = ctx.edition.tz();
    let newest = entries
        .first()
        .map(|e| e.published_at.with_timezone(&tz).date_naive());
    entries
        .iter()
        .map(|e| FeedItemView::new(state, ctx.lang(), tz, e, newest))
        .collect()
}

/// The stream's view of an entry: labelled with its day unless it is today's.
pub async fn live_view(state: &AppState, entry: &FeedEntry) -> Option<FeedItemView> {
    let editions = state
        .cache()
        .fragment("editions", &[crate::cache::keys::editions()], || {
            state.store().list_editions()
        })
        .await
        .ok()?;
    let edition = editions.iter().find(|e| e.code == entry.edition)?;
    let tz = edition.tz();
    let today = Utc::now().with_timezone(&tz).date_naive();
    Some(FeedItemView::new(
        state,
        &edition.code,
        tz,
        entry,
        Some(today),
    ))
}

/// What changed in the feed, from an outbox event: `(edition, kind, id)`.
pub fn feed_change(event: &Event) -> Option<(&str, FeedKind, i64)> {
    match &event.change {
        Change::Article {
            id,
            edition,
            public: true,
            ..
        } => Some((edition, FeedKind::Article, *id)),
        Change::NewsItem { id, edition, .. } => Some((edition, FeedKind::Item, *id)),
        _ => None,
    }
}

/// The stream event for a change at `seq`: the entry as it is now, or its removal.
pub async fn frame_for(
    state: &AppState,
    seq: i64,
    kind: FeedKind,
    id: i64,
) -> Result<FeedFrame, newsdesk_store::StoreError> {
    let key = format!("{}{id}", kind.prefix());
    let entry = state.store().feed_entry(kind, id).await?;
    let view = match &entry {
        Some(entry) => live_view(state, entry).await,
        None => None,
    };
    Ok(match view {
        Some(item) => FeedFrame::item(seq, &item),
        None => FeedFrame::remove(seq, &key),
    })
}

/// Follows the outbox on this instance and sends every change of an edition's feed to
/// the readers of that edition connected here. Not durable: a reader who was away
/// catches up from the outbox through `Last-Event-ID`, not through this cursor.
pub struct NewsfeedConsumer(pub AppState);

impl Consumer for NewsfeedConsumer {
    fn name(&self) -> &'static str {
        "live-newsfeed"
    }

    fn durable(&self) -> bool {
        false
    }

    fn apply<'a>(&'a self, _app: &'a App, event: &'a Event) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(async move {
            let state = &self.0;
            let hub = state.live();
            hub.note_position(event.seq);
            let Some((edition, kind, id)) = feed_change(event) else {
                return Ok(());
            };
            // Nobody here reads this edition live: nothing to look up.
            if !hub.has_feed_readers(edition) {
                return Ok(());
            }
            let frame = frame_for(state, event.seq, kind, id)
                .await
                .map_err(|e| e.to_string())?;
            hub.send_feed(edition, Arc::new(frame));
            Ok(())
        })
    }
}
