//! The body limit, stated and enforced the same at any size (#18). Up to the transport
//! limit (4 MB per form) an article body over its 200,000 characters comes back in the
//! form with the text typed and the limit named; past it, a styled 413 page that names the
//! limit and says nothing was saved (JSON for the Admin API) — never `text/plain`, never a
//! cut connection, checked over a real socket at 20 and 64 MB.

use std::net::SocketAddr;

use axum::body::Body;
use http::{Request, StatusCode};
use newsdesk_core::Role;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::api_support::bearer;
use crate::support::{TestApp, unescape};

const MB: usize = 1024 * 1024;

/// An article form whose body is `chars` characters.
fn article_form(csrf: &str, chars: usize) -> String {
    format!(
        "csrf={csrf}&edition=en&headline=A+very+long+read&lead=&then=save&body={}",
        "a".repeat(chars)
    )
}

async fn post_form(
    app: &TestApp,
    cookie: &str,
    form: String,
    declare_length: bool,
) -> crate::support::TestResponse {
    let mut request = Request::post("/admin/articles/new")
        .header("cookie", format!("nd_session={cookie}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html");
    if declare_length {
        request = request.header("content-length", form.len());
    }
    app.send(request.body(Body::from(form)).unwrap()).await
}

#[tokio::test]
async fn a_body_over_its_characters_comes_back_in_the_form_up_to_the_transport_limit() {
    let app = TestApp::new().await;
    let mut editor = app.client_as(Role::Editor).await;
    let cookie = editor.cookies["nd_session"].clone();

    // The limit is stated next to the field and checked as it is typed.
    let page = editor.get("/admin/articles/new").await;
    assert!(
        page.body.contains("up to 200,000 characters"),
        "{}",
        page.body
    );
    assert!(page.body.contains("data-maxlength=\"200000\""));

    // 1 MB over the field's limit, and 3 MB (which once met axum's 2 MB default and its
    // text/plain "Failed to buffer the request body"): the form again, with the text.
    for chars in [200_000 + MB, 3 * MB] {
        let r = post_form(&app, &cookie, article_form(&editor.csrf, chars), true).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{chars} characters"
        );
        assert!(r.header("content-type").starts_with("text/html"), "{chars}");
        assert!(
            r.body.contains("must be at most 200000 characters"),
            "{chars}"
        );
        assert!(
            r.body.contains(&"a".repeat(chars)),
            "the text typed is kept in the form ({chars})"
        );
    }
    assert!(
        app.store()
            .list_articles(&newsdesk_store::ArticleQuery {
                any_status: true,
                limit: 10,
                ..Default::default()
            })
            .await
            .unwrap()
            .is_empty(),
        "nothing saved"
    );
}

#[tokio::test]
async fn past_the_transport_limit_every_size_gets_the_same_413_page() {
    let app = TestApp::new().await;
    let editor = app.client_as(Role::Editor).await;
    let cookie = editor.cookies["nd_session"].clone();
    // With a length declared (browsers) and without (chunked).
    for (size, declared) in [(5 * MB, true), (5 * MB, false), (20 * MB, true)] {
        let r = post_form(&app, &cookie, article_form(&editor.csrf, size), declared).await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{size} {declared}");
        assert!(r.header("content-type").starts_with("text/html"), "{size}");
        let html = unescape(&r.body);
        assert!(
            html.contains("the newsroom accepts at most 4 MB per form"),
            "{html}"
        );
        assert!(html.contains("nothing you sent was stored"), "{html}");
        assert!(html.contains("up to 200000 characters"), "{html}");
        assert!(html.contains("href=\"/admin\""), "the admin's page: {html}");
    }
}

#[tokio::test]
async fn the_admin_api_answers_an_oversized_body_in_json() {
    let app = TestApp::new().await;
    let (_, auth) = bearer(&app, Role::Editor).await;
    let crate::api_support::Auth::Bearer(token) = auth else {
        unreachable!()
    };
    let body = format!(
        "{{\"edition\":\"en\",\"headline\":\"Long\",\"body\":\"{}\"}}",
        "a".repeat(3 * MB)
    );
    let r = app
        .send(
            Request::post("/api/v1/admin/articles")
                .header("authorization", format!("Bearer {token}"))
                .header("content-type", "application/json")
                .header("content-length", body.len())
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    let json = r.json();
    assert_eq!(json["error"]["code"], "payload_too_large");
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nothing was saved"),
        "{json}"
    );
}

/// Serves the real application on a loopback port.
async fn serve(app: &TestApp) -> (SocketAddr, tokio::task::JoinHandle<std::io::Result<()>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = newsdesk_server::router(app.state.clone());
    let task = tokio::spawn(newsdesk_server::serve(
        listener,
        router,
        newsdesk_server::ConnectionLimits::default(),
        std::future::pending::<()>(),
    ));
    (addr, task)
}

/// One HTTP/1.1 response: its head and body (by `Content-Length`).
async fn read_response(stream: &mut TcpStream) -> (String, String) {
    let mut buf = Vec::new();
    let mut chunk = [0_u8; 8192];
    let head_end = loop {
        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = stream
            .read(&mut chunk)
            .await
            .unwrap_or_else(|e| panic!("a reset instead of the answer: {e}"));
        assert!(n > 0, "connection closed before an answer");
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or_else(|| panic!("no Content-Length: {head}"));
    while buf.len() < head_end + length {
        let n = stream
            .read(&mut chunk)
            .await
            .unwrap_or_else(|e| panic!("a reset inside the answer: {e}"));
        assert!(n > 0, "connection closed inside the answer");
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_end..head_end + length]).into_owned();
    (head, body)
}

#[tokio::test]
async fn over_a_socket_20_and_64_mb_get_the_whole_413_and_the_connection_stays_usable() {
    let app = TestApp::new().await;
    let editor = app.client_as(Role::Editor).await;
    let cookie = editor.cookies["nd_session"].clone();
    let (addr, server) = serve(&app).await;
    for size in [20 * MB, 64 * MB] {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        let prefix = format!(
            "csrf={}&edition=en&headline=Huge&then=save&body=",
            editor.csrf
        );
        let head = format!(
            "POST /admin/articles/new HTTP/1.1\r\nHost: localhost\r\nCookie: nd_session={cookie}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\n\
             Content-Length: {size}\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(prefix.as_bytes()).await.unwrap();
        // A browser sends the whole body before it reads the answer: every byte must go.
        let block = vec![b'a'; MB];
        let mut left = size - prefix.len();
        while left > 0 {
            let n = left.min(block.len());
            stream
                .write_all(&block[..n])
                .await
                .unwrap_or_else(|e| panic!("cut at {} of {size} bytes: {e}", size - left));
            left -= n;
        }
        let (head, body) = read_response(&mut stream).await;
        assert!(head.starts_with("HTTP/1.1 413"), "{size}: {head}");
        assert!(
            head.to_ascii_lowercase()
                .contains("content-type: text/html"),
            "{head}"
        );
        let body = unescape(&body);
        assert!(body.contains("at most 4 MB per form"), "{body}");
        assert!(
            body.contains(&format!("this one was {} MB in all", size / MB)),
            "{body}"
        );

        // Drained, the connection carries the next request.
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .await
            .unwrap();
        let (next, _) = read_response(&mut stream).await;
        assert!(next.starts_with("HTTP/1.1 200"), "{next}");
    }
    server.abort();
}
