//! Tokens that belong to a staff account (`newsdesk token create --for EMAIL`, #18): the
//! token acts with the account's role (never more) and its ownership, so an author's token
//! publishes the articles it created and not a colleague's; a disabled, unknown or
//! reader account gets no token, with a message that says why.

use http::{Method, StatusCode};
use newsdesk_core::Role;
use newsdesk_newsroom::actions::tokens::issue_for;
use serde_json::json;

use crate::api_support::{Auth, call};
use crate::support::TestApp;

const ARTICLES: &str = "/api/v1/admin/articles";

async fn create_article(app: &TestApp, auth: &Auth, headline: &str) -> i64 {
    let body = json!({
        "edition": "en",
        "headline": headline,
        "lead": "What happened.",
        "section_id": app.desk.section("en"),
        "author_ids": [app.desk.author],
    });
    let created = call(app, Method::POST, ARTICLES, auth, Some(&body)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    created.json()["id"].as_i64().unwrap()
}

#[tokio::test]
async fn an_author_token_made_for_an_author_publishes_its_own_articles_only() {
    let app = TestApp::new().await;
    let author = app.account(Role::Author, "writer@example.com").await;
    let colleague = app.account(Role::Author, "colleague@example.com").await;

    // Asked for more than the account has: the account's role is the ceiling.
    let token = issue_for(
        app.store(),
        "writer's script",
        Some(Role::Admin),
        "Writer@Example.com ",
    )
    .await
    .unwrap();
    assert_eq!(token.token.role, Role::Author);
    assert_eq!(token.token.created_by, Some(author.id));
    let auth = Auth::Bearer(token.secret);

    // Created through the API, the article is the account's...
    let own = create_article(&app, &auth, "Written by the desk script").await;
    let stored = app.store().get_article(own).await.unwrap();
    assert_eq!(stored.created_by, Some(author.id));
    // ...so the author's "own article" rule lets the token publish it.
    let published = call(
        &app,
        Method::POST,
        &format!("{ARTICLES}/{own}/publish"),
        &auth,
        None,
    )
    .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    assert_eq!(published.json()["status"], "published");

    // A colleague's article is not the token's to publish.
    let actor = newsdesk_newsroom::Actor::from_account(&colleague);
    let theirs = newsdesk_newsroom::actions::articles::create(
        &app.state,
        &actor,
        &app.publishable_draft("en", "A colleague's story"),
    )
    .await
    .unwrap();
    let refused = call(
        &app,
        Method::POST,
        &format!("{ARTICLES}/{}/publish", theirs.id),
        &auth,
        None,
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    let still = app.store().get_article(theirs.id).await.unwrap();
    assert_eq!(still.status, newsdesk_core::ArticleStatus::Draft);

    // Without --role the token takes the account's role; with a lower one, that one.
    let plain = issue_for(app.store(), "plain", None, "writer@example.com")
        .await
        .unwrap();
    assert_eq!(plain.token.role, Role::Author);
    let lower = issue_for(
        app.store(),
        "drafts only",
        Some(Role::Contributor),
        "writer@example.com",
    )
    .await
    .unwrap();
    assert_eq!(lower.token.role, Role::Contributor);
}

#[tokio::test]
async fn no_token_for_a_disabled_unknown_or_reader_account() {
    let app = TestApp::new().await;
    let gone = app.account(Role::Author, "gone@example.com").await;
    app.store()
        .set_account_disabled(gone.id, true)
        .await
        .unwrap();
    app.account(Role::Reader, "reader@example.com").await;

    for (email, says) in [
        (
            "gone@example.com",
            "the account gone@example.com is disabled",
        ),
        (
            "nobody@example.com",
            "no staff account has the address nobody@example.com",
        ),
        ("reader@example.com", "reader's account, not staff"),
    ] {
        let err = issue_for(app.store(), "script", Some(Role::Author), email)
            .await
            .err()
            .unwrap_or_else(|| panic!("a token for {email}"));
        assert!(err.to_string().contains(says), "{email}: {err}");
    }
    assert!(app.store().list_api_tokens().await.unwrap().is_empty());

    // A token made while the account was active stops when it is disabled.
    let active = app.account(Role::Author, "later@example.com").await;
    let token = issue_for(app.store(), "script", None, "later@example.com")
        .await
        .unwrap();
    let auth = Auth::Bearer(token.secret);
    assert_eq!(
        call(&app, Method::GET, ARTICLES, &auth, None).await.status,
        StatusCode::OK
    );
    app.store()
        .set_account_disabled(active.id, true)
        .await
        .unwrap();
    assert_eq!(
        call(&app, Method::GET, ARTICLES, &auth, None).await.status,
        StatusCode::UNAUTHORIZED
    );
}
