//! Article actions: create, save, publish, schedule, unpublish, correct, delete, restore a
//! revision, link a translation.

use chrono::{DateTime, Utc};
use newsdesk_core::article::validate_correction;
use newsdesk_core::{Article, ArticleDraft, ArticleStatus, Correction, ValidationError};
use crate::{App, Error};
use serde_json::json;

use crate::actions::audit;
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};

/// Any staff member may read any article in the newsroom.
pub async fn get(state: &App, actor: &Actor, id: i64) -> Result<Article, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    Ok(state.store().get_article(id).await?)
}

/// A new draft (version 1, revision 1), owned by the actor's account. Without a byline,
/// the actor's own author profile (if they have one) is used.
pub async fn create(
    state: &App,
    actor: &Actor,
    draft: &ArticleDraft,
) -> Result<Article, Error> {
    can(actor, Action::CreateArticle, Resource::None)?;
    let mut draft = draft.clone();
    draft.validate()?;
    check_references(state, &draft).await?;
    if draft.author_ids.is_empty()
        && let Some(account) = actor.account_id
    {
        let authors = state.store().list_authors().await?;
        draft.author_ids = authors
            .iter()
            .filter(|a| a.account_id == Some(account))
            .map(|a| a.id)
            .collect();
    }
    let (article, event) = state
        .store()
        .create_article(&draft, actor.account_id)
        .await?;
    state.after_write(&event).await;
    Ok(article)
}

/// Saves `draft` over version `expected_version`; a save based on an older version is
/// refused with [`Error::Stale`] so nobody overwrites a colleague's edit unseen.
/// The edition of an article never changes (translations are separate articles).
pub async fn save(
    state: &App,
    actor: &Actor,
    id: i64,
    expected_version: i64,
    draft: &ArticleDraft,
) -> Result<Article, Error> {
    let current = state.store().get_article(id).await?;
    can(actor, Action::EditArticle, Resource::article(&current))?;
    let mut draft = draft.clone();
    draft.edition = current.edition.clone();
    draft.validate()?;
    if expected_version != current.version {
        return Err(Error::Stale {
            current_version: current.version,
        });
    }
    check_references(state, &draft).await?;
    if current.is_public() {
        check_photos_publishable(state, &draft).await?;
    }
    let (article, event) = state
        .store()
        .update_article(id, expected_version, &draft, actor.account_id)
        .await?;
    state.after_write(&event).await;
    Ok(article)
}

/// Makes the article public now (a re-publish keeps its original publication time).
pub async fn publish(state: &App, actor: &Actor, id: i64) -> Result<Article, Error> {
    let current = state.store().get_article(id).await?;
    can(actor, Action::PublishArticle, Resource::article(&current))?;
    check_photos_publishable(state, &current.draft()).await?;
    let (article, event) = state
        .store()
        .publish_article(id, Utc::now(), actor.account_id)
        .await?;
    state.after_write(&event).await;
    audit::record(
        state,
        actor,
        "article.publish",
        &target(id),
        details(&article),
    )
    .await;
    Ok(article)
}

/// Publishes the article by itself at `at` (see [`crate::jobs`]); the schedule lives in the
/// database, so it survives restarts.
pub async fn schedule(
    state: &App,
    actor: &Actor,
    id: i64,
    at: DateTime<Utc>,
) -> Result<Article, Error> {
    let current = state.store().get_article(id).await?;
    can(actor, Action::PublishArticle, Resource::article(&current))?;
    if at <= Utc::now() {
        return Err(ValidationError::single(
            "publish_at",
            "must be in the future; to publish now, use Publish",
        )
        .into());
    }
    if current.is_public() {
        return Err(
            ValidationError::single("publish_at", "the article is already published").into(),
        );
    }
    check_photos_publishable(state, &current.draft()).await?;
    let (article, event) = state
        .store()
        .schedule_article(id, at, actor.account_id)
        .await?;
    state.after_write(&event).await;
    let mut d = details(&article);
    d["publish_at"] = json!(at);
    audit::record(state, actor, "article.schedule", &target(id), d).await;
    Ok(article)
}

/// Takes a published (or scheduled) article down; its URL then answers 410 Gone.
pub async fn unpublish(state: &App, actor: &Actor, id: i64) -> Result<Article, Error> {
    let current = state.store().get_article(id).await?;
    can(actor, Action::PublishArticle, Resource::article(&current))?;
    if !matches!(
        current.status,
        ArticleStatus::Published | ArticleStatus::Scheduled
    ) {
        return Err(ValidationError::single(
            "status",
            "only published or scheduled articles can be unpublished",
        )
        .into());
    }
    let (article, event) = state
        .store()
        .unpublish_article(id, actor.account_id)
        .await?;
    state.after_write(&event).await;
    audit::record(
        state,
        actor,
        "article.unpublish",
        &target(id),
        details(&article),
    )
    .await;
    Ok(article)
}

/// Adds a dated correction note shown at the end of the article.
pub async fn correct(
    state: &App,
    actor: &Actor,
    id: i64,
    text: &str,
) -> Result<Correction, Error> {
    let current = state.store().get_article(id).await?;
    can(actor, Action::PublishArticle, Resource::article(&current))?;
    let text = text.trim();
    validate_correction(text)?;
    if current.first_published_at.is_none() {
        return Err(ValidationError::single(
            "text",
            "corrections are for articles readers have seen; edit the draft instead",
        )
        .into());
    }
    let (correction, event) = state
        .store()
        .add_correction(id, text, actor.account_id)
        .await?;
    state.after_write(&event).await;
    audit::record(
        state,
        actor,
        "article.correct",
        &target(id),
        json!({ "text": text, "headline": current.headline }),
    )
    .await;
    Ok(correction)
}

pub async fn delete(state: &App, actor: &Actor, id: i64) -> Result<(), Error> {
    let current = state.store().get_article(id).await?;
    can(actor, Action::DeleteArticle, Resource::article(&current))?;
    let event = state.store().delete_article(id, actor.account_id).await?;
    state.after_write(&event).await;
    audit::record(
        state,
        actor,
        "article.delete",
        &target(id),
        details(&current),
    )
    .await;
    Ok(())
}

/// Saves revision `number`'s content as a new revision (history is never rewritten).
pub async fn restore_revision(
    state: &App,
    actor: &Actor,
    id: i64,
    number: i64,
    expected_version: i64,
) -> Result<Article, Error> {
    let current = state.store().get_article(id).await?;
    can(actor, Action::EditArticle, Resource::article(&current))?;
    let revision = state.store().get_revision(id, number).await?;
    save(state, actor, id, expected_version, &revision.draft).await
}

/// Marks `id` and `other_id` (another edition) as translations of each other (hreflang).
pub async fn link_translation(
    state: &App,
    actor: &Actor,
    id: i64,
    other_id: i64,
) -> Result<(), Error> {
    let current = state.store().get_article(id).await?;
    can(actor, Action::EditArticle, Resource::article(&current))?;
    let other = state.store().get_article(other_id).await?;
    if other.edition == current.edition {
        return Err(ValidationError::single(
            "other_id",
            "a translation must be in another edition",
        )
        .into());
    }
    let event = state.store().link_translation(id, other_id).await?;
    state.after_write(&event).await;
    Ok(())
}

fn target(id: i64) -> String {
    format!("article:{id}")
}

fn details(a: &Article) -> serde_json::Value {
    json!({ "headline": a.headline, "edition": a.edition, "status": a.status })
}

/// Section, tags, authors and photos must exist, and section and tags must belong to the
/// article's edition: a wrong id is the caller's mistake, named by field.
async fn check_references(state: &App, draft: &ArticleDraft) -> Result<(), Error> {
    let store = state.store();
    let mut errors = Vec::new();
    if store.get_edition(&draft.edition).await.is_err() {
        errors.push(("edition", "is not an edition of this site"));
    }
    if let Some(section) = draft.section_id {
        let ok = store
            .get_section(section)
            .await
            .is_ok_and(|s| s.edition == draft.edition);
        if !ok {
            errors.push(("section_id", "is not a section of this edition"));
        }
    }
    if !draft.tag_ids.is_empty() {
        let tags = store.get_tags(&draft.tag_ids).await?;
        if tags.len() != draft.tag_ids.len() || tags.iter().any(|t| t.edition != draft.edition) {
            errors.push(("tag_ids", "every tag must belong to this edition"));
        }
    }
    if !draft.author_ids.is_empty()
        && store.get_authors(&draft.author_ids).await?.len() != draft.author_ids.len()
    {
        errors.push(("author_ids", "names an author that does not exist"));
    }
    if let Some(photo) = draft.hero_photo_id
        && store.get_photo(photo).await.is_err()
    {
        errors.push(("hero_photo_id", "is not a photo in the library"));
    }
    match errors.as_slice() {
        [] => Ok(()),
        _ => Err(Error::Invalid(ValidationError {
            errors: errors
                .into_iter()
                .map(|(field, message)| newsdesk_core::FieldError {
                    field,
                    message: message.to_owned(),
                })
                .collect(),
        })),
    }
}

/// Readers must never see a photo without alt text: the hero and every `::photo[ID]` embed
/// need it before the article goes (or stays) public.
async fn check_photos_publishable(state: &App, draft: &ArticleDraft) -> Result<(), Error> {
    let mut ids = newsdesk_core::body::embeds(&draft.body).photos;
    ids.extend(draft.hero_photo_id);
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    let photos = state.store().get_photos(&ids).await?;
    let missing: Vec<String> = photos
        .iter()
        .filter(|p| !p.is_publishable())
        .map(|p| p.id.to_string())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(ValidationError::single(
            "alt_text",
            format!(
                "add alt text to photo {} in the media library before publishing",
                missing.join(", ")
            ),
        )
        .into())
    }
}
