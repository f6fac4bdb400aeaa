//! The live parts of the demo: a day of short items in every edition's newsfeed (one
//! breaking), and chats with a history under the newest articles plus an editors' room.

use std::collections::HashSet;

use chrono::Duration;
use newsdesk_core::NewsItemStatus;
use newsdesk_demo::{DemoOptions, generate};
use newsdesk_store::{ArticleQuery, FeedKind};

use crate::support::{demo, is_arabic, is_cyrillic, options, script_share};

#[tokio::test]
async fn every_edition_has_a_day_of_items_and_chats_with_history() {
    // No photos: the live parts do not use them, and images are most of a demo's time.
    let opts = DemoOptions {
        photos: 0,
        ..options(45, 11)
    };
    let d = demo(&opts).await;
    assert!(d.report.news_items >= 3 * 72, "{}", d.report);
    assert_eq!(d.report.chat_rooms, 3 * 6, "{}", d.report);
    for code in ["en", "ru", "ar"] {
        let items = d
            .store
            .list_news_items(Some(code), Some(NewsItemStatus::Published), 500, 0)
            .await
            .unwrap();
        let day: Vec<_> = items
            .iter()
            .filter(|i| {
                i.published_at
                    .is_some_and(|at| at <= d.now && at > d.now - Duration::hours(24))
            })
            .collect();
        assert!(
            day.len() >= 40,
            "{code}: {} items in the last day",
            day.len()
        );
        let newest = day.iter().filter_map(|i| i.published_at).max().unwrap();
        assert!(
            newest > d.now - Duration::minutes(10),
            "{code}: the newest is fresh"
        );
        let heads: HashSet<&str> = day.iter().map(|i| i.headline.as_str()).collect();
        assert_eq!(heads.len(), day.len(), "{code}: a headline repeats");

        let breaking: Vec<_> = items.iter().filter(|i| i.breaking).collect();
        assert_eq!(breaking.len(), 1, "{code}: exactly one breaking item");
        assert!(breaking[0].published_at.unwrap() > d.now - Duration::hours(2));
        let important = day.iter().filter(|i| i.important).count();
        assert!(
            important * 100 >= day.len() * 3 && important * 100 <= day.len() * 20,
            "{code}: {important} of {} important",
            day.len()
        );

        for item in &day {
            let text = format!("{} {}", item.headline, item.body);
            let share = match code {
                "ru" => script_share(&text, is_cyrillic),
                "ar" => script_share(&text, is_arabic),
                _ => script_share(&text, |c| c.is_ascii_alphabetic()),
            };
            assert!(share > 0.8, "{code}: {text}");
            assert!(!item.body.is_empty() && !text.contains('{'), "{text}");
        }

        // The newsfeed mixes them with the articles, and the banner has the breaking one.
        let feed = d.store.newsfeed(code, Some(d.now), 60).await.unwrap();
        assert!(feed.iter().any(|e| e.kind == FeedKind::Item));
        let banner = d
            .store
            .breaking_entries(code, d.now - Duration::hours(12))
            .await
            .unwrap();
        assert!(
            banner
                .iter()
                .any(|e| e.kind == FeedKind::Item && e.id == breaking[0].id),
            "{code}: the breaking item is in the banner"
        );

        // The five newest articles have rooms with a conversation and one staff answer.
        let articles = d
            .store
            .list_articles(&ArticleQuery {
                edition: Some(code.to_owned()),
                limit: 5,
                ..ArticleQuery::default()
            })
            .await
            .unwrap();
        assert_eq!(articles.len(), 5, "{code}: enough articles for the test");
        for article in &articles {
            let room = d.store.article_chat_room(article.id, code).await.unwrap();
            let messages = d
                .store
                .chat_messages_before(room.id, None, 50)
                .await
                .unwrap();
            assert!(
                (8..=25).contains(&messages.len()),
                "{code}: {} messages",
                messages.len()
            );
            assert_eq!(messages.iter().filter(|m| m.staff).count(), 1);
            for m in &messages {
                assert_eq!(
                    m.staff,
                    m.account_id.is_none(),
                    "readers write as themselves"
                );
                let share = match code {
                    "ru" => script_share(&m.body, is_cyrillic),
                    "ar" => script_share(&m.body, is_arabic),
                    _ => script_share(&m.body, |c| c.is_ascii_alphabetic()),
                };
                assert!(share > 0.6, "{code}: {}", m.body);
            }
            let reader = messages.iter().find(|m| !m.staff).unwrap();
            let (account, _) = d
                .store
                .account_by_email(&format!("reader1.{code}@example.com"))
                .await
                .unwrap();
            assert!(account.id > 0 && !reader.author_name.is_empty());
        }
        // And the editors opened a room for a live event.
        let rooms = d.store.chat_rooms(Some(code), true, 50).await.unwrap();
        let event: Vec<_> = rooms
            .iter()
            .filter(|r| r.room.article_id.is_none())
            .collect();
        assert_eq!(event.len(), 1, "{code}");
        assert!(event[0].messages >= 5 && !event[0].room.title.is_empty());
    }

    // The demo made again on the same day adds articles but not a second day of items.
    let before = d.report.news_items;
    let again = generate(&d.store, &d.media, &opts).await.unwrap();
    assert_eq!(again.news_items, 0, "{again}");
    let total: usize = {
        let mut n = 0;
        for code in ["en", "ru", "ar"] {
            n += d
                .store
                .list_news_items(Some(code), None, 1000, 0)
                .await
                .unwrap()
                .len();
        }
        n
    };
    assert_eq!(total, before);
}
