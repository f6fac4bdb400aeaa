//! The publish rule and usage tracking, as the store enforces them: on save, on publish, on
//! saving a published article, at a scheduled time, and on deleting what articles use.

use chrono::Duration;
use newsdesk_core::{ArticleStatus, Change, ValidationError};
use newsdesk_store::{ArticleId, PhotoText, StoreError};
use sqlx::Connection;

use crate::fixtures::{days_ago, draft, edition, photo, published, ready, section};
use crate::harness::Raw;

/// The (field, message) pairs of an `Invalid` error; anything else fails the test.
fn invalid<T: std::fmt::Debug>(
    result: Result<T, StoreError>,
) -> anyhow::Result<Vec<(&'static str, String)>> {
    match result {
        Err(StoreError::Invalid(ValidationError { errors })) => {
            Ok(errors.into_iter().map(|e| (e.field, e.message)).collect())
        }
        other => anyhow::bail!("expected Invalid, got {other:?}"),
    }
}

/// The `used_by` of an `InUse` error, after checking what it names.
fn in_use<T: std::fmt::Debug>(
    result: Result<T, StoreError>,
    expected_what: &str,
) -> anyhow::Result<Vec<(i64, String)>> {
    match result {
        Err(StoreError::InUse { what, used_by }) => {
            assert_eq!(what, expected_what);
            Ok(used_by)
        }
        other => anyhow::bail!("expected InUse, got {other:?}"),
    }
}

store_test!(saving_refuses_embeds_that_point_at_nothing, |store| {
    edition(&store, "en").await?;
    let mut d = draft("en", "Dangling");
    d.body = "Text.\n\n::photo[99999]\n\n::related[999999]".into();
    assert_eq!(
        invalid(store.create_article(&d, None).await)?,
        vec![
            ("body", "photo 99999 in the body does not exist".to_owned()),
            (
                "body",
                "related article 999999 in the body does not exist".to_owned()
            ),
        ]
    );
    // A draft may show a photo without alt text and link an unpublished draft, and needs no
    // section or byline yet.
    let bare = photo(&store, "").await?;
    let (other, _) = store.create_article(&draft("en", "Other"), None).await?;
    d.body = format!("::photo[{bare}]\n\n::related[{}]", other.id);
    let (a, _) = store.create_article(&d, None).await?;
    // Saving again still checks.
    let mut d = a.draft();
    d.body.push_str("\n\n::photo[99999]");
    assert_eq!(
        invalid(
            store
                .update_article(ArticleId(a.id), a.version, &d, None)
                .await
        )?,
        vec![("body", "photo 99999 in the body does not exist".to_owned())]
    );
    Ok(())
});

store_test!(publishing_names_every_broken_rule, |store| {
    edition(&store, "en").await?;
    let bare = photo(&store, "").await?;
    let described = photo(&store, "Ships outside the breakwater").await?;
    let (unpublished, _) = store
        .create_article(&draft("en", "Still a draft"), None)
        .await?;
    let mut d = draft("en", "Harbour reopens");
    d.hero_photo_id = Some(described);
    d.body = format!(
        "The port reopened.\n\n::photo[{bare}]\n\n::related[{}]",
        unpublished.id
    );
    let (a, _) = store.create_article(&d, None).await?;
    let refused = invalid(store.publish_article(a.id, days_ago(0), None).await)?;
    assert_eq!(
        refused,
        vec![
            (
                "body",
                format!("photo {bare} has no alt text; add it in the media library")
            ),
            (
                "body",
                format!(
                    "related article {} is not published (it is a draft); readers would see \
                     no card, so publish it first or remove the embed",
                    unpublished.id
                )
            ),
            ("section_id", "must be chosen before publishing".to_owned()),
            (
                "author_ids",
                "needs at least one author before publishing".to_owned()
            ),
        ]
    );
    // Scheduling asks the same, and nothing was written.
    assert_eq!(
        invalid(store.schedule_article(a.id, days_ago(-1), None).await)?,
        refused
    );
    assert_eq!(store.get_article(a.id).await?.status, ArticleStatus::Draft);

    // Fixed one by one, it goes out.
    let alt = PhotoText {
        alt_text: "Cranes at dawn".into(),
        caption: "The port".into(),
        ..PhotoText::default()
    };
    store.update_photo_text(bare, &alt).await?;
    let u = ready(&store, unpublished.draft()).await?;
    let (u, _) = store
        .update_article(ArticleId(unpublished.id), unpublished.version, &u, None)
        .await?;
    store.publish_article(u.id, days_ago(1), None).await?;
    let d = ready(&store, a.draft()).await?;
    let (a, _) = store
        .update_article(ArticleId(a.id), a.version, &d, None)
        .await?;
    let (a, _) = store.publish_article(a.id, days_ago(0), None).await?;
    assert_eq!(a.status, ArticleStatus::Published);
    Ok(())
});

store_test!(
    publishing_refuses_what_was_deleted_after_the_save,
    |store| {
        edition(&store, "en").await?;
        let p = photo(&store, "A described photo").await?;
        let (gone, _) = store
            .create_article(&draft("en", "Gone soon"), None)
            .await?;
        let mut d = ready(&store, draft("en", "Refers to both")).await?;
        d.body = format!("::photo[{p}]\n\n::related[{}]", gone.id);
        let (a, _) = store.create_article(&d, None).await?;
        // Only a draft uses them, so they may go.
        store.delete_photo(p).await?;
        store.delete_article(gone.id, None).await?;
        assert_eq!(
            invalid(store.publish_article(a.id, days_ago(0), None).await)?,
            vec![
                ("body", format!("photo {p} in the body does not exist")),
                (
                    "body",
                    format!("related article {} in the body does not exist", gone.id)
                ),
            ]
        );
        Ok(())
    }
);

store_test!(a_published_article_stays_publishable_when_saved, |store| {
    edition(&store, "en").await?;
    let bare = photo(&store, "").await?;
    let a = published(&store, &draft("en", "Live"), days_ago(0)).await?;
    let mut d = a.draft();
    d.author_ids.clear();
    assert_eq!(
        invalid(
            store
                .update_article(ArticleId(a.id), a.version, &d, None)
                .await
        )?,
        vec![(
            "author_ids",
            "needs at least one author before publishing".to_owned()
        )]
    );
    let mut d = a.draft();
    d.body.push_str(&format!("\n\n::photo[{bare}]"));
    assert_eq!(
        invalid(
            store
                .update_article(ArticleId(a.id), a.version, &d, None)
                .await
        )?,
        vec![(
            "body",
            format!("photo {bare} has no alt text; add it in the media library")
        )]
    );
    assert_eq!(store.get_article(a.id).await?.version, a.version);
    Ok(())
});

store_test!(
    a_scheduled_article_that_breaks_the_rule_is_not_published,
    |store| {
        edition(&store, "en").await?;
        let linked = published(&store, &draft("en", "Background"), days_ago(5)).await?;
        let mut d = ready(&store, draft("en", "Embargoed")).await?;
        d.body = format!("Text.\n\n::related[{}]", linked.id);
        let (a, _) = store.create_article(&d, None).await?;
        let (fine, _) = store
            .create_article(&ready(&store, draft("en", "Fine")).await?, None)
            .await?;
        let at = days_ago(1);
        store.schedule_article(a.id, at, None).await?;
        store.schedule_article(fine.id, at, None).await?;
        // The linked article is taken down, rescheduled for the same time, and loses its
        // section: it is blocked, and so is `a`, whose card would then point at nothing public.
        store.unpublish_article(linked.id, None).await?;
        store.schedule_article(linked.id, at, None).await?;
        let own = section(&store, "en", "own").await?;
        let mut l = store.get_article(linked.id).await?.draft();
        l.section_id = Some(own.id);
        let linked_now = store.get_article(linked.id).await?;
        store
            .update_article(ArticleId(linked.id), linked_now.version, &l, None)
            .await?;
        store.delete_section(own.id).await?;

        let due = store.publish_due(at).await?;
        assert_eq!(
            due.published.iter().map(|(a, _)| a.id).collect::<Vec<_>>(),
            vec![fine.id]
        );
        let mut blocked: Vec<_> = due.blocked.iter().collect();
        blocked.sort_by_key(|b| b.article.id);
        assert_eq!(
            blocked.iter().map(|b| b.article.id).collect::<Vec<_>>(),
            vec![linked.id, a.id]
        );
        // Readers had seen `linked`: it goes back to taken down, with its first publication kept.
        let l = &blocked[0];
        assert_eq!(l.article.status, ArticleStatus::Unpublished);
        assert_eq!(l.article.first_published_at, Some(days_ago(5)));
        assert_eq!(
            l.reason.errors[0].message,
            "must be chosen before publishing"
        );
        // `a` never was public: a draft again, nothing suggesting it was ever out.
        let b = &blocked[1];
        assert_eq!(b.article.status, ArticleStatus::Draft);
        assert_eq!(b.article.published_at, None);
        assert_eq!(b.article.first_published_at, None);
        assert_eq!(b.reason.errors[0].field, "body");
        assert!(
            b.reason.errors[0]
                .message
                .starts_with(&format!("related article {} is not published", linked.id)),
            "{}",
            b.reason
        );
        assert!(
            matches!(b.event.change, Change::Article { public: false, ref status, .. } if status == "draft")
        );
        assert_eq!(store.get_article(a.id).await?.status, ArticleStatus::Draft);
        // Nothing is left to retry.
        let again = store.publish_due(at + Duration::hours(1)).await?;
        assert!(again.published.is_empty() && again.blocked.is_empty());
        Ok(())
    }
);

store_test!(a_photo_in_a_published_body_cannot_be_deleted, |store| {
    edition(&store, "en").await?;
    let p = photo(&store, "Smoke over the port").await?;
    let hero = photo(&store, "The mayor at the quay").await?;
    let mut d = draft("en", "Fire at the port");
    d.body = format!("Text.\n\n::photo[{p}]");
    let live = published(&store, &d, days_ago(1)).await?;
    let mut d = ready(&store, draft("en", "Fire: what we know")).await?;
    d.body = format!("::photo[{p}]");
    d.hero_photo_id = Some(hero);
    let (soon, _) = store.create_article(&d, None).await?;
    store.schedule_article(soon.id, days_ago(-1), None).await?;
    assert_eq!(
        in_use(store.delete_photo(p).await, &format!("photo {p}"))?,
        vec![
            (live.id, "Fire at the port".to_owned()),
            (soon.id, "Fire: what we know".to_owned())
        ]
    );
    // Its alt text cannot be removed either.
    let blank = PhotoText {
        caption: "Smoke".into(),
        ..PhotoText::default()
    };
    assert_eq!(
        in_use(
            store.update_photo_text(p, &blank).await,
            &format!("the alt text of photo {p}")
        )?
        .len(),
        2
    );
    assert_eq!(store.get_photo(p).await?.alt_text, "Smoke over the port");
    assert!(store.get_photo(p).await.is_ok());

    // Once nothing public shows them, they may go; a draft's hero is cleared.
    store.unpublish_article(soon.id, None).await?;
    store.delete_photo(hero).await?;
    assert_eq!(store.get_article(soon.id).await?.hero_photo_id, None);
    let mut d = live.draft();
    d.body = "Text.".into();
    store
        .update_article(ArticleId(live.id), live.version, &d, None)
        .await?;
    store.delete_photo(p).await?;
    // The draft still embeds it, and hears about it on its next save.
    let soon = store.get_article(soon.id).await?;
    assert_eq!(
        invalid(
            store
                .update_article(ArticleId(soon.id), soon.version, &soon.draft(), None)
                .await
        )?,
        vec![("body", format!("photo {p} in the body does not exist"))]
    );
    Ok(())
});

store_test!(
    an_article_linked_by_a_published_one_cannot_be_deleted,
    |store| {
        edition(&store, "en").await?;
        let target = published(&store, &draft("en", "Background"), days_ago(3)).await?;
        let mut d = draft("en", "Follow-up");
        d.body = format!("::related[{}]", target.id);
        let live = published(&store, &d, days_ago(1)).await?;
        let mut d = draft("en", "Draft follow-up");
        d.body = format!("::related[{}]", target.id);
        store.create_article(&d, None).await?;
        assert_eq!(
            in_use(
                store.delete_article(target.id, None).await,
                &format!("article {}", target.id)
            )?,
            vec![(live.id, "Follow-up".to_owned())]
        );
        assert!(store.get_article(target.id).await.is_ok());
        // Deleting the linking article itself is fine, and then the target may go too.
        store.delete_article(live.id, None).await?;
        store.delete_article(target.id, None).await?;
        Ok(())
    }
);

store_test!(bulk_imports_obey_the_publish_rule, |store| {
    edition(&store, "en").await?;
    let bare = photo(&store, "").await?;
    let mut d = ready(&store, draft("en", "Imported")).await?;
    d.hero_photo_id = Some(bare);
    let item = newsdesk_store::BulkArticle {
        draft: d,
        published_at: days_ago(0),
        created_by: None,
        translation_group: None,
    };
    assert_eq!(
        invalid(store.insert_published_articles(&[item]).await)?,
        vec![(
            "hero_photo_id",
            format!("photo {bare} has no alt text; add it in the media library")
        )]
    );
    Ok(())
});

store_test!(rebuilding_refs_restores_protection, |store, raw| {
    edition(&store, "en").await?;
    let p = photo(&store, "Described").await?;
    let mut d = draft("en", "Shows a photo");
    d.body = format!("::photo[{p}]");
    let a = published(&store, &d, days_ago(0)).await?;
    // As after migration 0005 on an existing database: body embeds are not yet known.
    wipe_refs(&raw).await?;
    assert_eq!(store.rebuild_article_refs().await?, 1);
    assert_eq!(
        in_use(store.delete_photo(p).await, &format!("photo {p}"))?,
        vec![(a.id, "Shows a photo".to_owned())]
    );
    // Again changes nothing.
    assert_eq!(store.rebuild_article_refs().await?, 1);
    assert!(store.delete_photo(p).await.is_err());
    Ok(())
});

async fn wipe_refs(raw: &Raw) -> anyhow::Result<()> {
    match raw {
        Raw::Sqlite(path) => {
            let mut conn =
                sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display())).await?;
            sqlx::query("DELETE FROM article_refs")
                .execute(&mut conn)
                .await?;
        }
        Raw::Pg(options) => {
            let mut conn = sqlx::PgConnection::connect_with(options).await?;
            sqlx::query("DELETE FROM article_refs")
                .execute(&mut conn)
                .await?;
        }
    }
    Ok(())
}
