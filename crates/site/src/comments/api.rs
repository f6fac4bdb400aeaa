//! `GET`/`POST /api/v1/articles/{id}/comments` and `GET /api/v1/reader`.

use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use http::header::CACHE_CONTROL;
use http::{HeaderMap, HeaderValue, StatusCode};
use newsdesk_app::moderation;
use newsdesk_auth::{ClientIp, ReaderLimits};
use newsdesk_core::{ArticleStatus, Comment, CommentStatus};
use newsdesk_store::{CommentSort, DiscussionFacts, NewComment, StoreError, ThreadItem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::render::comment_html;
use super::request;
use crate::account::reader;
use crate::error::{ErrorBody, HttpError};
use crate::state::AppState;

/// Top-level comments per page.
pub const PER_PAGE: i64 = 20;
/// The deepest page a thread is read to.
const MAX_PAGE: i64 = 500;

/// One comment as readers see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommentView {
    pub id: i64,
    /// The top-level comment this replies to.
    pub parent_id: Option<i64>,
    /// The author's display name; `null` for a deleted account.
    pub author: Option<String>,
    /// The author's account (so a reader's page can offer edit and delete on their own).
    pub author_id: Option<i64>,
    /// The text as safe HTML: escaped, line breaks as `<br>`, web links clickable with
    /// `rel="nofollow ugc noopener"`. Empty for a deleted comment.
    pub html: String,
    /// The author deleted it; shown as a placeholder because replies follow.
    pub deleted: bool,
    pub edited: bool,
    pub featured: bool,
    pub likes: i64,
    pub created_at: DateTime<Utc>,
    /// `visible`; for the author's own comments also `pending` (waiting for a moderator),
    /// `held` (held by a rule, waiting too) or `rejected`.
    pub status: String,
    /// Why it waits or was rejected; only in answers to its author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl From<&Comment> for CommentView {
    fn from(c: &Comment) -> Self {
        let deleted = c.status == CommentStatus::Deleted;
        CommentView {
            id: c.id,
            parent_id: c.parent_id,
            author: c.author_name.clone(),
            author_id: c.account_id,
            html: if deleted {
                String::new()
            } else {
                comment_html(&c.body)
            },
            deleted,
            edited: c.edited_at.is_some(),
            featured: c.featured,
            likes: c.likes,
            created_at: c.created_at,
            status: c.status.as_str().to_owned(),
            reason: None,
        }
    }
}

impl CommentView {
    /// The view its author gets: with the reason it waits or was rejected.
    pub fn for_author(c: &Comment) -> Self {
        let mut view = CommentView::from(c);
        if c.status != CommentStatus::Visible && !c.reason.is_empty() {
            view.reason = Some(match c.status {
                // The rule that held it is for moderators; the author learns it waits.
                CommentStatus::Held | CommentStatus::Pending => "awaiting moderation".to_owned(),
                _ => c.reason.clone(),
            });
        }
        view
    }
}

/// A top-level comment and its replies, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadItemView {
    pub comment: CommentView,
    pub replies: Vec<CommentView>,
}

/// One page of an article's discussion.
#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadPage {
    /// Visible comments and replies under the article.
    pub count: i64,
    pub page: i64,
    /// Whether an older page (for `newest`) or a later one exists.
    pub more: bool,
    /// `newest`, `oldest` or `liked`.
    pub sort: String,
    /// Whether readers may still post (closed by a moderator, or by the edition's limit
    /// of days after publication).
    pub open: bool,
    pub items: Vec<ThreadItemView>,
}

/// The thread's query: `sort` (`newest`, `oldest`, `liked`; default `newest`) and `page`
/// (from 1).
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "documents the query that `parse_query` reads by hand, so a bad value is a JSON 400"
)]
pub struct ThreadQuery {
    /// `newest` (default), `oldest` or `liked`.
    pub sort: Option<String>,
    /// From 1 (default) to 500.
    pub page: Option<i64>,
}

/// A new comment or reply.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCommentBody {
    /// Plain text, 1 to 3000 characters, kept exactly as written.
    pub body: String,
    /// The comment replied to (a reply to a reply joins its top-level comment).
    #[serde(default)]
    pub parent_id: Option<i64>,
}

/// The logged-in reader, for the article page's script.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReaderView {
    /// The reader's account id (`author_id` of their comments).
    pub id: i64,
    pub name: String,
    /// Whether the address is confirmed; only confirmed readers may comment.
    pub confirmed: bool,
    /// The session's CSRF token, for `X-CSRF-Token` on posts.
    pub csrf: String,
}

fn parse_query(raw: Option<&str>) -> Result<(CommentSort, &'static str, i64), HttpError> {
    let mut sort = (CommentSort::Newest, "newest");
    let mut page = 1;
    for (key, value) in url::form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        match key.as_ref() {
            "sort" => {
                sort = match value.as_ref() {
                    "newest" => (CommentSort::Newest, "newest"),
                    "oldest" => (CommentSort::Oldest, "oldest"),
                    "liked" => (CommentSort::MostLiked, "liked"),
                    _ => {
                        return Err(HttpError::BadRequest(
                            "sort: one of newest, oldest, liked".to_owned(),
                        ));
                    }
                }
            }
            "page" => {
                page = value
                    .parse::<i64>()
                    .ok()
                    .filter(|p| (1..=MAX_PAGE).contains(p))
                    .ok_or_else(|| {
                        HttpError::BadRequest("page: a whole number from 1 to 500".to_owned())
                    })?;
            }
            _ => {}
        }
    }
    Ok((sort.0, sort.1, page))
}

/// The article's discussion facts, if readers can see the article (and so discuss it).
pub(super) async fn public_article(
    state: &AppState,
    id: i64,
) -> Result<DiscussionFacts, HttpError> {
    match state.store().discussion_facts(id).await {
        Ok(f) if f.status == ArticleStatus::Published => Ok(f),
        Ok(_) | Err(StoreError::NotFound) => Err(HttpError::NotFound),
        Err(err) => Err(err.into()),
    }
}

/// An article's discussion, a page at a time.
#[utoipa::path(
    get, path = "/api/v1/articles/{id}/comments", tag = "comments",
    security(()),
    params(("id" = i64, Path, description = "The article"), ThreadQuery),
    responses(
        (status = 200, description = "A page of the thread (`Cache-Control: public, max-age=0, s-maxage=5`)", body = ThreadPage),
        (status = 400, description = "A bad `sort` or `page`", body = ErrorBody),
        (status = 404, description = "No published article with this id", body = ErrorBody),
    )
)]
pub async fn thread(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, HttpError> {
    let id = request::id_of(&id)?;
    let (sort, sort_name, page) = parse_query(raw.as_deref())?;
    let facts = public_article(&state, id).await?;
    let store = state.store();
    let (mut items, count, settings) = futures::try_join!(
        store.comment_thread(id, sort, PER_PAGE + 1, (page - 1) * PER_PAGE),
        store.comment_count(id),
        store.moderation_settings(&facts.edition),
    )?;
    let more = items.len() as i64 > PER_PAGE;
    items.truncate(PER_PAGE as usize);
    let body = ThreadPage {
        count,
        page,
        more,
        sort: sort_name.to_owned(),
        open: facts.open(&settings, Utc::now()),
        items: items.iter().map(item_view).collect(),
    };
    let mut response = Json(body).into_response();
    // The same for everyone: a CDN may keep it a few seconds, a browser asks again (the
    // reader who just posted must not get their own old copy).
    response.headers_mut().insert(
        CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=0, s-maxage=5"),
    );
    Ok(response)
}

fn item_view(item: &ThreadItem) -> ThreadItemView {
    ThreadItemView {
        comment: CommentView::from(&item.comment),
        replies: item.replies.iter().map(CommentView::from).collect(),
    }
}

/// Posts a comment or reply as the logged-in reader (session cookie `nd_reader` and the
/// session's CSRF token in `X-CSRF-Token`). Only readers who confirmed their address may.
#[utoipa::path(
    post, path = "/api/v1/articles/{id}/comments", tag = "comments",
    security(("reader" = [], "reader_csrf" = [])),
    params(("id" = i64, Path, description = "The article")),
    request_body(content = NewCommentBody, content_type = "application/json"),
    responses(
        (status = 201, description = "Posted: shown at once (`status` `visible`), or waiting for a moderator (`pending` or `held`, with `reason`)", body = CommentView),
        (status = 400, description = "A body that is not the JSON described", body = ErrorBody),
        (status = 401, description = "Not logged in as a reader", body = ErrorBody),
        (status = 403, description = "A missing or wrong CSRF token, an unconfirmed address, a closed discussion, or a banned or suspended reader", body = ErrorBody),
        (status = 404, description = "No published article with this id", body = ErrorBody),
        (status = 413, description = "More than 32 KiB", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "An empty or too long text, a word not allowed here, or a reply to a comment elsewhere", body = ErrorBody),
        (status = 429, description = "Too many comments; see `Retry-After`", body = ErrorBody),
    )
)]
pub async fn post(
    State(state): State<AppState>,
    Extension(limits): Extension<ReaderLimits>,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, HttpError> {
    let id = request::id_of(&id)?;
    let found = request::writer(&state, &headers).await?;
    let new: NewCommentBody = request::json_body(&headers, body).await?;
    let facts = public_article(&state, id).await?;
    let store = state.store();
    let settings = store.moderation_settings(&facts.edition).await?;
    let now = Utc::now();
    moderation::may_write(store, &facts, &settings, &found.account, now).await?;
    if let Err(wait) = limits
        .comment
        .check(ip, Some(&found.account.id.to_string()))
    {
        return Ok(request::rate_limited(wait));
    }
    newsdesk_core::comment::validate_comment_body(&new.body)?;
    let verdict =
        moderation::screen(store, &facts, &settings, &found.account, &new.body, now).await?;
    let comment = store
        .create_comment(&NewComment {
            article_id: id,
            account_id: found.account.id,
            parent_id: new.parent_id,
            body: &new.body,
            status: verdict.status,
            reason: &verdict.reason,
        })
        .await?;
    tracing::info!(comment = comment.id, article = id, status = %comment.status, reason = %comment.reason, "comment posted");
    let mut response =
        (StatusCode::CREATED, Json(CommentView::for_author(&comment))).into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Who is logged in as a reader, with the CSRF token their posts carry.
#[utoipa::path(
    get, path = "/api/v1/reader", tag = "comments",
    security(("reader" = [])),
    responses(
        (status = 200, description = "The logged-in reader", body = ReaderView),
        (status = 401, description = "Not logged in as a reader", body = ErrorBody),
    )
)]
pub async fn reader_me(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, HttpError> {
    let Some(found) = reader(&state, &headers).await? else {
        return Err(HttpError::Unauthorized);
    };
    let mut response = Json(ReaderView {
        id: found.account.id,
        name: found.account.name.clone(),
        confirmed: found.account.email_confirmed_at.is_some(),
        csrf: found.csrf.clone(),
    })
    .into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}

/// `article`: the article whose comments to list.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "documents the query that `mine` reads by hand, so a bad value is a JSON 400"
)]
pub struct MineQuery {
    /// The article.
    pub article: i64,
}

/// The logged-in reader's comments under an article that others do not see: waiting for
/// a moderator (`pending`, `held`) or `rejected`, with the moderator's reason.
#[utoipa::path(
    get, path = "/api/v1/reader/comments", tag = "comments",
    security(("reader" = [])),
    params(MineQuery),
    responses(
        (status = 200, description = "Their waiting and rejected comments, newest first", body = Vec<CommentView>),
        (status = 400, description = "No `article` number", body = ErrorBody),
        (status = 401, description = "Not logged in as a reader", body = ErrorBody),
    )
)]
pub async fn mine(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, HttpError> {
    let Some(found) = reader(&state, &headers).await? else {
        return Err(HttpError::Unauthorized);
    };
    let article = url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "article")
        .and_then(|(_, v)| v.parse::<i64>().ok())
        .ok_or_else(|| HttpError::BadRequest("article: an article number".to_owned()))?;
    let views: Vec<CommentView> = state
        .store()
        .unshown_comments_of(found.account.id, article)
        .await?
        .iter()
        .map(CommentView::for_author)
        .collect();
    let mut response = Json(views).into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}
