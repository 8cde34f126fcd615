//! cargo-fuzz target: `tadqiq::fuzzing::gazetteer` (see docs/fuzzing.md).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tadqiq::fuzzing::gazetteer(data));
