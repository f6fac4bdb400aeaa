//! `GET /admin/newsletters/export.csv?edition=en&list=digest`: every confirmed subscriber
//! of one list, as CSV, streamed a page at a time (keyset over the subscriber id), so a
//! list of any size is never held in memory. Addresses are personal data: editors only,
//! and every export is written to the audit log.

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Query, State};
use axum::response::IntoResponse;
use chrono::{DateTime, Utc};
use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use newsdesk_site::AppState;
use newsdesk_store::newsletters::Subscriber;
use serde::Deserialize;
use serde_json::json;
use tokio::sync::mpsc;

use crate::actions::audit;
use crate::admin::render::AdminResult;
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

/// Subscribers read per query.
const PAGE: i64 = 1000;
/// Pages written ahead of a slow download.
const AHEAD: usize = 4;
const HEADER: &str = "email,lists,confirmed_at,created_at\r\n";

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExportQuery {
    edition: String,
    list: String,
}

pub async fn csv(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<ExportQuery>,
) -> AdminResult {
    can(&staff.actor, Action::ManageNewsletters, Resource::None)?;
    let (edition, _) = super::pick_edition(&state, &q.edition).await?;
    let list = super::pick_list(&q.list)?;
    let subscribers = super::confirmed(&state, &edition.code, &list).await?;
    audit::record(
        state.app(),
        &staff.actor,
        "newsletter.export",
        &format!("newsletter_list:{}:{list}", edition.code),
        json!({ "edition": edition.code, "list": list, "subscribers": subscribers }),
    )
    .await;
    let filename = format!(
        "subscribers-{}-{}-{}.csv",
        edition.code,
        list.replace(':', "-"),
        Utc::now().format("%Y-%m-%d")
    );
    let (tx, rx) = mpsc::channel(AHEAD);
    tokio::spawn(write_rows(state.clone(), edition.code, list, tx));
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        Body::new(ChunkBody {
            chunks: rx,
            current: None,
        }),
    )
        .into_response())
}

/// Sends the header, then each page of subscribers as one chunk, until the list ends or
/// the download is abandoned (the receiver is gone).
async fn write_rows(
    state: AppState,
    edition: String,
    list: String,
    tx: mpsc::Sender<Result<Bytes, axum::Error>>,
) {
    if tx
        .send(Ok(Bytes::from_static(HEADER.as_bytes())))
        .await
        .is_err()
    {
        return;
    }
    let mut after = 0;
    loop {
        let page = match state
            .store()
            .list_subscribers(&edition, &list, after, PAGE)
            .await
        {
            Ok(page) => page,
            Err(err) => {
                tracing::error!(%err, edition, list, "the subscriber export broke off");
                // The download fails visibly instead of ending like a complete file.
                if tx.send(Err(axum::Error::new(err))).await.is_err() {
                    tracing::debug!("the export's download was already gone");
                }
                return;
            }
        };
        let Some(last) = page.last() else { return };
        after = last.id;
        let mut chunk = String::with_capacity(page.len() * 96);
        for subscriber in &page {
            row(&mut chunk, subscriber);
        }
        if tx.send(Ok(Bytes::from(chunk))).await.is_err() {
            return;
        }
        if i64::try_from(page.len()).unwrap_or(PAGE) < PAGE {
            return;
        }
    }
}

fn row(out: &mut String, s: &Subscriber) {
    cell(out, &s.email);
    out.push(',');
    cell(out, &s.lists.join(" "));
    out.push(',');
    cell(out, &s.confirmed_at.map(stamp).unwrap_or_default());
    out.push(',');
    cell(out, &stamp(s.created_at));
    out.push_str("\r\n");
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// One CSV cell (RFC 4180 quoting). A value a spreadsheet would run as a formula (it
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading
/// `'`, so opening the export never executes what someone typed into a sign-up form.
fn cell(out: &mut String, value: &str) {
    let guarded;
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// `Option<Result<http_body::Frame<Bytes>, axum::Error>>`. The http-body crate is not a
/// dependency of this crate, so its `Frame` is named through the future of http-body-util
/// that yields one of an axum body.
type NextFrame = <http_body_util::combinators::Frame<'static, Body> as std::future::Future>::Output;

/// A response body fed by a channel of chunks; an `Err` aborts the response.
struct ChunkBody {
    chunks: mpsc::Receiver<Result<Bytes, axum::Error>>,
    /// The chunk being written, as a one-frame body.
    current: Option<Body>,
}

impl HttpBody for ChunkBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<NextFrame> {
        loop {
            if let Some(body) = self.current.as_mut() {
                match Pin::new(body).poll_frame(cx) {
                    Poll::Ready(None) => self.current = None,
                    other => return other,
                }
            }
            match self.chunks.poll_recv(cx) {
                Poll::Ready(Some(Ok(bytes))) => self.current = Some(Body::from(bytes)),
                Poll::Ready(Some(Err(err))) => return Poll::Ready(Some(Err(err))),
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    fn written(value: &str) -> String {
        let mut out = String::new();
        cell(&mut out, value);
        out
    }

    #[test]
    fn formulas_are_defused_and_separators_quoted() {
        assert_eq!(written("reader@example.com"), "reader@example.com");
        assert_eq!(written("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(written("+1"), "'+1");
        assert_eq!(written("-2"), "'-2");
        assert_eq!(written("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(written("a,b"), "\"a,b\"");
        assert_eq!(written(""), "");
    }
}
