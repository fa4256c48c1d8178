// An extra key declared with its type (D39) gets its operator checked: `StringEquals` on a
// `Numeric` key is TYPE_MISMATCH, a warning made an error here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!(extra_actions = ["newsvc:ListThings no-resource"], extra_keys = ["newsvc:MaxItems Numeric"], {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "newsvc:ListThings",
        "Resource": "*",
        "Condition": {"StringEquals": {"newsvc:MaxItems": "10"}}
    }]
});

fn main() {
    let _ = &P;
}
