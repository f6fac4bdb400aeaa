//! The client address behind trusted proxies: rate limits (and the audit log) key on the
//! real client, and a client outside the trusted list cannot choose its address.

use axum::body::Body;
use http::StatusCode;
use newsdesk_auth::LoginLimits;

use crate::support::{Answer, Spine, from_peer};

const PROXY: &str = "10.0.0.5:44321";

/// A failed login attempt from `peer`, claiming to forward for `client`.
async fn attempt(spine: &Spine, peer: &str, client: &str) -> Answer {
    let page = spine
        .send(
            from_peer("GET", "/admin/login", peer)
                .header("x-forwarded-for", client)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let cookie = page.header("set-cookie");
    let csrf = cookie
        .split(';')
        .next()
        .and_then(|pair| pair.strip_prefix("nd_csrf="))
        .unwrap_or_default()
        .to_owned();
    assert!(!csrf.is_empty(), "pre-session cookie: {cookie}");
    let form = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("csrf", csrf.as_str()),
            ("email", "nobody@example.com"),
            ("password", "a wrong guess"),
        ])
        .finish();
    spine
        .send(
            from_peer("POST", "/admin/login", peer)
                .header("x-forwarded-for", client)
                .header("cookie", format!("nd_csrf={csrf}"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(form))
                .unwrap(),
        )
        .await
}

fn options() -> newsdesk_server::Options {
    newsdesk_server::Options {
        // Two attempts per address; the account limit out of the way.
        login_limits: LoginLimits::new(2, 100),
        ..Default::default()
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_login_limit() {
    let spine = Spine::with_options(
        |c| c.trusted_proxies = vec!["10.0.0.0/8".parse().unwrap()],
        options(),
    )
    .await;
    let a = "198.51.100.1";
    let b = "198.51.100.2";
    assert_eq!(
        attempt(&spine, PROXY, a).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        attempt(&spine, PROXY, a).await.status,
        StatusCode::UNAUTHORIZED
    );
    let limited = attempt(&spine, PROXY, a).await;
    assert_eq!(
        limited.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        limited.body
    );
    // Another reader behind the same proxy is not affected.
    assert_eq!(
        attempt(&spine, PROXY, b).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Nor can client A escape by prepending a forged address: the proxy appends the
    // real one, and that is the one used.
    assert_eq!(
        attempt(&spine, PROXY, &format!("203.0.113.99, {a}"))
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn from_an_untrusted_peer_the_forwarding_header_is_ignored() {
    let spine = Spine::with_options(|c| c.trusted_proxies = Vec::new(), options()).await;
    let peer = "192.0.2.77:5000";
    assert_eq!(
        attempt(&spine, peer, "198.51.100.1").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        attempt(&spine, peer, "198.51.100.2").await.status,
        StatusCode::UNAUTHORIZED
    );
    // A different header each time does not buy new attempts: the peer is the client.
    let limited = attempt(&spine, peer, "198.51.100.3").await;
    assert_eq!(
        limited.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        limited.body
    );
}

#[tokio::test]
async fn the_audit_log_records_the_client_the_trusted_proxy_names() {
    let spine = Spine::new(|c| c.trusted_proxies = vec!["10.0.0.0/8".parse().unwrap()]).await;
    let admin = spine
        .store()
        .create_account("admin@example.com", "Ada", newsdesk_core::Role::Admin, "x")
        .await
        .unwrap();
    let secret = "nd_spine-test-token-0123456789abcdefghijklmnop";
    spine
        .store()
        .create_api_token(
            "desk script",
            newsdesk_core::Role::Admin,
            &newsdesk_auth::token::hash_secret(secret),
            Some(admin.id),
        )
        .await
        .unwrap();
    let created = spine
        .send(
            from_peer("POST", "/api/v1/admin/tokens", PROXY)
                .header("x-forwarded-for", "203.0.113.50")
                .header("authorization", format!("Bearer {secret}"))
                .header("content-type", "application/json")
                .body(Body::from(r#"{"name":"night desk","role":"editor"}"#))
                .unwrap(),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let audit = spine.store().list_audit(10, 0).await.unwrap();
    let entry = audit
        .iter()
        .find(|e| e.action.starts_with("token."))
        .expect("the token's creation is audited");
    assert_eq!(entry.details["client"], "203.0.113.50", "{entry:?}");
}
