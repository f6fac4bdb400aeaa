//! Logging in and out, wrong passwords, rate limits, CSRF, disabled accounts, set-password
//! links and API tokens.

use http::StatusCode;
use newsdesk_core::Role;
use newsdesk_newsroom::actions;
use newsdesk_newsroom::auth::extract::bearer_actor;
use newsdesk_site::HttpError;

use crate::support::{PASSWORD, TestApp};

#[tokio::test]
async fn staff_log_in_and_out() {
    let app = TestApp::new().await;
    app.account(Role::Editor, "ed@example.com").await;
    let mut browser = app.anonymous();

    let redirect = browser.get("/admin/articles").await;
    assert!(redirect.is_login_redirect(), "{redirect:?}");
    assert_eq!(redirect.location(), "/admin/login?next=%2Fadmin%2Farticles");

    let page = browser.get("/admin/login").await;
    let presession = page.header("set-cookie");
    assert!(
        presession.starts_with("nd_csrf=") && presession.contains("HttpOnly"),
        "{presession}"
    );

    let done = browser.login("ED@example.com", PASSWORD).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/admin");
    let cookie = done
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("nd_session="))
        .unwrap()
        .to_owned();
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age="] {
        assert!(
            cookie.contains(attribute),
            "{attribute} missing from {cookie}"
        );
    }
    assert!(!cookie.contains("Secure"), "test config serves plain HTTP");
    // Only the token's hash is stored: the raw token does not find a session.
    let token = browser.cookies["nd_session"].clone();
    assert!(app.store().session("staff", &token).await.is_err());

    let dashboard = browser.get("/admin").await;
    assert_eq!(dashboard.status, StatusCode::OK);
    assert!(dashboard.body.contains("editor ed@example.com"));
    assert_eq!(dashboard.header("cache-control"), "private, no-store");
    browser.take_csrf_from(&dashboard);

    let out = browser.post("/admin/logout", &[]).await;
    assert_eq!(out.location(), "/admin/login");
    assert!(!browser.cookies.contains_key("nd_session"));
    // The old cookie, replayed, no longer works: the session row is gone.
    browser.cookies.insert("nd_session".into(), token);
    assert!(browser.get("/admin").await.is_login_redirect());
}

#[tokio::test]
async fn wrong_passwords_and_unknown_emails_get_the_same_answer() {
    let app = TestApp::new().await;
    app.account(Role::Editor, "ed@example.com").await;
    let mut browser = app.anonymous();
    let wrong = browser.login("ed@example.com", "not the password").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("Wrong email or password."));
    assert!(!browser.cookies.contains_key("nd_session"));
    let unknown = browser
        .login("nobody@example.com", "not the password")
        .await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert!(unknown.body.contains("Wrong email or password."));
    // The email typed is kept in the form.
    assert!(unknown.body.contains("value=\"nobody@example.com\""));
}

#[tokio::test]
async fn login_attempts_are_rate_limited_per_account_and_per_address() {
    let app = TestApp::new().await;
    app.account(Role::Editor, "ed@example.com").await;
    let mut guesser = app.anonymous();
    guesser.ip = "203.0.113.9:4000".parse().unwrap();
    for _ in 0..5 {
        assert_eq!(
            guesser.login("ed@example.com", "guess").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // The guesser is locked out of this account, even with the right password...
    let limited = guesser.login("ed@example.com", PASSWORD).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        limited
            .body
            .contains("Too many login attempts for this account"),
        "{}",
        limited.body
    );
    let retry: u64 = limited.header("retry-after").parse().unwrap();
    assert!((60..=900).contains(&retry), "Retry-After {retry}");
    assert!(!guesser.cookies.contains_key("nd_session"));

    // ...but the owner, from their own address, is not: a trickle of wrong guesses cannot
    // keep a staff member out of their account.
    let mut owner = app.anonymous();
    owner.ip = "198.51.100.7:4000".parse().unwrap();
    let ok = owner.login("ed@example.com", PASSWORD).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    // And the owner is told, on the dashboard, from where.
    let dashboard = owner.get("/admin").await;
    assert!(
        dashboard
            .body
            .contains("Someone may be guessing your password"),
        "{}",
        dashboard.body
    );
    assert!(dashboard.body.contains("203.0.113.9"), "{}", dashboard.body);
    // Only once: after the next login, the notice is gone.
    let mut again = app.anonymous();
    again.ip = "198.51.100.7:4001".parse().unwrap();
    assert_eq!(
        again.login("ed@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let dashboard = again.get("/admin").await;
    assert!(!dashboard.body.contains("Someone may be guessing"));

    // Per address: a small IP quota, many different emails from one machine.
    let app = TestApp::with_limits(newsdesk_newsroom::auth::LoginLimits::new(3, 5)).await;
    let mut browser = app.anonymous();
    for n in 0..3 {
        let r = browser.login(&format!("u{n}@example.com"), "guess").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let limited = browser.login("u9@example.com", "guess").await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        limited
            .body
            .contains("Too many login attempts from your network")
    );
    // Another address is not affected.
    browser.ip = "198.51.100.7:4000".parse().unwrap();
    assert_eq!(
        browser.login("u9@example.com", "guess").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_guesser_rotating_addresses_slows_the_owner_down_but_never_locks_them_out() {
    let limits = newsdesk_newsroom::auth::LoginLimits::new(30, 2).with_window(
        std::time::Duration::from_secs(900),
        std::time::Duration::from_millis(20),
    );
    let app = TestApp::with_limits(limits).await;
    app.account(Role::Editor, "ed@example.com").await;
    // Eight addresses, one wrong guess each: the account is under attack.
    for n in 0..8 {
        let mut guesser = app.anonymous();
        guesser.ip = format!("203.0.113.{n}:4000").parse().unwrap();
        assert_eq!(
            guesser.login("ed@example.com", "guess").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // A client that has already failed on this account is refused, right password or not.
    let mut guesser = app.anonymous();
    guesser.ip = "203.0.113.3:4001".parse().unwrap();
    assert_eq!(
        guesser.login("ed@example.com", PASSWORD).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The owner, who has not failed, gets in.
    let mut owner = app.anonymous();
    owner.ip = "198.51.100.7:4000".parse().unwrap();
    assert_eq!(
        owner.login("ed@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn forms_without_the_csrf_token_are_refused() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    // The fixture newsroom's own section is there from the start.
    let before = app.store().list_sections("en").await.unwrap().len();

    let missing = editor
        .post_raw("/admin/sections", &[("edition", "en"), ("name", "World")])
        .await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert!(missing.body.contains("reload the page"), "{}", missing.body);
    let wrong = editor
        .post_raw(
            "/admin/sections",
            &[("csrf", "forged"), ("edition", "en"), ("name", "World")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store().list_sections("en").await.unwrap().len(), before);

    let ok = editor
        .post("/admin/sections", &[("edition", "en"), ("name", "World")])
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(
        app.store().list_sections("en").await.unwrap().len(),
        before + 1
    );

    // The login form has its own (pre-session, double-submit) token.
    app.account(Role::Editor, "ed@example.com").await;
    let mut browser = app.anonymous();
    let no_cookie = browser
        .post_raw(
            "/admin/login",
            &[
                ("csrf", "x"),
                ("email", "ed@example.com"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(no_cookie.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn disabled_accounts_cannot_log_in_and_their_sessions_end() {
    let app = TestApp::new().await;
    let account = app.account(Role::Author, "au@example.com").await;
    let mut author = app.client_for(&account).await;
    assert_eq!(author.get("/admin").await.status, StatusCode::OK);

    let mut admin = app.client_as(Role::Admin).await;
    let r = admin
        .post(&format!("/admin/staff/{}/disable", account.id), &[])
        .await;
    assert_eq!(r.location(), "/admin/staff?done=disabled");

    assert!(author.get("/admin").await.is_login_redirect());
    let mut browser = app.anonymous();
    let refused = browser.login("au@example.com", PASSWORD).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(refused.body.contains("disabled"));

    let audit = app.store().list_audit(10, 0).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "account.disable" && e.target == format!("account:{}", account.id)));
}

#[tokio::test]
async fn an_invitation_link_sets_a_password_once() {
    let app = TestApp::new().await;
    let mut admin = app.client_as(Role::Admin).await;
    let page = admin
        .post(
            "/admin/staff",
            &[
                ("email", "New@Example.com"),
                ("name", "Nina New"),
                ("role", "author"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let body = crate::support::unescape(&page.body);
    let start = body.find("/admin/password/").unwrap();
    let link = body[start..].split('"').next().unwrap().to_owned();

    // Until the link is used, no password logs in (not even the link's secret).
    let secret = link.rsplit('.').next().unwrap().to_owned();
    let mut browser = app.anonymous();
    assert_eq!(
        browser.login("new@example.com", &secret).await.status,
        StatusCode::UNAUTHORIZED
    );

    let form = browser.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Welcome, Nina New"));
    let csrf = browser.cookies["nd_csrf"].clone();
    let short = browser
        .post_raw(
            &link,
            &[("csrf", &csrf), ("password", "short"), ("confirm", "short")],
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    let pw = "a long enough passphrase";
    let done = browser
        .post_raw(&link, &[("csrf", &csrf), ("password", pw), ("confirm", pw)])
        .await;
    assert_eq!(done.location(), "/admin");
    assert_eq!(browser.get("/admin").await.status, StatusCode::OK);

    // Used once: gone.
    let mut other = app.anonymous();
    assert_eq!(other.get(&link).await.status, StatusCode::GONE);
    assert_eq!(
        other.login("new@example.com", pw).await.location(),
        "/admin"
    );
}

#[tokio::test]
async fn api_tokens_act_with_their_role_until_revoked() {
    let app = TestApp::new().await;
    let admin = app.account(Role::Admin, "admin@example.com").await;
    let created =
        actions::tokens::issue(app.store(), "wire importer", Role::Author, Some(admin.id))
            .await
            .unwrap();
    assert!(created.secret.starts_with("nd_"));
    let actor = bearer_actor(&app.state, &created.secret).await.unwrap();
    assert_eq!(
        (actor.role, actor.account_id, actor.token_id),
        (Role::Author, Some(admin.id), Some(created.token.id))
    );

    assert!(matches!(
        bearer_actor(&app.state, "nd_not-a-token").await,
        Err(HttpError::Unauthorized)
    ));
    assert!(matches!(
        bearer_actor(&app.state, "garbage").await,
        Err(HttpError::Unauthorized)
    ));

    let mut browser = app.client_for(&admin).await;
    let r = browser
        .post(&format!("/admin/tokens/{}/revoke", created.token.id), &[])
        .await;
    assert_eq!(r.location(), "/admin/tokens?done=revoked");
    assert!(matches!(
        bearer_actor(&app.state, &created.secret).await,
        Err(HttpError::Unauthorized)
    ));
}

/// A token acts with the lesser of its role and its creator's current role, and dies with
/// its creator: an admin's token must not go on inviting admins after the admin is demoted
/// or disabled.
#[tokio::test]
async fn api_tokens_never_outlive_their_creators_rights() {
    let app = TestApp::new().await;
    let admin = app.account(Role::Admin, "boss@example.com").await;
    let created = actions::tokens::issue(app.store(), "automation", Role::Admin, Some(admin.id))
        .await
        .unwrap();
    let actor = bearer_actor(&app.state, &created.secret).await.unwrap();
    assert_eq!(actor.role, Role::Admin);

    app.store()
        .set_account_role(admin.id, Role::Editor)
        .await
        .unwrap();
    let actor = bearer_actor(&app.state, &created.secret).await.unwrap();
    assert_eq!(actor.role, Role::Editor, "demoted with its account");
    let invite = app
        .send(
            http::Request::post("/api/v1/admin/staff")
                .header("authorization", format!("Bearer {}", created.secret))
                .header("content-type", "application/json")
                .body(axum::body::Body::from(
                    r#"{"email":"new@example.com","name":"New","role":"admin"}"#,
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(invite.status, StatusCode::FORBIDDEN, "{}", invite.body);

    app.store()
        .set_account_disabled(admin.id, true)
        .await
        .unwrap();
    assert!(matches!(
        bearer_actor(&app.state, &created.secret).await,
        Err(HttpError::Unauthorized)
    ));
}

#[tokio::test]
async fn logged_out_json_requests_get_401_and_readers_403() {
    let app = TestApp::new().await;
    let mut anonymous = app.anonymous();
    let r = anonymous.get_json("/admin/search/articles?q=abc").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.json()["error"]["code"], "unauthorized");
    let mut reader = app.client_as(Role::Reader).await;
    assert_eq!(reader.get("/admin").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        reader.get_json("/admin/search/articles?q=abc").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn sessions_slide_forward_while_in_use_and_cookies_are_secure_behind_tls() {
    let app = TestApp::secure().await;
    let account = app.account(Role::Editor, "ed@example.com").await;
    // A session with an hour left (past half-life) is renewed on use, same token.
    let token = "a-session-token-for-this-test-only-0123456789";
    let hash = newsdesk_newsroom::auth::token::hash_secret(token);
    let soon = chrono::Utc::now() + chrono::Duration::hours(1);
    app.store()
        .create_session("staff", &hash, account.id, "csrf-token", soon)
        .await
        .unwrap();
    let mut browser = app.anonymous();
    browser.cookies.insert("nd_session".into(), token.into());
    let page = browser.get("/admin").await;
    assert_eq!(page.status, StatusCode::OK);
    let cookie = page.header("set-cookie");
    assert!(
        cookie.starts_with(&format!("nd_session={token}"))
            && cookie.contains("Secure")
            && cookie.contains("Max-Age=43200"),
        "{cookie}"
    );
    let (session, _) = app.store().session("staff", &hash).await.unwrap();
    assert!(session.expires_at > chrono::Utc::now() + chrono::Duration::hours(11));
    assert_eq!(session.csrf_token, "csrf-token", "open forms keep working");

    // A fresh session is not rewritten on every request.
    let mut fresh = app.client_for(&account).await;
    assert_eq!(fresh.get("/admin").await.header("set-cookie"), "");

    // Login cookies are Secure too.
    let mut login = app.anonymous();
    assert!(
        login
            .get("/admin/login")
            .await
            .header("set-cookie")
            .contains("Secure")
    );
}

#[tokio::test]
async fn readers_cannot_log_in_to_the_newsroom() {
    let app = TestApp::new().await;
    app.account(Role::Reader, "reader@example.com").await;
    let mut browser = app.anonymous();
    let r = browser.login("reader@example.com", PASSWORD).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.contains("no access to the newsroom"));
    assert!(!browser.cookies.contains_key("nd_session"));
}

#[tokio::test]
async fn login_returns_to_the_page_asked_for_but_never_off_site() {
    let app = TestApp::new().await;
    app.account(Role::Editor, "ed@example.com").await;
    let mut browser = app.anonymous();
    browser.get("/admin/login").await;
    let csrf = browser.cookies["nd_csrf"].clone();
    let fields = |next: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("email", "ed@example.com".to_owned()),
            ("password", PASSWORD.to_owned()),
            ("next", next.to_owned()),
        ]
    };
    let pairs = fields("/admin/articles?status=draft");
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        browser.post_raw("/admin/login", &refs).await.location(),
        "/admin/articles?status=draft"
    );

    let mut other = app.anonymous();
    other.get("/admin/login").await;
    let csrf = other.cookies["nd_csrf"].clone();
    let evil = [
        ("csrf", csrf.as_str()),
        ("email", "ed@example.com"),
        ("password", PASSWORD),
        ("next", "//evil.example/admin"),
    ];
    assert_eq!(
        other.post_raw("/admin/login", &evil).await.location(),
        "/admin"
    );
}

/// Staff and reader sessions are distinct kinds: a reader's session token never opens the
/// newsroom, even when an account with a staff role owns it and it is sent in the staff
/// cookie.
#[tokio::test]
async fn a_reader_session_never_opens_the_newsroom() {
    let app = TestApp::new().await;
    let account = app.account(Role::Admin, "both@example.com").await;
    let token = "a-reader-session-token-for-this-test-0123456789";
    let hash = newsdesk_newsroom::auth::token::hash_secret(token);
    let later = chrono::Utc::now() + chrono::Duration::hours(8);
    app.store()
        .create_session("reader", &hash, account.id, "csrf", later)
        .await
        .unwrap();
    for cookie in ["nd_session", "nd_reader"] {
        let mut browser = app.anonymous();
        browser.cookies.insert(cookie.into(), token.into());
        let page = browser.get("/admin").await;
        assert_eq!(
            page.status,
            StatusCode::SEE_OTHER,
            "{cookie}: {}",
            page.body
        );
        assert!(
            page.header("location").starts_with("/admin/login"),
            "{cookie}"
        );
        let api = browser.get("/api/v1/admin/articles").await;
        assert_eq!(api.status, StatusCode::UNAUTHORIZED, "{cookie}");
    }
}

/// A `next` carrying CR/LF (header injection) is replaced by `/admin`, not a 500 after the
/// session was made; an over-long search is a clear 4xx, not a database error.
#[tokio::test]
async fn bad_next_and_overlong_searches_are_refused_cleanly() {
    let app = TestApp::new().await;
    let account = app.account(Role::Editor, "nl@example.com").await;
    let mut browser = app.anonymous();
    let page = browser.get("/admin/login").await;
    assert_eq!(page.status, StatusCode::OK);
    browser.csrf = browser.cookies.get("nd_csrf").cloned().unwrap_or_default();
    let csrf = browser.csrf.clone();
    let done = browser
        .post_raw(
            "/admin/login",
            &[
                ("csrf", &csrf),
                ("email", &account.email),
                ("password", PASSWORD),
                ("next", "/admin\r\nSet-Cookie: evil=1"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.header("location"), "/admin");

    let mut editor = app.client_for(&account).await;
    let long = "x".repeat(50_001);
    for path in ["/admin/search/articles?q=", "/admin/search/photos?q="] {
        let r = editor.get_json(&format!("{path}{long}")).await;
        assert!(
            r.status.is_client_error(),
            "{path}: {} {}",
            r.status,
            r.body
        );
        assert!(r.body.contains("200 characters"), "{}", r.body);
    }
}
