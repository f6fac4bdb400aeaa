//! Bounces. A newsletter message leaves with a VERP return path (`bounces+TOKEN@domain`,
//! [`Mailer::return_path`]), so when a receiving server gives up on it later, its
//! delivery status notification (RFC 3464: `multipart/report;
//! report-type=delivery-status`) comes back to an address that says which message it was
//! about, even when the report itself is vague. [`parse_bounce`] reads such a report into a
//! [`Bounce`]; the caller stops sending to an address after a permanent one.
//!
//! The MIME structure is read with `mail-parser`; the report's field groups (`Final-Recipient`,
//! `Action`, `Status`, `Diagnostic-Code`…) have header syntax and are read with its header
//! parser too.

use mail_parser::{HeaderName, MessageParser, MimeHeaders};

use crate::Mailer;

/// What a delivery status notification says about the one recipient it reports on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bounce {
    /// The address that failed (`Original-Recipient`, else `Final-Recipient`), without its
    /// `rfc822;` type.
    pub recipient: Option<String>,
    /// The VERP token of the return path the report was sent to.
    pub token: Option<String>,
    /// `Action: failed` with a `5.x.x` status: the address will never work. Otherwise
    /// (`4.x.x`: mailbox full, `Action: delayed`…) it may work later.
    pub permanent: bool,
    /// The enhanced status code (RFC 3463), e.g. `5.1.1`.
    pub status: String,
    /// The remote server's words (`Diagnostic-Code` without its `smtp;` type), or empty.
    pub diagnostic: String,
}

/// Tokens are kept to what is safe in any local part and needs no quoting.
fn valid_token(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= 64
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl Mailer {
    /// The VERP return path for one message: `bounces+TOKEN@news.example.com` from the
    /// `bounce_address` setting `bounces@news.example.com`. `None` when no bounce address
    /// is configured, or the token is empty, longer than 64 characters, or has anything
    /// but ASCII letters, digits and `-`.
    pub fn return_path(&self, token: &str) -> Option<String> {
        let bounce = self.bounce.as_ref()?;
        if !valid_token(token) {
            return None;
        }
        Some(format!("{}+{token}@{}", bounce.user(), bounce.domain()))
    }
}

/// Reads a delivery status notification. `None` when `raw` is not one (no
/// `message/delivery-status` part, as in an auto-reply), or it reports no failed or
/// delayed recipient (a delivery or relay notice). When it reports several recipients,
/// the first failed one wins.
pub fn parse_bounce(raw: &[u8]) -> Option<Bounce> {
    let message = MessageParser::new().parse(raw)?;
    let report = message.parts.iter().find(|part| {
        part.is_content_type("message", "delivery-status")
            || part.is_content_type("message", "global-delivery-status")
    })?;
    let mut found: Option<Bounce> = None;
    // The first group is about the message (Reporting-MTA, Arrival-Date…); each further
    // one is about a recipient.
    for group in groups(report.contents()) {
        let Some(fields) = MessageParser::new().parse_headers(group) else {
            continue;
        };
        let field = |name: &str| fields.header_raw(name).map(unfold);
        let Some(final_recipient) = field("Final-Recipient") else {
            continue;
        };
        let action = field("Action").unwrap_or_default().to_ascii_lowercase();
        let failed = action == "failed";
        if !failed && action != "delayed" {
            continue;
        }
        // "5.1.1", or "5.1.1 (user unknown)" from a few MTAs.
        let status = field("Status")
            .and_then(|s| s.split_whitespace().next().map(str::to_owned))
            .unwrap_or_default();
        let recipient = field("Original-Recipient")
            .map(|r| typed_value(&r))
            .filter(|r| r.contains('@'))
            .unwrap_or_else(|| typed_value(&final_recipient));
        let bounce = Bounce {
            recipient: Some(recipient).filter(|r| !r.is_empty()),
            token: None,
            permanent: failed && status.starts_with('5'),
            diagnostic: field("Diagnostic-Code")
                .map(|d| typed_value(&d))
                .unwrap_or_default(),
            status,
        };
        if failed {
            found = Some(bounce);
            break;
        }
        found.get_or_insert(bounce);
    }
    let mut bounce = found?;
    bounce.token = verp_token(&message);
    Some(bounce)
}

/// The report's field groups, split at empty lines.
fn groups(body: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = body;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            let (group, after) = match find_blank_line(rest) {
                Some((end, next)) => (&rest[..end], &rest[next..]),
                None => (rest, &rest[rest.len()..]),
            };
            rest = after;
            if !group.iter().all(u8::is_ascii_whitespace) {
                return Some(group);
            }
        }
    })
}

/// Where the first empty line (CRLF CRLF or LF LF) starts and ends.
fn find_blank_line(text: &[u8]) -> Option<(usize, usize)> {
    let crlf = text.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = text.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) if c < l => Some((c + 2, c + 4)),
        (_, Some(l)) => Some((l + 1, l + 2)),
        (Some(c), None) => Some((c + 2, c + 4)),
        (None, None) => None,
    }
}

/// A folded field value on one line.
fn unfold(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `rfc822; reader@example.org` → `reader@example.org`; `smtp; 550 …` → `550 …`.
fn typed_value(value: &str) -> String {
    let value = match value.split_once(';') {
        Some((kind, rest)) if !kind.contains(['@', ' ']) => rest,
        _ => value,
    };
    value
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_owned()
}

/// The VERP token of any message that arrived at a `local+TOKEN@domain` address (a DSN, or
/// a `mailto:` unsubscribe request), or None.
pub fn inbound_token(raw: &[u8]) -> Option<String> {
    let message = MessageParser::new().parse(raw)?;
    verp_token(&message)
}

/// The token of a `local+TOKEN@domain` address this report was delivered to: from the
/// envelope recipient the receiving MTA recorded (`X-Original-To`, `Delivered-To`), else
/// from `To`, which a DSN addresses to the original message's return path.
fn verp_token(message: &mail_parser::Message<'_>) -> Option<String> {
    let envelope = ["X-Original-To", "Delivered-To"]
        .into_iter()
        .filter_map(|name| message.header_raw(name))
        .map(|raw| typed_value(&unfold(raw)));
    let to = message
        .header_values(HeaderName::To)
        .filter_map(|v| v.as_address())
        .flat_map(|a| a.iter())
        .filter_map(|a| a.address().map(str::to_owned));
    envelope.chain(to).find_map(|address| {
        let (local, _domain) = address.rsplit_once('@')?;
        let (_, token) = local.rsplit_once('+')?;
        valid_token(token).then(|| token.to_owned())
    })
}
