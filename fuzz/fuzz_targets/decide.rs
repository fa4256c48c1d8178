//! Both evaluation paths on fuzzed requests: the seed policies compiled by `policy_file!` decide
//! every request as the interpreter does, and as the same policies read from JSON; malformed
//! requests are never allowed. Input: action, resource, then `key=value` context lines.

#![no_main]

use iam_policy::{Authorizer, Decision, Request};
use iam_policy_tests::VALID_SEEDS;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.split('\n');
    let action = lines.next().unwrap_or_default();
    let resource = lines.next().unwrap_or_default();
    let context: Vec<(&str, &str)> = lines
        .map(|line| line.split_once('=').unwrap_or((line, "")))
        .collect();
    let request = Request::new(action, resource).context(&context);
    let malformed = request.check().is_err();
    for seed in VALID_SEEDS {
        let specialized = seed.compiled.explain(&request);
        let interpreted = seed.compiled.explain_interpreted(&request);
        assert_eq!(specialized, interpreted, "{} on {request:?}", seed.name);
        let authorizer = Authorizer::new().identity(seed.compiled);
        let verdict = authorizer.explain(&request);
        assert_eq!(specialized.decision, verdict.decision, "{} on {request:?}", seed.name);
        if malformed {
            assert_ne!(specialized.decision, Decision::Allowed, "{request:?}");
            assert!(specialized.malformed.is_some());
        }
    }
});
