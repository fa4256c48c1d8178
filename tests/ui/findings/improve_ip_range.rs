// A block with bits set after its prefix: IMPROVE_IP_RANGE, a suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": "*",
        "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.7/24"}}
    }]
});

fn main() {
    let _ = &P;
}
