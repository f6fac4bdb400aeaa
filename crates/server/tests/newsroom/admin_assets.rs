//! The newsroom's own CSS and JS: compressed for browsers that take it (the editor bundle is
//! over half a megabyte as written), and revalidated with a 304 instead of sent again.

use axum::body::Body;
use http::{Request, StatusCode};

use crate::support::TestApp;

fn get(uri: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::empty()).unwrap()
}

#[tokio::test]
async fn the_editor_bundle_is_served_compressed_and_revalidated() {
    let app = TestApp::new().await;
    let (status, headers, plain) = app
        .send_for_bytes(get("/admin/static/rich-editor.js", &[]))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers.get("content-encoding").is_none(),
        "no encoding unless asked for"
    );
    assert!(plain.len() > 100_000, "the bundle: {} bytes", plain.len());

    let (status, headers, br) = app
        .send_for_bytes(get(
            "/admin/static/rich-editor.js",
            &[("accept-encoding", "gzip, deflate, br")],
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-encoding"], "br");
    assert_eq!(headers["vary"], "Accept-Encoding");
    assert!(
        br.len() * 2 < plain.len(),
        "brotli {} of {} bytes",
        br.len(),
        plain.len()
    );
    let mut unpacked = Vec::new();
    brotli::BrotliDecompress(&mut br.as_slice(), &mut unpacked).unwrap();
    assert_eq!(unpacked, plain, "the same file once decompressed");

    let (_, headers, gz) = app
        .send_for_bytes(get(
            "/admin/static/rich-editor.js",
            &[("accept-encoding", "gzip")],
        ))
        .await;
    assert_eq!(headers["content-encoding"], "gzip");
    let mut unpacked = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(gz.as_slice()),
        &mut unpacked,
    )
    .unwrap();
    assert_eq!(unpacked, plain);

    let etag = headers["etag"].to_str().unwrap().to_owned();
    let (status, _, body) = app
        .send_for_bytes(get(
            "/admin/static/rich-editor.js",
            &[("if-none-match", &etag)],
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());

    let (status, _, _) = app.send_for_bytes(get("/admin/static/nope.js", &[])).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
