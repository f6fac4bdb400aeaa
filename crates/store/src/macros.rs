//! Write each query once, run it on either backend.
//!
//! sqlx without its `Any` driver has one pool type per database, so a query must be
//! type-checked against each. These macros expand their body once per backend with the
//! connection or pool bound to the concrete type; the SQL text and binding code are shared.

/// Runs `$body` with `$db` bound to a pool that serves reads: the SQLite reader pool or
/// the PostgreSQL pool.
macro_rules! read {
    ($store:expr, |$db:ident| $body:expr) => {
        match &$store.db {
            $crate::db::Db::Sqlite { reader: $db, .. } => $body,
            $crate::db::Db::Pg($db) => $body,
        }
    };
}

/// Runs a single-statement write with `$db` bound to the SQLite writer or the PostgreSQL pool.
macro_rules! exec {
    ($store:expr, |$db:ident| $body:expr) => {
        match &$store.db {
            $crate::db::Db::Sqlite { writer: $db, .. } => $body,
            $crate::db::Db::Pg($db) => $body,
        }
    };
}

/// Runs `$body` inside one write transaction, `$conn` being its connection (`&mut`).
/// A `?` in the body returns early; the dropped transaction then rolls back.
macro_rules! transaction {
    ($store:expr, |$conn:ident| $body:expr) => {
        match &$store.db {
            $crate::db::Db::Sqlite { writer, .. } => {
                // IMMEDIATE takes the write lock up front: a deferred transaction that reads
                // first fails with SQLITE_BUSY on upgrade instead of waiting out busy_timeout
                // when another process (the CLI) writes.
                let mut tx = writer.begin_with("BEGIN IMMEDIATE").await?;
                let out = {
                    let $conn = &mut *tx;
                    $body
                };
                tx.commit().await?;
                out
            }
            $crate::db::Db::Pg(pool) => {
                let mut tx = pool.begin().await?;
                let out = {
                    let $conn = &mut *tx;
                    $body
                };
                tx.commit().await?;
                out
            }
        }
    };
}

/// Binds a list of [`crate::sql::Arg`] in order (for SQL assembled at run time).
macro_rules! bind_args {
    ($query:expr, $args:expr) => {{
        let mut q = $query;
        for arg in $args.iter() {
            q = match arg {
                $crate::sql::Arg::Int(v) => q.bind(*v),
                $crate::sql::Arg::Text(v) => q.bind(v.clone()),
                $crate::sql::Arg::Time(v) => q.bind(*v),
            };
        }
        q
    }};
}

/// Writes one outbox row for `$change` on the transaction `$conn` and evaluates to
/// `Result<Event>`.
macro_rules! insert_event {
    ($conn:ident, $change:expr) => {
        async {
            let change: newsdesk_core::Change = $change;
            if let Some(lock) = $crate::dialect::lock_outbox(&*$conn) {
                sqlx::query(lock).execute(&mut *$conn).await?;
            }
            let at = $crate::sql::now();
            let seq: i64 = sqlx::query_scalar(
                "INSERT INTO events (kind, payload, created_at) VALUES ($1, $2, $3) RETURNING seq",
            )
            .bind($crate::outbox::change_kind(&change))
            .bind(sqlx::types::Json(&change))
            .bind(at)
            .fetch_one(&mut *$conn)
            .await?;
            Ok::<_, $crate::StoreError>(newsdesk_core::Event { seq, at, change })
        }
        .await
    };
}

/// Columns of `rows::SummaryRow`, in `SELECT` lists. Tags and bylines come in the same row
/// as id lists in their stored order (`string_agg … ORDER BY`, SQLite ≥ 3.44 and PostgreSQL
/// alike): a list of summaries is one round trip, not three.
macro_rules! summary_cols {
    () => {
        "a.id, a.edition, a.slug, a.headline, a.lead, a.hero_photo_id, a.section_id, a.status, \
         a.published_at, a.first_published_at, a.updated_at, a.created_at, a.in_newsfeed, \
         a.breaking, a.important, a.version, a.created_by, \
         (SELECT string_agg(CAST(lt.tag_id AS TEXT), ',' ORDER BY lt.position) \
          FROM article_tags lt WHERE lt.article_id = a.id) AS tag_list, \
         (SELECT string_agg(CAST(la.author_id AS TEXT), ',' ORDER BY la.position) \
          FROM article_authors la WHERE la.article_id = a.id) AS author_list"
    };
}

/// Columns of `rows::ArticleRow`. Old slugs are joined with `/`, which no slug (a URL path
/// segment) can hold.
macro_rules! article_cols {
    () => {
        concat!(
            summary_cols!(),
            ", a.translation_group, a.body, a.seo_title, a.meta_description, \
             a.social_photo_id, \
             (SELECT string_agg(lo.slug, '/' ORDER BY lo.slug) \
              FROM article_old_slugs lo WHERE lo.article_id = a.id) AS old_slug_list"
        )
    };
}

macro_rules! photo_cols {
    () => {
        "id, key, content_type, width, height, byte_size, caption, alt_text, credit_agency, \
         credit_creator, copyright_notice, copyright_year, renditions, created_at"
    };
}

macro_rules! account_cols {
    () => {
        "id, email, name, role, disabled, created_at, email_confirmed_at"
    };
}

/// Loads whole articles `$ids` (in that order, missing ones left out) through `$ex`;
/// evaluates to `Result<Vec<Article>>`.
macro_rules! load_articles {
    ($ex:expr, $ids:expr) => {
        async {
            let ids = $crate::sql::dedup($ids);
            let mut rows = std::collections::HashMap::new();
            for chunk in ids.chunks($crate::sql::CHUNK) {
                let chunk = &$crate::sql::padded(chunk);
                let sql = format!(
                    concat!(
                        "SELECT ",
                        article_cols!(),
                        " FROM articles a WHERE a.id IN ({})"
                    ),
                    $crate::sql::placeholders(1, chunk.len())
                );
                let mut q = sqlx::query_as::<_, $crate::rows::ArticleRow>(sqlx::AssertSqlSafe(sql));
                for id in chunk {
                    q = q.bind(*id);
                }
                for row in q.fetch_all($ex).await? {
                    rows.insert(row.summary.id, row);
                }
            }
            let mut out = Vec::with_capacity(ids.len());
            for id in &ids {
                if let Some(row) = rows.remove(id) {
                    out.push(row.into_article()?);
                }
            }
            Ok::<_, $crate::StoreError>(out)
        }
        .await
    };
}

/// One article or NotFound; evaluates to `Result<Article>`.
macro_rules! load_article {
    ($ex:expr, $id:expr) => {
        load_articles!($ex, &[$id])
            .and_then(|mut found| found.pop().ok_or($crate::StoreError::NotFound))
    };
}

/// Runs a summary query (`SELECT summary_cols!() FROM articles a …`) with `$args`;
/// evaluates to `Result<Vec<ArticleSummary>>`.
macro_rules! load_summaries {
    ($ex:expr, $sql:expr, $args:expr) => {
        async {
            let rows: Vec<$crate::rows::SummaryRow> = bind_args!(
                sqlx::query_as::<_, $crate::rows::SummaryRow>(sqlx::AssertSqlSafe($sql)),
                $args
            )
            .fetch_all($ex)
            .await?;
            rows.into_iter()
                .map(|r| r.into_summary())
                .collect::<$crate::Result<Vec<_>>>()
        }
        .await
    };
}
