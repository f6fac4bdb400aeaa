//! Reading articles: single ones, lists with filters, and the reading-order neighbours.

use newsdesk_core::{Article, ArticleStatus};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sql::{Arg, Filter, contains_pattern};
use crate::types::{ArticleQuery, ArticleSummary};

/// Upper bound on one page of a list: a caller that needs more reads several pages. Asking
/// for more is an error ([`StoreError::Invalid`] on `limit`), never a shorter answer a
/// caller could take for the whole list.
pub const MAX_LIST_LIMIT: i64 = 1000;

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
        let Some((sql, args)) = page_sql(q, summary_cols!())? else {
            return Ok(Vec::new());
        };
        read!(self, |db| load_summaries!(db, sql.clone(), args))
    }

    /// Like [`Store::list_articles`], with whole articles (bodies included) in one query:
    /// for feeds, which print the bodies of their items.
    pub async fn list_full_articles(&self, q: &ArticleQuery) -> Result<Vec<Article>> {
        let Some((sql, args)) = page_sql(q, article_cols!())? else {
            return Ok(Vec::new());
        };
        let rows: Vec<crate::rows::ArticleRow> = read!(self, |db| bind_args!(
            sqlx::query_as::<_, crate::rows::ArticleRow>(sqlx::AssertSqlSafe(sql.clone())),
            args
        )
        .fetch_all(db)
        .await)?;
        rows.into_iter()
            .map(crate::rows::ArticleRow::into_article)
            .collect()
    }

    /// Several lists in one round trip: element `i` of the answer is what
    /// `list_articles(&queries[i])` answers. A page showing several lists (the front page's
    /// latest stories, a block per section, the newsfeed column) asks for them at once.
    pub async fn list_articles_each(
        &self,
        queries: &[ArticleQuery],
    ) -> Result<Vec<Vec<ArticleSummary>>> {
        let mut parts = Vec::new();
        let mut args = Vec::new();
        for (i, q) in queries.iter().enumerate() {
            crate::sql::check_search(q.search.as_deref())?;
            let limit = check_limit(q.limit)?;
            let mut f = filter_numbered(q, args.len());
            parts.push(format!(
                "SELECT {i} AS part, p{i}.id FROM (SELECT a.id FROM articles a{} \
                 ORDER BY {} {}) p{i}",
                f.where_clause(),
                order_of(q),
                crate::sql::limit_clause(limit, q.offset),
            ));
            args.append(&mut f.args);
        }
        let mut lists: Vec<Vec<ArticleSummary>> = vec![Vec::new(); queries.len()];
        if parts.is_empty() {
            return Ok(lists);
        }
        let sql = format!(
            concat!(
                "SELECT p.part, ",
                summary_cols!(),
                " FROM ({}) p JOIN articles a ON a.id = p.id"
            ),
            parts.join(" UNION ALL ")
        );
        let rows: Vec<PartRow> = read!(self, |db| bind_args!(
            sqlx::query_as::<_, PartRow>(sqlx::AssertSqlSafe(sql.clone())),
            args
        )
        .fetch_all(db)
        .await)?;
        for row in rows {
            let list = usize::try_from(row.part)
                .ok()
                .and_then(|i| lists.get_mut(i))
                .ok_or_else(|| StoreError::corrupt("list part", &row.part.to_string()))?;
            list.push(row.summary.into_summary()?);
        }
        for (list, q) in lists.iter_mut().zip(queries) {
            if published_only(q) {
                list.sort_by_key(|a| std::cmp::Reverse((a.published_at, a.id)));
            } else {
                list.sort_by_key(|a| std::cmp::Reverse((a.updated_at, a.id)));
            }
        }
        Ok(lists)
    }

    pub async fn count_articles(&self, q: &ArticleQuery) -> Result<i64> {
        crate::sql::check_search(q.search.as_deref())?;
        let f = filter(q);
        let sql = format!("SELECT COUNT(*) FROM articles a{}", f.where_clause());
        self.count(sql, f.args).await
    }

    /// Runs a `SELECT COUNT(*)` built by [`filter`].
    async fn count(&self, sql: String, args: Vec<Arg>) -> Result<i64> {
        let n: i64 = read!(self, |db| bind_args!(
            sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone())),
            args
        )
        .fetch_one(db)
        .await)?;
        Ok(n)
    }

    /// The published article of the same edition just before `current` (for "read next"
    /// and infinite scroll); `None` at the end of the archive. `published_at <= $2` is the
    /// index range; the OR alone (as one condition) made PostgreSQL walk the edition's
    /// whole newer archive from the top of the index.
    pub async fn next_article(&self, current: &Article) -> Result<Option<ArticleSummary>> {
        let at = current.published_at.unwrap_or(current.created_at);
        let sql = concat!(
            "SELECT ",
            summary_cols!(),
            " FROM articles a WHERE a.edition = $1 AND a.status = 'published' \
             AND a.published_at <= $2 AND (a.published_at < $2 OR a.id < $3) \
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

/// `limit` if it is one a list answers whole (0 ..= [`MAX_LIST_LIMIT`]).
pub(crate) fn check_limit(limit: i64) -> Result<i64> {
    if (0..=MAX_LIST_LIMIT).contains(&limit) {
        Ok(limit)
    } else {
        Err(StoreError::invalid(
            "limit",
            format!("a list holds 0 to {MAX_LIST_LIMIT} articles; read longer ones page by page"),
        ))
    }
}

fn published_only(q: &ArticleQuery) -> bool {
    !q.any_status && q.status.is_none_or(|s| s == ArticleStatus::Published)
}

/// The statement selecting `cols` of the page `q` asks for, and its arguments; `None` for
/// an empty page (`limit` 0). The page's ids first, then its rows: the OFFSET walks only
/// the index (an index-only scan where the filter's columns are in it, see migration
/// 0014), and the tag and byline lists are built for the rows shown, not every row skipped.
fn page_sql(q: &ArticleQuery, cols: &str) -> Result<Option<(String, Vec<Arg>)>> {
    crate::sql::check_search(q.search.as_deref())?;
    let limit = check_limit(q.limit)?;
    if limit == 0 {
        return Ok(None);
    }
    let f = filter(q);
    let order = order_of(q);
    let sql = format!(
        "SELECT {cols} FROM articles a WHERE a.id IN (SELECT a.id FROM articles a{} \
         ORDER BY {order} {}) ORDER BY {order}",
        f.where_clause(),
        crate::sql::limit_clause(limit, q.offset),
    );
    Ok(Some((sql, f.args)))
}

fn order_of(q: &ArticleQuery) -> &'static str {
    if published_only(q) {
        "a.published_at DESC, a.id DESC"
    } else {
        "a.updated_at DESC, a.id DESC"
    }
}

/// A row of [`Store::list_articles_each`]: which list it belongs to, and the summary.
#[derive(sqlx::FromRow)]
struct PartRow {
    part: i32,
    #[sqlx(flatten)]
    summary: crate::rows::SummaryRow,
}

fn filter(q: &ArticleQuery) -> Filter {
    filter_numbered(q, 0)
}

/// The conditions of `q`, their placeholders numbered after the first `base`.
fn filter_numbered(q: &ArticleQuery, base: usize) -> Filter {
    let mut f = Filter::numbered_after(base);
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
        // A literal for the same reason as the status, and the planner's (see limit_clause).
        f.push_literal(if in_feed {
            "a.in_newsfeed = TRUE"
        } else {
            "a.in_newsfeed = FALSE"
        });
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
