//! See `fuzz/entry.rs` (shared with `tests/fuzz_regressions.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../entry.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::url_resolve(data));
