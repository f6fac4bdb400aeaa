//! Builders for the rows most tests need.

use chrono::{DateTime, Duration, Utc};
use newsdesk_core::{Article, ArticleDraft, Direction, Edition, Section, Tag};
use newsdesk_store::{NewAuthor, NewSection, NewTag, Store};

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

/// A draft saved and published at `at`.
pub async fn published(
    store: &Store,
    d: &ArticleDraft,
    at: DateTime<Utc>,
) -> anyhow::Result<Article> {
    let (a, _) = store.create_article(d, None).await?;
    let (a, _) = store.publish_article(a.id, at, None).await?;
    Ok(a)
}

/// A fixed, whole-second time `days` days ago, so comparisons are exact on both backends.
pub fn days_ago(days: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default() - Duration::days(days)
}
