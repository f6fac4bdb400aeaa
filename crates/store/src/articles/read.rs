//! Reading articles: single ones, lists with filters, and the reading-order neighbours.

use newsdesk_core::{Article, ArticleStatus};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::{Arg, Filter, contains_pattern};
use crate::types::{ArticleQuery, ArticleSummary};

/// Upper bound on one page of a list, whatever the caller asks for: a caller that needs
/// more reads several pages.
pub const MAX_LIST_LIMIT: i64 = 1000;
const MAX_LIMIT: i64 = MAX_LIST_LIMIT;

impl Store {
    pub async fn get_article(&self, id: i64) -> Result<Article> {
        read!(self, |db| load_article!(db, id))
    }

    /// The articles that exist among `ids`, in the order of `ids`.
    pub async fn get_articles(&self, ids: &[i64]) -> Result<Vec<Article>> {
        read!(self, |db| load_articles!(db, ids))
    }

    /// The article that used to have `slug` in `edition` (to redirect to its current URL).
    pub async fn article_by_old_slug(&self, edition: &str, slug: &str) -> Result<Article> {
        let id: Option<i64> = read!(self, |db| sqlx::query_scalar(
            "SELECT article_id FROM article_old_slugs WHERE edition = $1 AND slug = $2"
        )
        .bind(edition)
        .bind(slug)
        .fetch_optional(db)
        .await)?;
        self.get_article(id.ok_or(StoreError::NotFound)?).await
    }

    pub async fn list_articles(&self, q: &ArticleQuery) -> Result<Vec<ArticleSummary>> {
        crate::sql::check_search(q.search.as_deref())?;
        let limit = q.limit.clamp(0, MAX_LIMIT);
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut f = filter(q);
        let order = if published_only(q) {
            "a.published_at DESC, a.id DESC"
        } else {
            "a.updated_at DESC, a.id DESC"
        };
        let n = f.next();
        let sql = format!(
            concat!(
                "SELECT ",
                summary_cols!(),
                " FROM articles a{} ORDER BY {} LIMIT ${} OFFSET ${}"
            ),
            f.where_clause(),
            order,
            n,
            n + 1
        );
        f.args.push(Arg::Int(limit));
        f.args.push(Arg::Int(q.offset.max(0)));
        read!(self, |db| load_summaries!(db, sql.clone(), f.args))
    }

    pub async fn count_articles(&self, q: &ArticleQuery) -> Result<i64> {
        crate::sql::check_search(q.search.as_deref())?;
        let f = filter(q);
        let sql = format!("SELECT COUNT(*) FROM articles a{}", f.where_clause());
        let n: i64 = read!(self, |db| bind_args!(
            sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone())),
            f.args
        )
        .fetch_one(db)
        .await)?;
        Ok(n)
    }

    /// The published article of the same edition just before `current` (for "read next"
    /// and infinite scroll); `None` at the end of the archive.
    pub async fn next_article(&self, current: &Article) -> Result<Option<ArticleSummary>> {
        let at = current.published_at.unwrap_or(current.created_at);
        let sql = concat!(
            "SELECT ",
            summary_cols!(),
            " FROM articles a WHERE a.edition = $1 AND a.status = 'published' \
             AND (a.published_at < $2 OR (a.published_at = $2 AND a.id < $3)) \
             ORDER BY a.published_at DESC, a.id DESC LIMIT 1"
        );
        let args = [
            Arg::Text(current.edition.clone()),
            Arg::Time(at),
            Arg::Int(current.id),
        ];
        let mut found = read!(self, |db| load_summaries!(db, sql, args))?;
        Ok(found.pop())
    }

    /// Published articles whose headline contains `text` (any case), newest first: the
    /// editor's picker for related-article cards.
    pub async fn search_headlines(
        &self,
        edition: Option<&str>,
        text: &str,
        limit: i64,
    ) -> Result<Vec<ArticleSummary>> {
        let q = ArticleQuery {
            edition: edition.map(str::to_owned),
            search: Some(text.to_owned()),
            limit,
            ..ArticleQuery::default()
        };
        self.list_articles(&q).await
    }
}

fn published_only(q: &ArticleQuery) -> bool {
    !q.any_status && q.status.is_none_or(|s| s == ArticleStatus::Published)
}

fn filter(q: &ArticleQuery) -> Filter {
    let mut f = Filter::default();
    if let Some(edition) = &q.edition {
        f.push("a.edition = {}", Arg::Text(edition.clone()));
    }
    if !q.any_status {
        // A literal, not a parameter: only then can the planners of both databases use the
        // partial indexes `WHERE status = 'published'` (the value is one of four constants).
        let status = q.status.unwrap_or(ArticleStatus::Published);
        f.push_literal(&format!("a.status = '{}'", status.as_str()));
    }
    if let Some(section) = q.section_id {
        f.push("a.section_id = {}", Arg::Int(section));
    }
    if let Some(tag) = q.tag_id {
        f.push(
            "a.id IN (SELECT article_id FROM article_tags WHERE tag_id = {})",
            Arg::Int(tag),
        );
    }
    if let Some(author) = q.author_id {
        f.push(
            "a.id IN (SELECT article_id FROM article_authors WHERE author_id = {})",
            Arg::Int(author),
        );
    }
    if let Some(search) = q.search.as_deref().filter(|s| !s.trim().is_empty()) {
        f.push(
            "a.headline_folded LIKE {} ESCAPE '\\'",
            Arg::Text(contains_pattern(search)),
        );
    }
    if let Some(in_feed) = q.in_newsfeed {
        f.push("a.in_newsfeed = {}", Arg::Bool(in_feed));
    }
    if let Some(from) = q.published_from {
        f.push("a.published_at >= {}", Arg::Time(from));
    }
    if let Some(before) = q.published_before {
        f.push("a.published_at < {}", Arg::Time(before));
    }
    if let Some(account) = q.created_by {
        f.push("a.created_by = {}", Arg::Int(account));
    }
    f
}
