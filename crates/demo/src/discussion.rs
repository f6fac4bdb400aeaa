//! The demo's readers and their discussion: a few readers per edition and threads under
//! each edition's newest stories, with replies and likes, one featured comment, one
//! waiting for a moderator and one held, so a newcomer sees a living discussion and a
//! moderation queue with something in it.

use newsdesk_core::{CommentStatus, Role};
use newsdesk_store::{ArticleQuery, ModerationSettings, NewComment, Store, StoreError, VoteKind};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::banks::comments;
use crate::lang::Lang;
use crate::options::DemoError;

/// Stories per edition that get a thread: the newest, where readers are.
const THREADS_PER_EDITION: i64 = 8;
/// The demo readers' password (they are demo accounts; say so in the README).
pub const READER_PASSWORD: &str = "demo reader password";

/// Readers and comments made.
#[derive(Debug, Default, Clone, Copy)]
pub struct Discussion {
    pub readers: usize,
    pub comments: usize,
}

pub async fn discussion(store: &Store, rng: &mut ChaCha8Rng) -> Result<Discussion, DemoError> {
    let hash = newsdesk_auth::password::hash_password(READER_PASSWORD)
        .await
        .map_err(|e| DemoError::Password(e.to_string()))?;
    let mut made = Discussion::default();
    for lang in Lang::ALL {
        rules(store, lang).await?;
        let mut readers = Vec::new();
        for (n, name) in comments::readers(lang).iter().enumerate() {
            let email = format!("reader{}.{}@example.com", n + 1, lang.code());
            let account = match store
                .create_account(&email, name, Role::Reader, &hash)
                .await
            {
                Ok(a) => {
                    made.readers += 1;
                    a
                }
                // A demo redone after an interrupted start finds its readers already there.
                Err(StoreError::Conflict { .. }) => store.account_by_email(&email).await?.0,
                Err(err) => return Err(err.into()),
            };
            store.confirm_email(account.id).await?;
            readers.push(account.id);
        }
        let articles = store
            .list_articles(&ArticleQuery {
                edition: Some(lang.code().to_owned()),
                limit: THREADS_PER_EDITION,
                ..ArticleQuery::default()
            })
            .await?;
        let texts = comments::comments(lang);
        let answers = comments::replies(lang);
        for (i, article) in articles.iter().enumerate() {
            let count = rng.random_range(2..=5usize);
            let mut first = None;
            for c in 0..count {
                let author = readers[(i + c) % readers.len()];
                let body = texts[rng.random_range(0..texts.len())];
                let comment = store
                    .create_comment(&NewComment {
                        article_id: article.id,
                        account_id: author,
                        parent_id: None,
                        body,
                        status: CommentStatus::Visible,
                        reason: "",
                    })
                    .await?;
                made.comments += 1;
                first.get_or_insert(comment.id);
                for liker in readers
                    .iter()
                    .filter(|r| **r != author)
                    .take(rng.random_range(0..4))
                {
                    store
                        .vote_comment(comment.id, *liker, VoteKind::Like)
                        .await?;
                }
                if rng.random_bool(0.5) {
                    let replier = readers[(i + c + 1) % readers.len()];
                    store
                        .create_comment(&NewComment {
                            article_id: article.id,
                            account_id: replier,
                            parent_id: Some(comment.id),
                            body: answers[rng.random_range(0..answers.len())],
                            status: CommentStatus::Visible,
                            reason: "",
                        })
                        .await?;
                    made.comments += 1;
                }
            }
            // The lead story of each edition: a featured comment, a reported one, one
            // waiting for a moderator, one held by the word list.
            if i == 0 {
                if let Some(id) = first {
                    store.set_comment_featured(id, true).await?;
                }
                if let Some(last) = store
                    .comment_thread(article.id, Default::default(), 1, 0)
                    .await?
                    .first()
                {
                    for reporter in readers
                        .iter()
                        .filter(|r| Some(**r) != last.comment.account_id)
                        .take(2)
                    {
                        store
                            .vote_comment(last.comment.id, *reporter, VoteKind::Report)
                            .await?;
                    }
                }
                for (status, body, reason) in [
                    (CommentStatus::Pending, texts[0], "new reader"),
                    (
                        CommentStatus::Held,
                        comments::held(lang),
                        comments::held_reason(lang),
                    ),
                ] {
                    store
                        .create_comment(&NewComment {
                            article_id: article.id,
                            account_id: readers[readers.len() - 1],
                            parent_id: None,
                            body,
                            status,
                            reason,
                        })
                        .await?;
                    made.comments += 1;
                }
            }
        }
    }
    Ok(made)
}

/// The edition's moderation rules as a newsroom might set them: discussions close after a
/// few weeks, word lists in the edition's language, and comments on politics wait for a
/// moderator.
async fn rules(store: &Store, lang: Lang) -> Result<(), DemoError> {
    let (banned, suspect) = comments::word_lists(lang);
    store
        .set_moderation_settings(&ModerationSettings {
            close_after_days: 30,
            banned_words: banned.to_owned(),
            suspect_words: suspect.to_owned(),
            ..ModerationSettings::defaults(lang.code())
        })
        .await?;
    let politics = crate::banks::newsroom::SECTIONS[1].slug.get(lang);
    match store.section_by_slug(lang.code(), politics).await {
        Ok(section) => store.set_section_premoderated(section.id, true).await?,
        Err(StoreError::NotFound) => {}
        Err(err) => return Err(err.into()),
    }
    Ok(())
}
