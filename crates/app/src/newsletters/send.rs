//! The `send_newsletters` job: drains every issue's queued deliveries over one SMTP
//! connection, at most `newsletter_rate` messages a second, for about a minute per run
//! (then it queues its own continuation, so no run outlives its lease).
//!
//! Exactly once, crash or not: a delivery is claimed (`sending`), and recorded `sent` only
//! once the SMTP server has accepted the recipient and asked for the data, just before the
//! message's final dot is written (`newsdesk_mail::BulkSession`). A run killed before that
//! point left an SMTP transaction the server discards, and its claim is taken over after
//! [`STALE_CLAIM`]; killed after it, the message went and is never sent again. The only
//! window for a doubled or lost message is the microseconds between the commit and the
//! dot's `write`.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::time::{Duration, Instant};

use newsdesk_mail::{BulkError, Email};
use newsdesk_store::RetryPolicy;
use newsdesk_store::newsletters::{ClaimedDelivery, Issue};
use serde::{Deserialize, Serialize};

use super::{links, unsubscribe_url};
use crate::jobs::{Job, JobError};
use crate::{App, Error};

/// A claim not handed over for this long belongs to a sender that died. A live sender
/// hands a claim over within seconds (a chunk is what it sends in about [`CHUNK_SECONDS`]).
pub const STALE_CLAIM: chrono::Duration = chrono::Duration::seconds(60);
/// How long one run sends before it hands over to a fresh run: short, so the job's lease
/// (what a restarted instance waits out after a crash) can be short too.
const RUN_FOR: Duration = Duration::from_secs(20);
/// Deliveries claimed at once: at most this many seconds' worth at the configured rate, so
/// a claim is sent long before it could look stale.
const CHUNK_SECONDS: i64 = 5;
const MAX_CHUNK: i64 = 50;
/// A recipient refused this many times for passing reasons is given up.
const MAX_ATTEMPTS: i64 = 10;

/// What every message of a run shares: the links' key and the site's host name (in
/// `List-Id` and `Message-ID`), read once per run rather than per message.
struct RunContext {
    key: links::Key,
    host: String,
}

/// Sends what is queued, of every issue.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SendNewsletters {}

impl Job for SendNewsletters {
    const NAME: &'static str = "send_newsletters";

    fn retry_policy() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 50,
            base: chrono::Duration::seconds(30),
            cap: chrono::Duration::minutes(10),
            // Longer than a run normally takes (RUN_FOR plus a message or two). A run that
            // outlives it (a stuck server) may meet a second run: harmless, as deliveries
            // are claimed row by row and handed over only by their claimant.
            lease: chrono::Duration::seconds(60),
        }
    }

    async fn run(self, app: &App) -> Result<(), JobError> {
        drain(app).await
    }
}

/// Queues a run unless one is waiting or running already.
pub async fn wake(app: &App) -> Result<(), Error> {
    if !app.store().job_pending(SendNewsletters::NAME).await? {
        crate::jobs::enqueue(app, &SendNewsletters {}).await?;
    }
    Ok(())
}

async fn drain(app: &App) -> Result<(), JobError> {
    let store = app.store();
    let started = Instant::now();
    let rate = app.config().newsletters.send_rate.max(1);
    let mut pace = tokio::time::interval(Duration::from_secs(1) / rate);
    pace.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut session = app
        .mailer()
        .bulk()
        .await
        .map_err(|e| JobError::Retry(format!("cannot reach the mail server: {e}")))?;
    let chunk = (i64::from(rate) * CHUNK_SECONDS).clamp(1, MAX_CHUNK);
    let run = RunContext {
        key: links::Key::load(store).await?,
        host: url::Url::parse(&app.config().base_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "localhost".to_owned()),
    };
    let mut issues: HashMap<i64, Issue> = HashMap::new();
    let mut sent = 0_u64;
    let outcome = loop {
        if started.elapsed() > RUN_FOR {
            break crate::jobs::enqueue(app, &SendNewsletters {})
                .await
                .map(|_| ())
                .map_err(JobError::from);
        }
        let batch = store.claim_deliveries(chunk, STALE_CLAIM).await?;
        if batch.is_empty() {
            break Ok(());
        }
        let mut rest = batch.iter();
        let mut stop = None;
        for d in rest.by_ref() {
            pace.tick().await;
            match send_one(app, &run, &mut session, &mut issues, d).await {
                Ok(true) => sent += 1,
                Ok(false) => {}
                Err(err) => {
                    stop = Some(err);
                    break;
                }
            }
        }
        if let Some(err) = stop {
            // The server is unreachable or busy: what this run still holds goes back.
            for d in rest {
                store.release_delivery(d, &err, MAX_ATTEMPTS + 1).await?;
            }
            break Err(JobError::Retry(err));
        }
    };
    session.close().await;
    store.finish_issues().await?;
    if sent > 0 {
        tracing::info!(sent, "newsletter messages sent");
    }
    outcome
}

/// Sends one delivery; `Ok(true)` sent, `Ok(false)` settled otherwise (refused, taken
/// over), `Err` a passing failure that should end this run (the delivery is released).
async fn send_one(
    app: &App,
    run: &RunContext,
    session: &mut newsdesk_mail::BulkSession,
    issues: &mut HashMap<i64, Issue>,
    d: &ClaimedDelivery,
) -> Result<bool, String> {
    let store = app.store();
    let settle = |r: Result<(), newsdesk_store::StoreError>| r.map_err(|e| e.to_string());
    let issue = match issues.entry(d.issue_id) {
        Entry::Occupied(known) => known.into_mut(),
        Entry::Vacant(slot) => {
            slot.insert(store.issue(d.issue_id).await.map_err(|e| e.to_string())?)
        }
    };
    let issue: &Issue = issue;
    let email = match personalise(app, run, issue, d) {
        Ok(email) => email,
        Err(err) => {
            settle(
                store
                    .release_delivery(d, &err.to_string(), MAX_ATTEMPTS)
                    .await,
            )?;
            return Err(err.to_string());
        }
    };
    let return_path = app
        .mailer()
        .return_path(&format!("{}-{}", d.issue_id, d.subscriber_id));
    let result = session
        .send(&email, return_path.as_deref(), || {
            store.hand_over_delivery(d)
        })
        .await;
    match result {
        Ok(()) => Ok(true),
        Err(BulkError::CommitFailed(why)) => {
            // Another sender holds this delivery now; it is theirs to send.
            tracing::warn!(issue = d.issue_id, subscriber = d.subscriber_id, %why, "delivery taken over");
            Ok(false)
        }
        Err(err) => {
            let why = err.to_string();
            let permanent = err.is_permanent();
            if err.committed() {
                let unknown = matches!(err, BulkError::Unknown(_));
                settle(store.fail_delivery(d, &why, unknown).await)?;
            } else if permanent {
                settle(store.fail_delivery(d, &why, false).await)?;
            } else {
                settle(store.release_delivery(d, &why, MAX_ATTEMPTS).await)?;
                return Err(why);
            }
            if permanent {
                // A hard bounce: never write to this address again.
                settle(store.suppress_email(&d.email, &why).await.map(|_| ()))?;
            }
            Ok(false)
        }
    }
}

/// The issue as one recipient gets it: their unsubscribe link in the text, the HTML and
/// the `List-Unsubscribe` headers (RFC 2369, RFC 8058), and a Message-ID fixed by issue
/// and recipient.
fn personalise(
    app: &App,
    run: &RunContext,
    issue: &Issue,
    d: &ClaimedDelivery,
) -> Result<Email, Error> {
    let token = run.key.unsubscribe_token(d.subscriber_id, &d.email)?;
    let host = &run.host;
    let https = unsubscribe_url(app, d.subscriber_id, &token);
    let mut list_unsubscribe = format!("<{https}>");
    if let Some(mailto) = app
        .mailer()
        .return_path(&format!("u{}-{token}", d.subscriber_id))
    {
        list_unsubscribe.push_str(&format!(", <mailto:{mailto}?subject=unsubscribe>"));
    }
    Ok(Email {
        to: d.email.clone(),
        subject: issue.subject.clone(),
        text: issue.text.replace(super::PLACEHOLDER, &https),
        // The URL's only character HTML gives a meaning to is `&`.
        html: issue
            .html
            .replace(super::PLACEHOLDER, &https.replace('&', "&amp;")),
        headers: vec![
            ("List-Unsubscribe".to_owned(), list_unsubscribe),
            (
                "List-Unsubscribe-Post".to_owned(),
                "List-Unsubscribe=One-Click".to_owned(),
            ),
            (
                "List-Id".to_owned(),
                format!(
                    "<{}.{}.{host}>",
                    issue.list.replace(':', "-"),
                    issue.edition
                ),
            ),
            (
                "Message-ID".to_owned(),
                format!("<newsletter-{}-{}@{host}>", issue.id, d.subscriber_id),
            ),
            ("Content-Language".to_owned(), issue.edition.clone()),
        ],
    })
}
