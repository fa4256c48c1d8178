// A statement that is a string, not an object: DATA_TYPE_MISMATCH.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": ["ssm:StartSession"]
});

fn main() {
    let _ = &P;
}
