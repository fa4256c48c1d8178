//! Bad input never panics: thousands of mutations of the seed policies (bytes deleted, repeated,
//! replaced by JSON punctuation or policy syntax) go through the reader, the validator with the
//! catalog, and, when they still read as a policy, evaluation of a few requests.

use iam_policy::{Decision, Policy, Request};
use iam_policy_tests::VALID_SEEDS;

/// A small deterministic generator (xorshift), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "*",
    "?",
    "${",
    "}",
    "${aws:username}",
    "arn:",
    "::",
    "\\",
    "\\u00e9",
    "é",
    "\u{2014}",
    "null",
    "true",
    "-1.5e3",
    "\"\"",
    "IfExists",
    "ForAnyValue:",
    "NotResource",
    "Deny",
    "\n",
    " ",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len());
        match rng.below(3) {
            0 => {
                let end = (at + 1 + rng.below(8)).min(bytes.len());
                bytes.drain(at..end);
            }
            1 => {
                let end = (at + 1 + rng.below(16)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes();
                bytes.splice(at..at, fragment.iter().copied());
            }
        }
    }
    // Reading text takes `&str`: a mutation that breaks UTF-8 is repaired, as a file reader would
    // have to.
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn mutated_policies_never_panic() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let (mut accepted, mut rejected) = (0, 0);
    let user = [
        ("aws:username", "alice"),
        ("ssm:resourceTag/Finance", "WebServers"),
    ];
    for seed in VALID_SEEDS {
        for _ in 0..1500 {
            let text = mutate(seed.text, &mut rng);
            match Policy::from_json(&text) {
                Err(error) => {
                    rejected += 1;
                    assert!(
                        error.errors().next().is_some(),
                        "rejected without an error: {text}"
                    );
                    let shown = error.to_string();
                    assert!(shown.contains('[') && !shown.is_empty());
                }
                Ok(policy) => {
                    accepted += 1;
                    for (action, resource) in [
                        (
                            "ssm:StartSession",
                            "arn:aws:ec2:us-east-2:123456789012:instance/i-1",
                        ),
                        (
                            "ssm:TerminateSession",
                            "arn:aws:ssm:us-east-2:123456789012:session/alice-1",
                        ),
                        ("s3:GetObject", "*"),
                    ] {
                        let request = Request::new(action, resource).context(&user);
                        let decision = policy.evaluate(&request);
                        assert!(matches!(
                            decision,
                            Decision::Allowed
                                | Decision::ExplicitlyDenied
                                | Decision::ImplicitlyDenied
                        ));
                    }
                    // What was read exports and reads back to the same policy.
                    let again =
                        Policy::from_json(&policy.to_json()).expect("exported JSON reads back");
                    assert_eq!(again.compiled(), policy.compiled(), "{text}");
                }
            }
        }
    }
    // Both outcomes happen, so the loop exercised the reader and the evaluator.
    assert!(
        accepted > 100 && rejected > 100,
        "accepted {accepted}, rejected {rejected}"
    );
}
