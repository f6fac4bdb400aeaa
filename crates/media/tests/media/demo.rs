//! The demo photo generator.

use newsdesk_media::demo_photo::{DEMO_ASPECTS, DemoPalette, demo_dimensions};
use newsdesk_media::{Limits, generate_demo_photo, inspect};

#[test]
fn same_seed_same_photo_other_seed_other_photo() {
    let a = generate_demo_photo(11, 480, 320, DemoPalette::Dusk).unwrap();
    let b = generate_demo_photo(11, 480, 320, DemoPalette::Dusk).unwrap();
    let c = generate_demo_photo(12, 480, 320, DemoPalette::Dusk).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
    // Not just different grain: the pictures differ visibly.
    let (ia, ic) = (
        image::load_from_memory(&a).unwrap().to_rgb8(),
        image::load_from_memory(&c).unwrap().to_rgb8(),
    );
    let differing = ia.pixels().zip(ic.pixels()).filter(|(p, q)| {
        p.0.iter()
            .zip(q.0.iter())
            .map(|(x, y)| x.abs_diff(*y) as u32)
            .sum::<u32>()
            > 60
    });
    assert!(differing.count() > (480 * 320) / 10);
}

#[test]
fn every_aspect_and_palette_is_a_valid_upload() {
    for (i, aspect) in DEMO_ASPECTS.into_iter().enumerate() {
        let palette = DemoPalette::ALL[i % DemoPalette::ALL.len()];
        let (w, h) = demo_dimensions(aspect, 600);
        let jpeg = generate_demo_photo(i as u64, w, h, palette).unwrap();
        let ok = inspect(&jpeg, &Limits::default()).unwrap();
        assert_eq!((ok.width, ok.height), (w, h), "{aspect:?}");
    }
}

#[test]
fn a_demo_photo_is_not_a_flat_colour() {
    let jpeg = generate_demo_photo(3, 320, 200, DemoPalette::Noon).unwrap();
    let img = image::load_from_memory(&jpeg).unwrap().to_luma8();
    let (min, max) = img
        .pixels()
        .fold((255u8, 0u8), |(lo, hi), p| (lo.min(p.0[0]), hi.max(p.0[0])));
    assert!(max - min > 80, "contrast {min}..{max}");
}
