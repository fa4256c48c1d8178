//! The case-file reader (`iam_policy::cases`): any text is read without a panic, and the cases it
//! reads run without a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (cases, _errors) = iam_policy::cases::parse_lenient(text);
    for case in &cases {
        let _ = iam_policy::cases::run_case(case).to_string();
    }
});
