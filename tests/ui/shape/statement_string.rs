// `Statement` as a string: DATA_TYPE_MISMATCH.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": "Allow ssm:StartSession on *"
});

fn main() {
    let _ = &P;
}
