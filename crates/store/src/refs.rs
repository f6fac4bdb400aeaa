//! Usage tracking: `article_refs` records what each article shows or links (its hero photo,
//! the photos and related articles embedded in its body), so that deleting a photo or an
//! article that readers are shown can be refused, naming the articles that use it.
//!
//! Every article write replaces the article's rows in the same transaction. Rows mirror the
//! article as last written, so a draft may keep naming something deleted since; ids are never
//! reused (AUTOINCREMENT, identity columns), so such a row never counts as a use.

use newsdesk_core::publishable::References;

use crate::Store;
use crate::error::Result;

/// `article_refs.kind` of a photo (hero or `::photo[N]`).
pub(crate) const PHOTO: &str = "photo";
/// `article_refs.kind` of a related article (`::related[N]`).
pub(crate) const ARTICLE: &str = "article";

/// The `(kind, target_id)` rows for one article.
pub(crate) fn rows(refs: &References) -> Vec<(&'static str, i64)> {
    refs.photos()
        .into_iter()
        .map(|id| (PHOTO, id))
        .chain(refs.related.iter().map(|id| (ARTICLE, *id)))
        .collect()
}

/// Loads the [`newsdesk_core::publishable::Facts`] about what `$refs` (a slice of
/// `&References`) point at; evaluates to `Result<Facts>`.
///
/// With `$lock` the rows are read by a no-op UPDATE, which (unlike `FOR SHARE`) both backends
/// understand: on PostgreSQL it holds them to commit, so a concurrent delete or alt-text change
/// waits for this write and its own usage check then sees the article as published. Without
/// the lock two such transactions could each pass their check and commit a published article
/// showing a deleted photo.
macro_rules! load_facts {
    ($ex:expr, $refs:expr, $lock:expr) => {
        async {
            let refs: &[&newsdesk_core::publishable::References] = $refs;
            let lock: bool = $lock;
            let photos = $crate::articles::distinct(refs.iter().flat_map(|r| r.photos()));
            let articles =
                $crate::articles::distinct(refs.iter().flat_map(|r| r.related.iter().copied()));
            let mut facts = newsdesk_core::publishable::Facts::default();
            for chunk in photos.chunks($crate::sql::CHUNK) {
                let list = $crate::sql::placeholders(1, chunk.len());
                let sql = if lock {
                    format!(
                        "UPDATE photos SET alt_text = alt_text WHERE id IN ({list}) \
                         RETURNING id, alt_text"
                    )
                } else {
                    format!("SELECT id, alt_text FROM photos WHERE id IN ({list})")
                };
                let mut q = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
                for id in chunk {
                    q = q.bind(*id);
                }
                facts.photos.extend(q.fetch_all($ex).await?);
            }
            for chunk in articles.chunks($crate::sql::CHUNK) {
                let list = $crate::sql::placeholders(1, chunk.len());
                let sql = if lock {
                    format!(
                        "UPDATE articles SET status = status WHERE id IN ({list}) \
                         RETURNING id, status"
                    )
                } else {
                    format!("SELECT id, status FROM articles WHERE id IN ({list})")
                };
                let mut q = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
                for id in chunk {
                    q = q.bind(*id);
                }
                for (id, status) in q.fetch_all($ex).await? {
                    facts
                        .articles
                        .insert(id, $crate::rows::parse_status(&status)?);
                }
            }
            Ok::<_, $crate::StoreError>(facts)
        }
        .await
    };
}

/// Writes the `article_refs` rows of article `$id` from `$refs` (`&References`), replacing
/// its old ones when `$replace`; evaluates to `Result<()>`.
macro_rules! set_refs {
    ($conn:ident, $id:expr, $refs:expr, $replace:expr) => {
        async {
            let id: i64 = $id;
            if $replace {
                sqlx::query("DELETE FROM article_refs WHERE article_id = $1")
                    .bind(id)
                    .execute(&mut *$conn)
                    .await?;
            }
            let rows = $crate::refs::rows($refs);
            if !rows.is_empty() {
                // One statement per article: bulk imports write hundreds of thousands.
                let values = (0..rows.len())
                    .map(|i| format!("($1, ${}, ${})", 2 * i + 2, 2 * i + 3))
                    .collect::<Vec<_>>()
                    .join(", ");
                let sql = format!(
                    "INSERT INTO article_refs (article_id, kind, target_id) VALUES {values}"
                );
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id);
                for (kind, target) in rows {
                    q = q.bind(kind).bind(target);
                }
                q.execute(&mut *$conn).await?;
            }
            Ok::<_, $crate::StoreError>(())
        }
        .await
    };
}

/// The published or scheduled articles other than `$except` that show or link (`$kind`,
/// `$target`), as (id, headline) by id; evaluates to `Result<Vec<(i64, String)>>`.
/// Scheduled ones count: they are due to go public, and would be held back at their time.
macro_rules! public_users {
    ($conn:ident, $kind:expr, $target:expr, $except:expr) => {
        sqlx::query_as::<_, (i64, String)>(
            "SELECT a.id, a.headline FROM article_refs r JOIN articles a ON a.id = r.article_id \
             WHERE r.kind = $1 AND r.target_id = $2 AND a.id <> $3 \
             AND a.status IN ('published', 'scheduled') ORDER BY a.id",
        )
        .bind($kind)
        .bind($target)
        .bind($except)
        .fetch_all(&mut *$conn)
        .await
        .map_err($crate::StoreError::from)
    };
}

/// Inside a transaction: refuses (`StoreError::InUse`, naming the articles) a change to photo
/// `$id` that a published or scheduled article shows. For the changes only the desk may
/// make to a photo in public use (its focal point, its crops, its deletion).
macro_rules! refuse_if_shown {
    ($conn:ident, $id:expr) => {{
        let used_by = public_users!($conn, $crate::refs::PHOTO, $id, 0i64)?;
        if !used_by.is_empty() {
            return Err($crate::StoreError::InUse {
                what: format!("photo {}", $id),
                used_by,
            });
        }
    }};
}

/// Articles per transaction in [`Store::rebuild_article_refs`].
const REBUILD_CHUNK: i64 = 500;

/// What [`Store::rebuild_article_refs`] reads of an article: id, hero photo, social
/// photo, body.
type Held = (i64, Option<i64>, Option<i64>, String);

impl Store {
    /// Recomputes `article_refs` for every article from its hero photo and body; returns how
    /// many articles it read. Migration 0005 backfills hero photos only (SQL cannot parse the
    /// body's Markdown), so this must run once after that migration is applied — until it
    /// has, photos and articles used only in bodies of existing articles are not protected
    /// from deletion. Safe to run again, and beside other writers: each chunk of articles is
    /// held (no-op UPDATE) while its rows are rewritten.
    pub async fn rebuild_article_refs(&self) -> Result<u64> {
        let mut after = 0i64;
        let mut total = 0u64;
        loop {
            let rows: Vec<Held> = transaction!(self, |conn| {
                let rows: Vec<Held> = sqlx::query_as(
                    "UPDATE articles SET version = version WHERE id IN \
                     (SELECT id FROM articles WHERE id > $1 ORDER BY id LIMIT $2) \
                     RETURNING id, hero_photo_id, social_photo_id, body",
                )
                .bind(after)
                .bind(REBUILD_CHUNK)
                .fetch_all(&mut *conn)
                .await?;
                for (id, hero, social, body) in &rows {
                    let draft = newsdesk_core::ArticleDraft {
                        hero_photo_id: *hero,
                        social_photo_id: *social,
                        body: body.clone(),
                        ..newsdesk_core::ArticleDraft::default()
                    };
                    set_refs!(conn, *id, &References::of(&draft), true)?;
                }
                rows
            });
            let Some(last) = rows.iter().map(|(id, _, _, _)| *id).max() else {
                return Ok(total);
            };
            after = last;
            total += rows.len() as u64;
        }
    }
}
