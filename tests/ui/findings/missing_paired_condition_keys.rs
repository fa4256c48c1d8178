// `aws:VpcSourceIp` without its VPC: MISSING_PAIRED_CONDITION_KEYS, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::reports/*",
        "Condition": {"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}}
    }]
});

fn main() {
    let _ = &P;
}
