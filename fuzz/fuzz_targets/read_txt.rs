#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    partnermap_testkit::fuzz::read("txt", data);
});
