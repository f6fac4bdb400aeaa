#![no_main]
//! Treats arbitrary bytes as an uploaded photo and runs what the upload action and the
//! renditions job run on it, with the production limits (`serve`'s defaults for
//! `max_upload_bytes`, `max_image_pixels` and `image_decode_memory`): the header cost
//! (`decode_cost`), the budget check, inspection, the embedded metadata, and the decode
//! for renditions. A panic, a hang past libFuzzer's `-timeout` or memory past
//! `-rss_limit_mb` is a finding.

use newsdesk_media::{
    DEFAULT_DECODE_MEMORY, DecodeBudget, Limits, decode_cost, decode_rgb, inspect, read_metadata,
    suggested_credit,
};

const LIMITS: Limits = Limits {
    max_bytes: 20 * 1024 * 1024,
    max_pixels: 100_000_000,
};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // Metadata is read from every upload that passes inspection; read it from all input.
    let meta = read_metadata(data);
    let _ = suggested_credit(&meta);

    let Ok(cost) = decode_cost(data, &LIMITS) else {
        return;
    };
    // The server refuses what cannot fit its budget before decoding a pixel.
    if DecodeBudget::new(DEFAULT_DECODE_MEMORY)
        .check(&cost)
        .is_err()
    {
        return;
    }
    let Ok(inspected) = inspect(data, &LIMITS) else {
        return;
    };
    assert!(u64::from(inspected.width) * u64::from(inspected.height) <= LIMITS.max_pixels);
    if let Ok(rgb) = decode_rgb(data, &LIMITS) {
        // The renditions are made from what inspection promised.
        assert_eq!(rgb.dimensions(), (inspected.width, inspected.height));
    }
});
