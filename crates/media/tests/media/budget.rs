//! The decoding memory budget: costs read from the header, permits held while a decode
//! runs and given back however it ends, decodes queued when the budget is spent.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use newsdesk_media::{DecodeBudget, Limits, MediaError, Stage, decode_cost, decode_rgb, inspect};

const MIB: u64 = 1024 * 1024;

/// A flat-colour PNG, written row by row so that the test itself stays small in memory.
pub fn flat_png(width: u32, height: u32, colour: png::ColorType, depth: png::BitDepth) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(std::io::Cursor::new(&mut out), width, height);
    encoder.set_color(colour);
    encoder.set_depth(depth);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().unwrap();
    let samples = colour.samples()
        * if depth == png::BitDepth::Sixteen {
            2
        } else {
            1
        };
    let row = vec![0x80u8; width as usize * samples];
    let mut stream = writer.stream_writer().unwrap();
    for _ in 0..height {
        std::io::Write::write_all(&mut stream, &row).unwrap();
    }
    stream.finish().unwrap();
    drop(writer);
    out
}

#[test]
fn a_16_bit_png_is_costed_and_decoded_at_8_bits() {
    let (w, h) = (2000u32, 1500u32);
    let png = flat_png(w, h, png::ColorType::Rgba, png::BitDepth::Sixteen);
    let px = u64::from(w) * u64::from(h);
    let cost = decode_cost(&png, &Limits::default()).unwrap();
    assert_eq!((cost.width, cost.height), (w, h));
    // Rows are stripped to 8 bits as they are read: never the 8 bytes per pixel of the
    // 16-bit RGBA buffer, only the RGB image (plus fixed slack).
    assert!(cost.render >= px * 3, "{cost:?}");
    assert!(cost.render < px * 4 + 16 * MIB, "{cost:?}");
    // Checking keeps one row at a time.
    assert!(cost.inspect < 16 * MIB, "{cost:?}");

    let checked = inspect(&png, &Limits::default()).unwrap();
    assert_eq!((checked.width, checked.height), (w, h));
    let rgb = decode_rgb(&png, &Limits::default()).unwrap();
    assert_eq!(rgb.dimensions(), (w, h));
    // 0x8080 grey at 0x8080 alpha, stripped to 0x80 and blended onto white.
    let expected = (128 * 128 + 255 * 127 + 127) / 255;
    assert_eq!(rgb.get_pixel(w - 1, h - 1).0, [expected as u8; 3]);
}

#[test]
fn a_damaged_png_is_still_refused_row_by_row() {
    let png = flat_png(300, 200, png::ColorType::Rgb, png::BitDepth::Eight);
    let cut = &png[..png.len() / 2];
    assert!(matches!(
        inspect(cut, &Limits::default()),
        Err(MediaError::Corrupt { .. })
    ));
    assert!(matches!(
        decode_rgb(cut, &Limits::default()),
        Err(MediaError::Corrupt { .. })
    ));
}

#[test]
fn an_image_larger_than_the_whole_budget_is_refused_with_its_size() {
    let png = flat_png(4000, 4000, png::ColorType::Rgba, png::BitDepth::Sixteen);
    let cost = decode_cost(&png, &Limits::default()).unwrap();
    let err = DecodeBudget::new(16 * MIB).check(&cost).unwrap_err();
    assert!(matches!(err, MediaError::OverBudget { .. }), "{err:?}");
    assert!(err.is_client_error());
    let message = err.to_string();
    assert!(
        message.contains("4000×4000") && message.contains("16 MiB"),
        "{message}"
    );
    assert!(DecodeBudget::new(256 * MIB).check(&cost).is_ok());
}

#[tokio::test]
async fn permits_come_back_after_success_error_and_panic() {
    let budget = DecodeBudget::new(256 * MIB);
    let png = Bytes::from(flat_png(
        1000,
        1000,
        png::ColorType::Rgb,
        png::BitDepth::Eight,
    ));
    let limits = Limits::default();
    let wait = Duration::from_secs(5);

    // While the work runs, its cost (read from the header) is taken from the budget.
    let seen = budget
        .run(png.clone(), limits, Stage::Render, wait, {
            let budget = budget.clone();
            move |_| Ok(budget.available_bytes())
        })
        .await
        .unwrap();
    let taken = budget.total_bytes() - seen;
    assert!((3 * MIB..=20 * MIB).contains(&taken), "took {taken}");
    assert_eq!(budget.available_bytes(), budget.total_bytes());

    let failed: Result<(), _> = budget
        .run(png.clone(), limits, Stage::Render, wait, |_| {
            Err(MediaError::Resize("deliberate".into()))
        })
        .await;
    assert!(matches!(failed, Err(MediaError::Resize(_))));
    assert_eq!(budget.available_bytes(), budget.total_bytes());

    let panicked: Result<(), _> = budget
        .run(png.clone(), limits, Stage::Render, wait, |_| {
            panic!("a decoder bug")
        })
        .await;
    assert!(matches!(panicked, Err(MediaError::Task(_))), "{panicked:?}");
    assert_eq!(budget.available_bytes(), budget.total_bytes());

    // A refused header takes nothing.
    let junk = budget
        .run(
            Bytes::from_static(b"not an image"),
            limits,
            Stage::Render,
            wait,
            |_| Ok(()),
        )
        .await;
    assert!(matches!(junk, Err(MediaError::UnsupportedFormat)));
    assert_eq!(budget.available_bytes(), budget.total_bytes());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_room_for_one_two_decodes_run_one_after_the_other() {
    let png = Bytes::from(flat_png(
        2000,
        2000,
        png::ColorType::Rgb,
        png::BitDepth::Eight,
    ));
    let cost = decode_cost(&png, &Limits::default()).unwrap();
    // Room for one decode of this image, not two.
    let budget = DecodeBudget::new(cost.render + cost.render / 2);
    let log = Arc::new(Mutex::new(Vec::new()));
    let run = |name: &'static str| {
        let (budget, png, log) = (budget.clone(), png.clone(), log.clone());
        tokio::spawn(async move {
            budget
                .run(
                    png,
                    Limits::default(),
                    Stage::Render,
                    Duration::from_secs(60),
                    move |b| {
                        log.lock().unwrap().push(format!("{name} starts"));
                        let image = decode_rgb(b, &Limits::default());
                        log.lock().unwrap().push(format!("{name} ends"));
                        image.map(|_| ())
                    },
                )
                .await
        })
    };
    let (a, b) = (run("a"), run("b"));
    a.await.unwrap().unwrap();
    b.await.unwrap().unwrap();
    let log = log.lock().unwrap().clone();
    // Whichever went first ended before the other started.
    assert_eq!(log.len(), 4);
    assert!(
        log[0].ends_with("starts") && log[1].ends_with("ends"),
        "{log:?}"
    );
    assert_eq!(
        log[0].split(' ').next(),
        log[1].split(' ').next(),
        "{log:?}"
    );
}

#[tokio::test]
async fn a_decode_that_waits_too_long_is_told_the_server_is_busy() {
    let budget = DecodeBudget::new(64 * MIB);
    let hold = budget
        .acquire(64 * MIB, Duration::from_secs(1))
        .await
        .unwrap();
    let waited = budget.acquire(MIB, Duration::from_millis(20)).await;
    assert!(matches!(waited, Err(MediaError::Busy)));
    drop(hold);
    assert!(budget.acquire(MIB, Duration::from_millis(20)).await.is_ok());
}
