//! Builders for the rows most tests need.

use chrono::{DateTime, Duration, Utc};
use newsdesk_core::{Article, ArticleDraft, Direction, Edition, Section, Tag};
use newsdesk_store::{NewAuthor, NewPhoto, NewSection, NewTag, Store, StoreError};

pub async fn edition(store: &Store, code: &str) -> anyhow::Result<Edition> {
    let e = Edition {
        code: code.into(),
        name: format!("Edition {code}"),
        direction: Direction::for_language(code),
        time_zone: "Europe/London".into(),
        is_default: code == "en",
    };
    store.upsert_edition(&e).await?;
    Ok(e)
}

pub async fn section(store: &Store, edition: &str, slug: &str) -> anyhow::Result<Section> {
    Ok(store
        .create_section(&NewSection {
            edition: edition.into(),
            slug: slug.into(),
            name: slug.to_uppercase(),
            position: 0,
        })
        .await?)
}

pub async fn tag(store: &Store, edition: &str, slug: &str) -> anyhow::Result<Tag> {
    Ok(store
        .create_tag(&NewTag {
            edition: edition.into(),
            slug: slug.into(),
            name: slug.to_uppercase(),
        })
        .await?)
}

pub async fn author(store: &Store, slug: &str) -> anyhow::Result<i64> {
    Ok(store
        .create_author(&NewAuthor {
            slug: slug.into(),
            name: slug.to_uppercase(),
            ..NewAuthor::default()
        })
        .await?
        .id)
}

pub fn draft(edition: &str, headline: &str) -> ArticleDraft {
    ArticleDraft {
        edition: edition.into(),
        headline: headline.into(),
        lead: format!("Lead of {headline}"),
        body: format!("Body of {headline}"),
        in_newsfeed: true,
        ..ArticleDraft::default()
    }
}

/// `d` with what publishing needs: unless it has its own, the edition's "news" section and
/// the "staff" byline (each made on first use).
pub async fn ready(store: &Store, mut d: ArticleDraft) -> anyhow::Result<ArticleDraft> {
    if d.section_id.is_none() {
        let news = match store.section_by_slug(&d.edition, "news").await {
            Err(StoreError::NotFound) => section(store, &d.edition, "news").await?,
            found => found?,
        };
        d.section_id = Some(news.id);
    }
    if d.author_ids.is_empty() {
        let staff = match store.author_by_slug("staff").await {
            Err(StoreError::NotFound) => author(store, "staff").await?,
            found => found?.id,
        };
        d.author_ids = vec![staff];
    }
    Ok(d)
}

/// A photo in the library; `alt` may be empty.
pub async fn photo(store: &Store, alt: &str) -> anyhow::Result<i64> {
    Ok(store
        .create_photo(&NewPhoto {
            key: format!("originals/{}.jpg", alt.len()),
            content_type: "image/jpeg".into(),
            width: 1600,
            height: 900,
            byte_size: 1000,
            caption: "A caption".into(),
            alt_text: alt.into(),
            ..NewPhoto::default()
        })
        .await?
        .id)
}

/// A draft saved and published at `at`, given a section and byline first if it lacks them.
pub async fn published(
    store: &Store,
    d: &ArticleDraft,
    at: DateTime<Utc>,
) -> anyhow::Result<Article> {
    let (a, _) = store
        .create_article(&ready(store, d.clone()).await?, None)
        .await?;
    let (a, _) = store.publish_article(a.id, at, None).await?;
    Ok(a)
}

/// A fixed, whole-second time `days` days ago, so comparisons are exact on both backends.
pub fn days_ago(days: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default() - Duration::days(days)
}
