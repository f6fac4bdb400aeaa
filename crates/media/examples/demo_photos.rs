//! Write a few demo photos to a folder and time them:
//! `cargo run --release -p newsdesk-media --example demo_photos -- /tmp/demo-photos`

use std::time::Instant;

use newsdesk_media::demo_photo::{DEMO_ASPECTS, DemoPalette, demo_dimensions};
use newsdesk_media::generate_demo_photo;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "demo-photos".into());
    std::fs::create_dir_all(&dir)?;
    let mut slowest = 0u128;
    // A contact sheet, 5 across, for looking at the set in one go.
    let mut sheet = image::RgbImage::new(5 * 320, 3 * 320);
    for seed in 0..15u64 {
        let aspect = DEMO_ASPECTS[(seed as usize) % DEMO_ASPECTS.len()];
        let (w, h) = demo_dimensions(aspect, 1600);
        let palette = DemoPalette::from_seed(seed / 3);
        let started = Instant::now();
        let jpeg = generate_demo_photo(seed, w, h, palette)?;
        let micros = started.elapsed().as_micros();
        let started = Instant::now();
        let _ = newsdesk_media::demo_photo::demo_pixels(seed, w, h, palette);
        println!("  pixels alone: {} ms", started.elapsed().as_millis());
        slowest = slowest.max(micros);
        println!(
            "seed {seed:2} {w}x{h} {palette:?}: {} KB in {} ms",
            jpeg.len() / 1024,
            micros / 1000
        );
        let decoded = image::load_from_memory(&jpeg)?;
        let thumb = decoded.thumbnail(310, 310).to_rgb8();
        let (col, row) = (seed as i64 % 5, seed as i64 / 5);
        image::imageops::overlay(&mut sheet, &thumb, col * 320, row * 320);
        std::fs::write(format!("{dir}/demo-{seed:02}.jpg"), jpeg)?;
    }
    println!("slowest: {} ms", slowest / 1000);
    sheet.save(format!("{dir}/contact-sheet.png"))?;
    Ok(())
}
