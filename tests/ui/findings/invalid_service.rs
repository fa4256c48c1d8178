// A condition key whose prefix is no service: INVALID_SERVICE.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:ListBucket",
        "Resource": "arn:aws:s3:::reports",
        "Condition": {"StringLike": {"s3x:prefix": "home/*"}}
    }]
});

fn main() {
    let _ = &P;
}
