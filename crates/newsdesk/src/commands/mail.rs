//! `newsdesk mail ingest`: one message that arrived at the bounce address, read from
//! standard input (an MTA pipes it: a Postfix alias `bounces: "|newsdesk mail ingest"`).
//!
//! A delivery status notification (RFC 3464) with a permanent failure suppresses the
//! address it names (or the one its VERP token `ISSUE-SUBSCRIBER` points to); a message to
//! `bounces+u{id}-{token}@…` (a `List-Unsubscribe` mailto) unsubscribes that subscriber when
//! the token is theirs. Anything else is ignored. It always exits 0 once it has read the
//! message: a failure would make the MTA bounce the bounce.

use std::io::Read;

use newsdesk_app::newsletters::links;
use newsdesk_store::{Store, StoreError};

use crate::config::DbConfig;

/// Larger inbound messages are not bounces anyone needs to read whole.
const MAX_MESSAGE: u64 = 10 * 1024 * 1024;

pub async fn ingest(db: &DbConfig) -> anyhow::Result<()> {
    let mut raw = Vec::new();
    std::io::stdin().take(MAX_MESSAGE).read_to_end(&mut raw)?;
    let store = super::open_store(db).await?;
    let outcome = handle(&store, &raw).await?;
    println!("{outcome}");
    Ok(())
}

/// What one inbound message did, in a line for the MTA's log.
pub async fn handle(store: &Store, raw: &[u8]) -> anyhow::Result<String> {
    if let Some(bounce) = newsdesk_mail::parse_bounce(raw) {
        if !bounce.permanent {
            return Ok(format!(
                "transient failure {} ignored (the sender retries)",
                bounce.status
            ));
        }
        let from_token = match bounce.token.as_deref().and_then(delivery_of) {
            Some((_, subscriber)) => match store.subscriber(subscriber).await {
                Ok(s) => Some(s.email),
                Err(StoreError::NotFound) => None,
                Err(err) => return Err(err.into()),
            },
            None => None,
        };
        let Some(email) = from_token.or(bounce.recipient) else {
            return Ok("a bounce that names no recipient: ignored".to_owned());
        };
        let reason = format!("bounced {} {}", bounce.status, bounce.diagnostic);
        let added = store.suppress_email(&email, reason.trim()).await?;
        return Ok(if added {
            format!("{email} suppressed ({})", bounce.status)
        } else {
            format!("{email} was already suppressed")
        });
    }
    let Some(token) = newsdesk_mail::inbound_token(raw) else {
        return Ok("neither a bounce nor an unsubscribe request: ignored".to_owned());
    };
    let Some((id, secret)) = token
        .strip_prefix('u')
        .and_then(|rest| rest.split_once('-'))
        .and_then(|(id, secret)| Some((id.parse::<i64>().ok()?, secret)))
    else {
        return Ok(format!(
            "token {token:?} is not an unsubscribe token: ignored"
        ));
    };
    let subscriber = match store.subscriber(id).await {
        Ok(s) => s,
        Err(StoreError::NotFound) => return Ok("no such subscriber: ignored".to_owned()),
        Err(err) => return Err(err.into()),
    };
    if !links::unsubscribe_valid(store, id, &subscriber.email, secret).await? {
        return Ok("an unsubscribe token that does not match: ignored".to_owned());
    }
    store.unsubscribe(id).await?;
    Ok(format!("{} unsubscribed (mailto)", subscriber.email))
}

/// `ISSUE-SUBSCRIBER`, the VERP token of a newsletter delivery.
fn delivery_of(token: &str) -> Option<(i64, i64)> {
    let (issue, subscriber) = token.split_once('-')?;
    Some((issue.parse().ok()?, subscriber.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use newsdesk_core::{Direction, Edition};

    use super::*;

    async fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(&dir.path().join("newsdesk.db"))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        store
            .upsert_edition(&Edition {
                code: "en".into(),
                name: "English".into(),
                direction: Direction::Ltr,
                time_zone: "Europe/London".into(),
                is_default: true,
            })
            .await
            .unwrap();
        (dir, store)
    }

    fn dsn(to: &str, recipient: &str, status: &str) -> Vec<u8> {
        format!(
            "From: MAILER-DAEMON@mx.example.net\r\nTo: {to}\r\nSubject: Undelivered Mail\r\n\
             MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
             --b\r\nContent-Type: text/plain\r\n\r\nIt failed.\r\n\
             --b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n\
             Final-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: {status}\r\n\
             Diagnostic-Code: smtp; 550 {status} no such user\r\n\r\n--b--\r\n"
        )
        .into_bytes()
    }

    #[tokio::test]
    async fn a_hard_bounce_suppresses_and_a_mailto_unsubscribes() {
        let (_dir, store) = store().await;
        let lists = vec!["digest".to_owned()];
        let ann = store
            .sign_up("en", "ann@example.com", &lists, None)
            .await
            .unwrap();
        let ann = store.confirm_subscriber(ann.id).await.unwrap();
        let bob = store
            .sign_up("en", "bob@example.com", &lists, None)
            .await
            .unwrap();
        let bob = store.confirm_subscriber(bob.id).await.unwrap();

        let soft = dsn("bounces+7-1@example.com", "ann@example.com", "4.2.2");
        assert!(handle(&store, &soft).await.unwrap().contains("transient"));
        assert!(!store.is_suppressed("ann@example.com").await.unwrap());
        let hard = dsn(
            &format!("bounces+7-{}@example.com", ann.id),
            "x@relay.example",
            "5.1.1",
        );
        let said = handle(&store, &hard).await.unwrap();
        assert!(said.contains("ann@example.com suppressed"), "{said}");
        assert!(
            store.is_suppressed("ann@example.com").await.unwrap(),
            "the token's address"
        );

        let token = links::unsubscribe_token(&store, bob.id, &bob.email)
            .await
            .unwrap();
        let forged = format!(
            "From: bob@example.com\r\nTo: bounces+u{}-{}@example.com\r\nSubject: unsubscribe\r\n\r\n\r\n",
            bob.id,
            "0".repeat(token.len())
        );
        assert!(
            handle(&store, forged.as_bytes())
                .await
                .unwrap()
                .contains("does not match")
        );
        assert_eq!(store.subscriber(bob.id).await.unwrap().lists, lists);
        let request = format!(
            "From: bob@example.com\r\nTo: bounces+u{}-{token}@example.com\r\nSubject: unsubscribe\r\n\r\n\r\n",
            bob.id
        );
        let said = handle(&store, request.as_bytes()).await.unwrap();
        assert!(said.contains("unsubscribed"), "{said}");
        assert!(store.subscriber(bob.id).await.unwrap().lists.is_empty());
        assert!(
            handle(&store, b"Subject: hello\r\n\r\nhi\r\n")
                .await
                .unwrap()
                .contains("ignored")
        );
    }
}
