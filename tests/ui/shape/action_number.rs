// `Action` as a number: DATA_TYPE_MISMATCH.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": 42,
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
