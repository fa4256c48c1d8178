//! Memory per input byte of `Policy::from_json` (issue 10, item 2): the peak of live heap bytes
//! while a policy loads (the policy kept included), over its size, at three sizes. Counted by a
//! global allocator, not timed. `cli/tests/memory.rs` measures `iam-policy check` the same way.

use iam_policy::{Options, Policy};
use iam_policy_tests::memory::{MAX_BYTES_PER_INPUT_BYTE, Peak, SIZES, peak_of, policy_of};

#[global_allocator]
static GLOBAL: Peak = Peak;

#[test]
fn from_json_memory_per_input_byte() {
    let options = Options::new().with_max_bytes(4 << 20);
    // The service catalog is parsed once per process, at the first policy: not per byte.
    Policy::from_json_with(&policy_of(100), &options).expect("valid");
    let mut figures = Vec::new();
    for size in SIZES {
        let text = policy_of(size);
        let mut kept = None;
        let peak = peak_of(|| {
            kept = Some(Policy::from_json_with(&text, &options).expect("valid"));
        });
        let loaded = kept.expect("loaded");
        assert_eq!(
            loaded.policy.statements().len(),
            text.matches("\"Sid\"").count()
        );
        assert_eq!(loaded.warnings.len(), loaded.policy.statements().len() + 1);
        let ratio = peak as f64 / text.len() as f64;
        figures.push(format!("{} bytes: peak {peak} ({ratio:.1}x)", text.len()));
        assert!(ratio <= MAX_BYTES_PER_INPUT_BYTE, "{}", figures.join("; "));
    }
    println!("from_json peak memory: {}", figures.join("; "));
}
