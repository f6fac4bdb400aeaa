//! The `send_email` job: one [`Email`] in the durable queue, sent by whichever worker
//! claims it, so a message queued before a restart or during an SMTP outage still goes.
//! Queue one with [`crate::mail::send`].
//!
//! A refused connection, a timeout, an SMTP 4xx answer or a refused login is retried with
//! backoff (30 s doubling to an hour, 10 attempts: about three hours in all); an SMTP 5xx
//! answer or an invalid recipient gives up at once. Either way a message that never went
//! is kept, with its error, in `/admin/jobs`, where it can be retried.
//!
//! At least once: a worker killed after the server accepted the message but before the
//! job was recorded sends it again, with the same `Message-ID` (set when it was queued),
//! so receivers can tell.

use newsdesk_mail::Email;
use newsdesk_store::RetryPolicy;
use serde::{Deserialize, Serialize};

use super::{Job, JobError};
use crate::App;

/// Send one message through the instance's [`newsdesk_mail::Mailer`].
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SendEmail {
    pub email: Email,
}

impl Job for SendEmail {
    const NAME: &'static str = "send_email";

    fn retry_policy() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 10,
            base: chrono::Duration::seconds(30),
            cap: chrono::Duration::hours(1),
            // Longer than a send may take (newsdesk_mail::SEND_TIMEOUT).
            lease: chrono::Duration::minutes(5),
        }
    }

    async fn run(self, app: &App) -> Result<(), JobError> {
        match app.mailer().send(&self.email).await {
            Ok(()) => Ok(()),
            Err(err) if err.is_permanent() => Err(JobError::Permanent(err.to_string())),
            Err(err) => Err(JobError::Retry(err.to_string())),
        }
    }
}
