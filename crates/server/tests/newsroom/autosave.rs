//! The editor's autosave over HTTP: stored per account and never applied to the article,
//! offered back (or not) when the editor opens, restored into the form, discarded, spent
//! by a save; and refused as the rules say: someone else's article, no CSRF token, too
//! large, older than one's own save.

use axum::body::Body;
use axum::extract::ConnectInfo;
use http::{Request, StatusCode};
use newsdesk_core::{Article, Role};
use newsdesk_store::AutosaveSlot;

use crate::support::{Client, TestApp, TestResponse, unescape};

/// How a request carries the CSRF token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    /// `X-CSRF-Token`, as `fetch` sends it every few seconds.
    Header,
    /// A `csrf` field, as `navigator.sendBeacon` sends it when the page is left.
    Field,
    Missing,
}

async fn post(
    app: &TestApp,
    client: &Client<'_>,
    uri: &str,
    fields: &[(&str, &str)],
    token: Token,
) -> TestResponse {
    let mut pairs = fields.to_vec();
    if token == Token::Field {
        pairs.push(("csrf", client.csrf.as_str()));
    }
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    send(app, client, uri, body.into_bytes(), token).await
}

async fn send(
    app: &TestApp,
    client: &Client<'_>,
    uri: &str,
    body: Vec<u8>,
    token: Token,
) -> TestResponse {
    let cookie = client
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let mut request = Request::post(uri)
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .extension(ConnectInfo(client.ip));
    // A beacon cannot ask for JSON; fetch does.
    if token != Token::Field {
        request = request.header("accept", "application/json");
    }
    if token == Token::Header {
        request = request.header("x-csrf-token", client.csrf.as_str());
    }
    app.send(request.body(Body::from(body)).unwrap()).await
}

fn url(article: &Article) -> String {
    format!("/admin/articles/{}/autosave", article.id)
}

fn typed<'a>(version: &'a str, headline: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("version", version),
        ("headline", headline),
        ("lead", "A lead typed and not saved."),
        ("body", "Первый абзац.\n\nالفقرة الثانية.\n\n::photo[99]"),
        ("seo_title", "Typed SEO title"),
        ("meta_description", "Typed description"),
    ]
}

#[tokio::test]
async fn an_autosave_is_stored_offered_restored_and_spent_by_a_save_but_never_saved_itself() {
    let app = TestApp::new().await;
    let author = app.account(Role::Author, "ann@example.com").await;
    let article = app.draft(&author, "Storm closes the coast road").await;
    let mut ann = app.client_for(&author).await;

    let r = post(
        &app,
        &ann,
        &url(&article),
        &typed("1", "Storm closes the road"),
        Token::Header,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let answer = r.json();
    assert_eq!(answer["stale"], false);
    let time = answer["time"].as_str().unwrap().to_owned();
    assert!(
        time.len() == 5 && time.as_bytes()[2] == b':',
        "HH:MM: {time}"
    );

    // Stored for Ann; the article, its version and its revisions are as they were.
    let slot = AutosaveSlot::Article(article.id);
    let stored = app
        .store()
        .autosave(author.id, &slot)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.fields.headline, "Storm closes the road");
    assert_eq!(stored.base_version, Some(1));
    assert_eq!(app.store().get_article(article.id).await.unwrap(), article);
    assert_eq!(
        app.store().list_revisions(article.id).await.unwrap().len(),
        1
    );

    // As the page is left: the token in the body, no JSON asked for.
    let r = post(
        &app,
        &ann,
        &url(&article),
        &typed("1", "Storm closes the coast road again"),
        Token::Field,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(app.store().get_article(article.id).await.unwrap(), article);

    // The editor offers it, with the hooks scripts and the browser test use.
    let page = app
        .get_page(&mut ann, &format!("/admin/articles/{}", article.id))
        .await;
    assert!(page.contains("data-autosave-notice"), "{page}");
    assert!(
        page.contains("(newer than the saved version) exists"),
        "{page}"
    );
    assert!(page.contains("data-autosave-restore") && page.contains("data-autosave-discard"));
    assert!(page.contains("data-autosave-status") && page.contains("aria-live=\"polite\""));
    assert!(!page.contains("based on an older version"));
    // The form still holds the saved text until asked.
    assert!(page.contains("value=\"Storm closes the coast road\""));

    // Restore: the form holds the autosave; nothing is saved.
    let page = app
        .get_page(
            &mut ann,
            &format!("/admin/articles/{}?autosave=restore", article.id),
        )
        .await;
    assert!(page.contains("data-autosave-restored"), "{page}");
    assert!(!page.contains("data-autosave-notice"));
    assert!(page.contains("value=\"Storm closes the coast road again\""));
    assert!(page.contains("Typed SEO title"));
    assert_eq!(app.store().get_article(article.id).await.unwrap(), article);

    // A save of the restored form deletes Ann's autosave; nothing is offered afterwards.
    let section = app.desk.section("en").to_string();
    let author_id = app.desk.author.to_string();
    let saved = ann
        .post(
            &format!("/admin/articles/{}", article.id),
            &[
                ("version", "1"),
                ("headline", "Storm closes the coast road again"),
                ("lead", "A lead typed and not saved."),
                ("body", "Body."),
                ("section_id", &section),
                ("author_ids", &author_id),
                ("then", "save"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(app.store().autosave(author.id, &slot).await.unwrap(), None);
    let page = app
        .get_page(&mut ann, &format!("/admin/articles/{}", article.id))
        .await;
    assert!(!page.contains("data-autosave-notice"));

    // A request still on its way from before that save is older than it: refused.
    let late = post(
        &app,
        &ann,
        &url(&article),
        &typed("1", "late"),
        Token::Header,
    )
    .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.body);
    assert_eq!(late.json()["error"]["code"], "autosave_superseded");
    assert_eq!(app.store().autosave(author.id, &slot).await.unwrap(), None);
}

#[tokio::test]
async fn an_autosave_made_from_an_older_version_is_stored_and_the_notice_says_so() {
    let app = TestApp::new().await;
    let author = app.account(Role::Author, "ann@example.com").await;
    let editor = app.account(Role::Editor, "ed@example.com").await;
    let article = app.draft(&author, "Harbour bridge reopens").await;
    let mut ann = app.client_for(&author).await;

    // Ann opened version 1; Ed saves version 2 meanwhile.
    let mut theirs = article.draft();
    theirs.lead = "Ed's lead.".into();
    let ed = newsdesk_newsroom::Actor::from_account(&editor);
    newsdesk_newsroom::actions::articles::save(&app.state, &ed, article.id, 1, &theirs)
        .await
        .unwrap();

    let r = post(
        &app,
        &ann,
        &url(&article),
        &typed("1", "Ann's headline"),
        Token::Header,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["stale"], true);
    assert_eq!(r.json()["current_version"], 2);
    let current = app.store().get_article(article.id).await.unwrap();
    assert_eq!(
        (current.version, current.headline.as_str()),
        (2, "Harbour bridge reopens")
    );

    let page = app
        .get_page(&mut ann, &format!("/admin/articles/{}", article.id))
        .await;
    assert!(page.contains("data-autosave-notice"), "{page}");
    assert!(
        page.contains("based on an older version (1) than the one saved now (2)"),
        "{page}"
    );

    // Restored, the form carries version 1: saving it is refused as stale, with both
    // texts shown, rather than replacing Ed's save unseen.
    let page = app
        .get_page(
            &mut ann,
            &format!("/admin/articles/{}?autosave=restore", article.id),
        )
        .await;
    assert!(page.contains("name=\"version\" value=\"1\""), "{page}");
    let section = app.desk.section("en").to_string();
    let refused = ann
        .post(
            &format!("/admin/articles/{}", article.id),
            &[
                ("version", "1"),
                ("headline", "Ann's headline"),
                ("section_id", &section),
                ("then", "save"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert_eq!(
        app.store().get_article(article.id).await.unwrap().lead,
        "Ed's lead."
    );
}

#[tokio::test]
async fn an_autosave_the_same_as_the_article_is_not_offered() {
    let app = TestApp::new().await;
    let author = app.account(Role::Author, "ann@example.com").await;
    let article = app.draft(&author, "Nothing changed").await;
    let mut ann = app.client_for(&author).await;
    let fields = [
        ("version", "1"),
        ("headline", "Nothing changed "),
        ("lead", article.lead.as_str()),
        ("body", article.body.as_str()),
        ("slug", article.slug.as_str()),
    ];
    let r = post(&app, &ann, &url(&article), &fields, Token::Header).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let page = app
        .get_page(&mut ann, &format!("/admin/articles/{}", article.id))
        .await;
    assert!(!page.contains("data-autosave-notice"));
}

#[tokio::test]
async fn who_may_autosave_and_how_requests_are_refused() {
    let app = TestApp::new().await;
    let owner = app.account(Role::Author, "owner@example.com").await;
    let article = app.draft(&owner, "Someone else's story").await;
    let contributor = app.client_as(Role::Contributor).await;

    // Only someone who may edit the article.
    let r = post(
        &app,
        &contributor,
        &url(&article),
        &typed("1", "Mine now"),
        Token::Header,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "forbidden");
    let editor = app.client_as(Role::Editor).await;
    let r = post(
        &app,
        &editor,
        &url(&article),
        &typed("1", "An editor's autosave"),
        Token::Header,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    // No token: refused before anything is read.
    let owner_client = app.client_for(&owner).await;
    let r = post(
        &app,
        &owner_client,
        &url(&article),
        &typed("1", "x"),
        Token::Missing,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let slot = AutosaveSlot::Article(article.id);
    assert_eq!(app.store().autosave(owner.id, &slot).await.unwrap(), None);

    // Over the body's limit: 413, naming the field and the limit.
    let long = "a".repeat(200_001);
    let mut fields = typed("1", "Long");
    fields.push(("body", &long));
    let r = post(&app, &owner_client, &url(&article), &fields, Token::Header).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    let error = &r.json()["error"];
    assert_eq!(error["code"], "payload_too_large");
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("body") && message.contains("200000"),
        "{message}"
    );
    // Over what is read at all: 413 too, as JSON.
    let huge = format!("version=1&body={}", "b".repeat(5 * 1024 * 1024));
    let r = send(
        &app,
        &owner_client,
        &url(&article),
        huge.into_bytes(),
        Token::Header,
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "payload_too_large");
    assert_eq!(app.store().autosave(owner.id, &slot).await.unwrap(), None);

    // A version the form could not have been loaded at.
    let r = post(
        &app,
        &owner_client,
        &url(&article),
        &typed("x", "y"),
        Token::Header,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "version");

    // Logged out, a script is told so.
    let anonymous = app.anonymous();
    let r = post(
        &app,
        &anonymous,
        &url(&article),
        &typed("1", "x"),
        Token::Header,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
}

#[tokio::test]
async fn a_new_article_has_an_autosave_per_edition_until_it_is_created() {
    let app = TestApp::new().await;
    let account = app.account(Role::Contributor, "cora@example.com").await;
    let mut cora = app.client_for(&account).await;
    let r = post(
        &app,
        &cora,
        "/admin/articles/new/autosave?edition=en",
        &[
            ("headline", "A story not saved yet"),
            ("body", "Its first words."),
        ],
        Token::Header,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = post(
        &app,
        &cora,
        "/admin/articles/new/autosave?edition=xx",
        &[("headline", "x")],
        Token::Header,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);

    let page = app
        .get_page(&mut cora, "/admin/articles/new?edition=en")
        .await;
    assert!(page.contains("data-autosave-notice"), "{page}");
    assert!(page.contains("/admin/articles/new/autosave/discard?edition=en"));
    let other = app
        .get_page(&mut cora, "/admin/articles/new?edition=ru")
        .await;
    assert!(!other.contains("data-autosave-notice"));
    let restored = app
        .get_page(&mut cora, "/admin/articles/new?edition=en&autosave=restore")
        .await;
    assert!(
        restored.contains("value=\"A story not saved yet\""),
        "{restored}"
    );

    // Discarded by a script: 204, and the notice is gone.
    let r = post(
        &app,
        &cora,
        "/admin/articles/new/autosave/discard?edition=en",
        &[],
        Token::Header,
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    let page = app
        .get_page(&mut cora, "/admin/articles/new?edition=en")
        .await;
    assert!(!page.contains("data-autosave-notice"));

    // Autosaved again, then created: the new article's autosave is spent.
    post(
        &app,
        &cora,
        "/admin/articles/new/autosave?edition=en",
        &[("headline", "Again")],
        Token::Header,
    )
    .await;
    let created = cora
        .post(
            "/admin/articles/new",
            &[("edition", "en"), ("headline", "Again"), ("then", "save")],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let slot = AutosaveSlot::New("en".into());
    assert_eq!(app.store().autosave(account.id, &slot).await.unwrap(), None);
}

#[tokio::test]
async fn discarding_without_a_script_goes_back_to_the_editor() {
    let app = TestApp::new().await;
    let author = app.account(Role::Author, "ann@example.com").await;
    let article = app.draft(&author, "Discard me").await;
    let mut ann = app.client_for(&author).await;
    post(
        &app,
        &ann,
        &url(&article),
        &typed("1", "Typed"),
        Token::Header,
    )
    .await;
    let r = ann
        .post(
            &format!("/admin/articles/{}/autosave/discard", article.id),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("/admin/articles/{}", article.id));
    let slot = AutosaveSlot::Article(article.id);
    assert_eq!(app.store().autosave(author.id, &slot).await.unwrap(), None);
}

#[tokio::test]
async fn the_editor_counts_words_and_reading_time() {
    let app = TestApp::new().await;
    let author = app.account(Role::Author, "ann@example.com").await;
    let mut draft = app.publishable_draft("en", "A long read");
    // 460 words in three scripts, an embed line that is not a word, punctuation that is not.
    draft.body = format!(
        "{}\n\n::quote[Not counted]{{cite=\"Nobody\"}}\n\n{} —\n\n{}",
        "word ".repeat(230),
        "слово ".repeat(115),
        "كلمة ".repeat(115)
    );
    let actor = newsdesk_newsroom::Actor::from_account(&author);
    let article = newsdesk_newsroom::actions::articles::create(&app.state, &actor, &draft)
        .await
        .unwrap();
    let mut ann = app.client_for(&author).await;
    let page = app
        .get_page(&mut ann, &format!("/admin/articles/{}", article.id))
        .await;
    assert!(
        page.contains("<span data-word-count>460 words · 2 min read</span>"),
        "{page}"
    );
}

impl TestApp {
    /// The page at `uri` as `client` sees it, unescaped, after asserting it is a 200.
    async fn get_page(&self, client: &mut Client<'_>, uri: &str) -> String {
        let page = client.get(uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.body);
        unescape(&page.body)
    }
}
