// A number and a string as the values of one key: INVALID_CONDITION_DATA_TYPE.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:ListBucket",
        "Resource": "arn:aws:s3:::reports",
        "Condition": {"NumericLessThanEquals": {"s3:max-keys": [10, "100"]}}
    }]
});

fn main() {
    let _ = &P;
}
