//! A story in several editions: the edition switcher leads to its translation, and every
//! member's cached page follows when another member is published, edited or unpublished.

use axum::http::StatusCode;
use newsdesk_store::ArticleId;

use crate::support::TestApp;

/// `(hreflang, href)` of the edition switcher's links.
fn switcher(html: &str) -> Vec<(String, String)> {
    let Some(nav) = html
        .split("<nav class=\"editions\"")
        .nth(1)
        .and_then(|rest| rest.split("</nav>").next())
    else {
        return Vec::new();
    };
    nav.split("<a")
        .skip(1)
        .filter_map(|tag| {
            let attr = |name: &str| {
                let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
                Some(tag[start..].split('"').next()?.to_owned())
            };
            Some((attr("hreflang")?, attr("href")?))
        })
        .collect()
}

fn hreflang_codes(html: &str) -> Vec<String> {
    html.split("<link rel=\"alternate\" href=\"")
        .skip(1)
        .filter_map(|tag| {
            let tag = tag.split('>').next()?;
            let start = tag.find("hreflang=\"")? + 10;
            Some(tag[start..].split('"').next()?.to_owned())
        })
        .collect()
}

/// Links the fixture's English lead story with its Russian and Arabic versions.
async fn translated(app: &TestApp) -> Result<(), newsdesk_store::StoreError> {
    let fx = &app.fx;
    for other in [fx.russian.id, fx.arabic.id] {
        let event = app
            .store()
            .link_translation(ArticleId(fx.lead.id), ArticleId(other))
            .await?;
        app.written(event).await;
    }
    Ok(())
}

#[tokio::test]
async fn the_switcher_leads_to_the_translation_or_else_the_front_page() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    translated(&app).await.unwrap();
    let links = switcher(&app.get(&fx.lead.path()).await.text());
    assert_eq!(
        links,
        [
            ("en".to_owned(), "/en".to_owned()),
            ("ar".to_owned(), fx.arabic.path()),
            ("ru".to_owned(), fx.russian.path()),
        ]
    );
    let from_arabic = switcher(&app.get(&fx.arabic.path()).await.text());
    assert!(from_arabic.contains(&("en".to_owned(), fx.lead.path())));
    assert!(from_arabic.contains(&("ru".to_owned(), fx.russian.path())));
    // A story in one edition only: the other editions' front pages, as on every page.
    let links = switcher(&app.get(&fx.older.path()).await.text());
    assert!(links.contains(&("ru".to_owned(), "/ru".to_owned())));
    assert!(links.contains(&("ar".to_owned(), "/ar".to_owned())));
    // The infinite-scroll fragment says where the story is in other editions, so the
    // loader can point the switcher at the article being read.
    let fragment = app
        .get(&format!("{}?fragment=1", fx.lead.path()))
        .await
        .text();
    assert!(
        fragment.contains(&format!(
            "data-translations=\"ar={} ru={}\"",
            fx.arabic.path(),
            fx.russian.path()
        )),
        "{}",
        &fragment[..600.min(fragment.len())]
    );
}

#[tokio::test]
async fn pages_of_a_translation_group_carry_its_key() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    translated(&app).await.unwrap();
    let group = app
        .store()
        .get_article(fx.lead.id)
        .await
        .unwrap()
        .translation_group
        .unwrap();
    for path in [
        fx.lead.path(),
        fx.russian.path(),
        format!("{}?fragment=1", fx.arabic.path()),
    ] {
        let page = app.get(&path).await;
        assert!(
            page.header("surrogate-key")
                .split(' ')
                .any(|k| k == format!("translations:{group}")),
            "{path}: {}",
            page.header("surrogate-key")
        );
    }
    let alone = app.get(&fx.older.path()).await;
    assert!(!alone.header("surrogate-key").contains("translations:"));
}

#[tokio::test]
async fn unpublishing_one_translation_drops_it_from_every_members_cached_page() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    translated(&app).await.unwrap();
    let (lead, arabic) = (fx.lead.path(), fx.arabic.path());
    for path in [&lead, &arabic] {
        let html = app.get(path).await.text();
        assert!(hreflang_codes(&html).contains(&"ru".to_owned()), "{path}");
    }

    let (_, event) = app
        .store()
        .unpublish_article(fx.russian.id, None)
        .await
        .unwrap();
    // Not announced yet: the cached pages still name it, which proves they are cached.
    assert!(hreflang_codes(&app.get(&lead).await.text()).contains(&"ru".to_owned()));
    app.written(event).await;

    assert_eq!(app.get(&fx.russian.path()).await.status, StatusCode::GONE);
    for path in [&lead, &arabic] {
        let html = app.get(path).await.text();
        let mut codes = hreflang_codes(&html);
        codes.sort();
        assert_eq!(codes, ["ar", "en", "x-default"], "{path}");
        assert!(
            !hreflang_codes(&html).contains(&"ru".to_owned()),
            "{path} still names the unpublished translation"
        );
        assert!(
            !html.contains(&fx.russian.path()),
            "{path} still links the unpublished translation"
        );
        assert!(switcher(&html).contains(&("ru".to_owned(), "/ru".to_owned())));
    }
}

#[tokio::test]
async fn publishing_a_translation_reaches_the_cached_original() {
    let app = TestApp::new().await;
    let fx = &app.fx;
    let draft = crate::support::ArticleBuilder::new("ru", "Бюджет принят")
        .draft(app.store())
        .await;
    let event = app
        .store()
        .link_translation(ArticleId(fx.older.id), ArticleId(draft.id))
        .await
        .unwrap();
    app.written(event).await;
    // A draft is no translation readers can follow.
    let before = app.get(&fx.older.path()).await.text();
    assert!(hreflang_codes(&before).is_empty());
    assert!(switcher(&before).contains(&("ru".to_owned(), "/ru".to_owned())));

    let ru_section = app
        .store()
        .list_sections("ru")
        .await
        .unwrap()
        .into_iter()
        .next()
        .unwrap()
        .id;
    let mut d = draft.draft();
    d.section_id = Some(ru_section);
    d.author_ids = vec![fx.desk];
    let (draft, _) = app
        .store()
        .update_article(ArticleId(draft.id), draft.version, &d, None)
        .await
        .unwrap();
    let (published, event) = app
        .store()
        .publish_article(draft.id, chrono::Utc::now(), None)
        .await
        .unwrap();
    app.written(event).await;
    let after = app.get(&fx.older.path()).await.text();
    assert!(hreflang_codes(&after).contains(&"ru".to_owned()));
    assert!(switcher(&after).contains(&("ru".to_owned(), published.path())));
}
