//! Making issues: the daily digests (the edition's digest and one per section, at
//! `digest_at` in the edition's time zone) and breaking alerts (an editor's confirmed
//! choice). Every issue has a key that makes it once only, whichever instance gets there
//! first: `digest:{edition}:{list}:{local date}`, `breaking:article:{id}`,
//! `breaking:item:{id}`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use newsdesk_app::newsletters::queue_issue;
use newsdesk_store::newsletters::{Issue, NewIssue};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::compose::{self, Composed, DigestEntry};
use super::forms::lists_of;
use crate::error::HttpError;
use crate::public::context::EditionCtx;
use crate::state::AppState;

/// Stories in one digest at most.
pub const DIGEST_SIZE: usize = 10;
/// How often each instance looks whether a digest is due.
const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// What a breaking alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertSubject {
    Article(i64),
    NewsItem(i64),
}

impl AlertSubject {
    pub fn key(self) -> String {
        match self {
            AlertSubject::Article(id) => format!("breaking:article:{id}"),
            AlertSubject::NewsItem(id) => format!("breaking:item:{id}"),
        }
    }
}

fn tz(ctx: &EditionCtx) -> chrono_tz::Tz {
    ctx.edition.time_zone.parse().unwrap_or(chrono_tz::UTC)
}

/// The entries of `list`'s digest made at `until`: the stories of the 24 hours before it
/// (a digest made late, after an outage, still covers a whole day).
pub async fn digest_entries(
    state: &AppState,
    ctx: &EditionCtx,
    list: &str,
    until: DateTime<Utc>,
) -> Result<Vec<DigestEntry>, HttpError> {
    let (from, to) = (until - Duration::hours(24), until);
    let Some(slug) = list.strip_prefix("section:") else {
        return compose::digest_entries(state, &ctx.edition.code, from, to, DIGEST_SIZE).await;
    };
    let Some(section) = ctx.sections.iter().find(|s| s.slug == slug) else {
        return Ok(Vec::new());
    };
    compose::section_digest_entries(
        state,
        &ctx.edition.code,
        Some(section.id),
        from,
        to,
        DIGEST_SIZE,
    )
    .await
}

/// The digest of `list` for the local day `date`, as it would go now (the newsroom's preview).
pub async fn compose_digest(
    state: &AppState,
    ctx: &EditionCtx,
    list: &str,
    date: NaiveDate,
) -> Result<(Composed, usize), HttpError> {
    let entries = digest_entries(state, ctx, list, Utc::now()).await?;
    Ok((
        compose::digest_for(state, ctx, list, date, &entries)?,
        entries.len(),
    ))
}

/// The local day whose digest is the next to go (today's until its time, then tomorrow's).
pub fn next_digest_day(state: &AppState, ctx: &EditionCtx, now: DateTime<Utc>) -> NaiveDate {
    let local = now.with_timezone(&tz(ctx));
    let today = local.date_naive();
    if local.time() < state.config().newsletters.digest_at {
        today
    } else {
        today.succ_opt().unwrap_or(today)
    }
}

/// Queues every digest of every edition that is due at `now` and not yet made; a digest
/// with no story is not sent. Returns the issues made.
pub async fn queue_due_digests(
    state: &AppState,
    now: DateTime<Utc>,
) -> Result<Vec<Issue>, HttpError> {
    let mut made = Vec::new();
    for edition in state.store().list_editions().await? {
        let ctx = EditionCtx::load(state, &edition.code).await?;
        let local = now.with_timezone(&tz(&ctx));
        if local.time() < state.config().newsletters.digest_at {
            continue;
        }
        let date = local.date_naive();
        for list in lists_of(&ctx).into_iter().filter(|l| l != "breaking") {
            let key = format!("digest:{}:{list}:{date}", ctx.edition.code);
            if state.store().issue_exists(&key).await? {
                continue;
            }
            let entries = digest_entries(state, &ctx, &list, now).await?;
            if entries.is_empty() {
                continue;
            }
            let composed = compose::digest_for(state, &ctx, &list, date, &entries)?;
            let new = NewIssue {
                edition: ctx.edition.code.clone(),
                list,
                kind: "digest".to_owned(),
                dedupe_key: key,
                subject: composed.subject,
                html: composed.html,
                text: composed.text,
                created_by: None,
            };
            if let Some(issue) = queue_issue(state.app(), &new).await? {
                tracing::info!(issue = issue.id, edition = %issue.edition, list = %issue.list, recipients = issue.recipients, "digest queued");
                made.push(issue);
            }
        }
    }
    Ok(made)
}

/// The entry a breaking alert about `subject` shows.
pub async fn alert_entry(
    state: &AppState,
    subject: AlertSubject,
) -> Result<DigestEntry, HttpError> {
    match subject {
        AlertSubject::Article(id) => compose::article_entry(state, id).await,
        AlertSubject::NewsItem(id) => compose::news_item_entry(state, id).await,
    }
}

/// The edition a breaking alert about `subject` goes to.
pub async fn alert_edition(state: &AppState, subject: AlertSubject) -> Result<String, HttpError> {
    Ok(match subject {
        AlertSubject::Article(id) => state.store().get_article(id).await?.edition,
        AlertSubject::NewsItem(id) => state.store().news_item(id).await?.edition,
    })
}

/// Sends the breaking alert about `subject` to the edition's breaking list; `None` when one
/// went already (never twice for the same story).
pub async fn queue_alert(
    state: &AppState,
    subject: AlertSubject,
    by: Option<i64>,
) -> Result<Option<Issue>, HttpError> {
    let edition = alert_edition(state, subject).await?;
    let ctx = EditionCtx::load(state, &edition).await?;
    let entry = alert_entry(state, subject).await?;
    let composed = compose::breaking(state, &ctx, &entry)?;
    let new = NewIssue {
        edition,
        list: compose::BREAKING_LIST.to_owned(),
        kind: "breaking".to_owned(),
        dedupe_key: subject.key(),
        subject: composed.subject,
        html: composed.html,
        text: composed.text,
        created_by: by,
    };
    Ok(queue_issue(state.app(), &new).await?)
}

/// Looks every [`CHECK_EVERY`] whether a digest is due, until `stop`.
pub fn spawn_background(state: &AppState, stop: &CancellationToken) -> Vec<JoinHandle<()>> {
    let state = state.clone();
    let stop = stop.clone();
    vec![tokio::spawn(async move {
        let mut tick = tokio::time::interval(CHECK_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                () = stop.cancelled() => break,
                _ = tick.tick() => {}
            }
            if let Err(err) = queue_due_digests(&state, Utc::now()).await {
                tracing::warn!(%err, "digests could not be queued; trying again shortly");
            }
        }
    })]
}
