//! One SMTP connection made from the `smtp_url` setting, the way lettre's pooled transport
//! makes its own (same ports, TLS modes, EHLO name and AUTH mechanisms), for the bulk
//! session, which drives the connection command by command.

use std::borrow::Cow;
use std::future::Future;

use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::transport::smtp::{SMTP_PORT, SUBMISSION_PORT, SUBMISSIONS_PORT};

use crate::{COMMAND_TIMEOUT, MailError};

/// Where and how to connect; built once from the checked URL.
pub(crate) struct Target {
    host: String,
    port: u16,
    tls: Tls,
    credentials: Option<Credentials>,
    hello: ClientId,
    /// The URL with its password hidden, for errors.
    shown: String,
}

impl Target {
    /// `url` has already been checked by [`crate::Mailer::from_config`] (scheme, host,
    /// `tls=` value, user and password together).
    pub(crate) fn from_url(url: &url::Url, shown: &str) -> Result<Target, String> {
        let host = url.host_str().unwrap_or_default().to_owned();
        let tls_param = url
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let params = || TlsParameters::new(host.clone()).map_err(|e| e.to_string());
        let (default_port, tls) = match (url.scheme(), tls_param.as_deref()) {
            ("smtps", _) => (SUBMISSIONS_PORT, Tls::Wrapper(params()?)),
            (_, Some("required")) => (SUBMISSION_PORT, Tls::Required(params()?)),
            (_, Some("opportunistic")) => (SUBMISSION_PORT, Tls::Opportunistic(params()?)),
            _ => (SMTP_PORT, Tls::None),
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .map(Cow::into_owned)
                .map_err(|e| format!("the user name or password is not UTF-8 ({e})"))
        };
        let credentials = match url.password() {
            Some(password) => Some(Credentials::new(decode(url.username())?, decode(password)?)),
            None => None,
        };
        let hello = match url.path().trim_matches('/') {
            "" => ClientId::default(),
            name => ClientId::Domain(name.to_owned()),
        };
        Ok(Target {
            port: url.port().unwrap_or(default_port),
            host,
            tls,
            credentials,
            hello,
            shown: shown.to_owned(),
        })
    }

    /// Connects, says EHLO, upgrades with STARTTLS when asked and logs in; each step has
    /// [`COMMAND_TIMEOUT`].
    pub(crate) async fn connect(&self) -> Result<AsyncSmtpConnection, MailError> {
        let mut conn = match &self.tls {
            Tls::Wrapper(params) => {
                self.step(
                    "connecting",
                    AsyncSmtpConnection::connect_tokio1(
                        (self.host.as_str(), self.port),
                        Some(COMMAND_TIMEOUT),
                        &self.hello,
                        Some(params.clone()),
                        None,
                    ),
                )
                .await?
            }
            // Our own socket, without Nagle's algorithm: lettre writes a message and its
            // final dot in two writes, and with Nagle the dot waits for the server's ACK of
            // the message, which Linux delays by 40 ms: 20 messages a second instead of
            // hundreds (bench/newsletter.sh). STARTTLS upgrades this socket as lettre's own.
            _ => {
                let tcp = self.tcp().await?;
                self.step(
                    "connecting",
                    AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &self.hello),
                )
                .await?
            }
        };
        match &self.tls {
            Tls::Required(params) => {
                self.step("STARTTLS", conn.starttls(params.clone(), &self.hello))
                    .await?;
            }
            Tls::Opportunistic(params) if conn.can_starttls() => {
                self.step("STARTTLS", conn.starttls(params.clone(), &self.hello))
                    .await?;
            }
            _ => {}
        }
        if let Some(credentials) = &self.credentials {
            self.step("AUTH", conn.auth(DEFAULT_MECHANISMS, credentials))
                .await?;
        }
        Ok(conn)
    }

    async fn tcp(&self) -> Result<tokio::net::TcpStream, MailError> {
        let failed =
            |why: String| MailError::Transient(format!("connecting {}: {why}", self.shown));
        let tcp = tokio::time::timeout(
            COMMAND_TIMEOUT,
            tokio::net::TcpStream::connect((self.host.as_str(), self.port)),
        )
        .await
        .map_err(|_| failed(format!("no answer within {} s", COMMAND_TIMEOUT.as_secs())))?
        .map_err(|e| failed(e.to_string()))?;
        tcp.set_nodelay(true).map_err(|e| failed(e.to_string()))?;
        Ok(tcp)
    }

    async fn step<T>(
        &self,
        what: &str,
        future: impl Future<Output = Result<T, lettre::transport::smtp::Error>>,
    ) -> Result<T, MailError> {
        match tokio::time::timeout(COMMAND_TIMEOUT, future).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(err)) => Err(MailError::from_smtp(&err)),
            Err(_) => Err(MailError::Transient(format!(
                "{what} {}: no answer within {} s",
                self.shown,
                COMMAND_TIMEOUT.as_secs()
            ))),
        }
    }
}
