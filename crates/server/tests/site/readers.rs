//! Readers' accounts through the assembled router: register, the confirmation email (as
//! queued for the mail worker), confirm, log in and out, limits, and the newsroom shut.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::collections::BTreeMap;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use newsdesk_auth::ReaderLimits;
use newsdesk_core::Role;
use newsdesk_store::JobFilter;
use tower::ServiceExt;

use crate::support::{TestApp, TestResponse};

const PASSWORD: &str = "a long enough password";

/// A browser: keeps cookies, posts forms with the page's CSRF token.
pub struct Browser {
    router: Router,
    pub cookies: BTreeMap<String, String>,
}

impl Browser {
    pub fn new(app: &TestApp, limits: ReaderLimits) -> Self {
        let options = newsdesk_server::Options {
            reader_limits: limits,
            ..Default::default()
        };
        Self {
            router: newsdesk_server::router_with(app.state.clone(), options),
            cookies: BTreeMap::new(),
        }
    }

    pub async fn send(&mut self, request: http::request::Builder, body: String) -> TestResponse {
        let cookie = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let request = request
            .header("cookie", cookie)
            .body(Body::from(body))
            .unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        for value in response.headers().get_all("set-cookie") {
            let value = value.to_str().unwrap();
            let (pair, _) = value.split_once(';').unwrap_or((value, ""));
            let (name, v) = pair.split_once('=').unwrap();
            if v.is_empty() || value.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), v.to_owned());
            }
        }
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            bytes: bytes.to_vec(),
        }
    }

    /// This browser's cookies in a router with other limits.
    pub fn with_limits(&self, app: &TestApp, limits: ReaderLimits) -> Browser {
        let mut b = Browser::new(app, limits);
        b.cookies = self.cookies.clone();
        b
    }

    /// Logs in with the fixture password through the login form.
    pub async fn log_in(&mut self, email: &str) {
        let csrf = self.csrf("/en/account/login").await;
        let r = self
            .post(
                "/en/account/login",
                &[("email", email), ("password", PASSWORD), ("csrf", &csrf)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    }

    pub async fn get(&mut self, uri: &str) -> TestResponse {
        self.send(Request::get(uri), String::new()).await
    }

    pub async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.send(
            Request::post(uri).header("content-type", "application/x-www-form-urlencoded"),
            body,
        )
        .await
    }

    /// The CSRF token of the first form on the page at `uri`.
    async fn csrf(&mut self, uri: &str) -> String {
        let page = self.get(uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.text());
        csrf_of(&page.text())
    }
}

fn csrf_of(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token");
    let rest = &html[at + 19..];
    rest[..rest.find('"').unwrap()].to_owned()
}

/// The messages queued for the mail worker, oldest first: (to, subject, text, html).
async fn outbox(app: &TestApp) -> Vec<(String, String, String, String)> {
    let mut jobs = app.store().list_jobs(JobFilter::All, 100).await.unwrap();
    jobs.retain(|j| j.kind == "send_email");
    jobs.reverse();
    jobs.into_iter()
        .map(|j| {
            let e = &j.payload["email"];
            let s = |k: &str| e[k].as_str().unwrap().to_owned();
            (s("to"), s("subject"), s("text"), s("html"))
        })
        .collect()
}

/// The path of the first link in `text` that goes to `/…/account/{kind}/`.
fn link_in(text: &str, kind: &str) -> String {
    let marker = format!("/account/{kind}/");
    let at = text.find(&marker).expect("a link in the message");
    let start = text[..at].rfind("http").unwrap();
    let url = text[start..].split_whitespace().next().unwrap();
    url.trim_start_matches("http://127.0.0.1:8080").to_owned()
}

pub async fn register(b: &mut Browser, edition: &str, name: &str, email: &str) -> TestResponse {
    let csrf = b.csrf(&format!("/{edition}/account/register")).await;
    b.post(
        &format!("/{edition}/account/register"),
        &[
            ("name", name),
            ("email", email),
            ("password", PASSWORD),
            ("csrf", &csrf),
            ("next", "/ar"),
        ],
    )
    .await
}

#[tokio::test]
async fn a_reader_registers_on_the_arabic_edition_confirms_and_logs_in() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app, ReaderLimits::default());

    let form = b.get("/ar/account/register").await;
    assert_eq!(form.status, StatusCode::OK);
    let html = form.text();
    assert!(
        html.contains("<html lang=\"ar\" dir=\"rtl\""),
        "Arabic page: {html}"
    );
    assert!(html.contains("إنشاء حساب"));
    assert_eq!(form.header("cache-control"), "private, no-store");

    let done = register(&mut b, "ar", "ليلى", "Layla@Example.com").await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text());
    assert!(done.text().contains("layla@example.com"));
    let account = app
        .store()
        .account_by_email("layla@example.com")
        .await
        .unwrap()
        .0;
    assert_eq!(account.role, Role::Reader);
    assert_eq!(account.email_confirmed_at, None);

    let mail = outbox(&app).await;
    assert_eq!(mail.len(), 1, "one confirmation message");
    let (to, subject, text, html) = &mail[0];
    assert_eq!(to, "layla@example.com");
    assert!(subject.contains("أكّد بريدك الإلكتروني"), "{subject}");
    assert!(html.contains("dir=\"rtl\"") && html.contains("ليلى"));
    let link = link_in(text, "confirm");
    assert!(html.contains(&link), "the same link in both parts");

    // The emailed link opens a page with a button: following the link alone (as a mail
    // scanner does) confirms nothing.
    let csrf = b.csrf(&link).await;
    assert_eq!(
        app.store()
            .get_account(account.id)
            .await
            .unwrap()
            .email_confirmed_at,
        None
    );
    let confirmed = b.post(&link, &[("csrf", &csrf)]).await;
    assert_eq!(
        confirmed.status,
        StatusCode::SEE_OTHER,
        "{}",
        confirmed.text()
    );
    assert_eq!(confirmed.header("location"), "/ar/account?confirmed=1");
    assert!(b.cookies.contains_key("nd_reader"), "logged in");
    let home = b.get("/ar/account?confirmed=1").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.text().contains("تم تأكيد بريدك الإلكتروني"));
    assert!(
        app.store()
            .get_account(account.id)
            .await
            .unwrap()
            .email_confirmed_at
            .is_some()
    );

    // The link was single-use.
    let csrf = b.csrf(&link).await;
    let again = b.post(&link, &[("csrf", &csrf)]).await;
    assert_eq!(again.status, StatusCode::GONE);

    // Log out, then log in with the password.
    let csrf = csrf_of(&b.get("/ar/account").await.text());
    let out = b.post("/ar/account/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(!b.cookies.contains_key("nd_reader"));
    let home = b.get("/ar/account").await;
    assert_eq!(home.header("location"), "/ar/account/login");

    let csrf = b.csrf("/ar/account/login?next=/ar").await;
    let wrong = b
        .post(
            "/ar/account/login",
            &[
                ("email", "layla@example.com"),
                ("password", "not the password"),
                ("csrf", &csrf),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.text().contains("غير صحيحة"));
    let ok = b
        .post(
            "/ar/account/login",
            &[
                ("email", "LAYLA@example.com"),
                ("password", PASSWORD),
                ("csrf", &csrf),
                ("next", "/ar"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());
    assert_eq!(ok.header("location"), "/ar");
    let set_cookie = ok.header("set-cookie");
    assert!(
        set_cookie.starts_with("nd_reader=")
            && set_cookie.contains("HttpOnly")
            && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
}

#[tokio::test]
async fn registering_a_taken_address_looks_the_same_and_tells_the_owner() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app, ReaderLimits::default());
    let first = register(&mut b, "en", "Ann", "ann@example.com").await;
    let mut other = Browser::new(&app, ReaderLimits::default());
    let second = register(&mut other, "en", "Not Ann", "ann@example.com").await;
    assert_eq!(first.status, second.status);
    let strip = |r: &TestResponse| r.text().replace(&csrf_or_empty(&r.text()), "");
    assert_eq!(strip(&first), strip(&second), "the page does not tell");
    let mail = outbox(&app).await;
    assert_eq!(mail.len(), 2);
    assert!(mail[1].1.contains("Your account"), "{:?}", mail[1].1);
    assert!(mail[1].2.contains("/en/account/login"));
    // A newsroom address is not a reader's: the owner is told to use another.
    app.store()
        .create_account("editor@example.com", "Ed", Role::Editor, "h")
        .await
        .unwrap();
    let mut third = Browser::new(&app, ReaderLimits::default());
    let staff = register(&mut third, "en", "Ed", "editor@example.com").await;
    assert_eq!(staff.status, StatusCode::OK);
    let mail = outbox(&app).await;
    assert!(mail[2].2.contains("newsroom account"), "{}", mail[2].2);
}

fn csrf_or_empty(html: &str) -> String {
    if html.contains("name=\"csrf\"") {
        csrf_of(html)
    } else {
        String::new()
    }
}

#[tokio::test]
async fn bad_registrations_say_what_to_fix_and_keep_what_was_typed() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app, ReaderLimits::default());
    let csrf = b.csrf("/ru/account/register").await;
    for (name, email, password, says) in [
        ("", "a@example.com", PASSWORD, "Укажите имя"),
        ("Анна", "not-an-address", PASSWORD, "Укажите адрес"),
        ("Анна", "a@example.com", "short", "Выберите пароль"),
    ] {
        let r = b
            .post(
                "/ru/account/register",
                &[
                    ("name", name),
                    ("email", email),
                    ("password", password),
                    ("csrf", &csrf),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text();
        assert!(html.contains(says), "{says}: {html}");
        assert!(
            html.contains(&format!("value=\"{email}\"")),
            "the address stays"
        );
        assert!(
            !html.contains(password) || password.is_empty(),
            "a password is never echoed"
        );
    }
    // Without the form's token: refused, nothing created.
    let forged = b
        .post(
            "/ru/account/register",
            &[
                ("name", "X"),
                ("email", "x@example.com"),
                ("password", PASSWORD),
                ("csrf", "forged"),
            ],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(app.store().account_by_email("x@example.com").await.is_err());
    assert!(outbox(&app).await.is_empty());
}

#[tokio::test]
async fn registration_and_login_are_rate_limited_with_retry_after() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app, ReaderLimits::tight(2, Duration::from_secs(3600)));
    for n in 0..2 {
        let r = register(&mut b, "en", "Reader", &format!("r{n}@example.com")).await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let refused = register(&mut b, "en", "Reader", "r9@example.com").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.header("retry-after").parse::<u64>().unwrap() > 0);
    assert!(
        app.store()
            .account_by_email("r9@example.com")
            .await
            .is_err()
    );

    // Wrong passwords lock this client out of the address, saying so, whether the address
    // exists or not.
    for email in ["r0@example.com", "nobody@example.com"] {
        let csrf = b.csrf("/en/account/login").await;
        let mut last = StatusCode::OK;
        for _ in 0..4 {
            last = b
                .post(
                    "/en/account/login",
                    &[
                        ("email", email),
                        ("password", "wrong password!"),
                        ("csrf", &csrf),
                    ],
                )
                .await
                .status;
        }
        assert_eq!(last, StatusCode::TOO_MANY_REQUESTS, "{email}");
    }
}

#[tokio::test]
async fn a_locked_out_login_recovers_once_the_window_is_over() {
    let app = TestApp::new().await;
    confirmed_reader(&app, "hal@example.com").await;
    // Two wrong passwords lock the client out of the address for the window; the address
    // bucket is wide, so the lock-out is what is tested.
    let limits = ReaderLimits {
        login: newsdesk_auth::LoginLimits::new(100, 2)
            .with_window(Duration::from_millis(700), Duration::ZERO),
        ..ReaderLimits::default()
    };
    let mut b = Browser::new(&app, limits);
    let csrf = b.csrf("/en/account/login").await;
    let attempt = |password: &'static str| {
        [
            ("email", "hal@example.com"),
            ("password", password),
            ("csrf", csrf.as_str()),
        ]
    };
    let mut last = StatusCode::OK;
    for _ in 0..3 {
        last = b
            .post("/en/account/login", &attempt("wrong password!"))
            .await
            .status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    let locked = b.post("/en/account/login", &attempt(PASSWORD)).await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    let ok = b.post("/en/account/login", &attempt(PASSWORD)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());
}

#[tokio::test]
async fn a_reader_session_never_opens_the_newsroom_and_staff_cannot_log_in_as_readers() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app, ReaderLimits::default());
    register(&mut b, "en", "Rita", "rita@example.com").await;
    let (_, _, text, _) = outbox(&app).await.remove(0);
    let link = link_in(&text, "confirm");
    let csrf = b.csrf(&link).await;
    b.post(&link, &[("csrf", &csrf)]).await;
    let reader_token = b.cookies.get("nd_reader").cloned().unwrap();
    // The reader's token, in either cookie, is no staff session.
    for cookie in ["nd_reader", "nd_session"] {
        b.cookies.clear();
        b.cookies.insert(cookie.to_owned(), reader_token.clone());
        let admin = b.get("/admin").await;
        assert!(
            admin.status == StatusCode::SEE_OTHER || admin.status == StatusCode::UNAUTHORIZED,
            "{cookie}: {}",
            admin.status
        );
        let api = b.get("/api/v1/admin/articles").await;
        assert_eq!(api.status, StatusCode::UNAUTHORIZED, "{cookie}");
    }
    // A staff member's password does not open a reader session.
    let hash = newsdesk_auth::password::hash_password(PASSWORD)
        .await
        .unwrap();
    app.store()
        .create_account("chief@example.com", "Chief", Role::Admin, &hash)
        .await
        .unwrap();
    let mut c = Browser::new(&app, ReaderLimits::default());
    let csrf = c.csrf("/en/account/login").await;
    let r = c
        .post(
            "/en/account/login",
            &[
                ("email", "chief@example.com"),
                ("password", PASSWORD),
                ("csrf", &csrf),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(!c.cookies.contains_key("nd_reader"));
}

#[tokio::test]
async fn every_link_of_the_discussion_prompt_answers() {
    let app = TestApp::new().await;
    for article in [&app.fx.lead, &app.fx.russian, &app.fx.arabic] {
        let page = app.get(&article.path()).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.text();
        for kind in ["login", "register"] {
            let marker = format!("href=\"/{}/account/{kind}?next=", article.edition);
            let at = html
                .find(&marker)
                .unwrap_or_else(|| panic!("{marker} in {}", article.path()));
            let href = &html[at + 6..];
            let href = href[..href.find('"').unwrap()].replace("&amp;", "&");
            let target = app.get(&href).await;
            assert_eq!(target.status, StatusCode::OK, "{href}");
            assert!(
                target
                    .text()
                    .contains(&format!("lang=\"{}\"", article.edition))
            );
        }
    }
}

/// Registers, confirms and returns a logged-in browser for `email`.
pub async fn confirmed_reader(app: &TestApp, email: &str) -> Browser {
    confirmed_reader_named(app, email, "Reader").await
}

/// A reader who registered under `name` through the form and confirmed by the emailed link.
pub async fn confirmed_reader_named(app: &TestApp, email: &str, name: &str) -> Browser {
    let mut b = Browser::new(app, ReaderLimits::default());
    register(&mut b, "en", name, email).await;
    let mail = outbox(app).await;
    let (_, _, text, _) = mail.iter().rev().find(|m| m.0 == email).unwrap();
    let link = link_in(text, "confirm");
    let csrf = b.csrf(&link).await;
    let r = b.post(&link, &[("csrf", &csrf)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    b
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_link_and_other_devices_are_logged_out() {
    let app = TestApp::new().await;
    let mut phone = confirmed_reader(&app, "sam@example.com").await;
    let mut laptop = Browser::new(&app, ReaderLimits::default());
    let before = outbox(&app).await.len();
    for email in ["sam@example.com", "nobody@example.com"] {
        let csrf = laptop.csrf("/en/account/forgot").await;
        let r = laptop
            .post("/en/account/forgot", &[("email", email), ("csrf", &csrf)])
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.text().contains(email), "the same answer for {email}");
    }
    let mail = outbox(&app).await;
    assert_eq!(
        mail.len(),
        before + 1,
        "only the real reader gets a message"
    );
    let (to, subject, text, _) = mail.last().unwrap();
    assert_eq!(
        (to.as_str(), subject.as_str()),
        ("sam@example.com", "Set a new password for Newsdesk")
    );
    let link = link_in(text, "reset");
    let csrf = laptop.csrf(&link).await;
    let short = laptop
        .post(&link, &[("password", "short"), ("csrf", &csrf)])
        .await;
    assert_eq!(
        short.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the link survives a bad password"
    );
    let done = laptop
        .post(
            &link,
            &[("password", "a brand new password"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    assert!(laptop.get("/en/account").await.status == StatusCode::OK);
    assert_eq!(
        phone.get("/en/account").await.header("location"),
        "/en/account/login",
        "the phone's session ended with the old password"
    );
    let csrf = phone.csrf("/en/account/login").await;
    let old = phone
        .post(
            "/en/account/login",
            &[
                ("email", "sam@example.com"),
                ("password", PASSWORD),
                ("csrf", &csrf),
            ],
        )
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let landing = laptop.get(&link).await.text();
    let again = laptop
        .post(
            &link,
            &[
                ("password", "a brand new password"),
                ("csrf", &csrf_or_empty(&landing)),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::GONE, "single use");
}

#[tokio::test]
async fn a_login_link_logs_in_once() {
    let app = TestApp::new().await;
    confirmed_reader(&app, "lin@example.com").await;
    let mut b = Browser::new(&app, ReaderLimits::default());
    let csrf = b.csrf("/en/account/magic").await;
    b.post(
        "/en/account/magic",
        &[("email", "lin@example.com"), ("csrf", &csrf)],
    )
    .await;
    let (_, _, text, _) = outbox(&app).await.pop().unwrap();
    let link = link_in(&text, "magic");
    let csrf = b.csrf(&link).await;
    assert!(
        !b.cookies.contains_key("nd_reader"),
        "opening the link alone logs nobody in"
    );
    let r = b.post(&link, &[("csrf", &csrf)]).await;
    assert_eq!(r.header("location"), "/en/account");
    assert!(b.cookies.contains_key("nd_reader"));
    let mut other = Browser::new(&app, ReaderLimits::default());
    let csrf = other.csrf(&link).await;
    assert_eq!(
        other.post(&link, &[("csrf", &csrf)]).await.status,
        StatusCode::GONE
    );
}

#[tokio::test]
async fn a_reader_changes_password_and_address_exports_and_deletes() {
    let app = TestApp::new().await;
    let mut b = confirmed_reader(&app, "kim@example.com").await;
    let csrf = csrf_of(&b.get("/en/account").await.text());

    let wrong = b
        .post(
            "/en/account/password",
            &[
                ("current", "not it at all"),
                ("password", "another long password"),
                ("csrf", &csrf),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.text().contains("current password is not right"));
    let ok = b
        .post(
            "/en/account/password",
            &[
                ("current", PASSWORD),
                ("password", "another long password"),
                ("csrf", &csrf),
            ],
        )
        .await;
    assert_eq!(ok.header("location"), "/en/account?changed=password");

    let csrf = csrf_of(&b.get("/en/account").await.text());
    let r = b
        .post(
            "/en/account/email",
            &[
                ("email", "kim.new@example.com"),
                ("current", "another long password"),
                ("csrf", &csrf),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let (to, _, text, _) = outbox(&app).await.pop().unwrap();
    assert_eq!(
        to, "kim.new@example.com",
        "the link goes to the new address"
    );
    assert!(
        app.store()
            .account_by_email("kim@example.com")
            .await
            .is_ok(),
        "not moved yet"
    );
    let link = link_in(&text, "email");
    let csrf2 = b.csrf(&link).await;
    let moved = b.post(&link, &[("csrf", &csrf2)]).await;
    assert_eq!(moved.header("location"), "/en/account?changed=email");
    assert!(
        app.store()
            .account_by_email("kim.new@example.com")
            .await
            .is_ok()
    );

    let export = b.get("/en/account/export").await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(
        export
            .header("content-disposition")
            .starts_with("attachment")
    );
    let data: serde_json::Value = serde_json::from_slice(&export.bytes).unwrap();
    assert_eq!(data["account"]["email"], "kim.new@example.com");
    assert_eq!(data["account"]["display_name"], "Reader");

    let csrf = csrf_of(&b.get("/en/account").await.text());
    let gone = b
        .post(
            "/en/account/delete",
            &[("current", "another long password"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(gone.status, StatusCode::OK);
    assert!(
        app.store()
            .account_by_email("kim.new@example.com")
            .await
            .is_err()
    );
    assert!(!b.cookies.contains_key("nd_reader"));
    assert_eq!(
        b.get("/en/account/export").await.header("location"),
        "/en/account/login"
    );
}
