//! What moderators do: work through the queues, approve, reject with a reason, feature,
//! close a discussion, ban or suspend a reader; and what editors set: each edition's rules
//! and word lists, and which sections pre-moderate. Every decision goes to the audit log.

use chrono::{DateTime, Utc};
use newsdesk_core::{Comment, Role};
use newsdesk_store::{Decision, ModerationSettings, Queue, QueueItem, StoreError};
use serde_json::json;

use crate::actions::audit;
use crate::actor::Actor;
use crate::policy::{Action, Resource, can};
use crate::{App, Error};

/// Longest reason a moderator gives (the reader reads it).
pub const MAX_REASON: usize = 500;

pub async fn queue(
    state: &App,
    actor: &Actor,
    queue: Queue,
    edition: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<Vec<QueueItem>, Error> {
    can(actor, Action::Moderate, Resource::None)?;
    Ok(state
        .store()
        .moderation_queue(queue, edition, limit, offset)
        .await?)
}

/// Comments waiting in each queue, in [`Queue::ALL`]'s order.
pub async fn queue_counts(
    state: &App,
    actor: &Actor,
    edition: Option<&str>,
) -> Result<[i64; 3], Error> {
    can(actor, Action::Moderate, Resource::None)?;
    Ok(state.store().queue_counts(edition).await?)
}

fn check_reason(reason: &str, required: bool) -> Result<(), Error> {
    let mut v = newsdesk_core::error::Validator::new();
    v.check(
        !required || !reason.trim().is_empty(),
        "reason",
        "tell the reader why (they see it)",
    );
    v.optional_text(reason, "reason", MAX_REASON);
    Ok(v.finish()?)
}

/// Approves, rejects (with a reason its author sees) or features a comment.
pub async fn decide(
    state: &App,
    actor: &Actor,
    id: i64,
    decision: Decision<'_>,
) -> Result<Comment, Error> {
    can(actor, Action::Moderate, Resource::None)?;
    if let Decision::Reject(reason) = decision {
        check_reason(reason, true)?;
    }
    let (comment, event) = state.store().moderate_comment(id, decision).await?;
    if let Some(event) = &event {
        state.after_write(event).await;
    }
    let (action, reason) = match decision {
        Decision::Approve => ("comment.approve", ""),
        Decision::Reject(reason) => ("comment.reject", reason),
        Decision::Feature(true) => ("comment.feature", ""),
        Decision::Feature(false) => ("comment.unfeature", ""),
    };
    audit::record(
        state,
        actor,
        action,
        &format!("comment:{id}"),
        json!({ "article_id": comment.article_id, "author": comment.account_id, "reason": reason }),
    )
    .await;
    Ok(comment)
}

/// Closes or reopens an article's discussion by hand.
pub async fn close_discussion(
    state: &App,
    actor: &Actor,
    article_id: i64,
    closed: bool,
) -> Result<(), Error> {
    can(actor, Action::Moderate, Resource::None)?;
    state.store().discussion_facts(article_id).await?;
    state
        .store()
        .set_discussion_closed(article_id, closed, actor.account_id)
        .await?;
    audit::record(
        state,
        actor,
        if closed {
            "discussion.close"
        } else {
            "discussion.reopen"
        },
        &format!("article:{article_id}"),
        json!({}),
    )
    .await;
    Ok(())
}

/// Discussions closed by hand, most recent first (to reopen them).
pub async fn closed_discussions(
    state: &App,
    actor: &Actor,
) -> Result<Vec<newsdesk_store::ClosedDiscussion>, Error> {
    can(actor, Action::Moderate, Resource::None)?;
    Ok(state.store().closed_discussions(200).await?)
}

/// Bans a reader (`until` None) or suspends them until a time. Staff accounts are not
/// readers: their access is a matter for an admin, not a moderator.
pub async fn ban(
    state: &App,
    actor: &Actor,
    account_id: i64,
    until: Option<DateTime<Utc>>,
    reason: &str,
) -> Result<(), Error> {
    can(actor, Action::Moderate, Resource::None)?;
    check_reason(reason, false)?;
    let account = state.store().get_account(account_id).await?;
    if account.role != Role::Reader {
        return Err(Error::Forbidden(
            "only readers can be banned from the discussion; staff access is managed by admins"
                .to_owned(),
        ));
    }
    if until.is_some_and(|t| t <= Utc::now()) {
        return Err(
            newsdesk_core::ValidationError::single("until", "must be in the future").into(),
        );
    }
    state
        .store()
        .ban_reader(account_id, until, reason, actor.account_id)
        .await?;
    audit::record(
        state,
        actor,
        if until.is_some() {
            "reader.suspend"
        } else {
            "reader.ban"
        },
        &format!("account:{account_id}"),
        json!({ "until": until, "reason": reason }),
    )
    .await;
    Ok(())
}

/// Lifts a ban or suspension; `NotFound` when there was none.
pub async fn lift_ban(state: &App, actor: &Actor, account_id: i64) -> Result<(), Error> {
    can(actor, Action::Moderate, Resource::None)?;
    if !state.store().lift_ban(account_id).await? {
        return Err(Error::NotFound);
    }
    audit::record(
        state,
        actor,
        "reader.unban",
        &format!("account:{account_id}"),
        json!({}),
    )
    .await;
    Ok(())
}

/// The edition's rules (moderators read them to know what the queues hold).
pub async fn settings(
    state: &App,
    actor: &Actor,
    edition: &str,
) -> Result<ModerationSettings, Error> {
    can(actor, Action::Moderate, Resource::None)?;
    state.store().get_edition(edition).await?;
    Ok(state.store().moderation_settings(edition).await?)
}

pub async fn set_settings(
    state: &App,
    actor: &Actor,
    settings: &ModerationSettings,
) -> Result<(), Error> {
    can(actor, Action::ManageModeration, Resource::None)?;
    state.store().get_edition(&settings.edition).await?;
    state.store().set_moderation_settings(settings).await?;
    audit::record(
        state,
        actor,
        "moderation.settings",
        &format!("edition:{}", settings.edition),
        json!({
            "close_after_days": settings.close_after_days,
            "trust_after": settings.trust_after,
            "new_account_minutes": settings.new_account_minutes,
            "max_links": settings.max_links,
            "banned_words": settings.banned_words.lines().filter(|l| !l.trim().is_empty()).count(),
            "suspect_words": settings.suspect_words.lines().filter(|l| !l.trim().is_empty()).count(),
        }),
    )
    .await;
    Ok(())
}

/// Whether comments in a section wait for a moderator.
pub async fn set_section_premoderated(
    state: &App,
    actor: &Actor,
    section_id: i64,
    on: bool,
) -> Result<(), Error> {
    can(actor, Action::ManageModeration, Resource::None)?;
    match state.store().set_section_premoderated(section_id, on).await {
        Err(StoreError::NotFound) => return Err(Error::NotFound),
        other => other?,
    }
    audit::record(
        state,
        actor,
        "section.premoderation",
        &format!("section:{section_id}"),
        json!({ "premoderated": on }),
    )
    .await;
    Ok(())
}

/// The edition's pre-moderated sections become exactly `ids` (each must be a section of
/// the edition); only the sections that change are written and audited.
pub async fn set_premoderated_sections(
    state: &App,
    actor: &Actor,
    edition: &str,
    ids: &[i64],
) -> Result<(), Error> {
    can(actor, Action::ManageModeration, Resource::None)?;
    let store = state.store();
    let sections = store.list_sections(edition).await?;
    if let Some(stranger) = ids.iter().find(|id| !sections.iter().any(|s| s.id == **id)) {
        return Err(newsdesk_core::ValidationError::single(
            "premoderated_sections",
            format!("{stranger} is not a section of this edition"),
        )
        .into());
    }
    let before = store.premoderated_sections().await?;
    for section in sections {
        let on = ids.contains(&section.id);
        if on != before.contains(&section.id) {
            set_section_premoderated(state, actor, section.id, on).await?;
        }
    }
    Ok(())
}

/// The edition's pre-moderated sections.
pub async fn premoderated_sections(
    state: &App,
    actor: &Actor,
    edition: &str,
) -> Result<Vec<i64>, Error> {
    can(actor, Action::Moderate, Resource::None)?;
    let store = state.store();
    let all = store.premoderated_sections().await?;
    Ok(store
        .list_sections(edition)
        .await?
        .into_iter()
        .filter(|s| all.contains(&s.id))
        .map(|s| s.id)
        .collect())
}
