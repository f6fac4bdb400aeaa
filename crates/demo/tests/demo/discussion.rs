//! The demo's readers and threads: every edition has confirmed readers and threads in its
//! language, with replies, likes, a featured comment, and something for the moderators.

use newsdesk_core::{CommentStatus, Role};
use newsdesk_store::{ArticleQuery, CommentSort};

use crate::support::{demo, options};

#[tokio::test]
async fn every_edition_has_readers_and_a_living_discussion() {
    let d = demo(&options(60, 3)).await;
    assert!(
        d.report.readers >= 15 && d.report.comments > 40,
        "{}",
        d.report
    );
    for (code, script) in [("en", 'a'..='z'), ("ru", 'а'..='я'), ("ar", 'ء'..='ي')] {
        let (reader, _) = d
            .store
            .account_by_email(&format!("reader1.{code}@example.com"))
            .await
            .unwrap();
        assert_eq!(reader.role, Role::Reader);
        assert!(
            reader.email_confirmed_at.is_some(),
            "demo readers can comment"
        );
        let lead = &d
            .store
            .list_articles(&ArticleQuery {
                edition: Some(code.to_owned()),
                limit: 1,
                ..ArticleQuery::default()
            })
            .await
            .unwrap()[0];
        let thread = d
            .store
            .comment_thread(lead.id, CommentSort::Newest, 20, 0)
            .await
            .unwrap();
        assert!(thread.len() >= 2, "{code}: a thread under the lead story");
        assert!(
            thread[0].comment.featured,
            "{code}: the featured comment comes first"
        );
        assert!(
            thread[0]
                .comment
                .body
                .chars()
                .any(|c| script.contains(&c.to_ascii_lowercase())),
            "{code}: written in the edition's script: {}",
            thread[0].comment.body
        );
        let all = d
            .store
            .comments_by_account(thread[0].comment.account_id.unwrap())
            .await
            .unwrap();
        assert!(!all.is_empty());
    }
    // The moderation queue has something in it in every language.
    for status in [CommentStatus::Pending, CommentStatus::Held] {
        let mut n = 0;
        for code in ["en", "ru", "ar"] {
            let (last, _) = d
                .store
                .account_by_email(&format!("reader5.{code}@example.com"))
                .await
                .unwrap();
            n += d
                .store
                .comments_by_account(last.id)
                .await
                .unwrap()
                .iter()
                .filter(|c| c.status == status)
                .count();
        }
        assert_eq!(n, 3, "{status}: one per edition");
    }
}
