#![no_main]
// Filled in by the renderer work: renders arbitrary bodies with the production limits.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = std::str::from_utf8(data);
});
