//! The rules a new comment passes before anyone sees it: is the discussion open, may this
//! reader write, does the text carry a banned word (refused) or a sign of trouble (held
//! for a moderator), does the section or the reader's history call for pre-moderation.
//!
//! Kept out of the HTTP layer so the chat (which shares the word lists and bans) applies
//! the same rules.

use chrono::{DateTime, Duration, Utc};
use linkify::{LinkFinder, LinkKind};
use newsdesk_core::wordlist::WordList;
use newsdesk_core::{Account, CommentStatus, ValidationError};
use newsdesk_store::{DiscussionFacts, ModerationSettings, Store};

use crate::Error;

/// The same text again within this long is a repeat (held).
pub const REPEAT_WINDOW: Duration = Duration::minutes(10);

/// Where a new comment goes, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub status: CommentStatus,
    /// Shown to moderators in the queue, and to the author while it waits.
    pub reason: String,
}

/// Whether `account` may write under the article now: the discussion is open and they
/// are not banned or suspended. The error says why not, in words the reader can act on.
pub async fn may_write(
    store: &Store,
    facts: &DiscussionFacts,
    settings: &ModerationSettings,
    account: &Account,
    at: DateTime<Utc>,
) -> Result<(), Error> {
    if !facts.open(settings, at) {
        return Err(Error::Forbidden(
            "comments on this article are closed".to_owned(),
        ));
    }
    if let Some(ban) = store.active_ban(account.id).await? {
        let why = if ban.reason.is_empty() {
            String::new()
        } else {
            format!(" ({})", ban.reason)
        };
        return Err(Error::Forbidden(match ban.until {
            None => format!("you are banned from the discussion{why}"),
            Some(until) => format!(
                "you are suspended from the discussion until {} UTC{why}",
                until.format("%Y-%m-%d %H:%M")
            ),
        }));
    }
    Ok(())
}

/// Screens a new comment's text: a banned word refuses it (422 naming the word, so the
/// reader can rephrase); otherwise the verdict says whether it shows at once.
pub async fn screen(
    store: &Store,
    facts: &DiscussionFacts,
    settings: &ModerationSettings,
    account: &Account,
    body: &str,
    at: DateTime<Utc>,
) -> Result<Verdict, Error> {
    if let Some(reason) = screen_text(settings, body)? {
        return Ok(Verdict {
            status: CommentStatus::Held,
            reason,
        });
    }
    if let Some(reason) = hold_reason(store, settings, account, body, at).await? {
        return Ok(Verdict {
            status: CommentStatus::Held,
            reason,
        });
    }
    let premoderated = if facts.premoderated {
        Some("pre-moderated section".to_owned())
    } else if settings.trust_after > 0
        && store.shown_comment_count(account.id).await? < settings.trust_after
    {
        Some(format!(
            "new reader: fewer than {} approved comments",
            settings.trust_after
        ))
    } else {
        None
    };
    Ok(match premoderated {
        Some(reason) => Verdict {
            status: CommentStatus::Pending,
            reason,
        },
        None => Verdict {
            status: CommentStatus::Visible,
            reason: String::new(),
        },
    })
}

/// The checks of the text alone (also run on an edit): a banned word is an error; a
/// suspect word or too many links is the reason to hold it.
pub fn screen_text(settings: &ModerationSettings, body: &str) -> Result<Option<String>, Error> {
    if let Some(word) = WordList::parse(&settings.banned_words).find(body) {
        return Err(ValidationError::single(
            "body",
            format!("contains “{word}”, which is not allowed in comments here"),
        )
        .into());
    }
    if let Some(word) = WordList::parse(&settings.suspect_words).find(body) {
        return Ok(Some(format!("suspect word: {word}")));
    }
    let links = link_count(body);
    if links as i64 > settings.max_links {
        return Ok(Some(format!("{links} links")));
    }
    Ok(None)
}

/// What the reader's account and recent posts say about a new comment.
async fn hold_reason(
    store: &Store,
    settings: &ModerationSettings,
    account: &Account,
    body: &str,
    at: DateTime<Utc>,
) -> Result<Option<String>, Error> {
    if settings.new_account_minutes > 0
        && at - account.created_at < Duration::minutes(settings.new_account_minutes)
    {
        return Ok(Some(format!(
            "account younger than {} minutes",
            settings.new_account_minutes
        )));
    }
    if store
        .posted_same_since(account.id, body, at - REPEAT_WINDOW)
        .await?
    {
        return Ok(Some("the same text posted again".to_owned()));
    }
    Ok(None)
}

/// Web links in the text, counted as the page will make them clickable.
pub fn link_count(text: &str) -> usize {
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]);
    finder.links(text).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_counted_as_pages_show_them() {
        assert_eq!(link_count("no links, just example dot com"), 0);
        assert_eq!(
            link_count("see https://a.example/x and http://b.example, or www.c.example"),
            2
        );
    }
}
