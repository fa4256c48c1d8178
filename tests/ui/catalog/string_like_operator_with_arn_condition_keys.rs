// `StringEquals` on the ARN key `aws:SourceArn`: STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS, a
// suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": {
                "aws:SourceArn": "arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0"
            }
        }
    }]
});

fn main() {
    let _ = &P;
}
