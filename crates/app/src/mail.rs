//! Outgoing email: [`send`] queues a message as a `send_email` job
//! ([`crate::jobs::mail::SendEmail`]); the instance's [`Mailer`] (`App::mailer`) sends it
//! over SMTP, or writes it to the log when no `smtp_url` is configured.
//!
//! The caller writes the message in the reader's edition language, plain text and HTML,
//! and may add headers such as `Content-Language` or `List-Unsubscribe`.

use newsdesk_store::JobId;

pub use newsdesk_mail::{Email, MailConfig, MailError, Mailer};

use crate::jobs::{self, mail::SendEmail};
use crate::{App, Error};

/// Queues `email` to be sent by a job worker; returns the job's id. A message that can
/// never be sent (an invalid recipient, a bad extra header) is refused here as
/// [`Error::BadRequest`] rather than queued. A `Message-ID` is added when there is none,
/// so a retried or repeated send carries the same one.
pub async fn send(app: &App, mut email: Email) -> Result<JobId, Error> {
    let mailer = app.mailer();
    if !email
        .headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("Message-ID"))
    {
        email
            .headers
            .push(("Message-ID".to_owned(), mailer.new_message_id()));
    }
    mailer.format(&email).map_err(|err| match err {
        MailError::Invalid(why) => Error::BadRequest(why),
        other => Error::internal(other),
    })?;
    jobs::enqueue(app, &SendEmail { email }).await
}
