//! Outgoing email. An [`Email`] (recipient, subject, plain text, HTML, extra headers) is
//! turned into a UTF-8 `multipart/alternative` message (text/plain first, then text/html;
//! non-ASCII headers encoded per RFC 2047) and handed to the [`Mailer`]:
//!
//! - with an SMTP URL (`smtp://host:port`, `smtp://host?tls=required` for STARTTLS,
//!   `smtps://host` for TLS from the first byte, `user:password@` for AUTH), over SMTP with
//!   lettre, on rustls with the system's CA roots;
//! - without one, written to the log (recipient, subject, plain text) and counted as sent,
//!   so a site on a laptop works with nothing installed.
//!
//! [`MailError::is_permanent`] tells a message that will never go (an SMTP 5xx answer, an
//! invalid recipient) from one worth retrying later (connection refused, a timeout, an SMTP
//! 4xx answer, a refused login). The durable queue with its retries is the app's
//! `send_email` job; this crate only sends.
//!
//! Also: DKIM signing of every message when a key is configured ([`DkimSettings`]), a bulk
//! session for newsletters that hands each message over at a commit point the caller
//! controls ([`Mailer::bulk`], [`BulkSession`]), VERP return paths
//! ([`Mailer::return_path`]) and the bounces that come back to them ([`parse_bounce`]).

mod bounce;
mod bulk;
mod connect;
mod dkim;
#[cfg(feature = "testing")]
pub mod testing;

pub use bounce::{Bounce, inbound_token, parse_bounce};
pub use bulk::{BulkError, BulkSession};
pub use dkim::{DkimSettings, SIGNED_HEADERS};

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use lettre::message::dkim::DkimConfig;
use lettre::message::header::{
    ContentTransferEncoding, ContentType, HeaderName, HeaderValue, MIME_VERSION_1_0,
};
use lettre::message::{Body, Mailbox, MultiPart};
use lettre::transport::smtp::AsyncSmtpTransportBuilder;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

/// The sender when none is configured.
pub const DEFAULT_FROM: &str = "Newsdesk <no-reply@localhost>";

/// How long one SMTP command (connect, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA…) may take.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a whole send may take before it counts as a (transient) failure.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(120);

/// One message to one recipient.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Email {
    /// `reader@example.com` or `Name <reader@example.com>`.
    pub to: String,
    pub subject: String,
    /// The text/plain part.
    pub text: String,
    /// The text/html part.
    pub html: String,
    /// Extra headers (`List-Unsubscribe`, `Content-Language`, `Message-ID`…). Names the
    /// mailer sets itself (From, To, Subject, Date, MIME and content headers) are refused.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
}

/// How this instance sends email.
#[derive(Clone, PartialEq, Eq)]
pub struct MailConfig {
    /// `smtp://…` / `smtps://…`; `None` writes messages to the log instead.
    pub smtp_url: Option<String>,
    /// The From mailbox, e.g. `The Example Times <news@example.com>`.
    pub from: String,
    /// Sign every message with this DKIM key; `None`: unsigned.
    pub dkim: Option<DkimSettings>,
    /// Where bounces go, e.g. `bounces@news.example.com`: newsletter messages leave with
    /// the return path `bounces+TOKEN@news.example.com` ([`Mailer::return_path`]). `None`:
    /// the From address, and bounces are not told apart.
    pub bounce_address: Option<String>,
}

impl MailConfig {
    /// No SMTP server: messages go to the log, from [`DEFAULT_FROM`].
    pub fn log_only() -> Self {
        Self {
            smtp_url: None,
            from: DEFAULT_FROM.to_owned(),
            dkim: None,
            bounce_address: None,
        }
    }
}

impl Default for MailConfig {
    fn default() -> Self {
        Self::log_only()
    }
}

/// Never shows the SMTP password.
impl std::fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailConfig")
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("from", &self.from)
            .field("dkim", &self.dkim)
            .field("bounce_address", &self.bounce_address)
            .finish()
    }
}

/// Why a message was not sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// A setting is wrong (start-up); names the setting, never shows a password.
    #[error("{setting}: {message}")]
    Config {
        setting: &'static str,
        message: String,
    },
    /// The message cannot be built (an invalid recipient, a bad extra header): permanent.
    #[error("invalid message: {0}")]
    Invalid(String),
    /// The SMTP server refused it for good (5xx): permanent.
    #[error("refused by the SMTP server: {0}")]
    Rejected(String),
    /// Worth another try later: connection refused, timeout, TLS trouble, 4xx, refused
    /// login (an operator can fix the credentials).
    #[error("not sent (will be retried): {0}")]
    Transient(String),
}

impl MailError {
    /// True when retrying the same message can never succeed.
    pub fn is_permanent(&self) -> bool {
        matches!(
            self,
            MailError::Config { .. } | MailError::Invalid(_) | MailError::Rejected(_)
        )
    }

    fn from_smtp(err: &lettre::transport::smtp::Error) -> Self {
        let code = err.status().map(|c| c.to_string());
        // 530 authentication required, 534 mechanism too weak, 535 bad credentials, 538
        // encryption required: the server is fine with the message, our configuration is
        // not; retry so that mail queued meanwhile goes once an operator fixes it.
        let login = matches!(code.as_deref(), Some("530" | "534" | "535" | "538"));
        if err.is_permanent() && !login {
            MailError::Rejected(err.to_string())
        } else {
            MailError::Transient(err.to_string())
        }
    }
}

/// Sends [`Email`]s over SMTP, or writes them to the log. Cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    backend: Backend,
    dkim: Option<Arc<DkimConfig>>,
    /// `bounce_address`: VERP return paths are made from its user and domain.
    bounce: Option<lettre::Address>,
}

#[derive(Clone)]
enum Backend {
    Log,
    Smtp(Arc<Smtp>),
}

struct Smtp {
    builder: AsyncSmtpTransportBuilder,
    /// Built on first use, inside the runtime: lettre's connection pool spawns its
    /// housekeeping task when it is made.
    transport: OnceLock<AsyncSmtpTransport<Tokio1Executor>>,
    /// The same settings for the bulk session's own connections.
    target: connect::Target,
    /// The URL with its password hidden.
    shown: String,
}

impl Drop for Smtp {
    fn drop(&mut self) {
        // The pool spawns a task to close its connections when dropped, which panics
        // outside a Tokio runtime (the last clone dropped after the runtime ended): at that
        // point there is nothing left to close politely, so let the process reclaim it.
        if tokio::runtime::Handle::try_current().is_err()
            && let Some(transport) = self.transport.take()
        {
            std::mem::forget(transport);
        }
    }
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("via", &self.describe())
            .field("dkim", &self.dkim.is_some())
            .field("bounce", &self.bounce.as_ref().map(ToString::to_string))
            .finish()
    }
}

impl Mailer {
    /// Checks the settings: an unparsable URL, an unknown scheme or `tls=` value, an
    /// invalid From or bounce address, a DKIM key that cannot be read or used is an error
    /// naming the setting (`smtp_url`, `mail_from`, `bounce_address`, `dkim_domain`,
    /// `dkim_selector`, `dkim_key`).
    pub fn from_config(config: &MailConfig) -> Result<Mailer, MailError> {
        let from: Mailbox = config.from.parse().map_err(|e| MailError::Config {
            setting: "mail_from",
            message: format!(
                "{:?} is not a mailbox ({e}); expected e.g. \"Newsdesk <news@example.com>\"",
                config.from
            ),
        })?;
        let bounce = config
            .bounce_address
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(parse_bounce_address)
            .transpose()?;
        let dkim = config
            .dkim
            .as_ref()
            .map(dkim::load)
            .transpose()?
            .map(Arc::new);
        let Some(url) = config.smtp_url.as_deref().filter(|u| !u.trim().is_empty()) else {
            return Ok(Mailer {
                from,
                backend: Backend::Log,
                dkim,
                bounce,
            });
        };
        let shown = redact_url(url);
        let bad = |message: String| MailError::Config {
            setting: "smtp_url",
            message: format!("{shown}: {message}"),
        };
        let parsed = url::Url::parse(url).map_err(|e| bad(e.to_string()))?;
        if !matches!(parsed.scheme(), "smtp" | "smtps") {
            return Err(bad(format!(
                "unsupported scheme {:?}; expected smtp://host[:port] (add ?tls=required for \
                 STARTTLS) or smtps://host[:port]",
                parsed.scheme()
            )));
        }
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err(bad("no host".to_owned()));
        }
        if let Some((_, tls)) = parsed.query_pairs().find(|(k, _)| k == "tls")
            && !matches!(tls.as_ref(), "required" | "opportunistic")
        {
            return Err(bad(format!(
                "tls={tls:?}; expected tls=required (STARTTLS) or tls=opportunistic"
            )));
        }
        if !parsed.username().is_empty() && parsed.password().is_none() {
            return Err(bad(
                "a user name without a password; give both (smtp://user:password@host) or neither"
                    .to_owned(),
            ));
        }
        // lettre's errors never contain the URL, so they are safe to show.
        let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| bad(e.to_string()))?
            .timeout(Some(COMMAND_TIMEOUT));
        let target = connect::Target::from_url(&parsed, &shown).map_err(bad)?;
        Ok(Mailer {
            from,
            backend: Backend::Smtp(Arc::new(Smtp {
                builder,
                transport: OnceLock::new(),
                target,
                shown,
            })),
            dkim,
            bounce,
        })
    }

    /// A mailer that writes to the log, from [`DEFAULT_FROM`].
    pub fn log_only() -> Mailer {
        Mailer {
            from: Mailbox::new(
                Some("Newsdesk".to_owned()),
                // A valid user and domain, written out: nothing to check.
                lettre::Address::new_dangerous("no-reply", "localhost"),
            ),
            backend: Backend::Log,
            dkim: None,
            bounce: None,
        }
    }

    /// True when messages really go out over SMTP.
    pub fn is_smtp(&self) -> bool {
        matches!(self.backend, Backend::Smtp(_))
    }

    /// For logs: `SMTP via smtp://user:***@host:587?tls=required` or `the log`.
    pub fn describe(&self) -> String {
        match &self.backend {
            Backend::Log => "the log (no smtp_url)".to_owned(),
            Backend::Smtp(smtp) => format!("SMTP via {}", smtp.shown),
        }
    }

    /// The From mailbox, as configured.
    pub fn from(&self) -> String {
        self.from.to_string()
    }

    /// A fresh `<random@domain-of-from>` Message-ID. Put it in [`Email::headers`] before
    /// queueing, so a message sent twice (a retried job) carries the same id.
    pub fn new_message_id(&self) -> String {
        let random: [u8; 16] = rand::random();
        format!("<{}@{}>", hex::encode(random), self.from.email.domain())
    }

    /// True when messages are DKIM-signed.
    pub fn signs(&self) -> bool {
        self.dkim.is_some()
    }

    /// The message as it goes on the wire (RFC 5322 bytes), DKIM-signed when configured.
    pub fn format(&self, email: &Email) -> Result<Vec<u8>, MailError> {
        Ok(self.build(email)?.formatted())
    }

    /// Sends one message. With no SMTP server configured, logs it and succeeds.
    pub async fn send(&self, email: &Email) -> Result<(), MailError> {
        let message = self.build(email)?;
        match &self.backend {
            Backend::Log => {
                tracing::info!(
                    to = %email.to,
                    subject = %email.subject,
                    text = %email.text,
                    "email not sent (no smtp_url configured); written to the log instead"
                );
                Ok(())
            }
            Backend::Smtp(smtp) => {
                let transport = smtp
                    .transport
                    .get_or_init(|| smtp.builder.clone().build::<Tokio1Executor>());
                match tokio::time::timeout(SEND_TIMEOUT, transport.send(message)).await {
                    Ok(Ok(response)) => {
                        tracing::info!(
                            to = %email.to,
                            subject = %email.subject,
                            answer = %response.first_line().unwrap_or_default(),
                            "email sent"
                        );
                        Ok(())
                    }
                    Ok(Err(err)) => Err(MailError::from_smtp(&err)),
                    Err(_) => Err(MailError::Transient(format!(
                        "no answer from {} within {} s",
                        smtp.shown,
                        SEND_TIMEOUT.as_secs()
                    ))),
                }
            }
        }
    }

    /// The message, DKIM-signed when configured: [`Mailer::format`], [`Mailer::send`] and
    /// the bulk session all go through here.
    pub(crate) fn build(&self, email: &Email) -> Result<Message, MailError> {
        let to: Mailbox = email.to.trim().parse().map_err(|e| {
            MailError::Invalid(format!("recipient {:?} is not an address: {e}", email.to))
        })?;
        // A headline pasted with a line break must not end the header.
        let subject: String = email
            .subject
            .chars()
            .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
            .collect();
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject);
        let mut message_id = None;
        for (name, value) in &email.headers {
            if value.contains(['\r', '\n']) {
                return Err(MailError::Invalid(format!(
                    "header {name}: a value may not contain a line break"
                )));
            }
            if name.eq_ignore_ascii_case("Message-ID") {
                message_id = Some(value.trim().to_owned());
                continue;
            }
            if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                return Err(MailError::Invalid(format!(
                    "header {name} is set by the mailer"
                )));
            }
            let header = HeaderName::new_from_ascii(name.clone())
                .map_err(|_| MailError::Invalid(format!("{name:?} is not a header name")))?;
            builder = builder.raw_header(HeaderValue::new(header, value.clone()));
        }
        let builder = builder.message_id(Some(message_id.unwrap_or_else(|| self.new_message_id())));
        let alternative = MultiPart::alternative_plain_html(email.text.clone(), email.html.clone());
        // lettre writes a multipart body's Content-Type with the body, out of the headers
        // its DKIM signer hashes, so a signature listing it would fail to verify. Made a
        // message header here (the parts are base64 or quoted-printable: 7bit overall),
        // it is signed like any other.
        let content_type = ContentType::parse(&format!(
            "multipart/alternative; boundary=\"{}\"",
            alternative.boundary()
        ))
        .map_err(|e| MailError::Invalid(e.to_string()))?;
        let formatted = alternative.formatted();
        let body = formatted
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map(|end| formatted[end + 4..].to_vec())
            .ok_or_else(|| MailError::Invalid("a multipart body without headers".to_owned()))?;
        let mut message = builder
            .header(MIME_VERSION_1_0)
            .header(content_type)
            .body(Body::dangerous_pre_encoded(
                body,
                ContentTransferEncoding::SevenBit,
            ))
            .map_err(|e| MailError::Invalid(e.to_string()))?;
        if let Some(dkim) = &self.dkim {
            message.sign(dkim);
        }
        Ok(message)
    }
}

/// `bounces@news.example.com`: a bare address whose local part has no `+`, since VERP
/// return paths add `+TOKEN` to it and bounces are told apart by what follows the `+`.
fn parse_bounce_address(raw: &str) -> Result<lettre::Address, MailError> {
    let bad = |message: String| MailError::Config {
        setting: "bounce_address",
        message,
    };
    let address: lettre::Address = raw.parse().map_err(|e| {
        bad(format!(
            "{raw:?} is not an address ({e}); expected e.g. \"bounces@news.example.com\""
        ))
    })?;
    if address.user().contains('+') {
        return Err(bad(format!(
            "{raw:?} has a \"+\" in its local part; return paths add \"+TOKEN\" to it, so \
             give the plain mailbox, e.g. \"bounces@news.example.com\""
        )));
    }
    Ok(address)
}

/// Headers the mailer writes itself.
const RESERVED: &[&str] = &[
    "From",
    "To",
    "Cc",
    "Bcc",
    "Sender",
    "Subject",
    "Date",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
];

/// The URL with its password and any credential-like query parameters replaced by `***`,
/// for logs and error messages. An unparsable URL is replaced whole, since we cannot tell
/// where a secret might be in it.
pub fn redact_url(raw: &str) -> String {
    let Ok(mut url) = url::Url::parse(raw) else {
        return "<unparsable URL>".to_owned();
    };
    if url.password().is_some() {
        let _ = url.set_password(Some("***"));
    }
    if url.query().is_some() {
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| {
                let lower = k.to_ascii_lowercase();
                let secret = ["pass", "token", "secret", "key", "auth"]
                    .iter()
                    .any(|s| lower.contains(s));
                let value = if secret {
                    "***".to_owned()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), value)
            })
            .collect();
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    url.to_string()
}

#[cfg(test)]
mod tests;
