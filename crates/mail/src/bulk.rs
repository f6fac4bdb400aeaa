//! Newsletter sending: many messages over one SMTP connection, each handed over at a
//! commit point the caller controls, so that a send interrupted at any moment (a crash, a
//! `kill -9`, a deploy) and then resumed gives every recipient one copy.
//!
//! [`BulkSession::send`] says `MAIL FROM`, `RCPT TO` and `DATA`; only once the server has
//! answered `354` (it will take the message) does it await the caller's `commit` (which
//! records the message as handed over, in the caller's database), and only then write the
//! message and its final `CRLF.CRLF`. So:
//!
//! - killed before `commit` returns: the server holds an unfinished transaction, which the
//!   dropped connection cancels (RFC 5321 §3.8; delivery starts only at the final dot,
//!   §4.1.1.4), and the caller has no record: the message is sent again on resume;
//! - killed after the server has the final dot: the caller's record says handed over, and
//!   it is not sent again;
//! - the one window left is between the caller's record becoming durable (just before
//!   `commit` returns) and the final dot leaving: the time to write the message (one
//!   write, usually well under a millisecond to a nearby relay) and the dot. A kill there
//!   loses that message (recorded, never delivered); it can never double it.
//!
//! [`BulkError`] says which side of the commit point a failure fell on, so the caller knows
//! whether to retry, record a failure, or leave the message alone.
//!
//! After a failure the session recovers by itself on the next send: `RSET` when the server
//! merely refused (a `4xx`/`5xx` answer leaves the connection usable), a new connection
//! otherwise. Every command has [`crate::COMMAND_TIMEOUT`]; writing the message and reading
//! the answer to its final dot, [`crate::SEND_TIMEOUT`].

use std::future::Future;
use std::sync::Arc;

use lettre::Address;
use lettre::transport::smtp::client::AsyncSmtpConnection;
use lettre::transport::smtp::commands::{Data, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{Extension, MailBodyParameter, MailParameter};

use crate::{Backend, COMMAND_TIMEOUT, Email, MailError, Mailer, SEND_TIMEOUT, Smtp};

/// Why [`BulkSession::send`] did not end in a delivered message, by stage.
#[derive(Debug, thiserror::Error)]
pub enum BulkError {
    /// Nothing was handed over and `commit` was not called: the message could not be built,
    /// the connection failed, or the server refused the sender, the recipient or `DATA`.
    /// Send it again later, unless [`BulkError::is_permanent`] (a `5xx` answer, an invalid
    /// address): then give up on it.
    #[error("not sent: {0}")]
    NotSent(MailError),
    /// `commit` failed: the transaction was abandoned before the message went (the
    /// connection is dropped, so the server discards it). Nothing was handed over.
    #[error("not sent, the commit failed: {0}")]
    CommitFailed(String),
    /// `commit` was called, the message went, and the server refused it (a `4xx`/`5xx`
    /// answer to the final dot): it was not delivered.
    #[error("refused after its data: {0}")]
    Refused(MailError),
    /// `commit` was called and the connection failed after the message was (or may have
    /// been) written: it may have been delivered. Never send it again.
    #[error("outcome unknown, it may have been delivered: {0}")]
    Unknown(String),
}

impl BulkError {
    /// True when sending the same message to the same recipient can never succeed (a `5xx`
    /// answer, an invalid address): a hard bounce.
    pub fn is_permanent(&self) -> bool {
        match self {
            BulkError::NotSent(err) | BulkError::Refused(err) => err.is_permanent(),
            BulkError::CommitFailed(_) | BulkError::Unknown(_) => false,
        }
    }

    /// True when `commit` had been called (and succeeded) before the failure.
    pub fn committed(&self) -> bool {
        matches!(self, BulkError::Refused(_) | BulkError::Unknown(_))
    }
}

/// A run of messages over one connection; see the module documentation. Made by
/// [`Mailer::bulk`]; end it with [`BulkSession::close`].
pub struct BulkSession {
    mailer: Mailer,
    smtp: Option<Arc<Smtp>>,
    conn: Option<AsyncSmtpConnection>,
    /// The last transaction ended in a refusal: `RSET` before the next one.
    reset: bool,
}

impl std::fmt::Debug for BulkSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BulkSession")
            .field("via", &self.mailer.describe())
            .field("connected", &self.conn.is_some())
            .finish()
    }
}

impl Mailer {
    /// Opens a bulk session: one SMTP connection (a refused connection, a TLS or login
    /// failure is an error here), or, with no SMTP server configured, a session that logs
    /// each message and counts it as sent.
    pub async fn bulk(&self) -> Result<BulkSession, MailError> {
        let smtp = match &self.backend {
            Backend::Log => None,
            Backend::Smtp(smtp) => Some(Arc::clone(smtp)),
        };
        let conn = match &smtp {
            Some(smtp) => Some(smtp.target.connect().await?),
            None => None,
        };
        Ok(BulkSession {
            mailer: self.clone(),
            smtp,
            conn,
            reset: false,
        })
    }
}

/// What one SMTP command's failure means for the connection.
enum Failed {
    /// The server answered 4xx/5xx: the connection is fine, the transaction is not.
    Answer(MailError),
    /// Network trouble, a garbled answer, a timeout: the connection is unusable.
    Broken(MailError),
}

async fn command(
    conn: &mut AsyncSmtpConnection,
    what: &str,
    command: impl std::fmt::Display,
) -> Result<(), Failed> {
    match tokio::time::timeout(COMMAND_TIMEOUT, conn.command(command)).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(err)) if err.status().is_some() => Err(Failed::Answer(MailError::from_smtp(&err))),
        Ok(Err(err)) => Err(Failed::Broken(MailError::Transient(format!(
            "{what}: {err}"
        )))),
        Err(_) => Err(Failed::Broken(MailError::Transient(format!(
            "{what}: no answer within {} s",
            COMMAND_TIMEOUT.as_secs()
        )))),
    }
}

impl BulkSession {
    /// Sends one message (DKIM-signed when configured), from `return_path` (a VERP address
    /// from [`Mailer::return_path`]; `None`: the From address) to `email.to`, calling
    /// `commit` once the server is ready for the data and writing the data only if it
    /// succeeds. See [`BulkError`] for what a failure means.
    pub async fn send<F, Fut, E>(
        &mut self,
        email: &Email,
        return_path: Option<&str>,
        commit: F,
    ) -> Result<(), BulkError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<(), E>>,
        E: std::fmt::Display,
    {
        let message = self.mailer.build(email).map_err(BulkError::NotSent)?;
        let sender = match return_path {
            Some(path) => path.trim().parse::<Address>().map_err(|e| {
                BulkError::NotSent(MailError::Invalid(format!(
                    "return path {path:?} is not an address: {e}"
                )))
            })?,
            None => self.mailer.from.email.clone(),
        };
        let Some(recipient) = message.envelope().to().first().cloned() else {
            return Err(BulkError::NotSent(MailError::Invalid(
                "the message has no recipient".to_owned(),
            )));
        };
        if self.smtp.is_none() {
            commit()
                .await
                .map_err(|e| BulkError::CommitFailed(e.to_string()))?;
            tracing::info!(
                to = %email.to,
                subject = %email.subject,
                "newsletter message not sent (no smtp_url configured); written to the log instead"
            );
            return Ok(());
        }
        let bytes = message.formatted();

        // Up to MAIL FROM nothing is at stake: a reused connection the server has since
        // closed (idle timeout) gets one fresh try.
        let fresh = self.conn.is_none() || self.reset;
        self.ready().await.map_err(BulkError::NotSent)?;
        let conn = self.conn()?;
        let mut params = Vec::new();
        if !(AsRef::<str>::as_ref(&sender).is_ascii()
            && AsRef::<str>::as_ref(&recipient).is_ascii())
        {
            if !conn.server_info().supports_feature(Extension::SmtpUtfEight) {
                return Err(BulkError::NotSent(MailError::Rejected(format!(
                    "{recipient} or {sender} needs SMTPUTF8, which the server does not offer"
                ))));
            }
            params.push(MailParameter::SmtpUtfEight);
        }
        if !bytes.is_ascii() {
            params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        let mail = Mail::new(Some(sender.clone()), params.clone());
        match command(conn, "MAIL FROM", mail).await {
            Ok(()) => {}
            Err(Failed::Broken(_)) if !fresh => {
                self.conn = None;
                self.ready().await.map_err(BulkError::NotSent)?;
                let mail = Mail::new(Some(sender), params);
                let again = command(self.conn()?, "MAIL FROM", mail).await;
                self.check(again)?;
            }
            Err(failed) => return Err(self.failed(failed)),
        }
        let rcpt = command(self.conn()?, "RCPT TO", Rcpt::new(recipient, Vec::new())).await;
        self.check(rcpt)?;
        let data = command(self.conn()?, "DATA", Data).await;
        self.check(data)?;

        // 354: the commit point. The connection is taken out of the session: it goes back
        // only if the transaction ends in an answer from the server.
        let Some(mut conn) = self.conn.take() else {
            return Err(BulkError::NotSent(gone()));
        };
        if let Err(err) = commit().await {
            // Mid-DATA there is no RSET: dropping the connection aborts the transaction.
            drop(conn);
            return Err(BulkError::CommitFailed(err.to_string()));
        }
        match tokio::time::timeout(SEND_TIMEOUT, conn.message(&bytes)).await {
            Ok(Ok(answer)) => {
                self.conn = Some(conn);
                tracing::debug!(
                    to = %email.to,
                    answer = %answer.first_line().unwrap_or_default(),
                    "newsletter message sent"
                );
                Ok(())
            }
            Ok(Err(err)) if err.status().is_some() => {
                self.conn = Some(conn);
                Err(BulkError::Refused(MailError::from_smtp(&err)))
            }
            Ok(Err(err)) => Err(BulkError::Unknown(err.to_string())),
            Err(_) => Err(BulkError::Unknown(format!(
                "no answer to the message within {} s",
                SEND_TIMEOUT.as_secs()
            ))),
        }
    }

    /// Says `QUIT` and closes the connection (a failure to say it is only logged: the
    /// server closes an abandoned connection by itself).
    pub async fn close(mut self) {
        if let Some(mut conn) = self.conn.take()
            && let Err(err) =
                command(&mut conn, "QUIT", lettre::transport::smtp::commands::Quit).await
        {
            let (Failed::Answer(err) | Failed::Broken(err)) = err;
            tracing::debug!(error = %err, "bulk session: QUIT failed");
        }
    }

    /// Makes sure there is a connection ready for a new transaction: resets the current
    /// one after a refusal, or makes a new one.
    async fn ready(&mut self) -> Result<(), MailError> {
        let Some(smtp) = &self.smtp else {
            return Err(gone());
        };
        if std::mem::take(&mut self.reset)
            && let Some(conn) = self.conn.as_mut()
            && command(conn, "RSET", Rset).await.is_err()
        {
            self.conn = None;
        }
        if self.conn.is_none() {
            self.conn = Some(smtp.target.connect().await?);
        }
        Ok(())
    }

    fn conn(&mut self) -> Result<&mut AsyncSmtpConnection, BulkError> {
        self.conn.as_mut().ok_or_else(|| BulkError::NotSent(gone()))
    }

    /// Turns a failed command before the commit point into the error to return, keeping
    /// the connection (to reset) or dropping it.
    fn check(&mut self, result: Result<(), Failed>) -> Result<(), BulkError> {
        result.map_err(|failed| self.failed(failed))
    }

    fn failed(&mut self, failed: Failed) -> BulkError {
        match failed {
            Failed::Answer(err) => {
                self.reset = true;
                BulkError::NotSent(err)
            }
            Failed::Broken(err) => {
                self.conn = None;
                BulkError::NotSent(err)
            }
        }
    }
}

/// The connection went away between two steps of one send (it cannot, since only a
/// failure drops it, and a failure returns): reported rather than unwrapped.
fn gone() -> MailError {
    MailError::Transient("the SMTP connection was closed".to_owned())
}
