//! Newsletters (issue 16): sign-up with double opt-in, signed confirm and unsubscribe links,
//! issues queued once per key, and the job that sends them (see [`send`]).
//!
//! What a message says is composed by the site (it has the editions' languages and
//! templates) and stored with the issue; the unsubscribe link is filled in per recipient
//! where the composed text has [`PLACEHOLDER`].

pub mod links;
pub mod send;

use newsdesk_store::newsletters::{Issue, NewIssue};

use crate::jobs::Periodic;
use crate::{App, Error};

/// Where a composed issue puts the recipient's unsubscribe URL.
pub const PLACEHOLDER: &str = "{{UNSUBSCRIBE_URL}}";

/// The one-click unsubscribe URL of subscriber `id` (GET shows a button, POST unsubscribes).
pub fn unsubscribe_url(app: &App, id: i64, token: &str) -> String {
    format!(
        "{}/newsletters/unsubscribe?s={id}&t={token}",
        app.config().base_url.trim_end_matches('/')
    )
}

/// Stores an issue with a delivery per recipient and wakes the sender. `None` when its key
/// was used before: an issue is never sent twice.
pub async fn queue_issue(app: &App, new: &NewIssue) -> Result<Option<Issue>, Error> {
    let made = app.store().create_issue(new).await?;
    if made.is_some() {
        send::wake(app).await?;
    }
    Ok(made)
}

/// Every 20 s: a send that lost its job (a crash between storing an issue and queueing the
/// job, a job given up) is resumed; finished issues are marked; sign-ups nobody confirmed
/// within `confirm_within` are forgotten.
pub const RESUME_SENDING: Periodic = Periodic {
    name: "newsletters",
    every: std::time::Duration::from_secs(20),
    tick: |app| {
        Box::pin(async move {
            let store = app.store();
            if store.deliveries_pending().await? {
                send::wake(&app).await?;
            }
            store.finish_issues().await?;
            let within = chrono::Duration::from_std(app.config().newsletters.confirm_within)
                .unwrap_or(chrono::Duration::days(7));
            let removed = store
                .expire_pending_subscribers(chrono::Utc::now() - within)
                .await?;
            if removed > 0 {
                tracing::info!(removed, "unconfirmed newsletter sign-ups forgotten");
            }
            Ok(())
        })
    },
};
