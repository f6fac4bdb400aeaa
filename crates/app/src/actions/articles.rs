//! Article actions: create, save, publish, schedule, unpublish, correct, delete, restore a
//! revision, link a translation.

use crate::{App, Error};
use chrono::{DateTime, Utc};
use newsdesk_core::article::validate_correction;
use newsdesk_core::{Article, ArticleDraft, ArticleId, ArticleStatus, Correction, ValidationError};
use newsdesk_store::{AuditNote, AutosaveSlot, Transition};
use serde_json::json;

use crate::actions::{audit, autosave};
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};

/// Any staff member may read any article in the newsroom.
pub async fn get(state: &App, actor: &Actor, id: i64) -> Result<Article, Error> {
    can(actor, Action::ViewNewsroom, Resource::None)?;
    Ok(state.store().get_article(id).await?)
}

/// A new draft (version 1, revision 1), owned by the actor's account. Without a byline,
/// the actor's own author profile (if they have one) is used.
pub async fn create(state: &App, actor: &Actor, draft: &ArticleDraft) -> Result<Article, Error> {
    can(actor, Action::CreateArticle, Resource::None)?;
    let mut draft = draft.clone();
    draft.validate()?;
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
    autosave::spent(state, actor, &AutosaveSlot::New(article.edition.clone())).await;
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
    let (article, event) = state
        .store()
        .update_article(ArticleId(id), expected_version, &draft, actor.account_id)
        .await?;
    state.after_write(&event).await;
    autosave::spent(state, actor, &AutosaveSlot::Article(id)).await;
    Ok(article)
}

/// What [`publish`] did: published the article now, or found it already published and
/// changed nothing (no event, no audit entry), which is what the second of two publishes at
/// once, or a retried one, gets.
#[derive(Debug, Clone)]
pub struct Published {
    pub article: Article,
    pub changed: bool,
}

/// Makes the article public now (a re-publish keeps its original publication time). The
/// audit entry is written with the publication, in its transaction.
pub async fn publish(state: &App, actor: &Actor, id: i64) -> Result<Published, Error> {
    let current = state.store().get_article(id).await?;
    can(actor, Action::PublishArticle, Resource::article(&current))?;
    let note = note(actor, "article.publish", id, details(&current));
    match state
        .store()
        .publish_article_with(id, Utc::now(), Some(&note))
        .await?
    {
        Transition::Changed { article, event } => {
            state.after_write(&event).await;
            Ok(Published {
                article,
                changed: true,
            })
        }
        Transition::Unchanged(article) => Ok(Published {
            article,
            changed: false,
        }),
    }
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
    let mut d = details(&current);
    d["publish_at"] = json!(at);
    let note = note(actor, "article.schedule", id, d);
    // The store refuses a published article again with the row held: a publish that
    // committed since the check above is seen there.
    let (article, event) = state
        .store()
        .schedule_article_with(id, at, Some(&note))
        .await?;
    state.after_write(&event).await;
    Ok(article)
}

/// Takes a published (or scheduled) article down; its URL then answers 410 Gone. Of two
/// unpublishes at once, the second is refused like any unpublish of an unpublished article.
pub async fn unpublish(state: &App, actor: &Actor, id: i64) -> Result<Article, Error> {
    let current = state.store().get_article(id).await?;
    can(actor, Action::PublishArticle, Resource::article(&current))?;
    if !matches!(
        current.status,
        ArticleStatus::Published | ArticleStatus::Scheduled
    ) {
        return Err(not_public());
    }
    let note = note(actor, "article.unpublish", id, details(&current));
    let (article, event) = match state.store().unpublish_article_with(id, Some(&note)).await {
        Err(newsdesk_store::StoreError::Invalid(_)) => return Err(not_public()),
        other => other?,
    };
    state.after_write(&event).await;
    Ok(article)
}

fn not_public() -> Error {
    ValidationError::single(
        "status",
        "only published or scheduled articles can be unpublished",
    )
    .into()
}

/// Adds a dated correction note shown at the end of the article.
pub async fn correct(state: &App, actor: &Actor, id: i64, text: &str) -> Result<Correction, Error> {
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
    let other = state.store().get_article(other_id).await?;
    // A link changes both articles (and, for a public one, the hreflang readers see): the
    // actor must be allowed to edit each, and to publish each one that is public.
    for article in [&current, &other] {
        can(actor, Action::EditArticle, Resource::article(article))?;
        if article.is_public() {
            can(actor, Action::PublishArticle, Resource::article(article))?;
        }
    }
    if other.edition == current.edition {
        return Err(ValidationError::single(
            "other_id",
            "a translation must be in another edition",
        )
        .into());
    }
    let event = state
        .store()
        .link_translation(ArticleId(id), ArticleId(other_id))
        .await?;
    state.after_write(&event).await;
    Ok(())
}

/// An audit entry for the store to write with the change it describes.
fn note(actor: &Actor, action: &str, id: i64, details: serde_json::Value) -> AuditNote {
    AuditNote {
        actor: actor.account_id,
        action: action.to_owned(),
        target: target(id),
        details: audit::details(actor, details),
    }
}

fn target(id: i64) -> String {
    format!("article:{id}")
}

fn details(a: &Article) -> serde_json::Value {
    json!({ "headline": a.headline, "edition": a.edition, "status": a.status })
}
