//! Media under attack (#12 points 6, 12 and 18): an upload whose decode would not fit the
//! memory budget is refused with a clear 413; bad `/media/` URLs are a quiet 404, never an
//! ERROR; files no photo refers to are swept once past the grace period, and nothing else.
//!
//! Its own test binary: the log is captured with a thread-local subscriber.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly on the first surprise"
)]

#[allow(dead_code)] // shared with the spine tests, which use all of it
#[path = "spine/support.rs"]
mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use axum::body::Body;
use http::{Request, StatusCode};
use newsdesk_bus::Bus;
use newsdesk_core::{Credit, Role};
use newsdesk_media::MediaStore;
use newsdesk_site::{AppConfig, AppState};
use newsdesk_store::{NewPhoto, Store};

use crate::support::Spine;

const MIB: u64 = 1024 * 1024;
const BOUNDARY: &str = "media-limits-boundary-5a1c";

/// A `width`×`height` 16-bit RGBA PNG of one flat colour, deflated row by row: a few MB
/// on the wire, 800 MB as 16-bit pixels at 10000×10000.
fn flat_rgba16_png(width: u32, height: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[16, 6, 0, 0, 0]); // 16 bits, RGBA, deflate, no filter, no interlace
    chunk(&mut png, b"IHDR", &ihdr);
    let mut row = vec![0x40u8; 1 + width as usize * 8];
    row[0] = 0; // filter: none
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    for _ in 0..height {
        z.write_all(&row).unwrap();
    }
    let idat = z.finish().unwrap();
    for part in idat.chunks(1 << 20) {
        chunk(&mut png, b"IDAT", part);
    }
    chunk(&mut png, b"IEND", &[]);
    png
}

fn upload_request(token: &str, file: &[u8]) -> Request<Body> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\nContent-Type: image/png\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    Request::post("/api/v1/admin/photos")
        .header("authorization", format!("Bearer {token}"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(body))
        .unwrap()
}

async fn editor_token(store: &Store) -> String {
    let account = store
        .create_account("editor@example.com", "Ed", Role::Editor, "not-a-real-hash")
        .await
        .unwrap();
    newsdesk_newsroom::actions::tokens::issue(store, "editor token", Role::Editor, Some(account.id))
        .await
        .unwrap()
        .secret
}

#[tokio::test]
async fn an_upload_that_would_not_fit_the_decode_budget_is_refused_before_decoding() {
    let spine = Spine::new(|c| c.image_decode_memory = 64 * MIB).await;
    let token = editor_token(spine.store()).await;
    // At the pixel limit (100 MP): 800 MB as 16-bit RGBA, still 300 MB as 8-bit RGB.
    let png = flat_rgba16_png(10_000, 10_000);
    assert!(png.len() < 8 << 20, "{} bytes", png.len());

    let answer = spine.send(upload_request(&token, &png)).await;
    assert_eq!(
        answer.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        answer.body
    );
    let body: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("10000×10000") && message.contains("64 MiB"),
        "{message}"
    );
    // Nothing was stored, and the budget is whole again.
    assert!(
        spine
            .state
            .media()
            .list("originals")
            .await
            .unwrap()
            .is_empty()
    );
    let budget = spine.state.app().decode_budget();
    assert_eq!(budget.available_bytes(), budget.total_bytes());

    // A small image still goes through under the same budget.
    let small = flat_rgba16_png(300, 200);
    let answer = spine.send(upload_request(&token, &small)).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
}

/// Collects what the tracing subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = self.0.lock() {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn bad_media_urls_are_a_quiet_404() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let spine = Spine::new(|_| {}).await;
    spine
        .state
        .media()
        .put("photos/7/w640.jpg", b"jpeg".to_vec(), "image/jpeg")
        .await
        .unwrap();
    let ok = spine
        .send(
            Request::get("/media/photos/7/w640.jpg")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);

    for uri in [
        "/media/photos//w640.jpg",
        "/media/photos/7//w640.jpg",
        "/media/photos/7/w641.jpg",
        "/media/photos/8/w640.jpg",
        "/media/photos/7/w640.gif",
        "/media/photos/7/original.jpg",
        "/media/photos/7/../7/w640.jpg",
        "/media/photos/%2e%2e/7/w640.jpg",
        "/media/photos%2F7%2F..%2F..%2Fw640.jpg",
        "/media/photos/7/w640.jpg%00",
        "/media/photos/7/c16x9-w1200.jpg",
        "/media/photos/99999999999999999999/w640.jpg",
        "/media/originals/abc.jpg",
        "/media/%ff%fe",
    ] {
        let answer = spine
            .send(Request::get(uri).body(Body::empty()).unwrap())
            .await;
        // A path that is not UTF-8 is refused by the router itself, also a 4xx.
        let expected = if uri.contains("%ff") {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::NOT_FOUND
        };
        assert_eq!(answer.status, expected, "{uri}");
    }
    let log = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    assert!(
        !log.lines()
            .any(|l| l.contains(" ERROR ") || l.contains(" WARN ")),
        "{log}"
    );
    assert!(
        !log.contains("backtrace") && !log.contains("stack"),
        "{log}"
    );
}

fn photo_row(key: &str) -> NewPhoto {
    NewPhoto {
        key: key.into(),
        content_type: "image/jpeg".into(),
        width: 64,
        height: 48,
        byte_size: 4,
        caption: "A photo".into(),
        alt_text: "A grey square".into(),
        credit: Credit {
            agency: "Agency".into(),
            creator: "Jane Doe".into(),
        },
        copyright_notice: String::new(),
        copyright_year: None,
        uploaded_by: None,
    }
}

#[tokio::test]
async fn the_orphan_sweep_removes_old_unreferenced_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_sqlite(&dir.path().join("newsdesk.db"))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let root = dir.path().join("media");
    let media = MediaStore::local(&root).unwrap();
    let config = AppConfig::for_tests(dir.path().to_path_buf());
    let grace = config.orphan_grace;
    let state = AppState::new(store, Bus::in_process(), media.clone(), config).unwrap();

    let kept_photo = state
        .store()
        .create_photo(&photo_row("originals/kept.jpg"))
        .await
        .unwrap();
    let gone_photo = state
        .store()
        .create_photo(&photo_row("originals/gone.jpg"))
        .await
        .unwrap();
    state.store().delete_photo(gone_photo.id).await.unwrap();
    let files = [
        // Referenced: an original, and the renditions of its photo.
        "originals/kept.jpg".to_owned(),
        format!("photos/{}/w640.jpg", kept_photo.id),
        format!("photos/{}/c16x9-w1200.jpg", kept_photo.id),
        // An upload killed before its row: old, then one still being uploaded.
        "originals/killed.jpg".to_owned(),
        "originals/uploading-now.jpg".to_owned(),
        // What a deleted photo left behind.
        format!("photos/{}/w640.jpg", gone_photo.id),
        "demo/photo-0000000000000001.jpg".to_owned(),
        // Not a folder the media crate makes: not the sweep's to judge.
        "photos/not-a-photo/readme.txt".to_owned(),
    ];
    for key in &files {
        media
            .put(key, b"data".to_vec(), "image/jpeg")
            .await
            .unwrap();
        if key != "originals/uploading-now.jpg" {
            let old = SystemTime::now() - grace - Duration::from_secs(60);
            std::fs::File::options()
                .write(true)
                .open(root.join(key))
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
    }

    let removed = newsdesk_app::jobs::orphans::sweep_orphans(state.app(), SystemTime::now())
        .await
        .unwrap();
    assert_eq!(removed, 3);
    let mut left = media.list("originals").await.unwrap();
    left.extend(media.list("photos").await.unwrap());
    left.extend(media.list("demo").await.unwrap());
    assert_eq!(
        left,
        [
            "originals/kept.jpg".to_owned(),
            "originals/uploading-now.jpg".to_owned(),
            format!("photos/{}/c16x9-w1200.jpg", kept_photo.id),
            format!("photos/{}/w640.jpg", kept_photo.id),
            "photos/not-a-photo/readme.txt".to_owned(),
        ]
    );

    // Once the upload in flight is as old as the grace period, it goes too; a second run
    // on the same files removes nothing more.
    let later = SystemTime::now() + grace + Duration::from_secs(60);
    let removed = newsdesk_app::jobs::orphans::sweep_orphans(state.app(), later)
        .await
        .unwrap();
    assert_eq!(removed, 1);
    assert!(media.get("originals/kept.jpg").await.is_ok());
}
