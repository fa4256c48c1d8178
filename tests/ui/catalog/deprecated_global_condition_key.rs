// The deprecated key `aws:ARN`: DEPRECATED_GLOBAL_CONDITION_KEY, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "ArnEquals": { "aws:ARN": "arn:aws:iam::123456789012:role/Admin" }
        }
    }]
});

fn main() {
    let _ = &P;
}
