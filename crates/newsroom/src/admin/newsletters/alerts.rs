//! Breaking alerts, sent by an editor in two steps: `GET /admin/newsletters/alert?article=ID`
//! (or `?item=ID`) shows the message and how many subscribers of the edition's breaking
//! list it would reach; the form there (`POST /admin/newsletters/alert`) queues it. An
//! alert goes once per story, ever: the issue's key is the story's, so a second POST (a
//! double click, a second editor) is refused and sends nothing.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::Form;
use chrono::{DateTime, Duration, Utc};
use http::StatusCode;
use minijinja::{Value, context};
use newsdesk_core::NewsItemStatus;
use newsdesk_site::newsletters::compose::{self, BREAKING_LIST};
use newsdesk_site::newsletters::issues::{AlertSubject, alert_edition, alert_entry, queue_alert};
use newsdesk_site::public::context::EditionCtx;
use newsdesk_site::{AppState, HttpError};
use newsdesk_store::ArticleQuery;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{MessageView, with_message_policy};
use crate::actions::audit;
use crate::admin::render::{AdminResult, page_with_status};
use crate::auth::Staff;
use crate::policy::{Action, Resource, can};

/// How far back the overview offers stories to send an alert about.
const RECENT: Duration = Duration::hours(24);
/// Stories of each kind the overview offers per edition at most.
const CANDIDATES: i64 = 50;

/// A story of the last 24 hours on the overview.
#[derive(Debug, Serialize)]
pub struct Candidate {
    /// The query parameter of the confirmation page: `article` or `item`.
    kind: &'static str,
    id: i64,
    headline: String,
    breaking: bool,
    published_at: DateTime<Utc>,
    /// An alert about it went already.
    sent: bool,
}

/// The edition's breaking newsfeed items and published articles of the last 24 hours,
/// newest first.
pub(super) async fn candidates(
    state: &AppState,
    edition: &str,
) -> Result<Vec<Candidate>, HttpError> {
    let store = state.store();
    let since = Utc::now() - RECENT;
    let mut out = Vec::new();
    let items = store
        .list_news_items(
            Some(edition),
            Some(NewsItemStatus::Published),
            CANDIDATES,
            0,
        )
        .await?;
    for item in items {
        let Some(published_at) = item.published_at.filter(|at| *at >= since) else {
            continue;
        };
        if !item.breaking {
            continue;
        }
        out.push(Candidate {
            kind: "item",
            id: item.id,
            sent: store
                .issue_exists(&AlertSubject::NewsItem(item.id).key())
                .await?,
            headline: item.headline,
            breaking: true,
            published_at,
        });
    }
    let articles = store
        .list_articles(&ArticleQuery {
            edition: Some(edition.to_owned()),
            published_from: Some(since),
            limit: CANDIDATES,
            ..ArticleQuery::default()
        })
        .await?;
    for article in articles {
        let Some(published_at) = article.published_at else {
            continue;
        };
        out.push(Candidate {
            kind: "article",
            id: article.id,
            sent: store
                .issue_exists(&AlertSubject::Article(article.id).key())
                .await?,
            headline: article.headline,
            breaking: article.breaking,
            published_at,
        });
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.published_at));
    Ok(out)
}

/// `?article=ID` or `?item=ID` (the query of the confirmation page, the fields of its form).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StoryQuery {
    article: String,
    item: String,
}

impl StoryQuery {
    fn is_empty(&self) -> bool {
        self.article.trim().is_empty() && self.item.trim().is_empty()
    }

    fn subject(&self) -> Result<AlertSubject, HttpError> {
        let id = |raw: &str| {
            raw.parse::<i64>()
                .ok()
                .filter(|id| *id > 0)
                .ok_or_else(|| HttpError::BadRequest(format!("{raw:?} is not a story id")))
        };
        match (self.article.trim(), self.item.trim()) {
            (article, "") if !article.is_empty() => Ok(AlertSubject::Article(id(article)?)),
            ("", item) if !item.is_empty() => Ok(AlertSubject::NewsItem(id(item)?)),
            _ => Err(HttpError::BadRequest(
                "choose one article or one newsfeed item to send an alert about".to_owned(),
            )),
        }
    }
}

/// Why a POST sent nothing.
#[derive(Debug, Clone, Copy)]
enum Refusal {
    AlreadySent,
    NoSubscribers,
}

impl Refusal {
    fn message(self) -> &'static str {
        match self {
            Refusal::AlreadySent => {
                "An alert about this story was already sent. Nothing was sent now: an alert goes once per story."
            }
            Refusal::NoSubscribers => {
                "Nobody subscribes to breaking news in this edition yet, so nothing was sent."
            }
        }
    }
}

/// The confirmation page: the message as it would go, and the button (unless sent).
async fn alert_page(
    state: &AppState,
    staff: &Staff,
    subject: AlertSubject,
    status: StatusCode,
    refusal: Option<Refusal>,
) -> AdminResult {
    let edition = alert_edition(state, subject).await?;
    let ctx = EditionCtx::load(state, &edition).await?;
    // A story that is not public is not found: an alert never announces a draft.
    let entry = alert_entry(state, subject).await?;
    let message = compose::breaking(state, &ctx, &entry)?;
    let recipients = super::confirmed(state, &edition, BREAKING_LIST).await?;
    let sent = state.store().issue_exists(&subject.key()).await?;
    let (field, id) = match subject {
        AlertSubject::Article(id) => ("article", id),
        AlertSubject::NewsItem(id) => ("item", id),
    };
    let view = context! {
        nav => "newsletters",
        field => field,
        id => id,
        edition => edition,
        edition_name => ctx.edition.name.clone(),
        headline => entry.headline,
        url => entry.url,
        published_at => entry.published_at,
        list_name => compose::list_name(state, &ctx, BREAKING_LIST),
        recipients => recipients,
        sent => sent,
        refusal => refusal.map(Refusal::message),
        message => Value::from_serialize(MessageView::from(message)),
    };
    Ok(with_message_policy(
        state,
        page_with_status(status, staff, "admin/newsletters_alert.html", view)?,
    ))
}

/// `GET /admin/newsletters/alert?article=ID` (or `?item=ID`).
pub async fn confirm(
    State(state): State<AppState>,
    staff: Staff,
    Query(q): Query<StoryQuery>,
) -> AdminResult {
    can(&staff.actor, Action::ManageNewsletters, Resource::None)?;
    if q.is_empty() {
        return Ok(Redirect::to("/admin/newsletters#alerts").into_response());
    }
    alert_page(&state, &staff, q.subject()?, StatusCode::OK, None).await
}

/// `POST /admin/newsletters/alert`: queues the alert, or says why it did not.
pub async fn send(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<StoryQuery>,
) -> AdminResult {
    can(&staff.actor, Action::ManageNewsletters, Resource::None)?;
    let subject = form.subject()?;
    let edition = alert_edition(&state, subject).await?;
    // Queued to nobody, the alert would still use up the story's one alert.
    if super::confirmed(&state, &edition, BREAKING_LIST).await? == 0 {
        let refusal = Some(Refusal::NoSubscribers);
        return alert_page(&state, &staff, subject, StatusCode::CONFLICT, refusal).await;
    }
    let Some(issue) = queue_alert(&state, subject, staff.actor.account_id).await? else {
        let refusal = Some(Refusal::AlreadySent);
        return alert_page(&state, &staff, subject, StatusCode::CONFLICT, refusal).await;
    };
    audit::record(
        state.app(),
        &staff.actor,
        "newsletter.alert",
        &format!("newsletter_issue:{}", issue.id),
        json!({
            "edition": issue.edition,
            "story": subject.key(),
            "subject": issue.subject,
            "recipients": issue.recipients,
        }),
    )
    .await;
    Ok(Redirect::to(&format!(
        "/admin/newsletters/issues/{}?done=queued",
        issue.id
    ))
    .into_response())
}
